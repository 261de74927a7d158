"""The training log's use cases: athletes and their plan versions in the store, and exports.

Shared by the command line and the web app. The store is reached only through
``runlift.store.repository.Store``; today's date and time come from the caller.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from runlift.errors import StoreError
from runlift.io.profile import read_profile
from runlift.services import planning, status
from runlift.services.adaptation import calendar_continuity
from runlift.store.database import default_url
from runlift.store.repository import (
    AthleteRecord,
    PlanVersion,
    Store,
    athlete_id_from_name,
    check_athlete_id,
)


def open_store(url: str | None = None) -> Store:
    """The store at ``url``; without one, ``RUNLIFT_DB`` or the user's default SQLite file."""
    return Store(url or default_url())


def add_athlete(
    store: Store,
    profile_text: str,
    *,
    athlete_id: str | None,
    now: datetime,
    progress: planning.Progress | None = None,
) -> tuple[AthleteRecord, planning.PlanResult]:
    """Validate a profile, make its plan, and store both as the athlete and plan version 1.

    Without ``athlete_id`` the id comes from the athlete's name (``alex-example``, or
    ``alex-example-2`` when that is taken). The plan is the one ``runlift plan`` makes.

    Raises:
        InvalidInput: the profile or the id is invalid.
        StoreError: ``athlete_id`` is already taken.
    """
    profile = read_profile(profile_text)
    if athlete_id is not None:
        wanted = check_athlete_id(athlete_id)
        if store.free_athlete_id(wanted) != wanted:
            raise StoreError(
                f"an athlete with id '{wanted}' is already stored; choose another with --id"
            )
    else:
        wanted = store.free_athlete_id(athlete_id_from_name(profile.name))
    result = planning.make_plan(profile, progress=progress)
    record = store.add_athlete(
        athlete_id=wanted,
        profile=profile,
        profile_yaml=profile_text,
        plan=result.plan,
        nutrition=result.nutrition,
        now=now,
    )
    return record, result


def plan_result(store: Store, version: PlanVersion) -> planning.PlanResult:
    """A stored plan version, with its nutrition, as the result ``runlift plan`` works with."""
    return planning.PlanResult(
        profile=version.profile,
        plan=version.plan,
        nutrition=store.nutrition(version.athlete_id, version.version),
    )


def export_files(
    store: Store,
    athlete_id: str,
    *,
    version: int | None = None,
    printer: planning.PdfPrinter | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> tuple[PlanVersion, Mapping[str, bytes]]:
    """Every file of a stored plan version, as ``runlift plan`` writes them.

    The current version of an athlete who keeps a log (an activity, a check-in or a
    weighing) gets the report's progress section, read on ``today`` (default: the day
    of ``now`` in the athlete's time zone; without ``now`` either, no section). An
    older version, or an athlete without a log, gets exactly ``runlift plan``'s files.
    A version after the first keeps its calendars in step with the ones exported
    before: the same UIDs, SEQUENCE raised for each change, dropped sessions cancelled
    (``runlift.services.adaptation.calendar_continuity``).
    """
    stored = store.plan_version(athlete_id, version)
    monitoring = None
    current = store.athlete(athlete_id).current_version
    day = today if today is not None or now is None else status.local_today(stored, now=now)
    if stored.version == current and day is not None:
        read = status.athlete_monitoring(store, athlete_id, today=day)
        monitoring = read.monitoring if read.tracked else None
    continuity = (
        calendar_continuity(store, athlete_id, stored.version) if stored.version > 1 else None
    )
    return stored, planning.plan_files(
        plan_result(store, stored), printer=printer, monitoring=monitoring, continuity=continuity
    )
