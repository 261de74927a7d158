"""Ctrl-C during ``runlift plan``: exit 130, one line, nothing written, no process left.

Real processes and real signals: the command runs in its own session, as it would in a
terminal, and SIGINT goes to its whole process group, as a terminal's Ctrl-C does (so
the PDF worker gets it too).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runlift.cli import files, interrupt
from runlift.cli.app import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"
OLD_PLAN = b'{"old": "plan"}'


def _session_members(session: int) -> list[int]:
    """Processes still alive in ``session`` (the command started it, so it is its id)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, sid = fields[0], int(fields[3])
        if sid == session and state != "Z":
            members.append(int(entry.name))
    return members


def _old_folder(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    (out / "plan.json").write_bytes(OLD_PLAN)
    return out


def _start(out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "runlift.cli", "plan", str(EXAMPLE), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _interrupt_and_check(process: subprocess.Popen[bytes], out: Path) -> None:
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == interrupt.EXIT_INTERRUPTED, err.decode()
    lines = err.decode().splitlines()
    # The plan's own warnings may come first when the files were already being written.
    assert lines[-1] == "interrupted: nothing was written"
    assert all(line.startswith("warning: ") for line in lines[:-1]), lines
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt", "plan.json"]
    assert (out / "plan.json").read_bytes() == OLD_PLAN
    deadline = time.monotonic() + 5
    while _session_members(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _session_members(process.pid) == []


@pytest.mark.parametrize("after_s", [0.3, 1.0, 2.5])
def test_ctrl_c_while_loading_or_planning(tmp_path: Path, after_s: float) -> None:
    out = _old_folder(tmp_path)
    process = _start(out)
    time.sleep(after_s)
    assert process.poll() is None, "the plan finished before the interrupt"
    _interrupt_and_check(process, out)


def test_ctrl_c_while_the_files_are_written(tmp_path: Path) -> None:
    out = _old_folder(tmp_path)
    process = _start(out)
    deadline = time.monotonic() + 120
    while not any(p.name.startswith(files.STAGING_PREFIX) for p in out.iterdir()):
        assert process.poll() is None, "the plan finished without a staging folder"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    _interrupt_and_check(process, out)


def test_a_failure_after_the_files_are_in_place_puts_the_old_ones_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The files are moved into place before the summary: a failure then undoes them too."""
    out = _old_folder(tmp_path)

    def broken_summary(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("runlift.cli.render.plan_summary", broken_summary)
    assert main(["plan", str(EXAMPLE), "-o", str(out)]) == 1
    assert "error:" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt", "plan.json"]
    assert (out / "plan.json").read_bytes() == OLD_PLAN
