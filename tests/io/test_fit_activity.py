"""FIT activity and weight files: every real file checked against Garmin's own decoder.

Each figure runlift reads from a real file is compared with what garmin_fit_sdk
decodes from the same bytes: the sessions' sports, times, distances and heart
rates, and the strength sets' count, reps and loads. The cases no permissively
licensed file shows are built with fit-tool (``fit_builders``).
"""

from __future__ import annotations

import doctest
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest
from fit_builders import SessionSpec, device_ms, fit_file, unix_ms
from fit_tool.profile.profile_type import FileType
from fit_tool.profile.profile_type import Sport as FitSport
from garmin_fit_sdk import Decoder, Profile, Stream

from runlift.domain.activities import ImportResult
from runlift.errors import ImportFormatError
from runlift.io import fit_activity, fit_strength
from runlift.io.activity_input import MAX_FILE_BYTES
from runlift.io.fit_activity import read_fit
from runlift.reference.exercise_aliases import exercise_name_index
from runlift.vocabulary import ActivityFormat, SetKind, Sport, SubSport

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
REAL = sorted((FIXTURES / "fit-activity").glob("*.fit"))
CORRUPT = FIXTURES / "fit-activity" / "corrupt"
WORKOUTS = sorted((FIXTURES / "fit-workout").glob("*.fit"))
BERLIN = ZoneInfo("Europe/Berlin")
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
DEVICE_TIME_LIMIT = datetime(1989, 12, 31, tzinfo=UTC) + timedelta(seconds=0x10000000)

Messages = dict[str, list[dict[str, Any]]]

EXPECTED_SPORT = {
    "running": Sport.RUN,
    "cycling": Sport.CYCLING,
    "swimming": Sport.SWIMMING,
    "transition": Sport.OTHER,
}


def read(data: bytes, name: str = "file.fit") -> ImportResult:
    return read_fit(data, name=name, exercises=exercise_name_index(), tz=BERLIN)


def garmin(data: bytes) -> Messages:
    """The file as Garmin's decoder reads it; the file must pass its checks.

    Two limits of the SDK are allowed for: it fails its integrity check on a header
    CRC of 0, which the FIT protocol allows ("not computed"), and it cannot read
    messages with compressed timestamps (it then stops at the first one; the FR70
    file has its session before them).
    """
    stream = Stream.from_byte_array(bytearray(data))
    decoder = Decoder(stream)
    assert decoder.is_fit()
    header_crc = int.from_bytes(data[12:14], "little") if data[0] == 14 else None
    assert decoder.check_integrity() or header_crc == 0
    stream.reset()
    messages, errors = decoder.read(merge_heart_rates=False)
    assert all("Compressed timestamp messages" in str(error) for error in errors)
    return cast(Messages, messages)


def device_seconds(moment: datetime) -> int:
    """Garmin's decoder turns device-relative times into dates of 1990: undo it."""
    return round((moment - FIT_EPOCH).total_seconds())


def session_start(session: dict[str, Any], messages: Messages) -> datetime:
    """The session's UTC start as Garmin's decoder gives it, placed like runlift places it.

    A device-relative start (before 1998-07) is placed by the activity message's
    local wall-clock time, read in Europe/Berlin.
    """
    start: datetime = session["start_time"]
    if start >= DEVICE_TIME_LIMIT:
        return start
    activity = messages["activity_mesgs"][0]
    wall = datetime(1989, 12, 31) + timedelta(seconds=activity["local_timestamp"])  # noqa: DTZ001
    offset_s = device_seconds(start) - device_seconds(activity["timestamp"])
    return (wall + timedelta(seconds=offset_s)).replace(tzinfo=BERLIN).astimezone(UTC)


def expected_sport(session: dict[str, Any]) -> Sport:
    if session.get("sport") == "training" and session.get("sub_sport") == "strength_training":
        return Sport.STRENGTH
    return EXPECTED_SPORT[session["sport"]]


def record_heart_rates(messages: Messages, start: datetime, end: datetime) -> list[int]:
    records = messages.get("record_mesgs", [])
    return [
        record["heart_rate"]
        for record in records
        if record.get("heart_rate") and start <= record["timestamp"] <= end
    ]


@pytest.mark.parametrize("path", REAL, ids=lambda path: path.name)
def test_every_real_session_reads_as_garmins_decoder_reads_it(path: Path) -> None:
    data = path.read_bytes()
    messages = garmin(data)
    result = read(data, path.name)
    sessions = sorted(messages["session_mesgs"], key=lambda s: session_start(s, messages))
    assert result.format is ActivityFormat.FIT
    assert result.source_name == path.name
    assert result.body_mass == ()
    assert len(result.activities) == len(sessions)
    for activity, session in zip(result.activities, sessions, strict=True):
        start = session_start(session, messages)
        assert activity.start == start
        assert activity.sport is expected_sport(session)
        assert activity.source is ActivityFormat.FIT
        assert activity.elapsed_s == pytest.approx(session["total_elapsed_time"], abs=1e-6)
        assert activity.moving_s == pytest.approx(session["total_timer_time"], abs=1e-6)
        if activity.sport is Sport.STRENGTH:
            assert activity.distance_m is None
        else:
            assert activity.distance_m == pytest.approx(session["total_distance"], abs=1e-6)
        end = start + timedelta(seconds=session["total_elapsed_time"])
        beats = record_heart_rates(messages, start, end)
        if session.get("avg_heart_rate"):
            assert activity.average_heart_rate_bpm == session["avg_heart_rate"]
        elif beats:
            assert activity.average_heart_rate_bpm == pytest.approx(
                sum(beats) / len(beats), abs=0.05
            )
        else:
            assert activity.average_heart_rate_bpm is None
        if session.get("max_heart_rate"):
            assert activity.max_heart_rate_bpm == session["max_heart_rate"]
        else:
            assert activity.max_heart_rate_bpm == (max(beats) if beats else None)
        assert activity.ascent_m == session.get("total_ascent")


@pytest.mark.parametrize("path", REAL, ids=lambda path: path.name)
def test_laps_are_the_devices_laps_within_each_session(path: Path) -> None:
    data = path.read_bytes()
    messages = garmin(data)
    result = read(data, path.name)
    laps = messages.get("lap_mesgs", [])
    starts = [activity.start for activity in result.activities]
    for number, activity in enumerate(result.activities):
        assert activity.end is not None
        until = min([activity.end, *starts[number + 1 :]])
        inside = [lap for lap in laps if activity.start <= session_start(lap, messages) < until]
        assert [lap.moving_s for lap in activity.laps] == pytest.approx(
            [lap["total_timer_time"] for lap in inside]
        )
    total_laps = sum(len(activity.laps) for activity in result.activities)
    assert total_laps <= len(laps)


STRENGTH = [path for path in REAL if "strength" in path.name]


@pytest.mark.parametrize("path", STRENGTH, ids=lambda path: path.name)
def test_strength_sets_are_the_active_sets_of_garmins_decoder(path: Path) -> None:
    data = path.read_bytes()
    messages = garmin(data)
    result = read(data, path.name)
    all_sets = messages["set_mesgs"]
    strength = [a for a in result.activities if a.sport is Sport.STRENGTH]
    assert strength
    starts = [activity.start for activity in result.activities]
    for activity in strength:
        assert activity.end is not None
        until = min([activity.end, *(start for start in starts if start > activity.start)])
        active = [
            s
            for s in all_sets
            if s.get("set_type") == "active" and activity.start <= s["start_time"] < until
        ]
        assert len(activity.sets) == len(active)
        assert [s.order for s in activity.sets] == list(range(1, len(active) + 1))
        assert all(s.kind is SetKind.WORKING for s in activity.sets)
        assert [s.reps for s in activity.sets] == [s.get("repetitions") for s in active]
        assert [s.load_kg for s in activity.sets] == [
            s["weight"] if s.get("weight") else None for s in active
        ]
        assert [s.duration_s for s in activity.sets] == pytest.approx(
            [s["duration"] for s in active]
        )
        assert [s.raw_name for s in activity.sets] == [shown_name(s) for s in active]
    rest = [s for s in all_sets if s.get("set_type") == "rest"]
    assert sum(len(a.sets) for a in strength) == len(all_sets) - len(rest)


def shown_name(message: dict[str, Any]) -> str:
    """The name a set should carry, from the SDK's own profile tables."""
    categories = message.get("category") or [None]
    category = categories[0]
    if category in (None, "unknown") or isinstance(category, int):
        return "Unknown exercise"
    subtypes = message.get("category_subtype") or [None]
    names = Profile["types"].get(f"{category}_exercise_name", {})
    words = str(names.get(subtypes[0]) or category).replace("_", " ")
    return words[:1].upper() + words[1:]


def test_the_documented_strength_figures_of_the_fr965_files() -> None:
    first = read((FIXTURES / "fit-activity" / "garmin-fr965_strength_2025-09-23.fit").read_bytes())
    (lift,) = first.activities
    assert lift.modality is not None
    assert lift.modality.value == "lift"
    assert len(lift.sets) == 38
    assert sum(s.reps or 0 for s in lift.sets) == 279
    assert max(s.load_kg or 0 for s in lift.sets) == 14
    assert lift.laps == ()
    second = read((FIXTURES / "fit-activity" / "garmin-fr965_strength_2025-10-20.fit").read_bytes())
    assert sum(s.reps or 0 for s in second.activities[0].sets) == 74
    assert len(second.activities[0].sets) == 14


def test_watch_exercise_names_map_to_the_library_or_are_reported_once() -> None:
    result = read(
        (
            FIXTURES / "fit-activity" / "garmin-fr965_multisport_indoorbike-strength_2025-10-20.fit"
        ).read_bytes()
    )
    lift = next(a for a in result.activities if a.sport is Sport.STRENGTH)
    mapped = {s.raw_name: s.exercise_id for s in lift.sets if s.exercise_id is not None}
    assert mapped == {
        "Barbell deadlift": "deadlift",
        "Bench dip": "bench-dip",
        "Seated cable row": "seated-cable-row",
    }
    unknown = [s for s in lift.sets if s.raw_name == "Unknown exercise"]
    assert unknown
    assert all(s.exercise_id is None for s in unknown)
    assert all(s.exercise == s.raw_name for s in unknown)
    assert len(result.warnings) == len(set(result.warnings))
    assert sum("'Cable crossover'" in warning for warning in result.warnings) == 1
    assert any("'Squat'" in w and "family" in w for w in result.warnings)


def test_multisport_gives_one_activity_per_session_and_only_the_run_is_a_run() -> None:
    result = read(
        (
            FIXTURES
            / "fit-activity"
            / "garmin-fr965_multisport_strength-run-strength_2025-10-01.fit"
        ).read_bytes()
    )
    assert [a.sport for a in result.activities] == [Sport.STRENGTH, Sport.RUN, Sport.STRENGTH]
    run = result.activities[1]
    assert run.distance_m == pytest.approx(1065.49)
    assert run.moving_s is not None
    assert run.elapsed_s is not None
    assert run.moving_s < run.elapsed_s  # paused
    assert run.sets == ()
    assert len(run.laps) >= 1
    triathlon = read(
        (
            FIXTURES / "fit-activity" / "garmin-fr920xt_triathlon_chained-headers_2018.fit"
        ).read_bytes()
    )
    assert [a.sport for a in triathlon.activities] == [
        Sport.SWIMMING,
        Sport.OTHER,
        Sport.CYCLING,
        Sport.OTHER,
        Sport.RUN,
    ]
    assert triathlon.activities[0].sub_sport is SubSport.OPEN_WATER
    assert [a.source_sport for a in triathlon.activities][1] == "transition"
    assert [a.modality for a in triathlon.activities].count(None) == 4


def test_device_relative_times_are_placed_by_the_watchs_local_clock_with_a_warning() -> None:
    path = FIXTURES / "fit-activity" / "garmin-fr70_run_footpod_compressed-speed-distance.fit"
    result = read(path.read_bytes())
    (run,) = result.activities
    # activity.local_timestamp 2012-02-13 12:21:03 wall time is 3887 s after the start.
    assert run.start == datetime(2012, 2, 13, 10, 16, 16, tzinfo=UTC)
    assert any(
        "switched on" in warning and "Europe/Berlin" in warning for warning in result.warnings
    )
    elsewhere = read_fit(
        path.read_bytes(), name="x.fit", exercises=exercise_name_index(), tz=ZoneInfo("UTC")
    )
    assert elsewhere.activities[0].start == datetime(2012, 2, 13, 11, 16, 16, tzinfo=UTC)


def test_device_relative_times_without_a_clock_time_are_refused() -> None:
    data = fit_file(
        sessions=(SessionSpec(start_ms=device_ms(17217864), elapsed_s=600, timer_s=590),)
    )
    with pytest.raises(ImportFormatError, match="no real date"):
        read(data)


def test_a_placed_device_relative_session_is_timed_from_its_anchor() -> None:
    data = fit_file(
        sessions=(SessionSpec(start_ms=device_ms(17217864), elapsed_s=600, timer_s=590),),
        activity_clock=(device_ms(17218464), datetime(2012, 7, 13, 12, 0)),  # noqa: DTZ001
    )
    (run,) = read(data).activities
    # 12:00 summer time in Berlin is 10:00 UTC, and the session started 600 s earlier.
    assert run.start == datetime(2012, 7, 13, 9, 50, tzinfo=UTC)


START_MS = unix_ms(datetime(2024, 5, 1, 6, tzinfo=UTC))


def test_a_timer_longer_than_the_elapsed_time_is_refused() -> None:
    data = fit_file(sessions=(SessionSpec(start_ms=START_MS, elapsed_s=2840, timer_s=21680),))
    with pytest.raises(ImportFormatError, match=r"timer ran 21680 s within 2840 s"):
        read(data)


def test_a_timer_a_rounding_above_the_elapsed_time_is_taken_as_the_elapsed_time() -> None:
    data = fit_file(sessions=(SessionSpec(start_ms=START_MS, elapsed_s=600, timer_s=600.4),))
    (run,) = read(data).activities
    assert run.moving_s == run.elapsed_s == 600


def test_missing_heart_rate_comes_from_the_records_of_the_session_only() -> None:
    data = fit_file(
        sessions=(SessionSpec(start_ms=START_MS, elapsed_s=600, timer_s=590),),
        records=((START_MS, 100), (START_MS + 1000, 111), (START_MS + 700_000, 200)),
    )
    (run,) = read(data).activities
    assert run.average_heart_rate_bpm == 105.5
    assert run.max_heart_rate_bpm == 111


def test_a_session_without_a_timer_time_moves_for_its_elapsed_time_with_a_warning() -> None:
    data = fit_file(sessions=(SessionSpec(start_ms=START_MS, elapsed_s=600, timer_s=None),))
    result = read(data)
    assert result.activities[0].moving_s == 600
    assert any("no timer time" in warning for warning in result.warnings)


def test_other_sports_count_as_other_activities_never_as_runs() -> None:
    data = fit_file(
        sessions=(
            SessionSpec(start_ms=START_MS, elapsed_s=600, timer_s=600, sport=FitSport.CYCLING),
            SessionSpec(
                start_ms=START_MS + 700_000, elapsed_s=600, timer_s=600, sport=FitSport.ROWING
            ),
            SessionSpec(
                start_ms=START_MS + 1_400_000, elapsed_s=600, timer_s=600, sport=FitSport.GOLF
            ),
        )
    )
    result = read(data)
    assert [a.sport for a in result.activities] == [Sport.CYCLING, Sport.ROWING, Sport.OTHER]
    assert {a.modality for a in result.activities} == {None}
    assert result.activities[2].source_sport == "golf"


@pytest.mark.parametrize(
    ("file_type", "words"),
    [
        (FileType.SETTINGS, "FIT settings file: it holds device settings"),
        (FileType.MONITORING_B, "all-day monitoring"),
        (FileType.COURSE, "a course"),
        (FileType.TOTALS, "lifetime totals"),
    ],
)
def test_other_fit_file_types_are_refused_naming_the_type(file_type: FileType, words: str) -> None:
    with pytest.raises(ImportFormatError, match=words) as caught:
        read(fit_file(file_type=file_type))
    assert "nothing to import" in str(caught.value)


@pytest.mark.parametrize("path", WORKOUTS, ids=lambda path: path.name)
def test_real_workout_files_are_refused_as_planned_workouts(path: Path) -> None:
    with pytest.raises(ImportFormatError, match="FIT workout file: it holds a planned workout"):
        read(path.read_bytes(), path.name)


def test_a_file_id_without_a_type_is_refused() -> None:
    data = fit_file(
        file_type=None, sessions=(SessionSpec(start_ms=START_MS, elapsed_s=9, timer_s=9),)
    )
    with pytest.raises(ImportFormatError, match="does not say what the file holds"):
        read(data)


def test_an_activity_without_sessions_or_with_only_empty_ones_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="no session message"):
        read(fit_file())
    with pytest.raises(ImportFormatError, match="no session lasted any time"):
        read(fit_file(sessions=(SessionSpec(start_ms=START_MS, elapsed_s=0, timer_s=0),)))


def test_a_weight_file_gives_its_weighings() -> None:
    data = fit_file(
        file_type=FileType.WEIGHT,
        weighings=(
            (datetime(2024, 5, 2, 6, tzinfo=UTC), 70.9, None),
            (datetime(2024, 5, 1, 6, tzinfo=UTC), 71.3, 18.5),
            (datetime(2024, 5, 3, 6, tzinfo=UTC), None, None),
        ),
    )
    result = read(data, "scale.fit")
    assert result.activities == ()
    assert [(r.measured_at.day, r.mass_kg, r.body_fat_percent) for r in result.body_mass] == [
        (1, 71.3, 18.5),
        (2, 70.9, None),
    ]
    assert len(result.warnings) == 1
    (weighing,) = garmin(data)["weight_scale_mesgs"][:1]
    assert weighing["weight"] == 70.9


def test_a_weight_file_with_an_impossible_mass_is_refused() -> None:
    data = fit_file(
        file_type=FileType.WEIGHT, weighings=((datetime(2024, 5, 1, tzinfo=UTC), 2.5, None),)
    )
    with pytest.raises(ImportFormatError, match=r"weighing 1: mass_kg 2.5"):
        read(data)
    empty = fit_file(
        file_type=FileType.WEIGHT, weighings=((datetime(2024, 5, 1, tzinfo=UTC), None, None),)
    )
    with pytest.raises(ImportFormatError, match="no complete weighing"):
        read(empty)


REFUSED = {
    "bad-file-crc.fit": "checksum (CRC) of its contents does not match",
    "chained_bad-file-crc.fit": "checksum (CRC) of its contents does not match",
    "garmin-fr235_bad-header-crc.fit": "checksum (CRC) of its header does not match",
    "corrupt-header_second-chunk.fit": "bytes at 771, after its first part, are not the header",
    "second-chunk-no-data.fit": "truncated",
    "truncated_unexpected-eof.fit": "truncated",
    "sigma_ride_truncated_no-session.fit": "truncated",
    "garmin-fr235_no-definition-message.fit": "damaged at byte 41: a message uses a local type",
    "strava-android_run_undefined-local-message.fit": "damaged at byte 7471",
}


@pytest.mark.parametrize(("file_name", "words"), sorted(REFUSED.items()))
def test_every_damaged_real_file_is_refused_with_a_readable_reason(
    file_name: str, words: str
) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read((CORRUPT / file_name).read_bytes(), file_name)
    message = str(caught.value)
    assert message.startswith(f"cannot read FIT: {file_name}: ")
    assert words in message
    assert "\n" not in message
    for jargon in ("struct", "Traceback", "Error", "@"):
        assert jargon not in message


TOLERATED = {
    "coros-pace2_ride_misaligned-field-sizes.fit": (Sport.CYCLING, 32145.76),
    "wahoo-elemnt-bolt_devdata-missing-application-id.fit": (Sport.CYCLING, 963.65),
}


@pytest.mark.parametrize(("file_name", "expected"), sorted(TOLERATED.items()))
def test_files_garmins_decoder_accepts_despite_odd_fields_are_read(
    file_name: str, expected: tuple[Sport, float]
) -> None:
    data = (CORRUPT / file_name).read_bytes()
    (session,) = garmin(data)["session_mesgs"]
    (activity,) = read(data, file_name).activities
    assert (activity.sport, activity.distance_m) == expected
    assert activity.distance_m == session["total_distance"]
    assert activity.moving_s == session["total_timer_time"]


def test_every_corrupt_fixture_is_covered() -> None:
    assert {path.name for path in CORRUPT.glob("*.fit")} == set(REFUSED) | set(TOLERATED)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "the file is empty"),
        (b"not a fit file at all", "no '.FIT' signature"),
        (b"\x0e\x10\x00\x00\x00\x00\x00\x00.FIT", "truncated"),
        ((REAL[0].read_bytes())[:-200], "truncated"),
    ],
)
def test_bad_bytes_are_refused(data: bytes, words: str) -> None:
    with pytest.raises(ImportFormatError, match=words):
        read(data)


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed() -> None:
    header = REAL[0].read_bytes()[:14]
    with pytest.raises(ImportFormatError, match="MiB"):
        read(header + bytes(MAX_FILE_BYTES))


def test_the_exercise_name_helpers() -> None:
    assert fit_strength.first_candidate((3, 4)) == 3
    assert fit_strength.first_candidate(()) is None
    assert fit_strength.first_candidate(5) == 5
    assert fit_strength.exercise_names({"category": (8,), "category_subtype": (0,)}) == (
        "deadlift",
        "barbell_deadlift",
    )
    assert fit_strength.exercise_names({"category": (65534,)}) == ("unknown", None)
    assert fit_strength.exercise_names({"category": 60000}) == ("unknown", None)
    assert fit_strength.exercise_names({"category": (21,), "category_subtype": (None,)}) == (
        "pull_up",
        None,
    )
    assert fit_strength.shown_exercise_name("unknown", None) == "Unknown exercise"
    assert fit_strength.shown_exercise_name("pull_up", None) == "Pull up"


def test_module_doctests() -> None:
    for module in (fit_activity, fit_strength):
        assert doctest.testmod(module).failed == 0
