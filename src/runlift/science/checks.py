"""Input checks shared by the science modules: a value out of range raises, never returns 0."""

from __future__ import annotations

import math

from runlift.errors import InvalidInput


def require_positive(name: str, value: float) -> float:
    """Return ``value`` if it is a finite number above zero, else raise ``InvalidInput``."""
    if not math.isfinite(value) or value <= 0:
        raise InvalidInput(name, value, "must be a finite number above zero")
    return value


def require_range(name: str, value: float, low: float, high: float) -> float:
    """Return ``value`` if ``low <= value <= high``, else raise ``InvalidInput`` with the range."""
    if not math.isfinite(value) or not low <= value <= high:
        raise InvalidInput(name, value, f"must be between {low:g} and {high:g}")
    return value
