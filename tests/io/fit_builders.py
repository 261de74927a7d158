"""Small FIT files built with fit-tool, for the cases no permissively licensed real file shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.messages.weight_scale_message import WeightScaleMessage
from fit_tool.profile.profile_type import FileType, Manufacturer, Sport

FIT_EPOCH_S = 631065600
"""1989-12-31T00:00:00Z in Unix seconds."""


def unix_ms(moment: datetime) -> int:
    """fit-tool takes times as Unix milliseconds."""
    return round(moment.timestamp() * 1000)


def device_ms(device_s: int) -> int:
    """The Unix milliseconds fit-tool turns into the raw FIT time ``device_s``.

    Values below 0x10000000 are what a watch without a clock writes: seconds since
    it was switched on.
    """
    return (FIT_EPOCH_S + device_s) * 1000


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionSpec:
    """A session to write: times as fit-tool takes them (Unix ms)."""

    start_ms: int
    elapsed_s: float | None
    timer_s: float | None
    sport: Sport = Sport.RUNNING
    distance_m: float | None = None
    average_heart_rate_bpm: int | None = None


def fit_file(
    *,
    file_type: FileType | None = FileType.ACTIVITY,
    sessions: tuple[SessionSpec, ...] = (),
    records: tuple[tuple[int, int], ...] = (),
    activity_clock: tuple[int, datetime] | None = None,
    weighings: tuple[tuple[datetime, float | None, float | None], ...] = (),
) -> bytes:
    """A FIT file with the given messages.

    Args:
        file_type: ``file_id.type``, or None to leave it out.
        sessions: session messages.
        records: (Unix ms, heart rate) record messages.
        activity_clock: an activity message's timestamp (Unix ms) and the local wall
            clock time at that moment (a naive datetime), as ``local_timestamp``.
        weighings: weight_scale messages: (time, kg, body fat %).
    """
    builder = FitFileBuilder(auto_define=True)
    file_id = FileIdMessage()
    if file_type is not None:
        file_id.type = file_type
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 1
    file_id.serial_number = 12345
    file_id.time_created = unix_ms(datetime(2024, 5, 1, 6, tzinfo=UTC))
    builder.add(file_id)
    for time_ms, heart_rate in records:
        record = RecordMessage()
        record.timestamp = time_ms
        record.heart_rate = heart_rate
        builder.add(record)
    for spec in sessions:
        session = SessionMessage()
        session.start_time = spec.start_ms
        session.timestamp = spec.start_ms + round((spec.elapsed_s or 0) * 1000)
        session.sport = spec.sport
        if spec.elapsed_s is not None:
            session.total_elapsed_time = spec.elapsed_s
        if spec.timer_s is not None:
            session.total_timer_time = spec.timer_s
        if spec.distance_m is not None:
            session.total_distance = spec.distance_m
        if spec.average_heart_rate_bpm is not None:
            session.avg_heart_rate = spec.average_heart_rate_bpm
        builder.add(session)
    if activity_clock is not None:
        activity = ActivityMessage()
        timestamp_ms, wall = activity_clock
        activity.timestamp = timestamp_ms
        # fit-tool writes local_timestamp as given: FIT seconds of the wall clock.
        activity.local_timestamp = round(wall.replace(tzinfo=UTC).timestamp()) - FIT_EPOCH_S
        activity.num_sessions = len(sessions)
        builder.add(activity)
    for moment, mass_kg, fat_percent in weighings:
        weighing = WeightScaleMessage()
        weighing.timestamp = unix_ms(moment)
        if mass_kg is not None:
            weighing.weight = mass_kg
        if fat_percent is not None:
            weighing.percent_fat = fat_percent
        builder.add(weighing)
    data: bytes = builder.build().to_bytes()
    return data
