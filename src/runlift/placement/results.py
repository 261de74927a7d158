"""What a weekly placement returns: placed weeks, their explanations, infeasible weeks.

These types sit at the bottom of ``runlift.placement``: the solver, the
explanations and the diagnosis fill them, and ``runlift.placement.week`` hands
them to callers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from runlift.domain.sessions import ScheduledSession, SessionId
from runlift.domain.week import TimeWindow, WeekRequest
from runlift.errors import InvalidInput
from runlift.rules.model import CostBreakdown, RuleId
from runlift.vocabulary import EvidenceProfile, Weekday


@dataclass(frozen=True, slots=True, kw_only=True)
class Explanation:
    """Why a session sits where it does.

    Attributes:
        window: the availability window it uses (e.g. ``Tue 18:00-20:00``) or ``fixed start``.
        rule_ids: the rules that shaped its placement, in catalogue order.
        lines: one line per rule, e.g. ``SCH-1: 9.5 h after 'Heavy lower' (min 6 h)``.
        penalties: rule points this session takes part in (a day or pair penalty is
            listed on every session of that day or pair; the week's ``cost`` is the sum
            that counts).
        sources: the guidance documents and literature of each rule.
        preferences: lines about tie-break preferences and moves.
    """

    window: str
    rule_ids: tuple[RuleId, ...]
    lines: tuple[str, ...]
    penalties: Mapping[RuleId, int]
    sources: Mapping[RuleId, tuple[str, ...]]
    preferences: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekPlacement:
    """A placed week.

    Attributes:
        sessions: the placed sessions in start order; a combined block made by the
            planner links its parts through ``SessionSpec.combined_with``.
        explanations: why each session is where it is.
        cost: ``runlift.rules.week_cost`` of ``sessions``, by rule: the week's own cost.
        boundary_cost: the soft costs of the pairs and day stretches that join the week to
            the neighbouring weeks' sessions (``WeekRequest.neighbours``), by rule, as the
            checkers measure them: the cost of the week and the neighbours together less
            their own costs. Empty without neighbours. When weeks are placed in order with
            the week before as neighbours, each such pair is counted once, in its later week.
        solver_cost: the rule cost as the solver's objective terms counted it: equal to
            ``cost + boundary_cost`` (kept to show that the model prices exactly the rules).
        preferences: points of the terms that are not rule costs: ``moves``
            (re-placement), ``preferred_start`` and ``best_slot`` (tie-breaks).
        moved: sessions whose start differs from the previous placement.
        optimal: True when the solver proved that no placement costs less.
        solve_time_s: the solver's wall time.
    """

    sessions: tuple[ScheduledSession, ...]
    explanations: Mapping[SessionId, Explanation]
    cost: CostBreakdown
    boundary_cost: CostBreakdown
    solver_cost: CostBreakdown
    preferences: Mapping[str, int]
    moved: tuple[SessionId, ...]
    optimal: bool
    solve_time_s: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """Hard rules and inputs that cannot all hold together.

    Attributes:
        rule_ids: the colliding rules (``availability`` when the windows take part).
        session_ids: the sessions involved.
        inputs: the inputs behind the collision, one short line each.
        text: one paragraph a person can act on.
        demands: one line per colliding rule, without the sessions: the rule ID and what
            it demands under the athlete's profile and goal, e.g. ``SCH-10: at least 2
            rest days a week, as the athlete asked``.
    """

    rule_ids: tuple[RuleId, ...]
    session_ids: tuple[SessionId, ...]
    inputs: tuple[str, ...]
    text: str
    demands: tuple[str, ...] = ()


class RelaxationKind(StrEnum):
    """Kinds of change that can make an infeasible week feasible."""

    ADD_WINDOW = "add_window"
    EXTEND_WINDOW = "extend_window"
    PROFILE = "profile"
    ALLOW_COMBINED = "allow_combined"
    DROP_SESSION = "drop_session"
    REST_DAYS = "rest_days"


@dataclass(frozen=True, slots=True, kw_only=True)
class WindowChange:
    """A window added to a weekday, or an existing one (``replaces``) made longer."""

    weekday: Weekday
    window: TimeWindow
    replaces: TimeWindow | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Relaxation:
    """One change that was checked to make the week feasible.

    Attributes:
        kind: what changes.
        size: how much it changes, in change points (``docs/placement.md``): one per
            hour of added window time, 1.5 per evidence-profile step, 2 for allowing
            combined sessions, 3 per dropped session (6 for a key session), 4 per rest
            day fewer.
        text: the change in words.
        windows: windows to add or extend.
        profile: the evidence profile to switch to.
        session_ids: sessions to drop.
        rest_days_min: the athlete's new minimum of rest days a week.
    """

    kind: RelaxationKind
    size: float
    text: str
    windows: tuple[WindowChange, ...] = ()
    profile: EvidenceProfile | None = None
    session_ids: tuple[SessionId, ...] = ()
    rest_days_min: int | None = None

    def apply(self, request: WeekRequest) -> WeekRequest:
        """Return ``request`` with this change made."""
        context = request.context
        if self.kind is RelaxationKind.PROFILE and self.profile is not None:
            return dataclasses.replace(
                request, context=dataclasses.replace(context, profile=self.profile)
            )
        if self.kind is RelaxationKind.REST_DAYS and self.rest_days_min is not None:
            return dataclasses.replace(
                request, context=dataclasses.replace(context, rest_days_min=self.rest_days_min)
            )
        if self.kind is RelaxationKind.ALLOW_COMBINED:
            return dataclasses.replace(
                request, context=dataclasses.replace(context, allow_combined=True)
            )
        if self.kind is RelaxationKind.DROP_SESSION and self.session_ids:
            dropped = set(self.session_ids)
            return dataclasses.replace(
                request,
                sessions=tuple(s for s in request.sessions if s.id not in dropped),
                preferred_start={
                    k: v for k, v in request.preferred_start.items() if k not in dropped
                },
                allowed_dates={k: v for k, v in request.allowed_dates.items() if k not in dropped},
            )
        if self.windows:
            availability = dict(request.availability)
            for change in self.windows:
                kept = tuple(
                    w for w in availability.get(change.weekday, ()) if w != change.replaces
                )
                availability[change.weekday] = tuple(
                    sorted((*kept, change.window), key=lambda w: w.start_min)
                )
            return dataclasses.replace(request, availability=availability)
        raise InvalidInput("relaxation", self.kind, "a complete relaxation")


@dataclass(frozen=True, slots=True, kw_only=True)
class InfeasibleWeek:
    """No placement satisfies the hard rules: what collides and what would fix it.

    Attributes:
        conflicts: the colliding rules and inputs.
        relaxations: changes checked to make the week feasible, smallest first.
        solve_time_s: the solvers' total wall time, diagnosis included.
    """

    conflicts: tuple[Conflict, ...]
    relaxations: tuple[Relaxation, ...]
    solve_time_s: float

    @property
    def text(self) -> str:
        """The conflicts and the best relaxations as a few lines of text."""
        lines = [c.text for c in self.conflicts]
        if self.relaxations:
            lines.append("Any one of these would make the week work:")
            lines.extend(f"- {r.text}" for r in self.relaxations)
        return "\n".join(lines)
