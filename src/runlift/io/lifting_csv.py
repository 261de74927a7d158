"""Strong and Hevy CSV exports as strength activities with their logged sets.

Each file has one row per set. Rows of one workout become one
:class:`~runlift.domain.activities.Activity` (sport ``strength``), its sets in the
order of the file. The layouts are told apart by their header, whose columns may
come in any order:

Strong, classic comma export
    ``Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,
    Notes,Workout Notes,RPE``. A workout is a (``Date``, ``Workout Name``) pair.
    ``Duration`` reads "1h 50m", "45m" or "30s". The export names no unit: weights
    are in ``weight_unit`` (kg unless told), distances in km with kg and miles with lb.
Strong, semicolon export (some locales)
    ``Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;
    Distance Unit;Seconds;Notes;Workout Notes`` and, in later versions,
    ``;Workout Duration``; each row names its units; decimals may use a comma.
Hevy
    ``title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,
    set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe``, or with
    ``weight_lbs`` and ``distance_miles`` in the pounds export. A workout is a
    (``title``, ``start_time``, ``end_time``) triple; times read "30 Jun 2025, 19:56".

Set kinds: Strong's ``Set Order`` is a number for a working set, ``W`` for a warm-up,
``D`` for a drop set and ``F`` for a set to failure; its ``Rest Timer`` rows are not
sets and are skipped. Hevy's ``set_type`` is ``normal``, ``warmup``, ``dropset`` or
``failure``. A weight of 0 or none is bodyweight; a Strong set of 0 reps with
seconds is a timed set. Exercise names map to library exercises through
:class:`~runlift.domain.exercise_names.ExerciseNameIndex`; a name that maps to none
keeps its own name and is reported once.

Neither app writes a time zone: dates are local times of the athlete, read in the
zone ``tz``. Fields longer than :data:`MAX_FIELD_CHARS` are refused, as is any row
that does not fit its header: the whole file is read or nothing is.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.activities import Activity, ImportResult, LoggedSet
from runlift.domain.exercise_names import ExerciseNameIndex
from runlift.errors import InvalidInput
from runlift.io.activity_input import ImportNotes, check_size, decode_text, refuse
from runlift.units import KG_PER_LB, METRES_PER_KM, METRES_PER_MILE, SECONDS_PER_HOUR
from runlift.vocabulary import ActivityFormat, MassUnit, SetKind, Sport

STRONG_FORMAT: Final = "Strong CSV"
HEVY_FORMAT: Final = "Hevy CSV"

MAX_FIELD_CHARS: Final = 10_000
"""No field of an export is longer (a workout's notes run to a few hundred characters);
a longer one is not an export, and is refused before anything is built from it."""

STRONG_CLASSIC_COLUMNS: Final = frozenset(
    {"Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps"}
)
STRONG_SEMICOLON_COLUMNS: Final = frozenset(
    {"Date", "Workout Name", "Exercise Name", "Set Order", "Weight", "Weight Unit", "Reps"}
)
HEVY_COLUMNS: Final = frozenset(
    {"title", "start_time", "end_time", "exercise_title", "set_type", "reps"}
)
"""The columns each layout must have; the others are read when present."""

STRONG_SET_KINDS: Final = {"W": SetKind.WARM_UP, "D": SetKind.DROP, "F": SetKind.FAILURE}
STRONG_REST_ROW: Final = "rest timer"
HEVY_SET_KINDS: Final = {
    "normal": SetKind.WORKING,
    "warmup": SetKind.WARM_UP,
    "dropset": SetKind.DROP,
    "failure": SetKind.FAILURE,
}

_MONTHS: Final = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_HEVY_TIME_RE: Final = re.compile(
    r"(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?"
)
_STRONG_TIME_FORMATS: Final = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %I:%M:%S %p")
_DURATION_RE: Final = re.compile(r"(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?")
_NUMBER_RE: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


@dataclass(frozen=True, slots=True)
class _Layout:
    """How one export separates its fields, and where each column is."""

    delimiter: str
    columns: dict[str, int]


def detect_lifting_csv(text: str) -> ActivityFormat | None:
    """Strong or Hevy, by the header of a CSV export's text, or None when it is neither."""
    header = _header_line(text)
    if header is None:
        return None
    for delimiter in (",", ";"):
        names = _split_header(header, delimiter)
        if names is None:
            continue
        if names >= STRONG_CLASSIC_COLUMNS or names >= STRONG_SEMICOLON_COLUMNS:
            return ActivityFormat.STRONG_CSV
        if names >= HEVY_COLUMNS and ({"weight_kg", "weight_lbs"} & names):
            return ActivityFormat.HEVY_CSV
    return None


def _header_line(text: str) -> str | None:
    for line in io.StringIO(text.removeprefix("\ufeff")):
        if line.strip():
            return line
    return None


def _split_header(line: str, delimiter: str) -> frozenset[str] | None:
    try:
        cells = next(csv.reader([line], delimiter=delimiter, strict=True))
    except (csv.Error, StopIteration):
        return None
    return frozenset(cell.strip() for cell in cells)


def read_strong_csv(
    data: bytes,
    *,
    name: str,
    exercises: ExerciseNameIndex,
    tz: ZoneInfo,
    weight_unit: MassUnit = MassUnit.KG,
) -> ImportResult:
    """Read a Strong CSV export, either layout (module docstring).

    Args:
        data: the file's bytes.
        name: the file's name, for messages only.
        exercises: maps Strong's exercise names to library exercises.
        tz: the athlete's time zone: Strong writes local times without a zone.
        weight_unit: the unit of the classic export's weights, which it does not
            name (the app's setting); the semicolon export names its own.

    Returns:
        One strength activity per workout, in time order.

    Raises:
        ImportFormatError: the file is not a Strong export, or a row is malformed;
            the detail names the line, the column and the value.
    """
    return _read(
        data,
        name=name,
        fmt=STRONG_FORMAT,
        source=ActivityFormat.STRONG_CSV,
        exercises=exercises,
        tz=tz,
        weight_unit=weight_unit,
    )


def read_hevy_csv(
    data: bytes, *, name: str, exercises: ExerciseNameIndex, tz: ZoneInfo
) -> ImportResult:
    """Read a Hevy CSV export, in kg or in pounds (module docstring).

    Args:
        data: the file's bytes.
        name: the file's name, for messages only.
        exercises: maps Hevy's exercise names to library exercises.
        tz: the athlete's time zone: Hevy writes local times without a zone.

    Returns:
        One strength activity per workout, in time order.

    Raises:
        ImportFormatError: the file is not a Hevy export, or a row is malformed;
            the detail names the line, the column and the value.
    """
    return _read(
        data,
        name=name,
        fmt=HEVY_FORMAT,
        source=ActivityFormat.HEVY_CSV,
        exercises=exercises,
        tz=tz,
        weight_unit=MassUnit.KG,
    )


class _RowError(Exception):
    """One cell of one row is malformed: the column, the value and what is valid."""

    def __init__(self, column: str, value: str, expected: str) -> None:
        super().__init__(f"{column} {value!r}: {expected}")


@dataclass(slots=True)
class _Workout:
    """The rows of one workout read so far."""

    title: str | None
    start: datetime
    duration_s: float | None
    sets: list[LoggedSet]


def _read(
    data: bytes,
    *,
    name: str,
    fmt: str,
    source: ActivityFormat,
    exercises: ExerciseNameIndex,
    tz: ZoneInfo,
    weight_unit: MassUnit,
) -> ImportResult:
    check_size(data, fmt=fmt, name=name)
    text = decode_text(data, fmt=fmt, name=name)
    if detect_lifting_csv(text) is not source:
        raise refuse(fmt, name, f"the header is not that of a {fmt} export: {_expected(source)}")
    header = _header_line(text) or ""
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    notes = ImportNotes(names=exercises)
    workouts: dict[tuple[str, ...], _Workout] = {}
    layout: _Layout | None = None
    try:
        for cells in reader:
            line = reader.line_num
            _check_field_sizes(cells, fmt=fmt, name=name, line=line)
            if not any(cell.strip() for cell in cells):
                continue
            if layout is None:
                names = [cell.strip() for cell in cells]
                layout = _Layout(
                    delimiter=delimiter,
                    columns={column: index for index, column in enumerate(names)},
                )
                continue
            if len(cells) != len(layout.columns):
                raise refuse(
                    fmt,
                    name,
                    f"line {line}: {len(cells)} fields where the header has {len(layout.columns)}",
                )
            try:
                row = _Row(cells, layout)
                if source is ActivityFormat.HEVY_CSV:
                    _hevy_row(row, workouts=workouts, tz=tz, notes=notes)
                else:
                    _strong_row(row, workouts=workouts, tz=tz, notes=notes, unit=weight_unit)
            except _RowError as problem:
                raise refuse(fmt, name, f"line {line}: {problem}") from None
            except InvalidInput as error:
                raise refuse(fmt, name, f"line {line}: {error}") from None
    except csv.Error as error:
        raise refuse(fmt, name, f"line {reader.line_num}: {error}") from None
    if not workouts:
        raise refuse(fmt, name, "the export has a header but no sets")
    if (
        source is ActivityFormat.STRONG_CSV
        and layout is not None
        and "Weight Unit" not in layout.columns
    ):
        notes.warn(
            f"weights read as {weight_unit.value}: Strong's classic export does not name its unit"
        )
    return ImportResult(
        source_name=name,
        format=source,
        activities=_activities(workouts, fmt=fmt, name=name, source=source),
        warnings=notes.warnings,
    )


def _expected(source: ActivityFormat) -> str:
    if source is ActivityFormat.HEVY_CSV:
        return "it needs " + ", ".join(sorted(HEVY_COLUMNS)) + " and weight_kg or weight_lbs"
    return "it needs " + ", ".join(sorted(STRONG_CLASSIC_COLUMNS))


def _check_field_sizes(cells: list[str], *, fmt: str, name: str, line: int) -> None:
    for cell in cells:
        if len(cell) > MAX_FIELD_CHARS:
            raise refuse(
                fmt,
                name,
                f"line {line}: a field of {len(cell)} characters; an export's fields "
                f"have at most {MAX_FIELD_CHARS}",
            )


def _activities(
    workouts: dict[tuple[str, ...], _Workout], *, fmt: str, name: str, source: ActivityFormat
) -> tuple[Activity, ...]:
    activities = []
    for workout in workouts.values():
        try:
            activities.append(
                Activity(
                    sport=Sport.STRENGTH,
                    start=workout.start,
                    elapsed_s=workout.duration_s,
                    moving_s=workout.duration_s,
                    name=workout.title,
                    source=source,
                    sets=tuple(workout.sets),
                )
            )
        except InvalidInput as error:
            raise refuse(
                fmt, name, f"workout {workout.title!r} of {workout.start:%Y-%m-%d}: {error}"
            ) from None
    return tuple(sorted(activities, key=lambda activity: activity.start))


class _Row:
    """One data row, read by column name."""

    __slots__ = ("_cells", "_layout")

    def __init__(self, cells: list[str], layout: _Layout) -> None:
        self._cells = cells
        self._layout = layout

    def text(self, column: str) -> str:
        """The cell's text, stripped; empty when the column is absent."""
        index = self._layout.columns.get(column)
        return "" if index is None else self._cells[index].strip()

    def has(self, column: str) -> bool:
        """True when the header has the column."""
        return column in self._layout.columns

    def number(self, column: str) -> float | None:
        """The cell as a finite number of 0 or more, or None when it is empty."""
        raw = self.text(column)
        if not raw:
            return None
        if self._layout.delimiter == ";":
            # Locales that separate fields with ";" write decimals with ",".
            raw = raw.replace(",", ".")
        if _NUMBER_RE.fullmatch(raw) is None:
            raise _RowError(column, raw, "a number such as 62.5")
        value = float(raw)
        if not math.isfinite(value) or value < 0:
            raise _RowError(column, raw, "a number of 0 or more")
        return value

    def count(self, column: str) -> int | None:
        """The cell as a whole number, or None when it is empty."""
        value = self.number(column)
        if value is None:
            return None
        if value != int(value):
            raise _RowError(column, self.text(column), "a whole number")
        return int(value)


def _local_time(text: str, *, tz: ZoneInfo, column: str) -> datetime:
    """A local time of the export, read in ``tz``, in UTC."""
    cleaned = text.replace("\u202f", " ").strip()
    moment = None
    for pattern in _STRONG_TIME_FORMATS:
        try:
            moment = datetime.strptime(cleaned, pattern)  # noqa: DTZ007 - zone set below
            break
        except ValueError:
            continue
    if moment is None:
        found = _HEVY_TIME_RE.fullmatch(cleaned)
        month = _MONTHS.get(found.group(2).lower()) if found else None
        if found is None or month is None:
            raise _RowError(
                column, text, 'a local time such as "2021-02-10 16:46:13" or "30 Jun 2025, 19:56"'
            )
        try:
            moment = datetime(  # noqa: DTZ001 - zone set below
                int(found.group(3)),
                month,
                int(found.group(1)),
                int(found.group(4)),
                int(found.group(5)),
                int(found.group(6) or 0),
            )
        except ValueError:
            raise _RowError(column, text, "a date and time that exist") from None
    return moment.replace(tzinfo=tz).astimezone(UTC)


def _strong_duration_s(text: str) -> float | None:
    """Strong's workout duration: "1h 50m", "45m", "30s" or seconds; None when 0 or empty."""
    if not text:
        return None
    if text.isdigit():
        seconds = float(text)
    else:
        found = _DURATION_RE.fullmatch(text)
        if found is None or not any(found.groups()):
            raise _RowError("Duration", text, 'a duration such as "1h 50m", "45m" or "30s"')
        hours, minutes, secs = (int(group) if group else 0 for group in found.groups())
        seconds = hours * SECONDS_PER_HOUR + minutes * 60.0 + secs
    return seconds or None


def _strong_row(
    row: _Row,
    *,
    workouts: dict[tuple[str, ...], _Workout],
    tz: ZoneInfo,
    notes: ImportNotes,
    unit: MassUnit,
) -> None:
    order = row.text("Set Order")
    if order.lower() == STRONG_REST_ROW:
        return
    if order.isdigit():
        kind = SetKind.WORKING
    elif order.upper() in STRONG_SET_KINDS:
        kind = STRONG_SET_KINDS[order.upper()]
    else:
        raise _RowError("Set Order", order, "a set number, or W, D or F")
    date_text, title = row.text("Date"), row.text("Workout Name")
    key = (date_text, title)
    workout = workouts.get(key)
    if workout is None:
        duration_text = row.text("Duration") or row.text("Workout Duration")
        workout = _Workout(
            title=title or None,
            start=_local_time(date_text, tz=tz, column="Date"),
            duration_s=_strong_duration_s(duration_text),
            sets=[],
        )
        workouts[key] = workout
    mass_unit = _strong_mass_unit(row, unit)
    distance_m = _strong_distance_m(row, mass_unit)
    seconds = row.number("Seconds") or None
    reps = row.count("Reps")
    if reps == 0 and (seconds is not None or distance_m is not None):
        reps = None
    raw_name = row.text("Exercise Name")
    if not raw_name:
        raise _RowError("Exercise Name", raw_name, "the exercise's name")
    workout.sets.append(
        LoggedSet(
            order=len(workout.sets) + 1,
            exercise_id=notes.exercise(raw_name),
            raw_name=raw_name,
            kind=kind,
            reps=reps,
            load_kg=_load_kg(row.number("Weight"), mass_unit),
            duration_s=seconds,
            distance_m=distance_m,
            rpe=row.number("RPE") or None,
        )
    )


def _strong_mass_unit(row: _Row, default: MassUnit) -> MassUnit:
    if not row.has("Weight Unit"):
        return default
    unit = row.text("Weight Unit").lower()
    if unit == "kg":
        return MassUnit.KG
    if unit in {"lb", "lbs"}:
        return MassUnit.LB
    if not unit and row.number("Weight") in {None, 0.0}:
        return default
    raise _RowError("Weight Unit", row.text("Weight Unit"), "kg or lbs")


def _strong_distance_m(row: _Row, mass_unit: MassUnit) -> float | None:
    distance = row.number("Distance") or None
    if distance is None:
        return None
    if row.has("Distance Unit"):
        unit = row.text("Distance Unit").lower()
        metres_per_unit = {"km": METRES_PER_KM, "m": 1.0, "mi": METRES_PER_MILE}.get(unit)
        if metres_per_unit is None:
            raise _RowError("Distance Unit", row.text("Distance Unit"), "km, m or mi")
        return distance * metres_per_unit
    return distance * (METRES_PER_MILE if mass_unit is MassUnit.LB else METRES_PER_KM)


def _load_kg(weight: float | None, unit: MassUnit) -> float | None:
    """The load in kg; a weight of 0 or none is bodyweight (None)."""
    if not weight:
        return None
    return round(weight * KG_PER_LB, 3) if unit is MassUnit.LB else weight


def _hevy_row(
    row: _Row, *, workouts: dict[tuple[str, ...], _Workout], tz: ZoneInfo, notes: ImportNotes
) -> None:
    set_type = row.text("set_type").lower()
    if set_type not in HEVY_SET_KINDS:
        raise _RowError("set_type", row.text("set_type"), "normal, warmup, dropset or failure")
    title, start_text, end_text = row.text("title"), row.text("start_time"), row.text("end_time")
    key = (title, start_text, end_text)
    workout = workouts.get(key)
    if workout is None:
        start = _local_time(start_text, tz=tz, column="start_time")
        duration_s = None
        if end_text:
            end = _local_time(end_text, tz=tz, column="end_time")
            if end < start:
                raise _RowError("end_time", end_text, f"not before start_time {start_text!r}")
            duration_s = (end - start).total_seconds() or None
        workout = _Workout(title=title or None, start=start, duration_s=duration_s, sets=[])
        workouts[key] = workout
    unit = MassUnit.LB if row.has("weight_lbs") else MassUnit.KG
    weight = row.number("weight_lbs" if unit is MassUnit.LB else "weight_kg")
    if row.has("distance_miles"):
        miles = row.number("distance_miles")
        distance_m = miles * METRES_PER_MILE if miles else None
    else:
        km = row.number("distance_km")
        distance_m = km * METRES_PER_KM if km else None
    raw_name = row.text("exercise_title")
    if not raw_name:
        raise _RowError("exercise_title", raw_name, "the exercise's name")
    workout.sets.append(
        LoggedSet(
            order=len(workout.sets) + 1,
            exercise_id=notes.exercise(raw_name),
            raw_name=raw_name,
            kind=HEVY_SET_KINDS[set_type],
            reps=row.count("reps"),
            load_kg=_load_kg(weight, unit),
            duration_s=row.number("duration_seconds") or None,
            distance_m=distance_m,
            rpe=row.number("rpe") or None,
        )
    )
