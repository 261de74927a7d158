"""The training log's JSON documents, the same from the command line and the API.

``import_document`` is what ``runlift log import --json`` prints and what
``POST /api/v1/athletes/{id}/activities`` answers; ``week_log_document`` is what
``runlift log show --json`` prints and ``GET /api/v1/athletes/{id}/log`` answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from runlift.services.log_import import FileOutcome
from runlift.services.log_view import DoneFigures, WeekLog, planned_distance_km


def import_document(outcomes: Sequence[tuple[str, FileOutcome]]) -> dict[str, list[dict[str, Any]]]:
    """What an import did, file by file: the imported, the duplicates and the failed.

    Args:
        outcomes: each file's path as given (a path on the command line, the uploaded
            file's name on the web) and its outcome, in the order imported.
    """
    imported: list[dict[str, Any]] = []
    duplicates: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    for path, outcome in outcomes:
        if outcome.status == "failed":
            failed.append({"path": path, "error": outcome.error})
            continue
        for item in outcome.activities:
            imported.append(
                {
                    "path": path,
                    "kind": item.activity.sport.value,
                    "activity_id": item.activity_id,
                    "start": item.activity.start.isoformat(),
                    "matched_session": item.matched_session,
                }
            )
        if outcome.body_mass_added:
            imported.append(
                {
                    "path": path,
                    "kind": "body_mass",
                    "activity_id": None,
                    "start": None,
                    "matched_session": None,
                    "readings": outcome.body_mass_added,
                }
            )
        duplicates.extend(
            {"path": path, "activity_id": activity_id} for activity_id in outcome.duplicate_ids
        )
        if outcome.status == "duplicate" and not outcome.duplicate_ids:
            duplicates.append({"path": path, "activity_id": None})
    return {"imported": imported, "duplicates": duplicates, "failed": failed}


def _figures(done: DoneFigures) -> dict[str, Any]:
    return {
        "activity_id": done.activity_id,
        "start": done.start.isoformat(),
        "sport": done.sport,
        "name": done.name,
        "distance_km": None if done.distance_km is None else round(done.distance_km, 3),
        "duration_min": None if done.duration_min is None else round(done.duration_min, 2),
        "pace_s_per_km": None if done.pace_s_per_km is None else round(done.pace_s_per_km, 1),
        "sets": list(done.sets),
        "rpe": done.rpe,
        "load_au": None if done.load_au is None else round(done.load_au, 1),
        "fulfils": done.fulfils,
    }


def week_log_document(view: WeekLog) -> dict[str, Any]:
    """A week of the plan against the log: each session's status, planned and done, the extras."""
    return {
        "athlete": view.athlete_id,
        "plan_version": view.plan_version,
        "week": view.week.index + 1,
        "week_start": view.week.start.isoformat(),
        "today": view.today.isoformat(),
        "sessions": [
            {
                "id": row.session.scheduled.id,
                "date": row.session.scheduled.local_date.isoformat(),
                "start": row.session.scheduled.start.isoformat(),
                "modality": row.session.scheduled.spec.modality.value,
                "kind": row.session.scheduled.spec.kind.value,
                "title": row.session.scheduled.spec.title,
                "status": row.status.value,
                "missed_reason": None if row.missed_reason is None else row.missed_reason.value,
                "planned": {
                    "distance_km": planned_distance_km(row.session),
                    "duration_min": row.session.prescription.duration_min,
                    "rpe": row.session.prescription.rpe,
                    "load_au": round(row.planned_load_au, 1),
                },
                "done": None if row.done is None else _figures(row.done),
                "done_fraction": None if row.done_fraction is None else round(row.done_fraction, 3),
            }
            for row in view.sessions
        ],
        "extras": [_figures(extra) for extra in view.extras],
        "load": {
            "planned_au": round(view.planned_load_au, 1),
            "done_au": round(view.done_load_au, 1),
        },
    }
