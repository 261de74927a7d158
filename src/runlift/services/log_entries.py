"""Logging by hand: sessions done or missed, runs and lifts, check-ins and events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from runlift.domain.activities import Activity, LoggedSet
from runlift.domain.exercises import ExerciseId
from runlift.domain.log import CheckIn, MissedSession, TrainingEvent
from runlift.domain.plan import PlannedSession
from runlift.domain.prescription import RunPrescription
from runlift.domain.sessions import SessionId
from runlift.errors import InvalidInput
from runlift.io.set_notation import SetEntry
from runlift.reference.exercise_aliases import exercise_name_index
from runlift.reference.exercises import exercise_library
from runlift.science.ability import RunEffort
from runlift.store.repository import PlanVersion, Store, StoredActivity
from runlift.tracking.monitoring import is_race_name
from runlift.vocabulary import ActivityFormat, EventKind, MissReason, Modality, Sport

DEFAULT_LIFT_TIME = time(18, 0)
"""When a lift logged without a time is taken to have started (local)."""
DEFAULT_RUN_TIME = time(7, 0)
"""When a run logged without a time is taken to have started (local)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LiftEntry:
    """One exercise of a lift logged by hand: the exercise as typed and its sets."""

    exercise: str
    sets: tuple[SetEntry, ...]


def planned_session(version: PlanVersion, session_id: str) -> PlannedSession:
    """The session of the plan with this id (``w03-run1``).

    Raises:
        InvalidInput: no session has it; the message shows the form of the ids.
    """
    for week in version.plan.weeks:
        for session in week.sessions:
            if session.scheduled.id == session_id:
                return session
    first = version.plan.weeks[0].sessions[0].scheduled.id if version.plan.weeks else "w01-run1"
    raise InvalidInput(
        "SESSION_ID", session_id, f"a session id of the plan, such as {first} (runlift log show)"
    )


def log_done(
    store: Store,
    athlete_id: str,
    session_id: str,
    *,
    rpe: float | None = None,
    duration_min: float | None = None,
    distance_km: float | None = None,
) -> StoredActivity:
    """Mark a planned session done: a manual activity at its planned start, pinned to it.

    Without a duration or distance the session counts as done as planned.
    """
    version = store.plan_version(athlete_id)
    session = planned_session(version, session_id)
    prescription = session.prescription
    is_run = session.scheduled.spec.modality is Modality.RUN
    if distance_km is not None and not is_run:
        raise InvalidInput("--distance", distance_km, "only for a run; this session is a lift")
    minutes = prescription.duration_min if duration_min is None else duration_min
    planned_km = prescription.distance_km if isinstance(prescription, RunPrescription) else None
    # Done as planned when nothing is said; a time alone says nothing of the distance.
    km = distance_km
    if km is None and duration_min is None and is_run:
        km = planned_km
    activity = Activity(
        sport=Sport.RUN if is_run else Sport.STRENGTH,
        start=session.scheduled.start.astimezone(UTC),
        elapsed_s=minutes * 60,
        moving_s=minutes * 60,
        distance_m=None if km is None else km * 1000,
        name=session.scheduled.spec.title,
        source=ActivityFormat.MANUAL,
    )
    store.unmark_missed(athlete_id, session_id)
    return store.add_activity(athlete_id, activity, rpe=rpe, session_id=SessionId(session_id))


def log_missed(
    store: Store, athlete_id: str, session_id: str, *, reason: MissReason, now: datetime
) -> PlannedSession:
    """Mark a planned session missed, with the reason."""
    session = planned_session(store.plan_version(athlete_id), session_id)
    store.mark_missed(
        athlete_id,
        MissedSession(session_id=SessionId(session_id), reason=reason, marked_at=now),
    )
    return session


def _start(day: date, at: time | None, default: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, at or default, tzinfo=zone).astimezone(UTC)


def log_run(
    store: Store,
    athlete_id: str,
    *,
    day: date,
    at: time | None,
    distance_km: float,
    duration_s: float,
    rpe: float | None,
    name: str | None = None,
    effort: RunEffort | None = None,
) -> StoredActivity:
    """Log a run done outside any file.

    A race or a time trial (``effort``) is stored under a name that says so ("Race",
    "Berlin 10k (race)"), which is how the log tells it from a training run whatever
    the file or entry it came from (``runlift.tracking.monitoring.is_race_name``).
    """
    if not distance_km > 0:
        raise InvalidInput("--distance", distance_km, "the distance in km, above 0")
    if not duration_s > 0:
        raise InvalidInput("--duration", duration_s, "the time as H:MM:SS or MM:SS, above 0")
    zone = ZoneInfo(store.plan_version(athlete_id).profile.timezone)
    activity = Activity(
        sport=Sport.RUN,
        start=_start(day, at, DEFAULT_RUN_TIME, zone),
        elapsed_s=duration_s,
        moving_s=duration_s,
        distance_m=distance_km * 1000,
        name=run_name(name, effort),
        source=ActivityFormat.MANUAL,
    )
    return store.add_activity(athlete_id, activity, rpe=rpe)


def run_name(name: str | None, effort: RunEffort | None) -> str | None:
    """The name a run is stored under: the athlete's, saying race or time trial when it was one.

    Raises:
        InvalidInput: a name that says race for a run said to be a training run.
    """
    title = None if name is None or not name.strip() else " ".join(name.split())
    if effort is None or effort is RunEffort.TRAINING:
        if effort is RunEffort.TRAINING and is_race_name(title):
            raise InvalidInput("--name", title, "a name without race, parkrun or time trial")
        return title
    word = "race" if effort is RunEffort.RACE else "time trial"
    if title is None:
        return word.capitalize()
    return title if is_race_name(title) else f"{title} ({word})"


def resolve_exercise(name: str) -> ExerciseId | None:
    """The library id of an exercise typed as an id (``back-squat``) or a name."""
    library = exercise_library()
    try:
        return ExerciseId(library.get(name).id)
    except InvalidInput:
        return exercise_name_index().match(name)


def log_lift(
    store: Store,
    athlete_id: str,
    *,
    day: date,
    at: time | None,
    entries: Sequence[LiftEntry],
    rpe: float | None,
    duration_min: float | None = None,
) -> tuple[StoredActivity, tuple[str, ...]]:
    """Log a lift done outside any file; returns it and the exercise names kept unmapped.

    ``rpe`` is the session's RPE (its load); each set keeps its own RPE or RIR, when
    its notation gives one (``3x5@100kg@8``).
    """
    if not entries:
        raise InvalidInput("--exercise", None, "at least one --exercise with its --sets")
    zone = ZoneInfo(store.plan_version(athlete_id).profile.timezone)
    sets: list[LoggedSet] = []
    unmapped: list[str] = []
    for entry in entries:
        exercise_id = resolve_exercise(entry.exercise)
        if exercise_id is None:
            unmapped.append(entry.exercise)
        done = len(sets)
        sets.extend(
            LoggedSet(
                order=done + index + 1,
                exercise_id=exercise_id,
                raw_name=entry.exercise,
                reps=item.reps,
                load_kg=item.load_kg,
                rpe=item.rpe,
                rir=item.rir,
            )
            for index, item in enumerate(entry.sets)
        )
    activity = Activity(
        sport=Sport.STRENGTH,
        start=_start(day, at, DEFAULT_LIFT_TIME, zone),
        elapsed_s=None if duration_min is None else duration_min * 60,
        moving_s=None if duration_min is None else duration_min * 60,
        source=ActivityFormat.MANUAL,
        sets=tuple(sets),
    )
    return store.add_activity(athlete_id, activity, rpe=rpe), tuple(unmapped)


def log_check_in(store: Store, athlete_id: str, check_in: CheckIn) -> CheckIn:
    """Store a day's check-in (answers merge with the day's earlier ones)."""
    return store.save_check_in(athlete_id, check_in)


def log_event(
    store: Store,
    athlete_id: str,
    *,
    kind: EventKind,
    first_day: date,
    last_day: date,
    note: str | None,
) -> int:
    """Store an illness, injury or travel over a range of days."""
    return store.add_event(
        athlete_id,
        TrainingEvent(kind=kind, first_day=first_day, last_day=last_day, note=note),
    )
