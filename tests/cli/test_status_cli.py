"""``runlift status`` on a real store (SQLite and PostgreSQL) with a logged week."""

from __future__ import annotations

import json
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from log_builders import HALF
from runlift.cli.app import main
from runlift.domain.plan import Plan
from runlift.domain.prescription import LiftPrescription, RunPrescription
from runlift.science.ability import strength_retention
from runlift.science.running import vdot
from runlift.science.strength import percent_one_rep_max
from runlift.store.repository import Store

STATUS_KEYS = {"athlete", "plan_version", "today", "sessions", "load", "estimates", "readiness"}


def _out(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


def _plan(store_url: str) -> Plan:
    with Store(store_url) as store:
        return store.plan_version("alex-example").plan


def _log_first_week(store_url: str, plan: Plan) -> dict[str, Any]:
    """Log the plan's first week: two runs done, one short, a lift with its sets, a race,
    a lift missed, and a check-in every morning; returns what was logged."""
    week = plan.weeks[0]
    runs = [s for s in week.sessions if isinstance(s.prescription, RunPrescription)]
    lifts = [s for s in week.sessions if isinstance(s.prescription, LiftPrescription)]
    db = ["--db", store_url]
    assert main(["log", "done", runs[0].scheduled.id, "--rpe", "4", *db]) == 0
    assert main(["log", "done", runs[1].scheduled.id, "--duration", "15", *db]) == 0
    squat = lifts[0]
    assert isinstance(squat.prescription, LiftPrescription)
    main_lift = squat.prescription.exercises[0]
    assert main_lift.load_kg is not None
    load = main_lift.load_kg
    day = squat.scheduled.local_date.isoformat()
    time = f"{squat.scheduled.start:%H:%M}"
    sets = f"{main_lift.sets}x{main_lift.reps}@{load:g}kg@8"
    assert main(["log", "lift", "--date", day, "--time", time, "--exercise", main_lift.exercise,
                 "--sets", f"5@{load / 2:g}kg", "--exercise", main_lift.exercise,
                 "--sets", sets, "--rpe", "7", "--duration", "45", *db]) == 0  # fmt: skip
    assert main(["log", "missed", lifts[1].scheduled.id, "--reason", "time", *db]) == 0
    sunday = week.start + timedelta(days=6)
    assert main(["log", "run", "--date", sunday.isoformat(), "--time", "09:00", "--distance",
                 "5", "--duration", "24:30", "--race", "--rpe", "9", *db]) == 0  # fmt: skip
    for offset in range(7):
        morning = (week.start + timedelta(days=offset)).isoformat()
        args = ["log", "checkin", "--date", morning, "--sleep", "8", "--soreness", "2"]
        assert main([*args, "--mood", "1", "--mass", f"{64 - offset * 0.1:.1f}", *db]) == 0
    return {
        "runs": runs,
        "lifts": lifts,
        "main_lift": main_lift,
        "load": load,
        "sunday": sunday,
    }


def test_status_of_a_logged_week(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["athlete", "add", str(HALF), "--db", store_url, "--id", "alex-example"]) == 0
    plan = _plan(store_url)
    logged = _log_first_week(store_url, plan)
    runs, lifts, sunday = logged["runs"], logged["lifts"], logged["sunday"]
    capsys.readouterr()
    with Store(store_url) as store:
        stored = store.activities("alex-example")
    lift = next(a for a in stored if a.activity.sets)
    # The session's RPE is the lift's; each set keeps its own (the warm-up was unrated).
    assert lift.rpe == 7
    assert [s.rpe for s in lift.activity.sets] == [None] + [8.0] * logged["main_lift"].sets
    assert [a.activity.name for a in stored if a.activity.name == "Race"] == ["Race"]

    assert main(["status", "--today", sunday.isoformat(), "--db", store_url, "--json"]) == 0
    status = _out(capsys)
    assert set(status) >= STATUS_KEYS
    assert (status["athlete"], status["plan_version"], status["today"]) == (
        "alex-example",
        1,
        sunday.isoformat(),
    )
    rows = {row["id"]: row for row in status["sessions"] if row["id"] is not None}
    assert {k for row in status["sessions"] for k in row} >= {
        "id",
        "date",
        "modality",
        "kind",
        "status",
    }
    assert rows[runs[0].scheduled.id]["status"] == "done"
    assert rows[runs[1].scheduled.id]["status"] == "partial"
    assert rows[lifts[0].scheduled.id]["status"] == "done"
    assert rows[lifts[1].scheduled.id]["status"] == "missed"
    statuses = {row["status"] for row in status["sessions"]}
    assert statuses <= {"planned", "done", "partial", "missed", "extra"}

    # Loads, from what was logged: RPE x minutes, the planned RPE where none was given.
    first_run = 4 * runs[0].prescription.duration_min
    short_run = runs[1].prescription.rpe * 15
    lift_load = 7 * 45
    race = 9 * 24.5
    done_au = first_run + short_run + lift_load + race
    assert rows[runs[0].scheduled.id]["load_au"] == pytest.approx(first_run, abs=0.1)
    assert rows[lifts[0].scheduled.id]["load_au"] == pytest.approx(lift_load, abs=0.1)
    assert status["week"]["actual_load_au"] == pytest.approx(done_au, abs=0.2)
    assert status["load"]["actual"]["week_au"] == pytest.approx(done_au, abs=0.2)
    planned_au = sum(
        s.prescription.duration_min * s.prescription.rpe for s in plan.weeks[0].sessions
    )
    assert status["week"]["planned_load_au"] == pytest.approx(planned_au, abs=0.2)
    load = status["load"]
    assert set(load) >= {"acute", "chronic", "acwr", "ctl", "atl", "tsb"}
    assert load["acwr"] is None  # a week of history, not 28 days
    assert load["history_days"] == 7
    assert load["atl"] > load["ctl"] > 0

    # Estimates: the race gives the VDOT, the rated working sets the squat's e1RM.
    estimates = status["estimates"]
    assert estimates["vdot"] == pytest.approx(vdot(distance_m=5000, time_s=24.5 * 60), abs=0.01)
    assert estimates["vdot_from"]["effort"] == "race"
    main_lift = logged["main_lift"]
    e1rm = logged["load"] / (percent_one_rep_max(reps=main_lift.reps, rpe=8) / 100)
    age = (sunday - lifts[0].scheduled.local_date).days
    assert estimates["one_rep_max_kg"][main_lift.exercise] == pytest.approx(
        e1rm * strength_retention(days_since=age), abs=0.05
    )
    assert estimates["one_rep_max_from"][main_lift.exercise]["rpe"] == 8  # not the warm-up

    # Readiness: 8 h of sleep, soreness 2, mood 1 (very good).
    readiness = status["readiness"]
    assert readiness["date"] == sunday.isoformat()
    assert readiness["score"] == pytest.approx(100 * (1 + 0.75 + 1) / 3, abs=0.1)
    assert readiness["components"]["mood"]["value"] == 1
    assert set(readiness["components"]) == {"sleep", "soreness", "mood"}
    assert status["estimates"]["body_mass"]["readings"] == 7

    # The main lift's top set, at RPE 8, against the prescription.
    effort = next(e for e in status["lift_efforts"] if e["exercise"] == main_lift.exercise)
    assert effort["logged"]["rpe"] == 8
    assert effort["logged"]["load_kg"] == logged["load"]
    assert effort["rpe_over"] == pytest.approx(8 - effort["prescribed"]["rpe"])
    assert [n["id"] for n in status["next"]][:1] == [plan.weeks[1].sessions[0].scheduled.id]


def test_status_in_tables_and_after_four_weeks(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["athlete", "add", str(HALF), "--db", store_url]) == 0
    plan = _plan(store_url)
    _log_first_week(store_url, plan)
    capsys.readouterr()
    day = (plan.weeks[0].start + timedelta(days=3)).isoformat()
    assert main(["status", "--athlete", "alex-example", "--today", day, "--db", store_url]) == 0
    out = capsys.readouterr().out
    for heading in (
        "Week 1 of",
        "Training load on",
        "Estimates today",
        "Readiness",
        "Next sessions",
    ):
        assert heading in out
    assert "n/a: 4 of 28 days" in out  # the ratio waits for 28 days of history

    later = (plan.weeks[0].start + timedelta(days=30)).isoformat()
    assert main(["status", "--today", later, "--db", store_url, "--json"]) == 0
    status = _out(capsys)
    assert status["load"]["history_days"] == 31
    assert status["load"]["acwr"] is not None
    # Nothing logged for three weeks: the acute load fell below the chronic one.
    assert status["load"]["acwr"] < 1
    assert status["estimates"]["vdot"] is not None


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["status", "--today", "2026-02-30"], 1, "YYYY-MM-DD"),
        (["status", "--athlete", "nobody"], 1, "no athlete 'nobody'"),
        (["status", "--week", "3"], 2, "No such option"),
    ],
)
def test_bad_status_input(
    store_url: str, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    assert main(["athlete", "add", str(HALF), "--db", store_url]) == 0
    capsys.readouterr()
    assert main([*args, "--db", store_url]) == code
    assert message in capsys.readouterr().err


def test_export_of_a_tracked_athlete_adds_the_progress_section(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["athlete", "add", str(HALF), "--db", store_url]) == 0
    before, after = tmp_path / "before", tmp_path / "after"
    assert main(["export", "--db", store_url, "-o", str(before)]) == 0  # no log yet
    plan = _plan(store_url)
    logged = _log_first_week(store_url, plan)
    today = logged["sunday"].isoformat()
    assert main(["export", "--db", store_url, "--today", today, "-o", str(after)]) == 0
    names = sorted(p.relative_to(before) for p in before.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(after) for p in after.rglob("*") if p.is_file())
    changed = [str(n) for n in names if (before / n).read_bytes() != (after / n).read_bytes()]
    assert changed == ["report.html", "report.pdf"]
    page = (after / "report.html").read_text(encoding="utf-8")
    assert 'id="progress"' in page
    assert 'id="progress"' not in (before / "report.html").read_text(encoding="utf-8")
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "4", str(after / "report.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert f"Progress to Sun {logged['sunday'].day}" in text
    capsys.readouterr()
    assert main(["export", "--db", store_url, "--today", "tomorrow", "-o", str(after)]) == 1
    assert "--today" in capsys.readouterr().err


def test_a_ratio_without_load_says_so(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A log older than the load series (a year) has days but no chronic load to divide by."""
    assert main(["athlete", "add", str(HALF), "--db", store_url]) == 0
    plan = _plan(store_url)
    old = (plan.weeks[0].start - timedelta(days=400)).isoformat()
    logged = ["log", "run", "--date", old, "--distance", "8", "--duration", "45:00"]
    assert main([*logged, "--db", store_url]) == 0
    capsys.readouterr()
    day = (plan.weeks[0].start + timedelta(days=2)).isoformat()
    assert main(["status", "--today", day, "--db", store_url]) == 0
    out = capsys.readouterr().out
    assert "n/a: no load in 28 days" in out
    assert "of 28 days logged" not in out
