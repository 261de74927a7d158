"""Where an athlete stands today (``runlift status``), and the log's monitoring for the report.

:func:`athlete_monitoring` reads everything the store holds for an athlete (the
current plan version, its nutrition, every activity with its session RPE and
pinned session, check-ins, weighings, events and sessions marked missed) and
hands it to ``runlift.tracking.monitoring.monitor``. :func:`status` adds what the
command shows around it: the plan week holding today, its sessions and extras,
and the sessions to come.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.exercises import ExerciseId
from runlift.domain.plan import PlannedSession, PlanWeek
from runlift.domain.prescription import LiftPrescription
from runlift.programme.baseline import baseline
from runlift.services.log_view import week_of
from runlift.store.repository import PlanVersion, Store
from runlift.tracking.matching import SessionRecord
from runlift.tracking.monitoring import ActivityLoad, LogActivity, Monitoring, WeekProgress, monitor
from runlift.vocabulary import SessionStatus

NEXT_SESSIONS = 5
"""Sessions to come that ``runlift status`` lists."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AthleteMonitoring:
    """An athlete's plan version and what their log says on a day.

    Attributes:
        athlete_id: the athlete.
        version: the current plan version (its plan and profile).
        monitoring: the log read on ``monitoring.today``.
        tracked: the log holds anything (an activity, a check-in or a weighing).
    """

    athlete_id: str
    version: PlanVersion
    monitoring: Monitoring
    tracked: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Status:
    """What ``runlift status`` shows.

    Attributes:
        athlete_id: the athlete.
        version: the current plan version.
        monitoring: the log read on today.
        week: the plan week holding today (the first before the plan, the last after it).
        week_records: that week's sessions and how each stands.
        week_progress: that week's counts and loads, when it has started.
        week_extras: the loads of that week's activities that fulfil no session.
        next_sessions: the next sessions still to come, from today on.
        exercise_names: the names the plan gives its exercises, by id.
        plan_vdot: the VDOT the plan was made with (from the profile's recent race).
    """

    athlete_id: str
    version: PlanVersion
    monitoring: Monitoring
    week: PlanWeek
    week_records: tuple[SessionRecord, ...]
    week_progress: WeekProgress | None
    week_extras: tuple[ActivityLoad, ...]
    next_sessions: tuple[PlannedSession, ...]
    exercise_names: Mapping[ExerciseId, str]
    plan_vdot: float | None

    @property
    def today(self) -> date:
        """The day the status is for."""
        return self.monitoring.today


def local_today(version: PlanVersion, *, now: datetime) -> date:
    """Today in the athlete's time zone."""
    return now.astimezone(ZoneInfo(version.profile.timezone)).date()


def athlete_monitoring(store: Store, athlete_id: str, *, today: date) -> AthleteMonitoring:
    """Read the athlete's log on ``today``, against their current plan version."""
    version = store.plan_version(athlete_id)
    zone = ZoneInfo(version.profile.timezone)
    day = today
    stored = store.activities(athlete_id)
    check_ins = store.check_ins(athlete_id, last=day)
    weighings = store.body_mass(athlete_id)
    result = monitor(
        plan=version.plan,
        activities=[
            LogActivity(key=a.id, activity=a.activity, rpe=a.rpe, session_id=a.session_id)
            for a in stored
        ],
        check_ins=check_ins,
        body_mass=weighings,
        events=[e.event for e in store.events(athlete_id)],
        missed=store.missed(athlete_id),
        nutrition=store.nutrition(athlete_id, version.version),
        today=day,
        zone=zone,
    )
    return AthleteMonitoring(
        athlete_id=athlete_id,
        version=version,
        monitoring=result,
        tracked=bool(stored or check_ins or weighings),
    )


def _exercise_names(sessions: Sequence[PlannedSession]) -> dict[ExerciseId, str]:
    names: dict[ExerciseId, str] = {}
    for session in sessions:
        if isinstance(session.prescription, LiftPrescription):
            for item in session.prescription.exercises:
                names.setdefault(ExerciseId(item.exercise), item.name)
    return names


def status(store: Store, athlete_id: str, *, today: date | None, now: datetime) -> Status:
    """The athlete's status on ``today`` (default: today in their time zone)."""
    if today is None:
        today = local_today(store.plan_version(athlete_id), now=now)
    read = athlete_monitoring(store, athlete_id, today=today)
    result = read.monitoring
    plan = read.version.plan
    week = week_of(plan.weeks, result.today)
    ids = {s.scheduled.id for s in week.sessions}
    week_end = week.start + timedelta(days=6)
    sessions = [s for w in plan.weeks for s in w.sessions]
    upcoming = sorted(
        (r.session for r in result.records if r.status is SessionStatus.PLANNED),
        key=lambda s: s.scheduled.start,
    )
    extras = set(result.extras)
    return Status(
        athlete_id=athlete_id,
        version=read.version,
        monitoring=result,
        week=week,
        week_records=tuple(r for r in result.records if r.session.scheduled.id in ids),
        week_progress=next((w for w in result.weeks if w.index == week.index), None),
        week_extras=tuple(
            load
            for load in result.activity_loads
            if load.key in extras and week.start <= load.day <= week_end
        ),
        next_sessions=tuple(upcoming[:NEXT_SESSIONS]),
        exercise_names=_exercise_names(sessions),
        plan_vdot=baseline(read.version.profile).vdot,
    )
