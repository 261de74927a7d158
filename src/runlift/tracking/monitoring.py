"""The log read as numbers: load, ability, body mass, readiness and lift efforts, on one day.

:func:`monitor` is the bridge from the training log's domain objects (the plan,
the activities with their session RPE and sets, check-ins, weighings, events and
sessions marked missed) to the science functions, for one day, ``today``. It
returns a :class:`Monitoring`: what ``runlift status``, the report's progress
section and the adaptation read. Nothing dated after ``today`` counts, so the
same log gives the same numbers for any past day.

**Load** is session RPE x minutes (Foster et al. 2001), by local day:

* planned, from each planned session's prescription (its minutes and RPE);
* actual, from each activity: its minutes (moving time, else elapsed time) x the
  athlete's session RPE when logged; else the planned RPE of the session it
  fulfils; else, for an extra, the sport's default (:data:`EXTRA_SESSION_RPE`).
  A lift logged without a duration counts at its session's planned minutes, or
  :data:`MINUTES_PER_SET` a working set for an extra. Cycling, walking, swimming,
  rowing and other sports are load, never runs or lifts.

The actual series runs from the earlier of the plan's first day and the first
logged activity (at most :data:`LOAD_HISTORY_DAYS` back) to ``today``; days
without an activity are rest (0). The planned series covers the same days and the
rest of the plan: the plan's loads from its first day, and before it the logged
loads. When the log holds no load in the :data:`BASELINE_DAYS` before the plan, an
empty log there says the athlete did not log, not that they did not train: those
days, and every earlier day of the series, carry the daily mean of the plan's first
week, which the programme sets from the athlete's current running volume and lifting
frequency (the baseline a coach takes from an intake form, Gabbett 2016 on judging a
rise against the load the athlete is used to). ``Monitoring.history_load_au`` is that
history before the plan and the log from its first day: what the adaptation judges its
planned acute:chronic ratios against. Both feed
``science.load``: EWMA acute (7 d) and chronic (28 d) loads and their ratio (read
only from 28 days of series, as ``science.readiness.fatigue_flag`` does), CTL,
ATL, TSB, and Foster's monotony and strain over the last seven days.

**Ability**: today's e1RM per exercise from the logged working sets
(``science.ability.one_rep_max_from_log``; warm-ups never count; a set to
failure is RPE 10) and today's VDOT from races and time trials only
(``vdot_from_results``): a run is one when the athlete said so (``effort``),
when it fulfils the plan's race session, or when its name says so
(:func:`is_race_name`: "race", "parkrun", "time trial", but not "race pace").

**Body mass**: the check-ins' masses and the scale's weighings, their smoothed
trend and their least-squares rate over 28 days, against the rate the nutrition
plan's energy balance plans for (``science.body_mass``).

**Readiness**: each check-in's score (``science.readiness``), resting heart rate
against the athlete's own previous 28 days; the fatigue flag of ``today`` (PER-4).

**Lift efforts**: for each planned lift done, each prescribed exercise's target
(reps, load, RPE; for a lift prescribed as % 1RM, the RPE the chart gives that
percentage at those reps) against the top logged working set, so that the
adaptation can read "one RPE or more over on the top sets, twice in a row".

Pure: no I/O, no clock; ``today`` and the athlete's time zone are arguments.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.activities import Activity, BodyMassReading
from runlift.domain.exercises import ExerciseId
from runlift.domain.log import CheckIn, MissedSession, TrainingEvent
from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan, PlannedSession
from runlift.domain.sessions import SessionId
from runlift.science.ability import (
    OneRepMaxEstimate,
    RunEffort,
    RunResult,
    VdotEstimate,
    one_rep_max_from_log,
    vdot_from_results,
)
from runlift.science.body_mass import (
    MAX_ENERGY_BALANCE_KCAL_PER_DAY,
    MAX_RATE_KG_PER_WEEK,
    MassRateCheck,
    MassReading,
    MassTrend,
    TrendDay,
    body_mass_trend,
    mass_rate_against_plan,
    planned_mass_rate_kg_per_week,
    smoothed_mass_trend,
)
from runlift.science.load import (
    session_rpe_load_au,
)
from runlift.science.nutrition import MAX_MASS_KG, MIN_MASS_KG
from runlift.science.readiness import (
    FatigueFlag,
    Readiness,
    WellnessCheckIn,
    fatigue_flag,
    readiness_series,
)
from runlift.tracking.efforts import (
    LOW_RPE,
    LiftEffort,
    chart_rpe,
    lift_efforts,
    main_lift_ids,
    performed_sets,
)
from runlift.tracking.loads import (
    EXTRA_SESSION_RPE,
    MINUTES_PER_SET,
    ActivityLoad,
    LoadFigures,
    LoadSummary,
    LogActivity,
    activity_load,
    load_figures,
)
from runlift.tracking.matching import LoggedActivity, SessionRecord, match_activities
from runlift.tracking.matching import session_records as match_records
from runlift.vocabulary import Modality, RunKind, SessionStatus, Sport

__all__ = [
    "EXTRA_SESSION_RPE",
    "LOAD_HISTORY_DAYS",
    "LOW_RPE",
    "MINUTES_PER_SET",
    "TREND_WINDOW_DAYS",
    "ActivityLoad",
    "LiftEffort",
    "LoadFigures",
    "LoadSummary",
    "LogActivity",
    "MassStatus",
    "Monitoring",
    "WeekProgress",
    "activity_load",
    "chart_rpe",
    "is_race_name",
    "lift_efforts",
    "load_figures",
    "main_lift_ids",
    "monitor",
    "performed_sets",
    "run_effort",
]

BASELINE_DAYS: Final = 28
"""Days before the plan whose load sets its planned chronic load: one chronic window
(``science.load.CHRONIC_WINDOW_DAYS``, Williams et al. 2017)."""

LOAD_HISTORY_DAYS: Final = 365
"""Days before ``today`` the load series may reach back: a year, after which CTL (tau 42 d)
keeps less than 0.02 % of a load."""

TREND_WINDOW_DAYS: Final = 28
"""Days of weigh-ins the body-mass rate is fitted over (``science.body_mass``'s default)."""

_RACE_NAME: Final = re.compile(
    r"(?<![\w-])(?:race|parkrun|time[ -]?trial)(?![ -]?pace)(?![\w-])", re.IGNORECASE
)


def is_race_name(name: str | None) -> bool:
    """Whether an activity's name says it was a race or a time trial.

    A word "race", "parkrun" or "time trial" (or "time-trial", "timetrial"), in any
    letter case; "race pace", "pre-race" and "races" do not count.

    Examples:
        >>> [is_race_name(n) for n in ("Berlin 10k race", "Parkrun #212", "5 km time trial")]
        [True, True, True]
        >>> [is_race_name(n) for n in ("Race pace 3 x 2 km", "Pre-race shakeout", None)]
        [False, False, False]
    """
    return name is not None and _RACE_NAME.search(name) is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class MassStatus:
    """Body mass: the readings, their trend, and the rate against the nutrition plan's.

    Attributes:
        readings: every weigh-in up to today (check-ins and scale), by day.
        smoothed: the Hacker's Diet trend, one value per day from the first reading.
        trend: the least-squares rate over the last 28 days; None with too few readings.
        planned_kg_per_week: the rate the nutrition plan's energy balance over the
            same 28 days plans for; None without nutrition for those days.
        check: the measured rate against the planned one; None without both.
    """

    readings: tuple[MassReading, ...]
    smoothed: tuple[TrendDay, ...]
    trend: MassTrend | None
    planned_kg_per_week: float | None
    check: MassRateCheck | None

    @property
    def latest_kg(self) -> float | None:
        """The smoothed trend's last value (the day of the last reading), if any."""
        return self.smoothed[-1].trend_kg if self.smoothed else None


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekProgress:
    """One started week of the plan: sessions done against planned, load, and estimates.

    Attributes:
        index: the plan week's index (0 for the first).
        start: its Monday.
        planned: sessions the plan holds in it.
        done: sessions done in full.
        partial: sessions done only partly.
        missed: sessions missed.
        to_come: sessions still ahead (from ``today`` on).
        extras: activities in it that fulfil no session.
        planned_load_au: the plan's load of the whole week.
        actual_load_au: the logged load of its days up to ``today``.
        one_rep_max_kg: each exercise's e1RM on the week's last day (or ``today``).
        vdot: the VDOT estimate on that day, if any.
    """

    index: int
    start: date
    planned: int
    done: int
    partial: int
    missed: int
    to_come: int
    extras: int
    planned_load_au: float
    actual_load_au: float
    one_rep_max_kg: Mapping[ExerciseId, float]
    vdot: float | None

    @property
    def adherence(self) -> float | None:
        """Sessions done (in full or partly) over sessions due so far; None if none was due."""
        due = self.done + self.partial + self.missed
        return None if due == 0 else (self.done + self.partial) / due


@dataclass(frozen=True, slots=True, kw_only=True)
class Monitoring:
    """What the log says on ``today``.

    Attributes:
        today: the day (the athlete's local date).
        records: every planned session's status (``tracking.matching.session_records``).
        extras: the keys of the activities up to today that fulfil no session.
        matches: the planned session each activity fulfils, by activity key.
        activity_loads: every activity's load up to today, by start.
        planned_load_au: the planned load of every day of the series and the plan.
        actual_load_au: the logged load of every day of the series, to ``today``.
        history_load_au: before the plan, the planned series' days (the log, or the
            baseline of the plan's first week when the log holds nothing then); from
            the plan's first day to ``today``, the log.
        load: today's load figures, actual and planned.
        one_rep_max_kg: today's e1RM estimate of every exercise with a logged set.
        vdot: today's VDOT from races and time trials; None when none was logged.
        mass_trend: body mass, its trend and the rate against the nutrition plan's.
        readiness: each check-in's readiness, by day, up to today.
        fatigue: today's fatigue flag (PER-4).
        lift_efforts: every prescribed exercise of every lift done, against its top set.
        weeks: every started week of the plan: adherence, load, estimates.
        events: the illnesses, injuries and travel that cover ``today``.
    """

    today: date
    records: tuple[SessionRecord, ...]
    extras: tuple[int, ...]
    matches: Mapping[int, SessionId]
    activity_loads: tuple[ActivityLoad, ...]
    planned_load_au: Mapping[date, float]
    actual_load_au: Mapping[date, float]
    history_load_au: Mapping[date, float]
    load: LoadSummary
    one_rep_max_kg: Mapping[ExerciseId, OneRepMaxEstimate]
    vdot: VdotEstimate | None
    mass_trend: MassStatus
    readiness: tuple[Readiness, ...]
    fatigue: FatigueFlag
    lift_efforts: tuple[LiftEffort, ...]
    weeks: tuple[WeekProgress, ...]
    events: tuple[TrainingEvent, ...] = ()

    @property
    def mass(self) -> MassStatus:
        """The same as ``mass_trend`` (the first name of the interface)."""
        return self.mass_trend

    def readiness_on(self, day: date) -> Readiness | None:
        """The readiness of ``day``'s check-in, if there was one."""
        return next((r for r in self.readiness if r.on_date == day), None)


def run_effort(entry: LogActivity, *, fulfils: PlannedSession | None) -> RunEffort | None:
    """How hard a run was meant to be: None for anything but a run.

    The athlete's word first (``entry.effort``); else a race when it fulfils the plan's
    race session or its name says race (:func:`is_race_name`); else a time trial when its
    name says time trial; else training.
    """
    if entry.activity.sport is not Sport.RUN:
        return None
    if entry.effort is not None:
        return entry.effort
    name = entry.activity.name
    if fulfils is not None and fulfils.scheduled.spec.kind is RunKind.RACE:
        return RunEffort.RACE
    if name is not None and is_race_name(name):
        return RunEffort.TIME_TRIAL if "trial" in name.lower() else RunEffort.RACE
    return RunEffort.TRAINING


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _wellness(check_in: CheckIn) -> WellnessCheckIn:
    """A check-in in the science's terms: its mood runs the other way (5 is very good)."""
    return WellnessCheckIn(
        on_date=check_in.day,
        sleep_h=check_in.sleep_h,
        soreness=check_in.soreness,
        stress=check_in.stress,
        mood=None if check_in.mood is None else 6 - check_in.mood,
        resting_hr_bpm=check_in.resting_hr_bpm,
    )


def _mass_status(
    *,
    check_ins: Sequence[CheckIn],
    body_mass: Sequence[BodyMassReading],
    nutrition: Sequence[DayNutrition],
    today: date,
    zone: ZoneInfo,
) -> MassStatus:
    readings = [
        MassReading(on_date=c.day, mass_kg=c.mass_kg)
        for c in check_ins
        if c.mass_kg is not None and MIN_MASS_KG <= c.mass_kg <= MAX_MASS_KG
    ]
    readings += [
        MassReading(on_date=r.measured_at.astimezone(zone).date(), mass_kg=r.mass_kg)
        for r in body_mass
        if MIN_MASS_KG <= r.mass_kg <= MAX_MASS_KG
    ]
    readings = sorted((r for r in readings if r.on_date <= today), key=lambda r: r.on_date)
    trend = body_mass_trend(readings=readings, on_date=today) if readings else None
    window = [
        day.target_kcal - day.expenditure_kcal
        for day in nutrition
        if today - timedelta(days=TREND_WINDOW_DAYS) < day.date <= today
    ]
    balance = math.fsum(window) / len(window) if window else None
    planned = (
        planned_mass_rate_kg_per_week(energy_balance_kcal_per_day=balance)
        if balance is not None and abs(balance) <= MAX_ENERGY_BALANCE_KCAL_PER_DAY
        else None
    )
    check = (
        mass_rate_against_plan(
            observed_kg_per_week=trend.rate_kg_per_week,
            planned_kg_per_week=planned,
            mass_kg=min(max(trend.trend_mass_kg, MIN_MASS_KG), MAX_MASS_KG),
        )
        if trend is not None
        and planned is not None
        and abs(trend.rate_kg_per_week) <= MAX_RATE_KG_PER_WEEK
        else None
    )
    return MassStatus(
        readings=tuple(readings),
        smoothed=smoothed_mass_trend(readings=readings),
        trend=trend,
        planned_kg_per_week=planned,
        check=check,
    )


def _before_plan(
    plan: Plan, *, actual: Mapping[date, float], plan_loads: Mapping[date, float], first: date
) -> dict[date, float]:
    """The load of each day before the plan: the log's, or the baseline if it holds none.

    The log counts when it holds any load in the :data:`BASELINE_DAYS` before the plan;
    otherwise those days and every earlier day of the series carry the mean daily load
    of the plan's first week.
    """
    window = [plan.start - timedelta(days=n) for n in range(BASELINE_DAYS, 0, -1)]
    earlier = (
        _days(min(first, window[0]), window[0] - timedelta(days=1)) if first < window[0] else []
    )
    if any(actual.get(day, 0.0) > 0 for day in window):
        return {day: actual.get(day, 0.0) for day in [*earlier, *window] if day in actual}
    week_end = plan.start + timedelta(days=7)
    baseline = math.fsum(load for day, load in plan_loads.items() if day < week_end) / 7
    return dict.fromkeys([*earlier, *window], baseline)


def monitor(
    *,
    plan: Plan,
    activities: Sequence[LogActivity],
    today: date,
    zone: ZoneInfo,
    check_ins: Sequence[CheckIn] = (),
    body_mass: Sequence[BodyMassReading] = (),
    events: Sequence[TrainingEvent] = (),
    missed: Sequence[MissedSession] = (),
    nutrition: Sequence[DayNutrition] = (),
    matches: Mapping[int, SessionId] | None = None,
) -> Monitoring:
    """What the log says on ``today``: load, ability, body mass, readiness, lift efforts.

    Args:
        plan: the athlete's current plan version (it keeps its past weeks as they were).
        activities: the log's activities, in any order; those after ``today`` are ignored.
        today: the athlete's local date to read the log on.
        zone: the athlete's time zone (local dates of activities and weighings).
        check_ins: the daily check-ins.
        body_mass: the scale's weighings.
        events: illnesses, injuries and travel.
        missed: the sessions the athlete marked missed (a mark made after ``today`` is not
            yet known on ``today``).
        nutrition: the plan's day-by-day nutrition (for the planned body-mass rate).
        matches: the planned session each activity fulfils, by key; None matches them
            here (``tracking.matching.match_activities``, pinned sessions kept).

    Returns:
        The monitoring of ``today``; the same inputs give an equal result.
    """
    current = sorted(
        (a for a in activities if a.activity.start.astimezone(zone).date() <= today),
        key=lambda a: (a.activity.start, a.key),
    )
    sessions = [s for week in plan.weeks for s in week.sessions]
    by_id = {s.scheduled.id: s for s in sessions}
    logged = [LoggedActivity(key=a.key, activity=a.activity) for a in current]
    if matches is None:
        matches = match_activities(
            sessions,
            logged,
            zone=zone,
            fixed={a.key: a.session_id for a in current if a.session_id is not None},
        )
    keys = {a.key for a in current}
    matched = {key: sid for key, sid in matches.items() if key in keys and sid in by_id}
    records = match_records(
        sessions,
        logged,
        matched,
        missed={m.session_id for m in missed if m.marked_at.astimezone(zone).date() <= today},
        today=today,
    )
    loads = tuple(
        activity_load(a, session=by_id.get(matched[a.key]) if a.key in matched else None, zone=zone)
        for a in current
    )
    day_of = {load.key: load.day for load in loads}

    first = min([plan.start, today, *(load.day for load in loads)])
    first = max(first, today - timedelta(days=LOAD_HISTORY_DAYS))
    series_days = _days(first, today)
    actual = dict.fromkeys(series_days, 0.0)
    for load in loads:
        if load.day in actual:
            actual[load.day] += load.load_au
    plan_loads: dict[date, float] = dict.fromkeys(_days(plan.start, plan.end), 0.0)
    for session in sessions:
        day = session.scheduled.local_date
        plan_loads[day] = plan_loads.get(day, 0.0) + session_rpe_load_au(
            duration_min=session.prescription.duration_min, rpe=session.prescription.rpe
        )
    before = _before_plan(plan, actual=actual, plan_loads=plan_loads, first=first)
    planned = dict(before)
    planned.update(plan_loads)
    for day in series_days:
        planned.setdefault(day, 0.0)
    planned = dict(sorted(planned.items()))
    planned_days = sorted(day for day in planned if day <= today)
    summary = LoadSummary(
        on_date=today,
        history_days=len(series_days),
        actual=load_figures([actual[d] for d in series_days]),
        planned=load_figures([planned[d] for d in planned_days] or [0.0]),
    )
    history = {**before, **{day: load for day, load in actual.items() if day >= plan.start}}

    dated = [(day_of[a.key], a.activity) for a in current if a.activity.sport is Sport.STRENGTH]
    maxima = {
        exercise: one_rep_max_from_log(sets=sets, on_date=today)
        for exercise, sets in sorted(performed_sets(dated).items())
    }
    results = _results(current, matched, by_id, day_of)
    vdot = vdot_from_results(results=results, on_date=today) if results else None

    wellness = [_wellness(c) for c in check_ins if c.day <= today]
    readiness = readiness_series(check_ins=wellness)
    scores = {r.on_date: r.score for r in readiness}
    fatigue = fatigue_flag(
        loads_au=[actual[d] for d in series_days],
        readiness_scores=[scores.get(d) for d in series_days],
    )

    efforts: list[LiftEffort] = []
    by_key = {a.key: a for a in current}
    for record in records:
        if record.activity is not None and record.session.scheduled.spec.modality is Modality.LIFT:
            efforts += lift_efforts(
                record.session, by_key[record.activity].activity, day=day_of[record.activity]
            )
    efforts.sort(key=lambda e: (e.on_date, e.session_id, e.exercise_id))

    extras = tuple(a.key for a in current if a.key not in matched)
    weeks = _weeks(
        plan,
        records=records,
        extras=[day_of[key] for key in extras],
        actual=actual,
        plan_loads=plan_loads,
        dated=dated,
        results=results,
        today=today,
    )
    return Monitoring(
        today=today,
        records=records,
        extras=extras,
        matches=MappingProxyType(dict(matched)),
        activity_loads=loads,
        planned_load_au=MappingProxyType(planned),
        actual_load_au=MappingProxyType(actual),
        history_load_au=MappingProxyType(dict(sorted(history.items()))),
        load=summary,
        one_rep_max_kg=MappingProxyType(maxima),
        vdot=vdot,
        mass_trend=_mass_status(
            check_ins=check_ins, body_mass=body_mass, nutrition=nutrition, today=today, zone=zone
        ),
        readiness=readiness,
        fatigue=fatigue,
        lift_efforts=tuple(efforts),
        weeks=weeks,
        events=tuple(
            sorted(
                (e for e in events if e.covers(today)), key=lambda e: (e.first_day, e.kind.value)
            )
        ),
    )


def _results(
    current: Sequence[LogActivity],
    matched: Mapping[int, SessionId],
    by_id: Mapping[SessionId, PlannedSession],
    day_of: Mapping[int, date],
) -> list[RunResult]:
    """The races and time trials of the log with a distance and a time, as run results."""
    results: list[RunResult] = []
    for entry in current:
        session = by_id.get(matched[entry.key]) if entry.key in matched else None
        effort = run_effort(entry, fulfils=session)
        seconds = entry.activity.moving_s or entry.activity.elapsed_s
        if (
            effort in {RunEffort.RACE, RunEffort.TIME_TRIAL}
            and entry.activity.distance_m
            and seconds
        ):
            results.append(
                RunResult(
                    on_date=day_of[entry.key],
                    distance_m=entry.activity.distance_m,
                    time_s=seconds,
                    effort=effort,
                )
            )
    return results


def _weeks(
    plan: Plan,
    *,
    records: Sequence[SessionRecord],
    extras: Sequence[date],
    actual: Mapping[date, float],
    plan_loads: Mapping[date, float],
    dated: Sequence[tuple[date, Activity]],
    results: Sequence[RunResult],
    today: date,
) -> tuple[WeekProgress, ...]:
    status = {record.session.scheduled.id: record.status for record in records}
    weeks: list[WeekProgress] = []
    for week in plan.weeks:
        if week.start > today:
            break
        last = min(week.start + timedelta(days=6), today)
        days = _days(week.start, week.start + timedelta(days=6))
        counts = dict.fromkeys(SessionStatus, 0)
        for session in week.sessions:
            counts[status[session.scheduled.id]] += 1
        sets = performed_sets((d, a) for d, a in dated if d <= last)
        maxima = {
            exercise: estimate
            for exercise, rows in sorted(sets.items())
            for estimate in (one_rep_max_from_log(sets=rows, on_date=last).one_rep_max_kg,)
            if estimate is not None
        }
        upto = [r for r in results if r.on_date <= last]
        weeks.append(
            WeekProgress(
                index=week.index,
                start=week.start,
                planned=len(week.sessions),
                done=counts[SessionStatus.DONE],
                partial=counts[SessionStatus.PARTIAL],
                missed=counts[SessionStatus.MISSED],
                to_come=counts[SessionStatus.PLANNED],
                extras=sum(1 for day in extras if week.start <= day <= days[-1]),
                planned_load_au=math.fsum(plan_loads.get(d, 0.0) for d in days),
                actual_load_au=math.fsum(actual.get(d, 0.0) for d in days),
                one_rep_max_kg=MappingProxyType(maxima),
                vdot=vdot_from_results(results=upto, on_date=last).vdot if upto else None,
            )
        )
    return tuple(weeks)
