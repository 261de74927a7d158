"""Periodisation and recovery rules (GUIDELINES.md, 'Periodisation and recovery')."""

from __future__ import annotations

from runlift.rules.model import Rule, RuleId
from runlift.vocabulary import RuleStrength

PER_1 = Rule(
    id=RuleId("PER-1"),
    title=(
        "Focus of consecutive blocks (mesocycles): running-volume blocks with strength "
        "maintained alternate with strength/hypertrophy blocks with maintenance runs"
    ),
    sources=("G1", "G3"),
    strength=RuleStrength.SOFT,
    category="periodisation",
    parameters={},
    weight=None,
)

PER_2 = Rule(
    id=RuleId("PER-2"),
    title="Focus of the block that ends nearest a dated goal: that goal's modality",
    sources=("G3",),
    strength=RuleStrength.HARD,
    category="periodisation",
    parameters={},
    weight=None,
)

PER_3 = Rule(
    id=RuleId("PER-3"),
    title="Deload weeks and active recovery present in the plan",
    sources=("G4",),
    strength=RuleStrength.SOFT,
    category="periodisation",
    parameters={},
    weight=None,
)

PER_4 = Rule(
    id=RuleId("PER-4"),
    title=(
        "Reported persistent fatigue, poor sleep, soreness or a plateau lead to lower volume or "
        "intensity or a changed sequence"
    ),
    sources=("G4",),
    strength=RuleStrength.SOFT,
    category="periodisation",
    parameters={},
    weight=None,
)

RULES = (PER_1, PER_2, PER_3, PER_4)
