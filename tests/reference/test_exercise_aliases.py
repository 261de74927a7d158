"""The bundled exercise aliases: valid, pointing at the library, and covering our own FIT names."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest
from garmin_fit_sdk import Profile

from runlift.domain.exercise_names import ExerciseNameIndex
from runlift.errors import ImportFormatError
from runlift.io.fit_exercises import FIT_EXERCISES
from runlift.reference.exercise_aliases import exercise_name_index, parse_exercise_aliases
from runlift.reference.exercises import exercise_library


def bundled() -> dict[str, dict[str, str]]:
    text = (
        resources.files("runlift.reference")
        .joinpath("data", "exercise_aliases.toml")
        .read_text(encoding="utf-8")
    )
    return tomllib.loads(text)


def test_the_bundled_aliases_load() -> None:
    index = exercise_name_index()
    assert index.match("Squat (Barbell)") == "back-squat"
    assert index.match_fit(category="hip_raise", name="hip_raise") == "glute-bridge"


def test_every_alias_is_needed_and_differs_from_what_word_matching_finds() -> None:
    plain = ExerciseNameIndex(exercises=exercise_library(), aliases={}, fit_aliases={})
    for name, target in bundled()["names"].items():
        assert plain.match(name) != target, f"{name!r} needs no alias"
    for key, target in bundled()["fit"].items():
        category, _, name = key.partition("/")
        assert plain.match_fit(category=category, name=name or None) != target, key


def test_every_fit_alias_is_a_name_of_the_fit_profile() -> None:
    types = Profile["types"]
    categories = set(types["exercise_category"].values())
    for key in bundled()["fit"]:
        category, _, name = key.partition("/")
        assert category in categories, key
        assert name in types[f"{category}_exercise_name"].values(), key


def test_every_name_our_fit_workouts_write_maps_back_to_its_exercise() -> None:
    index = exercise_name_index()
    sharing: dict[tuple[str, str | None], set[str]] = {}
    for slug, fit in FIT_EXERCISES.items():
        sharing.setdefault((fit.category, fit.name), set()).add(slug)
    for (category, name), slugs in sharing.items():
        found = index.match_fit(category=category, name=name)
        if name is None:
            # A category alone is a family of exercises and maps to none.
            assert found is None, category
        else:
            assert found in slugs, (category, name, found)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[names\n", "not valid TOML"),
        ("[other]\n", "unknown tables ['other']"),
        ("names = 3\n", "[names] must be a table"),
        ('[names]\n"Squat" = 3\n', "an exercise id in quotes"),
        ('[names]\n"Squat" = "no-such-exercise"\n', "the id of an exercise of the library"),
    ],
)
def test_malformed_alias_files_are_refused(text: str, words: str) -> None:
    with pytest.raises(ImportFormatError, match=words.replace("[", r"\[").replace("]", r"\]")):
        parse_exercise_aliases(text, library=exercise_library())
