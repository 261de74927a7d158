"""Unit constants, conversions and formatting.

Plain arithmetic with no validation: the functions that take user input
(``runlift.domain.quantities``, ``runlift.science``) check ranges first.
"""

from __future__ import annotations

from typing import Final

METRES_PER_KM: Final = 1000.0
METRES_PER_MILE: Final = 1609.344
SECONDS_PER_MINUTE: Final = 60.0
SECONDS_PER_HOUR: Final = 3600.0
KG_PER_LB: Final = 0.45359237
KCAL_PER_KJ: Final = 1 / 4.184
KCAL_PER_LITRE_O2: Final = 5.0
"""Energy per litre of oxygen consumed, the round figure used by ACSM's equations."""

KG_PER_MASS_UNIT: Final = {"kg": 1.0, "lb": KG_PER_LB}
"""Kilograms in one of each mass unit an athlete may choose (``runlift.vocabulary.MassUnit``).

The pound is the international avoirdupois pound, exactly 0.45359237 kg (International
Yard and Pound Agreement, 1959).
"""

_MASS_DECIMALS: Final = {"kg": 2, "lb": 1}
"""Decimals a load is shown with: 1.25 kg plates make quarter kilograms; pounds need one.

Loads are stored in kg to the hundredth, so a load counted in pounds comes back within
0.02 lb of its plates, and one decimal shows it exactly (61.23 kg reads 135 lb).
"""


def format_duration(seconds: float) -> str:
    """Format seconds as ``m:ss`` or ``h:mm:ss`` (rounded to the second).

    Examples:
        >>> format_duration(2400)
        '40:00'
        >>> format_duration(6300.4)
        '1:45:00'
    """
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_pace(s_per_km: float) -> str:
    """Format a pace in seconds per km as ``m:ss/km``.

    Examples:
        >>> format_pace(271.4)
        '4:31/km'
    """
    return f"{format_duration(s_per_km)}/km"


def mass_in_unit(mass_kg: float, unit: str) -> float:
    """A mass in kg expressed in ``unit`` (``"kg"`` or ``"lb"``).

    Examples:
        >>> round(mass_in_unit(61.235, "lb"), 2)
        135.0
        >>> mass_in_unit(60.0, "kg")
        60.0
    """
    return mass_kg / KG_PER_MASS_UNIT[unit]


def mass_kg_from(value: float, unit: str) -> float:
    """A mass given in ``unit`` (``"kg"`` or ``"lb"``), in kg.

    Examples:
        >>> round(mass_kg_from(135, "lb"), 3)
        61.235
    """
    return value * KG_PER_MASS_UNIT[unit]


def format_mass(mass_kg: float, unit: str) -> str:
    """A mass in kg written in ``unit``, without trailing zeros: ``102.5 kg``, ``135 lb``.

    Examples:
        >>> format_mass(102.5, "kg")
        '102.5 kg'
        >>> format_mass(61.23, "lb")
        '135 lb'
        >>> format_mass(11.34, "lb")
        '25 lb'
    """
    text = f"{mass_in_unit(mass_kg, unit):.{_MASS_DECIMALS[unit]}f}".rstrip("0").rstrip(".")
    return f"{text} {unit}"


def pace_s_per_km(*, speed_m_per_s: float) -> float:
    """Convert a speed in m/s (above zero) to a pace in seconds per km."""
    return METRES_PER_KM / speed_m_per_s


def speed_m_per_s(*, pace_s_per_km: float) -> float:
    """Convert a pace in seconds per km (above zero) to a speed in m/s."""
    return METRES_PER_KM / pace_s_per_km
