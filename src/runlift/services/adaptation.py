"""Re-planning: a new plan version from today on, learnt from the log (``runlift adapt``).

:func:`adapt` reads the athlete's current plan version and the whole log, asks the
pure adaptation (``runlift.programme.adaptation.adapt_plan``) for the plan as it should
now be, and stores it as a new version valid from ``today``, with its day-by-day
nutrition and the list of changes. The past is never rewritten: the sessions and the
nutrition of the days before ``today`` are the old version's. When nothing needs to
change, nothing is stored.

Every change is a JSON-ready record (:func:`change_record`): the session, what happened
to it (``moved``, ``changed``, ``dropped``, ``added``), the session before and after,
the rule IDs and the reason. The records are stored with the version, and they give
each calendar event its SEQUENCE when a later version is exported
(:func:`calendar_continuity`): a calendar that imported an older ``plan.ics`` updates
the same events in place.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from runlift.domain.athlete import AthleteProfile
from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan, PlannedSession
from runlift.errors import InvalidInput, StoreError
from runlift.io.ics_export import CalendarContinuity, CancelledSession
from runlift.io.prescription_text import prescription_lines
from runlift.io.profile import read_profile
from runlift.nutrition.days import LIFT_MET_COMPENDIUM_CODE, plan_nutrition
from runlift.programme.adaptation import Adaptation, Change, adapt_plan, plan_violations
from runlift.programme.adaptation import move_session as adaptation_move
from runlift.programme.assembly import week_context
from runlift.reference.compendium import met_for
from runlift.reference.exercises import exercise_library
from runlift.services import status
from runlift.store.repository import PlanVersion, Store

DIGEST_CHARS = 16
"""Hex characters of an outcome's digest (64 bits: no two previews of one athlete collide)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AdaptOutcome:
    """What ``adapt`` did.

    Attributes:
        athlete_id: the athlete.
        today: the day of the adaptation (the new version is valid from it).
        from_version: the version adapted.
        to_version: the new version; None when nothing changed and none was stored.
        adaptation: the decisions: the new plan, the changes and the notes.
        records: the changes as stored (``change_record``).
    """

    athlete_id: str
    today: date
    from_version: int
    to_version: int | None
    adaptation: Adaptation
    records: tuple[Mapping[str, Any], ...]

    @property
    def digest(self) -> str:
        """A hash of the version adapted, the day and every change: what :func:`accept` checks."""
        text = json.dumps(
            {"from": self.from_version, "today": self.today.isoformat(), "changes": self.records},
            sort_keys=True,
            separators=(",", ":"),
        )
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_CHARS]

    def as_json(self) -> dict[str, Any]:
        """``{"from_version", "to_version", "today", "changes", "notes", "digest"}``."""
        return {
            "athlete": self.athlete_id,
            "today": self.today.isoformat(),
            "from_version": self.from_version,
            "to_version": self.to_version,
            "changes": [dict(r) for r in self.records],
            "notes": list(self.adaptation.notes),
            "digest": self.digest,
        }


def _session_dict(
    session: PlannedSession | None, *, profile: AthleteProfile
) -> dict[str, Any] | None:
    if session is None:
        return None
    zone = ZoneInfo(profile.timezone)
    scheduled = session.scheduled
    lines = prescription_lines(session.prescription, unit=profile.units)
    return {
        "date": scheduled.local_date.isoformat(),
        "start": scheduled.start.astimezone(zone).isoformat(),
        "end": scheduled.end.astimezone(zone).isoformat(),
        "title": scheduled.spec.title,
        "modality": scheduled.spec.modality.value,
        "kind": scheduled.spec.kind.value,
        "summary": lines[0] if lines else "",
        "prescription": lines[1:],
    }


def change_record(change: Change, *, profile: AthleteProfile) -> dict[str, Any]:
    """A change as JSON: session id, change, before, after, rule IDs and the reason."""
    return {
        "session_id": str(change.session_id),
        "change": change.kind.value,
        "before": _session_dict(change.before, profile=profile),
        "after": _session_dict(change.after, profile=profile),
        "rules": list(change.rules),
        "reason": change.reason,
    }


def _nutrition(
    old: Sequence[DayNutrition], plan: Plan, profile: AthleteProfile, *, today: date
) -> tuple[DayNutrition, ...]:
    """The old version's days before ``today``, the new plan's from it (NUT-1..4)."""
    made = plan_nutrition(plan, profile, lift_met=met_for(LIFT_MET_COMPENDIUM_CODE).met)
    kept = [day for day in old if day.date < today]
    return (*kept, *(day for day in made if day.date >= today))


def _decide(
    store: Store,
    athlete_id: str,
    *,
    now: datetime,
    today: date | None,
    profile_text: str | None,
) -> tuple[PlanVersion, AdaptOutcome]:
    """The adaptation of the current version on ``today``, not stored."""
    version = store.plan_version(athlete_id)
    day = today if today is not None else status.local_today(version, now=now)
    stated = None if profile_text is None else read_profile(profile_text)
    if stated is not None and stated.name != version.profile.name:
        raise InvalidInput(
            "name", stated.name, f"the stored athlete's name ({version.profile.name})"
        )
    read = status.athlete_monitoring(store, athlete_id, today=day)
    version, monitoring = read.version, read.monitoring
    zone = ZoneInfo(version.profile.timezone)
    moment = (
        now if now.astimezone(zone).date() == day else datetime.combine(day, time(0), tzinfo=zone)
    )
    adaptation = adapt_plan(
        version.plan,
        version.profile,
        monitoring,
        events=[e.event for e in store.events(athlete_id)],
        library=exercise_library(),
        stated=stated,
        now=moment,
    )
    records = tuple(change_record(c, profile=adaptation.profile) for c in adaptation.changes)
    outcome = AdaptOutcome(
        athlete_id=athlete_id,
        today=day,
        from_version=version.version,
        to_version=None,
        adaptation=adaptation,
        records=records,
    )
    return version, outcome


def _commit(store: Store, version: PlanVersion, outcome: AdaptOutcome, *, now: datetime) -> int:
    """Store the adaptation as the athlete's new current version; its number."""
    adaptation = outcome.adaptation
    return store.add_plan_version(
        outcome.athlete_id,
        profile=adaptation.profile,
        plan=adaptation.plan,
        nutrition=_nutrition(
            store.nutrition(outcome.athlete_id, version.version),
            adaptation.plan,
            adaptation.profile,
            today=outcome.today,
        ),
        valid_from=outcome.today,
        reason=adaptation.reason,
        changes=outcome.records,
        now=now,
    )


def adapt(
    store: Store,
    athlete_id: str,
    *,
    now: datetime,
    today: date | None = None,
    profile_text: str | None = None,
    dry_run: bool = False,
) -> AdaptOutcome:
    """Adapt the athlete's current plan on ``today`` and store it as a new version.

    Args:
        store: the training log.
        athlete_id: the athlete.
        now: the time of the adaptation (the version's creation time; today by default):
            a session added or moved today starts after it.
        today: the athlete's local date to adapt on; by default ``now``'s in their zone
            (another day is adapted as from its first minute).
        profile_text: the athlete's profile as now stated (YAML), when it changed: a new
            goal, race date, windows or week re-periodises the weeks after this one (RL-11).
        dry_run: decide, but store nothing.

    Returns:
        The outcome: versions, the adaptation and the change records.

    Raises:
        InvalidInput: a profile that cannot be read, or a race date inside this week.
        PlanningError: the adapted plan would break a hard rule (nothing is stored).
    """
    version, outcome = _decide(store, athlete_id, now=now, today=today, profile_text=profile_text)
    if not outcome.adaptation.changed or dry_run:
        return outcome
    number = _commit(store, version, outcome, now=now)
    return dataclasses.replace(outcome, to_version=number)


def preview(
    store: Store,
    athlete_id: str,
    *,
    now: datetime,
    today: date | None = None,
    profile_text: str | None = None,
) -> AdaptOutcome:
    """What ``adapt`` would change now, stored nowhere (the web app's ``POST /adapt``).

    The outcome's ``digest`` names the decisions; :func:`accept` stores them only if
    they are still the same.
    """
    return adapt(store, athlete_id, now=now, today=today, profile_text=profile_text, dry_run=True)


def accept(
    store: Store,
    athlete_id: str,
    *,
    from_version: int,
    digest: str,
    now: datetime,
    today: date | None = None,
    profile_text: str | None = None,
) -> AdaptOutcome:
    """Store the adaptation a :func:`preview` showed, if it is still what ``adapt`` decides.

    The decisions are taken again (they are a function of the version, the log and the
    profile) and stored only when they are the previewed ones: the same version adapted
    and the same ``digest``. Nothing to change stores nothing (``to_version`` None).

    Raises:
        StoreError: the plan or the log changed since the preview (a new version, a
            session logged, another moment that places a make-up elsewhere): preview again.
        InvalidInput: as :func:`adapt`.
        PlanningError: as :func:`adapt`.
    """
    version, outcome = _decide(store, athlete_id, now=now, today=today, profile_text=profile_text)
    if outcome.from_version != from_version or outcome.digest != digest:
        raise StoreError(
            f"the plan changed since the preview (now version {outcome.from_version}, "
            f"{len(outcome.records)} changes): preview the adaptation again"
        )
    if not outcome.adaptation.changed:
        return outcome
    number = _commit(store, version, outcome, now=now)
    return dataclasses.replace(outcome, to_version=number)


@dataclass(frozen=True, slots=True, kw_only=True)
class MoveOutcome:
    """What :func:`move_session` did.

    Attributes:
        athlete_id: the athlete.
        today: the athlete's local date of the move.
        from_version: the version the session was moved in.
        to_version: the new version; None when refused, unchanged or a dry run.
        record: the change (``change_record``: moved, before, after, reason); None when
            the session already starts there.
        refusals: why the move is refused, one line each (``SCH-1: ...`` from the rule
            checkers, the athlete's windows, an illness or injury day, an overlap);
            empty when it is allowed.
        warnings: soft rules the session breaks at its new start and did not at its old
            one (``SCH-5: ...``): the move is allowed, and the coach should know.
    """

    athlete_id: str
    today: date
    from_version: int
    to_version: int | None
    record: Mapping[str, Any] | None
    refusals: tuple[str, ...]
    warnings: tuple[str, ...] = ()

    @property
    def accepted(self) -> bool:
        """Whether the rules allow the move."""
        return not self.refusals

    @property
    def refusal_text(self) -> str:
        """The refusal in one paragraph, for a page or an API's ``detail``; empty if none."""
        if not self.refusals:
            return ""
        return "The session cannot move there: " + "; ".join(self.refusals) + "."

    def as_json(self) -> dict[str, Any]:
        """``{"from_version", "to_version", "accepted", "change", "refusals", "warnings"}``."""
        return {
            "athlete": self.athlete_id,
            "today": self.today.isoformat(),
            "from_version": self.from_version,
            "to_version": self.to_version,
            "accepted": self.accepted,
            "change": None if self.record is None else dict(self.record),
            "refusals": list(self.refusals),
            "warnings": list(self.warnings),
        }


def move_session(
    store: Store,
    athlete_id: str,
    session_id: str,
    *,
    start: datetime,
    now: datetime,
    today: date | None = None,
    dry_run: bool = False,
) -> MoveOutcome:
    """Move one future session to ``start`` (a coach's drag), if the rule checkers allow it.

    The moved plan is judged by the rule checkers from this week on as the athlete
    lives it (``runlift.programme.adaptation.move_session``); a hard rule it would
    break, a start outside the athlete's windows, a day of illness or injury or an
    overlap refuses it, and nothing is stored. An allowed move is stored as a new
    version valid from ``today`` with one ``moved`` change record (so the calendar
    export raises the event's SEQUENCE).

    Args:
        store: the training log.
        athlete_id: the athlete.
        session_id: the session to move (``w05-run2``).
        start: the new start (aware); the session keeps its length.
        now: the moment of the move; the new start may not be before it.
        today: the athlete's local date; by default ``now``'s in their zone.
        dry_run: judge, but store nothing.

    Returns:
        The outcome: the refusals, or the change and the new version.

    Raises:
        InvalidInput: no such session in the current version, a session past or done,
            the race, a start without a zone, before ``now`` or outside the plan.
    """
    version = store.plan_version(athlete_id)
    day = today if today is not None else status.local_today(version, now=now)
    if start.tzinfo is None or start < now:
        raise InvalidInput("start", start.isoformat(), f"a start after {now.isoformat()}")
    read = status.athlete_monitoring(store, athlete_id, today=day)
    version = read.version
    statuses = {r.session.scheduled.id: r.status for r in read.monitoring.records}
    move = adaptation_move(
        version.plan,
        version.profile,
        session_id,
        start,
        today=day,
        statuses=statuses,
        events=[e.event for e in store.events(athlete_id)],
    )
    unchanged = move.change.before == move.change.after
    record = None if unchanged else change_record(move.change, profile=version.profile)
    number: int | None = None
    if move.accepted and record is not None and not dry_run:
        number = store.add_plan_version(
            athlete_id,
            profile=version.profile,
            plan=move.plan,
            nutrition=_nutrition(
                store.nutrition(athlete_id, version.version),
                move.plan,
                version.profile,
                today=day,
            ),
            valid_from=day,
            reason=f"moved by hand on {day.isoformat()}: {session_id}",
            changes=(record,),
            now=now,
        )
    return MoveOutcome(
        athlete_id=athlete_id,
        today=day,
        from_version=version.version,
        to_version=number,
        record=record,
        refusals=move.refusals,
        warnings=move.warnings,
    )


def hard_rule_findings(store: Store, athlete_id: str, *, today: date) -> list[str]:
    """The hard rules the current version breaks from ``today``'s week on, as lived.

    The rule checkers judge (``runlift.programme.adaptation.plan_violations``): the
    sessions before ``today`` count only if they were done.
    """
    read = status.athlete_monitoring(store, athlete_id, today=today)
    statuses = {r.session.scheduled.id: r.status for r in read.monitoring.records}
    return [
        f"{v.rule_id}: {v.text}"
        for v in plan_violations(
            read.version.plan, week_context(read.version.profile), today=today, statuses=statuses
        )
    ]


def calendar_continuity(store: Store, athlete_id: str, version: int) -> CalendarContinuity:
    """SEQUENCE of each session and the sessions cancelled, up to plan version ``version``.

    A session's SEQUENCE is the number of versions up to ``version`` that moved, changed
    or dropped it (an added session starts at 0, as a new event does). A session dropped
    and not in ``version``'s plan is written as a cancelled event (with the SEQUENCE of
    its drop), so a calendar that imported an older file removes it.
    """
    sequences: dict[str, int] = {}
    dropped: dict[str, Mapping[str, Any]] = {}
    for _number, changes in store.plan_changes(athlete_id, up_to=version):
        for record in changes:
            session_id = str(record.get("session_id", ""))
            if not session_id:
                continue
            if record.get("change") != "added":
                sequences[session_id] = sequences.get(session_id, 0) + 1
            if record.get("change") == "dropped" and record.get("before"):
                dropped[session_id] = record["before"]
            elif record.get("after"):
                dropped.pop(session_id, None)
    plan = store.plan_version(athlete_id, version).plan
    present = {str(s.scheduled.id) for w in plan.weeks for s in w.sessions}
    cancelled = tuple(
        CancelledSession(
            session_id=session_id,
            title=str(before["title"]),
            start=datetime.fromisoformat(str(before["start"])),
            end=datetime.fromisoformat(str(before["end"])),
        )
        for session_id, before in sorted(dropped.items())
        if session_id not in present
    )
    return CalendarContinuity(sequences=sequences, cancelled=cancelled)
