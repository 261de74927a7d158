"""Daily training loads from CSV text.

Two layouts are read; the header line names the columns (any order, any letter case):

``date,load``
    one load in arbitrary units (AU) per row, at least 0.
``date,duration_min,rpe``
    one session per row; its load is duration x session RPE (CR-10, 0-10), computed
    with :func:`runlift.science.load.session_rpe_load_au`.

Dates are ISO calendar dates (``YYYY-MM-DD``). Rows may come in any order; rows on the
same date are added up, and days between the first and the last date that have no row
are rest days (load 0). A UTF-8 byte order mark, blank lines and spaces around values
are tolerated. Any other irregularity raises ``ImportFormatError`` naming the line, the
field and the value: the whole file is read or nothing is.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Final

from runlift.errors import ImportFormatError, InvalidInput
from runlift.science.load import session_rpe_load_au

_FORMAT: Final = "csv"
_LOAD_LAYOUT: Final = ("date", "load")
_SESSION_LAYOUT: Final = ("date", "duration_min", "rpe")
_LAYOUTS_HELP: Final = "must be 'date,load' or 'date,duration_min,rpe' (columns in any order)"
_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER_RE: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(frozen=True, slots=True, kw_only=True)
class DailyLoads:
    """A daily training load series read from a file.

    Attributes:
        start: the date of ``loads_au[0]``, the earliest date in the file.
        loads_au: one total load per consecutive day from ``start`` to the latest date
            in the file, in AU; days without a row are 0.
    """

    start: date
    loads_au: tuple[float, ...]


def read_daily_loads(text: str) -> DailyLoads:
    """Read daily training loads from CSV text (layouts in the module docstring).

    Args:
        text: the file's content, decoded.

    Returns:
        The daily loads, with gaps filled by rest days.

    Raises:
        ImportFormatError: when the file is empty, has no data rows, or any line is
            malformed; the detail reads ``line N: <field> '<value>': <what is valid>``.
    """
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    columns: dict[str, int] | None = None
    totals: defaultdict[date, float] = defaultdict(float)
    try:
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if columns is None:
                columns = _read_header(cells, line=line)
                continue
            day, load_au = _read_row(cells, columns=columns, line=line)
            totals[day] += load_au
            if not math.isfinite(totals[day]):
                raise _error(
                    line, "date", cells[columns["date"]], "its loads add up past the float range"
                )
    except csv.Error as exc:
        raise ImportFormatError(_FORMAT, f"line {reader.line_num}: {exc}") from exc
    if columns is None:
        raise ImportFormatError(_FORMAT, f"the file is empty: its header {_LAYOUTS_HELP}")
    if not totals:
        raise ImportFormatError(_FORMAT, "the file has a header but no data rows")
    start = min(totals)
    loads_au = [0.0] * ((max(totals) - start).days + 1)
    for day, load_au in totals.items():
        loads_au[(day - start).days] = load_au
    return DailyLoads(start=start, loads_au=tuple(loads_au))


def _read_header(cells: list[str], *, line: int) -> dict[str, int]:
    names = [cell.strip().lower() for cell in cells]
    if sorted(names) not in (sorted(_LOAD_LAYOUT), sorted(_SESSION_LAYOUT)):
        raise _error(line, "header", ",".join(cells), _LAYOUTS_HELP)
    return {name: index for index, name in enumerate(names)}


def _read_row(cells: list[str], *, columns: dict[str, int], line: int) -> tuple[date, float]:
    if len(cells) != len(columns):
        layout = ",".join(sorted(columns, key=columns.__getitem__))
        raise _error(line, "row", ",".join(cells), f"must have {len(columns)} fields: {layout}")
    day = _read_date(cells[columns["date"]], line=line)
    if "load" in columns:
        raw = cells[columns["load"]]
        load_au = _read_number(raw, field="load", line=line)
        if load_au < 0:
            raise _error(line, "load", raw, "must be a load of at least 0")
        return day, load_au
    duration_min = _read_number(cells[columns["duration_min"]], field="duration_min", line=line)
    rpe = _read_number(cells[columns["rpe"]], field="rpe", line=line)
    try:
        return day, session_rpe_load_au(duration_min=duration_min, rpe=rpe)
    except InvalidInput as exc:
        raise _error(line, exc.field, cells[columns[exc.field]], exc.expected) from exc


def _read_date(raw: str, *, line: int) -> date:
    text = raw.strip()
    if _DATE_RE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise _error(line, "date", raw, "must be an ISO calendar date YYYY-MM-DD")


def _read_number(raw: str, *, field: str, line: int) -> float:
    text = raw.strip()
    value = float(text) if _NUMBER_RE.fullmatch(text) else math.nan
    if not math.isfinite(value):
        raise _error(line, field, raw, "must be a finite decimal number, e.g. 42 or 7.5")
    return value


def _error(line: int, field: str, value: str, expected: str) -> ImportFormatError:
    return ImportFormatError(_FORMAT, f"line {line}: {field} '{value}': {expected}")
