"""Read a plan from a spreadsheet: CSV with ``date,start,end,title[,category]``.

``category`` uses the same words as calendar CATEGORIES (``RUN;INTERVALS`` or
``LIFT HEAVY-LOWER``: separators ``;``, ``|``, ``/`` or spaces); without it
the title decides. An empty start and end marks an all-day entry.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TypeVar
from zoneinfo import ZoneInfo

from runlift.domain.sessions import ScheduledSession
from runlift.errors import ImportFormatError
from runlift.io.imported import ImportedSessions, day_span, scheduled
from runlift.io.session_words import recognise

REQUIRED = ("date", "start", "end", "title")
T = TypeVar("T")


def _cell(row: dict[str, str | None], name: str) -> str:
    return (row.get(name) or "").strip()


def read_plan_csv(text: str, *, timezone: str = "UTC") -> ImportedSessions:
    """Read every training row of a plan CSV.

    Raises:
        ImportFormatError: a missing column or a bad row (``line N: field 'value': fix``);
            nothing is returned in part.
    """
    zone = ZoneInfo(timezone)
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportFormatError(
            "csv",
            f"missing column(s) {', '.join(missing)}; expected date,start,end,title[,category]",
        )
    reader.fieldnames = header
    sessions: list[ScheduledSession] = []
    ignored: list[str] = []
    for line, row in enumerate(reader, start=2):
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        title = _cell(row, "title")
        categories = [c for c in re.split(r"[;|/,\s]+", _cell(row, "category")) if c]
        found = recognise(title=title, categories=categories)
        if found is None:
            ignored.append(title or f"(line {line})")
            continue
        day = _parse(line, "date", _cell(row, "date"), date.fromisoformat, _DATE_FORMAT)
        start_text, end_text = _cell(row, "start"), _cell(row, "end")
        if not start_text and not end_text:
            start, end = day_span(day, zone)
            sessions.append(
                scheduled(
                    index=len(sessions),
                    title=title,
                    found=found,
                    start=start,
                    end=end,
                    all_day=True,
                )
            )
            continue
        start_clock = _parse(line, "start", start_text, time.fromisoformat, _TIME_FORMAT)
        end_clock = _parse(line, "end", end_text, time.fromisoformat, _TIME_FORMAT)
        if end_clock <= start_clock:
            raise ImportFormatError("csv", f"line {line}: end '{end_text}' must be after start")
        sessions.append(
            scheduled(
                index=len(sessions),
                title=title,
                found=found,
                start=datetime.combine(day, start_clock, tzinfo=zone),
                end=datetime.combine(day, end_clock, tzinfo=zone),
            )
        )
    sessions.sort(key=lambda s: (s.start, s.spec.title))
    return ImportedSessions(sessions=tuple(sessions), ignored=tuple(ignored), timezone=timezone)


_DATE_FORMAT = "a calendar date written YYYY-MM-DD"
_TIME_FORMAT = "a time of day written HH:MM (00:00 to 23:59)"


def _parse(line: int, field: str, text: str, parse: Callable[[str], T], fmt: str) -> T:
    try:
        return parse(text)
    except (ValueError, TypeError):
        raise ImportFormatError("csv", f"line {line}: {field} '{text}' is not {fmt}") from None
