"""What the athlete tells runlift besides their files: check-ins, events and missed sessions.

A :class:`CheckIn` is one day's answers about sleep, soreness, stress and mood, with
the resting heart rate and body mass when measured. A :class:`TrainingEvent` is
illness, injury or travel over a range of days (travel may bring its own windows
and equipment). A :class:`MissedSession` is a planned session the athlete says
they did not do, and why. Each checks its own ranges and raises
:class:`~runlift.errors.InvalidInput` naming the field.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final

from runlift.domain.sessions import SessionId
from runlift.domain.week import TimeWindow
from runlift.errors import InvalidInput
from runlift.vocabulary import EventKind, MissReason, Weekday

SCALE_LOW: Final = 1
SCALE_HIGH: Final = 5
"""Soreness, stress and mood are rated 1-5, as in Hooper & Mackinnon's (1995) wellness items
and McLean et al.'s (2010) questionnaire (1 best for mood, 1 least for soreness and stress)."""

MAX_SLEEP_H: Final = 16.0
"""More than 16 h of sleep in a night is an entry error, not sleep."""

MIN_RESTING_HR_BPM: Final = 25.0
MAX_RESTING_HR_BPM: Final = 120.0
"""Resting heart rates outside these bounds are measuring errors (elite endurance athletes
rest in the 30s; above 100 bpm at rest is tachycardia)."""

MIN_BODY_MASS_KG: Final = 20.0
MAX_BODY_MASS_KG: Final = 400.0


def _check_scale(name: str, value: int | None) -> None:
    if value is not None and not SCALE_LOW <= value <= SCALE_HIGH:
        raise InvalidInput(name, value, f"a whole number from {SCALE_LOW} to {SCALE_HIGH}")


def _check_between(name: str, value: float | None, low: float, high: float, unit: str) -> None:
    if value is not None and (not math.isfinite(value) or not low <= value <= high):
        raise InvalidInput(name, value, f"between {low:g} and {high:g} {unit}")


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckIn:
    """One day's check-in; every answer is optional.

    Attributes:
        day: the local date it describes.
        sleep_h: hours slept the night before.
        soreness: muscle soreness, 1 (none) to 5 (very sore).
        stress: stress outside training, 1 (none) to 5 (very high).
        mood: 1 (very good) to 5 (very low).
        resting_hr_bpm: resting heart rate on waking.
        mass_kg: body mass.
    """

    day: date
    sleep_h: float | None = None
    soreness: int | None = None
    stress: int | None = None
    mood: int | None = None
    resting_hr_bpm: float | None = None
    mass_kg: float | None = None

    def __post_init__(self) -> None:
        _check_between("sleep_h", self.sleep_h, 0.0, MAX_SLEEP_H, "hours")
        _check_scale("soreness", self.soreness)
        _check_scale("stress", self.stress)
        _check_scale("mood", self.mood)
        _check_between(
            "resting_hr_bpm", self.resting_hr_bpm, MIN_RESTING_HR_BPM, MAX_RESTING_HR_BPM, "bpm"
        )
        _check_between("mass_kg", self.mass_kg, MIN_BODY_MASS_KG, MAX_BODY_MASS_KG, "kg")
        answers = (
            self.sleep_h,
            self.soreness,
            self.stress,
            self.mood,
            self.resting_hr_bpm,
            self.mass_kg,
        )
        if all(answer is None for answer in answers):
            raise InvalidInput("check-in", self.day.isoformat(), "at least one answer")


@dataclass(frozen=True, slots=True, kw_only=True)
class TrainingEvent:
    """Illness, injury or travel from ``first_day`` to ``last_day``, both included.

    Attributes:
        kind: illness, injury or travel.
        first_day: the first local date it covers.
        last_day: the last local date it covers.
        note: the athlete's words, if any.
        availability: for travel, the windows the athlete has while away (None: no
            planned training fits, only sessions that need nothing).
        equipment: for travel, the equipment at hand while away (None: none).
    """

    kind: EventKind
    first_day: date
    last_day: date
    note: str | None = None
    availability: Mapping[Weekday, tuple[TimeWindow, ...]] | None = None
    equipment: frozenset[str] | None = field(default=None)

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise InvalidInput(
                "to", self.last_day.isoformat(), f"on or after the first day ({self.first_day})"
            )
        if self.kind is not EventKind.TRAVEL and (
            self.availability is not None or self.equipment is not None
        ):
            raise InvalidInput("kind", self.kind.value, "travel, to carry windows or equipment")

    def covers(self, day: date) -> bool:
        """Whether ``day`` lies inside the event."""
        return self.first_day <= day <= self.last_day

    @property
    def days(self) -> int:
        """How many days it covers."""
        return (self.last_day - self.first_day).days + 1


@dataclass(frozen=True, slots=True, kw_only=True)
class MissedSession:
    """A planned session the athlete did not do.

    Attributes:
        session_id: the plan's own id (``w03-run1``).
        reason: why.
        marked_at: when the athlete said so.
    """

    session_id: SessionId
    reason: MissReason
    marked_at: datetime

    def __post_init__(self) -> None:
        if self.marked_at.tzinfo is None:
            raise InvalidInput("marked_at", self.marked_at.isoformat(), "a time with a zone")
