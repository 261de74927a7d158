"""The training log's terminal output: imports, and a week of the plan against the log."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from runlift.cli.render import console, line, table
from runlift.domain.quantities import quantity
from runlift.services.log_import import FileOutcome
from runlift.services.log_view import DoneFigures, SessionRow, WeekLog, planned_distance_km
from runlift.units import format_pace

STATUS_STYLE = {
    "done": "green",
    "partial": "yellow",
    "missed": "red",
    "extra": "cyan",
    "planned": "dim",
}


def import_line(path: str, outcome: FileOutcome) -> None:
    """One file's outcome on one line (``-v``)."""
    if outcome.status == "failed":
        line(f"[red]failed[/]     {path}")
        line(f"             {outcome.error}")
    elif outcome.status == "duplicate":
        line(f"[dim]duplicate[/]  {path}")
    else:
        what = ", ".join(
            f"{a.activity.sport.value} {a.activity.start:%Y-%m-%d}"
            + (f" = {a.matched_session}" if a.matched_session else " (extra)")
            for a in outcome.activities
        )
        if outcome.body_mass_added:
            what = ", ".join(filter(None, [what, quantity(outcome.body_mass_added, "weighings")]))
        line(f"[green]imported[/]   {path}: {what}")
    for warning in outcome.warnings:
        line(f"             {warning}")


def import_summary(outcomes: Sequence[FileOutcome]) -> None:
    """How many files were imported, duplicates and failed, and each failure's reason."""
    counts = Counter(o.status for o in outcomes)
    activities = sum(len(o.activities) for o in outcomes)
    matched = sum(1 for o in outcomes for a in o.activities if a.matched_session)
    line(
        f"{quantity(counts['imported'], 'files')} imported "
        f"({quantity(activities, 'activities')}, {matched} matched to planned sessions), "
        f"{counts['duplicate']} already in the log, {counts['failed']} failed."
    )
    for outcome in outcomes:
        if outcome.status == "failed":
            line(f"  [red]failed:[/] {outcome.error}")


def _done_text(done: DoneFigures | None) -> str:
    if done is None:
        return ""
    if done.sets:
        return "; ".join(done.sets)
    parts = []
    if done.distance_km:
        parts.append(f"{done.distance_km:.1f} km")
    if done.duration_min:
        parts.append(f"{done.duration_min:.0f} min")
    if done.pace_s_per_km:
        parts.append(format_pace(done.pace_s_per_km))
    return ", ".join(parts)


def _planned_text(row: SessionRow) -> str:
    km = planned_distance_km(row.session)
    minutes = row.session.prescription.duration_min
    return f"{km:.1f} km, {minutes:.0f} min" if km else f"{minutes:.0f} min"


def week_log(view: WeekLog) -> None:
    """The week's sessions with their status, planned and done, and the extras."""
    week = view.week
    zone = ZoneInfo("UTC")
    rows: list[Sequence[Any]] = []
    for row in view.sessions:
        scheduled = row.session.scheduled
        zone = scheduled.start.tzinfo if isinstance(scheduled.start.tzinfo, ZoneInfo) else zone
        style = STATUS_STYLE[row.status.value]
        rows.append(
            (
                scheduled.id,
                f"{scheduled.start:%a %d %b %H:%M}",
                scheduled.spec.title,
                f"[{style}]{row.status.value}[/]",
                _planned_text(row),
                _done_text(row.done),
                round(row.planned_load_au),
                None if row.done is None or row.done.load_au is None else round(row.done.load_au),
            )
        )
    for extra in view.extras:
        rows.append(
            (
                f"#{extra.activity_id}",
                f"{extra.start.astimezone(zone):%a %d %b %H:%M}",
                extra.name or extra.sport,
                "[cyan]extra[/]" if extra.fulfils is None else f"for {extra.fulfils}",
                "",
                _done_text(extra),
                None,
                None if extra.load_au is None else round(extra.load_au),
            )
        )
    table(
        f"Week {week.index + 1} ({week.start:%d %b %Y}, {week.phase.value}"
        f"{', deload' if week.deload else ''}) against the log, plan version {view.plan_version}",
        ["session", "when", "what", "status", "planned", "done", "load plan", "load done"],
        rows,
        caption=(
            "Load: session RPE x minutes (Foster 2001); a done session without its own RPE "
            "counts at the planned RPE."
        ),
    )
    console().print(
        f"Load: planned {view.planned_load_au:.0f} AU, done {view.done_load_au:.0f} AU."
    )
