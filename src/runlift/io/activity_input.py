"""What every reader of training files shares: the size limit, text, errors and warnings.

The readers (``fit_activity``, ``gpx_activity``, ``tcx_activity``, ``lifting_csv``)
take a file's bytes and its name, which is used in messages only: nothing in a
file, its name included, is ever used as a path. Each refuses a bad file with one
:class:`~runlift.errors.ImportFormatError` whose detail starts with the file's name
and says, in one line, what is wrong; none returns part of a file.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from runlift.domain.exercise_names import ExerciseNameIndex
from runlift.domain.exercises import ExerciseId
from runlift.errors import ImportFormatError, InvalidInput
from runlift.vocabulary import Sport

MAX_FILE_BYTES: Final = 64 * 1024 * 1024
"""Files larger than this (64 MiB) are refused before they are parsed.

The largest real activity files are a few MB (a 6.5-hour ride recorded every second
is 0.7 MB as FIT and about 5 MB as GPX); a years-long lifting log is well under
1 MB. A bigger upload is not a training file, and parsing it would only cost memory.
"""

SNIFF_TEXT_CHARS: Final = 65536
"""How much of a file is read to tell text formats apart by their first line."""

MAX_NAME_CHARS: Final = 120
"""A file name is cut to this many characters in messages."""

_UNPRINTABLE_RE: Final = re.compile(r"[^\x20-\x7e\u00a0-\U0010ffff]|[\u2028\u2029]")


def shown_name(name: str) -> str:
    r"""The file name as messages show it: one line, printable, at most 120 characters.

    Examples:
        >>> shown_name("run\n.fit")
        'run?.fit'
    """
    clean = _UNPRINTABLE_RE.sub("?", name.strip()) or "(unnamed file)"
    if len(clean) > MAX_NAME_CHARS:
        return clean[: MAX_NAME_CHARS - 3] + "..."
    return clean


def refuse(fmt: str, name: str, detail: str) -> ImportFormatError:
    """The error for a file that cannot be read: ``cannot read FMT: NAME: DETAIL``."""
    return ImportFormatError(fmt, f"{shown_name(name)}: {detail}")


def check_size(data: bytes, *, fmt: str, name: str) -> None:
    """Refuse an empty file or one larger than :data:`MAX_FILE_BYTES`.

    Raises:
        ImportFormatError: the file is empty or too large.
    """
    if not data:
        raise refuse(fmt, name, "the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise refuse(
            fmt,
            name,
            f"the file is {len(data) / 2**20:.0f} MiB; training files of up to "
            f"{MAX_FILE_BYTES // 2**20} MiB are read",
        )


def decode_text(data: bytes, *, fmt: str, name: str) -> str:
    """The file's text: UTF-8 (a byte order mark is dropped), or UTF-16 with its mark.

    Raises:
        ImportFormatError: the bytes are not text in these encodings.
    """
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise refuse(
            fmt, name, f"the file is not UTF-8 text (byte {error.start} cannot be read)"
        ) from None


def invalid(fmt: str, name: str, where: str, error: InvalidInput) -> ImportFormatError:
    """The error for a value the domain refused: where in the file, and the domain's reason."""
    return refuse(fmt, name, f"{where}: {error}")


class ImportNotes:
    """The warnings of one import, and the exercise names it mapped.

    Each exercise name that maps to no library exercise is reported once, however
    many sets carry it.
    """

    __slots__ = ("_names", "_reported", "_warnings")

    def __init__(self, *, names: ExerciseNameIndex | None = None) -> None:
        """Start the notes of one file; ``names`` maps exercise names (lifting formats)."""
        self._names = names
        self._warnings: list[str] = []
        self._reported: set[str] = set()

    def warn(self, text: str) -> None:
        """Add a warning (each distinct text once)."""
        if text not in self._reported:
            self._reported.add(text)
            self._warnings.append(text)

    def exercise(self, raw_name: str) -> ExerciseId | None:
        """The library id for an app's exercise name; warn once if there is none."""
        found = None if self._names is None else self._names.match(raw_name)
        if found is None:
            self._unmapped(raw_name)
        return found

    def fit_exercise(self, *, category: str, name: str | None, shown: str) -> ExerciseId | None:
        """The library id for a FIT category and exercise name; warn once if there is none."""
        found = None if self._names is None else self._names.match_fit(category=category, name=name)
        if found is None and name is None:
            self.warn(
                f"exercise {shown!r}: the watch named only the family of exercises, which is "
                "no single exercise of the library; its sets keep that name"
            )
        elif found is None:
            self._unmapped(shown)
        return found

    def _unmapped(self, shown: str) -> None:
        self.warn(f"exercise {shown!r} matches no exercise of the library: its sets keep that name")

    @property
    def warnings(self) -> tuple[str, ...]:
        """The warnings so far, in the order first given."""
        return tuple(self._warnings)


WALK_RUN_TRANSITION_M_PER_S: Final = 2.0
"""People change from walking to running near 2.0 m/s (7.2 km/h): Hreljac 1993,
J Biomech 26(1):63-70 (preferred transition speed 2.06 m/s). Slower is a walk."""

FASTEST_RUN_GUESS_M_PER_S: Final = 5.0
"""A whole recording faster than 5 m/s (3:20 per km) is not read as a run: few runners
hold that pace for a whole session, and an easy bike ride is faster."""

SLOWEST_RIDE_GUESS_M_PER_S: Final = 6.0
"""A whole recording at 6 m/s (21.6 km/h) or faster is read as a ride; between 5 and 6 m/s
the pace says nothing sure, and the sport stays unnamed."""


FASTEST_RIDE_GUESS_M_PER_S: Final = 15.0
"""Faster than 15 m/s (54 km/h) over a whole recording is a vehicle or a fault, no guess."""


def guessed_sport(*, distance_m: float | None, moving_s: float | None) -> Sport | None:
    """The sport a recording's moving speed points to when the file does not say, or None.

    Examples:
        >>> guessed_sport(distance_m=10000, moving_s=3000)  # 5:00 per km
        <Sport.RUN: 'run'>
        >>> guessed_sport(distance_m=5000, moving_s=3600)  # 5 km/h
        <Sport.WALKING: 'walking'>
        >>> guessed_sport(distance_m=40000, moving_s=4800) is Sport.CYCLING  # 30 km/h
        True
        >>> guessed_sport(distance_m=None, moving_s=3600) is None
        True
    """
    if not distance_m or not moving_s:
        return None
    speed = distance_m / moving_s
    if speed < WALK_RUN_TRANSITION_M_PER_S:
        return Sport.WALKING
    if speed <= FASTEST_RUN_GUESS_M_PER_S:
        return Sport.RUN
    if SLOWEST_RIDE_GUESS_M_PER_S <= speed <= FASTEST_RIDE_GUESS_M_PER_S:
        return Sport.CYCLING
    return None


def sport_guess_warning(sport: Sport, *, distance_m: float, moving_s: float) -> str:
    """The warning that says a sport was read from the pace, with the pace."""
    seconds = moving_s / (distance_m / 1000)
    return (
        f"the file does not name its sport: read as {sport.value} from its moving pace "
        f"{int(seconds // 60)}:{int(seconds % 60):02d} per km"
    )
