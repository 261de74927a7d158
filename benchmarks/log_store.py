"""The training log at size: 1,000 activities imported into SQLite, then one week shown.

Copies of real GPX and TCX runs (``tests/fixtures``) with their times moved to one a
day or so, over the 1,000 days before the half-marathon example's plan ends, are
imported with ``runlift log import`` into a new SQLite store. Measured: the import's
wall time, the store's size, and ``log show`` of a plan week: in-process (the
service, median of ``--runs``) and as a whole cold command.

    .venv/bin/python benchmarks/log_store.py [--activities 1000] [--runs 21] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from log_builders import FR410_TCX, HALF, STRAVA_GPX, shifted_gpx, shifted_tcx  # noqa: E402
from runlift.services import log_view  # noqa: E402
from runlift.store.repository import Store  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SOURCES = (
    ("gpx", STRAVA_GPX),
    ("tcx", FR410_TCX),
    ("gpx", FIXTURES / "gpx" / "garmin-connect_run_hr-cad.gpx"),
    ("tcx", FIXTURES / "tcx" / "garmin-fr410_run_no-hr.tcx"),
)
RUNLIFT = [sys.executable, "-m", "runlift.cli"]


def _files(folder: Path, *, count: int, last: datetime) -> None:
    folder.mkdir(parents=True)
    for index in range(count):
        start = last - timedelta(hours=23 * index) - timedelta(hours=1)
        kind, source = SOURCES[index % len(SOURCES)]
        data = (
            shifted_gpx(start, source=source)
            if kind == "gpx"
            else shifted_tcx(start, source=source)
        )
        (folder / f"activity-{index:05d}.{kind}").write_bytes(data)


def _command(*args: str) -> float:
    began = time.perf_counter()
    subprocess.run([*RUNLIFT, *args], check=True, capture_output=True, env={**os.environ})
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        url = f"sqlite:///{root / 'runlift.db'}"
        _command("athlete", "add", str(HALF), "--db", url, "--id", "alex")
        with Store(url) as store:
            plan = store.plan_version("alex").plan
        week = plan.weeks[2]
        last = datetime.combine(week.start + timedelta(days=7), datetime.min.time(), tzinfo=UTC)
        _files(root / "files", count=args.activities, last=last)
        import_s = _command("log", "import", str(root / "files"), "--db", url)
        size_bytes = (root / "runlift.db").stat().st_size
        for extra in root.glob("runlift.db-*"):
            size_bytes += extra.stat().st_size
        with Store(url) as store:
            stored = len(store.activities("alex"))
            times = []
            today = week.start + timedelta(days=3)
            now = datetime.now(UTC)
            for _ in range(args.runs):
                began = time.perf_counter()
                view = log_view.week_log(store, "alex", week_number=3, today=today, now=now)
                times.append(time.perf_counter() - began)
        cold = sorted(
            _command("log", "show", "--week", "3", "--db", url, "--json") for _ in range(5)
        )
        result = {
            "activities_imported": stored,
            "import_total_s": round(import_s, 2),
            "import_per_activity_ms": round(import_s / max(stored, 1) * 1000, 1),
            "store_size_mib": round(size_bytes / 2**20, 2),
            "week_sessions": len(view.sessions),
            "week_extras": len(view.extras),
            "log_show_in_process_median_ms": round(statistics.median(times) * 1000, 1),
            "log_show_in_process_max_ms": round(max(times) * 1000, 1),
            "log_show_cold_command_median_s": round(cold[len(cold) // 2], 3),
        }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    width = max(map(len, result))
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
