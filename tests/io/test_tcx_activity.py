"""TCX activities: real files checked against sums computed here with ElementTree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runlift.errors import ImportFormatError
from runlift.io.tcx_activity import read_tcx
from runlift.vocabulary import ActivityFormat, Sport

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TCX = FIXTURES / "tcx"
NS = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"

REAL = [
    "garmin-fr620_run_3-laps.tcx",
    "run_pauses_2021-01-10.tcx",
    "tomtom_run_2017-05-27.tcx",
    "run_no-creator_7-laps_2020-12-16.tcx",
    "garmin-fr410_run_notes.tcx",
    "garmin-fr410_run_no-hr.tcx",
]


def when(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def lap_sums(path: Path) -> dict[str, object]:
    """The file's only activity summed independently: laps, distance, times, heart rate."""
    root = ET.parse(path).getroot()
    (activity,) = root.iter(f"{NS}Activity")
    laps = activity.findall(f"{NS}Lap")
    seconds = [float(lap.findtext(f"{NS}TotalTimeSeconds") or "") for lap in laps]
    beats = [lap.findtext(f"{NS}AverageHeartRateBpm/{NS}Value") for lap in laps]
    weighted = [(float(b), s) for b, s in zip(beats, seconds, strict=True) if b]
    points = [when(t.text or "") for t in activity.iter(f"{NS}Time")]
    start = when(laps[0].get("StartTime") or "")
    last_lap_end = when(laps[-1].get("StartTime") or "") + timedelta(seconds=seconds[-1])
    return {
        "laps": len(laps),
        "start": start,
        "moving_s": sum(seconds),
        "elapsed_s": (max([last_lap_end, *points]) - start).total_seconds(),
        "distance_m": sum(float(lap.findtext(f"{NS}DistanceMeters") or "") for lap in laps),
        "average_bpm": (
            sum(b * s for b, s in weighted) / sum(s for _, s in weighted) if weighted else None
        ),
        "max_bpm": max(
            (float(v) for lap in laps if (v := lap.findtext(f"{NS}MaximumHeartRateBpm/{NS}Value"))),
            default=None,
        ),
    }


@pytest.mark.parametrize("file_name", REAL)
def test_real_activities_are_their_laps_summed(file_name: str) -> None:
    path = TCX / file_name
    result = read_tcx(path.read_bytes(), name=file_name)
    (activity,) = result.activities
    expected = lap_sums(path)
    assert result.format is ActivityFormat.TCX
    assert activity.sport is Sport.RUN
    assert activity.source_sport == "Running"
    assert len(activity.laps) == expected["laps"]
    assert activity.start == expected["start"]
    assert activity.distance_m == pytest.approx(expected["distance_m"])
    assert activity.elapsed_s == pytest.approx(expected["elapsed_s"])
    # The laps' timers, or the elapsed time when they add up to a rounding more.
    assert activity.moving_s == pytest.approx(
        min(float(str(expected["moving_s"])), float(str(expected["elapsed_s"]))), abs=1e-3
    )
    if expected["average_bpm"] is None:
        assert activity.average_heart_rate_bpm is None
    else:
        assert activity.average_heart_rate_bpm == pytest.approx(expected["average_bpm"], abs=0.05)
    assert activity.max_heart_rate_bpm == expected["max_bpm"]


def test_the_same_run_with_and_without_heart_rate_differs_only_in_heart_rate() -> None:
    with_hr = read_tcx((TCX / "garmin-fr410_run_notes.tcx").read_bytes(), name="a").activities[0]
    without = read_tcx((TCX / "garmin-fr410_run_no-hr.tcx").read_bytes(), name="b").activities[0]
    assert with_hr.average_heart_rate_bpm is not None
    assert without.average_heart_rate_bpm is None
    assert (with_hr.start, with_hr.distance_m, with_hr.moving_s, with_hr.elapsed_s) == (
        without.start,
        without.distance_m,
        without.moving_s,
        without.elapsed_s,
    )


def test_pauses_inside_laps_count_in_the_elapsed_time() -> None:
    (activity,) = read_tcx(
        (TCX / "run_pauses_2021-01-10.tcx").read_bytes(), name="x.tcx"
    ).activities
    assert activity.moving_s == 4753
    assert activity.elapsed_s == 5133


def test_several_activities_become_several_activities_in_time_order() -> None:
    result = read_tcx((TCX / "two-activities_run-bike.tcx").read_bytes(), name="two.tcx")
    run, ride = result.activities
    assert (run.sport, ride.sport) == (Sport.RUN, Sport.CYCLING)
    # 06:00 at +02:00 is 04:00 UTC.
    assert run.start == datetime(2024, 5, 1, 4, tzinfo=UTC)
    assert run.moving_s == 900
    assert run.distance_m == 3000.5
    # Laps weighted by their time: (140 x 300 + 170 x 600) / 900.
    assert run.average_heart_rate_bpm == 160
    assert run.max_heart_rate_bpm == 182
    # The ride's last trackpoint, 35 min after its start, ends it: 5 min of pause.
    assert ride.elapsed_s == 2100
    assert ride.moving_s == 1800
    assert ride.name is None


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ((TCX / "corrupt" / "malformed_missing-root-element.tcx").read_bytes(), "unbound prefix"),
        ((TCX / "course-only.tcx").read_bytes(), "only courses (planned, not recorded)"),
        (b"<TrainingCenterDatabase/>", "no activity: nothing to import"),
        (b"<gpx/>", "the root element is <gpx>, not <TrainingCenterDatabase>"),
        (
            b'<TrainingCenterDatabase><Activities><Activity Sport="Running">'
            b"</Activity></Activities></TrainingCenterDatabase>",
            "the activity: it has no laps",
        ),
        (
            b"<TrainingCenterDatabase><Activities><Activity><Lap StartTime='2024-05-01T06:00:00Z'>"
            b"<TotalTimeSeconds>ten</TotalTimeSeconds></Lap></Activity></Activities>"
            b"</TrainingCenterDatabase>",
            "TotalTimeSeconds 'ten' is not a number",
        ),
        (
            b"<TrainingCenterDatabase><Activities><Activity><Lap StartTime='yesterday'>"
            b"<TotalTimeSeconds>10</TotalTimeSeconds></Lap></Activity></Activities>"
            b"</TrainingCenterDatabase>",
            "lap 1 StartTime 'yesterday' is not an ISO 8601 time",
        ),
        (
            b"<TrainingCenterDatabase><Activities><Activity><Lap StartTime='2024-05-01T06:00:00Z'>"
            b"<TotalTimeSeconds>10</TotalTimeSeconds><MaximumHeartRateBpm><Value>900</Value>"
            b"</MaximumHeartRateBpm></Lap></Activity></Activities></TrainingCenterDatabase>",
            "lap.max_heart_rate_bpm 900.0: between 20 and 250 bpm",
        ),
        (
            b"<TrainingCenterDatabase><Activities><Activity>"
            b"<Lap StartTime='2024-05-01T06:00:00Z'><TotalTimeSeconds>600</TotalTimeSeconds></Lap>"
            b"<Lap StartTime='2024-05-01T06:01:00Z'><TotalTimeSeconds>600</TotalTimeSeconds></Lap>"
            b"</Activity></Activities></TrainingCenterDatabase>",
            "the laps overlap",
        ),
    ],
)
def test_bad_files_are_refused_in_one_line(data: bytes, words: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_tcx(data, name="bad.tcx")
    assert words in str(caught.value)
    assert str(caught.value).startswith("cannot read TCX: bad.tcx: ")
    assert "\n" not in str(caught.value)


def test_external_entities_are_refused_and_nothing_is_read_from_disk() -> None:
    data = (FIXTURES / "xml" / "external-entity.tcx").read_bytes()
    with pytest.raises(ImportFormatError, match=r"declares a document type \(DTD\)") as caught:
        read_tcx(data, name="evil.tcx")
    assert "root:" not in str(caught.value)
