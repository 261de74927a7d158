"""``runlift status`` in the terminal (rich tables); its JSON is ``services.status_json``'s."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from runlift.cli.render import console, line, table
from runlift.cli.render_log import STATUS_STYLE
from runlift.domain.plan import PlannedSession
from runlift.domain.prescription import RunPrescription
from runlift.science.load import CHRONIC_WINDOW_DAYS
from runlift.science.readiness import ComponentScore, ReadinessComponent
from runlift.services.status import Status
from runlift.services.status_json import (
    MOOD_FLIP,
    latest_readiness,
    loads_by_key,
    planned_load_au,
    recent_efforts,
)
from runlift.tracking.monitoring import main_lift_ids
from runlift.units import format_duration, format_mass, mass_in_unit
from runlift.vocabulary import MassUnit, Phase


def _planned_text(session: PlannedSession) -> str:
    prescription = session.prescription
    minutes = f"{prescription.duration_min:.0f} min"
    if isinstance(prescription, RunPrescription):
        return f"{prescription.distance_km:.1f} km, {minutes}"
    return minutes


def _title(session: PlannedSession) -> str:
    """A lift's title before the list of its main lifts (``Full body (squat)``); a run's title."""
    title = session.scheduled.spec.title
    return title.split(": ", 1)[0] if session.scheduled.spec.is_lift else title


def _answer(component: ComponentScore) -> str:
    """A readiness component's input as the athlete gave it (mood: 1 very good to 5)."""
    value = component.value
    if value is None:
        return "-"
    if component.component is ReadinessComponent.MOOD:
        return f"{MOOD_FLIP - value:g}"
    if component.component is ReadinessComponent.RESTING_HR:
        return f"z {value:+.1f}"
    return f"{value:g}"


# Tables.


def _number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def _week(view: Status) -> None:
    loads = loads_by_key(view)
    rows: list[Sequence[Any]] = []
    for record in view.week_records:
        scheduled = record.session.scheduled
        done = None if record.activity is None else loads.get(record.activity)
        style = STATUS_STYLE[record.status.value]
        rows.append(
            (
                scheduled.id,
                f"{scheduled.start:%a %d %H:%M}",
                _title(record.session),
                f"[{style}]{record.status.value}[/]",
                _planned_text(record.session),
                round(planned_load_au(record.session)),
                None if done is None else round(done.load_au),
            )
        )
    for extra in view.week_extras:
        rows.append(
            (
                f"#{extra.key}",
                f"{extra.day:%a %d %b}",
                extra.sport.value,
                "[cyan]extra[/]",
                f"{extra.minutes:.0f} min",
                None,
                round(extra.load_au),
            )
        )
    week = view.week
    progress = view.week_progress
    caption = ""
    if progress is not None:
        due = progress.done + progress.partial + progress.missed
        adherence = "" if progress.adherence is None else f" ({progress.adherence:.0%})"
        caption = (
            f"Done {progress.done + progress.partial} of {due} sessions due{adherence}, "
            f"{progress.to_come} to come; load planned {_number(progress.planned_load_au)} AU "
            f"for the week, done {_number(progress.actual_load_au)} AU so far."
        )
    deload = ", deload" if week.deload and week.phase is not Phase.DELOAD else ""
    table(
        f"Week {week.index + 1} of {len(view.version.plan.weeks)} ({week.start:%d %b %Y}, "
        f"{week.phase.value}{deload})",
        ["session", "when", "what", "status", "planned", "load plan", "load done"],
        rows,
        caption=caption,
    )


def _load(view: Status) -> None:
    load = view.monitoring.load
    actual, planned = load.actual, load.planned
    acwr_note = ""
    if load.acwr is None:
        acwr_note = (
            f"n/a: {load.history_days} of 28 days logged"
            if load.history_days < CHRONIC_WINDOW_DAYS
            else "n/a: no load in 28 days"
        )
    rows = [
        ("last 7 days (AU)", _number(actual.week_au), _number(planned.week_au)),
        ("acute, 7-day EWMA (AU/day)", _number(actual.acute_au), _number(planned.acute_au)),
        ("chronic, 28-day EWMA (AU/day)", _number(actual.chronic_au), _number(planned.chronic_au)),
        ("acute:chronic ratio", acwr_note or _number(actual.acwr, 2), _number(planned.acwr, 2)),
        ("CTL, fitness (AU/day)", _number(actual.ctl_au), _number(planned.ctl_au)),
        ("ATL, fatigue (AU/day)", _number(actual.atl_au), _number(planned.atl_au)),
        ("TSB, form (AU/day)", _number(actual.tsb_au), _number(planned.tsb_au)),
        ("monotony, last 7 days", _number(actual.monotony, 2), _number(planned.monotony, 2)),
        ("strain, last 7 days (AU)", _number(actual.strain_au), _number(planned.strain_au)),
    ]
    table(
        f"Training load on {load.on_date:%a %d %b %Y}",
        ["", "done", "planned"],
        rows,
        caption=(
            "Session RPE x minutes (Foster 2001); EWMA ratio (Williams 2017), CTL/ATL/TSB "
            "(Banister 1975), monotony and strain (Foster 1998). Planned: the plan's sessions "
            "as prescribed; before the plan the log, or the plan's first week where the "
            "log holds nothing in the 28 days before it."
        ),
    )


def _mass(value_kg: float, unit: MassUnit) -> str:
    """A mass in the athlete's unit, to a tenth."""
    return (
        format_mass(round(value_kg, 1), unit)
        if unit is MassUnit.KG
        else format_mass(value_kg, unit)
    )


def _estimates(view: Status) -> None:
    result = view.monitoring
    unit = view.version.profile.units
    rows: list[Sequence[Any]] = []
    main = main_lift_ids(view.version.plan)
    ordered = sorted(
        result.one_rep_max_kg.items(),
        key=lambda item: (item[0] not in main, main.index(item[0]) if item[0] in main else 0),
    )
    for exercise, estimate in ordered:
        best = estimate.best
        if best is None:
            continue
        performed = best.performed
        rpe = "" if performed.rpe is None else f" @ RPE {performed.rpe:g}"
        rows.append(
            (
                f"e1RM {view.exercise_names.get(exercise, exercise)}",
                _mass(best.one_rep_max_kg, unit),
                f"{_mass(performed.load_kg, unit)} x {performed.reps}{rpe} on "
                f"{performed.on_date:%d %b}",
            )
        )
    vdot = result.vdot
    if vdot is not None and vdot.best is not None:
        run = vdot.best.result
        rows.append(
            (
                "VDOT",
                f"{vdot.best.vdot:.1f}",
                f"{run.distance_m / 1000:g} km in {format_duration(run.time_s)} "
                f"({run.effort.value.replace('_', ' ')}) on {run.on_date:%d %b}",
            )
        )
    else:
        plan_vdot = "" if view.plan_vdot is None else f"; the plan's is {view.plan_vdot:.1f}"
        rows.append(("VDOT", "-", f"no race or time trial logged{plan_vdot}"))
    mass = result.mass_trend
    if mass.trend is not None:
        trend = mass.trend
        planned = (
            ""
            if mass.planned_kg_per_week is None
            else f", planned {mass_in_unit(mass.planned_kg_per_week, unit):+.2f}"
        )
        verdict = (
            "" if mass.check is None else (" on track" if mass.check.on_track else " off track")
        )
        rows.append(
            (
                "body mass",
                _mass(trend.trend_mass_kg, unit),
                f"{mass_in_unit(trend.rate_kg_per_week, unit):+.2f} {unit}/week{planned}"
                f"{verdict} ({trend.readings_used} weigh-ins, 28 days)",
            )
        )
    elif mass.latest_kg is not None:
        rows.append(
            (
                "body mass",
                _mass(mass.latest_kg, unit),
                "too few weigh-ins for a rate (4 over 14 days)",
            )
        )
    table(
        "Estimates today",
        ["", "value", "from"],
        rows,
        caption="e1RM from logged working sets (RPE chart, else Epley), discounted with age; "
        "VDOT from races and time trials only (Daniels).",
    )


def _readiness(view: Status) -> None:
    day = latest_readiness(view)
    fatigue = view.monitoring.fatigue
    if day is None:
        line("Readiness: no check-in yet (runlift log checkin).")
    else:
        rows = [
            (
                c.component.value.replace("_", " "),
                _answer(c),
                _number(c.subscore, 2),
                _number(c.points, 1),
            )
            for c in day.components
            if c.subscore is not None
        ]
        table(
            f"Readiness {_number(day.score)} / 100 on {day.on_date:%a %d %b}",
            ["component", "answer", "subscore", "points"],
            rows,
            caption="Self-ratings as in the Hooper index (subscore 1 best); resting heart rate "
            "as a z-score against your last 28 days.",
        )
    if fatigue.flagged:
        for reason in fatigue.reasons:
            line(f"[bold red]fatigue:[/] {reason.detail}")
    for event in view.monitoring.events:
        line(f"[yellow]{event.kind.value}[/] from {event.first_day} to {event.last_day}.")


def _efforts(view: Status) -> None:
    efforts = recent_efforts(view)
    if not efforts:
        return
    unit = view.version.profile.units
    rows = []
    for effort in efforts:
        prescribed_load = (
            ""
            if effort.prescribed_load_kg is None
            else f" @ {_mass(effort.prescribed_load_kg, unit)}"
        )
        logged_load = (
            "" if effort.logged_load_kg is None else f" @ {_mass(effort.logged_load_kg, unit)}"
        )
        rows.append(
            (
                f"{effort.on_date:%a %d %b}",
                view.exercise_names.get(effort.exercise_id, effort.exercise_id),
                f"{effort.prescribed_sets}x{effort.prescribed_reps}{prescribed_load}",
                _number(effort.prescribed_rpe, 1),
                f"{effort.logged_reps or '?'}{logged_load}",
                _number(effort.logged_rpe, 1),
                "-" if effort.rpe_over is None else f"{effort.rpe_over:+.1f}",
            )
        )
    table(
        "Top sets against the plan (last two weeks)",
        ["day", "exercise", "planned", "RPE", "top set", "RPE", "over"],
        rows,
        caption="A lift prescribed as % 1RM is read as the RPE the chart gives it at those reps.",
    )


def _next(view: Status) -> None:
    rows = [
        (
            s.scheduled.id,
            f"{s.scheduled.start:%a %d %b %H:%M}",
            _title(s),
            _planned_text(s),
            round(planned_load_au(s)),
        )
        for s in view.next_sessions
    ]
    table("Next sessions", ["session", "when", "what", "planned", "load"], rows)


def status(view: Status) -> None:
    """The status as tables: the week, load, estimates, readiness, top sets, what comes next."""
    profile = view.version.profile
    console().print(
        f"[bold]{profile.name}[/] ({view.athlete_id}), plan version {view.version.version}, "
        f"{view.monitoring.today:%A %d %B %Y}"
    )
    _week(view)
    _load(view)
    _estimates(view)
    _readiness(view)
    _efforts(view)
    _next(view)
