"""``plan.json``: the plan as data, its JSON Schema, and reading it back for ``runlift lint``.

The writer is deterministic (same plan in, same bytes out): keys in a fixed
order, no timestamps, floats rounded. The pydantic models below are the
published schema (``runlift schema plan``) and validate what the reader gets.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from runlift import __version__
from runlift.domain.athlete import AthleteProfile
from runlift.domain.plan import Plan, PlanAdjustment, PlanDay, PlannedSession, PlanWeek
from runlift.domain.prescription import (
    ExercisePrescription,
    LiftPrescription,
    Prescription,
    RunPrescription,
    RunRepeat,
    RunStep,
)
from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import WeekContext
from runlift.errors import ImportFormatError, InvalidInput
from runlift.io.imported import ImportedSessions, availability_dict, availability_from
from runlift.io.nutrition_json import NutritionDayModel
from runlift.vocabulary import (
    BlockFocus,
    EvidenceProfile,
    GoalKind,
    LiftKind,
    MassUnit,
    Modality,
    MuscleGroup,
    PaceZone,
    Phase,
    Priority,
    RunKind,
    StepKind,
)

FORMAT = "runlift-plan"
FORMAT_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StepModel(_Model):
    """One step of a structured run."""

    kind: StepKind
    duration_s: float | None = None
    distance_m: float | None = None
    zone: PaceZone | None = None
    pace_fast_s_per_km: float | None = None
    pace_slow_s_per_km: float | None = None
    description: str = ""


class RepeatModel(_Model):
    """Steps repeated ``repeat`` times."""

    repeat: int = Field(ge=1)
    steps: list[StepModel]


class RunPrescriptionModel(_Model):
    """A run's prescription."""

    type: Literal["run"]
    kind: RunKind
    distance_km: float
    duration_min: float
    rpe: float
    steps: list[StepModel | RepeatModel]
    notes: str = ""


class ExerciseModel(_Model):
    """One exercise of a lift."""

    exercise: str
    name: str
    sets: int
    reps: int
    percent_1rm: float | None = None
    rpe: float | None = None
    load_kg: float | None = None
    rest_s: int
    per_side: bool = False
    notes: str = ""


class LiftPrescriptionModel(_Model):
    """A lift's prescription."""

    type: Literal["lift"]
    kind: LiftKind
    duration_min: float
    rpe: float
    exercises: list[ExerciseModel]
    notes: str = ""


class SessionModel(_Model):
    """A placed, prescribed, explained session."""

    id: str
    modality: Modality
    kind: str
    title: str
    start: datetime
    end: datetime
    duration_min: int
    key: bool = False
    muscle_groups: list[MuscleGroup] = Field(default_factory=list)
    contains_explosive: bool = False
    prescription: RunPrescriptionModel | LiftPrescriptionModel = Field(discriminator="type")
    rules: list[str]
    explanation: list[str]


class DayModel(_Model):
    """One calendar day."""

    date: date
    sessions: list[SessionModel]
    nutrition: NutritionDayModel | None = None


class AdjustmentModel(_Model):
    """A change the planner made to a week so that a hard rule holds (a session left out)."""

    rule_ids: list[str] = Field(description="the rules that forced the change, e.g. SCH-10")
    kind: str = Field(description='what changed; "dropped": a session was left out')
    session_id: str
    title: str
    text: str = Field(description="one plain sentence saying what changed and why")


class WeekModel(_Model):
    """One week."""

    index: int
    start: date
    block: int
    focus: BlockFocus
    phase: Phase
    deload: bool
    notes: list[str] = Field(default_factory=list)
    adjustments: list[AdjustmentModel] = Field(
        default_factory=list,
        description="what the planner changed in this week so that a hard rule holds; "
        "each text is also among the notes",
    )
    days: list[DayModel]


class RulesContextModel(_Model):
    """What the scheduling rules read of the athlete: goal, priority, profile, rest days."""

    goal: GoalKind
    priority: Priority
    evidence_profile: EvidenceProfile
    rest_days_min: int = Field(ge=0, le=6)
    availability: dict[str, list[str]] | None = Field(
        default=None, description="the athlete's windows by weekday, for checking fixes"
    )


class PlanModel(_Model):
    """A whole plan file."""

    format: Literal["runlift-plan"]
    version: int
    generator: str
    athlete: str
    timezone: str
    units: MassUnit = Field(
        default=MassUnit.KG,
        description="the athlete's unit, in which loads and body mass are shown; the numbers "
        "in this file stay in kg (load_kg), the nutrition's body masses in their own `units`",
    )
    rules_context: RulesContextModel | None = None
    start: date
    end: date
    weeks: list[WeekModel]


def _r(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _step(step: RunStep) -> dict[str, Any]:
    return {
        "kind": step.kind.value,
        "duration_s": _r(step.duration_s, 0),
        "distance_m": _r(step.distance_m, 0),
        "zone": None if step.zone is None else step.zone.value,
        "pace_fast_s_per_km": _r(step.pace_fast_s_per_km),
        "pace_slow_s_per_km": _r(step.pace_slow_s_per_km),
        "description": step.description,
    }


def prescription_dict(prescription: Prescription) -> dict[str, Any]:
    """The JSON form of a prescription."""
    if isinstance(prescription, RunPrescription):
        return {
            "type": "run",
            "kind": prescription.kind.value,
            "distance_km": _r(prescription.distance_km, 2),
            "duration_min": _r(prescription.duration_min),
            "rpe": _r(prescription.rpe),
            "steps": [
                {"repeat": s.count, "steps": [_step(x) for x in s.steps]}
                if isinstance(s, RunRepeat)
                else _step(s)
                for s in prescription.steps
            ],
            "notes": prescription.notes,
        }
    return {
        "type": "lift",
        "kind": prescription.kind.value,
        "duration_min": _r(prescription.duration_min),
        "rpe": _r(prescription.rpe),
        "exercises": [
            {
                "exercise": e.exercise,
                "name": e.name,
                "sets": e.sets,
                "reps": e.reps,
                "percent_1rm": _r(e.percent_1rm),
                "rpe": _r(e.rpe),
                "load_kg": _r(e.load_kg, 2),
                "rest_s": e.rest_s,
                "per_side": e.per_side,
                "notes": e.notes,
            }
            for e in prescription.exercises
        ],
        "notes": prescription.notes,
    }


def session_dict(session: PlannedSession) -> dict[str, Any]:
    """The JSON form of a planned session."""
    spec = session.scheduled.spec
    return {
        "id": spec.id,
        "modality": spec.modality.value,
        "kind": spec.kind.value,
        "title": spec.title,
        "start": session.scheduled.start.isoformat(),
        "end": session.scheduled.end.isoformat(),
        "duration_min": spec.duration_min,
        "key": spec.key,
        "muscle_groups": sorted(g.value for g in spec.muscle_groups),
        "contains_explosive": spec.contains_explosive,
        "prescription": prescription_dict(session.prescription),
        "rules": list(session.rules),
        "explanation": list(session.explanation),
    }


def plan_dict(
    plan: Plan,
    *,
    timezone: str,
    nutrition: dict[date, dict[str, Any]] | None = None,
    profile: AthleteProfile | None = None,
) -> dict[str, Any]:
    """The JSON form of a plan; ``nutrition`` adds each day's targets.

    With the athlete's ``profile``, the file states the athlete's unit (``units``; loads
    stay in kg) and says what the scheduling rules read of it (``rules_context``), so
    that ``runlift lint plan.json`` judges the plan by the athlete's own goal, priority,
    evidence profile and rest days.
    """
    context = None
    if profile is not None:
        context = {
            "goal": profile.goal.kind.value,
            "priority": profile.goal.priority.value,
            "evidence_profile": profile.evidence_profile.value,
            "rest_days_min": profile.rest_days_min,
            "availability": availability_dict(profile.availability),
        }
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "generator": f"runlift {__version__}",
        "athlete": plan.athlete,
        "timezone": timezone,
        "units": MassUnit.KG.value if profile is None else profile.units.value,
        "rules_context": context,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "weeks": [
            {
                "index": week.index,
                "start": week.start.isoformat(),
                "block": week.block,
                "focus": week.focus.value,
                "phase": week.phase.value,
                "deload": week.deload,
                "notes": list(week.notes),
                "adjustments": [
                    {
                        "rule_ids": list(change.rule_ids),
                        "kind": change.kind,
                        "session_id": change.session_id,
                        "title": change.title,
                        "text": change.text,
                    }
                    for change in week.adjustments
                ],
                "days": [
                    {
                        "date": day.date.isoformat(),
                        "sessions": [session_dict(s) for s in day.sessions],
                        "nutrition": None if nutrition is None else nutrition.get(day.date),
                    }
                    for day in week.days
                ],
            }
            for week in plan.weeks
        ],
    }


def dumps(data: dict[str, Any]) -> str:
    """Serialise deterministically."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of ``plan.json``."""
    schema: dict[str, Any] = PlanModel.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "runlift plan"
    return schema


def parse_plan(text: str) -> PlanModel:
    """Validate a ``plan.json`` text.

    Raises:
        ImportFormatError: not JSON, or not a runlift plan (naming the first wrong field).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError("json", f"not JSON (line {exc.lineno}: {exc.msg})") from None
    try:
        return PlanModel.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "plan"
        raise ImportFormatError(
            "json", f"not a runlift plan: {where}: {error['msg']} ({exc.error_count()} problem(s))"
        ) from None


def _kind(modality: Modality, kind: str, session_id: str) -> RunKind | LiftKind:
    try:
        return RunKind(kind) if modality is Modality.RUN else LiftKind(kind)
    except ValueError:
        raise ImportFormatError("json", f"session {session_id}: unknown kind '{kind}'") from None


def read_plan_sessions(text: str) -> ImportedSessions:
    """Read the sessions of a ``plan.json`` for checking."""
    plan, model = read_plan(text)
    sessions = sorted(
        (session.scheduled for week in plan.weeks for session in week.sessions),
        key=lambda s: s.start,
    )
    context = None
    availability = None
    if model.rules_context is not None:
        context = WeekContext(
            goal=model.rules_context.goal,
            priority=model.rules_context.priority,
            profile=model.rules_context.evidence_profile,
            rest_days_min=model.rules_context.rest_days_min,
            timezone=model.timezone,
        )
        if model.rules_context.availability is not None:
            try:
                availability = availability_from(model.rules_context.availability)
            except InvalidInput as exc:
                raise ImportFormatError("json", f"rules_context.{exc}") from None
    return ImportedSessions(
        sessions=tuple(sessions),
        ignored=(),
        timezone=model.timezone,
        context=context,
        availability=availability,
    )


def _step_domain(step: StepModel) -> RunStep:
    return RunStep(
        kind=step.kind,
        duration_s=step.duration_s,
        distance_m=step.distance_m,
        zone=step.zone,
        pace_fast_s_per_km=step.pace_fast_s_per_km,
        pace_slow_s_per_km=step.pace_slow_s_per_km,
        description=step.description,
    )


def _prescription_domain(model: RunPrescriptionModel | LiftPrescriptionModel) -> Prescription:
    if isinstance(model, RunPrescriptionModel):
        return RunPrescription(
            kind=model.kind,
            steps=tuple(
                RunRepeat(count=s.repeat, steps=tuple(_step_domain(x) for x in s.steps))
                if isinstance(s, RepeatModel)
                else _step_domain(s)
                for s in model.steps
            ),
            distance_km=model.distance_km,
            duration_min=model.duration_min,
            rpe=model.rpe,
            notes=model.notes,
        )
    return LiftPrescription(
        kind=model.kind,
        exercises=tuple(
            ExercisePrescription(
                exercise=e.exercise,
                name=e.name,
                sets=e.sets,
                reps=e.reps,
                rest_s=e.rest_s,
                percent_1rm=e.percent_1rm,
                rpe=e.rpe,
                load_kg=e.load_kg,
                per_side=e.per_side,
                notes=e.notes,
            )
            for e in model.exercises
        ),
        duration_min=model.duration_min,
        rpe=model.rpe,
        notes=model.notes,
    )


def _session_domain(item: SessionModel) -> PlannedSession:
    spec = SessionSpec(
        id=SessionId(item.id),
        modality=item.modality,
        kind=_kind(item.modality, item.kind, item.id),
        title=item.title,
        duration_min=item.duration_min,
        muscle_groups=frozenset(item.muscle_groups),
        key=item.key,
        rpe=item.prescription.rpe,
        contains_explosive=item.contains_explosive,
    )
    if item.start.tzinfo is None or item.end <= item.start:
        raise ImportFormatError(
            "json", f"session {item.id}: start/end need offsets and end after start"
        )
    return PlannedSession(
        scheduled=ScheduledSession(spec=spec, start=item.start, end=item.end),
        prescription=_prescription_domain(item.prescription),
        rules=tuple(item.rules),
        explanation=tuple(item.explanation),
    )


def read_plan(text: str) -> tuple[Plan, PlanModel]:
    """Read a ``plan.json`` back into a ``Plan`` (and the validated file, for its extras)."""
    model = parse_plan(text)
    plan = Plan(
        athlete=model.athlete,
        start=model.start,
        end=model.end,
        weeks=tuple(
            PlanWeek(
                index=week.index,
                start=week.start,
                block=week.block,
                focus=week.focus,
                phase=week.phase,
                deload=week.deload,
                notes=tuple(week.notes),
                adjustments=tuple(
                    PlanAdjustment(
                        rule_ids=tuple(change.rule_ids),
                        kind=change.kind,
                        session_id=change.session_id,
                        title=change.title,
                        text=change.text,
                    )
                    for change in week.adjustments
                ),
                days=tuple(
                    PlanDay(
                        date=day.date,
                        sessions=tuple(_session_domain(s) for s in day.sessions),
                    )
                    for day in week.days
                ),
            )
            for week in model.weeks
        ),
    )
    return plan, model
