"""What an athlete should know before following a plan: what it changed, and what to watch.

A plan may not do what the profile asked (three lifts a week become two to fit the
hours, a weekly distance is capped, a rest day is lost): each such change is an
*override*. A plan may also follow the profile to the letter and still deserve a
word (a target far beyond today's fitness): a *caution*. Both
are :class:`PlanWarning` values, structured so that the command line, its JSON and
the report can show them alike.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class WarningKind(StrEnum):
    """What a warning is about."""

    OVERRIDE = "override"
    """The plan does something other than the profile asked."""
    CAUTION = "caution"
    """The plan follows the profile, and something about it deserves attention."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanWarning:
    """One override or caution.

    Attributes:
        kind: override or caution.
        rule_id: the rule that decided (``SCH-7``, ``RUN-3`` ...), or ``""`` when none did.
        field: the profile field concerned, as the profile writes it (``rest_days_min``).
        asked: what the profile asks, in words (``3 lifts a week``).
        planned: what the plan does, or what to expect (``2 lifts a week``).
        reason: why, in one sentence.
        weeks: the plan weeks concerned, 1 = first; empty for the plan as a whole.
    """

    kind: WarningKind
    rule_id: str
    field: str
    asked: str
    planned: str
    reason: str
    weeks: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        """The warning as one line, e.g. ``lifting.sessions_per_week: asked 3 ...``."""
        when = f" in {weeks_text(self.weeks)}" if self.weeks else ""
        rule = f"{self.rule_id}: " if self.rule_id else ""
        if self.kind is WarningKind.CAUTION:
            return f"{self.field}: {self.asked}; {self.planned}{when} ({rule}{self.reason})"
        return (
            f"{self.field}: asked {self.asked}, planned {self.planned}{when} ({rule}{self.reason})"
        )


def weeks_text(weeks: Sequence[int]) -> str:
    """Week numbers as ranges, e.g. ``weeks 1-4, 6`` or ``week 3``.

    Examples:
        >>> weeks_text([1, 2, 3, 4, 6]), weeks_text([3])
        ('weeks 1-4, 6', 'week 3')
    """
    ordered = sorted(set(weeks))
    runs = []
    for _, group in itertools.groupby(enumerate(ordered), key=lambda pair: pair[1] - pair[0]):
        numbers = [number for _, number in group]
        runs.append(str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}")
    label = "week" if len(ordered) == 1 else "weeks"
    return f"{label} {', '.join(runs)}"
