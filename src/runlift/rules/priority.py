"""Which modality the athlete's goal puts first, and when that order is a hard rule."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from runlift.domain.week import WeekContext
from runlift.vocabulary import GoalKind, Modality, Priority

_BY_PRIORITY: Final[Mapping[Priority, Modality]] = MappingProxyType(
    {Priority.RUNNING: Modality.RUN, Priority.LIFTING: Modality.LIFT}
)

_BALANCED_BY_GOAL: Final[Mapping[GoalKind, Modality]] = MappingProxyType(
    {
        GoalKind.STRENGTH: Modality.LIFT,
        GoalKind.HYPERTROPHY: Modality.LIFT,
        GoalKind.RACE: Modality.RUN,
        # G4: either order suits fat loss, lifting first slightly; general fitness lifts first
        # when both share a day.
        GoalKind.FAT_LOSS: Modality.LIFT,
        GoalKind.GENERAL_FITNESS: Modality.LIFT,
    }
)

SCH3_HARD_GOALS: Final = frozenset({GoalKind.STRENGTH, GoalKind.HYPERTROPHY, GoalKind.RACE})
"""Goals for which the same-day order (SCH-3) must hold; for the others it is a preference."""


def priority_first(context: WeekContext) -> Modality | None:
    """Return the modality that goes first on a shared day (SCH-3, SCH-6, RUN-3).

    An explicit running or lifting priority decides; a balanced priority falls
    back on the goal. ``None`` means no modality is preferred.
    """
    if context.priority in _BY_PRIORITY:
        return _BY_PRIORITY[context.priority]
    return _BALANCED_BY_GOAL.get(context.goal)


def sch3_is_hard(context: WeekContext) -> bool:
    """Whether SCH-3 (priority modality first) is hard for this athlete's goal."""
    return context.goal in SCH3_HARD_GOALS
