"""Coaches: an athlete invites one by e-mail and may revoke; a coach's dashboard of athletes.

The dashboard reads each athlete's log as ``runlift status`` does
(``services.status.athlete_monitoring``): this week's sessions done, partly done,
missed and still planned; the EWMA acute:chronic load ratio, flagged above
``ACWR_FLAG_THRESHOLD`` (1.5, Gabbett 2016); the latest readiness; the next key
session.

An invitation names an address: the coach sees the athlete once an account with
that address exists (before or after the invitation) and until it is revoked.
Callers have already checked that the user owns the athlete (``athlete_access``
with ``Access.WRITE``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from runlift.domain.plan import PlannedSession
from runlift.errors import NotFound
from runlift.science.readiness import ACWR_FLAG_THRESHOLD
from runlift.services.accounts import normalise_email
from runlift.services.status import athlete_monitoring, local_today
from runlift.store.accounts import CoachLink
from runlift.store.repository import Store
from runlift.tracking.monitoring import Monitoring


@dataclass(frozen=True, slots=True, kw_only=True)
class NextSession:
    """A session ahead: when (in the athlete's zone) and what."""

    session_id: str
    start: datetime
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekCounts:
    """This week's planned sessions by how they stand today."""

    planned: int
    done: int
    partial: int
    missed: int
    to_come: int


@dataclass(frozen=True, slots=True, kw_only=True)
class CoachedAthlete:
    """One row of a coach's dashboard.

    Attributes:
        athlete_id: the athlete's id.
        name: the athlete's name.
        goal: the goal as the profile names it (``race``, ``strength`` ...).
        week: this week's number in the plan (1-based), None outside it.
        weeks: the plan's number of weeks.
        next_key: the next key session from today, None when none is left.
        counts: this week's sessions done, partly done, missed and to come; None
            outside the plan.
        adherence: this week's share of the sessions due so far done in full or
            partly; None when none was due yet.
        acwr: the EWMA acute:chronic ratio of the logged load (7 and 28 days); None
            before the log covers 28 days.
        acwr_high: the ratio is above ``ACWR_FLAG_THRESHOLD``.
        readiness: the latest readiness score (0-100); None until the athlete logs
            check-ins.
        readiness_date: the day of that score.
        fatigued: the fatigue flag (PER-4) is up: high ratio or low readiness.
    """

    athlete_id: str
    name: str
    goal: str
    week: int | None
    weeks: int
    next_key: NextSession | None
    counts: WeekCounts | None
    adherence: float | None
    acwr: float | None
    acwr_high: bool
    readiness: float | None
    readiness_date: date | None
    fatigued: bool


def invite_coach(store: Store, athlete_id: str, email: str, *, now: datetime) -> CoachLink:
    """Invite a coach by e-mail (again after a revocation: the invitation is renewed).

    Raises:
        InvalidInput: not an e-mail address.
    """
    return store.accounts.invite_coach(athlete_id, normalise_email(email), now=now)


def revoke_coach(store: Store, athlete_id: str, email: str, *, now: datetime) -> None:
    """Revoke a standing invitation: the coach no longer sees the athlete.

    Raises:
        NotFound: no standing invitation for that address.
    """
    address = email.strip().casefold()
    if not store.accounts.revoke_coach(athlete_id, address, now=now):
        raise NotFound(f"no standing invitation for {address}")


def coaches(store: Store, athlete_id: str) -> tuple[CoachLink, ...]:
    """The athlete's standing invitations, by address (revoked ones are left out)."""
    return tuple(link for link in store.accounts.coach_links(athlete_id) if link.revoked_at is None)


def dashboard(store: Store, user_id: int, *, now: datetime) -> tuple[CoachedAthlete, ...]:
    """Every athlete who invited the user: this week against the plan, load, readiness, next."""
    return tuple(
        coached_athlete(store, athlete.id, name=athlete.name, now=now)
        for athlete in store.accounts.coached_athletes(user_id)
    )


def coached_athlete(store: Store, athlete_id: str, *, name: str, now: datetime) -> CoachedAthlete:
    """One row of the dashboard: the athlete's log read on today in their zone."""
    version = store.plan_version(athlete_id)
    zone = ZoneInfo(version.profile.timezone)
    read = athlete_monitoring(store, athlete_id, today=local_today(version, now=now))
    result = read.monitoring
    plan = version.plan
    week = next(
        (
            index
            for index, plan_week in enumerate(plan.weeks)
            if plan_week.start <= result.today < _week_end(plan_week.start)
        ),
        None,
    )
    progress = None if week is None else next((w for w in result.weeks if w.index == week), None)
    upcoming = (
        session
        for plan_week in plan.weeks
        for session in plan_week.sessions
        if session.scheduled.spec.key and session.scheduled.start >= now
    )
    key = next(upcoming, None)
    score, scored_on = _readiness(result)
    acwr = result.load.acwr
    return CoachedAthlete(
        athlete_id=athlete_id,
        name=name,
        goal=version.profile.goal.kind.value,
        week=None if week is None else week + 1,
        weeks=len(plan.weeks),
        next_key=None if key is None else _next(key, zone),
        counts=None
        if progress is None
        else WeekCounts(
            planned=progress.planned,
            done=progress.done,
            partial=progress.partial,
            missed=progress.missed,
            to_come=progress.to_come,
        ),
        adherence=None if progress is None else progress.adherence,
        acwr=acwr,
        acwr_high=acwr is not None and acwr > ACWR_FLAG_THRESHOLD,
        readiness=score,
        readiness_date=scored_on,
        fatigued=result.fatigue.flagged,
    )


def _readiness(result: Monitoring) -> tuple[float | None, date | None]:
    scored = [r for r in result.readiness if r.score is not None]
    return (scored[-1].score, scored[-1].on_date) if scored else (None, None)


def _week_end(start: date) -> date:
    return date.fromordinal(start.toordinal() + 7)


def _next(session: PlannedSession, zone: ZoneInfo) -> NextSession:
    return NextSession(
        session_id=str(session.scheduled.id),
        start=session.scheduled.start.astimezone(zone),
        title=session.scheduled.spec.title,
    )
