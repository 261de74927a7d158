"""Training-file readers: any bytes give a result or ImportFormatError; exports read back.

Damaged FIT files get their checksum recomputed after the damage, so the decoder
meets broken structure instead of stopping at the checksum. Reading a real file
takes tens of milliseconds, more on a busy machine, so no test here has a deadline.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runlift.domain.activities import ImportResult
from runlift.errors import ImportFormatError
from runlift.io.activity_files import read_activity_file
from runlift.io.fit_activity import read_fit
from runlift.io.gpx_activity import read_gpx
from runlift.io.lifting_csv import read_hevy_csv, read_strong_csv
from runlift.io.tcx_activity import read_tcx
from runlift.reference.exercise_aliases import exercise_name_index
from runlift.vocabulary import SetKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SMALL_FIT = (FIXTURES / "fit-activity" / "garmin-fenix5_run_short_2017.fit").read_bytes()
STRENGTH_FIT = (FIXTURES / "fit-activity" / "garmin-fr965_strength_2025-10-20.fit").read_bytes()
BERLIN = ZoneInfo("Europe/Berlin")

_CRC_TABLE = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip


def fit_crc(data: bytes) -> int:
    """The FIT protocol's CRC-16, written from its specification."""
    crc = 0
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            low = _CRC_TABLE[crc & 0xF]
            crc = (crc >> 4) & 0x0FFF
            crc = crc ^ low ^ _CRC_TABLE[nibble]
    return crc


def with_crc(body: bytes) -> bytes:
    return body + fit_crc(body).to_bytes(2, "little")


def test_the_crc_of_the_test_matches_the_files() -> None:
    assert with_crc(SMALL_FIT[:-2]) == SMALL_FIT


def refusal(read: Callable[[], ImportResult]) -> str | None:
    """The message of the ImportFormatError that ``read`` raises, or None when it reads.

    Any other exception fails the test.
    """
    try:
        read()
    except ImportFormatError as error:
        return str(error)
    return None


def assert_clean(message: str | None) -> None:
    if message is not None:
        assert message.startswith("cannot read ")
        assert "\n" not in message


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_bytes_are_read_or_refused_with_an_import_error(data: bytes) -> None:
    names = exercise_name_index()
    assert_clean(
        refusal(lambda: read_activity_file(data, name="random", exercises=names, tz=BERLIN))
    )
    assert_clean(refusal(lambda: read_gpx(data, name="random")))
    assert_clean(refusal(lambda: read_tcx(data, name="random")))
    assert_clean(refusal(lambda: read_strong_csv(data, name="random", exercises=names, tz=BERLIN)))
    assert_clean(refusal(lambda: read_hevy_csv(data, name="random", exercises=names, tz=BERLIN)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    source=st.sampled_from(["small", "strength"]),
    changes=st.lists(
        st.tuples(st.integers(min_value=14, max_value=5000), st.integers(0, 255)),
        min_size=1,
        max_size=8,
    ),
    cut=st.integers(min_value=0, max_value=200),
)
def test_damaged_fit_files_with_a_valid_crc_are_read_or_refused(
    source: str, changes: list[tuple[int, int]], cut: int
) -> None:
    body = bytearray({"small": SMALL_FIT, "strength": STRENGTH_FIT}[source][:-2])
    for position, value in changes:
        body[position % len(body) or 14] = value
    if cut:
        body = body[: max(14, len(body) - cut)]
    data = with_crc(bytes(body))
    names = exercise_name_index()
    assert_clean(refusal(lambda: read_fit(data, name="damaged.fit", exercises=names, tz=BERLIN)))


@settings(max_examples=200, deadline=None)
@given(
    declaration=st.sampled_from(
        ["", '<?xml version="1.0"?>', '<?xml version="1.0" encoding="{}"?>']
    ),
    encoding=st.sampled_from(["utf-8", "latin-1", "utf-16", "klingon", "ascii", ""]),
    text=st.text(alphabet="<>/=\"' abcdefgpxTrainingCenterDatabase?!-[]&;:0123456789\né\n"),
)
def test_xml_like_text_is_read_or_refused(declaration: str, encoding: str, text: str) -> None:
    data = (declaration.format(encoding) + text).encode()
    assert_clean(refusal(lambda: read_gpx(data, name="x")))
    assert_clean(refusal(lambda: read_tcx(data, name="x")))


NAMES = st.sampled_from(
    [
        "Bench Press (Barbell)",
        "Squat (Barbell)",
        'Curl, "Spider" (Dumbbell)',
        "Übung; mit Umlaut",
        "Plank",
    ]
)
KINDS = {"W": SetKind.WARM_UP, "D": SetKind.DROP, "F": SetKind.FAILURE}

logged = st.tuples(
    NAMES,
    st.sampled_from(["1", "2", "W", "D", "F"]),
    st.integers(min_value=0, max_value=4000).map(lambda quarters: quarters / 4),
    st.integers(min_value=1, max_value=50),
    st.sampled_from([None, 6.0, 7.5, 8.0, 9.5, 10.0]),
)
workouts = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=365 * 24 * 60),
        st.sampled_from(["Push", "Pull", "Beine, Bauch, Po"]),
        st.lists(logged, min_size=1, max_size=12),
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda workout: workout[0],
)


@settings(deadline=None)
@given(sessions=workouts)
def test_a_strong_export_written_from_sets_reads_back_the_same_sets(
    sessions: list[tuple[int, str, list[tuple[str, str, float, int, float | None]]]],
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "Date",
            "Workout Name",
            "Duration",
            "Exercise Name",
            "Set Order",
            "Weight",
            "Reps",
            "Distance",
            "Seconds",
            "Notes",
            "Workout Notes",
            "RPE",
        ]
    )
    base = datetime(2023, 1, 2, 6)  # noqa: DTZ001 - Strong writes local times
    for minute, title, sets in sessions:
        when = (base + timedelta(minutes=minute)).strftime("%Y-%m-%d %H:%M:%S")
        for name, order, weight, reps, rpe in sets:
            writer.writerow(
                [when, title, "1h 5m", name, order, weight, reps, 0, 0, "", "", rpe or ""]
            )
    result = read_strong_csv(
        out.getvalue().encode(), name="strong.csv", exercises=exercise_name_index(), tz=BERLIN
    )
    expected = sorted(sessions)
    assert len(result.activities) == len(expected)
    for activity, (minute, title, sets) in zip(result.activities, expected, strict=True):
        local = base + timedelta(minutes=minute)
        assert activity.start == local.replace(tzinfo=BERLIN).astimezone(UTC)
        assert activity.name == title
        assert activity.elapsed_s == 65 * 60
        assert [(s.raw_name, s.kind, s.load_kg, s.reps, s.rpe) for s in activity.sets] == [
            (name, KINDS.get(order, SetKind.WORKING), weight or None, reps, rpe)
            for name, order, weight, reps, rpe in sets
        ]


@pytest.mark.parametrize("path", sorted((FIXTURES / "fit-activity").glob("*.fit"))[:3])
def test_truncating_a_real_file_anywhere_gives_an_import_error(path: Path) -> None:
    data = path.read_bytes()
    for cut in range(1, len(data), max(1, len(data) // 97)):
        with pytest.raises(ImportFormatError):
            read_fit(data[:cut], name=path.name, exercises=exercise_name_index(), tz=BERLIN)
