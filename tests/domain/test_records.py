"""World records: the floor under any race time an athlete types."""

from __future__ import annotations

import pytest

from runlift.domain.quantities import NAMED_DISTANCES_M
from runlift.domain.records import WORLD_RECORDS, check_race_time, fastest_possible_s
from runlift.errors import InvalidInput
from runlift.vocabulary import DistanceName, Sex


@pytest.mark.parametrize("sex", list(Sex))
def test_record_pace_slows_as_the_distance_grows(sex: Sex) -> None:
    """What makes the floor between listed distances valid."""
    rows = sorted((r for r in WORLD_RECORDS if r.sex is sex), key=lambda r: r.distance_m)
    paces = [r.pace_s_per_km for r in rows]
    assert paces == sorted(paces)


@pytest.mark.parametrize(
    ("distance", "sex", "seconds"),
    [
        (DistanceName.HALF, Sex.MALE, 57 * 60 + 30),
        (DistanceName.HALF, Sex.FEMALE, 3600 + 2 * 60 + 52),
        (DistanceName.MARATHON, Sex.MALE, 2 * 3600 + 35),
        (DistanceName.K10, None, 26 * 60 + 11),
        (DistanceName.K5, Sex.FEMALE, 13 * 60 + 58.06),
    ],
)
def test_at_a_listed_distance_the_floor_is_the_record(
    distance: DistanceName, sex: Sex | None, seconds: float
) -> None:
    assert fastest_possible_s(NAMED_DISTANCES_M[distance], sex=sex) == pytest.approx(seconds)


def test_between_listed_distances_the_floor_is_the_shorter_records_pace() -> None:
    ten = next(r for r in WORLD_RECORDS if r.distance_m == 10000 and r.sex is Sex.MALE)
    assert fastest_possible_s(15000, sex=Sex.MALE) == pytest.approx(15 * ten.pace_s_per_km)
    assert fastest_possible_s(15000) < fastest_possible_s(15000, sex=Sex.FEMALE)


@pytest.mark.parametrize(
    ("written", "distance_m", "suggested"),
    [
        ("1:55", 21097.5, '"1:55:00"'),  # a half marathon in 1 min 55 s: h:mm was meant
        ("3:30", 42195, '"3:30:00"'),
        ("25:00", 10000, None),  # 25 hours for 10 km is no one's target either
        ("0:30:00", 21097.5, None),
    ],
)
def test_impossible_times_are_refused_and_h_mm_suggested_when_plausible(
    written: str, distance_m: float, suggested: str | None
) -> None:
    parts = [float(p) for p in written.split(":")]
    seconds = sum(p * 60 ** (len(parts) - 1 - i) for i, p in enumerate(parts))
    with pytest.raises(InvalidInput) as info:
        check_race_time(time_s=seconds, distance_m=distance_m, field="t", written=written)
    message = str(info.value)
    assert "faster than anyone has run it" in message
    if suggested is None:
        assert "did you mean" not in message
    else:
        assert f"did you mean {suggested}?" in message


def test_a_time_slower_than_the_record_passes() -> None:
    check_race_time(time_s=3 * 3600, distance_m=42195, field="t", written="3:00:00")
