"""How a day's energy target splits into carbohydrate and fat once protein is set (NUT-1, NUT-4).

``day_macros`` serves every day: carbohydrate at the middle of its training band
(at least a day's minimum, such as a race day's timed amounts), fat the rest
within 20-35 % of energy. What gives way when they do not fit depends on the
goal: for fat loss the deficit holds, and for race and general-fitness goals
the energy balance, so carbohydrate falls below its band (NUT-1 is a hard rule,
NUT-4 a soft one); for strength and muscle gain the energy target rises. ``loading_macros`` serves
carbohydrate-loading days and ``race_day_macros`` race day: carbohydrate is set
by the race, fat falls to its 20 % floor, and energy is what they add up to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from runlift.science import nutrition

FAT_MAX_ENERGY_FRACTION: Final = 0.35
"""Top of the adult range for fat, 20-35 % of energy (Institute of Medicine 2005, AMDR)."""


MIN_CARBOHYDRATE_G: Final = 130.0
"""The adult RDA for carbohydrate, the brain's glucose use (Institute of Medicine 2005).

A day with an energy ceiling (fat loss, race, general fitness) lets
carbohydrate fall below its training band to keep its energy target, but not
below this.
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Macros:
    """A day's energy target with its carbohydrate and fat, and what gave way."""

    target_kcal: float
    carbohydrate_g: float
    fat_g: float
    notes: tuple[str, ...]
    gave_way: tuple[str, ...]


def _kcal(*, protein_g: float, carbohydrate_g: float) -> float:
    return (
        protein_g * nutrition.KCAL_PER_G_PROTEIN
        + carbohydrate_g * nutrition.KCAL_PER_G_CARBOHYDRATE
    )


def _energy_for(*, protein_g: float, carbohydrate_g: float, fat_fraction: float) -> float:
    """The energy at which protein, carbohydrate and fat at ``fat_fraction`` of it add up."""
    return _kcal(protein_g=protein_g, carbohydrate_g=carbohydrate_g) / (1 - fat_fraction)


def _room_g(*, target_kcal: float, protein_g: float, fat_fraction: float) -> float:
    """Carbohydrate that fits the target beside protein and fat at ``fat_fraction``."""
    protein_kcal = protein_g * nutrition.KCAL_PER_G_PROTEIN
    return (target_kcal * (1 - fat_fraction) - protein_kcal) / nutrition.KCAL_PER_G_CARBOHYDRATE


def day_macros(
    *,
    target_kcal: float,
    protein_g: float,
    carbohydrate_range_g: tuple[float, float],
    carbohydrate_min_g: float = 0.0,
    energy_ceiling_kcal: float | None = None,
) -> Macros:
    """Carbohydrate at the middle of its band and fat the rest, at least 20 % of energy.

    Args:
        target_kcal: the goal's energy target (NUT-1).
        protein_g: the day's protein (NUT-2), kept whatever else moves.
        carbohydrate_range_g: the training band, g (NUT-4).
        carbohydrate_min_g: carbohydrate the day must hold whatever its band: a race
            day's breakfast, race fuel and recovery, or a fuelling-up day's 7 g/kg.
        energy_ceiling_kcal: the highest target allowed (fat loss: the smallest
            deficit; race and general fitness: expenditure); carbohydrate falls below
            its band, to 130 g at least, before the target rises to it.

    When the rest would put fat above 35 % of energy, carbohydrate rises toward
    the top of its band. When they do not fit: protein stays, the fat floor
    stays, carbohydrate falls toward the bottom of its band (never below the
    day's minimum), then either carbohydrate falls below the band (with an
    ``energy_ceiling_kcal``) or the energy target rises.
    """
    low, high = carbohydrate_range_g
    preferred = max((low + high) / 2, carbohydrate_min_g)
    top = max(high, carbohydrate_min_g)
    floor_fraction = nutrition.FAT_MIN_ENERGY_FRACTION
    room = _room_g(target_kcal=target_kcal, protein_g=protein_g, fat_fraction=floor_fraction)
    notes: list[str] = []
    gave_way: list[str] = []
    if room >= preferred:
        below_fat_cap = _room_g(
            target_kcal=target_kcal, protein_g=protein_g, fat_fraction=FAT_MAX_ENERGY_FRACTION
        )
        carbohydrate = max(preferred, min(below_fat_cap, top))
        if carbohydrate > preferred:
            notes.append(
                f"NUT-4: carbohydrate {carbohydrate:.0f} g, above the band's middle "
                f"({preferred:.0f} g), so that fat stays within 20-35 % of energy (IOM 2005)"
                + ("." if below_fat_cap <= top else "; at the band's top fat is still over 35 %.")
            )
    elif room >= max(low, carbohydrate_min_g):
        carbohydrate = room
        notes.append(
            f"NUT-4: carbohydrate {carbohydrate:.0f} g, below the band's middle "
            f"({preferred:.0f} g) but within it: what the energy target leaves after protein "
            "and 20 % fat."
        )
    elif energy_ceiling_kcal is not None:
        target_kcal, carbohydrate = _below_band(
            target_kcal=target_kcal,
            protein_g=protein_g,
            room_g=room,
            low_g=low,
            ceiling_kcal=energy_ceiling_kcal,
            notes=notes,
            gave_way=gave_way,
        )
    else:
        carbohydrate = max(low, carbohydrate_min_g)
        raised = _energy_for(
            protein_g=protein_g, carbohydrate_g=carbohydrate, fat_fraction=floor_fraction
        )
        if room < low:
            gave_way.append("energy")
        notes.append(
            f"NUT-1: energy target raised from {target_kcal:.0f} to {raised:.0f} kcal: "
            f"{protein_g:.0f} g protein, {carbohydrate:.0f} g carbohydrate (the band's lowest "
            "or the day's minimum) and 20 % fat did not fit (order: protein, fat floor, "
            "carbohydrate down to its band, then energy)."
        )
        target_kcal = raised
    fat = (
        target_kcal
        - protein_g * nutrition.KCAL_PER_G_PROTEIN
        - carbohydrate * nutrition.KCAL_PER_G_CARBOHYDRATE
    ) / nutrition.KCAL_PER_G_FAT
    return Macros(
        target_kcal=target_kcal,
        carbohydrate_g=carbohydrate,
        fat_g=fat,
        notes=tuple(notes),
        gave_way=tuple(gave_way),
    )


def _below_band(
    *,
    target_kcal: float,
    protein_g: float,
    room_g: float,
    low_g: float,
    ceiling_kcal: float,
    notes: list[str],
    gave_way: list[str],
) -> tuple[float, float]:
    """Carbohydrate below its band keeps the energy target; energy rises only for 130 g."""
    gave_way.append("carbohydrate")
    if room_g >= MIN_CARBOHYDRATE_G:
        notes.append(
            f"NUT-1/NUT-4: carbohydrate {room_g:.0f} g, below the band's {low_g:.0f} g, so "
            "that the day keeps its energy target (NUT-1 before NUT-4; protein and 20 % fat "
            "first)."
        )
        return target_kcal, room_g
    needed = _energy_for(
        protein_g=protein_g,
        carbohydrate_g=MIN_CARBOHYDRATE_G,
        fat_fraction=nutrition.FAT_MIN_ENERGY_FRACTION,
    )
    raised = min(needed, max(ceiling_kcal, target_kcal))
    room = _room_g(
        target_kcal=raised, protein_g=protein_g, fat_fraction=nutrition.FAT_MIN_ENERGY_FRACTION
    )
    carbohydrate = max(0.0, room)
    if raised > target_kcal:
        gave_way.append("energy")
    if room < 0:
        gave_way.append("fat")
    notes.append(
        f"NUT-1/NUT-4: carbohydrate {carbohydrate:.0f} g, below the band's {low_g:.0f} g and "
        f"aimed at no less than {MIN_CARBOHYDRATE_G:.0f} g (IOM 2005); energy "
        f"{raised:.0f} kcal, no more than the day's ceiling ({ceiling_kcal:.0f} kcal)."
    )
    return raised, carbohydrate


def loading_macros(*, target_kcal: float, protein_g: float, carbohydrate_g: float) -> Macros:
    """A carbohydrate-loading day: carbohydrate fixed, fat down to 20 %, energy up to hold them.

    target = max(goal target, (4 P + 4 C) / 0.8): the goal's target when it
    already holds the carbohydrate with 20 % fat, else raised so that fat
    sits at its 20 % floor.
    """
    needed = _energy_for(
        protein_g=protein_g,
        carbohydrate_g=carbohydrate_g,
        fat_fraction=nutrition.FAT_MIN_ENERGY_FRACTION,
    )
    target = max(target_kcal, needed)
    fat = (target - _kcal(protein_g=protein_g, carbohydrate_g=carbohydrate_g)) / (
        nutrition.KCAL_PER_G_FAT
    )
    notes = (
        f"NUT-1: energy {target:.0f} kcal"
        + (
            f", raised from {target_kcal:.0f} to hold the loading carbohydrate with fat "
            "lowered to 20 % of energy (Thomas 2016)."
            if needed > target_kcal
            else ": it holds the loading carbohydrate with at least 20 % fat."
        ),
    )
    return Macros(
        target_kcal=target, carbohydrate_g=carbohydrate_g, fat_g=fat, notes=notes, gave_way=()
    )


def race_day_macros(
    *,
    target_kcal: float,
    protein_g: float,
    carbohydrate_range_g: tuple[float, float],
    carbohydrate_min_g: float,
) -> Macros:
    """Race day: carbohydrate at the top of its band, fat at its 20 % floor, energy their sum.

    carbohydrate = max(band top, breakfast + race fuel + recovery);
    target = (4 P + 4 C) / 0.8.

    Breakfast, race fuel and recovery are carbohydrate foods; fat at 20 % keeps
    the rest of the day light. The target is what they add up to, whatever the
    day's expenditure (``target_kcal``, used in the note): a long race runs on
    the glycogen stored on the loading days, whose surplus this day's deficit
    about cancels (NUT-1 holds over the three days, not on race day alone).
    """
    carbohydrate = max(carbohydrate_range_g[1], carbohydrate_min_g)
    target = _energy_for(
        protein_g=protein_g,
        carbohydrate_g=carbohydrate,
        fat_fraction=nutrition.FAT_MIN_ENERGY_FRACTION,
    )
    fat = nutrition.FAT_MIN_ENERGY_FRACTION * target / nutrition.KCAL_PER_G_FAT
    return Macros(
        target_kcal=target,
        carbohydrate_g=carbohydrate,
        fat_g=fat,
        notes=(
            f"NUT-1/NUT-4: race day: carbohydrate {carbohydrate:.0f} g, the top of its band or "
            "what breakfast, race fuel and recovery need; fat at 20 % of energy; energy "
            f"{target:.0f} kcal against {target_kcal:.0f} spent: the race runs on glycogen "
            "stored before it, and the loading days' surplus and the days after balance it.",
        ),
        gave_way=(),
    )
