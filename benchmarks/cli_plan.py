"""Cold ``runlift plan`` for the example athlete: the whole process, and where its time goes.

1. ``runlift plan examples/athletes/half-marathon-lifter.yaml -o DIR -q`` run
   ``--runs`` times, each in a fresh process writing into a folder that does not
   exist yet; wall time from start to exit (interpreter start-up, imports,
   planning, every output file written and synced).
2. The same work timed step by step inside one fresh interpreter (imports,
   reading the profile, ``make_plan``, each output, writing the files), repeated
   ``--breakdown-runs`` times in fresh processes; the median of each step. The
   steps run one after the other here; the command itself prints the PDF in a
   worker process while it makes the other files (``PdfPrinter``), so its wall
   time is less than the steps' sum.

Usage: .venv/bin/python benchmarks/cli_plan.py [--runs 7] [--breakdown-runs 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "examples" / "athletes" / "half-marathon-lifter.yaml"
TARGET_S = 2.0


def cold_runs(runs: int) -> list[float]:
    """Wall time of ``runs`` fresh ``runlift plan`` processes."""
    runlift = Path(sys.executable).with_name("runlift")
    timings = []
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "out"
        for _ in range(runs):
            shutil.rmtree(output, ignore_errors=True)
            started = time.perf_counter()
            subprocess.run(
                [str(runlift), "plan", str(PROFILE), "-o", str(output), "-q"],
                check=True,
                capture_output=True,
            )
            timings.append(time.perf_counter() - started)
    return timings


def breakdown_child(output: Path) -> dict[str, float]:
    """Each step of ``runlift plan`` timed in this (fresh) interpreter, in seconds."""
    steps: dict[str, float] = {}
    clock = [time.perf_counter()]

    def step(name: str) -> None:
        now = time.perf_counter()
        steps[name] = now - clock[0]
        clock[0] = now

    import runlift.cli.app  # noqa: F401, PLC0415 - timed: the command line's own imports
    from runlift.cli.files import write_outputs  # noqa: PLC0415
    from runlift.io.profile import read_profile  # noqa: PLC0415

    step("import cli")
    from runlift.io.fit_workout import workout_files  # noqa: PLC0415
    from runlift.io.ics_export import write_plan_ics  # noqa: PLC0415
    from runlift.io.plan_markdown import plan_markdown  # noqa: PLC0415
    from runlift.reference.exercises import exercise_library  # noqa: PLC0415
    from runlift.report.build import build_report  # noqa: PLC0415
    from runlift.report.html import report_html  # noqa: PLC0415
    from runlift.report.pdf import report_pdf  # noqa: PLC0415
    from runlift.services import planning  # noqa: PLC0415
    from runlift.services.report_data import report_data  # noqa: PLC0415

    step("import planning")
    profile = read_profile(PROFILE.read_text(encoding="utf-8"))
    step("read profile")
    result = planning.make_plan(profile)
    step("make_plan")
    files = {"plan.json": planning.plan_json_text(result).encode("utf-8")}
    step("plan.json")
    files["plan.md"] = plan_markdown(result.plan, nutrition=result.nutrition).encode("utf-8")
    step("plan.md")
    zone = profile.timezone
    files["plan.ics"] = write_plan_ics(result.plan, timezone=zone).encode("utf-8")
    files["busy.ics"] = write_plan_ics(result.plan, timezone=zone, busy=True).encode("utf-8")
    step("plan.ics + busy.ics")
    files.update({f"workouts/{n}": d for n, d in workout_files(result.plan).items()})
    step("workouts/*.fit")
    report = build_report(
        result.plan,
        profile=profile,
        data=report_data(result.plan, library=exercise_library()),
        nutrition=result.nutrition,
        timezone=zone,
    )
    step("report model")
    files["report.html"] = report_html(report).encode("utf-8")
    step("report.html")
    files["report.pdf"] = report_pdf(report)
    step("report.pdf")
    write_outputs(output, files)
    step("write files")
    return steps


def breakdown(runs: int) -> dict[str, float]:
    """Median time of each step over ``runs`` fresh processes."""
    samples: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for index in range(runs):
            done = subprocess.run(
                [sys.executable, __file__, "--breakdown-child", str(Path(scratch) / str(index))],
                check=True,
                capture_output=True,
                text=True,
            )
            for name, seconds in json.loads(done.stdout).items():
                samples.setdefault(name, []).append(seconds)
    return {name: round(statistics.median(values), 3) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--breakdown-runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--breakdown-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.breakdown_child is not None:
        print(json.dumps(breakdown_child(args.breakdown_child)))
        return
    timings = cold_runs(args.runs)
    steps = breakdown(args.breakdown_runs)
    result = {
        "command": f"runlift plan {PROFILE.relative_to(ROOT)} -o DIR -q",
        "runs": args.runs,
        "median_s": round(statistics.median(timings), 3),
        "max_s": round(max(timings), 3),
        "target_s": TARGET_S,
        "breakdown_s": steps,
        "breakdown_total_s": round(sum(steps.values()), 3),
    }
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        if key != "breakdown_s":
            print(f"{key:>18}: {value}")
    print("      in-process breakdown (median of fresh processes):")
    for name, seconds in steps.items():
        print(f"{name:>24}: {seconds:.3f} s")


if __name__ == "__main__":
    main()
