"""Quantities people type and read: race distances, times, and counts with their unit.

Distances read ``half``, ``10k`` or ``3.1mi``, times ``1:45:00``, counts ``1 day`` or
``18 weeks``. Profiles, the command line and imported files all name distances and times the
same way, so they share one parser that names the field at fault and the fix.
"""

from __future__ import annotations

import math
import re
from typing import Final

from runlift.errors import InvalidInput
from runlift.units import METRES_PER_KM, METRES_PER_MILE, SECONDS_PER_MINUTE
from runlift.vocabulary import DistanceName

NAMED_DISTANCES_M: Final[dict[DistanceName, float]] = {
    DistanceName.M1500: 1500.0,
    DistanceName.MILE: METRES_PER_MILE,
    DistanceName.M3000: 3000.0,
    DistanceName.MI2: 2 * METRES_PER_MILE,
    DistanceName.K5: 5000.0,
    DistanceName.K10: 10000.0,
    DistanceName.K15: 15000.0,
    DistanceName.MI10: 10 * METRES_PER_MILE,
    DistanceName.HALF: 21097.5,
    DistanceName.MARATHON: 42195.0,
}

_ALIASES: Final[dict[str, DistanceName]] = {
    "half-marathon": DistanceName.HALF,
    "halfmarathon": DistanceName.HALF,
    "hm": DistanceName.HALF,
    "full": DistanceName.MARATHON,
    "1mi": DistanceName.MILE,
    "5km": DistanceName.K5,
    "10km": DistanceName.K10,
    "15km": DistanceName.K15,
}

_DISTANCE_RE: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|km|k|mi|miles?)?\s*$", re.IGNORECASE)
_DISTANCE_HELP: Final = (
    "use a name (" + ", ".join(d.value for d in DistanceName) + "), metres (e.g. 800 or 800m), "
    "km (e.g. 12km) or miles (e.g. 3.1mi)"
)


def parse_distance_m(text: str, *, field: str = "distance") -> float:
    """Read a distance such as ``10k``, ``half``, ``800m``, ``12.5km`` or ``3.1mi`` into metres.

    Names are read in any letter case, with spaces, hyphens or underscores alike
    (``Half Marathon``, ``half-marathon``). A bare number is metres. Raises
    ``InvalidInput`` naming ``field`` otherwise.
    """
    key = text.strip().lower()
    key = re.sub(r"[\s_]+", "-", key) if not _DISTANCE_RE.match(key) else key
    if key in _ALIASES:
        return NAMED_DISTANCES_M[_ALIASES[key]]
    try:
        return NAMED_DISTANCES_M[DistanceName(key)]
    except ValueError:
        pass
    match = _DISTANCE_RE.match(key)
    if match is None:
        raise InvalidInput(field, text, _DISTANCE_HELP)
    value = float(match.group(1))
    unit = (match.group(2) or "m").lower()
    if unit in {"km", "k"}:
        metres = value * METRES_PER_KM
    elif unit.startswith("mi"):
        metres = value * METRES_PER_MILE
    else:
        metres = value
    if metres <= 0:
        raise InvalidInput(field, text, "a distance must be longer than zero")
    return metres


def parse_duration_s(text: str, *, field: str = "time") -> float:
    """Read ``mm:ss`` or ``h:mm:ss`` (seconds may have decimals) into seconds.

    Minutes and seconds after the first part must be below 60. Raises
    ``InvalidInput`` naming ``field`` with the fix.

    Examples:
        >>> parse_duration_s("40:00")
        2400.0
        >>> parse_duration_s("1:45:00")
        6300.0
    """
    raw = text.strip()
    parts = raw.split(":")
    if len(parts) not in {2, 3} or any(not p for p in parts):
        raise InvalidInput(field, text, "write the time as mm:ss or h:mm:ss, e.g. 40:00 or 1:45:00")
    try:
        numbers = [float(p) if i == len(parts) - 1 else int(p) for i, p in enumerate(parts)]
    except ValueError:
        raise InvalidInput(
            field, text, "use digits only, as mm:ss or h:mm:ss, e.g. 40:00 or 1:45:00"
        ) from None
    if any(n < 0 or not math.isfinite(n) for n in numbers):
        raise InvalidInput(field, text, "a time cannot be negative")
    seconds = numbers[-1]
    if seconds >= SECONDS_PER_MINUTE:
        raise InvalidInput(field, text, "seconds must be below 60")
    if len(numbers) == 3 and numbers[1] >= SECONDS_PER_MINUTE:
        raise InvalidInput(field, text, "minutes must be below 60 in h:mm:ss")
    total = 0.0
    for n in numbers:
        total = total * SECONDS_PER_MINUTE + n
    if total <= 0:
        raise InvalidInput(field, text, "a time must be longer than zero")
    return total


_SINGULAR: Final = {
    "combined blocks": "combined block",
    "consecutive days": "consecutive day",
    "days": "day",
    "hard runs": "hard run",
    "items": "item",
    "lifts": "lift",
    "loaded days": "loaded day",
    "more days": "more day",
    "more lifts": "more lift",
    "points": "point",
    "rest days": "rest day",
    "runs": "run",
    "runs before": "run before",
    "sessions": "session",
    "shared days": "shared day",
    "soft findings": "soft finding",
    "training runs": "training run",
    "weeks": "week",
}
"""Plural units (the rule checkers' among them), as they read after exactly one."""


def quantity(value: float, unit: str) -> str:
    """``value`` with ``unit``, in the singular when the value is exactly one."""
    return f"{value:g} {_SINGULAR.get(unit, unit) if value == 1 else unit}"
