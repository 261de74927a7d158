"""Importing training files into the log: one file, one transaction, no duplicates.

``import_file`` takes a file's bytes (the entry point reads them), detects its
format by content, reads it, and stores what it holds in one transaction. A file
whose bytes were imported before, or whose every activity is already stored (the
same start and sport, e.g. the same run exported as FIT and as GPX), is a
duplicate and changes nothing. A file that cannot be read is reported with its
one-line reason and stores nothing; the other files of the same import go on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.activities import Activity
from runlift.domain.sessions import SessionId
from runlift.errors import ImportFormatError, InvalidInput
from runlift.io.activity_files import read_activity_file
from runlift.reference.exercise_aliases import exercise_name_index
from runlift.store.repository import ConcurrentWriteError, PlanVersion, Store, StoredActivity
from runlift.tracking.matching import LoggedActivity, match_activities

MATCH_MARGIN = timedelta(days=2)
"""Activities this far around an import's are read too, so a new activity does not take a
session that an activity already stored fulfils better."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportedActivity:
    """One activity a file added, and the planned session it fulfils."""

    activity_id: int
    activity: Activity
    matched_session: SessionId | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FileOutcome:
    """What happened to one file.

    Attributes:
        name: the file's name as given.
        status: ``imported``, ``duplicate`` or ``failed``.
        format: the format it was read as (None when it could not be read).
        activities: the activities it added (imported files).
        body_mass_added: the weighings it added.
        duplicate_ids: the stored activities it held again (duplicates, and any
            already-stored activity of an imported file).
        error: why it failed, in one line (failed files).
        warnings: what the reader could not take over as it was.
    """

    name: str
    status: str
    format: str | None = None
    activities: tuple[ImportedActivity, ...] = ()
    body_mass_added: int = 0
    duplicate_ids: tuple[int, ...] = ()
    error: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class LogWindow:
    """The current plan version, the activities around a span of time, and their matches.

    Attributes:
        version: the athlete's current plan version.
        activities: the activities from ``MATCH_MARGIN`` before the span to as long after.
        matches: the planned session each of them fulfils, by activity id.
    """

    version: PlanVersion
    activities: tuple[StoredActivity, ...]
    matches: dict[int, SessionId]


def log_window(store: Store, athlete_id: str, *, first: datetime, last: datetime) -> LogWindow:
    """The activities from ``first`` to ``last`` (with a margin) matched to planned sessions.

    Matched against the athlete's current plan version (which keeps the sessions of
    the weeks before it unchanged); activities pinned to a session by hand keep it.
    """
    version = store.plan_version(athlete_id)
    zone = ZoneInfo(version.profile.timezone)
    stored = store.activities(athlete_id, first=first - MATCH_MARGIN, before=last + MATCH_MARGIN)
    window_first = (first - MATCH_MARGIN - timedelta(days=1)).date()
    window_last = (last + MATCH_MARGIN + timedelta(days=1)).date()
    sessions = [
        s
        for week in version.plan.weeks
        for s in week.sessions
        if window_first <= s.scheduled.local_date <= window_last
    ]
    matches = match_activities(
        sessions,
        [LoggedActivity(key=a.id, activity=a.activity) for a in stored],
        zone=zone,
        fixed={a.id: a.session_id for a in stored if a.session_id is not None},
    )
    return LogWindow(version=version, activities=stored, matches=matches)


def _imported(
    store: Store, athlete_id: str, added: tuple[StoredActivity, ...]
) -> tuple[ImportedActivity, ...]:
    if not added:
        return ()
    matches = log_window(
        store,
        athlete_id,
        first=min(a.activity.start for a in added),
        last=max(a.activity.start for a in added),
    ).matches
    return tuple(
        ImportedActivity(activity_id=a.id, activity=a.activity, matched_session=matches.get(a.id))
        for a in added
    )


def import_file(
    store: Store, athlete_id: str, data: bytes, *, name: str, now: datetime
) -> FileOutcome:
    """Import one file's bytes for an athlete; never raises for a bad file, reports it."""
    digest = hashlib.sha256(data).hexdigest()
    earlier = store.import_of(athlete_id, digest)
    if earlier is not None:
        return FileOutcome(
            name=name, status="duplicate", duplicate_ids=store.activities_of_import(earlier)
        )
    profile = store.plan_version(athlete_id).profile
    try:
        result = read_activity_file(
            data,
            name=name,
            exercises=exercise_name_index(),
            tz=ZoneInfo(profile.timezone),
            weight_unit=profile.units,
        )
    except (ImportFormatError, InvalidInput) as exc:
        return FileOutcome(name=name, status="failed", error=str(exc))
    try:
        stored = store.store_import(
            athlete_id, result, sha256=digest, size_bytes=len(data), now=now
        )
    except ConcurrentWriteError:
        # Another import stored the same file or activity meanwhile: read it as it is now.
        return import_file(store, athlete_id, data, name=name, now=now)
    if stored.import_id is None:
        return FileOutcome(
            name=name,
            status="duplicate",
            format=result.format.value,
            duplicate_ids=stored.duplicates,
            warnings=result.warnings,
        )
    return FileOutcome(
        name=name,
        status="imported",
        format=result.format.value,
        activities=_imported(store, athlete_id, stored.added),
        body_mass_added=stored.body_mass_added,
        duplicate_ids=stored.duplicates,
        warnings=result.warnings,
    )
