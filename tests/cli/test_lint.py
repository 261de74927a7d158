import json
from pathlib import Path
from typing import Any

import pytest

from runlift.cli.app import main
from runlift.domain.quantities import quantity

ICS = Path(__file__).parents[1] / "fixtures" / "ics"

PLANTED = """BEGIN:VEVENT
DTSTART:20241004T200000Z
DTEND:20241004T205000Z
DTSTAMP:20241004T175945Z
UID:planted-intervals@example.com
SUMMARY:Intervals 6x800m
END:VEVENT
BEGIN:VEVENT
DTSTART:20241001T060000Z
DTEND:20241001T070000Z
DTSTAMP:20241004T175945Z
UID:planted-upper@example.com
SUMMARY:Upper body: bench and rows
END:VEVENT
END:VCALENDAR
"""


def planted_google_calendar(tmp_path: Path) -> Path:
    """A real Google Calendar export with a leg day and intervals an hour apart."""
    original = (ICS / "google-calendar_export_vtimezone-valarm.ics").read_text(encoding="utf-8")
    text = original.replace("SUMMARY:event with alarms", "SUMMARY:Leg day: squats")
    text = text.replace("END:VCALENDAR\n", PLANTED).replace("END:VCALENDAR\r\n", PLANTED)
    path = tmp_path / "google.ics"
    path.write_text(text, encoding="utf-8")
    return path


def lint_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code = main(["lint", *argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_planted_violations_in_a_google_calendar_are_found(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, report = lint_json(
        capsys,
        str(planted_google_calendar(tmp_path)),
        "--goal",
        "strength",
        "--priority",
        "lifting",
    )
    assert code == 1
    assert report["sessions"] == 3
    assert report["timezone"] == "Europe/London"
    violations = report["violations"]
    assert isinstance(violations, list)
    by_rule = {v["rule"]: v for v in violations if v["hard"]}
    assert {"SCH-1", "SCH-4"} <= set(by_rule)
    sch1 = by_rule["SCH-1"]
    assert sch1["measured"] == pytest.approx(1.0)
    assert sch1["limit"] == 6.0
    assert [s["title"] for s in sch1["sessions"]] == ["Leg day: squats", "Intervals 6x800m"]
    # Shown in the calendar's zone (BST), not UTC.
    assert sch1["sessions"][0]["start"] == "19:15"
    assert "G1" in sch1["sources"]
    assert sch1["fix"]


def test_moderate_profile_relaxes_the_same_day_gap(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = planted_google_calendar(tmp_path)
    _, default = lint_json(capsys, str(path))
    _, moderate = lint_json(capsys, str(path), "--profile", "moderate")
    limit = {v["rule"]: v["limit"] for v in default["violations"] if v["rule"] == "SCH-1"}
    relaxed = {v["rule"]: v["limit"] for v in moderate["violations"] if v["rule"] == "SCH-1"}
    assert limit == {"SCH-1": 6.0}
    assert relaxed == {"SCH-1": 4.0}


def test_human_report_names_rule_sessions_and_fix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["lint", str(planted_google_calendar(tmp_path))]) == 1
    out = capsys.readouterr().out
    assert "HARD SCH-1" in out
    assert "Leg day: squats" in out
    assert "fix:" in out
    assert "Sources:" in out


def test_clean_calendar_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "date,start,end,title\n"
        "2026-03-02,07:00,08:00,Full body: squat bench row\n"
        "2026-03-03,18:00,19:00,Easy run\n"
        "2026-03-04,07:00,08:00,Full body: deadlift press pull-ups\n"
        "2026-03-06,18:00,19:00,Easy run\n",
        encoding="utf-8",
    )
    code, report = lint_json(capsys, str(plan), "--timezone", "Europe/Berlin")
    assert [v for v in report["violations"] if v["hard"]] == []
    assert code == 0


def test_all_day_plan_from_another_app(capsys: pytest.CaptureFixture[str]) -> None:
    code, report = lint_json(
        capsys,
        str(ICS / "training-plan_5k_run-plus-strength_no-dtstamp.ics"),
        "--goal",
        "race",
        "--priority",
        "running",
    )
    assert report["sessions"] == 20
    assert report["untimed_sessions"] == 20
    assert report["ignored_events"] == 4
    rules = {v["rule"] for v in report["violations"]}
    # All-day events are judged by date only: no hour-gap rule fires on them.
    assert not rules & {"SCH-1", "SCH-3", "SCH-4", "SCH-9"}
    assert "SCH-7" in rules
    assert code == 1


@pytest.mark.parametrize(
    "name",
    [
        "google-calendar_export_vtimezone-valarm.ics",
        "thunderbird_export_vtimezone.ics",
        "tzid-without-vtimezone.ics",
        "corrupt/bom_empty-calendar.ics",
    ],
)
def test_calendars_without_training_are_clean(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, report = lint_json(capsys, str(ICS / name))
    assert code == 0
    assert report["sessions"] == 0
    assert report["violations"] == []


@pytest.mark.parametrize("title", ["An Event with too many semicolons", "Squats"])
def test_an_unreadable_event_is_named_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, title: str
) -> None:
    """Whatever the event is about, one the rules could not judge is never silence."""
    text = (ICS / "corrupt" / "broken_double-semicolon-param.ics").read_text(encoding="utf-8")
    path = tmp_path / "broken.ics"
    path.write_text(text.replace("An Event with too many semicolons", title), encoding="utf-8")
    assert main(["lint", str(path)]) == 1
    captured = capsys.readouterr()
    assert "No rule is broken." not in captured.out
    assert "unreadable events: 1" in captured.out
    (warning,) = captured.err.splitlines()
    assert warning.startswith(f"warning: {path}: could not read event '{title}': ")
    assert "DTSTART" in warning
    code, report = lint_json(capsys, str(path))
    assert code == 1
    assert len(report["unreadable_events"]) == 1


def test_a_training_event_without_a_start_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "no-start.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Intervals\nUID:x\nEND:VEVENT\nEND:VCALENDAR\n",
        encoding="utf-8",
    )
    assert main(["lint", str(path)]) == 1
    assert "could not read event 'Intervals': it has no start (DTSTART)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content"),
    [("x.ics", b"not a calendar"), ("x.csv", b"a,b\n1,2\n"), ("x.json", b'{"weeks": 3}')],
)
def test_unreadable_files_are_bad_input_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["lint", str(path)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: {path}: cannot read ")


def test_text_report_says_one_day_not_one_days(capsys: pytest.CaptureFixture[str]) -> None:
    plan = ICS / "training-plan_5k_run-plus-strength_no-dtstamp.ics"
    assert main(["lint", str(plan)]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "measured 1 day, limit 2 days" in out
    assert "1 days" not in out


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (1, "days", "1 day"),
        (2, "days", "2 days"),
        (0, "rest days", "0 rest days"),
        (1, "rest days", "1 rest day"),
        (1, "runs before", "1 run before"),
        (1, "h", "1 h"),
        (1.5, "points", "1.5 points"),
        (1, "training runs", "1 training run"),
        (1, "more lifts", "1 more lift"),
        (7, "items", "7 items"),
        (1, "soft findings", "1 soft finding"),
    ],
)
def test_quantities_read_in_the_singular_after_one(value: float, unit: str, text: str) -> None:
    assert quantity(value, unit) == text
