"""What the adaptation does to prescriptions: new numbers, autoregulation, easier sessions.

**New maxima and VDOT (RL-5).** The log's e1RM of a lift (``Monitoring.one_rep_max_kg``,
from its rated sets, discounted for age) above the lift's *planned maximum* for its next
session by more than ``max_margin`` (2.5 %) raises the lift's maximum in the profile so
that the next session's planned maximum is that e1RM; the progression goes on from there.
A race or time trial whose VDOT (``Monitoring.vdot``) is ``vdot_margin`` (0.5) points or
more above the paces' VDOT becomes the profile's recent race: every pace from the next
session on is Daniels' (2014) for the new VDOT. Neither raises anything while the
athlete is flagged fatigued (RL-10).

**Autoregulation (RL-6, LFT-5).** Each main lift with a maximum in the profile is read
from its last two sessions' top sets (``Monitoring.lift_efforts``): ``rpe_over`` is the
top set's RPE less the prescribed one (Helms et al. 2016: the RPE of the reps-in-reserve
scale, Zourdos et al. 2016).

* Over by ``over_rpe`` (1) or more in both: **cut**. The next session's planned maximum
  becomes the e1RM of the last top set (RPE chart), so the next top sets land on the
  prescribed RPE instead of one or more above it.
* Over in the last only: **hold**. The next session's planned maximum is the last
  session's: the load does not rise until a session is on target.
* Under by ``under_rpe`` (2) or more in the last: **move on**. The planned maximum rises
  towards the last e1RM, by at most ``max_raise`` (5 %), as APRE raises the next load
  after more reps than planned (Mann et al. 2010).

A change is made to the lift's maximum in the profile (so the whole progression after it
moves with it, and lifts derived from it follow) and only when it moves the next planned
maximum by more than :data:`MIN_CHANGE`.

**Easier sessions** (:class:`Treatment`): a return ramp (RL-9) and fatigue (RL-10)
shorten runs, turn hard runs into easy ones, take sets off lifts and put their effort
some RPE points lower, the load following the RPE chart.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from runlift.domain.athlete import AthleteProfile, LiftRecord, RaceResult
from runlift.domain.exercises import ExerciseId
from runlift.domain.log import TrainingEvent
from runlift.domain.plan import PlannedSession
from runlift.domain.prescription import (
    ExercisePrescription,
    LiftPrescription,
    RunPrescription,
)
from runlift.domain.sessions import SessionId
from runlift.errors import InvalidInput
from runlift.programme.adaptation_facts import (
    RL_ABILITY,
    RL_RPE,
    parameter,
    written_id,
)
from runlift.programme.assembly import WrittenSession, written_week
from runlift.programme.baseline import Baseline, baseline
from runlift.programme.lifting_doses import (
    EXPLOSIVE_SECONDS_PER_REP,
    SECONDS_PER_REP,
    effort_percent,
    effort_rpe,
)
from runlift.programme.lifting_progression import LiftCalendar, lift_calendar
from runlift.programme.lifting_sessions import (
    ExerciseLibrary,
    grid_minutes,
    one_rep_max_for,
    scaled_sets,
)
from runlift.programme.periodisation import WeekOutline, outline_plan, slot_min
from runlift.programme.periodisation_tables import MIN_RUN_KM
from runlift.programme.running_steps import Paces, easy_step, paces_for, totals
from runlift.programme.running_workouts import RPE
from runlift.science import strength
from runlift.tracking.monitoring import LiftEffort, Monitoring
from runlift.units import SECONDS_PER_MINUTE, format_duration, format_mass
from runlift.vocabulary import MassUnit, RunKind, StepKind

MIN_CHANGE: Final = 0.005
"""A planned maximum moves only when the rule moves it by more than 0.5 %: smaller steps
are below a plate, and re-reading the same log must change nothing."""

LOWEST_RPE: Final = 3.0
"""Easing never prescribes a set below RPE 3 (seven reps in reserve: no training effect)."""

LOWEST_SESSION_RPE: Final = 2.0
"""Session RPE of the lightest eased lift (Foster's CR-10 "easy")."""


# --- written sessions -----------------------------------------------------------------


def written_sessions(
    profile: AthleteProfile,
    outlines: Sequence[WeekOutline],
    weeks: Iterable[int],
    library: ExerciseLibrary,
) -> dict[SessionId, WrittenSession]:
    """The sessions the programme writes for ``weeks`` (indices) under ``profile``, by id."""
    numbers = baseline(profile)
    by_index = {outline.index: outline for outline in outlines}
    written: dict[SessionId, WrittenSession] = {}
    for index in sorted(set(weeks)):
        outline = by_index.get(index)
        if outline is None:
            continue
        for session in written_week(outline, profile, numbers, library, outlines):
            written[session.spec.id] = session
    return written


# --- RL-5 and RL-6: the numbers behind the prescriptions ----------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class NumbersChange:
    """One number of the profile the log moved, and why.

    Attributes:
        rule_ids: the rule that moved it, then the guidelines behind it.
        subject: the exercise id, or ``vdot``.
        text: one sentence for the athlete.
    """

    rule_ids: tuple[str, ...]
    subject: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class _Next:
    """The next future session of a lift, and its planned maximum under the profile."""

    session: PlannedSession
    planned_max_kg: float


def _calendar(profile: AthleteProfile, outlines: Sequence[WeekOutline]) -> LiftCalendar:
    return lift_calendar(outlines, profile, outlines[0])


def _week_index(outlines: Sequence[WeekOutline], day: date) -> int | None:
    for outline in outlines:
        if 0 <= (day - outline.start).days < 7:
            return outline.index
    return None


def _planned_max(
    exercise_id: str,
    day: date,
    *,
    numbers: Baseline,
    calendar: LiftCalendar,
    outlines: Sequence[WeekOutline],
    library: ExerciseLibrary,
) -> float | None:
    index = _week_index(outlines, day)
    one_rm = one_rep_max_for(library.get(exercise_id), baseline=numbers)
    if index is None or one_rm is None:
        return None
    return one_rm * calendar.factor(calendar.weeks[index])


def _item(session: PlannedSession, exercise_id: str) -> ExercisePrescription | None:
    prescription = session.prescription
    if not isinstance(prescription, LiftPrescription):
        return None
    return next(
        (e for e in prescription.exercises if e.exercise == exercise_id and e.load_kg), None
    )


def _e1rm(effort: LiftEffort) -> float | None:
    """The e1RM of an effort's top set on the RPE chart (Helms et al. 2016)."""
    if effort.logged_load_kg is None or not effort.logged_reps or effort.logged_rpe is None:
        return None
    percent = effort_percent(reps=effort.logged_reps, rpe=min(effort.logged_rpe, 10.0))
    return effort.logged_load_kg / (percent / 100)


def _session_max(effort: LiftEffort, sessions: Mapping[SessionId, PlannedSession]) -> float | None:
    """The planned maximum the effort's session was written at: its load over its percent."""
    session = sessions.get(effort.session_id)
    item = None if session is None else _item(session, effort.exercise_id)
    if item is None or item.load_kg is None or not item.percent_1rm:
        return None
    return item.load_kg / (item.percent_1rm / 100)


def _kg(value: float, unit: MassUnit) -> str:
    return format_mass(round(value, 1), unit.value)


def _rpe_words(effort: LiftEffort) -> str:
    return f"RPE {effort.logged_rpe:g} at a prescribed {effort.prescribed_rpe:g}"


def _lift_target(
    exercise_id: str,
    efforts: Sequence[LiftEffort],
    *,
    next_max: float,
    sessions: Mapping[SessionId, PlannedSession],
    profile: AthleteProfile,
    fatigued: bool,
) -> tuple[float, str] | None:
    """RL-6: the next session's planned maximum the last top sets ask for, and why."""
    rated = [e for e in efforts if e.exercise_id == exercise_id and e.rpe_over is not None]
    if not rated:
        return None
    grade = profile.evidence_profile
    over = parameter(RL_RPE, "over_rpe", grade)
    under = parameter(RL_RPE, "under_rpe", grade)
    runs = round(parameter(RL_RPE, "over_sessions", grade))
    raise_max = parameter(RL_RPE, "max_raise", grade)
    last = rated[-1]
    e1rm = _e1rm(last)
    name = exercise_id.replace("-", " ")
    unit = profile.units
    recent = rated[-runs:]
    if len(recent) == runs and all((e.rpe_over or 0.0) >= over for e in recent) and e1rm:
        words = " and ".join(_rpe_words(e) for e in recent)
        return min(e1rm, next_max), (
            f"{name}: top sets {words} in the last {runs} sessions: the load is cut to what "
            f"the last top set shows (e1RM {_kg(e1rm, unit)})"
        )
    if (last.rpe_over or 0.0) >= over:
        held = _session_max(last, sessions)
        if held is not None:
            return min(held, next_max), (
                f"{name}: the last top set was {_rpe_words(last)}: the load is held where it "
                "was until a session is on target"
            )
    if (last.rpe_over or 0.0) <= -under and e1rm and not fatigued:
        done_at = _session_max(last, sessions) or next_max
        target = min(e1rm, done_at * (1 + raise_max))
        return max(target, next_max), (
            f"{name}: the last top set was {_rpe_words(last)}: the progression moves on "
            f"(at most {raise_max:.0%} a step, APRE)"
        )
    return None


def new_numbers(
    profile: AthleteProfile,
    monitoring: Monitoring,
    *,
    future: Sequence[PlannedSession],
    sessions: Mapping[SessionId, PlannedSession],
    outlines: Sequence[WeekOutline],
    library: ExerciseLibrary,
    fatigued: bool,
) -> tuple[AthleteProfile, tuple[NumbersChange, ...]]:
    """The profile with the maxima and the recent race the log asks for (RL-5, RL-6).

    Args:
        profile: the profile the plan version's prescriptions are written for.
        monitoring: what the log says today.
        future: the sessions the adaptation may change, in time order.
        sessions: every session of the plan by id (the lifts the efforts were done in).
        outlines: the plan's outline under ``profile``.
        library: the exercise library.
        fatigued: the athlete is flagged fatigued today: nothing is raised.

    Returns:
        The new profile (``profile`` itself when nothing moved) and what moved, and why.
    """
    numbers = baseline(profile)
    calendar = _calendar(profile, outlines)
    grade = profile.evidence_profile
    margin = parameter(RL_ABILITY, "max_margin", grade)
    maxes = dict(profile.lifting.maxes)
    changes: list[NumbersChange] = []
    for exercise_id in sorted(profile.lifting.maxes):
        upcoming = next((s for s in future if _item(s, exercise_id) is not None), None)
        if upcoming is None:
            continue
        next_max = _planned_max(
            exercise_id,
            upcoming.scheduled.local_date,
            numbers=numbers,
            calendar=calendar,
            outlines=outlines,
            library=library,
        )
        if next_max is None:
            continue
        target = _lift_target(
            exercise_id,
            monitoring.lift_efforts,
            next_max=next_max,
            sessions=sessions,
            profile=profile,
            fatigued=fatigued,
        )
        rule_ids: tuple[str, ...] = (RL_RPE, "LFT-5")
        if target is None and not fatigued:
            estimate = monitoring.one_rep_max_kg.get(ExerciseId(exercise_id))
            e1rm = None if estimate is None else estimate.one_rep_max_kg
            if e1rm is not None and e1rm > next_max * (1 + margin):
                name = exercise_id.replace("-", " ")
                target = (
                    e1rm,
                    (
                        f"{name}: the log's e1RM {_kg(e1rm, profile.units)} is above the "
                        f"{_kg(next_max, profile.units)} the plan counted on: every load from the "
                        "next session on is written from it"
                    ),
                )
                rule_ids = (RL_ABILITY, "LFT-5")
        if target is None:
            continue
        value, why = target
        ratio = value / next_max
        if abs(ratio - 1) <= MIN_CHANGE:
            continue
        one_rm = numbers.one_rep_max_kg[exercise_id]
        maxes[exercise_id] = LiftRecord(one_rep_max_kg=round(one_rm * ratio, 1))
        changes.append(NumbersChange(rule_ids=rule_ids, subject=exercise_id, text=why))
    running = profile.running
    vdot_change = _new_race(profile, monitoring, numbers=numbers, fatigued=fatigued)
    if vdot_change is not None:
        race, text = vdot_change
        running = dataclasses.replace(running, recent_race=race)
        changes.append(NumbersChange(rule_ids=(RL_ABILITY,), subject="vdot", text=text))
    if not changes:
        return profile, ()
    lifting = dataclasses.replace(profile.lifting, maxes=maxes)
    return dataclasses.replace(profile, lifting=lifting, running=running), tuple(changes)


def _new_race(
    profile: AthleteProfile, monitoring: Monitoring, *, numbers: Baseline, fatigued: bool
) -> tuple[RaceResult, str] | None:
    """RL-5 for running: the log's race or time trial when its VDOT beats the paces'."""
    estimate = monitoring.vdot
    if fatigued or estimate is None or estimate.best is None:
        return None
    margin = parameter(RL_ABILITY, "vdot_margin", profile.evidence_profile)
    current = numbers.vdot
    if current is not None and estimate.best.vdot < current + margin:
        return None
    result = estimate.best.result
    race = RaceResult(distance_m=result.distance_m, time_s=result.time_s, date=result.on_date)
    before = "no race result" if current is None else f"VDOT {current:.1f}"
    return race, (
        f"{result.distance_m / 1000:g} km in {format_duration(result.time_s)} on "
        f"{result.on_date.isoformat()} (VDOT {estimate.best.result_vdot:.1f}, up from "
        f"{before}): every pace from the next run on is written from it"
    )


# --- easier sessions: RL-9 and RL-10 ------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Treatment:
    """How a session is made easier, and the line that says so.

    Attributes:
        rule_id: the rule (RL-9 return ramp, RL-10 fatigue).
        run_share: the share of a run's distance kept; hard runs always become easy
            runs (long runs stay long, at an easy pace).
        only_loaded: only loaded sessions (hard or long runs, heavy or explosive lifts)
            are touched; easy runs and light lifts stay.
        set_share: the share of each exercise's sets kept (at least one).
        rpe_drop: RPE points off every set (the load follows the chart).
        line: the explanation line, starting with the rule ID.
    """

    rule_id: str
    run_share: float
    only_loaded: bool
    set_share: float
    rpe_drop: float
    line: str


def treated(
    written: WrittenSession,
    treatment: Treatment,
    *,
    paces: Paces,
    library: ExerciseLibrary,
    unit: MassUnit,
) -> WrittenSession:
    """``written`` made easier by ``treatment`` (the race is never touched)."""
    spec = written.spec
    if spec.is_run and spec.kind is RunKind.RACE:
        return written
    touches = not treatment.only_loaded or (
        (spec.is_hard_run or spec.kind is RunKind.LONG)
        if spec.is_run
        else spec.is_heavy_lower or spec.is_explosive
    )
    if not touches:
        return written
    prescription = written.prescription
    if isinstance(prescription, RunPrescription):
        return _easier_run(written, prescription, treatment, paces)
    return _lighter_lift(written, prescription, treatment, library, unit)


def _easier_run(
    written: WrittenSession,
    prescription: RunPrescription,
    treatment: Treatment,
    paces: Paces,
) -> WrittenSession:
    spec = written.spec
    hard = spec.is_hard_run and spec.kind is not RunKind.LONG
    if treatment.run_share >= 1 and not hard:
        return written
    km = max(MIN_RUN_KM, math.floor(prescription.distance_km * treatment.run_share * 10) / 10)
    kind = RunKind.LONG if spec.kind is RunKind.LONG else RunKind.EASY
    step = easy_step(StepKind.STEADY, km, paces, "Run")
    distance_km, seconds = totals((step,), paces)
    minutes = seconds / SECONDS_PER_MINUTE
    title = f"Long run {km:.1f} km" if kind is RunKind.LONG else f"Easy {km:.1f} km"
    basis = "by effort (no race result)" if paces.athlete is None else f"paces from {paces.source}"
    rpe = RPE[kind]
    new = RunPrescription(
        kind=kind,
        steps=(step,),
        distance_km=round(distance_km, 2),
        duration_min=round(minutes, 1),
        rpe=rpe,
        notes=f"{title}; {basis}; planned as {spec.title}",
    )
    return dataclasses.replace(
        written,
        spec=dataclasses.replace(
            spec,
            kind=kind,
            title=title,
            duration_min=slot_min(minutes),
            rpe=rpe,
            # An easy run no longer carries the goal: RL-7 does not make it up.
            key=spec.key and kind is RunKind.LONG,
        ),
        prescription=new,
    )


def _set_seconds(item: ExercisePrescription, library: ExerciseLibrary) -> float:
    exercise = library.get(item.exercise)
    per_rep = EXPLOSIVE_SECONDS_PER_REP if exercise.explosive else SECONDS_PER_REP
    return item.reps * per_rep * (2 if item.per_side else 1) + item.rest_s


def _lighter_item(
    item: ExercisePrescription,
    treatment: Treatment,
    library: ExerciseLibrary,
    unit: MassUnit,
) -> ExercisePrescription:
    sets = scaled_sets(item.sets, factor=treatment.set_share)
    effort = item.rpe
    if effort is None and item.percent_1rm is not None:
        effort = effort_rpe(reps=item.reps, percent_1rm=item.percent_1rm)
    if effort is None or treatment.rpe_drop <= 0:
        return dataclasses.replace(item, sets=sets)
    rpe = max(LOWEST_RPE, effort - treatment.rpe_drop)
    percent = item.percent_1rm
    load = item.load_kg
    notes = item.notes
    if percent is not None:
        new_percent = round(effort_percent(reps=item.reps, rpe=rpe), 1)
        if load is not None:
            exercise = library.get(item.exercise)
            new_load = strength.round_load_in_unit_kg(
                load_kg=load * new_percent / percent,
                unit=unit,
                increment_kg=exercise.load_increment_kg,
                parts=exercise.load_split,
            )
            if exercise.load_split > 1:
                notes = notes.replace(
                    f"{format_mass(load / exercise.load_split, unit.value)} in each hand",
                    f"{format_mass(new_load / exercise.load_split, unit.value)} in each hand",
                )
            load = new_load if new_load > 0 else None
        percent = new_percent
    return dataclasses.replace(
        item,
        sets=sets,
        rpe=rpe if item.rpe is not None else None,
        percent_1rm=percent,
        load_kg=load,
        notes=notes,
    )


def _lighter_lift(
    written: WrittenSession,
    prescription: LiftPrescription,
    treatment: Treatment,
    library: ExerciseLibrary,
    unit: MassUnit,
) -> WrittenSession:
    items = tuple(_lighter_item(i, treatment, library, unit) for i in prescription.exercises)
    saved_s = sum(
        (old.sets - new.sets) * _set_seconds(old, library)
        for old, new in zip(prescription.exercises, items, strict=True)
    )
    minutes = max(prescription.duration_min - saved_s / SECONDS_PER_MINUTE, 1.0)
    rpe = max(LOWEST_SESSION_RPE, prescription.rpe - treatment.rpe_drop)
    new = dataclasses.replace(
        prescription, exercises=items, duration_min=round(minutes, 1), rpe=rpe
    )
    return dataclasses.replace(
        written,
        spec=dataclasses.replace(written.spec, duration_min=grid_minutes(minutes), rpe=rpe),
        prescription=new,
    )


def run_paces(profile: AthleteProfile) -> Paces:
    """The paces the profile's runs are written at."""
    return paces_for(profile, baseline(profile))


def written_of(
    session: PlannedSession, written: Mapping[SessionId, WrittenSession]
) -> WrittenSession | None:
    """What the programme wrote for ``session`` (a make-up's original), if it still writes it."""
    found = written.get(written_id(session.scheduled.id))
    if found is None or found.spec.modality is not session.scheduled.spec.modality:
        return None
    return found


@dataclass(slots=True)
class Writer:
    """The programme's sessions for the future weeks: as the version wrote them, and now.

    Attributes:
        before: every session as written under the version's profile, by id.
        after: every session as written under the new profile, by id.
        profile: the new profile.
        library: the exercise library.
        kits: the lifts of a week written for a travel's equipment, by (week, travel start).
    """

    before: dict[SessionId, WrittenSession]
    after: dict[SessionId, WrittenSession]
    profile: AthleteProfile
    library: ExerciseLibrary
    kits: dict[tuple[int, date], dict[SessionId, WrittenSession]] = dataclasses.field(
        default_factory=dict
    )

    def for_travel(
        self, session: PlannedSession, event: TrainingEvent, *, week_index: int
    ) -> WrittenSession | None:
        """The lift written again for the travel's equipment (None when it cannot be)."""
        key = (week_index, event.first_day)
        if key not in self.kits:
            kit = frozenset(event.equipment or ())
            lifting = dataclasses.replace(self.profile.lifting, equipment=kit)
            travelling = dataclasses.replace(self.profile, lifting=lifting)
            try:
                self.kits[key] = written_sessions(
                    travelling, outline_plan(travelling), [week_index], self.library
                )
            except InvalidInput:
                self.kits[key] = {}
        return written_of(session, self.kits[key])


def writer(
    old: AthleteProfile,
    new: AthleteProfile,
    weeks: Iterable[int],
    *,
    library: ExerciseLibrary,
) -> Writer:
    """The sessions of ``weeks`` as written under the version's profile and under the new."""
    chosen = set(weeks)
    before = written_sessions(old, outline_plan(old), chosen, library)
    after = before if new == old else written_sessions(new, outline_plan(new), chosen, library)
    return Writer(before=before, after=after, profile=new, library=library)
