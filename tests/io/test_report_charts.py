"""The report's charts: shapes inside their box, round ticks, and the SVG they are written as."""

from __future__ import annotations

import re

import pytest

from runlift.io import report_charts
from runlift.io.report_charts import Boxes, Chart, Label, Polyline


def _inside(chart: Chart) -> None:
    for shape in chart.shapes:
        if isinstance(shape, Boxes):
            for x, y, w, h in shape.boxes:
                assert x >= 0
                assert y >= 0
                assert x + w <= chart.width + 0.01
                assert y + h <= chart.height + 0.01
        elif isinstance(shape, Polyline):
            for point in shape.points:
                if point is not None:
                    assert 0 <= point[0] <= chart.width
                    assert 0 <= point[1] <= chart.height
        else:
            assert 0 <= shape.x <= chart.width
            assert 0 <= shape.y <= chart.height


def test_stacked_weeks_bars_are_as_tall_as_their_values() -> None:
    chart = report_charts.stacked_weeks_chart(
        series={"easy": [20.0, 30.0, 10.0], "threshold": [5.0, 0.0, 2.0]},
        colours={"easy": "#93c5fd", "threshold": "#1e3a8a"},
        ylabel="km",
        shaded_weeks=[2],
        shade_label="deload / taper",
        label="km per week",
    )
    _inside(chart)
    # Legend swatches are single boxes; the bars come in one shape per layer.
    easy, threshold = [s for s in chart.shapes if isinstance(s, Boxes) and len(s.boxes) > 1]
    heights = [h for *_, h in easy.boxes]
    # 20, 30 and 10 km on one scale.
    assert heights[0] / heights[1] == pytest.approx(2 / 3)
    assert heights[2] / heights[1] == pytest.approx(1 / 3)
    assert len(threshold.boxes) == 2  # no box for a zero
    texts = [s.text for s in chart.shapes if isinstance(s, Label)]
    assert {"easy", "threshold", "deload / taper", "km", "week", "1", "2", "3"} <= set(texts)


def test_ticks_are_round_and_cover_the_range() -> None:
    chart = report_charts.load_chart(
        load_au=[0.0, 420.0, 0.0, 380.0],
        ctl_au=[0.0, 10.0, 9.8, 18.0],
        atl_au=[0.0, 55.0, 48.0, 90.0],
        tsb_au=[0.0, -10.0, -45.0, -38.0],
        week_starts=[0],
        race_day=3,
        label="load",
    )
    _inside(chart)
    ticks = [
        s.text
        for s in chart.shapes
        if isinstance(s, Label) and s.anchor == "end" and re.fullmatch(r"-?\d+", s.text)
    ]
    # -52..441 in steps of 100 (about five ticks).
    assert ticks == ["0", "100", "200", "300", "400"]
    assert any(isinstance(s, Label) and s.text == "race" for s in chart.shapes)


def test_gaps_in_expenditure_lift_the_pen() -> None:
    chart = report_charts.nutrition_chart(
        protein_kcal=[400.0, 0.0, 420.0],
        carbohydrate_kcal=[1200.0, 0.0, 1500.0],
        fat_kcal=[700.0, 0.0, 650.0],
        expenditure_kcal=[2300.0, None, 2600.0],
        week_starts=[0],
        race_day=None,
        label="energy",
    )
    _inside(chart)
    line = next(s for s in chart.shapes if isinstance(s, Polyline) and len(s.points) == 3)
    assert line.points[1] is None
    svg = report_charts.svg(chart, key="energy")
    assert svg.startswith('<svg class="chart" xmlns="http://www.w3.org/2000/svg" id="energy-svg"')
    assert 'viewBox="0 0 527 186"' in svg
    # The gap is a new subpath (M), not a line (L) through the missing day.
    assert re.search(r'd="M[\d. ]+M[\d. ]+"', svg)
    assert svg == report_charts.svg(chart, key="energy")
