"""The lifting sessions of one week: exercises, sets, reps, loads, rests, order and kind.

:func:`plan_lifts` turns a :class:`~runlift.planner.periodisation.WeekOutline`
into :class:`PlannedLift` objects, one per lift of the week. Everything it
decides comes from the data tables of this module, each row naming the rule it
serves:

* :data:`LAYOUTS`: which exercises each session holds, by template family and
  number of lifts, so that legs, back and chest are each trained on 2-3
  distinct days (SCH-7) and every session is built on compound lifts (LFT-1).
* :data:`DOSES`: sets, reps, intensity and rest of each exercise role under
  each lift emphasis (LFT-2 hypertrophy, LFT-3 strength and maintenance,
  LFT-6 runner-specific work, SCH-9 explosive work), with one progression step
  per week of the block (LFT-5).
* :data:`WEEKLY_SET_RANGES`: hard sets per major muscle group per week at full
  volume, with their sources; the week's sets are balanced into these ranges,
  then scaled by the week's volume factor (LFT-4; about half on deloads, PER-3).

The ``runner_specific`` emphasis (``lifting.style: runner_specific``) has its own
template family: single-leg hops first (in every session but one, which can then
follow a run on the same day), then the LFT-6 set (calf raises, split and
eccentric squats, hip flexion, ankle work) at RPE 6-6.5 with a slow lowering
phase, then one push and one pull at RPE 7-8 so chest and back keep 2-3 days
(SCH-7). No squat, hinge or lunge reaches RPE 7 or 70 % of 1RM, so none of these
sessions is *heavy lower*.

Loads come from the athlete's one-repetition maxima (``Baseline.one_rep_max_kg``,
directly or through the library's ``one_rep_max_from`` ratio) and are rounded
to the exercise's load increment; without a known maximum the exercise is
prescribed by RPE alone and says so. ``docs/lifting.md`` explains the
templates, the progression and the volumes in prose.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final, Protocol

from runlift.domain.athlete import AthleteProfile
from runlift.domain.exercises import HEAVY_LOWER_PATTERNS, Equipment, Exercise, equipment_set
from runlift.domain.prescription import ExercisePrescription, LiftPrescription
from runlift.domain.sessions import SessionId, SessionSpec
from runlift.errors import InvalidInput
from runlift.planner.baseline import Baseline
from runlift.planner.periodisation import LiftEmphasis, WeekOutline
from runlift.rules.catalogue.scheduling import SCH_7
from runlift.science import strength
from runlift.vocabulary import (
    MAJOR_MUSCLE_GROUPS,
    EvidenceProfile,
    GoalKind,
    LiftKind,
    Modality,
    MuscleGroup,
    Phase,
    Priority,
)

# Sources named in explanations and in docs/lifting.md.
ACSM_2009 = "ACSM 2009 Med Sci Sports Exerc 41(3):687-708"
BAZ_VALLE_2022 = "Baz-Valle et al. 2022 J Hum Kinet 81:199-210"
BICKEL_2011 = "Bickel, Cross & Bamman 2011 Med Sci Sports Exerc 43(7):1177-1187"
BLAGROVE_2018 = "Blagrove et al. 2018 Sports Med 48(5):1117-1149"
BOSQUET_2007 = "Bosquet et al. 2007 Med Sci Sports Exerc 39(8):1358-1365"
DAY_2004 = "Day et al. 2004 J Strength Cond Res 18(2):353-358"
DOUGLAS_2017 = "Douglas et al. 2017 Sports Med 47(5):917-941"
HELMS_2016 = "Helms et al. 2016 Strength Cond J 38(4):42-49"
RALSTON_2017 = "Ralston et al. 2017 Sports Med 47(12):2585-2601"
RONNESTAD_2014 = "Rønnestad & Mujika 2014 Scand J Med Sci Sports 24(4):603-612"
SCHOENFELD_2016 = "Schoenfeld et al. 2016 J Strength Cond Res 30(7):1805-1812"
SCHOENFELD_2017 = "Schoenfeld, Ogborn & Krieger 2017 J Sports Sci 35(11):1073-1082"
VIKMOEN_2017 = "Vikmoen et al. 2017 Physiol Rep 5(5):e13149"

MAX_LIFTS_PER_WEEK: Final = 4
"""Most lifts a week has a layout for (SCH-7: up to 4 when lifting comes first)."""

MIN_SETS_PER_EXERCISE: Final = 1
MAX_SETS_PER_EXERCISE: Final = 5
"""Bounds on the work sets of one exercise in one session; beyond five, sets of the
same movement add fatigue faster than stimulus (LFT-4, 'junk volume')."""

SCH7_MIN_DAYS: Final = round(SCH_7.param("min_per_week", EvidenceProfile.DEFAULT))
SCH7_MAX_DAYS: Final = round(SCH_7.param("max_per_week", EvidenceProfile.DEFAULT))
"""Days a week each of legs, back and chest is trained (SCH-7), from the rule catalogue."""

MAX_VOLUME_FACTOR: Final = 1.5
"""Largest ``lift_volume_factor`` accepted; the planner uses 1.0 and below."""

DELOAD_VOLUME_FACTOR: Final = 0.5
"""Sets on a deload (and in race week) are at most half of a normal week (PER-3; Bosquet 2007)."""

HEAVY_PERCENT_1RM: Final = 70.0
HEAVY_RPE: Final = 7.0
"""A squat, hinge or lunge at or above either threshold makes a lift *heavy lower*
(GUIDELINES.md, 'Words'; SCH-4)."""

GRID_MIN: Final = 15
"""Session durations are rounded up to the placement grid."""

WARMUP_MIN: Final = 10.0
"""General warm-up before every lift, minutes."""

RAMP_MIN_PER_MAIN: Final = 5.0
"""Ramp-up sets before each main lift, minutes (lighter sets working up to the first work set)."""

TEST_RAMP_MIN: Final = 10.0
"""Ramp-up before a test single: several singles and doubles working up to RPE 9, minutes."""

SECONDS_PER_REP: Final = 3.0
ECCENTRIC_SECONDS_PER_REP: Final = 5.0
EXPLOSIVE_SECONDS_PER_REP: Final = 2.0
"""Time under load per rep: ordinary, slow-lowering (3-4 s down, G5) and explosive reps."""

_RPE_CHART_STEPS: Final = tuple(6.0 + 0.5 * i for i in range(9))


class ExerciseLibrary(Protocol):
    """What the planner needs from an exercise library (``runlift.reference`` provides one)."""

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id; raises ``InvalidInput`` for an unknown id."""
        ...

    def substitution_chain(self, exercise_id: str) -> tuple[Exercise, ...]:
        """The exercise, then its substitutes breadth-first, best first, each once."""
        ...

    def available(self, equipment: Iterable[str]) -> tuple[Exercise, ...]:
        """The exercises that ``equipment`` allows, in library order."""
        ...


class SlotRole(StrEnum):
    """What an exercise does in its session: decides its dose and its place in the order."""

    EXPLOSIVE = "explosive"
    MAIN = "main"
    ASSIST = "assist"
    RUNNER = "runner"
    ACCESSORY = "accessory"


ROLE_ORDER: Final = (
    SlotRole.EXPLOSIVE,
    SlotRole.MAIN,
    SlotRole.ASSIST,
    SlotRole.RUNNER,
    SlotRole.ACCESSORY,
)
"""Order of exercises in a session: explosive work first, done fresh (SCH-9), then the
heavy compounds (LFT-1), then the rest."""


class TemplateFamily(StrEnum):
    """Which set of session layouts an emphasis uses."""

    BUILD = "build"
    MAINTAIN = "maintain"
    RUNNER = "runner"
    RUNNER_SPECIFIC = "runner_specific"


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """One week's target for an exercise: reps with a %1RM or an RPE, or reps alone (jumps).

    ``lowering_s`` is the tempo of the lowering phase in seconds when the step sets
    one (runner-specific work progresses by it); None leaves the exercise's default.
    """

    reps: int
    percent_1rm: float | None = None
    rpe: float | None = None
    lowering_s: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Dose:
    """How an exercise of one role is dosed under one emphasis: one row of :data:`DOSES`.

    Attributes:
        sets: work sets per session at full volume, before the weekly balance.
        steps: the target for week 0, 1, ... of the block (LFT-5); the last repeats.
        rest_s: rest between sets, seconds.
        rule: the rule this row implements.
        adjustable: whether the weekly balance may change ``sets``.
    """

    sets: int
    steps: tuple[Step, ...]
    rest_s: int
    rule: str
    adjustable: bool = True

    def step(self, week_in_block: int) -> Step:
        """The target for a week of the block; weeks past the table repeat its last step."""
        return self.steps[min(week_in_block, len(self.steps) - 1)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Slot:
    """One exercise of a session template: the preferred exercise and its role."""

    exercise: str
    role: SlotRole


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionTemplate:
    """A session layout: a name, its exercises in any order, and the rule it serves."""

    name: str
    slots: tuple[Slot, ...]
    rule: str


def _pct(reps: int, percent_1rm: float) -> Step:
    return Step(reps=reps, percent_1rm=percent_1rm)


def _rpe(reps: int, rpe: float) -> Step:
    return Step(reps=reps, rpe=rpe)


# LFT-3 (strength and maintenance): 70-85 % 1RM, 3-8 reps. Each week of the block
# adds 2.5 points of 1RM (about 3 % more load) while the reps step down, within the
# 2-10 % load increases of ACSM 2009.
_STRENGTH_MAIN = (_pct(5, 75.0), _pct(5, 77.5), _pct(4, 80.0), _pct(4, 82.5), _pct(3, 85.0))
_STRENGTH_ASSIST = (_pct(8, 70.0), _pct(8, 72.5), _pct(7, 75.0), _pct(6, 77.5), _pct(6, 80.0))
# Runners' heavy lower-body lifts: same LFT-3 window, one more rep per set, in line
# with the 4-10 repetition-maximum work of Rønnestad & Mujika 2014 and Vikmoen 2017.
_RUNNER_MAIN = (_pct(6, 75.0), _pct(6, 77.5), _pct(5, 80.0), _pct(5, 82.5), _pct(4, 85.0))
# LFT-2 (hypertrophy): 6-12 reps at RPE 8-9. Effort rises from RPE 8 to 9, then the
# reps step down so that the load keeps rising at RPE 9.
_HYPERTROPHY_COMPOUND = (_rpe(10, 8.0), _rpe(10, 8.5), _rpe(10, 9.0), _rpe(8, 9.0), _rpe(6, 9.0))
_HYPERTROPHY_ACCESSORY = (_rpe(12, 8.0), _rpe(12, 8.5), _rpe(12, 9.0), _rpe(10, 9.0), _rpe(8, 9.0))
# Plyometrics: contacts per set (per leg for single-leg hops), one or two more each week.
_PLYOMETRIC = (Step(reps=5), Step(reps=6), Step(reps=6), Step(reps=8), Step(reps=8))
# LFT-6: runner-specific work at a moderate effort (RPE 6.5, three to four reps in
# reserve) with slow lowering; one more rep each week.
_RUNNER_SPECIFIC = (_rpe(8, 6.5), _rpe(9, 6.5), _rpe(10, 6.5), _rpe(11, 6.5), _rpe(12, 6.5))
# LFT-6 with lifting.style runner_specific: progression by reps, then tempo (a
# 4-s instead of a 3-s lowering), then effort (RPE 6 to 6.5, that is a heavier
# dumbbell or a stiffer band for the same reps), LFT-5. RPE stays below 7 and every
# step below 70 % 1RM on the RPE chart, so a squat or lunge here is never heavy lower.
_RUNNER_SPECIFIC_TEMPO = (
    Step(reps=8, rpe=6.0, lowering_s=3),
    Step(reps=10, rpe=6.0, lowering_s=3),
    Step(reps=10, rpe=6.0, lowering_s=4),
    Step(reps=10, rpe=6.5, lowering_s=4),
    Step(reps=12, rpe=6.5, lowering_s=4),
)
# The push and the pull of a runner-specific session: a moderate upper-body dose at
# RPE 7-8 (two to three reps in reserve), more reps and then more effort each week.
_PUSH_PULL = (_rpe(8, 7.0), _rpe(10, 7.0), _rpe(10, 7.5), _rpe(12, 7.5), _rpe(12, 8.0))
# Test week: work up to a heavy single at RPE 9 (the RPE scale of Helms 2016).
_TEST_SINGLE = (_rpe(1, 9.0),)
_TEST_ASSIST = (_pct(5, 75.0),)

_R = SlotRole
_E = LiftEmphasis

DOSES: Final[Mapping[LiftEmphasis, Mapping[SlotRole, Dose]]] = MappingProxyType(
    {
        _E.STRENGTH: MappingProxyType(
            {
                _R.EXPLOSIVE: Dose(sets=3, steps=_PLYOMETRIC, rest_s=120, rule="SCH-9"),
                _R.MAIN: Dose(sets=4, steps=_STRENGTH_MAIN, rest_s=180, rule="LFT-3"),
                _R.ASSIST: Dose(sets=3, steps=_STRENGTH_ASSIST, rest_s=150, rule="LFT-3"),
                _R.RUNNER: Dose(sets=2, steps=_RUNNER_SPECIFIC, rest_s=60, rule="LFT-6"),
                _R.ACCESSORY: Dose(sets=2, steps=_STRENGTH_ASSIST, rest_s=120, rule="LFT-3"),
            }
        ),
        _E.HYPERTROPHY: MappingProxyType(
            {
                _R.EXPLOSIVE: Dose(sets=2, steps=_PLYOMETRIC, rest_s=120, rule="SCH-9"),
                _R.MAIN: Dose(sets=3, steps=_HYPERTROPHY_COMPOUND, rest_s=150, rule="LFT-2"),
                _R.ASSIST: Dose(sets=3, steps=_HYPERTROPHY_COMPOUND, rest_s=120, rule="LFT-2"),
                _R.RUNNER: Dose(sets=2, steps=_RUNNER_SPECIFIC, rest_s=60, rule="LFT-6"),
                _R.ACCESSORY: Dose(sets=2, steps=_HYPERTROPHY_ACCESSORY, rest_s=90, rule="LFT-2"),
            }
        ),
        _E.MAINTENANCE: MappingProxyType(
            {
                _R.EXPLOSIVE: Dose(sets=2, steps=_PLYOMETRIC, rest_s=120, rule="SCH-9"),
                _R.MAIN: Dose(sets=2, steps=_STRENGTH_MAIN, rest_s=180, rule="LFT-3"),
                _R.ASSIST: Dose(sets=2, steps=_STRENGTH_ASSIST, rest_s=150, rule="LFT-3"),
                _R.RUNNER: Dose(sets=2, steps=_RUNNER_SPECIFIC, rest_s=60, rule="LFT-6"),
                _R.ACCESSORY: Dose(sets=1, steps=_STRENGTH_ASSIST, rest_s=120, rule="LFT-3"),
            }
        ),
        _E.RUNNER: MappingProxyType(
            {
                _R.EXPLOSIVE: Dose(sets=3, steps=_PLYOMETRIC, rest_s=120, rule="SCH-9"),
                _R.MAIN: Dose(sets=3, steps=_RUNNER_MAIN, rest_s=180, rule="LFT-3"),
                _R.ASSIST: Dose(sets=2, steps=_STRENGTH_ASSIST, rest_s=150, rule="LFT-3"),
                _R.RUNNER: Dose(sets=2, steps=_RUNNER_SPECIFIC, rest_s=60, rule="LFT-6"),
                _R.ACCESSORY: Dose(sets=2, steps=_STRENGTH_ASSIST, rest_s=120, rule="LFT-3"),
            }
        ),
        _E.PEAK_TEST: MappingProxyType(
            {
                _R.EXPLOSIVE: Dose(sets=2, steps=_PLYOMETRIC[:1], rest_s=120, rule="SCH-9"),
                _R.MAIN: Dose(
                    sets=1, steps=_TEST_SINGLE, rest_s=300, rule="LFT-5", adjustable=False
                ),
                _R.ASSIST: Dose(sets=2, steps=_TEST_ASSIST, rest_s=150, rule="LFT-3"),
                _R.RUNNER: Dose(sets=1, steps=_RUNNER_SPECIFIC[:1], rest_s=60, rule="LFT-6"),
                _R.ACCESSORY: Dose(sets=1, steps=_TEST_ASSIST, rest_s=120, rule="LFT-3"),
            }
        ),
        # Runner-specific style: hops (explosive), the LFT-6 set (runner) and one push
        # and one pull (accessory); its layouts have no main or assist slot.
        _E.RUNNER_SPECIFIC: MappingProxyType(
            {
                _R.EXPLOSIVE: Dose(sets=2, steps=_PLYOMETRIC, rest_s=120, rule="SCH-9"),
                _R.RUNNER: Dose(sets=2, steps=_RUNNER_SPECIFIC_TEMPO, rest_s=60, rule="LFT-6"),
                _R.ACCESSORY: Dose(sets=2, steps=_PUSH_PULL, rest_s=90, rule="SCH-7"),
            }
        ),
    }
)
"""Dose of each role under each emphasis; ``rule`` names the guideline each row implements.

Rests: 3 min on the main lifts and 2-2.5 min on the other compounds under LFT-3
(2-5 min); 2-2.5 min under LFT-2, after Schoenfeld 2016 (3-min rests grew more
muscle than 1-min rests); 2 min between explosive sets so each is done fresh;
1 min between the light runner-specific sets, 1.5 min between the push and pull sets
of a runner-specific session.
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class SetRange:
    """Weekly hard sets per major muscle group at full volume, with where the numbers come from."""

    low: int
    high: int
    source: str


_HYPERTROPHY_SETS = SetRange(low=10, high=20, source=f"{SCHOENFELD_2017}; {BAZ_VALLE_2022}")
_STRENGTH_SETS = SetRange(low=6, high=15, source=RALSTON_2017)
_MAINTENANCE_SETS = SetRange(low=4, high=8, source=BICKEL_2011)
_RUNNER_LEG_SETS = SetRange(low=8, high=24, source=f"{VIKMOEN_2017}; {BLAGROVE_2018}")
_PEAK_SETS = SetRange(low=3, high=10, source=f"{BICKEL_2011}; {HELMS_2016}")
_RUNNER_SPECIFIC_LEG_SETS = SetRange(low=12, high=24, source=f"{BLAGROVE_2018}; {VIKMOEN_2017}")


def _same(sets: SetRange) -> Mapping[MuscleGroup, SetRange]:
    return MappingProxyType(dict.fromkeys(sorted(MAJOR_MUSCLE_GROUPS), sets))


WEEKLY_SET_RANGES: Final[Mapping[LiftEmphasis, Mapping[MuscleGroup, SetRange]]] = MappingProxyType(
    {
        # Schoenfeld 2017: 10 or more weekly sets per muscle grew more than fewer;
        # Baz-Valle 2022: 12-20 suits trained lifters, more adds little for most muscles.
        _E.HYPERTROPHY: _same(_HYPERTROPHY_SETS),
        # Ralston 2017: medium (5-9) and high (10+) weekly set volumes gave larger
        # strength gains than low volumes; capped at 15 for a concurrent trainee (LFT-4).
        _E.STRENGTH: _same(_STRENGTH_SETS),
        # About a third of the hypertrophy range: in Bickel 2011 a third (even a ninth)
        # of the training dose kept young adults' muscle size; older adults kept less.
        _E.MAINTENANCE: _same(_MAINTENANCE_SETS),
        # Vikmoen 2017: four lower-body exercises x 3 sets twice a week (24 sets)
        # improved running; upper body kept at a maintenance dose.
        _E.RUNNER: MappingProxyType(
            {
                MuscleGroup.BACK: SetRange(low=3, high=8, source=BICKEL_2011),
                MuscleGroup.CHEST: SetRange(low=3, high=8, source=BICKEL_2011),
                MuscleGroup.LEGS: _RUNNER_LEG_SETS,
            }
        ),
        # A test week is light apart from the singles.
        _E.PEAK_TEST: _same(_PEAK_SETS),
        # Runner-specific style: two sets of each LFT-6 exercise on 2-3 days, at most the
        # 24 weekly lower-body sets of Vikmoen 2017 (which were heavier); chest and back
        # at a maintenance dose.
        _E.RUNNER_SPECIFIC: MappingProxyType(
            {
                MuscleGroup.BACK: SetRange(low=3, high=8, source=BICKEL_2011),
                MuscleGroup.CHEST: SetRange(low=3, high=8, source=BICKEL_2011),
                MuscleGroup.LEGS: _RUNNER_SPECIFIC_LEG_SETS,
            }
        ),
    }
)
"""Hard sets per week for legs, back and chest at ``lift_volume_factor`` 1.0 (2-4 lifts).

Every work set of an exercise counts once toward each of its primary groups.
The week's sets are balanced into these ranges before the volume factor scales
them down (LFT-4, deloads); a single-lift week is not balanced.
"""

FAMILY_OF: Final[Mapping[LiftEmphasis, TemplateFamily]] = MappingProxyType(
    {
        _E.STRENGTH: TemplateFamily.BUILD,
        _E.HYPERTROPHY: TemplateFamily.BUILD,
        _E.PEAK_TEST: TemplateFamily.BUILD,
        _E.MAINTENANCE: TemplateFamily.MAINTAIN,
        _E.RUNNER: TemplateFamily.RUNNER,
        _E.RUNNER_SPECIFIC: TemplateFamily.RUNNER_SPECIFIC,
    }
)
"""Layout family of each emphasis."""


def _t(name: str, rule: str, *slots: tuple[str, SlotRole]) -> SessionTemplate:
    return SessionTemplate(
        name=name, rule=rule, slots=tuple(Slot(exercise=e, role=r) for e, r in slots)
    )


# Session layouts. Every layout with 2-4 lifts puts legs, back and chest into 2-3 of
# its sessions (SCH-7); every session leads with heavy compounds (LFT-1).
_FULL_BODY_ONE = _t(
    "Full body",
    "LFT-1",
    ("back-squat", _R.MAIN),
    ("bench-press", _R.MAIN),
    ("barbell-row", _R.ASSIST),
    ("romanian-deadlift", _R.ACCESSORY),
)
_UPPER_A = _t(
    "Upper A",
    "SCH-7",
    ("bench-press", _R.MAIN),
    ("barbell-row", _R.ASSIST),
    ("overhead-press", _R.ASSIST),
    ("pull-up", _R.ACCESSORY),
)
_LOWER_A = _t(
    "Lower A",
    "SCH-7",
    ("back-squat", _R.MAIN),
    ("romanian-deadlift", _R.ASSIST),
    ("bulgarian-split-squat", _R.ACCESSORY),
    ("straight-knee-calf-raise", _R.ACCESSORY),
)
_UPPER_B = _t(
    "Upper B",
    "SCH-7",
    ("overhead-press", _R.MAIN),
    ("pull-up", _R.ASSIST),
    ("dumbbell-bench-press", _R.ASSIST),
    ("dumbbell-row", _R.ACCESSORY),
)
_LOWER_B = _t(
    "Lower B",
    "SCH-7",
    ("deadlift", _R.MAIN),
    ("front-squat", _R.ASSIST),
    ("walking-lunge", _R.ACCESSORY),
    ("nordic-curl", _R.ACCESSORY),
)
_BUILD_UPPER_LOWER = (_UPPER_A, _LOWER_A, _UPPER_B, _LOWER_B)

_RUNNER_A = _t(
    "Strength A (squat)",
    "LFT-7",
    ("single-leg-multidirectional-hops", _R.EXPLOSIVE),
    ("back-squat", _R.MAIN),
    ("bench-press", _R.ASSIST),
    ("barbell-row", _R.ASSIST),
    ("bent-knee-calf-raise", _R.RUNNER),
)
_RUNNER_B = _t(
    "Runner strength B",
    "LFT-6",
    ("suspended-split-squat", _R.RUNNER),
    ("eccentric-squat", _R.RUNNER),
    ("straight-knee-calf-raise", _R.RUNNER),
    ("banded-standing-hip-flexion", _R.RUNNER),
    ("banded-ankle-inversion", _R.RUNNER),
    ("banded-ankle-eversion", _R.RUNNER),
    ("push-up", _R.ASSIST),
    ("pull-up", _R.ASSIST),
)
_RUNNER_C = _t(
    "Strength C (hinge)",
    "LFT-7",
    ("single-leg-lateral-hops", _R.EXPLOSIVE),
    ("deadlift", _R.MAIN),
    ("dumbbell-bench-press", _R.ASSIST),
    ("single-leg-rdl", _R.RUNNER),
    ("nordic-curl", _R.RUNNER),
)

# Runner-specific style (LFT-6). The loaded forms are preferred; the library's
# substitution chains fall back on the bodyweight and band originals of G5
# (eccentric goblet squat -> eccentric squat, weighted -> bodyweight calf raises,
# weighted -> plain suspended split squat -> split squat). One push and one pull a
# session put chest and back on the same 2-3 days as the legs (SCH-7). Hops open A
# and C (SCH-9: explosive work first, done fresh); B has none, so it may follow a run
# on the same day: SCH-9 forbids explosive work after a run and SCH-3 puts the run
# first on a race goal's shared days, so a runner with six runs a week could not
# otherwise place two lifts without losing a run.
_RS_PUSH = ("push-up", _R.ACCESSORY)
_RS_PULL = ("suspension-row", _R.ACCESSORY)
_RS_BAND_PULL = ("banded-row", _R.ACCESSORY)
_RS_A = _t(
    "Runner-specific A",
    "LFT-6",
    ("single-leg-multidirectional-hops", _R.EXPLOSIVE),
    ("weighted-suspended-split-squat", _R.RUNNER),
    ("weighted-bent-knee-calf-raise", _R.RUNNER),
    ("banded-standing-hip-flexion", _R.RUNNER),
    _RS_PUSH,
    _RS_PULL,
)
_RS_B = _t(
    "Runner-specific B",
    "LFT-6",
    ("eccentric-goblet-squat", _R.RUNNER),
    ("weighted-straight-knee-calf-raise", _R.RUNNER),
    ("banded-ankle-inversion", _R.RUNNER),
    ("banded-ankle-eversion", _R.RUNNER),
    _RS_PUSH,
    _RS_BAND_PULL,
)
_RS_C_LEGS = (
    ("single-leg-lateral-hops", _R.EXPLOSIVE),
    ("single-leg-rdl", _R.RUNNER),
    ("weighted-bent-knee-calf-raise", _R.RUNNER),
)
_RS_C = _t("Runner-specific C", "LFT-6", *_RS_C_LEGS, _RS_PUSH, _RS_PULL)

LAYOUTS: Final[Mapping[tuple[TemplateFamily, int], tuple[SessionTemplate, ...]]] = MappingProxyType(
    {
        # One lift: a full-body session; SCH-7's 2-3 days cannot be met with one lift.
        (TemplateFamily.BUILD, 1): (_FULL_BODY_ONE,),
        (TemplateFamily.MAINTAIN, 1): (_FULL_BODY_ONE,),
        (TemplateFamily.RUNNER, 1): (_RUNNER_A,),
        # BUILD (strength, hypertrophy, test): every session may be heavy lower.
        (TemplateFamily.BUILD, 2): (
            _t(
                "Full body A (squat)",
                "SCH-7",
                ("back-squat", _R.MAIN),
                ("bench-press", _R.MAIN),
                ("barbell-row", _R.ASSIST),
                ("bulgarian-split-squat", _R.ACCESSORY),
            ),
            _t(
                "Full body B (deadlift)",
                "SCH-7",
                ("deadlift", _R.MAIN),
                ("overhead-press", _R.MAIN),
                ("pull-up", _R.ASSIST),
                ("dumbbell-bench-press", _R.ASSIST),
                ("walking-lunge", _R.ACCESSORY),
            ),
        ),
        (TemplateFamily.BUILD, 3): (
            _UPPER_A,
            _LOWER_A,
            _t(
                "Full body (deadlift)",
                "SCH-7",
                ("deadlift", _R.MAIN),
                ("dumbbell-bench-press", _R.ASSIST),
                ("chin-up", _R.ASSIST),
                ("walking-lunge", _R.ACCESSORY),
            ),
        ),
        (TemplateFamily.BUILD, 4): _BUILD_UPPER_LOWER,
        # MAINTAIN: one heavy full-body session; the others keep legs light with
        # runner-specific work, so they are not heavy lower (easier to place, SCH-4).
        (TemplateFamily.MAINTAIN, 2): (
            _t(
                "Full body (squat)",
                "SCH-7",
                ("back-squat", _R.MAIN),
                ("bench-press", _R.MAIN),
                ("barbell-row", _R.ASSIST),
            ),
            _t(
                "Upper + runner legs",
                "SCH-7",
                ("dumbbell-bench-press", _R.ASSIST),
                ("pull-up", _R.ASSIST),
                ("single-leg-rdl", _R.RUNNER),
                ("bent-knee-calf-raise", _R.RUNNER),
            ),
        ),
        (TemplateFamily.MAINTAIN, 3): (
            _t(
                "Full body (squat)",
                "SCH-7",
                ("back-squat", _R.MAIN),
                ("bench-press", _R.MAIN),
                ("barbell-row", _R.ASSIST),
            ),
            _t(
                "Upper + runner legs",
                "SCH-7",
                ("dumbbell-bench-press", _R.ASSIST),
                ("pull-up", _R.ASSIST),
                ("single-leg-rdl", _R.RUNNER),
                ("bent-knee-calf-raise", _R.RUNNER),
            ),
            _t(
                "Full body (deadlift)",
                "SCH-7",
                ("deadlift", _R.MAIN),
                ("overhead-press", _R.ASSIST),
                ("push-up", _R.ACCESSORY),
            ),
        ),
        (TemplateFamily.MAINTAIN, 4): _BUILD_UPPER_LOWER,
        # RUNNER: heavy squat and plyometrics (LFT-7), a runner-specific session
        # with the LFT-6 set, and with three lifts a heavy hinge day.
        (TemplateFamily.RUNNER, 2): (_RUNNER_A, _RUNNER_B),
        (TemplateFamily.RUNNER, 3): (_RUNNER_A, _RUNNER_B, _RUNNER_C),
        (TemplateFamily.RUNNER, 4): (
            _t(
                "Lower A (squat)",
                "SCH-7",
                ("single-leg-multidirectional-hops", _R.EXPLOSIVE),
                ("back-squat", _R.MAIN),
                ("romanian-deadlift", _R.ASSIST),
                ("bent-knee-calf-raise", _R.RUNNER),
            ),
            _t(
                "Upper A",
                "SCH-7",
                ("bench-press", _R.MAIN),
                ("barbell-row", _R.ASSIST),
                ("overhead-press", _R.ASSIST),
            ),
            _t(
                "Lower B (runner strength)",
                "LFT-6",
                ("suspended-split-squat", _R.RUNNER),
                ("eccentric-squat", _R.RUNNER),
                ("straight-knee-calf-raise", _R.RUNNER),
                ("banded-standing-hip-flexion", _R.RUNNER),
                ("banded-ankle-inversion", _R.RUNNER),
                ("banded-ankle-eversion", _R.RUNNER),
            ),
            _t(
                "Upper B",
                "SCH-7",
                ("pull-up", _R.ASSIST),
                ("dumbbell-bench-press", _R.ASSIST),
                ("dumbbell-row", _R.ACCESSORY),
            ),
        ),
        # RUNNER_SPECIFIC: the whole LFT-6 set in one session, or spread over two or
        # three. The periodisation plans 2-3 of these lifts (LFT-6); four exist so any
        # outline works: legs, chest and back then stay at three days each (SCH-7) with
        # one leg session without upper-body work and one push-and-pull session.
        (TemplateFamily.RUNNER_SPECIFIC, 1): (
            _t(
                "Runner-specific (whole set)",
                "LFT-6",
                ("single-leg-multidirectional-hops", _R.EXPLOSIVE),
                ("weighted-suspended-split-squat", _R.RUNNER),
                ("eccentric-goblet-squat", _R.RUNNER),
                ("weighted-bent-knee-calf-raise", _R.RUNNER),
                ("weighted-straight-knee-calf-raise", _R.RUNNER),
                ("banded-standing-hip-flexion", _R.RUNNER),
                ("banded-ankle-inversion", _R.RUNNER),
                ("banded-ankle-eversion", _R.RUNNER),
                _RS_PUSH,
                _RS_PULL,
            ),
        ),
        (TemplateFamily.RUNNER_SPECIFIC, 2): (_RS_A, _RS_B),
        (TemplateFamily.RUNNER_SPECIFIC, 3): (_RS_A, _RS_B, _RS_C),
        (TemplateFamily.RUNNER_SPECIFIC, 4): (
            _RS_A,
            _RS_B,
            _t("Runner-specific C (legs only)", "SCH-7", *_RS_C_LEGS),
            _t("Upper (push and pull)", "SCH-7", _RS_PUSH, _RS_BAND_PULL),
        ),
    }
)
"""Session templates by layout family and number of lifts; each names the rule it serves."""

SESSION_RPE: Final[Mapping[LiftEmphasis, float]] = MappingProxyType(
    {
        _E.STRENGTH: 7.0,
        _E.HYPERTROPHY: 8.0,
        _E.MAINTENANCE: 6.0,
        _E.RUNNER: 6.0,
        _E.PEAK_TEST: 8.0,
        _E.RUNNER_SPECIFIC: 5.0,
    }
)
"""Planned session RPE (Foster's CR-10) per emphasis, for training load. Sessions of sets
near failure rate higher than lighter ones (Day 2004); a deload is rated at most 5."""

DELOAD_SESSION_RPE: Final = 5.0


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedLift:
    """One lift of the week: the session to place, what to do in it, and why.

    Attributes:
        spec: the session for weekly placement (kind, muscle groups, duration, ...).
        prescription: the exercises with sets, reps, intensity, loads and rests.
        rules: IDs of the rules that shaped the session.
        explanation: one line per reason, each naming its rule ID and source.
    """

    spec: SessionSpec
    prescription: LiftPrescription
    rules: tuple[str, ...]
    explanation: tuple[str, ...]


# ---------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------


@dataclass(slots=True, kw_only=True)
class _Item:
    """One exercise of one session while the week is being built."""

    session: int
    exercise: Exercise
    role: SlotRole
    dose: Dose
    sets: int
    replaced: str | None


def chart_percent_1rm(*, reps: int, rpe: float) -> float:
    """Percent of 1RM that ``reps`` at ``rpe`` stand for on the RPE chart (reps above 12 clamp)."""
    return strength.percent_one_rep_max(reps=min(reps, strength.MAX_REPS), rpe=rpe)


def rpe_for_percent(*, reps: int, percent_1rm: float) -> float:
    """The chart RPE (6-10, half steps) whose percent for ``reps`` is nearest to ``percent_1rm``.

    Ties go to the lower RPE; percents below the chart's RPE 6 give 6.
    """
    return min(
        _RPE_CHART_STEPS,
        key=lambda rpe: (abs(chart_percent_1rm(reps=reps, rpe=rpe) - percent_1rm), rpe),
    )


def intended_percent_1rm(step: Step) -> float | None:
    """The intensity a step stands for: its %1RM, or the chart value of its reps and RPE."""
    if step.percent_1rm is not None:
        return step.percent_1rm
    if step.rpe is not None:
        return chart_percent_1rm(reps=step.reps, rpe=step.rpe)
    return None


def is_heavy(step: Step) -> bool:
    """Whether a step is heavy enough to make a squat, hinge or lunge *heavy lower*."""
    percent = intended_percent_1rm(step)
    return (percent is not None and percent >= HEAVY_PERCENT_1RM) or (
        step.rpe is not None and step.rpe >= HEAVY_RPE
    )


def one_rep_max_for(exercise: Exercise, *, baseline: Baseline) -> float | None:
    """The exercise's 1RM in kg: measured, or derived from its base lift's by the library ratio."""
    maxes = baseline.one_rep_max_kg
    if exercise.id in maxes:
        return maxes[exercise.id]
    base = exercise.one_rep_max_from
    ratio = exercise.one_rep_max_ratio
    if base is not None and ratio is not None and base in maxes:
        return maxes[base] * ratio
    return None


def _major(exercise: Exercise) -> frozenset[MuscleGroup]:
    return exercise.primary & MAJOR_MUSCLE_GROUPS


_POOL_ROLES: Final = frozenset({SlotRole.MAIN, SlotRole.ASSIST, SlotRole.ACCESSORY})
"""Roles that may fall back on the whole library when the substitution chain fails."""


def _resolve(
    slot: Slot,
    *,
    library: ExerciseLibrary,
    pool: Sequence[Exercise],
    kit: frozenset[str],
    used: set[str],
) -> Exercise | None:
    """The slot's exercise, or the best stand-in the equipment allows that the session lacks.

    Stand-ins come from the library's substitution chain first; for the strength
    roles (main, assist, accessory), when nothing in the chain trains the same
    major groups, from any other exercise the equipment allows that trains exactly
    those groups and is as compound (same pattern first), so SCH-7 still counts
    the day without gaining a group it did not plan.
    Ranking: same major groups, then a superset, then an overlap; explosive for
    explosive; chain before the rest of the library; same pattern; library order.
    """
    preferred = library.get(slot.exercise)
    major_only = bool(_major(preferred))

    def groups_of(exercise: Exercise) -> frozenset[MuscleGroup]:
        return _major(exercise) if major_only else exercise.primary

    wanted = groups_of(preferred)
    chain = [
        c
        for c in library.substitution_chain(slot.exercise)
        if c.is_possible_with(equipment=kit) and c.id not in used
    ]
    in_chain = {c.id for c in chain}
    others = [
        e
        for e in pool
        if slot.role in _POOL_ROLES
        and e.compound == preferred.compound
        and not e.explosive
        and e.id not in used
        and e.id not in in_chain
    ]

    def match(candidate: Exercise) -> int:
        groups = groups_of(candidate)
        if groups == wanted:
            return 0
        if wanted <= groups:
            return 1
        if wanted & groups:
            return 2
        return 3

    ranked = [(c, 0, n) for n, c in enumerate(chain)] + [
        (e, 1, n) for n, e in enumerate(others) if match(e) == 0
    ]
    if not ranked:
        return None
    best = min(
        ranked,
        key=lambda entry: (
            match(entry[0]),
            entry[0].explosive != preferred.explosive,
            entry[1],
            entry[0].pattern is not preferred.pattern,
            entry[2],
        ),
    )
    return best[0]


def _check_week(week: WeekOutline) -> None:
    if isinstance(week.lifts, bool) or not 0 <= week.lifts <= MAX_LIFTS_PER_WEEK:
        raise InvalidInput(
            "week.lifts", week.lifts, f"0 to {MAX_LIFTS_PER_WEEK} lifts a week (SCH-7)"
        )
    factor = week.lift_volume_factor
    if not math.isfinite(factor) or not 0 < factor <= MAX_VOLUME_FACTOR:
        raise InvalidInput(
            "week.lift_volume_factor", factor, f"above 0 and at most {MAX_VOLUME_FACTOR:g}"
        )
    if week.week_in_block < 0:
        raise InvalidInput("week.week_in_block", week.week_in_block, "zero or more")


def volume_factor(week: WeekOutline) -> float:
    """The factor applied to the week's balanced sets.

    ``week.lift_volume_factor`` (LFT-4: lower in hard running blocks), capped at
    :data:`DELOAD_VOLUME_FACTOR` on deloads (PER-3) and in race week (Bosquet 2007).
    """
    factor = week.lift_volume_factor
    if week.deload or week.phase in {Phase.DELOAD, Phase.RACE}:
        factor = min(factor, DELOAD_VOLUME_FACTOR)
    return factor


def progression_step(week: WeekOutline) -> int:
    """Which step of the dose tables this week uses (LFT-5).

    Build weeks use ``week_in_block``, so the steps restart with each block. A
    deload or taper week repeats the step of the week before it, keeping its
    intensity without raising it (PER-3; Bosquet 2007). Race week goes back to
    the block's first, lightest step: nothing heavy or new days before the race.
    """
    if week.phase is Phase.RACE:
        return 0
    if week.deload or week.phase in {Phase.DELOAD, Phase.TAPER}:
        return max(0, week.week_in_block - 1)
    return week.week_in_block


def scaled_sets(sets: int, *, factor: float) -> int:
    """Sets after the volume factor: rounded half up, never below one."""
    return max(MIN_SETS_PER_EXERCISE, math.floor(sets * factor + 0.5))


def _totals(items: Iterable[_Item]) -> dict[MuscleGroup, int]:
    totals = dict.fromkeys(sorted(MAJOR_MUSCLE_GROUPS), 0)
    for item in items:
        for group in item.exercise.primary & MAJOR_MUSCLE_GROUPS:
            totals[group] += item.sets
    return totals


_ADD_PREFERENCE: Final = (
    SlotRole.ASSIST,
    SlotRole.MAIN,
    SlotRole.ACCESSORY,
    SlotRole.RUNNER,
    SlotRole.EXPLOSIVE,
)
"""Which exercise gains a set first among those with the fewest: compounds (LFT-1)."""

_REMOVE_PREFERENCE: Final = (
    SlotRole.ACCESSORY,
    SlotRole.RUNNER,
    SlotRole.ASSIST,
    SlotRole.MAIN,
    SlotRole.EXPLOSIVE,
)
"""Which exercise loses a set first: accessories before the heavy compounds (LFT-1, LFT-4)."""


def _balance(items: list[_Item], ranges: Mapping[MuscleGroup, SetRange]) -> None:
    """Add or remove sets until every trained major group is inside its weekly range.

    Greedy and deterministic: a group below its range gains a set on the exercise
    of that group with the fewest sets (compounds first) whose other groups have
    room; a group above its range loses one from an accessory before a compound,
    the one with the most sets first. Stops when every group fits or no move helps.
    """
    trained = {g for item in items for g in item.exercise.primary & MAJOR_MUSCLE_GROUPS}
    for _ in range(sum(MAX_SETS_PER_EXERCISE for _ in items) * 2 + 1):
        totals = _totals(items)
        short = [g for g in sorted(trained) if totals[g] < ranges[g].low]
        over = [g for g in sorted(trained) if totals[g] > ranges[g].high]
        if short:
            group = short[0]
            candidates = [
                item
                for item in items
                if group in item.exercise.primary
                and item.dose.adjustable
                and item.sets < MAX_SETS_PER_EXERCISE
                and all(
                    totals[g] < ranges[g].high
                    for g in item.exercise.primary & MAJOR_MUSCLE_GROUPS
                    if g != group
                )
            ]
            if not candidates:
                return
            chosen = min(
                candidates, key=lambda i: (i.sets, _ADD_PREFERENCE.index(i.role), i.session)
            )
            chosen.sets += 1
        elif over:
            group = over[0]
            candidates = [
                item
                for item in items
                if group in item.exercise.primary
                and item.dose.adjustable
                and item.sets > MIN_SETS_PER_EXERCISE
                and all(
                    totals[g] > ranges[g].low
                    for g in item.exercise.primary & MAJOR_MUSCLE_GROUPS
                    if g != group
                )
            ]
            if not candidates:
                return
            chosen = min(
                candidates,
                key=lambda i: (_REMOVE_PREFERENCE.index(i.role), -i.sets, -i.session),
            )
            chosen.sets -= 1
        else:
            return


def lift_kind(exercises: Sequence[tuple[Exercise, Step]]) -> LiftKind:
    """The kind of a lift, from its exercises and their targets.

    HEAVY_LOWER when any squat, hinge or lunge is at >= 70 % 1RM or RPE >= 7
    (GUIDELINES.md 'Words'); else EXPLOSIVE when every exercise is explosive;
    UPPER when no exercise trains the legs; RUNNER_STRENGTH when the leg work is
    light and includes runner-specific exercises; FULL_BODY otherwise.
    """
    if any(ex.pattern in HEAVY_LOWER_PATTERNS and is_heavy(step) for ex, step in exercises):
        return LiftKind.HEAVY_LOWER
    if exercises and all(ex.explosive for ex, _ in exercises):
        return LiftKind.EXPLOSIVE
    if not any(MuscleGroup.LEGS in ex.primary for ex, _ in exercises):
        return LiftKind.UPPER
    if any(ex.runner_specific for ex, _ in exercises):
        return LiftKind.RUNNER_STRENGTH
    return LiftKind.FULL_BODY


def _seconds_per_rep(exercise: Exercise, role: SlotRole) -> float:
    if exercise.explosive:
        return EXPLOSIVE_SECONDS_PER_REP
    if exercise.eccentric_emphasis or role is SlotRole.RUNNER:
        return ECCENTRIC_SECONDS_PER_REP
    return SECONDS_PER_REP


def session_minutes(
    exercises: Sequence[tuple[Exercise, SlotRole, ExercisePrescription]],
    *,
    test: bool,
) -> float:
    """Planned minutes of a lift: warm-up, ramp-up before main lifts, then sets x (work + rest).

    Work per set is reps x seconds per rep (doubled when each side is worked in turn).
    """
    minutes = WARMUP_MIN
    for exercise, role, item in exercises:
        if role is SlotRole.MAIN:
            minutes += TEST_RAMP_MIN if test else RAMP_MIN_PER_MAIN
        sides = 2 if item.per_side else 1
        work_s = item.reps * _seconds_per_rep(exercise, role) * sides
        minutes += item.sets * (work_s + item.rest_s) / 60
    return minutes


def grid_minutes(minutes: float) -> int:
    """Minutes rounded up to the 15-minute placement grid."""
    return max(GRID_MIN, math.ceil(round(minutes, 6) / GRID_MIN) * GRID_MIN)


def _is_key(profile: AthleteProfile) -> bool:
    goal = profile.goal
    if goal.priority is Priority.LIFTING:
        return True
    return goal.priority is Priority.BALANCED and goal.kind in {
        GoalKind.STRENGTH,
        GoalKind.HYPERTROPHY,
    }


def _format_number(value: float) -> str:
    return f"{value:g}"


# ---------------------------------------------------------------------------------
# Prescriptions
# ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class _Prescribed:
    item: ExercisePrescription
    step: Step
    rpe_only: bool


def _prescribe(
    item: _Item, *, step: Step, sets: int, baseline: Baseline, test: bool
) -> _Prescribed:
    """Sets, reps, intensity and load of one exercise for this week.

    A %1RM step gives a load when the 1RM is known, else the chart RPE of the
    same reps and percent. An RPE step keeps its RPE and, when the 1RM is known,
    adds the chart's load as a starting point. Jumps get reps only.
    """
    exercise = item.exercise
    notes: list[str] = []
    if exercise.unilateral:
        notes.append("reps per side")
    if step.lowering_s is not None:
        notes.append(f"lower over {step.lowering_s} s")
    elif exercise.eccentric_emphasis or item.role is SlotRole.RUNNER:
        notes.append("lower over 3-4 s")
    if exercise.explosive:
        notes.append("maximal intent, full recovery; stop the set when contacts slow")
    if test:
        notes.append("work up in singles and stop at RPE 9: a new 1RM estimate")
    target = intended_percent_1rm(step)
    one_rep_max = one_rep_max_for(exercise, baseline=baseline)
    load_kg: float | None = None
    if target is not None and one_rep_max is not None and exercise.load_increment_kg > 0:
        load = strength.load_for_percent_kg(
            one_rep_max_kg=one_rep_max,
            percent_1rm=target,
            increment_kg=exercise.load_step_kg,
        )
        load_kg = load if load > 0 else None
    if load_kg is not None and exercise.load_split > 1:
        notes.append(f"{load_kg / exercise.load_split:g} kg in each hand")
    rpe_only = target is not None and load_kg is None and exercise.load_increment_kg > 0
    if load_kg is not None:
        percent: float | None = round(target or 0.0, 1)
        rpe = step.rpe
        if step.percent_1rm is None and not test:
            notes.append("load from the RPE chart as a start; the RPE decides")
    else:
        percent = None
        rpe = step.rpe
        if rpe is None and target is not None:
            rpe = rpe_for_percent(reps=step.reps, percent_1rm=target)
        if rpe_only:
            notes.append("no 1RM known: choose the load by RPE")
        elif target is not None:
            notes.append("bodyweight: make it harder or easier to meet the RPE")
    return _Prescribed(
        item=ExercisePrescription(
            exercise=exercise.id,
            name=exercise.name,
            sets=sets,
            reps=step.reps,
            rest_s=item.dose.rest_s,
            percent_1rm=percent,
            rpe=rpe,
            load_kg=load_kg,
            per_side=exercise.unilateral,
            notes="; ".join(notes),
        ),
        step=step,
        rpe_only=rpe_only,
    )


def _ordered(items: Sequence[_Item]) -> list[_Item]:
    return sorted(
        items,
        key=lambda i: 0 if i.exercise.explosive else 1 + ROLE_ORDER.index(i.role),
    )


def _progression_line(week: WeekOutline, step_index: int) -> str:
    emphasis = week.lift_emphasis
    where = f"week {week.week_in_block + 1} of block {week.block + 1}"
    if emphasis is LiftEmphasis.PEAK_TEST:
        return (
            f"LFT-5: test week: work up to a heavy single at RPE 9 on the main lifts to "
            f"measure the progress of the block ({HELMS_2016})."
        )
    if emphasis is LiftEmphasis.HYPERTROPHY:
        scheme = "effort rises from RPE 8 to 9, then reps step down (10 to 6) as the load climbs"
    elif emphasis is LiftEmphasis.RUNNER:
        scheme = (
            "main lifts +2.5 % 1RM a week (75 to 85 %), jumps and runner-specific work "
            "one or two reps more a week"
        )
    elif emphasis is LiftEmphasis.RUNNER_SPECIFIC:
        scheme = (
            "runner-specific work goes from 8 to 12 reps, from a 3-s to a 4-s lowering and "
            "from RPE 6 to 6.5 (a heavier dumbbell or a stiffer band for the same reps), hops "
            "one or two contacts more a week, push and pull from 8 to 12 reps at RPE 7 to 8"
        )
    else:
        scheme = "+2.5 % 1RM a week on the main lifts (75 to 85 %) as reps step down (5 to 3)"
    if week.phase is Phase.RACE:
        note = "; race week drops back to the first step"
    elif step_index < week.week_in_block:
        note = "; this week holds last week's step"
    elif week.week_in_block == 0 and week.block > 0:
        note = "; the block starts again from its first step after the deload"
    else:
        note = ""
    return f"LFT-5: {where}, step {step_index + 1}: {scheme}{note} ({ACSM_2009})."


def _dose_line(
    emphasis: LiftEmphasis, prescribed: Sequence[tuple[_Item, _Prescribed]]
) -> tuple[str, str] | None:
    """The rule and line that explain the compounds' dose, or None without compounds."""
    compounds = [(i, p) for i, p in prescribed if i.role in {SlotRole.MAIN, SlotRole.ASSIST}]
    if not compounds:
        return None
    item, first = compounds[0]
    step = first.step
    name = item.exercise.name.lower()
    rest_min = _format_number(item.dose.rest_s / 60)
    if emphasis is LiftEmphasis.HYPERTROPHY:
        return "LFT-2", (
            f"LFT-2: {name} {step.reps} reps at RPE {_format_number(step.rpe or 0)}; "
            f"hypertrophy sets stay within 6-12 reps at RPE 8-9 (G1), with "
            f"{rest_min} min rests ({SCHOENFELD_2016})."
        )
    if emphasis is LiftEmphasis.PEAK_TEST:
        return "LFT-3", (
            "LFT-3: apart from the test singles, compounds stay at 70-85 % 1RM for 3-8 reps "
            "with 2-5 min rests (G2)."
        )
    given = first.item
    if given.percent_1rm is not None:
        target = f"{_format_number(given.percent_1rm)} % 1RM"
    else:
        target = (
            f"RPE {_format_number(given.rpe or 0)} (about "
            f"{_format_number(step.percent_1rm or 0)} % 1RM on the RPE chart)"
        )
    return "LFT-3", (
        f"LFT-3: {name} {step.reps} reps at {target}, {rest_min} min rests; strength and "
        "maintenance work stays at 70-85 % 1RM, 3-8 reps, 2-5 min rests (G2)."
    )


def _volume_line(
    week: WeekOutline, *, session_sets: int, factor: float, ranges: Mapping[MuscleGroup, SetRange]
) -> str:
    parts = ", ".join(
        f"{g.value} {ranges[g].low}-{ranges[g].high}" for g in sorted(MAJOR_MUSCLE_GROUPS)
    )
    sources = "; ".join(dict.fromkeys(r.source for r in ranges.values()))
    reason = ""
    if factor < 1:
        if week.deload or week.phase in {Phase.DELOAD, Phase.RACE}:
            reason = f", x{factor:.2f} this week"
        else:
            reason = f", x{factor:.2f} for this week's running load"
    return (
        f"LFT-4: {session_sets} hard sets in this session; weekly sets per group at full "
        f"volume: {parts}{reason} ({sources})."
    )


def _frequency_line(days: Mapping[MuscleGroup, int], lifts: int) -> str:
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


def _runner_line(
    names: Sequence[str],
    prescribed: Sequence[tuple[_Item, _Prescribed]],
    *,
    runner_specific: bool,
) -> str:
    """The LFT-6 line: which runner-specific exercises, and how they are dosed."""
    listed = ", ".join(names)
    sources = f"G5; {BLAGROVE_2018}; {DOUGLAS_2017}"
    steps = [p.step for i, p in prescribed if i.role is SlotRole.RUNNER]
    if not runner_specific or not steps:
        return (
            f"LFT-6: runner-specific work ({listed}) with slow lowering for tendons and "
            f"running mechanics ({sources})."
        )
    step = steps[0]
    lowering = f"{step.lowering_s} s" if step.lowering_s is not None else "3-4 s"
    return (
        f"LFT-6: runner-specific work ({listed}); {step.reps} reps at RPE "
        f"{_format_number(step.rpe or 0)}, lowering over {lowering}, for tendons and running "
        "mechanics; no squat, hinge or lunge reaches RPE 7 or 70 % 1RM, so the session is not "
        f"heavy lower ({sources})."
    )


def _explain(
    week: WeekOutline,
    prescribed: Sequence[tuple[_Item, _Prescribed]],
    *,
    factor: float,
    step_index: int,
    days: Mapping[MuscleGroup, int],
    missing: Sequence[str],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rule IDs and the explanation lines of one lift, each line naming its rule and source."""
    ranges = WEEKLY_SET_RANGES[week.lift_emphasis]
    deload = week.deload or week.phase is Phase.DELOAD
    test = week.lift_emphasis is LiftEmphasis.PEAK_TEST
    explosive = [i.exercise.name for i, _ in prescribed if i.exercise.explosive]
    rules: list[str] = ["LFT-4", "LFT-5", "SCH-7"]
    lines: list[str] = []
    compounds = [
        i.exercise.name.lower()
        for i, _ in prescribed
        if i.exercise.compound and i.role in {SlotRole.MAIN, SlotRole.ASSIST}
    ]
    if compounds:
        rules.append("LFT-1")
        lines.append(f"LFT-1: built on compound lifts: {', '.join(compounds)} (G1, G2).")
    dose_reason = _dose_line(week.lift_emphasis, prescribed)
    if dose_reason is not None:
        rules.append(dose_reason[0])
        lines.append(dose_reason[1])
    runner_items = [i.exercise.name.lower() for i, _ in prescribed if i.exercise.runner_specific]
    runner_specific = week.lift_emphasis is LiftEmphasis.RUNNER_SPECIFIC
    if runner_items:
        rules.append("LFT-6")
        lines.append(_runner_line(runner_items, prescribed, runner_specific=runner_specific))
    if week.lift_emphasis is LiftEmphasis.RUNNER:
        rules.append("LFT-7")
        lines.append(
            "LFT-7: heavy and explosive strength work kept for running economy and speed "
            f"(G5; {RONNESTAD_2014}; {BLAGROVE_2018})."
        )
    if runner_specific and explosive:
        rules.append("LFT-7")
        lines.append(
            "LFT-7: single-leg hops are the explosive work kept for running economy; there "
            f"is no heavy lifting in this style (G5; {RONNESTAD_2014}; {BLAGROVE_2018})."
        )
    upper = [(i, p) for i, p in prescribed if runner_specific and i.role is SlotRole.ACCESSORY]
    if upper:
        names = " and ".join(i.exercise.name.lower() for i, _ in upper)
        step = upper[0][1].step
        lines.append(
            f"SCH-7: {names} at {step.reps} reps, RPE {_format_number(step.rpe or 0)}: one "
            "push and one pull keep chest and back on the legs' 2-3 days at a maintenance "
            f"dose (G1, G2, G5; {BICKEL_2011})."
        )
    lines.append(
        _volume_line(
            week,
            session_sets=sum(p.item.sets for _, p in prescribed),
            factor=factor,
            ranges=ranges,
        )
    )
    lines.append(_progression_line(week, step_index))
    if deload:
        rules.append("PER-3")
        lines.append(
            "PER-3: deload: about half the sets, at the intensity of the block's last "
            f"build week (G4; {BOSQUET_2007})."
        )
    elif week.phase is Phase.TAPER:
        rules.append("PER-2")
        lines.append(
            "PER-2: taper: fewer sets at last week's intensity, fresh for the goal "
            f"({BOSQUET_2007})."
        )
    elif week.phase is Phase.RACE:
        rules.append("PER-2")
        lines.append(
            "PER-2: race week: half the sets or fewer at the block's lightest step, "
            f"nothing new, fresh for the race ({BOSQUET_2007})."
        )
    if test:
        rules.append("PER-2")
        lines.append(
            "PER-2: strength test week: the block ends by measuring the goal lifts with "
            f"heavy singles at RPE 9 and little other work (G3; {HELMS_2016})."
        )
    lines.append(_frequency_line(days, week.lifts))
    if explosive:
        rules.append("SCH-9")
        lines.append(
            f"SCH-9: explosive work ({', '.join(n.lower() for n in explosive)}) comes first, "
            "done fresh; never after a run on the same day (G4, G5)."
        )
    for item, _ in prescribed:
        if item.replaced is not None:
            lines.append(
                f"{item.exercise.name} replaces {item.replaced.lower()}: the listed "
                "equipment does not allow it (exercise library substitutes)."
            )
    for name in missing:
        lines.append(f"{name}: nothing in its substitutes fits the listed equipment; left out.")
    rpe_only = [i.exercise.name.lower() for i, p in prescribed if p.rpe_only]
    if rpe_only and runner_specific:
        lines.append(
            f"Loads by RPE for {', '.join(rpe_only)}: choose the dumbbell or band that "
            f"meets the week's RPE ({HELMS_2016})."
        )
    elif rpe_only:
        lines.append(
            f"No 1RM known for {', '.join(rpe_only)}: loads are chosen by RPE "
            f"({HELMS_2016}); add a recent set to the profile for loads in kg."
        )
    return tuple(sorted(set(rules))), tuple(lines)


# ---------------------------------------------------------------------------------
# The entry point
# ---------------------------------------------------------------------------------


def plan_lifts(
    week: WeekOutline,
    profile: AthleteProfile,
    baseline: Baseline,
    library: ExerciseLibrary,
) -> tuple[PlannedLift, ...]:
    """Build the week's lifting sessions.

    Picks the layout for ``week.lift_emphasis`` and ``week.lifts`` (SCH-7,
    LFT-1), swaps exercises the athlete's equipment does not allow for the
    library's substitutes, balances the week's hard sets per major group into
    :data:`WEEKLY_SET_RANGES`, scales them by the volume factor (LFT-4, PER-3),
    doses every exercise from :data:`DOSES` at this week's progression step
    (LFT-2, LFT-3, LFT-5, LFT-6), puts explosive work first (SCH-9) and derives
    each session's kind, muscle groups and duration.

    Args:
        week: the week's outline from the periodisation.
        profile: the athlete (goal priority, equipment).
        baseline: the athlete's 1RMs, by exercise id.
        library: the exercise library.

    Returns:
        One ``PlannedLift`` per lift, ids ``wNN-liftN`` in template order; empty
        when the week has no lift.

    Raises:
        InvalidInput: more than four lifts, a volume factor outside (0, 1.5], a
            negative week in block, or an unknown equipment name in the profile.
    """
    _check_week(week)
    if week.lifts == 0:
        return ()
    kit = equipment_set(
        set(profile.lifting.equipment) | {Equipment.BODYWEIGHT.value},
        field_name="lifting.equipment",
    )
    layout = LAYOUTS[(FAMILY_OF[week.lift_emphasis], week.lifts)]
    pool = library.available(kit)
    doses = DOSES[week.lift_emphasis]

    items: list[_Item] = []
    missing: dict[int, list[str]] = {}
    for index, template in enumerate(layout):
        used: set[str] = set()
        for slot in template.slots:
            exercise = _resolve(slot, library=library, pool=pool, kit=kit, used=used)
            if exercise is None:
                missing.setdefault(index, []).append(library.get(slot.exercise).name)
                continue
            used.add(exercise.id)
            dose = doses[slot.role]
            items.append(
                _Item(
                    session=index,
                    exercise=exercise,
                    role=slot.role,
                    dose=dose,
                    sets=dose.sets,
                    replaced=None
                    if exercise.id == slot.exercise
                    else library.get(slot.exercise).name,
                )
            )
    if week.lifts > 1:
        _balance(items, WEEKLY_SET_RANGES[week.lift_emphasis])

    factor = volume_factor(week)
    step_index = progression_step(week)
    test = week.lift_emphasis is LiftEmphasis.PEAK_TEST
    days = {
        g: sum(
            1
            for index in range(len(layout))
            if any(i.session == index and g in i.exercise.primary for i in items)
        )
        for g in MAJOR_MUSCLE_GROUPS
    }
    key = _is_key(profile)
    deload = week.deload or week.phase is Phase.DELOAD

    planned: list[PlannedLift] = []
    for index, template in enumerate(layout):
        session_items = _ordered([i for i in items if i.session == index])
        prescribed = [
            (
                item,
                _prescribe(
                    item,
                    step=item.dose.step(step_index),
                    sets=scaled_sets(item.sets, factor=factor),
                    baseline=baseline,
                    test=test and item.role is SlotRole.MAIN,
                ),
            )
            for item in session_items
        ]
        kind = lift_kind([(i.exercise, p.step) for i, p in prescribed])
        minutes = session_minutes([(i.exercise, i.role, p.item) for i, p in prescribed], test=test)
        exercises = tuple(p.item for _, p in prescribed)
        groups = frozenset(g for i, _ in prescribed for g in i.exercise.primary)
        rpe = SESSION_RPE[week.lift_emphasis]
        if deload:
            rpe = min(rpe, DELOAD_SESSION_RPE)
        heads = [i.exercise.name for i, _ in prescribed if i.role is SlotRole.MAIN]
        title = f"{template.name}: {', '.join(heads)}" if heads else template.name

        rules, lines = _explain(
            week,
            prescribed,
            factor=factor,
            step_index=step_index,
            days=days,
            missing=missing.get(index, []),
        )
        session_id = SessionId(f"w{week.index + 1:02d}-lift{index + 1}")
        planned.append(
            PlannedLift(
                spec=SessionSpec(
                    id=session_id,
                    modality=Modality.LIFT,
                    kind=kind,
                    title=title,
                    duration_min=grid_minutes(minutes),
                    muscle_groups=groups,
                    key=key,
                    rpe=rpe,
                    contains_explosive=any(i.exercise.explosive for i, _ in prescribed),
                ),
                prescription=LiftPrescription(
                    kind=kind,
                    exercises=exercises,
                    duration_min=round(minutes, 1),
                    rpe=rpe,
                    notes=template.name,
                ),
                rules=rules,
                explanation=lines,
            )
        )
    return tuple(planned)


def weekly_sets(lifts: Sequence[PlannedLift], library: ExerciseLibrary) -> dict[MuscleGroup, int]:
    """Work sets per major muscle group over a week's lifts (primary groups only)."""
    totals = dict.fromkeys(sorted(MAJOR_MUSCLE_GROUPS), 0)
    for lift in lifts:
        for item in lift.prescription.exercises:
            for group in library.get(item.exercise).primary & MAJOR_MUSCLE_GROUPS:
                totals[group] += item.sets
    return totals


def training_days(lifts: Sequence[PlannedLift]) -> dict[MuscleGroup, int]:
    """How many of the week's lifts train each major group (SCH-7 counts distinct days)."""
    return {
        g: sum(1 for lift in lifts if g in lift.spec.muscle_groups)
        for g in sorted(MAJOR_MUSCLE_GROUPS)
    }
