"""Run every checker over a week or a span of weeks, and price a week for the planner."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Final

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.rules.catalogue import RULE_ORDER
from runlift.rules.checkers import (
    phy_1,
    rl_1,
    rl_2,
    rl_3,
    rl_4,
    sch_1,
    sch_2,
    sch_3,
    sch_4,
    sch_5,
    sch_6,
    sch_7,
    sch_8,
    sch_9,
    sch_10,
)
from runlift.rules.model import CostBreakdown, RuleId, Violation
from runlift.rules.timing import in_order, zone

Check = Callable[[Sequence[ScheduledSession], WeekContext], Iterator[Violation]]
Penalty = Callable[[Sequence[ScheduledSession], WeekContext], int]

CHECKS: Final[Mapping[RuleId, Check]] = MappingProxyType(
    {
        RuleId("PHY-1"): phy_1.check,
        RuleId("SCH-1"): sch_1.check,
        RuleId("SCH-2"): sch_2.check,
        RuleId("SCH-3"): sch_3.check,
        RuleId("SCH-4"): sch_4.check,
        RuleId("SCH-5"): sch_5.check,
        RuleId("SCH-6"): sch_6.check,
        RuleId("SCH-7"): sch_7.check,
        RuleId("SCH-8"): sch_8.check,
        RuleId("SCH-9"): sch_9.check,
        RuleId("SCH-10"): sch_10.check,
        RuleId("RL-1"): rl_1.check,
        RuleId("RL-2"): rl_2.check,
        RuleId("RL-3"): rl_3.check,
        RuleId("RL-4"): rl_4.check,
    }
)
"""The solver-free checker of every rule that judges placed sessions."""

PENALTIES: Final[Mapping[RuleId, Penalty]] = MappingProxyType(
    {
        RuleId("PHY-1"): phy_1.penalty,
        RuleId("SCH-1"): sch_1.penalty,
        RuleId("SCH-2"): sch_2.penalty,
        RuleId("SCH-3"): sch_3.penalty,
        RuleId("SCH-4"): sch_4.penalty,
        RuleId("SCH-5"): sch_5.penalty,
        RuleId("SCH-8"): sch_8.penalty,
        RuleId("SCH-10"): sch_10.penalty,
        RuleId("RL-2"): rl_2.penalty,
        RuleId("RL-3"): rl_3.penalty,
    }
)
"""The penalty of every rule with a weight (``runlift.rules.weights.WEIGHTS``)."""

_NO_SESSION = datetime.max.replace(tzinfo=UTC)


def _sort_key(violation: Violation) -> tuple[datetime, int, str]:
    starts = [s.start.astimezone(UTC) for s in violation.sessions]
    return (min(starts, default=_NO_SESSION), RULE_ORDER[violation.rule_id], violation.text)


def check_sessions(sessions: Sequence[ScheduledSession], context: WeekContext) -> list[Violation]:
    """Every violation in a span of sessions of any length, sorted by time then rule.

    Per-day rules group by local date and per-week rules (SCH-7, SCH-8, SCH-10)
    by ISO week; gap, pair and day-sequence rules (PHY-1, SCH-4, SCH-5, RL-2,
    RL-3, RL-4) also judge sessions that straddle a week boundary, e.g. Sunday's
    hard run and Monday's heavy squat.
    """
    zone(context)  # an unknown timezone is the caller's error, reported before any rule
    ordered = in_order(sessions)
    found = [violation for check in CHECKS.values() for violation in check(ordered, context)]
    return sorted(found, key=_sort_key)


def check_week(sessions: Sequence[ScheduledSession], context: WeekContext) -> list[Violation]:
    """Every violation in one week (Monday..Sunday, local dates), sorted by time then rule.

    The sessions are judged as given; pass the neighbouring weeks' sessions
    through ``check_sessions`` to also judge pairs across the week boundary.
    """
    return check_sessions(sessions, context)


def week_cost(sessions: Sequence[ScheduledSession], context: WeekContext) -> CostBreakdown:
    """The placement objective: every weighted rule's penalty, by rule, in catalogue order.

    Every pair among ``sessions`` is priced, so sessions of a previous week
    passed along add their cross-boundary terms (and their own).
    """
    zone(context)
    ordered = in_order(sessions)
    return CostBreakdown(
        terms={rule_id: penalty(ordered, context) for rule_id, penalty in PENALTIES.items()}
    )
