import json
from pathlib import Path

import pytest

from runlift.cli.app import main

EXAMPLES = Path(__file__).parents[2] / "examples" / "athletes"
HALF = EXAMPLES / "half-marathon-lifter.yaml"


@pytest.fixture(scope="module")
def plan_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("plan")
    assert main(["plan", str(HALF), "-o", str(out), "--quiet"]) == 0
    return out


def test_plan_writes_plan_json(plan_dir: Path) -> None:
    data = json.loads((plan_dir / "plan.json").read_text(encoding="utf-8"))
    assert data["format"] == "runlift-plan"
    assert data["athlete"] == "Alex Example"
    first = data["weeks"][0]
    assert {"index", "block", "phase", "deload", "days"} <= set(first)
    session = next(s for d in first["days"] for s in d["sessions"])
    assert {"id", "modality", "kind", "title", "start", "end", "prescription"} <= set(session)
    assert session["start"].endswith("+01:00")
    assert session["rules"]
    assert session["explanation"]


def test_same_profile_same_bytes(plan_dir: Path, tmp_path: Path) -> None:
    assert main(["plan", str(HALF), "-o", str(tmp_path), "--quiet"]) == 0
    assert (tmp_path / "plan.json").read_bytes() == (plan_dir / "plan.json").read_bytes()


def test_summary_is_printed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["plan", str(HALF), "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Alex Example: 18 weeks" in out
    assert "plan.json" in out


def test_bad_profile_writes_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(HALF.read_text(encoding="utf-8").replace("mass_kg: 64", "mass_kg: -3"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["plan", str(bad), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "mass_kg" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_an_output_that_is_a_file_is_refused_before_planning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    taken = tmp_path / "plan-output"
    taken.write_text("mine", encoding="utf-8")
    assert main(["plan", str(HALF), "-o", str(taken), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "--output" in err
    assert "this is a file" in err
    assert taken.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan-output"]


def test_show_week(capsys: pytest.CaptureFixture[str], plan_dir: Path) -> None:
    assert main(["show", str(plan_dir / "plan.json"), "--week", "2"]) == 0
    out = capsys.readouterr().out
    assert "Week 2 from Mon 14 Dec 2026" in out
    assert "/km" in out
    assert main(["show", str(plan_dir / "plan.json"), "--week", "99"]) == 1
    assert "--week" in capsys.readouterr().err


def test_show_all_weeks(capsys: pytest.CaptureFixture[str], plan_dir: Path) -> None:
    assert main(["show", str(plan_dir / "plan.json")]) == 0
    out = capsys.readouterr().out
    assert "Week 1 " in out
    assert "Week 18 " in out


def test_explain(capsys: pytest.CaptureFixture[str], plan_dir: Path) -> None:
    data = json.loads((plan_dir / "plan.json").read_text(encoding="utf-8"))
    session = next(s for d in data["weeks"][2]["days"] for s in d["sessions"])
    assert main(["explain", str(plan_dir / "plan.json"), session["id"]]) == 0
    out = capsys.readouterr().out
    assert session["title"] in out
    assert "Why here" in out
    for rule_id in session["rules"]:
        assert rule_id in out
    assert main(["explain", str(plan_dir / "plan.json"), "w99-run7"]) == 1
    assert "SESSION_ID" in capsys.readouterr().err


def test_show_rejects_a_non_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text('{"weeks": 3}', encoding="utf-8")
    assert main(["show", str(other)]) == 1
    assert "not a runlift plan" in capsys.readouterr().err


def test_the_plan_folder_stands_for_its_plan_json(
    capsys: pytest.CaptureFixture[str], plan_dir: Path
) -> None:
    file_args = [str(plan_dir / "plan.json")]
    for command in (["show", "--week", "1"], ["nutrition", "--json"], ["lint", "--json"]):
        assert main([*command, *file_args]) == 0
        from_file = capsys.readouterr().out
        assert main([*command, str(plan_dir)]) == 0
        from_folder = capsys.readouterr().out
        # lint's JSON names the file it read; everything else is the same.
        assert from_folder.replace(str(plan_dir), "F") == from_file.replace(file_args[0], "F")
    data = json.loads((plan_dir / "plan.json").read_text(encoding="utf-8"))
    session = next(s for d in data["weeks"][0]["days"] for s in d["sessions"])
    assert main(["explain", str(plan_dir), session["id"]]) == 0
    assert session["title"] in capsys.readouterr().out


def test_a_folder_without_a_plan_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["show", str(tmp_path)]) == 1
    assert "holds no plan.json" in capsys.readouterr().err
    assert main(["nutrition", str(tmp_path)]) == 1
    assert "holds no plan.json" in capsys.readouterr().err
    assert main(["lint", str(tmp_path)]) == 1
    assert "holds no plan.json" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [
        ["plan", "{missing}"],
        ["show", "{missing}"],
        ["explain", "{missing}", "w01-run1"],
        ["nutrition", "{missing}"],
        ["lint", "{missing}"],
        ["calc", "load", "{missing}"],
    ],
)
def test_a_missing_file_is_bad_input_exit_1_in_every_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    missing = str(tmp_path / "absent.yaml")
    assert main([part.replace("{missing}", missing) for part in command]) == 1
    assert capsys.readouterr().err.splitlines() == [f"error: {missing}: no such file"]


@pytest.mark.parametrize(
    "command", [["plan"], ["plan", "a.yaml", "--bogus"], ["lint"], ["calc", "vdot"], ["nope"]]
)
def test_usage_errors_exit_2_in_every_command(command: list[str]) -> None:
    assert main(command) == 2


def _profile(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    text = HALF.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "athlete.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_quiet_prints_warnings_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["plan", str(HALF), "-o", str(tmp_path / "out"), "-q"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert all(line.startswith("warning: ") for line in captured.err.splitlines())


def test_every_override_and_caution_is_a_warning_with_its_rule(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    profile = _profile(
        tmp_path,
        ("sessions_per_week: 2", "sessions_per_week: 3"),
        ("weekly_km: 25", "weekly_km: 250"),
        ("rest_days_min: 1", "rest_days_min: 3"),
        ('target_time: "1:45:00"', 'target_time: "1:30:00"'),
    )
    out = tmp_path / "out"
    assert main(["plan", str(profile), "-o", str(out), "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    report = json.loads(captured.out)
    assert report["files"] == sorted(p.name for p in out.iterdir())
    by_field = {w["field"]: w for w in report["warnings"]}
    lifts = by_field["lifting.sessions_per_week"]
    assert (lifts["kind"], lifts["rule"], lifts["asked"]) == ("override", "RUN-3", "3 lifts a week")
    assert lifts["planned"] == "2 a week"
    assert "lifts drop from 3 to 2" in lifts["reason"]
    distance = by_field["running.weekly_km"]
    assert distance["asked"] == "250 km a week"
    assert "capped" in distance["reason"]
    rest = by_field["rest_days_min"]
    assert (rest["rule"], rest["asked"]) == ("SCH-10", "3 rest days a week")
    target = by_field["goal.race.target_time"]
    assert target["kind"] == "caution"
    assert "the target 1:30:00 needs VDOT" in target["asked"]
    # The same warnings, one line each, in the plain output; the caution in the report.
    assert main(["plan", str(profile), "-o", str(out), "-q"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert [w["text"] for w in report["warnings"]] == [
        line.removeprefix("warning: ") for line in lines
    ]
    page = (out / "report.html").read_text(encoding="utf-8")
    notices = page[page.index('<section class="notices"') : page.index("</header>")]
    assert '<li class="notice caution">' in notices
    assert "the target 1:30:00 needs VDOT" in notices
    assert '<li class="notice override">' in notices
    assert "rest_days_min" in notices
    goal_line = page[page.index('<p class="goal-detail">') :]
    assert "caution" not in goal_line[: goal_line.index("</p>")]


def test_profile_errors_are_one_line_each_naming_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    profile = _profile(tmp_path, ("sex: female\n", ""), ("mass_kg: 64", "mass_kgs: 64"))
    assert main(["plan", str(profile), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"error: {profile}: mass_kgs: not a profile field; did you mean mass_kg?",
        f"error: {profile}: sex: required (male | female)",
    ]
    long = _profile(tmp_path, ('target_time: "1:45:00"', 'target_time: "1:55"'))
    assert main(["plan", str(long), "-o", str(tmp_path / "out")]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert len(line) > 80  # one line, not wrapped at 80 columns
    assert line.startswith(f"error: {long}: goal.race.target_time '1:55': did you mean ")


def test_an_unplaceable_week_names_its_rules_and_checked_changes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Lifts that fit only one window: RL-1 and the windows collide; advice fits the case."""
    profile = _profile(
        tmp_path,
        ('mon: ["06:30-07:30", "18:00-20:00"]', 'mon: ["06:30-07:00"]'),
        ('tue: ["12:00-13:00"]', 'tue: ["06:30-07:00"]'),
        ('wed: ["06:30-07:30", "18:00-20:00"]', "wed: []"),
        ('fri: ["18:00-20:00"]', "fri: []"),
        ('sun: ["08:00-11:00"]', "sun: []"),
        ("evidence_profile: default", "evidence_profile: moderate"),
    )
    out = tmp_path / "out"
    assert main(["plan", str(profile), "-o", str(out)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert (
        lines[0] == "error: week 1 (from 2026-12-07) cannot be placed: RL-1, availability collide"
    )
    assert "  any one of these changes would make the week work:" in lines
    changes = [line for line in lines if line.startswith("  - ")]
    assert changes
    assert any("window" in change for change in changes)
    assert not any("evidence profile moderate" in line for line in lines)
    assert not out.exists()


def test_explain_says_what_each_guidance_document_is(
    capsys: pytest.CaptureFixture[str], plan_dir: Path
) -> None:
    data = json.loads((plan_dir / "plan.json").read_text(encoding="utf-8"))
    session = next(s for d in data["weeks"][2]["days"] for s in d["sessions"])
    assert main(["explain", str(plan_dir), session["id"]]) == 0
    out = capsys.readouterr().out
    assert "Guidance documents:" in out
    assert "  G3 Combining running and lifting: " in out


@pytest.mark.parametrize("command", [["show"], ["explain", "{f}", "w01-run1"], ["lint"]])
def test_a_profile_given_for_a_plan_says_what_to_run_first(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    args = [part.replace("{f}", str(HALF)) for part in command]
    if str(HALF) not in args:
        args.append(str(HALF))
    assert main(args) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.endswith(
        f"this is an athlete profile, not a plan: run `runlift plan {HALF} -o out`, "
        "then give the folder out"
    )
