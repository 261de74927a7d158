"""The periodisation's numbers as tables: plan and block lengths, volumes, ramps, tapers, foci.

``runlift.programme.periodisation`` applies them; ``docs/periodisation.md`` gives
their sources in prose.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from runlift.science import running
from runlift.vocabulary import BlockFocus, Experience, GoalKind, Priority

DAYS_PER_WEEK: Final = 7
DEFAULT_PLAN_WEEKS: Final = 12
"""Length of a plan whose goal has neither a date nor a number of weeks."""

MAX_PLAN_WEEKS: Final = 104
"""Longest plan accepted: two years."""

MIN_BLOCK_WEEKS: Final = 3
"""Shortest block; a block this short appears only where the calendar leaves no better split."""

DELOAD_SPACING_WEEKS: Final = MappingProxyType(
    {
        Experience.NOVICE: (5, 8, 6),
        Experience.INTERMEDIATE: (4, 6, 5),
        Experience.ADVANCED: (3, 5, 4),
    }
)
"""Weeks from one deload to the next (a block that ends in a deload), by training experience:
fewest, most and preferred. Intermediates deload about every 4-6 weeks; novices, whose
fatigue builds more slowly than their fitness, less often; advanced athletes more often
(Haff & Triplett 2016, NSCA Essentials of Strength Training and Conditioning, 4th ed.;
Israetel, Hoffmann & Smith 2015, Renaissance Periodization; Pfitzinger & Douglas 2009 place
a recovery week every 3-4 weeks in their marathon plans)."""

FINAL_BUILD_WEEKS: Final = (3, 4, 2)
"""Build weeks of the last block before its taper or test, in order of preference."""

WEEKLY_RAMP_MAX: Final = 0.10
"""Largest week-to-week rise in running distance (Nielsen 2014: >30 % raises injury risk)."""

DELOAD_VOLUME_FACTOR: Final = 0.78
"""Deload running distance relative to the build week before it: a 22 % cut, paces and hard
sessions kept (Pfitzinger & Douglas 2009: recovery weeks about 20-25 % lighter; Mujika &
Padilla 2003: cut volume, keep intensity)."""

TAPER_SHARES: Final = MappingProxyType(
    {
        "5k": (0.50, 0.70, 0.85),
        "10k": (0.50, 0.70, 0.85),
        "half": (0.45, 0.65, 0.80),
        "marathon": (0.40, 0.60, 0.75),
    }
)
"""Running distance of race week (before the race) and of the taper weeks 1 and 2 before it,
as shares of the last build week: a progressive taper whose volume falls week on week
(Mujika & Padilla 2003 Med Sci Sports Exerc 35(7):1182-1187: progressive beats step tapers;
Bosquet et al. 2007 Med Sci Sports Exerc 39(8):1358-1365: cut volume 41-60 %, keep intensity
and frequency; Pfitzinger & Douglas 2009: marathon weeks at about 75, 60 and 40 %)."""

TAPER_DAYS_MIDDLE: Final = MappingProxyType({"5k": 8.5, "10k": 8.5, "half": 12.0, "marathon": 17.5})
"""Middle of the taper length aimed at, in days from the taper's first Monday through race
day: 7-10 days for 5-10 km, 10-14 for the half marathon, 14-21 for the marathon (Bosquet 2007:
8-14 days best on average; Pfitzinger & Douglas 2009: three weeks for the marathon). The
taper starts on a Monday, so runlift takes the number of taper weeks whose length comes
nearest the middle (the longer on a tie): it always lies within 3.5 days of it."""

PRE_RACE_DAYS_FULL: Final = 6
"""Days of race week before a Sunday race; an earlier race scales race week's distance down."""

SHAKEOUT_DAYS_BEFORE: Final = 1
SHAKEOUT_MIN: Final = 25.0
"""The day before the race: an easy jog of 20-30 min with a few strides, or rest (Pfitzinger &
Douglas 2009). Budgeted at 25 min at the slow end of easy pace, strides included."""

HARD_RUN_DAYS_BEFORE_MIN: Final = 3
"""No hard run or race-pace work in the last two days before a race: the last sharpener is
at least 3 days out (Pfitzinger & Douglas 2009; Daniels 2014)."""

SHARPENER_DAYS_BEFORE_MAX: Final = 5
"""Race week's sharpener comes 3-5 days before the race, not the day after the last long run."""

LONG_RUN_DAYS_BEFORE_MIN: Final = 7
"""No long run in the six days before a race (Pfitzinger & Douglas 2009)."""

LIFT_FREE_DAYS_AFTER_RACE: Final = 1
"""No lift from the day before the race to the day after it: the legs go to the start fresh
and get a day to recover (Pfitzinger & Douglas 2009)."""

FINAL_LIGHT_DAYS: Final = 6
"""The last six days before a race hold at most one lift, a light and short one without
leg-dominant or jumping work (Clarkson & Hubal 2002; Bosquet 2007); race week itself has
none."""

RACE_WEEK_REST_DAYS: Final = 1
"""Race week keeps at least one of its pre-race days free of running."""

TEST_WEEK_RUN_FACTOR: Final = 0.5
"""Running in a strength-test week: half of the last build week, all easy."""

TEST_WEEKDAY: Final = 5
"""The test day of a strength goal without a date: the Saturday of its last week."""

TEST_RUN_FREE_DAYS: Final = 1
"""No run on the test day or the day before it (SCH-4: lifts are tested fresh)."""

LIFTING_BLOCK_RUN_FACTOR: Final = MappingProxyType(
    {BlockFocus.STRENGTH: 0.9, BlockFocus.HYPERTROPHY: 0.8}
)
"""RUN-2: running distance in lifting blocks relative to the level entering them, when muscle
comes first (a muscle goal, or lifting priority); runners hold their running instead."""

TAPER_FREQUENCY_KEPT: Final = 0.8
"""Taper weeks keep at least 80 % of the peak week's runs (Bosquet 2007: keep frequency)."""

LONG_RUN_SHARE_MAX: Final = 0.30
"""Long run at most 30 % of the week's distance (Daniels 2014)."""

THREE_RUN_LONG_SHARE: Final = 0.40
"""With three runs a week a 30 % long run would be shorter than the other two: it may take
40 % (the other two 30 % each). runlift's choice."""

LONG_RUN_MAX_MIN: Final = 150.0
"""Long run at most 150 minutes (Daniels 2014)."""

MARATHON_LONG_RUN_SHARE: Final = 0.40
MARATHON_LONG_RUN_MAX_MIN: Final = 180.0
MARATHON_LONG_RUN_MAX_KM: Final = 32.0
"""A marathon build's long run, its key session, may take 40 % of the week and 3 h: Pfitzinger
& Douglas 2009 (Advanced Marathoning, 2nd ed.) build to several runs of 29-35 km, about 35-40 %
of an 80-90 km week; the 3 h, timed at the slow end of easy pace, keeps slower runners from
running far longer than that, and 32 km (20 miles) is the longest run runlift plans."""

MEDIUM_LONG_OF_LONG: Final = 0.7
MEDIUM_LONG_MAX_MIN: Final = 90.0
MEDIUM_LONG_MIN_RUNS: Final = 5
MEDIUM_LONG_LEAD: Final = 1.15
"""Marathon builds of five runs or more add a midweek medium-long run of about 70 % of the long
run (Pfitzinger & Douglas 2009), at most 90 min so that it stays an easy run (past 90 min
GUIDELINES.md counts a run as hard), and only when it is at least 15 % longer than the
week's other easy runs and leaves each of them at least ``KM_PER_RUN``."""

MUSCLE_LONG_RUN_SHARE: Final = 0.25
MUSCLE_LONG_RUN_MAX_MIN: Final = 60.0
"""RUN-1: when muscle comes first the longest run is a quarter of the week and at most 1 h."""

MIXED_LONG_RUN_MAX_MIN: Final = 90.0
"""Fat loss and general fitness: long run at most 90 min (past it, a run counts as hard)."""

MIN_RUNS_FOR_LONG: Final = 3
"""With fewer training runs there is no separate long run."""

KM_PER_RUN: Final = 8.0
"""Runs a week grow by one per 8 km of weekly distance, within the goal's range."""

MIN_RUN_KM: Final = 2.0
"""Shortest run planned; fewer runs are planned rather than shorter ones."""

START_KM_PER_RUN: Final = 3.0
"""An athlete who runs less than this per planned run starts at this (run-walk is fine)."""

AVAILABLE_TIME_SHARE: Final = 0.75
"""Planned sessions take at most 75 % of the available time, leaving room for placement."""

LIFT_SESSION_ESTIMATE_MIN: Final = 60
"""Time budgeted per lift when fitting the week to the athlete's availability."""

RUN_OVERHEAD_MIN: Final = 5.0
"""Time budgeted per run on top of its distance at the slow end of easy pace."""

SLOT_MIN: Final = 15
"""Sessions are placed on a 15-minute grid, so durations round up to it."""

RUN_WINDOW_MIN: Final = 30
"""Shortest window that holds a run: the shortest run planned (2 km) rounds up to 30 minutes."""

CONSERVATIVE_VDOT: Final = running.MIN_VDOT
"""VDOT assumed, for durations only, when the athlete has no race result: the slowest table row."""

NOVICE_RUNNER_BELOW_KM: Final = 20.0
ADVANCED_RUNNER_FROM_KM: Final = 50.0
"""Running habit read from the current weekly distance (the profile has no running level)."""

MARATHON_CLASS_FROM_M: Final = 30000.0
HALF_CLASS_FROM_M: Final = 15000.0
TEN_K_CLASS_FROM_M: Final = 7000.0

RACE_PEAK_KM: Final = MappingProxyType(
    {
        "5k": (25.0, 40.0, 55.0),
        "10k": (30.0, 45.0, 65.0),
        "half": (35.0, 50.0, 70.0),
        "marathon": (45.0, 65.0, 90.0),
    }
)
"""Target peak weekly km by race class for novice, intermediate and advanced runners."""

RACE_PEAK_PRIORITY_FACTOR: Final = MappingProxyType(
    {Priority.RUNNING: 1.0, Priority.BALANCED: 0.9, Priority.LIFTING: 0.75}
)
"""A race peak is lower when lifting shares or leads the priority (Wilson 2012)."""

NON_RACE_TARGET_KM: Final = MappingProxyType(
    {
        "muscle": MappingProxyType(
            {Priority.LIFTING: 15.0, Priority.BALANCED: 20.0, Priority.RUNNING: 30.0}
        ),
        "fat_loss": MappingProxyType(
            {Priority.LIFTING: 20.0, Priority.BALANCED: 30.0, Priority.RUNNING: 40.0}
        ),
        "general": MappingProxyType(
            {Priority.LIFTING: 15.0, Priority.BALANCED: 20.0, Priority.RUNNING: 30.0}
        ),
    }
)
"""Weekly km aimed at without a race: a ceiling for muscle goals, a floor-target otherwise."""

RUNS_RANGE: Final = MappingProxyType(
    {
        "race": MappingProxyType(
            {Priority.RUNNING: (3, 6), Priority.BALANCED: (3, 5), Priority.LIFTING: (3, 4)}
        ),
        "muscle": MappingProxyType(
            {Priority.RUNNING: (2, 4), Priority.BALANCED: (2, 3), Priority.LIFTING: (2, 2)}
        ),
        "fat_loss": MappingProxyType(
            {Priority.RUNNING: (2, 5), Priority.BALANCED: (2, 4), Priority.LIFTING: (2, 3)}
        ),
        "general": MappingProxyType(
            {Priority.RUNNING: (2, 5), Priority.BALANCED: (2, 4), Priority.LIFTING: (2, 3)}
        ),
    }
)
"""Fewest and most runs a week by goal group and priority."""

LIFT_VOLUME_FACTOR: Final = MappingProxyType(
    {
        BlockFocus.RUNNING_VOLUME: 0.8,
        BlockFocus.RACE_SPECIFIC: 0.7,
        BlockFocus.STRENGTH: 1.0,
        BlockFocus.HYPERTROPHY: 1.0,
        BlockFocus.FAT_LOSS: 1.0,
        BlockFocus.GENERAL: 1.0,
    }
)
"""Lifting volume in build weeks by block focus (LFT-4: less when running load is high)."""

DELOAD_LIFT_FACTOR: Final = 0.5
TAPER_LIFT_FACTOR: Final = 0.5
RACE_WEEK_LIFT_FACTOR: Final = 0.4
TEST_WEEK_LIFT_FACTOR: Final = 0.5
RUNNER_SPECIFIC_BUILD_LIFT_FACTOR: Final = 1.0
"""Build-week lifting volume with ``lifting.style: runner_specific``: its dose (two light
sets of each exercise) is already the low volume LFT-4 asks for, so running blocks do not
cut it further; deloads, taper and race week cut it as for the full style."""

LIFTING_FOCI: Final = frozenset({BlockFocus.STRENGTH, BlockFocus.HYPERTROPHY})
MUSCLE_GOALS: Final = frozenset({GoalKind.STRENGTH, GoalKind.HYPERTROPHY})

GOAL_FOCUS: Final = MappingProxyType(
    {
        GoalKind.RACE: BlockFocus.RACE_SPECIFIC,
        GoalKind.STRENGTH: BlockFocus.STRENGTH,
        GoalKind.HYPERTROPHY: BlockFocus.HYPERTROPHY,
        GoalKind.FAT_LOSS: BlockFocus.FAT_LOSS,
        GoalKind.GENERAL_FITNESS: BlockFocus.GENERAL,
    }
)
"""Focus of the last block (PER-2)."""

EARLIER_FOCI: Final = MappingProxyType(
    {
        GoalKind.RACE: (BlockFocus.RUNNING_VOLUME, BlockFocus.STRENGTH),
        GoalKind.STRENGTH: (BlockFocus.STRENGTH, BlockFocus.HYPERTROPHY),
        GoalKind.HYPERTROPHY: (BlockFocus.HYPERTROPHY, BlockFocus.STRENGTH),
        GoalKind.FAT_LOSS: (BlockFocus.RUNNING_VOLUME, BlockFocus.STRENGTH),
        GoalKind.GENERAL_FITNESS: (BlockFocus.RUNNING_VOLUME, BlockFocus.STRENGTH),
    }
)
"""Foci of the earlier blocks, counted backwards from the last one (PER-1 alternation).

Muscle goals keep their running at maintenance in every block (RUN-2), so they alternate
strength and hypertrophy emphasis: a strength plan ends strength, hypertrophy, strength and
its peaking block; a hypertrophy plan spends about two blocks in three on hypertrophy."""

RUNNER_SPECIFIC_EARLIER_FOCI: Final = MappingProxyType(
    {
        GoalKind.RACE: (BlockFocus.RUNNING_VOLUME, BlockFocus.RACE_SPECIFIC),
        GoalKind.FAT_LOSS: (BlockFocus.RUNNING_VOLUME, BlockFocus.FAT_LOSS),
        GoalKind.GENERAL_FITNESS: (BlockFocus.RUNNING_VOLUME, BlockFocus.GENERAL),
    }
)
"""Earlier foci with ``lifting.style: runner_specific``, counted from the first block:
there is no lifting block to alternate with, so running volume alternates with the goal's
own focus (PER-1). Strength and hypertrophy goals have no entry: they need the full style."""

FOCUS_WORDS: Final = MappingProxyType(
    {
        BlockFocus.RUNNING_VOLUME: "running-volume block: running distance builds, lifting is "
        "maintained",
        BlockFocus.RACE_SPECIFIC: "race-specific block: race-pace work peaks, lifting is "
        "runner-specific and maintained",
        BlockFocus.STRENGTH: "strength block: heavy lifting leads while the running is maintained",
        BlockFocus.HYPERTROPHY: "hypertrophy block: muscle-building lifting leads while the "
        "running is maintained",
        BlockFocus.FAT_LOSS: "fat-loss block: lifting keeps muscle, running adds energy "
        "expenditure",
        BlockFocus.GENERAL: "general-fitness block: strength and aerobic work side by side",
    }
)

RUNNER_SPECIFIC_FOCUS_WORDS: Final = MappingProxyType(
    {
        BlockFocus.RUNNING_VOLUME: "running-volume block: running distance builds",
        BlockFocus.RACE_SPECIFIC: "race-specific block: race-pace and faster work leads",
        BlockFocus.FAT_LOSS: "fat-loss block: running adds energy expenditure",
        BlockFocus.GENERAL: "general-fitness block: aerobic work and runner-specific strength",
    }
)
"""Block words for ``lifting.style: runner_specific``; the lifting side is said once for all."""

RAMP_NOTE: Final = (
    "Ramp: running distance rises at most 10 % a week (Nielsen et al. 2014 J Orthop Sports "
    "Phys Ther 44(10):739-747: rises above 30 % raise injury risk; Buist et al. 2008 Am J "
    "Sports Med 36(1):33-39)"
)
BOSQUET_2007: Final = "Bosquet et al. 2007 Med Sci Sports Exerc 39(8):1358-1365"
