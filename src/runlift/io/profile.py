"""Athlete profiles in YAML: validation with field-named messages, and the published JSON Schema."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from runlift.domain.athlete import (
    AthleteProfile,
    DayRhythm,
    Goal,
    LiftingBackground,
    LiftRecord,
    RaceGoal,
    RaceResult,
    RunningBackground,
)
from runlift.domain.quantities import parse_distance_m, parse_duration_s
from runlift.domain.week import TimeWindow
from runlift.errors import InvalidInput
from runlift.vocabulary import (
    ActivityLevel,
    EvidenceProfile,
    Experience,
    GoalKind,
    LiftingStyle,
    MassUnit,
    Priority,
    Sex,
    Weekday,
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Distance = Annotated[str, Field(description="5k, 10k, half, marathon, 1500m, 12km, 3.1mi ...")]
Duration = Annotated[
    str | int, Field(description='"mm:ss" or "h:mm:ss" (quoted), or seconds as a number')
]
Clock = Annotated[str, Field(pattern=r"^\d{1,2}:\d{2}$", description='local time "HH:MM", quoted')]


def _seconds(value: str | int, field: str) -> float:
    if isinstance(value, int):
        if value <= 0:
            raise InvalidInput(field, value, "a time must be longer than zero")
        return float(value)
    return parse_duration_s(value, field=field)


class RaceResultModel(_Strict):
    """A race already run."""

    distance: Distance
    time: Duration
    date: dt.date | None = None


class RaceGoalModel(_Strict):
    """The goal race."""

    distance: Distance
    date: dt.date
    target_time: Duration | None = None


class GoalModel(_Strict):
    """The goal and its priority."""

    kind: GoalKind
    priority: Priority
    race: RaceGoalModel | None = None
    weeks: int | None = Field(default=None, ge=4, le=52)
    date: dt.date | None = None

    @model_validator(mode="after")
    def _goal_has_an_end(self) -> GoalModel:
        if self.kind is GoalKind.RACE:
            if self.race is None:
                raise ValueError("a race goal needs race: {distance, date[, target_time]}")
        elif self.weeks is None and self.date is None:
            raise ValueError("a goal without a race needs weeks: N (4-52) or date: YYYY-MM-DD")
        return self


class RunningModel(_Strict):
    """Running background."""

    weekly_km: float = Field(ge=0, le=250)
    recent_race: RaceResultModel | None = None


class LiftRecordModel(_Strict):
    """A known 1RM, or a recent set."""

    weight_kg: float | None = Field(default=None, gt=0, le=500)
    reps: int | None = Field(default=None, ge=1, le=12)
    rpe: float | None = Field(default=None, ge=6, le=10)
    one_rep_max_kg: float | None = Field(default=None, gt=0, le=500)

    @model_validator(mode="after")
    def _one_way_to_know(self) -> LiftRecordModel:
        if self.one_rep_max_kg is None and (self.weight_kg is None or self.reps is None):
            raise ValueError("give one_rep_max_kg, or weight_kg with reps (and optionally rpe)")
        return self


class LiftingModel(_Strict):
    """Lifting background."""

    experience: Experience
    sessions_per_week: int = Field(ge=0, le=6)
    maxes: dict[str, LiftRecordModel] = Field(default_factory=dict)
    equipment: list[str] = Field(default_factory=list)
    style: LiftingStyle = LiftingStyle.FULL


class DayModel(_Strict):
    """Wake and sleep times."""

    wake: Clock
    sleep: Clock


class ProfileModel(_Strict):
    """An athlete profile as written in YAML."""

    name: str = Field(min_length=1)
    sex: Sex
    birth_date: dt.date
    height_cm: float = Field(ge=120, le=230)
    mass_kg: float = Field(ge=30, le=250)
    body_fat_percent: float | None = Field(default=None, ge=3, le=60)
    timezone: str
    start_date: dt.date
    goal: GoalModel
    running: RunningModel
    lifting: LiftingModel
    availability: dict[Weekday, list[str]]
    rest_days_min: int = Field(default=1, ge=0, le=6)
    day: DayModel = DayModel(wake="07:00", sleep="23:00")
    evidence_profile: EvidenceProfile = EvidenceProfile.DEFAULT
    daily_activity: ActivityLevel = Field(
        default=ActivityLevel.LIGHT,
        description="the day outside training: sedentary (desk), light (some walking), active "
        "(on your feet); sets the non-exercise part of energy expenditure",
    )
    units: MassUnit = Field(
        default=MassUnit.KG, description="show body mass in kg or lb (food stays in grams)"
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415 - validation only

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("use an IANA time zone name such as Europe/Berlin") from None
        return value


def _location(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "profile"


def _problem(error: Any) -> tuple[str, object, str]:
    field = _location(tuple(error["loc"]))
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "is not a profile field (check the spelling; see `runlift schema profile`)"
    elif error["type"] == "missing":
        message = "is required"
    return field, error.get("input"), message


def _windows(day: Weekday, texts: list[str]) -> tuple[TimeWindow, ...]:
    windows = tuple(
        TimeWindow.parse(text, field_name=f"availability.{day.value}[{i}]")
        for i, text in enumerate(texts)
    )
    ordered = sorted(windows, key=lambda w: w.start_min)
    for earlier, later in itertools.pairwise(ordered):
        if later.start_min < earlier.end_min:
            raise InvalidInput(
                f"availability.{day.value}", f"{earlier} and {later}", "windows must not overlap"
            )
    return tuple(ordered)


def _clock(text: str, field: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text.zfill(5))
    except ValueError:
        raise InvalidInput(field, text, 'use a local time "HH:MM", e.g. "06:30"') from None


def _to_domain(model: ProfileModel) -> AthleteProfile:
    goal = model.goal
    race_goal = None
    if goal.race is not None:
        race_goal = RaceGoal(
            distance_m=parse_distance_m(goal.race.distance, field="goal.race.distance"),
            date=goal.race.date,
            target_time_s=None
            if goal.race.target_time is None
            else _seconds(goal.race.target_time, "goal.race.target_time"),
        )
        if race_goal.date <= model.start_date:
            raise InvalidInput(
                "goal.race.date", race_goal.date.isoformat(), "the race must be after start_date"
            )
    recent = model.running.recent_race
    return AthleteProfile(
        name=model.name,
        sex=model.sex,
        birth_date=model.birth_date,
        height_cm=model.height_cm,
        mass_kg=model.mass_kg,
        body_fat_percent=model.body_fat_percent,
        timezone=model.timezone,
        start_date=model.start_date,
        goal=Goal(
            kind=goal.kind, priority=goal.priority, race=race_goal, weeks=goal.weeks, date=goal.date
        ),
        running=RunningBackground(
            weekly_km=model.running.weekly_km,
            recent_race=None
            if recent is None
            else RaceResult(
                distance_m=parse_distance_m(recent.distance, field="running.recent_race.distance"),
                time_s=_seconds(recent.time, "running.recent_race.time"),
                date=recent.date,
            ),
        ),
        lifting=LiftingBackground(
            experience=model.lifting.experience,
            sessions_per_week=model.lifting.sessions_per_week,
            maxes={
                name: LiftRecord(
                    weight_kg=r.weight_kg, reps=r.reps, rpe=r.rpe, one_rep_max_kg=r.one_rep_max_kg
                )
                for name, r in model.lifting.maxes.items()
            },
            equipment=frozenset(model.lifting.equipment),
            style=model.lifting.style,
        ),
        availability={day: _windows(day, model.availability.get(day, [])) for day in Weekday},
        rest_days_min=model.rest_days_min,
        day=DayRhythm(
            wake=_clock(model.day.wake, "day.wake"), sleep=_clock(model.day.sleep, "day.sleep")
        ),
        evidence_profile=model.evidence_profile,
        daily_activity=model.daily_activity,
        units=model.units,
    )


class _ProfileLoader(yaml.SafeLoader):
    """YAML's safe loader, with dates left as text for the profile's own validation.

    The plain safe loader turns ``2026-13-01`` into a bare ``ValueError`` before any
    field is known; as text, the date is checked with the field's name and the fix.
    """


_ProfileLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_profile(text: str) -> AthleteProfile:
    """Parse and validate a YAML athlete profile.

    Raises:
        InvalidInput: naming the first field at fault, its value and what is allowed;
            further problems are listed in the same message and in ``problems``.
    """
    try:
        data = yaml.load(text, Loader=_ProfileLoader)  # a safe loader: see _ProfileLoader
    except yaml.YAMLError as exc:
        raise InvalidInput("profile", "(YAML)", f"not valid YAML: {exc}") from None
    return profile_from_data(data)


def profile_from_data(data: object) -> AthleteProfile:
    """Validate a profile already parsed (from YAML, JSON or a form) as YAML's are validated.

    Dates may be ISO text or dates; the checks and messages are ``read_profile``'s.

    Raises:
        InvalidInput: naming the first field at fault, its value and what is allowed;
            further problems are listed in the same message and in ``problems``.
    """
    if not isinstance(data, dict):
        raise InvalidInput("profile", type(data).__name__, "expected a YAML mapping of fields")
    try:
        model = ProfileModel.model_validate(data)
    except ValidationError as exc:
        problems = [describe_error(error) for error in exc.errors()]
        field, value, message = problems[0]
        if len(problems) > 1:
            rest = "; ".join(f"{f}: {m}" for f, _, m in problems[1:4])
            message = f"{message} (also {rest})"
        raise InvalidInput(
            field, value, message, problems=tuple((f, m) for f, _, m in problems)
        ) from None
    return _to_domain(model)


def describe_error(error: Mapping[str, Any]) -> tuple[str, object, str]:
    """One pydantic error of a profile as (field, value, message), worded as runlift words it.

    The field is the dotted path (``goal.race.date``), the message says what is
    allowed (``is required``, ``is not a profile field ...``).
    """
    return _problem(error)


def profile_json_schema() -> dict[str, Any]:
    """The JSON Schema of the profile format."""
    schema: dict[str, Any] = ProfileModel.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "runlift athlete profile"
    return schema
