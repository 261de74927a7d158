"""The athlete's report printed on A4 with ReportLab: the same model as the HTML page, for paper.

:func:`report_pdf` lays out a :class:`~runlift.report.model.Report` with
ReportLab's page-layout engine (platypus): the cover with the baseline
numbers and the plan at a glance under it, then every week on a new page: its
calendar, nutrition targets with the day's servings, notes and a card per
session, the prescription on the left and why the session sits where it does
on the right; then the four charts (vector drawings from
:mod:`runlift.report.charts`) and the rules the plan cites. Every calendar
entry links to its card and every rule ID to the legend; weeks and sessions
are bookmarks; pages carry a running header (the week, on its pages) and
footer (athlete, goal, "page n of N").

The text is set in Bitstream Vera, the font family that ships with ReportLab
(it has every character the report writes, such as ≈, × and −), embedded as
subsets; names and other text in scripts that Vera lacks (CJK, Cyrillic, Greek,
Latin Extended) are set in a font with wide coverage found on this machine
(:mod:`runlift.report.fonts`). The document is written with ReportLab's
invariant mode: no creation date and a fixed identifier, so the same report
gives the same bytes.
Importing this module loads ReportLab: the command line imports it only when a
PDF is made (``runlift.services.planning`` prints in a worker process).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from typing import Any, Final

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from runlift.domain.athlete import AthleteProfile
from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan
from runlift.report import charts as report_charts
from runlift.report import fonts
from runlift.report.build import build_report
from runlift.report.model import (
    FUEL_RULES,
    Card,
    Fuel,
    Report,
    ReportData,
    Row,
    Serving,
    Week,
    link_rule_ids,
)

MM: Final = 72 / 25.4
"""Points per millimetre."""
PAGE_W: Final = 595.2756
PAGE_H: Final = 841.8898
"""A4 in points."""
MARGIN_X: Final = 12 * MM
MARGIN_TOP: Final = 13 * MM
MARGIN_BOTTOM: Final = 14 * MM
FRAME_W: Final = PAGE_W - 2 * MARGIN_X
CHART_H: Final = 136.0
"""Height of a chart on paper, points: the four fit on one page with their captions."""

FONT: Final = fonts.FONT
BOLD: Final = fonts.BOLD
ITALIC: Final = fonts.ITALIC

# Text, hairlines and rules share the charts' palette.
INK: Final = report_charts.INK
MUTED: Final = "#6b7280"
FAINT: Final = report_charts.AXIS
LINE: Final = report_charts.GRID
ACCENT: Final = "#1e3a8a"
HEAD_BG: Final = "#f3f4f6"
RULE_BG: Final = "#eef2ff"
GOAL_BG: Final = "#fde8e8"

# Modality colours: (line colour, background) by the model's css class.
_COLOURS: Final = {
    "easy": ("#3b82f6", "#eaf2ff"),
    "quality": ("#1e3a8a", "#d6e4ff"),
    "race": ("#dc2626", "#fde8e8"),
    "lift": ("#d97706", "#fff3dc"),
}
# Phase badges: (text colour, background).
_BADGES: Final = {
    "build": ("#374151", "#f3f4f6"),
    "deload": ("#166534", "#dcfce7"),
    "taper": ("#5b21b6", "#ede9fe"),
    "race": ("#991b1b", "#fee2e2"),
    "test": ("#92400e", "#fef3c7"),
    "override": ("#1e3a8a", "#dbeafe"),
    "caution": ("#92400e", "#fef3c7"),
}
_HEAD_ROW: Final = (
    ("FONT", (0, 0), (-1, 0), BOLD, 6.5),
    ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
)
"""Table style of a header row of plain strings: small bold grey capitals."""
_DAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _colours(css: str) -> tuple[str, str]:
    """Line and background colour of a session from its css class (``run easy``, ``lift``)."""
    return _COLOURS[css.rsplit(maxsplit=1)[-1]]


def _text(value: str) -> str:
    """``value`` escaped for ReportLab's paragraph markup, other scripts in a fallback font."""
    return fonts.markup(value)


def _linked(value: str) -> str:
    """``value`` as :func:`_text`, each catalogued rule ID a link to its entry in the legend."""
    return link_rule_ids(
        fonts.markup(value),
        lambda rule_id: f'<a href="#rule-{rule_id}" color="{_n(ACCENT)}"><b>{rule_id}</b></a>',
    )


class _Mark(Flowable):
    """An invisible flowable that names a bookmark (and, for a week, the running header).

    It goes right before the heading it marks; the document adds the outline entry and
    takes up the running header when the mark is laid out.
    """

    def __init__(self, title: str, key: str, level: int, *, running: str | None = None) -> None:
        super().__init__()
        self.title = title
        self.key = key
        self.level = level
        self.running = running

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        return


class _CardBox(Flowable):
    """A session card: two columns of flowables in a thin box with a coloured bar on the left.

    Each column's flowables are wrapped once per available width (a table would wrap
    every cell again when drawing), and the card is never split across pages unless it
    is taller than a whole page, when its flowables are handed back to flow on their own.
    """

    def __init__(
        self,
        left: list[Flowable],
        right: list[Flowable],
        *,
        split: float,
        bar: colors.Color,
        line: colors.Color,
    ) -> None:
        super().__init__()
        self.columns = (left, right)
        self.split_at = split
        self.bar = bar
        self.line = line
        self.spaceAfter = 7
        self.pad = (7.0, 5.0, 5.0, 6.0)  # left, right, top, bottom
        self._wrapped: tuple[float, list[list[tuple[Flowable, float, float]]]] | None = None

    def _layout(self, width: float) -> list[list[tuple[Flowable, float, float]]]:
        if self._wrapped is not None and self._wrapped[0] == width:
            return self._wrapped[1]
        left_w = width * self.split_at
        spans = ((0.0, left_w), (left_w, width - left_w))
        placed: list[list[tuple[Flowable, float, float]]] = []
        for flowables, (_, column_w) in zip(self.columns, spans, strict=True):
            inner = column_w - self.pad[0] - self.pad[1]
            rows: list[tuple[Flowable, float, float]] = []
            for flowable in flowables:
                _, height = flowable.wrap(inner, 1e6)
                rows.append((flowable, flowable.getSpaceBefore(), height))
                rows.append((flowable, -1.0, flowable.getSpaceAfter()))
            placed.append(rows)
        self._wrapped = (width, placed)
        return placed

    def _heights(self, width: float) -> list[float]:
        return [
            sum(max(before, 0.0) + size for _, before, size in rows) for rows in self._layout(width)
        ]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = max(self._heights(available_width)) + self.pad[2] + self.pad[3]
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self.wrap(available_width, available_height)
        if self.height <= PAGE_H - MARGIN_TOP - MARGIN_BOTTOM:
            return []  # fits on the next page whole
        return [*self.columns[0], *self.columns[1]]

    def draw(self) -> None:
        canvas = self.canv
        left_w = self.width * self.split_at
        canvas.setStrokeColor(self.line)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.width, self.height)
        canvas.line(left_w, 0, left_w, self.height)
        canvas.setStrokeColor(self.bar)
        canvas.setLineWidth(4)
        canvas.line(0, 0, 0, self.height)
        for rows, x in zip(self._layout(self.width), (0.0, left_w), strict=True):
            y = self.height - self.pad[2]
            for flowable, before, size in rows:
                if before < 0:  # the space after a flowable
                    y -= size
                    continue
                y -= before + size
                flowable.drawOn(canvas, x + self.pad[0], y)


class _Styles:
    """The paragraph styles of the printout, made once per process."""

    def __init__(self) -> None:
        def style(name: str, size: float, **extra: Any) -> ParagraphStyle:
            base: dict[str, Any] = {
                "fontName": FONT,
                "fontSize": size,
                "leading": size * 1.28,
                "textColor": INK,
            }
            options = base | extra
            options["textColor"] = _colour(options["textColor"])
            return ParagraphStyle(name, **options)

        self.body = style("body", 8.5)
        self.small = style("small", 7.5)
        self.serving = style("serving", 7, leading=8.6)
        self.muted = style("muted", 7.5, textColor=MUTED)
        self.italic = style("italic", 7.5, textColor=MUTED, fontName=ITALIC)
        self.eyebrow = style("eyebrow", 8, textColor=MUTED, spaceAfter=2)
        self.title = style("title", 24, fontName=BOLD, spaceAfter=4)
        self.goal = style("goal", 15, fontName=BOLD, textColor=ACCENT, spaceAfter=2)
        self.goal_detail = style("goal_detail", 10.5, spaceAfter=2)
        self.dates = style("dates", 8.5, textColor=MUTED, spaceAfter=8)
        self.stat_value = style("stat_value", 15, fontName=BOLD, textColor=ACCENT)
        self.stat_label = style("stat_label", 6.5, textColor=MUTED)
        self.panel_head = style("panel_head", 7.5, fontName=BOLD, textColor=MUTED, spaceAfter=3)
        self.cell = style("cell", 8)
        self.cell_right = style("cell_right", 8, fontName=BOLD, alignment=TA_RIGHT)
        self.cell_sub = style("cell_sub", 6.5, textColor=MUTED)
        self.h2 = style("h2", 14, fontName=BOLD, textColor=ACCENT, spaceBefore=6, spaceAfter=6)
        self.h3 = style("h3", 10.5, fontName=BOLD, spaceBefore=4, spaceAfter=2)
        self.caption = style("caption", 7.5, textColor=MUTED, spaceAfter=10)
        self.rule = style("rule", 7.5, leading=9.4)
        self.notice_reason = style("notice_reason", 7.5, textColor=MUTED, spaceAfter=3)
        self.week_title = style("week_title", 18, fontName=BOLD, textColor=ACCENT, leading=22)
        self.week_block = style("week_block", 9, spaceBefore=2)
        self.week_summary = style("week_summary", 8.5, alignment=TA_RIGHT)
        self.section = style("section", 7.5, fontName=BOLD, textColor=MUTED, spaceBefore=6)
        self.day_head = style("day_head", 8, fontName=BOLD)
        self.chip = style("chip", 7.5, leading=9)
        self.mini = style("mini", 6.5, leading=7.8)
        self.rest = style("rest", 8, textColor=FAINT, fontName=ITALIC)
        self.note = style("note", 8, leftIndent=9, bulletIndent=1)
        self.when = style("when", 7.5, fontName=BOLD)
        self.card_title = style("card_title", 11.5, fontName=BOLD, leading=14)
        self.tags = style("tags", 7, leading=10, textColor=INK, spaceAfter=2)
        self.summary = style("summary", 8.5, fontName=BOLD, spaceAfter=2)
        self.step = style("step", 8.5, leftIndent=12, bulletIndent=0)
        self.substep = style("substep", 8.5, leftIndent=24, bulletIndent=12)
        self.why_head = style("why_head", 6.5, fontName=BOLD, textColor=MUTED, spaceAfter=1)
        self.reason = style("reason", 7.3, leading=9, leftIndent=7, bulletIndent=0)
        self.lift = style("lift", 8, leading=9.6)
        self.lift_bold = style("lift_bold", 8, leading=9.6, fontName=BOLD)


@functools.cache
def _n(hex_colour: str) -> str:
    """A name for ``#rrggbb`` in paragraph markup, registered with ReportLab on first use.

    ReportLab reads a name from its colour table at once, while it tries several parsers on
    a ``#rrggbb`` string first: thousands of inline colours cost a tenth of a second.
    """
    name = "runlift" + hex_colour.removeprefix("#")
    table = colors.toColor.extraColorsNS
    if name not in table:
        colors.toColor.setExtraColorsNameSpace({**table, name: _colour(hex_colour)})
    return name


@functools.cache
def _colour(hex_colour: str) -> colors.Color:
    return colors.HexColor(hex_colour)


@functools.cache
def _styles() -> _Styles:
    return _Styles()


class _Layout:
    """Turns a report into platypus flowables; one instance per printout."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.s = _styles()
        self._shared: dict[tuple[str, str], Flowable] = {}

    def p(self, markup: str, style: ParagraphStyle, bullet: str | None = None) -> Flowable:
        """A paragraph; one shared instance for markup that repeats (headings of each card).

        Sharing is safe: every use of a repeated text has the same style and width, so a
        wrap for one place is the wrap for all of them.
        """
        if bullet is not None or "<a " in markup:
            return Paragraph(markup, style, bulletText=bullet)
        key = (markup, style.name)
        paragraph = self._shared.get(key)
        if paragraph is None:
            paragraph = self._shared[key] = Paragraph(markup, style)
        return paragraph

    def heading(
        self,
        markup: str,
        style: ParagraphStyle,
        *,
        key: str,
        outline: str,
        running: str | None = None,
    ) -> list[Flowable]:
        """A heading that is also a bookmark (and named destination ``key``).

        ``running`` replaces the running header from this heading on ("" for none).
        """
        return [
            _Mark(outline, key, 0, running=running),
            self.p(f'<a name="{key}"/>{markup}', style),
        ]

    def table(
        self,
        rows: list[list[Any]],
        widths: Sequence[float],
        commands: list[tuple[Any, ...]],
        **options: Any,
    ) -> Flowable:
        parsed: list[Any] = [
            tuple(_colour(v) if isinstance(v, str) and v.startswith("#") else v for v in command)
            for command in commands
        ]
        return Table(rows, colWidths=list(widths), style=TableStyle(parsed), **options)

    # The cover.

    def cover(self) -> list[Flowable]:
        r, s = self.report, self.s
        story: list[Flowable] = [
            self.p("RUNLIFT · TRAINING PLAN", s.eyebrow),
            *self.heading(_text(r.athlete), s.title, key="top", outline=r.athlete),
            self.p(_text(r.goal), s.goal),
            self.p(" · ".join(_text(item) for item in r.goal_detail), s.goal_detail),
            self.p(f"{_text(r.plan_dates)} · times in {_text(r.timezone)}", s.dates),
            *self.notices(),
            self.stats(r.stats),
            Spacer(1, 8),
            self.baseline(),
            Spacer(1, 6),
            self.key(),
        ]
        return story

    def notices(self) -> list[Flowable]:
        """What the plan changed from the profile and what to watch, under the header."""
        s, notices = self.s, self.report.notices
        if not notices:
            return []
        story: list[Flowable] = [self.p("BEFORE YOU START", s.panel_head)]
        for notice in notices:
            story.append(
                self.p(
                    f"{self.badge(notice.label, notice.css)} <b>{_text(notice.field)}:</b> "
                    f"{_text(notice.text)}",
                    s.body,
                )
            )
            story.append(self.p(_linked(notice.reason), s.notice_reason))
        story.append(Spacer(1, 6))
        return story

    def stats(self, stats: Sequence[Row]) -> Flowable:
        s = self.s
        gap = 4.0
        width = (FRAME_W - gap * (len(stats) - 1)) / max(len(stats), 1)
        cells: list[Any] = []
        widths: list[float] = []
        for n, stat in enumerate(stats):
            if n:
                cells.append("")
                widths.append(gap)
            cells.append(
                [
                    self.p(_text(stat.value), s.stat_value),
                    self.p(_text(stat.label.upper()), s.stat_label),
                ]
            )
            widths.append(width)
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
        for column in range(0, len(cells), 2):
            commands.append(("BOX", (column, 0), (column, 0), 0.6, LINE))
        return self.table([cells], widths, commands, hAlign="LEFT")

    def panel(self, title: str, rows: Sequence[Row], note: str, width: float) -> list[Flowable]:
        s = self.s
        story: list[Flowable] = [self.p(_text(title.upper()), s.panel_head)]
        if rows:
            data = []
            for row in rows:
                label: list[Flowable] = [self.p(_text(row.label), s.cell)]
                if row.note:
                    label.append(self.p(_text(row.note), s.cell_sub))
                data.append([label, self.p(_text(row.value), s.cell_right)])
            story.append(
                self.table(
                    data,
                    (width * 0.6, width * 0.4),
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ],
                )
            )
        if note:
            story += [Spacer(1, 3), self.p(_text(note), s.muted)]
        return story

    def baseline(self) -> Flowable:
        r = self.report
        gap = 8.0
        width = (FRAME_W - 2 * gap) / 3
        inner = width - 16
        cells = [
            self.panel("Running paces", r.running, r.running_note, inner),
            "",
            self.panel("Strength (estimated 1RM)", r.strength, r.strength_note, inner),
            "",
            self.panel("Body", r.body, "", inner),
        ]
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ]
        for column in (0, 2, 4):
            commands.append(("BOX", (column, 0), (column, 0), 0.6, LINE))
        return self.table([cells], (width, gap, width, gap, width), commands, hAlign="LEFT")

    def key(self) -> Flowable:
        s = self.s
        samples = [
            ("easy run", "easy"),
            ("quality run", "quality"),
            ("race", "race"),
            ("lift", "lift"),
        ]
        cells: list[Any] = [self.p(_text(text), s.small) for text, _ in samples]
        badges = " ".join(
            self.badge(text, css)
            for text, css in (
                ("Build", "build"),
                ("Deload", "deload"),
                ("Taper", "taper"),
                ("Race week", "race"),
            )
        )
        cells.append(self.p(badges, s.small))
        cells.append(
            self.p(
                f'<font color="{_n(ACCENT)}"><b>SCH-2</b></font> rule ID, explained at the end',
                s.small,
            )
        )
        widths = (52, 62, 38, 34, 185, FRAME_W - 371)
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
        for column, (_, css) in enumerate(samples):
            line, background = _colours(css)
            commands.append(("BACKGROUND", (column, 0), (column, 0), background))
            commands.append(("LINEBEFORE", (column, 0), (column, 0), 3, line))
        return self.table([cells], widths, commands, hAlign="LEFT")

    def badge(self, text: str, css: str) -> str:
        colour, background = _BADGES[css]
        return (
            f'<font backColor="{_n(background)}" color="{_n(colour)}">'
            f"<b>\u00a0{_text(text.upper())}\u00a0</b></font>"
        )

    def rules(self) -> list[Flowable]:
        s = self.s
        rules = self.report.rules
        cells = [
            self.p(
                f'<a name="rule-{rule.id}"/>'
                f'<font backColor="{_n(RULE_BG)}" color="{_n(ACCENT)}"><b>{rule.id}</b></font> '
                f"{_text(rule.title)} "
                f'<font color="{_n(MUTED)}" size="6.5">({_text(rule.category)})</font>',
                s.rule,
            )
            for rule in rules
        ]
        half = (len(cells) + 1) // 2
        left, right = cells[:half], cells[half:]
        rows = [[a, right[n] if n < len(right) else ""] for n, a in enumerate(left)]
        gap = 14.0
        width = (FRAME_W - gap) / 2
        sources: list[Flowable] = []
        if self.report.sources:
            sources = [
                Spacer(1, 6),
                self.p("The guidance the rules come from", s.h3),
                *(
                    self.p(
                        f"<b>{_text(source.id)} {_text(source.title)}</b>: {_text(source.summary)}",
                        s.rule,
                    )
                    for source in self.report.sources
                ),
            ]
        return [
            PageBreak(),
            *self.heading(
                "Rules cited in this plan", s.h2, key="rules", outline="Rules cited", running=""
            ),
            *self._rule_table(rows, width, gap),
            *sources,
        ]

    def _rule_table(self, rows: list[list[Any]], width: float, gap: float) -> list[Flowable]:
        return [
            self.table(
                [[a, "", b] for a, b in rows],
                (width, gap, width),
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ],
                hAlign="LEFT",
            ),
        ]

    # The charts.

    def charts(self) -> list[Flowable]:
        s, r = self.s, self.report
        story: list[Flowable] = [
            PageBreak(),
            *self.heading(
                "The plan in numbers",
                s.h2,
                key="charts",
                outline="The plan in numbers",
                running="",
            ),
        ]
        for figure in r.figures:
            story.append(
                KeepTogether(
                    [
                        self.p(f'<a name="{figure.id}"/>{_text(figure.title)}', s.h3),
                        report_charts.drawing(figure.chart, width_pt=FRAME_W, height_pt=CHART_H),
                        self.p(_linked(figure.caption), s.caption),
                    ]
                )
            )
        story += [self.p(_text(text), s.muted) for text in r.missing_charts]
        return story

    # Progress against the log.

    def progress(self) -> list[Flowable]:
        """Today's numbers, a row per started week and the progress charts, from a new page."""
        s, progress = self.s, self.report.progress
        if progress is None:
            return []
        story: list[Flowable] = [
            PageBreak(),
            *self.heading(
                _text(progress.title), s.h2, key="progress", outline="Progress", running=""
            ),
            self.p(_text(progress.summary), s.muted),
            Spacer(1, 6),
            self.p("TODAY", s.panel_head),
            self.progress_rows(),
            Spacer(1, 8),
            self.p("WEEK BY WEEK", s.panel_head),
            self.progress_weeks(),
            Spacer(1, 8),
        ]
        for figure in progress.figures:
            story.append(
                KeepTogether(
                    [
                        self.p(f'<a name="{figure.id}"/>{_text(figure.title)}', s.h3),
                        report_charts.drawing(figure.chart, width_pt=FRAME_W, height_pt=CHART_H),
                        self.p(_linked(figure.caption), s.caption),
                    ]
                )
            )
        story += [self.p(_text(text), s.muted) for text in progress.notes]
        return story

    def progress_rows(self) -> Flowable:
        s, progress = self.s, self.report.progress
        rows = [
            [
                [self.p(_text(row.label), s.cell)]
                + ([self.p(_text(row.note), s.cell_sub)] if row.note else []),
                self.p(_text(row.value), s.cell_right),
            ]
            for row in (progress.rows if progress is not None else ())
        ]
        return self.table(
            rows,
            (FRAME_W * 0.5, FRAME_W * 0.2),
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, LINE),
            ],
            hAlign="LEFT",
        )

    def progress_weeks(self) -> Flowable:
        s, progress = self.s, self.report.progress
        names = ["WEEK", "DATES", "SESSIONS DONE", "SHARE", "EXTRA", "LOAD PLANNED", "LOAD DONE"]
        rows: list[list[Any]] = [names]
        for week in progress.weeks if progress is not None else ():
            rows.append(
                [
                    self.p(f"<b>{week.number}</b>", s.cell),
                    self.p(_text(week.dates), s.cell_sub),
                    self.p(_text(week.sessions), s.cell),
                    week.adherence,
                    week.extras,
                    week.planned_load,
                    week.done_load,
                ]
            )
        widths = (34, 104, 150, 44, 40, 70, FRAME_W - 442)
        return self.table(
            rows,
            widths,
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONT", (3, 1), (-1, -1), FONT, 8),
                ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LINEBELOW", (0, 0), (-1, 0), 1, LINE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
                *_HEAD_ROW,
            ],
            repeatRows=1,
            hAlign="LEFT",
        )

    # The plan at a glance.

    def glance(self) -> list[Flowable]:
        """Every week on a row (as many sub-rows as its busiest day has sessions)."""
        s, weeks = self.s, self.report.weeks
        names = ("WEEK", *(day.upper() for day in _DAYS), "KM", "LIFTS")
        rows: list[list[Any]] = [list(names)]
        week_w, number_w = 84.0, 28.0
        day_w = (FRAME_W - week_w - 2 * number_w) / 7
        widths = (week_w, *([day_w] * 7), number_w, number_w)
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LINEBELOW", (0, 0), (-1, 0), 1.2, _colour(LINE)),
            *_HEAD_ROW,
        ]
        for week in weeks:
            first = len(rows)
            depth = max(1, *(len(day.chips) for day in week.days))
            badges = "".join(
                "<br/>" + self.badge(b.text, b.css) for b in week.badges if b.css != "build"
            )
            block: list[list[Any]] = [[""] * len(names) for _ in range(depth)]
            block[0][0] = self.p(
                f'<a href="#{week.anchor}"><font size="9" color="{_n(ACCENT)}"><b>{week.number}</b>'
                f"</font> {_text(week.short_date)}</a><br/>"
                f'<font size="6" color="{_n(MUTED)}">{_text(week.block)}</font>{badges}',
                s.mini,
            )
            block[0][8] = self.p(_text(week.km), s.mini)
            block[0][9] = self.p(str(week.lifts), s.mini)
            for column, day in enumerate(week.days, start=1):
                for n, chip in enumerate(day.chips):
                    text = _text(chip.short)
                    if chip.css.endswith(("quality", "race")):
                        text = f"<b>{text}</b>"
                    block[n][column] = self.p(f'<a href="#{chip.anchor}">{text}</a>', s.mini)
                    commands += self.chip_style(column, first + n, chip.css, bar=2.5)
            rows += block
            last = first + depth - 1
            for column in (0, 8, 9):
                commands.append(("SPAN", (column, first), (column, last)))
            commands.append(("LINEBELOW", (0, last), (-1, last), 0.4, _colour(LINE)))
            commands.append(("BOTTOMPADDING", (0, last), (-1, last), 3))
            commands.append(("TOPPADDING", (0, first), (-1, first), 3))
        return [
            Spacer(1, 10),
            *self.heading(
                "The plan at a glance", s.h2, key="glance", outline="The plan at a glance"
            ),
            self.table(rows, widths, commands, repeatRows=1, hAlign="LEFT"),
        ]

    def chip_style(self, column: int, row: int, css: str, *, bar: float) -> list[tuple[Any, ...]]:
        """A session's cell: its modality's background and a coloured bar on the left."""
        line, background = _colours(css)
        return [
            ("BACKGROUND", (column, row), (column, row), _colour(background)),
            ("LINEBEFORE", (column, row), (column, row), bar, _colour(line)),
            ("LINEABOVE", (column, row), (column, row), 1.5, colors.white),
        ]

    # The weeks.

    def week(self, week: Week) -> list[Flowable]:
        s = self.s
        badges = " ".join(self.badge(b.text, b.css) for b in week.badges)
        title = self.p(
            f'<a name="{week.anchor}"/>Week {week.number} '
            f'<font size="11" color="{_n(MUTED)}">{_text(week.dates)}</font>',
            s.week_title,
        )
        head = self.table(
            [
                [
                    [title, self.p(f"{_text(week.block)} {badges}", s.week_block)],
                    [self.p(_text(line), s.week_summary) for line in week.summary],
                ]
            ],
            (FRAME_W * 0.62, FRAME_W * 0.38),
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBELOW", (0, 0), (-1, -1), 2.2, ACCENT),
            ],
        )
        mark = _Mark(
            f"Week {week.number} · {week.dates}",
            week.anchor,
            0,
            running=f"Week {week.number} {week.dates}",
        )
        story: list[Flowable] = [PageBreak(), mark, head, Spacer(1, 8), self.grid(week)]
        if week.fuel:
            story += [
                self.p(_linked(f"NUTRITION TARGETS AND SERVINGS ({FUEL_RULES})"), s.section),
                self.fuel(week.fuel),
            ]
        if week.notes:
            story.append(self.p("THIS WEEK", s.section))
            story += [self.p(_linked(note), s.note, bullet="•") for note in week.notes]
        story.append(Spacer(1, 6))
        for card in week.cards:
            story += self.card(card)
        return story

    def grid(self, week: Week) -> Flowable:
        """Monday to Sunday, a column a day, a session a cell, each linking to its card."""
        s = self.s
        width = FRAME_W / 7
        depth = max(1, *(len(day.chips) for day in week.days))
        rows: list[list[Any]] = [
            [
                self.p(
                    f'{day.name} <font color="{_n(MUTED)}" size="7">{_text(day.date)}</font>',
                    s.day_head,
                )
                for day in week.days
            ]
        ]
        rows += [[""] * 7 for _ in range(depth)]
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.5, _colour(LINE)),
            ("INNERGRID", (0, 0), (-1, 0), 0.5, _colour(LINE)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, _colour(LINE)),
            ("BACKGROUND", (0, 0), (-1, 0), _colour(HEAD_BG)),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        for column, day in enumerate(week.days):
            commands.append(("LINEAFTER", (column, 0), (column, -1), 0.5, _colour(LINE)))
            if day.goal:
                commands.append(("BACKGROUND", (column, 0), (column, 0), _colour(GOAL_BG)))
            if not day.chips:
                rows[1][column] = self.p("Rest", s.rest)
            for n, chip in enumerate(day.chips):
                line, _ = _colours(chip.css)
                title = _text(chip.title)
                if chip.css.endswith(("quality", "race")):
                    title = f"<b>{title}</b>"
                rows[1 + n][column] = self.p(
                    f'<a href="#{chip.anchor}"><font size="7" color="{_n(line)}"><b>'
                    f"{_text(chip.time)}</b></font><br/>{title}<br/>"
                    f'<font size="6.8" color="{_n(MUTED)}">{_text(chip.meta)}</font></a>',
                    s.chip,
                )
                commands += self.chip_style(column, 1 + n, chip.css, bar=3)
        commands.append(("BOTTOMPADDING", (0, depth), (-1, depth), 6))
        return self.table(rows, [width] * 7, commands, minRowHeights=[0] + [0] * (depth - 1) + [40])

    def servings(self, servings: Sequence[Serving] | None, width: float) -> Flowable:
        """A day's servings as a small table: time, protein, carbohydrate, what it is for.

        ``None`` gives the header row the column heads, aligned with every day's table.
        """
        s = self.s
        widths = (27.0, 36.0, 32.0, width - 95.0)
        if servings is None:
            rows: list[list[Any]] = [["TIME", "PROTEIN", "CARBS", "FOR"]]
            font = [*_HEAD_ROW]
        else:
            rows = [
                [
                    serving.time,
                    serving.protein,
                    serving.carbohydrate,
                    self.p(_linked(serving.purpose), s.serving),
                ]
                for serving in servings
            ]
            font = [("FONT", (0, 0), (-1, -1), FONT, 7), ("TEXTCOLOR", (0, 0), (-1, -1), INK)]
        return self.table(
            rows,
            widths,
            [
                *font,
                ("ALIGN", (1, 0), (2, -1), "RIGHT"),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (1, 0), (2, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ],
            hAlign="LEFT",
        )

    def fuel(self, days: Sequence[Fuel]) -> Flowable:
        names = ("DAY", "TRAINING", "ENERGY", "SPENT", "PROTEIN", "CARBS", "FAT")
        widths = (46, 40, 50, 48, 36, 32, 28)
        serving_w = FRAME_W - sum(widths)
        rows: list[list[Any]] = [[*names, self.servings(None, serving_w - 4)]]
        for day in days:
            rows.append(
                [
                    day.day,
                    day.band,
                    day.energy,
                    day.expenditure,
                    day.protein,
                    day.carbohydrate,
                    day.fat,
                    self.servings(day.servings, serving_w - 4),
                ]
            )
        return self.table(
            rows,
            (*widths, serving_w),
            [
                *_HEAD_ROW,
                ("FONT", (0, 1), (-1, -1), FONT, 7.5),
                ("FONT", (2, 1), (2, -1), BOLD, 7.5),
                ("TEXTCOLOR", (0, 1), (-1, -1), INK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
            ],
            hAlign="LEFT",
        )

    def card(self, card: Card) -> list[Flowable]:
        """A session: what and when on the left, why here on the right; never split."""
        s = self.s
        line, background = _colours(card.css)
        tags = " ".join(
            f'<font backColor="{_n(background)}">\u00a0{_text(tag)}\u00a0</font>'
            for tag in card.tags
        )
        left_w = FRAME_W * 0.6
        left: list[Flowable] = [
            self.p(
                f'<a name="{card.anchor}"/><font color="{_n(line)}">{_text(card.day.upper())} · '
                f"{_text(card.time)}</font>",
                s.when,
            ),
            self.p(_text(card.title), s.card_title),
            self.p(tags, s.tags),
            self.p(_text(card.summary), s.summary),
        ]
        for number, step in enumerate(card.steps, start=1):
            left.append(self.p(_text(step.text), s.step, bullet=f"{number}."))
            left += [
                self.p(_text(child), s.substep, bullet=f"{chr(96 + n)}.")
                for n, child in enumerate(step.children, start=1)
            ]
        if card.exercises:
            left.append(self.lifts(card, left_w - 12))
        left += [self.p(_text(note), s.italic) for note in card.notes]
        right: list[Flowable] = [self.p("WHY THIS SESSION, HERE", s.why_head)]
        right += [self.p(_linked(reason), s.reason, bullet="•") for reason in card.reasons]
        box = _CardBox(
            left, right, split=0.6 if card.exercises else 0.5, bar=_colour(line), line=_colour(LINE)
        )
        return [_Mark(f"{card.day} · {card.title}", card.anchor, 1), box]

    def lifts(self, card: Card, width: float) -> Flowable:
        s = self.s
        names = ("EXERCISE", "SETS × REPS", "INTENSITY", "LOAD", "REST")
        rows: list[list[Any]] = [list(names)]
        for line in card.exercises:
            name: list[Flowable] = [self.p(_text(line.name), s.lift_bold)]
            if line.notes:
                name.append(self.p(_text(line.notes), s.cell_sub))
            rows.append(
                [
                    name,
                    line.dose,
                    self.p(_text(line.intensity), s.lift),
                    line.load,
                    line.rest,
                ]
            )
        widths = (width * 0.34, width * 0.17, width * 0.21, width * 0.15, width * 0.13)
        return self.table(
            rows,
            widths,
            [
                *_HEAD_ROW,
                ("FONT", (0, 1), (-1, -1), FONT, 8),
                ("FONT", (3, 1), (3, -1), BOLD, 8),
                ("TEXTCOLOR", (0, 1), (-1, -1), INK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
            ],
            hAlign="LEFT",
            spaceBefore=2,
            spaceAfter=3,
        )

    def story(self) -> list[Flowable]:
        """Cover, the plan at a glance, progress (with a log), every week, charts, the rules."""
        story = self.cover()
        story += self.glance()
        story += self.progress()
        for week in self.report.weeks:
            story += self.week(week)
        story += self.charts()
        story += self.rules()
        return story


def _document(report: Report, buffer: io.BytesIO) -> tuple[BaseDocTemplate, type[Canvas]]:
    """A two-pass-free document: running header and footer, then 'page n of N' at the end."""
    footer = report.footer

    class NumberedCanvas(Canvas):
        """Holds every page back until the end, then stamps 'page n of N' on each."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # the base class's own reset

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 7)
                self.setFillColor(_colour(MUTED))
                self.drawRightString(
                    PAGE_W - MARGIN_X, MARGIN_BOTTOM - 16, f"page {self.getPageNumber()} of {total}"
                )
                super().showPage()
            super().save()

    class Document(BaseDocTemplate):
        """Tracks the week for the running header and turns headings into bookmarks."""

        running = ""

        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - ReportLab's name
            if isinstance(flowable, _Mark):
                self.canv.addOutlineEntry(flowable.title, flowable.key, flowable.level, closed=True)
                if flowable.running is not None:
                    self.running = flowable.running

    def page_end(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(_colour(MUTED))
        fonts.draw(canvas, MARGIN_X, MARGIN_BOTTOM - 16, footer, font=FONT, size=7)
        canvas.setFont(FONT, 7)
        if document.running:
            canvas.drawRightString(PAGE_W - MARGIN_X, PAGE_H - MARGIN_TOP + 12, document.running)
        canvas.restoreState()

    document = Document(
        buffer,
        pagesize=(PAGE_W, PAGE_H),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=report.title,
        author=report.athlete,
        subject=report.goal,
        creator="runlift",
        invariant=True,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_W,
        PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="page",
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=page_end)])
    return document, NumberedCanvas


def prepare() -> None:
    """Register the fonts and make the styles now rather than on the first page."""
    fonts.register()
    _styles()


def report_pdf(report: Report) -> bytes:
    """The report printed on A4: the same content as the HTML page, laid out for paper.

    The same report gives the same bytes (no dates in the file, a fixed identifier).
    """
    fonts.register()
    buffer = io.BytesIO()
    document, canvasmaker = _document(report, buffer)
    document.build(_Layout(report).story(), canvasmaker=canvasmaker)
    return buffer.getvalue()


def render_report_pdf(
    plan: Plan,
    *,
    profile: AthleteProfile,
    data: ReportData,
    nutrition: Sequence[DayNutrition] | None,
    timezone: str,
) -> bytes:
    """The plan as an A4 PDF: :func:`build_report`, then :func:`report_pdf`.

    Args:
        plan: the plan to show.
        profile: the athlete it was built for (name, goal, baseline numbers).
        data: what the plan does not carry, from ``runlift.services.report_data``.
        nutrition: daily nutrition targets, or None to leave nutrition out.
        timezone: IANA zone in which session times are shown, e.g. ``Europe/Berlin``.

    Returns:
        The PDF file's bytes; the same inputs give the same bytes.

    Raises:
        InvalidInput: an unknown time zone, or ``data`` not matching the plan's weeks.
    """
    return report_pdf(
        build_report(plan, profile=profile, data=data, nutrition=nutrition, timezone=timezone)
    )
