"""A demo store: the bundled example athletes, each with a login and a few weeks of training logged.

``runlift serve --demo`` fills a temporary store with it so the web app can be
tried at once. Each example's dates are moved by whole weeks so that today falls
in the fifth week of its plan (:data:`DEMO_WEEK`); its first weeks, up to
yesterday, are then logged by hand through the same use cases as ``runlift log``:
sessions done as planned or nearly, a few done only in part, a few missed (one
for lack of time, two to a short illness recorded as an event), an easy ride or
walk beyond the plan each week, and most days' check-ins. The log is drawn from
a generator seeded by the athlete's name, so the same day gives the same demo.

The passwords are printed with the URL; they are for a throwaway store on the
local machine and nowhere else.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from typing import Any, Final
from zoneinfo import ZoneInfo

import yaml

from runlift.domain.activities import Activity
from runlift.domain.athlete import AthleteProfile
from runlift.domain.log import CheckIn
from runlift.domain.plan import PlannedSession
from runlift.domain.prescription import LiftPrescription, RunPrescription
from runlift.io.profile import read_profile
from runlift.io.set_notation import SetEntry
from runlift.services import log_entries, planning
from runlift.services.accounts import sign_up
from runlift.services.athletes import new_athlete_id
from runlift.services.coaching import invite_coach
from runlift.store.repository import Store, athlete_id_from_name
from runlift.vocabulary import ActivityFormat, EventKind, MissReason, Sport

COACH_EMAIL: Final = "coach@demo.runlift.example"
DEMO_PASSWORD: Final = "runlift-demo"
"""Every demo login's password; a demo store lives on the local machine only."""

DEMO_WEEK: Final = 5
"""The plan week that holds today in the demo: four weeks logged behind it, enough for
the acute:chronic load ratio, which needs 28 days of log."""

ILLNESS_DAYS: Final = (2, 3)
"""The days of the demo's second week (0 = Monday) the athlete is ill: a midweek cold."""

CHECK_IN_SHARE: Final = 0.85
"""Share of days the demo athletes check in: real athletes skip some days. The demo's
choice, not a measured figure."""

PARTIAL_SHARE: Final = (0.45, 0.6)
"""What a session done in part achieves in the demo: clearly under the log's 70 % line
(``runlift.tracking.matching.PARTIAL_BELOW``)."""

DONE_SHARE: Final = (0.92, 1.08)
"""What a session done achieves in the demo: as planned, give or take."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoLogin:
    """One demo account: its e-mail, password, and what it shows."""

    email: str
    password: str
    role: str


def moved_profile(text: str, *, today: date) -> str:
    """The profile with every date but the birth date moved by whole weeks into today's plan.

    The start moves to the Monday :data:`DEMO_WEEK` - 1 weeks before the Monday of
    ``today``; a race, a test day and a recent race move by as much, so the plan
    keeps its shape, its weekdays and its length.
    """
    data = yaml.safe_load(text)
    start = data["start_date"]
    target = today - timedelta(days=today.weekday() + 7 * (DEMO_WEEK - 1))
    shift = timedelta(weeks=round((target - start).days / 7))

    def move(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: move(v, str(k)) for k, v in value.items()}
        if isinstance(value, list):
            return [move(v) for v in value]
        if isinstance(value, date) and key != "birth_date":
            return value + shift
        return value

    return yaml.safe_dump(move(data), sort_keys=False, allow_unicode=True)


def seed_demo(
    store: Store,
    profiles: Mapping[str, str],
    *,
    now: datetime,
    announce: Callable[[str], None] | None = None,
) -> tuple[DemoLogin, ...]:
    """Store each profile (name -> YAML text) as an athlete with a login and a logged past.

    All are coached by one coach. Each profile's dates are moved so that ``now`` falls
    in week :data:`DEMO_WEEK` of its plan (:func:`moved_profile`).

    Returns:
        The logins: the coach's first, then one per athlete in the order given.
    """
    coach = sign_up(store, email=COACH_EMAIL, password=DEMO_PASSWORD, now=now)
    logins = [DemoLogin(email=coach.email, password=DEMO_PASSWORD, role="coach of every athlete")]
    for text in profiles.values():
        first = read_profile(text)
        moved = moved_profile(text, today=now.astimezone(ZoneInfo(first.timezone)).date())
        profile = read_profile(moved)
        if announce is not None:
            announce(f"planning {profile.name}")
        slug = athlete_id_from_name(profile.name)
        user = sign_up(store, email=f"{slug}@demo.runlift.example", password=DEMO_PASSWORD, now=now)
        result = planning.make_plan(profile)
        athlete = store.add_athlete(
            athlete_id=new_athlete_id(profile.name),
            profile=profile,
            profile_yaml=moved,
            plan=result.plan,
            nutrition=result.nutrition,
            now=now,
            owner_id=user.id,
        )
        invite_coach(store, athlete.id, coach.email, now=now)
        seed_log(store, athlete.id, now=now)
        logins.append(DemoLogin(email=user.email, password=DEMO_PASSWORD, role=profile.name))
    return tuple(logins)


def seed_log(store: Store, athlete_id: str, *, now: datetime) -> None:
    """Log the athlete's plan from its start to yesterday, as a mostly faithful athlete would.

    Sessions of today and later stay planned. Runs are logged with their distance
    and time, lifts with their sets, each near what was planned (:func:`_outcome`
    tells the story: an illness in week 2, a session missed and one cut short in
    week 3); each past week holds one easy ride or walk beyond the plan, and
    check-ins cover most days up to today.
    """
    version = store.plan_version(athlete_id)
    profile = version.profile
    zone = ZoneInfo(profile.timezone)
    today = now.astimezone(zone).date()
    weeks = version.plan.weeks
    rng = random.Random(zlib.crc32(profile.name.encode()))
    ill: set[date] = set()
    if len(weeks) > 1 and weeks[1].start + timedelta(days=ILLNESS_DAYS[-1]) < today:
        ill = {weeks[1].start + timedelta(days=d) for d in ILLNESS_DAYS}
        log_entries.log_event(
            store,
            athlete_id,
            kind=EventKind.ILLNESS,
            first_day=min(ill),
            last_day=max(ill),
            note="a cold: no fever, stayed home",
        )
    back_from_illness = False
    for week in weeks:
        if week.start >= today:
            break
        past = [
            session
            for session in sorted(week.sessions, key=lambda s: s.scheduled.start)
            if session.scheduled.local_date < today
        ]
        for position, session in enumerate(past):
            day = session.scheduled.local_date
            if day in ill:
                log_entries.log_missed(
                    store,
                    athlete_id,
                    session.scheduled.id,
                    reason=MissReason.ILLNESS,
                    now=_at(day, time(8), zone),
                )
                back_from_illness = True
                continue
            outcome = _outcome(week.index, position, len(past), back_from_illness=back_from_illness)
            back_from_illness = False
            if outcome is Outcome.MISSED:
                log_entries.log_missed(
                    store,
                    athlete_id,
                    session.scheduled.id,
                    reason=MissReason.TIME,
                    now=_at(day, time(21), zone),
                )
            else:
                share = PARTIAL_SHARE if outcome is Outcome.PARTIAL else DONE_SHARE
                _log_session(store, athlete_id, session, rng, share=rng.uniform(*share))
        _log_extra(store, athlete_id, monday=week.start, today=today, rng=rng, zone=zone)
    _check_ins(
        store, athlete_id, profile=profile, first=weeks[0].start, today=today, ill=ill, rng=rng
    )


class Outcome(Enum):
    """How a past session of the demo went."""

    DONE = "done"
    PARTIAL = "partial"
    MISSED = "missed"


def _outcome(week: int, position: int, count: int, *, back_from_illness: bool) -> Outcome:
    """The demo's story, by week (0-based) and the session's place in it.

    Week 1 goes as planned; week 2 holds the illness, and the first session after it
    is cut short; in week 3 the second session is missed for lack of time and, in a
    week of five sessions or more, the fourth is cut short. Later weeks go as planned.
    """
    if back_from_illness:
        return Outcome.PARTIAL
    if week == 2 and position == 1:
        return Outcome.MISSED
    if week == 2 and position == 3 and count >= 5:
        return Outcome.PARTIAL
    return Outcome.DONE


def _at(day: date, clock: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def _log_session(
    store: Store, athlete_id: str, session: PlannedSession, rng: random.Random, *, share: float
) -> None:
    """A session done at ``share`` of what it asked (time for lifts; distance for runs)."""
    scheduled = session.scheduled
    prescription = session.prescription
    partial = share < PARTIAL_SHARE[1]
    # A session cut short feels easier than the whole one would have.
    change = rng.choice((-1, 0, 0, 1)) - (1 if partial else 0)
    rpe = float(max(1, min(10, round(prescription.rpe + change))))
    if isinstance(prescription, RunPrescription):
        distance_km = round(prescription.distance_km * share, 2)
        pace_s = prescription.duration_min * 60 / prescription.distance_km * rng.uniform(0.97, 1.04)
        log_entries.log_run(
            store,
            athlete_id,
            day=scheduled.local_date,
            at=scheduled.start.time(),
            distance_km=distance_km,
            duration_s=round(distance_km * pace_s),
            rpe=rpe,
        )
        return
    if isinstance(prescription, LiftPrescription):
        exercises = prescription.exercises
        kept = exercises if not partial else exercises[: max(1, len(exercises) // 2)]
        entries = [
            log_entries.LiftEntry(
                exercise=item.exercise,
                sets=tuple(
                    SetEntry(reps=item.reps, load_kg=item.load_kg) for _ in range(item.sets)
                ),
            )
            for item in kept
        ]
        log_entries.log_lift(
            store,
            athlete_id,
            day=scheduled.local_date,
            at=scheduled.start.time(),
            entries=entries,
            rpe=rpe,
            duration_min=round(prescription.duration_min * share),
        )


def _log_extra(
    store: Store,
    athlete_id: str,
    *,
    monday: date,
    today: date,
    rng: random.Random,
    zone: ZoneInfo,
) -> None:
    """One easy ride or walk in the week, on a day before today: load beyond the plan."""
    day = monday + timedelta(days=rng.choice((1, 3, 6)))
    if day >= today:
        return
    ride = rng.random() < 0.5
    minutes = rng.choice((40, 45, 50, 60))
    activity = Activity(
        sport=Sport.CYCLING if ride else Sport.WALKING,
        start=_at(day, time(17, 30) if ride else time(12, 15), zone),
        elapsed_s=minutes * 60.0,
        moving_s=minutes * 60.0,
        distance_m=minutes * (380.0 if ride else 85.0),
        name="Easy ride to work and back" if ride else "Lunch walk",
        source=ActivityFormat.MANUAL,
    )
    store.add_activity(athlete_id, activity, rpe=3.0 if ride else 2.0)


def _check_ins(
    store: Store,
    athlete_id: str,
    *,
    profile: AthleteProfile,
    first: date,
    today: date,
    ill: set[date],
    rng: random.Random,
) -> None:
    """Most days' check-ins: steady numbers, worse on the days of illness and the day after."""
    resting_hr = 48 + rng.randint(0, 10)
    mass_kg = profile.mass_kg
    day = first
    while day <= today:
        if rng.random() < CHECK_IN_SHARE or day in ill:
            sick = day in ill or day - timedelta(days=1) in ill
            mass_kg += rng.uniform(-0.25, 0.2)
            log_entries.log_check_in(
                store,
                athlete_id,
                CheckIn(
                    day=day,
                    sleep_h=round(rng.uniform(5.5, 6.5) if sick else rng.uniform(6.5, 8.3), 1),
                    soreness=rng.choice((3, 4)) if sick else rng.choice((1, 2, 2, 3)),
                    stress=rng.choice((2, 3)),
                    mood=4 if sick else rng.choice((1, 2, 2, 3)),
                    resting_hr_bpm=resting_hr + (7 if sick else rng.randint(-2, 2)),
                    mass_kg=round(mass_kg, 1),
                ),
            )
        day += timedelta(days=1)
