"""``runlift status``: where an athlete stands today against the plan.

Exit codes: 0 shown, 1 bad input (an unknown athlete, a date that is not one),
2 usage errors.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from runlift.cli import render
from runlift.cli.store_options import AthleteOption, DbOption, JsonOption, now
from runlift.errors import InvalidInput


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("--today", text, "a date as YYYY-MM-DD, e.g. 2026-12-09") from None


def status(
    athlete: AthleteOption = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today", help="Take this date as today (YYYY-MM-DD; default: today in your zone)."
        ),
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """This week against the plan, training load, estimates, readiness and what comes next."""
    from runlift.cli import render_status  # noqa: PLC0415 - loads the store and the tracking
    from runlift.services import status as status_service  # noqa: PLC0415
    from runlift.services import status_json, training_log  # noqa: PLC0415

    day = None if today is None else _day(today)
    with training_log.open_store(db) as store:
        record = store.athlete(athlete)
        view = status_service.status(store, record.id, today=day, now=now())
    if as_json:
        render.emit_json(status_json.status_document(view))
    else:
        render_status.status(view)
