"""Training load: session RPE, acute:chronic workload ratios, fitness and fatigue, monotony, strain.

Every series here is daily. Item ``i`` of ``loads_au`` is the total training load of
day ``i`` in arbitrary units (AU), for example the sum of the session-RPE loads of
that day; a rest day is ``0``. Loads must be finite and at least ``0``.

One assumption runs through every series: **no training happened before day 0**.
Exponential averages start from ``0`` (the value "yesterday" of day 0 is ``0``) and
rolling windows that reach back before day 0 count those days as rest. The first
four weeks are therefore a warm-up in which chronic loads are still building and
ratios read high; pass earlier history in ``loads_au`` when it is known.

Quantities and their defaults:

========================  ===========================================  ==============
quantity                  definition                                   window
========================  ===========================================  ==============
session load              duration (min) x session RPE (CR-10)         one session
acute / chronic EWMA      exponentially weighted moving average        7 d / 28 d
acute / chronic rolling   mean daily load over the last N days         7 d / 28 d
ACWR                      acute / chronic (``None`` if chronic is 0)   EWMA or rolling
CTL / ATL                 first-order impulse-response (Banister)      tau 42 d / 7 d
TSB                       CTL - ATL of the day before                  -
monotony / strain         weekly mean / SD; weekly total x monotony    7-day blocks
planned session load      duration (min) x typical RPE of the kind     one session
========================  ===========================================  ==============
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from runlift.errors import InvalidInput
from runlift.science.checks import require_positive, require_range
from runlift.vocabulary import LiftKind, RunKind

RPE_MAX: Final = 10.0
"""Top of the CR-10 scale used for session RPE (Foster et al. 2001)."""

MINUTES_PER_DAY: Final = 24 * 60.0
"""A single session cannot last longer than a day."""

ACUTE_WINDOW_DAYS: Final = 7
"""Acute window for EWMA and rolling ACWR (Hulin et al. 2016; Williams et al. 2017)."""

CHRONIC_WINDOW_DAYS: Final = 28
"""Chronic window for EWMA and rolling ACWR (Hulin et al. 2016; Williams et al. 2017)."""

CTL_TIME_CONSTANT_DAYS: Final = 42.0
"""Chronic training load ("fitness") time constant (Allen & Coggan 2010)."""

ATL_TIME_CONSTANT_DAYS: Final = 7.0
"""Acute training load ("fatigue") time constant (Allen & Coggan 2010)."""

DAYS_PER_WEEK: Final = 7

PLANNED_SESSION_RPE: Final[Mapping[RunKind | LiftKind, float]] = MappingProxyType(
    {
        # Runs. Seiler & Kjerland (2006) band whole-session ratings into three zones:
        # 1-4 below the first ventilatory threshold, 5-6 between the thresholds, 7-10 above.
        RunKind.RECOVERY: 2.0,  # CR-10 "easy": shorter and slower than an easy run, zone 1
        RunKind.EASY: 3.0,  # CR-10 "moderate": conversational pace, zone 1
        RunKind.LONG: 5.0,  # easy pace, but 90 min or more lifts the whole-session rating
        RunKind.TEMPO: 6.0,  # threshold work: top of zone 2
        RunKind.RACE_PACE: 6.0,  # goal pace: below threshold (marathon) to above it (10 km)
        RunKind.INTERVALS: 7.5,  # VO2max intervals: zone 3
        RunKind.REPETITION: 7.0,  # short fast repeats, full recoveries: zone 3
        RunKind.HILLS: 7.0,  # hard uphill repeats: zone 3
        RunKind.SPRINTS: 6.0,  # maximal seconds-long efforts, long rests: little total work
        RunKind.RACE: 9.0,  # an all-out effort over the whole session
        # Lifts. Day et al. (2004): session RPE rises with the load lifted (%1RM) for the same
        # exercises; Kraft et al. (2014): 3 x 6 at ~80 % 1RM (upper body) rated 5.7.
        LiftKind.HEAVY_LOWER: 7.0,  # squat/deadlift patterns at >= 70 % 1RM or RPE >= 7
        LiftKind.FULL_BODY: 6.5,  # heavy compound lifts for the whole body
        LiftKind.UPPER: 6.0,  # Kraft et al.'s heavy upper-body session, rounded
        LiftKind.RUNNER_STRENGTH: 5.0,  # hops, calf raises, split squats at moderate loads
        LiftKind.EXPLOSIVE: 5.0,  # few reps per set, full rests, stopped far from failure
    }
)
"""Typical session RPE (CR-10) of each kind of planned session, for planning the load.

These are runlift's planning estimates, not measurements: the verbal anchors of Foster's
CR-10 scale (2 easy, 3 moderate, 5 hard, 7 very hard, 10 maximal; Foster et al. 2001),
the session-RPE bands of Seiler & Kjerland's three-zone model for runs (2006), and the
session ratings of resistance sessions measured by Day et al. (2004), Sweet et al. (2004)
and Kraft et al. (2014) for lifts. The athlete's own rating after the session replaces
the estimate in the training log.
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class DayLoad:
    """Load metrics of one day, all in AU per day unless said otherwise.

    Attributes:
        day_index: position of the day in the series, 0 for the first day.
        load_au: the day's load as given.
        acute_ewma_au: 7-day exponentially weighted moving average (Williams et al. 2017).
        chronic_ewma_au: 28-day exponentially weighted moving average.
        acwr_ewma: ``acute_ewma_au / chronic_ewma_au``; ``None`` when the chronic value is 0.
        acute_rolling_au: mean daily load of the last 7 days, this day included.
        chronic_rolling_au: mean daily load of the last 28 days, this day included, so the
            acute week is part of the chronic window ("coupled", Hulin et al. 2016).
        acwr_rolling: ``acute_rolling_au / chronic_rolling_au``; ``None`` when the chronic
            value is 0.
        ctl_au: chronic training load ("fitness"), impulse-response with tau = 42 days.
        atl_au: acute training load ("fatigue"), impulse-response with tau = 7 days.
        tsb_au: training stress balance ("form"): yesterday's CTL minus yesterday's ATL,
            so today's session does not lower today's form; 0 on day 0.
    """

    day_index: int
    load_au: float
    acute_ewma_au: float
    chronic_ewma_au: float
    acwr_ewma: float | None
    acute_rolling_au: float
    chronic_rolling_au: float
    acwr_rolling: float | None
    ctl_au: float
    atl_au: float
    tsb_au: float


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekLoad:
    """Load summary of one complete 7-day block (Foster 1998).

    Attributes:
        week_index: position of the block, 0 for days 0-6, 1 for days 7-13 and so on.
        total_au: sum of the seven daily loads.
        mean_au: mean daily load, ``total_au / 7``.
        sd_au: population standard deviation of the seven daily loads (divisor 7).
        monotony: ``mean_au / sd_au`` (dimensionless); ``None`` when ``sd_au`` is 0,
            i.e. every day carried the same load, where the ratio is undefined.
        strain_au: ``total_au * monotony``; ``None`` when ``monotony`` is ``None``.
    """

    week_index: int
    total_au: float
    mean_au: float
    sd_au: float
    monotony: float | None
    strain_au: float | None


def session_rpe_load_au(*, duration_min: float, rpe: float) -> float:
    """Training load of one session by the session-RPE method.

    load (AU) = duration (min) x session RPE

    The session RPE is the athlete's rating of the whole session on the CR-10 scale
    (0 = rest, 10 = maximal), given about 30 minutes after it ends.

    Args:
        duration_min: session duration in minutes, above 0 and at most 1440 (one day).
        rpe: session RPE on the CR-10 scale, 0 to 10; fractions are allowed.

    Returns:
        The session load in arbitrary units (AU).

    Raises:
        InvalidInput: when a value is outside the ranges above or not finite.

    Source:
        Foster C, Florhaug JA, Franklin J, Gottschall L, Hrovatin LA, Parker S,
        Doleshal P, Dodge C. A new approach to monitoring exercise training.
        J Strength Cond Res. 2001;15(1):109-115.

    Examples:
        >>> session_rpe_load_au(duration_min=60, rpe=5)
        300.0
        >>> session_rpe_load_au(duration_min=45, rpe=7.5)
        337.5
    """
    require_positive("duration_min", duration_min)
    if duration_min > MINUTES_PER_DAY:
        raise InvalidInput("duration_min", duration_min, f"must be at most {MINUTES_PER_DAY:g}")
    require_range("rpe", rpe, 0.0, RPE_MAX)
    return float(duration_min) * float(rpe)


def planned_session_rpe(*, kind: RunKind | LiftKind) -> float:
    """Typical session RPE of a kind of planned run or lift, on the CR-10 scale.

    RPE = ``PLANNED_SESSION_RPE[kind]``: recovery 2, easy 3, long 5, tempo 6, race pace 6,
    intervals 7.5, repetition 7, hills 7, sprints 6, race 9; heavy lower 7, full body 6.5,
    upper 6, runner strength 5, explosive 5. The runs follow the session-RPE bands of the
    three-zone model (zone 1: 1-4, zone 2: 5-6, zone 3: 7-10); a long run is easy in pace
    but is rated on the whole session, whose length raises the rating to the bottom of
    zone 2. The lifts follow the finding that a session of heavier sets is rated harder
    than one of lighter sets with more reps.

    Args:
        kind: the kind of run (``RunKind``) or lift (``LiftKind``).

    Returns:
        The typical session RPE, 0 to 10.

    Raises:
        InvalidInput: when ``kind`` is not a ``RunKind`` or ``LiftKind``.

    Sources:
        Foster C, Florhaug JA, Franklin J, Gottschall L, Hrovatin LA, Parker S,
        Doleshal P, Dodge C. A new approach to monitoring exercise training.
        J Strength Cond Res. 2001;15(1):109-115 (CR-10 scale and its anchors).

        Seiler KS, Kjerland GØ. Quantifying training intensity distribution in elite
        endurance athletes: is there evidence for an "optimal" distribution?
        Scand J Med Sci Sports. 2006;16(1):49-56 (three zones by session RPE).

        Day ML, McGuigan MR, Brice G, Foster C. Monitoring exercise intensity during
        resistance training using the session RPE scale. J Strength Cond Res.
        2004;18(2):353-358.

        Sweet TW, Foster C, McGuigan MR, Brice G. Quantitation of resistance training using
        the session rating of perceived exertion method. J Strength Cond Res.
        2004;18(4):796-802.

        Kraft JA, Green JM, Gast TM. Work distribution influences session ratings of
        perceived exertion response during resistance exercise matched for total volume.
        J Strength Cond Res. 2014;28(7):2042-2046.

    Examples:
        >>> planned_session_rpe(kind=RunKind.EASY)
        3.0
        >>> planned_session_rpe(kind=LiftKind.HEAVY_LOWER)
        7.0
    """
    rpe = PLANNED_SESSION_RPE.get(kind)
    if rpe is None:
        kinds = ", ".join(str(k) for k in PLANNED_SESSION_RPE)
        raise InvalidInput("kind", kind, f"must be one of {kinds}")
    return rpe


def planned_session_load_au(*, kind: RunKind | LiftKind, duration_min: float) -> float:
    """Expected session-RPE load of a planned session, from its kind and duration.

    load (AU) = duration (min) x typical session RPE of the kind (``planned_session_rpe``)

    The estimate lets a plan's future days enter the load series (ACWR, CTL/ATL) before
    they are trained; once trained, the logged duration and the athlete's own rating
    replace it (``session_rpe_load_au``).

    Args:
        kind: the kind of run (``RunKind``) or lift (``LiftKind``).
        duration_min: planned duration in minutes, above 0 and at most 1440.

    Returns:
        The expected session load in arbitrary units (AU).

    Raises:
        InvalidInput: when ``kind`` is unknown or ``duration_min`` is out of range.

    Sources:
        Foster C, et al. J Strength Cond Res. 2001;15(1):109-115 (load = duration x RPE).

        Seiler KS, Kjerland GØ. Scand J Med Sci Sports. 2006;16(1):49-56; Day ML, et al.
        J Strength Cond Res. 2004;18(2):353-358 (the typical ratings; see
        ``planned_session_rpe``).

    Examples:
        >>> planned_session_load_au(kind=RunKind.TEMPO, duration_min=50)
        300.0
        >>> planned_session_load_au(kind=LiftKind.UPPER, duration_min=45)
        270.0
    """
    return session_rpe_load_au(duration_min=duration_min, rpe=planned_session_rpe(kind=kind))


def acute_chronic_ratio(*, acute_au: float, chronic_au: float) -> float | None:
    """Acute:chronic workload ratio (ACWR).

    ACWR = acute load / chronic load

    Both loads must be expressed per the same time unit (e.g. mean AU per day). With no
    chronic load the ratio is undefined and ``None`` is returned rather than infinity.

    Args:
        acute_au: acute load, finite and at least 0.
        chronic_au: chronic load, finite and at least 0.

    Returns:
        The ratio, or ``None`` when ``chronic_au`` is 0.

    Raises:
        InvalidInput: when a load is negative or not finite.

    Sources:
        Hulin BT, Gabbett TJ, Lawson DW, Caputi P, Sampson JA. The acute:chronic workload
        ratio predicts injury: high chronic workload may decrease injury risk in elite
        rugby league players. Br J Sports Med. 2016;50(4):231-236.

        Williams S, West S, Cross MJ, Stokes KA. Better way to determine the
        acute:chronic workload ratio? Br J Sports Med. 2017;51(3):209-210.

    Examples:
        >>> acute_chronic_ratio(acute_au=450.0, chronic_au=300.0)
        1.5
        >>> acute_chronic_ratio(acute_au=100.0, chronic_au=0.0) is None
        True
    """
    _require_load("acute_au", acute_au)
    _require_load("chronic_au", chronic_au)
    if chronic_au == 0:
        return None
    return acute_au / chronic_au


def ewma_au(*, loads_au: Sequence[float], span_days: int) -> tuple[float, ...]:
    """Exponentially weighted moving average of daily loads.

    EWMA(d) = lambda x L(d) + (1 - lambda) x EWMA(d - 1),  lambda = 2 / (N + 1)

    with N = ``span_days`` (7 for acute, 28 for chronic load). EWMA(-1) = 0: no
    training is assumed before day 0, so for a constant load L from day 0 the value
    is L x (1 - (1 - lambda)^(d + 1)), which approaches L.

    Args:
        loads_au: daily loads, finite and at least 0.
        span_days: N, a whole number of days, at least 1 (N = 1 returns the loads).

    Returns:
        One average per day, in AU per day.

    Raises:
        InvalidInput: when a load is negative or not finite, or ``span_days`` is below 1.

    Source:
        Williams S, West S, Cross MJ, Stokes KA. Better way to determine the
        acute:chronic workload ratio? Br J Sports Med. 2017;51(3):209-210.

    Examples:
        >>> ewma_au(loads_au=[100.0, 0.0, 100.0], span_days=3)
        (50.0, 25.0, 62.5)
    """
    loads = _checked_loads(loads_au)
    _require_days("span_days", span_days)
    decay = 2.0 / (span_days + 1)
    averages: list[float] = []
    value = 0.0
    for load in loads:
        value = decay * load + (1.0 - decay) * value
        averages.append(value)
    return tuple(averages)


def rolling_mean_au(*, loads_au: Sequence[float], window_days: int) -> tuple[float, ...]:
    """Rolling mean daily load over the last ``window_days`` days, the current day included.

    mean(d) = (L(d - N + 1) + ... + L(d)) / N

    Days before day 0 count as rest days (load 0), so the divisor is always N. A 7-day
    acute and a 28-day chronic window ending on the same day overlap: the acute week is
    part of the chronic window. This is the "coupled" ACWR used by Hulin et al. 2016;
    the "uncoupled" variant, whose chronic window leaves the acute week out, is not
    computed here. Coupling makes the two averages share data, which inflates their
    correlation (Lolli et al. 2019).

    Args:
        loads_au: daily loads, finite and at least 0.
        window_days: N, a whole number of days, at least 1.

    Returns:
        One mean per day, in AU per day.

    Raises:
        InvalidInput: when a load is negative or not finite, or ``window_days`` is below 1.

    Sources:
        Hulin BT, Gabbett TJ, Lawson DW, Caputi P, Sampson JA. The acute:chronic workload
        ratio predicts injury: high chronic workload may decrease injury risk in elite
        rugby league players. Br J Sports Med. 2016;50(4):231-236.

        Lolli L, Batterham AM, Hawkins R, et al. Mathematical coupling causes spurious
        correlation within the conventional acute-to-chronic workload ratio calculations.
        Br J Sports Med. 2019;53(15):921-922.

    Examples:
        >>> rolling_mean_au(loads_au=[10.0, 20.0, 30.0, 40.0], window_days=2)
        (5.0, 15.0, 25.0, 35.0)
    """
    loads = _checked_loads(loads_au)
    _require_days("window_days", window_days)
    return tuple(
        math.fsum(loads[max(0, day - window_days + 1) : day + 1]) / window_days
        for day in range(len(loads))
    )


def banister_series(*, loads_au: Sequence[float], time_constant_days: float) -> tuple[float, ...]:
    """First-order impulse-response of daily loads: CTL (tau = 42 d) or ATL (tau = 7 d).

    X(d) = X(d - 1) + k x (L(d) - X(d - 1)),  k = 1 - exp(-1 / tau)

    with X(-1) = 0 (no training before day 0). This is the exact daily discretisation
    of a response that decays as exp(-t / tau); TrainingPeaks' k = 1 / tau is its
    first-order approximation (1 / 42 = 0.02381 against 0.02353 here). For a constant
    load L from day 0, X(d) = L x (1 - exp(-(d + 1) / tau)), which approaches L.

    Args:
        loads_au: daily loads, finite and at least 0.
        time_constant_days: tau in days, finite and above 0.

    Returns:
        One value per day, in AU per day.

    Raises:
        InvalidInput: when a load is negative or not finite, or tau is not above 0.

    Sources:
        Banister EW, Calvert TW, Savage MV, Bach T. A systems model of training for
        athletic performance. Aust J Sports Med. 1975;7(3):57-61.

        Allen H, Coggan AR. Training and Racing with a Power Meter. 2nd ed. Boulder (CO):
        VeloPress; 2010 (CTL tau 42 d, ATL tau 7 d, TSB).

    Examples:
        >>> [round(x, 2) for x in banister_series(loads_au=[100.0] * 3, time_constant_days=7)]
        [13.31, 24.85, 34.86]
    """
    loads = _checked_loads(loads_au)
    require_positive("time_constant_days", time_constant_days)
    gain = -math.expm1(-1.0 / time_constant_days)
    values: list[float] = []
    value = 0.0
    for load in loads:
        value += gain * (load - value)
        values.append(value)
    return tuple(values)


def daily_load_metrics(*, loads_au: Sequence[float]) -> tuple[DayLoad, ...]:
    """EWMA and rolling ACWR, CTL, ATL and TSB for every day of a daily load series.

    Windows: acute 7 d and chronic 28 d for both ACWRs; tau 42 d (CTL) and 7 d (ATL).
    TSB(d) = CTL(d - 1) - ATL(d - 1), the TrainingPeaks convention: form on a day is
    what the athlete brings into it, before that day's session; TSB(0) = 0. Every
    series starts from no training before day 0 (see the module docstring), so the
    ratios of the first weeks read high.

    Args:
        loads_au: daily loads in AU, finite and at least 0; rest days are 0.

    Returns:
        One ``DayLoad`` per day, in order; empty for an empty series.

    Raises:
        InvalidInput: when a load is negative or not finite.

    Sources:
        Williams S, West S, Cross MJ, Stokes KA. Better way to determine the
        acute:chronic workload ratio? Br J Sports Med. 2017;51(3):209-210 (EWMA ACWR).

        Hulin BT, Gabbett TJ, Lawson DW, Caputi P, Sampson JA. Br J Sports Med.
        2016;50(4):231-236 (rolling, coupled ACWR).

        Banister EW, Calvert TW, Savage MV, Bach T. Aust J Sports Med. 1975;7(3):57-61;
        Allen H, Coggan AR. Training and Racing with a Power Meter. 2nd ed. VeloPress;
        2010 (CTL, ATL, TSB).

    Examples:
        >>> days = daily_load_metrics(loads_au=[300.0] * 28)
        >>> days[-1].acwr_rolling
        1.0
        >>> round(days[-1].acwr_ewma, 3), round(days[-1].tsb_au, 1)
        (1.156, -151.4)
    """
    loads = _checked_loads(loads_au)
    acute_ewma = ewma_au(loads_au=loads, span_days=ACUTE_WINDOW_DAYS)
    chronic_ewma = ewma_au(loads_au=loads, span_days=CHRONIC_WINDOW_DAYS)
    acute_rolling = rolling_mean_au(loads_au=loads, window_days=ACUTE_WINDOW_DAYS)
    chronic_rolling = rolling_mean_au(loads_au=loads, window_days=CHRONIC_WINDOW_DAYS)
    ctl = banister_series(loads_au=loads, time_constant_days=CTL_TIME_CONSTANT_DAYS)
    atl = banister_series(loads_au=loads, time_constant_days=ATL_TIME_CONSTANT_DAYS)
    days: list[DayLoad] = []
    previous_ctl = previous_atl = 0.0
    for day, load in enumerate(loads):
        days.append(
            DayLoad(
                day_index=day,
                load_au=load,
                acute_ewma_au=acute_ewma[day],
                chronic_ewma_au=chronic_ewma[day],
                acwr_ewma=acute_chronic_ratio(
                    acute_au=acute_ewma[day], chronic_au=chronic_ewma[day]
                ),
                acute_rolling_au=acute_rolling[day],
                chronic_rolling_au=chronic_rolling[day],
                acwr_rolling=acute_chronic_ratio(
                    acute_au=acute_rolling[day], chronic_au=chronic_rolling[day]
                ),
                ctl_au=ctl[day],
                atl_au=atl[day],
                tsb_au=previous_ctl - previous_atl,
            )
        )
        previous_ctl, previous_atl = ctl[day], atl[day]
    return tuple(days)


def weekly_load_metrics(*, loads_au: Sequence[float]) -> tuple[WeekLoad, ...]:
    """Weekly load, monotony and strain over consecutive 7-day blocks.

    monotony = mean daily load / SD of daily load;  strain = weekly load x monotony

    Blocks start on day 0 (days 0-6, 7-13, ...). A final block shorter than 7 days is
    left out: monotony and strain are defined on a whole week, and a partial week would
    report a misleadingly low strain. The SD is the population SD of the seven days
    (divisor 7): the week is described, not sampled. When every day of a week carries
    the same load the SD is 0 and monotony and strain are ``None`` (undefined, and
    infinity does not serialise to JSON).

    Args:
        loads_au: daily loads in AU, finite and at least 0; rest days are 0.

    Returns:
        One ``WeekLoad`` per complete 7-day block, in order.

    Raises:
        InvalidInput: when a load is negative or not finite.

    Source:
        Foster C. Monitoring training in athletes with reference to overtraining
        syndrome. Med Sci Sports Exerc. 1998;30(7):1164-1168.

    Examples:
        >>> week = weekly_load_metrics(loads_au=[450, 150, 400, 200, 350, 250, 300])[0]
        >>> week.total_au, week.mean_au, week.sd_au, week.monotony, week.strain_au
        (2100.0, 300.0, 100.0, 3.0, 6300.0)
    """
    loads = _checked_loads(loads_au)
    weeks: list[WeekLoad] = []
    for week_index in range(len(loads) // DAYS_PER_WEEK):
        first = week_index * DAYS_PER_WEEK
        week = loads[first : first + DAYS_PER_WEEK]
        total = math.fsum(week)
        sd = statistics.pstdev(week)
        monotony = (total / DAYS_PER_WEEK) / sd if sd > 0 else None
        weeks.append(
            WeekLoad(
                week_index=week_index,
                total_au=total,
                mean_au=total / DAYS_PER_WEEK,
                sd_au=sd,
                monotony=monotony,
                strain_au=None if monotony is None else total * monotony,
            )
        )
    return tuple(weeks)


def _require_load(name: str, value: float) -> float:
    if not math.isfinite(value) or value < 0:
        raise InvalidInput(name, value, "must be a finite load of at least 0 AU")
    return float(value)


def _checked_loads(loads_au: Sequence[float]) -> tuple[float, ...]:
    return tuple(_require_load(f"loads_au[{day}]", load) for day, load in enumerate(loads_au))


def _require_days(name: str, value: int) -> None:
    if value < 1:
        raise InvalidInput(name, value, "must be a whole number of days, at least 1")
