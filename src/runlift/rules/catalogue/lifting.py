"""Lifting prescription rules (GUIDELINES.md, 'Lifting prescription').

They shape how sessions are built, not where they sit in the week, so they add
nothing to the placement objective (``weight=None``).
"""

from __future__ import annotations

from runlift.rules.model import Rule, RuleId, same_for_all
from runlift.vocabulary import RuleStrength

BLAGROVE_2018 = "Blagrove 2018 Sports Med 48(5):1117-1149"
RONNESTAD_2014 = "Rønnestad & Mujika 2014 Scand J Med Sci Sports 24(4):603-612"

LFT_1 = Rule(
    id=RuleId("LFT-1"),
    title=(
        "Main exercises of a lift: heavy compound lifts (squat, deadlift, bench press, overhead "
        "press, rows; pull-ups as a common companion)"
    ),
    sources=("G1", "G2"),
    strength=RuleStrength.SOFT,
    category="lifting",
    parameters={},
    weight=None,
)

LFT_2 = Rule(
    id=RuleId("LFT-2"),
    title="Hypertrophy work sets: reps_min to reps_max reps at RPE rpe_min to rpe_max",
    sources=("G1",),
    strength=RuleStrength.HARD,
    category="lifting",
    parameters={
        "reps_min": same_for_all(6),
        "reps_max": same_for_all(12),
        "rpe_min": same_for_all(8),
        "rpe_max": same_for_all(9),
    },
    weight=None,
)

LFT_3 = Rule(
    id=RuleId("LFT-3"),
    title=(
        "Strength or maintenance work sets while running: load_pct_1rm_min to load_pct_1rm_max "
        "% of 1RM, reps_min to reps_max reps, rest_min_min to rest_max_min minutes between sets"
    ),
    sources=("G2",),
    strength=RuleStrength.HARD,
    category="lifting",
    parameters={
        "load_pct_1rm_min": same_for_all(70),
        "load_pct_1rm_max": same_for_all(85),
        "reps_min": same_for_all(3),
        "reps_max": same_for_all(8),
        "rest_min_min": same_for_all(2),
        "rest_max_min": same_for_all(5),
    },
    weight=None,
)

LFT_4 = Rule(
    id=RuleId("LFT-4"),
    title=(
        "Number of hard sets per session kept low (no junk volume); lower still when running "
        "load is high"
    ),
    sources=("G1", "G2"),
    strength=RuleStrength.SOFT,
    category="lifting",
    parameters={},
    weight=None,
)

LFT_5 = Rule(
    id=RuleId("LFT-5"),
    title="Load, reps or frequency of each lift rises from one week to the next",
    sources=("G1",),
    strength=RuleStrength.SOFT,
    category="lifting",
    parameters={},
    weight=None,
)

LFT_6 = Rule(
    id=RuleId("LFT-6"),
    title=(
        "Runner-specific strength sessions per week for middle- and long-distance runners "
        "(sessions_min to sessions_max): single-leg hops, bent- and straight-knee calf raises, "
        "suspended split squat, eccentric squat, banded hip flexion and ankle work"
    ),
    sources=("G5", BLAGROVE_2018),
    strength=RuleStrength.SOFT,
    category="lifting",
    parameters={"sessions_min": same_for_all(2), "sessions_max": same_for_all(3)},
    weight=None,
)

LFT_7 = Rule(
    id=RuleId("LFT-7"),
    title=(
        "Lifts per week kept in a race-focused plan (at least lifts_min), because heavy or "
        "explosive strength work improves running economy and speed"
    ),
    sources=("G5", RONNESTAD_2014, BLAGROVE_2018),
    strength=RuleStrength.SOFT,
    category="lifting",
    parameters={"lifts_min": same_for_all(2)},
    weight=None,
)

RULES = (LFT_1, LFT_2, LFT_3, LFT_4, LFT_5, LFT_6, LFT_7)
