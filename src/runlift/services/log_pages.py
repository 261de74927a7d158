"""The training log in the web app: a week, uploads, sessions done or missed, check-ins, events.

Callers have already been told by :func:`runlift.services.accounts.athlete_access`
that the user may read (or, to change anything, write) the athlete's log: the
functions here take the athlete's id and do not ask again. They go through the
same use cases as ``runlift log``: :func:`~runlift.services.log_import.import_file`
for files (told by content, read by the same readers, duplicates skipped),
:mod:`~runlift.services.log_entries` for what is logged by hand, and
:func:`~runlift.services.log_view.week_log` for a week against the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.log import CheckIn
from runlift.domain.plan import PlanWeek
from runlift.errors import InvalidInput, NotFound
from runlift.services import log_entries, log_import, log_view
from runlift.services.log_import import FileOutcome
from runlift.services.log_view import WeekLog
from runlift.store.repository import PlanVersion, Store, StoredEvent
from runlift.vocabulary import EventKind, MissReason

RECENT_CHECK_IN_DAYS: Final = 14
"""The check-in page lists this many days back from the day shown: two weeks of trend."""


@dataclass(frozen=True, slots=True, kw_only=True)
class NamedFile:
    """An uploaded file: its name (for messages only, never a path) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class UploadedActivity:
    """One activity an upload added, as the page lists it.

    Attributes:
        activity_id: its id in the log.
        sport: what it was (``run``, ``strength``, ``cycling`` ...).
        start: its start in the athlete's time zone.
        session_id: the planned session it fulfils, None for an extra.
        session_title: that session's title.
        week: the plan week (1-based) it falls in, None outside the plan.
    """

    activity_id: int
    sport: str
    start: datetime
    session_id: str | None
    session_title: str | None
    week: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class UploadedFile:
    """What became of one uploaded file: the import's outcome and its activities as listed."""

    outcome: FileOutcome
    activities: tuple[UploadedActivity, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class LogPage:
    """A week of the plan against the log, with the week's check-ins and events.

    Attributes:
        log: the week's sessions with their status, and the extras.
        weeks: how many weeks the plan has.
        timezone: the athlete's time zone (times are shown in it).
        check_ins: the check-ins of the week's days.
        events: the events that cover at least one day of the week.
    """

    log: WeekLog
    weeks: int
    timezone: str
    check_ins: tuple[CheckIn, ...]
    events: tuple[StoredEvent, ...]

    @property
    def number(self) -> int:
        """The week's number in the plan (1-based)."""
        return self.log.week.index + 1

    @property
    def last_day(self) -> date:
        """The week's Sunday."""
        return self.log.week.start + timedelta(days=6)

    @property
    def zone(self) -> ZoneInfo:
        """The athlete's time zone."""
        return ZoneInfo(self.timezone)


@dataclass(frozen=True, slots=True, kw_only=True)
class LoggedSession:
    """A planned session just marked done or missed, and the week it belongs to (1-based)."""

    session_id: str
    title: str
    week: int
    activity_id: int | None = None
    reason: MissReason | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckInPage:
    """The check-in form's day, what is stored for it, and the days before.

    Attributes:
        day: the day the form is for.
        today: the athlete's local date.
        stored: the answers stored for ``day`` so far, if any.
        recent: the check-ins of the :data:`RECENT_CHECK_IN_DAYS` up to ``day``, newest first.
    """

    day: date
    today: date
    stored: CheckIn | None
    recent: tuple[CheckIn, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventsPage:
    """The athlete's events (illness, injury, travel), newest first, and today's date."""

    today: date
    events: tuple[StoredEvent, ...]


def _today(version: PlanVersion, now: datetime) -> date:
    return now.astimezone(ZoneInfo(version.profile.timezone)).date()


def week_number(weeks: Sequence[PlanWeek], day: date) -> int | None:
    """The plan week (1-based) holding ``day``, None before or after the plan."""
    for week in weeks:
        if week.start <= day < week.start + timedelta(days=7):
            return week.index + 1
    return None


def nearest_week(weeks: Sequence[PlanWeek], day: date) -> int:
    """The plan week (1-based) holding ``day``; the first before the plan, the last after it."""
    return log_view.week_of(tuple(weeks), day).index + 1


def log_page(store: Store, athlete_id: str, *, week: int | None, now: datetime) -> LogPage:
    """Week ``week`` (1-based; default: the week holding today) against the log.

    Raises:
        NotFound: the plan has no such week.
    """
    version = store.plan_version(athlete_id)
    count = len(version.plan.weeks)
    if week is not None and not 1 <= week <= count:
        raise NotFound(f"the plan has weeks 1 to {count}")
    view = log_view.week_log(store, athlete_id, week_number=week, today=None, now=now)
    first = view.week.start
    last = first + timedelta(days=6)
    events = tuple(
        stored
        for stored in store.events(athlete_id)
        if stored.event.first_day <= last and stored.event.last_day >= first
    )
    return LogPage(
        log=view,
        weeks=count,
        timezone=version.profile.timezone,
        check_ins=store.check_ins(athlete_id, first=first, last=last),
        events=events,
    )


def _listed(
    version: PlanVersion, imported: Sequence[log_import.ImportedActivity]
) -> tuple[UploadedActivity, ...]:
    zone = ZoneInfo(version.profile.timezone)
    sessions = {
        str(session.scheduled.id): session
        for plan_week in version.plan.weeks
        for session in plan_week.sessions
    }
    listed = []
    for item in imported:
        local = item.activity.start.astimezone(zone)
        session = None if item.matched_session is None else sessions.get(item.matched_session)
        listed.append(
            UploadedActivity(
                activity_id=item.activity_id,
                sport=item.activity.sport.value,
                start=local,
                session_id=None if session is None else str(session.scheduled.id),
                session_title=None if session is None else session.scheduled.spec.title,
                week=week_number(version.plan.weeks, local.date()),
            )
        )
    return tuple(listed)


def import_uploads(
    store: Store, athlete_id: str, files: Sequence[NamedFile], *, now: datetime
) -> tuple[UploadedFile, ...]:
    """Import each uploaded file as ``runlift log import`` does, one transaction per file.

    A file that cannot be read is reported with its one-line reason and stores
    nothing; the other files are still imported.
    """
    outcomes = [
        log_import.import_file(store, athlete_id, item.data, name=item.name, now=now)
        for item in files
    ]
    version = store.plan_version(athlete_id)
    return tuple(
        UploadedFile(outcome=outcome, activities=_listed(version, outcome.activities))
        for outcome in outcomes
    )


def _session(version: PlanVersion, session_id: str) -> tuple[str, int]:
    """The title and week (1-based) of a planned session.

    Raises:
        NotFound: the plan has no session with this id.
    """
    for week in version.plan.weeks:
        for session in week.sessions:
            if session.scheduled.id == session_id:
                return session.scheduled.spec.title, week.index + 1
    raise NotFound(f"the plan has no session '{session_id}'")


def session_week(store: Store, athlete_id: str, session_id: str) -> int:
    """The plan week (1-based) of a planned session.

    Raises:
        NotFound: the plan has no session with this id.
    """
    return _session(store.plan_version(athlete_id), session_id)[1]


def mark_done(
    store: Store,
    athlete_id: str,
    session_id: str,
    *,
    rpe: float | None,
    duration_min: float | None,
    distance_km: float | None,
) -> LoggedSession:
    """Mark a planned session done, as planned or with what was done (``runlift log done``).

    Raises:
        NotFound: the plan has no such session.
        InvalidInput: a distance for a lift.
        StoreError: the session is already logged as done by hand.
    """
    title, week = _session(store.plan_version(athlete_id), session_id)
    stored = log_entries.log_done(
        store,
        athlete_id,
        session_id,
        rpe=rpe,
        duration_min=duration_min,
        distance_km=distance_km,
    )
    return LoggedSession(session_id=session_id, title=title, week=week, activity_id=stored.id)


def mark_missed(
    store: Store, athlete_id: str, session_id: str, *, reason: MissReason, now: datetime
) -> LoggedSession:
    """Mark a planned session missed, with the reason (``runlift log missed``).

    Raises:
        NotFound: the plan has no such session.
    """
    title, week = _session(store.plan_version(athlete_id), session_id)
    log_entries.log_missed(store, athlete_id, session_id, reason=reason, now=now)
    return LoggedSession(session_id=session_id, title=title, week=week, reason=reason)


def check_in_page(store: Store, athlete_id: str, *, day: date | None, now: datetime) -> CheckInPage:
    """The check-in form for ``day`` (default: today) and the two weeks up to it."""
    today = _today(store.plan_version(athlete_id), now)
    shown = today if day is None else day
    recent = store.check_ins(
        athlete_id, first=shown - timedelta(days=RECENT_CHECK_IN_DAYS - 1), last=shown
    )
    stored = next((entry for entry in recent if entry.day == shown), None)
    return CheckInPage(day=shown, today=today, stored=stored, recent=tuple(reversed(recent)))


def check_in(store: Store, athlete_id: str, entry: CheckIn, *, now: datetime) -> CheckIn:
    """Store a day's check-in; answers given again replace the day's earlier ones.

    Raises:
        InvalidInput: the day is in the future (a check-in says how a day went).
    """
    today = _today(store.plan_version(athlete_id), now)
    if entry.day > today:
        raise InvalidInput("date", entry.day.isoformat(), f"today ({today}) or a day before")
    return log_entries.log_check_in(store, athlete_id, entry)


def events_page(store: Store, athlete_id: str, *, now: datetime) -> EventsPage:
    """Every event of the athlete, newest first."""
    today = _today(store.plan_version(athlete_id), now)
    events = tuple(
        sorted(store.events(athlete_id), key=lambda s: (s.event.first_day, s.id), reverse=True)
    )
    return EventsPage(today=today, events=events)


def add_event(
    store: Store,
    athlete_id: str,
    *,
    kind: EventKind,
    first_day: date,
    last_day: date,
    note: str | None,
) -> StoredEvent:
    """Store an illness, injury or travel over a range of days (``runlift log event``).

    Raises:
        InvalidInput: the last day is before the first.
    """
    event_id = log_entries.log_event(
        store, athlete_id, kind=kind, first_day=first_day, last_day=last_day, note=note
    )
    return next(stored for stored in store.events(athlete_id) if stored.id == event_id)
