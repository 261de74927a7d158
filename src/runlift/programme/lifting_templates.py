"""The lifting templates and doses as typed tables: what a coach reads to see the programme.

Every row names the rule it serves; ``runlift.programme.lifting_prescription``
applies them to a week.

* :data:`LAYOUTS`: which exercises each session holds, by template family and
  number of lifts, so that legs, back and chest are each trained on 2-3
  distinct days (SCH-7) and every session is built on compound lifts (LFT-1).
* :data:`DOSES`: sets, reps, intensity and rest of each exercise role under
  each lift emphasis (LFT-2 hypertrophy, LFT-3 strength and maintenance,
  LFT-6 runner-specific work, SCH-9 explosive work), with one progression step
  per week of the block (LFT-5).
* :data:`WEEKLY_SET_RANGES`: hard sets per major muscle group per week at full
  volume, with their sources.
* :data:`SESSION_RPE`: the planned session RPE of each emphasis, for training load.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from runlift.programme.periodisation import LiftEmphasis
from runlift.rules.catalogue.scheduling import SCH_7
from runlift.vocabulary import (
    MAJOR_MUSCLE_GROUPS,
    EvidenceProfile,
    MuscleGroup,
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
