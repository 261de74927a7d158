"""A dated, periodised plan: weeks of days of placed, prescribed, explained sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from runlift.domain.prescription import Prescription
from runlift.domain.sessions import ScheduledSession
from runlift.vocabulary import BlockFocus, Phase


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedSession:
    """A session in the plan: when, what, and why there.

    Attributes:
        scheduled: the session and its start/end.
        prescription: the full prescription.
        rules: IDs of the rules that shaped its placement and prescription.
        explanation: one line per reason, each naming its rule ID.
    """

    scheduled: ScheduledSession
    prescription: Prescription
    rules: tuple[str, ...]
    explanation: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanDay:
    """One calendar day of the plan."""

    date: date
    sessions: tuple[PlannedSession, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanWeek:
    """One week (Monday to Sunday) of the plan."""

    index: int
    start: date
    block: int
    focus: BlockFocus
    phase: Phase
    deload: bool
    days: tuple[PlanDay, ...]
    notes: tuple[str, ...] = ()

    @property
    def sessions(self) -> tuple[PlannedSession, ...]:
        """Every session of the week in time order."""
        return tuple(s for day in self.days for s in day.sessions)


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """A whole plan for one athlete."""

    athlete: str
    start: date
    end: date
    weeks: tuple[PlanWeek, ...]
