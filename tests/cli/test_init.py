import io
from datetime import date, timedelta
from pathlib import Path

import pytest

from runlift.cli.app import main
from runlift.cli.init import machine_zone
from runlift.io.profile import read_profile
from runlift.vocabulary import GoalKind, Priority, Weekday

TODAY = date.today()  # noqa: DTZ011 - the wizard judges dates by the user's calendar day
START = TODAY + timedelta(days=7)
RACE = START + timedelta(days=120)


def answers(**changes: list[str]) -> list[str]:
    """The wizard's questions in order, each with its answers (wrong ones are asked again)."""
    steps = {
        "name": ["Pat Runner"],
        "sex": ["male"],
        "birth": ["1991-13-40", (TODAY + timedelta(days=30)).isoformat(), "1991-05-06"],
        "height": ["500", "180"],
        "mass": ["75"],
        "fat": [""],
        "zone": ["Mars/Base", "Europe/Vienna"],
        "start": [(TODAY - timedelta(days=3)).isoformat(), START.isoformat()],
        "goal": ["race"],
        "priority": [""],
        "distance": ["10 parsecs", "10k"],
        "race_date": [(START - timedelta(days=1)).isoformat(), RACE.isoformat()],
        "target": ["45:00"],
        "weekly_km": ["30"],
        "recent": ["5k 22:30"],
        "experience": [""],
        "lifts": ["4", "1", "2"],
        "squat": ["100x5@8"],
        "deadlift": ["140"],
        "bench": [""],
        "equipment": ["barbell, rack, bench, dumbells", "barbell, rack, bench, dumbbells"],
        "mon": ["18:00-19:30"],
        "tue": ["-"],
        "wed": ["07:00-08:00, 18:00-19:30"],
        "thu": ["25:00-26:00", "none"],
        "fri": [""],
        "sat": ["08:00-11:00"],
        "sun": ["08:00-10:00"],
        "rest": ["1"],
        "wake": [""],
        "sleep": [""],
        "evidence": ["moderate"],
    }
    steps.update(changes)
    return [answer for step in steps.values() for answer in step]


def run_wizard(lines: list[str], monkeypatch: pytest.MonkeyPatch, target: Path) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    return main(["init", str(target)])


def test_wizard_writes_a_valid_profile(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "pat.yaml"
    code = run_wizard(answers(), monkeypatch, target)
    assert code == 0
    out = capsys.readouterr().out
    assert "birth date is in the future" in out  # and asked again
    assert "a date after" in out  # the start in the past was refused
    assert "IANA" in out
    profile = read_profile(target.read_text(encoding="utf-8"))
    assert profile.name == "Pat Runner"
    assert profile.timezone == "Europe/Vienna"
    assert profile.start_date == START
    assert profile.goal.kind is GoalKind.RACE
    assert profile.goal.priority is Priority.RUNNING
    assert profile.goal.race is not None
    assert profile.goal.race.target_time_s == 2700
    assert profile.lifting.sessions_per_week == 2
    assert profile.lifting.maxes["back-squat"].rpe == 8
    assert profile.lifting.maxes["deadlift"].one_rep_max_kg == 140
    assert "bench-press" not in profile.lifting.maxes
    assert [str(w) for w in profile.availability[Weekday.WED]] == ["07:00-08:00", "18:00-19:30"]
    # '-' and 'none' are no windows; Enter keeps the window shown.
    assert profile.availability[Weekday.TUE] == ()
    assert profile.availability[Weekday.THU] == ()
    assert [str(w) for w in profile.availability[Weekday.FRI]] == ["18:00-20:00"]
    assert profile.evidence_profile.value == "moderate"


def test_the_window_prompt_says_what_enter_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    run_wizard(answers(), monkeypatch, tmp_path / "pat.yaml")
    out = capsys.readouterr().out
    assert "Enter keeps the window shown; '-' (or 'none') for a day without training" in out
    assert "blank for none." not in out


def test_lifts_a_week_are_asked_within_sch_7(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """4 lifts with running first, and 1 lift, are asked again; the hint is SCH-7's."""
    run_wizard(answers(), monkeypatch, tmp_path / "pat.yaml")
    out = capsys.readouterr().out
    assert "Lifting sessions a week: 0 (no lifting), or 2-3 (2-4 when lifting comes first" in out
    assert out.count("sessions_per_week '") == 2


def test_race_distances_are_read_in_any_case(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "pat.yaml"
    code = run_wizard(answers(distance=["Half Marathon"], target=["1:45:00"]), monkeypatch, target)
    assert code == 0
    race = read_profile(target.read_text(encoding="utf-8")).goal.race
    assert race is not None
    assert race.distance_m == pytest.approx(21097.5)


def test_a_target_faster_than_the_record_is_asked_again(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "pat.yaml"
    code = run_wizard(answers(distance=["half"], target=["1:55", "1:55:00"]), monkeypatch, target)
    assert code == 0
    assert 'did you mean "1:55:00"?' in capsys.readouterr().out
    race = read_profile(target.read_text(encoding="utf-8")).goal.race
    assert race is not None
    assert race.target_time_s == 6900


@pytest.mark.parametrize(("tz", "zone"), [("UTC", "UTC"), ("America/Chicago", "America/Chicago")])
def test_the_time_zone_defaults_to_the_machines(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tz: str, zone: str
) -> None:
    monkeypatch.setenv("TZ", tz)
    assert machine_zone() == zone
    target = tmp_path / "pat.yaml"
    code = run_wizard(answers(zone=[""]), monkeypatch, target)
    assert code == 0
    assert read_profile(target.read_text(encoding="utf-8")).timezone == zone
    template = tmp_path / "template.yaml"
    assert main(["init", str(template), "--template", "race"]) == 0
    assert read_profile(template.read_text(encoding="utf-8")).timezone == zone


@pytest.mark.parametrize("goal", list(GoalKind))
def test_templates_are_valid_profiles(goal: GoalKind, tmp_path: Path) -> None:
    target = tmp_path / f"{goal}.yaml"
    assert main(["init", str(target), "--template", goal.value]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# runlift athlete profile")
    assert read_profile(text).goal.kind is goal
    assert "0 (no lifting), or 2-3 (2-4 when lifting comes first; SCH-7)" in text


def test_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("keep me", encoding="utf-8")
    assert main(["init", str(target), "--template", "race"]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert main(["init", str(target), "--template", "race", "--force"]) == 0
    assert target.read_text(encoding="utf-8") != "keep me"


@pytest.mark.parametrize("goal", list(GoalKind))
@pytest.mark.parametrize("start", [date(2026, 12, 7), date(2031, 5, 9)])
def test_template_dates_follow_the_start(goal: GoalKind, start: date) -> None:
    """A template written any day is valid: its race or test day comes after its start."""
    from runlift.io.profile_template import template_yaml  # noqa: PLC0415

    profile = read_profile(template_yaml(goal, start=start, timezone="UTC"))
    end = profile.goal.race.date if profile.goal.race is not None else profile.goal.date
    assert end is None or start < end <= start + timedelta(weeks=18)
