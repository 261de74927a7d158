"""TCX (Garmin Training Center) activities, parsed with the standard library, safely.

Each ``<Activity>`` (also inside a ``<MultiSportSession>``) is one activity:

- start: its first lap's ``StartTime``.
- moving time: the laps' ``TotalTimeSeconds`` added up (the time the lap timer ran).
- elapsed time: from the start to whichever ends later, the last lap (its start
  plus its timer time) or the last trackpoint, so pauses inside a lap count.
- distance: the laps' ``DistanceMeters`` added up (the device's own figure).
- heart rate: the laps' ``AverageHeartRateBpm`` averaged, each weighted by its
  timer time; the highest ``MaximumHeartRateBpm``. Laps without one are left out.
- sport: the ``Sport`` attribute: Running is a run, Biking cycling, Other other.

Element names are matched without their namespace, since exporters differ in the
schema version they declare. Times without a zone are read as UTC, as Garmin
writes them. A file holding only courses or workouts (planned, not recorded) or no
activity is refused; so is an activity without laps. The XML is parsed safely
(:mod:`runlift.io.safe_xml`): a DTD, hence any entity, is refused.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Final
from xml.etree.ElementTree import Element

from runlift.domain.activities import Activity, ImportResult, Lap
from runlift.errors import InvalidInput
from runlift.io.activity_input import (
    ImportNotes,
    check_size,
    guessed_sport,
    invalid,
    refuse,
    sport_guess_warning,
)
from runlift.io.safe_xml import local_name, parse_xml
from runlift.vocabulary import ActivityFormat, Sport

TCX_FORMAT: Final = "TCX"

SPORTS: Final[dict[str, Sport]] = {"running": Sport.RUN, "biking": Sport.CYCLING}
"""TCX's ``Sport`` attribute (Running, Biking, Other) -> sport."""

ROUNDING_TOLERANCE_S: Final = 1.0
"""Laps whose timer times add up to this much more than the elapsed time are
rounding (TotalTimeSeconds has decimals, trackpoint times whole seconds)."""


class _Problem(Exception):  # noqa: N818 - a reason, raised and caught inside this module
    """What is wrong with one activity of the file."""


def read_tcx(data: bytes, *, name: str) -> ImportResult:
    """Read the activities of a TCX file (module docstring).

    Args:
        data: the file's bytes.
        name: the file's name, for messages only.

    Returns:
        One activity per ``<Activity>``, in time order.

    Raises:
        ImportFormatError: the file is not safe, well-formed TCX, holds no
            activity, or an activity's values are missing or impossible.
    """
    check_size(data, fmt=TCX_FORMAT, name=name)
    root = parse_xml(data, fmt=TCX_FORMAT, name=name)
    if local_name(root.tag) != "TrainingCenterDatabase":
        raise refuse(
            TCX_FORMAT,
            name,
            f"the root element is <{local_name(root.tag)}>, not <TrainingCenterDatabase>",
        )
    elements = list(_activity_elements(root))
    if not elements:
        planned = [
            word for word in ("Courses", "Workouts") if any(True for _ in _children(root, word))
        ]
        holds = f"only {' and '.join(planned).lower()} (planned, not recorded)" if planned else None
        raise refuse(
            TCX_FORMAT, name, f"no activity: nothing to import (the file holds {holds or 'none'})"
        )
    activities = []
    notes = ImportNotes()
    for number, element in enumerate(elements, start=1):
        where = f"activity {number}" if len(elements) > 1 else "the activity"
        try:
            activities.append(_named_sport(_activity(element), notes))
        except _Problem as problem:
            raise refuse(TCX_FORMAT, name, f"{where}: {problem}") from None
        except InvalidInput as error:
            raise invalid(TCX_FORMAT, name, where, error) from None
    return ImportResult(
        source_name=name,
        format=ActivityFormat.TCX,
        activities=tuple(sorted(activities, key=lambda activity: activity.start)),
        warnings=notes.warnings,
    )


def _named_sport(activity: Activity, notes: ImportNotes) -> Activity:
    """An activity of ``Sport="Other"`` with the sport its pace points to, said in a warning."""
    if activity.sport is not Sport.OTHER or activity.distance_m is None or not activity.moving_s:
        return activity
    guess = guessed_sport(distance_m=activity.distance_m, moving_s=activity.moving_s)
    if guess is None:
        return activity
    notes.warn(
        sport_guess_warning(guess, distance_m=activity.distance_m, moving_s=activity.moving_s)
    )
    return dataclasses.replace(activity, sport=guess)


def _children(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if local_name(child.tag) == name)


def _child(element: Element, *path: str) -> Element | None:
    found: Element | None = element
    for name in path:
        if found is None:
            return None
        found = next(_children(found, name), None)
    return found


def _activity_elements(root: Element) -> Iterator[Element]:
    for activities in _children(root, "Activities"):
        for child in activities:
            if local_name(child.tag) == "Activity":
                yield child
            elif local_name(child.tag) == "MultiSportSession":
                for sport in child:
                    yield from _children(sport, "Activity")


def _text(element: Element, *path: str) -> str | None:
    found = _child(element, *path)
    if found is None or found.text is None or not found.text.strip():
        return None
    return found.text.strip()


def _number(element: Element, *path: str) -> float | None:
    text = _text(element, *path)
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        raise _Problem(f"{'/'.join(path)} {text!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise _Problem(f"{'/'.join(path)} {text!r} is not a finite amount of 0 or more")
    return value


def _time(text: str | None, what: str) -> datetime:
    if text is None:
        raise _Problem(f"{what} is missing")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _Problem(f"{what} {text!r} is not an ISO 8601 time") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _heart_rate(lap: Element, element_name: str) -> float | None:
    bpm = _number(lap, element_name, "Value")
    return bpm if bpm is not None and bpm > 0 else None


def _lap(element: Element, number: int) -> tuple[Lap, datetime | None]:
    """A lap, and the time of its last trackpoint (None when it has none)."""
    what = f"lap {number}"
    start = _time(element.get("StartTime"), f"{what} StartTime")
    moving_s = _number(element, "TotalTimeSeconds")
    if moving_s is None:
        raise _Problem(f"{what} has no TotalTimeSeconds")
    last_point = None
    for track in _children(element, "Track"):
        for point in _children(track, "Trackpoint"):
            text = _text(point, "Time")
            if text is not None:
                moment = _time(text, f"{what} trackpoint Time")
                last_point = moment if last_point is None else max(last_point, moment)
    lap = Lap(
        start=start,
        moving_s=moving_s,
        distance_m=_number(element, "DistanceMeters"),
        average_heart_rate_bpm=_heart_rate(element, "AverageHeartRateBpm"),
        max_heart_rate_bpm=_heart_rate(element, "MaximumHeartRateBpm"),
    )
    return lap, last_point


def _activity(element: Element) -> Activity:
    read = [_lap(lap, number) for number, lap in enumerate(_children(element, "Lap"), start=1)]
    if not read:
        raise _Problem("it has no laps, so nothing was recorded")
    laps = sorted((lap for lap, _ in read), key=lambda lap: lap.start)
    start = laps[0].start
    ends = [laps[-1].start + timedelta(seconds=laps[-1].moving_s)]
    ends.extend(last for _, last in read if last is not None)
    elapsed_s = (max(ends) - start).total_seconds()
    # Rounded to the millisecond that TotalTimeSeconds is written in, dropping float noise.
    moving_s = round(sum(lap.moving_s for lap in laps), 3)
    if moving_s > elapsed_s + ROUNDING_TOLERANCE_S:
        raise _Problem(
            f"its laps' timers ran {moving_s:g} s within {elapsed_s:g} s from start to finish; "
            "the laps overlap"
        )
    distances = [lap.distance_m for lap in laps if lap.distance_m is not None]
    timed_beats = [
        (lap.average_heart_rate_bpm, lap.moving_s)
        for lap in laps
        if lap.average_heart_rate_bpm is not None and lap.moving_s > 0
    ]
    beat_time_s = sum(seconds for _, seconds in timed_beats)
    maxima = [lap.max_heart_rate_bpm for lap in laps if lap.max_heart_rate_bpm is not None]
    sport_word = (element.get("Sport") or "").strip()
    return Activity(
        sport=SPORTS.get(sport_word.lower(), Sport.OTHER),
        source_sport=sport_word or None,
        start=start,
        elapsed_s=elapsed_s,
        moving_s=min(moving_s, elapsed_s),
        distance_m=sum(distances) if distances else None,
        average_heart_rate_bpm=(
            round(sum(bpm * seconds for bpm, seconds in timed_beats) / beat_time_s, 1)
            if beat_time_s > 0
            else None
        ),
        max_heart_rate_bpm=max(maxima) if maxima else None,
        source=ActivityFormat.TCX,
        laps=tuple(laps),
    )
