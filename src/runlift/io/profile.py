"""Athlete profiles in YAML: validation with field-named messages, and the published JSON Schema."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import Annotated, Any, get_args, get_origin

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic.fields import FieldInfo

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
from runlift.domain.exercises import Equipment
from runlift.domain.quantities import parse_distance_m, parse_duration_s, quantity
from runlift.domain.records import check_race_time
from runlift.domain.week import TimeWindow
from runlift.errors import InvalidInput
from runlift.rules import RULES, RuleId
from runlift.science import running
from runlift.units import mass_kg_from
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


def lift_sessions_allowed(priority: Priority) -> tuple[int, int]:
    """The fewest and most lifts a week a profile may ask for besides none (SCH-7).

    Legs, back and chest are each trained on ``min_per_week`` days or more, so fewer
    lifts than that cannot be planned; at most ``max_lifts`` (``max_lifts_lifting_first``
    when lifting comes first). The profile's schema, its validation, the wizard and the
    template all read these numbers from the rule, the one place they are declared.
    """
    rule = RULES[RuleId("SCH-7")]
    low = int(rule.param("min_per_week", EvidenceProfile.DEFAULT))
    name = "max_lifts_lifting_first" if priority is Priority.LIFTING else "max_lifts"
    return low, int(rule.param(name, EvidenceProfile.DEFAULT))


def lift_sessions_text() -> str:
    """The lifts-a-week choices in words, e.g. ``0, or 2-3 (2-4 when lifting comes first)``."""
    low, high = lift_sessions_allowed(Priority.RUNNING)
    _, most = lift_sessions_allowed(Priority.LIFTING)
    return f"0 (no lifting), or {low}-{high} ({low}-{most} when lifting comes first; SCH-7)"


def _choices(annotation: object) -> str | None:
    for arg in (annotation, *get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return " | ".join(str(member.value) for member in arg)
    return None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _choice_in_any_case(cls, value: object, info: ValidationInfo) -> object:
        """A choice (``female``, ``Half``-like words of an enum) is read in any letter case."""
        field = cls.model_fields.get(info.field_name or "")
        if isinstance(value, str) and field is not None and _choices(field.annotation):
            return value.strip().lower()
        return value


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

    weekly_km: float = Field(ge=0, le=250, description="what you run now, km a week (0 to 250)")
    recent_race: RaceResultModel | None = None


class LiftRecordModel(_Strict):
    """A known 1RM, or a recent set; weights in kg, or in lb with the ``_lb`` fields."""

    weight_kg: float | None = Field(default=None, gt=0, le=500)
    weight_lb: float | None = Field(
        default=None, gt=0, le=1100, description="the set's weight in pounds, instead of weight_kg"
    )
    reps: int | None = Field(default=None, ge=1, le=12)
    rpe: float | None = Field(default=None, ge=6, le=10)
    one_rep_max_kg: float | None = Field(default=None, gt=0, le=500)
    one_rep_max_lb: float | None = Field(
        default=None, gt=0, le=1100, description="the 1RM in pounds, instead of one_rep_max_kg"
    )

    @model_validator(mode="after")
    def _one_way_to_know(self) -> LiftRecordModel:
        for name in ("weight", "one_rep_max"):
            if getattr(self, f"{name}_kg") is not None and getattr(self, f"{name}_lb") is not None:
                raise ValueError(f"give {name}_kg or {name}_lb, not both")
        weight = self.weight_kg if self.weight_kg is not None else self.weight_lb
        one_rep_max = (
            self.one_rep_max_kg if self.one_rep_max_kg is not None else self.one_rep_max_lb
        )
        if one_rep_max is None and (weight is None or self.reps is None):
            raise ValueError(
                "give one_rep_max_kg, or weight_kg with reps (and optionally rpe); "
                "in pounds one_rep_max_lb or weight_lb"
            )
        return self

    def record(self) -> LiftRecord:
        """The record with its weights in kg."""
        return LiftRecord(
            weight_kg=_kg(self.weight_kg, self.weight_lb),
            reps=self.reps,
            rpe=self.rpe,
            one_rep_max_kg=_kg(self.one_rep_max_kg, self.one_rep_max_lb),
        )


def _kg(kg: float | None, lb: float | None) -> float | None:
    """A mass given in kg or in lb (at most one of them), in kg."""
    return kg if lb is None else mass_kg_from(lb, MassUnit.LB)


class LiftingModel(_Strict):
    """Lifting background."""

    experience: Experience
    sessions_per_week: int = Field(
        ge=0, le=lift_sessions_allowed(Priority.LIFTING)[1], description=lift_sessions_text()
    )
    maxes: dict[str, LiftRecordModel] = Field(default_factory=dict)
    equipment: list[str] = Field(
        default_factory=list, description=" | ".join(item.value for item in Equipment)
    )
    style: LiftingStyle = LiftingStyle.FULL

    @field_validator("equipment")
    @classmethod
    def _known_equipment(cls, values: list[str]) -> list[str]:
        known = [item.value for item in Equipment]
        for value in values:
            if value not in known:
                close = _did_you_mean(value, known)
                hint = f"did you mean {close}? " if close else ""
                raise ValueError(
                    f"{value!r} is not equipment runlift knows; {hint}one of {', '.join(known)}"
                )
        return values


class DayModel(_Strict):
    """Wake and sleep times."""

    wake: Clock
    sleep: Clock


class ProfileModel(_Strict):
    """An athlete profile as written in YAML."""

    name: str = Field(min_length=1, description="the athlete's name, e.g. name: Alex")
    sex: Sex
    birth_date: dt.date = Field(description="a date written YYYY-MM-DD; ages 18 to 100")
    height_cm: float = Field(ge=120, le=230)
    mass_kg: float | None = Field(
        default=None, ge=30, le=250, description="body mass; required, or mass_lb"
    )
    mass_lb: float | None = Field(
        default=None, ge=66, le=551, description="body mass in pounds, instead of mass_kg"
    )
    body_fat_percent: float | None = Field(default=None, ge=3, le=60)
    timezone: str = Field(description="an IANA time zone name, e.g. Europe/Berlin")
    start_date: dt.date = Field(description="a date written YYYY-MM-DD")
    goal: GoalModel
    running: RunningModel
    lifting: LiftingModel
    availability: dict[Weekday, list[str]] = Field(
        description='windows per weekday in quotes, e.g. mon: ["18:00-20:00"]'
    )
    rest_days_min: int = Field(default=1, ge=0, le=6)
    day: DayModel = DayModel(wake="07:00", sleep="23:00")
    evidence_profile: EvidenceProfile = EvidenceProfile.DEFAULT
    daily_activity: ActivityLevel = Field(
        default=ActivityLevel.LIGHT,
        description="the day outside training: sedentary (desk), light (some walking), active "
        "(on your feet); sets the non-exercise part of energy expenditure",
    )
    units: MassUnit = Field(
        default=MassUnit.KG,
        description="the athlete's unit for body mass and loads: kg, or lb (loads then on "
        "pound plates and dumbbells in 5 lb steps); food stays in grams",
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


_RULE_ID = re.compile(r"\b(?:SCH|RL|LFT|RUN|PER|NUT|PHY)-\d+\b")

_SCALAR_WORDS = {"str", "int", "float", "bool"}
"""Members of a union field (``str | int``) that pydantic adds to an error's location."""


def _path(loc: Sequence[int | str]) -> str:
    """A location as the profile writes it: ``goal.race.target_time``, ``availability.mon[0]``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part not in _SCALAR_WORDS and part != "[key]":
            text += f".{part}" if text else part
    return text or "profile"


def _model_in(annotation: object) -> type[BaseModel] | None:
    """The model class inside an annotation (``GoalModel``, ``RaceGoalModel | None`` ...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _field_at(loc: Sequence[int | str]) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The model that holds the field at ``loc``, and the field itself (None when unknown)."""
    model: type[BaseModel] | None = ProfileModel
    info: FieldInfo | None = None
    keyed = False
    for part in loc:
        if keyed or isinstance(part, int):
            keyed = False
            continue
        if model is None or part not in model.model_fields:
            return model, None
        info = model.model_fields[part]
        inner = _model_in(info.annotation)
        holder = model
        # A mapping of models (lifting.maxes) is followed by a key the user chose.
        keyed = get_origin(info.annotation) is dict
        model = inner
        if part == loc[-1]:
            return holder, info
    return model, info


def _bounds(info: FieldInfo) -> str | None:
    low = next((getattr(m, "ge", None) for m in info.metadata if hasattr(m, "ge")), None)
    high = next((getattr(m, "le", None) for m in info.metadata if hasattr(m, "le")), None)
    if low is not None and high is not None:
        return f"a number from {low:g} to {high:g}"
    return None


def _what_goes(info: FieldInfo) -> str:
    """What a field holds, for a message: its choices, its range, or its description."""
    if info.description:
        return info.description
    choices = _choices(info.annotation)
    if choices is not None:
        return choices
    bounds = _bounds(info)
    if bounds is not None:
        return bounds
    model = _model_in(info.annotation)
    if model is not None:
        needed = [name for name, field in model.model_fields.items() if field.is_required()]
        return "a mapping with " + ", ".join(needed)
    if info.annotation is dt.date:
        return "a date written YYYY-MM-DD"
    return "see `runlift schema profile`"


def _did_you_mean(name: str, options: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(name.lower(), list(options), n=1, cutoff=0.6)
    return close[0] if close else None


def _message(error: Mapping[str, Any], loc: Sequence[int | str]) -> str:
    """Pydantic's error as the fix a person can make."""
    kind = str(error["type"])
    context = error.get("ctx") or {}
    holder, info = _field_at(loc)
    if kind == "missing":
        return "required" if info is None else f"required ({_what_goes(info)})"
    if kind == "extra_forbidden":
        fields = holder.model_fields if holder is not None else {}
        close = _did_you_mean(str(loc[-1]), fields)
        return "not a profile field; " + (
            f"did you mean {close}?" if close else "see `runlift schema profile`"
        )
    if kind == "enum":
        if loc and loc[-1] == "[key]":
            typed = str(error.get("input")).strip().lower()
            close = next((d.value for d in Weekday if typed[:3] == d.value), None)
            days = " ".join(d.value for d in Weekday)
            return f"not a weekday; use {days}" + (f" (did you mean {close}?)" if close else "")
        choices = _choices(info.annotation) if info is not None else None
        return f"one of {choices or context.get('expected', '')}"
    limits = {
        "less_than_equal": ("at most", "le"),
        "greater_than_equal": ("at least", "ge"),
        "greater_than": ("above", "gt"),
        "less_than": ("below", "lt"),
    }
    if kind in limits:
        words, key = limits[kind]
        limit = context.get(key)
        text = f"{words} {limit:g}" if isinstance(limit, int | float) else f"{words} {limit}"
        rule = info.description if info is not None and info.description else ""
        return f"{text}: {rule}" if _RULE_ID.search(rule) else text
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return "a whole number"
    if kind in {"float_parsing", "float_type"}:
        return "a number"
    if kind.startswith("date_"):
        detail = context.get("error")
        return "a date written YYYY-MM-DD" + (f" ({detail})" if detail else "")
    if kind == "string_pattern_mismatch":
        return 'a local time in quotes, e.g. "06:30"'
    if kind == "list_type" and loc and loc[0] == "availability":
        return f'a list of windows in quotes, e.g. {loc[-1]}: ["18:00-20:00"], or [] for none'
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return "a mapping of fields" + ("" if info is None else f" ({_what_goes(info)})")
    if kind == "string_too_short":
        return "must not be empty"
    return str(error["msg"]).removeprefix("Value error, ").removeprefix("Input should be ")


def _problems(exc: ValidationError) -> list[InvalidInput]:
    """One problem per field, unknown fields first: a misspelt name is the usual cause of both.

    A field reported missing while an unknown field's name is close to it is left out.
    """
    found: dict[str, InvalidInput] = {}
    misspelt: set[str] = set()
    for error in exc.errors():
        loc = tuple(error["loc"])
        field = _path(loc)
        if field in found:
            continue  # a union (``str | int``) reports each member; the first says it
        message = _message(error, loc)
        if error["type"] == "extra_forbidden" and "did you mean " in message:
            meant = message.rsplit("did you mean ", 1)[1].rstrip("?")
            misspelt.add(_path((*loc[:-1], meant)))
        named = error["type"] in {"missing", "extra_forbidden"} or loc[-1:] == ("[key]",)
        value = None if named else error.get("input")
        found[field] = InvalidInput(field, value, message)
    problems = [
        p for p in found.values() if p.field not in misspelt or "required" not in p.expected
    ]
    return sorted(problems, key=lambda p: "not a profile field" not in p.expected)


def describe_error(error: Mapping[str, Any]) -> tuple[str, object, str]:
    """One pydantic error of a profile as (field, value, message), worded as runlift words it.

    The field is the dotted path (``goal.race.date``), the message says what is
    allowed (``is required``, ``is not a profile field; did you mean ...``).
    """
    loc = tuple(error.get("loc", ()))
    message = _message(error, loc)
    named = error.get("type") in {"missing", "extra_forbidden"}
    return _path(loc), None if named else error.get("input"), message


def _window_text(text: str) -> str:
    """``6:30-7:30`` written as ``06:30-07:30``: one-digit hours are read as the clock reads."""
    parts = [part.strip() for part in text.split("-")]
    if len(parts) == 2 and all(re.fullmatch(r"\d:\d{2}", part) for part in parts if part):
        return "-".join(part.zfill(5) for part in parts)
    return text


def _windows(day: Weekday, texts: list[str]) -> tuple[TimeWindow, ...]:
    windows = tuple(
        TimeWindow.parse(_window_text(text), field_name=f"availability.{day.value}[{i}]")
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


def _body_mass_kg(model: ProfileModel) -> float:
    if model.mass_kg is not None and model.mass_lb is not None:
        raise InvalidInput("mass_lb", model.mass_lb, "give mass_kg or mass_lb, not both")
    if model.mass_kg is not None:
        return model.mass_kg
    if model.mass_lb is not None:
        return mass_kg_from(model.mass_lb, MassUnit.LB)
    raise InvalidInput("mass_kg", None, "is required (or mass_lb, in pounds)")


def _request_problems(model: ProfileModel) -> list[InvalidInput]:
    """What the fields ask together that no plan can honour (each field alone being valid)."""
    problems: list[InvalidInput] = []
    lifts = model.lifting.sessions_per_week
    low, high = lift_sessions_allowed(model.goal.priority)
    if lifts and not low <= lifts <= high:
        first = "lifting" if model.goal.priority is Priority.LIFTING else "running or balance"
        problems.append(
            InvalidInput(
                "lifting.sessions_per_week",
                lifts,
                f"with {model.goal.priority.value} priority ask for 0, or {low} to {high} "
                f"lifts a week: legs, back and chest are each lifted on {low} to 3 days, "
                f"in at most {high} lifts when {first} comes first (SCH-7)",
            )
        )
    training_days = 7 - model.rest_days_min
    if lifts > training_days:
        problems.append(
            InvalidInput(
                "rest_days_min",
                model.rest_days_min,
                f"leaves {training_days} of 7 days for training, but {quantity(lifts, 'lifts')} "
                f"need {lifts} (RL-1: one lift a day at most); at most {7 - lifts}, or fewer lifts",
            )
        )
    open_days = [day.value for day, windows in model.availability.items() if windows]
    if lifts > len(open_days):
        problems.append(
            InvalidInput(
                "availability",
                None,
                f"windows on {quantity(len(open_days), 'days')} "
                f"({' '.join(open_days) or 'none'}), but {quantity(lifts, 'lifts')} need "
                f"{lifts} days (RL-1: one lift a day at most)",
            )
        )
    return problems


def _race_distance_m(text: str, *, field: str) -> float:
    """A race distance runlift can read a fitness from and plan for: 1500 m to the marathon.

    Daniels' VDOT tables, which give the paces and the race predictions, cover these.
    """
    distance_m = parse_distance_m(text, field=field)
    if not running.MIN_RACE_DISTANCE_M <= distance_m <= running.MAX_RACE_DISTANCE_M:
        raise InvalidInput(
            field,
            text,
            f"a race from {running.MIN_RACE_DISTANCE_M:g} m to the marathon; VDOT "
            "(Daniels 2014), which sets the paces, covers these",
        )
    return distance_m


def _race_time_s(value: str | int, *, distance_m: float, field: str, sex: Sex) -> float:
    """A race time in seconds, refused when it beats the world record (suggesting h:mm)."""
    seconds = _seconds(value, field)
    check_race_time(time_s=seconds, distance_m=distance_m, field=field, written=str(value), sex=sex)
    return seconds


def _recent_race(model: RaceResultModel, *, sex: Sex) -> RaceResult:
    field = "running.recent_race"
    distance_m = _race_distance_m(model.distance, field=f"{field}.distance")
    return RaceResult(
        distance_m=distance_m,
        time_s=_race_time_s(model.time, distance_m=distance_m, field=f"{field}.time", sex=sex),
        date=model.date,
    )


def _to_domain(model: ProfileModel) -> AthleteProfile:
    goal = model.goal
    race_goal = None
    if goal.race is not None:
        distance_m = _race_distance_m(goal.race.distance, field="goal.race.distance")
        race_goal = RaceGoal(
            distance_m=distance_m,
            date=goal.race.date,
            target_time_s=None
            if goal.race.target_time is None
            else _race_time_s(
                goal.race.target_time,
                distance_m=distance_m,
                field="goal.race.target_time",
                sex=model.sex,
            ),
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
        mass_kg=_body_mass_kg(model),
        body_fat_percent=model.body_fat_percent,
        timezone=model.timezone,
        start_date=model.start_date,
        goal=Goal(
            kind=goal.kind, priority=goal.priority, race=race_goal, weeks=goal.weeks, date=goal.date
        ),
        running=RunningBackground(
            weekly_km=model.running.weekly_km,
            recent_race=None if recent is None else _recent_race(recent, sex=model.sex),
        ),
        lifting=LiftingBackground(
            experience=model.lifting.experience,
            sessions_per_week=model.lifting.sessions_per_week,
            maxes={name: r.record() for name, r in model.lifting.maxes.items()},
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


class UnquotedTime(str):
    """A time written without quotes, which YAML 1.1 reads as a number (``22:30`` is 1350).

    The profile's loader keeps the text and the number, so that the field can be named
    with the fix (quote it) instead of failing on a number no one typed.
    """

    __slots__ = ("number",)
    number: float


class _ProfileLoader(yaml.SafeLoader):
    """YAML's safe loader with three changes for profiles written by hand.

    * Dates are left as text, so ``2026-13-01`` is checked with the field's name and
      the fix rather than failing as a bare ``ValueError`` before any field is known.
    * Unquoted times (YAML 1.1's base-60 numbers: ``22:30`` is 1350, ``1:45:00`` is
      6300) become :class:`UnquotedTime`, and the field is asked to be quoted.
    * A key given twice in one mapping is an error naming both lines; plain YAML would
      keep the last silently.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:  # noqa: FBT001, FBT002 - PyYAML's signature
        """Build a mapping, refusing a key given twice."""
        first_line: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if key in first_line:
                raise InvalidInput(
                    str(key),
                    None,
                    f"given twice (lines {first_line[key]} and {line}); keep one",
                )
            first_line[key] = line
        return super().construct_mapping(node, deep=deep)


def _unquoted_time(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> UnquotedTime:
    text = str(loader.construct_scalar(node))
    value = UnquotedTime(text)
    number = 0.0
    for part in text.lstrip("+-").split(":"):
        number = number * 60 + float(part.replace("_", "") or 0)
    value.number = -number if text.startswith("-") else number
    return value


_UNQUOTED_TIME_TAG = "tag:runlift,2026:unquoted-time"
_BASE_60 = re.compile(
    r"^(?:[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$"
)
"""YAML 1.1's base-60 integers and floats, the two patterns that turn times into numbers."""

_ProfileLoader.yaml_implicit_resolvers = {
    first: [(_UNQUOTED_TIME_TAG, _BASE_60)] * first.isdigit()
    + [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _sign in "+-":
    _ProfileLoader.yaml_implicit_resolvers[_sign] = [
        (_UNQUOTED_TIME_TAG, _BASE_60),
        *_ProfileLoader.yaml_implicit_resolvers.get(_sign, []),
    ]
_ProfileLoader.add_constructor(_UNQUOTED_TIME_TAG, _unquoted_time)


def _quote_advice(path: str, value: UnquotedTime) -> InvalidInput:
    key = path.rsplit(".", 1)[-1].split("[", 1)[0]
    windows = path.startswith("availability")
    example = f'{key}: ["18:00-20:00"]' if windows else f'{key}: "{value}"'
    return InvalidInput(
        path,
        None,
        f"write times in quotes, e.g. {example} (unquoted, YAML reads {value} as the number "
        f"{value.number:g})",
    )


def _unquoted_times(
    data: object, loc: tuple[int | str, ...] = ()
) -> tuple[object, list[InvalidInput]]:
    """``data`` with unquoted times turned back into text, and one problem for each."""
    if isinstance(data, UnquotedTime):
        return str(data), [_quote_advice(_path(loc), data)]
    if isinstance(data, dict):
        problems: list[InvalidInput] = []
        cleaned: dict[object, object] = {}
        for key, item in data.items():
            cleaned[key], found = _unquoted_times(item, (*loc, str(key)))
            problems.extend(found)
        return cleaned, problems
    if isinstance(data, list):
        problems = []
        items = []
        for index, item in enumerate(data):
            value, found = _unquoted_times(item, (*loc, index))
            items.append(value)
            problems.extend(found)
        return items, problems
    return data, []


def _load_yaml(text: str) -> object:
    try:
        return yaml.load(text, Loader=_ProfileLoader)  # a safe loader: see _ProfileLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = "YAML" if mark is None else f"line {mark.line + 1}, column {mark.column + 1}"
        what = " ".join(part for part in (exc.problem, exc.context and f"({exc.context})") if part)
        raise InvalidInput(where, None, f"not valid YAML: {what}") from None
    except yaml.YAMLError as exc:
        raise InvalidInput("YAML", None, f"not valid YAML: {exc}") from None


def read_profile(text: str, *, source: str | None = None) -> AthleteProfile:
    """Parse and validate a YAML athlete profile.

    Args:
        text: the profile's YAML.
        source: the file it came from, named in every error.

    Raises:
        InvalidInput: naming the field at fault (as the profile writes it), its value and
            what is allowed; further problems follow in ``also``, unknown fields first.
    """
    try:
        return _read(text)
    except InvalidInput as exc:
        raise (exc if source is None else exc.located(source)) from None


def _read(text: str) -> AthleteProfile:
    return profile_from_data(_load_yaml(text))


def profile_from_data(data: object) -> AthleteProfile:
    """Validate a profile already parsed (from YAML, JSON or a form) as YAML's are validated.

    Dates may be ISO text or dates; the checks and messages are ``read_profile``'s.

    Raises:
        InvalidInput: naming the first field at fault; the others follow in ``also``
            (and every one in ``problems``), unknown fields first.
    """
    if not isinstance(data, dict):
        raise InvalidInput("profile", None, "expected a YAML mapping of fields, e.g. name: Alex")
    data, problems = _unquoted_times(data)
    try:
        model = ProfileModel.model_validate(data)
    except ValidationError as exc:
        problems = _problems(exc) + problems
    else:
        problems += _request_problems(model)
    if problems:
        first, *rest = problems
        raise InvalidInput(first.field, first.value, first.expected, also=rest)
    return _to_domain(model)


def profile_json_schema() -> dict[str, Any]:
    """The JSON Schema of the profile format."""
    schema: dict[str, Any] = ProfileModel.model_json_schema()
    # Body mass is required in one unit: mass_kg or mass_lb, not both.
    schema["oneOf"] = [{"required": ["mass_kg"]}, {"required": ["mass_lb"]}]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "runlift athlete profile"
    return schema
