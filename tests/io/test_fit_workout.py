"""FIT workouts: every file decoded with Garmin's own decoder and with fitdecode.

Both FIT writers silently drop misspelled fields, so every assertion here is on
decoded files, never on the messages we built.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC
from pathlib import Path
from typing import Any, cast

import fitdecode
import pytest
from garmin_fit_sdk import Decoder, Profile, Stream

from runlift.domain.plan import Plan, PlannedSession
from runlift.domain.prescription import (
    ExercisePrescription,
    LiftPrescription,
    RunPrescription,
    RunRepeat,
    RunStep,
)
from runlift.domain.sessions import SessionId
from runlift.errors import InvalidInput
from runlift.io.fit_exercises import FIT_EXERCISES, UNKNOWN_EXERCISE, fit_exercise
from runlift.io.fit_workout import (
    WORKOUT_NAME_MAX_BYTES,
    lift_workout_fit,
    run_workout_fit,
    workout_files,
)
from runlift.io.profile import read_profile
from runlift.programme.assembly import build_plan
from runlift.reference.exercises import exercise_library
from runlift.vocabulary import StepKind

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "athletes" / "half-marathon-lifter.yaml"
REAL_WORKOUTS = sorted((ROOT / "tests" / "fixtures" / "fit-workout").glob("*.fit"))

Messages = dict[str, list[dict[str, Any]]]

INTENSITY = {
    StepKind.WARMUP: "warmup",
    StepKind.WORK: "active",
    StepKind.STEADY: "active",
    StepKind.RECOVERY: "recovery",
    StepKind.COOLDOWN: "cooldown",
}
SPEED_RESOLUTION_M_PER_S = 0.0005  # FIT stores speed in whole mm/s, rounded to nearest
REPEAT = "repeat_until_steps_cmplt"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan(read_profile(EXAMPLE.read_text()), library=exercise_library())


@pytest.fixture(scope="module")
def sessions(plan: Plan) -> list[PlannedSession]:
    return [s for week in plan.weeks for s in week.sessions]


@pytest.fixture(scope="module")
def files(plan: Plan) -> dict[str, bytes]:
    return workout_files(plan)


@pytest.fixture(scope="module")
def decoded(files: dict[str, bytes]) -> dict[str, Messages]:
    return {name: garmin_decode(data) for name, data in files.items()}


@pytest.fixture(scope="module")
def by_session(
    sessions: list[PlannedSession], decoded: dict[str, Messages]
) -> list[tuple[PlannedSession, Messages]]:
    pairs = []
    for session in sessions:
        (name,) = [n for n in decoded if n.startswith(f"{session.scheduled.id}-")]
        pairs.append((session, decoded[name]))
    return pairs


def garmin_decode(data: bytes) -> Messages:
    """Decode with Garmin's FIT SDK; fail on anything but a clean, complete file."""
    stream = Stream.from_byte_array(bytearray(data))
    decoder = Decoder(stream)
    assert decoder.is_fit()
    assert decoder.check_integrity()
    stream.reset()  # without it read() returns nothing and no error
    messages, errors = decoder.read()
    assert errors == []
    return cast("Messages", messages)


def fitdecode_messages(data: bytes) -> Messages:
    """Decode with fitdecode, CRC checked and errors raised."""
    found: Messages = {}
    with fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.ENABLED,
        error_handling=fitdecode.ErrorHandling.RAISE,
    ) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                fields = {f.name: f.value for f in frame.fields if f.value is not None}
                found.setdefault(f"{frame.name}_mesgs", []).append(fields)
    return found


def steps_of(messages: Messages) -> list[dict[str, Any]]:
    return messages["workout_step_mesgs"]


def check_workout_shape(messages: Messages) -> list[int]:
    """Check the workout-file rules every writer must follow; return the executed step order.

    A repeat step at index r with duration_step s and repeat_steps n runs steps
    s..r-1 n times in all, then goes on with r+1.
    """
    assert messages["file_id_mesgs"][0]["type"] == "workout"
    (workout,) = messages["workout_mesgs"]
    steps = steps_of(messages)
    assert [s["message_index"] for s in steps] == list(range(len(steps)))
    assert workout["num_valid_steps"] == len(steps)
    order: list[int] = []
    block_start = 0
    for index, step in enumerate(steps):
        if step["duration_type"] != REPEAT:
            order.append(index)
            continue
        first, count = step["duration_step"], step["repeat_steps"]
        assert block_start <= first < index
        assert all(steps[i]["duration_type"] != REPEAT for i in range(first, index))
        assert count >= 1
        block = [i for i in order if first <= i < index]
        order.extend(block * (count - 1))
        block_start = index + 1
    return order


# Files, names and determinism


def test_every_session_gets_one_ascii_file(
    files: dict[str, bytes], sessions: list[PlannedSession]
) -> None:
    assert len(files) == len(sessions)
    assert all(re.fullmatch(r"[a-z0-9.-]+\.fit", name) for name in files)
    for session in sessions:
        assert sum(n.startswith(f"{session.scheduled.id}-") for n in files) == 1


def test_same_plan_gives_byte_identical_files(plan: Plan, files: dict[str, bytes]) -> None:
    assert workout_files(plan) == files


def test_every_file_decodes_cleanly_with_garmin(decoded: dict[str, Messages]) -> None:
    for messages in decoded.values():
        assert set(messages) == {"file_id_mesgs", "workout_mesgs", "workout_step_mesgs"}
        check_workout_shape(messages)


def test_file_id_and_workout_messages(by_session: list[tuple[PlannedSession, Messages]]) -> None:
    serials = set()
    for session, messages in by_session:
        (file_id,) = messages["file_id_mesgs"]
        assert file_id["manufacturer"] == "development"
        assert file_id["product"] == 1
        assert file_id["time_created"] == session.scheduled.start.astimezone(UTC)
        serials.add(file_id["serial_number"])
        (workout,) = messages["workout_mesgs"]
        title = session.scheduled.spec.title
        assert len(workout["wkt_name"].encode()) <= WORKOUT_NAME_MAX_BYTES
        assert workout["wkt_name"] == title[:WORKOUT_NAME_MAX_BYTES].rstrip()  # ASCII titles
        assert title in workout["wkt_description"]
        if isinstance(session.prescription, RunPrescription):
            assert workout["sport"] == "running"
        else:
            assert (workout["sport"], workout["sub_sport"]) == ("training", "strength_training")
    assert len(serials) == len(by_session)


# Runs


def assert_run_step(decoded: dict[str, Any], step: RunStep) -> None:
    assert decoded["intensity"] == INTENSITY[step.kind]
    assert decoded["notes"] == step.description
    if step.distance_m is not None:
        assert decoded["duration_type"] == "distance"
        assert decoded["duration_distance"] == pytest.approx(step.distance_m, abs=0.005)
    else:
        assert step.duration_s is not None
        assert decoded["duration_type"] == "time"
        assert decoded["duration_time"] == pytest.approx(step.duration_s, abs=0.0005)
    fast, slow = step.pace_fast_s_per_km, step.pace_slow_s_per_km
    if fast is None or slow is None:
        assert decoded["target_type"] == "open"
        assert "custom_target_speed_low" not in decoded
        return
    assert decoded["target_type"] == "speed"
    assert decoded["target_speed_zone"] == 0
    if fast == slow:  # a single pace is written as a band of +- 5 s/km
        fast, slow = fast - 5.0, slow + 5.0
    low, high = decoded["custom_target_speed_low"], decoded["custom_target_speed_high"]
    assert 1000 / slow - SPEED_RESOLUTION_M_PER_S <= low <= high
    assert high <= 1000 / fast + SPEED_RESOLUTION_M_PER_S
    assert low == pytest.approx(1000 / slow, abs=SPEED_RESOLUTION_M_PER_S)
    assert high == pytest.approx(1000 / fast, abs=SPEED_RESOLUTION_M_PER_S)


def test_run_steps_follow_the_prescription(
    by_session: list[tuple[PlannedSession, Messages]],
) -> None:
    # The example plan has repeats with paced work; hand-built cases below cover the rest.
    seen = {"repeat": 0, "speed": 0}
    for session, messages in by_session:
        prescription = session.prescription
        if not isinstance(prescription, RunPrescription):
            continue
        steps = iter(steps_of(messages))
        for part in prescription.steps:
            if isinstance(part, RunStep):
                assert_run_step(next(steps), part)
                continue
            first = None
            for step in part.steps:
                decoded = next(steps)
                first = decoded["message_index"] if first is None else first
                assert_run_step(decoded, step)
                seen["speed"] += decoded["target_type"] == "speed"
            if part.count > 1:
                repeat = next(steps)
                assert repeat["duration_type"] == REPEAT
                assert repeat["duration_step"] == first
                assert repeat["repeat_steps"] == part.count
                assert repeat["target_type"] == "open"
                seen["repeat"] += 1
        assert next(steps, None) is None
    assert all(seen.values()), seen


def test_executed_run_covers_the_planned_distance(
    by_session: list[tuple[PlannedSession, Messages]],
) -> None:
    for session, messages in by_session:
        prescription = session.prescription
        if not isinstance(prescription, RunPrescription):
            continue
        steps = steps_of(messages)
        executed = [steps[i] for i in check_workout_shape(messages)]
        planned_m = sum(
            (step.distance_m or 0) * (part.count if isinstance(part, RunRepeat) else 1)
            for part in prescription.steps
            for step in (part.steps if isinstance(part, RunRepeat) else (part,))
        )
        decoded_m = sum(s.get("duration_distance", 0) for s in executed)
        assert decoded_m == pytest.approx(planned_m, abs=0.01)


# Lifts


def test_lift_steps_follow_the_prescription(
    by_session: list[tuple[PlannedSession, Messages]],
) -> None:
    seen_loads = seen_unloaded = 0
    for session, messages in by_session:
        prescription = session.prescription
        if not isinstance(prescription, LiftPrescription):
            continue
        steps = iter(steps_of(messages))
        sets = [(e, n) for e in prescription.exercises for n in range(1, e.sets + 1)]
        for position, (exercise, number) in enumerate(sets):
            work = next(steps)
            assert work["duration_type"] == "reps"
            assert work["duration_reps"] == exercise.reps
            assert work["intensity"] == "active"
            assert work["target_type"] == "open"
            assert f"set {number} of {exercise.sets}" in work["notes"]
            fit = fit_exercise(exercise.exercise)
            assert work["exercise_category"] == fit.category
            assert work.get("exercise_name") == fit.name_code
            if exercise.load_kg is None:
                assert "exercise_weight" not in work
                assert work["wkt_step_name"].endswith(
                    f" {exercise.reps} reps" + (" per side" if exercise.per_side else "")
                )
                seen_unloaded += 1
            else:
                assert work["exercise_weight"] == pytest.approx(exercise.load_kg, abs=0.005)
                assert work["weight_display_unit"] == "kilogram"
                assert (
                    work["wkt_step_name"]
                    == f"{exercise.name} {exercise.reps} x {exercise.load_kg:g} kg"
                )
                seen_loads += 1
            assert exercise.name.startswith(work["wkt_step_name"].split(f" {exercise.reps} ")[0])
            if position < len(sets) - 1:
                rest = next(steps)
                assert rest["intensity"] == "rest"
                assert rest["duration_type"] == "time"
                assert rest["duration_time"] == exercise.rest_s
                assert rest["wkt_step_name"] == "Rest"
        assert next(steps, None) is None
    assert seen_loads
    assert seen_unloaded


def test_exercise_table_matches_the_fit_profile() -> None:
    types = Profile["types"]
    for slug, fit in FIT_EXERCISES.items():
        assert types["exercise_category"][fit.category_code] == fit.category, slug
        if fit.name is not None:
            assert types[f"{fit.category}_exercise_name"][fit.name_code] == fit.name, slug
        else:
            assert fit.name_code is None, slug


def test_every_library_exercise_has_a_fit_row() -> None:
    slugs = {str(e.id) for e in exercise_library()}
    assert slugs == set(FIT_EXERCISES)
    assert fit_exercise("no-such-exercise") is UNKNOWN_EXERCISE


# Agreement between decoders and with real workout files

COMPARED = (
    "message_index",
    "wkt_step_name",
    "duration_type",
    "duration_distance",
    "duration_time",
    "duration_reps",
    "duration_step",
    "repeat_steps",
    "target_type",
    "custom_target_speed_low",
    "custom_target_speed_high",
    "intensity",
    "notes",
    "exercise_category",
    "exercise_name",
    "exercise_weight",
    "weight_display_unit",
)


def first_string(value: object) -> object:
    """A string field read up to its first NUL, as watches read it.

    One real file pads its strings with bytes after the terminator: Garmin's
    decoder returns every NUL-separated piece, fitdecode only the first (or
    nothing for an empty string).
    """
    if isinstance(value, list) and value and isinstance(value[0], str):
        value = value[0]
    return value or None


def assert_decoders_agree(data: bytes, garmin: Messages) -> None:
    other = fitdecode_messages(data)
    assert {
        k: v for k, v in other["file_id_mesgs"][0].items() if k in {"type", "manufacturer"}
    } == {k: v for k, v in garmin["file_id_mesgs"][0].items() if k in {"type", "manufacturer"}}
    assert (
        other["workout_mesgs"][0]["num_valid_steps"]
        == garmin["workout_mesgs"][0]["num_valid_steps"]
    )
    assert len(steps_of(other)) == len(steps_of(garmin))
    for theirs, ours in zip(steps_of(other), steps_of(garmin), strict=True):
        for name in COMPARED:
            assert first_string(theirs.get(name)) == first_string(ours.get(name)), name


def test_fitdecode_reads_every_file_the_same(
    files: dict[str, bytes], decoded: dict[str, Messages]
) -> None:
    for name, data in files.items():
        assert_decoders_agree(data, decoded[name])


def test_real_workout_files_have_the_shape_we_write(
    decoded: dict[str, Messages], interval_session: PlannedSession
) -> None:
    assert len(REAL_WORKOUTS) == 3
    ours = garmin_decode(run_workout_fit(interval_session, serial=7))
    for path in REAL_WORKOUTS:
        real = garmin_decode(path.read_bytes())
        assert_decoders_agree(path.read_bytes(), real)
        assert set(ours) <= set(real)
        check_workout_shape(real)
        real_types = {s["duration_type"] for s in steps_of(real)}
        assert real_types <= {"time", "distance", "open", REPEAT}
        assert {s["duration_type"] for s in steps_of(ours)} <= {"time", "distance", REPEAT}


def test_real_repeat_steps_loop_as_we_read_them() -> None:
    (path,) = [p for p in REAL_WORKOUTS if "repeat" in p.name]
    order = check_workout_shape(garmin_decode(path.read_bytes()))
    assert order == [0, 1, 2, *[3, 4] * 3, *[6, 7] * 8, 9]


def test_our_repeat_loops_the_same_way(interval_session: PlannedSession) -> None:
    assert isinstance(interval_session.prescription, RunPrescription)
    repeat = interval_session.prescription.steps[1]
    assert isinstance(repeat, RunRepeat)
    assert len(repeat.steps) == 2
    order = check_workout_shape(garmin_decode(run_workout_fit(interval_session, serial=7)))
    assert order == [0, *[1, 2] * repeat.count, 4]


# Edge cases built by hand


@pytest.fixture(scope="module")
def interval_session(sessions: list[PlannedSession]) -> PlannedSession:
    """A run of warm-up, N x (work, recovery) with N >= 2, and cool-down."""
    return next(
        s
        for s in sessions
        if isinstance(s.prescription, RunPrescription)
        and [type(p) for p in s.prescription.steps] == [RunStep, RunRepeat, RunStep]
        and any(isinstance(p, RunRepeat) and p.count >= 2 for p in s.prescription.steps)
    )


@pytest.fixture(scope="module")
def run_session(interval_session: PlannedSession) -> PlannedSession:
    """A run with id w03-run1, whatever the plan holds there."""
    scheduled = replace(
        interval_session.scheduled,
        spec=replace(interval_session.scheduled.spec, id=SessionId("w03-run1")),
    )
    return replace(interval_session, scheduled=scheduled)


@pytest.fixture(scope="module")
def lift_session(sessions: list[PlannedSession]) -> PlannedSession:
    return next(s for s in sessions if isinstance(s.prescription, LiftPrescription))


def with_steps(session: PlannedSession, *steps: RunStep | RunRepeat) -> PlannedSession:
    assert isinstance(session.prescription, RunPrescription)
    return replace(session, prescription=replace(session.prescription, steps=steps))


def with_exercises(session: PlannedSession, *exercises: ExercisePrescription) -> PlannedSession:
    assert isinstance(session.prescription, LiftPrescription)
    return replace(session, prescription=replace(session.prescription, exercises=exercises))


def test_wrong_session_kind_is_refused(
    run_session: PlannedSession, lift_session: PlannedSession
) -> None:
    with pytest.raises(InvalidInput, match="run"):
        run_workout_fit(lift_session, serial=1)
    with pytest.raises(InvalidInput, match="lift"):
        lift_workout_fit(run_session, serial=1)


@pytest.mark.parametrize("serial", [0, -1, 2**32 - 1, 2**32])
def test_serial_outside_uint32z_is_refused(run_session: PlannedSession, serial: int) -> None:
    with pytest.raises(InvalidInput, match="serial"):
        run_workout_fit(run_session, serial=serial)


def test_serial_is_written(run_session: PlannedSession) -> None:
    messages = garmin_decode(run_workout_fit(run_session, serial=0xFFFFFFFE))
    assert messages["file_id_mesgs"][0]["serial_number"] == 0xFFFFFFFE


def test_step_without_length_is_ended_by_lap_button(run_session: PlannedSession) -> None:
    session = with_steps(run_session, RunStep(kind=StepKind.STEADY, description="run free"))
    (step,) = steps_of(garmin_decode(run_workout_fit(session, serial=7)))
    assert (step["duration_type"], step["target_type"]) == ("open", "open")
    assert step["wkt_step_name"] == "Run"


def test_rpe_only_work_gets_open_target(run_session: PlannedSession) -> None:
    work = RunStep(kind=StepKind.WORK, duration_s=45, description="45 s uphill hard")
    jog = RunStep(kind=StepKind.RECOVERY, duration_s=90, description="walk down")
    session = with_steps(run_session, RunRepeat(count=6, steps=(work, jog)))
    steps = steps_of(garmin_decode(run_workout_fit(session, serial=7)))
    assert [s["target_type"] for s in steps] == ["open", "open", "open"]
    assert [s.get("duration_time") for s in steps[:2]] == [45.0, 90.0]
    assert (steps[2]["duration_step"], steps[2]["repeat_steps"]) == (0, 6)


def test_single_repeat_needs_no_repeat_step(run_session: PlannedSession) -> None:
    work = RunStep(kind=StepKind.WORK, distance_m=800, description="800 m")
    session = with_steps(run_session, RunRepeat(count=1, steps=(work,)))
    messages = garmin_decode(run_workout_fit(session, serial=7))
    assert [s["duration_type"] for s in steps_of(messages)] == ["distance"]


@pytest.mark.parametrize(
    ("step", "field"),
    [
        (RunStep(kind=StepKind.WORK, distance_m=0), "distance_m"),
        (RunStep(kind=StepKind.WORK, duration_s=-5), "duration_s"),
        (
            RunStep(
                kind=StepKind.WORK, distance_m=400, pace_fast_s_per_km=300, pace_slow_s_per_km=280
            ),
            "pace_fast_s_per_km",
        ),
        (RunRepeat(count=0, steps=(RunStep(kind=StepKind.WORK, distance_m=400),)), "repeat"),
    ],
)
def test_bad_run_steps_are_refused(
    run_session: PlannedSession, step: RunStep | RunRepeat, field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        run_workout_fit(with_steps(run_session, step), serial=7)
    assert caught.value.field == field


def test_unknown_exercise_and_long_name(lift_session: PlannedSession) -> None:
    exercise = ExercisePrescription(
        exercise="zercher-carry-deluxe",
        name="A very long exercise name that will not fit on any watch screen at all",
        sets=1,
        reps=12,
        rest_s=60,
        load_kg=22.5,
        per_side=True,
    )
    (step,) = steps_of(
        garmin_decode(lift_workout_fit(with_exercises(lift_session, exercise), serial=7))
    )
    assert step["exercise_category"] == "unknown"
    assert "exercise_name" not in step
    assert step["wkt_step_name"].endswith(" 12 x 22.5 kg per side")
    assert step["wkt_step_name"].startswith("A very long exercise name")
    assert len(step["wkt_step_name"].encode()) <= 64


@pytest.mark.parametrize(
    ("change", "field"),
    [({"load_kg": 700.0}, "load_kg"), ({"reps": 0}, "reps"), ({"rest_s": -1}, "rest_s")],
)
def test_bad_sets_are_refused(
    lift_session: PlannedSession, change: dict[str, Any], field: str
) -> None:
    assert isinstance(lift_session.prescription, LiftPrescription)
    exercise = replace(lift_session.prescription.exercises[0], **change)
    with pytest.raises(InvalidInput) as caught:
        lift_workout_fit(with_exercises(lift_session, exercise), serial=7)
    assert caught.value.field == field


def test_lift_without_sets_is_refused(lift_session: PlannedSession) -> None:
    with pytest.raises(InvalidInput, match="at least one set"):
        lift_workout_fit(with_exercises(lift_session), serial=7)


def test_file_name_slug(run_session: PlannedSession, plan: Plan) -> None:
    spec = replace(run_session.scheduled.spec, title="Threshold 3 x 1000 m")
    session = replace(run_session, scheduled=replace(run_session.scheduled, spec=spec))
    week = replace(plan.weeks[0], days=(replace(plan.weeks[0].days[0], sessions=(session,)),))
    assert list(workout_files(replace(plan, weeks=(week,)))) == ["w03-run1-threshold-3x1000m.fit"]


def test_non_ascii_title(run_session: PlannedSession, plan: Plan) -> None:
    spec = replace(run_session.scheduled.spec, title="Tempoläufe ÄÖÜ 3 × 1000 m")
    session = replace(run_session, scheduled=replace(run_session.scheduled, spec=spec))
    (workout,) = garmin_decode(run_workout_fit(session, serial=7))["workout_mesgs"]
    assert workout["wkt_name"] == "Tempoläufe Ä"  # 15 bytes would split the "Ö"
    week = replace(plan.weeks[0], days=(replace(plan.weeks[0].days[0], sessions=(session,)),))
    (name,) = workout_files(replace(plan, weeks=(week,)))
    assert name == "w03-run1-tempolaufe-aou-3-1000m.fit"
