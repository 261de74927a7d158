"""Nutrition rules (GUIDELINES.md, 'Nutrition')."""

from __future__ import annotations

from runlift.rules.model import Rule, RuleId, same_for_all
from runlift.vocabulary import RuleStrength

NUT_1 = Rule(
    id=RuleId("NUT-1"),
    title=(
        "Daily energy against total daily expenditure (resting + training): muscle gain "
        "surplus_min_kcal to surplus_max_kcal above it; maintenance at or slightly above it; "
        "fat loss a moderate deficit"
    ),
    sources=("G1", "G2", "G4"),
    strength=RuleStrength.HARD,
    category="nutrition",
    parameters={"surplus_min_kcal": same_for_all(250), "surplus_max_kcal": same_for_all(500)},
    weight=None,
)

NUT_2 = Rule(
    id=RuleId("NUT-2"),
    title="Daily protein per kg body mass: protein_min_g_per_kg to protein_max_g_per_kg",
    sources=("G1", "G2"),
    strength=RuleStrength.HARD,
    category="nutrition",
    parameters={
        "protein_min_g_per_kg": same_for_all(1.6),
        "protein_max_g_per_kg": same_for_all(2.2),
    },
    weight=None,
)

NUT_3 = Rule(
    id=RuleId("NUT-3"),
    title=(
        "Protein servings of serving_min_g to serving_max_g spread every few hours, with one "
        "soon after every lift and every run"
    ),
    sources=("G1", "G2", "G4"),
    strength=RuleStrength.SOFT,
    category="nutrition",
    parameters={"serving_min_g": same_for_all(20), "serving_max_g": same_for_all(40)},
    weight=None,
)

NUT_4 = Rule(
    id=RuleId("NUT-4"),
    title=(
        "Daily carbohydrate scaled to the day's running, with carbohydrate before and after "
        "each run"
    ),
    sources=("G1", "G2", "G4"),
    strength=RuleStrength.SOFT,
    category="nutrition",
    parameters={},
    weight=None,
)

RULES = (NUT_1, NUT_2, NUT_3, NUT_4)
