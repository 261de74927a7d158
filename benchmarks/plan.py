"""A whole 16-week plan in-process, and the lifting prescription side by side with streprogen.

1. ``build_plan`` for the bundled half-marathon athlete with the race moved so
   that the plan is exactly 16 weeks: periodisation, running and lifting
   prescriptions, weekly CP-SAT placement and explanations. Median of repeated
   runs after one warm-up (which loads OR-Tools and the exercise library).
2. The lifting prescription alone for a 16-week, 3-days-a-week programme
   (``plan_lifts`` over every week of a strength athlete with three lifts a
   week) against streprogen building and rendering a 16-week programme of
   3 days x 3 exercises, in the same process; the ratio is ours / streprogen.
   streprogen is installed only for benchmarks (``make bench``).

Usage: .venv/bin/python benchmarks/plan.py [--runs 15] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from runlift.domain.athlete import AthleteProfile
from runlift.io.profile import read_profile
from runlift.programme.assembly import build_plan
from runlift.programme.baseline import baseline
from runlift.programme.lifting_prescription import plan_lifts
from runlift.programme.periodisation import outline_plan
from runlift.reference.exercises import exercise_library

EXAMPLES = Path(__file__).parents[1] / "examples" / "athletes"
WEEKS = 16


def sixteen_week_profile() -> AthleteProfile:
    """The half-marathon example with its race on the last Sunday of week 16."""
    profile = read_profile((EXAMPLES / "half-marathon-lifter.yaml").read_text(encoding="utf-8"))
    race = profile.goal.race
    if race is None:
        raise SystemExit("the half-marathon example lost its race")
    race_day = profile.start_date + timedelta(days=7 * WEEKS - 1)
    goal = dataclasses.replace(profile.goal, race=dataclasses.replace(race, date=race_day))
    return dataclasses.replace(profile, goal=goal)


def strength_profile() -> AthleteProfile:
    """A strength athlete lifting three days a week for 16 weeks."""
    profile = read_profile((EXAMPLES / "strength-powerlifter.yaml").read_text(encoding="utf-8"))
    goal = dataclasses.replace(profile.goal, date=None, weeks=WEEKS)
    lifting = dataclasses.replace(profile.lifting, sessions_per_week=3)
    return dataclasses.replace(profile, goal=goal, lifting=lifting)


def median_s(func: Callable[[], object], runs: int) -> float:
    """Median wall time of ``func`` over ``runs`` calls, after one warm-up call."""
    func()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def streprogen_programme() -> object:
    """16 weeks, 3 days x 3 exercises, built and rendered by streprogen."""
    from streprogen import Program  # noqa: PLC0415 - benchmark-only dependency

    program = Program(name="bench", duration=WEEKS, units="kg", round_to=2.5)
    days = {
        "A": (("Squat", 100), ("Bench press", 80), ("Row", 70)),
        "B": (("Deadlift", 120), ("Overhead press", 50), ("Pull-up", 10)),
        "C": (("Front squat", 80), ("Incline press", 60), ("Chin-up", 10)),
    }
    for day, exercises in days.items():
        with program.Day(day):
            for name, start in exercises:
                program.DynamicExercise(name, start_weight=start)
    program.render()
    return program


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    library = exercise_library()
    half = sixteen_week_profile()
    plan = build_plan(half, library=library)
    plan_s = median_s(lambda: build_plan(half, library=library), args.runs)

    strength = strength_profile()
    numbers = baseline(strength)
    weeks = outline_plan(strength)
    lifts = [
        lift for week in weeks for lift in plan_lifts(week, strength, numbers, library, plan=weeks)
    ]

    def ours() -> None:
        for week in weeks:
            plan_lifts(week, strength, numbers, library, plan=weeks)

    ours_s = median_s(ours, args.runs)
    try:
        theirs_s: float | None = median_s(streprogen_programme, args.runs)
    except ImportError:
        theirs_s = None
    result = {
        "plan_weeks": len(plan.weeks),
        "plan_sessions": sum(len(w.sessions) for w in plan.weeks),
        "plan_median_ms": round(plan_s * 1000, 1),
        "plan_target_ms": 150,
        "lifting_weeks": len(weeks),
        "lifting_sessions": len(lifts),
        "lifting_exercises": sum(len(lift.prescription.exercises) for lift in lifts),
        "lifting_median_ms": round(ours_s * 1000, 2),
        "streprogen_median_ms": None if theirs_s is None else round(theirs_s * 1000, 2),
        "ratio": None if theirs_s is None else round(ours_s / theirs_s, 2),
        "ratio_target": 1.0,
    }
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:>22}: {value}")
    if theirs_s is None:
        print("streprogen is not installed: run `make bench` to compare")


if __name__ == "__main__":
    main()
