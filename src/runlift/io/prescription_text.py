"""A prescription as plain-text lines, for calendars, reports and the terminal.

One line per item, nested steps indented by two spaces::

    Run (tempo): 5.83 km, about 37 min, session RPE 6
    - Warm-up: 2.3 km easy (E) at 5:59-6:41/km
    - 2 x:
      - Work: 800 m threshold (T) at 5:08/km
      - Recovery: 1 min easy jog
    - Cool-down: 1.63 km easy (E) at 5:59-6:41/km
    Notes: Threshold 2 x 800 m; paces from VDOT 39.5

Paces are m:ss per km (fast bound first), loads in the athlete's unit (kg, or
lb: ``Back squat: 5 x 5 at 75 % 1RM, 215 lb``), rests and recoveries in minutes
and seconds.
"""

from __future__ import annotations

from typing import Final

from runlift.domain.prescription import (
    ExercisePrescription,
    LiftPrescription,
    Prescription,
    RunPrescription,
    RunRepeat,
    RunStep,
)
from runlift.units import METRES_PER_KM, SECONDS_PER_HOUR, SECONDS_PER_MINUTE, format_mass
from runlift.vocabulary import MassUnit, PaceZone, StepKind

_STEP_LABELS: Final = {
    StepKind.WARMUP: "Warm-up",
    StepKind.WORK: "Work",
    StepKind.RECOVERY: "Recovery",
    StepKind.COOLDOWN: "Cool-down",
    StepKind.STEADY: "Run",
}
_ZONE_LABELS: Final = {
    PaceZone.EASY: "easy (E)",
    PaceZone.MARATHON: "marathon (M)",
    PaceZone.THRESHOLD: "threshold (T)",
    PaceZone.INTERVAL: "interval (I)",
    PaceZone.REPETITION: "repetition (R)",
    PaceZone.RACE: "race pace",
}
_S_PER_MIN: Final = int(SECONDS_PER_MINUTE)
_S_PER_HOUR: Final = int(SECONDS_PER_HOUR)
_INDENT: Final = "  "
_TRACK_STEPS: Final = frozenset({StepKind.WORK, StepKind.RECOVERY})
_TRACK_MAX_M: Final = 3000.0


def _number(value: float) -> str:
    """``30.0 -> '30'``, ``37.5 -> '37.5'``, ``31.25 -> '31.25'``."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _clock(total_s: int) -> str:
    minutes, seconds = divmod(total_s, _S_PER_MIN)
    return f"{minutes}:{seconds:02d}"


def _pace(pace_s_per_km: float) -> str:
    return _clock(round(pace_s_per_km))


def _pace_range(fast_s_per_km: float | None, slow_s_per_km: float | None) -> str:
    """``5:59-6:41/km``, or ``5:08/km`` when both bounds round to the same second."""
    bounds = [p for p in (fast_s_per_km, slow_s_per_km) if p is not None]
    if not bounds:
        return ""
    fast, slow = _pace(min(bounds)), _pace(max(bounds))
    return f"{fast}/km" if fast == slow else f"{fast}-{slow}/km"


def _duration(duration_s: float) -> str:
    """``45 s``, ``1 min``, ``2:30 min``, ``1:05:00 h``."""
    total = round(duration_s)
    if total < _S_PER_MIN:
        return f"{total} s"
    if total >= _S_PER_HOUR:
        hours, rest = divmod(total, _S_PER_HOUR)
        return f"{hours}:{_clock(rest).zfill(5)} h"
    if total % _S_PER_MIN == 0:
        return f"{total // _S_PER_MIN} min"
    return f"{_clock(total)} min"


def _distance(distance_m: float, *, kind: StepKind) -> str:
    """Reps and their recoveries in metres as on a track (``1600 m``), the rest in km."""
    in_metres = kind in _TRACK_STEPS and distance_m < _TRACK_MAX_M
    if distance_m < METRES_PER_KM or in_metres:
        return f"{round(distance_m)} m"
    return f"{_number(distance_m / METRES_PER_KM)} km"


def _step_line(step: RunStep) -> str:
    label = _STEP_LABELS[step.kind]
    if step.zone is None and step.pace_fast_s_per_km is None and step.description:
        # Untargeted steps (jog recoveries) are best said by their own words.
        return f"{label}: {step.description}"
    amounts = [_distance(step.distance_m, kind=step.kind)] if step.distance_m is not None else []
    if step.duration_s is not None:
        amounts.append(_duration(step.duration_s))
    parts = [" / ".join(amounts)] if amounts else []
    if step.zone is not None:
        parts.append(_ZONE_LABELS[step.zone])
    pace = _pace_range(step.pace_fast_s_per_km, step.pace_slow_s_per_km)
    if pace:
        parts.append(f"at {pace}")
    return f"{label}: {' '.join(parts) or step.description or 'as you feel'}"


def _run_lines(run: RunPrescription) -> list[str]:
    lines = [
        f"Run ({run.kind.value.replace('_', ' ')}): {_number(run.distance_km)} km, "
        f"about {round(run.duration_min)} min, session RPE {_number(run.rpe)}"
    ]
    for item in run.steps:
        if isinstance(item, RunRepeat):
            lines.append(f"- {item.count} x:")
            lines.extend(f"{_INDENT}- {_step_line(step)}" for step in item.steps)
        else:
            lines.append(f"- {_step_line(item)}")
    if run.notes:
        lines.append(f"Notes: {run.notes}")
    return lines


def _intensity(exercise: ExercisePrescription) -> str:
    parts: list[str] = []
    if exercise.percent_1rm is not None:
        parts.append(f"{_number(exercise.percent_1rm)} % 1RM")
    if exercise.rpe is not None:
        parts.append(f"RPE {_number(exercise.rpe)}")
    return f" at {' / '.join(parts)}" if parts else ""


def _exercise_line(exercise: ExercisePrescription, unit: MassUnit) -> str:
    side = " per side" if exercise.per_side else ""
    text = f"{exercise.name}: {exercise.sets} x {exercise.reps}{side}{_intensity(exercise)}"
    if exercise.load_kg is not None:
        text += f", {format_mass(exercise.load_kg, unit)}"
    text += f", rest {_duration(exercise.rest_s)}"
    if exercise.notes:
        text += f" ({exercise.notes})"
    return text


def _lift_lines(lift: LiftPrescription, unit: MassUnit) -> list[str]:
    count = len(lift.exercises)
    lines = [
        f"Lift ({lift.kind.value.replace('_', ' ')}): {count} exercise{'s' * (count != 1)}, "
        f"{lift.hard_sets} hard sets, about {round(lift.duration_min)} min, "
        f"session RPE {_number(lift.rpe)}"
    ]
    lines.extend(f"- {_exercise_line(e, unit)}" for e in lift.exercises)
    if lift.notes:
        lines.append(f"Notes: {lift.notes}")
    return lines


def prescription_lines(
    prescription: Prescription, *, unit: MassUnit = MassUnit.KG
) -> tuple[str, ...]:
    """The whole prescription as plain-text lines.

    The first line sums the session up (kind, distance or exercises, time,
    session RPE); then one ``- `` line per step or exercise, the steps of a
    repeat indented under ``- N x:``; then the notes.

    Args:
        prescription: a run's or a lift's prescription.
        unit: the athlete's unit, in which loads are written (``load_kg`` converted).

    Returns:
        The lines, without line endings.
    """
    if isinstance(prescription, RunPrescription):
        return tuple(_run_lines(prescription))
    return tuple(_lift_lines(prescription, unit))
