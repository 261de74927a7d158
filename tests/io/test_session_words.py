import pytest

from runlift.io.session_words import recognise
from runlift.vocabulary import LiftKind, Modality, MuscleGroup, RunKind


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Easy run 8 km", RunKind.EASY),
        ("Long run", RunKind.LONG),
        ("Intervals 6x800m", RunKind.INTERVALS),
        ("Tempo run", RunKind.TEMPO),
        ("Hill repeats", RunKind.HILLS),
        ("Saturday parkrun", RunKind.RACE),
        ("Recovery jog", RunKind.RECOVERY),
        ("🏃 Interval Workout", RunKind.INTERVALS),
        ("Strides after easy run", RunKind.SPRINTS),
    ],
)
def test_runs(title: str, kind: RunKind) -> None:
    found = recognise(title=title)
    assert found is not None
    assert found.modality is Modality.RUN
    assert found.kind is kind


@pytest.mark.parametrize(
    ("title", "kind", "group"),
    [
        ("Leg day", LiftKind.HEAVY_LOWER, MuscleGroup.LEGS),
        ("Squat 5x5", LiftKind.HEAVY_LOWER, MuscleGroup.LEGS),
        ("Deadlift heavy singles", LiftKind.HEAVY_LOWER, MuscleGroup.LEGS),
        ("Bench + rows", LiftKind.UPPER, MuscleGroup.CHEST),
        ("Pull-ups and overhead press", LiftKind.UPPER, MuscleGroup.BACK),
        ("Plyo: box jumps", LiftKind.EXPLOSIVE, MuscleGroup.LEGS),
        ("💪 Strength: Full Body", LiftKind.FULL_BODY, MuscleGroup.BACK),
        ("💪 Strength: Core", LiftKind.RUNNER_STRENGTH, MuscleGroup.CORE),
    ],
)
def test_lifts(title: str, kind: LiftKind, group: MuscleGroup) -> None:
    found = recognise(title=title)
    assert found is not None
    assert found.modality is Modality.LIFT
    assert found.kind is kind
    assert group in found.muscle_groups


def test_explosive_flag() -> None:
    found = recognise(title="Box jumps")
    assert found is not None
    assert found.contains_explosive


def test_categories_win_over_words() -> None:
    found = recognise(title="Morning session", categories=["RUN", "INTERVALS"])
    assert found is not None
    assert found.kind is RunKind.INTERVALS
    lift = recognise(title="Gym", categories=["LIFT", "HEAVY-LOWER"])
    assert lift is not None
    assert lift.kind is LiftKind.HEAVY_LOWER
    words = recognise(title="Tempo run", categories=["Work"])
    assert words is not None
    assert words.kind is RunKind.TEMPO


@pytest.mark.parametrize(
    "title", ["Dentist", "Team meeting", "event with alarms", "🧘 Mobility", "Lunch with Sam"]
)
def test_other_events_are_not_training(title: str) -> None:
    assert recognise(title=title) is None


def test_description_is_read_when_the_title_says_nothing() -> None:
    found = recognise(title="Session", description="Squats and lunges")
    assert found is not None
    assert found.kind is LiftKind.HEAVY_LOWER


def test_a_named_lift_kind_takes_explosive_from_categories_not_prose() -> None:
    prose = "Progression: jumps and runner-specific work one or two reps more a week"
    plain = recognise(
        title="Runner strength B", description=prose, categories=["LIFT", "RUNNER-STRENGTH"]
    )
    assert plain is not None
    assert not plain.contains_explosive
    flagged = recognise(
        title="Runner strength B",
        description=prose,
        categories=["LIFT", "RUNNER-STRENGTH", "EXPLOSIVE"],
    )
    assert flagged is not None
    assert flagged.contains_explosive
    by_title = recognise(title="Box jumps + squats", categories=["LIFT", "HEAVY-LOWER"])
    assert by_title is not None
    assert by_title.contains_explosive
    unnamed = recognise(title="Gym", description=prose, categories=["LIFT"])
    assert unnamed is not None
    assert unnamed.contains_explosive
