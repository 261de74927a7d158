"""Planned sessions as FIT workout files (file type ``workout``) for watches.

A FIT workout file holds a ``file_id`` message, one ``workout`` message and one
``workout_step`` message per step, numbered by ``message_index`` from 0. Runs
become running workouts: warm-up, work, recovery and cool-down steps by distance
or time, with a custom speed range from the prescribed pace range, and a repeat
step (``repeat_until_steps_cmplt``) that loops back to the first step of each
repeated block. Lifts become strength-training workouts: one step per set,
ended by the rep count, naming the FIT exercise and load, with a timed rest step
between sets. ``docs/exports.md`` describes the mapping field by field.

Everything here works on bytes: the same session always gives the same file.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterator
from datetime import UTC
from typing import Final

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.workout_message import WorkoutMessage
from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
from fit_tool.profile.profile_type import (
    FileType,
    FitBaseUnit,
    Intensity,
    Manufacturer,
    Sport,
    SubSport,
    WorkoutStepDuration,
    WorkoutStepTarget,
)

from runlift.domain.plan import Plan, PlannedSession
from runlift.domain.prescription import (
    ExercisePrescription,
    LiftPrescription,
    RunPrescription,
    RunRepeat,
    RunStep,
)
from runlift.errors import InvalidInput
from runlift.io.fit_exercises import fit_exercise
from runlift.units import METRES_PER_KM, format_mass
from runlift.vocabulary import MassUnit, PaceZone, StepKind

PRODUCT_ID: Final = 1
"""``file_id.product`` of every file runlift writes (manufacturer ``development``)."""

WORKOUT_NAME_MAX_BYTES: Final = 15
"""Watches keep ``wkt_name`` in a 16-byte field: 15 bytes of UTF-8 and a terminator."""

STEP_NAME_MAX_BYTES: Final = 64
"""Step names are cut to this many bytes (FIT allows 255; watches show far less).

The reps and load at the end of a set's name are kept; the exercise name is cut
at a word boundary."""

NOTES_MAX_BYTES: Final = 120
"""``notes`` and ``wkt_description`` are cut to this many bytes."""

SERIAL_MAX: Final = 0xFFFFFFFE
"""``serial_number`` is a uint32z: 0 and 0xFFFFFFFF are not valid serials."""

FIT_EPOCH_S: Final = 631065600
"""1989-12-31T00:00:00Z in Unix seconds: FIT ``date_time`` counts from here."""

MAX_EXERCISE_WEIGHT_KG: Final = 655.34
"""``exercise_weight`` is a uint16 in units of 0.01 kg (0xFFFF means unset)."""

_DISPLAY_UNIT: Final = {MassUnit.KG: FitBaseUnit.KILOGRAM, MassUnit.LB: FitBaseUnit.POUND}
"""``weight_display_unit`` by the athlete's unit: the watch shows the weight in it."""

_LOCAL_FILE_ID: Final = 0
_LOCAL_WORKOUT: Final = 1
_LOCAL_STEP: Final = 2

_STEP_INTENSITY: Final = {
    StepKind.WARMUP: Intensity.WARMUP,
    StepKind.WORK: Intensity.ACTIVE,
    StepKind.STEADY: Intensity.ACTIVE,
    StepKind.RECOVERY: Intensity.RECOVERY,
    StepKind.COOLDOWN: Intensity.COOLDOWN,
}

_STEP_LABEL: Final = {
    StepKind.WARMUP: "Warm up",
    StepKind.RECOVERY: "Recovery",
    StepKind.COOLDOWN: "Cool down",
}

_ZONE_LABEL: Final = {
    PaceZone.EASY: "Easy",
    PaceZone.MARATHON: "Marathon pace",
    PaceZone.THRESHOLD: "Threshold",
    PaceZone.INTERVAL: "Interval",
    PaceZone.REPETITION: "Repetition",
    PaceZone.RACE: "Race pace",
}


def run_workout_fit(session: PlannedSession, *, serial: int) -> bytes:
    """Write a planned run as a FIT running workout.

    Args:
        session: a planned session whose prescription is a ``RunPrescription``.
        serial: ``file_id.serial_number`` (1 to 0xFFFFFFFE); watches tell
            workout files apart by it, so give each file its own.

    Raises:
        InvalidInput: the session is not a run, a step has no positive length,
            a pace range is inverted, or the values do not fit the FIT fields.
    """
    prescription = session.prescription
    if not isinstance(prescription, RunPrescription):
        raise InvalidInput("session", session.scheduled.id, "a run with a RunPrescription")
    steps = list(_run_steps(prescription))
    return _encode(
        session,
        serial=serial,
        sport=Sport.RUNNING,
        sub_sport=None,
        steps=steps,
        notes=prescription.notes,
    )


def lift_workout_fit(
    session: PlannedSession, *, serial: int, unit: MassUnit = MassUnit.KG
) -> bytes:
    """Write a planned lift as a FIT strength-training workout.

    Args:
        session: a planned session whose prescription is a ``LiftPrescription``.
        serial: ``file_id.serial_number`` (1 to 0xFFFFFFFE).
        unit: the athlete's unit: step names write loads in it and the watch shows
            weights in it (``weight_display_unit``); ``exercise_weight`` stays in kg.

    Raises:
        InvalidInput: the session is not a lift, it has no sets, or a set,
            rest or load does not fit the FIT fields.
    """
    prescription = session.prescription
    if not isinstance(prescription, LiftPrescription):
        raise InvalidInput("session", session.scheduled.id, "a lift with a LiftPrescription")
    steps = list(_lift_steps(prescription, unit))
    if not steps:
        raise InvalidInput("exercises", session.scheduled.id, "a lift needs at least one set")
    return _encode(
        session,
        serial=serial,
        sport=Sport.TRAINING,
        sub_sport=SubSport.STRENGTH_TRAINING,
        steps=steps,
        notes=prescription.notes,
    )


def workout_files(plan: Plan, *, unit: MassUnit = MassUnit.KG) -> dict[str, bytes]:
    """Write every session of a plan as a FIT workout, keyed by file name.

    Lifts write their loads in ``unit``, the athlete's (see ``lift_workout_fit``).

    Names are ASCII: the session id and its title as a slug
    (``w03-run1-threshold-3x1000m.fit``). Serials come from a CRC-32 of the
    athlete and the session id, so the same plan always gives the same bytes.

    Raises:
        InvalidInput: a session cannot be written (see ``run_workout_fit``).
    """
    files: dict[str, bytes] = {}
    for week in plan.weeks:
        for session in week.sessions:
            serial = _serial(f"{plan.athlete}/{session.scheduled.id}")
            if isinstance(session.prescription, RunPrescription):
                data = run_workout_fit(session, serial=serial)
            else:
                data = lift_workout_fit(session, serial=serial, unit=unit)
            files[_unique(_file_stem(session), files)] = data
    return files


def _serial(key: str) -> int:
    return max(1, min(SERIAL_MAX, zlib.crc32(key.encode("utf-8"))))


def _file_stem(session: PlannedSession) -> str:
    stem = f"{_slug(str(session.scheduled.id))}-{_slug(session.scheduled.spec.title)}"
    return stem[:80].rstrip("-.")


def _unique(stem: str, taken: dict[str, bytes]) -> str:
    name, number = f"{stem}.fit", 2
    while name in taken:
        name, number = f"{stem}-{number}.fit", number + 1
    return name


def _slug(text: str) -> str:
    """ASCII slug: ``Threshold 3 x 1000 m`` -> ``threshold-3x1000m``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    ascii_text = re.sub(r"(\d)\s*x\s*(\d)", r"\1x\2", ascii_text)
    ascii_text = re.sub(r"(\d)\s+(km|m|s|min|h|kg)\b", r"\1\2", ascii_text)
    slug = re.sub(r"[^a-z0-9.]+", "-", ascii_text).strip("-.")
    return slug or "session"


def _cut(text: str, max_bytes: int) -> str:
    """Cut UTF-8 text to at most ``max_bytes`` bytes without splitting a character."""
    return text.encode("utf-8")[:max_bytes].decode("utf-8", "ignore").rstrip()


def _named(stem: str, suffix: str) -> str:
    """``stem + suffix`` within the step-name limit, shortening the stem at a word boundary."""
    room = max(STEP_NAME_MAX_BYTES - len(suffix.encode("utf-8")), 0)
    if len(stem.encode("utf-8")) > room:
        cut = _cut(stem, room)
        stem = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return f"{stem.rstrip(' (,;')}{suffix}"


def _encode(
    session: PlannedSession,
    *,
    serial: int,
    sport: Sport,
    sub_sport: SubSport | None,
    steps: list[WorkoutStepMessage],
    notes: str,
) -> bytes:
    if not 1 <= serial <= SERIAL_MAX:
        raise InvalidInput("serial", serial, f"a whole number from 1 to {SERIAL_MAX}")
    start_s = int(session.scheduled.start.astimezone(UTC).timestamp())
    if start_s < FIT_EPOCH_S:
        raise InvalidInput("start", session.scheduled.start, "a start after 1989-12-31")

    file_id = FileIdMessage(local_id=_LOCAL_FILE_ID)
    file_id.type = FileType.WORKOUT
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = PRODUCT_ID
    file_id.serial_number = serial
    file_id.time_created = start_s * 1000

    title = session.scheduled.spec.title
    workout = WorkoutMessage(local_id=_LOCAL_WORKOUT)
    workout.sport = sport
    if sub_sport is not None:
        workout.sub_sport = sub_sport
    # Watches count the repeat steps too (FIT cookbook, "Encoding Workout Files").
    workout.num_valid_steps = len(steps)
    workout.workout_name = _cut(title, WORKOUT_NAME_MAX_BYTES)
    description = title
    if notes:
        description = notes if title in notes else f"{title}. {notes}"
    workout.workout_description = _cut(description, NOTES_MAX_BYTES)

    builder = FitFileBuilder(auto_define=True)
    builder.add(file_id)
    builder.add(workout)
    for index, step in enumerate(steps):
        step.message_index = index
        builder.add(step)
    data: bytes = builder.build().to_bytes()
    return data


def _new_step(*, name: str, intensity: Intensity | None, notes: str = "") -> WorkoutStepMessage:
    step = WorkoutStepMessage(local_id=_LOCAL_STEP)
    if name:
        step.workout_step_name = name
    if intensity is not None:
        step.intensity = intensity
    if notes:
        step.notes = _cut(notes, NOTES_MAX_BYTES)
    return step


# fit-tool picks a sub-field's scale from the type field already set: set
# duration_type before duration_*, target_type before custom_target_*.


def _set_time(step: WorkoutStepMessage, duration_s: float, *, field: str) -> None:
    if not duration_s > 0 or duration_s * 1000 > 0xFFFFFFFE:
        raise InvalidInput(field, duration_s, "a duration above 0 s (at most 49 days)")
    step.duration_type = WorkoutStepDuration.TIME
    step.duration_time = round(duration_s * 1000) / 1000


def _run_steps(prescription: RunPrescription) -> Iterator[WorkoutStepMessage]:
    index = 0
    for part in prescription.steps:
        if isinstance(part, RunStep):
            yield _run_step(part)
            index += 1
            continue
        if part.count < 1 or not part.steps:
            raise InvalidInput("repeat", part.count, "a repeat of one or more steps, at least once")
        first = index
        for step in part.steps:
            yield _run_step(step)
            index += 1
        if part.count > 1:
            yield _repeat_step(part, first_index=first)
            index += 1


SINGLE_PACE_BAND_S_PER_KM = 5.0
"""Half-width of the watch's target band around a single prescribed pace.

Daniels prescribes T, I and R as single paces; a zero-width target would make
the watch alert at every GPS wobble, so the file carries the pace +- 5 s/km.
A runlift convention for the device, not a coaching rule: the prescription in
``plan.json`` keeps the single pace.
"""


def watch_pace_band(fast_s_per_km: float, slow_s_per_km: float) -> tuple[float, float]:
    """The pace band written to the watch: a single pace widens to +- 5 s/km."""
    if fast_s_per_km == slow_s_per_km:
        return (
            fast_s_per_km - SINGLE_PACE_BAND_S_PER_KM,
            slow_s_per_km + SINGLE_PACE_BAND_S_PER_KM,
        )
    return fast_s_per_km, slow_s_per_km


def _run_step(run_step: RunStep) -> WorkoutStepMessage:
    step = _new_step(
        name=_run_step_name(run_step),
        intensity=_STEP_INTENSITY[run_step.kind],
        notes=run_step.description,
    )
    if run_step.distance_m is not None:
        if not run_step.distance_m > 0 or run_step.distance_m * 100 > 0xFFFFFFFE:
            raise InvalidInput("distance_m", run_step.distance_m, "a distance above 0 m")
        step.duration_type = WorkoutStepDuration.DISTANCE
        step.duration_distance = round(run_step.distance_m * 100) / 100
    elif run_step.duration_s is not None:
        _set_time(step, run_step.duration_s, field="duration_s")
    else:
        # Neither length given: the athlete ends the step with the lap button.
        step.duration_type = WorkoutStepDuration.OPEN

    fast, slow = run_step.pace_fast_s_per_km, run_step.pace_slow_s_per_km
    if fast is None or slow is None:
        step.target_type = WorkoutStepTarget.OPEN
        return step
    if not 0 < fast <= slow:
        raise InvalidInput(
            "pace_fast_s_per_km", fast, f"above 0 and no slower than pace_slow_s_per_km {slow}"
        )
    fast, slow = watch_pace_band(fast, slow)
    step.target_type = WorkoutStepTarget.SPEED
    step.target_speed_zone = 0  # 0 = custom range in the custom_target_* fields
    # Whole mm/s, rounded to nearest, so the encoded value is exactly this one.
    step.custom_target_speed_low = round(METRES_PER_KM * 1000 / slow) / 1000
    step.custom_target_speed_high = round(METRES_PER_KM * 1000 / fast) / 1000
    return step


def _run_step_name(run_step: RunStep) -> str:
    if run_step.kind in _STEP_LABEL:
        return _STEP_LABEL[run_step.kind]
    if run_step.zone is not None:
        return _ZONE_LABEL[run_step.zone]
    return "Run" if run_step.kind is StepKind.STEADY else "Work"


def _repeat_step(repeat: RunRepeat, *, first_index: int) -> WorkoutStepMessage:
    step = _new_step(name=f"Repeat {repeat.count}x", intensity=None)
    step.duration_type = WorkoutStepDuration.REPEAT_UNTIL_STEPS_CMPLT
    step.duration_step = first_index
    step.target_type = WorkoutStepTarget.OPEN
    step.target_repeat_steps = repeat.count
    return step


def _lift_steps(prescription: LiftPrescription, unit: MassUnit) -> Iterator[WorkoutStepMessage]:
    sets = [
        (exercise, number)
        for exercise in prescription.exercises
        for number in range(1, exercise.sets + 1)
    ]
    for position, (exercise, number) in enumerate(sets):
        yield _set_step(exercise, number=number, unit=unit)
        if exercise.rest_s < 0:
            raise InvalidInput("rest_s", exercise.rest_s, "a rest of 0 s or more")
        if position < len(sets) - 1 and exercise.rest_s > 0:
            yield _rest_step(exercise)


def _set_step(exercise: ExercisePrescription, *, number: int, unit: MassUnit) -> WorkoutStepMessage:
    if exercise.reps < 1:
        raise InvalidInput("reps", exercise.reps, "at least 1 rep per set")
    load = exercise.load_kg
    if load is not None and not 0 <= load <= MAX_EXERCISE_WEIGHT_KG:
        raise InvalidInput("load_kg", load, f"a load from 0 to {MAX_EXERCISE_WEIGHT_KG} kg")
    suffix = (
        f" {exercise.reps} x {format_mass(load, unit)}"
        if load is not None
        else f" {exercise.reps} reps"
    )
    if exercise.per_side:
        suffix += " per side"
    intensity_note = (
        f"{exercise.percent_1rm:g}% 1RM"
        if exercise.percent_1rm is not None
        else (f"RPE {exercise.rpe:g}" if exercise.rpe is not None else "")
    )
    notes = "; ".join(
        part
        for part in (f"set {number} of {exercise.sets}", intensity_note, exercise.notes)
        if part
    )
    step = _new_step(
        name=_named(exercise.name, suffix),
        intensity=Intensity.ACTIVE,
        notes=notes,
    )
    step.duration_type = WorkoutStepDuration.REPS
    step.duration_reps = exercise.reps
    step.target_type = WorkoutStepTarget.OPEN
    fit = fit_exercise(exercise.exercise)
    step.exercise_category = fit.category_code
    if fit.name_code is not None:
        step.exercise_name = fit.name_code
    if load is not None:
        step.exercise_weight = round(load * 100) / 100
        step.weight_display_unit = _DISPLAY_UNIT[unit].value
    return step


def _rest_step(exercise: ExercisePrescription) -> WorkoutStepMessage:
    step = _new_step(name="Rest", intensity=Intensity.REST)
    _set_time(step, exercise.rest_s, field="rest_s")
    step.target_type = WorkoutStepTarget.OPEN
    return step
