import io
from pathlib import Path

import pytest

from runlift.cli.app import main
from runlift.io.profile import read_profile
from runlift.vocabulary import GoalKind, Priority, Weekday

ANSWERS = [
    "Pat Runner",  # name
    "male",  # sex
    "1991-13-40",  # birth date: invalid, asked again
    "1991-05-06",
    "500",  # height: out of range, asked again
    "180",
    "75",  # mass
    "",  # body fat: unknown
    "Mars/Base",  # time zone: invalid
    "Europe/Vienna",
    "2026-12-07",  # start
    "race",
    "",  # priority: default running
    "10 parsecs",  # race distance: invalid
    "10k",
    "2026-11-01",  # race date before start: invalid
    "2027-03-21",
    "45:00",  # target
    "30",  # weekly km
    "5k 22:30",  # recent race
    "",  # experience default
    "2",  # lifts
    "100x5@8",  # back squat
    "140",  # deadlift 1RM
    "",  # bench unknown
    "barbell, rack, bench, dumbells",  # misspelt equipment: asked again
    "barbell, rack, bench, dumbbells",
    "18:00-19:30",  # mon
    "",  # tue: none
    "07:00-08:00, 18:00-19:30",  # wed
    "25:00-26:00",  # thu: invalid, asked again
    "-",
    "18:00-20:00",  # fri
    "08:00-11:00",  # sat
    "08:00-10:00",  # sun
    "1",  # rest days
    "",  # wake default
    "",  # sleep default
    "moderate",
]


def test_wizard_writes_a_valid_profile(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(ANSWERS) + "\n"))
    target = tmp_path / "pat.yaml"
    assert main(["init", str(target)]) == 0
    out = capsys.readouterr().out
    assert "birth date" in out  # the invalid date was explained
    assert "Europe/Berlin" in out or "IANA" in out
    profile = read_profile(target.read_text(encoding="utf-8"))
    assert profile.name == "Pat Runner"
    assert profile.timezone == "Europe/Vienna"
    assert profile.goal.kind is GoalKind.RACE
    assert profile.goal.priority is Priority.RUNNING
    assert profile.goal.race is not None
    assert profile.goal.race.target_time_s == 2700
    assert profile.lifting.maxes["back-squat"].rpe == 8
    assert profile.lifting.maxes["deadlift"].one_rep_max_kg == 140
    assert "bench-press" not in profile.lifting.maxes
    assert [str(w) for w in profile.availability[Weekday.WED]] == ["07:00-08:00", "18:00-19:30"]
    assert profile.availability[Weekday.THU] == ()
    assert profile.evidence_profile.value == "moderate"


@pytest.mark.parametrize("goal", list(GoalKind))
def test_templates_are_valid_profiles(goal: GoalKind, tmp_path: Path) -> None:
    target = tmp_path / f"{goal}.yaml"
    assert main(["init", str(target), "--template", goal.value]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# runlift athlete profile")
    assert read_profile(text).goal.kind is goal


def test_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("keep me", encoding="utf-8")
    assert main(["init", str(target), "--template", "race"]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert main(["init", str(target), "--template", "race", "--force"]) == 0
    assert target.read_text(encoding="utf-8") != "keep me"
