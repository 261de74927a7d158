"""Small formatters of the report: dates, numbers and rests in English, locale-free."""

from __future__ import annotations

from datetime import date
from typing import Final

MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


DAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def date_text(day: date) -> str:
    """``7 Dec 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def day_month(day: date) -> str:
    """``7 Dec``."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def weekday_date(day: date) -> str:
    """``Mon 7 Dec 2026``."""
    return f"{DAYS[day.weekday()]} {date_text(day)}"


def span(first: date, last: date) -> str:
    """``7-13 Dec 2026``, ``28 Dec 2026 - 3 Jan 2027``."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{date_text(last)}"
    if first.year == last.year:
        return f"{day_month(first)} – {date_text(last)}"
    return f"{date_text(first)} – {date_text(last)}"


def number(value: float, digits: int = 1) -> str:
    """``value`` with up to ``digits`` decimals and no trailing zeros: ``12.5``, ``12``."""
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def thousands(value: float) -> str:
    """``value`` rounded, with thousands separators: ``1,234``."""
    return f"{round(value):,}"


def rest_text(seconds: int) -> str:
    """A rest between sets: ``90 s``, ``2 min``, ``2:30 min``."""
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes}:{rest:02d} min"
