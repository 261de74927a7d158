"""A simulated athlete for the adaptation tests: sessions done as planned, or not."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from done_builders import done_activity
from runlift.domain.athlete import AthleteProfile
from runlift.domain.log import CheckIn, MissedSession, TrainingEvent
from runlift.domain.plan import Plan, PlannedSession
from runlift.io.profile import read_profile
from runlift.programme.adaptation import Adaptation, adapt_plan
from runlift.programme.assembly import build_plan
from runlift.reference.exercises import exercise_library
from runlift.tracking.monitoring import LogActivity, Monitoring, monitor

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "athletes"


@functools.cache
def example(name: str) -> tuple[AthleteProfile, Plan]:
    """A bundled example athlete and the plan ``runlift plan`` makes (built once per run)."""
    profile = read_profile((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    return profile, build_plan(profile, library=exercise_library())


def sessions(plan: Plan) -> list[PlannedSession]:
    """Every session of the plan in time order."""
    return [s for week in plan.weeks for s in week.sessions]


def session(plan: Plan, session_id: str) -> PlannedSession:
    """The session with this id."""
    return next(s for s in sessions(plan) if s.scheduled.id == session_id)


def done(
    planned: PlannedSession,
    key: int,
    *,
    rpe: float | None = None,
    top_rpe: float | None = None,
    share: float = 1.0,
    name: str | None = None,
    minutes: float | None = None,
    km: float | None = None,
) -> LogActivity:
    """The session done at its planned start: a run of its distance, a lift of its sets.

    A lift's sets are logged at their prescribed loads and reps; ``top_rpe`` rates every
    work set of a loaded exercise (else the prescribed RPE, read off the chart).
    """
    activity = done_activity(
        planned, top_rpe=top_rpe, share=share, name=name, minutes=minutes, km=km
    )
    return LogActivity(key=key, activity=activity, rpe=rpe)


@dataclass(slots=True)
class Athlete:
    """A simulated athlete: a plan version, its profile, and the log so far."""

    profile: AthleteProfile
    plan: Plan
    activities: list[LogActivity] = field(default_factory=list)
    events: list[TrainingEvent] = field(default_factory=list)
    missed: list[MissedSession] = field(default_factory=list)
    check_ins: list[CheckIn] = field(default_factory=list)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.profile.timezone)

    def log(self, activity: LogActivity) -> None:
        self.activities.append(activity)

    def do(self, session_id: str, **how: object) -> None:
        """Log the session of the current plan with this id as done."""
        self.log(done(session(self.plan, session_id), len(self.activities) + 1, **how))  # type: ignore[arg-type]

    def do_until(self, day: date, *, skip: Sequence[str] = ()) -> None:
        """Log every session before ``day`` done as planned, but those in ``skip``."""
        logged = {a.activity.start for a in self.activities}
        for planned in sessions(self.plan):
            if planned.scheduled.local_date >= day or planned.scheduled.id in skip:
                continue
            if planned.scheduled.start.astimezone(UTC) in logged:
                continue
            self.log(done(planned, len(self.activities) + 1))

    def monitoring(self, today: date) -> Monitoring:
        return monitor(
            plan=self.plan,
            activities=self.activities,
            today=today,
            zone=self.zone,
            check_ins=self.check_ins,
            events=self.events,
            missed=self.missed,
        )

    def adapt(
        self, today: date, *, stated: AthleteProfile | None = None, hour: int = 6
    ) -> Adaptation:
        """Adapt the current plan at ``hour`` on ``today``; keep the new plan when it changed."""
        result = adapt_plan(
            self.plan,
            self.profile,
            self.monitoring(today),
            events=self.events,
            library=exercise_library(),
            stated=stated,
            now=datetime.combine(today, time(hour), tzinfo=self.zone),
        )
        if result.changed:
            self.plan, self.profile = result.plan, result.profile
        return result


def weekday_in_week(plan: Plan, week: int, weekday: int) -> date:
    """The date of ``weekday`` (0 Monday) in week ``week`` (1 = the first) of the plan."""
    return plan.weeks[week - 1].start + timedelta(days=weekday)
