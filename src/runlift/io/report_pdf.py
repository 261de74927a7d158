"""The report laid out on A4 paper and written as PDF, from the same model as the HTML page.

Everything the HTML page shows is here, in the same order: the header with the
baseline and the key, the rules cited, the four charts (the very shapes of the
page's SVG), the plan at a glance, and one section per week (starting a new
page) with its calendar grid, nutrition targets, notes and a card per session.
Session cards put the prescription on the left and *Why this session, here*
on the right, so a week usually fills about two pages.

The layout is a simple flow: blocks are measured (text wrapped with the
Helvetica metrics), then placed top to bottom; a block that does not fit on
what is left of the page starts the next one, so cards, chart figures, table
rows and legend entries are never split. Each page of a week is headed with
the week and its dates; every page's footer names the athlete, the goal and
``page N of M``. Calendar entries, glance entries and rule IDs are links; the
outline lists the sections and weeks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from runlift.io import report_charts
from runlift.io.pdf_canvas import (
    A4_HEIGHT_PT,
    A4_WIDTH_PT,
    BOLD,
    ITALIC,
    REGULAR,
    Document,
    Face,
    Page,
    text_width,
)
from runlift.io.report_model import (
    Badge,
    Card,
    Chip,
    Figure,
    Fuel,
    Report,
    Row,
    Week,
)
from runlift.rules import RULES

LEFT: Final = 34.0
WIDTH: Final = A4_WIDTH_PT - 2 * LEFT
RIGHT: Final = LEFT + WIDTH
TOP: Final = 40.0
BOTTOM: Final = A4_HEIGHT_PT - 44.0

INK: Final = "#1f2937"
MUTED: Final = "#6b7280"
FAINT: Final = "#9ca3af"
LINE: Final = "#e5e7eb"
SOFT_LINE: Final = "#f1f2f4"
ACCENT: Final = "#1e3a8a"
BODY_INK: Final = "#374151"
HEAD_FILL: Final = "#f3f4f6"
RULE_FILL: Final = "#eef2ff"
RULE_EDGE: Final = "#c7d2fe"

_MODALITY: Final = {
    "run easy": ("#3b82f6", "#eaf2ff"),
    "run quality": ("#1e3a8a", "#d6e4ff"),
    "run race": ("#dc2626", "#fde8e8"),
    "lift": ("#d97706", "#fff3dc"),
}
_BADGES: Final = {
    "build": ("#374151", "#f3f4f6", "#d1d5db"),
    "deload": ("#166534", "#dcfce7", "#86efac"),
    "taper": ("#5b21b6", "#ede9fe", "#c4b5fd"),
    "race": ("#991b1b", "#fee2e2", "#fca5a5"),
    "test": ("#92400e", "#fef3c7", "#fcd34d"),
}
_RACE_DAY: Final = ("#dc2626", "#fde8e8")
_RULE_ID: Final = re.compile(r"\b[A-Z]{2,3}-\d+\b")
_LEADING: Final = 1.28
_BADGE_PAD: Final = 1.6


# Text: styled words, wrapped into lines.


@dataclass(frozen=True, slots=True)
class _Style:
    face: Face
    size: float
    colour: str = INK


class _Token:
    """A word with its style and width; ``advance`` adds the space after it, if any."""

    __slots__ = ("advance", "badge", "link", "style", "text", "width")

    def __init__(self, text: str, style: _Style, link: str | None, *, badge: bool) -> None:
        self.text = text
        self.style = style
        self.link = link
        self.badge = badge
        self.width = text_width(text, style.face, style.size) + (2 * _BADGE_PAD if badge else 0)
        self.advance = self.width

    @property
    def space(self) -> bool:
        return self.advance > self.width


@dataclass(frozen=True, slots=True)
class _Span:
    text: str
    style: _Style
    link: str | None = None
    badge: bool = False


# Reports repeat many lines (rule reasons, step texts) and cards are measured
# at several widths, so words and wrapped lines are kept, read-only, between calls.


@functools.lru_cache(maxsize=8192)
def _tokens(spans: tuple[_Span, ...]) -> tuple[_Token, ...]:
    tokens: list[_Token] = []
    for span in spans:
        for index, part in enumerate(span.text.split(" ")):
            if index and tokens:
                previous = tokens[-1]
                if not previous.space:
                    space = text_width(" ", previous.style.face, previous.style.size)
                    previous.advance = previous.width + space
            if part:
                tokens.append(_Token(part, span.style, span.link, badge=span.badge))
    return tuple(tokens)


_Line = tuple[tuple[float, _Token], ...]


@functools.lru_cache(maxsize=16384)
def _wrap(spans: tuple[_Span, ...], width: float) -> tuple[_Line, ...]:
    """Greedy line breaking at spaces; a word wider than the line gets a line of its own."""
    lines: list[_Line] = []
    line: list[tuple[float, _Token]] = []
    x = 0.0
    for token in _tokens(spans):
        if line and x + token.width > width:
            lines.append(tuple(line))
            line, x = [], 0.0
        line.append((x, token))
        x += token.advance
    if line:
        lines.append(tuple(line))
    return tuple(lines)


@dataclass(slots=True)
class _Para:
    """A wrapped paragraph: its lines, line height and the size its baselines follow."""

    lines: list[_Line]
    leading: float
    size: float

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading

    def width(self) -> float:
        return max(
            (line[-1][0] + line[-1][1].width for line in self.lines if line),
            default=0.0,
        )

    def draw(self, page: Page, x: float, y: float) -> None:
        offset = (self.leading - self.size) / 2 + self.size * 0.78
        for number, line in enumerate(self.lines):
            _draw_line(page, x, y + number * self.leading, y + number * self.leading + offset, line)


def _draw_line(page: Page, x: float, top: float, baseline: float, line: _Line) -> None:
    index = 0
    while index < len(line):
        start, token = line[index]
        if token.badge:
            style = token.style
            height = style.size * 1.3
            page.rect(
                x + start,
                baseline - style.size * 0.95,
                token.width,
                height,
                fill=RULE_FILL,
                stroke=RULE_EDGE,
                line_width=0.4,
                radius=1.5,
            )
            page.text(
                x + start + _BADGE_PAD,
                baseline,
                token.text,
                face=style.face,
                size=style.size,
                colour=style.colour,
            )
            if token.link:
                page.link(x + start, top, token.width, height + 1, token.link)
            index += 1
            continue
        parts = [token.text]
        end = start + token.width
        following = index + 1
        while following < len(line):
            nxt = line[following][1]
            if nxt.badge or nxt.style is not token.style or nxt.link != token.link:
                break
            previous = line[following - 1][1]
            parts.append((" " if previous.space else "") + nxt.text)
            end = line[following][0] + nxt.width
            following += 1
        page.text(
            x + start,
            baseline,
            "".join(parts),
            face=token.style.face,
            size=token.style.size,
            colour=token.style.colour,
        )
        if token.link:
            page.link(x + start, top, end - start, token.style.size * _LEADING, token.link)
        index = following


def _para(spans: Sequence[_Span], width: float, *, leading: float = _LEADING) -> _Para:
    size = max((span.style.size for span in spans), default=1.0)
    return _Para(list(_wrap(tuple(spans), width)), size * leading, size)


def _plain(text: str, style: _Style, width: float, *, leading: float = _LEADING) -> _Para:
    return _para([_Span(text, style)], width, leading=leading)


@functools.lru_cache(maxsize=4096)
def _with_rules(text: str, style: _Style) -> tuple[_Span, ...]:
    """``text`` with each catalogued rule ID set as a linked badge, like the page's ``.rid``."""
    spans: list[_Span] = []
    rule_style = _Style(BOLD, round(style.size * 0.86, 2), ACCENT)
    position = 0
    for match in _RULE_ID.finditer(text):
        if match.group(0) not in RULES:
            continue
        if match.start() > position:
            spans.append(_Span(text[position : match.start()], style))
        rule_id = match.group(0)
        spans.append(_Span(rule_id, rule_style, f"rule-{rule_id}", badge=True))
        position = match.end()
    if position < len(text):
        spans.append(_Span(text[position:], style))
    return tuple(spans)


def _right(page: Page, right: float, baseline: float, text: str, style: _Style) -> None:
    x = right - text_width(text, style.face, style.size)
    page.text(x, baseline, text, face=style.face, size=style.size, colour=style.colour)


def _centred(page: Page, middle: float, baseline: float, text: str, style: _Style) -> None:
    x = middle - text_width(text, style.face, style.size) / 2
    page.text(x, baseline, text, face=style.face, size=style.size, colour=style.colour)


def _pill(
    page: Page, x: float, baseline: float, text: str, style: _Style, *, fill: str, edge: str | None
) -> float:
    """A rounded label (tag or badge) starting at ``x``; returns its width."""
    width = text_width(text, style.face, style.size) + 2 * 3.2
    page.rect(
        x,
        baseline - style.size * 0.95,
        width,
        style.size * 1.35,
        fill=fill,
        stroke=edge,
        line_width=0.5,
        radius=style.size * 0.65,
    )
    page.text(x + 3.2, baseline, text, face=style.face, size=style.size, colour=style.colour)
    return width


def _pill_width(text: str, style: _Style) -> float:
    return text_width(text, style.face, style.size) + 2 * 3.2


def _badge(page: Page, x: float, baseline: float, badge: Badge, size: float) -> float:
    colour, fill, edge = _BADGES.get(badge.css, _BADGES["build"])
    style = _Style(BOLD, size, colour)
    return _pill(page, x, baseline, badge.text.upper(), style, fill=fill, edge=edge)


# Blocks and the page flow.


Draw = Callable[[Page, float, float], None]


@dataclass(slots=True)
class _Block:
    """Something measured and ready to draw at (x, top); never split across pages."""

    height: float
    draw: Draw
    anchors: tuple[str, ...] = ()


@dataclass(slots=True)
class _Flow:
    """Places blocks down the pages and keeps the running header of the current week."""

    document: Document
    header: str = ""
    page: Page | None = None
    y: float = BOTTOM
    headers: list[str] = field(default_factory=list)

    def new_page(self) -> Page:
        self.page = self.document.add_page()
        self.headers.append(self.header)
        self.y = TOP
        return self.page

    def current(self) -> Page:
        return self.page if self.page is not None else self.new_page()

    def room(self, height: float) -> Page:
        """The current page if ``height`` still fits on it, else a new one."""
        if self.page is None or (self.y + height > BOTTOM and self.y > TOP):
            return self.new_page()
        return self.page

    def place(self, block: _Block, *, gap: float = 0.0) -> None:
        page = self.room(block.height)
        self._mark(block.anchors, self.y)
        block.draw(page, LEFT, self.y)
        self.y += block.height + gap

    def anchor(self, name: str) -> None:
        self.current()
        self._mark((name,), self.y)

    def _mark(self, names: Sequence[str], y: float) -> None:
        for name in names:
            self.document.anchor(name, page=len(self.document.pages) - 1, y=y)

    def columns(self, blocks: Sequence[_Block], *, gap: float = 14.0, spacing: float = 3.0) -> None:
        """Blocks in two balanced columns, continued on new pages when they run out of room."""
        width = (WIDTH - gap) / 2
        remaining = list(blocks)
        while remaining:
            page = self.room(remaining[0].height)
            room = BOTTOM - self.y
            heights = [b.height + spacing for b in remaining]
            split = _balanced(heights, room)
            first, rest = remaining[:split], remaining[split:]
            second_count = _fits(heights[split:], room)
            second, remaining = rest[:second_count], rest[second_count:]
            tallest = 0.0
            for column, items in enumerate((first, second)):
                y = self.y
                for block in items:
                    self._mark(block.anchors, y)
                    block.draw(page, LEFT + column * (width + gap), y)
                    y += block.height + spacing
                tallest = max(tallest, y - self.y)
            self.y += tallest
            if remaining:
                self.new_page()


def _fits(heights: Sequence[float], room: float) -> int:
    """How many of ``heights`` fit, in order, in ``room`` (at least one)."""
    total, count = 0.0, 0
    for height in heights:
        if count and total + height > room:
            break
        total += height
        count += 1
    return count


def _balanced(heights: Sequence[float], room: float) -> int:
    """How many blocks go in the first column.

    When all of them fit in two columns of height ``room``, the split that makes
    the columns most even; otherwise as many as fit, and the rest follow.
    """
    limit = _fits(heights, room)
    if _fits(heights[limit:], room) < len(heights) - limit:
        return limit
    total = sum(heights)
    best, best_height, running = limit, float("inf"), 0.0
    for count in range(1, limit + 1):
        running += heights[count - 1]
        tallest = max(running, total - running)
        if tallest < best_height and total - running <= room:
            best, best_height = count, tallest
    return best


def _heading(text: str, *, size: float = 14.0) -> _Block:
    style = _Style(BOLD, size, ACCENT)

    def draw(page: Page, x: float, y: float) -> None:
        page.text(x, y + size * 0.9, text, face=style.face, size=size, colour=style.colour)

    return _Block(size * 1.6, draw)


def _small_heading(text: str) -> _Block:
    style = _Style(BOLD, 7.2, MUTED)

    def draw(page: Page, x: float, y: float) -> None:
        page.text(x, y + 7.5, text.upper(), face=style.face, size=style.size, colour=MUTED)

    return _Block(11.0, draw)


def _para_block(para: _Para, *, indent: float = 0.0) -> _Block:
    return _Block(para.height, lambda page, x, y: para.draw(page, x + indent, y))


# Cover: athlete, goal, totals, baseline, key.


def _cover(report: Report) -> list[_Block]:
    blocks: list[_Block] = []
    eyebrow = _Style(REGULAR, 7.5, MUTED)
    title = _Style(BOLD, 24, INK)
    goal = _Style(BOLD, 15, ACCENT)
    detail = _Style(REGULAR, 10.5, INK)
    dot = _Style(REGULAR, 10.5, FAINT)
    dates = _Style(REGULAR, 9, MUTED)
    blocks.append(_para_block(_plain("RUNLIFT · TRAINING PLAN", eyebrow, WIDTH)))
    blocks.append(_para_block(_plain(report.athlete, title, WIDTH, leading=1.2)))
    blocks.append(_para_block(_plain(report.goal, goal, WIDTH, leading=1.35)))
    spans: list[_Span] = []
    for index, item in enumerate(report.goal_detail):
        if index:
            spans.append(_Span(" · ", dot))
        spans.append(_Span(item, detail))
    blocks.append(_para_block(_para(spans, WIDTH)))
    line = f"{report.plan_dates} · times in {report.timezone}"
    blocks.append(_para_block(_plain(line, dates, WIDTH, leading=1.6)))
    blocks.append(_stats(report.stats))
    blocks.append(_baseline(report))
    blocks.append(_key())
    return blocks


def _stats(stats: Sequence[Row]) -> _Block:
    gap = 6.0
    width = (WIDTH - gap * (len(stats) - 1)) / max(len(stats), 1)
    value_style = _Style(BOLD, 15, ACCENT)
    label_style = _Style(REGULAR, 6.8, MUTED)

    def draw(page: Page, x: float, y: float) -> None:
        for index, stat in enumerate(stats):
            left = x + index * (width + gap)
            page.rect(left, y + 6, width, 34, stroke=LINE, line_width=0.8, radius=4)
            _centred(page, left + width / 2, y + 25, stat.value, value_style)
            _centred(page, left + width / 2, y + 35, stat.label.upper(), label_style)

    return _Block(48, draw)


@dataclass(slots=True)
class _PanelRow:
    label: _Para
    value: str
    height: float


_PanelDraw = Callable[[Page, float, float, float], None]


def _panel(title: str, rows: Sequence[Row], note: str, width: float) -> tuple[float, _PanelDraw]:
    """A bordered table of labelled values with a note; drawn at any height >= its own."""
    pad = 7.0
    inner = width - 2 * pad
    label = _Style(REGULAR, 8, INK)
    sub = _Style(REGULAR, 6.5, MUTED)
    value = _Style(BOLD, 8, INK)
    measured: list[_PanelRow] = []
    for row in rows:
        room = inner - text_width(row.value, value.face, value.size) - 6
        para = _plain(row.label, label, room)
        if row.note:
            para.lines.extend(_plain(row.note, sub, room).lines)
        height = 10.5 + (len(para.lines) - 1) * 8.4
        measured.append(_PanelRow(label=para, value=row.value, height=height))
    note_para = _plain(note, _Style(REGULAR, 7, MUTED), inner) if note else None
    height = 2 * pad + 13 + sum(r.height for r in measured)
    if note_para is not None:
        height += note_para.height + 4

    def draw(page: Page, x: float, y: float, panel_height: float) -> None:
        page.rect(x, y, width, panel_height, stroke=LINE, line_width=0.8, radius=4)
        page.text(x + pad, y + pad + 7, title.upper(), face=BOLD, size=7.2, colour=MUTED)
        row_y = y + pad + 13
        for row in measured:
            baseline = row_y + 7.8
            for number, line in enumerate(row.label.lines):
                _draw_line(page, x + pad, row_y, baseline + number * 8.4, line)
            _right(page, x + width - pad, baseline, row.value, value)
            row_y += row.height
        if note_para is not None:
            note_para.draw(page, x + pad, row_y + 4)

    return height, draw


def _baseline(report: Report) -> _Block:
    gap = 10.0
    width = (WIDTH - 2 * gap) / 3
    panels = [
        _panel("Running paces", report.running, report.running_note, width),
        _panel("Strength (estimated 1RM)", report.strength, report.strength_note, width),
        _panel("Body", report.body, "", width),
    ]
    height = max(h for h, _ in panels)

    def draw(page: Page, x: float, y: float) -> None:
        for index, (_, paint) in enumerate(panels):
            paint(page, x + index * (width + gap), y, height)

    return _Block(height + 10, draw)


def _key() -> _Block:
    style = _Style(REGULAR, 7.5, INK)

    def draw(page: Page, x: float, y: float) -> None:
        baseline = y + 9
        left = x
        for text, css in (
            ("easy run", "run easy"),
            ("quality run", "run quality"),
            ("race", "run race"),
            ("lift", "lift"),
        ):
            colour, fill = _MODALITY[css]
            face = BOLD if css == "run quality" else REGULAR
            width = text_width(text, face, 7.5) + 10
            page.rect(left, baseline - 7.5, width, 10.5, fill=fill, radius=1.5)
            page.rect(left, baseline - 7.5, 2.6, 10.5, fill=colour)
            page.text(left + 6, baseline, text, face=face, size=7.5, colour=INK)
            left += width + 9
        for badge in (
            Badge(text="Build", css="build"),
            Badge(text="Deload", css="deload"),
            Badge(text="Taper", css="taper"),
            Badge(text="Race week", css="race"),
        ):
            left += _badge(page, left, baseline, badge, 6.5) + 4
        left += 8
        rule = _Span("SCH-2", _Style(BOLD, 6.5, ACCENT), None, badge=True)
        spans = [rule, _Span(" rule ID, listed below", style)]
        line = _wrap(tuple(spans), WIDTH)[0]
        _draw_line(page, left, y, baseline, line)

    return _Block(18, draw)


# Rules cited in this plan.


def _rules(report: Report) -> tuple[_Block, list[_Block]]:
    width = (WIDTH - 14) / 2
    text = _Style(REGULAR, 7.3, INK)
    category = _Style(REGULAR, 6.3, MUTED)
    rule_style = _Style(BOLD, 6.3, ACCENT)
    entries = []
    for rule in report.rules:
        spans = [
            _Span(rule.id, rule_style, None, badge=True),
            _Span(f" {rule.title} ", text),
            _Span(f"({rule.category})", category),
        ]
        para = _para(spans, width)
        entries.append(_Block(para.height, para.draw, (f"rule-{rule.id}",)))
    return _heading("Rules cited in this plan"), entries


# The plan in numbers.


def _figure(figure: Figure) -> _Block:
    title = _plain(figure.title, _Style(BOLD, 10.5, INK), WIDTH)
    caption = _para(_with_rules(figure.caption, _Style(REGULAR, 7, MUTED)), WIDTH)
    chart = figure.chart
    scale = WIDTH / chart.width
    chart_height = chart.height * scale

    def draw(page: Page, x: float, y: float) -> None:
        title.draw(page, x, y)
        _chart(page, chart, x, y + title.height + 2, scale)
        caption.draw(page, x, y + title.height + 4 + chart_height)

    height = title.height + 4 + chart_height + caption.height + 12
    return _Block(height, draw, (figure.id,))


def _chart(page: Page, chart: report_charts.Chart, x: float, y: float, scale: float) -> None:
    """Paint the chart's shapes (the same as its SVG) with its top-left corner at (x, y)."""
    for shape in chart.shapes:
        if isinstance(shape, report_charts.Boxes):
            boxes = [
                (x + bx * scale, y + by * scale, bw * scale, bh * scale)
                for bx, by, bw, bh in shape.boxes
            ]
            if shape.stroke:
                for box in boxes:
                    page.rect(*box, fill=shape.fill, stroke=shape.stroke, line_width=0.5)
            else:
                page.rects(boxes, fill=shape.fill)
        elif isinstance(shape, report_charts.Polyline):
            page.polyline(
                [None if p is None else (x + p[0] * scale, y + p[1] * scale) for p in shape.points],
                stroke=shape.stroke,
                line_width=shape.width * scale,
                dash=shape.dash,
            )
        else:
            face = BOLD if shape.bold else REGULAR
            size = shape.size * scale
            width = text_width(shape.text, face, size)
            shift = {"start": 0.0, "middle": width / 2, "end": width}[shape.anchor]
            if shape.vertical:
                page.text(
                    x + shape.x * scale,
                    y + shape.y * scale + shift,
                    shape.text,
                    face=face,
                    size=size,
                    colour=shape.colour,
                    vertical=True,
                )
            else:
                page.text(
                    x + shape.x * scale - shift,
                    y + shape.y * scale,
                    shape.text,
                    face=face,
                    size=size,
                    colour=shape.colour,
                )


# The plan at a glance.

_GLANCE_WEEK: Final = 0.14
_GLANCE_NUMBER: Final = 0.055


def _glance_columns() -> list[tuple[float, float]]:
    """(x offset, width) of the week column, the seven days, km and lifts."""
    week = WIDTH * _GLANCE_WEEK
    number = WIDTH * _GLANCE_NUMBER
    day = (WIDTH - week - 2 * number) / 7
    columns = [(0.0, week)]
    columns.extend((week + i * day, day) for i in range(7))
    columns.append((week + 7 * day, number))
    columns.append((week + 7 * day + number, number))
    return columns


def _glance_header() -> _Block:
    style = _Style(BOLD, 6.5, MUTED)
    names = ["WEEK", "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN", "KM", "LIFTS"]

    def draw(page: Page, x: float, y: float) -> None:
        for index, ((left, width), name) in enumerate(zip(_glance_columns(), names, strict=True)):
            if index >= 8:
                _right(page, x + left + width - 3, y + 9, name, style)
            else:
                page.text(x + left + 3, y + 9, name, face=BOLD, size=6.5, colour=MUTED)
        page.line(x, y + 13, x + WIDTH, y + 13, stroke=LINE, line_width=1.5)

    return _Block(14, draw)


def _mini_chips(chips: Sequence[Chip], width: float) -> tuple[float, Draw]:
    size = 6.5
    height = size * 1.45

    def draw(page: Page, x: float, y: float) -> None:
        for index, chip in enumerate(chips):
            colour, fill = _MODALITY.get(chip.css, _MODALITY["run easy"])
            top = y + index * (height + 1.5)
            page.rect(x, top, width, height, fill=fill, radius=1)
            page.rect(x, top, 2.2, height, fill=colour)
            face = BOLD if chip.css == "run quality" else REGULAR
            text = _fit(chip.short, face, size, width - 5)
            page.text(x + 4, top + height - 2.4, text, face=face, size=size, colour=INK)
            page.link(x, top, width, height, chip.anchor)

    return len(chips) * (height + 1.5), draw


def _fit(text: str, face: Face, size: float, width: float) -> str:
    """``text``, cut with an ellipsis when it is wider than ``width``."""
    if text_width(text, face, size) <= width:
        return text
    while text and text_width(text + "…", face, size) > width:
        text = text[:-1]
    return text + "…"


def _glance_row(week: Week) -> _Block:
    columns = _glance_columns()
    week_left, week_width = columns[0]
    block_para = _plain(week.block, _Style(REGULAR, 6.2, MUTED), week_width - 6)
    badges = [b for b in week.badges if b.css != "build"]
    days = [_mini_chips(day.chips, columns[1 + i][1] - 4) for i, day in enumerate(week.days)]
    week_height = 12 + block_para.height + (9 if badges else 0)
    height = max(week_height, *(h for h, _ in days)) + 6
    value_style = _Style(REGULAR, 7.5, INK)

    def draw(page: Page, x: float, y: float) -> None:
        left = x + week_left + 3
        number = str(week.number)
        page.text(left, y + 11, number, face=BOLD, size=10, colour=ACCENT)
        shift = text_width(number + " ", BOLD, 10)
        page.text(left + shift, y + 11, week.short_date, face=REGULAR, size=7.5, colour=INK)
        page.link(left, y + 2, shift + text_width(week.short_date, REGULAR, 7.5), 11, week.anchor)
        block_para.draw(page, left, y + 13)
        badge_x = left
        for badge in badges:
            badge_x += _badge(page, badge_x, y + 13 + block_para.height + 6.5, badge, 5.5) + 2
        for index, (_, paint) in enumerate(days):
            paint(page, x + columns[1 + index][0] + 2, y + 3)
        for column, value in ((columns[8], week.km), (columns[9], str(week.lifts))):
            _right(page, x + column[0] + column[1] - 3, y + 11, value, value_style)
        page.line(x, y + height, x + WIDTH, y + height, stroke=LINE, line_width=0.6)

    return _Block(height, draw)


def _glance(flow: _Flow, report: Report) -> None:
    flow.new_page()
    flow.anchor("glance")
    flow.place(_heading("The plan at a glance"))
    header = _glance_header()
    flow.place(header)
    for week in report.weeks:
        row = _glance_row(week)
        if flow.y + row.height > BOTTOM:
            flow.new_page()
            flow.place(header)
        flow.place(row)


# Weeks.


def _week_head(week: Week) -> _Block:
    title = f"Week {week.number}"
    title_width = text_width(title, BOLD, 18)
    summary_style = _Style(REGULAR, 8, INK)
    block_style = _Style(REGULAR, 8.5, INK)

    def draw(page: Page, x: float, y: float) -> None:
        page.text(x, y + 16, title, face=BOLD, size=18, colour=ACCENT)
        page.text(x + title_width + 7, y + 16, week.dates, face=REGULAR, size=11, colour=MUTED)
        page.text(x, y + 30, week.block, face=REGULAR, size=8.5, colour=INK)
        left = x + text_width(week.block, block_style.face, block_style.size) + 6
        for badge in week.badges:
            left += _badge(page, left, y + 30, badge, 6.5) + 4
        for number, line in enumerate(week.summary):
            _right(page, x + WIDTH, y + 12 + number * 10.5, line, summary_style)
        page.line(x, y + 38, x + WIDTH, y + 38, stroke=ACCENT, line_width=2.2)

    return _Block(46, draw)


def _grid(week: Week) -> _Block:
    width = WIDTH / 7
    chip_width = width - 5
    title_style = _Style(REGULAR, 7.2, INK)
    cells: list[list[tuple[Chip, _Para, float]]] = []
    for day in week.days:
        cell = []
        for chip in day.chips:
            face = BOLD if chip.css == "run quality" else REGULAR
            para = _plain(chip.title, _Style(face, title_style.size, INK), chip_width - 6)
            cell.append((chip, para, 7.5 + para.height + 8.5 + 3))
        cells.append(cell)
    body = max(62.0, *(sum(h + 2.5 for *_, h in cell) + 3 for cell in cells))

    def draw(page: Page, x: float, y: float) -> None:
        for index, (day, cell) in enumerate(zip(week.days, cells, strict=True)):
            left = x + index * width
            colour, fill = _RACE_DAY if day.goal else (INK, HEAD_FILL)
            page.rect(left, y, width, 13, fill=fill if day.goal else HEAD_FILL, stroke=LINE)
            page.text(left + 3, y + 9.2, day.name, face=BOLD, size=7.5, colour=colour)
            shift = text_width(day.name + " ", BOLD, 7.5)
            page.text(left + 3 + shift, y + 9.2, day.date, face=REGULAR, size=7.5, colour=MUTED)
            page.rect(left, y + 13, width, body, stroke=LINE)
            if not cell:
                page.text(left + 4, y + 23, "Rest", face=ITALIC, size=7.5, colour=FAINT)
                continue
            top = y + 15.5
            for chip, para, height in cell:
                chip_colour, chip_fill = _MODALITY.get(chip.css, _MODALITY["run easy"])
                page.rect(left + 2.5, top, chip_width, height, fill=chip_fill, radius=1.5)
                page.rect(left + 2.5, top, 2.6, height, fill=chip_colour)
                page.text(left + 7, top + 7, chip.time, face=BOLD, size=6.5, colour=chip_colour)
                para.draw(page, left + 7, top + 8.5)
                page.text(
                    left + 7,
                    top + 8.5 + para.height + 6.5,
                    chip.meta,
                    face=REGULAR,
                    size=6.3,
                    colour=MUTED,
                )
                page.link(left + 2.5, top, chip_width, height, chip.anchor)
                top += height + 2.5

    return _Block(13 + body + 8, draw)


_FUEL_COLUMNS: Final = (
    ("DAY", 46.0),
    ("TRAINING", 42.0),
    ("ENERGY", 46.0),
    ("SPENT", 44.0),
    ("PROTEIN", 36.0),
    ("CARBS", 34.0),
    ("FAT", 30.0),
)


def _fuel_header(page: Page, x: float, y: float) -> None:
    left = x
    for name, width in _FUEL_COLUMNS:
        page.text(left, y + 7, name, face=BOLD, size=6, colour=MUTED)
        left += width
    page.text(left, y + 7, "SERVINGS: PROTEIN P, CARBOHYDRATE C", face=BOLD, size=6, colour=MUTED)
    page.line(x, y + 10, x + WIDTH, y + 10, stroke=LINE, line_width=0.8)


def _fuel_row(day: Fuel) -> _Block:
    """A day's targets; the timed servings wrap in the last column."""
    serving_x = sum(width for _, width in _FUEL_COLUMNS)
    servings = _plain(" · ".join(day.servings), _Style(REGULAR, 6.8, BODY_INK), WIDTH - serving_x)
    height = max(11.0, servings.height + 3)
    values = (
        day.day,
        day.band,
        day.energy,
        day.expenditure,
        day.protein,
        day.carbohydrate,
        day.fat,
    )

    def draw(page: Page, x: float, y: float) -> None:
        left = x
        for index, (text, (_, width)) in enumerate(zip(values, _FUEL_COLUMNS, strict=True)):
            page.text(left, y + 8, text, face=BOLD if index == 2 else REGULAR, size=7.3, colour=INK)
            left += width
        servings.draw(page, left, y + 1.5)
        page.line(x, y + height, x + WIDTH, y + height, stroke=SOFT_LINE, line_width=0.6)

    return _Block(height, draw)


def _bullets(lines: Sequence[str], style: _Style, width: float) -> list[_Para]:
    return [_para(_with_rules(line, style), width - 9) for line in lines]


def _draw_bullets(page: Page, paras: Sequence[_Para], x: float, y: float, gap: float) -> None:
    for para in paras:
        page.text(x + 1.5, y + para.size * 1.02, "•", face=REGULAR, size=para.size, colour=FAINT)
        para.draw(page, x + 9, y)
        y += para.height + gap


def _notes(notes: Sequence[str]) -> _Block:
    paras = _bullets(notes, _Style(REGULAR, 7.5, BODY_INK), WIDTH)
    height = sum(p.height + 1 for p in paras)

    def draw(page: Page, x: float, y: float) -> None:
        _draw_bullets(page, paras, x, y, 1)

    return _Block(height + 6, draw)


# Session cards.

_CARD_PAD: Final = 7.0
_CARD_BAR: Final = 4.0
_CARD_GAP: Final = 12.0
_INNER: Final = WIDTH - _CARD_BAR - 2 * _CARD_PAD


def _card_left(card: Card, width: float) -> tuple[float, Draw]:
    """The prescription: summary, steps or the lifts table, and notes."""
    summary = _plain(card.summary, _Style(BOLD, 8, INK), width)
    step_style = _Style(REGULAR, 7.8, INK)
    steps: list[tuple[str, _Para, list[_Para]]] = []
    for number, step in enumerate(card.steps, start=1):
        children = [_plain(child, step_style, width - 24) for child in step.children]
        steps.append((f"{number}.", _plain(step.text, step_style, width - 12), children))
    table_height, table = _lifts_table(card, width) if card.exercises else (0.0, None)
    notes = [_plain(note, _Style(ITALIC, 7, MUTED), width) for note in card.notes]
    height = summary.height + 2
    for _, para, children in steps:
        height += para.height + sum(c.height for c in children)
    height += table_height + sum(n.height for n in notes)

    def draw(page: Page, x: float, y: float) -> None:
        summary.draw(page, x, y)
        y += summary.height + 2
        for label, para, children in steps:
            page.text(x + 1, y + 7.9, label, face=REGULAR, size=7.8, colour=MUTED)
            para.draw(page, x + 12, y)
            y += para.height
            for index, child in enumerate(children):
                letter = f"{chr(ord('a') + index)}."
                page.text(x + 13, y + 7.9, letter, face=REGULAR, size=7.8, colour=MUTED)
                child.draw(page, x + 24, y)
                y += child.height
        if table is not None:
            table(page, x, y)
            y += table_height
        for note in notes:
            note.draw(page, x, y)
            y += note.height

    return height, draw


def _lifts_table(card: Card, width: float) -> tuple[float, Draw]:
    """Exercise, sets x reps, intensity, load and rest; the exercise's note under its name."""
    name_style = _Style(BOLD, 7.6, INK)
    cell_style = _Style(REGULAR, 7.6, INK)
    note_style = _Style(REGULAR, 6.4, MUTED)
    heads = ("SETS × REPS", "INTENSITY", "LOAD", "REST")
    table = [(e.dose, e.intensity, e.load, e.rest) for e in card.exercises]
    columns = [
        max(
            text_width(heads[i], BOLD, 6),
            *(text_width(row[i], BOLD if i == 2 else REGULAR, cell_style.size) for row in table),
        )
        + 8
        for i in range(len(heads))
    ]
    name_width = max(width - sum(columns), width * 0.3)
    rows: list[tuple[_Para, tuple[str, ...], float]] = []
    for exercise, cells in zip(card.exercises, table, strict=True):
        para = _plain(exercise.name, name_style, name_width - 5)
        if exercise.notes:
            para.lines.extend(_plain(exercise.notes, note_style, name_width - 5).lines)
        rows.append((para, cells, len(para.lines) * 8.6 + 3.5))

    def draw(page: Page, x: float, y: float) -> None:
        page.text(x, y + 7, "EXERCISE", face=BOLD, size=6, colour=MUTED)
        left = x + name_width
        for head, column in zip(heads, columns, strict=True):
            page.text(left, y + 7, head, face=BOLD, size=6, colour=MUTED)
            left += column
        page.line(x, y + 9.5, x + width, y + 9.5, stroke=LINE, line_width=0.6)
        top = y + 10
        for para, cells, height in rows:
            baseline = top + 8.2
            for number, line in enumerate(para.lines):
                _draw_line(page, x, top, baseline + number * 8.6, line)
            left = x + name_width
            for index, (text, column) in enumerate(zip(cells, columns, strict=True)):
                face = BOLD if index == 2 else REGULAR
                page.text(left, baseline, text, face=face, size=cell_style.size, colour=INK)
                left += column
            top += height
            page.line(x, top, x + width, top, stroke=SOFT_LINE, line_width=0.6)

    return 10 + sum(height for *_, height in rows) + 3, draw


def _reasons(card: Card, width: float, *, columns: int) -> tuple[float, Draw]:
    """Why this session, here: every line of the explanation, rule IDs linked.

    In one column beside the prescription, or in two balanced columns under it.
    """
    column_width = (width - _CARD_GAP * (columns - 1)) / columns
    paras = _bullets(card.reasons, _Style(REGULAR, 6.9, BODY_INK), column_width)
    heights = [p.height + 0.8 for p in paras]
    split = len(paras) if columns == 1 else _balanced(heights, float("inf"))
    parts = (paras[:split], paras[split:])
    height = 9 + max(sum(p.height + 0.8 for p in part) for part in parts)

    def draw(page: Page, x: float, y: float) -> None:
        page.text(x, y + 6, "WHY THIS SESSION, HERE", face=BOLD, size=6, colour=MUTED)
        for index, part in enumerate(parts):
            _draw_bullets(page, part, x + index * (column_width + _CARD_GAP), y + 9, 0.8)

    return height, draw


@dataclass(frozen=True, slots=True)
class _CardBody:
    """A card's prescription and reasons: side by side (``split`` > 0) or stacked."""

    height: float
    split: float
    prescription: Draw
    reasons: Draw
    prescription_height: float


def _card_body(card: Card) -> _CardBody:
    """The most compact arrangement: reasons beside the prescription, or under it in two columns."""
    top_height, top = _card_left(card, _INNER)
    under_height, under = _reasons(card, _INNER, columns=2)
    best = _CardBody(
        height=top_height + 6 + under_height,
        split=0.0,
        prescription=top,
        reasons=under,
        prescription_height=top_height,
    )
    for share in (0.5, 0.6) if card.exercises else (0.42, 0.5):
        split = _INNER * share
        left_height, left = _card_left(card, split - _CARD_GAP / 2)
        right_height, right = _reasons(card, _INNER - split - _CARD_GAP / 2, columns=1)
        height = max(left_height, right_height)
        if height < best.height - 1:
            best = _CardBody(
                height=height,
                split=split,
                prescription=left,
                reasons=right,
                prescription_height=left_height,
            )
    return best


def _card(card: Card) -> _Block:
    colour, fill = _MODALITY.get(card.css, _MODALITY["run easy"])
    when = f"{card.day} · {card.time}".upper()
    title = _plain(card.title, _Style(BOLD, 11, INK), _INNER)
    tag_style = _Style(REGULAR, 6.5, INK)
    body = _card_body(card)
    head = 12 + title.height + 3
    height = _CARD_PAD + head + body.height + _CARD_PAD - 2
    radius = 3.0

    def draw(page: Page, x: float, y: float) -> None:
        # The coloured bar keeps the card's rounded corners on the left.
        page.rect(x, y, _CARD_BAR + radius, height, fill=colour, radius=radius)
        page.rect(x + _CARD_BAR, y + 0.4, radius + 0.6, height - 0.8, fill="#ffffff")
        page.rect(x, y, WIDTH, height, stroke=LINE, line_width=0.7, radius=radius)
        inner = x + _CARD_BAR + _CARD_PAD
        top = y + _CARD_PAD
        page.text(inner, top + 6.5, when, face=BOLD, size=7.2, colour=colour)
        tags_right = x + WIDTH - _CARD_PAD
        for tag in reversed(card.tags):
            tags_right -= _pill_width(tag, tag_style)
            _pill(page, tags_right, top + 6.5, tag, tag_style, fill=fill, edge=None)
            tags_right -= 3
        title.draw(page, inner, top + 10)
        body_top = top + head
        body.prescription(page, inner, body_top)
        if body.split:
            divider = inner + body.split - 0.5
            page.line(
                divider, body_top, divider, body_top + body.height, stroke=LINE, line_width=0.5
            )
            body.reasons(page, inner + body.split + _CARD_GAP / 2, body_top)
        else:
            below = body_top + body.prescription_height + 3
            page.line(inner, below, inner + _INNER, below, stroke=LINE, line_width=0.5)
            body.reasons(page, inner, below + 3)

    return _Block(height, draw, (card.anchor,))


def _week(flow: _Flow, week: Week) -> None:
    """The week from a new page on, every page of it headed with the week and its dates."""
    flow.header = f"Week {week.number} {week.dates}"
    flow.new_page()
    flow.anchor(week.anchor)
    flow.place(_week_head(week))
    flow.place(_grid(week))
    if week.fuel:
        rows = [_fuel_row(day) for day in week.fuel]
        # The heading and the table's header stay with its first row.
        flow.place(
            _together(_small_heading("Nutrition targets"), _Block(11, _fuel_header), rows[0])
        )
        for row in rows[1:]:
            flow.place(row)
        flow.y += 8
    if week.notes:
        flow.place(_together(_small_heading("This week"), _notes(week.notes)))
    for card in week.cards:
        flow.place(_card(card), gap=6)


def _together(*blocks: _Block) -> _Block:
    """Blocks one under the other, kept on one page."""

    def draw(page: Page, x: float, y: float) -> None:
        for block in blocks:
            block.draw(page, x, y)
            y += block.height

    return _Block(sum(block.height for block in blocks), draw)


# Page furniture and the document.


def _furniture(document: Document, flow: _Flow, footer: str) -> None:
    """Running header (the week) and footer (athlete, goal, page N of M) on every page."""
    style = _Style(REGULAR, 7, MUTED)
    total = len(document.pages)
    for number, (page, header) in enumerate(zip(document.pages, flow.headers, strict=True), 1):
        if header:
            _right(page, RIGHT, 24, header, style)
        page.text(LEFT, A4_HEIGHT_PT - 22, footer, face=REGULAR, size=7, colour=MUTED)
        _right(page, RIGHT, A4_HEIGHT_PT - 22, f"page {number} of {total}", style)


def render(report: Report) -> bytes:
    """The report as an A4 PDF; the same report gives the same bytes."""
    document = Document(title=report.title)
    flow = _Flow(document)
    flow.new_page()
    flow.anchor("top")
    for block in _cover(report):
        flow.place(block)
    heading, rules = _rules(report)
    flow.y += 6
    flow.room(heading.height + (rules[0].height if rules else 0))
    flow.anchor("rules")
    flow.place(heading)
    flow.columns(rules)
    flow.y += 14
    first = _figure(report.figures[0]) if report.figures else None
    flow.room(30 + (first.height if first else 0))
    flow.anchor("charts")
    flow.place(_heading("The plan in numbers"))
    for figure in report.figures:
        flow.place(_figure(figure))
    for text in report.missing_charts:
        flow.place(_para_block(_plain(text, _Style(REGULAR, 8, MUTED), WIDTH)))
    _glance(flow, report)
    for week in report.weeks:
        _week(flow, week)
    _furniture(document, flow, report.footer)
    document.bookmark(report.athlete, target="top")
    document.bookmark("Rules cited in this plan", target="rules")
    document.bookmark("The plan in numbers", target="charts")
    document.bookmark("The plan at a glance", target="glance")
    for week in report.weeks:
        document.bookmark(f"Week {week.number} · {week.dates}", target=week.anchor)
    return document.to_bytes()
