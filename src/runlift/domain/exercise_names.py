"""Matching the exercise names of other apps and devices to the exercise library.

Apps name exercises their own way: Strong writes "Bench Press (Barbell)", Hevy
"Romanian Deadlift (Dumbbell)", a Garmin watch the FIT profile's
``deadlift``/``barbell_deadlift``. :class:`ExerciseNameIndex` maps such a name to a
library exercise, trying in this order:

1. a curated alias (``runlift/reference/data/exercise_aliases.toml``);
2. the library exercise whose name has the same words in any order
   ("Lateral Raise (Dumbbell)" is "Dumbbell lateral raise");
3. when the name states its equipment (barbell, dumbbell, cable, machine, band,
   kettlebell or bodyweight): the one library exercise whose name has the other
   words and which is done with that equipment. "Bench Press (Barbell)" is the
   library's "Bench press", which needs a barbell; "Deadlift (Dumbbell)" is no
   exercise of the library, whose deadlift needs a barbell.

Names are compared after :func:`name_key`: compatibility-folded, accents removed,
lower case, punctuation as word breaks, each word in the singular, words sorted.
A name that matches nothing, or more than one exercise, maps to None: the caller
keeps the source's own name and says so, rather than guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Final

from runlift.domain.exercises import Equipment, Exercise, ExerciseId
from runlift.errors import InvalidInput

_WORD_RE: Final = re.compile(r"[a-z0-9]+")

_SYNONYMS: Final = {"banded": "band"}
"""Words that name the same thing: Strong's "(Band)" is the library's "Banded"."""

_SHORT_WORD: Final = 2
"""Words this short keep a final s ("us"); longer ones lose it ("ups", "curls", "lunges")."""

BODYWEIGHT_WORD: Final = "bodyweight"

EQUIPMENT_WORDS: Final[dict[str, Equipment]] = {
    "barbell": Equipment.BARBELL,
    "dumbbell": Equipment.DUMBBELLS,
    "cable": Equipment.CABLE,
    "machine": Equipment.MACHINE,
    "band": Equipment.BANDS,
    "kettlebell": Equipment.KETTLEBELL,
    BODYWEIGHT_WORD: Equipment.BODYWEIGHT,
}
"""Words (after :func:`name_words`) that state the equipment an exercise is done with."""


def name_words(text: str) -> tuple[str, ...]:
    """The words of an exercise name, normalised, in their order.

    Examples:
        >>> name_words("Bicep Curls (Dumbbell)")
        ('bicep', 'curl', 'dumbbell')
        >>> name_words("Pull-Up & Farmer's Carry")
        ('pull', 'up', 'and', 'farmer', 'carry')
    """
    # An apostrophe joins ("Farmer's" is one word); "&" is a word of its own.
    joined = re.sub(r"['\u2019]", "", text).replace("&", " and ")
    folded = unicodedata.normalize("NFKD", joined)
    plain = folded.encode("ascii", "ignore").decode("ascii").lower()
    return tuple(_singular(_SYNONYMS.get(word, word)) for word in _WORD_RE.findall(plain))


def _singular(word: str) -> str:
    if len(word) > _SHORT_WORD and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def name_key(text: str) -> str:
    """The key names are compared by: :func:`name_words`, sorted, joined by spaces.

    Examples:
        >>> name_key("Lateral Raise (Dumbbell)") == name_key("Dumbbell lateral raise")
        True
    """
    return " ".join(sorted(name_words(text)))


def _split_equipment(words: Iterable[str]) -> tuple[str, frozenset[Equipment]]:
    """The key of the words that are not equipment, and the equipment they state."""
    others = sorted(word for word in words if word not in EQUIPMENT_WORDS)
    stated = frozenset(EQUIPMENT_WORDS[word] for word in words if word in EQUIPMENT_WORDS)
    return " ".join(others), stated


def _done_with(exercise: Exercise, stated: frozenset[Equipment]) -> bool:
    """True when the exercise is done with every piece of equipment the name states.

    "Bodyweight" says that no weights are added, which an exercise without a load
    step satisfies even when it needs a bar to hang from or a box to step on.
    """
    for equipment in stated:
        if equipment is Equipment.BODYWEIGHT:
            if exercise.load_increment_kg > 0:
                return False
        elif equipment not in exercise.equipment:
            return False
    return True


class ExerciseNameIndex:
    """Maps the names of other apps and devices to library exercise ids (module docstring)."""

    __slots__ = ("_aliases", "_by_key", "_by_other_words", "_fit_aliases")

    def __init__(
        self,
        *,
        exercises: Iterable[Exercise],
        aliases: Mapping[str, ExerciseId],
        fit_aliases: Mapping[str, ExerciseId],
    ) -> None:
        """Index ``exercises`` by name and check that every alias names one of them.

        Args:
            exercises: the exercise library.
            aliases: names as apps write them -> exercise ids; compared by :func:`name_key`.
            fit_aliases: FIT profile names, ``category/name`` or ``category`` as the
                profile spells them (``squat/barbell_back_squat``) -> exercise ids.

        Raises:
            InvalidInput: an alias names no exercise of the library, or two aliases
                with the same key name different exercises.
        """
        by_key: dict[str, ExerciseId | None] = {}
        by_other_words: dict[str, list[Exercise]] = {}
        known: set[ExerciseId] = set()
        for exercise in exercises:
            known.add(exercise.id)
            key = name_key(exercise.name)
            # Two exercises with the same words make the name ambiguous: it maps to none.
            by_key[key] = None if key in by_key else exercise.id
            others, _ = _split_equipment(name_words(exercise.name))
            by_other_words.setdefault(others, []).append(exercise)
        self._by_key: Mapping[str, ExerciseId | None] = by_key
        self._by_other_words: Mapping[str, tuple[Exercise, ...]] = {
            key: tuple(group) for key, group in by_other_words.items()
        }
        keyed_aliases: dict[str, ExerciseId] = {}
        for alias, target in aliases.items():
            _check_target(f"alias {alias!r}", target, known)
            key = name_key(alias)
            if keyed_aliases.get(key, target) != target:
                raise InvalidInput(
                    f"alias {alias!r}", target, f"one exercise per name; also {keyed_aliases[key]}"
                )
            keyed_aliases[key] = target
        self._aliases: Mapping[str, ExerciseId] = keyed_aliases
        for fit_name, target in fit_aliases.items():
            _check_target(f"FIT alias {fit_name!r}", target, known)
        self._fit_aliases: Mapping[str, ExerciseId] = dict(fit_aliases)

    def match(self, name: str) -> ExerciseId | None:
        """The library exercise that ``name`` names, or None when none or several fit.

        Examples:
            >>> from runlift.domain.exercises import MovementPattern
            >>> from runlift.vocabulary import MuscleGroup
            >>> bench = Exercise(
            ...     id=ExerciseId("bench-press"), name="Bench press",
            ...     pattern=MovementPattern.HORIZONTAL_PUSH,
            ...     primary=frozenset({MuscleGroup.CHEST}), secondary=frozenset(),
            ...     equipment=frozenset({"barbell", "bench", "rack"}), heavy_lower=False,
            ...     explosive=False, unilateral=False, compound=True, runner_specific=False,
            ...     eccentric_emphasis=False, load_increment_kg=2.5, cues="Feet down.")
            >>> index = ExerciseNameIndex(exercises=[bench], aliases={}, fit_aliases={})
            >>> index.match("Bench Press (Barbell)")
            'bench-press'
            >>> index.match("Bench Press (Dumbbell)") is None
            True
        """
        words = name_words(name)
        key = " ".join(sorted(words))
        if key in self._aliases:
            return self._aliases[key]
        if key in self._by_key:
            return self._by_key[key]
        others, stated = _split_equipment(words)
        if not stated:
            return None
        fitting = [
            exercise
            for exercise in self._by_other_words.get(others, ())
            if _done_with(exercise, stated)
        ]
        return fitting[0].id if len(fitting) == 1 else None

    def match_fit(self, *, category: str, name: str | None) -> ExerciseId | None:
        """The library exercise for a FIT profile category and exercise name.

        A curated FIT alias decides first (``category/name``); otherwise the
        profile's words are matched as a name ("barbell_deadlift" reads "barbell
        deadlift"). A category alone is a family of exercises ("deadlift" holds
        Romanian and single-leg ones too), so it maps only through an alias of its own.

        Examples:
            >>> index = ExerciseNameIndex(
            ...     exercises=[], aliases={}, fit_aliases={})
            >>> index.match_fit(category="unknown", name=None) is None
            True
        """
        key = category if name is None else f"{category}/{name}"
        if key in self._fit_aliases:
            return self._fit_aliases[key]
        return None if name is None else self.match(name.replace("_", " "))


def _check_target(field: str, target: ExerciseId, known: set[ExerciseId]) -> None:
    if target not in known:
        raise InvalidInput(field, target, "the id of an exercise of the library")
