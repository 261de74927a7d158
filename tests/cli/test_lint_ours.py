"""``runlift lint`` on runlift's own exports: plan.json and plan.ics of the example plan."""

import dataclasses
import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

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
        assert "Hard rules broken: 0;" in out or "No rule is broken." in out


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


def _own_files(plan: Plan, profile: AthleteProfile, folder: Path) -> dict[str, Path]:
    """plan.json and plan.ics as ``runlift plan`` writes them: with the athlete in them."""
    json_path = folder / "own.json"
    json_path.write_text(
        dumps(plan_dict(plan, timezone=profile.timezone, profile=profile)), encoding="utf-8"
    )
    ics_path = folder / "own.ics"
    ics_path.write_text(
        write_plan_ics(plan, timezone=profile.timezone, profile=profile), newline=""
    )
    return {"json": json_path, "ics": ics_path}


def _own_lint(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, dict[str, Any]]:
    code = main(["lint", str(path), "--json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out)


def test_our_calendar_carries_the_athlete_and_lints_as_plan_json(
    plan: Plan, profile: AthleteProfile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = _own_files(plan, profile, tmp_path)
    code_json, from_json = _own_lint(capsys, own["json"])
    code_ics, from_ics = _own_lint(capsys, own["ics"])
    assert code_json == code_ics == 0
    for report in (from_json, from_ics):
        assert (report["goal"], report["priority"]) == ("race", "running")
        assert report["profile"] == profile.evidence_profile.value
        assert report["rest_days_min"] == profile.rest_days_min
        assert report["windows_known"] is True
    # A calendar carries no RPE or session IDs, so among re-placements that save the
    # same points the fix may move a session to another equally good start: the
    # findings, the sessions moved and the points saved are the same.
    assert [_fix_free(v) for v in from_json["violations"]] == [
        _fix_free(v) for v in from_ics["violations"]
    ]
    assert [v for v in from_json["violations"] if v["hard"]] == []


_MOVE = re.compile(r"move '([^']*)' to [^;(]*")


def _fix_free(violation: dict[str, Any]) -> dict[str, Any]:
    """A finding with its fix reduced to the sessions it moves and the points it saves."""
    fix = violation.get("fix")
    if not isinstance(fix, str):
        return violation
    return {**violation, "fix": _MOVE.sub(r"move '\1' ", fix)}


def test_soft_findings_read_as_costs_adding_up_to_the_weeks_total(
    plan: Plan, profile: AthleteProfile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = _own_files(plan, profile, tmp_path)
    _, report = _own_lint(capsys, own["json"])
    soft = [v for v in report["violations"] if not v["hard"]]
    assert soft
    by_week: dict[str, int] = {}
    for finding in soft:
        assert finding["cost_points"] > 0
        by_week[finding["week"]] = by_week.get(finding["week"], 0) + finding["cost_points"]
    for finding in soft:
        assert finding["week_cost_points"] == by_week[finding["week"]]
    assert main(["lint", str(own["json"])]) == 0
    text = capsys.readouterr().out
    assert "limit 0 points" not in text
    assert "cost 5 points; the week's total" in text
    assert "Hard rules broken: 0;" in text


def test_fixes_for_our_plan_are_checked_and_never_move_the_race(
    plan: Plan, profile: AthleteProfile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The placement found each week's least cost: lint confirms it inside the windows."""
    own = _own_files(plan, profile, tmp_path)
    for path in own.values():
        for goal in ([], ["--goal", "general_fitness"]):
            assert main(["lint", str(path), "--json", *goal]) == 0
            report = json.loads(capsys.readouterr().out)
            for finding in report["violations"]:
                assert finding["fix_checked"], finding
                assert "move 'Race:" not in finding["fix"]


def _window_holds(profile: AthleteProfile, start: datetime, minutes: int) -> bool:
    from runlift.vocabulary import Weekday  # noqa: PLC0415

    day = list(Weekday)[start.weekday()]
    begin = start.hour * 60 + start.minute
    return any(
        w.start_min <= begin and begin + minutes <= w.end_min
        for w in profile.availability.get(day, ())
    )


def test_a_misplaced_lift_gets_a_checked_move_inside_the_windows(
    plan: Plan, profile: AthleteProfile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lift moved to an hour after a run (SCH-1, hard): the fix moves it into a window."""
    week = plan.weeks[2]
    lift = next(s for s in week.sessions if s.scheduled.spec.modality.value == "lift")
    zone = ZoneInfo(profile.timezone)
    length = lift.scheduled.end - lift.scheduled.start
    run, start = next(
        (s, s.scheduled.end.astimezone(zone) + timedelta(minutes=15))
        for s in week.sessions
        if s.scheduled.spec.modality.value == "run"
        and _window_holds(
            profile,
            s.scheduled.end.astimezone(zone) + timedelta(minutes=15),
            int(length.total_seconds() // 60),
        )
    )
    moved = dataclasses.replace(
        lift, scheduled=dataclasses.replace(lift.scheduled, start=start, end=start + length)
    )
    days = tuple(
        dataclasses.replace(
            day,
            sessions=tuple(
                sorted(
                    [s for s in day.sessions if s is not lift]
                    + ([moved] if day.date == start.date() else []),
                    key=lambda s: s.scheduled.start,
                )
            ),
        )
        for day in week.days
    )
    weeks = list(plan.weeks)
    weeks[2] = dataclasses.replace(week, days=days)
    changed = dataclasses.replace(plan, weeks=tuple(weeks))
    own = _own_files(changed, profile, tmp_path)
    code, report = _own_lint(capsys, own["json"])
    assert code == 1
    broken = [v for v in report["violations"] if v["hard"]]
    assert broken
    title = lift.scheduled.spec.title
    for finding in broken:
        assert finding["fix_checked"]
        assert run.scheduled.spec.title in {s["title"] for s in finding["sessions"]}
        for name, when in re.findall(
            r"move '(.+?)' to \w{3} (\d{4}-\d\d-\d\d \d\d:\d\d)", finding["fix"]
        ):
            if name == title:
                at = datetime.fromisoformat(when)
                assert _window_holds(profile, at, int(length.total_seconds() // 60))
        assert f"move '{title}' to " in finding["fix"]


def test_without_windows_a_fix_never_moves_the_race(
    plan: Plan, profile: AthleteProfile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As general fitness the race week breaks SCH-8; the checker would move the race."""
    own = _own_files(plan, profile, tmp_path)
    text = own["ics"].read_text(encoding="utf-8")
    bare = tmp_path / "bare.ics"
    bare.write_text(
        "".join(line for line in text.splitlines(keepends=True) if "AVAILABILITY" not in line),
        newline="",
    )
    assert main(["lint", str(bare), "--goal", "general_fitness", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["windows_known"] is False
    with_race = [
        v
        for v in report["violations"]
        if any(s["title"].startswith("Race:") for s in v["sessions"])
    ]
    assert with_race
    for finding in with_race:
        assert not finding["fix_checked"]
        assert "move 'Race:" not in finding["fix"]
