"""Any training file: the format is told by the content, whatever the file is called."""

from __future__ import annotations

import doctest
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from runlift.errors import ImportFormatError
from runlift.io import activity_files, activity_input, safe_xml
from runlift.io.activity_files import detect_format, read_activity_file
from runlift.io.activity_input import MAX_FILE_BYTES, ImportNotes, guessed_sport, shown_name
from runlift.io.safe_xml import xml_root_name
from runlift.reference.exercise_aliases import exercise_name_index
from runlift.vocabulary import ActivityFormat, Sport

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BERLIN = ZoneInfo("Europe/Berlin")

EXAMPLES = {
    "fit-activity/garmin-fenix5_run_short_2017.fit": ActivityFormat.FIT,
    "fit-activity/corrupt/bad-file-crc.fit": ActivityFormat.FIT,
    "fit-workout/trainerroad_beech.fit": ActivityFormat.FIT,
    "gpx/strava-export_run_pauses_2021-01-10.gpx": ActivityFormat.GPX,
    "gpx/utf8-bom_no-version.gpx": ActivityFormat.GPX,
    "gpx/ridewithgps_tiny_no-namespaces.gpx": ActivityFormat.GPX,
    "gpx/route-only.gpx": ActivityFormat.GPX,
    "tcx/garmin-fr620_run_3-laps.tcx": ActivityFormat.TCX,
    "tcx/course-only.tcx": ActivityFormat.TCX,
    "xml/billion-laughs.gpx": ActivityFormat.GPX,
    "xml/external-entity.tcx": ActivityFormat.TCX,
    "lifting-csv/strong_classic_comma_2021.csv": ActivityFormat.STRONG_CSV,
    "lifting-csv/strong_semicolon_lbs.csv": ActivityFormat.STRONG_CSV,
    "lifting-csv/hevy_kg_supersets_2025.csv": ActivityFormat.HEVY_CSV,
    "lifting-csv/hevy_lbs_set-types.csv": ActivityFormat.HEVY_CSV,
}


def read(data: bytes, name: str) -> object:
    return read_activity_file(data, name=name, exercises=exercise_name_index(), tz=BERLIN)


@pytest.mark.parametrize(("path", "expected"), sorted(EXAMPLES.items()))
def test_formats_are_detected_by_content(path: str, expected: ActivityFormat) -> None:
    assert detect_format((FIXTURES / path).read_bytes()) is expected


@pytest.mark.parametrize(
    "path",
    [
        "fit-activity/garmin-fenix5_run_short_2017.fit",
        "gpx/garmin-connect_run_3-points.gpx",
        "tcx/tomtom_run_2017-05-27.tcx",
        "lifting-csv/hevy_lbs_set-types.csv",
    ],
)
def test_a_misleading_file_name_changes_nothing(path: str) -> None:
    data = (FIXTURES / path).read_bytes()
    honest = read_activity_file(
        data, name=Path(path).name, exercises=exercise_name_index(), tz=BERLIN
    )
    renamed = read_activity_file(
        data, name="export.csv", exercises=exercise_name_index(), tz=BERLIN
    )
    assert renamed.activities == honest.activities
    assert renamed.format is honest.format is EXAMPLES.get(path, honest.format)
    assert renamed.source_name == "export.csv"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "the file is empty"),
        (b"PK\x03\x04\x14\x00\x00\x00", "a ZIP archive: unpack it"),
        (b"\x1f\x8b\x08\x00", "gzip-compressed"),
        (b'{"activities": []}', "looks like JSON"),
        (b'<?xml version="1.0"?><kml/>', "XML whose root element is <kml>"),
        (b"date,load\n2024-01-01,40\n", "a CSV file whose header is neither Strong's nor Hevy's"),
        (b"just some words", "not a FIT, GPX, TCX, Strong CSV or Hevy CSV file"),
    ],
)
def test_unknown_files_are_refused_saying_what_they_look_like(data: bytes, words: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read(data, "mystery.bin")
    assert str(caught.value).startswith("cannot read training file: mystery.bin: ")
    assert words in str(caught.value)


def test_an_oversized_file_is_refused_before_detection() -> None:
    data = bytearray(MAX_FILE_BYTES + 1)
    data[8:12] = b".FIT"
    with pytest.raises(ImportFormatError, match="training files of up to 64 MiB are read"):
        read(bytes(data), "huge.fit")
    # At the limit itself the file goes on to its reader, which refuses it for what it is.
    at_limit = bytes(data[:MAX_FILE_BYTES])
    with pytest.raises(ImportFormatError, match="cannot read FIT"):
        read(at_limit, "big.fit")


NOTHING_TO_IMPORT = {
    "fit-activity/corrupt/bad-file-crc.fit",
    "fit-workout/trainerroad_beech.fit",
    "gpx/utf8-bom_no-version.gpx",
    "gpx/route-only.gpx",
    "tcx/course-only.tcx",
    "xml/billion-laughs.gpx",
    "xml/external-entity.tcx",
}
LABELS = {ActivityFormat.FIT: "FIT", ActivityFormat.GPX: "GPX", ActivityFormat.TCX: "TCX"}


@pytest.mark.parametrize(("path", "expected"), sorted(EXAMPLES.items()))
def test_each_format_reads_through_the_one_entry_point(path: str, expected: ActivityFormat) -> None:
    data = (FIXTURES / path).read_bytes()
    if path in NOTHING_TO_IMPORT:
        with pytest.raises(ImportFormatError) as caught:
            read(data, Path(path).name)
        assert caught.value.format == LABELS[expected]
        return
    result = read_activity_file(
        data, name=Path(path).name, exercises=exercise_name_index(), tz=BERLIN
    )
    assert result.format is expected


def test_the_malicious_xml_is_refused_through_the_entry_point() -> None:
    for path in ("xml/billion-laughs.gpx", "xml/external-entity.tcx"):
        with pytest.raises(ImportFormatError, match="DTD"):
            read((FIXTURES / path).read_bytes(), Path(path).name)


def test_file_names_in_messages_are_one_printable_line() -> None:
    assert shown_name("a\nb\x00c.fit") == "a?b?c.fit"
    assert shown_name("   ") == "(unnamed file)"
    long = shown_name("x" * 500)
    assert len(long) == 120
    assert long.endswith("...")
    with pytest.raises(ImportFormatError) as caught:
        read(b"", "evil\nname\u2028.fit")
    assert "\n" not in str(caught.value)
    assert "\u2028" not in str(caught.value)


def test_xml_root_names_are_found_past_prologs() -> None:
    assert xml_root_name(b"  <!-- c --><?pi x?><!DOCTYPE a [<!ENTITY e 'x'>]><ns:gpx/>") == "gpx"
    assert xml_root_name("\ufeff<gpx/>".encode()) == "gpx"
    assert xml_root_name("<TrainingCenterDatabase/>".encode("utf-16")) == "TrainingCenterDatabase"
    assert xml_root_name(b"<!-- never closed") is None
    assert xml_root_name(b"<!DOCTYPE never closed") is None
    assert xml_root_name(b"plain text") is None


def test_notes_report_each_warning_once() -> None:
    notes = ImportNotes(names=exercise_name_index())
    assert notes.exercise("Zercher Squat") is None
    assert notes.exercise("Zercher Squat") is None
    assert notes.exercise("Bench Press (Barbell)") == "bench-press"
    assert notes.fit_exercise(category="squat", name=None, shown="Squat") is None
    assert notes.fit_exercise(category="squat", name="barbell_back_squat", shown="x") == (
        "back-squat"
    )
    assert len(notes.warnings) == 2
    assert "family" in notes.warnings[1]
    assert ImportNotes().exercise("Bench Press (Barbell)") is None


def test_module_doctests() -> None:
    for module in (activity_files, activity_input, safe_xml):
        assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize(
    ("distance_m", "moving_s", "expected"),
    [
        (10_000, 3_000, Sport.RUN),  # 5:00 per km
        (10_000, 4_800, Sport.RUN),  # 8:00 per km: a slow run, still faster than walking
        (10_000, 5_200, Sport.WALKING),  # 8:40 per km: below the walk-run transition
        (100_000, 2_000, None),  # 50 m/s: a car or a fault
        (5_000, 3_600, Sport.WALKING),  # 5 km/h
        (10_000, 1_900, None),  # 5.3 m/s: a fast run or a slow ride; not guessed
        (40_000, 4_800, Sport.CYCLING),  # 30 km/h
        (0, 3_600, None),
        (None, 3_600, None),
    ],
)
def test_a_sport_is_guessed_from_the_moving_pace_only_where_it_is_clear(
    distance_m: float | None, moving_s: float, expected: Sport | None
) -> None:
    assert guessed_sport(distance_m=distance_m, moving_s=moving_s) is expected
