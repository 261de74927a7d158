"""What the athlete's report shows, already worded and formatted: one model, two renderings.

``runlift.report.build`` builds a :class:`Report` from a plan; the HTML template
and the PDF (ReportLab, ``runlift.report.pdf``) show this same model, so
the page and the printout carry the same words and numbers. Every field is
display text except the ``css`` classes (the modality colour of a session:
``run easy``, ``run quality``, ``run race`` or ``lift``; a phase badge:
``build``, ``deload``, ``taper``, ``race``, ``test``) and the anchors that
links point to.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from runlift.rules import RULES
from runlift.vocabulary import MuscleGroup

_HEX_COLOUR: Final = re.compile(r"#[0-9a-fA-F]{6}")
RULE_ID: Final = re.compile(r"\b[A-Z]{2,3}-\d+\b")
"""A rule ID as the report's texts write it (``SCH-2``, ``RL-1``)."""


def link_rule_ids(escaped: str, link: Callable[[str], str]) -> str:
    """``escaped`` (markup-safe text) with each catalogued rule ID replaced by ``link(id)``.

    Both renderings link rule IDs to the legend this way, each with its own markup.
    """
    return RULE_ID.sub(
        lambda match: link(match.group(0)) if match.group(0) in RULES else match.group(0),
        escaped,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Row:
    """A labelled value of the header (a pace, an estimated 1RM, body mass)."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class CitedRule:
    """A rule the plan names, with its title worded for the athlete's evidence profile."""

    id: str
    title: str
    category: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CitedSource:
    """A guidance document (G1-G5) the plan's rules cite, with what it covers in one line."""

    id: str
    title: str
    summary: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """Something to know before following the plan, shown under the report's header.

    Attributes:
        label: ``Changed`` (the plan does other than the profile asked) or ``Caution``.
        css: ``override`` or ``caution``.
        field: the profile field concerned, as the profile writes it.
        text: what was asked and what the plan does, or what to expect.
        reason: why, one sentence starting with its rule ID when a rule decided.
    """

    label: str
    css: str
    field: str
    text: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Series:
    """One named series of values over the chart's x slots.

    Attributes:
        name: legend text.
        colour: ``"#rrggbb"``.
        values: one per x slot; ``None`` is no value (a gap in a line, nothing for a bar).
        width: line width in points (lines only).
    """

    name: str
    colour: str
    values: tuple[float | None, ...]
    width: float = 1.2

    def __post_init__(self) -> None:
        if _HEX_COLOUR.fullmatch(self.colour) is None:
            msg = f"series {self.name!r}: colour {self.colour!r} is not #rrggbb"
            raise ValueError(msg)
        if any(v is not None and not math.isfinite(v) for v in self.values):
            msg = f"series {self.name!r}: values must be finite numbers or None"
            raise ValueError(msg)
        if not self.width > 0:
            msg = f"series {self.name!r}: line width must be positive"
            raise ValueError(msg)


@dataclass(frozen=True, slots=True, kw_only=True)
class Chart:
    """What to plot over numbered x slots (0, 1, 2, ...), and how to label it.

    Text is drawn in Helvetica with its standard PDF encoding: keep it ASCII.

    Attributes:
        key: id prefix, unique in the page: the svg element gets ``id="{key}-svg"``.
        label: accessible name (``aria-label``).
        ylabel: y-axis title with its unit, e.g. ``"km"``, ``"load (AU/day)"``.
        xlabel: x-axis title.
        bars: stacked bars, first series at the bottom; values must not be negative.
        lines: lines drawn over the bars.
        ticks: ``(x slot, label)`` for the x axis, e.g. week numbers at week starts.
        shaded: x slots drawn on a light grey band (deload/taper weeks).
        shade_label: legend text for the band (shown only when ``shaded`` is non-empty).
        marker: ``(x slot, text)``: dashed red vertical line above the slot's bar (never
            over it), its text above the plot, e.g. ``(race day, "race")``.
        cap_marker_bar: scale the y axis without the bar of the marker's slot, so that
            one outsized day (a race) does not flatten every other bar; a taller bar
            there is cut at the top of the plot with a break mark, and the marker's text
            should give its value.
        zero_line: draw y = 0 when the y axis goes below zero (lines with negative values).
        zero_based: the y axis starts at 0 (or below); False fits it to the lines' values,
            so that a trend of values far from 0 (an e1RM, a VDOT) shows. Lines only.
    """

    key: str
    label: str
    ylabel: str
    xlabel: str = "week"
    bars: tuple[Series, ...] = ()
    lines: tuple[Series, ...] = ()
    ticks: tuple[tuple[int, str], ...] = ()
    shaded: tuple[int, ...] = ()
    shade_label: str = ""
    marker: tuple[int, str] | None = None
    cap_marker_bar: bool = False
    zero_line: bool = False
    zero_based: bool = True

    def __post_init__(self) -> None:
        if not self.zero_based and self.bars:
            msg = f"chart {self.key!r}: bars start at 0, so the y axis must too"
            raise ValueError(msg)
        if re.fullmatch(r"[A-Za-z][\w-]*", self.key) is None:
            msg = f"chart key {self.key!r} must be a letter followed by letters, digits, - or _"
            raise ValueError(msg)
        for series in self.bars:
            if any(v is not None and v < 0 for v in series.values):
                msg = f"bar series {series.name!r} has a negative value"
                raise ValueError(msg)
        slots = [s for s, _ in self.ticks] + list(self.shaded)
        if self.marker is not None:
            slots.append(self.marker[0])
        if any(s < 0 for s in slots):
            msg = "x slots must not be negative"
            raise ValueError(msg)


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A chart with its title and caption; ``chart`` is what it plots, drawn by each renderer."""

    id: str
    title: str
    caption: str
    chart: Chart


@dataclass(frozen=True, slots=True, kw_only=True)
class Chip:
    """A session in a calendar grid or the plan at a glance, linking to its card."""

    anchor: str
    time: str
    title: str
    short: str
    meta: str
    css: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """A step of a run, with the steps of a repeat nested under it."""

    text: str
    children: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ExerciseLine:
    """One exercise of a lifting session."""

    name: str
    dose: str
    intensity: str
    load: str
    rest: str
    notes: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Card:
    """A session in full: when, what, its prescription and why it sits where it does."""

    anchor: str
    day: str
    time: str
    title: str
    css: str
    tags: tuple[str, ...]
    summary: str
    steps: tuple[Step, ...]
    exercises: tuple[ExerciseLine, ...]
    notes: tuple[str, ...]
    reasons: tuple[str, ...]
    rules: tuple[str, ...]


FUEL_RULES: Final = "NUT-1, NUT-2, NUT-3, NUT-4"
"""The rules behind a week's nutrition table, cited once in its heading."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Serving:
    """One timed serving of a day: when, its protein and carbohydrate, and what it is for."""

    time: str
    protein: str
    carbohydrate: str
    purpose: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Fuel:
    """A day's nutrition targets, with its servings as a small table."""

    day: str
    band: str
    energy: str
    expenditure: str
    protein: str
    carbohydrate: str
    fat: str
    servings: tuple[Serving, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Day:
    """A day of a week's calendar grid; ``goal`` marks race or test day."""

    name: str
    date: str
    chips: tuple[Chip, ...]
    goal: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Badge:
    """A phase badge (Build, Deload, Taper, Race week, Test week)."""

    text: str
    css: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Week:
    """A week of the plan: heading, calendar, nutrition, notes and session cards."""

    anchor: str
    number: int
    dates: str
    short_date: str
    block: str
    badges: tuple[Badge, ...]
    summary: tuple[str, ...]
    km: str
    lifts: int
    notes: tuple[str, ...]
    days: tuple[Day, ...]
    cards: tuple[Card, ...]
    fuel: tuple[Fuel, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgressWeek:
    """A started week of the plan against the log: sessions done of those due, load."""

    number: int
    dates: str
    sessions: str
    adherence: str
    missed: str
    extras: str
    planned_load: str
    done_load: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    """The plan set against the training log, for an athlete who keeps one.

    Attributes:
        title: the heading, with the day it is read on.
        summary: a sentence saying what the section shows.
        rows: today's numbers (sessions done, load, estimates, body mass, readiness).
        weeks: a row per started week.
        figures: its charts.
        notes: what could not be charted yet, and why.
    """

    title: str
    summary: str
    rows: tuple[Row, ...]
    weeks: tuple[ProgressWeek, ...]
    figures: tuple[Figure, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """The whole report, in reading order; ``progress`` only for an athlete with a log."""

    title: str
    athlete: str
    goal: str
    goal_detail: tuple[str, ...]
    plan_dates: str
    timezone: str
    stats: tuple[Row, ...]
    running: tuple[Row, ...]
    running_note: str
    strength: tuple[Row, ...]
    strength_note: str
    body: tuple[Row, ...]
    rules: tuple[CitedRule, ...]
    figures: tuple[Figure, ...]
    missing_charts: tuple[str, ...]
    weeks: tuple[Week, ...]
    footer: str
    notices: tuple[Notice, ...] = ()
    sources: tuple[CitedSource, ...] = ()
    progress: Progress | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportData:
    """What the report shows that the plan itself does not carry.

    Attributes:
        weekly_sets: for each week of the plan, in order, the hard (work) sets per
            muscle group: every set of an exercise counts once for each group the
            exercise trains directly (its primary groups).
    """

    weekly_sets: tuple[Mapping[MuscleGroup, int], ...]
