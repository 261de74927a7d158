"""Matching other apps' exercise names to the library: words, equipment, aliases."""

from __future__ import annotations

import doctest
from dataclasses import replace

import pytest

from runlift.domain import exercise_names
from runlift.domain.exercise_names import ExerciseNameIndex, name_key, name_words
from runlift.domain.exercises import ExerciseId
from runlift.errors import InvalidInput
from runlift.reference.exercises import exercise_library


@pytest.fixture(scope="module")
def index() -> ExerciseNameIndex:
    """The bundled library without aliases: what word matching alone finds."""
    return ExerciseNameIndex(exercises=exercise_library(), aliases={}, fit_aliases={})


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Bench Press (Barbell)", "bench-press"),
        ("bench press", "bench-press"),
        ("Bench Press (Dumbbell)", "dumbbell-bench-press"),
        ("Lateral Raise (Dumbbell)", "lateral-raise"),
        ("Dumbbell Lateral Raises", "lateral-raise"),
        ("Deadlift (Barbell)", "deadlift"),
        ("Romanian Deadlift (Barbell)", "romanian-deadlift"),
        ("Romanian Deadlift (Dumbbell)", "dumbbell-romanian-deadlift"),
        ("Hip Thrust (Barbell)", "hip-thrust"),
        ("Trap Bar Deadlift", "trap-bar-deadlift"),
        ("Pull Up", "pull-up"),
        ("PULL-UPS", "pull-up"),
        ("Chin Up", "chin-up"),
        ("Push Up", "push-up"),
        ("Inverted Row (Bodyweight)", "inverted-row"),
        ("Lat Pulldown (Cable)", "lat-pulldown"),
        ("Row (Band)", "banded-row"),
        ("Kettlebell Swing", "kettlebell-swing"),
        ("Nordic Hamstring Curls", "nordic-curl"),
        ("Farmer's Carry", "farmers-carry"),
        ("Squat (Bodyweight)", "bodyweight-squat"),
    ],
)
def test_names_that_match_by_their_words(
    index: ExerciseNameIndex, name: str, expected: str
) -> None:
    assert index.match(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Deadlift (Dumbbell)",  # the library's deadlift needs a barbell
        "Bench Press (Smith Machine)",  # a Smith machine is not a free barbell
        "Incline Bench Press (Barbell)",
        "Pull Up (Assisted)",
        "Squat",  # back, front, goblet or bodyweight?
        "Squat (Barbell)",  # back or front? (an alias decides)
        "Lunge (Dumbbell)",  # walking or reverse?
        "Zercher Squat",
        "",
    ],
)
def test_names_that_match_nothing_or_several_map_to_none(
    index: ExerciseNameIndex, name: str
) -> None:
    assert index.match(name) is None


def test_normalisation() -> None:
    assert name_words("Bicep Curls (Dumbbell)") == ("bicep", "curl", "dumbbell")
    assert name_words("Café Crème") == ("cafe", "creme")
    assert name_words("abs & glutes") == ("ab", "and", "glute")
    assert name_words("us") == ("us",)
    assert name_words("Press") == ("press",)
    assert name_key("Raise, Lateral") == name_key("lateral raise")


def test_aliases_decide_first_and_must_name_library_exercises() -> None:
    library = exercise_library()
    index = ExerciseNameIndex(
        exercises=library,
        aliases={"Squat (Barbell)": ExerciseId("back-squat")},
        fit_aliases={"squat/squat": ExerciseId("bodyweight-squat")},
    )
    assert index.match("squat  (BARBELL)") == "back-squat"
    assert index.match_fit(category="squat", name="squat") == "bodyweight-squat"
    assert index.match_fit(category="deadlift", name="barbell_deadlift") == "deadlift"
    assert index.match_fit(category="deadlift", name=None) is None
    with pytest.raises(InvalidInput, match="alias 'Snatch'"):
        ExerciseNameIndex(
            exercises=library, aliases={"Snatch": ExerciseId("snatch")}, fit_aliases={}
        )
    with pytest.raises(InvalidInput, match="FIT alias"):
        ExerciseNameIndex(
            exercises=library, aliases={}, fit_aliases={"x/y": ExerciseId("no-such-id")}
        )
    with pytest.raises(InvalidInput, match="one exercise per name"):
        ExerciseNameIndex(
            exercises=library,
            aliases={"Squat": ExerciseId("back-squat"), "squats": ExerciseId("front-squat")},
            fit_aliases={},
        )


def test_two_exercises_with_the_same_words_make_the_name_ambiguous() -> None:
    library = list(exercise_library())
    twin = next(e for e in library if e.id == "plank")
    index = ExerciseNameIndex(
        exercises=[*library, replace(twin, id=ExerciseId("plank-two"))],
        aliases={},
        fit_aliases={},
    )
    assert index.match("Plank") is None


def test_module_doctests() -> None:
    assert doctest.testmod(exercise_names).failed == 0
