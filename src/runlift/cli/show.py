"""``runlift show`` and ``runlift explain``: read a plan.json in the terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from runlift.cli import render
from runlift.cli.files import plan_file
from runlift.domain.plan import Plan, PlannedSession
from runlift.errors import ImportFormatError, InvalidInput
from runlift.io.plan_json import read_plan
from runlift.io.prescription_text import prescription_lines
from runlift.vocabulary import MassUnit


def _load(path: Path) -> tuple[Plan, MassUnit]:
    """The plan, and the athlete's unit its loads are shown in."""
    path = plan_file(path, field="PLAN")
    try:
        plan, model = read_plan(path.read_text(encoding="utf-8-sig"))
    except ImportFormatError as exc:
        exc.source = str(path)
        raise
    return plan, model.units


def show(
    plan_file: Annotated[
        Path,
        typer.Argument(
            metavar="PLAN", help="A plan.json, or the folder `runlift plan` wrote it into."
        ),
    ],
    week: Annotated[
        int | None, typer.Option(help="Show only this week (1 = first); all weeks if left out.")
    ] = None,
) -> None:
    """Show the plan week by week: every session's day, time, title and prescription."""
    plan, unit = _load(plan_file)
    weeks = plan.weeks
    if week is not None:
        if not 1 <= week <= len(weeks):
            raise InvalidInput("--week", week, f"a week number from 1 to {len(weeks)}")
        weeks = (weeks[week - 1],)
    for item in weeks:
        render.week_view(item, detail=week is not None, unit=unit)


def _find(plan: Plan, session_id: str) -> PlannedSession:
    for week in plan.weeks:
        for session in week.sessions:
            if session.scheduled.spec.id == session_id:
                return session
    ids = [s.scheduled.spec.id for w in plan.weeks for s in w.sessions]
    close = [i for i in ids if i.startswith(session_id.split("-", maxsplit=1)[0])][:6] or ids[:6]
    raise InvalidInput(
        "SESSION_ID", session_id, f"a session id of this plan, e.g. {', '.join(close)}"
    )


def explain(
    plan_file: Annotated[
        Path,
        typer.Argument(
            metavar="PLAN", help="A plan.json, or the folder `runlift plan` wrote it into."
        ),
    ],
    session_id: Annotated[str, typer.Argument(help="A session id, e.g. w03-run1.")],
) -> None:
    """Why a session is where it is and what it is for, with rule IDs and sources."""
    from runlift.rules import RULES, RuleId  # noqa: PLC0415 - keeps `runlift --help` fast

    plan, unit = _load(plan_file)
    session = _find(plan, session_id)
    sources = {
        rule_id: RULES[RuleId(rule_id)].sources
        for rule_id in session.rules
        if RuleId(rule_id) in RULES
    }
    render.session_explanation(
        session, prescription=prescription_lines(session.prescription, unit=unit), sources=sources
    )
