"""The log tests' file builders: moved copies are the same activity at another time."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from log_builders import BILLION_LAUGHS_GPX, FR410_TCX, STRAVA_GPX, shifted_gpx, shifted_tcx
from runlift.io.activity_files import read_activity_file
from runlift.reference.exercise_aliases import exercise_name_index


def _read(data: bytes) -> tuple[datetime, float | None, float | None]:
    (activity,) = read_activity_file(
        data, name="x", exercises=exercise_name_index(), tz=ZoneInfo("UTC")
    ).activities
    return activity.start, activity.elapsed_s, activity.distance_m


def test_a_moved_copy_starts_when_asked_and_is_otherwise_the_same() -> None:
    start = datetime(2027, 1, 4, 6, 30, tzinfo=UTC)
    for source, move in ((STRAVA_GPX, shifted_gpx), (FR410_TCX, shifted_tcx)):
        _, elapsed, distance = _read(source.read_bytes())
        assert _read(move(start, source=source)) == (start, elapsed, distance)


def test_the_billion_laughs_would_expand_to_a_billion() -> None:
    text = BILLION_LAUGHS_GPX.decode()
    entities = dict(re.findall(r'<!ENTITY (\w+) "([^"]*)">', text))
    sizes: dict[str, int] = {}
    for name, value in entities.items():
        inner = re.findall(r"&(\w+);", value)
        sizes[name] = sum(sizes[part] for part in inner) if inner else len(value)
    assert sizes["lol9"] == 3 * 10**9
