"""Which planned session each activity fulfils, and how each session stands.

An activity fulfils a planned session of the same modality (a run a run, a lift a
lift) whose local date is the activity's or one day either side; among several,
the one nearest in start time, and in length when starts tie. Each session is
fulfilled at most once and each activity fulfils at most one session: pairs are
taken cheapest first over the whole plan (greedy on the cost below), so a Tuesday
run done on Wednesday does not steal Wednesday's own run when that one was done
too. Cycling, walking, swimming and other sports fulfil no session: they are
extras that still count as training load.

A matched session is *done*, or *partial* when the activity clearly fell short of
it (:data:`PARTIAL_BELOW`); a session with nothing matched is *missed* once its
day has passed or when the athlete said so, else *planned*.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.activities import Activity
from runlift.domain.plan import PlannedSession
from runlift.domain.prescription import RunPrescription
from runlift.domain.sessions import SessionId
from runlift.vocabulary import Modality, SessionStatus

MAX_DAYS_APART: Final = 1
"""An activity may fulfil a session planned the day before or after it (a run moved by a day
is still that run; two days is a different week's shape)."""

DAY_COST_H: Final = 12.0
"""Cost of each local day between an activity and a session, in hours of start-time difference:
a run done the same day at another time beats one done the next day at the same time."""

LENGTH_COST_H: Final = 2.0
"""Cost of a length ratio of e (actual/planned, in either direction), in hours: breaks ties
between two sessions of one day by which one the activity resembles."""

PARTIAL_BELOW: Final = 0.7
"""An activity with less than 70 % of the session's planned duration (or, for a run whose
distance both know, of its distance) fulfils it only partly. A common coaching convention
(TrainingPeaks' compliance colours treat below about 80 % as partly done); runlift's choice."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LoggedActivity:
    """An activity with its key in the log (the store's id, or a position)."""

    key: int
    activity: Activity


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionRecord:
    """How one planned session stands.

    Attributes:
        session: the planned session.
        status: done, partial, missed or planned.
        activity: the key of the activity that fulfils it, if any.
        done_fraction: actual over planned (duration, or distance for a run when both
            are known), when an activity fulfils it.
    """

    session: PlannedSession
    status: SessionStatus
    activity: int | None = None
    done_fraction: float | None = None


def _local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def _actual_minutes(activity: Activity) -> float | None:
    seconds = activity.moving_s if activity.moving_s else activity.elapsed_s
    return None if seconds is None else seconds / 60


def done_fraction(session: PlannedSession, activity: Activity) -> float | None:
    """How much of the session the activity did: by distance for runs when known, else time."""
    prescription = session.prescription
    if (
        isinstance(prescription, RunPrescription)
        and activity.distance_m is not None
        and prescription.distance_km > 0
    ):
        return activity.distance_m / 1000 / prescription.distance_km
    minutes = _actual_minutes(activity)
    if minutes is None:
        return None
    return minutes / prescription.duration_min


def match_cost(session: PlannedSession, activity: Activity, *, zone: ZoneInfo) -> float | None:
    """The cost of ``activity`` fulfilling ``session`` in hours, or None when it cannot."""
    if activity.modality is None or activity.modality is not session.scheduled.spec.modality:
        return None
    days = abs((_local_day(activity.start, zone) - session.scheduled.local_date).days)
    if days > MAX_DAYS_APART:
        return None
    start_h = abs((activity.start - session.scheduled.start).total_seconds()) / 3600
    fraction = done_fraction(session, activity)
    length = 0.0 if not fraction else abs(math.log(fraction)) * LENGTH_COST_H
    return days * DAY_COST_H + start_h + length


def match_activities(
    sessions: Sequence[PlannedSession],
    activities: Sequence[LoggedActivity],
    *,
    zone: ZoneInfo,
    fixed: Mapping[int, SessionId] | None = None,
) -> dict[int, SessionId]:
    """The session each activity fulfils, by activity key (extras are left out).

    Args:
        sessions: the planned sessions.
        activities: the logged activities.
        zone: the athlete's time zone (local dates decide the days apart).
        fixed: pairs that stand whatever the costs (a session marked done by hand).
    """
    matched: dict[int, SessionId] = {}
    taken: set[SessionId] = set()
    for key, session_id in (fixed or {}).items():
        matched[key] = session_id
        taken.add(session_id)
    # Only a session of the activity's modality within MAX_DAYS_APART days can match
    # (match_cost says None to every other): look those up by day instead of trying all.
    open_by_day: dict[tuple[Modality, date], list[PlannedSession]] = {}
    for session in sessions:
        if session.scheduled.id not in taken:
            day_key = (session.scheduled.spec.modality, session.scheduled.local_date)
            open_by_day.setdefault(day_key, []).append(session)
    pairs = []
    for logged in activities:
        modality = logged.activity.modality
        if logged.key in matched or modality is None:
            continue
        day = _local_day(logged.activity.start, zone)
        for offset in range(-MAX_DAYS_APART, MAX_DAYS_APART + 1):
            for session in open_by_day.get((modality, day + timedelta(days=offset)), ()):
                cost = match_cost(session, logged.activity, zone=zone)
                if cost is not None:
                    pairs.append(
                        (
                            cost,
                            logged.activity.start,
                            str(session.scheduled.id),
                            logged.key,
                            session.scheduled.id,
                        )
                    )
    pairs.sort()
    for _cost, _start, _order, key, session_id in pairs:
        if key in matched or session_id in taken:
            continue
        matched[key] = session_id
        taken.add(session_id)
    return matched


def session_records(
    sessions: Iterable[PlannedSession],
    activities: Sequence[LoggedActivity],
    matches: Mapping[int, SessionId],
    *,
    missed: Iterable[SessionId],
    today: date,
) -> tuple[SessionRecord, ...]:
    """Each planned session's status, in plan order.

    A session done or partly done stands as done whatever was marked; one marked
    missed, or whose local day is before ``today`` with nothing done, is missed.
    """
    by_session = {session_id: key for key, session_id in matches.items()}
    by_key = {logged.key: logged.activity for logged in activities}
    said_missed = set(missed)
    records = []
    for session in sessions:
        key = by_session.get(session.scheduled.id)
        if key is not None:
            fraction = done_fraction(session, by_key[key])
            status = (
                SessionStatus.PARTIAL
                if fraction is not None and fraction < PARTIAL_BELOW
                else SessionStatus.DONE
            )
            records.append(
                SessionRecord(session=session, status=status, activity=key, done_fraction=fraction)
            )
        elif session.scheduled.id in said_missed or session.scheduled.local_date < today:
            records.append(SessionRecord(session=session, status=SessionStatus.MISSED))
        else:
            records.append(SessionRecord(session=session, status=SessionStatus.PLANNED))
    return tuple(records)
