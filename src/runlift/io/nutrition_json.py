"""A day's nutrition as JSON-ready data: the ``nutrition`` field of each day in ``plan.json``.

``nutrition_day_dict`` turns a ``DayNutrition`` into plain, rounded data
(kcal to the unit, grams to 0.1 g, serving times as local ``"HH:MM"``); the
pydantic models below are its published schema and validate it when a
``plan.json`` is read back. Body masses are given in ``units`` (kg or lb);
food stays in grams and the per-mass ratios stay per kg, the unit in which
the guidelines state them (NUT-2, NUT-4).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from runlift.domain.nutrition import (
    DayNutrition,
    FuelDay,
    InRaceFuel,
    RaceFuel,
    Serving,
    SessionEnergy,
)
from runlift.errors import InvalidInput
from runlift.units import KG_PER_LB
from runlift.vocabulary import MassUnit, Modality


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NutritionSessionModel(_Model):
    """The net energy one planned session adds to the day."""

    session: str
    title: str
    modality: Modality
    duration_min: float
    distance_km: float | None = None
    kcal: float
    hard: bool
    hard_min: float = 0.0
    start: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}$")
    end: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}$")


class ServingModel(_Model):
    """One protein serving of the day's timeline."""

    at: str = Field(pattern=r"^\d{2}:\d{2}$", description='local time "HH:MM"')
    protein_g: float
    carbohydrate_g: float
    note: str
    after_session: str | None = None
    before_session: str | None = None


class InRaceFuelModel(_Model):
    """Carbohydrate and fluid to take during a race (Jeukendrup 2014; Sawka 2007)."""

    carbohydrate_g_per_h: float
    carbohydrate_range_g_per_h: tuple[float, float]
    carbohydrate_g: float = Field(description="for the whole race")
    multiple_transportable: bool = Field(description="the range's top needs glucose with fructose")
    fluid_ml_per_h: tuple[float, float]
    note: str


class RaceFuelModel(_Model):
    """A race day's fuelling: the pre-race breakfast and the fuel during the race."""

    session: str
    title: str
    distance_km: float
    start: str = Field(pattern=r"^\d{2}:\d{2}$")
    end: str = Field(pattern=r"^\d{2}:\d{2}$")
    duration_min: float
    breakfast_at: str = Field(pattern=r"^\d{2}:\d{2}$", description="also one of the servings")
    breakfast_lead_min: float
    breakfast_carbohydrate_g: float
    breakfast_carbohydrate_g_per_kg: float
    in_race: InRaceFuelModel | None = Field(description="None for races of 75 min or less")


class NutritionDayModel(_Model):
    """Energy and macronutrient targets for one day (GUIDELINES NUT-1..4)."""

    date: dt.date
    units: MassUnit
    body_mass: float = Field(description="measured body mass the targets use, in `units`")
    expected_body_mass: float = Field(description="forecast for the end of the day, in `units`")
    resting_kcal: float
    resting_equation: str
    non_exercise_factor: float
    non_exercise_kcal: float
    training_kcal: float
    expenditure_kcal: float
    target_kcal: float
    training: list[NutritionSessionModel]
    training_min: float
    hard_min: float
    hard_week: bool
    load_band: str
    carbohydrate_band_g_per_kg: tuple[float, float]
    protein_g: float
    carbohydrate_g: float
    fat_g: float
    protein_g_per_kg: float
    carbohydrate_g_per_kg: float
    fat_g_per_kg: float
    fat_percent: float
    servings: list[ServingModel]
    rules: list[str]
    notes: list[str]
    gave_way: list[str] = Field(default_factory=list)
    fuel_day: FuelDay = Field(
        default=FuelDay.TRAINING, description="training, fuelling_up, loading or race (NUT-4)"
    )
    race: RaceFuelModel | None = Field(
        default=None,
        description="race day only; its in-race carbohydrate counts in carbohydrate_g",
    )


def mass_unit(units: str) -> MassUnit:
    """``units`` as a ``MassUnit``.

    Raises:
        InvalidInput: not ``kg`` or ``lb``.
    """
    try:
        return MassUnit(units)
    except ValueError:
        raise InvalidInput("units", units, "must be kg or lb") from None


def _mass(kg: float, unit: MassUnit) -> float:
    return round(kg if unit is MassUnit.KG else kg / KG_PER_LB, 1)


def _session(item: SessionEnergy) -> dict[str, Any]:
    return {
        "session": item.session,
        "title": item.title,
        "modality": item.modality.value,
        "duration_min": round(item.duration_min, 1),
        "distance_km": None if item.distance_km is None else round(item.distance_km, 2),
        "kcal": round(item.kcal),
        "hard": item.hard,
        "hard_min": round(item.hard_min, 1),
        "start": None if item.start is None else f"{item.start:%H:%M}",
        "end": None if item.end is None else f"{item.end:%H:%M}",
    }


def _serving(item: Serving) -> dict[str, Any]:
    return {
        "at": f"{item.at:%H:%M}",
        "protein_g": round(item.protein_g, 1),
        "carbohydrate_g": round(item.carbohydrate_g, 1),
        "note": item.note,
        "after_session": item.after_session,
        "before_session": item.before_session,
    }


def _in_race(item: InRaceFuel) -> dict[str, Any]:
    low, high = item.carbohydrate_range_g_per_h
    fluid_low, fluid_high = item.fluid_ml_per_h
    return {
        "carbohydrate_g_per_h": round(item.carbohydrate_g_per_h, 1),
        "carbohydrate_range_g_per_h": [low, high],
        "carbohydrate_g": round(item.carbohydrate_g, 1),
        "multiple_transportable": item.multiple_transportable,
        "fluid_ml_per_h": [fluid_low, fluid_high],
        "note": item.note,
    }


def _race(item: RaceFuel) -> dict[str, Any]:
    return {
        "session": item.session,
        "title": item.title,
        "distance_km": round(item.distance_km, 2),
        "start": f"{item.start:%H:%M}",
        "end": f"{item.end:%H:%M}",
        "duration_min": round(item.duration_min, 1),
        "breakfast_at": f"{item.breakfast_at:%H:%M}",
        "breakfast_lead_min": round(item.breakfast_lead_min),
        "breakfast_carbohydrate_g": round(item.breakfast_carbohydrate_g, 1),
        "breakfast_carbohydrate_g_per_kg": round(item.breakfast_carbohydrate_g_per_kg, 2),
        "in_race": None if item.in_race is None else _in_race(item.in_race),
    }


def nutrition_day_dict(day: DayNutrition, *, units: str = "kg") -> dict[str, Any]:
    """The JSON form of a day's nutrition, rounded, with body masses in ``units``.

    Raises:
        InvalidInput: ``units`` is not ``kg`` or ``lb``.
    """
    unit = mass_unit(units)
    mass = day.mass_kg
    low, high = day.carbohydrate_band_g_per_kg
    return {
        "date": day.date.isoformat(),
        "units": unit.value,
        "body_mass": _mass(mass, unit),
        "expected_body_mass": _mass(day.expected_mass_kg, unit),
        "resting_kcal": round(day.resting_kcal),
        "resting_equation": day.resting_equation,
        "non_exercise_factor": round(day.non_exercise_factor, 2),
        "non_exercise_kcal": round(day.non_exercise_kcal),
        "training_kcal": round(day.training_kcal),
        "expenditure_kcal": round(day.expenditure_kcal),
        "target_kcal": round(day.target_kcal),
        "training": [_session(item) for item in day.training],
        "training_min": round(day.training_min, 1),
        "hard_min": round(day.hard_min, 1),
        "hard_week": day.hard_block,
        "load_band": day.load_band,
        "carbohydrate_band_g_per_kg": [low, high],
        "protein_g": round(day.protein_g, 1),
        "carbohydrate_g": round(day.carbohydrate_g, 1),
        "fat_g": round(day.fat_g, 1),
        "protein_g_per_kg": round(day.protein_g / mass, 2),
        "carbohydrate_g_per_kg": round(day.carbohydrate_g / mass, 2),
        "fat_g_per_kg": round(day.fat_g / mass, 2),
        "fat_percent": round(day.fat_percent, 1),
        "servings": [_serving(item) for item in day.servings],
        "rules": list(day.rules),
        "notes": list(day.notes),
        "gave_way": list(day.gave_way),
        "fuel_day": day.fuel_day.value,
        "race": None if day.race is None else _race(day.race),
    }


def in_units(data: Mapping[str, Any], *, units: str) -> dict[str, Any]:
    """A day's JSON form (as ``nutrition_day_dict`` writes it) with body masses in ``units``.

    Raises:
        InvalidInput: ``units`` is not ``kg`` or ``lb``.
    """
    unit = mass_unit(units)
    day = NutritionDayModel.model_validate(dict(data))
    if day.units is unit:
        return day.model_dump(mode="json")
    to_kg = 1.0 if day.units is MassUnit.KG else KG_PER_LB
    converted = day.model_dump(mode="json")
    converted["units"] = unit.value
    converted["body_mass"] = _mass(day.body_mass * to_kg, unit)
    converted["expected_body_mass"] = _mass(day.expected_body_mass * to_kg, unit)
    return converted
