"""Strength arithmetic: estimated one-rep max, RPE and reps in reserve, loads on the bar.

Three families of functions live here:

* **Rep-max equations** turn a set taken to failure (``weight_kg`` for ``reps``)
  into an estimated one-repetition maximum (e1RM). Seven published equations are
  offered, one function each, plus :func:`one_rep_max_kg` that dispatches on
  :class:`OneRepMaxFormula` and :func:`one_rep_max_estimates_kg` that returns all
  of them. All are stated for 1 to 12 reps; a single (``reps == 1``) is the 1RM by
  definition, so every function returns the weight unchanged for it.
* **The RPE chart** (:data:`RPE_CHART_PERCENT_1RM`) maps reps performed and the
  rating of perceived exertion (RPE, on the reps-in-reserve scale: RPE = 10 - RIR)
  to a percentage of the 1RM. It serves both directions: the e1RM of a set that
  stopped short of failure, and the load that a prescription such as
  "5 reps at RPE 8" calls for.
* **Loading**: rounding a computed load to one that can actually be put on the
  bar or picked off the rack.

Choosing ``increment_kg`` and ``minimum_kg`` for the loading functions is the
caller's job, because it depends on the equipment:

* Barbell: plates go on in pairs, so the increment is twice the smallest plate
  (1.25 kg plates give 2.5 kg; 0.5 kg change plates give 1 kg) and the minimum is
  the bar (20 kg for a men's Olympic bar, 15 kg for a women's).
* Dumbbells: the step between dumbbells on the rack (often 2 kg or 2.5 kg) and the
  lightest dumbbell as the minimum.
* Machines: the pin step of the stack, and its first plate as the minimum.

An athlete who counts in pounds loads pound plates and picks pound dumbbells, so
:func:`round_load_in_unit_kg` and :func:`load_for_percent_in_unit_kg` round on the
grid of the athlete's unit (:data:`POUND_STEP_PER_PART_LB` in pounds) and give the
load back in kg, the unit every other function here works in.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final, Protocol

from runlift.errors import InvalidInput
from runlift.science.checks import require_positive, require_range
from runlift.units import KG_PER_LB
from runlift.vocabulary import MassUnit

MIN_REPS: Final = 1
"""Fewest reps the equations and the RPE chart accept (a single)."""

MAX_REPS: Final = 12
"""Most reps accepted: the RPE chart stops at 12 and rep-max equations lose accuracy beyond."""

MIN_RPE: Final = 6.0
"""Lowest RPE on the chart (four reps in reserve)."""

MAX_RPE: Final = 10.0
"""Highest RPE on the chart (no rep in reserve)."""

_RPE_STEP: Final = 0.5
_TIE_DIGITS: Final = 9
"""Decimal places kept when rounding loads, so binary noise cannot break a tie or a multiple."""


class OneRepMaxFormula(StrEnum):
    """Published equations that estimate a one-repetition maximum from a set to failure.

    All seven were compared against measured 1RMs in the bench press, squat and
    deadlift by LeSuer DA, McCormick JH, Mayhew JL, Wasserstein RL, Arnold MD.
    J Strength Cond Res. 1997;11(4):211-213.
    """

    EPLEY = "epley"
    BRZYCKI = "brzycki"
    LOMBARDI = "lombardi"
    MAYHEW = "mayhew"
    OCONNER = "oconner"
    WATHAN = "wathan"
    LANDER = "lander"


DEFAULT_ONE_REP_MAX_FORMULA: Final = OneRepMaxFormula.EPLEY
"""The equation used when the caller does not choose one.

Epley's equation is the default: it is the most widely used and it is linear in
reps, so each extra rep adds the same fraction of the load (one thirtieth), which is
easy to explain. LeSuer et al. (1997, J Strength Cond Res 11(4):211-213) compared
the seven equations against measured 1RMs and found that how close each comes
depends on the lift, so no single equation is best everywhere.
Whatever the equation, the estimate is best from heavy sets of about 10 reps or
fewer: Whisenant et al. (2003, J Strength Cond Res 17(2):221-227) found prediction
validity higher when fewer repetitions were completed.
"""


RPE_CHART_PERCENT_1RM: Final[Mapping[float, tuple[float, ...]]] = MappingProxyType(
    {
        # RPE: %1RM for 1, 2, ..., 12 reps
        10.0: (100.0, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0),
        9.5: (97.8, 93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7),
        9.0: (95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3),
        8.5: (93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0),
        8.0: (92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6),
        7.5: (90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3),
        7.0: (89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6, 59.9),
        6.5: (87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3, 58.6),
        6.0: (86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6, 59.9, 57.2),
    }
)
"""Percent of 1RM for a set of ``reps`` (1..12) at ``rpe`` (6..10 in half steps).

Keyed by RPE; each row holds the percentages for 1 to 12 reps, so the value for
5 reps at RPE 8 is ``RPE_CHART_PERCENT_1RM[8.0][4]`` (81.1). This is the chart
used across powerlifting after Tuchscherer M. The Reactive Training Manual.
Reactive Training Systems; 2008. Its diagonals are constant: a set of n reps at
RPE r costs the same share of the 1RM as n + 1 reps at RPE r + 1, because both
end the same distance from failure. RPE here is the reps-in-reserve scale of
Zourdos et al. (2016, J Strength Cond Res 30(1):267-275), applied to training by
Helms et al. (2016, Strength Cond J 38(4):42-49).
"""


class _OneRepMaxEquation(Protocol):
    def __call__(self, *, weight_kg: float, reps: int) -> float: ...


def _require_reps(reps: int) -> int:
    if isinstance(reps, bool) or not isinstance(reps, int):
        raise InvalidInput("reps", reps, f"must be a whole number from {MIN_REPS} to {MAX_REPS}")
    if not MIN_REPS <= reps <= MAX_REPS:
        raise InvalidInput(
            "reps",
            reps,
            f"must be from {MIN_REPS} to {MAX_REPS}; longer sets give unreliable estimates",
        )
    return reps


def _require_rpe(rpe: float) -> float:
    require_range("rpe", rpe, MIN_RPE, MAX_RPE)
    if not float(rpe / _RPE_STEP).is_integer():
        raise InvalidInput("rpe", rpe, f"must be in half steps from {MIN_RPE:g} to {MAX_RPE:g}")
    return float(rpe)


def _require_non_negative(name: str, value: float) -> float:
    if not math.isfinite(value) or value < 0:
        raise InvalidInput(name, value, "must be a finite number of zero or more")
    return value


def _checked_set(*, weight_kg: float, reps: int) -> tuple[float, int]:
    return require_positive("weight_kg", weight_kg), _require_reps(reps)


def epley_one_rep_max_kg(*, weight_kg: float, reps: int) -> float:
    """Estimate the 1RM with Epley's equation.

    1RM = w (1 + r / 30), for ``w`` lifted ``r`` times to failure; valid for
    1 to 12 reps, and a single returns ``w``.

    Args:
        weight_kg: load lifted, kg (above zero).
        reps: reps completed to failure, 1 to 12.

    Returns:
        Estimated one-repetition maximum, kg.

    Raises:
        InvalidInput: ``weight_kg`` not above zero or ``reps`` outside 1..12.

    Source:
        Epley B. Poundage chart. In: Boyd Epley Workout. Lincoln, NE: Body
        Enterprises; 1985. p. 86.

    Examples:
        >>> round(epley_one_rep_max_kg(weight_kg=100, reps=5), 1)
        116.7
    """
    weight_kg, reps = _checked_set(weight_kg=weight_kg, reps=reps)
    if reps == 1:
        return weight_kg
    return weight_kg * (1 + reps / 30)


def brzycki_one_rep_max_kg(*, weight_kg: float, reps: int) -> float:
    """Estimate the 1RM with Brzycki's equation.

    1RM = w × 36 / (37 - r), for ``w`` lifted ``r`` times to failure; valid for
    1 to 12 reps (the author advised 10 or fewer), and a single returns ``w``.

    Args:
        weight_kg: load lifted, kg (above zero).
        reps: reps completed to failure, 1 to 12.

    Returns:
        Estimated one-repetition maximum, kg.

    Raises:
        InvalidInput: ``weight_kg`` not above zero or ``reps`` outside 1..12.

    Source:
        Brzycki M. Strength testing: predicting a one-rep max from
        reps-to-fatigue. J Phys Educ Recreat Dance. 1993;64(1):88-90.

    Examples:
        >>> brzycki_one_rep_max_kg(weight_kg=100, reps=5)
        112.5
    """
    weight_kg, reps = _checked_set(weight_kg=weight_kg, reps=reps)
    if reps == 1:
        return weight_kg
    return weight_kg * 36 / (37 - reps)


def lombardi_one_rep_max_kg(*, weight_kg: float, reps: int) -> float:
    """Estimate the 1RM with Lombardi's equation.

    1RM = w × r^0.10, for ``w`` lifted ``r`` times to failure; valid for 1 to 12
    reps, and a single returns ``w``.

    Args:
        weight_kg: load lifted, kg (above zero).
        reps: reps completed to failure, 1 to 12.

    Returns:
        Estimated one-repetition maximum, kg.

    Raises:
        InvalidInput: ``weight_kg`` not above zero or ``reps`` outside 1..12.

    Source:
        Lombardi VP. Beginning Weight Training: The Safe and Effective Way.
        Dubuque, IA: W.C. Brown; 1989.

    Examples:
        >>> round(lombardi_one_rep_max_kg(weight_kg=100, reps=5), 1)
        117.5
    """
    weight_kg, reps = _checked_set(weight_kg=weight_kg, reps=reps)
    if reps == 1:
        return weight_kg
    return weight_kg * math.pow(reps, 0.10)


def mayhew_one_rep_max_kg(*, weight_kg: float, reps: int) -> float:
    """Estimate the 1RM with the equation of Mayhew et al.

    1RM = 100 w / (52.2 + 41.9 e^(-0.055 r)), for ``w`` lifted ``r`` times to
    failure; derived from bench-press sets, valid here for 1 to 12 reps, and a
    single returns ``w``.

    Args:
        weight_kg: load lifted, kg (above zero).
        reps: reps completed to failure, 1 to 12.

    Returns:
        Estimated one-repetition maximum, kg.

    Raises:
        InvalidInput: ``weight_kg`` not above zero or ``reps`` outside 1..12.

    Source:
        Mayhew JL, Ball TE, Arnold MD, Bowen JC. Relative muscular endurance
        performance as a predictor of bench press strength in college men and
        women. J Appl Sport Sci Res. 1992;6(4):200-206.

    Examples:
        >>> round(mayhew_one_rep_max_kg(weight_kg=100, reps=5), 1)
        119.0
    """
    weight_kg, reps = _checked_set(weight_kg=weight_kg, reps=reps)
    if reps == 1:
        return weight_kg
    return 100 * weight_kg / (52.2 + 41.9 * math.exp(-0.055 * reps))


def oconner_one_rep_max_kg(*, weight_kg: float, reps: int) -> float:
    """Estimate the 1RM with the equation of O'Conner et al.

    1RM = w (1 + 0.025 r), for ``w`` lifted ``r`` times to failure; valid for
    1 to 12 reps, and a single returns ``w``.

    Args:
        weight_kg: load lifted, kg (above zero).
        reps: reps completed to failure, 1 to 12.

    Returns:
        Estimated one-repetition maximum, kg.

    Raises:
        InvalidInput: ``weight_kg`` not above zero or ``reps`` outside 1..12.

    Source:
        O'Conner B, Simmons J, O'Shea P. Weight Training Today. St Paul, MN:
        West Publishing; 1989.

    Examples:
        >>> oconner_one_rep_max_kg(weight_kg=100, reps=5)
        112.5
    """
    weight_kg, reps = _checked_set(weight_kg=weight_kg, reps=reps)
    if reps == 1:
        return weight_kg
    return weight_kg * (1 + 0.025 * reps)


def wathan_one_rep_max_kg(*, weight_kg: float, reps: int) -> float:
    """Estimate the 1RM with Wathan's equation.

    1RM = 100 w / (48.8 + 53.8 e^(-0.075 r)), for ``w`` lifted ``r`` times to
    failure; valid for 1 to 12 reps, and a single returns ``w``.

    Args:
        weight_kg: load lifted, kg (above zero).
        reps: reps completed to failure, 1 to 12.

    Returns:
        Estimated one-repetition maximum, kg.

    Raises:
        InvalidInput: ``weight_kg`` not above zero or ``reps`` outside 1..12.

    Source:
        Wathan D. Load assignment. In: Baechle TR, ed. Essentials of Strength
        Training and Conditioning. Champaign, IL: Human Kinetics; 1994.
        p. 435-446.

    Examples:
        >>> round(wathan_one_rep_max_kg(weight_kg=100, reps=5), 1)
        116.6
    """
    weight_kg, reps = _checked_set(weight_kg=weight_kg, reps=reps)
    if reps == 1:
        return weight_kg
    return 100 * weight_kg / (48.8 + 53.8 * math.exp(-0.075 * reps))


def lander_one_rep_max_kg(*, weight_kg: float, reps: int) -> float:
    """Estimate the 1RM with Lander's equation.

    1RM = 100 w / (101.3 - 2.67123 r), for ``w`` lifted ``r`` times to failure;
    valid for 1 to 12 reps, and a single returns ``w``.

    Args:
        weight_kg: load lifted, kg (above zero).
        reps: reps completed to failure, 1 to 12.

    Returns:
        Estimated one-repetition maximum, kg.

    Raises:
        InvalidInput: ``weight_kg`` not above zero or ``reps`` outside 1..12.

    Source:
        Lander J. Maximum based on reps. Natl Strength Cond Assoc J.
        1985;6(6):60-61.

    Examples:
        >>> round(lander_one_rep_max_kg(weight_kg=100, reps=5), 1)
        113.7
    """
    weight_kg, reps = _checked_set(weight_kg=weight_kg, reps=reps)
    if reps == 1:
        return weight_kg
    return 100 * weight_kg / (101.3 - 2.67123 * reps)


_EQUATIONS: Final[Mapping[OneRepMaxFormula, _OneRepMaxEquation]] = MappingProxyType(
    {
        OneRepMaxFormula.EPLEY: epley_one_rep_max_kg,
        OneRepMaxFormula.BRZYCKI: brzycki_one_rep_max_kg,
        OneRepMaxFormula.LOMBARDI: lombardi_one_rep_max_kg,
        OneRepMaxFormula.MAYHEW: mayhew_one_rep_max_kg,
        OneRepMaxFormula.OCONNER: oconner_one_rep_max_kg,
        OneRepMaxFormula.WATHAN: wathan_one_rep_max_kg,
        OneRepMaxFormula.LANDER: lander_one_rep_max_kg,
    }
)


def one_rep_max_kg(
    *,
    weight_kg: float,
    reps: int,
    formula: OneRepMaxFormula = DEFAULT_ONE_REP_MAX_FORMULA,
) -> float:
    """Estimate the 1RM from a set to failure with the chosen equation.

    Dispatches to the ``*_one_rep_max_kg`` function named by ``formula``; see each
    for its equation. Valid for 1 to 12 reps; a single returns the weight.

    Args:
        weight_kg: load lifted, kg (above zero).
        reps: reps completed to failure, 1 to 12.
        formula: which equation; Epley unless chosen (see
            ``DEFAULT_ONE_REP_MAX_FORMULA``). Its string value is accepted too.

    Returns:
        Estimated one-repetition maximum, kg.

    Raises:
        InvalidInput: bad ``weight_kg`` or ``reps``, or an unknown ``formula``.

    Source:
        LeSuer DA, McCormick JH, Mayhew JL, Wasserstein RL, Arnold MD. The
        accuracy of prediction equations for estimating 1-RM performance in the
        bench press, squat, and deadlift. J Strength Cond Res. 1997;11(4):211-213.

    Examples:
        >>> round(one_rep_max_kg(weight_kg=100, reps=5), 1)
        116.7
        >>> one_rep_max_kg(weight_kg=100, reps=5, formula=OneRepMaxFormula.BRZYCKI)
        112.5
    """
    try:
        chosen = OneRepMaxFormula(formula)
    except ValueError:
        expected = "one of " + ", ".join(f.value for f in OneRepMaxFormula)
        raise InvalidInput("formula", formula, expected) from None
    return _EQUATIONS[chosen](weight_kg=weight_kg, reps=reps)


def one_rep_max_estimates_kg(*, weight_kg: float, reps: int) -> dict[OneRepMaxFormula, float]:
    """Estimate the 1RM from a set to failure with every equation at once.

    Useful to show the spread between equations, which grows with reps. Valid for
    1 to 12 reps; for a single every estimate equals the weight.

    Args:
        weight_kg: load lifted, kg (above zero).
        reps: reps completed to failure, 1 to 12.

    Returns:
        The estimate in kg for each ``OneRepMaxFormula``, in declaration order.

    Raises:
        InvalidInput: ``weight_kg`` not above zero or ``reps`` outside 1..12.

    Source:
        LeSuer DA, McCormick JH, Mayhew JL, Wasserstein RL, Arnold MD. J Strength
        Cond Res. 1997;11(4):211-213 (the same seven equations, compared).

    Examples:
        >>> estimates = one_rep_max_estimates_kg(weight_kg=100, reps=5)
        >>> round(min(estimates.values()), 1), round(max(estimates.values()), 1)
        (112.5, 119.0)
    """
    weight_kg, reps = _checked_set(weight_kg=weight_kg, reps=reps)
    return {formula: _EQUATIONS[formula](weight_kg=weight_kg, reps=reps) for formula in _EQUATIONS}


def reps_in_reserve(*, rpe: float) -> float:
    """Convert an RPE rating into reps in reserve (RIR).

    RIR = 10 - RPE, for RPE 6 to 10 in half steps; a half step (say RPE 8.5)
    means the lifter was unsure between two counts (1 or 2 reps left).

    Args:
        rpe: rating of perceived exertion, 6 to 10 in steps of 0.5.

    Returns:
        Reps that could still have been done, 0 to 4.

    Raises:
        InvalidInput: ``rpe`` outside 6..10 or not a half step.

    Source:
        Zourdos MC et al. Novel resistance training-specific rating of perceived
        exertion scale measuring repetitions in reserve. J Strength Cond Res.
        2016;30(1):267-275.
        Helms ER et al. Application of the repetitions in reserve-based rating
        of perceived exertion scale for resistance training. Strength Cond J.
        2016;38(4):42-49.

    Examples:
        >>> reps_in_reserve(rpe=8)
        2.0
        >>> reps_in_reserve(rpe=9.5)
        0.5
    """
    return MAX_RPE - _require_rpe(rpe)


def percent_one_rep_max(*, reps: int, rpe: float) -> float:
    """Read the percent of 1RM for a set of ``reps`` at ``rpe`` off the RPE chart.

    A table lookup in ``RPE_CHART_PERCENT_1RM``; reps 1 to 12, RPE 6 to 10 in
    half steps, no interpolation or extrapolation.

    Args:
        reps: reps performed, 1 to 12.
        rpe: rating of perceived exertion, 6 to 10 in steps of 0.5.

    Returns:
        Percent of the one-repetition maximum (e.g. 86.3 for 5 reps at RPE 10).

    Raises:
        InvalidInput: ``reps`` outside 1..12, or ``rpe`` outside 6..10 or not a
            half step.

    Source:
        Tuchscherer M. The Reactive Training Manual. Reactive Training Systems;
        2008 (the chart). RPE on the reps-in-reserve scale of Zourdos MC et al.
        J Strength Cond Res. 2016;30(1):267-275.

    Examples:
        >>> percent_one_rep_max(reps=5, rpe=10)
        86.3
        >>> percent_one_rep_max(reps=5, rpe=8)
        81.1
    """
    reps = _require_reps(reps)
    return RPE_CHART_PERCENT_1RM[_require_rpe(rpe)][reps - 1]


def one_rep_max_from_rpe_set_kg(*, weight_kg: float, reps: int, rpe: float) -> float:
    """Estimate the 1RM from a set rated by RPE, not necessarily taken to failure.

    1RM = w / (p / 100), with p the chart percent for (reps, rpe); reps 1 to 12,
    RPE 6 to 10 in half steps.

    Args:
        weight_kg: load lifted, kg (above zero).
        reps: reps performed, 1 to 12.
        rpe: rating of perceived exertion of the set, 6 to 10 in steps of 0.5.

    Returns:
        Estimated one-repetition maximum, kg.

    Raises:
        InvalidInput: ``weight_kg`` not above zero, or ``reps``/``rpe`` off the chart.

    Source:
        Tuchscherer M. The Reactive Training Manual. Reactive Training Systems;
        2008. Helms ER et al. Strength Cond J. 2016;38(4):42-49.

    Examples:
        >>> round(one_rep_max_from_rpe_set_kg(weight_kg=100, reps=5, rpe=8), 1)
        123.3
    """
    require_positive("weight_kg", weight_kg)
    return weight_kg / (percent_one_rep_max(reps=reps, rpe=rpe) / 100)


def round_load_kg(*, load_kg: float, increment_kg: float = 2.5, minimum_kg: float = 0.0) -> float:
    """Round a load to the nearest one that can be set up.

    Achievable loads are ``minimum_kg + k × increment_kg`` for whole k >= 0: the
    empty bar (or lightest dumbbell) plus whole increments. The load is rounded to
    the nearest of them; a load exactly half-way between two rounds **down** to
    the lighter one, so a prescription never leaves fewer reps in reserve than
    planned. A load below ``minimum_kg`` gives ``minimum_kg``.

    For a barbell the increment is twice the smallest plate (1.25 kg plates give
    2.5 kg); for dumbbells it is the step between dumbbells on the rack.

    Args:
        load_kg: the computed load, kg (zero or more).
        increment_kg: the smallest step the equipment allows, kg (above zero).
        minimum_kg: the lightest load the equipment allows, kg (zero or more).

    Returns:
        The achievable load nearest to ``load_kg``, kg.

    Raises:
        InvalidInput: a negative or non-finite load or minimum, or an increment
            not above zero.

    Source:
        No empirical constant: exact arithmetic on the increments of the
        equipment, which the caller supplies.

    Examples:
        >>> round_load_kg(load_kg=101.0)
        100.0
        >>> round_load_kg(load_kg=101.25)
        100.0
        >>> round_load_kg(load_kg=101.3)
        102.5
        >>> round_load_kg(load_kg=12.0, minimum_kg=20.0)
        20.0
    """
    _require_non_negative("load_kg", load_kg)
    require_positive("increment_kg", increment_kg)
    _require_non_negative("minimum_kg", minimum_kg)
    if load_kg <= minimum_kg:
        return float(minimum_kg)
    steps = round((load_kg - minimum_kg) / increment_kg, _TIE_DIGITS)
    whole_steps = math.ceil(steps - 0.5)
    return round(minimum_kg + whole_steps * increment_kg, _TIE_DIGITS)


def load_for_percent_kg(
    *,
    one_rep_max_kg: float,
    percent_1rm: float,
    increment_kg: float = 2.5,
    minimum_kg: float = 0.0,
) -> float:
    """Give the achievable load for a percentage of the 1RM.

    load = round(1RM × p / 100) with the rounding of ``round_load_kg`` (nearest
    achievable load, ties to the lighter); p above 0 and at most 100.

    Args:
        one_rep_max_kg: the one-repetition maximum, kg (above zero).
        percent_1rm: the prescribed intensity, percent of 1RM (above 0, at most 100).
        increment_kg: the smallest step the equipment allows, kg (above zero).
        minimum_kg: the lightest load the equipment allows, kg (zero or more).

    Returns:
        The load to set up, kg.

    Raises:
        InvalidInput: a 1RM not above zero, a percent outside (0, 100], or a bad
            increment or minimum.

    Source:
        Baechle TR, Earle RW, eds. Essentials of Strength Training and
        Conditioning. 3rd ed. Champaign, IL: Human Kinetics; 2008 (loads
        assigned as a percentage of the 1RM).

    Examples:
        >>> load_for_percent_kg(one_rep_max_kg=140, percent_1rm=75)
        105.0
        >>> load_for_percent_kg(one_rep_max_kg=140, percent_1rm=80, increment_kg=1)
        112.0
    """
    require_positive("one_rep_max_kg", one_rep_max_kg)
    require_positive("percent_1rm", percent_1rm)
    require_range("percent_1rm", percent_1rm, 0, 100)
    return round_load_kg(
        load_kg=one_rep_max_kg * percent_1rm / 100,
        increment_kg=increment_kg,
        minimum_kg=minimum_kg,
    )


def load_for_reps_at_rpe_kg(
    *,
    one_rep_max_kg: float,
    reps: int,
    rpe: float,
    increment_kg: float = 2.5,
    minimum_kg: float = 0.0,
) -> float:
    """Give the achievable load for a prescription such as "5 reps at RPE 8".

    load = round(1RM × p / 100), with p the RPE-chart percent for (reps, rpe) and
    the rounding of ``round_load_kg`` (nearest achievable load, ties to the
    lighter); reps 1 to 12, RPE 6 to 10 in half steps.

    Args:
        one_rep_max_kg: the one-repetition maximum, kg (above zero).
        reps: reps prescribed, 1 to 12.
        rpe: target rating of perceived exertion, 6 to 10 in steps of 0.5.
        increment_kg: the smallest step the equipment allows, kg (above zero).
        minimum_kg: the lightest load the equipment allows, kg (zero or more).

    Returns:
        The load to set up, kg.

    Raises:
        InvalidInput: a 1RM not above zero, ``reps``/``rpe`` off the chart, or a
            bad increment or minimum.

    Source:
        Tuchscherer M. The Reactive Training Manual. Reactive Training Systems;
        2008. Helms ER et al. Strength Cond J. 2016;38(4):42-49.

    Examples:
        >>> load_for_reps_at_rpe_kg(one_rep_max_kg=150, reps=5, rpe=8)
        122.5
    """
    require_positive("one_rep_max_kg", one_rep_max_kg)
    percent = percent_one_rep_max(reps=reps, rpe=rpe)
    return round_load_kg(
        load_kg=one_rep_max_kg * percent / 100,
        increment_kg=increment_kg,
        minimum_kg=minimum_kg,
    )


POUND_STEP_PER_PART_LB: Final = 5.0
"""The smallest load step of one loaded part for an athlete who counts in pounds, lb.

* Barbell: the 45 lb Olympic bar takes plates in pairs, the lightest usual pair
  2.5 lb each (plates of 45, 35, 25, 10, 5 and 2.5 lb), so every load is the bar plus
  a multiple of 5 lb: a multiple of 5 lb itself.
* Dumbbells and kettlebells on racks sold in pounds go up in 5 lb steps (5, 10, 15 ...).
* Cable and machine stacks in pounds: 10 lb plates with a 5 lb add-on weight.

An exercise held in two equal parts (a dumbbell in each hand) steps by twice this.
"""


def _round_to_step(value: float, step: float) -> float:
    """The nearest multiple of ``step`` to ``value`` (both zero or more), ties to the lower."""
    whole_steps = math.ceil(round(value / step, _TIE_DIGITS) - 0.5)
    return round(whole_steps * step, _TIE_DIGITS)


def round_load_in_unit_kg(
    *, load_kg: float, unit: MassUnit, increment_kg: float, parts: int = 1
) -> float:
    """Round a load to the nearest one the athlete's equipment makes, counted in their unit.

    In kilograms the achievable loads are the multiples of ``parts × increment_kg`` (as
    :func:`round_load_kg`). In pounds they are the multiples of ``parts ×``
    :data:`POUND_STEP_PER_PART_LB` (5 lb plates pairs, 5 lb dumbbell steps); the load is
    rounded in pounds and converted back, 1 lb = 0.45359237 kg. Ties go to the lighter
    load, so a prescription never leaves fewer reps in reserve than planned.

    Args:
        load_kg: the computed load, kg (zero or more).
        unit: the unit the athlete's plates and dumbbells are counted in.
        increment_kg: the smallest step of one part in kilograms (above zero): 2.5 for a
            barbell, 2 for a dumbbell; used when ``unit`` is kg.
        parts: the load is held in this many equal parts (1, or 2 for a dumbbell in
            each hand), each stepping on its own.

    Returns:
        The achievable load nearest to ``load_kg``, kg (a whole number of pound steps,
        in kg, when ``unit`` is lb).

    Raises:
        InvalidInput: a negative or non-finite load, an increment not above zero, or
            ``parts`` not a whole number of one or more.

    Source:
        Baechle TR, Earle RW, eds. Essentials of Strength Training and Conditioning.
        3rd ed. Champaign, IL: Human Kinetics; 2008 (the 45 lb Olympic bar loaded with
        plates in pairs, the lightest 2.5 lb). The pound: International Yard and Pound
        Agreement, 1959 (exactly 0.45359237 kg).

    Examples:
        >>> round_load_in_unit_kg(load_kg=101.3, unit=MassUnit.KG, increment_kg=2.5)
        102.5
        >>> bar = round_load_in_unit_kg(load_kg=61.0, unit=MassUnit.LB, increment_kg=2.5)
        >>> round(bar / KG_PER_LB, 6)  # 134.5 lb: 135 lb on the bar
        135.0
        >>> pair = round_load_in_unit_kg(
        ...     load_kg=45.0, unit=MassUnit.LB, increment_kg=2.0, parts=2
        ... )
        >>> round(pair / KG_PER_LB, 6)  # 99.2 lb: two 50 lb dumbbells
        100.0
    """
    _require_non_negative("load_kg", load_kg)
    require_positive("increment_kg", increment_kg)
    if isinstance(parts, bool) or not isinstance(parts, int) or parts < 1:
        raise InvalidInput("parts", parts, "must be a whole number of one or more")
    if unit is MassUnit.LB:
        pounds = _round_to_step(load_kg / KG_PER_LB, POUND_STEP_PER_PART_LB * parts)
        return pounds * KG_PER_LB
    return _round_to_step(load_kg, increment_kg * parts)


def load_for_percent_in_unit_kg(
    *,
    one_rep_max_kg: float,
    percent_1rm: float,
    unit: MassUnit,
    increment_kg: float,
    parts: int = 1,
) -> float:
    """Give the achievable load for a percentage of the 1RM, on the plates of the athlete's unit.

    load = round(1RM × p / 100) with the rounding of :func:`round_load_in_unit_kg`; p
    above 0 and at most 100.

    Args:
        one_rep_max_kg: the one-repetition maximum, kg (above zero).
        percent_1rm: the prescribed intensity, percent of 1RM (above 0, at most 100).
        unit: the unit the athlete's plates and dumbbells are counted in.
        increment_kg: the smallest step of one part in kilograms (above zero).
        parts: equal parts the load is held in (2 for a dumbbell in each hand).

    Returns:
        The load to set up, kg.

    Raises:
        InvalidInput: a 1RM not above zero, a percent outside (0, 100], a bad increment
            or a bad number of parts.

    Source:
        Baechle TR, Earle RW, eds. Essentials of Strength Training and Conditioning.
        3rd ed. Champaign, IL: Human Kinetics; 2008 (loads assigned as a percentage of
        the 1RM, set up on the bar in plate steps).

    Examples:
        >>> load_for_percent_in_unit_kg(
        ...     one_rep_max_kg=140, percent_1rm=75, unit=MassUnit.KG, increment_kg=2.5
        ... )
        105.0
        >>> lb = load_for_percent_in_unit_kg(
        ...     one_rep_max_kg=140, percent_1rm=75, unit=MassUnit.LB, increment_kg=2.5
        ... )
        >>> round(lb / KG_PER_LB, 6)  # 105 kg is 231.5 lb: 230 lb on the bar
        230.0
    """
    require_positive("one_rep_max_kg", one_rep_max_kg)
    require_positive("percent_1rm", percent_1rm)
    require_range("percent_1rm", percent_1rm, 0, 100)
    return round_load_in_unit_kg(
        load_kg=one_rep_max_kg * percent_1rm / 100,
        unit=unit,
        increment_kg=increment_kg,
        parts=parts,
    )
