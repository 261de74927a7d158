"""The report's charts: ReportLab drawings for the PDF, inline SVG for HTML, stable and labelled."""

from __future__ import annotations

import itertools
import math
import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing

from runlift.report.charts import Chart, Series, drawing, svg

NS = {"svg": "http://www.w3.org/2000/svg"}
EASY = "#93c5fd"
THRESHOLD = "#1e3a8a"
CTL = "#1d4ed8"
TSB = "#15803d"
AXIS = "#9ca3af"
RACE = "#dc2626"


def _weeks_chart() -> Chart:
    return Chart(
        key="weeks",
        label="Weekly running distance by intensity",
        ylabel="km",
        bars=(
            Series(name="easy", colour=EASY, values=(20.0, 30.0, 10.0, 0.0)),
            Series(name="threshold", colour=THRESHOLD, values=(5.0, 0.0, None, 6.0)),
        ),
        ticks=((0, "w1"), (1, "w2"), (2, "w3"), (3, "w4")),
        shaded=(2, 3),
        shade_label="deload / taper",
    )


def _load_chart() -> Chart:
    return Chart(
        key="load",
        label="Planned daily training load with CTL, ATL and TSB",
        ylabel="load (AU/day)",
        bars=(Series(name="daily load", colour="#cbd5e1", values=(0.0, 420.0, 0.0, 380.0, 0.0)),),
        lines=(
            Series(
                name="CTL (fitness)", colour=CTL, values=(0.0, 10.0, 9.8, 18.0, 17.6), width=1.6
            ),
            Series(name="TSB (form)", colour=TSB, values=(0.0, -10.0, -45.0, -38.0, -20.0)),
        ),
        ticks=((0, "w1"),),
        marker=(4, "race"),
        zero_line=True,
    )


def _root(text: str) -> ET.Element:
    return ET.fromstring(text)


def _layer(root: ET.Element, key: str, name: str) -> ET.Element:
    layer = root.find(f".//svg:g[@id='{key}-{name}']", NS)
    assert layer is not None, f"no layer {name}"
    return layer


def _style(element: ET.Element) -> dict[str, str]:
    pairs = (item.split(":", 1) for item in element.get("style", "").split(";") if ":" in item)
    return {k.strip(): v.strip() for k, v in pairs}


def _texts(element: ET.Element) -> list[str]:
    return [(t.text or "").strip() for t in element.iter(f"{{{NS['svg']}}}text")]


def _points(polyline: ET.Element) -> list[tuple[float, float]]:
    numbers = [float(n) for n in re.split(r"[ ,]+", polyline.get("points", "").strip())]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def _polylines(element: ET.Element, stroke: str) -> list[list[tuple[float, float]]]:
    return [
        _points(p)
        for p in element.iter(f"{{{NS['svg']}}}polyline")
        if _style(p).get("stroke") == stroke
    ]


def _bar_heights(bars: ET.Element, fill: str) -> list[float]:
    """Heights of the rectangles (closed subpaths) of the bar path filled with ``fill``."""
    (path,) = [p for p in bars.iter(f"{{{NS['svg']}}}path") if _style(p).get("fill") == fill]
    heights = []
    for subpath in path.get("d", "").split("M")[1:]:
        ys = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", subpath)][1::2]
        heights.append(max(ys) - min(ys))
    return heights


def _y_ticks(root: ET.Element, key: str) -> list[float]:
    """The numeric labels in the axes layer: the y ticks (x ticks are given as "w1", ...)."""
    labels = _texts(_layer(root, key, "axes"))
    return [float(t) for t in labels if re.fullmatch(r"-?\d+(\.\d+)?", t)]


@pytest.fixture(scope="module")
def weeks_svg() -> str:
    return svg(_weeks_chart())


@pytest.fixture(scope="module")
def load_svg() -> str:
    return svg(_load_chart())


def test_svg_is_an_inline_element_with_its_accessible_name(weeks_svg: str) -> None:
    assert weeks_svg.startswith("<svg ")
    assert weeks_svg.endswith("</svg>")
    for gone in ("<?xml", "<!DOCTYPE", "<title", "<desc"):
        assert gone not in weeks_svg
    root = _root(weeks_svg)
    assert root.tag == f"{{{NS['svg']}}}svg"
    assert root.get("class") == "chart"
    assert root.get("id") == "weeks-svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Weekly running distance by intensity"
    assert root.get("viewBox") == "0 0 518 187"
    # No fixed size: CSS scales it through the viewBox.
    assert root.get("width") is None
    assert root.get("height") is None


def test_label_is_escaped_in_the_attribute() -> None:
    chart = replace(_weeks_chart(), label='Load & "form" <daily>')
    assert _root(svg(chart)).get("aria-label") == 'Load & "form" <daily>'


def test_every_id_starts_with_the_key_and_references_land(load_svg: str) -> None:
    root = _root(load_svg)
    ids = [e.get("id") for e in root.iter() if e.get("id") is not None]
    assert len(ids) == len(set(ids))
    assert all(i is not None and i.startswith("load-") for i in ids)
    assert {"load-svg", "load-clip", "load-bars", "load-lines", "load-axes", "load-legend"} <= set(
        ids
    )
    references = set(re.findall(r"url\(#([^)]+)\)", load_svg))
    assert references == {"load-clip"}


def test_two_charts_share_no_id(weeks_svg: str, load_svg: str) -> None:
    def ids(text: str) -> set[str | None]:
        return {e.get("id") for e in _root(text).iter()} - {None}

    assert not ids(weeks_svg) & ids(load_svg)


def test_legend_names_every_series_and_the_band(weeks_svg: str, load_svg: str) -> None:
    assert _texts(_layer(_root(weeks_svg), "weeks", "legend")) == [
        "easy",
        "threshold",
        "deload / taper",
    ]
    assert _texts(_layer(_root(load_svg), "load", "legend")) == [
        "daily load",
        "CTL (fitness)",
        "TSB (form)",
    ]


def test_legend_wraps_when_the_entries_do_not_fit_one_row() -> None:
    names = [f"muscle group {n}" for n in range(10)]
    chart = Chart(
        key="sets",
        label="sets",
        ylabel="hard sets",
        bars=tuple(Series(name=n, colour="#65a30d", values=(1.0,)) for n in names),
    )
    legend = _layer(_root(svg(chart)), "sets", "legend")
    assert _texts(legend) == names
    rows = {t.get("y") for t in legend.iter(f"{{{NS['svg']}}}text")}
    assert len(rows) == 2
    # A single short entry stays on one row.
    one = replace(chart, bars=chart.bars[:1])
    legend = _layer(_root(svg(one)), "sets", "legend")
    assert len({t.get("y") for t in legend.iter(f"{{{NS['svg']}}}text")}) == 1


def test_one_bar_per_non_zero_value_in_the_series_colour(weeks_svg: str) -> None:
    bars = _layer(_root(weeks_svg), "weeks", "bars")
    assert len(_bar_heights(bars, EASY)) == 3  # 20, 30, 10; the 0 is not drawn
    assert len(_bar_heights(bars, THRESHOLD)) == 2  # 5 and 6; 0 and None are not drawn


def test_bar_heights_are_proportional_to_values(weeks_svg: str) -> None:
    bars = _layer(_root(weeks_svg), "weeks", "bars")
    easy = _bar_heights(bars, EASY)
    assert easy[1] / easy[0] == pytest.approx(30 / 20, rel=1e-3)
    assert easy[2] / easy[0] == pytest.approx(10 / 20, rel=1e-3)
    threshold = _bar_heights(bars, THRESHOLD)
    assert threshold[1] / easy[0] == pytest.approx(6 / 20, rel=1e-3)


def test_bars_stack_first_series_at_the_bottom(weeks_svg: str) -> None:
    bars = _layer(_root(weeks_svg), "weeks", "bars")
    paths = {_style(p)["fill"]: p.get("d", "") for p in bars.iter(f"{{{NS['svg']}}}path")}

    def first_bar_ys(d: str) -> tuple[float, float]:
        ys = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d.split("M")[1])][1::2]
        return min(ys), max(ys)

    easy_bottom, easy_top = first_bar_ys(paths[EASY])
    threshold_bottom, _ = first_bar_ys(paths[THRESHOLD])
    # Drawing coordinates grow upwards (the svg flips them once, at the top).
    assert threshold_bottom == pytest.approx(easy_top)
    assert easy_bottom < easy_top


def test_y_ticks_are_round_and_cover_the_stacked_total(weeks_svg: str) -> None:
    ticks = _y_ticks(_root(weeks_svg), "weeks")
    assert ticks[0] == 0
    assert ticks[-1] >= 30.0  # week 2: 30 + 0
    steps = {round(b - a, 9) for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1
    (step,) = steps
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 9) in {1, 2, 5}
    assert 3 <= len(ticks) <= 9


def test_y_ticks_cover_a_line_above_the_bars() -> None:
    chart = Chart(
        key="energy",
        label="energy",
        ylabel="kcal",
        bars=(Series(name="fat", colour="#65a30d", values=(600.0, 700.0)),),
        lines=(Series(name="expenditure", colour="#1f2937", values=(2450.0, 2300.0)),),
    )
    ticks = _y_ticks(_root(svg(chart)), "energy")
    assert ticks[-1] >= 2450.0
    assert ticks[0] == 0


def test_a_chart_not_based_at_zero_fits_its_lines() -> None:
    chart = Chart(
        key="e1rm",
        label="e1RM",
        ylabel="kg",
        lines=(
            Series(name="squat", colour="#c2410c", values=(76.0, None, 80.5)),
            Series(name="bench", colour="#0f766e", values=(45.0, 52.0, None)),
        ),
        zero_based=False,
    )
    ticks = _y_ticks(_root(svg(chart)), "e1rm")
    assert ticks[0] <= 45.0 < ticks[1]
    assert ticks[-2] < 80.5 <= ticks[-1]
    # A flat line sits inside an axis of a tenth of its value, not on a sliver of one.
    flat = replace(
        chart, key="vdot", lines=(Series(name="VDOT", colour="#7c3aed", values=(41.5,)),)
    )
    ticks = _y_ticks(_root(svg(flat)), "vdot")
    assert ticks[0] <= 41.5 * 0.95
    assert ticks[-1] >= 41.5 * 1.05
    assert ticks[-1] - ticks[0] <= 41.5 * 0.2


def test_bars_need_an_axis_from_zero() -> None:
    with pytest.raises(ValueError, match="must too"):
        Chart(
            key="bars",
            label="bars",
            ylabel="km",
            bars=(Series(name="easy", colour=EASY, values=(20.0,)),),
            zero_based=False,
        )


def test_a_missing_value_breaks_the_line() -> None:
    chart = Chart(
        key="energy",
        label="energy",
        ylabel="energy (kcal/day)",
        bars=(Series(name="fat", colour="#65a30d", values=(600.0, 0.0, 650.0, 640.0, 620.0)),),
        lines=(
            Series(
                name="expenditure",
                colour="#1f2937",
                values=(2300.0, None, 2600.0, 2500.0, 2450.0),
                width=1.1,
            ),
        ),
    )
    lines = _layer(_root(svg(chart)), "energy", "lines")
    pieces = _polylines(lines, "#1f2937")
    assert len(pieces) == 2
    # A lone value is still visible: a short level stroke.
    assert len(pieces[0]) == 2
    assert pieces[0][0][1] == pieces[0][1][1]
    assert len(pieces[1]) == 3


def test_negative_values_give_a_negative_tick_and_a_zero_line(load_svg: str) -> None:
    root = _root(load_svg)
    ticks = _y_ticks(root, "load")
    assert ticks[0] < 0
    assert ticks[0] <= -45.0
    assert 0.0 in ticks
    assert ticks[-1] >= 420.0

    def zero_lines(root: ET.Element, key: str) -> list[list[tuple[float, float]]]:
        axes = _layer(root, key, "axes")
        return [
            p
            for p in _polylines(axes, AXIS)
            if len(p) == 2 and p[0][1] == p[1][1] and p[1][0] - p[0][0] > 100
        ]

    (zero,) = zero_lines(root, "load")
    # It sits on the tick mark of 0, which is above the bottom axis.
    tick_marks = [p for p in _polylines(_layer(root, "load", "axes"), AXIS) if len(p) == 2]
    tick_ys = sorted({p[0][1] for p in tick_marks if p[0][1] == p[1][1] and p != zero})
    assert tick_ys.index(zero[0][1]) == ticks.index(0.0)
    # Without negative values there is nothing to mark.
    positive = replace(_load_chart(), lines=_load_chart().lines[:1])
    assert zero_lines(_root(svg(positive)), "load") == []


def test_lines_are_drawn_in_their_colour_and_width(load_svg: str) -> None:
    lines = _layer(_root(load_svg), "load", "lines")
    (ctl,) = [p for p in lines.iter(f"{{{NS['svg']}}}polyline") if _style(p)["stroke"] == CTL]
    assert _style(ctl)["stroke-width"] == "1.6"
    assert len(_points(ctl)) == 5


def test_marker_is_a_dashed_red_line_with_its_text(load_svg: str) -> None:
    marker = _layer(_root(load_svg), "load", "marker")
    assert _texts(marker) == ["race"]
    (line,) = _polylines(marker, RACE)
    assert line[0][0] == line[1][0]  # vertical
    (element,) = marker.iter(f"{{{NS['svg']}}}polyline")
    assert "stroke-dasharray" in _style(element)
    no_marker = replace(_load_chart(), marker=None)
    assert _root(svg(no_marker)).find(".//svg:g[@id='load-marker']", NS) is None


def test_marker_text_stays_inside_the_drawing_at_the_left_edge() -> None:
    chart = replace(_load_chart(), marker=(0, "race day"))
    (text,) = _layer(_root(svg(chart)), "load", "marker").iter(f"{{{NS['svg']}}}text")
    assert float(text.get("x", "-1")) >= 0


def test_adjacent_shaded_slots_make_one_band(weeks_svg: str) -> None:
    shade = _layer(_root(weeks_svg), "weeks", "shade")
    assert len(list(shade.iter(f"{{{NS['svg']}}}rect"))) == 1  # slots 2 and 3
    apart = replace(_weeks_chart(), shaded=(0, 2))
    shade = _layer(_root(svg(apart)), "weeks", "shade")
    assert len(list(shade.iter(f"{{{NS['svg']}}}rect"))) == 2


def test_axis_titles_and_x_tick_labels(weeks_svg: str) -> None:
    texts = _texts(_layer(_root(weeks_svg), "weeks", "axes"))
    assert {"km", "week", "w1", "w2", "w3", "w4"} <= set(texts)


def test_crowded_x_tick_labels_are_thinned() -> None:
    ticks = tuple((d, f"week {d + 1}") for d in range(60))
    chart = Chart(key="days", label="days", ylabel="km", ticks=ticks)
    axes = _layer(_root(svg(chart)), "days", "axes")
    shown = [t for t in _texts(axes) if t.startswith("week ")]
    assert shown[0] == "week 1"
    assert 5 < len(shown) < 60


def test_same_chart_same_svg(weeks_svg: str) -> None:
    assert svg(_weeks_chart()) == weeks_svg


def test_empty_chart_still_renders_axes_from_0_to_1() -> None:
    chart = Chart(key="empty", label="nothing yet", ylabel="km")
    root = _root(svg(chart))
    ticks = _y_ticks(root, "empty")
    assert ticks[0] == 0
    assert ticks[-1] == 1
    for absent in ("bars", "lines", "legend", "marker", "shade"):
        assert root.find(f".//svg:g[@id='empty-{absent}']", NS) is None
    zeros = replace(chart, bars=(Series(name="easy", colour=EASY, values=(0.0, None)),))
    assert _y_ticks(_root(svg(zeros)), "empty")[-1] == 1


def test_colours_and_values_are_checked() -> None:
    with pytest.raises(ValueError, match="rrggbb"):
        Series(name="easy", colour="blue", values=(1.0,))
    with pytest.raises(ValueError, match="finite"):
        Series(name="easy", colour=EASY, values=(math.nan,))
    with pytest.raises(ValueError, match="negative"):
        Chart(
            key="k",
            label="l",
            ylabel="y",
            bars=(Series(name="easy", colour=EASY, values=(-1.0,)),),
        )
    with pytest.raises(ValueError, match="key"):
        Chart(key="two words", label="l", ylabel="y")


def test_drawing_is_a_flowable_of_the_asked_size() -> None:
    picture = drawing(_weeks_chart(), width_pt=400, height_pt=150)
    assert isinstance(picture, Drawing)
    assert (picture.width, picture.height) == (400, 150)
    assert picture.wrap(500, 500) == (400, 150)
    with pytest.raises(ValueError, match="too small"):
        drawing(_weeks_chart(), width_pt=60, height_pt=40)


def test_drawing_renders_to_a_pdf_with_real_text() -> None:
    pdf: object = renderPDF.drawToString(drawing(_load_chart()))  # bytes; the stub says str
    assert isinstance(pdf, bytes)
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    for expected in ("daily load", "CTL (fitness)", "TSB (form)", "race", "load (AU/day)"):
        assert expected in text


def _bar_tops(bars: ET.Element, fill: str) -> list[float]:
    """The top y of each rectangle of the bar path filled with ``fill`` (y grows upwards)."""
    (path,) = [p for p in bars.iter(f"{{{NS['svg']}}}path") if _style(p).get("fill") == fill]
    return [
        max(float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", subpath)[1::2])
        for subpath in path.get("d", "").split("M")[1:]
    ]


LOAD_BAR = "#cbd5e1"


def _race_chart(race_load: float, *, cap: bool) -> Chart:
    return replace(
        _load_chart(),
        bars=(
            Series(name="daily load", colour=LOAD_BAR, values=(0.0, 420.0, 0.0, 380.0, race_load)),
        ),
        marker=(4, "race day: 1,500 AU"),
        cap_marker_bar=cap,
    )


def test_the_marker_line_starts_above_the_bar_it_marks() -> None:
    root = _root(svg(_race_chart(300.0, cap=False)))
    race_top = _bar_tops(_layer(root, "load", "bars"), LOAD_BAR)[-1]
    (line,) = _polylines(_layer(root, "load", "marker"), RACE)
    assert min(y for _, y in line) == pytest.approx(race_top, abs=0.01)
    assert max(y for _, y in line) > race_top


def test_a_capped_race_bar_leaves_the_axis_to_the_training_days() -> None:
    uncapped = _root(svg(_race_chart(1500.0, cap=False)))
    assert _y_ticks(uncapped, "load")[-1] >= 1500
    root = _root(svg(_race_chart(1500.0, cap=True)))
    ticks = _y_ticks(root, "load")
    assert 420 <= ticks[-1] < 1500
    bars = _layer(root, "load", "bars")
    heights = _bar_heights(bars, LOAD_BAR)
    # The race bar is cut at the top tick; the others keep their proportions.
    assert heights[-1] / heights[0] == pytest.approx(ticks[-1] / 420, rel=1e-3)
    assert heights[1] / heights[0] == pytest.approx(380 / 420, rel=1e-3)
    # Two white slashes mark the cut; the marker keeps its text (with the value) but no
    # line is left to draw over the bar.
    assert len(_polylines(bars, "#ffffff")) == 2
    marker = _layer(root, "load", "marker")
    assert _texts(marker) == ["race day: 1,500 AU"]
    assert _polylines(marker, RACE) == []


def test_a_capped_race_bar_that_fits_is_drawn_whole() -> None:
    root = _root(svg(_race_chart(300.0, cap=True)))
    bars = _layer(root, "load", "bars")
    heights = _bar_heights(bars, LOAD_BAR)
    assert heights[-1] / heights[0] == pytest.approx(300 / 420, rel=1e-3)
    assert _polylines(bars, "#ffffff") == []
