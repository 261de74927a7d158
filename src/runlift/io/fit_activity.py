"""FIT files from watches and bike computers as activities, or as weighings.

:func:`read_fit` reads the file type that ``file_id`` names:

``activity``
    one :class:`~runlift.domain.activities.Activity` per ``session`` message, so a
    multisport recording (triathlon, a lift then a run) gives one activity per
    sport. The session's own totals are used: start, elapsed time, timer time as
    the moving time, distance, average and maximum heart rate, ascent. Where the
    session lacks a heart rate or a distance, they are taken from the ``record``
    messages within the session (the mean and the highest heart rate; the
    distance covered). Laps are the ``lap`` messages that start within the
    session (from its start, before its end and before the next session's
    start, so that each lap belongs to one session). A strength session's
    ``set`` messages, taken alike, become logged sets (:mod:`runlift.io.fit_strength`).
``weight``
    one :class:`~runlift.domain.activities.BodyMassReading` per ``weight_scale`` message.
any other type
    refused, naming the type: workouts, courses, settings, monitoring and the
    others hold no recording.

Damaged files are refused as :mod:`runlift.io.fit_decode` describes. Times that a
watch without a clock wrote relative to when it was switched on (values below
0x10000000, before the FIT epoch's "real dates") are placed by the local clock
time the watch wrote beside them (``activity.local_timestamp``), read in the
athlete's time zone, with a warning; with no such clock time the file is refused,
since its activity has no date. A session whose timer time exceeds its elapsed time
is refused: the timer runs only within the elapsed time.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Final, TypeGuard
from zoneinfo import ZoneInfo

from runlift.domain.activities import Activity, BodyMassReading, ImportResult, Lap
from runlift.domain.exercise_names import ExerciseNameIndex
from runlift.errors import InvalidInput
from runlift.io.activity_input import ImportNotes, check_size, invalid, refuse
from runlift.io.fit_decode import (
    FIT_FORMAT,
    MESSAGE_ACTIVITY,
    MESSAGE_FILE_ID,
    MESSAGE_LAP,
    MESSAGE_SESSION,
    MESSAGE_SET,
    MESSAGE_WEIGHT_SCALE,
    FitMessage,
    FitMessages,
    RecordSample,
    decode_fit,
)
from runlift.io.fit_strength import logged_sets
from runlift.vocabulary import ActivityFormat, Sport, SubSport

DEVICE_TIME_LIMIT: Final = 0x10000000
"""``date_time`` values below this count seconds since the device was switched on."""

ROUNDING_TOLERANCE_S: Final = 1.0
"""A timer time this much above the elapsed time is rounding (both are stored in ms
by some devices and in whole seconds by others); more is an inconsistent file."""

FILE_TYPE_CONTENTS: Final[dict[str, str]] = {
    "device": "a description of the device",
    "settings": "device settings",
    "sport": "sport settings",
    "workout": "a planned workout",
    "course": "a course (a planned route)",
    "schedules": "a workout schedule",
    "totals": "lifetime totals",
    "goals": "goals",
    "blood_pressure": "blood pressure readings",
    "monitoring_a": "all-day monitoring",
    "monitoring_b": "all-day monitoring",
    "monitoring_daily": "all-day monitoring",
    "activity_summary": "an activity's summary without its recording",
    "segment": "a segment (a stretch of road to race on)",
    "segment_list": "a list of segments",
    "exd_configuration": "a data screen layout",
}
"""What each FIT file type holds, for the message that refuses it."""

SPORTS: Final[dict[str, Sport]] = {
    "running": Sport.RUN,
    "cycling": Sport.CYCLING,
    "e_biking": Sport.CYCLING,
    "walking": Sport.WALKING,
    "hiking": Sport.HIKING,
    "mountaineering": Sport.HIKING,
    "swimming": Sport.SWIMMING,
    "rowing": Sport.ROWING,
}
"""FIT ``sport`` values -> sport; every other value (generic, transition, skiing ...) is other."""

SUB_SPORTS: Final[dict[str, SubSport]] = {
    "treadmill": SubSport.TREADMILL,
    "trail": SubSport.TRAIL,
    "track": SubSport.TRACK,
    "street": SubSport.ROAD,
    "road": SubSport.ROAD,
    "indoor_cycling": SubSport.INDOOR,
    "spin": SubSport.INDOOR,
    "indoor_rowing": SubSport.INDOOR,
    "indoor_running": SubSport.INDOOR,
    "indoor_walking": SubSport.INDOOR,
    "virtual_activity": SubSport.VIRTUAL,
    "mountain": SubSport.MOUNTAIN,
    "open_water": SubSport.OPEN_WATER,
    "lap_swimming": SubSport.POOL,
}
"""FIT ``sub_sport`` values -> where or how; ``generic`` and the rest say nothing more."""


def read_fit(data: bytes, *, name: str, exercises: ExerciseNameIndex, tz: ZoneInfo) -> ImportResult:
    """Read a FIT activity or weight file (module docstring).

    Args:
        data: the file's bytes.
        name: the file's name, for messages only.
        exercises: maps the watch's exercise names to library exercises.
        tz: the athlete's time zone, used only to place device-relative times.

    Returns:
        The activities or weighings of the file, with the reader's warnings.

    Raises:
        ImportFormatError: the file is not FIT, is damaged, holds no recording
            (another file type), or its values are impossible; the detail says which.
    """
    check_size(data, fmt=FIT_FORMAT, name=name)
    decoded = decode_fit(data, name=name)
    file_ids = decoded.of(MESSAGE_FILE_ID)
    if not file_ids:
        raise refuse(FIT_FORMAT, name, "the file has no file_id message to say what it holds")
    file_type = file_ids[0].get("type")
    notes = ImportNotes(names=exercises)
    if file_type == "activity":
        activities = _activities(decoded, name=name, tz=tz, notes=notes)
        return _result(name, notes, activities=activities)
    if file_type == "weight":
        readings = _weighings(decoded, name=name, notes=notes)
        return _result(name, notes, body_mass=readings)
    if file_type is None:
        raise refuse(FIT_FORMAT, name, "its file_id does not say what the file holds (no type)")
    contents = FILE_TYPE_CONTENTS.get(str(file_type), "no recording runlift reads")
    raise refuse(
        FIT_FORMAT,
        name,
        f"this is a FIT {file_type} file: it holds {contents}, "
        "not a recorded activity or weighing; nothing to import",
    )


def _result(
    name: str,
    notes: ImportNotes,
    *,
    activities: tuple[Activity, ...] = (),
    body_mass: tuple[BodyMassReading, ...] = (),
) -> ImportResult:
    return ImportResult(
        source_name=name,
        format=ActivityFormat.FIT,
        activities=activities,
        body_mass=body_mass,
        warnings=notes.warnings,
    )


class _Clock:
    """Turns FIT time values into UTC times, placing device-relative ones if it can.

    A device-relative value counts seconds since the device was switched on; the
    ``activity`` message pairs one such value (``timestamp``) with the local wall
    clock time it was (``local_timestamp``), which fixes every other one.
    """

    __slots__ = ("_anchor_device_s", "_anchor_utc")

    def __init__(self, decoded: FitMessages, *, tz: ZoneInfo) -> None:
        self._anchor_device_s: int | None = None
        self._anchor_utc: datetime | None = None
        for activity in decoded.of(MESSAGE_ACTIVITY):
            device_s = activity.get("timestamp")
            local = activity.get("local_timestamp")
            if _is_device_time(device_s) and isinstance(local, datetime):
                # fitdecode marks the local wall-clock time as UTC; it is the athlete's.
                wall = local.replace(tzinfo=None)
                self._anchor_utc = wall.replace(tzinfo=tz).astimezone(UTC)
                self._anchor_device_s = device_s
                break

    @property
    def placed(self) -> bool:
        """True when device-relative times can be placed."""
        return self._anchor_utc is not None

    def __call__(self, value: object) -> datetime | None:
        if isinstance(value, datetime):
            return value.astimezone(UTC)
        if _is_device_time(value) and self._anchor_utc is not None:
            offset_s = value - (self._anchor_device_s or 0)
            return self._anchor_utc + timedelta(seconds=offset_s)
        return None


def _is_device_time(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value < DEVICE_TIME_LIMIT


def _activities(
    decoded: FitMessages, *, name: str, tz: ZoneInfo, notes: ImportNotes
) -> tuple[Activity, ...]:
    sessions = decoded.of(MESSAGE_SESSION)
    if not sessions:
        raise refuse(
            FIT_FORMAT,
            name,
            "the activity has no session message (the recording was not saved to its end)",
        )
    clock = _Clock(decoded, tz=tz)
    if any(_is_device_time(session.get("start_time")) for session in sessions):
        if not clock.placed:
            raise refuse(
                FIT_FORMAT,
                name,
                "the watch recorded times relative to when it was switched on, and no clock "
                "time to place them: the activity has no real date",
            )
        notes.warn(
            "the watch recorded times relative to when it was switched on; the start was "
            f"placed by the watch's local clock time, read in {tz.key}"
        )
    samples = _Samples(decoded.records, clock)
    starts = sorted(
        start for session in sessions if (start := clock(session.get("start_time"))) is not None
    )
    activities: list[Activity] = []
    for number, session in enumerate(sessions, start=1):
        where = f"session {number}" if len(sessions) > 1 else "the session"
        start = clock(session.get("start_time"))
        next_start = next((later for later in starts if start is not None and later > start), None)
        try:
            activity = _activity(
                session,
                where=where,
                next_start=next_start,
                decoded=decoded,
                clock=clock,
                samples=samples,
                notes=notes,
            )
        except InvalidInput as error:
            raise invalid(FIT_FORMAT, name, where, error) from None
        except _Inconsistent as problem:
            raise refuse(FIT_FORMAT, name, f"{where}: {problem}") from None
        if activity is not None:
            activities.append(activity)
    if not activities:
        raise refuse(FIT_FORMAT, name, "no session lasted any time: nothing to import")
    return tuple(sorted(activities, key=lambda activity: activity.start))


class _Inconsistent(Exception):  # noqa: N818 - a reason, raised only inside this module
    """A session's figures contradict each other."""


def _activity(
    session: FitMessage,
    *,
    where: str,
    next_start: datetime | None,
    decoded: FitMessages,
    clock: _Clock,
    samples: _Samples,
    notes: ImportNotes,
) -> Activity | None:
    start = clock(session.get("start_time"))
    if start is None:
        raise _Inconsistent("it has no start time")
    elapsed_s = _number(session.get("total_elapsed_time"))
    if elapsed_s is None:
        end = clock(session.get("timestamp"))
        elapsed_s = (end - start).total_seconds() if end is not None else None
    if elapsed_s is None:
        raise _Inconsistent("it has no elapsed time and no end time")
    if elapsed_s <= 0:
        notes.warn(f"{where} lasted no time and was left out")
        return None
    moving_s = _number(session.get("total_timer_time"))
    if moving_s is None:
        notes.warn(f"{where} has no timer time; its moving time is its elapsed time")
        moving_s = elapsed_s
    if moving_s > elapsed_s + ROUNDING_TOLERANCE_S:
        raise _Inconsistent(
            f"its timer ran {moving_s:g} s within {elapsed_s:g} s from start to finish; "
            "the file's times contradict each other"
        )
    moving_s = min(moving_s, elapsed_s)
    end = start + timedelta(seconds=elapsed_s)
    # Laps and sets belong to one session each: devices end a session with
    # milliseconds that run past the next session's whole-second start.
    owned_until = end if next_start is None else min(end, next_start)
    sport_word, sub_sport_word = _word(session.get("sport")), _word(session.get("sub_sport"))
    sport = _sport(sport_word, sub_sport_word)
    average_bpm = _heart_rate(session.get("avg_heart_rate"))
    max_bpm = _heart_rate(session.get("max_heart_rate"))
    if average_bpm is None or max_bpm is None:
        sampled_average, sampled_max = samples.heart_rate(start, end)
        average_bpm = average_bpm if average_bpm is not None else sampled_average
        max_bpm = max_bpm if max_bpm is not None else sampled_max
    distance_m = _number(session.get("total_distance"))
    if sport is Sport.STRENGTH:
        distance_m = None
    elif distance_m is None:
        distance_m = samples.distance(start, end)
    return Activity(
        sport=sport,
        sub_sport=SUB_SPORTS.get(sub_sport_word or ""),
        source_sport=_source_sport(sport_word, sub_sport_word),
        start=start,
        elapsed_s=elapsed_s,
        moving_s=moving_s,
        distance_m=distance_m,
        average_heart_rate_bpm=average_bpm,
        max_heart_rate_bpm=max_bpm,
        ascent_m=_number(session.get("total_ascent")),
        source=ActivityFormat.FIT,
        laps=_laps(decoded.of(MESSAGE_LAP), start=start, end=owned_until, clock=clock),
        sets=(
            logged_sets(
                decoded.of(MESSAGE_SET), start=start, end=owned_until, to_utc=clock, notes=notes
            )
            if sport is Sport.STRENGTH
            else ()
        ),
    )


def _word(value: object) -> str | None:
    """A FIT enum value as its profile word; a number the profile lacks as its digits."""
    if value is None:
        return None
    return str(value)


def _sport(sport: str | None, sub_sport: str | None) -> Sport:
    if sport == "training" and sub_sport == "strength_training":
        return Sport.STRENGTH
    if sport == "fitness_equipment":
        if sub_sport == "indoor_rowing":
            return Sport.ROWING
        if sub_sport == "indoor_cycling":
            return Sport.CYCLING
        return Sport.OTHER
    return SPORTS.get(sport or "", Sport.OTHER)


def _source_sport(sport: str | None, sub_sport: str | None) -> str | None:
    if sport is None:
        return None
    if sub_sport is None or sub_sport == "generic":
        return sport
    return f"{sport}/{sub_sport}"


def _number(value: object) -> float | None:
    """A finite number of the file, or None for a missing or non-numeric value."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _heart_rate(value: object) -> float | None:
    """A recorded heart rate; 0 is how some devices write "no sensor"."""
    number = _number(value)
    return number if number is not None and number > 0 else None


def _laps(
    messages: list[FitMessage], *, start: datetime, end: datetime, clock: _Clock
) -> tuple[Lap, ...]:
    laps: list[Lap] = []
    for message in messages:
        lap_start = clock(message.get("start_time"))
        if lap_start is None or not start <= lap_start < end:
            continue
        moving_s = _number(message.get("total_timer_time"))
        if moving_s is None:
            moving_s = _number(message.get("total_elapsed_time"))
        laps.append(
            Lap(
                start=lap_start,
                moving_s=max(moving_s or 0.0, 0.0),
                distance_m=_number(message.get("total_distance")),
                average_heart_rate_bpm=_heart_rate(message.get("avg_heart_rate")),
                max_heart_rate_bpm=_heart_rate(message.get("max_heart_rate")),
            )
        )
    return tuple(sorted(laps, key=lambda lap: lap.start))


class _Samples:
    """The ``record`` messages' heart rates and distances, by UTC time, read when first needed."""

    __slots__ = ("_clock", "_records", "_timed")

    def __init__(self, records: list[RecordSample], clock: _Clock) -> None:
        self._records = records
        self._clock = clock
        self._timed: list[tuple[datetime, float | None, float | None]] | None = None

    def _all(self) -> list[tuple[datetime, float | None, float | None]]:
        if self._timed is None:
            timed = []
            for record in self._records:
                at = self._clock(record.timestamp)
                if at is not None:
                    timed.append((at, _heart_rate(record.heart_rate), _number(record.distance)))
            self._timed = timed
        return self._timed

    def heart_rate(self, start: datetime, end: datetime) -> tuple[float | None, float | None]:
        """The mean and the highest of the records' heart rates between ``start`` and ``end``.

        Devices write a record every second or two, so the plain mean of the records
        is the time average within a beat or two.
        """
        beats = [bpm for at, bpm, _ in self._all() if bpm is not None and start <= at <= end]
        if not beats:
            return None, None
        return round(sum(beats) / len(beats), 1), max(beats)

    def distance(self, start: datetime, end: datetime) -> float | None:
        """The distance covered between ``start`` and ``end`` by the records' odometer."""
        readings = [
            metres for at, _, metres in self._all() if metres is not None and start <= at <= end
        ]
        if not readings:
            return None
        return max(readings) - min(readings)


def _weighings(
    decoded: FitMessages, *, name: str, notes: ImportNotes
) -> tuple[BodyMassReading, ...]:
    readings: list[BodyMassReading] = []
    messages = decoded.of(MESSAGE_WEIGHT_SCALE)
    for number, message in enumerate(messages, start=1):
        measured_at = message.get("timestamp")
        mass_kg = _number(message.get("weight"))
        if not isinstance(measured_at, datetime) or mass_kg is None:
            notes.warn(
                "a weighing without a date or a mass (the scale was still measuring) was left out"
            )
            continue
        fat = _number(message.get("percent_fat"))
        try:
            readings.append(
                BodyMassReading(
                    measured_at=measured_at.astimezone(UTC),
                    mass_kg=mass_kg,
                    body_fat_percent=fat if fat is not None and fat > 0 else None,
                )
            )
        except InvalidInput as error:
            raise invalid(FIT_FORMAT, name, f"weighing {number}", error) from None
    if not readings:
        raise refuse(FIT_FORMAT, name, "the weight file holds no complete weighing")
    return tuple(sorted(readings, key=lambda reading: reading.measured_at))
