import dataclasses

import pytest

from runlift.domain.prescription import (
    ExercisePrescription,
    LiftPrescription,
    RunPrescription,
    RunRepeat,
    RunStep,
)
from runlift.io.prescription_text import prescription_lines
from runlift.vocabulary import LiftKind, MassUnit, PaceZone, RunKind, StepKind


def easy(kind: StepKind, distance_m: float) -> RunStep:
    return RunStep(
        kind=kind,
        distance_m=distance_m,
        zone=PaceZone.EASY,
        pace_fast_s_per_km=358.7,
        pace_slow_s_per_km=400.9,
    )


INTERVALS = RunPrescription(
    kind=RunKind.INTERVALS,
    steps=(
        easy(StepKind.WARMUP, 2000.0),
        RunRepeat(
            count=5,
            steps=(
                RunStep(
                    kind=StepKind.WORK,
                    distance_m=1000.0,
                    zone=PaceZone.INTERVAL,
                    pace_fast_s_per_km=283.9,
                    pace_slow_s_per_km=283.9,
                    description="1000 m at I (4:44/km)",
                ),
                RunStep(kind=StepKind.RECOVERY, duration_s=180.0, description="3:00 easy jog"),
            ),
        ),
        easy(StepKind.COOLDOWN, 1633.0),
    ),
    distance_km=8.63,
    duration_min=52.4,
    rpe=8.0,
    notes="Intervals 5 x 1000 m; paces from VDOT 39.5",
)

LIFT = LiftPrescription(
    kind=LiftKind.HEAVY_LOWER,
    exercises=(
        ExercisePrescription(
            exercise="back-squat",
            name="Back squat",
            sets=3,
            reps=5,
            rest_s=180,
            percent_1rm=77.5,
            load_kg=62.5,
        ),
        ExercisePrescription(
            exercise="single-leg-rdl",
            name="Single-leg Romanian deadlift",
            sets=2,
            reps=8,
            rest_s=90,
            rpe=7.0,
            per_side=True,
            notes="choose the load by RPE",
        ),
        ExercisePrescription(exercise="pogo-hops", name="Pogo hops", sets=2, reps=10, rest_s=45),
    ),
    duration_min=41.0,
    rpe=7.0,
    notes="Heavy lower",
)


def test_a_structured_run_reads_step_by_step() -> None:
    assert prescription_lines(INTERVALS) == (
        "Run (intervals): 8.63 km, about 52 min, session RPE 8",
        "- Warm-up: 2 km easy (E) at 5:59-6:41/km",
        "- 5 x:",
        "  - Work: 1000 m interval (I) at 4:44/km",
        "  - Recovery: 3:00 easy jog",
        "- Cool-down: 1.63 km easy (E) at 5:59-6:41/km",
        "Notes: Intervals 5 x 1000 m; paces from VDOT 39.5",
    )


def test_a_lift_reads_exercise_by_exercise() -> None:
    assert prescription_lines(LIFT) == (
        "Lift (heavy lower): 3 exercises, 7 hard sets, about 41 min, session RPE 7",
        "- Back squat: 3 x 5 at 77.5 % 1RM, 62.5 kg, rest 3 min",
        "- Single-leg Romanian deadlift: 2 x 8 per side at RPE 7, rest 1:30 min "
        "(choose the load by RPE)",
        "- Pogo hops: 2 x 10, rest 45 s",
        "Notes: Heavy lower",
    )


def test_a_lift_in_pounds_writes_its_loads_in_pounds() -> None:
    # 61.23 kg is what plan.json keeps of 135 lb (two 45 lb plates on a 45 lb bar).
    lift = dataclasses.replace(
        LIFT, exercises=(dataclasses.replace(LIFT.exercises[0], load_kg=61.23), *LIFT.exercises[1:])
    )
    lines = prescription_lines(lift, unit=MassUnit.LB)
    assert lines[1] == "- Back squat: 3 x 5 at 77.5 % 1RM, 135 lb, rest 3 min"
    assert lines[2:] == prescription_lines(LIFT)[2:]
    assert prescription_lines(INTERVALS, unit=MassUnit.LB) == prescription_lines(INTERVALS)


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        (
            RunStep(kind=StepKind.WORK, duration_s=600.0, zone=PaceZone.THRESHOLD),
            "Work: 10 min threshold (T)",
        ),
        (
            RunStep(
                kind=StepKind.STEADY,
                duration_s=4500.0,
                zone=PaceZone.MARATHON,
                pace_fast_s_per_km=299.6,
                pace_slow_s_per_km=300.4,
            ),
            "Run: 1:15:00 h marathon (M) at 5:00/km",
        ),
        (
            RunStep(
                kind=StepKind.WORK,
                distance_m=21097.5,
                zone=PaceZone.RACE,
                pace_fast_s_per_km=298.6,
                pace_slow_s_per_km=298.6,
            ),
            "Work: 21.1 km race pace at 4:59/km",
        ),
        (RunStep(kind=StepKind.RECOVERY, duration_s=90.0), "Recovery: 1:30 min"),
        (
            RunStep(
                kind=StepKind.WORK,
                duration_s=45.0,
                zone=PaceZone.REPETITION,
                pace_fast_s_per_km=259.5,
                pace_slow_s_per_km=262.0,
            ),
            "Work: 45 s repetition (R) at 4:20-4:22/km",
        ),
        (RunStep(kind=StepKind.STEADY, description="as the legs allow"), "Run: as the legs allow"),
        (RunStep(kind=StepKind.STEADY), "Run: as you feel"),
    ],
)
def test_single_steps(step: RunStep, expected: str) -> None:
    run = RunPrescription(
        kind=RunKind.TEMPO, steps=(step,), distance_km=5.0, duration_min=30.0, rpe=6.5
    )
    lines = prescription_lines(run)
    assert lines == ("Run (tempo): 5 km, about 30 min, session RPE 6.5", f"- {expected}")


def test_a_pace_that_rounds_up_to_the_next_minute_carries() -> None:
    step = RunStep(
        kind=StepKind.WORK, distance_m=400.0, pace_fast_s_per_km=239.6, pace_slow_s_per_km=239.6
    )
    run = RunPrescription(
        kind=RunKind.REPETITION, steps=(step,), distance_km=0.4, duration_min=2.0, rpe=9.0
    )
    assert prescription_lines(run)[1] == "- Work: 400 m at 4:00/km"


def test_one_exercise_is_singular() -> None:
    lift = LiftPrescription(
        kind=LiftKind.UPPER, exercises=LIFT.exercises[:1], duration_min=20.0, rpe=6.0
    )
    assert prescription_lines(lift)[0] == (
        "Lift (upper): 1 exercise, 3 hard sets, about 20 min, session RPE 6"
    )
    assert len(prescription_lines(lift)) == 2
