"""Training as it was done: recorded activities, their laps and logged sets, and body mass.

An :class:`Activity` is one recorded session read from a watch's or an app's file:
a run, a lift with its :class:`LoggedSet` s, or any other sport (cycling, walking,
swimming, rowing ...), which counts as training load but never as a run or a lift.
A :class:`BodyMassReading` is one weighing from a scale. An :class:`ImportResult`
holds everything read from one file, with the warnings a reader had about it.

Every object checks its own invariants when built and raises
:class:`~runlift.errors.InvalidInput` naming the field; the readers in ``runlift.io``
turn that into :class:`~runlift.errors.ImportFormatError` for the file at fault.
Times are timezone-aware and in UTC: a file's local times are converted when read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from runlift.domain.exercises import ExerciseId
from runlift.errors import InvalidInput
from runlift.vocabulary import ActivityFormat, Modality, SetKind, Sport, SubSport

MIN_HEART_RATE_BPM: Final = 20.0
"""Below this a recorded heart rate is a sensor fault, not a heart beating during exercise."""

MAX_HEART_RATE_BPM: Final = 250.0
"""Above this a recorded heart rate is a sensor fault (the highest measured maxima are near 220)."""

MAX_LOAD_KG: Final = 1000.0
"""No lift is done with more; a larger figure is a unit or data error."""

MAX_RPE: Final = 10.0
"""The top of the RPE scales that lifting apps use (Borg CR-10, RIR-based RPE)."""

MAX_RIR: Final = 10.0
"""Repetitions in reserve past this are not recorded by any app we read."""

MIN_BODY_MASS_KG: Final = 20.0
MAX_BODY_MASS_KG: Final = 400.0
"""Body masses outside these bounds are scale or unit errors, not an adult athlete."""


def _check_utc(field: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() != timedelta(0):
        raise InvalidInput(field, value, "a timezone-aware time in UTC")


def _check_optional_amount(field: str, value: float | None, *, positive: bool = False) -> None:
    if value is None:
        return
    if not math.isfinite(value) or value < 0 or (positive and value == 0):
        raise InvalidInput(field, value, "above 0" if positive else "0 or more")


def _check_heart_rates(prefix: str, average: float | None, maximum: float | None) -> None:
    for field, value in (
        (f"{prefix}average_heart_rate_bpm", average),
        (f"{prefix}max_heart_rate_bpm", maximum),
    ):
        if value is not None and (
            not math.isfinite(value) or not MIN_HEART_RATE_BPM <= value <= MAX_HEART_RATE_BPM
        ):
            raise InvalidInput(
                field, value, f"between {MIN_HEART_RATE_BPM:g} and {MAX_HEART_RATE_BPM:g} bpm"
            )
    if average is not None and maximum is not None and maximum < average:
        raise InvalidInput(
            f"{prefix}max_heart_rate_bpm", maximum, f"at least the average ({average:g} bpm)"
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class LoggedSet:
    """One set of a lift as it was done.

    Attributes:
        order: the set's place in the workout, from 1, in the order it was done.
        exercise_id: the library exercise the source's name maps to, or None when
            it maps to none (the set then keeps only ``raw_name``).
        raw_name: the exercise's name as the source wrote it.
        kind: warm-up, working, drop or failure set.
        reps: repetitions done; None for a set measured only by time or distance.
        load_kg: the external load; None for bodyweight work.
        duration_s: the set's duration, for timed sets (or when the device measured it).
        distance_m: the distance covered, for carries and cardio sets.
        rpe: rating of perceived exertion (1-10), when logged.
        rir: repetitions in reserve, when logged.
    """

    order: int
    exercise_id: ExerciseId | None
    raw_name: str
    kind: SetKind = SetKind.WORKING
    reps: int | None = None
    load_kg: float | None = None
    duration_s: float | None = None
    distance_m: float | None = None
    rpe: float | None = None
    rir: float | None = None

    def __post_init__(self) -> None:
        if self.order < 1:
            raise InvalidInput("order", self.order, "1 or more")
        if not self.raw_name.strip():
            raise InvalidInput("raw_name", self.raw_name, "the exercise's name, not blank")
        if self.reps is not None and self.reps < 0:
            raise InvalidInput("reps", self.reps, "0 or more")
        if self.reps is None and self.duration_s is None and self.distance_m is None:
            raise InvalidInput("reps", None, "a set records reps, a duration or a distance")
        _check_optional_amount("load_kg", self.load_kg, positive=True)
        if self.load_kg is not None and self.load_kg > MAX_LOAD_KG:
            raise InvalidInput("load_kg", self.load_kg, f"at most {MAX_LOAD_KG:g} kg")
        _check_optional_amount("duration_s", self.duration_s, positive=True)
        _check_optional_amount("distance_m", self.distance_m, positive=True)
        if self.rpe is not None and (not math.isfinite(self.rpe) or not 0 < self.rpe <= MAX_RPE):
            raise InvalidInput("rpe", self.rpe, f"above 0 and at most {MAX_RPE:g}")
        if self.rir is not None and (not math.isfinite(self.rir) or not 0 <= self.rir <= MAX_RIR):
            raise InvalidInput("rir", self.rir, f"between 0 and {MAX_RIR:g}")

    @property
    def exercise(self) -> str:
        """The library id when the name maps to one, else the source's own name."""
        return self.exercise_id if self.exercise_id is not None else self.raw_name


@dataclass(frozen=True, slots=True, kw_only=True)
class Lap:
    """One lap or split of an activity, as the device recorded it.

    Attributes:
        start: when the lap started (UTC).
        moving_s: time the lap's timer ran, in seconds.
        distance_m: distance covered, or None when the device did not measure it.
        average_heart_rate_bpm: the lap's average heart rate, when recorded.
        max_heart_rate_bpm: the lap's highest heart rate, when recorded.
    """

    start: datetime
    moving_s: float
    distance_m: float | None = None
    average_heart_rate_bpm: float | None = None
    max_heart_rate_bpm: float | None = None

    def __post_init__(self) -> None:
        _check_utc("lap.start", self.start)
        if not math.isfinite(self.moving_s) or self.moving_s < 0:
            raise InvalidInput("lap.moving_s", self.moving_s, "0 or more seconds")
        _check_optional_amount("lap.distance_m", self.distance_m)
        _check_heart_rates("lap.", self.average_heart_rate_bpm, self.max_heart_rate_bpm)


@dataclass(frozen=True, slots=True, kw_only=True)
class Activity:
    """One recorded session: a run, a lift, or another sport.

    Attributes:
        sport: what was done; only ``run`` is running and only ``strength`` is lifting.
        sub_sport: where or how (treadmill, trail, indoor ...), when the file says so.
        source_sport: the file's own word(s) for the sport (``running/treadmill``,
            Strava's ``9``, ``Biking``), kept to show and to map again later.
        start: when it started (UTC).
        elapsed_s: from start to finish, pauses included, in seconds; None only
            when the source does not say (a lifting log without durations).
        moving_s: the time the activity was under way, pauses excluded: the
            device's timer time where it has one; at most ``elapsed_s``, and None
            exactly when ``elapsed_s`` is. Lifting logs record no pauses: there it
            equals ``elapsed_s``.
        distance_m: distance covered, or None when unknown (a lift has 0 or None).
        average_heart_rate_bpm: average heart rate, when recorded.
        max_heart_rate_bpm: highest heart rate, when recorded.
        ascent_m: total ascent as the device measured it, when it did.
        name: the title the athlete or the app gave it, if any.
        source: the file format it was read from.
        laps: laps or splits in time order (empty when the file has none).
        sets: the logged sets of a lift, in the order done (only for ``strength``).
    """

    sport: Sport
    sub_sport: SubSport | None = None
    source_sport: str | None = None
    start: datetime
    elapsed_s: float | None
    moving_s: float | None
    distance_m: float | None = None
    average_heart_rate_bpm: float | None = None
    max_heart_rate_bpm: float | None = None
    ascent_m: float | None = None
    name: str | None = None
    source: ActivityFormat
    laps: tuple[Lap, ...] = ()
    sets: tuple[LoggedSet, ...] = ()

    def __post_init__(self) -> None:
        _check_utc("start", self.start)
        self._check_durations()
        _check_optional_amount("distance_m", self.distance_m)
        _check_optional_amount("ascent_m", self.ascent_m)
        _check_heart_rates("", self.average_heart_rate_bpm, self.max_heart_rate_bpm)
        if self.name is not None and not self.name.strip():
            raise InvalidInput("name", self.name, "a title, or None when there is none")
        self._check_laps()
        self._check_sets()

    def _check_durations(self) -> None:
        elapsed_s, moving_s = self.elapsed_s, self.moving_s
        if elapsed_s is None or moving_s is None:
            if elapsed_s is not None or moving_s is not None:
                raise InvalidInput(
                    "moving_s", moving_s, "known exactly when the elapsed time is known"
                )
            return
        if not math.isfinite(elapsed_s) or elapsed_s <= 0:
            raise InvalidInput("elapsed_s", elapsed_s, "above 0 seconds")
        if not math.isfinite(moving_s) or not 0 <= moving_s <= elapsed_s:
            raise InvalidInput(
                "moving_s",
                moving_s,
                f"between 0 and the elapsed time ({elapsed_s:g} s): "
                "time under way cannot exceed the time from start to finish",
            )

    def _check_laps(self) -> None:
        if not self.laps:
            return
        end = self.end
        if end is None:
            raise InvalidInput("laps", len(self.laps), "no laps for an activity of unknown length")
        previous = self.start
        for lap in self.laps:
            if not previous <= lap.start <= end:
                raise InvalidInput(
                    "laps",
                    lap.start.isoformat(),
                    "laps in time order, each starting within the activity",
                )
            previous = lap.start

    def _check_sets(self) -> None:
        if self.sets and self.sport is not Sport.STRENGTH:
            raise InvalidInput("sets", len(self.sets), f"no sets for a {self.sport.value} activity")
        orders = [logged.order for logged in self.sets]
        if orders != list(range(1, len(orders) + 1)):
            raise InvalidInput("sets", orders, "numbered 1, 2, 3 ... in the order done")

    @property
    def end(self) -> datetime | None:
        """When it finished: ``start`` plus ``elapsed_s``; None when its length is unknown."""
        if self.elapsed_s is None:
            return None
        return self.start + timedelta(seconds=self.elapsed_s)

    @property
    def modality(self) -> Modality | None:
        """``run`` for a run, ``lift`` for strength work, None for every other sport."""
        if self.sport is Sport.RUN:
            return Modality.RUN
        if self.sport is Sport.STRENGTH:
            return Modality.LIFT
        return None


@dataclass(frozen=True, slots=True, kw_only=True)
class BodyMassReading:
    """One weighing, as a smart scale recorded it.

    Attributes:
        measured_at: when (UTC).
        mass_kg: body mass in kg.
        body_fat_percent: body fat in percent of mass, when the scale estimated it.
    """

    measured_at: datetime
    mass_kg: float
    body_fat_percent: float | None = None

    def __post_init__(self) -> None:
        _check_utc("measured_at", self.measured_at)
        if not math.isfinite(self.mass_kg) or not (
            MIN_BODY_MASS_KG <= self.mass_kg <= MAX_BODY_MASS_KG
        ):
            raise InvalidInput(
                "mass_kg", self.mass_kg, f"between {MIN_BODY_MASS_KG:g} and {MAX_BODY_MASS_KG:g} kg"
            )
        fat = self.body_fat_percent
        if fat is not None and (not math.isfinite(fat) or not 0 < fat < 100):
            raise InvalidInput("body_fat_percent", fat, "above 0 and below 100")


@dataclass(frozen=True, slots=True, kw_only=True)
class ImportResult:
    """Everything read from one file.

    Attributes:
        source_name: the file's name, as the athlete gave it (for messages only).
        format: the format the file was read as.
        activities: the activities, in time order.
        body_mass: the weighings, in time order.
        warnings: what the reader could not take over as it was, one line each
            (an exercise name mapping to no library exercise is reported once).
    """

    source_name: str
    format: ActivityFormat
    activities: tuple[Activity, ...] = ()
    body_mass: tuple[BodyMassReading, ...] = ()
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.activities and not self.body_mass:
            raise InvalidInput(
                "activities", (), "at least one activity or weighing: a file gives something"
            )
        starts = [activity.start for activity in self.activities]
        if starts != sorted(starts):
            raise InvalidInput("activities", len(starts), "in time order")
        times = [reading.measured_at for reading in self.body_mass]
        if times != sorted(times):
            raise InvalidInput("body_mass", len(times), "in time order")
