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
class PlanAdjustment:
    """A change the planner made to a week so that a hard rule holds: for the athlete to see.

    Attributes:
        rule_ids: the rules that forced the change, e.g. ``("SCH-10", "RL-1")``.
        kind: what changed; ``"dropped"``: a session of the week was left out.
        session_id: the session concerned.
        title: its title.
        text: one plain sentence saying what changed and why (also among the week's notes).
    """

    rule_ids: tuple[str, ...]
    kind: str
    session_id: str
    title: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanDay:
    """One calendar day of the plan."""

    date: date
    sessions: tuple[PlannedSession, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanWeek:
    """One week (Monday to Sunday) of the plan.

    ``adjustments`` lists what the planner changed so that the hard rules hold (a session
    dropped because the athlete's rest days or windows cannot hold it, say), each with
    the rule IDs behind it; its texts are also among ``notes``.
    """

    index: int
    start: date
    block: int
    focus: BlockFocus
    phase: Phase
    deload: bool
    days: tuple[PlanDay, ...]
    notes: tuple[str, ...] = ()
    adjustments: tuple[PlanAdjustment, ...] = ()

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
