"""Options shared by every command that reads or writes the training log."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="RUNLIFT_DB",
        show_envvar=True,
        help="Database URL: sqlite:///path/runlift.db or postgresql+psycopg://user@host/db "
        "(default: runlift.db in your data folder).",
    ),
]
AthleteOption = Annotated[
    str | None,
    typer.Option(
        "--athlete",
        "-a",
        help="The athlete's id (runlift athlete list); may be left out while the store "
        "holds one athlete.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def now() -> datetime:
    """The current time, in UTC (the one place the training-log commands read the clock)."""
    return datetime.now(UTC)
