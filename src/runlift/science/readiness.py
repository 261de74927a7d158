"""Readiness to train from daily check-ins, and the fatigue flag (PER-4).

**Readiness** is a 0-100 score built from a daily check-in, in the manner of the Hooper
index and of McLean's wellness questionnaire: a few short self-ratings, each turned into a
0-1 subscore, combined as a weighted mean. Subjective ratings carry most of the weight
because they track training better than the usual objective markers (Saw, Main & Gastin
2016); resting heart rate, judged against the athlete's own baseline, adds half a
component (Buchheit 2014). Each component's subscore, weight and points are returned, so
the score always shows where it came from.

==============  ===================================  ======================  ======
component       input                                subscore 0-1            weight
==============  ===================================  ======================  ======
sleep           hours slept                          (h - 4) / 4, in [0, 1]  1
soreness        1 none ... 5 very sore               (5 - r) / 4             1
stress          1 very relaxed ... 5 very stressed   (5 - r) / 4             1
fatigue         1 fresh ... 5 exhausted              (5 - r) / 4             1
mood            1 very low ... 5 very good           (r - 1) / 4             1
resting HR      z against the last 28 days           1 to z 0.5, 0 from z 2  0.5
==============  ===================================  ======================  ======

score = 100 x sum(weight x subscore) / sum(weight), over the components given. A missing
component is left out of both sums (the others keep their relative weights); with none
given the score is ``None``, never 0.

The **fatigue flag** raises a hand when the EWMA acute:chronic workload ratio is above
1.5 or readiness has been low (below 50) for three days running; see
:func:`fatigue_flag` for the thresholds and their caveats.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from runlift.errors import InvalidInput
from runlift.science.checks import require_positive, require_range
from runlift.science.load import (
    ACUTE_WINDOW_DAYS,
    CHRONIC_WINDOW_DAYS,
    acute_chronic_ratio,
    ewma_au,
)

MIN_RATING: Final = 1.0
"""Lowest value of the 1-5 ratings (soreness, stress, fatigue, mood)."""

MAX_RATING: Final = 5.0
"""Highest value of the 1-5 ratings."""

MAX_SLEEP_H: Final = 24.0

SLEEP_FLOOR_H: Final = 4.0
"""Sleep at or below 4 h scores 0: the most restricted arm of Van Dongen et al. (2003)."""

SLEEP_FULL_H: Final = 8.0
"""Sleep of 8 h or more scores 1: the arm of Van Dongen et al. (2003) with no cumulative
deficit, in the 7-9 h recommended for adults (Hirshkowitz et al. 2015)."""

MIN_RESTING_HR_BPM: Final = 25.0
MAX_RESTING_HR_BPM: Final = 150.0

RESTING_HR_BASELINE_DAYS: Final = 28
"""Days before a check-in whose resting heart rates form its baseline (mean and SD)."""

MIN_BASELINE_READINGS: Final = 7
"""Fewest baseline readings a z-score is computed from: one week of mornings."""

RESTING_HR_TRIVIAL_Z: Final = 0.5
"""A rise up to half a baseline SD is treated as day-to-day noise and costs nothing.

Buchheit (2014) advises judging a daily heart-rate value against the athlete's own usual
variation rather than a fixed number of beats; half of that variation (0.5 SD) is a
common choice for the smallest worthwhile change in day-to-day heart-rate monitoring.
"""

RESTING_HR_ZERO_Z: Final = 2.0
"""A rise of two baseline SDs or more scores 0: normally scattered mornings reach it less
than once in 40."""

LOW_READINESS_SCORE: Final = 50.0
"""A score below 50 is low: the known components sit, on average, in the worse half of
their ranges (soreness and stress both 4 of 5 after 7 h of sleep give 41.7)."""

LOW_READINESS_DAYS: Final = 3
"""Low readiness counts as persistent (PER-4) after three days in a row.

The soreness that follows one hard session peaks one to three days later and then fades
(Cheung, Hume & Maxwell 2003); a low score that outlasts that window is more than the
expected after-effect of one session.
"""

ACWR_FLAG_THRESHOLD: Final = 1.5
"""The EWMA acute:chronic workload ratio above which the flag is raised (Gabbett 2016)."""


class ReadinessComponent(StrEnum):
    """The parts of a readiness score."""

    SLEEP = "sleep"
    SORENESS = "soreness"
    STRESS = "stress"
    FATIGUE = "fatigue"
    MOOD = "mood"
    RESTING_HR = "resting_hr"


COMPONENT_WEIGHTS: Final[Mapping[ReadinessComponent, float]] = MappingProxyType(
    {
        ReadinessComponent.SLEEP: 1.0,
        ReadinessComponent.SORENESS: 1.0,
        ReadinessComponent.STRESS: 1.0,
        ReadinessComponent.FATIGUE: 1.0,
        ReadinessComponent.MOOD: 1.0,
        ReadinessComponent.RESTING_HR: 0.5,
    }
)
"""Weight of each component in the score.

The self-ratings weigh the same, as the items of the Hooper index and of McLean's
questionnaire are summed with equal weight. Resting heart rate weighs half as much: Saw,
Main & Gastin (2016) found subjective measures reflected training more consistently than
objective ones, resting heart rate among them.
"""


class FatigueSignal(StrEnum):
    """What raised the fatigue flag."""

    HIGH_ACWR = "high_acwr"
    LOW_READINESS = "low_readiness"


@dataclass(frozen=True, slots=True, kw_only=True)
class WellnessCheckIn:
    """One day's check-in; every field but the date may be missing.

    Attributes:
        on_date: the day of the check-in.
        sleep_h: hours slept the night before, 0 to 24.
        soreness: muscle soreness, 1 (none) to 5 (very sore).
        stress: stress, 1 (very relaxed) to 5 (very stressed).
        fatigue: fatigue, 1 (fresh) to 5 (exhausted).
        mood: mood, 1 (very low) to 5 (very good).
        resting_hr_bpm: resting heart rate on waking, 25 to 150 beats per minute.

    Raises:
        InvalidInput: on construction, naming the field out of range.
    """

    on_date: date
    sleep_h: float | None = None
    soreness: float | None = None
    stress: float | None = None
    fatigue: float | None = None
    mood: float | None = None
    resting_hr_bpm: float | None = None

    def __post_init__(self) -> None:
        if self.sleep_h is not None:
            require_range("sleep_h", self.sleep_h, 0.0, MAX_SLEEP_H)
        for name in ("soreness", "stress", "fatigue", "mood"):
            rating = getattr(self, name)
            if rating is not None:
                require_range(name, rating, MIN_RATING, MAX_RATING)
        if self.resting_hr_bpm is not None:
            require_range(
                "resting_hr_bpm", self.resting_hr_bpm, MIN_RESTING_HR_BPM, MAX_RESTING_HR_BPM
            )


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentScore:
    """One component of a readiness score.

    Attributes:
        component: which component.
        value: its input: hours, a 1-5 rating, or for resting heart rate the z-score
            against the baseline; ``None`` when missing.
        subscore: the input mapped to 0 (worst) to 1 (best); ``None`` when missing.
        weight: the component's weight (``COMPONENT_WEIGHTS``).
        points: its contribution to the 0-100 score, ``100 x weight x subscore / total
            weight of the known components``; ``None`` when missing.
        max_points: the points it would give with a subscore of 1; ``None`` when missing.
    """

    component: ReadinessComponent
    value: float | None
    subscore: float | None
    weight: float
    points: float | None
    max_points: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Readiness:
    """A day's readiness score and its parts.

    Attributes:
        on_date: the day.
        score: 0 to 100, the sum of the components' points; ``None`` when no component
            is known.
        components: every component, known or not, in ``ReadinessComponent`` order.
    """

    on_date: date
    score: float | None
    components: tuple[ComponentScore, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class FatigueReason:
    """One reason the fatigue flag is raised.

    Attributes:
        signal: which signal.
        detail: a sentence with the measured value, the threshold and its source.
    """

    signal: FatigueSignal
    detail: str


@dataclass(frozen=True, slots=True, kw_only=True)
class FatigueFlag:
    """The fatigue flag of the last day of the series.

    Attributes:
        reasons: why the flag is raised; empty when it is not.
        acwr_ewma: the EWMA acute:chronic ratio of the last day; ``None`` before 28 days
            of loads or when the chronic load is 0.
        low_readiness_days: consecutive days, ending on the last, with readiness below
            the threshold.
    """

    reasons: tuple[FatigueReason, ...]
    acwr_ewma: float | None
    low_readiness_days: int

    @property
    def flagged(self) -> bool:
        """Whether any reason raises the flag."""
        return bool(self.reasons)


def resting_hr_z_score(*, resting_hr_bpm: float, baseline_bpm: Sequence[float]) -> float | None:
    """How far a morning's resting heart rate sits from the athlete's own baseline.

    z = (HR - mean(baseline)) / SD(baseline)

    with the sample SD (divisor n - 1). The baseline is the athlete's resting heart rates
    of the previous 28 days (see ``readiness_series``). A positive z is a heart rate above
    the usual.

    Args:
        resting_hr_bpm: the morning's resting heart rate, 25 to 150 bpm.
        baseline_bpm: earlier resting heart rates, each 25 to 150 bpm.

    Returns:
        The z-score; ``None`` with fewer than 7 baseline readings or a baseline SD of 0,
        where no z-score can be read.

    Raises:
        InvalidInput: when a heart rate is outside 25-150 bpm or not finite.

    Source:
        Buchheit M. Monitoring training status with HR measures: do all roads lead to
        Rome? Front Physiol. 2014;5:73.

    Examples:
        >>> resting_hr_z_score(resting_hr_bpm=53, baseline_bpm=[48, 48, 48, 50, 52, 52, 52])
        1.5
    """
    require_range("resting_hr_bpm", resting_hr_bpm, MIN_RESTING_HR_BPM, MAX_RESTING_HR_BPM)
    _check_baseline("baseline_bpm", baseline_bpm)
    if len(baseline_bpm) < MIN_BASELINE_READINGS:
        return None
    spread = statistics.stdev(baseline_bpm)
    if spread == 0:
        return None
    return (resting_hr_bpm - statistics.fmean(baseline_bpm)) / spread


def readiness_score(
    *, check_in: WellnessCheckIn, resting_hr_baseline_bpm: Sequence[float] = ()
) -> Readiness:
    """Readiness (0-100) of one check-in, with every component's part.

    score = 100 x sum(w_i s_i) / sum(w_i) over the known components i, with subscores

    * sleep: s = min(max((h - 4) / (8 - 4), 0), 1);
    * soreness, stress, fatigue: s = (5 - r) / 4; mood: s = (r - 1) / 4;
    * resting heart rate, z against the baseline: s = 1 for z <= 0.5, 0 for z >= 2, and
      (2 - z) / 1.5 between; a heart rate below the usual is not penalised;

    and weights 1 for each self-rating and 0.5 for resting heart rate. Resting heart rate
    counts only when the baseline gives a z-score (``resting_hr_z_score``).

    Args:
        check_in: the day's check-in.
        resting_hr_baseline_bpm: the resting heart rates of the previous 28 days; may be
            empty.

    Returns:
        The score and the components; the score is ``None`` when nothing is known.

    Raises:
        InvalidInput: when a baseline heart rate is out of range.

    Sources:
        Hooper SL, Mackinnon LT. Monitoring overtraining in athletes: recommendations.
        Sports Med. 1995;20(5):321-327; Hooper SL, Mackinnon LT, Howard A, Gordon RD,
        Bachmann AW. Markers for monitoring overtraining and recovery. Med Sci Sports
        Exerc. 1995;27(1):106-112 (sleep, stress, fatigue and soreness ratings summed).

        McLean BD, Coutts AJ, Kelly V, McGuigan MR, Cormack SJ. Neuromuscular, endocrine,
        and perceptual fatigue responses during different length between-match
        microcycles in professional rugby league players. Int J Sports Physiol Perform.
        2010;5(3):367-383 (five-item wellness questionnaire, 1-5 ratings).

        Saw AE, Main LC, Gastin PB. Monitoring the athlete training response: subjective
        self-reported measures trump commonly used objective measures: a systematic
        review. Br J Sports Med. 2016;50(5):281-291.

        Buchheit M. Front Physiol. 2014;5:73 (resting heart rate against one's own
        baseline).

        Van Dongen HPA, Maislin G, Mullington JM, Dinges DF. The cumulative cost of
        additional wakefulness: dose-response effects on neurobehavioral functions and
        sleep physiology from chronic sleep restriction and total sleep deprivation.
        Sleep. 2003;26(2):117-126. Hirshkowitz M, Whiton K, Albert SM, et al. National
        Sleep Foundation's sleep time duration recommendations: methodology and results
        summary. Sleep Health. 2015;1(1):40-43.

    Examples:
        7 h of sleep (0.75), soreness 2 (0.75), stress 3 (0.5), mood 4 (0.75); fatigue
        and heart rate missing: 100 x 2.75 / 4 = 68.75.

        >>> from datetime import date
        >>> day = readiness_score(check_in=WellnessCheckIn(
        ...     on_date=date(2025, 3, 31), sleep_h=7, soreness=2, stress=3, mood=4))
        >>> day.score
        68.75
        >>> [(c.component.value, c.points) for c in day.components][:3]
        [('sleep', 18.75), ('soreness', 18.75), ('stress', 12.5)]

        The same with a resting heart rate 1.5 SD above the baseline (subscore 1/3):

        >>> day = readiness_score(
        ...     check_in=WellnessCheckIn(on_date=date(2025, 3, 31), sleep_h=7, soreness=2,
        ...                              stress=3, mood=4, resting_hr_bpm=53),
        ...     resting_hr_baseline_bpm=[48, 48, 48, 50, 52, 52, 52])
        >>> round(day.score, 2)
        64.81
    """
    _check_baseline("resting_hr_baseline_bpm", resting_hr_baseline_bpm)
    z_score = (
        None
        if check_in.resting_hr_bpm is None
        else resting_hr_z_score(
            resting_hr_bpm=check_in.resting_hr_bpm, baseline_bpm=resting_hr_baseline_bpm
        )
    )
    known: dict[ReadinessComponent, tuple[float, float]] = {}
    if check_in.sleep_h is not None:
        known[ReadinessComponent.SLEEP] = (check_in.sleep_h, _sleep_subscore(check_in.sleep_h))
    for component, rating in (
        (ReadinessComponent.SORENESS, check_in.soreness),
        (ReadinessComponent.STRESS, check_in.stress),
        (ReadinessComponent.FATIGUE, check_in.fatigue),
    ):
        if rating is not None:
            known[component] = (rating, (MAX_RATING - rating) / (MAX_RATING - MIN_RATING))
    if check_in.mood is not None:
        mood_subscore = (check_in.mood - MIN_RATING) / (MAX_RATING - MIN_RATING)
        known[ReadinessComponent.MOOD] = (check_in.mood, mood_subscore)
    if z_score is not None:
        known[ReadinessComponent.RESTING_HR] = (z_score, _resting_hr_subscore(z_score))
    total_weight = math.fsum(COMPONENT_WEIGHTS[c] for c in known)
    components: list[ComponentScore] = []
    for component, weight in COMPONENT_WEIGHTS.items():
        if component in known:
            value, subscore = known[component]
            share = 100.0 * weight / total_weight
            components.append(
                ComponentScore(
                    component=component,
                    value=value,
                    subscore=subscore,
                    weight=weight,
                    points=share * subscore,
                    max_points=share,
                )
            )
        else:
            components.append(
                ComponentScore(
                    component=component,
                    value=None,
                    subscore=None,
                    weight=weight,
                    points=None,
                    max_points=None,
                )
            )
    score = (
        100.0 * math.fsum(COMPONENT_WEIGHTS[c] * s for c, (_, s) in known.items()) / total_weight
        if known
        else None
    )
    return Readiness(on_date=check_in.on_date, score=score, components=tuple(components))


def readiness_series(*, check_ins: Sequence[WellnessCheckIn]) -> tuple[Readiness, ...]:
    """Readiness of every check-in, each against its own resting-heart-rate baseline.

    For a check-in on day D the baseline is every resting heart rate logged from D - 28
    to D - 1 (``RESTING_HR_BASELINE_DAYS``); the day's own reading is left out, so a bad
    morning cannot dilute its own z-score. Scores follow ``readiness_score``.

    Args:
        check_ins: check-ins in any order, at most one per day.

    Returns:
        One ``Readiness`` per check-in, in date order.

    Raises:
        InvalidInput: when two check-ins share a day.

    Source:
        Buchheit M. Monitoring training status with HR measures: do all roads lead to
        Rome? Front Physiol. 2014;5:73 (a rolling baseline of the athlete's own values).

    Examples:
        >>> from datetime import date, timedelta
        >>> first = date(2025, 3, 1)
        >>> week = [WellnessCheckIn(on_date=first + timedelta(days=d), resting_hr_bpm=hr)
        ...         for d, hr in enumerate([48, 48, 48, 50, 52, 52, 52, 53])]
        >>> days = readiness_series(check_ins=week)
        >>> [d.score for d in days[:7]]
        [None, None, None, None, None, None, None]
        >>> round(days[7].score, 2)
        33.33
    """
    ordered = sorted(check_ins, key=lambda c: c.on_date)
    for before, after in itertools.pairwise(ordered):
        if before.on_date == after.on_date:
            raise InvalidInput("check_ins", after.on_date, "must hold one check-in per day")
    window = timedelta(days=RESTING_HR_BASELINE_DAYS)
    days: list[Readiness] = []
    for check_in in ordered:
        baseline = [
            earlier.resting_hr_bpm
            for earlier in ordered
            if earlier.resting_hr_bpm is not None
            and check_in.on_date - window <= earlier.on_date < check_in.on_date
        ]
        days.append(readiness_score(check_in=check_in, resting_hr_baseline_bpm=baseline))
    return tuple(days)


def fatigue_flag(
    *,
    loads_au: Sequence[float],
    readiness_scores: Sequence[float | None],
    acwr_threshold: float = ACWR_FLAG_THRESHOLD,
    low_readiness_score: float = LOW_READINESS_SCORE,
    low_readiness_days: int = LOW_READINESS_DAYS,
) -> FatigueFlag:
    """Whether the last day shows signs of too much load or persistent low readiness (PER-4).

    Two independent reasons raise the flag on the last day of the series:

    * **high ACWR**: EWMA acute (7 d) / chronic (28 d) load above 1.5. Read only once the
      series covers 28 days: before that the chronic load is still building from zero
      and every ratio reads high (see ``runlift.science.load``).
    * **low readiness**: readiness below 50 on each of the last 3 days; a day without a
      score (``None``) ends the run of low days.

    Gabbett's review put the injury "danger zone" at ratios above about 1.5. Later work
    questioned the ratio itself: it couples the acute load into the chronic one, its
    links with injury come from observational data, and it does not say what causes an
    injury (Impellizzeri et al. 2020). runlift therefore reads it only as a prompt to
    look at the recent rise in load, never as an injury prediction, and pairs it with
    the athlete's own ratings.

    Args:
        loads_au: daily loads in AU, oldest first, the last being the day judged.
        readiness_scores: daily readiness scores 0-100 (or ``None``), oldest first, the
            last on the same day as the last load.
        acwr_threshold: ratio above which the flag is raised, above 0.
        low_readiness_score: score below which a day is low, above 0 and at most 100.
        low_readiness_days: consecutive low days that raise the flag, at least 1.

    Returns:
        The reasons (empty when none), the last day's ratio and the run of low days.

    Raises:
        InvalidInput: when a load or a score or a threshold is out of range.

    Sources:
        Gabbett TJ. The training-injury prevention paradox: should athletes be training
        smarter and harder? Br J Sports Med. 2016;50(5):273-280.

        Williams S, West S, Cross MJ, Stokes KA. Better way to determine the
        acute:chronic workload ratio? Br J Sports Med. 2017;51(3):209-210 (EWMA ratio).

        Impellizzeri FM, Tenan MS, Kempton T, Novak A, Coutts AJ. Acute:chronic workload
        ratio: conceptual issues and fundamental pitfalls. Int J Sports Physiol Perform.
        2020;15(6):907-913.

        Cheung K, Hume P, Maxwell L. Delayed onset muscle soreness: treatment strategies
        and performance factors. Sports Med. 2003;33(2):145-164 (soreness of one session
        peaks within 1-3 days).

    Examples:
        Four weeks at 300 AU a day, then a week at 750: the ratio reaches 1.52. Readiness
        has been low for two days, one short of the three that raise the flag.

        >>> flag = fatigue_flag(loads_au=[300.0] * 28 + [750.0] * 7,
        ...                     readiness_scores=[70.0, 45.0, 40.0])
        >>> flag.flagged, round(flag.acwr_ewma, 2), flag.low_readiness_days
        (True, 1.52, 2)
        >>> [r.signal.value for r in flag.reasons]
        ['high_acwr']
    """
    require_positive("acwr_threshold", acwr_threshold)
    require_positive("low_readiness_score", low_readiness_score)
    require_range("low_readiness_score", low_readiness_score, 0.0, 100.0)
    if isinstance(low_readiness_days, bool) or not isinstance(low_readiness_days, int):
        raise InvalidInput("low_readiness_days", low_readiness_days, "must be a whole number")
    if low_readiness_days < 1:
        raise InvalidInput("low_readiness_days", low_readiness_days, "must be at least 1")
    acute = ewma_au(loads_au=loads_au, span_days=ACUTE_WINDOW_DAYS)
    chronic = ewma_au(loads_au=loads_au, span_days=CHRONIC_WINDOW_DAYS)
    ratio = (
        acute_chronic_ratio(acute_au=acute[-1], chronic_au=chronic[-1])
        if len(loads_au) >= CHRONIC_WINDOW_DAYS
        else None
    )
    for index, value in enumerate(readiness_scores):
        if value is not None:
            require_range(f"readiness_scores[{index}]", value, 0.0, 100.0)
    low_days = 0
    for value in reversed(readiness_scores):
        if value is None or value >= low_readiness_score:
            break
        low_days += 1
    reasons: list[FatigueReason] = []
    if ratio is not None and ratio > acwr_threshold:
        reasons.append(
            FatigueReason(
                signal=FatigueSignal.HIGH_ACWR,
                detail=(
                    f"acute:chronic workload ratio (EWMA, 7/28 days) {ratio:.2f} is above "
                    f"{acwr_threshold:g} (Gabbett 2016): load has risen quickly"
                ),
            )
        )
    if low_days >= low_readiness_days:
        reasons.append(
            FatigueReason(
                signal=FatigueSignal.LOW_READINESS,
                detail=(
                    f"readiness below {low_readiness_score:g} for {low_days} days in a row "
                    f"(PER-4: persistent fatigue, poor sleep or soreness)"
                ),
            )
        )
    return FatigueFlag(reasons=tuple(reasons), acwr_ewma=ratio, low_readiness_days=low_days)


def _check_baseline(name: str, baseline_bpm: Sequence[float]) -> None:
    for index, value in enumerate(baseline_bpm):
        require_range(f"{name}[{index}]", value, MIN_RESTING_HR_BPM, MAX_RESTING_HR_BPM)


def _sleep_subscore(sleep_h: float) -> float:
    return min(max((sleep_h - SLEEP_FLOOR_H) / (SLEEP_FULL_H - SLEEP_FLOOR_H), 0.0), 1.0)


def _resting_hr_subscore(z_score: float) -> float:
    if z_score <= RESTING_HR_TRIVIAL_Z:
        return 1.0
    if z_score >= RESTING_HR_ZERO_Z:
        return 0.0
    return (RESTING_HR_ZERO_Z - z_score) / (RESTING_HR_ZERO_Z - RESTING_HR_TRIVIAL_Z)
