"""``runlift log``: imports, manual logging and the week against the plan, on a real store."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from log_builders import FIXTURES, GENERAL, HALF, shifted_gpx
from runlift.cli.app import main
from runlift.io.plan_json import read_plan
from runlift.store.repository import Store

GOOD_FIXTURES = [
    FIXTURES / "fit-activity" / "garmin-fenix2_run_9km_2015.fit",
    FIXTURES / "fit-activity" / "garmin-fr965_multisport_strength-run-strength_2025-10-01.fit",
    FIXTURES / "gpx" / "strava-export_run_pauses_2021-01-10.gpx",
    FIXTURES / "tcx" / "garmin-fr410_run_notes.tcx",
    FIXTURES / "lifting-csv" / "hevy_kg_supersets_2025.csv",
]


def _out(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


def _add(store_url: str, profile: Path = GENERAL) -> None:
    assert main(["athlete", "add", str(profile), "--db", store_url, "--id", "gina"]) == 0


def _count(store_url: str) -> int:
    with Store(store_url) as store:
        return len(store.activities("gina"))


def test_import_real_files_then_again_as_duplicates(
    store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(store_url)
    capsys.readouterr()
    args = ["log", "import", *map(str, GOOD_FIXTURES), "--db", store_url, "--json"]
    assert main(args) == 0
    first = _out(capsys)
    assert first["failed"] == []
    assert first["duplicates"] == []
    kinds = [(Path(i["path"]).name, i["kind"]) for i in first["imported"]]
    assert ("garmin-fenix2_run_9km_2015.fit", "run") in kinds
    multisport = [k for n, k in kinds if n.startswith("garmin-fr965_multisport")]
    assert multisport == ["strength", "run", "strength"]
    assert sum(1 for n, _ in kinds if n.startswith("hevy")) == 17
    stored = _count(store_url)
    assert stored == len(first["imported"])
    assert all(i["matched_session"] is None for i in first["imported"])  # years before the plan

    assert main(args) == 0
    again = _out(capsys)
    assert again["imported"] == []
    assert again["failed"] == []
    assert {d["activity_id"] for d in again["duplicates"]} == {
        i["activity_id"] for i in first["imported"]
    }
    assert _count(store_url) == stored


def test_a_bad_file_is_reported_and_the_good_ones_kept(
    store_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _add(store_url)
    folder = tmp_path / "mixed"
    shutil.copytree(FIXTURES / "fit-activity" / "corrupt", folder / "corrupt")
    shutil.copy(GOOD_FIXTURES[0], folder)
    (folder / "notes.txt").write_text("not a training file", encoding="utf-8")
    capsys.readouterr()
    assert main(["log", "import", str(folder), "--db", store_url, "--json"]) == 1
    report = _out(capsys)
    # Two of the "corrupt" files have only quirks a tolerant reader gets past: they import.
    tolerated = {
        "coros-pace2_ride_misaligned-field-sizes.fit",
        "wahoo-elemnt-bolt_devdata-missing-application-id.fit",
    }
    assert {Path(i["path"]).name for i in report["imported"]} == {
        "garmin-fenix2_run_9km_2015.fit",
        *tolerated,
    }
    failed = {Path(f["path"]).name: f["error"] for f in report["failed"]}
    assert "notes.txt" in failed
    assert "not a FIT, GPX, TCX, Strong CSV or Hevy CSV file" in failed["notes.txt"]
    assert all("\n" not in error and "Traceback" not in error for error in failed.values())
    corrupt = {p.name for p in (folder / "corrupt").iterdir()}
    assert corrupt - tolerated == set(failed) - {"notes.txt"}
    assert _count(store_url) == len(report["imported"])


def test_an_activity_is_matched_to_its_session_and_shows_done(
    store_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _add(store_url, HALF)
    out = tmp_path / "plan"
    assert main(["export", "--db", store_url, "-o", str(out)]) == 0
    plan, _ = read_plan((out / "plan.json").read_text(encoding="utf-8"))
    runs = [s for s in plan.weeks[1].sessions if s.scheduled.spec.modality.value == "run"]
    target = runs[0]
    run_file = tmp_path / "moved.gpx"
    run_file.write_bytes(shifted_gpx(target.scheduled.start + timedelta(minutes=20)))
    capsys.readouterr()
    assert main(["log", "import", str(run_file), "--db", store_url, "--json"]) == 0
    imported = _out(capsys)["imported"]
    assert [(i["kind"], i["matched_session"]) for i in imported] == [("run", target.scheduled.id)]

    today = (plan.weeks[1].start + timedelta(days=7)).isoformat()
    assert main(["log", "show", "--week", "2", "--today", today, "--db", store_url, "--json"]) == 0
    week = _out(capsys)
    rows = {row["id"]: row for row in week["sessions"]}
    assert rows[target.scheduled.id]["status"] in {"done", "partial"}
    done = rows[target.scheduled.id]["done"]
    assert done["distance_km"] == pytest.approx(12.6, abs=0.3)
    assert done["pace_s_per_km"] > 240
    others = [r["status"] for i, r in rows.items() if i != target.scheduled.id]
    assert set(others) == {"missed"}  # the week is over and nothing else was done
    assert week["load"]["done_au"] > 0


def test_manual_logging_and_the_week_statuses(
    store_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _add(store_url, HALF)
    out = tmp_path / "plan"
    assert main(["export", "--db", store_url, "-o", str(out)]) == 0
    plan, _ = read_plan((out / "plan.json").read_text(encoding="utf-8"))
    week = plan.weeks[0]
    sessions = list(week.sessions)
    runs = [s for s in sessions if s.scheduled.spec.modality.value == "run"]
    lifts = [s for s in sessions if s.scheduled.spec.modality.value == "lift"]
    db = ["--db", store_url]
    assert main(["log", "done", runs[0].scheduled.id, "--rpe", "4", *db]) == 0
    short = runs[1].prescription.duration_min * 0.5
    assert main(["log", "done", runs[1].scheduled.id, "--duration", f"{short:.0f}", *db]) == 0
    assert main(["log", "missed", lifts[0].scheduled.id, "--reason", "illness", *db]) == 0
    sunday = (week.start + timedelta(days=6)).isoformat()
    assert main(["log", "run", "--date", sunday, "--time", "19:00", "--distance", "5",
                 "--duration", "30:00", "--rpe", "3", *db]) == 0  # fmt: skip
    assert main(["log", "lift", "--date", sunday, "--time", "21:30", "--exercise", "back-squat",
                 "--sets", "3x5@100kg", "--exercise", "Zercher Squat", "--sets", "5,5@60kg",
                 *db]) == 0  # fmt: skip
    assert main(["log", "checkin", "--date", sunday, "--sleep", "7.5", "--soreness", "2", *db]) == 0
    assert main(["log", "event", "--kind", "travel", "--from", sunday, "--to", sunday, *db]) == 0
    capsys.readouterr()

    middle = (week.start + timedelta(days=3)).isoformat()
    assert main(["log", "show", "--week", "1", "--today", middle, *db, "--json"]) == 0
    view = _out(capsys)
    status = {row["id"]: row["status"] for row in view["sessions"]}
    assert status[runs[0].scheduled.id] == "done"
    assert status[runs[1].scheduled.id] == "partial"
    assert status[lifts[0].scheduled.id] == "missed"
    later = [
        s.scheduled.id
        for s in sessions
        if s.scheduled.local_date.isoformat() > middle
        and s.scheduled.id not in {runs[0].scheduled.id, runs[1].scheduled.id}
    ]
    assert later
    assert all(status[i] in {"planned", "done"} for i in later)
    sets = [s for e in view["extras"] for s in e["sets"]] + [
        s for row in view["sessions"] if row["done"] for s in row["done"]["sets"]
    ]
    assert "back-squat 3x5 @ 100 kg" in sets
    assert "Zercher Squat 2x5 @ 60 kg" in sets
    done_row = next(r for r in view["sessions"] if r["id"] == runs[0].scheduled.id)
    assert done_row["done"]["rpe"] == 4
    assert done_row["done"]["load_au"] == pytest.approx(
        4 * runs[0].prescription.duration_min, rel=0.01
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "done", "w99-run9"], "a session id of the plan"),
        (
            ["log", "run", "--date", "2026-13-01", "--distance", "5", "--duration", "30:00"],
            "YYYY-MM-DD",
        ),
        (
            ["log", "run", "--date", "2026-12-08", "--distance", "5", "--duration", "30:75"],
            "--duration",
        ),
        (
            [
                "log",
                "lift",
                "--date",
                "2026-12-08",
                "--exercise",
                "back-squat",
                "--sets",
                "3x5@heavy",
            ],
            "3x5@100kg",
        ),
        (
            [
                "log",
                "run",
                "--date",
                "2026-12-08",
                "--distance",
                "5",
                "--duration",
                "20:00",
                "--race",
                "--time-trial",
            ],
            "one of --race and --time-trial",
        ),
        (
            [
                "log",
                "lift",
                "--date",
                "2026-12-08",
                "--exercise",
                "back-squat",
                "--sets",
                "3x5@100kg@12",
            ],
            "an RPE above 0 and at most 10",
        ),
        (["log", "checkin", "--date", "2026-12-08", "--soreness", "7"], "soreness"),
        (["log", "checkin", "--date", "2026-12-08"], "at least one answer"),
        (
            ["log", "event", "--kind", "illness", "--from", "2026-12-09", "--to", "2026-12-08"],
            "on or after",
        ),
        (["log", "import", "/no/such/file.fit"], "a file or folder that exists"),
    ],
)
def test_bad_entries_exit_1_with_the_field_and_store_nothing(
    store_url: str, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    _add(store_url)
    capsys.readouterr()
    assert main([*args, "--db", store_url]) == 1
    assert message in capsys.readouterr().err
    assert _count(store_url) == 0


def test_a_session_marked_missed_then_done_is_done(
    store_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _add(store_url)
    with Store(store_url) as store:
        first = store.plan_version("gina").plan.weeks[0].sessions[0].scheduled
    db = ["--db", store_url]
    assert main(["log", "missed", first.id, "--reason", "time", *db]) == 0
    assert main(["log", "done", first.id, *db]) == 0
    today = (first.local_date + timedelta(days=1)).isoformat()
    capsys.readouterr()
    assert main(["log", "show", "--week", "1", "--today", today, *db, "--json"]) == 0
    status = {row["id"]: row["status"] for row in _out(capsys)["sessions"]}
    assert status[first.id] == "done"
    now = datetime.now(UTC)
    with Store(store_url) as store:
        assert store.missed("gina") == ()
        assert store.activities("gina")[0].activity.start < now
