"""The guideline catalogue as code: one declaration per GUIDELINES.md ID and solver-free checkers.

runlift's own rules (IDs starting ``RL-``, e.g. RL-1: one run and one lift a
day at most) are declared and checked the same way.

``RULES`` holds every rule by ID and ``GUIDANCE`` the documents G1-G5 they cite;
``check_week`` / ``check_sessions`` list the violations of placed sessions;
``week_cost`` is the integer objective the weekly placement minimises. Part of the
core: it may import the domain, the science and the base modules; no solver, no I/O.
"""

from __future__ import annotations

from runlift.rules.catalogue import RULES, rule
from runlift.rules.catalogue.guidance import GUIDANCE, GuidanceSource
from runlift.rules.engine import CHECKS, PENALTIES, check_sessions, check_week, week_cost
from runlift.rules.model import CostBreakdown, Rule, RuleId, Violation
from runlift.rules.priority import priority_first, sch3_is_hard
from runlift.rules.weights import WEIGHTS

__all__ = [
    "CHECKS",
    "GUIDANCE",
    "PENALTIES",
    "RULES",
    "WEIGHTS",
    "CostBreakdown",
    "GuidanceSource",
    "Rule",
    "RuleId",
    "Violation",
    "check_sessions",
    "check_week",
    "priority_first",
    "rule",
    "sch3_is_hard",
    "week_cost",
]
