"""``runlift status`` in the terminal (rich tables) and as JSON."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from runlift.cli.render import console, line, table
from runlift.cli.render_log import STATUS_STYLE
from runlift.domain.exercises import ExerciseId
from runlift.domain.plan import PlannedSession
from runlift.domain.prescription import RunPrescription
from runlift.science.ability import OneRepMaxEstimate, VdotEstimate
from runlift.science.load import CHRONIC_WINDOW_DAYS, session_rpe_load_au
from runlift.science.readiness import ComponentScore, Readiness, ReadinessComponent
from runlift.services.status import Status
from runlift.tracking.monitoring import (
    ActivityLoad,
    LiftEffort,
    LoadFigures,
    MassStatus,
    main_lift_ids,
)
from runlift.units import format_duration, format_mass, mass_in_unit
from runlift.vocabulary import MassUnit, Phase

RECENT_EFFORT_DAYS = 14
"""Lift efforts of the last two weeks are shown."""

MOOD_FLIP = 6
"""A check-in's mood runs from 1 (very good) to 5, the science's the other way round:
each is 6 minus the other."""


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _planned_au(session: PlannedSession) -> float:
    prescription = session.prescription
    return session_rpe_load_au(duration_min=prescription.duration_min, rpe=prescription.rpe)


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


def _loads_by_key(view: Status) -> dict[int, ActivityLoad]:
    return {load.key: load for load in view.monitoring.activity_loads}


# JSON.


def _figures_json(figures: LoadFigures) -> dict[str, Any]:
    return {
        "day_au": _r(figures.day_au),
        "week_au": _r(figures.week_au),
        "acute": _r(figures.acute_au),
        "chronic": _r(figures.chronic_au),
        "acwr": _r(figures.acwr, 3),
        "ctl": _r(figures.ctl_au),
        "atl": _r(figures.atl_au),
        "tsb": _r(figures.tsb_au),
        "monotony": _r(figures.monotony, 3),
        "strain": _r(figures.strain_au),
    }


def _sessions_json(view: Status) -> list[dict[str, Any]]:
    loads = _loads_by_key(view)
    rows: list[dict[str, Any]] = []
    for record in view.week_records:
        scheduled = record.session.scheduled
        done = None if record.activity is None else loads.get(record.activity)
        rows.append(
            {
                "id": scheduled.id,
                "date": scheduled.local_date.isoformat(),
                "start": scheduled.start.isoformat(),
                "modality": scheduled.spec.modality.value,
                "kind": scheduled.spec.kind.value,
                "title": scheduled.spec.title,
                "status": record.status.value,
                "activity_id": record.activity,
                "planned_load_au": _r(_planned_au(record.session)),
                "load_au": None if done is None else _r(done.load_au),
            }
        )
    for extra in view.week_extras:
        rows.append(
            {
                "id": None,
                "date": extra.day.isoformat(),
                "start": None,
                "modality": {"run": "run", "strength": "lift"}.get(extra.sport.value),
                "kind": extra.sport.value,
                "title": None,
                "status": "extra",
                "activity_id": extra.key,
                "planned_load_au": None,
                "load_au": _r(extra.load_au),
            }
        )
    return rows


def _vdot_json(estimate: VdotEstimate | None) -> dict[str, Any] | None:
    if estimate is None or estimate.best is None:
        return None
    best = estimate.best
    return {
        "date": best.result.on_date.isoformat(),
        "distance_m": round(best.result.distance_m),
        "time_s": round(best.result.time_s, 1),
        "effort": best.result.effort.value,
        "result_vdot": round(best.result_vdot, 2),
        "retention": round(best.retention, 4),
    }


def _maxima_json(maxima: Mapping[ExerciseId, OneRepMaxEstimate]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for exercise, estimate in maxima.items():
        best = estimate.best
        if best is None:
            continue
        out[exercise] = {
            "date": best.performed.on_date.isoformat(),
            "load_kg": best.performed.load_kg,
            "reps": best.performed.reps,
            "rpe": best.performed.rpe,
            "method": best.method.value,
            "retention": round(best.retention, 4),
        }
    return out


def _mass_json(mass: MassStatus) -> dict[str, Any]:
    trend, check = mass.trend, mass.check
    return {
        "readings": len(mass.readings),
        "latest_kg": _r(mass.latest_kg, 2),
        "trend_kg": None if trend is None else round(trend.trend_mass_kg, 2),
        "rate_kg_per_week": None if trend is None else round(trend.rate_kg_per_week, 3),
        "rate_se_kg_per_week": None if trend is None else round(trend.rate_se_kg_per_week, 3),
        "planned_kg_per_week": _r(mass.planned_kg_per_week, 3),
        "on_track": None if check is None else check.on_track,
    }


def _readiness_json(day: Readiness | None) -> dict[str, Any] | None:
    if day is None:
        return None
    return {
        "date": day.on_date.isoformat(),
        "score": _r(day.score),
        "components": {
            c.component.value: {
                "value": _r(
                    MOOD_FLIP - c.value
                    if c.component is ReadinessComponent.MOOD and c.value is not None
                    else c.value,
                    2,
                ),
                "subscore": _r(c.subscore, 3),
                "points": _r(c.points),
            }
            for c in day.components
            if c.subscore is not None
        },
    }


def _effort_json(effort: LiftEffort) -> dict[str, Any]:
    return {
        "session": effort.session_id,
        "date": effort.on_date.isoformat(),
        "exercise": effort.exercise_id,
        "main": effort.main,
        "prescribed": {
            "sets": effort.prescribed_sets,
            "reps": effort.prescribed_reps,
            "load_kg": effort.prescribed_load_kg,
            "rpe": effort.prescribed_rpe,
        },
        "logged": {
            "sets": effort.logged_sets,
            "reps": effort.logged_reps,
            "load_kg": effort.logged_load_kg,
            "rpe": effort.logged_rpe,
        },
        "rpe_over": _r(effort.rpe_over),
    }


def _latest_readiness(view: Status) -> Readiness | None:
    scored = [r for r in view.monitoring.readiness if r.score is not None]
    return scored[-1] if scored else None


def _recent_efforts(view: Status) -> list[LiftEffort]:
    today = view.monitoring.today
    return [
        e for e in view.monitoring.lift_efforts if (today - e.on_date).days < RECENT_EFFORT_DAYS
    ]


def status_json(view: Status) -> dict[str, Any]:
    """The status as JSON: the keys ``runlift status --json`` prints (docs/tracking.md)."""
    result = view.monitoring
    load = result.load
    progress = view.week_progress
    latest = _latest_readiness(view)
    return {
        "athlete": view.athlete_id,
        "plan_version": view.version.version,
        "today": result.today.isoformat(),
        "week": {
            "number": view.week.index + 1,
            "start": view.week.start.isoformat(),
            "planned": len(view.week.sessions),
            "done": None if progress is None else progress.done,
            "partial": None if progress is None else progress.partial,
            "missed": None if progress is None else progress.missed,
            "to_come": None if progress is None else progress.to_come,
            "extras": len(view.week_extras),
            "adherence": None if progress is None else _r(progress.adherence, 3),
            "planned_load_au": None if progress is None else _r(progress.planned_load_au),
            "actual_load_au": None if progress is None else _r(progress.actual_load_au),
        },
        "sessions": _sessions_json(view),
        "load": {
            "acute": _r(load.acute_au),
            "chronic": _r(load.chronic_au),
            "acwr": _r(load.acwr, 3),
            "ctl": _r(load.ctl_au),
            "atl": _r(load.atl_au),
            "tsb": _r(load.tsb_au),
            "monotony": _r(load.monotony, 3),
            "strain": _r(load.strain_au),
            "history_days": load.history_days,
            "actual": _figures_json(load.actual),
            "planned": _figures_json(load.planned),
        },
        "estimates": {
            "vdot": None if result.vdot is None else _r(result.vdot.vdot, 2),
            "vdot_from": _vdot_json(result.vdot),
            "plan_vdot": _r(view.plan_vdot, 2),
            "one_rep_max_kg": {
                exercise: round(estimate.one_rep_max_kg, 1)
                for exercise, estimate in result.one_rep_max_kg.items()
                if estimate.one_rep_max_kg is not None
            },
            "one_rep_max_from": _maxima_json(result.one_rep_max_kg),
            "body_mass": _mass_json(result.mass_trend),
        },
        "readiness": _readiness_json(latest),
        "fatigue": {
            "flagged": result.fatigue.flagged,
            "reasons": [
                {"signal": r.signal.value, "detail": r.detail} for r in result.fatigue.reasons
            ],
            "low_readiness_days": result.fatigue.low_readiness_days,
        },
        "lift_efforts": [_effort_json(e) for e in _recent_efforts(view)],
        "events": [
            {
                "kind": e.kind.value,
                "from": e.first_day.isoformat(),
                "to": e.last_day.isoformat(),
                "note": e.note,
            }
            for e in result.events
        ],
        "next": [
            {
                "id": s.scheduled.id,
                "date": s.scheduled.local_date.isoformat(),
                "start": s.scheduled.start.isoformat(),
                "modality": s.scheduled.spec.modality.value,
                "kind": s.scheduled.spec.kind.value,
                "title": s.scheduled.spec.title,
                "planned_load_au": _r(_planned_au(s)),
            }
            for s in view.next_sessions
        ],
    }


# Tables.


def _number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def _week(view: Status) -> None:
    loads = _loads_by_key(view)
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
                round(_planned_au(record.session)),
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
    day = _latest_readiness(view)
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
    efforts = _recent_efforts(view)
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
            round(_planned_au(s)),
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
