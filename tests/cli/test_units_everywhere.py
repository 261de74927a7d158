"""An athlete who counts in pounds reads pounds everywhere, each load on real plate steps.

The bundled strength athlete writes ``units: lb`` with her body mass and maxima in
pounds. Every file of her plan and every terminal command is parsed for its loads:
each is written in lb, is a whole number of 5 lb steps (a 45 lb bar with pairs of 2.5 lb
plates; dumbbells from racks in 5 lb steps, so a pair is 10 lb steps), and is the load
that ``plan.json`` keeps in kg. No load anywhere is written in kg.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fitdecode
import icalendar
import pytest

from runlift.cli.app import main
from runlift.units import KG_PER_LB

EXAMPLE = Path(__file__).parents[2] / "examples" / "athletes" / "strength-powerlifter.yaml"
STEP_LB = 5.0
LOAD = re.compile(r"(\d+(?:\.\d+)?) (lb|kg)\b")
"""A mass as the outputs write it: ``215 lb``."""
EXERCISE_LOAD = re.compile(
    r"^- (?P<name>[^:]+): \d+ x \d+.*?, (?P<load>\d+(?:\.\d+)?) (?P<unit>lb|kg), rest"
)
"""An exercise line of a prescription (``- Back squat: 3 x 5 at 75 % 1RM, 215 lb, rest 3 min``)."""
EACH_HAND = re.compile(r"(\d+(?:\.\d+)?) (lb|kg) in each hand")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lb")
    assert main(["plan", str(EXAMPLE), "-o", str(folder), "--quiet"]) == 0
    return folder


@pytest.fixture(scope="module")
def plan(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "plan.json").read_text(encoding="utf-8"))
    return data


def _exercises(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for week in plan["weeks"]:
        for day in week["days"]:
            for session in day["sessions"]:
                yield from session["prescription"].get("exercises", [])


def _loaded(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in _exercises(plan) if e["load_kg"] is not None]


def _on_plates(pounds: float, *, parts: int = 1) -> bool:
    steps = pounds / (STEP_LB * parts)
    return abs(steps - round(steps)) < 1e-9 and pounds > 0


def _run(*args: str) -> str:
    """A runlift command's standard output, on a terminal wide enough not to wrap lines."""
    environment = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "runlift.cli", *args],
        check=True,
        capture_output=True,
        text=True,
        env=environment,
    )
    return done.stdout


def _no_kilograms(text: str) -> None:
    """No mass in kg: only ratios per kg (g/kg, kcal/kg) may name kilograms."""
    assert [m.group(0) for m in LOAD.finditer(text) if m.group(2) == "kg"] == []


def test_plan_json_keeps_kilograms_and_states_the_unit(plan: dict[str, Any]) -> None:
    assert plan["units"] == "lb"
    loaded = _loaded(plan)
    assert len(loaded) > 50
    for exercise in loaded:
        parts = 2 if "in each hand" in exercise["notes"] else 1
        pounds = exercise["load_kg"] / KG_PER_LB
        assert _on_plates(round(pounds, 1), parts=parts), exercise
    # Body mass in the nutrition days: in the athlete's unit, as the profile gave it.
    first = plan["weeks"][0]["days"][0]["nutrition"]
    assert first["units"] == "lb"
    assert first["body_mass"] == 154.0


def _check_exercise_lines(text: str, plan: dict[str, Any]) -> int:
    """Every exercise line's load is in lb and on the plates; returns how many there were."""
    expected = sorted(f"{e['name']} {round(e['load_kg'] / KG_PER_LB, 1):g}" for e in _loaded(plan))
    found = []
    for line in text.splitlines():
        match = EXERCISE_LOAD.match(line.strip())
        if match is None:
            continue
        assert match["unit"] == "lb", line
        parts = 2 if "in each hand" in line else 1
        assert _on_plates(float(match["load"]), parts=parts), line
        found.append(f"{match['name']} {float(match['load']):g}")
    for each in EACH_HAND.finditer(text):
        assert each.group(2) == "lb"
        assert _on_plates(float(each.group(1))), each.group(0)
    assert sorted(found) == expected
    return len(found)


def test_plan_markdown(out: Path, plan: dict[str, Any]) -> None:
    text = (out / "plan.md").read_text(encoding="utf-8")
    assert _check_exercise_lines(text, plan) > 50
    _no_kilograms(text)


def test_calendar_descriptions(out: Path, plan: dict[str, Any]) -> None:
    calendar = icalendar.Calendar.from_ical((out / "plan.ics").read_text(encoding="utf-8"))
    descriptions = "\n".join(str(event["DESCRIPTION"]) for event in calendar.walk("VEVENT"))
    assert _check_exercise_lines(descriptions, plan) > 50
    _no_kilograms(descriptions)


def test_fit_workouts_name_and_show_pounds(out: Path, plan: dict[str, Any]) -> None:
    sets = 0
    for path in sorted((out / "workouts").glob("*lift*.fit")):
        with fitdecode.FitReader(io.BytesIO(path.read_bytes())) as reader:
            for frame in reader:
                if not isinstance(frame, fitdecode.FitDataMessage):
                    continue
                if frame.name != "workout_step" or not frame.has_field("exercise_weight"):
                    continue
                name = str(frame.get_value("wkt_step_name"))
                match = re.search(r" \d+ x (\d+(?:\.\d+)?) (lb|kg)", name)
                assert match is not None, name
                assert match.group(2) == "lb"
                weight_kg = float(frame.get_value("exercise_weight"))
                assert float(match.group(1)) == pytest.approx(weight_kg / KG_PER_LB, abs=0.05)
                assert frame.get_value("weight_display_unit") in {"pound", 2}
                parts = 2 if "in each hand" in str(frame.get_value("notes")) else 1
                assert _on_plates(float(match.group(1)), parts=parts), name
                sets += 1
    assert sets >= sum(e["sets"] for e in _loaded(plan)) > 100


def test_report_html(out: Path, plan: dict[str, Any]) -> None:
    page = (out / "report.html").read_text(encoding="utf-8")
    cells = re.findall(r'<td class="load">([^<]*)</td>', page)
    loads = [c for c in cells if c != "—"]
    assert len(loads) == len(_loaded(plan))
    for cell in loads:
        number, unit = cell.split()
        assert unit == "lb"
        assert _on_plates(float(number), parts=1) or _on_plates(float(number), parts=2)
    # Baseline: body mass and the maxima as the profile gave them, in pounds.
    assert re.search(r"Body mass</td><td class=\"v\">154 lb", page)
    for pounds in ("285 lb", "340 lb", "165 lb"):
        assert pounds in page
    assert "from 100 lb × 5 at RPE 8.5" in page
    assert "rounded to 5 lb on a barbell (a pair of 2.5 lb plates)" in page
    _no_kilograms(page)


def test_report_pdf(out: Path, plan: dict[str, Any]) -> None:
    text = subprocess.run(
        ["pdftotext", "-raw", str(out / "report.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    _no_kilograms(text)
    pounds = [float(m.group(1)) for m in LOAD.finditer(text)]
    assert len(pounds) > len(_loaded(plan))
    for exercise in _loaded(plan):
        assert f"{round(exercise['load_kg'] / KG_PER_LB):d} lb" in text
    assert "154 lb" in text


def test_terminal_show_explain_and_nutrition(out: Path, plan: dict[str, Any]) -> None:
    week = _run("show", str(out), "--week", "1")
    first_week = {
        f"{e['name']}: "
        for d in plan["weeks"][0]["days"]
        for s in d["sessions"]
        for e in s["prescription"].get("exercises", [])
        if e["load_kg"] is not None
    }
    assert first_week
    lines = [line.strip(" │") for line in week.splitlines()]
    shown = [m for line in lines if (m := EXERCISE_LOAD.search(line)) is not None]
    assert len(shown) >= len(first_week)
    for match in shown:
        assert match["unit"] == "lb"
    _no_kilograms(week)

    lift = next(
        s["id"] for d in plan["weeks"][0]["days"] for s in d["sessions"] if s["modality"] == "lift"
    )
    explained = _run("explain", str(out), lift)
    assert _check_lines_of(explained) > 0
    _no_kilograms(explained)

    nutrition = _run("nutrition", str(out), "--week", "1", "--why")
    assert "body mass 154.0 lb" in nutrition
    _no_kilograms(nutrition)


def _check_lines_of(text: str) -> int:
    found = 0
    for line in text.splitlines():
        match = EXERCISE_LOAD.match(line.strip())
        if match is not None:
            assert match["unit"] == "lb"
            assert _on_plates(float(match["load"]), parts=2 if "each hand" in line else 1)
            found += 1
    return found
