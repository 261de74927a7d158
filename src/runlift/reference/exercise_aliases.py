"""The bundled exercise aliases: other apps' exercise names mapped to the library.

``data/exercise_aliases.toml`` (its header explains the two tables) lists the names
that the word matching of :mod:`runlift.domain.exercise_names` misses.
:func:`exercise_name_index` reads it once per process, checks every target against
the exercise library, and returns the index the importers map names with.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Final

from runlift.domain.exercise_names import ExerciseNameIndex
from runlift.domain.exercises import ExerciseId
from runlift.errors import ImportFormatError, InvalidInput
from runlift.reference.exercises import ExerciseLibrary, exercise_library

ALIASES_FORMAT: Final = "exercise aliases"
"""How the alias file names itself in :class:`~runlift.errors.ImportFormatError`."""

_TABLES: Final = ("names", "fit")


@functools.cache
def exercise_name_index() -> ExerciseNameIndex:
    """The name index of the bundled library and aliases, built once per process.

    Raises:
        ImportFormatError: the bundled alias file is malformed or names an unknown id.
    """
    text = (
        resources.files("runlift.reference")
        .joinpath("data", "exercise_aliases.toml")
        .read_text(encoding="utf-8")
    )
    return parse_exercise_aliases(text, library=exercise_library())


def parse_exercise_aliases(text: str, *, library: ExerciseLibrary) -> ExerciseNameIndex:
    """Build the name index of ``library`` with the aliases of TOML ``text``.

    Raises:
        ImportFormatError: the text is not TOML, has other tables than ``[names]``
            and ``[fit]``, holds a value that is not a string, or an alias names no
            exercise of the library; the message names the alias.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ImportFormatError(ALIASES_FORMAT, f"not valid TOML: {error}") from None
    unknown = set(document) - set(_TABLES)
    if unknown:
        raise ImportFormatError(
            ALIASES_FORMAT, f"unknown tables {sorted(unknown)}; only [names] and [fit]"
        )
    tables = {name: _table(document, name) for name in _TABLES}
    try:
        return ExerciseNameIndex(
            exercises=library, aliases=tables["names"], fit_aliases=tables["fit"]
        )
    except InvalidInput as error:
        raise ImportFormatError(ALIASES_FORMAT, str(error)) from None


def _table(document: dict[str, object], name: str) -> dict[str, ExerciseId]:
    table = document.get(name, {})
    if not isinstance(table, dict):
        raise ImportFormatError(ALIASES_FORMAT, f"[{name}] must be a table")
    aliases: dict[str, ExerciseId] = {}
    for alias, target in table.items():
        if not isinstance(target, str):
            raise ImportFormatError(
                ALIASES_FORMAT, f"[{name}] {alias!r} = {target!r}: an exercise id in quotes"
            )
        aliases[alias] = ExerciseId(target)
    return aliases
