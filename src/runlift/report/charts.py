"""The report's charts, drawn with ReportLab graphics for the PDF and as inline SVG for HTML.

A :class:`Chart` describes one plot over numbered x slots (weeks or days):
stacked bars, lines over them, grey bands, a marked slot such as race day and
x-axis tick labels. :func:`drawing` lays it out as a
:class:`reportlab.graphics.shapes.Drawing`, which is a platypus flowable: in
the PDF the chart stays vector graphics and real text (the standard Helvetica
font, not embedded), so it is sharp at any zoom, small, and searchable.
:func:`svg` renders the same drawing with :mod:`reportlab.graphics.renderSVG`
as an ``<svg>`` element to inline in the HTML page.

The layout is computed here from the data alone (round 1-2-5 y ticks, a
legend row above the plot, only the left and bottom axes), so the same chart
always gives the same drawing and the same SVG string: no dates, no counters,
coordinates rounded to hundredths of a point. Every id in the SVG starts with
the chart's key, so several charts can share one page.
"""

from __future__ import annotations

import html
import io
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing, Group, Path, PolyLine, Rect, Shape, String
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from runlift.report.model import Chart, Series

__all__ = ["Chart", "Series", "drawing", "svg"]

WIDTH_PT: Final = 518.0
"""Default drawing width, points: an A4 page inside 2 cm margins."""
HEIGHT_PT: Final = 187.0
"""Default drawing height, points."""

FONT: Final = "Helvetica"
"""One of the PDF standard fonts: nothing to embed, metrics built into ReportLab."""
SVG_FONT_FAMILY: Final = "Helvetica, Arial, Liberation Sans, sans-serif"
"""CSS font stack for the SVG text: Helvetica or a font with the same metrics."""

TICK_SIZE: Final = 7.0
TITLE_SIZE: Final = 8.0
LEGEND_SIZE: Final = 7.5
MARKER_SIZE: Final = 7.0

INK: Final = "#1f2937"
AXIS: Final = "#9ca3af"
GRID: Final = "#e5e7eb"
SHADE: Final = "#eef0f3"
SHADE_EDGE: Final = "#d1d5db"
RACE: Final = "#dc2626"

FITTED_MIN_SPAN: Final = 0.1
"""Least span of a y axis fitted to its lines, as a fraction of the largest value."""

BAR_FRACTION: Final = 0.75
"""Width of a bar as a fraction of its x slot."""
AXIS_WIDTH: Final = 0.7
GRID_WIDTH: Final = 0.6
MARKER_WIDTH: Final = 1.1
MARKER_DASH: Final = (3.0, 2.0)
TICK_LENGTH: Final = 3.0

LEGEND_ROW: Final = 11.0
"""Height of one legend row, points."""
SWATCH: Final = 7.5
"""Side of a legend's square swatch, and a third of a line swatch's length, points."""
LEGEND_GAP: Final = 10.0
"""Space between two legend entries, points."""
PAD: Final = 3.0
"""Free space along the drawing's edges, points."""
RIGHT_ROOM: Final = 4.0
"""Space right of the plot for half a tick label under the last slot, points."""

_CAP: Final = 0.718
"""Helvetica's cap height, as a fraction of the font size."""

_Layer: TypeAlias = Literal["shade", "grid", "bars", "axes", "lines", "marker", "legend"]
"""The drawing's layers, back to front; in the SVG each is a ``<g id="{key}-{layer}">``."""


# Scale and layout.


@dataclass(frozen=True, slots=True)
class _YAxis:
    """Round y ticks and the labels written at them."""

    ticks: tuple[float, ...]
    labels: tuple[str, ...]

    @property
    def low(self) -> float:
        return self.ticks[0]

    @property
    def high(self) -> float:
        return self.ticks[-1]


@dataclass(frozen=True, slots=True)
class _Frame:
    """Where the plot area sits in the drawing, and how data maps into it."""

    left: float
    right: float
    bottom: float
    top: float
    slots: int
    axis: _YAxis

    @property
    def slot_width(self) -> float:
        return (self.right - self.left) / self.slots

    def x(self, slot: float) -> float:
        """The x of the centre of ``slot`` (fractional slots between centres)."""
        return self.left + (slot + 0.5) * self.slot_width

    def y(self, value: float) -> float:
        """The y of ``value`` on the y axis."""
        span = self.axis.high - self.axis.low
        return self.bottom + (value - self.axis.low) / span * (self.top - self.bottom)


def _slot_count(chart: Chart) -> int:
    """Number of x slots: enough for every value, tick, band and the marker; at least one."""
    lengths = [len(s.values) for s in (*chart.bars, *chart.lines)]
    lengths += [slot + 1 for slot, _ in chart.ticks]
    lengths += [slot + 1 for slot in chart.shaded]
    if chart.marker is not None:
        lengths.append(chart.marker[0] + 1)
    return max([1, *lengths])


def _stacked_totals(chart: Chart, slots: int) -> list[float]:
    totals = [0.0] * slots
    for series in chart.bars:
        for i, value in enumerate(series.values):
            totals[i] += value or 0.0
    return totals


def _y_axis(chart: Chart, slots: int) -> _YAxis:
    """Round 1-2-5 ticks from below the lowest line value (or 0) to above the highest total.

    With ``cap_marker_bar`` the marker's slot's bar does not count. A chart without data
    gets the range 0..1. A chart that is not ``zero_based`` spans its lines' values only,
    at least ``FITTED_MIN_SPAN`` of the largest, so a flat line sits mid-plot.
    """
    line_values = [v for s in chart.lines for v in s.values if v is not None]
    totals = _stacked_totals(chart, slots)
    if chart.cap_marker_bar and chart.marker is not None:
        totals[chart.marker[0]] = 0.0
    high = max([0.0, *totals, *line_values])
    low = min([0.0, *line_values])
    if not chart.zero_based and line_values:
        low, high = min(line_values), max(line_values)
        if high - low < FITTED_MIN_SPAN * abs(high):
            middle, half = (high + low) / 2, FITTED_MIN_SPAN * abs(high) / 2 or 0.5
            low, high = middle - half, middle + half
    if high == low:
        high = 1.0
    rough = (high - low) / 6
    magnitude = 10.0 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough * (1 - 1e-9))
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    ticks = tuple(round(n * step, 10) for n in range(first, last + 1))
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    labels = tuple(f"{t + 0.0:.{decimals}f}" for t in ticks)  # + 0.0: no "-0"
    return _YAxis(ticks=ticks, labels=labels)


@dataclass(frozen=True, slots=True)
class _LegendEntry:
    kind: Literal["bar", "line", "band"]
    text: str
    colour: str
    width: float = 0.0

    @property
    def extent(self) -> float:
        """Width of the swatch, the gap and the text, points."""
        swatch = 3 * SWATCH if self.kind == "line" else SWATCH
        return swatch + 3 + stringWidth(self.text, FONT, LEGEND_SIZE)


def _legend_entries(chart: Chart) -> list[_LegendEntry]:
    entries = [_LegendEntry("bar", s.name, s.colour) for s in chart.bars]
    entries += [_LegendEntry("line", s.name, s.colour, s.width) for s in chart.lines]
    if chart.shaded and chart.shade_label:
        entries.append(_LegendEntry("band", chart.shade_label, SHADE))
    return entries


def _legend_rows(entries: Sequence[_LegendEntry], width: float) -> list[list[_LegendEntry]]:
    """Entries in rows of at most ``width`` points: one row when they fit."""
    rows: list[list[_LegendEntry]] = []
    used = 0.0
    for entry in entries:
        if rows and used + LEGEND_GAP + entry.extent <= width:
            rows[-1].append(entry)
            used += LEGEND_GAP + entry.extent
        else:
            rows.append([entry])
            used = entry.extent
    return rows


# Shapes.


def _colour(hex_colour: str) -> Color:
    return HexColor(hex_colour)


def _r(value: float) -> float:
    """Round a coordinate to a hundredth of a point: stable, short output."""
    return round(value, 2)


def _text(
    x: float,
    y: float,
    text: str,
    *,
    size: float,
    anchor: Literal["start", "middle", "end"] = "start",
    colour: str = INK,
) -> String:
    # y on a half point: renderSVG flips text with translate(0, int(2 * y)).
    return String(
        _r(x),
        round(y * 2) / 2,
        text,
        fontName=FONT,
        fontSize=size,
        fillColor=_colour(colour),
        textAnchor=anchor,
    )


def _rule(points: Sequence[float], *, colour: str, width: float, dashed: bool = False) -> PolyLine:
    """An open line through ``points`` (x0, y0, x1, y1, ...)."""
    line = PolyLine(
        [_r(p) for p in points],
        strokeColor=_colour(colour),
        strokeWidth=width,
        strokeLineCap=0 if dashed else 1,
        strokeLineJoin=1,
    )
    if dashed:
        line.strokeDashArray = MARKER_DASH
    return line


def _box(x: float, y: float, w: float, h: float, *, fill: str, edge: str | None = None) -> Rect:
    rect = Rect(_r(x), _r(y), _r(w), _r(h))
    # Set after construction: the stub types Rect's keywords wrongly (no Unpack).
    rect.fillColor = _colour(fill)
    rect.strokeColor = None if edge is None else _colour(edge)
    rect.strokeWidth = 0.5
    return rect


def _runs(values: Sequence[float | None]) -> Iterator[list[tuple[int, float]]]:
    """Consecutive stretches of ``values`` without ``None``, as (slot, value) pairs."""
    run: list[tuple[int, float]] = []
    for slot, value in enumerate(values):
        if value is None:
            if run:
                yield run
            run = []
        else:
            run.append((slot, value))
    if run:
        yield run


def _spans(slots: Sequence[int]) -> Iterator[tuple[int, int]]:
    """Contiguous ranges of ``slots`` as (first, last), so adjacent bands merge."""
    ordered = sorted(set(slots))
    start = prev = ordered[0] if ordered else 0
    for slot in ordered[1:]:
        if slot != prev + 1:
            yield start, prev
            start = slot
        prev = slot
    if ordered:
        yield start, prev


def _shade(chart: Chart, frame: _Frame) -> list[Shape]:
    sw = frame.slot_width
    return [
        _box(
            frame.left + first * sw,
            frame.bottom,
            (last - first + 1) * sw,
            frame.top - frame.bottom,
            fill=SHADE,
            edge=SHADE_EDGE,
        )
        for first, last in _spans(chart.shaded)
    ]


def _grid(frame: _Frame) -> list[Shape]:
    return [
        _rule([frame.left, frame.y(t), frame.right, frame.y(t)], colour=GRID, width=GRID_WIDTH)
        for t in frame.axis.ticks
        if t != frame.axis.low
    ]


def _bars(chart: Chart, frame: _Frame) -> list[Shape]:
    """Stacked bars from y = 0, first series at the bottom: one filled path per series.

    Each non-zero value is one closed rectangular subpath. One path per series
    rather than one shape per bar keeps a 200-day chart small and quick to render.
    """
    width = frame.slot_width * BAR_FRACTION
    base = [0.0] * frame.slots
    shapes: list[Shape] = []
    for series in chart.bars:
        path = Path(fillColor=_colour(series.colour), strokeColor=None)
        for slot, value in enumerate(series.values):
            if not value:
                continue
            x0, x1 = _r(frame.x(slot) - width / 2), _r(frame.x(slot) + width / 2)
            # A capped bar (cap_marker_bar) is cut at the top of the plot.
            high = frame.axis.high
            y0 = _r(frame.y(min(base[slot], high)))
            y1 = _r(frame.y(min(base[slot] + value, high)))
            if y1 <= y0:
                base[slot] += value
                continue
            path.moveTo(x0, y0)
            for x, y in ((x1, y0), (x1, y1), (x0, y1)):
                path.lineTo(x, y)
            path.closePath()
            base[slot] += value
        if path.points:
            shapes.append(path)
    return shapes + _break_mark(chart, frame, base)


def _break_mark(chart: Chart, frame: _Frame, totals: Sequence[float]) -> list[Shape]:
    """Two white slashes across a bar cut at the top of the plot: its top is not drawn."""
    if chart.marker is None or totals[chart.marker[0]] <= frame.axis.high:
        return []
    x = frame.x(chart.marker[0])
    half = frame.slot_width * BAR_FRACTION / 2 + 1
    rise = min(3.0, half)
    return [
        _rule([x - half, y - rise, x + half, y + rise], colour="#ffffff", width=1.4)
        for y in (frame.top - 6, frame.top - 9.5)
    ]


def _lines(chart: Chart, frame: _Frame) -> list[Shape]:
    """One polyline per stretch without gaps; a lone value is a short level stroke."""
    shapes: list[Shape] = []
    half = frame.slot_width * BAR_FRACTION / 2
    for series in chart.lines:
        for run in _runs(series.values):
            if len(run) == 1:
                x, y = frame.x(run[0][0]), frame.y(run[0][1])
                points = [x - half, y, x + half, y]
            else:
                points = [c for slot, value in run for c in (frame.x(slot), frame.y(value))]
            shapes.append(_rule(points, colour=series.colour, width=series.width))
    return shapes


def _axes(chart: Chart, frame: _Frame) -> list[Shape]:
    """Left and bottom axes with their ticks, tick labels and titles; the zero line."""
    left, bottom = frame.left, frame.bottom
    shapes: list[Shape] = [
        _rule([left, frame.top, left, bottom, frame.right, bottom], colour=AXIS, width=AXIS_WIDTH)
    ]
    if chart.zero_line and frame.axis.low < 0:
        zero = frame.y(0.0)
        shapes.append(_rule([left, zero, frame.right, zero], colour=AXIS, width=AXIS_WIDTH))
    for tick, label in zip(frame.axis.ticks, frame.axis.labels, strict=True):
        y = frame.y(tick)
        shapes.append(_rule([left - TICK_LENGTH, y, left, y], colour=AXIS, width=AXIS_WIDTH))
        shapes.append(
            _text(
                left - TICK_LENGTH - 2,
                y - TICK_SIZE * _CAP / 2,
                label,
                size=TICK_SIZE,
                anchor="end",
            )
        )
    label_y = bottom - TICK_LENGTH - 2 - TICK_SIZE * _CAP
    free_from = -math.inf  # x where the next tick label may start without overlapping
    for slot, label in sorted(chart.ticks):
        x = frame.x(slot)
        shapes.append(_rule([x, bottom, x, bottom - TICK_LENGTH], colour=AXIS, width=AXIS_WIDTH))
        half = stringWidth(label, FONT, TICK_SIZE) / 2
        if x - half >= free_from:
            shapes.append(_text(x, label_y, label, size=TICK_SIZE, anchor="middle"))
            free_from = x + half + 3
    if chart.xlabel:
        shapes.append(
            _text(
                (left + frame.right) / 2,
                label_y - 3 - TITLE_SIZE,
                chart.xlabel,
                size=TITLE_SIZE,
                anchor="middle",
            )
        )
    if chart.ylabel:
        title = _text(0, 0, chart.ylabel, size=TITLE_SIZE, anchor="middle")
        baseline = _r(PAD + TITLE_SIZE * _CAP)
        shapes.append(Group(title, transform=(0, 1, -1, 0, baseline, _r((bottom + frame.top) / 2))))
    return shapes


def _marker(chart: Chart, frame: _Frame) -> list[Shape]:
    """A dashed red vertical line at the marked slot above its bar, its text above the plot.

    The line starts at the top of the slot's stacked bar, so it never hides the bar; a
    bar that reaches the top of the plot leaves no line, only the text.
    """
    if chart.marker is None:
        return []
    slot, text = chart.marker
    x = frame.x(slot)
    total = _stacked_totals(chart, frame.slots)[slot]
    bottom = frame.y(min(total, frame.axis.high)) if total > 0 else frame.bottom
    shapes: list[Shape] = []
    if frame.top - bottom > 1:
        shapes.append(
            _rule([x, bottom, x, frame.top], colour=RACE, width=MARKER_WIDTH, dashed=True)
        )
    if text:
        # Centred above the plot, kept inside the drawing at its edges.
        half = stringWidth(text, FONT, MARKER_SIZE) / 2
        centre = min(max(x, frame.left + half), frame.right + RIGHT_ROOM - half)
        baseline = frame.top + 3
        shapes.append(_text(centre, baseline, text, size=MARKER_SIZE, anchor="middle", colour=RACE))
    return shapes


def _legend(rows: Sequence[Sequence[_LegendEntry]], *, left: float, top: float) -> list[Shape]:
    """Swatches and names, row by row, from ``left`` down from ``top``."""
    shapes: list[Shape] = []
    for n, row in enumerate(rows):
        middle = top - (n + 0.5) * LEGEND_ROW
        x = left
        for entry in row:
            if entry.kind == "line":
                swatch = 3 * SWATCH
                points = [x, middle, x + swatch, middle]
                shapes.append(_rule(points, colour=entry.colour, width=entry.width))
            else:
                swatch = SWATCH
                edge = SHADE_EDGE if entry.kind == "band" else None
                box = _box(x, middle - swatch / 2, swatch, swatch, fill=entry.colour, edge=edge)
                shapes.append(box)
            baseline = middle - LEGEND_SIZE * _CAP / 2
            shapes.append(_text(x + swatch + 3, baseline, entry.text, size=LEGEND_SIZE))
            x += entry.extent + LEGEND_GAP
    return shapes


def _layers(chart: Chart, width: float, height: float) -> list[tuple[_Layer, list[Shape]]]:
    """Lay the chart out in a ``width`` x ``height`` point box, as named layers back to front."""
    slots = _slot_count(chart)
    axis = _y_axis(chart, slots)
    tick_width = max(stringWidth(label, FONT, TICK_SIZE) for label in axis.labels)
    left = PAD + (TITLE_SIZE + 4 if chart.ylabel else 0) + tick_width + 2 + TICK_LENGTH
    right = width - PAD - RIGHT_ROOM
    rows = _legend_rows(_legend_entries(chart), right - left)
    marker_room = 5 if chart.marker is not None and chart.marker[1] else 0
    top = height - PAD - len(rows) * LEGEND_ROW - (6 if rows else 2) - marker_room
    bottom = PAD + (TITLE_SIZE + 3 if chart.xlabel else 0) + TICK_SIZE + TICK_LENGTH + 2
    if top - bottom < 20 or right - left < 20:
        msg = f"chart {chart.key!r}: {width} x {height} pt is too small for its labels"
        raise ValueError(msg)
    frame = _Frame(left=left, right=right, bottom=bottom, top=top, slots=slots, axis=axis)
    return [
        ("shade", _shade(chart, frame)),
        ("grid", _grid(frame)),
        ("bars", _bars(chart, frame)),
        ("axes", _axes(chart, frame)),
        ("lines", _lines(chart, frame)),
        ("marker", _marker(chart, frame)),
        ("legend", _legend(rows, left=left, top=height - PAD)),
    ]


# Public API.


def drawing(chart: Chart, *, width_pt: float = WIDTH_PT, height_pt: float = HEIGHT_PT) -> Drawing:
    """The chart as a ReportLab drawing: a platypus flowable, vector graphics in a PDF.

    Args:
        chart: what to plot.
        width_pt: width of the drawing, points.
        height_pt: height of the drawing, points.

    Returns:
        A drawing whose contents are one group per non-empty layer, back to front:
        shade, grid, bars, axes, lines, marker, legend.

    Raises:
        ValueError: when the box is too small to hold the axes and legend.
    """
    return _drawing(chart, width_pt, height_pt)[0]


def _drawing(chart: Chart, width: float, height: float) -> tuple[Drawing, list[_Layer]]:
    """The drawing, with the names of the layers it holds (the empty ones are left out)."""
    result = Drawing(width, height)
    names: list[_Layer] = []
    for name, shapes in _layers(chart, width, height):
        if shapes:
            result.add(Group(*shapes))
            names.append(name)
    return result, names


class _SVGCanvas(renderSVG.SVGCanvas):
    """ReportLab's SVG canvas, writing colours as exact ``#rrggbb`` (it writes whole percents)."""

    def setStrokeColor(self, color: Color | None) -> None:  # noqa: N802 - ReportLab's name
        """Set the stroke colour of what is drawn next.

        Args:
            color: the colour, or ``None`` for no stroke.
        """
        super().setStrokeColor(color)
        if color is not None:
            self.style["stroke"] = "#" + color.hexval()[2:]

    def setFillColor(self, color: Color | None) -> None:  # noqa: N802 - ReportLab's name
        """Set the fill colour of what is drawn next.

        Args:
            color: the colour, or ``None`` for no fill.
        """
        super().setFillColor(color)
        if color is not None:
            self.style["fill"] = "#" + color.hexval()[2:]


_SVG_START: Final = re.compile(r"\A.*?<svg\b[^>]*>", flags=re.DOTALL)
_TITLE_DESC: Final = re.compile(r"\s*<(title|desc)>[^<]*</\1>")
_BARE_GROUP: Final = '<g transform="">'
_LONG_NUMBER: Final = re.compile(r'="(-?\d+\.\d{3,})"')
"""An attribute whose value is a number with three or more decimals (computed by renderSVG)."""


def _round_number(match: re.Match[str]) -> str:
    """Round the attribute's number to two decimals."""
    return '="' + f"{float(match.group(1)):.2f}".rstrip("0").rstrip(".") + '"'


def svg(chart: Chart) -> str:
    """The chart's drawing as an inline ``<svg>`` element for an HTML page.

    The element has ``class="chart"``, ``id="{key}-svg"``, ``role="img"``, the chart's
    label as ``aria-label`` and a ``viewBox`` in points but no width or height, so CSS
    (``width: 100%; height: auto``) scales it. There is no XML prolog or doctype; every
    id inside starts with the key (``{key}-clip``, ``{key}-bars``, ...); the same chart
    always gives the same string.

    Args:
        chart: what to plot.

    Returns:
        The ``<svg>`` element.
    """
    width, height = WIDTH_PT, HEIGHT_PT
    picture, layers = _drawing(chart, width, height)
    canvas = _SVGCanvas((width, height), fontHacks={FONT: {"family": SVG_FONT_FAMILY}})
    # The stub types the canvas as pdfgen's Canvas; renderSVG.draw takes its own SVGCanvas.
    renderSVG.draw(picture, canvas)  # type: ignore[arg-type]
    buffer = io.StringIO()
    canvas.save(buffer)
    key = chart.key
    head = (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" id="{key}-svg" role="img" '
        f'aria-label="{html.escape(chart.label)}" viewBox="0 0 {width:g} {height:g}">'
    )
    text = _SVG_START.sub(lambda _: head, buffer.getvalue(), count=1)
    text = _TITLE_DESC.sub("", text)
    text = text.replace('id="clip"', f'id="{key}-clip"').replace("url(#clip)", f"url(#{key}-clip)")
    text = text.replace('id="group"', f'id="{key}-chart"')
    # The first bare group is the drawing itself, then come the layers in order.
    pieces = text.split(_BARE_GROUP)
    if len(pieces) != len(layers) + 2:  # pragma: no cover - renderSVG writes one group each
        msg = "renderSVG wrote an unexpected group structure"
        raise RuntimeError(msg)
    opening = ["<g>", *(f'<g id="{key}-{name}">' for name in layers)]
    text = pieces[0] + "".join(g + p for g, p in zip(opening, pieces[1:], strict=True))
    text = _LONG_NUMBER.sub(_round_number, text)
    return re.sub(r"\n\s+", "\n", text).strip()
