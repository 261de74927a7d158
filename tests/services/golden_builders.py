"""An athlete in the store who trains as planned, misses what the test says, then adapts."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from done_builders import done_activity
from runlift.domain.plan import PlannedSession
from runlift.io.profile import read_profile
from runlift.services import adaptation, planning
from runlift.services.adaptation import AdaptOutcome
from runlift.store.repository import Store

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
    activity = done_activity(session, top_rpe=top_rpe, rated=rated)
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
