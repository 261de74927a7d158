"""Any training file, its format told by its content: FIT, GPX, TCX, Strong or Hevy CSV.

:func:`detect_format` looks at the bytes, never at the file name: a FIT file has
".FIT" in its header, GPX and TCX are XML whose root element is ``<gpx>`` or
``<TrainingCenterDatabase>``, and the lifting apps' CSV exports are known by the
columns of their header. :func:`read_activity_file` detects the format and hands
the file to its reader.
"""

from __future__ import annotations

from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.activities import ImportResult
from runlift.domain.exercise_names import ExerciseNameIndex
from runlift.io.activity_input import SNIFF_TEXT_CHARS, check_size, refuse
from runlift.io.fit_activity import read_fit
from runlift.io.gpx_activity import read_gpx
from runlift.io.lifting_csv import detect_lifting_csv, read_hevy_csv, read_strong_csv
from runlift.io.safe_xml import SNIFF_BYTES, xml_root_name
from runlift.io.tcx_activity import read_tcx
from runlift.vocabulary import ActivityFormat, MassUnit

UNKNOWN_FORMAT: Final = "training file"
"""How a file of no known format is named in :class:`~runlift.errors.ImportFormatError`."""

XML_ROOTS: Final = {"gpx": ActivityFormat.GPX, "TrainingCenterDatabase": ActivityFormat.TCX}

_FIT_SIGNATURE: Final = slice(8, 12)
_FIT_HEADER_MIN_BYTES: Final = 12
_SIGNATURES: Final = (
    (b"PK\x03\x04", "a ZIP archive: unpack it and import the files inside"),
    (b"\x1f\x8b", "a gzip-compressed file: unpack it first"),
    (b"%PDF", "a PDF document"),
)


def detect_format(data: bytes) -> ActivityFormat | None:
    """The format of a training file by its content, or None when it is none of ours.

    Examples:
        >>> detect_format(b'<?xml version="1.0"?><gpx version="1.1"></gpx>')
        <ActivityFormat.GPX: 'gpx'>
        >>> detect_format(b"Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps")
        <ActivityFormat.STRONG_CSV: 'strong_csv'>
        >>> detect_format(b"hello") is None
        True
    """
    if len(data) >= _FIT_HEADER_MIN_BYTES and data[_FIT_SIGNATURE] == b".FIT":
        return ActivityFormat.FIT
    root = xml_root_name(data)
    if root is not None:
        return XML_ROOTS.get(root)
    return detect_lifting_csv(_head_text(data))


def read_activity_file(
    data: bytes,
    *,
    name: str,
    exercises: ExerciseNameIndex,
    tz: ZoneInfo,
    weight_unit: MassUnit = MassUnit.KG,
) -> ImportResult:
    """Read a training file of any supported format, detected by its content.

    Args:
        data: the file's bytes.
        name: the file's name, for messages only (not used to detect the format).
        exercises: maps the exercise names of lifting logs and watches to the library.
        tz: the athlete's time zone, for the lifting apps' local times and for watches
            that recorded no date.
        weight_unit: the unit of a classic Strong export's weights, which the export
            does not name; the other formats name their units.

    Returns:
        What the file holds: activities or weighings, and the reader's warnings.

    Raises:
        ImportFormatError: the file is empty, too large, of no supported format, or
            not readable as its format; the detail says why in one line.
    """
    check_size(data, fmt=UNKNOWN_FORMAT, name=name)
    found = detect_format(data)
    if found is ActivityFormat.FIT:
        return read_fit(data, name=name, exercises=exercises, tz=tz)
    if found is ActivityFormat.GPX:
        return read_gpx(data, name=name)
    if found is ActivityFormat.TCX:
        return read_tcx(data, name=name)
    if found is ActivityFormat.STRONG_CSV:
        return read_strong_csv(data, name=name, exercises=exercises, tz=tz, weight_unit=weight_unit)
    if found is ActivityFormat.HEVY_CSV:
        return read_hevy_csv(data, name=name, exercises=exercises, tz=tz)
    raise refuse(UNKNOWN_FORMAT, name, _unknown(data))


def _head_text(data: bytes) -> str:
    return data[:SNIFF_TEXT_CHARS].decode("utf-8", errors="replace").removeprefix("\ufeff")


def _unknown(data: bytes) -> str:
    """Why a file is none of the formats, as specific as its first bytes allow."""
    known = "FIT, GPX, TCX, Strong CSV or Hevy CSV"
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return f"this is {what}, not a {known} file"
    root = xml_root_name(data[:SNIFF_BYTES])
    if root is not None:
        return f"XML whose root element is <{root}>: neither GPX (<gpx>) nor TCX"
    head = _head_text(data).lstrip()
    if head.startswith(("{", "[")):
        return f"this looks like JSON, not a {known} file"
    first_line = head.splitlines()[0] if head else ""
    if "," in first_line or ";" in first_line:
        return (
            "a CSV file whose header is neither Strong's nor Hevy's "
            "(see docs/tracking.md for the columns each needs)"
        )
    return f"not a {known} file"
