"""What a rule is, what breaking one looks like, and what a week costs.

``Rule.strength`` is HARD when the rule has a part that must hold (some rules,
such as SCH-1 and PHY-1, also have a soft part); ``Rule.weight`` is the integer
penalty per unit that the rule adds to ``week_cost``, or ``None`` when it adds
nothing there (purely hard rules, and rules applied outside weekly placement).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NewType

from runlift.domain.sessions import ScheduledSession
from runlift.errors import InvalidInput
from runlift.vocabulary import EvidenceProfile, RuleStrength

RuleId = NewType("RuleId", str)

CATEGORIES = frozenset(
    {"physiology", "scheduling", "lifting", "running", "periodisation", "nutrition"}
)


def per_profile(
    *, default: float, moderate: float, strict: float
) -> Mapping[EvidenceProfile, float]:
    """Return a parameter's value for each evidence profile."""
    return MappingProxyType(
        {
            EvidenceProfile.DEFAULT: float(default),
            EvidenceProfile.MODERATE: float(moderate),
            EvidenceProfile.STRICT: float(strict),
        }
    )


def same_for_all(value: float) -> Mapping[EvidenceProfile, float]:
    """Return a parameter whose value the evidence profiles do not change."""
    return per_profile(default=value, moderate=value, strict=value)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One guideline of GUIDELINES.md, declared once by its ID.

    Attributes:
        id: the GUIDELINES.md ID, e.g. ``SCH-1``, or runlift's own, e.g. ``RL-1``.
        title: exactly what is measured and against what.
        sources: guidance documents (G1..G5) and literature.
        strength: HARD if any part must hold, else SOFT.
        category: physiology, scheduling, lifting, running, periodisation or nutrition.
        parameters: name -> value per evidence profile.
        weight: penalty per unit in ``week_cost``; ``None`` if the rule adds nothing there.
    """

    id: RuleId
    title: str
    sources: tuple[str, ...]
    strength: RuleStrength
    category: str
    parameters: Mapping[str, Mapping[EvidenceProfile, float]]
    weight: int | None

    def __post_init__(self) -> None:
        if not self.sources:
            raise InvalidInput("sources", self.id, "every rule names at least one source")
        if self.category not in CATEGORIES:
            raise InvalidInput("category", self.category, f"one of {sorted(CATEGORIES)}")
        if self.weight is not None and self.weight <= 0:
            raise InvalidInput("weight", self.weight, "a soft weight is a positive integer")
        for name, values in self.parameters.items():
            if set(values) != set(EvidenceProfile):
                raise InvalidInput(name, dict(values), "a value for every evidence profile")

    def param(self, name: str, profile: EvidenceProfile) -> float:
        """Return parameter ``name`` under evidence profile ``profile``."""
        try:
            return self.parameters[name][profile]
        except KeyError:
            raise InvalidInput(
                "parameter", name, f"{self.id} has parameters {sorted(self.parameters)}"
            ) from None


@dataclass(frozen=True, slots=True, kw_only=True)
class Violation:
    """One place where a week breaks a rule (hard) or pays for one (soft).

    Attributes:
        rule_id: the rule broken.
        sessions: the sessions involved, in start order.
        measured: the value found.
        limit: the value the rule asks for.
        unit: unit of ``measured`` and ``limit``.
        text: one line saying what is wrong.
        fix: one line saying what would fix it.
        hard: whether the week is invalid (True) or only costs more (False).
    """

    rule_id: RuleId
    sessions: tuple[ScheduledSession, ...]
    measured: float
    limit: float
    unit: str
    text: str
    fix: str
    hard: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class CostBreakdown:
    """Soft-rule penalties of a week, by rule; ``total`` is the placement objective.

    Two breakdowns are equal when their non-zero terms are equal.
    """

    terms: Mapping[RuleId, int]

    @property
    def total(self) -> int:
        """Sum of all terms."""
        return sum(self.terms.values())

    def __add__(self, other: CostBreakdown) -> CostBreakdown:
        """The two breakdowns' terms added rule by rule."""
        terms = dict(self.terms)
        for rule_id, value in other.terms.items():
            terms[rule_id] = terms.get(rule_id, 0) + value
        return CostBreakdown(terms=terms)

    def _nonzero(self) -> dict[RuleId, int]:
        return {rule_id: value for rule_id, value in self.terms.items() if value != 0}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CostBreakdown):
            return NotImplemented
        return self._nonzero() == other._nonzero()

    def __hash__(self) -> int:
        return hash(frozenset(self._nonzero().items()))
