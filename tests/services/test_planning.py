"""Planning service: every file of a plan, with the PDF printed here or in a worker."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from pathlib import Path

import pytest

from runlift.errors import InvalidInput
from runlift.io.profile import read_profile
from runlift.services import planning

ROOT = Path(__file__).resolve().parents[2]
HALF = ROOT / "examples" / "athletes" / "half-marathon-lifter.yaml"


@pytest.fixture(scope="module")
def result() -> planning.PlanResult:
    return planning.make_plan(read_profile(HALF.read_text(encoding="utf-8")))


def test_worker_prints_the_same_bytes_as_this_process(result: planning.PlanResult) -> None:
    here = planning.plan_files(result)
    with planning.PdfPrinter() as printer:
        there = planning.plan_files(result, printer=printer)
        again = planning.plan_files(result, printer=printer)
    assert here.keys() == there.keys() == again.keys()
    assert here == there == again
    assert here["report.pdf"].startswith(b"%PDF-")
    sessions = sum(len(week.sessions) for week in result.plan.weeks)
    assert sum(name.startswith("workouts/") for name in here) == sessions


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker is forked on Linux")
def test_the_printer_runs_one_worker_while_entered() -> None:
    assert multiprocessing.active_children() == []
    with planning.PdfPrinter() as printer:
        workers = multiprocessing.active_children()
        assert len(workers) == 1
        assert workers[0].pid != os.getpid()
        assert printer.print is not None
    assert multiprocessing.active_children() == []
    with planning.PdfPrinter(background=False):
        assert multiprocessing.active_children() == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the worker is forked on Linux")
def test_a_dead_worker_costs_time_not_the_pdf(result: planning.PlanResult) -> None:
    expected = planning.plan_files(result)["report.pdf"]
    with planning.PdfPrinter() as printer:
        (worker,) = multiprocessing.active_children()
        os.kill(worker.pid, signal.SIGKILL)  # type: ignore[arg-type]
        worker.join(timeout=10)
        files = planning.plan_files(result, printer=printer)
    assert files["report.pdf"] == expected


@pytest.mark.parametrize(
    ("name", "meant"),
    [("squat", "did you mean back-squat, squat-jump or front-squat?"), ("benchpress", "bench")],
)
def test_a_lift_the_library_does_not_know_is_named(name: str, meant: str) -> None:
    """A misspelt lift would be ignored, and its loads chosen by effort: it is refused."""
    text = HALF.read_text(encoding="utf-8").replace("back-squat: {", f"{name}: {{")
    with pytest.raises(InvalidInput) as info:
        planning.check_known_lifts(read_profile(text))
    message = str(info.value)
    assert message.startswith(f"lifting.maxes.{name}: not an exercise runlift knows; ")
    assert meant in message
