"""Activities, logged sets, laps, weighings and import results check their own invariants."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from runlift.domain.activities import (
    Activity,
    BodyMassReading,
    ImportResult,
    Lap,
    LoggedSet,
)
from runlift.domain.exercises import ExerciseId
from runlift.errors import InvalidInput
from runlift.vocabulary import ActivityFormat, Modality, SetKind, Sport

START = datetime(2024, 5, 1, 6, tzinfo=UTC)


def run(**changes: Any) -> Activity:
    fields: dict[str, Any] = {
        "sport": Sport.RUN,
        "start": START,
        "elapsed_s": 3600.0,
        "moving_s": 3500.0,
        "distance_m": 10_000.0,
        "source": ActivityFormat.FIT,
    }
    fields.update(changes)
    return Activity(**fields)


def squat(order: int = 1, **changes: Any) -> LoggedSet:
    fields: dict[str, Any] = {
        "order": order,
        "exercise_id": ExerciseId("back-squat"),
        "raw_name": "Squat (Barbell)",
        "reps": 5,
        "load_kg": 100.0,
    }
    fields.update(changes)
    return LoggedSet(**fields)


def test_a_plain_run() -> None:
    activity = run(laps=(Lap(start=START, moving_s=600), Lap(start=START, moving_s=600)))
    assert activity.end == START + timedelta(hours=1)
    assert activity.modality is Modality.RUN


def test_only_runs_are_runs_and_only_strength_is_lifting() -> None:
    assert run(sport=Sport.STRENGTH, distance_m=None).modality is Modality.LIFT
    for sport in (Sport.CYCLING, Sport.WALKING, Sport.HIKING, Sport.SWIMMING, Sport.ROWING):
        assert run(sport=sport).modality is None
    assert run(sport=Sport.OTHER).modality is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start": datetime(2024, 5, 1, 6)}, "start"),  # noqa: DTZ001 - the invalid case
        ({"start": datetime(2024, 5, 1, 6, tzinfo=timezone(timedelta(hours=2)))}, "start"),
        ({"elapsed_s": 0.0, "moving_s": 0.0}, "elapsed_s"),
        ({"elapsed_s": float("nan")}, "elapsed_s"),
        ({"moving_s": 3601.0}, "moving_s"),
        ({"moving_s": -1.0}, "moving_s"),
        ({"moving_s": None}, "moving_s"),
        ({"distance_m": -1.0}, "distance_m"),
        ({"distance_m": float("inf")}, "distance_m"),
        ({"ascent_m": -3.0}, "ascent_m"),
        ({"average_heart_rate_bpm": 10.0}, "average_heart_rate_bpm"),
        ({"max_heart_rate_bpm": 300.0}, "max_heart_rate_bpm"),
        ({"average_heart_rate_bpm": 150.0, "max_heart_rate_bpm": 140.0}, "max_heart_rate_bpm"),
        ({"name": "  "}, "name"),
        ({"sets": (squat(),)}, "sets"),
        ({"laps": (Lap(start=START - timedelta(seconds=1), moving_s=5),)}, "laps"),
        ({"laps": (Lap(start=START + timedelta(hours=2), moving_s=5),)}, "laps"),
        (
            {
                "laps": (
                    Lap(start=START + timedelta(minutes=5), moving_s=5),
                    Lap(start=START, moving_s=5),
                )
            },
            "laps",
        ),
    ],
)
def test_impossible_activities_are_refused(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        run(**changes)
    assert caught.value.field == field


def test_a_lifting_log_may_not_know_its_length_but_then_has_no_laps() -> None:
    lift = run(sport=Sport.STRENGTH, elapsed_s=None, moving_s=None, distance_m=None)
    assert lift.end is None
    with pytest.raises(InvalidInput, match="unknown length"):
        replace(lift, laps=(Lap(start=START, moving_s=5),))
    with pytest.raises(InvalidInput, match="known exactly when"):
        run(elapsed_s=None)


def test_sets_are_numbered_in_order() -> None:
    lift = run(sport=Sport.STRENGTH, distance_m=None, sets=(squat(1), squat(2)))
    assert [s.order for s in lift.sets] == [1, 2]
    with pytest.raises(InvalidInput, match=r"numbered 1, 2, 3"):
        run(sport=Sport.STRENGTH, sets=(squat(1), squat(3)))


def test_a_set_keeps_its_own_name_when_unmapped() -> None:
    mapped = squat()
    assert mapped.exercise == "back-squat"
    unmapped = squat(exercise_id=None, raw_name="Zercher Squat")
    assert unmapped.exercise == "Zercher Squat"
    assert unmapped.kind is SetKind.WORKING
    timed = squat(reps=None, load_kg=None, duration_s=60.0)
    assert timed.load_kg is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"order": 0}, "order"),
        ({"raw_name": " "}, "raw_name"),
        ({"reps": -1}, "reps"),
        ({"reps": None}, "reps"),
        ({"load_kg": 0.0}, "load_kg"),
        ({"load_kg": 1500.0}, "load_kg"),
        ({"duration_s": 0.0}, "duration_s"),
        ({"distance_m": -5.0}, "distance_m"),
        ({"rpe": 0.0}, "rpe"),
        ({"rpe": 10.5}, "rpe"),
        ({"rir": -1.0}, "rir"),
        ({"rir": 11.0}, "rir"),
    ],
)
def test_impossible_sets_are_refused(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        squat(**changes)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start": datetime(2024, 5, 1)}, "lap.start"),  # noqa: DTZ001 - the invalid case
        ({"moving_s": -1.0}, "lap.moving_s"),
        ({"distance_m": -1.0}, "lap.distance_m"),
        ({"average_heart_rate_bpm": 5.0}, "lap.average_heart_rate_bpm"),
    ],
)
def test_impossible_laps_are_refused(changes: dict[str, Any], field: str) -> None:
    fields: dict[str, Any] = {"start": START, "moving_s": 60.0, **changes}
    with pytest.raises(InvalidInput) as caught:
        Lap(**fields)
    assert caught.value.field == field


def test_weighings() -> None:
    reading = BodyMassReading(measured_at=START, mass_kg=70.0, body_fat_percent=15.0)
    assert reading.mass_kg == 70
    for mass in (10.0, 500.0, float("nan")):
        with pytest.raises(InvalidInput, match="mass_kg"):
            BodyMassReading(measured_at=START, mass_kg=mass)
    for fat in (0.0, 100.0):
        with pytest.raises(InvalidInput, match="body_fat_percent"):
            BodyMassReading(measured_at=START, mass_kg=70.0, body_fat_percent=fat)
    with pytest.raises(InvalidInput, match="measured_at"):
        BodyMassReading(measured_at=datetime(2024, 5, 1), mass_kg=70.0)  # noqa: DTZ001


def test_an_import_result_holds_something_in_time_order() -> None:
    early, late = run(), run(start=START + timedelta(days=1))
    result = ImportResult(source_name="a.fit", format=ActivityFormat.FIT, activities=(early, late))
    assert result.warnings == ()
    with pytest.raises(InvalidInput, match="a file gives something"):
        ImportResult(source_name="a.fit", format=ActivityFormat.FIT)
    with pytest.raises(InvalidInput, match="in time order"):
        ImportResult(source_name="a.fit", format=ActivityFormat.FIT, activities=(late, early))
    weighings = (
        BodyMassReading(measured_at=START + timedelta(days=1), mass_kg=70.0),
        BodyMassReading(measured_at=START, mass_kg=70.0),
    )
    with pytest.raises(InvalidInput, match="in time order"):
        ImportResult(source_name="w.fit", format=ActivityFormat.FIT, body_mass=weighings)
