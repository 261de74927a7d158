"""``runlift lint`` on runlift's own exports: plan.json and plan.ics of the example plan."""

import json
from pathlib import Path
from typing import Any

import pytest

from runlift.cli.app import main
from runlift.domain.athlete import AthleteProfile
from runlift.domain.plan import Plan
from runlift.io.ics_export import write_plan_ics
from runlift.io.plan_json import dumps, plan_dict, read_plan_sessions
from runlift.io.profile import read_profile
from runlift.programme.assembly import build_plan
from runlift.reference.exercises import exercise_library

EXAMPLE = Path(__file__).parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"
GOAL = ["--goal", "race", "--priority", "running"]


@pytest.fixture(scope="module")
def profile() -> AthleteProfile:
    return read_profile(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan(profile: AthleteProfile) -> Plan:
    return build_plan(profile, library=exercise_library())


@pytest.fixture
def files(plan: Plan, profile: AthleteProfile, tmp_path: Path) -> dict[str, Path]:
    json_path = tmp_path / "plan.json"
    json_path.write_text(dumps(plan_dict(plan, timezone=profile.timezone)), encoding="utf-8")
    ics_path = tmp_path / "plan.ics"
    ics_path.write_text(write_plan_ics(plan, timezone=profile.timezone), newline="")
    return {"json": json_path, "ics": ics_path}


def lint_json(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, dict[str, Any]]:
    code = main(["lint", str(path), *GOAL, "--json"])
    captured = capsys.readouterr()
    assert captured.err == ""
    return code, json.loads(captured.out)


def session_count(plan: Plan) -> int:
    return sum(len(week.sessions) for week in plan.weeks)


def test_plan_json_reads_back_every_session(plan: Plan, files: dict[str, Path]) -> None:
    imported = read_plan_sessions(files["json"].read_text(encoding="utf-8"))
    ours = [s.scheduled for week in plan.weeks for s in week.sessions]
    assert imported.timezone == "Europe/Berlin"
    assert imported.ignored == ()
    assert len(imported.sessions) == len(ours)
    by_id = {s.spec.id: s for s in imported.sessions}
    for session in ours:
        read = by_id[session.spec.id]
        assert (read.start, read.end) == (session.start, session.end)
        assert read.spec.kind is session.spec.kind
        assert read.spec.muscle_groups == session.spec.muscle_groups
        assert read.spec.contains_explosive == session.spec.contains_explosive
        assert read.spec.key == session.spec.key


@pytest.mark.parametrize("fmt", ["json", "ics"])
def test_our_files_break_no_hard_rule(
    fmt: str, plan: Plan, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, report = lint_json(capsys, files[fmt])
    assert code == 0
    assert report["sessions"] == session_count(plan)
    assert report["ignored_events"] == 0
    assert report["untimed_sessions"] == 0
    assert report["timezone"] == "Europe/Berlin"
    assert [v for v in report["violations"] if v["hard"]] == []


def test_both_files_lint_alike(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    _, from_json = lint_json(capsys, files["json"])
    _, from_ics = lint_json(capsys, files["ics"])
    assert from_json["violations"] == from_ics["violations"]


def test_files_named_otherwise_are_read_by_content(
    files: dict[str, Path], tmp_path: Path, plan: Plan, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt, source in files.items():
        renamed = tmp_path / f"export-{fmt}.txt"
        renamed.write_bytes(source.read_bytes())
        code, report = lint_json(capsys, renamed)
        assert code == 0
        assert report["sessions"] == session_count(plan)


def test_the_text_report_says_no_hard_rule_is_broken(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    for path in files.values():
        assert main(["lint", str(path), *GOAL]) == 0
        out = capsys.readouterr().out
        assert "0 hard" in out or "No rule is broken" in out


def test_plan_json_judged_by_the_athletes_own_goal(
    plan: Plan, profile: AthleteProfile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.json"
    path.write_text(
        dumps(plan_dict(plan, timezone=profile.timezone, profile=profile)), encoding="utf-8"
    )
    imported = read_plan_sessions(path.read_text(encoding="utf-8"))
    assert imported.context is not None
    assert imported.context.goal is profile.goal.kind
    assert imported.context.rest_days_min == profile.rest_days_min

    assert main(["lint", str(path), "--json"]) == 0
    own = json.loads(capsys.readouterr().out)
    assert (own["goal"], own["priority"]) == ("race", "running")
    assert own["profile"] == profile.evidence_profile.value
    _, explicit = lint_json(capsys, path)
    assert own["violations"] == explicit["violations"]

    # Options still override what the file says: as general fitness the plan's two
    # lift days in a row are an SCH-8 finding, which the race goal does not judge.
    assert main(["lint", str(path), "--goal", "general_fitness", "--json"]) == 0
    overridden = json.loads(capsys.readouterr().out)
    assert overridden["goal"] == "general_fitness"
    assert overridden["priority"] == "running"
    assert not any(v["rule"] == "SCH-8" for v in own["violations"])
    assert any(v["rule"] == "SCH-8" for v in overridden["violations"])


def test_a_plan_json_without_a_rules_context_uses_the_defaults(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert read_plan_sessions(files["json"].read_text(encoding="utf-8")).context is None
    main(["lint", str(files["json"]), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert (report["goal"], report["priority"], report["rest_days_min"]) == (
        "general_fitness",
        "balanced",
        1,
    )
