"""Current ability from a training log: today's e1RM from logged sets, today's VDOT from races.

Both estimates follow the same three steps:

1. **Each record on its own day.** A logged set gives an e1RM (through the RPE chart
   when its RPE or RIR is known, else through a rep-max equation); a race or time trial
   gives a VDOT. Records that say little about the maximum are skipped, each with its
   reason: warm-up sets, sets of too many reps, sets rated too far from failure, training
   runs, and results outside the model's range.
2. **Discounted for age.** Nobody knows whether the athlete kept training since an old
   record, so an old record is read as if training had stopped after it: strength by a
   detraining rule drawn from the detraining literature (:func:`strength_retention`),
   running by Daniels' own table for time off (:func:`vdot_retention`). Records past an
   age limit are skipped: the athlete should be re-tested instead. The discount errs on
   the low side on purpose: a load or pace set slightly low is corrected by the next
   logged session, one set too high costs a failed set or a blown session.
3. **The best one.** The estimate is the highest discounted value, returned with the
   record it came from, every usable record's value and every skipped record's reason.

No function here reads a clock: the day of the estimate, ``on_date``, is an argument,
and a record dated after it is an input error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from runlift.errors import InvalidInput
from runlift.science.checks import require_positive, require_range
from runlift.science.running import (
    MAX_RACE_DISTANCE_M,
    MAX_RACE_DURATION_MIN,
    MAX_SPEED_M_PER_MIN,
    MIN_RACE_DISTANCE_M,
    MIN_RACE_DURATION_MIN,
    MIN_SPEED_M_PER_MIN,
    vdot,
)
from runlift.science.strength import (
    DEFAULT_ONE_REP_MAX_FORMULA,
    MAX_REPS,
    MAX_RPE,
    MIN_RPE,
    OneRepMaxFormula,
    one_rep_max_from_rpe_set_kg,
    one_rep_max_kg,
)
from runlift.units import SECONDS_PER_MINUTE

DAYS_PER_WEEK: Final = 7

MAX_REPS_WITHOUT_RPE: Final = 10
"""Most reps of a set without an RPE or RIR that still gives an e1RM.

Rep-max equations predict best from heavy sets of few reps: Brzycki (1993) advised 10 or
fewer, and Whisenant et al. (2003) found predictions less valid as reps rose. A rated set
may go up to 12 reps (``strength.MAX_REPS``), the edge of the RPE chart, because its
rating says how far from failure it stopped.
"""

LOWEST_RATED_EFFORT_RPE: Final = MIN_RPE
"""Lowest RPE (6, i.e. 4 reps in reserve) a set may carry and still give an e1RM (the chart's)."""

RPE_STEP: Final = 0.5
"""RPE and RIR are rated in half steps (Helms et al. 2016)."""

STRENGTH_KEPT_DAYS: Final = 21
"""Days after a set during which its e1RM counts in full: about three weeks.

Mujika & Padilla's review (2000) reports strength largely kept through up to about four
weeks without training; Bosquet et al. (2013), pooling 103 studies, found the loss grows
with the length of training cessation. Three weeks is the cautious end of that span.
"""

STRENGTH_LOSS_PER_WEEK: Final = 0.01
"""Fraction of an old set's e1RM lost per week after ``STRENGTH_KEPT_DAYS``: 1 % a week.

runlift's planning figure for a slow decline, not a fitted rate. It is gentler than the
7.8-8.9 % 1RM losses García-Pallarés et al. (2010) measured in world-class kayakers after
five weeks of complete rest, because a runlift athlete rarely stops everything (the runs
and the other lifts go on) and the same study found reduced training kept 1RM strength
better than a complete stop. It is steep enough that a set three months old no longer
sets today's loads on its own.
"""

STRENGTH_MAX_AGE_DAYS: Final = 112
"""Sets older than 16 weeks are skipped: re-test instead.

Detraining studies follow strength for up to about three months after training stops
(e.g. 12 weeks in Häkkinen et al. 1985); past that the decline rule above is an
extrapolation, and a lift not logged for four months needs a fresh test set.
"""

VDOT_CURRENT_DAYS: Final = 42
"""Days after a race or time trial during which its VDOT counts in full: six weeks.

Daniels sets training intensities from a recent race and advises staying at one level of
training stress for six to eight weeks before changing it; runlift treats a result as
current for six weeks, the short end of that span, and after that as a time-off problem
(``vdot_retention``) until a new race or time trial replaces it.
"""

VDOT_FREE_DAYS_OFF: Final = 5
"""Days off running that cost no VDOT in Daniels' table."""

VDOT_LOSS_PER_DAY_OFF: Final = 0.003
"""Fraction of VDOT lost per further day off without cross-training in Daniels' table."""

VDOT_FLOOR_FRACTION: Final = 0.8
"""Daniels' table bottoms out at 80 % of the VDOT (72 days off or more)."""

VDOT_FLOOR_DAYS_OFF: Final = 72
"""Days off from which Daniels' table gives its floor."""

VDOT_MAX_AGE_DAYS: Final = VDOT_CURRENT_DAYS + VDOT_FLOOR_DAYS_OFF
"""Results older than 114 days are skipped: past the end of Daniels' table, re-test."""


class SetMethod(StrEnum):
    """How a set's e1RM was obtained."""

    RPE_CHART = "rpe_chart"
    FORMULA = "formula"


class SetSkipReason(StrEnum):
    """Why a logged set gave no e1RM."""

    WARM_UP = "warm_up"
    TOO_MANY_REPS = "too_many_reps"
    TOO_EASY = "too_easy"
    TOO_OLD = "too_old"


class RunEffort(StrEnum):
    """How hard a logged run was meant to be, as the athlete or the importer says."""

    RACE = "race"
    TIME_TRIAL = "time_trial"
    TRAINING = "training"


class ResultSkipReason(StrEnum):
    """Why a logged run gave no VDOT."""

    NOT_ALL_OUT = "not_all_out"
    OUTSIDE_MODEL = "outside_model"
    TOO_OLD = "too_old"


@dataclass(frozen=True, slots=True, kw_only=True)
class PerformedSet:
    """One logged set of one exercise.

    Attributes:
        on_date: the day it was lifted.
        load_kg: the load lifted, kg, above 0.
        reps: the reps completed, a whole number of at least 1.
        rpe: its rating of perceived exertion on the reps-in-reserve scale, 1 to 10 in half
            steps, or ``None`` when not rated.
        rir: its reps in reserve, 0 to 9 in half steps, or ``None``. When both ``rpe`` and
            ``rir`` are given they must agree (RPE = 10 - RIR).
        warm_up: the caller marks warm-up sets; they never give an e1RM.

    Raises:
        InvalidInput: on construction, naming the field at fault.
    """

    on_date: date
    load_kg: float
    reps: int
    rpe: float | None = None
    rir: float | None = None
    warm_up: bool = False

    def __post_init__(self) -> None:
        require_positive("load_kg", self.load_kg)
        if isinstance(self.reps, bool) or not isinstance(self.reps, int) or self.reps < 1:
            raise InvalidInput("reps", self.reps, "must be a whole number of reps, at least 1")
        if self.rpe is not None:
            _require_half_step("rpe", self.rpe, 1.0, MAX_RPE)
        if self.rir is not None:
            _require_half_step("rir", self.rir, 0.0, MAX_RPE - 1.0)
        if self.rpe is not None and self.rir is not None and self.rpe != MAX_RPE - self.rir:
            raise InvalidInput("rir", self.rir, f"must equal 10 - rpe ({MAX_RPE - self.rpe:g})")

    @property
    def effort_rpe(self) -> float | None:
        """The set's RPE, from ``rpe`` or else ``rir`` (RPE = 10 - RIR); ``None`` if unrated."""
        if self.rpe is not None:
            return self.rpe
        return None if self.rir is None else MAX_RPE - self.rir


@dataclass(frozen=True, slots=True, kw_only=True)
class SetEstimate:
    """A usable logged set and the 1RM it implies today.

    Attributes:
        index: the set's position in the sequence given.
        performed: the set as logged.
        method: RPE chart or rep-max equation.
        set_one_rep_max_kg: its e1RM on the day it was lifted, kg.
        age_days: days from the set to the day of the estimate.
        retention: the fraction of that e1RM assumed kept today (``strength_retention``).
        one_rep_max_kg: ``set_one_rep_max_kg x retention``, kg.
    """

    index: int
    performed: PerformedSet
    method: SetMethod
    set_one_rep_max_kg: float
    age_days: int
    retention: float
    one_rep_max_kg: float


@dataclass(frozen=True, slots=True, kw_only=True)
class SkippedSet:
    """A logged set that gave no e1RM, and why.

    Attributes:
        index: the set's position in the sequence given.
        performed: the set as logged.
        reason: why it was skipped.
    """

    index: int
    performed: PerformedSet
    reason: SetSkipReason


@dataclass(frozen=True, slots=True, kw_only=True)
class OneRepMaxEstimate:
    """Today's 1RM of one exercise from its logged sets.

    Attributes:
        on_date: the day of the estimate.
        best: the set the estimate comes from; ``None`` when no set was usable.
        candidates: every usable set with its discounted estimate, in input order.
        skipped: every set that gave no e1RM, with its reason, in input order.
    """

    on_date: date
    best: SetEstimate | None
    candidates: tuple[SetEstimate, ...]
    skipped: tuple[SkippedSet, ...]

    @property
    def one_rep_max_kg(self) -> float | None:
        """The estimate in kg, ``None`` when no set was usable (re-test)."""
        return None if self.best is None else self.best.one_rep_max_kg


@dataclass(frozen=True, slots=True, kw_only=True)
class RunResult:
    """One logged run over a measured distance.

    Attributes:
        on_date: the day it was run.
        distance_m: distance, metres, above 0.
        time_s: time, seconds, above 0.
        effort: race, time trial or training run; only the first two give a VDOT.

    Raises:
        InvalidInput: on construction, naming the field at fault.
    """

    on_date: date
    distance_m: float
    time_s: float
    effort: RunEffort

    def __post_init__(self) -> None:
        require_positive("distance_m", self.distance_m)
        require_positive("time_s", self.time_s)
        try:
            effort = RunEffort(self.effort)
        except ValueError:
            allowed = ", ".join(e.value for e in RunEffort)
            raise InvalidInput("effort", self.effort, f"must be one of {allowed}") from None
        object.__setattr__(self, "effort", effort)


@dataclass(frozen=True, slots=True, kw_only=True)
class ResultEstimate:
    """A usable race or time trial and the VDOT it implies today.

    Attributes:
        index: the result's position in the sequence given.
        result: the run as logged.
        result_vdot: its VDOT on the day it was run.
        age_days: days from the run to the day of the estimate.
        retention: the fraction of that VDOT assumed kept today.
        vdot: ``result_vdot x retention``.
    """

    index: int
    result: RunResult
    result_vdot: float
    age_days: int
    retention: float
    vdot: float


@dataclass(frozen=True, slots=True, kw_only=True)
class SkippedResult:
    """A logged run that gave no VDOT, and why.

    Attributes:
        index: the run's position in the sequence given.
        result: the run as logged.
        reason: why it was skipped.
    """

    index: int
    result: RunResult
    reason: ResultSkipReason


@dataclass(frozen=True, slots=True, kw_only=True)
class VdotEstimate:
    """Today's VDOT from logged races and time trials.

    Attributes:
        on_date: the day of the estimate.
        best: the result the estimate comes from; ``None`` when no result was usable.
        candidates: every usable result with its discounted VDOT, in input order.
        skipped: every run that gave no VDOT, with its reason, in input order.
    """

    on_date: date
    best: ResultEstimate | None
    candidates: tuple[ResultEstimate, ...]
    skipped: tuple[SkippedResult, ...]

    @property
    def vdot(self) -> float | None:
        """The estimate, ``None`` when no result was usable (race or time-trial first)."""
        return None if self.best is None else self.best.vdot


def strength_retention(*, days_since: int) -> float:
    """Fraction of a set's e1RM assumed kept ``days_since`` days later, training stopped.

    r(d) = 1 for d <= 21;  r(d) = 1 - 0.01 (d - 21) / 7 for 21 < d <= 112

    Full strength for three weeks, then a loss of 1 % of the e1RM a week, down to 0.87
    at 16 weeks; older sets are not used (see ``STRENGTH_KEPT_DAYS``,
    ``STRENGTH_LOSS_PER_WEEK`` and ``STRENGTH_MAX_AGE_DAYS`` for the argument).

    Args:
        days_since: whole days from the set to the day of the estimate, 0 to 112.

    Returns:
        The retained fraction, 0.87 to 1.

    Raises:
        InvalidInput: when ``days_since`` is not a whole number from 0 to 112.

    Sources:
        Mujika I, Padilla S. Detraining: loss of training-induced physiological and
        performance adaptations. Part I: short term insufficient training stimulus.
        Sports Med. 2000;30(2):79-87; Part II: long term insufficient training stimulus.
        Sports Med. 2000;30(3):145-154.

        Bosquet L, Berryman N, Dupuy O, Mekary S, Arvisais D, Bherer L, Mujika I. Effect
        of training cessation on muscular performance: a meta-analysis. Scand J Med Sci
        Sports. 2013;23(3):e140-e149.

        García-Pallarés J, Sánchez-Medina L, Pérez CE, Izquierdo-Gabarren M, Izquierdo M.
        Physiological effects of tapering and detraining in world-class kayakers. Med Sci
        Sports Exerc. 2010;42(6):1209-1214.

    Examples:
        >>> strength_retention(days_since=21)
        1.0
        >>> strength_retention(days_since=35)
        0.98
        >>> round(strength_retention(days_since=112), 2)
        0.87
    """
    _require_days("days_since", days_since, STRENGTH_MAX_AGE_DAYS)
    weeks_of_loss = max(days_since - STRENGTH_KEPT_DAYS, 0) / DAYS_PER_WEEK
    return 1.0 - STRENGTH_LOSS_PER_WEEK * weeks_of_loss


def vdot_retention(*, days_off: int) -> float:
    """Fraction of VDOT kept after ``days_off`` days without running (Daniels' FVDOT-1).

    F(d) = 1 for d <= 5;  F(d) = max(0.8, 1 - 0.003 (d - 5)) after

    This is Daniels' table of VDOT adjustments after a break, column FVDOT-1 (no
    aerobic cross-training during the break), which the formula reproduces row by row:
    0.973 after 14 days, 0.931 after 28, 0.805 after 70, 0.800 from 72 days.

    Args:
        days_off: whole days without running, at least 0.

    Returns:
        The retained fraction of VDOT, 0.8 to 1.

    Raises:
        InvalidInput: when ``days_off`` is not a whole number of at least 0.

    Source:
        Daniels J. Daniels' Running Formula. 3rd ed. Champaign, IL: Human Kinetics;
        2014 (VDOT adjustments after time off from running, FVDOT-1 and FVDOT-2),
        as reproduced by The Run SMART Project, "VDOT adjustments for time off", 2018.

    Examples:
        >>> vdot_retention(days_off=5)
        1.0
        >>> round(vdot_retention(days_off=28), 3)
        0.931
        >>> vdot_retention(days_off=100)
        0.8
    """
    _require_days("days_off", days_off, None)
    loss = VDOT_LOSS_PER_DAY_OFF * max(days_off - VDOT_FREE_DAYS_OFF, 0)
    return max(VDOT_FLOOR_FRACTION, 1.0 - loss)


def one_rep_max_from_log(
    *,
    sets: Sequence[PerformedSet],
    on_date: date,
    formula: OneRepMaxFormula = DEFAULT_ONE_REP_MAX_FORMULA,
) -> OneRepMaxEstimate:
    """Estimate today's 1RM of one exercise from its logged sets.

    1RM(today) = max over usable sets s of e1RM(s) x r(age of s)

    e1RM(s) = load / (chart % / 100) from the RPE chart when the set has an RPE or RIR,
    else ``formula`` (Epley by default) as if the set ended at failure, which can only
    under-estimate a set that did not. r is ``strength_retention``. A set is skipped
    (and listed with its reason) when it is a warm-up, rated below RPE 6, has more than
    12 reps (rated) or 10 reps (unrated), or is more than 112 days old. On a tie the
    most recent set wins, then the first given.

    Args:
        sets: the logged sets of one exercise, in any order; may be empty.
        on_date: the day of the estimate; no set may be later.
        formula: the rep-max equation for unrated sets.

    Returns:
        The estimate, the set it comes from, every usable set and every skipped one.

    Raises:
        InvalidInput: when a set is dated after ``on_date`` or ``formula`` is unknown.

    Sources:
        Tuchscherer M. The Reactive Training Manual. Reactive Training Systems; 2008
        (the RPE chart). Helms ER, Cronin J, Storey A, Zourdos MC. Application of the
        repetitions in reserve-based rating of perceived exertion scale for resistance
        training. Strength Cond J. 2016;38(4):42-49.

        Epley B. Poundage chart. In: Boyd Epley Workout. Lincoln, NE: Body Enterprises;
        1985. Whisenant MJ, Panton LB, East WB, Broeder CE. Validation of submaximal
        prediction equations for the 1 repetition maximum bench press test on a group of
        collegiate football players. J Strength Cond Res. 2003;17(2):221-227.

        Mujika I, Padilla S. Sports Med. 2000;30(2):79-87 and 30(3):145-154; Bosquet L,
        et al. Scand J Med Sci Sports. 2013;23(3):e140-e149 (the age discount).

    Examples:
        5 x 100 kg at RPE 8 four weeks ago (e1RM 123.3 kg, 1 % lost) beats an unrated
        8 x 95 kg yesterday (Epley 120.3 kg):

        >>> from datetime import date
        >>> estimate = one_rep_max_from_log(sets=[
        ...     PerformedSet(on_date=date(2025, 3, 3), load_kg=100, reps=5, rpe=8),
        ...     PerformedSet(on_date=date(2025, 3, 30), load_kg=95, reps=8),
        ...     PerformedSet(on_date=date(2025, 3, 30), load_kg=60, reps=5, warm_up=True),
        ... ], on_date=date(2025, 3, 31))
        >>> round(estimate.one_rep_max_kg, 1), estimate.best.index, estimate.best.retention
        (122.1, 0, 0.99)
        >>> [(s.index, s.reason.value) for s in estimate.skipped]
        [(2, 'warm_up')]
    """
    try:
        formula = OneRepMaxFormula(formula)
    except ValueError:
        allowed = ", ".join(f.value for f in OneRepMaxFormula)
        raise InvalidInput("formula", formula, f"must be one of {allowed}") from None
    candidates: list[SetEstimate] = []
    skipped: list[SkippedSet] = []
    for index, performed in enumerate(sets):
        age_days = _age_days(f"sets[{index}].on_date", performed.on_date, on_date)
        reason = _set_skip_reason(performed, age_days)
        if reason is not None:
            skipped.append(SkippedSet(index=index, performed=performed, reason=reason))
            continue
        effort = performed.effort_rpe
        if effort is None:
            method = SetMethod.FORMULA
            set_max = one_rep_max_kg(
                weight_kg=performed.load_kg, reps=performed.reps, formula=formula
            )
        else:
            method = SetMethod.RPE_CHART
            set_max = one_rep_max_from_rpe_set_kg(
                weight_kg=performed.load_kg, reps=performed.reps, rpe=effort
            )
        retention = strength_retention(days_since=age_days)
        candidates.append(
            SetEstimate(
                index=index,
                performed=performed,
                method=method,
                set_one_rep_max_kg=set_max,
                age_days=age_days,
                retention=retention,
                one_rep_max_kg=set_max * retention,
            )
        )
    best = max(candidates, key=lambda c: (c.one_rep_max_kg, -c.age_days, -c.index), default=None)
    return OneRepMaxEstimate(
        on_date=on_date, best=best, candidates=tuple(candidates), skipped=tuple(skipped)
    )


def vdot_from_results(*, results: Sequence[RunResult], on_date: date) -> VdotEstimate:
    """Estimate today's VDOT from logged races and time trials.

    VDOT(today) = max over usable results x of VDOT(x) x F(max(0, age of x - 42))

    VDOT(x) is ``running.vdot`` of the result; F is ``vdot_retention``, Daniels' time-off
    table, applied from the day a re-test was due (six weeks after the result, see
    ``VDOT_CURRENT_DAYS``). A run is skipped (and listed with its reason) when it was a
    training run, lies outside the VDOT model (1500 m to the marathon, 3 to 300 min,
    100 to 500 m/min), or is more than 114 days old. On a tie the most recent result
    wins, then the first given. The result may fall below VDOT 30, the bottom of
    Daniels' pace tables; ``running.training_paces`` then refuses it.

    Args:
        results: logged runs with their effort, in any order; may be empty.
        on_date: the day of the estimate; no run may be later.

    Returns:
        The estimate, the result it comes from, every usable result and every skipped run.

    Raises:
        InvalidInput: when a run is dated after ``on_date``.

    Sources:
        Daniels J, Gilbert J. Oxygen Power: Performance Tables for Distance Runners.
        Tempe, AZ: J. Daniels; 1979 (VDOT of a race).

        Daniels J. Daniels' Running Formula. 3rd ed. Champaign, IL: Human Kinetics;
        2014 (training set from a recent race; VDOT adjustments after time off).

    Examples:
        A 19:57 5 km eight weeks ago (VDOT 49.95, 14 days past the re-test date, so
        x 0.973 = 48.6) beats a 42:30 10 km time trial last week (VDOT 48.4):

        >>> from datetime import date
        >>> estimate = vdot_from_results(results=[
        ...     RunResult(on_date=date(2025, 2, 3), distance_m=5000, time_s=1197,
        ...               effort=RunEffort.RACE),
        ...     RunResult(on_date=date(2025, 3, 24), distance_m=10000, time_s=2550,
        ...               effort=RunEffort.TIME_TRIAL),
        ...     RunResult(on_date=date(2025, 3, 30), distance_m=8000, time_s=2400,
        ...               effort=RunEffort.TRAINING),
        ... ], on_date=date(2025, 3, 31))
        >>> round(estimate.vdot, 1), estimate.best.index
        (48.6, 0)
        >>> [(s.index, s.reason.value) for s in estimate.skipped]
        [(2, 'not_all_out')]
    """
    candidates: list[ResultEstimate] = []
    skipped: list[SkippedResult] = []
    for index, result in enumerate(results):
        age_days = _age_days(f"results[{index}].on_date", result.on_date, on_date)
        reason = _result_skip_reason(result, age_days)
        if reason is not None:
            skipped.append(SkippedResult(index=index, result=result, reason=reason))
            continue
        result_vdot = vdot(distance_m=result.distance_m, time_s=result.time_s)
        retention = vdot_retention(days_off=max(age_days - VDOT_CURRENT_DAYS, 0))
        candidates.append(
            ResultEstimate(
                index=index,
                result=result,
                result_vdot=result_vdot,
                age_days=age_days,
                retention=retention,
                vdot=result_vdot * retention,
            )
        )
    best = max(candidates, key=lambda c: (c.vdot, -c.age_days, -c.index), default=None)
    return VdotEstimate(
        on_date=on_date, best=best, candidates=tuple(candidates), skipped=tuple(skipped)
    )


def _set_skip_reason(performed: PerformedSet, age_days: int) -> SetSkipReason | None:
    effort = performed.effort_rpe
    most_reps = MAX_REPS_WITHOUT_RPE if effort is None else MAX_REPS
    if performed.warm_up:
        return SetSkipReason.WARM_UP
    if performed.reps > most_reps:
        return SetSkipReason.TOO_MANY_REPS
    if effort is not None and effort < LOWEST_RATED_EFFORT_RPE:
        return SetSkipReason.TOO_EASY
    if age_days > STRENGTH_MAX_AGE_DAYS:
        return SetSkipReason.TOO_OLD
    return None


def _result_skip_reason(result: RunResult, age_days: int) -> ResultSkipReason | None:
    if result.effort is RunEffort.TRAINING:
        return ResultSkipReason.NOT_ALL_OUT
    # The same checks, in the same arithmetic, as ``running.vdot``, which would raise.
    speed_m_per_min = result.distance_m / result.time_s * SECONDS_PER_MINUTE
    if not (
        MIN_RACE_DISTANCE_M <= result.distance_m <= MAX_RACE_DISTANCE_M
        and MIN_RACE_DURATION_MIN * SECONDS_PER_MINUTE
        <= result.time_s
        <= MAX_RACE_DURATION_MIN * SECONDS_PER_MINUTE
        and MIN_SPEED_M_PER_MIN <= speed_m_per_min <= MAX_SPEED_M_PER_MIN
    ):
        return ResultSkipReason.OUTSIDE_MODEL
    if age_days > VDOT_MAX_AGE_DAYS:
        return ResultSkipReason.TOO_OLD
    return None


def _age_days(field: str, record_date: date, on_date: date) -> int:
    age_days = (on_date - record_date).days
    if age_days < 0:
        raise InvalidInput(field, record_date, f"must not be after on_date ({on_date})")
    return age_days


def _require_days(name: str, value: int, most: int | None) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(name, value, "must be a whole number of days, at least 0")
    if most is not None and value > most:
        raise InvalidInput(name, value, f"must be at most {most} days; re-test instead")


def _require_half_step(name: str, value: float, low: float, high: float) -> None:
    require_range(name, value, low, high)
    if not float(value / RPE_STEP).is_integer():
        raise InvalidInput(name, value, f"must be in half steps from {low:g} to {high:g}")
