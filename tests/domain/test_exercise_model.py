"""An Exercise checks its own consistency when built."""

from __future__ import annotations

import doctest
from typing import Any

import pytest

import runlift.domain.exercises as exercises_module
from runlift.domain.exercises import (
    Equipment,
    Exercise,
    ExerciseId,
    MovementPattern,
    equipment_set,
)
from runlift.errors import InvalidInput
from runlift.vocabulary import MuscleGroup


def make(**changes: Any) -> Exercise:
    fields: dict[str, Any] = {
        "id": ExerciseId("goblet-squat"),
        "name": "Goblet squat",
        "pattern": MovementPattern.SQUAT,
        "primary": frozenset({MuscleGroup.LEGS}),
        "secondary": frozenset({MuscleGroup.CORE}),
        "equipment": frozenset({"dumbbells"}),
        "heavy_lower": False,
        "explosive": False,
        "unilateral": False,
        "compound": True,
        "runner_specific": False,
        "eccentric_emphasis": False,
        "load_increment_kg": 2.0,
        "cues": "Dumbbell at the chest, sit between the heels.",
    }
    fields.update(changes)
    return Exercise(**fields)


def test_a_consistent_exercise_builds() -> None:
    exercise = make()
    assert exercise.needs == {"dumbbells"}
    assert exercise.substitutes == ()
    assert exercise.one_rep_max_from is None


def test_the_module_examples_run() -> None:
    result = doctest.testmod(exercises_module)
    assert result.attempted >= 2
    assert result.failed == 0


def test_bodyweight_needs_nothing() -> None:
    exercise = make(equipment=frozenset({"bodyweight"}), load_increment_kg=0.0)
    assert exercise.needs == frozenset()
    assert exercise.is_possible_with(equipment=frozenset())
    assert not make().is_possible_with(equipment=frozenset({"bands"}))
    assert make().is_possible_with(equipment=frozenset({"bands", "dumbbells"}))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"id": ExerciseId("Goblet Squat")}, "id", "hyphens"),
        ({"name": "  "}, "goblet-squat.name", "non-empty"),
        ({"cues": "one\ntwo"}, "goblet-squat.cues", "one non-empty line"),
        ({"sources": ("G5", " ")}, "goblet-squat.sources", "non-empty"),
        ({"primary": frozenset()}, "goblet-squat.primary", "at least one"),
        ({"secondary": frozenset({MuscleGroup.LEGS})}, "goblet-squat.secondary", "not both"),
        ({"equipment": frozenset()}, "goblet-squat.equipment", "at least one"),
        ({"equipment": frozenset({"dumbells"})}, "goblet-squat.equipment", "one of"),
        (
            {"equipment": frozenset({"bodyweight", "box"}), "load_increment_kg": 0.0},
            "goblet-squat.equipment",
            "stands alone",
        ),
        ({"load_increment_kg": -2.0}, "goblet-squat.load_increment_kg", "zero or more"),
        ({"load_increment_kg": float("nan")}, "goblet-squat.load_increment_kg", "zero or more"),
        (
            {"equipment": frozenset({"bands"}), "load_increment_kg": 2.0},
            "goblet-squat.load_increment_kg",
            "0 unless",
        ),
        (
            {"pattern": MovementPattern.CALF, "heavy_lower": True},
            "goblet-squat.heavy_lower",
            "squat, hinge and lunge",
        ),
        ({"explosive": True}, "goblet-squat.explosive", "plyometric and olympic"),
        (
            {"pattern": MovementPattern.PLYOMETRIC, "explosive": False},
            "goblet-squat.explosive",
            "plyometric and olympic",
        ),
        (
            {"one_rep_max_from": ExerciseId("back-squat")},
            "goblet-squat.one_rep_max_ratio",
            "together",
        ),
        ({"one_rep_max_ratio": 0.5}, "goblet-squat.one_rep_max_ratio", "together"),
        (
            {"one_rep_max_from": ExerciseId("back-squat"), "one_rep_max_ratio": 0.0},
            "goblet-squat.one_rep_max_ratio",
            "above 0",
        ),
        (
            {"one_rep_max_from": ExerciseId("back-squat"), "one_rep_max_ratio": 2.5},
            "goblet-squat.one_rep_max_ratio",
            "at most 2",
        ),
        (
            {"one_rep_max_from": ExerciseId("goblet-squat"), "one_rep_max_ratio": 1.0},
            "goblet-squat.one_rep_max_from",
            "another exercise",
        ),
        (
            {"one_rep_max_from": ExerciseId("back-squat"), "one_rep_max_ratio": 0.5},
            "goblet-squat.sources",
            "a source for the ratio",
        ),
        ({"substitutes": (ExerciseId("goblet-squat"),)}, "goblet-squat.substitutes", "other"),
        (
            {"substitutes": (ExerciseId("push-up"), ExerciseId("push-up"))},
            "goblet-squat.substitutes",
            "each id once",
        ),
    ],
)
def test_inconsistent_exercises_are_rejected(
    changes: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message) as caught:
        make(**changes)
    assert caught.value.field == field


def test_a_cited_ratio_is_accepted() -> None:
    exercise = make(
        one_rep_max_from=ExerciseId("back-squat"),
        one_rep_max_ratio=0.5,
        sources=("1RM ratio 0.5: a study",),
    )
    assert exercise.one_rep_max_ratio == 0.5


def test_heavy_lower_and_explosive_fit_their_patterns() -> None:
    assert make(heavy_lower=True).heavy_lower
    lunge = make(pattern=MovementPattern.LUNGE, heavy_lower=True, unilateral=True)
    assert lunge.heavy_lower
    jump = make(
        pattern=MovementPattern.PLYOMETRIC,
        explosive=True,
        equipment=frozenset({"box"}),
        load_increment_kg=0.0,
    )
    assert jump.explosive


def test_equipment_words_are_checked() -> None:
    assert equipment_set(["barbell", "rack"]) == {Equipment.BARBELL, Equipment.RACK}
    assert equipment_set([]) == frozenset()
    with pytest.raises(InvalidInput, match="pull-up-bar") as caught:
        equipment_set(["pullup-bar"], field_name="kit")
    assert caught.value.field == "kit"
