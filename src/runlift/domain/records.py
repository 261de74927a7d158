"""World records in running: the fastest any distance has been run, a floor for any time given.

A race time an athlete types (a goal's target, a recent result) that beats the world
record for its distance is a typing slip, never a plan: ``1:55`` for a half marathon is
read as one minute 55 seconds. :func:`fastest_possible_s` gives the floor for any
distance and :func:`check_race_time` refuses a time below it, suggesting ``h:mm:00``
when that reading of the same digits is a time a person can run.

Source:
    World Athletics, world records (outdoor track and road), ratified as of 2025:
    https://worldathletics.org/records/by-category/world-records . Each row names the
    holder, the place and the year. The women's marathon row is the mixed-race record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from runlift.errors import InvalidInput
from runlift.units import METRES_PER_MILE, format_duration
from runlift.vocabulary import Sex


@dataclass(frozen=True, slots=True, kw_only=True)
class WorldRecord:
    """One ratified world record."""

    distance_m: float
    sex: Sex
    time_s: float
    holder: str
    where: str
    year: int

    @property
    def pace_s_per_km(self) -> float:
        """The record's average pace."""
        return self.time_s / self.distance_m * 1000


def _row(distance_m: float, sex: Sex, time: str, *, who: str, year: int) -> WorldRecord:
    seconds = 0.0
    for part in time.split(":"):
        seconds = seconds * 60 + float(part)
    holder, where = who.split(", ")
    return WorldRecord(
        distance_m=distance_m, sex=sex, time_s=seconds, holder=holder, where=where, year=year
    )


_MILE: Final = METRES_PER_MILE
_M, _F = Sex.MALE, Sex.FEMALE

WORLD_RECORDS: Final[tuple[WorldRecord, ...]] = (
    _row(100, _M, "9.58", who="Usain Bolt, Berlin", year=2009),
    _row(800, _M, "1:40.91", who="David Rudisha, London", year=2012),
    _row(1500, _M, "3:26.00", who="Hicham El Guerrouj, Rome", year=1998),
    _row(_MILE, _M, "3:43.13", who="Hicham El Guerrouj, Rome", year=1999),
    _row(3000, _M, "7:17.55", who="Jakob Ingebrigtsen, Chorzów", year=2024),
    _row(5000, _M, "12:35.36", who="Joshua Cheptegei, Monaco", year=2020),
    _row(10000, _M, "26:11.00", who="Joshua Cheptegei, Valencia", year=2020),
    _row(21097.5, _M, "57:30", who="Yomif Kejelcha, Valencia", year=2024),
    _row(42195, _M, "2:00:35", who="Kelvin Kiptum, Chicago", year=2023),
    _row(100, _F, "10.49", who="Florence Griffith-Joyner, Indianapolis", year=1988),
    _row(800, _F, "1:53.28", who="Jarmila Kratochvílová, Munich", year=1983),
    _row(1500, _F, "3:49.04", who="Faith Kipyegon, Paris", year=2024),
    _row(_MILE, _F, "4:07.64", who="Faith Kipyegon, Monaco", year=2023),
    _row(3000, _F, "8:06.11", who="Wang Junxia, Beijing", year=1993),
    _row(5000, _F, "13:58.06", who="Beatrice Chebet, Eugene", year=2025),
    _row(10000, _F, "28:54.14", who="Beatrice Chebet, Eugene", year=2024),
    _row(21097.5, _F, "1:02:52", who="Letesenbet Gidey, Valencia", year=2021),
    _row(42195, _F, "2:09:56", who="Ruth Chepngetich, Chicago", year=2024),
)
"""Outdoor track records to 10,000 m, road records for the half marathon and marathon."""


SLOWEST_S_PER_KM: Final = 15 * 60
"""A slow walk (4 km/h): ``h:mm`` is suggested only when that reading is no slower than this."""


def _nearest_below(distance_m: float, sex: Sex | None) -> WorldRecord:
    """The record at the longest listed distance not beyond ``distance_m`` (the 100 m below it).

    Without a sex, the faster of the men's and women's records (the men's, at every distance).
    """
    rows = [r for r in WORLD_RECORDS if sex is None or r.sex is sex]
    shorter = [r for r in rows if r.distance_m <= distance_m] or [
        min(rows, key=lambda r: r.distance_m)
    ]
    longest = max(r.distance_m for r in shorter)
    return min((r for r in shorter if r.distance_m == longest), key=lambda r: r.time_s)


def fastest_possible_s(distance_m: float, *, sex: Sex | None = None) -> float:
    """The fastest time anyone has run ``distance_m`` in, or a floor below it.

    At a listed distance it is the record. Between listed distances the pace of the
    record at the next shorter one is a floor: record pace only slows as the distance
    grows (every row above), so no one has run the longer distance faster. Below 100 m
    the 100 m record pace stands in. ``sex=None`` takes the faster of the two records.

    Examples:
        >>> round(fastest_possible_s(21097.5, sex=Sex.FEMALE))
        3772
        >>> round(fastest_possible_s(12000))  # 12 km at the 10,000 m record pace
        1885
    """
    if not distance_m > 0:
        raise InvalidInput("distance_m", distance_m, "a distance longer than zero")
    record = _nearest_below(distance_m, sex)
    return distance_m * record.pace_s_per_km / 1000


def record_text(distance_m: float, *, sex: Sex | None = None) -> str:
    """The record behind :func:`fastest_possible_s` in words, naming who ran it, where and when."""
    record = _nearest_below(distance_m, sex)
    who = f"{record.holder}, {record.where} {record.year}"
    if record.distance_m == distance_m:
        return f"the world record is {format_duration(record.time_s)} ({who})"
    floor = format_duration(fastest_possible_s(distance_m, sex=sex))
    return (
        f"no one has run it faster than the {format_duration(record.pace_s_per_km)}/km of the "
        f"{record.distance_m:g} m world record ({who}): {floor}"
    )


def check_race_time(
    *, time_s: float, distance_m: float, field: str, written: str, sex: Sex | None = None
) -> None:
    """Refuse a race time faster than the world record for its distance.

    When the digits as written read as ``h:mm`` (``1:55`` for a half marathon) give a
    time between the record and a slow walk, the message suggests that reading.

    Raises:
        InvalidInput: naming ``field``, the record, and the likely meant time.
    """
    floor_s = fastest_possible_s(distance_m, sex=sex)
    if time_s >= floor_s:
        return
    hint = f"faster than anyone has run it: {record_text(distance_m, sex=sex)}"
    parts = written.strip().split(":")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        as_hours = int(parts[0]) * 3600 + int(parts[1]) * 60
        if floor_s <= as_hours <= distance_m / 1000 * SLOWEST_S_PER_KM and int(parts[1]) < 60:
            hint = f'did you mean "{parts[0]}:{parts[1]}:00"? As written it is {hint}'
    raise InvalidInput(field, written, hint)
