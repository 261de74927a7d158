"""Coaches: an athlete invites one by e-mail and may revoke; a coach's dashboard of athletes.

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
from runlift.services.accounts import normalise_email
from runlift.services.athletes import current_plan
from runlift.store.accounts import CoachLink
from runlift.store.repository import Store


@dataclass(frozen=True, slots=True, kw_only=True)
class NextSession:
    """A session ahead: when (in the athlete's zone) and what."""

    session_id: str
    start: datetime
    title: str


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
        adherence: this week's share of planned sessions done; None until the athlete
            logs training.
        readiness: the latest readiness; None until the athlete logs check-ins.
    """

    athlete_id: str
    name: str
    goal: str
    week: int | None
    weeks: int
    next_key: NextSession | None
    adherence: float | None
    readiness: str | None


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
    """Every athlete who invited the user, with this week and the next key session."""
    rows = []
    for athlete in store.accounts.coached_athletes(user_id):
        version = current_plan(store, athlete.id)
        zone = ZoneInfo(version.profile.timezone)
        local = now.astimezone(zone)
        plan = version.plan
        week = next(
            (
                index + 1
                for index, plan_week in enumerate(plan.weeks)
                if plan_week.start <= local.date() < _week_end(plan_week.start)
            ),
            None,
        )
        upcoming = (
            session
            for plan_week in plan.weeks
            for session in plan_week.sessions
            if session.scheduled.spec.key and session.scheduled.start >= now
        )
        key = next(upcoming, None)
        rows.append(
            CoachedAthlete(
                athlete_id=athlete.id,
                name=athlete.name,
                goal=version.profile.goal.kind.value,
                week=week,
                weeks=len(plan.weeks),
                next_key=None if key is None else _next(key, zone),
                adherence=None,
                readiness=None,
            )
        )
    return tuple(rows)


def _week_end(start: date) -> date:
    return date.fromordinal(start.toordinal() + 7)


def _next(session: PlannedSession, zone: ZoneInfo) -> NextSession:
    return NextSession(
        session_id=str(session.scheduled.id),
        start=session.scheduled.start.astimezone(zone),
        title=session.scheduled.spec.title,
    )
