"""Physiology rules: why the scheduling rules exist (GUIDELINES.md, 'Physiology')."""

from __future__ import annotations

from runlift.rules.model import Rule, RuleId, per_profile
from runlift.rules.weights import WEIGHTS
from runlift.vocabulary import RuleStrength

INTERFERENCE_LITERATURE = (
    "Robineau 2016 J Strength Cond Res 30(3):672-683",
    "Wilson 2012 J Strength Cond Res 26(8):2293-2307",
    "Murlasits 2018 J Sports Sci 36(11):1212-1219",
    "Eddens 2018 Sports Med 48(1):177-188",
    "Schumann 2022 Sports Med 52(3):601-612",
    "Sabag 2018 J Sports Sci 36(21):2472-2483",
)

PHY_1 = Rule(
    id=RuleId("PHY-1"),
    title=(
        "Interference points (runlift.science.interference) of every lift/run pair less than "
        "48 h apart, gap = later start - earlier end: the week's sum is minimised (weight per "
        "point) and no single pair may exceed max_pair_cost"
    ),
    sources=("G1", "G2", "G3", "G4", *INTERFERENCE_LITERATURE),
    strength=RuleStrength.HARD,
    category="physiology",
    parameters={"max_pair_cost": per_profile(default=60, moderate=80, strict=45)},
    weight=WEIGHTS[RuleId("PHY-1")],
)

PHY_2 = Rule(
    id=RuleId("PHY-2"),
    title=(
        "Glycogen depletion and fatigue carried from the first session into the second; "
        "priced by the order and gap-bucket factors of PHY-1, no separate check"
    ),
    sources=(
        "G4",
        "Murlasits 2018 J Sports Sci 36(11):1212-1219",
        "Robineau 2016 J Strength Cond Res 30(3):672-683",
    ),
    strength=RuleStrength.SOFT,
    category="physiology",
    parameters={},
    weight=None,
)

RULES = (PHY_1, PHY_2)
