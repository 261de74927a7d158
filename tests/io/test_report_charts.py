"""The report's charts: matplotlib SVG, inline-ready, with their series and labels, stable."""

from __future__ import annotations

import re
import sys

import pytest

from runlift.io import report_charts


def _texts(svg: str) -> list[str]:
    return [t.strip() for t in re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)]


@pytest.fixture(scope="module")
def weeks_svg() -> str:
    return report_charts.stacked_weeks_chart(
        series={"easy": [20.0, 30.0, 10.0], "threshold": [5.0, 0.0, 2.0]},
        colours={"easy": "#93c5fd", "threshold": "#1e3a8a"},
        ylabel="km",
        shaded_weeks=[2],
        shade_label="deload / taper",
        label="km per week",
        key="weeks",
    )


def test_chart_is_an_inline_svg_element(weeks_svg: str) -> None:
    assert weeks_svg.startswith(
        '<svg class="chart" xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" id="weeks-svg" role="img" '
        'aria-label="km per week" viewBox="0 0 '
    )
    assert weeks_svg.endswith("</svg>")
    # No XML prolog, doctype, metadata or page-wide style: it sits inside an HTML page.
    for gone in ("<?xml", "<!DOCTYPE", "<metadata", "<style", "Matplotlib v"):
        assert gone not in weeks_svg
    assert weeks_svg.count("<svg") == 1


def test_ids_carry_the_chart_key_and_references_land(weeks_svg: str) -> None:
    ids = re.findall(r'\bid="([^"]+)"', weeks_svg)
    assert len(ids) == len(set(ids))
    assert all(i.startswith("weeks-") for i in ids)
    references = set(re.findall(r'(?:href="#|url\(#)([^")]+)', weeks_svg))
    assert references
    assert references <= set(ids)


def test_stacked_weeks_chart_shows_its_series_and_axes(weeks_svg: str) -> None:
    texts = _texts(weeks_svg)
    assert {"easy", "threshold", "deload / taper", "km", "week", "1", "2", "3"} <= set(texts)
    # Text stays text, in the report's font.
    assert "DejaVu Sans" in weeks_svg
    # Two layers over three weeks, a zero drawn as an empty bar: six bars plus legend swatches.
    fills = re.findall(r"fill: ?(#[0-9a-f]{6})", weeks_svg)
    assert fills.count("#93c5fd") >= 3
    assert fills.count("#1e3a8a") >= 3


def test_load_chart_has_its_lines_race_and_round_ticks() -> None:
    svg = report_charts.load_chart(
        load_au=[0.0, 420.0, 0.0, 380.0],
        ctl_au=[0.0, 10.0, 9.8, 18.0],
        atl_au=[0.0, 55.0, 48.0, 90.0],
        tsb_au=[0.0, -10.0, -45.0, -38.0],
        week_starts=[0],
        race_day=3,
        label="load",
        key="load",
    )
    texts = _texts(svg)
    for expected in ("daily load", "CTL (fitness)", "ATL (fatigue)", "TSB (form)", "race"):
        assert expected in texts
    assert "load (AU/day)" in texts
    ticks = [t.replace("\u2212", "-") for t in texts if re.fullmatch(r"[\u2212-]?\d+", t)]
    assert "0" in ticks
    assert "400" in ticks
    assert "100" in ticks  # round steps
    for colour in ("#1d4ed8", "#ea580c", "#15803d", "#dc2626"):
        assert colour in svg


def test_nutrition_chart_breaks_the_expenditure_line_on_missing_days() -> None:
    svg = report_charts.nutrition_chart(
        protein_kcal=[400.0, 0.0, 420.0, 410.0],
        carbohydrate_kcal=[1200.0, 0.0, 1500.0, 1300.0],
        fat_kcal=[700.0, 0.0, 650.0, 640.0],
        expenditure_kcal=[2300.0, None, 2600.0, 2500.0],
        week_starts=[0],
        race_day=None,
        label="energy",
        key="energy",
    )
    texts = _texts(svg)
    assert {"protein", "carbohydrate", "fat", "expenditure", "energy (kcal/day)"} <= set(texts)
    assert "race" not in texts
    # The expenditure line is a path in the ink colour; the missing day starts a new subpath.
    line = re.search(r'<path d="([^"]+)"[^>]*stroke: ?#1f2937; ?stroke-width: ?1\.1', svg)
    assert line is not None
    assert line.group(1).count("M") == 2


def test_same_data_same_svg(weeks_svg: str) -> None:
    again = report_charts.stacked_weeks_chart(
        series={"easy": [20.0, 30.0, 10.0], "threshold": [5.0, 0.0, 2.0]},
        colours={"easy": "#93c5fd", "threshold": "#1e3a8a"},
        ylabel="km",
        shaded_weeks=[2],
        shade_label="deload / taper",
        label="km per week",
        key="weeks",
    )
    assert again == weeks_svg


def test_drawing_uses_no_pyplot() -> None:
    assert "matplotlib.pyplot" not in sys.modules
