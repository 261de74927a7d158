from pathlib import Path

import pytest

from runlift.errors import InvalidInput
from runlift.io.profile import profile_json_schema, read_profile
from runlift.vocabulary import GoalKind, Priority, Weekday

EXAMPLES = Path(__file__).parents[2] / "examples" / "athletes"
HALF = (EXAMPLES / "half-marathon-lifter.yaml").read_text(encoding="utf-8")


def test_the_documented_example_is_accepted_as_written() -> None:
    profile = read_profile(HALF)
    assert profile.name == "Alex Example"
    assert profile.goal.kind is GoalKind.RACE
    assert profile.goal.priority is Priority.RUNNING
    assert profile.goal.race is not None
    assert profile.goal.race.distance_m == pytest.approx(21097.5)
    assert profile.goal.race.target_time_s == 6300
    assert profile.running.recent_race is not None
    assert profile.running.recent_race.time_s == 3030
    assert profile.lifting.maxes["bench-press"].rpe == 8
    assert [str(w) for w in profile.availability[Weekday.MON]] == ["06:30-07:30", "18:00-20:00"]
    assert profile.availability[Weekday.THU] == ()
    assert profile.available_hours_per_week == 16.0
    assert profile.age_years(on=profile.start_date) == 34


@pytest.mark.parametrize(
    ("old", "new", "field", "hint"),
    [
        ("mass_kg: 64", "mass_kg: 640", "mass_kg", "less than or equal to 250"),
        ("kind: race ", "kind: running ", "goal.kind", "strength"),
        ('time: "50:30"', 'time: "50:75"', "running.recent_race.time", "below 60"),
        ("distance: half", "distance: halff", "goal.race.distance", "5k"),
        ('"12:00-13:00"', '"13:00-12:00"', "availability.tue", "end after it starts"),
        ("timezone: Europe/Berlin", "timezone: Mars/Olympus", "timezone", "IANA"),
        ("mass_kg: 64", "mass_kg: 64\nmass_st: 10", "mass_st", "not a profile field"),
        ("mass_kg: 64", "mass_kg: 64\nmass_lb: 141", "mass_lb", "not both"),
        ("mass_kg: 64\n", "", "mass_kg", "or mass_lb"),
        ("mass_kg: 64", "mass_lb: 600", "mass_lb", "less than or equal to 551"),
        (
            "deadlift: {one_rep_max_kg: 100}",
            "deadlift: {one_rep_max_kg: 100, one_rep_max_lb: 220}",
            "deadlift",
            "not both",
        ),
        ("deadlift: {one_rep_max_kg: 100}", "deadlift: {weight_lb: 200}", "deadlift", "weight_lb"),
        ("deadlift: {one_rep_max_kg: 100}", "deadlift: {reps: 3}", "deadlift", "one_rep_max_kg"),
        ("date: 2027-04-11", "date: 2026-01-11", "goal.race.date", "after start_date"),
        ("birth_date: 1992-04-18", "birth_date: 1992-13-18", "birth_date", "1-12"),
        ("start_date: 2026-12-07", "start_date: 2026-12-32", "start_date", "valid date"),
        ("date: 2026-10-04", "date: 2026-02-30", "running.recent_race.date", "valid date"),
    ],
)
def test_errors_name_the_field_and_the_fix(old: str, new: str, field: str, hint: str) -> None:
    assert old in HALF
    with pytest.raises(InvalidInput) as info:
        read_profile(HALF.replace(old, new, 1))
    message = str(info.value)
    assert field in message
    assert hint in message


def test_not_yaml_and_not_a_mapping() -> None:
    with pytest.raises(InvalidInput, match="not valid YAML"):
        read_profile("name: [unclosed")
    with pytest.raises(InvalidInput, match="mapping"):
        read_profile("- a list")


def test_goal_without_race_needs_weeks_or_date() -> None:
    text = HALF.replace(
        '  race: {distance: half, date: 2027-04-11, target_time: "1:45:00"}\n', ""
    ).replace("kind: race ", "kind: strength ")
    with pytest.raises(InvalidInput, match="weeks"):
        read_profile(text)
    assert read_profile(text.replace("priority: running", "priority: running\n  weeks: 12"))


def test_schema_lists_every_top_level_field() -> None:
    schema = profile_json_schema()
    assert {"name", "goal", "availability", "lifting", "running"} <= set(schema["properties"])
    assert "goal" in schema["required"]
