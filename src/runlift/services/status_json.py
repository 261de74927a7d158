"""``runlift status``'s JSON document, for the command line and the API alike.

:func:`status_document` turns a :class:`~runlift.services.status.Status` into the
document ``runlift status --json`` prints and ``GET /api/v1/athletes/{id}/status``
answers (keys in docs/tracking.md): one builder, so the two never drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from runlift.domain.exercises import ExerciseId
from runlift.domain.plan import PlannedSession
from runlift.science.ability import OneRepMaxEstimate, VdotEstimate
from runlift.science.load import session_rpe_load_au
from runlift.science.readiness import Readiness, ReadinessComponent
from runlift.services.status import Status
from runlift.tracking.monitoring import ActivityLoad, LiftEffort, LoadFigures, MassStatus

RECENT_EFFORT_DAYS = 14
"""Lift efforts of the last two weeks are shown."""

MOOD_FLIP = 6
"""A check-in's mood runs from 1 (very good) to 5, the science's the other way round:
each is 6 minus the other."""


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def planned_load_au(session: PlannedSession) -> float:
    """The session's planned load: its prescribed minutes times its RPE (Foster et al. 2001)."""
    prescription = session.prescription
    return session_rpe_load_au(duration_min=prescription.duration_min, rpe=prescription.rpe)


def loads_by_key(view: Status) -> dict[int, ActivityLoad]:
    """The load of each logged activity, by its key in the log."""
    return {load.key: load for load in view.monitoring.activity_loads}


def latest_readiness(view: Status) -> Readiness | None:
    """The last day with a readiness score, if any."""
    scored = [r for r in view.monitoring.readiness if r.score is not None]
    return scored[-1] if scored else None


def recent_efforts(view: Status) -> list[LiftEffort]:
    """The lift efforts of the last ``RECENT_EFFORT_DAYS`` days."""
    today = view.monitoring.today
    return [
        e for e in view.monitoring.lift_efforts if (today - e.on_date).days < RECENT_EFFORT_DAYS
    ]


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
    loads = loads_by_key(view)
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
                "planned_load_au": _r(planned_load_au(record.session)),
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


def status_document(view: Status) -> dict[str, Any]:
    """The status as JSON: the keys ``runlift status --json`` prints (docs/tracking.md)."""
    result = view.monitoring
    load = result.load
    progress = view.week_progress
    latest = latest_readiness(view)
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
        "lift_efforts": [_effort_json(e) for e in recent_efforts(view)],
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
                "planned_load_au": _r(planned_load_au(s)),
            }
            for s in view.next_sessions
        ],
    }
