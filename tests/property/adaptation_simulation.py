"""A simulated athlete who lives a whole plan through the store, adapting it every day.

The athlete misses about 15 % of the sessions at random, rates every session and every
top set with some noise, falls ill for a week, travels for four days with only a
morning window and no equipment, and squats more than planned one day; every morning
``runlift adapt`` (the service, in process) re-plans from that day on.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.activities import Activity, LoggedSet
from runlift.domain.athlete import AthleteProfile
from runlift.domain.exercises import ExerciseId
from runlift.domain.log import TrainingEvent
from runlift.domain.plan import Plan, PlannedSession
from runlift.domain.prescription import LiftPrescription, RunPrescription
from runlift.domain.week import TimeWindow
from runlift.io.profile import read_profile
from runlift.services import adaptation, training_log
from runlift.services.adaptation import AdaptOutcome
from runlift.store.repository import Store
from runlift.tracking.monitoring import chart_rpe
from runlift.vocabulary import ActivityFormat, EventKind, SetKind, Sport, Weekday

MISS_SHARE = 0.15
RPE_NOISE = 0.7
"""SD of the RPE noise, in RPE points (a session's and a top set's)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Script:
    """What happens to the athlete besides the daily sessions (days counted from the start)."""

    seed: int
    illness_first_day: int
    illness_days: int = 7
    travel_first_day: int = 0
    travel_days: int = 4
    travel_said_days_before: int = 3
    squat_from_day: int = 0
    squat_factor: float = 1.1


@dataclass(slots=True)
class Day:
    """One simulated day: its adaptation and the plan before and after it."""

    today: date
    outcome: AdaptOutcome
    before: Plan
    after: Plan


@dataclass(slots=True)
class Simulation:
    """The athlete in the store and every day lived so far."""

    store: Store
    athlete_id: str
    profile: AthleteProfile
    script: Script
    rng: random.Random
    days: list[Day] = field(default_factory=list)
    squatted: bool = False

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.profile.timezone)

    def first_day(self) -> date:
        return self.store.plan_version(self.athlete_id, 1).plan.start

    def _noisy(self, value: float, *, low: float = 1.0) -> float:
        noisy = value + self.rng.gauss(0.0, RPE_NOISE)
        return min(10.0, max(low, round(noisy * 2) / 2))

    def _activity(self, session: PlannedSession) -> tuple[Activity, float]:
        prescription = session.prescription
        start = session.scheduled.start.astimezone(UTC)
        seconds = prescription.duration_min * 60 * self.rng.uniform(0.9, 1.1)
        rpe = self._noisy(prescription.rpe)
        if isinstance(prescription, RunPrescription):
            distance = prescription.distance_km * 1000 * self.rng.uniform(0.92, 1.05)
            activity = Activity(
                sport=Sport.RUN,
                start=start,
                elapsed_s=seconds,
                moving_s=seconds,
                distance_m=distance,
                source=ActivityFormat.MANUAL,
            )
            return activity, rpe
        assert isinstance(prescription, LiftPrescription)
        day = (session.scheduled.local_date - self.first_day()).days
        sets: list[LoggedSet] = []
        for item in prescription.exercises:
            target = item.rpe
            if target is None and item.percent_1rm is not None:
                target = chart_rpe(reps=item.reps, percent_1rm=item.percent_1rm)
            load = item.load_kg
            top: float | None = None if target is None else self._noisy(target, low=5.0)
            if (
                item.exercise == "back-squat"
                and load is not None
                and item.percent_1rm is not None
                and not self.squatted
                and day >= self.script.squat_from_day
            ):
                # A new best: a heavy single after the work sets, at RPE 9.5.
                planned_max = load / (item.percent_1rm / 100)
                single = round(planned_max * self.script.squat_factor * 0.978 / 2.5) * 2.5
                sets.append(
                    LoggedSet(
                        order=len(sets) + 1,
                        exercise_id=ExerciseId(item.exercise),
                        raw_name=item.name,
                        kind=SetKind.WORKING,
                        reps=1,
                        load_kg=single,
                        rpe=9.5,
                    )
                )
                self.squatted = True
            for _ in range(item.sets):
                sets.append(
                    LoggedSet(
                        order=len(sets) + 1,
                        exercise_id=ExerciseId(item.exercise),
                        raw_name=item.name,
                        kind=SetKind.WORKING,
                        reps=item.reps,
                        load_kg=load,
                        rpe=top if load is not None else None,
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
        return activity, rpe

    def live(self, day: date) -> None:
        """The athlete's sessions of ``day`` in the current plan: done, or not."""
        plan = self.store.plan_version(self.athlete_id).plan
        ill = any(
            e.event.covers(day) and e.event.kind is not EventKind.TRAVEL
            for e in self.store.events(self.athlete_id)
        )
        for week in plan.weeks:
            for session in week.sessions:
                if session.scheduled.local_date != day or ill:
                    continue
                if self.rng.random() < MISS_SHARE:
                    continue
                activity, rpe = self._activity(session)
                self.store.add_activity(
                    self.athlete_id, activity, rpe=rpe, session_id=session.scheduled.id
                )

    def events(self, day: date) -> None:
        """The events the athlete reports on ``day``."""
        offset = (day - self.first_day()).days
        script = self.script
        if offset == script.illness_first_day:
            self.store.add_event(
                self.athlete_id,
                TrainingEvent(
                    kind=EventKind.ILLNESS,
                    first_day=day,
                    last_day=day + timedelta(days=script.illness_days - 1),
                ),
            )
        said = script.travel_first_day - script.travel_said_days_before
        if script.travel_first_day and offset == said:
            first = day + timedelta(days=script.travel_said_days_before)
            window = (TimeWindow.parse("06:30-08:30"),)
            self.store.add_event(
                self.athlete_id,
                TrainingEvent(
                    kind=EventKind.TRAVEL,
                    first_day=first,
                    last_day=first + timedelta(days=script.travel_days - 1),
                    availability=dict.fromkeys(Weekday, window),
                    equipment=frozenset(),
                ),
            )

    def morning(self, day: date) -> Day:
        """Yesterday lived, today's events said, then ``adapt``."""
        self.live(day - timedelta(days=1))
        self.events(day)
        before = self.store.plan_version(self.athlete_id).plan
        now = datetime.combine(day, time(6), tzinfo=self.zone).astimezone(UTC)
        outcome = adaptation.adapt(self.store, self.athlete_id, now=now, today=day)
        after = self.store.plan_version(self.athlete_id).plan
        lived = Day(today=day, outcome=outcome, before=before, after=after)
        self.days.append(lived)
        return lived


def sixteen_weeks(text: str) -> tuple[str, AthleteProfile]:
    """The profile with its race moved so the plan runs 16 weeks."""
    profile = read_profile(text)
    start = profile.start_date + timedelta(days=-profile.start_date.weekday() % 7)
    race = start + timedelta(weeks=16, days=-1)
    assert profile.goal.race is not None
    old = profile.goal.race.date.isoformat()
    new_text = text.replace(old, race.isoformat())
    return new_text, read_profile(new_text)


def simulate(
    store: Store,
    text: str,
    script: Script,
    *,
    days: int | None = None,
    each_day: Callable[[Simulation, Day], None] | None = None,
) -> Simulation:
    """Store the athlete, then live ``days`` days of the plan (all of it by default)."""
    now = datetime(2026, 11, 30, 9, tzinfo=UTC)
    record, result = training_log.add_athlete(store, text, athlete_id=None, now=now)
    simulation = Simulation(
        store=store,
        athlete_id=record.id,
        profile=result.profile,
        script=script,
        rng=random.Random(script.seed),
    )
    first = result.plan.start
    last = result.plan.end
    total = (last - first).days + 1 if days is None else days
    for offset in range(total):
        lived = simulation.morning(first + timedelta(days=offset))
        if each_day is not None:
            each_day(simulation, lived)
    return simulation
