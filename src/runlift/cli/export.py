"""``runlift export``: a stored plan version's files, exactly as ``runlift plan`` writes them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from runlift.cli import render
from runlift.cli.files import write_outputs
from runlift.cli.store_options import AthleteOption, DbOption, now
from runlift.domain.quantities import quantity
from runlift.errors import InvalidInput


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("--today", text, "a date as YYYY-MM-DD, e.g. 2026-12-09") from None


def export(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the plan files into.")
    ],
    athlete: AthleteOption = None,
    version: Annotated[
        int | None,
        typer.Option("--version", min=1, help="Plan version to export (default: the current one)."),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="Read the training log on this date for the report's progress section "
            "(YYYY-MM-DD; default: today in the athlete's zone).",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the plan files of an athlete's current (or given) plan version.

    The report of an athlete who keeps a training log has a progress section: the plan
    against the log, read on --today.
    """
    from runlift.services import planning, training_log  # noqa: PLC0415 - loads the planner

    if output.exists() and not output.is_dir():
        raise InvalidInput("--output", str(output), "a folder (made if missing); this is a file")
    with training_log.open_store(db) as store:
        record = store.athlete(athlete)
        with planning.PdfPrinter() as printer:
            stored, files = training_log.export_files(
                store,
                record.id,
                version=version,
                printer=printer,
                today=None if today is None else _day(today),
                now=now(),
            )
            written = write_outputs(output, files)
    render.line(
        f"Wrote plan version {stored.version} of {record.id} "
        f"({quantity(len(written), 'items')}) to [bold]{output}[/]"
    )
