"""GPX tracks as activities, read with gpxpy.

Each ``<trk>`` whose points all carry a time is one activity:

- start: the first point's time; elapsed time: from the first to the last point.
- moving time: the time between consecutive points of a segment, except gaps longer
  than :data:`MAX_RECORDING_GAP_S`, which are pauses (the watch stopped recording);
  a new ``<trkseg>`` also starts after a pause.
- distance: the length of the segments over the ground (gpxpy's ``length_2d``;
  elevation is left out, as watches do); no distance is counted between segments.
- heart rate: the mean and the highest of the points' Garmin ``TrackPointExtension``
  ``hr`` values, when there are any. Ascent is not computed: summed GPS elevation
  changes measure the noise of the receiver more than the hills.
- sport: the track's ``<type>``, a word ("running", "Run", "cycling" ...) or one of
  Strava's numeric codes (9 = run, 1 = ride ...); no type or another word is ``other``.

Times without a zone are UTC, as the GPX schema defines them. A track without
times is a route, not a recording; a track where only some points have times was
not recorded as it was done; both are left out with a warning. A file with no timed
track (only routes, waypoints or untimed tracks) is refused: "no timed track:
nothing to import". The XML is parsed safely first (:mod:`runlift.io.safe_xml`).
"""

from __future__ import annotations

import itertools
import math
from datetime import UTC, datetime
from typing import Final

import gpxpy
import gpxpy.gpx

from runlift.domain.activities import Activity, ImportResult
from runlift.errors import InvalidInput
from runlift.io.activity_input import (
    ImportNotes,
    check_size,
    guessed_sport,
    invalid,
    refuse,
    sport_guess_warning,
)
from runlift.io.safe_xml import local_name, parse_xml, xml_text
from runlift.vocabulary import ActivityFormat, Sport, SubSport

GPX_FORMAT: Final = "GPX"

MAX_RECORDING_GAP_S: Final = 30.0
"""A gap between two points longer than this is a pause.

Watches write a point every 1 to 10 s while moving, even with "smart" recording;
a longer silence means the recording was paused. On the Strava export of a run
paired with the same run's TCX, this gives the TCX laps' timer total within 0.5 %.
"""

STRAVA_TYPE_CODES: Final[dict[str, Sport]] = {
    "1": Sport.CYCLING,
    "4": Sport.HIKING,
    "9": Sport.RUN,
    "10": Sport.WALKING,
    "16": Sport.SWIMMING,
}
"""Strava's GPX export writes the activity type as a number: 1 Ride, 4 Hike, 9 Run,
10 Walk, 16 Swim (the codes other converters agree on; other numbers are ``other``)."""

TYPE_WORDS: Final[dict[str, tuple[Sport, SubSport | None]]] = {
    "run": (Sport.RUN, None),
    "running": (Sport.RUN, None),
    "trail_running": (Sport.RUN, SubSport.TRAIL),
    "trailrun": (Sport.RUN, SubSport.TRAIL),
    "treadmill_running": (Sport.RUN, SubSport.TREADMILL),
    "virtualrun": (Sport.RUN, SubSport.VIRTUAL),
    "ride": (Sport.CYCLING, None),
    "cycling": (Sport.CYCLING, None),
    "biking": (Sport.CYCLING, None),
    "road_biking": (Sport.CYCLING, SubSport.ROAD),
    "mountain_biking": (Sport.CYCLING, SubSport.MOUNTAIN),
    "virtualride": (Sport.CYCLING, SubSport.VIRTUAL),
    "walk": (Sport.WALKING, None),
    "walking": (Sport.WALKING, None),
    "hike": (Sport.HIKING, None),
    "hiking": (Sport.HIKING, None),
    "swim": (Sport.SWIMMING, None),
    "swimming": (Sport.SWIMMING, None),
    "open_water_swimming": (Sport.SWIMMING, SubSport.OPEN_WATER),
    "row": (Sport.ROWING, None),
    "rowing": (Sport.ROWING, None),
}
"""``<type>`` words (lower case; spaces and hyphens read as ``_``) -> sport and sub-sport."""

_Point = gpxpy.gpx.GPXTrackPoint


def read_gpx(data: bytes, *, name: str) -> ImportResult:
    """Read the recorded tracks of a GPX file as activities (module docstring).

    Args:
        data: the file's bytes.
        name: the file's name, for messages only.

    Returns:
        One activity per timed track, in time order, with the reader's warnings.

    Raises:
        ImportFormatError: the file is not safe, well-formed GPX, or holds no timed track.
    """
    check_size(data, fmt=GPX_FORMAT, name=name)
    root = parse_xml(data, fmt=GPX_FORMAT, name=name)
    if local_name(root.tag) != "gpx":
        raise refuse(GPX_FORMAT, name, f"the root element is <{local_name(root.tag)}>, not <gpx>")
    text = xml_text(data, fmt=GPX_FORMAT, name=name)
    try:
        gpx = gpxpy.parse(text)
    except (gpxpy.gpx.GPXException, ValueError) as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise refuse(GPX_FORMAT, name, f"not valid GPX ({first_line})") from None
    notes = ImportNotes()
    activities: list[Activity] = []
    for number, track in enumerate(gpx.tracks, start=1):
        label = f"track {number}" + (f" ({track.name.strip()})" if track.name else "")
        points = [point for segment in track.segments for point in segment.points]
        timed = sum(point.time is not None for point in points)
        if not points:
            continue
        if timed < len(points):
            notes.warn(
                f"{label} was left out: {len(points) - timed} of its {len(points)} points have "
                "no time, so it is a route or a drawing, not a recording"
            )
            continue
        try:
            activity = _activity(track, gpx=gpx, notes=notes)
        except InvalidInput as error:
            raise invalid(GPX_FORMAT, name, label, error) from None
        if activity is None:
            notes.warn(f"{label} was left out: its points span no time")
            continue
        activities.append(activity)
    if not activities:
        raise refuse(GPX_FORMAT, name, "no timed track: nothing to import" + _holds(gpx))
    return ImportResult(
        source_name=name,
        format=ActivityFormat.GPX,
        activities=tuple(sorted(activities, key=lambda activity: activity.start)),
        warnings=notes.warnings,
    )


def _holds(gpx: gpxpy.gpx.GPX) -> str:
    """What the file holds instead of a timed track, for the refusal."""
    parts = []
    if gpx.routes:
        parts.append(f"{len(gpx.routes)} route(s)")
    if gpx.waypoints:
        parts.append(f"{len(gpx.waypoints)} waypoint(s)")
    untimed = [track for track in gpx.tracks if track.get_points_no()]
    if untimed:
        parts.append(f"{len(untimed)} track(s) not timed as recorded")
    return f" (the file holds {', '.join(parts)})" if parts else " (the file holds no track)"


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _activity(
    track: gpxpy.gpx.GPXTrack, *, gpx: gpxpy.gpx.GPX, notes: ImportNotes
) -> Activity | None:
    segments = [
        [(_utc(point.time), point) for point in segment.points if point.time is not None]
        for segment in track.segments
    ]
    times = [moment for segment in segments for moment, _ in segment]
    start, end = min(times), max(times)
    elapsed_s = (end - start).total_seconds()
    if elapsed_s <= 0:
        return None
    moving_s = 0.0
    for segment in segments:
        for (before, _), (after, _) in itertools.pairwise(segment):
            step_s = (after - before).total_seconds()
            if 0 < step_s <= MAX_RECORDING_GAP_S:
                moving_s += step_s
    beats = [bpm for segment in segments for _, point in segment if (bpm := _heart_rate(point))]
    sport, sub_sport = _sport(track.type)
    distance_m = sum(segment.length_2d() or 0.0 for segment in track.segments)
    moving_s = round(min(moving_s, elapsed_s), 3)
    if not (track.type or "").strip():
        guess = guessed_sport(distance_m=distance_m, moving_s=moving_s)
        if guess is not None:
            sport = guess
            notes.warn(sport_guess_warning(guess, distance_m=distance_m, moving_s=moving_s))
    title = (track.name or gpx.name or "").strip()
    return Activity(
        sport=sport,
        sub_sport=sub_sport,
        source_sport=track.type.strip() if track.type and track.type.strip() else None,
        start=start,
        elapsed_s=elapsed_s,
        moving_s=moving_s,
        distance_m=distance_m,
        average_heart_rate_bpm=round(sum(beats) / len(beats), 1) if beats else None,
        max_heart_rate_bpm=max(beats) if beats else None,
        name=title or None,
        source=ActivityFormat.GPX,
    )


def _sport(type_text: str | None) -> tuple[Sport, SubSport | None]:
    if type_text is None:
        return Sport.OTHER, None
    word = type_text.strip().lower().replace(" ", "_").replace("-", "_")
    if word in STRAVA_TYPE_CODES:
        return STRAVA_TYPE_CODES[word], None
    return TYPE_WORDS.get(word, (Sport.OTHER, None))


def _heart_rate(point: _Point) -> float | None:
    """The point's heart rate from a TrackPointExtension ``hr`` element, if it has one."""
    for extension in point.extensions:
        for element in extension.iter():
            if local_name(str(element.tag)) == "hr" and element.text:
                try:
                    bpm = float(element.text)
                except ValueError:
                    return None
                return bpm if math.isfinite(bpm) and bpm > 0 else None
    return None
