"""An athlete in the store who trains as planned, misses what the test says, then adapts."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from runlift.domain.activities import Activity, LoggedSet
from runlift.domain.exercises import ExerciseId
from runlift.domain.plan import PlannedSession
from runlift.domain.prescription import LiftPrescription, RunPrescription
from runlift.io.profile import read_profile
from runlift.services import adaptation, planning
from runlift.services.adaptation import AdaptOutcome
from runlift.store.repository import Store
from runlift.vocabulary import ActivityFormat, SetKind, Sport

ROOT = Path(__file__).resolve().parents[2]
HALF = ROOT / "examples" / "athletes" / "half-marathon-lifter.yaml"
TEN_K = ROOT / "tests" / "fixtures" / "athletes" / "ten-k-runner.yaml"
ADDED = datetime(2026, 11, 30, 9, tzinfo=UTC)


@functools.cache
def planned(path: Path) -> tuple[str, planning.PlanResult]:
    """A profile's text and its plan (made once per run)."""
    text = path.read_text(encoding="utf-8")
    return text, planning.make_plan(read_profile(text))


def stored(store: Store, path: Path) -> str:
    """Store the athlete with plan version 1; returns the athlete's id."""
    text, result = planned(path)
    record = store.add_athlete(
        athlete_id=store.free_athlete_id("athlete"),
        profile=result.profile,
        profile_yaml=text,
        plan=result.plan,
        nutrition=result.nutrition,
        now=ADDED,
    )
    return record.id


def sessions(store: Store, athlete_id: str, version: int | None = None) -> list[PlannedSession]:
    """Every session of a plan version in time order."""
    plan = store.plan_version(athlete_id, version).plan
    return [s for week in plan.weeks for s in week.sessions]


def by_id(store: Store, athlete_id: str, version: int | None = None) -> dict[str, PlannedSession]:
    """The sessions of a plan version by id."""
    return {str(s.scheduled.id): s for s in sessions(store, athlete_id, version)}


def log(
    store: Store,
    athlete_id: str,
    session: PlannedSession,
    *,
    top_rpe: float | None = None,
    rated: str | None = None,
    rpe: float | None = None,
) -> None:
    """The session done as planned at its start.

    A lift's loaded sets of exercise ``rated`` (of every loaded exercise without it) are
    rated ``top_rpe``; the others are not rated.
    """
    prescription = session.prescription
    start = session.scheduled.start.astimezone(UTC)
    seconds = prescription.duration_min * 60
    if isinstance(prescription, RunPrescription):
        activity = Activity(
            sport=Sport.RUN,
            start=start,
            elapsed_s=seconds,
            moving_s=seconds,
            distance_m=prescription.distance_km * 1000,
            source=ActivityFormat.MANUAL,
        )
    else:
        assert isinstance(prescription, LiftPrescription)
        sets: list[LoggedSet] = []
        for item in prescription.exercises:
            for _ in range(item.sets):
                sets.append(
                    LoggedSet(
                        order=len(sets) + 1,
                        exercise_id=ExerciseId(item.exercise),
                        raw_name=item.name,
                        kind=SetKind.WORKING,
                        reps=item.reps,
                        load_kg=item.load_kg,
                        rpe=top_rpe
                        if item.load_kg is not None and rated in {None, item.exercise}
                        else None,
                    )
                )
        activity = Activity(
            sport=Sport.STRENGTH,
            start=start,
            elapsed_s=seconds,
            moving_s=seconds,
            source=ActivityFormat.MANUAL,
            sets=tuple(sets),
        )
    store.add_activity(athlete_id, activity, rpe=rpe, session_id=session.scheduled.id)


def do_until(store: Store, athlete_id: str, day: date, *, skip: Sequence[str] = ()) -> None:
    """Every session before ``day`` done as planned, but those in ``skip``."""
    for session in sessions(store, athlete_id):
        if session.scheduled.local_date < day and session.scheduled.id not in skip:
            log(store, athlete_id, session)


def adapt(store: Store, athlete_id: str, day: date, *, hour: int = 6) -> AdaptOutcome:
    """``runlift adapt`` at ``hour`` on ``day``, in the athlete's zone."""
    zone = ZoneInfo(store.plan_version(athlete_id).profile.timezone)
    now = datetime.combine(day, time(hour), tzinfo=zone)
    return adaptation.adapt(store, athlete_id, now=now)
