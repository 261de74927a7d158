"""``runlift adapt``: a new plan version from today on, learnt from the log, and its diff.

Exit codes: 0 adapted, or nothing to change ("no change", no new version); 1 bad
input (an unknown athlete, a date that is not one, a profile that cannot be read, a
plan that would break a hard rule); 2 usage errors.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from runlift.cli import render, render_adapt
from runlift.cli.store_options import AthleteOption, DbOption, JsonOption, now
from runlift.errors import InvalidInput


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("--today", text, "a date as YYYY-MM-DD, e.g. 2026-12-09") from None


def adapt(
    athlete: AthleteOption = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today", help="Adapt as on this date (YYYY-MM-DD; default: today in your zone)."
        ),
    ] = None,
    profile: Annotated[
        Path | None,
        typer.Option(
            "--profile",
            help="Your profile as it now stands (a new goal, race date, windows or week): "
            "the weeks after this one are planned again.",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the changes; store no new version.")
    ] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Adapt the plan to what was done: missed sessions, RPE, illness, travel, fatigue, maxima."""
    from runlift.services import adaptation, training_log  # noqa: PLC0415 - loads the planner

    day = None if today is None else _day(today)
    text = None if profile is None else profile.read_text(encoding="utf-8")
    with training_log.open_store(db) as store:
        record = store.athlete(athlete)
        outcome = adaptation.adapt(
            store, record.id, now=now(), today=day, profile_text=text, dry_run=dry_run
        )
    if as_json:
        render.emit_json(outcome.as_json())
    else:
        render_adapt.outcome(outcome)
