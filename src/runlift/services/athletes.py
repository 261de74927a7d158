"""Athletes of the web app: made from a profile by their owner, read back as plan and files.

Callers have already been told by :func:`runlift.services.accounts.athlete_access`
that the user may reach the athlete: the functions here take the athlete's id and
do not ask again. Everything read is a stored plan version, which never changes,
so what is built from one (the report's model, the PDF) is kept in a small cache
keyed by athlete and version.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

import yaml

from runlift.errors import NotFound
from runlift.io.fit_workout import workout_files
from runlift.io.ics_export import write_plan_ics
from runlift.io.profile import profile_from_data
from runlift.reference.exercises import exercise_library
from runlift.report.build import build_report
from runlift.report.model import Report
from runlift.services import log_view, planning
from runlift.services.adaptation import calendar_continuity
from runlift.services.log_view import SessionRow, WeekLog
from runlift.services.report_data import report_data
from runlift.services.warnings import plan_warnings
from runlift.store.accounts import OwnedAthlete
from runlift.store.repository import (
    MAX_ID_LENGTH,
    AthleteRecord,
    PlanVersion,
    Store,
    athlete_id_from_name,
)
from runlift.vocabulary import RunKind

ID_SUFFIX_LENGTH: Final = 6
"""Random characters after the name in an athlete's id: ids tell no one which names exist."""

_ID_ALPHABET: Final = "abcdefghijkmnpqrstuvwxyz23456789"


@dataclass(frozen=True, slots=True, kw_only=True)
class MyAthletes:
    """The athletes a user owns and those who invited the user as their coach."""

    owned: tuple[OwnedAthlete, ...]
    coached: tuple[OwnedAthlete, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanPage:
    """What the plan page shows: the stored version and the report's model of it.

    Attributes:
        version: the current plan version.
        report: the report's model (calendar, session cards with their reasons, nutrition).
        week: the index of the week to show first (the one holding ``today``).
        today: the date in the athlete's time zone.
        day: the day of the shown week whose nutrition is shown first (0 = Monday):
            today's when the week holds it, else the week's first.
        log: the shown week against the training log: each session's status, the extras.
        movable: the shown week's sessions still to come, but the race, by id, with their
            local start as a form's ``datetime-local`` value (``2027-01-15T18:30``).
    """

    version: PlanVersion
    report: Report
    week: int
    today: date
    day: int
    log: WeekLog
    movable: Mapping[str, str]

    @property
    def zone(self) -> ZoneInfo:
        """The athlete's time zone."""
        return ZoneInfo(self.version.profile.timezone)

    @property
    def rows(self) -> Mapping[str, SessionRow]:
        """The shown week's sessions against the log, by session id."""
        return {str(row.session.scheduled.id): row for row in self.log.sessions}

    @property
    def today_in_week(self) -> bool:
        """Whether the shown week holds today (its nutrition is then today's)."""
        start = self.version.plan.weeks[self.week].start
        return 0 <= (self.today - start).days < 7


def new_athlete_id(name: str) -> str:
    """An id from the name and a random suffix: ``alex-example-k3f9qz``."""
    suffix = "".join(secrets.choice(_ID_ALPHABET) for _ in range(ID_SUFFIX_LENGTH))
    stem = athlete_id_from_name(name)[: MAX_ID_LENGTH - ID_SUFFIX_LENGTH - 1].rstrip("-")
    return f"{stem}-{suffix}"


def create_athlete(
    store: Store,
    *,
    owner_id: int,
    profile: Mapping[str, Any],
    now: datetime,
    progress: planning.Progress | None = None,
) -> AthleteRecord:
    """Validate a profile as a YAML one is validated, plan it, and store it for its owner.

    The athlete and plan version 1 are stored together, owned by ``owner_id``; the
    profile is kept as YAML, as the command line keeps the file it was given.

    Raises:
        InvalidInput: the profile is invalid; ``problems`` lists every field at fault.
        PlanningError: no plan can be made from it.
    """
    athlete = profile_from_data(dict(profile))
    result = planning.make_plan(athlete, progress=progress)
    text = yaml.safe_dump(_plain(profile), sort_keys=False, allow_unicode=True)
    return store.add_athlete(
        athlete_id=store.free_athlete_id(new_athlete_id(athlete.name)),
        profile=athlete,
        profile_yaml=text,
        plan=result.plan,
        nutrition=result.nutrition,
        now=now,
        owner_id=owner_id,
    )


def _plain(value: Any) -> Any:
    """The profile as plain YAML types (dates as ISO text), so it reads back as given."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def my_athletes(store: Store, user_id: int) -> MyAthletes:
    """The athletes a user owns and coaches."""
    return MyAthletes(
        owned=store.accounts.owned_athletes(user_id),
        coached=store.accounts.coached_athletes(user_id),
    )


def current_plan(store: Store, athlete_id: str) -> PlanVersion:
    """The athlete's current plan version (kept in a small cache: versions never change)."""
    return _version(store, athlete_id, store.athlete(athlete_id).current_version)


# Keyed by the store object, the athlete and the version number: a stored version
# never changes, so what is built from it never goes stale.
@functools.lru_cache(maxsize=16)
def _version(store: Store, athlete_id: str, version: int) -> PlanVersion:
    return store.plan_version(athlete_id, version)


@functools.lru_cache(maxsize=16)
def _report(store: Store, athlete_id: str, version: int) -> Report:
    stored = _version(store, athlete_id, version)
    return build_report(
        stored.plan,
        profile=stored.profile,
        data=report_data(stored.plan, library=exercise_library()),
        nutrition=store.nutrition(athlete_id, version),
        timezone=stored.profile.timezone,
        warnings=plan_warnings(stored.profile, stored.plan),
    )


@functools.lru_cache(maxsize=4)
def _pdf(store: Store, athlete_id: str, version: int) -> bytes:
    return planning.report_pdf(_report(store, athlete_id, version))


@functools.lru_cache(maxsize=4)
def _workouts(store: Store, athlete_id: str, version: int) -> Mapping[str, tuple[str, bytes]]:
    stored = _version(store, athlete_id, version)
    plan = stored.plan
    sessions = [session for week in plan.weeks for session in week.sessions]
    files = workout_files(plan, unit=stored.profile.units)
    # workout_files names the sessions' files in the plan's order.
    return {
        str(session.scheduled.id): named
        for session, named in zip(sessions, files.items(), strict=True)
    }


def _result(store: Store, version: PlanVersion) -> planning.PlanResult:
    return planning.PlanResult(
        profile=version.profile,
        plan=version.plan,
        nutrition=store.nutrition(version.athlete_id, version.version),
        warnings=plan_warnings(version.profile, version.plan),
    )


def plan_page(store: Store, athlete_id: str, *, now: datetime, week: int | None) -> PlanPage:
    """The plan page's content: ``week`` (0-based) or the week holding today, with its log.

    Today is ``now``'s date in the athlete's time zone. Before the plan starts its
    first week is shown, after it ends its last.

    Raises:
        NotFound: ``week`` is not a week of the plan.
    """
    number = store.athlete(athlete_id).current_version
    version = _version(store, athlete_id, number)
    weeks = version.plan.weeks
    today = now.astimezone(ZoneInfo(version.profile.timezone)).date()
    if week is None:
        week = sum(1 for plan_week in weeks[1:] if plan_week.start <= today)
    elif not 0 <= week < len(weeks):
        raise NotFound(f"the plan has weeks 1 to {len(weeks)}")
    offset = (today - weeks[week].start).days
    zone = ZoneInfo(version.profile.timezone)
    movable = {
        str(session.scheduled.id): f"{session.scheduled.start.astimezone(zone):%Y-%m-%dT%H:%M}"
        for session in weeks[week].sessions
        if session.scheduled.start > now and session.scheduled.spec.kind is not RunKind.RACE
    }
    return PlanPage(
        version=version,
        report=_report(store, athlete_id, number),
        week=week,
        today=today,
        day=offset if 0 <= offset < 7 else 0,
        log=log_view.week_log(store, athlete_id, week_number=week + 1, today=today, now=now),
        movable=movable,
    )


def plan_json(store: Store, athlete_id: str) -> str:
    """The current plan as ``plan.json``, exactly as ``runlift plan`` writes it (cached)."""
    return _plan_json(store, athlete_id, store.athlete(athlete_id).current_version)


@functools.lru_cache(maxsize=16)
def _plan_json(store: Store, athlete_id: str, version: int) -> str:
    return planning.plan_json_text(_result(store, _version(store, athlete_id, version)))


def plan_ics(store: Store, athlete_id: str) -> str:
    """The current plan as an iCalendar file, as ``runlift export`` writes ``plan.ics``'s events.

    A later version keeps the events of the earlier ones: the same UIDs, SEQUENCE raised
    for each change, dropped sessions cancelled, so a subscribed calendar updates them.
    """
    version = current_plan(store, athlete_id)
    continuity = (
        calendar_continuity(store, athlete_id, version.version) if version.version > 1 else None
    )
    return write_plan_ics(version.plan, timezone=version.profile.timezone, continuity=continuity)


def plan_pdf(store: Store, athlete_id: str) -> bytes:
    """The athlete's report of the current plan as PDF, as ``runlift plan`` writes it."""
    return _pdf(store, athlete_id, store.athlete(athlete_id).current_version)


def workout_fit(store: Store, athlete_id: str, session_id: str) -> tuple[str, bytes]:
    """One session of the current plan as a FIT workout: its file name and bytes.

    Raises:
        NotFound: the plan has no session with this id.
    """
    files = _workouts(store, athlete_id, store.athlete(athlete_id).current_version)
    try:
        return files[session_id]
    except KeyError:
        raise NotFound(f"the plan has no session '{session_id}'") from None
