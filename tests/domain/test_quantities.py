import pytest

from runlift.domain.quantities import parse_distance_m, parse_duration_s
from runlift.errors import InvalidInput


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("5k", 5000.0),
        ("10K", 10000.0),
        ("half", 21097.5),
        ("marathon", 42195.0),
        ("1500m", 1500.0),
        ("mile", 1609.344),
        ("3000m", 3000.0),
        ("2mi", 3218.688),
        ("15k", 15000.0),
        ("10mi", 16093.44),
        ("800", 800.0),
        ("12.5km", 12500.0),
        ("3.1mi", 4988.9664),
        ("half-marathon", 21097.5),
    ],
)
def test_distances(text: str, metres: float) -> None:
    assert parse_distance_m(text) == pytest.approx(metres)


@pytest.mark.parametrize("text", ["", "halff", "-5k", "0", "5 parsecs", "k"])
def test_bad_distances_name_the_field(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_distance_m(text, field="--distance")
    assert info.value.field == "--distance"
    assert "--distance" in str(info.value)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("40:00", 2400.0), ("1:45:00", 6300.0), ("3:59.5", 239.5), ("0:59", 59.0)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration_s(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("40:75", "seconds must be below 60"),
        ("1:75:00", "minutes must be below 60"),
        ("40", "mm:ss or h:mm:ss"),
        ("a:bc", "digits"),
        ("0:00", "longer than zero"),
        ("1:2:3:4", "mm:ss or h:mm:ss"),
        ("-1:00", "negative"),
    ],
)
def test_bad_durations_say_what_is_wrong(text: str, reason: str) -> None:
    with pytest.raises(InvalidInput, match=reason) as info:
        parse_duration_s(text, field="--time")
    assert str(info.value).startswith(f"--time '{text}'")
