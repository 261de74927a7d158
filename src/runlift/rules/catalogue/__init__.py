"""The rule catalogue: one ``Rule`` per GUIDELINES.md ID, in the order of that file.

runlift's own rules (IDs starting ``RL-``, ``conventions``) follow the guidelines.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from runlift.errors import InvalidInput
from runlift.rules.catalogue import (
    conventions,
    lifting,
    nutrition,
    periodisation,
    physiology,
    running,
    scheduling,
)
from runlift.rules.model import Rule, RuleId

_ALL: Final = (
    *physiology.RULES,
    *scheduling.RULES,
    *lifting.RULES,
    *running.RULES,
    *periodisation.RULES,
    *nutrition.RULES,
    *conventions.RULES,
)

RULES: Final[Mapping[RuleId, Rule]] = MappingProxyType({rule.id: rule for rule in _ALL})
"""Every rule by ID, in GUIDELINES.md order, then runlift's own ``RL-`` rules."""

RULE_ORDER: Final[Mapping[RuleId, int]] = MappingProxyType(
    {rule_id: index for index, rule_id in enumerate(RULES)}
)
"""Position of each rule in ``RULES``, for sorting."""


def rule(rule_id: str) -> Rule:
    """Return the rule with ID ``rule_id``; an unknown ID raises ``InvalidInput``."""
    try:
        return RULES[RuleId(rule_id)]
    except KeyError:
        raise InvalidInput("rule", rule_id, f"one of {', '.join(RULES)}") from None
