"""What the athlete's report shows, already worded and formatted: one model, two renderings.

``runlift.io.report`` builds a :class:`Report` from a plan; the HTML template
and the PDF (WeasyPrint printing that HTML) show this same model, so
the page and the printout carry the same words and numbers. Every field is
display text except the ``css`` classes (the modality colour of a session:
``run easy``, ``run quality``, ``run race`` or ``lift``; a phase badge:
``build``, ``deload``, ``taper``, ``race``, ``test``) and the anchors that
links point to.
"""

from __future__ import annotations

from dataclasses import dataclass


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
class Figure:
    """A chart with its title and caption; ``svg`` is the chart written for the page."""

    id: str
    title: str
    caption: str
    svg: str


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


@dataclass(frozen=True, slots=True, kw_only=True)
class Fuel:
    """A day's nutrition targets."""

    day: str
    band: str
    energy: str
    expenditure: str
    protein: str
    carbohydrate: str
    fat: str
    servings: tuple[str, ...]


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
class Report:
    """The whole report, in reading order."""

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
