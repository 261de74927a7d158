"""Training sessions: what a session is and when it happens."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NewType

from runlift.errors import InvalidInput
from runlift.vocabulary import HARD_RUN_KINDS, LiftKind, Modality, MuscleGroup, RunKind

SessionId = NewType("SessionId", str)

HARD_RUN_MIN_DURATION_MIN = 90
"""Any run longer than this counts as a hard run (GUIDELINES.md, 'Words')."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionSpec:
    """A session to be placed in the week: what it is, not when.

    Attributes:
        id: stable identifier within the plan.
        modality: run or lift.
        kind: a ``RunKind`` for runs, a ``LiftKind`` for lifts.
        title: short human title ("Intervals 5 x 1000 m").
        duration_min: planned duration in minutes.
        muscle_groups: groups the lift trains (empty for runs).
        key: the goal depends on this session; it gets the best slot and is dropped last.
        rpe: planned session RPE (Foster's CR-10 scale), used for training load.
        contains_explosive: the session contains plyometric or explosive work (SCH-9).
        combined_with: id of the other part when two parts share one block (SCH-6).
    """

    id: SessionId
    modality: Modality
    kind: RunKind | LiftKind
    title: str
    duration_min: int
    muscle_groups: frozenset[MuscleGroup] = field(default_factory=frozenset)
    key: bool = False
    rpe: float = 5.0
    contains_explosive: bool = False
    combined_with: SessionId | None = None

    def __post_init__(self) -> None:
        if self.modality is Modality.RUN and not isinstance(self.kind, RunKind):
            raise InvalidInput("kind", self.kind, "a run needs a run kind")
        if self.modality is Modality.LIFT and not isinstance(self.kind, LiftKind):
            raise InvalidInput("kind", self.kind, "a lift needs a lift kind")
        if self.duration_min <= 0:
            raise InvalidInput("duration_min", self.duration_min, "must be above zero")

    @property
    def is_run(self) -> bool:
        """True for a running session."""
        return self.modality is Modality.RUN

    @property
    def is_lift(self) -> bool:
        """True for a lifting session."""
        return self.modality is Modality.LIFT

    @property
    def is_hard_run(self) -> bool:
        """A hard run: intervals, tempo, hills, sprints, race pace, or longer than 90 minutes."""
        return self.is_run and (
            self.kind in HARD_RUN_KINDS or self.duration_min > HARD_RUN_MIN_DURATION_MIN
        )

    @property
    def is_heavy_lower(self) -> bool:
        """A lift whose main work is heavy squat, deadlift or lunge patterns.

        Full-body lifts that train the legs count too: the guidance names the
        pattern and load, not the session label, so the conservative reading wins.
        """
        return self.kind is LiftKind.HEAVY_LOWER or (
            self.kind is LiftKind.FULL_BODY and MuscleGroup.LEGS in self.muscle_groups
        )

    @property
    def is_explosive(self) -> bool:
        """The session contains explosive work (plyometrics, jumps, Olympic-style lifts)."""
        return self.kind is LiftKind.EXPLOSIVE or self.contains_explosive


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduledSession:
    """A session with a start and an end (timezone-aware).

    ``all_day`` marks a session known only by its date (an all-day calendar
    event): rules that measure hours between sessions skip it, rules about
    days still count it. Its start and end span the local day.
    """

    spec: SessionSpec
    start: datetime
    end: datetime
    all_day: bool = False

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise InvalidInput("start", self.start, "session times must carry a timezone")
        if self.end <= self.start:
            raise InvalidInput("end", self.end, "a session must end after it starts")

    @property
    def id(self) -> SessionId:
        """The session's id."""
        return self.spec.id

    @property
    def duration(self) -> timedelta:
        """Actual duration."""
        return self.end - self.start

    @property
    def local_date(self) -> date:
        """The calendar date on which the session starts, in its own timezone."""
        return self.start.date()
