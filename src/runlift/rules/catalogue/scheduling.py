"""Scheduling rules: where lifts and runs may sit in a week (GUIDELINES.md, 'Scheduling').

Each has a solver-free checker in ``runlift.rules.checkers`` of the same name.
"""

from __future__ import annotations

from runlift.rules.model import Rule, RuleId, per_profile, same_for_all
from runlift.rules.weights import WEIGHTS
from runlift.vocabulary import RuleStrength

ROBINEAU_2016 = "Robineau 2016 J Strength Cond Res 30(3):672-683"
DOMA_2013 = "Doma & Deakin 2013 Appl Physiol Nutr Metab 38(6):651-656"
DOMA_2014 = "Doma & Deakin 2014 Eur J Sport Sci 14(2):107-115"
DOMA_2017 = "Doma, Deakin & Bentley 2017 Sports Med 47(11):2187-2200"
BURT_TWIST_2011 = "Burt & Twist 2011 J Strength Cond Res 25(8):2185-2192"
SPORER_WENGER_2003 = "Sporer & Wenger 2003 J Strength Cond Res 17(4):638-644"
ORDER_LITERATURE = (
    "Murlasits 2018 J Sports Sci 36(11):1212-1219",
    "Eddens 2018 Sports Med 48(1):177-188",
)

SCH_1 = Rule(
    id=RuleId("SCH-1"),
    title=(
        "Hours from the end of the earlier to the start of the later of a lift and a run that "
        "start on the same local date (parts of one combined block exempt): at least min_gap_h; "
        "each whole hour short of preferred_gap_h costs weight"
    ),
    sources=("G1", "G2", "G3", "G4", ROBINEAU_2016),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={
        "min_gap_h": per_profile(default=6, moderate=4, strict=8),
        "preferred_gap_h": per_profile(default=8, moderate=6, strict=12),
    },
    weight=WEIGHTS[RuleId("SCH-1")],
)

SCH_2 = Rule(
    id=RuleId("SCH-2"),
    title="Local dates on which both a lift and a run start; each such date costs weight",
    sources=("G1", "G2", "G3", "G4"),
    strength=RuleStrength.SOFT,
    category="scheduling",
    parameters={},
    weight=WEIGHTS[RuleId("SCH-2")],
)

SCH_3 = Rule(
    id=RuleId("SCH-3"),
    title=(
        "On a local date with both a lift and a run, whether the first session of the priority "
        "modality starts before the first session of the other; hard for strength, hypertrophy "
        "and race goals, otherwise each date out of order costs weight"
    ),
    sources=("G1", "G3", "G4", *ORDER_LITERATURE),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={},
    weight=WEIGHTS[RuleId("SCH-3")],
)

SCH_4 = Rule(
    id=RuleId("SCH-4"),
    title=(
        "Hours from the end of a heavy-lower lift to the start of a run after it, and from the "
        "end of a hard run to the start of a heavy-lower lift after it, across midnight and "
        "weeks. Hard: any run at least after_heavy_lower_h after the lift; a hard run ends at "
        "least hard_run_before_heavy_lower_h before the lift. Soft: each hard or long run that "
        "starts less than quality_after_heavy_lower_h after the lift costs weight "
        "(lifting_first_share of it when lifting comes first)"
    ),
    sources=(
        "G1",
        "G2",
        DOMA_2013,
        DOMA_2014,
        DOMA_2017,
        BURT_TWIST_2011,
        SPORER_WENGER_2003,
    ),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={
        "after_heavy_lower_h": per_profile(default=6, moderate=4, strict=8),
        "quality_after_heavy_lower_h": per_profile(default=30, moderate=24, strict=48),
        "hard_run_before_heavy_lower_h": per_profile(default=12, moderate=8, strict=24),
        "lifting_first_share": same_for_all(0.5),
    },
    weight=WEIGHTS[RuleId("SCH-4")],
)

SCH_5 = Rule(
    id=RuleId("SCH-5"),
    title=(
        "Sessions other than upper-body lifts that start on the local date after a date with a "
        "hard run (intervals, tempo, hills, repetitions, sprints, race pace, race, or over "
        "90 min); each costs weight, loaded_factor times as much when it is itself a loaded "
        "session (a hard or long run, a heavy-lower or explosive lift: RL-3)"
    ),
    sources=("G2", "Bowerman & Freeman 1991 (hard days alternate with easy days)"),
    strength=RuleStrength.SOFT,
    category="scheduling",
    parameters={"loaded_factor": same_for_all(2)},
    weight=WEIGHTS[RuleId("SCH-5")],
)

SCH_6 = Rule(
    id=RuleId("SCH-6"),
    title=(
        "For the two parts of a combined block: same local date, minutes from the end of the "
        "first part to the start of the second between min_gap_min and max_gap_min, priority "
        "modality first; no combined block unless combined sessions are allowed"
    ),
    sources=("G4",),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={
        "min_gap_min": per_profile(default=10, moderate=10, strict=15),
        "max_gap_min": same_for_all(20),
    },
    weight=None,
)

SCH_7 = Rule(
    id=RuleId("SCH-7"),
    title=(
        "In an ISO week with a lift: distinct local dates on which legs, back and chest are each "
        "lifted (min_per_week to max_per_week), and the number of lifts (at most max_lifts, or "
        "max_lifts_lifting_first when the priority is lifting)"
    ),
    sources=("G1", "G2", "G5", "Blagrove 2018 Sports Med 48(5):1117-1149"),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={
        "min_per_week": same_for_all(2),
        "max_per_week": same_for_all(3),
        "max_lifts": same_for_all(3),
        "max_lifts_lifting_first": same_for_all(4),
    },
    weight=None,
)

SCH_8 = Rule(
    id=RuleId("SCH-8"),
    title=(
        "General-fitness goal only: pairs of consecutive local dates in one ISO week on which "
        "the same single modality trains and the other does not; each pair costs weight"
    ),
    sources=("G4",),
    strength=RuleStrength.SOFT,
    category="scheduling",
    parameters={},
    weight=WEIGHTS[RuleId("SCH-8")],
)

SCH_9 = Rule(
    id=RuleId("SCH-9"),
    title=(
        "Explosive sessions (plyometrics, jumps, Olympic-style lifts) that start after a run "
        "has started on the same local date; none allowed"
    ),
    sources=("G4", "G5", "Schumann 2022 Sports Med 52(3):601-612"),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={},
    weight=None,
)

SCH_10 = Rule(
    id=RuleId("SCH-10"),
    title=(
        "Rest days (local dates of the ISO week with no session). Hard: at least the athlete's "
        "own minimum (WeekContext.rest_days_min, the profile's rest_days_min). Soft: each rest "
        "day missing below the guideline's rest_days_min costs weight (it adds to the hard part "
        "only when the athlete's minimum is lower)"
    ),
    sources=("G3", "G4", "the athlete's profile (rest_days_min)"),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={"rest_days_min": same_for_all(1)},
    weight=WEIGHTS[RuleId("SCH-10")],
)

RULES = (SCH_1, SCH_2, SCH_3, SCH_4, SCH_5, SCH_6, SCH_7, SCH_8, SCH_9, SCH_10)
