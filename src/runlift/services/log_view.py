"""One week of the plan set against the log (``runlift log show``).

Each planned session of the week with its status (done, partial, missed, planned)
and what was done for it; the activities that fulfil no session as extras; and
the session-RPE load (Foster 2001) of each, planned and done, as ``runlift status``
counts it (``runlift.tracking.monitoring.activity_load``): a done session without
an RPE of its own counts at its planned RPE (it was done as planned, as far as
anyone said); an extra without one at its sport's default
(``monitoring.EXTRA_SESSION_RPE``); a lift without a duration at its session's
planned minutes, or three minutes a working set.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.activities import Activity
from runlift.domain.plan import PlannedSession, PlanWeek
from runlift.domain.prescription import RunPrescription
from runlift.domain.sessions import SessionId
from runlift.errors import InvalidInput
from runlift.science.load import session_rpe_load_au
from runlift.services.log_import import log_window
from runlift.store.repository import Store, StoredActivity
from runlift.tracking.matching import LoggedActivity, session_records
from runlift.tracking.monitoring import LogActivity, activity_load
from runlift.vocabulary import MissReason, SessionStatus, SetKind


@dataclass(frozen=True, slots=True, kw_only=True)
class DoneFigures:
    """What an activity did, in figures: distance, time, pace, or the work sets of a lift."""

    activity_id: int
    start: datetime
    sport: str
    name: str | None
    distance_km: float | None
    duration_min: float | None
    pace_s_per_km: float | None
    sets: tuple[str, ...]
    rpe: float | None
    load_au: float | None
    fulfils: SessionId | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionRow:
    """One planned session of the week and how it stands.

    ``missed_reason`` is the athlete's reason when they marked it missed (a session
    whose day passed with nothing done is missed without one).
    """

    session: PlannedSession
    status: SessionStatus
    planned_load_au: float
    done: DoneFigures | None
    done_fraction: float | None
    missed_reason: MissReason | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekLog:
    """A week of the plan set against the log."""

    athlete_id: str
    plan_version: int
    week: PlanWeek
    today: date
    sessions: tuple[SessionRow, ...]
    extras: tuple[DoneFigures, ...]

    @property
    def planned_load_au(self) -> float:
        """The week's planned session-RPE load."""
        return sum(row.planned_load_au for row in self.sessions)

    @property
    def done_load_au(self) -> float:
        """The session-RPE load of everything done in the week (extras included)."""
        done = [row.done.load_au for row in self.sessions if row.done is not None]
        return sum(x or 0.0 for x in (*done, *(extra.load_au for extra in self.extras)))


def _minutes(activity: Activity) -> float | None:
    seconds = activity.moving_s or activity.elapsed_s
    return None if seconds is None else seconds / 60


def _set_lines(activity: Activity) -> tuple[str, ...]:
    """Work sets grouped by exercise: ``back-squat 3x5 @ 100 kg``."""
    groups: list[tuple[str, list[tuple[int | None, float | None]]]] = []
    for logged in activity.sets:
        if logged.kind is SetKind.WARM_UP:
            continue
        if not groups or groups[-1][0] != logged.exercise:
            groups.append((logged.exercise, []))
        groups[-1][1].append((logged.reps, logged.load_kg))
    lines = []
    for exercise, sets in groups:
        parts: list[str] = []
        index = 0
        while index < len(sets):
            reps, load = sets[index]
            count = 1
            while index + count < len(sets) and sets[index + count] == (reps, load):
                count += 1
            what = f"{count}x{reps if reps is not None else '?'}"
            parts.append(what + ("" if load is None else f" @ {load:g} kg"))
            index += count
        lines.append(f"{exercise} {', '.join(parts)}")
    return tuple(lines)


def _figures(
    stored: StoredActivity,
    *,
    session: PlannedSession | None,
    zone: ZoneInfo,
    fulfils: SessionId | None = None,
) -> DoneFigures:
    activity = stored.activity
    minutes = _minutes(activity)
    km = None if activity.distance_m is None else activity.distance_m / 1000
    pace = None
    if km and minutes and activity.modality is not None and activity.sport.value == "run":
        pace = minutes * 60 / km
    counted = activity_load(
        LogActivity(key=stored.id, activity=activity, rpe=stored.rpe), session=session, zone=zone
    )
    rpe = counted.rpe
    load = counted.load_au if counted.minutes_source != "none" else None
    return DoneFigures(
        activity_id=stored.id,
        start=activity.start,
        sport=activity.sport.value,
        name=activity.name,
        distance_km=km,
        duration_min=minutes,
        pace_s_per_km=pace,
        sets=_set_lines(activity),
        rpe=rpe,
        load_au=load,
        fulfils=fulfils,
    )


def _planned_load(session: PlannedSession) -> float:
    prescription = session.prescription
    return session_rpe_load_au(duration_min=prescription.duration_min, rpe=prescription.rpe)


def week_of(weeks: tuple[PlanWeek, ...], today: date) -> PlanWeek:
    """The plan week holding ``today``; the first before the plan, the last after it."""
    for week in weeks:
        if week.start <= today < week.start + timedelta(days=7):
            return week
    return weeks[0] if today < weeks[0].start else weeks[-1]


def week_log(
    store: Store,
    athlete_id: str,
    *,
    week_number: int | None,
    today: date | None,
    now: datetime,
) -> WeekLog:
    """Week ``week_number`` (1 = the plan's first; default: the week holding today).

    ``today`` is the athlete's local date, by default that of ``now`` in their zone.
    """
    version = store.plan_version(athlete_id)
    if today is None:
        today = now.astimezone(ZoneInfo(version.profile.timezone)).date()
    weeks = version.plan.weeks
    if week_number is None:
        week = week_of(weeks, today)
    elif 1 <= week_number <= len(weeks):
        week = weeks[week_number - 1]
    else:
        raise InvalidInput("--week", week_number, f"a week of the plan, 1 to {len(weeks)}")
    zone = ZoneInfo(version.profile.timezone)
    first = datetime.combine(week.start, time(0), tzinfo=zone).astimezone(UTC)
    last = first + timedelta(days=7)
    window = log_window(store, athlete_id, first=first, last=last)
    stored = {a.id: a for a in window.activities}
    reasons = {m.session_id: m.reason for m in store.missed(athlete_id)}
    records = session_records(
        week.sessions,
        [LoggedActivity(key=a.id, activity=a.activity) for a in window.activities],
        window.matches,
        missed=reasons,
        today=today,
    )
    rows = []
    for record in records:
        done = None
        if record.activity is not None:
            done = _figures(stored[record.activity], session=record.session, zone=zone)
        rows.append(
            SessionRow(
                session=record.session,
                status=record.status,
                planned_load_au=_planned_load(record.session),
                done=done,
                done_fraction=record.done_fraction,
                missed_reason=reasons.get(record.session.scheduled.id)
                if record.status is SessionStatus.MISSED
                else None,
            )
        )
    used = {record.activity for record in records if record.activity is not None}
    planned = {s.scheduled.id: s for w in weeks for s in w.sessions}
    # Done in this week but for no session of it: true extras, and sessions of the
    # neighbouring weeks done a day early or late (they carry that session's id).
    extras = tuple(
        _figures(
            a,
            session=planned.get(window.matches[a.id]) if a.id in window.matches else None,
            zone=zone,
            fulfils=window.matches.get(a.id),
        )
        for a in stored.values()
        if a.id not in used and first <= a.activity.start < last
    )
    return WeekLog(
        athlete_id=athlete_id,
        plan_version=version.version,
        week=week,
        today=today,
        sessions=tuple(rows),
        extras=extras,
    )


def planned_distance_km(session: PlannedSession) -> float | None:
    """A run's planned distance; None for a lift."""
    prescription = session.prescription
    return prescription.distance_km if isinstance(prescription, RunPrescription) else None
