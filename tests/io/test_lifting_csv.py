"""Strong and Hevy CSV exports: real files checked against counts made with the csv module."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from runlift.domain.activities import ImportResult
from runlift.errors import ImportFormatError
from runlift.io.lifting_csv import (
    MAX_FIELD_CHARS,
    detect_lifting_csv,
    read_hevy_csv,
    read_strong_csv,
)
from runlift.reference.exercise_aliases import exercise_name_index
from runlift.units import KG_PER_LB, METRES_PER_MILE
from runlift.vocabulary import ActivityFormat, MassUnit, SetKind, Sport

LIFTING = Path(__file__).resolve().parents[1] / "fixtures" / "lifting-csv"
STRONG = LIFTING / "strong_classic_comma_2021.csv"
HEVY = LIFTING / "hevy_kg_supersets_2025.csv"
BERLIN = ZoneInfo("Europe/Berlin")


def strong(data: bytes, **options: MassUnit) -> ImportResult:
    return read_strong_csv(
        data, name="strong.csv", exercises=exercise_name_index(), tz=BERLIN, **options
    )


def hevy(data: bytes) -> ImportResult:
    return read_hevy_csv(data, name="hevy.csv", exercises=exercise_name_index(), tz=BERLIN)


def rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter=delimiter))


def test_the_real_strong_export_gives_every_workout_and_set() -> None:
    expected = rows(STRONG)
    workouts = Counter((row["Date"], row["Workout Name"]) for row in expected)
    result = strong(STRONG.read_bytes())
    assert result.format is ActivityFormat.STRONG_CSV
    assert len(result.activities) == len(workouts) == 129
    assert sum(len(a.sets) for a in result.activities) == len(expected) == 2078
    assert all(a.sport is Sport.STRENGTH for a in result.activities)
    assert [a.start for a in result.activities] == sorted(a.start for a in result.activities)
    by_start = {
        datetime.fromisoformat(date).replace(tzinfo=BERLIN).astimezone(UTC): count
        for (date, _), count in workouts.items()
    }
    assert {a.start: len(a.sets) for a in result.activities} == by_start
    assert sum(s.reps or 0 for a in result.activities for s in a.sets) == sum(
        int(row["Reps"]) for row in expected
    )
    assert sum(s.load_kg or 0 for a in result.activities for s in a.sets) == pytest.approx(
        sum(float(row["Weight"]) for row in expected)
    )
    bodyweight = sum(float(row["Weight"]) == 0 for row in expected)
    assert sum(s.load_kg is None for a in result.activities for s in a.sets) == bodyweight
    timed = [row for row in expected if int(row["Seconds"])]
    timed_sets = [s for a in result.activities for s in a.sets if s.duration_s is not None]
    assert [s.duration_s for s in timed_sets] == [float(row["Seconds"]) for row in timed]
    assert all(s.reps is None for s in timed_sets)  # "0 reps" of a plank held for time


def test_strong_durations_titles_and_names() -> None:
    result = strong(STRONG.read_bytes())
    first = result.activities[0]
    assert first.name == "Mittwoch"
    assert first.start == datetime(2021, 2, 10, 15, 46, 13, tzinfo=UTC)
    assert first.elapsed_s == first.moving_s == 2 * 3600 + 18 * 60
    bench = first.sets[0]
    assert (bench.raw_name, bench.exercise_id, bench.reps, bench.load_kg) == (
        "Bench Press (Barbell)",
        "bench-press",
        8,
        75.0,
    )
    assert bench.kind is SetKind.WORKING
    names = Counter(row["Exercise Name"] for row in rows(STRONG))
    unmapped = [w for w in result.warnings if w.startswith("exercise ")]
    mapped = {s.raw_name for a in result.activities for s in a.sets if s.exercise_id}
    assert len(unmapped) + len(mapped) == len(names) == 72
    assert result.warnings[-1] == (
        "weights read as kg: Strong's classic export does not name its unit"
    )


def test_a_classic_strong_export_in_pounds_is_converted_when_told() -> None:
    result = strong(STRONG.read_bytes(), weight_unit=MassUnit.LB)
    assert result.activities[0].sets[0].load_kg == pytest.approx(75 * KG_PER_LB, abs=1e-3)
    assert "weights read as lb" in result.warnings[-1]


def test_the_semicolon_strong_export_with_units_and_set_kinds() -> None:
    expected = rows(LIFTING / "strong_semicolon_lbs.csv", delimiter=";")
    result = strong((LIFTING / "strong_semicolon_lbs.csv").read_bytes())
    push, pull = result.activities
    assert push.name == "Push A"
    assert push.elapsed_s == 62 * 60
    assert pull.elapsed_s == 45 * 60
    sets = [*push.sets, *pull.sets]
    assert len(sets) == sum(row["Set Order"] != "Rest Timer" for row in expected) == 9
    assert [s.kind for s in push.sets[:4]] == [
        SetKind.WARM_UP,
        SetKind.WORKING,
        SetKind.WORKING,
        SetKind.DROP,
    ]
    assert pull.sets[1].kind is SetKind.FAILURE
    assert pull.sets[1].rpe == 10
    assert push.sets[1].rpe == 7.5  # written "7,5"
    assert push.sets[3].load_kg == pytest.approx(92.5 * KG_PER_LB, abs=1e-3)
    plank, treadmill = push.sets[4], push.sets[5]
    assert (plank.reps, plank.duration_s, plank.load_kg) == (None, 60, None)
    assert treadmill.distance_m == pytest.approx(1.5 * METRES_PER_MILE)
    assert pull.sets[2].exercise_id == "deadlift"
    assert pull.sets[2].load_kg == pytest.approx(225 * KG_PER_LB, abs=1e-3)
    assert not any("weights read as" in w for w in result.warnings)


def test_the_real_hevy_export_gives_every_workout_and_set() -> None:
    expected = rows(HEVY)
    workouts = Counter((row["title"], row["start_time"]) for row in expected)
    result = hevy(HEVY.read_bytes())
    assert result.format is ActivityFormat.HEVY_CSV
    assert len(result.activities) == len(workouts) == 17
    assert sum(len(a.sets) for a in result.activities) == len(expected) == 330
    assert sum(s.reps or 0 for a in result.activities for s in a.sets) == sum(
        int(row["reps"]) for row in expected
    )
    assert sum(s.load_kg or 0 for a in result.activities for s in a.sets) == pytest.approx(
        sum(float(row["weight_kg"] or 0) for row in expected)
    )
    no_weight = sum(not row["weight_kg"] or float(row["weight_kg"]) == 0 for row in expected)
    assert sum(s.load_kg is None for a in result.activities for s in a.sets) == no_weight
    assert all(s.kind is SetKind.WORKING for a in result.activities for s in a.sets)


def test_hevy_times_titles_and_durations() -> None:
    result = hevy(HEVY.read_bytes())
    last = result.activities[-1]
    assert last.name == "Monday ? You mean international CHEST DAY !"
    # "30 Jun 2025, 19:56" in Berlin (summer time) is 17:56 UTC; it ended at 20:58.
    assert last.start == datetime(2025, 6, 30, 17, 56, tzinfo=UTC)
    assert last.elapsed_s == 62 * 60
    assert last.sets[0].raw_name == "Incline Bench Press (Dumbbell)"
    assert last.sets[0].exercise_id is None
    assert "exercise 'Incline Bench Press (Dumbbell)'" in " ".join(result.warnings)


def test_the_hevy_pounds_export_with_set_types() -> None:
    result = hevy((LIFTING / "hevy_lbs_set-types.csv").read_bytes())
    (legs,) = result.activities
    assert legs.elapsed_s == 75 * 60
    kinds = [s.kind for s in legs.sets]
    assert kinds == [
        SetKind.WARM_UP,
        SetKind.WORKING,
        SetKind.FAILURE,
        SetKind.DROP,
        SetKind.WORKING,
        SetKind.WORKING,
    ]
    squat = legs.sets[1]
    assert squat.exercise_id == "back-squat"
    assert squat.load_kg == pytest.approx(225 * KG_PER_LB, abs=1e-3)
    assert squat.rpe == 8
    plank, walk = legs.sets[4], legs.sets[5]
    assert (plank.reps, plank.duration_s, plank.load_kg) == (None, 45, None)
    assert walk.exercise_id == "farmers-carry"
    assert walk.distance_m == pytest.approx(0.05 * METRES_PER_MILE)


def test_detection_by_header() -> None:
    assert detect_lifting_csv(STRONG.read_text()) is ActivityFormat.STRONG_CSV
    assert detect_lifting_csv(HEVY.read_text()) is ActivityFormat.HEVY_CSV
    semicolon = (LIFTING / "strong_semicolon_lbs.csv").read_text()
    assert detect_lifting_csv(semicolon) is ActivityFormat.STRONG_CSV
    assert detect_lifting_csv("date,load\n2024-01-01,40\n") is None
    assert detect_lifting_csv("") is None
    assert detect_lifting_csv('"unclosed\n') is None


HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds\n"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("", "a header but no sets"),
        ("2021-02-10 16:46:13,A,1h,Squat,1,100,5,0\n", "line 2: 8 fields where the header has 9"),
        ("2021-02-10 16:46:13,A,1h,Squat,X,100,5,0,0\n", "Set Order 'X': a set number, or W, D"),
        ("2021-02-10 16:46:13,A,1h,Squat,1,heavy,5,0,0\n", "Weight 'heavy': a number"),
        ("2021-02-10 16:46:13,A,1h,Squat,1,-5,5,0,0\n", "Weight '-5': a number of 0 or more"),
        ("2021-02-10 16:46:13,A,1h,Squat,1,100,5.5,0,0\n", "Reps '5.5': a whole number"),
        ("2021-02-10 16:46:13,A,soon,Squat,1,100,5,0,0\n", "Duration 'soon'"),
        ("10/02/2021,A,1h,Squat,1,100,5,0,0\n", "Date '10/02/2021': a local time"),
        ("2021-02-10 16:46:13,A,1h,,1,100,5,0,0\n", "Exercise Name '': the exercise's name"),
        ("2021-02-10 16:46:13,A,1h,Squat,1,2000,5,0,0\n", "line 2: load_kg 2000.0"),
        ('2021-02-10 16:46:13,A,1h,"Squat,1,100,5,0,0\n', "line 2"),
    ],
)
def test_malformed_strong_rows_are_refused_naming_the_line(body: str, words: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        strong((HEADER + body).encode())
    message = str(caught.value)
    assert message.startswith("cannot read Strong CSV: strong.csv: ")
    assert words in message


def test_a_hevy_row_of_an_unknown_set_type_or_backwards_times_is_refused() -> None:
    header = '"title","start_time","end_time","exercise_title","set_type","weight_kg","reps"\n'
    with pytest.raises(ImportFormatError, match="set_type 'superset'"):
        hevy(
            (
                header + '"A","1 Jan 2025, 10:00","1 Jan 2025, 11:00","Squat","superset",1,1\n'
            ).encode()
        )
    with pytest.raises(ImportFormatError, match="end_time '1 Jan 2025, 09:00': not before"):
        hevy(
            (header + '"A","1 Jan 2025, 10:00","1 Jan 2025, 09:00","Squat","normal",1,1\n').encode()
        )
    with pytest.raises(ImportFormatError, match="start_time '31 Feb 2025, 10:00'"):
        hevy((header + '"A","31 Feb 2025, 10:00","","Squat","normal",1,1\n').encode())
    unknown_length = hevy((header + '"A","1 Jan 2025, 10:00","","Squat","normal",1,1\n').encode())
    assert unknown_length.activities[0].elapsed_s is None
    assert unknown_length.activities[0].moving_s is None


def test_the_wrong_reader_or_a_non_export_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="not that of a Hevy CSV export"):
        hevy(STRONG.read_bytes())
    with pytest.raises(ImportFormatError, match="not that of a Strong CSV export"):
        strong(HEVY.read_bytes())
    with pytest.raises(ImportFormatError, match="not UTF-8 text"):
        strong(b"\xff\xff\xff")
    with pytest.raises(ImportFormatError, match="the file is empty"):
        strong(b"")


def test_a_field_of_absurd_size_is_refused() -> None:
    huge = "x" * (MAX_FIELD_CHARS + 1)
    body = f'2021-02-10 16:46:13,"{huge}",1h,Squat,1,100,5,0,0\n'
    with pytest.raises(ImportFormatError, match=f"a field of {MAX_FIELD_CHARS + 1} characters"):
        strong((HEADER + body).encode())


def test_a_utf8_bom_and_crlf_line_ends_are_read() -> None:
    body = "2021-02-10 16:46:13,A,45m,Squat (Barbell),W,60,5,0,0\r\n"
    data = "\ufeff".encode() + (HEADER.replace("\n", "\r\n") + body).encode()
    (workout,) = strong(data).activities
    assert workout.sets[0].kind is SetKind.WARM_UP
    assert workout.sets[0].exercise_id == "back-squat"
    assert workout.elapsed_s == 45 * 60


def test_newer_strong_exports_with_12_hour_times_and_rest_timer_rows() -> None:
    text = (
        HEADER + "2024-05-20 7:15:03\u202fPM,Legs,1h 5m,Deadlift (Barbell),1,140,5,0,0\n"
        "2024-05-20 7:15:03\u202fPM,Legs,1h 5m,Deadlift (Barbell),Rest Timer,0,0,0,120\n"
        "2024-05-20 7:15:03\u202fPM,Legs,1h 5m,Deadlift (Barbell),F,140,3,0,0\n"
    )
    (legs,) = strong(text.encode()).activities
    assert legs.start == datetime(2024, 5, 20, 17, 15, 3, tzinfo=UTC)
    assert [s.kind for s in legs.sets] == [SetKind.WORKING, SetKind.FAILURE]
    assert [s.order for s in legs.sets] == [1, 2]


def test_rows_of_one_workout_need_not_be_adjacent() -> None:
    text = io.StringIO()
    text.write(HEADER)
    for title in ("A", "B", "A"):
        text.write(f"2021-02-10 16:46:13,{title},1h,Squat (Barbell),1,100,5,0,0\n")
    result = strong(text.getvalue().encode())
    assert [(a.name, len(a.sets)) for a in result.activities] == [("A", 2), ("B", 1)]
