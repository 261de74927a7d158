"""The bundled Compendium table: the whole file is valid, and the loader reads it faithfully."""

from __future__ import annotations

import csv
import re
from importlib import resources

import pytest

from runlift.errors import ImportFormatError, InvalidInput
from runlift.reference import compendium as compendium_module
from runlift.reference.compendium import COLUMNS, MetActivity, compendium, met_for
from runlift.science.energy import met_energy_kcal

HEADINGS = {"bicycling", "conditioning exercise", "inactivity quiet/light", "running", "walking"}


def _raw_rows() -> list[dict[str, str]]:
    text = (
        resources.files("runlift.reference")
        .joinpath("data")
        .joinpath("compendium_met.csv")
        .read_text("utf-8")
    )
    return list(csv.DictReader(text.splitlines()))


RAW_ROWS = _raw_rows()


def test_table_has_the_rows_runlift_needs() -> None:
    assert len(RAW_ROWS) >= 20
    assert list(RAW_ROWS[0]) == list(COLUMNS)


def test_codes_are_unique_five_digit_strings() -> None:
    codes = [row["code"] for row in RAW_ROWS]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"\d{5}", code) for code in codes)
    assert codes == sorted(codes)


@pytest.mark.parametrize("row", RAW_ROWS, ids=[r["code"] for r in RAW_ROWS])
def test_every_row_is_valid(row: dict[str, str]) -> None:
    assert 1.0 <= float(row["met"]) <= 25.0
    assert row["description"].strip() == row["description"] != ""
    assert row["major_heading"] in HEADINGS
    # The code's first two digits name the heading in the Compendium's scheme.
    prefix = {"01": "bicycling", "02": "conditioning exercise", "07": "inactivity quiet/light"}
    prefix |= {"12": "running", "17": "walking"}
    assert prefix[row["code"][:2]] == row["major_heading"]


@pytest.mark.parametrize(
    ("code", "met", "words"),
    [
        ("02050", 6.0, "power lifting"),
        ("02052", 5.0, "squats"),
        ("02054", 3.5, "8-15 repetitions"),
        ("02040", 8.0, "circuit training"),
        ("02035", 4.3, "circuit training"),
        ("12050", 9.8, "6 mph"),
        ("12150", 8.0, "running"),
        ("17200", 4.3, "3.5 mph"),
        ("02070", 6.0, "rowing"),
        ("02150", 2.5, "yoga"),
        ("02101", 2.3, "stretching"),
        ("07021", 1.3, "sitting"),
        ("07040", 1.3, "standing"),
    ],
)
def test_known_values(code: str, met: float, words: str) -> None:
    activity = met_for(code)
    assert activity.code == code
    assert activity.met == met
    assert words in activity.description


def test_resistance_training_kinds_rank_by_effort() -> None:
    assert met_for("02054").met < met_for("02052").met < met_for("02050").met


def test_running_mets_rise_with_speed() -> None:
    by_speed = [
        (float(match.group(1)), activity.met)
        for activity in compendium().values()
        if (match := re.fullmatch(r"running, (\d+(?:\.\d+)?) mph .*", activity.description))
    ]
    assert len(by_speed) >= 10
    mets = [met for _, met in sorted(by_speed)]
    assert mets == sorted(mets)


def test_loader_matches_the_file_and_is_read_once() -> None:
    table = compendium()
    assert table is compendium()
    assert len(table) == len(RAW_ROWS)
    for row in RAW_ROWS:
        assert table[row["code"]] == MetActivity(
            code=row["code"],
            met=float(row["met"]),
            major_heading=row["major_heading"],
            description=row["description"],
        )


def test_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        compendium()["99999"] = met_for("02050")  # type: ignore[index]


def test_unknown_code_raises_invalid_input() -> None:
    with pytest.raises(InvalidInput) as caught:
        met_for("2050")
    assert caught.value.field == "code"


def test_met_feeds_the_energy_formula() -> None:
    # 02050 at 6.0 MET for 45 min at 80 kg: 6 x 80 x 0.75 = 360 kcal.
    assert met_energy_kcal(met=met_for("02050").met, mass_kg=80, duration_min=45) == pytest.approx(
        360.0
    )


@pytest.mark.parametrize(
    "text",
    [
        "code,met,description\n02050,6.0,x\n",
        "code,met,major_heading,description\n02050,6.0,a,x\n02050,5.0,a,y\n",
        "code,met,major_heading,description\n02050,six,a,x\n",
    ],
    ids=["missing column", "duplicate code", "met not a number"],
)
def test_malformed_table_raises(text: str) -> None:
    with pytest.raises(ImportFormatError):
        compendium_module._parse(text)
