"""What a session asks of the athlete: structured runs and lifting exercises with loads."""

from __future__ import annotations

from dataclasses import dataclass

from runlift.vocabulary import LiftKind, PaceZone, RunKind, StepKind


@dataclass(frozen=True, slots=True, kw_only=True)
class RunStep:
    """One step of a structured run: by time or by distance, at a pace zone.

    ``pace_fast_s_per_km`` is the faster (smaller) bound of the target range.
    """

    kind: StepKind
    duration_s: float | None = None
    distance_m: float | None = None
    zone: PaceZone | None = None
    pace_fast_s_per_km: float | None = None
    pace_slow_s_per_km: float | None = None
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class RunRepeat:
    """A block of steps repeated ``count`` times (e.g. 5 x [1000 m at I, 400 m jog])."""

    count: int
    steps: tuple[RunStep, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class RunPrescription:
    """A whole run: its kind, steps, and planned totals."""

    kind: RunKind
    steps: tuple[RunStep | RunRepeat, ...]
    distance_km: float
    duration_min: float
    rpe: float
    notes: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ExercisePrescription:
    """One exercise of a lift: sets x reps at a %1RM or an RPE, with a load and a rest."""

    exercise: str
    name: str
    sets: int
    reps: int
    rest_s: int
    percent_1rm: float | None = None
    rpe: float | None = None
    load_kg: float | None = None
    per_side: bool = False
    notes: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class LiftPrescription:
    """A whole lifting session."""

    kind: LiftKind
    exercises: tuple[ExercisePrescription, ...]
    duration_min: float
    rpe: float
    notes: str = ""

    @property
    def hard_sets(self) -> int:
        """Sets counted as hard (every prescribed work set)."""
        return sum(e.sets for e in self.exercises)


Prescription = RunPrescription | LiftPrescription
