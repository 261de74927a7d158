"""The bundled exercise library: loading, checking and looking up exercises.

The library lives in ``data/exercises.toml`` (its header explains the fields;
``docs/exercises.md`` explains how to add an entry). :func:`exercise_library`
reads it once per process and checks it as a whole; a broken file raises
:class:`~runlift.errors.ImportFormatError` naming the entry at fault.
"""

from __future__ import annotations

import difflib
import functools
import tomllib
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Final

from runlift.domain.exercises import (
    Exercise,
    ExerciseId,
    MovementPattern,
    equipment_set,
)
from runlift.errors import ImportFormatError, InvalidInput
from runlift.vocabulary import MuscleGroup

LIBRARY_FORMAT: Final = "exercise library"
"""How the library names itself in :class:`~runlift.errors.ImportFormatError`."""

_REQUIRED_KEYS: Final = frozenset(
    {
        "id",
        "name",
        "pattern",
        "primary",
        "secondary",
        "equipment",
        "heavy_lower",
        "explosive",
        "unilateral",
        "compound",
        "runner_specific",
        "eccentric_emphasis",
        "hard_without_load",
        "load_increment_kg",
        "substitutes",
        "sources",
        "cues",
    }
)
_OPTIONAL_KEYS: Final = frozenset({"one_rep_max_from", "one_rep_max_ratio", "load_split"})
_CLOSE_MATCHES: Final = 3


class ExerciseLibrary:
    """A checked set of exercises with lookups by id, equipment and pattern.

    Building one checks what no single :class:`Exercise` can: ids are unique,
    every substitute and every ``one_rep_max_from`` names an exercise of the
    library, and a 1RM base is itself measured directly (not derived).
    Substitution chains may loop (A stands in for B and B for A); searches
    visit each exercise once, so they always end.
    """

    __slots__ = ("_by_id",)

    def __init__(self, *, exercises: Iterable[Exercise]) -> None:
        """Check ``exercises`` as a whole and index them by id.

        Raises:
            InvalidInput: an id repeats, or a reference names no exercise of the library.
        """
        by_id: dict[ExerciseId, Exercise] = {}
        for exercise in exercises:
            if exercise.id in by_id:
                raise InvalidInput("id", exercise.id, "each exercise id once")
            by_id[exercise.id] = exercise
        for exercise in by_id.values():
            for substitute in exercise.substitutes:
                if substitute not in by_id:
                    raise InvalidInput(
                        f"{exercise.id}.substitutes",
                        substitute,
                        _suggestion(substitute, by_id),
                    )
            base_id = exercise.one_rep_max_from
            if base_id is None:
                continue
            base = by_id.get(base_id)
            if base is None:
                raise InvalidInput(
                    f"{exercise.id}.one_rep_max_from", base_id, _suggestion(base_id, by_id)
                )
            if base.one_rep_max_from is not None:
                raise InvalidInput(
                    f"{exercise.id}.one_rep_max_from",
                    base_id,
                    "an exercise whose 1RM is measured directly (its own one_rep_max_from unset)",
                )
        self._by_id: Mapping[ExerciseId, Exercise] = by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._by_id.values())

    def get(self, exercise_id: str) -> Exercise:
        """The exercise with this id.

        Raises:
            InvalidInput: no exercise has this id; the message names the closest ids.
        """
        exercise = self._by_id.get(ExerciseId(exercise_id))
        if exercise is None:
            raise InvalidInput("exercise", exercise_id, _suggestion(exercise_id, self._by_id))
        return exercise

    def all(self) -> tuple[Exercise, ...]:
        """Every exercise, in library order."""
        return tuple(self._by_id.values())

    def available(self, equipment: Iterable[str]) -> tuple[Exercise, ...]:
        """The exercises that ``equipment`` allows (bodyweight exercises always).

        Raises:
            InvalidInput: an equipment name is not one of the equipment words.
        """
        kit = equipment_set(equipment)
        return tuple(e for e in self._by_id.values() if e.is_possible_with(equipment=kit))

    def by_pattern(self, pattern: MovementPattern) -> tuple[Exercise, ...]:
        """The exercises of one movement pattern."""
        return tuple(e for e in self._by_id.values() if e.pattern is pattern)

    def runner_specific(self) -> tuple[Exercise, ...]:
        """The runner-specific exercises (LFT-6 and its variations)."""
        return tuple(e for e in self._by_id.values() if e.runner_specific)

    def substitution_chain(self, exercise_id: str) -> tuple[Exercise, ...]:
        """The exercise, then its substitutes, then theirs, breadth-first, each once.

        Raises:
            InvalidInput: the id is unknown.
        """
        start = self.get(exercise_id)
        chain: list[Exercise] = []
        seen: set[ExerciseId] = {start.id}
        queue: deque[Exercise] = deque([start])
        while queue:
            exercise = queue.popleft()
            chain.append(exercise)
            for substitute_id in exercise.substitutes:
                if substitute_id not in seen:
                    seen.add(substitute_id)
                    queue.append(self._by_id[substitute_id])
        return tuple(chain)

    def substitute(self, exercise_id: str, equipment: Iterable[str]) -> Exercise:
        """The first exercise of the substitution chain that ``equipment`` allows.

        The chain starts with the exercise itself, so an exercise the equipment
        allows is returned unchanged; otherwise its substitutes are searched
        breadth-first, best first at each level.

        Raises:
            InvalidInput: the id is unknown, an equipment name is unknown, or
                nothing in the chain is possible with this equipment.
        """
        kit = equipment_set(equipment)
        chain = self.substitution_chain(exercise_id)
        for candidate in chain:
            if candidate.is_possible_with(equipment=kit):
                return candidate
        raise InvalidInput(
            "equipment",
            sorted(kit),
            f"equipment for {exercise_id} or one of its substitutes "
            f"({', '.join(e.id for e in chain[1:]) or 'none listed'})",
        )


def _suggestion(wanted: str, known: Iterable[str]) -> str:
    """Phrase the fix for an unknown id, naming the closest known ids."""
    ids = sorted(known)
    normalised = "-".join(wanted.strip().lower().replace("_", " ").split())
    close = difflib.get_close_matches(normalised, ids, n=_CLOSE_MATCHES, cutoff=0.6)
    if close:
        return "a known exercise id; did you mean " + ", ".join(close) + "?"
    return f"one of the {len(ids)} ids of the exercise library (docs/exercises.md)"


@functools.cache
def exercise_library() -> ExerciseLibrary:
    """The bundled exercise library, read and checked once per process.

    Raises:
        ImportFormatError: the bundled file is malformed or inconsistent.
    """
    text = (
        resources.files("runlift.reference")
        .joinpath("data", "exercises.toml")
        .read_text(encoding="utf-8")
    )
    return parse_exercise_library(text)


def parse_exercise_library(text: str) -> ExerciseLibrary:
    """Build and check an exercise library from TOML text (format: ``data/exercises.toml``).

    Raises:
        ImportFormatError: the text is not TOML, an entry is malformed, or the
            entries are inconsistent; the message names the entry and the field.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ImportFormatError(LIBRARY_FORMAT, f"not valid TOML: {error}") from None
    unknown_top = set(document) - {"exercise"}
    if unknown_top:
        raise ImportFormatError(
            LIBRARY_FORMAT, f"unknown top-level keys {sorted(unknown_top)}; only [[exercise]]"
        )
    entries = document.get("exercise")
    if not isinstance(entries, list) or not entries:
        raise ImportFormatError(LIBRARY_FORMAT, "no [[exercise]] tables")
    exercises = [_exercise(index, entry) for index, entry in enumerate(entries, start=1)]
    try:
        return ExerciseLibrary(exercises=exercises)
    except InvalidInput as error:
        raise ImportFormatError(LIBRARY_FORMAT, str(error)) from None


def _exercise(index: int, entry: object) -> Exercise:
    """Turn one ``[[exercise]]`` table into an :class:`Exercise`."""
    if not isinstance(entry, dict):
        raise ImportFormatError(LIBRARY_FORMAT, f"entry {index} is not a table")
    label = f"entry {index} ({entry.get('id', 'no id')!r})"
    keys = set(entry)
    missing = _REQUIRED_KEYS - keys
    unknown = keys - _REQUIRED_KEYS - _OPTIONAL_KEYS
    if missing:
        raise ImportFormatError(LIBRARY_FORMAT, f"{label}: missing {sorted(missing)}")
    if unknown:
        raise ImportFormatError(LIBRARY_FORMAT, f"{label}: unknown keys {sorted(unknown)}")
    reader = _EntryReader(label=label, entry=entry)
    try:
        base = reader.optional_text("one_rep_max_from")
        return Exercise(
            id=ExerciseId(reader.text("id")),
            name=reader.text("name"),
            pattern=reader.pattern("pattern"),
            primary=reader.muscle_groups("primary"),
            secondary=reader.muscle_groups("secondary"),
            equipment=frozenset(reader.texts("equipment")),
            heavy_lower=reader.flag("heavy_lower"),
            explosive=reader.flag("explosive"),
            unilateral=reader.flag("unilateral"),
            compound=reader.flag("compound"),
            runner_specific=reader.flag("runner_specific"),
            eccentric_emphasis=reader.flag("eccentric_emphasis"),
            hard_without_load=reader.flag("hard_without_load"),
            load_increment_kg=reader.number("load_increment_kg"),
            load_split=reader.optional_count("load_split", default=1),
            one_rep_max_from=None if base is None else ExerciseId(base),
            one_rep_max_ratio=reader.optional_number("one_rep_max_ratio"),
            substitutes=tuple(ExerciseId(s) for s in reader.texts("substitutes")),
            sources=reader.texts("sources"),
            cues=reader.text("cues"),
        )
    except InvalidInput as error:
        raise ImportFormatError(LIBRARY_FORMAT, f"{label}: {error}") from None


class _EntryReader:
    """Typed reads of one TOML table, each failure naming the entry and key."""

    __slots__ = ("entry", "label")

    def __init__(self, *, label: str, entry: Mapping[str, object]) -> None:
        self.label = label
        self.entry = entry

    def _fail(self, key: str, expected: str) -> ImportFormatError:
        return ImportFormatError(
            LIBRARY_FORMAT, f"{self.label}: {key} = {self.entry.get(key)!r}: {expected}"
        )

    def text(self, key: str) -> str:
        value = self.entry[key]
        if not isinstance(value, str):
            raise self._fail(key, "a string")
        return value

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if key in self.entry else None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.entry[key]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self._fail(key, "a list of strings")
        return tuple(value)

    def flag(self, key: str) -> bool:
        value = self.entry[key]
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def number(self, key: str) -> float:
        value = self.entry[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, "a number")
        return float(value)

    def optional_number(self, key: str) -> float | None:
        return self.number(key) if key in self.entry else None

    def optional_count(self, key: str, *, default: int) -> int:
        value = self.entry.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(key, "a whole number")
        return value

    def pattern(self, key: str) -> MovementPattern:
        value = self.text(key)
        try:
            return MovementPattern(value)
        except ValueError:
            raise self._fail(
                key, "one of " + ", ".join(item.value for item in MovementPattern)
            ) from None

    def muscle_groups(self, key: str) -> frozenset[MuscleGroup]:
        values = self.texts(key)
        try:
            return frozenset(MuscleGroup(value) for value in values)
        except ValueError:
            raise self._fail(
                key, "muscle groups from " + ", ".join(item.value for item in MuscleGroup)
            ) from None
