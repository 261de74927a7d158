"""The store's operations: athletes, plan versions, activities, check-ins, events, marks.

:class:`Store` is the only way the rest of runlift reads or writes the database.
It takes and returns domain objects and the frozen records below, never rows, and
each method that writes is one transaction: it is all stored or nothing is. Plan
versions are kept whole and exactly (``runlift.store.codec``) and are never
changed once stored; making another plan makes another version.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from sqlalchemy import event, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from runlift.domain.activities import Activity, BodyMassReading, ImportResult, Lap, LoggedSet
from runlift.domain.athlete import AthleteProfile
from runlift.domain.exercises import ExerciseId
from runlift.domain.log import CheckIn, MissedSession, TrainingEvent
from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan
from runlift.domain.sessions import SessionId
from runlift.domain.week import TimeWindow
from runlift.errors import InvalidInput, StoreError
from runlift.store import codec
from runlift.store.accounts import AccountStore
from runlift.store.database import Database
from runlift.store.tables import (
    ActivityRow,
    AthleteOwnerRow,
    AthleteRow,
    BodyMassRow,
    CheckInRow,
    EventRow,
    ImportRow,
    PlanVersionRow,
    SessionMarkRow,
    SetRow,
)
from runlift.vocabulary import (
    ActivityFormat,
    EventKind,
    MissReason,
    SetKind,
    Sport,
    SubSport,
    Weekday,
)

MAX_ID_LENGTH: Final = 64
VERSIONS_KEPT: Final = 8
"""Decoded plan versions one ``Store`` keeps (a plan decodes in tens of milliseconds)."""
_ID_PATTERN: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class ConcurrentWriteError(StoreError):
    """Another writer stored the same thing at the same time; reading again shows what it was."""


@event.listens_for(PlanVersionRow, "before_update")
def _versions_are_immutable(*_args: object) -> None:
    raise StoreError("a stored plan version is never changed: make a new version instead")


def athlete_id_from_name(name: str) -> str:
    """A readable id from a name: ``Zoë Müller-Smith`` gives ``zoe-muller-smith``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:MAX_ID_LENGTH].rstrip("-") or "athlete"


def check_athlete_id(athlete_id: str) -> str:
    """``athlete_id`` if it is a valid id (lower-case letters, digits, single hyphens)."""
    if len(athlete_id) > MAX_ID_LENGTH or not _ID_PATTERN.fullmatch(athlete_id):
        raise InvalidInput(
            "--id",
            athlete_id,
            f"lower-case letters, digits and single hyphens, at most {MAX_ID_LENGTH} characters "
            "(e.g. alex-example)",
        )
    return athlete_id


@dataclass(frozen=True, slots=True, kw_only=True)
class AthleteRecord:
    """An athlete as stored.

    Attributes:
        id: the athlete's id (``alex-example``).
        name: the name in the profile.
        created_at: when the athlete was added.
        profile_yaml: the profile as the athlete wrote it.
        current_version: the number of the current plan version.
    """

    id: str
    name: str
    created_at: datetime
    profile_yaml: str
    current_version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanVersion:
    """One stored plan, exactly as it was made.

    Attributes:
        athlete_id: whose plan.
        version: 1 for the first plan, then 2, 3 ...
        created_at: when it was stored.
        valid_from: the first day it plans (the days before keep the older versions').
        reason: why it was made, in a line.
        profile: the profile it was made from.
        plan: the plan (its day-by-day nutrition is read apart: ``Store.nutrition``).
        changes: what changed from the version before (empty for version 1), as the
            list of records that made it.
    """

    athlete_id: str
    version: int
    created_at: datetime
    valid_from: date
    reason: str
    profile: AthleteProfile
    plan: Plan
    changes: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class VersionSummary:
    """A plan version's number, dates and reason, without the plan itself."""

    version: int
    created_at: datetime
    valid_from: date
    reason: str
    current: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredActivity:
    """An activity with what the store knows beside it.

    Attributes:
        id: its id in the store.
        activity: the activity.
        rpe: the session RPE the athlete gave it (CR-10), if any.
        session_id: the planned session the athlete said it was (``runlift log done``),
            if any; other activities are matched to sessions when they are read.
        import_id: the import it came from (None when logged by hand).
    """

    id: int
    activity: Activity
    rpe: float | None
    session_id: SessionId | None
    import_id: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredImport:
    """What one imported file added to the store.

    Attributes:
        import_id: the import's id; None when nothing was new (every activity and
            weighing of the file was already stored), in which case nothing was recorded.
        added: the activities added, with their ids, in time order.
        duplicates: the ids of stored activities that the file held again.
        body_mass_added: how many weighings were added.
    """

    import_id: int | None
    added: tuple[StoredActivity, ...]
    duplicates: tuple[int, ...]
    body_mass_added: int


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredEvent:
    """An event with its id in the store."""

    id: int
    event: TrainingEvent


class Store:
    """The training log of every athlete in one database."""

    def __init__(self, url: str) -> None:
        self.database = Database(url)
        self._versions: OrderedDict[tuple[str, int], PlanVersion] = OrderedDict()
        self._nutrition: OrderedDict[tuple[str, int], tuple[DayNutrition, ...]] = OrderedDict()
        self.accounts = AccountStore(self.database)
        """Users, ownership, coaching, calendar tokens and login attempts."""

    def close(self) -> None:
        """Release the database's connections."""
        self.database.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- athletes -------------------------------------------------------------

    def add_athlete(
        self,
        *,
        athlete_id: str,
        profile: AthleteProfile,
        profile_yaml: str,
        plan: Plan,
        nutrition: Sequence[DayNutrition],
        now: datetime,
        owner_id: int | None = None,
    ) -> AthleteRecord:
        """Store a new athlete and their first plan version, together or not at all.

        ``owner_id`` names the user who owns the athlete (the web app's); the command
        line's athletes have none.

        Raises:
            StoreError: an athlete with this id is already stored.
        """
        check_athlete_id(athlete_id)
        with self.database.transaction() as session:
            if session.get(AthleteRow, athlete_id) is not None:
                raise StoreError(
                    f"an athlete with id '{athlete_id}' is already stored; choose another with --id"
                )
            row = AthleteRow(
                id=athlete_id,
                name=profile.name,
                created_at=now,
                profile_yaml=profile_yaml,
                current_version=None,
            )
            session.add(row)
            session.flush()
            if owner_id is not None:
                session.add(AthleteOwnerRow(athlete_id=athlete_id, user_id=owner_id))
            self._add_version(
                session,
                row,
                profile=profile,
                plan=plan,
                nutrition=nutrition,
                valid_from=plan.start,
                reason="first plan",
                changes=(),
                now=now,
            )
            return _athlete(row)

    def free_athlete_id(self, wanted: str) -> str:
        """``wanted`` if no athlete has it, else ``wanted-2``, ``wanted-3`` ..."""
        with self.database.reading() as session:
            taken = set(session.scalars(select(AthleteRow.id)))
        candidate, number = wanted, 1
        while candidate in taken:
            number += 1
            suffix = f"-{number}"
            candidate = wanted[: MAX_ID_LENGTH - len(suffix)] + suffix
        return candidate

    def athletes(self) -> tuple[AthleteRecord, ...]:
        """Every stored athlete, by id."""
        with self.database.reading() as session:
            rows = session.scalars(select(AthleteRow).order_by(AthleteRow.id))
            return tuple(_athlete(row) for row in rows)

    def athlete(self, athlete_id: str | None) -> AthleteRecord:
        """The athlete with ``athlete_id``; without one, the only athlete stored.

        Raises:
            StoreError: no such athlete, or none named while several (or none) are stored.
        """
        with self.database.reading() as session:
            if athlete_id is not None:
                row = session.get(AthleteRow, athlete_id)
                if row is None:
                    known = ", ".join(session.scalars(select(AthleteRow.id).limit(10))) or "none"
                    raise StoreError(f"no athlete '{athlete_id}' in the store (stored: {known})")
                return _athlete(row)
            ids = list(session.scalars(select(AthleteRow.id).order_by(AthleteRow.id).limit(3)))
        if not ids:
            raise StoreError("the store holds no athlete yet: add one with runlift athlete add")
        if len(ids) > 1:
            raise StoreError(
                "the store holds several athletes: say which with --athlete "
                f"({', '.join(ids[:2])}, ...; runlift athlete list shows them all)"
            )
        return self.athlete(ids[0])

    # -- plan versions ----------------------------------------------------------

    def add_plan_version(
        self,
        athlete_id: str,
        *,
        profile: AthleteProfile,
        plan: Plan,
        nutrition: Sequence[DayNutrition],
        valid_from: date,
        reason: str,
        changes: Sequence[Mapping[str, Any]],
        now: datetime,
    ) -> int:
        """Store a new plan version and make it current; returns its number."""
        with self.database.transaction() as session:
            row = session.get(AthleteRow, athlete_id, with_for_update=True)
            if row is None:
                raise StoreError(f"no athlete '{athlete_id}' in the store")
            return self._add_version(
                session,
                row,
                profile=profile,
                plan=plan,
                nutrition=nutrition,
                valid_from=valid_from,
                reason=reason,
                changes=changes,
                now=now,
            )

    @staticmethod
    def _add_version(
        session: Session,
        athlete: AthleteRow,
        *,
        profile: AthleteProfile,
        plan: Plan,
        nutrition: Sequence[DayNutrition],
        valid_from: date,
        reason: str,
        changes: Sequence[Mapping[str, Any]],
        now: datetime,
    ) -> int:
        latest = session.scalar(
            select(func.max(PlanVersionRow.version)).where(PlanVersionRow.athlete_id == athlete.id)
        )
        number = (latest or 0) + 1
        session.add(
            PlanVersionRow(
                athlete_id=athlete.id,
                version=number,
                created_at=now,
                valid_from=valid_from,
                reason=reason,
                profile_doc=codec.dumps(profile),
                plan_doc=codec.dumps(plan),
                nutrition_doc=json.dumps([json.loads(codec.dumps(day)) for day in nutrition]),
                changes_doc=json.dumps(list(changes), ensure_ascii=False, sort_keys=True),
            )
        )
        athlete.current_version = number
        return number

    def plan_version(self, athlete_id: str, version: int | None = None) -> PlanVersion:
        """A stored plan version: the current one unless ``version`` is given.

        Versions never change, so each is decoded once per ``Store`` and kept
        (:data:`VERSIONS_KEPT` of them).

        Raises:
            StoreError: no such athlete or version.
        """
        number = self._version_number(athlete_id, version)
        key = (athlete_id, number)
        cached = self._versions.get(key)
        if cached is not None:
            self._versions.move_to_end(key)
            return cached
        with self.database.reading() as session:
            row = session.get(PlanVersionRow, key)
            if row is None:  # pragma: no cover - the number was just read
                raise StoreError(f"athlete '{athlete_id}' has no plan version {number}")
            decoded = PlanVersion(
                athlete_id=athlete_id,
                version=row.version,
                created_at=row.created_at,
                valid_from=row.valid_from,
                reason=row.reason,
                profile=codec.loads(AthleteProfile, row.profile_doc),
                plan=codec.loads(Plan, row.plan_doc),
                changes=tuple(json.loads(row.changes_doc)),
            )
        self._versions[key] = decoded
        if len(self._versions) > VERSIONS_KEPT:
            self._versions.popitem(last=False)
        return decoded

    def nutrition(self, athlete_id: str, version: int | None = None) -> tuple[DayNutrition, ...]:
        """The day-by-day nutrition of a stored plan version (the current one by default).

        Like the versions, decoded once per ``Store`` and kept (:data:`VERSIONS_KEPT`).
        """
        number = self._version_number(athlete_id, version)
        key = (athlete_id, number)
        cached = self._nutrition.get(key)
        if cached is not None:
            self._nutrition.move_to_end(key)
            return cached
        with self.database.reading() as session:
            doc = session.scalar(
                select(PlanVersionRow.nutrition_doc).where(
                    PlanVersionRow.athlete_id == athlete_id, PlanVersionRow.version == number
                )
            )
        decoded = tuple(
            codec.loads(DayNutrition, json.dumps(day)) for day in json.loads(doc or "[]")
        )
        self._nutrition[key] = decoded
        if len(self._nutrition) > VERSIONS_KEPT:
            self._nutrition.popitem(last=False)
        return decoded

    def _version_number(self, athlete_id: str, version: int | None) -> int:
        with self.database.reading() as session:
            current = session.scalar(
                select(AthleteRow.current_version).where(AthleteRow.id == athlete_id)
            )
            if current is None:
                raise StoreError(f"no athlete '{athlete_id}' in the store")
            if version is None:
                return current
            exists = session.scalar(
                select(func.count()).where(
                    PlanVersionRow.athlete_id == athlete_id, PlanVersionRow.version == version
                )
            )
        if not exists:
            raise StoreError(
                f"athlete '{athlete_id}' has no plan version {version}: versions are 1 to {current}"
            )
        return version

    def plan_versions(self, athlete_id: str) -> tuple[VersionSummary, ...]:
        """Every plan version of an athlete, oldest first, without the plans."""
        with self.database.reading() as session:
            athlete = session.get(AthleteRow, athlete_id)
            if athlete is None:
                raise StoreError(f"no athlete '{athlete_id}' in the store")
            rows = session.execute(
                select(
                    PlanVersionRow.version,
                    PlanVersionRow.created_at,
                    PlanVersionRow.valid_from,
                    PlanVersionRow.reason,
                )
                .where(PlanVersionRow.athlete_id == athlete_id)
                .order_by(PlanVersionRow.version)
            )
            return tuple(
                VersionSummary(
                    version=version,
                    created_at=created_at,
                    valid_from=valid_from,
                    reason=reason,
                    current=version == athlete.current_version,
                )
                for version, created_at, valid_from, reason in rows
            )

    def plan_changes(
        self, athlete_id: str, *, up_to: int | None = None
    ) -> tuple[tuple[int, tuple[Mapping[str, Any], ...]], ...]:
        """Each plan version's change records, oldest first, up to version ``up_to``.

        Only the records are read, not the plans: a calendar export counts each
        session's changes over every version without decoding them.
        """
        query = select(PlanVersionRow.version, PlanVersionRow.changes_doc).where(
            PlanVersionRow.athlete_id == athlete_id
        )
        if up_to is not None:
            query = query.where(PlanVersionRow.version <= up_to)
        with self.database.reading() as session:
            rows = session.execute(query.order_by(PlanVersionRow.version))
            return tuple((number, tuple(json.loads(doc))) for number, doc in rows)

    # -- imports and activities --------------------------------------------------

    def import_of(self, athlete_id: str, sha256: str) -> int | None:
        """The id of the import of the file with this SHA-256, if it was imported before."""
        with self.database.reading() as session:
            return session.scalar(
                select(ImportRow.id).where(
                    ImportRow.athlete_id == athlete_id, ImportRow.sha256 == sha256
                )
            )

    def activities_of_import(self, import_id: int) -> tuple[int, ...]:
        """The ids of the activities an import added."""
        with self.database.reading() as session:
            return tuple(
                session.scalars(
                    select(ActivityRow.id)
                    .where(ActivityRow.import_id == import_id)
                    .order_by(ActivityRow.start)
                )
            )

    def store_import(
        self,
        athlete_id: str,
        result: ImportResult,
        *,
        sha256: str,
        size_bytes: int,
        now: datetime,
    ) -> StoredImport:
        """Store everything a file gave, in one transaction: all of it or none.

        An activity already stored (the same start and sport) or a weighing already
        stored (the same time) is not added again; it is reported as a duplicate.

        Raises:
            StoreError: no such athlete, or the same file (by hash) was imported before.
        """
        try:
            return self._store_import(
                athlete_id, result, sha256=sha256, size_bytes=size_bytes, now=now
            )
        except IntegrityError:
            raise ConcurrentWriteError(
                f"{result.source_name} was being imported at the same time"
            ) from None

    def _store_import(
        self,
        athlete_id: str,
        result: ImportResult,
        *,
        sha256: str,
        size_bytes: int,
        now: datetime,
    ) -> StoredImport:
        with self.database.transaction() as session:
            _require_athlete(session, athlete_id)
            if self._import_id(session, athlete_id, sha256) is not None:
                raise StoreError(f"{result.source_name} was imported before")
            existing = self._existing(session, athlete_id, result.activities)
            new = [a for a in result.activities if (a.start, a.sport.value) not in existing]
            known_times = set(
                session.scalars(
                    select(BodyMassRow.measured_at).where(
                        BodyMassRow.athlete_id == athlete_id,
                        BodyMassRow.measured_at.in_([r.measured_at for r in result.body_mass]),
                    )
                )
            )
            weighings = [r for r in result.body_mass if r.measured_at not in known_times]
            duplicates = tuple(
                existing[(a.start, a.sport.value)]
                for a in result.activities
                if (a.start, a.sport.value) in existing
            )
            if not new and not weighings:
                return StoredImport(
                    import_id=None, added=(), duplicates=duplicates, body_mass_added=0
                )
            row = ImportRow(
                athlete_id=athlete_id,
                sha256=sha256,
                file_name=result.source_name[:500],
                format=result.format.value,
                size_bytes=size_bytes,
                imported_at=now,
            )
            session.add(row)
            session.flush()
            added = tuple(
                self._insert_activity(session, athlete_id, a, import_id=row.id) for a in new
            )
            for reading in weighings:
                session.add(
                    BodyMassRow(
                        athlete_id=athlete_id,
                        measured_at=reading.measured_at,
                        import_id=row.id,
                        mass_kg=reading.mass_kg,
                        body_fat_percent=reading.body_fat_percent,
                    )
                )
            return StoredImport(
                import_id=row.id,
                added=added,
                duplicates=duplicates,
                body_mass_added=len(weighings),
            )

    def add_activity(
        self,
        athlete_id: str,
        activity: Activity,
        *,
        rpe: float | None = None,
        session_id: SessionId | None = None,
    ) -> StoredActivity:
        """Store an activity logged by hand (``runlift log run|lift|done``).

        Raises:
            StoreError: no such athlete, or an activity of the same sport starting at
                the same time is already stored.
        """
        with self.database.transaction() as session:
            _require_athlete(session, athlete_id)
            if self._existing(session, athlete_id, (activity,)):
                raise StoreError(
                    f"a {activity.sport.value} starting {activity.start:%Y-%m-%d %H:%M} UTC "
                    "is already in the log"
                )
            return self._insert_activity(
                session, athlete_id, activity, import_id=None, rpe=rpe, session_id=session_id
            )

    def activities(
        self,
        athlete_id: str,
        *,
        first: datetime | None = None,
        before: datetime | None = None,
    ) -> tuple[StoredActivity, ...]:
        """The athlete's activities starting from ``first`` and before ``before``, by start.

        Their sets come in one more query for all of them, not one per activity.
        """
        query = (
            select(ActivityRow)
            .where(ActivityRow.athlete_id == athlete_id)
            .options(selectinload(ActivityRow.sets))
        )
        if first is not None:
            query = query.where(ActivityRow.start >= first)
        if before is not None:
            query = query.where(ActivityRow.start < before)
        with self.database.reading() as session:
            rows = session.scalars(query.order_by(ActivityRow.start, ActivityRow.id))
            return tuple(_stored_activity(row) for row in rows)

    def body_mass(self, athlete_id: str) -> tuple[BodyMassReading, ...]:
        """The athlete's weighings from scale files, by time."""
        with self.database.reading() as session:
            rows = session.scalars(
                select(BodyMassRow)
                .where(BodyMassRow.athlete_id == athlete_id)
                .order_by(BodyMassRow.measured_at)
            )
            return tuple(
                BodyMassReading(
                    measured_at=row.measured_at,
                    mass_kg=row.mass_kg,
                    body_fat_percent=row.body_fat_percent,
                )
                for row in rows
            )

    @staticmethod
    def _import_id(session: Session, athlete_id: str, sha256: str) -> int | None:
        return session.scalar(
            select(ImportRow.id).where(
                ImportRow.athlete_id == athlete_id, ImportRow.sha256 == sha256
            )
        )

    @staticmethod
    def _existing(
        session: Session, athlete_id: str, activities: Sequence[Activity]
    ) -> dict[tuple[datetime, str], int]:
        if not activities:
            return {}
        starts = {a.start for a in activities}
        rows = session.execute(
            select(ActivityRow.id, ActivityRow.start, ActivityRow.sport).where(
                ActivityRow.athlete_id == athlete_id, ActivityRow.start.in_(starts)
            )
        )
        return {(start, sport): activity_id for activity_id, start, sport in rows}

    @staticmethod
    def _insert_activity(
        session: Session,
        athlete_id: str,
        activity: Activity,
        *,
        import_id: int | None,
        rpe: float | None = None,
        session_id: SessionId | None = None,
    ) -> StoredActivity:
        row = ActivityRow(
            athlete_id=athlete_id,
            import_id=import_id,
            source=activity.source.value,
            sport=activity.sport.value,
            sub_sport=None if activity.sub_sport is None else activity.sub_sport.value,
            source_sport=None if activity.source_sport is None else activity.source_sport[:100],
            start=activity.start,
            elapsed_s=activity.elapsed_s,
            moving_s=activity.moving_s,
            distance_m=activity.distance_m,
            average_heart_rate_bpm=activity.average_heart_rate_bpm,
            max_heart_rate_bpm=activity.max_heart_rate_bpm,
            ascent_m=activity.ascent_m,
            name=None if activity.name is None else activity.name[:500],
            rpe=rpe,
            session_id=session_id,
            laps_doc=json.dumps([json.loads(codec.dumps(lap)) for lap in activity.laps]),
            sets=[
                SetRow(
                    position=logged.order,
                    exercise_id=logged.exercise_id,
                    raw_name=logged.raw_name[:200],
                    kind=logged.kind.value,
                    reps=logged.reps,
                    load_kg=logged.load_kg,
                    duration_s=logged.duration_s,
                    distance_m=logged.distance_m,
                    rpe=logged.rpe,
                    rir=logged.rir,
                )
                for logged in activity.sets
            ],
        )
        session.add(row)
        session.flush()
        return StoredActivity(
            id=row.id, activity=activity, rpe=rpe, session_id=session_id, import_id=import_id
        )

    # -- check-ins, events, missed sessions -------------------------------------------

    def save_check_in(self, athlete_id: str, check_in: CheckIn) -> CheckIn:
        """Store a day's check-in; answers given again replace the day's earlier ones.

        Returns:
            The day's check-in with every answer stored so far.
        """
        with self.database.transaction() as session:
            _require_athlete(session, athlete_id)
            row = session.get(CheckInRow, (athlete_id, check_in.day))
            if row is None:
                row = CheckInRow(athlete_id=athlete_id, day=check_in.day)
                session.add(row)
            for name in ("sleep_h", "soreness", "stress", "mood", "resting_hr_bpm", "mass_kg"):
                value = getattr(check_in, name)
                if value is not None:
                    setattr(row, name, value)
            session.flush()
            return _check_in(row)

    def check_ins(
        self, athlete_id: str, *, first: date | None = None, last: date | None = None
    ) -> tuple[CheckIn, ...]:
        """The athlete's check-ins from ``first`` to ``last`` (both optional), by day."""
        query = select(CheckInRow).where(CheckInRow.athlete_id == athlete_id)
        if first is not None:
            query = query.where(CheckInRow.day >= first)
        if last is not None:
            query = query.where(CheckInRow.day <= last)
        with self.database.reading() as session:
            return tuple(_check_in(row) for row in session.scalars(query.order_by(CheckInRow.day)))

    def add_event(self, athlete_id: str, training_event: TrainingEvent) -> int:
        """Store an illness, injury or travel; returns its id."""
        with self.database.transaction() as session:
            _require_athlete(session, athlete_id)
            row = EventRow(
                athlete_id=athlete_id,
                kind=training_event.kind.value,
                first_day=training_event.first_day,
                last_day=training_event.last_day,
                note=training_event.note,
                windows_doc=_windows_doc(training_event.availability),
                equipment_doc=None
                if training_event.equipment is None
                else json.dumps(sorted(training_event.equipment)),
            )
            session.add(row)
            session.flush()
            return row.id

    def events(self, athlete_id: str) -> tuple[StoredEvent, ...]:
        """The athlete's events, by first day."""
        with self.database.reading() as session:
            rows = session.scalars(
                select(EventRow)
                .where(EventRow.athlete_id == athlete_id)
                .order_by(EventRow.first_day, EventRow.id)
            )
            return tuple(StoredEvent(id=row.id, event=_event(row)) for row in rows)

    def mark_missed(self, athlete_id: str, missed: MissedSession) -> None:
        """Record that a planned session was not done (marking it again replaces the reason)."""
        with self.database.transaction() as session:
            _require_athlete(session, athlete_id)
            row = session.get(SessionMarkRow, (athlete_id, missed.session_id))
            if row is None:
                row = SessionMarkRow(athlete_id=athlete_id, session_id=missed.session_id)
                session.add(row)
            row.status = "missed"
            row.reason = missed.reason.value
            row.marked_at = missed.marked_at

    def unmark_missed(self, athlete_id: str, session_id: str) -> None:
        """Forget that a session was marked missed (it was done after all)."""
        with self.database.transaction() as session:
            row = session.get(SessionMarkRow, (athlete_id, session_id))
            if row is not None:
                session.delete(row)

    def missed(self, athlete_id: str) -> tuple[MissedSession, ...]:
        """The sessions marked missed, by session id."""
        with self.database.reading() as session:
            rows = session.scalars(
                select(SessionMarkRow)
                .where(SessionMarkRow.athlete_id == athlete_id)
                .order_by(SessionMarkRow.session_id)
            )
            return tuple(
                MissedSession(
                    session_id=SessionId(row.session_id),
                    reason=MissReason(row.reason or MissReason.OTHER.value),
                    marked_at=row.marked_at,
                )
                for row in rows
            )


def _require_athlete(session: Session, athlete_id: str) -> AthleteRow:
    row = session.get(AthleteRow, athlete_id)
    if row is None:
        raise StoreError(f"no athlete '{athlete_id}' in the store")
    return row


def _athlete(row: AthleteRow) -> AthleteRecord:
    return AthleteRecord(
        id=row.id,
        name=row.name,
        created_at=row.created_at,
        profile_yaml=row.profile_yaml,
        current_version=row.current_version or 0,
    )


def _stored_activity(row: ActivityRow) -> StoredActivity:
    activity = Activity(
        sport=Sport(row.sport),
        sub_sport=None if row.sub_sport is None else SubSport(row.sub_sport),
        source_sport=row.source_sport,
        start=row.start,
        elapsed_s=row.elapsed_s,
        moving_s=row.moving_s,
        distance_m=row.distance_m,
        average_heart_rate_bpm=row.average_heart_rate_bpm,
        max_heart_rate_bpm=row.max_heart_rate_bpm,
        ascent_m=row.ascent_m,
        name=row.name,
        source=ActivityFormat(row.source),
        laps=tuple(codec.loads(Lap, json.dumps(lap)) for lap in json.loads(row.laps_doc)),
        sets=tuple(
            LoggedSet(
                order=s.position,
                exercise_id=None if s.exercise_id is None else ExerciseId(s.exercise_id),
                raw_name=s.raw_name,
                kind=SetKind(s.kind),
                reps=s.reps,
                load_kg=s.load_kg,
                duration_s=s.duration_s,
                distance_m=s.distance_m,
                rpe=s.rpe,
                rir=s.rir,
            )
            for s in row.sets
        ),
    )
    return StoredActivity(
        id=row.id,
        activity=activity,
        rpe=row.rpe,
        session_id=None if row.session_id is None else SessionId(row.session_id),
        import_id=row.import_id,
    )


def _check_in(row: CheckInRow) -> CheckIn:
    return CheckIn(
        day=row.day,
        sleep_h=row.sleep_h,
        soreness=row.soreness,
        stress=row.stress,
        mood=row.mood,
        resting_hr_bpm=row.resting_hr_bpm,
        mass_kg=row.mass_kg,
    )


def _windows_doc(availability: Mapping[Weekday, tuple[TimeWindow, ...]] | None) -> str | None:
    if availability is None:
        return None
    return json.dumps(
        {day.value: [str(window) for window in windows] for day, windows in availability.items()},
        sort_keys=True,
    )


def _windows(doc: str | None) -> dict[Weekday, tuple[TimeWindow, ...]] | None:
    if doc is None:
        return None
    return {
        Weekday(day): tuple(TimeWindow.parse(window) for window in windows)
        for day, windows in json.loads(doc).items()
    }


def _event(row: EventRow) -> TrainingEvent:
    equipment: Iterable[str] | None = (
        None if row.equipment_doc is None else json.loads(row.equipment_doc)
    )
    return TrainingEvent(
        kind=EventKind(row.kind),
        first_day=row.first_day,
        last_day=row.last_day,
        note=row.note,
        availability=_windows(row.windows_doc),
        equipment=None if equipment is None else frozenset(equipment),
    )
