"""The lifting doses as typed tables: sets, reps, effort, rests and how they progress.

Every row names the rule it serves; ``runlift.programme.lifting_prescription``
applies them to a week and ``docs/lifting.md`` explains them in prose.

* :data:`DOSES`: sets, reps, intensity and rest of each exercise role under each
  lift emphasis, with one step per build week of the block and one table per
  experience level (LFT-2 hypertrophy, LFT-3 strength and maintenance, LFT-6
  runner-specific work, SCH-9 explosive work, LFT-5 progression). Novices keep
  the 8-12 repetitions of ACSM 2009; exercises without added load get their own
  steps of 8-12 slow repetitions by RPE.
* :data:`PEAK_STEPS`: the main lifts of the weeks before a strength test, from
  heavy triples to singles at 92.5 %.
* :data:`WEEKLY_GAIN`: how fast the planned maximum of each lift rises in the
  loading weeks, by experience; the loads of a new block start from it.
* :data:`WEEKLY_SET_RANGES` and :data:`HYPERTROPHY_VOLUME`: hard sets per muscle
  group per week, and how a hypertrophy block raises them.
* Deload, taper and race-week numbers, the test-day ramp, session RPEs and the
  time a set takes.

Effort is read on the repetitions-in-reserve RPE chart (Helms et al. 2016): a set
of ``reps`` at RPE ``r`` weighs what a set to failure of ``reps + 10 - r`` reps
weighs, which lets the chart be read below RPE 6 for deloads (:func:`effort_percent`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from runlift.errors import InvalidInput
from runlift.programme.lifting_templates import (
    BAZ_VALLE_2022,
    BICKEL_2011,
    BLAGROVE_2018,
    HELMS_2016,
    ISRAETEL_2019,
    RALSTON_2017,
    SCHOENFELD_2017,
    VIKMOEN_2017,
    SlotRole,
)
from runlift.programme.periodisation import LiftEmphasis
from runlift.rules.catalogue.scheduling import SCH_7
from runlift.science import strength
from runlift.units import KG_PER_LB
from runlift.vocabulary import (
    MAJOR_MUSCLE_GROUPS,
    EvidenceProfile,
    Experience,
    MassUnit,
    MuscleGroup,
)

MIN_SETS_PER_EXERCISE: Final = 1
MAX_SETS_PER_EXERCISE: Final = 5
"""Bounds on the work sets of one exercise in one session; beyond five, sets of the
same movement add fatigue faster than stimulus (LFT-4, 'junk volume')."""

MAX_SETS_PER_SESSION: Final = 22
"""Most hard sets the weekly balance puts into one session (LFT-4: few, high-quality sets;
beyond about 20 sets a session the last sets lose quality, Israetel 2019)."""

SCH7_MIN_DAYS: Final = round(SCH_7.param("min_per_week", EvidenceProfile.DEFAULT))
SCH7_MAX_DAYS: Final = round(SCH_7.param("max_per_week", EvidenceProfile.DEFAULT))
"""Days a week each of legs, back and chest is trained (SCH-7), from the rule catalogue."""

EMPTY_BAR_KG: Final[Mapping[MassUnit, float]] = MappingProxyType(
    {MassUnit.KG: 20.0, MassUnit.LB: 45.0 * KG_PER_LB}
)
"""The lightest load a barbell exercise can have: the empty bar, 20 kg (the standard men's
bar of the IWF and IPF technical rules) or 45 lb in a pound gym (the Olympic bar of Baechle
& Earle 2008, NSCA Essentials of Strength Training and Conditioning, 3rd ed.). A barbell load
below it is raised to it."""

MAX_VOLUME_FACTOR: Final = 1.5
"""Largest ``lift_volume_factor`` accepted; the planner uses 1.0 and below."""

HEAVY_PERCENT_1RM: Final = 70.0
HEAVY_RPE: Final = 7.0
"""A squat, hinge or lunge at or above either threshold makes a lift *heavy lower*
(GUIDELINES.md, 'Words'; SCH-4). Work without added load counts by its RPE: a
bodyweight split squat at RPE 8 is as hard on the legs as its effort says."""

# --- effort on the RPE chart ---------------------------------------------------------

MAX_RPE: Final = 10.0
MIN_RPE: Final = 3.0
"""The RPE scale's top, and the lowest RPE a prescription uses (a deload of light work)."""

_CHART_SLOPE_PERCENT_PER_REP: Final = strength.percent_one_rep_max(
    reps=strength.MAX_REPS - 1, rpe=10.0
) - strength.percent_one_rep_max(reps=strength.MAX_REPS, rpe=10.0)
"""Percent of 1RM per extra repetition at the chart's far end (11 to 12 reps to failure),
used to read the chart past 12 repetitions to failure."""


def effort_percent(*, reps: int, rpe: float) -> float:
    """Percent of 1RM that ``reps`` at ``rpe`` stand for on the RPE chart, below RPE 6 too.

    The chart of Helms et al. (2016) is a function of repetitions to failure: a
    set of ``reps`` at RPE ``r`` is a set to failure of ``reps + 10 - r`` reps. Whole
    and half repetitions to failure up to 12 are read on the chart (interpolated
    between its rows); beyond 12 the chart's last slope is extended.

    Examples:
        >>> effort_percent(reps=5, rpe=8.0)
        81.1
        >>> round(effort_percent(reps=5, rpe=5.0), 1)
        73.9
    """
    if reps < 1 or not 0.0 <= rpe <= MAX_RPE:
        raise InvalidInput("effort", f"{reps} reps at RPE {rpe}", "1 rep or more at RPE 0-10")
    to_failure = reps + MAX_RPE - rpe
    if to_failure <= strength.MAX_REPS:
        low = math.floor(to_failure)
        share = to_failure - low
        first = strength.percent_one_rep_max(reps=low, rpe=10.0)
        if share == 0:
            return first
        second = strength.percent_one_rep_max(reps=low + 1, rpe=10.0)
        return first + (second - first) * share
    last = strength.percent_one_rep_max(reps=strength.MAX_REPS, rpe=10.0)
    return last - _CHART_SLOPE_PERCENT_PER_REP * (to_failure - strength.MAX_REPS)


def effort_rpe(*, reps: int, percent_1rm: float) -> float:
    """The RPE (half steps, 3-10) whose chart percent for ``reps`` is nearest ``percent_1rm``.

    Ties go to the lower RPE.

    Examples:
        >>> effort_rpe(reps=5, percent_1rm=81.1)
        8.0
        >>> effort_rpe(reps=8, percent_1rm=70.0)
        6.5
    """
    steps = [MIN_RPE + 0.5 * i for i in range(round(2 * (MAX_RPE - MIN_RPE)) + 1)]
    return min(steps, key=lambda r: (abs(effort_percent(reps=reps, rpe=r) - percent_1rm), r))


# --- steps and doses -----------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """One week's target for an exercise: reps with a %1RM or an RPE, or reps alone (jumps).

    ``lowering_s`` is the tempo of the lowering phase in seconds when the step sets
    one (runner-specific and unloaded work progress by it); None leaves the
    exercise's default.
    """

    reps: int
    percent_1rm: float | None = None
    rpe: float | None = None
    lowering_s: int | None = None

    @property
    def intended_percent(self) -> float | None:
        """The intensity the step stands for: its %1RM, or the chart value of its reps and RPE."""
        if self.percent_1rm is not None:
            return self.percent_1rm
        if self.rpe is not None:
            return effort_percent(reps=self.reps, rpe=self.rpe)
        return None

    @property
    def effort(self) -> float | None:
        """The RPE the step stands for: its RPE, or the chart RPE of its reps and %1RM."""
        if self.rpe is not None:
            return self.rpe
        if self.percent_1rm is not None:
            return effort_rpe(reps=self.reps, percent_1rm=self.percent_1rm)
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Dose:
    """How an exercise of one role is dosed under one emphasis: one row of :data:`DOSES`.

    Attributes:
        sets: work sets per session at full volume, before the weekly balance.
        steps: by experience, the target for build week 0, 1, ... of the block (LFT-5);
            the last step repeats.
        rest_s: rest between sets, seconds.
        rule: the rule this row implements.
        unloaded: the steps of an exercise without added load (bodyweight or bands):
            reps at an RPE with a slow lowering, the same for every level. None when
            the role's own steps are already by RPE or by contacts.
        adjustable: whether the weekly balance may change ``sets``.
    """

    sets: int
    steps: Mapping[Experience, tuple[Step, ...]]
    rest_s: int
    rule: str
    unloaded: tuple[Step, ...] | None = None
    adjustable: bool = True

    def step(self, week_in_block: int, *, experience: Experience, loaded: bool) -> Step:
        """The target for a build week of the block; weeks past the table repeat its last step."""
        table = self.steps[experience] if loaded or self.unloaded is None else self.unloaded
        return table[min(week_in_block, len(table) - 1)]


def _pct(reps: int, percent_1rm: float) -> Step:
    return Step(reps=reps, percent_1rm=percent_1rm)


def _rpe(reps: int, rpe: float, lowering_s: int | None = None) -> Step:
    return Step(reps=reps, rpe=rpe, lowering_s=lowering_s)


def _levels(
    novice: tuple[Step, ...], intermediate: tuple[Step, ...], advanced: tuple[Step, ...]
) -> Mapping[Experience, tuple[Step, ...]]:
    return MappingProxyType(
        {
            Experience.NOVICE: novice,
            Experience.INTERMEDIATE: intermediate,
            Experience.ADVANCED: advanced,
        }
    )


def _all_levels(steps: tuple[Step, ...]) -> Mapping[Experience, tuple[Step, ...]]:
    return _levels(steps, steps, steps)


# Novices (ACSM 2009): loads of an 8-12 repetition maximum, 60-70 % of 1RM. Eight reps
# at 70 % of the planned maximum is inside both that range and LFT-3's 70-85 %; the
# progression is linear: the planned maximum, and with it the load, rises every loading
# week (WEEKLY_GAIN).
_NOVICE_STRENGTH = (_pct(8, 70.0),)
# LFT-3 (strength and maintenance): 70-85 % 1RM, 3-8 reps. Intermediates move one step a
# week: +2.5 points of the planned maximum (about 3 % more load) while the reps step
# down, within the 2-10 % load increases of ACSM 2009.
_STRENGTH_MAIN = (_pct(5, 75.0), _pct(5, 77.5), _pct(4, 80.0), _pct(4, 82.5), _pct(3, 85.0))
# Advanced lifters wave within the block (five, four, three reps rising, then a second,
# higher wave) and gain from block to block (WEEKLY_GAIN applies per block).
_ADVANCED_MAIN = (_pct(5, 77.5), _pct(4, 80.0), _pct(3, 85.0), _pct(5, 80.0), _pct(4, 82.5))
_STRENGTH_ASSIST = (_pct(8, 70.0), _pct(8, 72.5), _pct(7, 75.0), _pct(6, 77.5), _pct(6, 80.0))
# Runners' heavy lower-body lifts: same LFT-3 window, one more rep per set, in line
# with the 4-10 repetition-maximum work of Rønnestad & Mujika 2014 and Vikmoen 2017.
_RUNNER_MAIN = (_pct(6, 75.0), _pct(6, 77.5), _pct(5, 80.0), _pct(5, 82.5), _pct(4, 85.0))
# LFT-2 (hypertrophy): 6-12 reps at RPE 8-9. Effort rises from RPE 8 to 9, then the
# reps step down so that the load keeps rising at RPE 9; advanced lifters wave.
_HYP_NOVICE = (_rpe(10, 8.0),)
_HYP_COMPOUND = (_rpe(10, 8.0), _rpe(10, 8.5), _rpe(10, 9.0), _rpe(8, 9.0), _rpe(8, 9.0))
_HYP_ADVANCED = (_rpe(10, 8.0), _rpe(8, 8.5), _rpe(6, 9.0), _rpe(10, 8.5), _rpe(8, 9.0))
_HYP_ACC_NOVICE = (_rpe(12, 8.0),)
_HYP_ACCESSORY = (_rpe(12, 8.0), _rpe(12, 8.5), _rpe(12, 9.0), _rpe(10, 9.0), _rpe(10, 9.0))
_HYP_ACC_ADVANCED = (_rpe(12, 8.0), _rpe(10, 8.5), _rpe(8, 9.0), _rpe(12, 8.5), _rpe(10, 9.0))
# Without added load (bodyweight, bands) the effort comes from the variation, the reps
# and a slow lowering: 8-12 reps at RPE 8 (two reps in reserve) with a 3-s lowering, the
# reps rising as the athlete gets stronger (ACSM 2009: more repetitions at the same load
# is a progression), then a 4-s lowering. Past 12 easy reps the athlete moves to the
# next harder variation of the library.
_UNLOADED_STRENGTH = (
    _rpe(8, 8.0, 3),
    _rpe(10, 8.0, 3),
    _rpe(12, 8.0, 3),
    _rpe(10, 8.5, 4),
    _rpe(12, 8.5, 4),
)
_UNLOADED_HYPERTROPHY = (
    _rpe(8, 8.0, 3),
    _rpe(10, 8.0, 3),
    _rpe(12, 8.5, 3),
    _rpe(10, 9.0, 4),
    _rpe(12, 9.0, 4),
)
# Plyometrics: contacts per set (per leg for single-leg hops), one or two more each week.
_PLYOMETRIC = (Step(reps=5), Step(reps=6), Step(reps=6), Step(reps=8), Step(reps=8))
# LFT-6: runner-specific work at a moderate effort (RPE 6.5, three to four reps in
# reserve) with slow lowering; one more rep each week.
_RUNNER_SPECIFIC = (
    _rpe(8, 6.5, 3),
    _rpe(9, 6.5, 3),
    _rpe(10, 6.5, 3),
    _rpe(11, 6.5, 3),
    _rpe(12, 6.5, 3),
)
# LFT-6 with lifting.style runner_specific: progression by reps, then tempo (a
# 4-s instead of a 3-s lowering), then effort (RPE 6 to 6.5, that is a heavier
# dumbbell or a stiffer band for the same reps), LFT-5. RPE stays below 7 and every
# step below 70 % 1RM on the RPE chart, so a squat or lunge here is never heavy lower.
_RUNNER_SPECIFIC_TEMPO = (
    _rpe(8, 6.0, 3),
    _rpe(10, 6.0, 3),
    _rpe(10, 6.0, 4),
    _rpe(10, 6.5, 4),
    _rpe(12, 6.5, 4),
)
# The push and the pull of a runner-specific session: a moderate upper-body dose at
# RPE 7-8 (two to three reps in reserve), more reps and then more effort each week.
_PUSH_PULL = (_rpe(8, 7.0), _rpe(10, 7.0), _rpe(10, 7.5), _rpe(12, 7.5), _rpe(12, 8.0))

_R = SlotRole
_E = LiftEmphasis

_EXPLOSIVE_ROW = Dose(sets=3, steps=_all_levels(_PLYOMETRIC), rest_s=120, rule="SCH-9")
_RUNNER_ROW = Dose(sets=2, steps=_all_levels(_RUNNER_SPECIFIC), rest_s=60, rule="LFT-6")
_STRENGTH_MAINS = _levels(_NOVICE_STRENGTH, _STRENGTH_MAIN, _ADVANCED_MAIN)
_STRENGTH_ASSISTS = _levels(_NOVICE_STRENGTH, _STRENGTH_ASSIST, _STRENGTH_ASSIST)

DOSES: Final[Mapping[LiftEmphasis, Mapping[SlotRole, Dose]]] = MappingProxyType(
    {
        _E.STRENGTH: MappingProxyType(
            {
                _R.EXPLOSIVE: _EXPLOSIVE_ROW,
                _R.MAIN: Dose(
                    sets=4,
                    steps=_STRENGTH_MAINS,
                    rest_s=180,
                    rule="LFT-3",
                    unloaded=_UNLOADED_STRENGTH,
                ),
                _R.ASSIST: Dose(
                    sets=3,
                    steps=_STRENGTH_ASSISTS,
                    rest_s=150,
                    rule="LFT-3",
                    unloaded=_UNLOADED_STRENGTH,
                ),
                _R.RUNNER: _RUNNER_ROW,
                _R.ACCESSORY: Dose(
                    sets=2,
                    steps=_STRENGTH_ASSISTS,
                    rest_s=120,
                    rule="LFT-3",
                    unloaded=_UNLOADED_STRENGTH,
                ),
            }
        ),
        # Hypertrophy starts each exercise at one or two sets: the weekly balance then
        # raises the sets per muscle from the start of HYPERTROPHY_VOLUME to its top.
        _E.HYPERTROPHY: MappingProxyType(
            {
                _R.EXPLOSIVE: Dose(
                    sets=2, steps=_all_levels(_PLYOMETRIC), rest_s=120, rule="SCH-9"
                ),
                _R.MAIN: Dose(
                    sets=2,
                    steps=_levels(_HYP_NOVICE, _HYP_COMPOUND, _HYP_ADVANCED),
                    rest_s=150,
                    rule="LFT-2",
                    unloaded=_UNLOADED_HYPERTROPHY,
                ),
                _R.ASSIST: Dose(
                    sets=2,
                    steps=_levels(_HYP_NOVICE, _HYP_COMPOUND, _HYP_ADVANCED),
                    rest_s=120,
                    rule="LFT-2",
                    unloaded=_UNLOADED_HYPERTROPHY,
                ),
                _R.RUNNER: _RUNNER_ROW,
                _R.ACCESSORY: Dose(
                    sets=1,
                    steps=_levels(_HYP_ACC_NOVICE, _HYP_ACCESSORY, _HYP_ACC_ADVANCED),
                    rest_s=90,
                    rule="LFT-2",
                    unloaded=_UNLOADED_HYPERTROPHY,
                ),
            }
        ),
        _E.MAINTENANCE: MappingProxyType(
            {
                _R.EXPLOSIVE: Dose(
                    sets=2, steps=_all_levels(_PLYOMETRIC), rest_s=120, rule="SCH-9"
                ),
                _R.MAIN: Dose(
                    sets=2,
                    steps=_STRENGTH_MAINS,
                    rest_s=180,
                    rule="LFT-3",
                    unloaded=_UNLOADED_STRENGTH,
                ),
                _R.ASSIST: Dose(
                    sets=2,
                    steps=_STRENGTH_ASSISTS,
                    rest_s=150,
                    rule="LFT-3",
                    unloaded=_UNLOADED_STRENGTH,
                ),
                _R.RUNNER: _RUNNER_ROW,
                _R.ACCESSORY: Dose(
                    sets=1,
                    steps=_STRENGTH_ASSISTS,
                    rest_s=120,
                    rule="LFT-3",
                    unloaded=_UNLOADED_STRENGTH,
                ),
            }
        ),
        _E.RUNNER: MappingProxyType(
            {
                _R.EXPLOSIVE: _EXPLOSIVE_ROW,
                _R.MAIN: Dose(
                    sets=3,
                    steps=_levels(_NOVICE_STRENGTH, _RUNNER_MAIN, _RUNNER_MAIN),
                    rest_s=180,
                    rule="LFT-3",
                    unloaded=_UNLOADED_STRENGTH,
                ),
                _R.ASSIST: Dose(
                    sets=2,
                    steps=_STRENGTH_ASSISTS,
                    rest_s=150,
                    rule="LFT-3",
                    unloaded=_UNLOADED_STRENGTH,
                ),
                _R.RUNNER: _RUNNER_ROW,
                _R.ACCESSORY: Dose(
                    sets=2,
                    steps=_STRENGTH_ASSISTS,
                    rest_s=120,
                    rule="LFT-3",
                    unloaded=_UNLOADED_STRENGTH,
                ),
            }
        ),
        # The test week's primer: two easy triples of the main lifts at 75 % of the planned
        # maximum (about RPE 4.5), a light row: rehearsal, not training (Pritchard 2015).
        _E.PEAK_TEST: MappingProxyType(
            {
                _R.EXPLOSIVE: Dose(
                    sets=1, steps=_all_levels(_PLYOMETRIC[:1]), rest_s=120, rule="SCH-9"
                ),
                _R.MAIN: Dose(
                    sets=2,
                    steps=_all_levels((_pct(3, 75.0),)),
                    rest_s=180,
                    rule="PER-2",
                    unloaded=(_rpe(5, 6.0),),
                    adjustable=False,
                ),
                _R.ASSIST: Dose(
                    sets=1,
                    steps=_all_levels((_rpe(8, 6.0),)),
                    rest_s=120,
                    rule="PER-2",
                    unloaded=(_rpe(8, 6.0),),
                    adjustable=False,
                ),
                _R.RUNNER: Dose(
                    sets=1, steps=_all_levels(_RUNNER_SPECIFIC[:1]), rest_s=60, rule="LFT-6"
                ),
                _R.ACCESSORY: Dose(
                    sets=1,
                    steps=_all_levels((_rpe(8, 6.0),)),
                    rest_s=120,
                    rule="PER-2",
                    unloaded=(_rpe(8, 6.0),),
                    adjustable=False,
                ),
            }
        ),
        # Runner-specific style: hops (explosive), the LFT-6 set (runner) and one push
        # and one pull (accessory); its layouts have no main or assist slot.
        _E.RUNNER_SPECIFIC: MappingProxyType(
            {
                _R.EXPLOSIVE: Dose(
                    sets=2, steps=_all_levels(_PLYOMETRIC), rest_s=120, rule="SCH-9"
                ),
                _R.RUNNER: Dose(
                    sets=2, steps=_all_levels(_RUNNER_SPECIFIC_TEMPO), rest_s=60, rule="LFT-6"
                ),
                _R.ACCESSORY: Dose(sets=2, steps=_all_levels(_PUSH_PULL), rest_s=90, rule="SCH-7"),
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

# --- the weeks before a strength test ---------------------------------------------------

PEAK_STEPS: Final[Mapping[Experience, Mapping[int, Step]]] = MappingProxyType(
    {
        # Novices stay in repetition ranges they can own (ACSM 2009) and test a 5-rep max.
        Experience.NOVICE: MappingProxyType({3: _pct(8, 72.5), 2: _pct(6, 75.0), 1: _pct(6, 77.5)}),
        # Heavy triples, then doubles, then singles at 92.5 % (ACSM 2009: trained lifters
        # end on heavy loading, 1-6 repetition maxima at 80-100 % of 1RM).
        Experience.INTERMEDIATE: MappingProxyType(
            {3: _pct(3, 87.5), 2: _pct(2, 90.0), 1: _pct(1, 92.5)}
        ),
        Experience.ADVANCED: MappingProxyType(
            {3: _pct(3, 87.5), 2: _pct(2, 90.0), 1: _pct(1, 92.5)}
        ),
    }
)
"""Main-lift step of a build week ``k`` weeks before a strength test week (k = 1, 2, 3);
weeks further out keep the strength steps of their block."""

PEAK_SETS: Final[Mapping[int, int]] = MappingProxyType({3: 4, 2: 3, 1: 2})
"""Work sets of a main lift ``k`` weeks before the test: fewer as the load climbs."""

PEAK_VOLUME_FACTOR: Final[Mapping[int, float]] = MappingProxyType({3: 0.8, 2: 0.7, 1: 0.6})
"""Sets of the other exercises ``k`` weeks before the test (Pritchard 2015: volume down
30-70 %, intensity kept or raised, before a maximal-strength test)."""

PEAK_REST_S: Final = 240
"""Rest between the heavy triples, doubles and singles of a peak."""

PEAK_LAST_HEAVY_DAYS: Final = 5
"""Singles at 90 % or more end at least this many days before the test: the last heavy
session about a week out and a few light days before it (Pritchard 2015)."""

PEAK_TAPER_MAX_DAYS: Final = 10
"""...and no more than this many days before it: the last heavy session about a week out,
so the test week is the taper and strength has not begun to fade (Pritchard et al. 2016 J
Strength Cond Res 30(7):1796-1804: elite powerlifters' last heavy session about a week
before competition; Pritchard 2015)."""

PRIMER_DAYS_BEFORE: Final = 3
"""The test week's light session is at least this many days before the test (2-4 days of
rest before a maximal test, Pritchard 2015), or, when the week has no room, at least
:data:`AFTER_TEST_DAYS` after it."""

AFTER_TEST_DAYS: Final = 2

TEST_RAMP: Final = ((5, 50.0), (3, 70.0), (2, 80.0), (1, 90.0))
"""Warm-up sets before a 1RM test: (reps, % of the target) (NSCA 2016: a graded warm-up
of several sets, fewer reps as the load rises, before the attempts)."""

NOVICE_TEST_RAMP: Final = ((8, 50.0), (5, 70.0), (3, 80.0), (1, 90.0))
"""Warm-up sets before a 5-rep-max test: (reps, % of the 5-rep-max load)."""

TEST_ATTEMPTS: Final = (
    (93.0, "opener"),
    (100.0, "second attempt"),
    (103.0, "third attempt (optional)"),
)
"""Attempts at % of the current estimate: an opener the athlete is sure of, a second at
the estimate, a third above it only when the second moved well (NSCA 2016)."""

NOVICE_TEST_REPS: Final = 5
"""A novice tests a 5-rep maximum, not a single (ACSM 2009 keeps novices at 8-12 RM loads;
NSCA 2016 estimates the 1RM from a repetition maximum for less trained lifters)."""

TEST_REST_S: Final = 300
TEST_WARMUP_REST_S: Final = 120
"""Rests between attempts (3-5 min) and between warm-up sets on test day (NSCA 2016)."""

# --- progression across the plan ------------------------------------------------------

WEEKLY_GAIN: Final[Mapping[Experience, float]] = MappingProxyType(
    {
        Experience.NOVICE: 0.025,
        Experience.INTERMEDIATE: 0.01,
        Experience.ADVANCED: 0.005,
    }
)
"""Rise of the planned maximum per loading week (ACSM 2009: load increases of 2-10 %).

A novice adds about 2.5 % a week (linear progression); an intermediate about 1 % a
week on top of the weekly steps of the block; an advanced lifter about 0.5 % a
loading week, added once at the start of each new block (``GAIN_BY_BLOCK``)."""

GAIN_CAP: Final[Mapping[Experience, float]] = MappingProxyType(
    {
        Experience.NOVICE: 0.40,
        Experience.INTERMEDIATE: 0.20,
        Experience.ADVANCED: 0.10,
    }
)
"""Largest planned rise over a whole plan: the average strength gains ACSM 2009 reports
over 4 weeks to 2 years (about 40 % untrained, 20 % moderately trained, 10 % advanced)."""

GAIN_BY_BLOCK: Final = frozenset({Experience.ADVANCED})
"""Levels whose planned maximum rises between blocks only (block periodisation)."""

LOADING_EMPHASES: Final = frozenset(
    {LiftEmphasis.STRENGTH, LiftEmphasis.HYPERTROPHY, LiftEmphasis.RUNNER}
)
"""Emphases whose build weeks raise the planned maximum; maintenance keeps it (Bickel 2011)."""

# --- deloads, tapers and light sessions -------------------------------------------------

DELOAD_SET_SHARE: Final = 0.5
DELOAD_RPE_DROP: Final = 2.0
"""A deload keeps each exercise's reps, about half its sets (rounded down, never below one)
and an effort two RPE points lower, so the load drops about 6 % of 1RM (PER-3; Bosquet
2007 for the cut in volume; two reps more in reserve on the chart of Helms 2016)."""

TAPER_SET_SHARE: Final = 0.5
TAPER_RPE_DROP: Final = 1.0
"""A race taper week halves the sets and lowers the effort one point: strength kept,
fatigue shed (Bosquet 2007: cut volume 41-60 %, keep intensity)."""

LIGHT_RPE: Final = 6.0
LIGHT_MIN_REPS: Final = 8
"""A light session (the last days before a race) keeps every set at RPE 6 or below with at
least 8 reps for squats, hinges and lunges (under 70 % 1RM on the chart: not heavy lower),
without jumps or slow lowering."""

LAST_HEAVY_DAYS_BEFORE_RACE: Final[Mapping[str, int]] = MappingProxyType(
    {"marathon": 10, "half": 10, "10k": 7, "5k": 7}
)
"""Days between the last heavy-lower or explosive lift and the race, by race class.

Hard eccentric and jumping work leaves the legs weaker for about a week (Clarkson &
Hubal 2002); a marathon or half taper lasts 8-14 days (Bosquet 2007), a 5-10 km taper
about a week. The race week itself has no lift (SCH-7 allows none or two)."""

# --- weekly volume ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class SetRange:
    """Weekly hard sets per muscle group at full volume, with where the numbers come from."""

    low: int
    high: int
    source: str


_STRENGTH_SETS = SetRange(low=6, high=15, source=RALSTON_2017)
_MAINTENANCE_SETS = SetRange(low=4, high=8, source=BICKEL_2011)
_RUNNER_LEG_SETS = SetRange(low=8, high=24, source=f"{VIKMOEN_2017}; {BLAGROVE_2018}")
_PEAK_SETS = SetRange(low=3, high=10, source=f"{BICKEL_2011}; {HELMS_2016}")
_RUNNER_SPECIFIC_LEG_SETS = SetRange(low=12, high=24, source=f"{BLAGROVE_2018}; {VIKMOEN_2017}")
_UPPER_MAINTENANCE = SetRange(low=3, high=8, source=BICKEL_2011)


def _same(sets: SetRange) -> Mapping[MuscleGroup, SetRange]:
    return MappingProxyType(dict.fromkeys(sorted(MAJOR_MUSCLE_GROUPS), sets))


WEEKLY_SET_RANGES: Final[Mapping[LiftEmphasis, Mapping[MuscleGroup, SetRange]]] = MappingProxyType(
    {
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
                MuscleGroup.BACK: _UPPER_MAINTENANCE,
                MuscleGroup.CHEST: _UPPER_MAINTENANCE,
                MuscleGroup.LEGS: _RUNNER_LEG_SETS,
            }
        ),
        # The test week's primer is light.
        _E.PEAK_TEST: _same(_PEAK_SETS),
        # Runner-specific style: two sets of each LFT-6 exercise on 2-3 days, at most the
        # 24 weekly lower-body sets of Vikmoen 2017 (which were heavier); chest and back
        # at a maintenance dose.
        _E.RUNNER_SPECIFIC: MappingProxyType(
            {
                MuscleGroup.BACK: _UPPER_MAINTENANCE,
                MuscleGroup.CHEST: _UPPER_MAINTENANCE,
                MuscleGroup.LEGS: _RUNNER_SPECIFIC_LEG_SETS,
            }
        ),
    }
)
"""Hard sets per week for legs, back and chest at ``lift_volume_factor`` 1.0 (2-4 lifts),
for every emphasis but hypertrophy (:data:`HYPERTROPHY_VOLUME`).

Every work set of an exercise counts once toward each of its primary groups.
The week's sets are balanced into these ranges before the volume factor scales
them down (LFT-4); a single-lift week is not balanced.
"""

SMALL_MUSCLE_GROUPS: Final = frozenset({MuscleGroup.ARMS, MuscleGroup.SHOULDERS})
"""Groups a hypertrophy block trains with direct work of their own besides the compounds."""


@dataclass(frozen=True, slots=True, kw_only=True)
class VolumeRamp:
    """Weekly hard sets per muscle over a hypertrophy block: from ``start`` to ``top``.

    ``start`` and ``top`` are for legs, back and chest; ``small_start`` and
    ``small_top`` for arms and shoulders, which the compounds also train.
    """

    start: int
    top: int
    small_start: int
    small_top: int


HYPERTROPHY_VOLUME: Final[Mapping[Experience, VolumeRamp]] = MappingProxyType(
    {
        Experience.NOVICE: VolumeRamp(start=10, top=12, small_start=4, small_top=6),
        Experience.INTERMEDIATE: VolumeRamp(start=10, top=16, small_start=4, small_top=8),
        Experience.ADVANCED: VolumeRamp(start=12, top=18, small_start=6, small_top=10),
    }
)
"""Weekly hard sets of a hypertrophy block, rising evenly over its build weeks and starting
again after the deload (Israetel 2019: from the minimum effective towards the maximum
recoverable volume across a mesocycle; Schoenfeld 2017: 10 or more weekly sets per muscle
grew more; Baz-Valle 2022: 12-20 suits trained lifters)."""

HYPERTROPHY_SOURCES: Final = f"{SCHOENFELD_2017}; {BAZ_VALLE_2022}; {ISRAETEL_2019}"
HYPERTROPHY_BAND_SETS: Final = 3
"""Width of a hypertrophy week's set range above its target (the balance moves one set at
a time and stops once every group is inside)."""

# --- session RPE and time ----------------------------------------------------------------

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
near failure rate higher than lighter ones (Day 2004)."""

DELOAD_SESSION_RPE: Final = 5.0
TAPER_SESSION_RPE: Final = 5.0
LIGHT_SESSION_RPE: Final = 4.0
PRIMER_SESSION_RPE: Final = 4.0
TEST_SESSION_RPE: Final = 9.0
PEAK_SESSION_RPE: Final = 8.0

GRID_MIN: Final = 15
"""Session durations are rounded up to the placement grid."""

WARMUP_MIN: Final = 10.0
"""General warm-up before every lift, minutes."""

RAMP_MIN_PER_MAIN: Final = 5.0
"""Ramp-up sets before each main lift, minutes (lighter sets working up to the first work set)."""

SECONDS_PER_REP: Final = 3.0
EXPLOSIVE_SECONDS_PER_REP: Final = 2.0
"""Time under load per rep of ordinary and explosive reps; a slow lowering adds its
seconds to the 2 s of the rest of the rep."""
