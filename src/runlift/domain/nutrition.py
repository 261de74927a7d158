"""Day-by-day nutrition targets derived from the plan (GUIDELINES NUT-1..4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from runlift.domain.sessions import SessionId
from runlift.vocabulary import Modality


class FuelDay(StrEnum):
    """What a day's carbohydrate is for, around a goal race (NUT-4)."""

    TRAINING = "training"
    """An ordinary day: carbohydrate follows the day's training."""
    FUELLING_UP = "fuelling_up"
    """The day before a race shorter than a half marathon: at least 7 g/kg."""
    LOADING = "loading"
    """One of the two days before a half marathon or longer: 10 g/kg."""
    RACE = "race"
    """Race day: the pre-race breakfast, fuel during the race, and recovery."""


@dataclass(frozen=True, slots=True, kw_only=True)
class InRaceFuel:
    """Carbohydrate (and fluid) to take during a race.

    Attributes:
        carbohydrate_g_per_h: planned carbohydrate per hour of racing, g/h.
        carbohydrate_range_g_per_h: the advised range it sits in, g/h.
        carbohydrate_g: planned carbohydrate for the whole race, g.
        multiple_transportable: the range's top needs glucose with fructose.
        fluid_ml_per_h: a starting range for fluid, ml/h.
        note: the advice in words, with its rule and sources.
    """

    carbohydrate_g_per_h: float
    carbohydrate_range_g_per_h: tuple[float, float]
    carbohydrate_g: float
    multiple_transportable: bool
    fluid_ml_per_h: tuple[float, float]
    note: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RaceFuel:
    """A race day's fuelling: the breakfast before the start and the fuel during the race.

    Attributes:
        session: the race session's id.
        title: its title.
        distance_km: the race distance, km.
        start: local start time.
        end: local planned finish.
        duration_min: planned race time, minutes.
        breakfast_at: local time of the pre-race breakfast (also one of the day's servings).
        breakfast_lead_min: minutes between the breakfast and the start.
        breakfast_carbohydrate_g: carbohydrate in the breakfast, g.
        breakfast_carbohydrate_g_per_kg: the same per kg of body mass.
        in_race: fuel during the race, None for races of 75 min or less.
    """

    session: SessionId
    title: str
    distance_km: float
    start: time
    end: time
    duration_min: float
    breakfast_at: time
    breakfast_lead_min: float
    breakfast_carbohydrate_g: float
    breakfast_carbohydrate_g_per_kg: float
    in_race: InRaceFuel | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Serving:
    """One protein serving in the day's timeline (NUT-3).

    Attributes:
        at: local time.
        protein_g: protein in grams.
        carbohydrate_g: carbohydrate in grams suggested with it (NUT-4 timing), 0 if none.
        note: why it is there, e.g. "within 2 h after 'Easy run 8 km' (NUT-3)".
        after_session: the session it recovers from, if any.
        before_session: the session it fuels, if any.
    """

    at: time
    protein_g: float
    carbohydrate_g: float
    note: str
    after_session: SessionId | None = None
    before_session: SessionId | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionEnergy:
    """The energy one planned session adds to the day (net, above rest).

    Attributes:
        session: the session's id.
        title: its title.
        modality: run or lift.
        duration_min: planned duration, minutes.
        distance_km: planned distance for a run, None for a lift.
        kcal: net energy, kcal.
        hard: a hard run (GUIDELINES.md 'Words').
        hard_min: its minutes at moderate-to-high intensity: the work steps of a structured
            run, or the whole of a hard run without steps; 0 for a lift (NUT-4).
        start: local start time, if known.
        end: local end time, if known.
    """

    session: SessionId
    title: str
    modality: Modality
    duration_min: float
    distance_km: float | None
    kcal: float
    hard: bool
    hard_min: float = 0.0
    start: time | None = None
    end: time | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DayNutrition:
    """Energy and macronutrient targets for one day, with their reasons.

    Energy terms are kcal per day; macros grams per day.

    ``expected_mass_kg`` is the body mass forecast for the end of the day from
    the plan's cumulative energy balance; ``mass_kg`` is the measured mass the
    day's targets are computed from. ``gave_way`` names the targets that could
    not be met together and were moved (see ``notes`` for by how much).
    ``fuel_day`` says whether the day prepares for or is the goal race; a race
    day carries its ``race`` fuelling, whose in-race carbohydrate is part of
    ``carbohydrate_g`` but of no serving.
    """

    date: date
    resting_kcal: float
    non_exercise_kcal: float
    training_kcal: float
    expenditure_kcal: float
    target_kcal: float
    protein_g: float
    carbohydrate_g: float
    fat_g: float
    load_band: str
    servings: tuple[Serving, ...]
    rules: tuple[str, ...]
    notes: tuple[str, ...]
    expected_mass_kg: float
    mass_kg: float = 0.0
    resting_equation: str = ""
    non_exercise_factor: float = 1.0
    training: tuple[SessionEnergy, ...] = ()
    training_min: float = 0.0
    hard_min: float = 0.0
    hard_block: bool = False
    carbohydrate_band_g_per_kg: tuple[float, float] = (0.0, 0.0)
    gave_way: tuple[str, ...] = ()
    fuel_day: FuelDay = FuelDay.TRAINING
    race: RaceFuel | None = None

    @property
    def protein_kcal(self) -> float:
        """Energy from protein (4 kcal/g)."""
        return self.protein_g * 4

    @property
    def fat_percent(self) -> float:
        """Share of the target energy from fat."""
        return 100 * self.fat_g * 9 / self.target_kcal
