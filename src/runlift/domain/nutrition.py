"""Day-by-day nutrition targets derived from the plan (GUIDELINES NUT-1..4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from runlift.domain.sessions import SessionId
from runlift.vocabulary import Modality


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
        hard: a hard run (GUIDELINES.md 'Words'); its minutes are the day's hard minutes (NUT-4).
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

    @property
    def protein_kcal(self) -> float:
        """Energy from protein (4 kcal/g)."""
        return self.protein_g * 4

    @property
    def fat_percent(self) -> float:
        """Share of the target energy from fat."""
        return 100 * self.fat_g * 9 / self.target_kcal
