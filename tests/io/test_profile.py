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
        ("mass_kg: 64", "mass_kg: 640", "mass_kg", "at most 250"),
        ("kind: race ", "kind: running ", "goal.kind", "strength"),
        ('time: "50:30"', 'time: "50:75"', "running.recent_race.time", "below 60"),
        ("distance: half", "distance: halff", "goal.race.distance", "5k"),
        ('"12:00-13:00"', '"13:00-12:00"', "availability.tue", "end after it starts"),
        ("timezone: Europe/Berlin", "timezone: Mars/Olympus", "timezone", "IANA"),
        ("mass_kg: 64", "mass_kg: 64\nmass_st: 10", "mass_st", "not a profile field"),
        ("mass_kg: 64", "mass_kg: 64\nmass_lb: 141", "mass_lb", "not both"),
        ("mass_kg: 64\n", "", "mass_kg", "or mass_lb"),
        ("mass_kg: 64", "mass_lb: 600", "mass_lb", "at most 551"),
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
        ("start_date: 2026-12-07", "start_date: 2026-12-32", "start_date", "YYYY-MM-DD"),
        ("date: 2026-10-04", "date: 2026-02-30", "running.recent_race.date", "YYYY-MM-DD"),
        ("birth_date: 1992-04-18", "birth_date: 18.04.1992", "birth_date", "YYYY-MM-DD"),
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


def _problems(text: str) -> list[str]:
    with pytest.raises(InvalidInput) as info:
        read_profile(text, source="athlete.yaml")
    return list(info.value.lines())


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("sex: female\n", "athlete.yaml: sex: required (male | female)"),
        ("timezone: Europe/Berlin\n", "athlete.yaml: timezone: required (an IANA time zone name"),
        ("rest_days_min: 1\n", None),
    ],
)
def test_a_missing_field_is_named_with_what_goes_there(line: str, expected: str | None) -> None:
    text = HALF.replace(line, "", 1)
    if expected is None:  # optional: its default applies
        assert read_profile(text).rest_days_min == 1
        return
    problems = _problems(text)
    assert len(problems) == 1
    assert problems[0].startswith(expected)
    assert "{" not in problems[0], "the profile itself is never dumped into the message"


def test_a_misspelt_field_is_named_first_with_the_right_name() -> None:
    problems = _problems(HALF.replace("mass_kg: 64", "mass_kgs: 64"))
    assert problems == ["athlete.yaml: mass_kgs: not a profile field; did you mean mass_kg?"]
    nested = _problems(HALF.replace("target_time:", "target:"))
    assert nested == [
        "athlete.yaml: goal.race.target: not a profile field; did you mean target_time?"
    ]
    day = _problems(HALF.replace("  thu: []", "  thursday: []"))
    assert day == [
        "athlete.yaml: availability.thursday: not a weekday; use mon tue wed thu fri sat sun "
        "(did you mean thu?)"
    ]


def test_several_problems_are_one_line_each_unknown_fields_first() -> None:
    text = HALF.replace("mass_kg: 64", "mass_kgs: 64").replace("height_cm: 168", "height_cm: 999")
    problems = _problems(text)
    assert problems[0] == "athlete.yaml: mass_kgs: not a profile field; did you mean mass_kg?"
    assert problems[1] == "athlete.yaml: height_cm 999: at most 230"
    assert len(problems) == 2


def test_yaml_syntax_errors_name_the_line() -> None:
    problems = _problems(HALF.replace("mass_kg: 64", "mass_kg: [64"))
    assert len(problems) == 1
    assert problems[0].startswith("athlete.yaml: line ")
    assert "not valid YAML" in problems[0]


def test_a_field_given_twice_names_both_lines() -> None:
    text = HALF.replace("mass_kg: 64\n", "mass_kg: 64\nmass_kg: 46\n")
    assert _problems(text) == ["athlete.yaml: mass_kg: given twice (lines 5 and 6); keep one"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('sleep: "22:30"', "sleep: 22:30", 'day.sleep: write times in quotes, e.g. sleep: "22:30"'),
        (
            'target_time: "1:45:00"',
            "target_time: 1:45:00",
            'goal.race.target_time: write times in quotes, e.g. target_time: "1:45:00"',
        ),
        (
            'time: "50:30"',
            "time: 50:30",
            'recent_race.time: write times in quotes, e.g. time: "50:30"',
        ),
        (
            'fri: ["18:00-20:00"]',
            "fri: [18:00]",
            'availability.fri[0]: write times in quotes, e.g. fri: ["18:00-20:00"]',
        ),
    ],
)
def test_unquoted_times_are_asked_to_be_quoted(old: str, new: str, expected: str) -> None:
    """YAML 1.1 reads 22:30 as the number 1350; the message says so and shows the fix."""
    assert old in HALF
    (problem,) = _problems(HALF.replace(old, new))
    assert expected in problem
    assert "as the number" in problem


def test_times_yaml_reads_as_text_need_no_quotes() -> None:
    profile = read_profile(HALF.replace('wake: "06:00"', "wake: 06:00"))
    assert profile.day.wake.hour == 6


def test_one_digit_hours_in_windows_are_read() -> None:
    profile = read_profile(HALF.replace('"06:30-07:30"', '"6:30-7:30"'))
    assert [str(w) for w in profile.availability[Weekday.MON]] == ["06:30-07:30", "18:00-20:00"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'target_time: "1:45:00"',
            'target_time: "1:55"',
            "goal.race.target_time '1:55': did you mean \"1:55:00\"? As written it is faster "
            "than anyone has run it: the world record is 1:02:52 (Letesenbet Gidey, Valencia 2021)",
        ),
        (
            'target_time: "1:45:00"',
            'target_time: "0:30:00"',
            "goal.race.target_time '0:30:00': faster than anyone has run it: the world record "
            "is 1:02:52 (Letesenbet Gidey, Valencia 2021)",
        ),
        (
            'time: "50:30"',
            'time: "25:00"',
            "running.recent_race.time '25:00': faster than anyone has run it: the world record "
            "is 28:54 (Beatrice Chebet, Eugene 2024)",
        ),
    ],
)
def test_a_time_faster_than_the_world_record_is_refused(old: str, new: str, expected: str) -> None:
    (problem,) = _problems(HALF.replace(old, new))
    assert problem == f"athlete.yaml: {expected}"


def test_the_record_is_the_athletes_own_sex() -> None:
    """27:00 for 10 km beats the women's record (28:54) and not the men's (26:11)."""
    text = HALF.replace('time: "50:30"', 'time: "27:00"')
    with pytest.raises(InvalidInput, match="28:54"):
        read_profile(text)
    male = read_profile(text.replace("sex: female", "sex: male"))
    assert male.running.recent_race is not None
    assert male.running.recent_race.time_s == 27 * 60


@pytest.mark.parametrize("body_fat", [True, False])
@pytest.mark.parametrize(
    ("birth", "fine", "reason"),
    [
        ("2030-01-01", False, "this birth date is in the future"),
        ("2014-01-01", False, "makes you 12 on 2026-12-07"),
        ("2009-12-08", False, "makes you 16 on 2026-12-07"),  # a youth: refused, with why
        ("2008-12-07", True, ""),  # 18 on the start date
        ("1926-12-08", True, ""),  # 99
        ("1925-01-01", False, "makes you 101 on 2026-12-07"),
    ],
)
def test_one_age_check_with_or_without_body_fat(
    birth: str, fine: bool, reason: str, body_fat: bool
) -> None:
    """18 to 100 at the start, whichever energy equation the body fat would pick."""
    text = HALF.replace("birth_date: 1992-04-18", f"birth_date: {birth}")
    if not body_fat:
        text = text.replace("body_fat_percent: 24\n", "")
    if fine:
        assert read_profile(text).birth_date.isoformat() == birth
        return
    (problem,) = _problems(text)
    assert problem.startswith(f"athlete.yaml: birth_date '{birth}': this birth date ")
    assert reason in problem
    assert "runlift plans for athletes aged 18 to 100" in problem
    assert "age_years" not in problem


def test_a_youth_is_told_why() -> None:
    (problem,) = _problems(HALF.replace("birth_date: 1992-04-18", "birth_date: 2011-06-01"))
    assert "a qualified coach designs and supervises" in problem
    assert "Faigenbaum et al. 2009; Lloyd et al. 2014" in problem


@pytest.mark.parametrize(
    ("lifts", "priority", "fine"),
    [
        (0, "running", True),
        (1, "running", False),
        (2, "running", True),
        (3, "balanced", True),
        (4, "running", False),
        (4, "lifting", True),
        (5, "lifting", False),
    ],
)
def test_lifts_a_week_follow_sch_7(lifts: int, priority: str, fine: bool) -> None:
    text = HALF.replace("sessions_per_week: 2", f"sessions_per_week: {lifts}").replace(
        "priority: running", f"priority: {priority}"
    )
    if fine:
        assert read_profile(text).lifting.sessions_per_week == lifts
        return
    (problem,) = _problems(text)
    assert problem.startswith(f"athlete.yaml: lifting.sessions_per_week {lifts}: ")
    assert "SCH-7" in problem


def test_the_schema_and_the_checks_take_the_lift_limits_from_sch_7() -> None:
    from runlift.io.profile import lift_sessions_allowed  # noqa: PLC0415
    from runlift.rules import RULES, RuleId  # noqa: PLC0415
    from runlift.vocabulary import EvidenceProfile  # noqa: PLC0415

    rule = RULES[RuleId("SCH-7")]
    most = rule.param("max_lifts_lifting_first", EvidenceProfile.DEFAULT)
    lifting = profile_json_schema()["$defs"]["LiftingModel"]["properties"]["sessions_per_week"]
    assert lifting["maximum"] == most
    assert lift_sessions_allowed(Priority.LIFTING) == (
        rule.param("min_per_week", EvidenceProfile.DEFAULT),
        most,
    )
    assert lift_sessions_allowed(Priority.RUNNING)[1] == rule.param(
        "max_lifts", EvidenceProfile.DEFAULT
    )


def test_rest_days_that_leave_no_day_for_the_lifts_are_refused() -> None:
    (problem,) = _problems(HALF.replace("rest_days_min: 1", "rest_days_min: 6"))
    assert problem.startswith(
        "athlete.yaml: rest_days_min 6: leaves 1 of 7 days for training, but 2 lifts need 2 (RL-1"
    )


def test_misspelt_equipment_is_named_with_the_known_word() -> None:
    (problem,) = _problems(HALF.replace("equipment: [barbell,", "equipment: [barbel,"))
    assert problem.startswith(
        "athlete.yaml: lifting.equipment: 'barbel' is not equipment runlift knows; "
        "did you mean barbell?"
    )


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("race: {distance: half", "race: {distance: 800m", "goal.race.distance '800m'"),
        ("recent_race: {distance: 10k", "recent_race: {distance: 100km", "recent_race.distance"),
    ],
)
def test_race_distances_outside_the_vdot_tables_name_the_profile_field(
    old: str, new: str, field: str
) -> None:
    (problem,) = _problems(HALF.replace(old, new))
    assert field in problem
    assert "a race from 1500 m to the marathon" in problem
    assert "distance_m" not in problem


def test_choices_and_distances_are_read_in_any_case() -> None:
    text = (
        HALF.replace("sex: female", "sex: Female")
        .replace("priority: running", "priority: Running")
        .replace("distance: half", "distance: Half Marathon")
    )
    profile = read_profile(text)
    assert profile.goal.priority is Priority.RUNNING
    assert profile.goal.race is not None
    assert profile.goal.race.distance_m == pytest.approx(21097.5)
