"""Imports that are killed half-way or run side by side lose nothing and store nothing twice.

Real processes: ``runlift log import`` is started as a command, killed with SIGKILL
while it works through a large folder, and run again; two imports run at once into
one SQLite file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from log_builders import GENERAL, folder_of_runs
from runlift.cli.app import main
from runlift.store.repository import Store

RUNLIFT = [sys.executable, "-m", "runlift.cli"]
FIRST_DAY = datetime(2025, 1, 1, 6, 30, tzinfo=UTC)


def _runlift(*args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.Popen(
        [*RUNLIFT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )


def _counts(url: str) -> tuple[int, int, int]:
    """Imports, activities, and activities whose import is not stored (must be 0)."""
    engine = create_engine(url)
    with engine.connect() as connection:
        imports = connection.execute(text("SELECT count(*) FROM imports")).scalar_one()
        activities = connection.execute(text("SELECT count(*) FROM activities")).scalar_one()
        orphans = connection.execute(
            text(
                "SELECT count(*) FROM activities a LEFT JOIN imports i ON a.import_id = i.id "
                "WHERE i.id IS NULL"
            )
        ).scalar_one()
    engine.dispose()
    return imports, activities, orphans


def test_a_killed_import_keeps_what_it_committed_and_a_rerun_finishes(
    store_url: str, tmp_path: Path
) -> None:
    assert main(["athlete", "add", str(GENERAL), "--db", store_url, "--id", "gina"]) == 0
    files = folder_of_runs(tmp_path / "runs", count=160, first=FIRST_DAY)
    process = _runlift("log", "import", str(tmp_path / "runs"), "--db", store_url)
    deadline = time.monotonic() + 300
    while True:
        imports = _counts(store_url)[0] if process.poll() is None else -1
        if imports >= 5 or process.poll() is not None or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the import ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    imports, activities, orphans = _counts(store_url)
    assert 5 <= imports < len(files)
    assert activities == imports  # one run a file: every committed file whole, nothing half
    assert orphans == 0
    if store_url.startswith("sqlite"):
        engine = create_engine(store_url)
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        engine.dispose()

    rerun = _runlift("log", "import", str(tmp_path / "runs"), "--db", store_url, "--json")
    _out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()
    assert _counts(store_url) == (len(files), len(files), 0)
    with Store(store_url) as store:
        starts = [a.activity.start for a in store.activities("gina")]
    assert len(set(starts)) == len(files)


def test_two_imports_at_once_into_one_sqlite_store(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    assert main(["athlete", "add", str(GENERAL), "--db", url, "--id", "gina"]) == 0
    first = folder_of_runs(tmp_path / "a", count=60, first=FIRST_DAY)
    second = folder_of_runs(tmp_path / "b", count=60, first=datetime(2025, 6, 1, 18, tzinfo=UTC))
    one = _runlift("log", "import", str(tmp_path / "a"), "--db", url, "--json")
    two = _runlift("log", "import", str(tmp_path / "b"), "--db", url, "--json")
    _, err_one = one.communicate(timeout=600)
    _, err_two = two.communicate(timeout=600)
    assert one.returncode == 0, err_one.decode()
    assert two.returncode == 0, err_two.decode()
    total = len(first) + len(second)
    assert _counts(url) == (total, total, 0)
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    engine.dispose()
