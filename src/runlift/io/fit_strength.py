"""The ``set`` messages of a FIT strength activity as logged sets.

Garmin watches write one ``set`` message per active set and per rest between sets
(``set_type`` active or rest). An active set names its exercise with
``category`` (the FIT profile's ``exercise_category``) and ``category_subtype``
(a number of the category's ``<category>_exercise_name`` type). Recent watches
write both as arrays of candidates, best first, with the watch's confidence in a
field of their own; the first candidate is the one the watch shows, and the one
read here. Category 65534 (``unknown``) means the watch did not recognise the
movement. ``weight`` is in kg whatever unit the watch displays; 0 means bodyweight.

Rest sets are dropped. Active sets become working sets: FIT has no warm-up or
drop-set marker.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Final

from fitdecode.profile import FIELD_TYPES

from runlift.domain.activities import LoggedSet
from runlift.errors import InvalidInput
from runlift.io.activity_input import ImportNotes
from runlift.io.fit_decode import FitMessage
from runlift.vocabulary import SetKind

UNKNOWN_CATEGORY: Final = "unknown"
UNKNOWN_EXERCISE_NAME: Final = "Unknown exercise"
"""How a set is named when the watch did not recognise its exercise."""

_CATEGORIES: Final[dict[int, str]] = FIELD_TYPES["exercise_category"].enum


def first_candidate(value: object) -> object:
    """The first of a FIT array's values (the best candidate), or the value itself."""
    if isinstance(value, tuple | list):
        return value[0] if value else None
    return value


def exercise_names(message: FitMessage) -> tuple[str, str | None]:
    """The FIT profile's category and exercise name of an active set.

    The category is ``unknown`` when the watch gave none or a number the profile
    does not know; the name is None when the watch gave only a category.
    """
    code = first_candidate(message.get("category"))
    category = _CATEGORIES.get(code) if isinstance(code, int) else None
    if category is None:
        return UNKNOWN_CATEGORY, None
    subtype = first_candidate(message.get("category_subtype"))
    names = FIELD_TYPES.get(f"{category}_exercise_name")
    if names is None or names.enum is None or not isinstance(subtype, int):
        return category, None
    return category, names.enum.get(subtype)


def shown_exercise_name(category: str, name: str | None) -> str:
    """A FIT exercise as people read it: ``barbell_deadlift`` -> "Barbell deadlift"."""
    if category == UNKNOWN_CATEGORY:
        return UNKNOWN_EXERCISE_NAME
    words = (name or category).replace("_", " ")
    return words[:1].upper() + words[1:]


def logged_sets(
    messages: Iterable[FitMessage],
    *,
    start: datetime,
    end: datetime,
    to_utc: Callable[[object], datetime | None],
    notes: ImportNotes,
) -> tuple[LoggedSet, ...]:
    """The active sets among ``messages`` that started from ``start`` up to ``end``.

    Raises:
        InvalidInput: a set's values are impossible (negative reps, absurd load).
    """
    sets: list[LoggedSet] = []
    for message in messages:
        if message.get("set_type") != "active":
            continue
        started = to_utc(message.get("start_time")) or to_utc(message.get("timestamp"))
        if started is None or not start <= started < end:
            continue
        category, name = exercise_names(message)
        shown = shown_exercise_name(category, name)
        exercise_id = (
            None
            if category == UNKNOWN_CATEGORY
            else notes.fit_exercise(category=category, name=name, shown=shown)
        )
        if category == UNKNOWN_CATEGORY:
            notes.warn(
                f"{shown!r}: the watch did not recognise the exercise of some sets; "
                "they keep that name"
            )
        reps = _count(message.get("repetitions"))
        duration_s = _positive(message.get("duration"))
        if reps is None and duration_s is None:
            notes.warn("a set with neither repetitions nor a duration was left out")
            continue
        sets.append(
            LoggedSet(
                order=len(sets) + 1,
                exercise_id=exercise_id,
                raw_name=shown,
                kind=SetKind.WORKING,
                reps=reps,
                load_kg=_positive(message.get("weight")),
                duration_s=duration_s,
            )
        )
    return tuple(sets)


def _count(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    if value < 0:
        raise InvalidInput("repetitions", value, "0 or more")
    return value


def _positive(value: object) -> float | None:
    """A measured amount; 0, a missing value and a non-number all mean "not given"."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    if not math.isfinite(number) or number <= 0:
        return None
    return number
