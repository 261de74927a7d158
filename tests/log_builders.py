"""Training files for the log's tests: real files, and copies moved into the plan's weeks."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "athletes"
GENERAL = EXAMPLES / "general-fitness-3-days.yaml"
HALF = EXAMPLES / "half-marathon-lifter.yaml"
STRAVA_GPX = FIXTURES / "gpx" / "strava-export_run_pauses_2021-01-10.gpx"
FR410_TCX = FIXTURES / "tcx" / "garmin-fr410_run_notes.tcx"
STRENGTH_FIT = FIXTURES / "fit-activity" / "garmin-fr965_strength_2025-10-20.fit"
"""A Garmin strength recording of Monday 20 October 2025, 19:44 in Berlin (14 sets)."""
STRENGTH_FIT_MONDAY = "2025-10-20"
"""A plan starting that day lifts on its Monday, so the recording fulfils that lift."""

BILLION_LAUGHS_GPX = (
    b'<?xml version="1.0"?>\n<!DOCTYPE gpx [\n<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b']>\n<gpx version="1.1" creator="x"><trk><name>&lol9;</name></trk></gpx>\n'
)
"""Nine levels of entities, each ten of the one below: 10^9 "lol"s if expanded (3 GB)."""

_GPX_TIME = re.compile(r"<time>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)Z</time>")
_TCX_TIME = re.compile(
    r"(<Id>|<Time>|StartTime=\")(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)(Z|\.000Z)?"
)


def _first_time(text: str, pattern: re.Pattern[str], group: int) -> datetime:
    match = pattern.search(text)
    assert match is not None
    return datetime.fromisoformat(match.group(group)).replace(tzinfo=UTC)


def shifted_gpx(start: datetime, *, source: Path = STRAVA_GPX) -> bytes:
    """The GPX with every time moved so that it starts at ``start``."""
    text = source.read_text(encoding="utf-8")
    delta = start.astimezone(UTC) - _first_time(text, _GPX_TIME, 1)

    def move(match: re.Match[str]) -> str:
        moved = datetime.fromisoformat(match.group(1)).replace(tzinfo=UTC) + delta
        return f"<time>{moved:%Y-%m-%dT%H:%M:%S}Z</time>"

    return _GPX_TIME.sub(move, text).encode("utf-8")


def shifted_tcx(start: datetime, *, source: Path = FR410_TCX) -> bytes:
    """The TCX with every time moved so that it starts at ``start``."""
    text = source.read_text(encoding="utf-8")
    delta = start.astimezone(UTC) - _first_time(text, _TCX_TIME, 2)

    def move(match: re.Match[str]) -> str:
        moved = datetime.fromisoformat(match.group(2)).replace(tzinfo=UTC) + delta
        return f"{match.group(1)}{moved:%Y-%m-%dT%H:%M:%S}Z"

    return _TCX_TIME.sub(move, text).encode("utf-8")


def folder_of_runs(folder: Path, *, count: int, first: datetime) -> list[Path]:
    """``count`` GPX and TCX runs, one a day from ``first``, alternating formats."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        start = first + timedelta(days=index)
        if index % 2:
            path = folder / f"run-{index:04d}.tcx"
            path.write_bytes(shifted_tcx(start))
        else:
            path = folder / f"run-{index:04d}.gpx"
            path.write_bytes(shifted_gpx(start))
        paths.append(path)
    return paths
