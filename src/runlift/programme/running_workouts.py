"""The running workouts as typed tables: what a coach reads to see the sessions runlift writes.

``runlift.programme.running_prescription`` applies these tables to a week: how
much work each zone may take in one session (Daniels 2014), how the work
progresses through a block, which hard sessions each race distance gets, how
each workout is cut into reps and recoveries (:data:`REP_MENUS`), and the planned
effort of every run kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from runlift.vocabulary import PaceZone, RunKind


class Workout(StrEnum):
    """The hard sessions runlift writes."""

    TEMPO = "tempo"
    INTERVALS = "intervals"
    SHORT_INTERVALS = "short_intervals"
    REPETITION = "repetition"
    HILLS = "hills"
    SPRINTS = "sprints"
    SHARPENER = "sharpener"
    MARATHON_LONG = "marathon_long"


SESSION_CAP_SHARE: Final = MappingProxyType(
    {
        PaceZone.THRESHOLD: 0.10,
        PaceZone.INTERVAL: 0.08,
        PaceZone.REPETITION: 0.05,
        PaceZone.MARATHON: 0.20,
        PaceZone.RACE: 0.10,
    }
)
"""Most work at a zone in one session, as a share of the week's km (Daniels 2014)."""

SESSION_CAP_KM: Final = MappingProxyType(
    {PaceZone.INTERVAL: 10.0, PaceZone.REPETITION: 8.0, PaceZone.MARATHON: 29.0}
)
"""Most work at a zone in one session, in km, whatever the week (Daniels 2014)."""

PROGRESSION_START: Final = 0.7
PROGRESSION_STEP: Final = 0.15
"""Work in build weeks: 70 % of the cap in a block's first week, 15 points more each week."""

REDUCED_WORK_SHARE: Final = 0.7
"""Work on deloads and in the taper, as a share of that (smaller) week's cap."""

MARATHON_LONG_START_SHARE: Final = 0.3
MARATHON_LONG_STEP: Final = 0.1
MARATHON_LONG_MAX_SHARE: Final = 0.6
"""M-pace part of a marathon long run: 30 % of it, 10 points more each week, at most 60 %."""

REP_CHOICE_SHARE: Final = 0.85
"""Longer reps are preferred while they give at least 85 % of the work shorter ones could."""

MIN_MARATHON_SEGMENT_KM: Final = 1.0
WARMUP_SHARE: Final = 0.6
"""Of the easy running around the work, 60 % comes before it."""

MAX_EASY_AROUND_KM: Final = 2.0
EASY_AROUND_SHARE: Final = 0.4
"""A hard session keeps at least min(2 km, 40 % of the run) of easy warm-up and cool-down."""

RACE_WARMUP: Final = MappingProxyType(
    {
        "5k": "10-15 min of easy jogging, a few drills and 4-6 strides, finished 5-10 min before "
        "the start",
        "10k": "10-15 min of easy jogging and 4 strides, finished 5-10 min before the start",
        "half": "5-10 min of easy jogging and 2-3 strides",
        "marathon": "a few minutes of walking and easy jogging; the first kilometres at goal "
        "pace finish the warm-up",
    }
)
"""The warm-up before the start, by race class: said in the race's explanation, not run as
part of it, so the race is its own distance at its own pace. The shorter the race, the longer
and sharper the warm-up, since a short race starts near its hardest effort (Pfitzinger &
Douglas 2009; Daniels 2014)."""

TARGET_AHEAD_OF_PREDICTION: Final = 0.02
"""A target more than 2 % faster than the VDOT prediction is flagged in the explanation."""

RPE: Final = MappingProxyType(
    {
        RunKind.RECOVERY: 2.0,
        RunKind.EASY: 3.0,
        RunKind.LONG: 4.0,
        RunKind.TEMPO: 6.0,
        RunKind.INTERVALS: 8.0,
        RunKind.REPETITION: 7.0,
        RunKind.HILLS: 8.0,
        RunKind.SPRINTS: 8.0,
        RunKind.RACE_PACE: 6.0,
        RunKind.RACE: 9.0,
    }
)
"""Planned session RPE (Foster's CR-10) by run kind."""

LONG_HARD_RPE: Final = 5.0
"""RPE of a long run that carries M-pace work or lasts over 90 min."""

HARD_LONG_MIN: Final = 90.0

EFFORT: Final = MappingProxyType(
    {
        PaceZone.EASY: "easy, conversational: you can talk in full sentences (RPE 3-4)",
        PaceZone.MARATHON: "steady, comfortably brisk: short sentences (RPE 5)",
        PaceZone.THRESHOLD: "comfortably hard: a few words at a time (RPE 6-7)",
        PaceZone.INTERVAL: "hard: breathing heavily, a word or two (RPE 8)",
        PaceZone.REPETITION: "fast and relaxed, not all-out (RPE 8-9)",
        PaceZone.RACE: "race effort",
    }
)
"""How each zone feels, for runs prescribed by effort."""

ZONE_LETTER: Final = MappingProxyType(
    {
        PaceZone.EASY: "E",
        PaceZone.MARATHON: "M",
        PaceZone.THRESHOLD: "T",
        PaceZone.INTERVAL: "I",
        PaceZone.REPETITION: "R",
        PaceZone.RACE: "race pace",
    }
)

KIND_OF: Final = MappingProxyType(
    {
        Workout.TEMPO: RunKind.TEMPO,
        Workout.INTERVALS: RunKind.INTERVALS,
        Workout.SHORT_INTERVALS: RunKind.INTERVALS,
        Workout.REPETITION: RunKind.REPETITION,
        Workout.HILLS: RunKind.HILLS,
        Workout.SPRINTS: RunKind.SPRINTS,
        Workout.SHARPENER: RunKind.RACE_PACE,
        Workout.MARATHON_LONG: RunKind.LONG,
    }
)

RACE_SPECIFIC: Final = MappingProxyType(
    {
        "5k": (Workout.INTERVALS, Workout.REPETITION),
        "10k": (Workout.INTERVALS, Workout.TEMPO),
        "half": (Workout.TEMPO, Workout.INTERVALS),
        "marathon": (Workout.MARATHON_LONG, Workout.TEMPO),
    }
)
"""Hard sessions of the race-specific block by race class (Daniels 2014)."""

MUSCLE_ROTATION: Final = (Workout.SHORT_INTERVALS, Workout.HILLS, Workout.SPRINTS)
"""RUN-1: short high-intensity sessions, rotated week by week."""

DANIELS_2014: Final = "Daniels 2014, Daniels' Running Formula 3rd ed."
SEILER_2010: Final = "Seiler 2010 Int J Sports Physiol Perform 5(3):276-291"
BOSQUET_2007: Final = "Bosquet et al. 2007 Med Sci Sports Exerc 39(8):1358-1365"
PERSINGER_2004: Final = "Persinger et al. 2004 Med Sci Sports Exerc 36(9):1632-1636"
PFITZINGER_2009: Final = "Pfitzinger & Douglas 2009, Advanced Marathoning, 2nd edition"

STRIDES: Final = 5
STRIDE_S: Final = 20.0
STRIDE_RECOVERY_S: Final = 60.0
"""The shakeout on the day before a race ends with 4-6 strides: here five of 20 s, quick and
relaxed, each followed by 60 s of easy jogging or walking (Pfitzinger & Douglas 2009; Daniels
2014 uses strides of 20-30 s the same way). They wake the legs without tiring them and count
as no hard work."""
RACE_NAMES: Final = MappingProxyType(
    {"5k": "5 km", "10k": "10 km", "half": "half marathon", "marathon": "marathon"}
)


MIN_REPS: Final = MappingProxyType(
    {
        Workout.TEMPO: 2,
        Workout.INTERVALS: 3,
        Workout.SHORT_INTERVALS: 4,
        Workout.REPETITION: 4,
        Workout.HILLS: 4,
        Workout.SPRINTS: 4,
        Workout.SHARPENER: 2,
    }
)
"""Reps each workout aims for at least (runlift's choice)."""

FEWEST_REPS: Final = 2
"""Fewest reps of any workout: a small week may cut a workout down to two reps, never one.

One 400 m interval inside an easy run is an easy run with a surge, not an
interval session. When the week's cap (Daniels 2014) or the run's distance
cannot hold two reps of any rep length, the next workout is tried, and the run
is written easy when none fits.
"""
MAX_REPS: Final = 10

TITLES: Final = MappingProxyType(
    {
        Workout.TEMPO: "Threshold",
        Workout.INTERVALS: "Intervals",
        Workout.SHORT_INTERVALS: "Short intervals",
        Workout.REPETITION: "Repetitions",
        Workout.HILLS: "Hill repeats",
        Workout.SPRINTS: "Sprints",
        Workout.SHARPENER: "Race-pace sharpener",
    }
)


class Recovery(StrEnum):
    """How the recovery after a rep is measured."""

    JOG_S = "jog_s"
    """A fixed easy jog of ``recovery_amount`` seconds."""
    JOG_REP_TIME = "jog_rep_time"
    """An easy jog as long as the rep took, rounded up to 10 s."""
    JOG_REP_DISTANCE = "jog_rep_distance"
    """An easy jog as far as the rep."""
    JOG_TWICE_REP_TIME = "jog_twice_rep_time"
    """An easy jog twice as long as the rep (back down a hill)."""
    WALK_M = "walk_m"
    """A walk or easy jog of ``recovery_amount`` metres."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RepMenu:
    """How a workout is cut into reps: one row of :data:`REP_MENUS`.

    Attributes:
        zone: the pace zone of the work.
        reps_m: rep distances in metres, longest first (the longest that still gives
            most of the work is chosen).
        reps_m_by_race: rep distances by race class (``5k``, ``10k``, ``half``,
            ``marathon``), overriding ``reps_m`` for that class.
        rep_seconds: rep durations in seconds, longest first, for work measured in time.
        work_words: how a rep is run, when not simply "at <zone>"; the rep is then
            written by effort, without a pace.
        label_words: added to the rep in the session's title (``30 s uphill``).
        recovery: how the recovery is measured.
        recovery_amount: seconds or metres, for the fixed recoveries.
        recovery_words: the recovery as the athlete reads it.
    """

    zone: PaceZone
    reps_m: tuple[float, ...] = ()
    reps_m_by_race: Mapping[str, tuple[float, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    rep_seconds: tuple[float, ...] = ()
    work_words: str = ""
    label_words: str = ""
    recovery: Recovery
    recovery_amount: float = 0.0
    recovery_words: str

    def reps_for(self, race_class: str | None) -> tuple[float, ...]:
        """The rep distances for an athlete racing ``race_class`` (None: no race)."""
        if race_class is None:
            return self.reps_m
        return self.reps_m_by_race.get(race_class, self.reps_m)


REP_MENUS: Final[Mapping[Workout, RepMenu]] = MappingProxyType(
    {
        # Threshold reps of 1-2 km with a short jog: "cruise intervals" (Daniels 2014).
        Workout.TEMPO: RepMenu(
            zone=PaceZone.THRESHOLD,
            reps_m=(1600.0, 1000.0, 800.0),
            recovery=Recovery.JOG_S,
            recovery_amount=60.0,
            recovery_words="1 min easy jog",
        ),
        # I reps of 3-5 min with a jog as long as the rep (Daniels 2014).
        Workout.INTERVALS: RepMenu(
            zone=PaceZone.INTERVAL,
            reps_m=(1000.0, 800.0, 400.0),
            recovery=Recovery.JOG_REP_TIME,
            recovery_words="easy jog (as long as the rep)",
        ),
        # RUN-1: short high-intensity reps for athletes whose muscle comes first.
        Workout.SHORT_INTERVALS: RepMenu(
            zone=PaceZone.INTERVAL,
            reps_m=(400.0, 200.0),
            recovery=Recovery.JOG_REP_TIME,
            recovery_words="easy jog (as long as the rep)",
        ),
        # R reps with a full recovery: a jog as far as the rep (Daniels 2014).
        Workout.REPETITION: RepMenu(
            zone=PaceZone.REPETITION,
            reps_m=(400.0, 200.0),
            recovery=Recovery.JOG_REP_DISTANCE,
            recovery_words="easy jog",
        ),
        Workout.HILLS: RepMenu(
            zone=PaceZone.REPETITION,
            rep_seconds=(45.0, 30.0, 20.0),
            work_words="uphill, strong and tall (RPE 8-9; 4-8 % slope)",
            label_words=" uphill",
            recovery=Recovery.JOG_TWICE_REP_TIME,
            recovery_words="easy jog back down",
        ),
        Workout.SPRINTS: RepMenu(
            zone=PaceZone.REPETITION,
            reps_m=(100.0, 60.0, 40.0),
            work_words="sprint, near-maximal, smooth (RPE 9)",
            label_words=" sprint",
            recovery=Recovery.WALK_M,
            recovery_amount=200.0,
            recovery_words="200 m walk or easy jog",
        ),
        # A touch of race pace: 400 m reps for 5 km, 1 km for 10 km, up to 1.6 km for the
        # half and the marathon (Pfitzinger & Douglas 2009: a few km at race pace early in
        # race week).
        Workout.SHARPENER: RepMenu(
            zone=PaceZone.RACE,
            reps_m=(400.0,),
            reps_m_by_race=MappingProxyType(
                {
                    "10k": (1000.0, 400.0),
                    "half": (1600.0, 1000.0, 400.0),
                    "marathon": (1600.0, 1000.0),
                }
            ),
            recovery=Recovery.JOG_S,
            recovery_amount=90.0,
            recovery_words="90 s easy jog",
        ),
    }
)
"""How each structured workout is cut into reps and recoveries (the marathon long run,
whose M-pace work sits in the long run itself, has no rep menu)."""
