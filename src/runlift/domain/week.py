"""What the weekly placement needs to know: the sessions, the athlete's windows and the context."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time

from runlift.domain.sessions import ScheduledSession, SessionSpec
from runlift.errors import InvalidInput
from runlift.vocabulary import EvidenceProfile, GoalKind, Priority, Weekday

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeWindow:
    """A span of local wall-clock time within one day, e.g. 18:00-20:00."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidInput(
                "window",
                f"{self.start:%H:%M}-{self.end:%H:%M}",
                "a window must end after it starts",
            )

    @property
    def start_min(self) -> int:
        """Minutes after local midnight at which the window opens."""
        return self.start.hour * 60 + self.start.minute

    @property
    def end_min(self) -> int:
        """Minutes after local midnight at which the window closes."""
        return self.end.hour * 60 + self.end.minute

    @property
    def length_min(self) -> int:
        """Length in minutes."""
        return self.end_min - self.start_min

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    @classmethod
    def parse(cls, text: str, *, field_name: str = "window") -> TimeWindow:
        """Read ``HH:MM-HH:MM``."""
        try:
            first, second = (part.strip() for part in text.split("-"))
            start, end = time.fromisoformat(first), time.fromisoformat(second)
        except ValueError:
            raise InvalidInput(
                field_name, text, "write a window as HH:MM-HH:MM, e.g. 18:00-20:00"
            ) from None
        if end <= start:
            raise InvalidInput(field_name, text, "a window must end after it starts")
        return cls(start=start, end=end)


@dataclass(frozen=True, slots=True, kw_only=True)
class Commitment:
    """A fixed appointment that blocks time on a weekday (work, school run, ...)."""

    title: str
    weekday: Weekday
    window: TimeWindow


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekContext:
    """What the rules need to know about the athlete to judge a week.

    ``rest_days_min`` is the athlete's own minimum of rest days a week: a hard rule
    (SCH-10), not a preference.
    """

    goal: GoalKind
    priority: Priority
    profile: EvidenceProfile = EvidenceProfile.DEFAULT
    rest_days_min: int = 1
    allow_combined: bool = False
    timezone: str = "UTC"


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekRequest:
    """One week to place: the sessions, the windows they may use, and the context.

    Attributes:
        week_start: the Monday of the week.
        sessions: sessions to place.
        availability: local time windows per weekday; a missing weekday has none.
        commitments: fixed appointments that block time inside windows.
        context: goal, priority, evidence profile, rest days, timezone.
        preferred_start: optional preferred local start per session id.
        allowed_dates: optional local dates a session may start on, per session id (e.g.
            no hard run in the last days before a race); a session without an entry may
            take any day of the week.
        neighbours: sessions already placed in the weeks before and after (e.g. last
            Sunday's long run); every hard rule between sessions holds against them,
            and the soft costs of the pairs with the week before are priced in this week
            (``docs/placement.md``, "Neighbouring weeks").
    """

    week_start: date
    sessions: tuple[SessionSpec, ...]
    availability: Mapping[Weekday, tuple[TimeWindow, ...]]
    context: WeekContext
    commitments: tuple[Commitment, ...] = ()
    preferred_start: Mapping[str, time] = field(default_factory=dict)
    allowed_dates: Mapping[str, frozenset[date]] = field(default_factory=dict)
    neighbours: tuple[ScheduledSession, ...] = ()

    def __post_init__(self) -> None:
        if self.week_start.weekday() != 0:
            raise InvalidInput("week_start", self.week_start.isoformat(), "must be a Monday")
        ids = [s.id for s in self.sessions]
        if len(ids) != len(set(ids)):
            raise InvalidInput("sessions", ids, "session ids must be unique")
