"""A planned session logged as done: the activity a watch or a lifting app would give."""

from __future__ import annotations

from datetime import UTC

from runlift.domain.activities import Activity, LoggedSet
from runlift.domain.exercises import ExerciseId
from runlift.domain.plan import PlannedSession
from runlift.domain.prescription import LiftPrescription, RunPrescription
from runlift.vocabulary import ActivityFormat, SetKind, Sport


def done_activity(
    planned: PlannedSession,
    *,
    top_rpe: float | None = None,
    rated: str | None = None,
    share: float = 1.0,
    name: str | None = None,
    minutes: float | None = None,
    km: float | None = None,
) -> Activity:
    """The session done at its planned start: a run of its distance, a lift of its sets.

    A run covers ``share`` of its distance and time (or ``km`` in ``minutes``). A lift's
    sets are logged at their prescribed loads and reps; the work sets of a loaded
    exercise are rated ``top_rpe`` when ``rated`` is None or names that exercise.
    """
    prescription = planned.prescription
    start = planned.scheduled.start.astimezone(UTC)
    seconds = (minutes if minutes is not None else prescription.duration_min * share) * 60
    if isinstance(prescription, RunPrescription):
        distance = (km if km is not None else prescription.distance_km * share) * 1000
        return Activity(
            sport=Sport.RUN,
            start=start,
            elapsed_s=seconds,
            moving_s=seconds,
            distance_m=distance,
            name=name,
            source=ActivityFormat.MANUAL,
        )
    assert isinstance(prescription, LiftPrescription)
    logged: list[LoggedSet] = []
    for item in prescription.exercises:
        rate = item.load_kg is not None and rated in {None, item.exercise}
        for _ in range(item.sets):
            logged.append(
                LoggedSet(
                    order=len(logged) + 1,
                    exercise_id=ExerciseId(item.exercise),
                    raw_name=item.name,
                    kind=SetKind.WORKING,
                    reps=item.reps,
                    load_kg=item.load_kg,
                    rpe=top_rpe if rate else None,
                )
            )
    return Activity(
        sport=Sport.STRENGTH,
        start=start,
        elapsed_s=seconds,
        moving_s=seconds,
        source=ActivityFormat.MANUAL,
        sets=tuple(logged),
    )
