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


def pace_s_per_km(*, speed_m_per_s: float) -> float:
    """Convert a speed in m/s (above zero) to a pace in seconds per km."""
    return METRES_PER_KM / speed_m_per_s


def speed_m_per_s(*, pace_s_per_km: float) -> float:
    """Convert a pace in seconds per km (above zero) to a speed in m/s."""
    return METRES_PER_KM / pace_s_per_km
