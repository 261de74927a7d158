"""The periodisation's numbers as tables: plan and block lengths, volumes, ramps, tapers, foci.

``runlift.programme.periodisation`` applies them; ``docs/periodisation.md`` gives
their sources in prose.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from runlift.science import running
from runlift.vocabulary import BlockFocus, GoalKind, Priority

DAYS_PER_WEEK: Final = 7
DEFAULT_PLAN_WEEKS: Final = 12
"""Length of a plan whose goal has neither a date nor a number of weeks."""

MAX_PLAN_WEEKS: Final = 104
"""Longest plan accepted: two years."""

MIN_BLOCK_WEEKS: Final = 3
MAX_BLOCK_WEEKS: Final = 6
"""Blocks last 3-6 weeks; only the last block, whose taper replaces a deload, reaches 6."""

MAX_LOADING_BLOCK_WEEKS: Final = 5
"""A block that ends in a deload lasts 3-5 weeks, so deloads come every 3-5 weeks (PER-3)."""

PREFERRED_BLOCK_WEEKS: Final = 4
"""Three loading weeks and a deload, the most common pattern."""

WEEKLY_RAMP_MAX: Final = 0.10
"""Largest week-to-week rise in running distance (Nielsen 2014: >30 % raises injury risk)."""

DELOAD_VOLUME_FACTOR: Final = 0.5
"""Deload running distance relative to the build week before it (PER-3), paces kept."""

TAPER_VOLUME_FACTOR: Final = 0.55
"""Taper-week distance relative to the peak: a 45 % cut (Bosquet 2007: 41-60 %)."""

RACE_WEEK_VOLUME_FACTOR: Final = 0.45
"""Race-week distance (race excluded) relative to the peak: a 55 % cut (Bosquet 2007)."""

TEST_WEEK_RUN_FACTOR: Final = 0.5
"""Running in a strength-test week: half of the last build week, all easy."""

LIFTING_BLOCK_RUN_FACTOR: Final = MappingProxyType(
    {BlockFocus.STRENGTH: 0.9, BlockFocus.HYPERTROPHY: 0.8}
)
"""RUN-2: running distance in lifting blocks relative to the level entering the block."""

TAPER_FREQUENCY_KEPT: Final = 0.8
"""Taper weeks keep at least 80 % of the peak week's runs (Bosquet 2007: keep frequency)."""

LONG_TAPER_FROM_M: Final = 15000.0
"""Races from 15 km up get a taper week before race week (about two weeks of taper)."""

LONG_RUN_SHARE_MAX: Final = 0.30
"""Long run at most 30 % of the week's distance (Daniels 2014)."""

LONG_RUN_MAX_MIN: Final = 150.0
"""Long run at most 150 minutes (Daniels 2014)."""

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
        GoalKind.STRENGTH: (BlockFocus.RUNNING_VOLUME, BlockFocus.HYPERTROPHY),
        GoalKind.HYPERTROPHY: (BlockFocus.RUNNING_VOLUME, BlockFocus.STRENGTH),
        GoalKind.FAT_LOSS: (BlockFocus.RUNNING_VOLUME, BlockFocus.STRENGTH),
        GoalKind.GENERAL_FITNESS: (BlockFocus.RUNNING_VOLUME, BlockFocus.STRENGTH),
    }
)
"""Foci of the earlier blocks, counted backwards from the last one (PER-1 alternation)."""

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
        BlockFocus.STRENGTH: "strength block: heavy lifting leads, runs are maintenance runs",
        BlockFocus.HYPERTROPHY: "hypertrophy block: muscle-building lifting leads, runs are "
        "maintenance runs",
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
