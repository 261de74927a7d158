"""GPX tracks: real files checked against an independent reading with ElementTree.

The reference figures are computed here from the raw XML (haversine distances,
first and last times, gaps), not with gpxpy, which the reader uses; the pairs of
the same run exported as GPX and TCX are compared with each other.
"""

from __future__ import annotations

import doctest
import itertools
import math
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest

from runlift.errors import ImportFormatError
from runlift.io import gpx_activity
from runlift.io.gpx_activity import MAX_RECORDING_GAP_S, read_gpx
from runlift.io.tcx_activity import read_tcx
from runlift.vocabulary import ActivityFormat, Sport, SubSport

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GPX = FIXTURES / "gpx"
TCX = FIXTURES / "tcx"
EARTH_RADIUS_M = 6_371_000.0


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def haversine_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def parse_time(text: str) -> datetime:
    moment = datetime.fromisoformat(text.strip())
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def track_figures(path: Path) -> dict[str, float | datetime]:
    """Distance, start, elapsed and moving time of the file's only track, from the raw XML."""
    root = ET.parse(path).getroot()
    (track,) = [element for element in root if local(element.tag) == "trk"]
    distance_m = 0.0
    moving_s = 0.0
    times: list[datetime] = []
    for segment in (element for element in track if local(element.tag) == "trkseg"):
        points = [element for element in segment if local(element.tag) == "trkpt"]
        positions = [(float(p.get("lat", "nan")), float(p.get("lon", "nan"))) for p in points]
        distance_m += sum(haversine_m(a, b) for a, b in itertools.pairwise(positions))
        stamps = [
            parse_time(child.text or "")
            for p in points
            for child in p
            if local(child.tag) == "time"
        ]
        times.extend(stamps)
        for before, after in itertools.pairwise(stamps):
            step = (after - before).total_seconds()
            if 0 < step <= MAX_RECORDING_GAP_S:
                moving_s += step
    return {
        "distance_m": distance_m,
        "start": min(times),
        "elapsed_s": (max(times) - min(times)).total_seconds(),
        "moving_s": moving_s,
    }


TIMED = [
    "garmin-connect_run_hr-cad.gpx",
    "strava-export_run_pauses_2021-01-10.gpx",
    "nike-run-club_run_sparse-hr-ele.gpx",
    "tomtom_run_two-segments_2017-05-27.gpx",
    "garmin-connect_run_3-points.gpx",
]


@pytest.mark.parametrize("file_name", TIMED)
def test_timed_tracks_read_as_the_raw_xml_says(file_name: str) -> None:
    path = GPX / file_name
    result = read_gpx(path.read_bytes(), name=file_name)
    (activity,) = result.activities
    expected = track_figures(path)
    assert result.format is ActivityFormat.GPX
    assert activity.source is ActivityFormat.GPX
    assert activity.start == expected["start"]
    assert activity.elapsed_s == pytest.approx(expected["elapsed_s"], abs=1e-3)
    assert activity.moving_s == pytest.approx(expected["moving_s"], abs=1e-3)
    # gpxpy measures short steps on a flattened earth; within 0.5 % of haversine.
    assert activity.distance_m == pytest.approx(expected["distance_m"], rel=5e-3, abs=0.5)
    assert activity.laps == ()


def test_heart_rate_comes_from_the_trackpoint_extension() -> None:
    path = GPX / "nike-run-club_run_sparse-hr-ele.gpx"
    root = ET.parse(path).getroot()
    beats = [float(e.text or "") for e in root.iter() if local(e.tag) == "hr"]
    (activity,) = read_gpx(path.read_bytes(), name=path.name).activities
    assert len(beats) == 494
    assert activity.average_heart_rate_bpm == pytest.approx(sum(beats) / len(beats), abs=0.05)
    assert activity.max_heart_rate_bpm == max(beats)
    (no_hr,) = read_gpx(
        (GPX / "tomtom_run_two-segments_2017-05-27.gpx").read_bytes(), name="x.gpx"
    ).activities
    assert no_hr.average_heart_rate_bpm is None


@pytest.mark.parametrize(
    ("file_name", "sport", "source_sport"),
    [
        ("strava-export_run_pauses_2021-01-10.gpx", Sport.RUN, "9"),
        ("garmin-connect_run_hr-cad.gpx", Sport.RUN, "running"),
        # No <type>: read as a run from its pace (4.8 km in 24 min), with a warning.
        ("tomtom_run_two-segments_2017-05-27.gpx", Sport.RUN, None),
        ("nike-run-club_run_sparse-hr-ele.gpx", Sport.RUN, None),
    ],
)
def test_the_type_word_or_stravas_code_gives_the_sport(
    file_name: str, sport: Sport, source_sport: str | None
) -> None:
    result = read_gpx((GPX / file_name).read_bytes(), name=file_name)
    (activity,) = result.activities
    assert activity.sport is sport
    assert activity.source_sport == source_sport
    guessed = [w for w in result.warnings if "does not name its sport" in w]
    assert bool(guessed) == (source_sport is None)


@pytest.mark.parametrize(
    ("type_text", "sport", "sub_sport"),
    [
        ("1", Sport.CYCLING, None),
        ("4", Sport.HIKING, None),
        ("10", Sport.WALKING, None),
        ("16", Sport.SWIMMING, None),
        ("99", Sport.OTHER, None),
        ("Run", Sport.RUN, None),
        ("Trail Running", Sport.RUN, SubSport.TRAIL),
        ("mountain-biking", Sport.CYCLING, SubSport.MOUNTAIN),
        ("Rowing", Sport.ROWING, None),
        ("juggling", Sport.OTHER, None),
    ],
)
def test_type_words(type_text: str, sport: Sport, sub_sport: SubSport | None) -> None:
    data = (
        '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk>'
        f"<type>{type_text}</type><trkseg>"
        '<trkpt lat="52.5" lon="13.4"><time>2024-05-01T06:00:00Z</time></trkpt>'
        '<trkpt lat="52.501" lon="13.4"><time>2024-05-01T06:00:30Z</time></trkpt>'
        "</trkseg></trk></gpx>"
    ).encode()
    (activity,) = read_gpx(data, name="typed.gpx").activities
    assert (activity.sport, activity.sub_sport) == (sport, sub_sport)
    assert activity.moving_s == 30


def test_the_same_run_as_gpx_and_tcx_agrees() -> None:
    pairs = [
        ("strava-export_run_pauses_2021-01-10.gpx", "run_pauses_2021-01-10.tcx"),
        ("tomtom_run_two-segments_2017-05-27.gpx", "tomtom_run_2017-05-27.tcx"),
    ]
    for gpx_name, tcx_name in pairs:
        (from_gpx,) = read_gpx((GPX / gpx_name).read_bytes(), name=gpx_name).activities
        (from_tcx,) = read_tcx((TCX / tcx_name).read_bytes(), name=tcx_name).activities
        assert from_gpx.moving_s is not None
        assert from_tcx.moving_s is not None
        # The watch's lap timer and the gaps over 30 s agree to half a percent.
        assert from_gpx.moving_s == pytest.approx(from_tcx.moving_s, rel=5e-3)
        assert abs((from_gpx.start - from_tcx.start).total_seconds()) <= 6
        assert from_gpx.distance_m == pytest.approx(tcx_track_length_m(TCX / tcx_name), rel=5e-3)


def tcx_track_length_m(path: Path) -> float:
    """The length of the TCX file's positions (the same points as the GPX export)."""
    root = ET.parse(path).getroot()
    positions = []
    for point in root.iter():
        if local(point.tag) != "Position":
            continue
        values = {local(child.tag): float(child.text or "") for child in point}
        positions.append((values["LatitudeDegrees"], values["LongitudeDegrees"]))
    return sum(haversine_m(a, b) for a, b in itertools.pairwise(positions))


def test_pauses_make_the_moving_time_shorter_than_the_elapsed_time() -> None:
    path = GPX / "strava-export_run_pauses_2021-01-10.gpx"
    (activity,) = read_gpx(path.read_bytes(), name=path.name).activities
    assert activity.elapsed_s == 5127
    # Four gaps of 73, 155, 102 and 63 s.
    assert activity.moving_s == 5127 - (73 + 155 + 102 + 63)


@pytest.mark.parametrize(
    ("file_name", "holds"),
    [
        ("route-only.gpx", "1 route(s)"),
        ("runkeeper_waypoint-hr-extension.gpx", "1 waypoint(s)"),
        ("utf8-bom_no-version.gpx", "1 waypoint(s)"),
        ("strava_run_no-timestamps.gpx", "1 track(s) not timed as recorded"),
        ("gpsbabel_gpx1.0_mostly-no-times_multi-track.gpx", "7 waypoint(s)"),
        ("gpx1.0_with_all_fields.gpx", "2 route(s)"),
        ("gpx1.1_with_all_fields.gpx", "2 route(s)"),
    ],
)
def test_files_without_a_timed_track_are_refused_in_one_line(file_name: str, holds: str) -> None:
    with pytest.raises(ImportFormatError) as caught:
        read_gpx((GPX / file_name).read_bytes(), name=file_name)
    message = str(caught.value)
    assert message.startswith(f"cannot read GPX: {file_name}: no timed track: nothing to import")
    assert holds in message
    assert "\n" not in message


def test_partly_timed_tracks_are_left_out_with_a_warning() -> None:
    data = (
        b'<gpx version="1.1"><trk><name>Drawn</name><trkseg>'
        b'<trkpt lat="1" lon="1"><time>2024-05-01T06:00:00Z</time></trkpt>'
        b'<trkpt lat="1.001" lon="1"/></trkseg></trk>'
        b"<trk><trkseg>"
        b'<trkpt lat="1" lon="1"><time>2024-05-01T07:00:00</time></trkpt>'
        b'<trkpt lat="1.001" lon="1"><time>2024-05-01T07:00:05</time></trkpt>'
        b"</trkseg></trk></gpx>"
    )
    result = read_gpx(data, name="mixed.gpx")
    (activity,) = result.activities
    # A time without a zone is UTC, as the GPX schema says.
    assert activity.start == datetime(2024, 5, 1, 7, tzinfo=UTC)
    assert activity.name is None
    assert result.warnings == (
        "track 1 (Drawn) was left out: 1 of its 2 points have no time, so it is a route or a "
        "drawing, not a recording",
    )


def test_tiny_real_tracks_still_read() -> None:
    empty_segment = read_gpx(
        (GPX / "track-with-empty-segment.gpx").read_bytes(), name="x.gpx"
    ).activities[0]
    assert empty_segment.elapsed_s == 76
    tiny = read_gpx((GPX / "ridewithgps_tiny_no-namespaces.gpx").read_bytes(), name="x.gpx")
    assert tiny.activities[0].name == "04/24/22"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"<gpx><trk>", "not well-formed XML"),
        (b'<kml xmlns="http://www.opengis.net/kml/2.2"/>', "root element is <kml>, not <gpx>"),
        (b"\xff\xfe<\x00g\x00", "not well-formed"),
        (b'<?xml version="1.0" encoding="klingon"?><gpx/>', "unknown encoding: klingon"),
    ],
)
def test_bad_files_are_refused(data: bytes, words: str) -> None:
    with pytest.raises(ImportFormatError, match=words):
        read_gpx(data, name="bad.gpx")


def test_the_declared_encoding_is_read() -> None:
    text = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><gpx version="1.1"><trk><name>Köln</name>'
        '<trkseg><trkpt lat="1" lon="1"><time>2024-05-01T06:00:00Z</time></trkpt>'
        '<trkpt lat="1.001" lon="1"><time>2024-05-01T06:00:10Z</time></trkpt></trkseg></trk></gpx>'
    )
    (activity,) = read_gpx(text.encode("latin-1"), name="latin.gpx").activities
    assert activity.name == "Köln"
    with pytest.raises(ImportFormatError, match="not well-formed XML"):
        read_gpx(text.replace("ISO-8859-1", "ascii").encode("latin-1"), name="lies.gpx")


def test_billion_laughs_is_refused_before_any_entity_expands() -> None:
    data = (FIXTURES / "xml" / "billion-laughs.gpx").read_bytes()
    with pytest.raises(ImportFormatError, match=r"declares a document type \(DTD\)"):
        read_gpx(data, name="laughs.gpx")


def test_module_doctests() -> None:
    assert doctest.testmod(gpx_activity).failed == 0
