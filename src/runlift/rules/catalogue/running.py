"""Running prescription rules (GUIDELINES.md, 'Running prescription')."""

from __future__ import annotations

from runlift.rules.model import Rule, RuleId, same_for_all
from runlift.vocabulary import RuleStrength

RUN_1 = Rule(
    id=RuleId("RUN-1"),
    title=(
        "When muscle is the priority: long slow runs limited, and short high-intensity runs "
        "(intervals, sprints, hill repeats) per week between hiit_min and hiit_max"
    ),
    sources=("G2",),
    strength=RuleStrength.SOFT,
    category="running",
    parameters={"hiit_min": same_for_all(1), "hiit_max": same_for_all(2)},
    weight=None,
)

RUN_2 = Rule(
    id=RuleId("RUN-2"),
    title="Running volume or intensity in a muscle-building block, below that of other blocks",
    sources=("G1",),
    strength=RuleStrength.SOFT,
    category="running",
    parameters={},
    weight=None,
)

RUN_3 = Rule(
    id=RuleId("RUN-3"),
    title=(
        "When a race or endurance is the priority, running sessions are placed first and in the "
        "best slots (applied through SCH-3 and the key-session flag)"
    ),
    sources=("G3", "G4"),
    strength=RuleStrength.SOFT,
    category="running",
    parameters={},
    weight=None,
)

RULES = (RUN_1, RUN_2, RUN_3)
