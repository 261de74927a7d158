"""A plan as an iCalendar file (RFC 5545), full or as busy blocks for a shared calendar.

The same plan always gives the same bytes: UIDs are hashes of the athlete,
the plan's start and the session id (so re-exporting a re-planned plan updates
the events already imported instead of duplicating them), and DTSTAMP is the
plan's first day at 00:00 UTC rather than the time of export. A later plan
version (``runlift adapt``) is written with its :class:`CalendarContinuity`: each
event's SEQUENCE counts the versions that changed its session, and a session the
adaptation dropped is written as a cancelled event with the same UID, so a
calendar that imported an older file updates, moves or removes the same events
(RFC 5545, 3.8.7.4 and 3.8.1.11).

Every event says what it is in CATEGORIES (``RUN,INTERVALS``,
``LIFT,HEAVY-LOWER``, plus ``EXPLOSIVE`` for explosive work), the words that
``runlift.io.calendar`` reads back, so ``runlift lint plan.ics`` checks our own
calendar as it checks anyone else's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from runlift import __version__
from runlift.domain.athlete import AthleteProfile
from runlift.domain.plan import Plan, PlannedSession
from runlift.errors import InvalidInput
from runlift.io.calendar import (
    AVAILABILITY,
    EVIDENCE_PROFILE,
    GOAL,
    PRIORITY,
    REST_DAYS_MIN,
)
from runlift.io.prescription_text import prescription_lines
from runlift.vocabulary import MassUnit, Weekday

MAX_REMINDER_MIN: Final = 7 * 24 * 60
"""A reminder at most a week before the session."""

BUSY_SUMMARY: Final = "Training"
_HASH_CHARS: Final = 12
_VTIMEZONE_MARGIN: Final = timedelta(days=366)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:_HASH_CHARS]


@dataclass(frozen=True, slots=True, kw_only=True)
class CancelledSession:
    """A session an adaptation left out: written as a cancelled event with its own UID."""

    session_id: str
    title: str
    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class CalendarContinuity:
    """What keeps a calendar in step with later plan versions.

    Attributes:
        sequences: each session's SEQUENCE: how many versions after the first changed
            it (0, and no SEQUENCE written, for a session never changed).
        cancelled: sessions dropped by a version and absent from this one.
    """

    sequences: Mapping[str, int] = field(default_factory=dict)
    cancelled: tuple[CancelledSession, ...] = ()


def _uid(plan: Plan, session: PlannedSession, *, busy: bool) -> str:
    return _uid_of(plan, str(session.scheduled.spec.id), busy=busy)


def _uid_of(plan: Plan, session_id: str, *, busy: bool) -> str:
    digest = _digest(plan.athlete, plan.start.isoformat(), session_id, "busy" if busy else "")
    # A busy block on a shared calendar should not tell colleagues what the session is.
    return f"{digest}@runlift" if busy else f"{session_id}-{digest}@runlift"


def categories(session: PlannedSession) -> list[str]:
    """CATEGORIES of a session: modality and kind, upper case, ``_`` written ``-``.

    ``["RUN", "INTERVALS"]``, ``["LIFT", "HEAVY-LOWER"]``; explosive work
    inside another kind of lift adds ``EXPLOSIVE``.
    """
    spec = session.scheduled.spec
    names = [spec.modality.value.upper(), spec.kind.value.upper().replace("_", "-")]
    if spec.contains_explosive and "EXPLOSIVE" not in names:
        names.append("EXPLOSIVE")
    return names


def session_description(session: PlannedSession, *, unit: MassUnit = MassUnit.KG) -> str:
    """The plain-text DESCRIPTION: the prescription (loads in ``unit``), then the reasons."""
    lines: list[str] = []
    if session.scheduled.spec.key:
        lines.append("Key session.")
    lines.extend(prescription_lines(session.prescription, unit=unit))
    if session.explanation:
        rules = f" (rules {', '.join(session.rules)})" if session.rules else ""
        lines.extend(["", f"Why this session, here{rules}:"])
        lines.extend(f"- {line}" for line in session.explanation)
    return "\n".join(lines)


def _zone(timezone: str) -> ZoneInfo:
    try:
        return ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            "timezone", timezone, "an IANA time zone such as Europe/Berlin"
        ) from None


def _event(
    plan: Plan,
    session: PlannedSession,
    *,
    zone: ZoneInfo,
    stamp: datetime,
    busy: bool,
    reminder_min: int,
    unit: MassUnit,
    sequence: int = 0,
) -> icalendar.Event:
    spec = session.scheduled.spec
    start = session.scheduled.start.astimezone(zone)
    end = session.scheduled.end.astimezone(zone)
    uid = _uid(plan, session, busy=busy)
    if busy:
        event = icalendar.Event.new(
            uid=uid, start=start, end=end, stamp=stamp, summary=BUSY_SUMMARY
        )
        event.add("TRANSP", "OPAQUE")
        event.add("CLASS", "PRIVATE")
        if sequence:
            event.add("SEQUENCE", sequence)
        return event
    event = icalendar.Event.new(
        uid=uid,
        start=start,
        end=end,
        stamp=stamp,
        summary=spec.title,
        description=session_description(session, unit=unit),
        categories=categories(session),
    )
    if sequence:
        event.add("SEQUENCE", sequence)
    # The description goes through Alarm.new: assigning it afterwards is silently dropped.
    alarm = icalendar.Alarm.new(description=f"{spec.title} starts in {reminder_min} min")
    alarm.add("ACTION", "DISPLAY")
    alarm.add("TRIGGER", timedelta(minutes=-reminder_min))
    event.add_component(alarm)
    return event


def _cancelled_event(
    plan: Plan,
    cancelled: CancelledSession,
    *,
    zone: ZoneInfo,
    stamp: datetime,
    busy: bool,
    sequence: int,
) -> icalendar.Event:
    """A dropped session as a cancelled event: same UID, higher SEQUENCE, STATUS:CANCELLED."""
    event = icalendar.Event.new(
        uid=_uid_of(plan, cancelled.session_id, busy=busy),
        start=cancelled.start.astimezone(zone),
        end=cancelled.end.astimezone(zone),
        stamp=stamp,
        summary=BUSY_SUMMARY if busy else cancelled.title,
    )
    event.add("STATUS", "CANCELLED")
    event.add("SEQUENCE", max(sequence, 1))
    return event


def _add_athlete(calendar: icalendar.Calendar, profile: AthleteProfile) -> None:
    """What the rules read of the athlete, so ``runlift lint plan.ics`` judges it as plan.json."""
    calendar.add(GOAL, profile.goal.kind.value)
    calendar.add(PRIORITY, profile.goal.priority.value)
    calendar.add(EVIDENCE_PROFILE, profile.evidence_profile.value)
    calendar.add(REST_DAYS_MIN, str(profile.rest_days_min))
    for day in Weekday:
        windows = " ".join(str(w) for w in profile.availability.get(day, ()))
        calendar.add(f"{AVAILABILITY}{day.value.upper()}", windows)


def write_plan_ics(
    plan: Plan,
    *,
    timezone: str,
    busy: bool = False,
    reminder_min: int = 30,
    unit: MassUnit = MassUnit.KG,
    profile: AthleteProfile | None = None,
    continuity: CalendarContinuity | None = None,
) -> str:
    """The plan as an iCalendar text, one VEVENT per session.

    Times are written in ``timezone`` (DTSTART/DTEND with TZID) with its
    VTIMEZONE. A full export has the session title as SUMMARY, the
    prescription and the placement reasons as DESCRIPTION, CATEGORIES naming
    modality and kind, and a display reminder ``reminder_min`` minutes
    before. ``busy=True`` writes the same times as opaque, private
    "Training" blocks with nothing else, for a shared work calendar. With the
    athlete's ``profile`` a full export also says what the rules read of the
    athlete (``X-RUNLIFT-GOAL``, ``-PRIORITY``, ``-EVIDENCE-PROFILE``,
    ``-REST-DAYS-MIN`` and ``-AVAILABILITY-MON`` to ``-SUN``), which
    ``runlift.io.calendar`` reads back.

    Args:
        plan: the plan to export.
        timezone: IANA zone the times are written in (the athlete's).
        busy: write busy blocks only.
        reminder_min: minutes before the start the reminder fires (0 to 10080).
        unit: the athlete's unit, in which the descriptions write loads.
        profile: the athlete, whose goal, priority, evidence profile, rest days and
            windows the full export carries.
        continuity: for a later plan version, each session's SEQUENCE and the
            sessions dropped since the first (written as cancelled events).

    Returns:
        The calendar, CRLF line endings as RFC 5545 asks.

    Raises:
        InvalidInput: an unknown time zone or a reminder out of range.
    """
    zone = _zone(timezone)
    if isinstance(reminder_min, bool) or not 0 <= reminder_min <= MAX_REMINDER_MIN:
        raise InvalidInput(
            "reminder_min", reminder_min, f"whole minutes from 0 to {MAX_REMINDER_MIN}"
        )
    stamp = datetime.combine(plan.start, time(0), tzinfo=UTC)
    calendar = icalendar.Calendar.new(
        prodid=f"-//runlift//runlift {__version__}//EN",
        uid=f"plan-{_digest(plan.athlete, plan.start.isoformat(), 'busy' if busy else '')}@runlift",
    )
    calendar.add("X-WR-CALNAME", f"{plan.athlete} training plan")
    calendar.add("X-WR-TIMEZONE", timezone)
    if profile is not None and not busy:
        _add_athlete(calendar, profile)
    sequences = {} if continuity is None else continuity.sequences
    for week in plan.weeks:
        for session in week.sessions:
            calendar.add_component(
                _event(
                    plan,
                    session,
                    zone=zone,
                    stamp=stamp,
                    busy=busy,
                    reminder_min=reminder_min,
                    unit=unit,
                    sequence=sequences.get(str(session.scheduled.id), 0),
                )
            )
    for cancelled in () if continuity is None else continuity.cancelled:
        calendar.add_component(
            _cancelled_event(
                plan,
                cancelled,
                zone=zone,
                stamp=stamp,
                busy=busy,
                sequence=sequences.get(cancelled.session_id, 1),
            )
        )
    # Rules for the plan's own years only: far shorter than icalendar's 1970-2038 default.
    calendar.add_missing_timezones(
        first_date=plan.start - _VTIMEZONE_MARGIN, last_date=plan.end + _VTIMEZONE_MARGIN
    )
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")
