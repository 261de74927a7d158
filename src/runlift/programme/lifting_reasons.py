"""Why each lift looks the way it does: the explanation lines of a lifting session.

``runlift.programme.lifting_prescription`` writes the sessions; this module holds
the working record of an exercise while a week is written (:class:`Work`, then
:class:`Written` once dosed and loaded) and turns a finished session into lines an
athlete can read. Every line that starts with a rule ID names its source at the
end, in brackets; the other lines say in plain words where loads and dates come
from.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

from runlift.domain.athlete import AthleteProfile
from runlift.domain.exercises import Exercise
from runlift.domain.prescription import ExercisePrescription
from runlift.programme.lifting_doses import (
    DELOAD_RPE_DROP,
    GAIN_CAP,
    HYPERTROPHY_VOLUME,
    LAST_HEAVY_DAYS_BEFORE_RACE,
    LIGHT_RPE,
    PEAK_LAST_HEAVY_DAYS,
    PEAK_TAPER_MAX_DAYS,
    PRIMER_DAYS_BEFORE,
    SCH7_MIN_DAYS,
    TAPER_RPE_DROP,
    WEEKLY_GAIN,
    SetRange,
    Step,
)
from runlift.programme.lifting_progression import LiftCalendar, WeekMode
from runlift.programme.lifting_templates import (
    ACSM_2009,
    BICKEL_2011,
    BLAGROVE_2018,
    BOSQUET_2007,
    CLARKSON_2002,
    DOUGLAS_2017,
    HELMS_2016,
    NSCA_2016,
    PRITCHARD_2015,
    RONNESTAD_2014,
    SCHOENFELD_2016,
    SlotRole,
)
from runlift.programme.periodisation import LiftEmphasis, WeekOutline
from runlift.units import format_mass
from runlift.vocabulary import MAJOR_MUSCLE_GROUPS, Experience, MuscleGroup

_RACE_NAMES: Final = {"marathon": "marathon", "half": "half marathon", "10k": "10 km", "5k": "5 km"}


class LiftVariant(StrEnum):
    """Which kind of session a lift is, as its week and date make it."""

    BUILD = "build"
    PEAK = "peak"
    DELOAD = "deload"
    TAPER = "taper"
    LIGHT = "light"
    PRIMER = "primer"
    TEST = "test"


@dataclass(slots=True, kw_only=True)
class Work:
    """One exercise of one session while the week is being written.

    Attributes:
        session: the session's position in the week's layout.
        exercise: the exercise (after substitution).
        role: its role in the session template.
        sets: work sets.
        rest_s: rest between sets, seconds.
        step: reps and effort this week.
        rule: the rule its dose serves.
        adjustable: whether the weekly balance may change its sets.
        replaced: the name of the template's exercise it stands in for, if any.
        notes: extra notes for the athlete (test-day attempts, say).
        harder: it stands in for an exercise the equipment allows, which without added
            load would not reach the effort (a decline push-up for a push-up).
    """

    session: int
    exercise: Exercise
    role: SlotRole
    sets: int
    rest_s: int
    step: Step
    rule: str
    adjustable: bool = True
    replaced: str | None = None
    notes: tuple[str, ...] = ()
    harder: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Written:
    """An exercise once dosed and loaded.

    Attributes:
        work: what was planned.
        item: the prescription the athlete reads.
        one_rep_max_kg: the profile's maximum for the exercise (or derived), if known.
        planned_max_kg: this week's planned maximum, if known.
        rpe_only: a loaded exercise without a known maximum, prescribed by RPE.
    """

    work: Work
    item: ExercisePrescription
    one_rep_max_kg: float | None
    planned_max_kg: float | None
    rpe_only: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Facts:
    """What the explanation of one session needs to know besides its exercises."""

    week: WeekOutline
    mode: WeekMode
    variant: LiftVariant
    calendar: LiftCalendar
    profile: AthleteProfile
    ranges: Mapping[MuscleGroup, SetRange]
    volume_factor: float
    days: Mapping[MuscleGroup, int]
    missing: Sequence[str]
    weeks_to_test: int | None = None
    latest_date: date | None = None
    earliest_date: date | None = None
    fixed_date: date | None = None
    limit: date | None = None


def number(value: float) -> str:
    """``75.0 -> '75'``, ``77.5 -> '77.5'``."""
    return f"{value:g}"


def day_text(day: date) -> str:
    """``Thu 8 Apr 2027``."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def _race_name(calendar: LiftCalendar) -> str:
    return _RACE_NAMES.get(calendar.race_class or "", "race")


# --- where the loads come from ---------------------------------------------------------


def _source_of_max(written: Written, profile: AthleteProfile) -> str:
    exercise = written.work.exercise
    record = profile.lifting.maxes.get(exercise.id)
    if record is None:
        base = exercise.one_rep_max_from
        ratio = exercise.one_rep_max_ratio
        if base is not None and ratio is not None:
            name = base.replace("-", " ")
            return f"{number(round(100 * ratio))} % of your {name} max (the library's ratio)"
        return "your profile"
    unit = profile.units
    if record.one_rep_max_kg is not None:
        return f"the 1RM of {format_mass(record.one_rep_max_kg, unit)} in your profile"
    effort = f" at RPE {number(record.rpe)}" if record.rpe is not None else ""
    return (
        f"estimated from your profile's set of {record.reps} x "
        f"{format_mass(record.weight_kg or 0, unit)}{effort}"
    )


def _growth(calendar: LiftCalendar, week: WeekOutline) -> str:
    experience = calendar.experience
    loading = calendar.loading_weeks.get(week.index, 0)
    gain = number(100 * WEEKLY_GAIN[experience])
    if loading == 0:
        return ""
    per = "block by block" if experience is Experience.ADVANCED else "week by week"
    cap = number(100 * GAIN_CAP[experience])
    return (
        f", raised {gain} % for each of {loading} loading week{'s' * (loading != 1)} "
        f"({per} for an {experience.value} lifter; at most {cap} % over a plan)"
    )


def load_lines(written: Sequence[Written], facts: Facts) -> list[str]:
    """One plain line per main lift with a load: the load, the percent, the maximum behind it.

    Masses are written in the athlete's unit (``units: lb`` gives pounds).
    """
    lines: list[str] = []
    unit = facts.profile.units
    for entry in written:
        work, item = entry.work, entry.item
        if work.role is not SlotRole.MAIN or item.load_kg is None or entry.planned_max_kg is None:
            continue
        if facts.variant is LiftVariant.TEST:
            continue
        lines.append(
            f"Load: {work.exercise.name.lower()} {format_mass(item.load_kg, unit)} is "
            f"{number(item.percent_1rm or 0)} % of your planned max of "
            f"{format_mass(round(entry.planned_max_kg, 1), unit)} this week: "
            f"{_source_of_max(entry, facts.profile)}"
            f"{_growth(facts.calendar, facts.week)} ({ACSM_2009})."
        )
    return lines


# --- the dose -------------------------------------------------------------------------


def _first_compound(written: Sequence[Written], *, loaded: bool) -> Written | None:
    for entry in written:
        work = entry.work
        if work.role not in {SlotRole.MAIN, SlotRole.ASSIST}:
            continue
        if (work.exercise.load_increment_kg > 0) == loaded:
            return entry
    return None


def dose_line(written: Sequence[Written], facts: Facts) -> tuple[str, str] | None:
    """The rule and line that explain the compounds' dose, or None without loaded compounds."""
    entry = _first_compound(written, loaded=True)
    if entry is None:
        return None
    step = entry.work.step
    name = entry.work.exercise.name.lower()
    rest_min = number(entry.work.rest_s / 60)
    emphasis = facts.week.lift_emphasis
    if facts.variant is LiftVariant.PEAK and entry.work.role is SlotRole.MAIN:
        k = facts.weeks_to_test or 1
        return "PER-2", (
            f"PER-2: {name} {step.reps} x {number(step.percent_1rm or 0)} % of your planned max, "
            f"{k} week{'s' * (k != 1)} before the test: the main lifts climb from heavy triples "
            f"to doubles to singles at 92.5 % while the sets come down, so the test finds you "
            f"strong and fresh ({ACSM_2009}; {PRITCHARD_2015})."
        )
    if emphasis is LiftEmphasis.HYPERTROPHY:
        return "LFT-2", (
            f"LFT-2: {name} {step.reps} reps at RPE {number(step.effort or 0)}: hypertrophy "
            f"sets stay at 6-12 reps, one to two reps short of failure (RPE 8-9), with "
            f"{rest_min} min rests (G1; {SCHOENFELD_2016})."
        )
    target = (
        f"{number(step.percent_1rm)} % of your planned max"
        if step.percent_1rm is not None
        else f"RPE {number(step.effort or 0)}"
    )
    if facts.calendar.experience is Experience.NOVICE and facts.variant is LiftVariant.BUILD:
        return "LFT-3", (
            f"LFT-3: {name} {step.reps} reps at {target}, {rest_min} min rests: as a novice you "
            "lift loads you could move 8-12 times, not heavy triples; 8 reps at 70 % sits where "
            "that range meets strength work's 70-85 %, 3-8 reps (G2; "
            f"{ACSM_2009})."
        )
    return "LFT-3", (
        f"LFT-3: {name} {step.reps} reps at {target}, {rest_min} min rests; strength and "
        "maintenance work stays at 70-85 % 1RM, 3-8 reps, 2-5 min rests (G2)."
    )


def unloaded_line(written: Sequence[Written]) -> str | None:
    """A plain line on bodyweight and band compounds: how they reach their effort."""
    entry = _first_compound(written, loaded=False)
    if entry is None:
        return None
    step = entry.work.step
    if step.rpe is None:
        return None
    lowering = f" with a {step.lowering_s}-s lowering" if step.lowering_s else ""
    side = " per side" if entry.work.exercise.unilateral else ""
    return (
        f"Without added load: {entry.work.exercise.name.lower()} {step.reps} reps{side} at RPE "
        f"{number(step.rpe)}{lowering}. The effort comes from the variation, the reps and the "
        "tempo: pick the variation that leaves about two reps in reserve, and when 12 slow "
        f"reps feel easy move to the next harder one ({ACSM_2009}; {HELMS_2016})."
    )


# --- progression, volume and frequency ------------------------------------------------------


def _scheme(emphasis: LiftEmphasis, experience: Experience) -> str:
    if emphasis is LiftEmphasis.HYPERTROPHY:
        ramp = HYPERTROPHY_VOLUME[experience]
        return (
            f"effort rises from RPE 8 to 9 and the weekly sets per muscle from {ramp.start} "
            f"towards {ramp.top}"
        )
    if emphasis is LiftEmphasis.RUNNER_SPECIFIC:
        return (
            "runner-specific work goes from 8 to 12 reps, from a 3-s to a 4-s lowering and "
            "from RPE 6 to 6.5 (a heavier dumbbell or a stiffer band for the same reps), hops "
            "one or two contacts more a week, push and pull from 8 to 12 reps at RPE 7 to 8"
        )
    if experience is Experience.NOVICE:
        return "the same 8 reps each week with about 2.5 % more weight (linear progression)"
    if experience is Experience.ADVANCED and emphasis is not LiftEmphasis.RUNNER:
        return "loads wave within the block (5, 4 and 3 reps rising, then a higher wave)"
    if emphasis is LiftEmphasis.RUNNER:
        return (
            "heavy lifts from 6 reps at 75 % to 4 at 85 %, jumps and runner work one or two "
            "reps more a week"
        )
    return "loads climb each week as the reps come down, from 5 reps at 75 % to 3 at 85 %"


def progression_line(facts: Facts) -> str:
    """The LFT-5 line: how this week's loads follow from the last and lead to the next."""
    week = facts.week
    where = f"week {week.week_in_block + 1} of block {week.block + 1}"
    experience = facts.calendar.experience
    gain = number(100 * WEEKLY_GAIN[experience])
    if facts.variant is LiftVariant.DELOAD:
        body = (
            f"{where}, deload: progression pauses for a week; the next block starts from the "
            "planned maxima this block reached, not from the beginning"
        )
    elif facts.variant in {LiftVariant.TAPER, LiftVariant.LIGHT}:
        body = f"{where}: no new progression this close to the goal; loads hold or come down"
    elif facts.variant in {LiftVariant.TEST, LiftVariant.PRIMER}:
        return (
            "LFT-5: test week: the test measures what the plan built; your best good attempt "
            f"is the maximum to plan the next block from ({ACSM_2009})."
        )
    elif facts.variant is LiftVariant.PEAK:
        k = facts.weeks_to_test or 1
        body = (
            f"{where}, {k} week{'s' * (k != 1)} before the test: the main lifts climb to "
            "heavier, shorter sets on the planned max the plan has built, while the other "
            "exercises lose sets"
        )
    else:
        scheme = _scheme(week.lift_emphasis, experience)
        carry = (
            f"; your planned max rises about {gain} % per loading week, added at the start of "
            "each new block"
            if experience is Experience.ADVANCED
            else f"; your planned max rises about {gain} % a loading week, so a new block starts "
            "from where the last one ended"
        )
        body = f"{where}: {scheme}{carry}"
    return f"LFT-5: {body}. If the last set is harder than its RPE, repeat the load ({ACSM_2009})."


def volume_line(written: Sequence[Written], facts: Facts) -> str:
    """The LFT-4 line: hard sets of the session and of the week per muscle group."""
    groups = sorted(facts.ranges)
    parts = ", ".join(f"{g.value} {facts.ranges[g].low}-{facts.ranges[g].high}" for g in groups)
    sources = "; ".join(dict.fromkeys(r.source for r in facts.ranges.values()))
    reason = ""
    if facts.variant in {LiftVariant.DELOAD, LiftVariant.TAPER, LiftVariant.LIGHT}:
        reason = "; about half of that this week"
    elif facts.volume_factor < 1 and facts.variant is LiftVariant.BUILD:
        reason = f", x{facts.volume_factor:.2f} for this week's running load"
    session_sets = sum(entry.item.sets for entry in written if "warm-up" not in entry.work.notes)
    what = "attempts" if facts.variant is LiftVariant.TEST else "hard sets"
    return (
        f"LFT-4: {session_sets} {what} in this session; the week aims at these hard sets "
        f"per muscle group: {parts}{reason} ({sources})."
    )


def frequency_line(days: Mapping[MuscleGroup, int], lifts: int) -> str:
    """The SCH-7 line: on how many of the week's lifts each major group is trained."""
    counted = ", ".join(f"{g.value} {days[g]}" for g in sorted(MAJOR_MUSCLE_GROUPS))
    if lifts == 1:
        return (
            f"SCH-7: one lift this week (lifts per group: {counted}); two to three days per "
            "group need at least two lifts (G1, G2, G5)."
        )
    short = [g.value for g in sorted(MAJOR_MUSCLE_GROUPS) if days[g] < SCH7_MIN_DAYS]
    if short:
        return (
            f"SCH-7: lifts this week per group: {counted}; the listed equipment allows no "
            f"exercise for {', '.join(short)} on {SCH7_MIN_DAYS} days: add equipment "
            "(bands are enough) (G1, G2, G5)."
        )
    return (
        f"SCH-7: lifts this week per group: {counted}; each of legs, back and chest is "
        "trained on 2-3 days (G1, G2, G5)."
    )


def runner_line(written: Sequence[Written], *, runner_specific: bool) -> str:
    """The LFT-6 line: which runner-specific exercises, and how they are dosed."""
    names = [e.work.exercise.name.lower() for e in written if e.work.exercise.runner_specific]
    listed = ", ".join(names)
    sources = f"G5; {BLAGROVE_2018}; {DOUGLAS_2017}"
    steps = [e.work.step for e in written if e.work.role is SlotRole.RUNNER]
    if not runner_specific or not steps:
        slow = any(
            e.work.step.lowering_s is not None for e in written if e.work.exercise.runner_specific
        )
        tempo = " with slow lowering" if slow else ""
        return (
            f"LFT-6: runner-specific work ({listed}){tempo} for tendons and running mechanics "
            f"({sources})."
        )
    step = steps[0]
    lowering = (
        f"lowering over {step.lowering_s} s" if step.lowering_s is not None else "normal tempo"
    )
    return (
        f"LFT-6: runner-specific work ({listed}); {step.reps} reps at RPE "
        f"{number(step.rpe or 0)}, {lowering}, for tendons and running "
        "mechanics; no squat, hinge or lunge reaches RPE 7 or 70 % 1RM, so the session is not "
        f"heavy lower ({sources})."
    )


# --- the week's place in the plan ------------------------------------------------------------


def phase_line(facts: Facts) -> tuple[str, str] | None:
    """The PER-2 or PER-3 line of a deload, taper, light, primer or test session."""
    calendar = facts.calendar
    variant = facts.variant
    if variant is LiftVariant.DELOAD:
        return "PER-3", (
            "PER-3: deload: the same exercises and reps as last week with about half the sets, "
            f"{number(DELOAD_RPE_DROP)} RPE points easier (about 6 % less weight), so fatigue "
            f"clears while strength holds (G4; {BOSQUET_2007}; {HELMS_2016})."
        )
    race = _race_name(calendar)
    if variant is LiftVariant.LIGHT and calendar.race_day is not None and facts.limit is not None:
        free = facts.limit + timedelta(days=1)
        return "PER-2", (
            f"PER-2: light session: the {race} is on {day_text(calendar.race_day)}, and from "
            f"{day_text(free)} there is no heavy leg or jumping work: every set at RPE "
            f"{number(LIGHT_RPE)} or easier, no slow lowering, nothing that leaves the legs "
            f"sore on race day; race week itself has no lifting ({CLARKSON_2002}; "
            f"{BOSQUET_2007})."
        )
    if variant is LiftVariant.LIGHT and facts.limit is not None:
        return "PER-2", (
            f"PER-2: light session: heavy singles end on {day_text(facts.limit)}, "
            f"{PEAK_LAST_HEAVY_DAYS} days before the test, and this session may fall later: "
            f"every set at RPE {number(LIGHT_RPE)} or easier ({PRITCHARD_2015})."
        )
    if variant is LiftVariant.PRIMER:
        if facts.latest_date is not None:
            when = (
                f"by {day_text(facts.latest_date)}, at least {PRIMER_DAYS_BEFORE} days before the "
                "test"
            )
        else:
            start = facts.earliest_date or facts.week.start
            when = (
                f"from {day_text(start)}: the test comes early in the week, so this light "
                "session follows it and gives each muscle group its second day (SCH-7)"
            )
        return "PER-2", (
            f"PER-2: test week: a short, light session {when}; a few easy sets of the main "
            "lifts rehearse the movement without tiring, as volume is cut in the last 5-7 days "
            f"before a maximal test ({PRITCHARD_2015})."
        )
    if variant is LiftVariant.TEST and facts.fixed_date is not None:
        return "PER-2", (
            f"PER-2: test day {day_text(facts.fixed_date)}: the plan ends by testing the main "
            f"lifts, fresh after a week of little volume (G3; {PRITCHARD_2015}; {NSCA_2016})."
        )
    if variant is LiftVariant.TAPER:
        return "PER-2", (
            f"PER-2: taper: half of last week's sets, {number(TAPER_RPE_DROP)} RPE point easier: "
            f"strength is kept while fatigue clears before the {race} ({BOSQUET_2007})."
        )
    return None


def last_heavy_line(facts: Facts) -> str | None:
    """The PER-2 line of a heavy session that must be done before the race's cut-off day."""
    calendar = facts.calendar
    if facts.latest_date is None or facts.variant is LiftVariant.PRIMER:
        return None
    if calendar.race_day is not None:
        days = LAST_HEAVY_DAYS_BEFORE_RACE.get(calendar.race_class or "", 0)
        return (
            f"PER-2: the last heavy leg or jumping session before the {_race_name(calendar)} on "
            f"{day_text(calendar.race_day)}: do it by {day_text(facts.latest_date)}, {days} days "
            "before the race; hard eccentric and jumping work leaves the legs weaker for about "
            f"a week ({CLARKSON_2002}; {BOSQUET_2007})."
        )
    if facts.earliest_date is not None:
        return (
            f"PER-2: the last heavy singles: do this session from "
            f"{day_text(facts.earliest_date)} to {day_text(facts.latest_date)}, "
            f"{PEAK_LAST_HEAVY_DAYS}-{PEAK_TAPER_MAX_DAYS} days before the test: the days "
            f"after it are light, and strength peaks about a week after the last heavy "
            f"session ({PRITCHARD_2015})."
        )
    return (
        f"PER-2: heavy singles: do this session by {day_text(facts.latest_date)}, "
        f"{PEAK_LAST_HEAVY_DAYS} days or more before the test, so the last days before it are "
        f"light ({PRITCHARD_2015})."
    )


def explosive_line(names: Sequence[str]) -> str:
    """The SCH-9 line."""
    return (
        f"SCH-9: explosive work ({', '.join(names)}) comes first, done fresh; never after a run "
        "on the same day (G4, G5)."
    )


def runner_economy_line(*, runner_specific: bool) -> str:
    """The LFT-7 line."""
    if runner_specific:
        return (
            "LFT-7: single-leg hops are the explosive work kept for running economy; there "
            f"is no heavy lifting in this style (G5; {RONNESTAD_2014}; {BLAGROVE_2018})."
        )
    return (
        "LFT-7: heavy and explosive strength work kept for running economy and speed "
        f"(G5; {RONNESTAD_2014}; {BLAGROVE_2018})."
    )


def push_pull_line(upper: Sequence[Written]) -> str:
    """The SCH-7 line of the push and pull of a runner-specific session."""
    names = " and ".join(e.work.exercise.name.lower() for e in upper)
    step = upper[0].work.step
    return (
        f"SCH-7: {names} at {step.reps} reps, RPE {number(step.rpe or 0)}: one push and one "
        "pull keep chest and back on the legs' 2-3 days at a maintenance dose (G1, G2, G5; "
        f"{BICKEL_2011})."
    )


def equipment_lines(written: Sequence[Written], facts: Facts) -> list[str]:
    """Substitutions, exercises left out, and loads chosen by RPE."""
    lines = [
        f"{e.work.exercise.name} replaces {e.work.replaced.lower()}: "
        + (
            f"without added load a {e.work.replaced.lower()} would take far more than 12 "
            f"reps to reach the effort, its harder variation does not ({ACSM_2009})."
            if e.work.harder
            else "the listed equipment does not allow it (exercise library substitutes)."
        )
        for e in written
        if e.work.replaced is not None
    ]
    lines.extend(
        f"{name}: left out; nothing the listed equipment allows can stand in for it at this "
        "effort (exercise library substitutes)."
        for name in facts.missing
    )
    rpe_only = [e.work.exercise.name.lower() for e in written if e.rpe_only]
    if rpe_only and facts.week.lift_emphasis is LiftEmphasis.RUNNER_SPECIFIC:
        lines.append(
            f"Loads by RPE for {', '.join(rpe_only)}: choose the dumbbell or band that "
            f"meets the week's RPE ({HELMS_2016})."
        )
    elif rpe_only:
        lines.append(
            f"No 1RM known for {', '.join(rpe_only)}: loads are chosen by RPE "
            f"({HELMS_2016}); add a recent set to the profile for prescribed loads."
        )
    return lines
