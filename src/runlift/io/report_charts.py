"""The report's charts, drawn once as plain shapes and written as SVG or onto a PDF page.

A :class:`Chart` is a list of filled rectangles, polylines and text labels in a
box of :data:`WIDTH_PT` x :data:`HEIGHT_PT` points (y down), laid out here with
the metrics of the standard Helvetica font. :func:`svg` writes it as an inline
``<svg>`` element for the HTML page; ``runlift.io.report_pdf`` paints the same
shapes onto the PDF. No plotting library is involved: a chart of 126 days is a
few hundred shapes, drawn in about a millisecond, and the output is byte-stable
(coordinates rounded, no ids but the chart's own, no dates).
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from runlift.io import pdf_canvas

WIDTH_PT: Final = 527.0
HEIGHT_PT: Final = 186.0
"""Chart size in points: the width of an A4 page inside its margins, about 2.8:1."""

INK: Final = "#1f2937"
MUTED: Final = "#6b7280"
AXIS: Final = "#9ca3af"
GRID: Final = "#e5e7eb"
SHADE: Final = "#eef0f3"
SHADE_EDGE: Final = "#d1d5db"
RACE: Final = "#dc2626"
FONT_FAMILY: Final = "Liberation Sans, Arial, Helvetica, sans-serif"

_TICK_PT: Final = 7.0
_LEGEND_PT: Final = 7.5
_AXIS_TITLE_PT: Final = 7.5
_PLOT_LEFT: Final = 46.0
_PLOT_RIGHT: Final = WIDTH_PT - 6
_PLOT_BOTTOM: Final = HEIGHT_PT - 26
_NICE_STEPS: Final = (1.0, 2.0, 2.5, 5.0, 10.0)

Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Boxes:
    """Filled rectangles of one colour, each ``(x, top, width, height)``; optional outline."""

    fill: str
    boxes: tuple[tuple[float, float, float, float], ...]
    stroke: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Polyline:
    """Connected straight lines; ``None`` between points leaves a gap."""

    stroke: str
    width: float
    points: tuple[tuple[float, float] | None, ...]
    dash: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Label:
    """Text on a baseline at ``y``; ``vertical`` text reads upwards, centred on ``(x, y)``."""

    x: float
    y: float
    text: str
    size: float
    colour: str = INK
    anchor: Anchor = "start"
    bold: bool = False
    vertical: bool = False


Shape = Boxes | Polyline | Label


@dataclass(frozen=True, slots=True, kw_only=True)
class Chart:
    """A chart ready to be written: its shapes in paint order, and its accessible name."""

    label: str
    shapes: tuple[Shape, ...]
    width: float = WIDTH_PT
    height: float = HEIGHT_PT


@dataclass(frozen=True, slots=True, kw_only=True)
class _Key:
    """A legend entry: a swatch (box or line) and its text."""

    text: str
    colour: str
    line: bool = False
    edge: str | None = None


@dataclass(slots=True, kw_only=True)
class _Plot:
    """Scales from data to the chart box, and the shapes drawn so far."""

    count: int
    low: float
    high: float
    top: float
    shapes: list[Shape] = field(default_factory=list)

    def x(self, index: float) -> float:
        """Centre of slot ``index`` (slots are -0.5..count-0.5)."""
        return _PLOT_LEFT + (index + 0.5) * (_PLOT_RIGHT - _PLOT_LEFT) / self.count

    def slot(self) -> float:
        return (_PLOT_RIGHT - _PLOT_LEFT) / self.count

    def y(self, value: float) -> float:
        return _PLOT_BOTTOM - (value - self.low) / (self.high - self.low) * (
            _PLOT_BOTTOM - self.top
        )


def _nice_ticks(low: float, high: float) -> list[float]:
    """About five round tick values covering ``low..high`` (steps of 1, 2, 2.5 or 5 x 10^n)."""
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(s * magnitude for s in _NICE_STEPS if s * magnitude >= raw)
    first = math.ceil(low / step - 1e-9)
    last = math.floor(high / step + 1e-9)
    return [i * step for i in range(first, last + 1)]


def _tick_text(value: float) -> str:
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}".replace(",", " ") if abs(value) >= 10_000 else str(round(value))
    return f"{value:.1f}"


def _legend(keys: Sequence[_Key]) -> tuple[list[Shape], float]:
    """Legend entries in rows above the plot; returns the shapes and the plot's top."""
    shapes: list[Shape] = []
    x, baseline = _PLOT_LEFT, 9.0
    for key in keys:
        text_w = pdf_canvas.text_width(key.text, pdf_canvas.REGULAR, _LEGEND_PT)
        if x > _PLOT_LEFT and x + 14 + text_w > _PLOT_RIGHT:
            x, baseline = _PLOT_LEFT, baseline + 11
        if key.line:
            middle = baseline - 2.6
            shapes.append(
                Polyline(stroke=key.colour, width=1.6, points=((x, middle), (x + 12, middle)))
            )
        else:
            shapes.append(
                Boxes(fill=key.colour, boxes=((x + 2, baseline - 7, 8, 8),), stroke=key.edge)
            )
        shapes.append(Label(x=x + 15, y=baseline, text=key.text, size=_LEGEND_PT))
        x += 15 + text_w + 12
    return shapes, baseline + 9


def _frame(plot: _Plot, *, ylabel: str, ticks: Sequence[float]) -> None:
    """Grid lines and labels of the y axis, the axis lines and the axis titles."""
    for value in ticks:
        y = plot.y(value)
        plot.shapes.append(
            Polyline(stroke=GRID, width=0.6, points=((_PLOT_LEFT, y), (_PLOT_RIGHT, y)))
        )
        plot.shapes.append(
            Label(x=_PLOT_LEFT - 4, y=y + 2.4, text=_tick_text(value), size=_TICK_PT, anchor="end")
        )
    middle = (plot.top + _PLOT_BOTTOM) / 2
    plot.shapes.append(
        Label(x=10, y=middle, text=ylabel, size=_AXIS_TITLE_PT, anchor="middle", vertical=True)
    )
    plot.shapes.append(
        Label(
            x=(_PLOT_LEFT + _PLOT_RIGHT) / 2,
            y=HEIGHT_PT - 3,
            text="week",
            size=_AXIS_TITLE_PT,
            anchor="middle",
        )
    )


def _axes(plot: _Plot, *, tick_slots: Sequence[int], tick_texts: Sequence[str]) -> None:
    """The left and bottom axis lines, drawn over the data, with the x ticks."""
    plot.shapes.append(
        Polyline(
            stroke=AXIS,
            width=0.7,
            points=(
                (_PLOT_LEFT, plot.top),
                (_PLOT_LEFT, _PLOT_BOTTOM),
                (_PLOT_RIGHT, _PLOT_BOTTOM),
            ),
        )
    )
    if plot.low < 0:
        zero = plot.y(0.0)
        plot.shapes.append(
            Polyline(stroke=AXIS, width=0.7, points=((_PLOT_LEFT, zero), (_PLOT_RIGHT, zero)))
        )
    marks: list[tuple[float, float] | None] = []
    for slot, text in zip(tick_slots, tick_texts, strict=True):
        x = plot.x(slot)
        marks.extend(((x, _PLOT_BOTTOM), (x, _PLOT_BOTTOM + 2.5), None))
        plot.shapes.append(
            Label(x=x, y=_PLOT_BOTTOM + 10, text=text, size=_TICK_PT, anchor="middle")
        )
    plot.shapes.append(Polyline(stroke=AXIS, width=0.6, points=tuple(marks)))


def _stack(
    plot: _Plot, layers: Sequence[tuple[str, Sequence[float]]], *, width: float
) -> list[float]:
    """Stacked bars, one colour per layer, ``width`` a fraction of the slot; returns the tops."""
    bottom = [0.0] * plot.count
    bar = plot.slot() * width
    for colour, values in layers:
        boxes = []
        for index, value in enumerate(values):
            if value > 0:
                top = plot.y(bottom[index] + value)
                boxes.append(
                    (plot.x(index) - bar / 2, top, bar, plot.y(bottom[index]) - top),
                )
                bottom[index] += value
        plot.shapes.append(Boxes(fill=colour, boxes=tuple(boxes)))
    return bottom


def _race_line(plot: _Plot, race_day: int | None) -> None:
    if race_day is None:
        return
    x = plot.x(race_day)
    plot.shapes.append(
        Polyline(stroke=RACE, width=1.1, points=((x, plot.top), (x, _PLOT_BOTTOM)), dash=(3, 2))
    )
    plot.shapes.append(
        Label(x=x - 3, y=plot.top + 8, text="race", size=7.5, colour=RACE, anchor="end")
    )


def _week_ticks(week_starts: Sequence[int]) -> tuple[list[int], list[str]]:
    step = 1 if len(week_starts) <= 20 else 2
    slots = list(week_starts[::step])
    return slots, [str(week_starts.index(s) + 1) for s in slots]


def stacked_weeks_chart(
    *,
    series: Mapping[str, Sequence[float]],
    colours: Mapping[str, str],
    ylabel: str,
    shaded_weeks: Sequence[int],
    shade_label: str,
    label: str,
) -> Chart:
    """Stacked weekly bars, one layer per series (in mapping order).

    Args:
        series: layer name -> one value per week (all the same length).
        colours: layer name -> fill colour.
        ylabel: y-axis title with its unit.
        shaded_weeks: week indices (from 0) drawn on a grey band.
        shade_label: legend text of the grey band.
        label: accessible name of the chart.
    """
    keys = [_Key(text=name, colour=colours[name]) for name in series]
    if shaded_weeks:
        keys.append(_Key(text=shade_label, colour=SHADE, edge=SHADE_EDGE))
    legend, top = _legend(keys)
    count = max(len(next(iter(series.values()), ())), 1)
    totals = [sum(values[i] for values in series.values()) for i in range(count)] if series else []
    high = max([*totals, 1.0]) * 1.05
    plot = _Plot(count=count, low=0.0, high=high, top=top)
    plot.shapes.append(
        Boxes(
            fill=SHADE,
            stroke=SHADE_EDGE,
            boxes=tuple(
                (plot.x(i) - plot.slot() / 2, top, plot.slot(), _PLOT_BOTTOM - top)
                for i in shaded_weeks
            ),
        )
    )
    _frame(plot, ylabel=ylabel, ticks=_nice_ticks(0.0, high))
    _stack(plot, [(colours[name], values) for name, values in series.items()], width=0.72)
    step = 1 if count <= 20 else 2
    slots = list(range(0, count, step))
    _axes(plot, tick_slots=slots, tick_texts=[str(s + 1) for s in slots])
    return Chart(label=label, shapes=(*legend, *plot.shapes))


def load_chart(
    *,
    load_au: Sequence[float],
    ctl_au: Sequence[float],
    atl_au: Sequence[float],
    tsb_au: Sequence[float],
    week_starts: Sequence[int],
    race_day: int | None,
    label: str,
) -> Chart:
    """Daily planned load (bars) with CTL, ATL and TSB (lines) over the plan.

    Args:
        load_au: planned load of each day (session RPE x minutes), AU.
        ctl_au: chronic training load ("fitness") of each day.
        atl_au: acute training load ("fatigue") of each day.
        tsb_au: training stress balance ("form") of each day.
        week_starts: day indices on which the plan's weeks start.
        race_day: day index of the race, if any.
        label: accessible name of the chart.
    """
    lines = (
        ("CTL (fitness)", "#1d4ed8", 1.6, ctl_au),
        ("ATL (fatigue)", "#ea580c", 1.2, atl_au),
        ("TSB (form)", "#15803d", 1.2, tsb_au),
    )
    keys = [_Key(text="daily load", colour="#cbd5e1")]
    keys.extend(_Key(text=name, colour=colour, line=True) for name, colour, _, _ in lines)
    legend, top = _legend(keys)
    low = min([*tsb_au, 0.0])
    low = low * 1.15 if low < 0 else 0.0
    high = max([*load_au, *ctl_au, *atl_au, 1.0]) * 1.05
    plot = _Plot(count=max(len(load_au), 1), low=low, high=high, top=top)
    _frame(plot, ylabel="load (AU/day)", ticks=_nice_ticks(low, high))
    _stack(plot, [("#cbd5e1", load_au)], width=0.8)
    for _, colour, width, values in lines:
        plot.shapes.append(
            Polyline(
                stroke=colour,
                width=width,
                points=tuple((plot.x(i), plot.y(v)) for i, v in enumerate(values)),
            )
        )
    _race_line(plot, race_day)
    slots, texts = _week_ticks(week_starts)
    _axes(plot, tick_slots=slots, tick_texts=texts)
    return Chart(label=label, shapes=(*legend, *plot.shapes))


def nutrition_chart(
    *,
    protein_kcal: Sequence[float],
    carbohydrate_kcal: Sequence[float],
    fat_kcal: Sequence[float],
    expenditure_kcal: Sequence[float | None],
    week_starts: Sequence[int],
    race_day: int | None,
    label: str,
) -> Chart:
    """Daily energy target split into macronutrients (stacked bars) and expenditure (line).

    Args:
        protein_kcal: energy from protein, per day (0 on days without targets).
        carbohydrate_kcal: energy from carbohydrate, per day.
        fat_kcal: energy from fat, per day.
        expenditure_kcal: estimated expenditure per day; ``None`` on days without targets.
        week_starts: day indices on which the plan's weeks start.
        race_day: day index of the race, if any.
        label: accessible name of the chart.
    """
    layers = (
        ("protein", "#b91c1c", protein_kcal),
        ("carbohydrate", "#f59e0b", carbohydrate_kcal),
        ("fat", "#65a30d", fat_kcal),
    )
    keys = [_Key(text=name, colour=colour) for name, colour, _ in layers]
    keys.append(_Key(text="expenditure", colour=INK, line=True))
    legend, top = _legend(keys)
    count = max(len(protein_kcal), 1)
    totals = [sum(values[i] for _, _, values in layers) for i in range(len(protein_kcal))]
    known = [value for value in expenditure_kcal if value is not None]
    high = max([*totals, *known, 1.0]) * 1.05
    plot = _Plot(count=count, low=0.0, high=high, top=top)
    _frame(plot, ylabel="energy (kcal/day)", ticks=_nice_ticks(0.0, high))
    _stack(plot, [(colour, values) for _, colour, values in layers], width=0.8)
    plot.shapes.append(
        Polyline(
            stroke=INK,
            width=1.1,
            points=tuple(
                None if value is None else (plot.x(i), plot.y(value))
                for i, value in enumerate(expenditure_kcal)
            ),
        )
    )
    _race_line(plot, race_day)
    slots, texts = _week_ticks(week_starts)
    _axes(plot, tick_slots=slots, tick_texts=texts)
    return Chart(label=label, shapes=(*legend, *plot.shapes))


# SVG.


def _box_path(boxes: Sequence[tuple[float, float, float, float]]) -> str:
    return "".join(f"M{x:.1f} {y:.1f}h{w:.1f}v{h:.1f}h{-w:.1f}z" for x, y, w, h in boxes)


def _line_path(points: Sequence[tuple[float, float] | None]) -> str:
    parts: list[str] = []
    pen_down = False
    for point in points:
        if point is None:
            pen_down = False
            continue
        parts.append(f"{'L' if pen_down else 'M'}{point[0]:.1f} {point[1]:.1f}")
        pen_down = True
    return "".join(parts)


def _svg_shape(shape: Shape) -> str:
    if isinstance(shape, Boxes):
        if not shape.boxes:
            return ""
        stroke = f' stroke="{shape.stroke}" stroke-width="0.5"' if shape.stroke else ""
        return f'<path fill="{shape.fill}"{stroke} d="{_box_path(shape.boxes)}"/>'
    if isinstance(shape, Polyline):
        dash = f' stroke-dasharray="{" ".join(f"{d:g}" for d in shape.dash)}"' if shape.dash else ""
        return (
            f'<path fill="none" stroke="{shape.stroke}" stroke-width="{shape.width:g}"{dash} '
            f'd="{_line_path(shape.points)}"/>'
        )
    weight = ' font-weight="bold"' if shape.bold else ""
    anchor = "" if shape.anchor == "start" else f' text-anchor="{shape.anchor}"'
    turn = f' transform="rotate(-90 {shape.x:.1f} {shape.y:.1f})"' if shape.vertical else ""
    return (
        f'<text x="{shape.x:.1f}" y="{shape.y:.1f}" font-size="{shape.size:g}" '
        f'fill="{shape.colour}"{anchor}{weight}{turn}>{html.escape(shape.text)}</text>'
    )


def svg(chart: Chart, *, key: str) -> str:
    """The chart as an ``<svg>`` element for inline HTML, sized by CSS (class ``chart``).

    Args:
        chart: the chart to write.
        key: the chart's element id is ``{key}-svg``; unique in the page.
    """
    body = "".join(_svg_shape(shape) for shape in chart.shapes)
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" id="{key}-svg" role="img" '
        f'aria-label="{html.escape(chart.label)}" viewBox="0 0 {chart.width:g} {chart.height:g}" '
        f'font-family="{FONT_FAMILY}" stroke-linejoin="round">{body}</svg>'
    )
