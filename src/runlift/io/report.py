"""The athlete's printable report: one self-contained HTML page, and the same as a PDF.

:func:`build_report` words and formats a plan into a
:class:`~runlift.io.report_model.Report`; :func:`report_html` renders it as HTML
with everything inline (CSS, charts as SVG, no fonts or scripts from anywhere)
and :func:`report_pdf` lays the same model out on A4 with ReportLab
(``runlift.io.report_pdf``); the charts are ReportLab drawings, inline SVG on the
page and vector graphics on paper (``runlift.io.report_charts``). :func:`render_report_html` and
:func:`render_report_pdf` do both steps. They work on strings and bytes, never
paths. What the plan does not carry (hard sets per muscle group, which needs
the exercise library) comes in through :class:`ReportData`, built by
``runlift.services.report_data``. The same inputs give the same HTML and PDF
bytes.

The report holds, in order: a header (athlete, goal, plan dates, baseline
numbers, a legend of colours and of the rule IDs the plan cites), four charts,
the whole plan at a glance, then every week from a new page with its Monday-to-Sunday
grid, its daily nutrition targets and a card per session with its full
prescription and the reasons for its placement. ``docs/report.md`` describes it.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources
from typing import TYPE_CHECKING, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from runlift.domain.athlete import AthleteProfile, LiftRecord
from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan, PlannedSession, PlanWeek
from runlift.domain.prescription import (
    ExercisePrescription,
    LiftPrescription,
    RunPrescription,
    RunRepeat,
    RunStep,
)
from runlift.domain.quantities import NAMED_DISTANCES_M
from runlift.errors import InvalidInput
from runlift.io.prescription_text import prescription_lines
from runlift.io.report_model import (
    RULE_ID,
    Badge,
    Card,
    Chart,
    Chip,
    CitedRule,
    Day,
    ExerciseLine,
    Figure,
    Fuel,
    Report,
    Row,
    Series,
    Step,
    Week,
    link_rule_ids,
)
from runlift.planner.baseline import Baseline, baseline
from runlift.rules import RULES, Rule
from runlift.science import load, running
from runlift.units import format_duration, format_pace
from runlift.vocabulary import (
    DistanceName,
    EvidenceProfile,
    GoalKind,
    LiftKind,
    MuscleGroup,
    PaceZone,
    Phase,
    RunKind,
    StepKind,
)

if TYPE_CHECKING:
    import jinja2
    from markupsafe import Markup

TEMPLATE: Final = "templates/report.html.j2"

_MONTHS: Final = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_DAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_NAMES: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_RACE_NAMES: Final = {
    DistanceName.M1500: "1500 m",
    DistanceName.MILE: "Mile",
    DistanceName.M3000: "3000 m",
    DistanceName.MI2: "2 miles",
    DistanceName.K5: "5 km",
    DistanceName.K10: "10 km",
    DistanceName.K15: "15 km",
    DistanceName.MI10: "10 miles",
    DistanceName.HALF: "Half marathon",
    DistanceName.MARATHON: "Marathon",
}
_KIND_LABELS: Final[Mapping[RunKind | LiftKind, str]] = {
    RunKind.RECOVERY: "Recovery run",
    RunKind.EASY: "Easy run",
    RunKind.LONG: "Long run",
    RunKind.TEMPO: "Tempo",
    RunKind.INTERVALS: "Intervals",
    RunKind.REPETITION: "Repetitions",
    RunKind.HILLS: "Hills",
    RunKind.SPRINTS: "Sprints",
    RunKind.RACE_PACE: "Race pace",
    RunKind.RACE: "Race",
    LiftKind.HEAVY_LOWER: "Heavy lower",
    LiftKind.UPPER: "Upper body",
    LiftKind.FULL_BODY: "Full body",
    LiftKind.EXPLOSIVE: "Explosive",
    LiftKind.RUNNER_STRENGTH: "Runner strength",
}
_SHORT_LABELS: Final[Mapping[RunKind | LiftKind, str]] = {
    RunKind.RECOVERY: "Recovery",
    RunKind.EASY: "Easy",
    RunKind.LONG: "Long",
    RunKind.TEMPO: "Tempo",
    RunKind.INTERVALS: "Intervals",
    RunKind.REPETITION: "Reps",
    RunKind.HILLS: "Hills",
    RunKind.SPRINTS: "Sprints",
    RunKind.RACE_PACE: "Race pace",
    RunKind.RACE: "RACE",
    LiftKind.HEAVY_LOWER: "Lower",
    LiftKind.UPPER: "Upper",
    LiftKind.FULL_BODY: "Full body",
    LiftKind.EXPLOSIVE: "Power",
    LiftKind.RUNNER_STRENGTH: "Runner",
}
_PHASE_BADGES: Final = {
    Phase.DELOAD: ("Deload", "deload"),
    Phase.TAPER: ("Taper", "taper"),
    Phase.RACE: ("Race week", "race"),
    Phase.TEST: ("Test week", "test"),
}

EASY_LAYER: Final = "easy"
# Quality zones grouped as the running chart shows them, with their colours.
_ZONE_LAYERS: Final[Mapping[PaceZone, str]] = {
    PaceZone.MARATHON: "marathon / race pace",
    PaceZone.RACE: "marathon / race pace",
    PaceZone.THRESHOLD: "threshold",
    PaceZone.INTERVAL: "interval / repetition",
    PaceZone.REPETITION: "interval / repetition",
}
_LAYER_COLOURS: Final = {
    EASY_LAYER: "#93c5fd",
    "marathon / race pace": "#2563eb",
    "threshold": "#1e3a8a",
    "interval / repetition": "#7c3aed",
}
_GROUP_COLOURS: Final = {
    MuscleGroup.LEGS: "#c2410c",
    MuscleGroup.BACK: "#0f766e",
    MuscleGroup.CHEST: "#ca8a04",
    MuscleGroup.SHOULDERS: "#7c3aed",
    MuscleGroup.ARMS: "#db2777",
    MuscleGroup.CORE: "#64748b",
}
LOAD_BAR: Final = "#cbd5e1"
_INK: Final = "#1f2937"
_MACROS: Final[tuple[tuple[str, str, Callable[[DayNutrition], float], int], ...]] = (
    ("protein", "#b91c1c", lambda day: day.protein_g, 4),
    ("carbohydrate", "#f59e0b", lambda day: day.carbohydrate_g, 4),
    ("fat", "#65a30d", lambda day: day.fat_g, 9),
)
"""The energy chart's layers: name, colour, grams of the day, kcal per gram (Atwater)."""
_UNIT_SUFFIXES: Final = (("_g_per_kg", " g/kg"), ("_kcal", " kcal"), ("_h", " h"), ("_g", " g"))


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportData:
    """What the report shows that the plan itself does not carry.

    Attributes:
        weekly_sets: for each week of the plan, in order, the hard (work) sets per
            muscle group: every set of an exercise counts once for each group the
            exercise trains directly (its primary groups).
    """

    weekly_sets: tuple[Mapping[MuscleGroup, int], ...]


# Small formatters: English, locale-free, deterministic.


def _date(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _day_month(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _weekday_date(day: date) -> str:
    return f"{_DAYS[day.weekday()]} {_date(day)}"


def _span(first: date, last: date) -> str:
    """``7-13 Dec 2026``, ``28 Dec 2026 - 3 Jan 2027``."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{_date(last)}"
    if first.year == last.year:
        return f"{_day_month(first)} – {_date(last)}"
    return f"{_date(first)} – {_date(last)}"


def _number(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _thousands(value: float) -> str:
    return f"{round(value):,}"


def _rest(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} s"
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes}:{rest:02d} min"


def _race_name(distance_m: float) -> str:
    for name, metres in NAMED_DISTANCES_M.items():
        if math.isclose(metres, distance_m, abs_tol=1.0):
            return _RACE_NAMES[name]
    return f"{_number(distance_m / 1000, 2)} km race"


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("timezone", name, "an IANA time zone such as Europe/Berlin") from None


def _clock(moment: datetime, zone: ZoneInfo) -> str:
    return f"{moment.astimezone(zone):%H:%M}"


def _time_range(session: PlannedSession, zone: ZoneInfo) -> str:
    if session.scheduled.all_day:
        return "all day"
    return f"{_clock(session.scheduled.start, zone)}–{_clock(session.scheduled.end, zone)}"


# What the plan adds up to.


def _step_km(step: RunStep) -> float:
    """A step's distance in km: as prescribed, or from its time at the middle of its pace range."""
    if step.distance_m is not None:
        return step.distance_m / 1000
    paces = [p for p in (step.pace_fast_s_per_km, step.pace_slow_s_per_km) if p is not None]
    if step.duration_s is not None and paces:
        return step.duration_s / (sum(paces) / len(paces))
    return 0.0


def run_km_by_layer(run: RunPrescription) -> dict[str, float]:
    """A run's km split into the running chart's layers.

    Quality km are the steps at marathon, race, threshold, interval or
    repetition pace (repeats multiplied out); everything else of the run's
    planned distance (warm-up, cool-down, jogs, easy running) is easy.
    """
    layers = dict.fromkeys(_LAYER_COLOURS, 0.0)
    for item in run.steps:
        count, steps = (item.count, item.steps) if isinstance(item, RunRepeat) else (1, (item,))
        for step in steps:
            layer = None if step.zone is None else _ZONE_LAYERS.get(step.zone)
            if layer is not None and step.kind is not StepKind.RECOVERY:
                layers[layer] += count * _step_km(step)
    quality = sum(layers.values())
    layers[EASY_LAYER] = max(run.distance_km - quality, 0.0)
    return layers


def _session_load_au(session: PlannedSession) -> float:
    return load.session_rpe_load_au(
        duration_min=session.prescription.duration_min, rpe=session.prescription.rpe
    )


def _plan_days(plan: Plan) -> list[date]:
    return [plan.start + timedelta(days=i) for i in range((plan.end - plan.start).days + 1)]


def _race_date(profile: AthleteProfile) -> date | None:
    race = profile.goal.race
    return race.date if profile.goal.kind is GoalKind.RACE and race is not None else None


def _cited_rules(
    plan: Plan, nutrition: Sequence[DayNutrition], profile: EvidenceProfile
) -> tuple[CitedRule, ...]:
    """Every catalogued rule the plan names, in catalogue order, with its worded title."""
    texts: list[str] = []
    for week in plan.weeks:
        texts.extend(week.notes)
        for session in week.sessions:
            texts.extend(session.rules)
            texts.extend(session.explanation)
    for day in nutrition:
        texts.extend(day.rules)
        texts.extend(day.notes)
    cited = {found for text in texts for found in RULE_ID.findall(text)}
    return tuple(
        CitedRule(id=rule.id, title=_rule_title(rule, profile), category=rule.category)
        for rule in RULES.values()
        if rule.id in cited
    )


def _rule_title(rule: Rule, profile: EvidenceProfile) -> str:
    """The rule's title with its parameter names replaced by their values for ``profile``."""
    title = rule.title
    for name in sorted(rule.parameters, key=len, reverse=True):
        value = rule.param(name, profile)
        title = re.sub(rf"\b{re.escape(name)}\b", f"{_number(value)}{_unit(name)}", title)
    return title


def _unit(parameter: str) -> str:
    """The unit a parameter's name ends with, e.g. `` h`` for ``min_gap_h``; titles say minutes."""
    return next((unit for end, unit in _UNIT_SUFFIXES if parameter.endswith(end)), "")


# Header.


def _goal_lines(profile: AthleteProfile, base: Baseline) -> tuple[str, tuple[str, ...]]:
    goal = profile.goal
    race = goal.race
    priority = f"{goal.priority.value} first"
    if goal.kind is GoalKind.RACE and race is not None:
        headline = f"{_race_name(race.distance_m)} · {_weekday_date(race.date)}"
        detail: list[str] = []
        if race.target_time_s is not None:
            pace = race.target_time_s / (race.distance_m / 1000)
            detail.append(f"target {format_duration(race.target_time_s)} ({format_pace(pace)})")
        if base.vdot is not None:
            predicted = running.race_time_s(vdot=base.vdot, distance_m=race.distance_m)
            detail.append(
                f"predicted today {format_duration(predicted)} (VDOT {_number(base.vdot)})"
            )
        detail.append(priority)
        return headline, tuple(detail)
    headline = f"{goal.kind.value.replace('_', ' ').capitalize()} goal"
    detail = [priority]
    if goal.weeks is not None:
        detail.append(f"{goal.weeks} weeks")
    if goal.date is not None:
        detail.append(f"test on {_weekday_date(goal.date)}")
    return headline, tuple(detail)


def _running_rows(profile: AthleteProfile, base: Baseline) -> tuple[tuple[Row, ...], str]:
    paces = base.paces
    if paces is None or base.vdot is None:
        return (), "No recent race in the profile: runs are prescribed by effort (RPE)."
    rows = [
        Row(
            label="Easy (E)",
            value=f"{format_pace(paces.easy_min_s_per_km)[:-3]}–"
            f"{format_pace(paces.easy_max_s_per_km)}",
        ),
        Row(label="Marathon (M)", value=format_pace(paces.marathon_s_per_km)),
        Row(label="Threshold (T)", value=format_pace(paces.threshold_s_per_km)),
        Row(label="Interval (I)", value=format_pace(paces.interval_s_per_km)),
        Row(label="Repetition (R)", value=format_pace(paces.repetition_s_per_km)),
    ]
    race = profile.goal.race
    if race is not None and race.target_time_s is not None:
        rows.append(
            Row(
                label="Goal race pace",
                value=format_pace(race.target_time_s / (race.distance_m / 1000)),
            )
        )
    recent = profile.running.recent_race
    source = ""
    if recent is not None:
        when = f", {_date(recent.date)}" if recent.date is not None else ""
        source = f" from {_race_name(recent.distance_m)} in {format_duration(recent.time_s)}{when}"
    note = (
        f"VDOT {_number(base.vdot)}{source} (Daniels 2014). "
        f"Now {_number(profile.running.weekly_km)} km a week."
    )
    return tuple(rows), note


def _record_text(record: LiftRecord) -> str:
    if record.one_rep_max_kg is not None:
        return "as given"
    if record.weight_kg is None or record.reps is None:
        return ""
    rpe = f" at RPE {_number(record.rpe)}" if record.rpe is not None else ""
    return f"from {_number(record.weight_kg)} kg × {record.reps}{rpe}"


def _strength_rows(plan: Plan, profile: AthleteProfile, base: Baseline) -> tuple[Row, ...]:
    names = {e.exercise: e.name for w in plan.weeks for s in w.sessions for e in _lifts_of(s)}
    return tuple(
        Row(
            label=names.get(slug, slug.replace("-", " ").capitalize()),
            value=f"{_number(kg)} kg",
            note=_record_text(profile.lifting.maxes[slug]),
        )
        for slug, kg in base.one_rep_max_kg.items()
    )


def _body_rows(profile: AthleteProfile, base: Baseline) -> tuple[Row, ...]:
    rows = [
        Row(label="Body mass", value=f"{_number(profile.mass_kg)} kg"),
        Row(label="Height", value=f"{_number(profile.height_cm)} cm"),
    ]
    if profile.body_fat_percent is not None:
        rows.append(Row(label="Body fat", value=f"{_number(profile.body_fat_percent)} %"))
    equation = "Cunningham" if base.resting_equation == "cunningham" else "Mifflin-St Jeor"
    rows.append(
        Row(
            label="Resting energy",
            value=f"{_thousands(base.resting_kcal_per_day)} kcal/day",
            note=equation,
        )
    )
    rows.append(Row(label="Lifting experience", value=profile.lifting.experience.value))
    return tuple(rows)


# Sessions.


def _lifts_of(session: PlannedSession) -> tuple[ExercisePrescription, ...]:
    prescription = session.prescription
    return prescription.exercises if isinstance(prescription, LiftPrescription) else ()


def _css(session: PlannedSession) -> str:
    spec = session.scheduled.spec
    if spec.is_lift:
        return "lift"
    if spec.kind is RunKind.RACE:
        return "run race"
    return "run quality" if spec.is_hard_run else "run easy"


def _meta(session: PlannedSession) -> str:
    prescription = session.prescription
    if isinstance(prescription, RunPrescription):
        return f"{_number(prescription.distance_km)} km · RPE {_number(prescription.rpe)}"
    return f"{prescription.hard_sets} sets · RPE {_number(prescription.rpe)}"


def _short(session: PlannedSession) -> str:
    prescription = session.prescription
    label = _SHORT_LABELS[session.scheduled.spec.kind]
    if isinstance(prescription, RunPrescription):
        return f"{label} {_number(prescription.distance_km)}"
    return label


def _anchor(session: PlannedSession) -> str:
    return "s-" + re.sub(r"[^A-Za-z0-9_-]", "-", session.scheduled.spec.id)


def _chip(session: PlannedSession, zone: ZoneInfo) -> Chip:
    return Chip(
        anchor=_anchor(session),
        time=_time_range(session, zone),
        title=session.scheduled.spec.title,
        short=_short(session),
        meta=_meta(session),
        css=_css(session),
    )


def _steps(lines: Sequence[str]) -> tuple[str, tuple[Step, ...], tuple[str, ...]]:
    """Split ``prescription_lines`` output into its summary, nested steps and notes."""
    summary = lines[0] if lines else ""
    steps: list[Step] = []
    notes: list[str] = []
    for line in lines[1:]:
        if line.startswith("  - ") and steps:
            parent = steps[-1]
            steps[-1] = Step(text=parent.text, children=(*parent.children, line[4:]))
        elif line.startswith("- "):
            steps.append(Step(text=line[2:]))
        else:
            notes.append(line.removeprefix("Notes: "))
    return summary, tuple(steps), tuple(notes)


def _exercise(item: ExercisePrescription) -> ExerciseLine:
    intensity = [f"{_number(item.percent_1rm)} % 1RM"] if item.percent_1rm is not None else []
    if item.rpe is not None:
        intensity.append(f"RPE {_number(item.rpe)}")
    return ExerciseLine(
        name=item.name,
        dose=f"{item.sets} × {item.reps}" + (" /side" if item.per_side else ""),
        intensity=" · ".join(intensity) or "max intent",
        load="—" if item.load_kg is None else f"{_number(item.load_kg, 2)} kg",
        rest=_rest(item.rest_s),
        notes=item.notes,
    )


def _card(session: PlannedSession, day: date, zone: ZoneInfo) -> Card:
    spec = session.scheduled.spec
    prescription = session.prescription
    summary, steps, notes = _steps(prescription_lines(prescription))
    tags = [_KIND_LABELS[spec.kind]]
    if spec.key:
        tags.append("key session")
    tags.append(f"≈ {round(prescription.duration_min)} min")
    tags.append(f"load {round(_session_load_au(session))} AU")
    is_lift = isinstance(prescription, LiftPrescription)
    return Card(
        anchor=_anchor(session),
        day=f"{_DAY_NAMES[day.weekday()]} {_date(day)}",
        time=_time_range(session, zone),
        title=spec.title,
        css=_css(session),
        tags=tuple(tags),
        summary=summary,
        steps=() if is_lift else steps,
        exercises=tuple(_exercise(e) for e in _lifts_of(session)),
        notes=tuple(note for note in notes if not spec.title.startswith(note)),
        reasons=session.explanation,
        rules=session.rules,
    )


# Weeks.


def _badges(week: PlanWeek) -> tuple[Badge, ...]:
    badges: list[Badge] = []
    if week.phase in _PHASE_BADGES:
        text, css = _PHASE_BADGES[week.phase]
        badges.append(Badge(text=text, css=css))
    elif week.phase is Phase.BUILD:
        badges.append(Badge(text="Build", css="build"))
    if week.deload and week.phase is not Phase.DELOAD:
        badges.append(Badge(text="Deload", css="deload"))
    return tuple(badges)


def _fuel(day: DayNutrition) -> Fuel:
    servings = tuple(
        f"{serving.at:%H:%M} {round(serving.protein_g)} g P"
        + (f" + {round(serving.carbohydrate_g)} g C" if serving.carbohydrate_g > 0 else "")
        for serving in day.servings
    )
    return Fuel(
        day=f"{_DAYS[day.date.weekday()]} {_day_month(day.date)}",
        band=day.load_band,
        energy=f"{_thousands(day.target_kcal)} kcal",
        expenditure=f"{_thousands(day.expenditure_kcal)} kcal",
        protein=f"{round(day.protein_g)} g",
        carbohydrate=f"{round(day.carbohydrate_g)} g",
        fat=f"{round(day.fat_g)} g",
        servings=servings,
    )


def _week(
    week: PlanWeek,
    *,
    zone: ZoneInfo,
    fuel: Mapping[date, DayNutrition],
    goal_day: date | None,
) -> Week:
    days: list[Day] = []
    cards: list[Card] = []
    for offset in range(7):
        day = week.start + timedelta(days=offset)
        sessions = tuple(s for d in week.days if d.date == day for s in d.sessions)
        days.append(
            Day(
                name=_DAYS[offset],
                date=_day_month(day),
                chips=tuple(_chip(s, zone) for s in sessions),
                goal=day == goal_day,
            )
        )
        cards.extend(_card(s, day, zone) for s in sessions)
    runs = [s.prescription for s in week.sessions if isinstance(s.prescription, RunPrescription)]
    lifts = [s.prescription for s in week.sessions if isinstance(s.prescription, LiftPrescription)]
    km = sum(r.distance_km for r in runs)
    quality = sum(r.distance_km - run_km_by_layer(r)[EASY_LAYER] for r in runs)
    week_load = sum(_session_load_au(s) for s in week.sessions)
    quality_text = f" ({_number(quality)} km quality)" if quality > 0 else ""
    summary = (
        f"{len(runs)} runs · {_number(km)} km{quality_text}",
        f"{len(lifts)} lifts · {sum(lift.hard_sets for lift in lifts)} hard sets",
        f"planned load {_thousands(week_load)} AU",
    )
    last = week.start + timedelta(days=6)
    return Week(
        anchor=f"week-{week.index + 1}",
        number=week.index + 1,
        dates=_span(week.start, last),
        short_date=_day_month(week.start),
        block=f"Block {week.block + 1} · {week.focus.value.replace('_', ' ')}",
        badges=_badges(week),
        summary=summary,
        km=_number(km),
        lifts=len(lifts),
        notes=week.notes,
        days=tuple(days),
        cards=tuple(cards),
        fuel=tuple(_fuel(fuel[d]) for d in sorted(fuel) if week.start <= d <= last),
    )


# Charts.


def _shaded(plan: Plan) -> list[int]:
    return [
        i
        for i, week in enumerate(plan.weeks)
        if week.deload or week.phase in {Phase.DELOAD, Phase.TAPER, Phase.RACE}
    ]


def _week_chart(
    *,
    key: str,
    label: str,
    ylabel: str,
    plan: Plan,
    layers: Mapping[str, Sequence[float]],
    colours: Mapping[str, str],
) -> Chart:
    """Stacked weekly bars, weeks numbered from 1, deload/taper/race weeks on a grey band."""
    count = len(plan.weeks)
    step = 1 if count <= 20 else 2
    return Chart(
        key=key,
        label=label,
        ylabel=ylabel,
        bars=tuple(
            Series(name=name, colour=colours[name], values=tuple(values))
            for name, values in layers.items()
        ),
        ticks=tuple((i, str(i + 1)) for i in range(0, count, step)),
        shaded=tuple(_shaded(plan)),
        shade_label="deload / taper",
    )


def _day_ticks(plan: Plan, days: Sequence[date]) -> tuple[tuple[int, str], ...]:
    """Week numbers at the days on which the plan's weeks start."""
    starts = [days.index(w.start) for w in plan.weeks if w.start in days]
    step = 1 if len(starts) <= 20 else 2
    return tuple((slot, str(n + 1)) for n, slot in enumerate(starts) if n % step == 0)


def _race_marker(days: Sequence[date], race_day: date | None) -> tuple[int, str] | None:
    return (days.index(race_day), "race") if race_day in days else None


def _running_chart(plan: Plan) -> Figure:
    series = {layer: [0.0] * len(plan.weeks) for layer in _LAYER_COLOURS}
    for i, week in enumerate(plan.weeks):
        for session in week.sessions:
            if isinstance(session.prescription, RunPrescription):
                for layer, km in run_km_by_layer(session.prescription).items():
                    series[layer][i] += km
    # Quality layers the plan never uses stay out of the legend; easy is always shown.
    series = {layer: km for layer, km in series.items() if layer == EASY_LAYER or any(km)}
    return Figure(
        id="chart-running",
        title="Weekly running distance by intensity",
        caption=(
            "Quality km are the work steps at marathon, race, threshold, interval or "
            "repetition pace, repeats counted; warm-ups, cool-downs, jogs and easy running "
            "are easy. Grey bands: deload, taper and race weeks."
        ),
        chart=_week_chart(
            key="running",
            label="Weekly running distance by intensity",
            ylabel="km",
            plan=plan,
            layers=series,
            colours=_LAYER_COLOURS,
        ),
    )


def _sets_chart(plan: Plan, data: ReportData) -> Figure:
    groups = [g for g in MuscleGroup if any(week.get(g, 0) for week in data.weekly_sets)]
    series = {g.value: [float(week.get(g, 0)) for week in data.weekly_sets] for g in groups}
    return Figure(
        id="chart-sets",
        title="Weekly hard sets per muscle group",
        caption=(
            "Work sets of every lift, counted once for each muscle group an exercise "
            "trains directly (LFT-4). Grey bands: deload, taper and race weeks."
        ),
        chart=_week_chart(
            key="sets",
            label="Weekly hard sets per muscle group",
            ylabel="hard sets",
            plan=plan,
            layers=series,
            colours={g.value: _GROUP_COLOURS[g] for g in groups},
        ),
    )


def _load_chart(plan: Plan, days: Sequence[date], race_day: date | None) -> Figure:
    by_day = dict.fromkeys(days, 0.0)
    for week in plan.weeks:
        for plan_day in week.days:
            for session in plan_day.sessions:
                by_day[plan_day.date] = by_day.get(plan_day.date, 0.0) + _session_load_au(session)
    loads = [by_day[d] for d in days]
    metrics = load.daily_load_metrics(loads_au=loads)
    last = metrics[-1] if metrics else None
    end = (
        ""
        if last is None
        else f" On {_weekday_date(days[-1])}: CTL {round(last.ctl_au)}, ATL {round(last.atl_au)}, "
        f"TSB {round(last.tsb_au):+d} AU/day."
    )
    tsb = tuple(m.tsb_au for m in metrics)
    return Figure(
        id="chart-load",
        title="Planned training load, fitness, fatigue and form",
        caption=(
            "Bars: each day's planned load, session RPE × minutes (Foster et al. 2001). "
            "Lines: CTL (42-day) and ATL (7-day) impulse-response averages and "
            "TSB = yesterday's CTL − ATL (Banister et al. 1975; Allen & Coggan 2010). "
            "Training before the plan is not known, so the lines start from zero "
            "and the first weeks read low." + end
        ),
        chart=Chart(
            key="load",
            label="Planned daily training load with CTL, ATL and TSB",
            ylabel="load (AU/day)",
            bars=(Series(name="daily load", colour=LOAD_BAR, values=tuple(loads)),),
            lines=(
                Series(
                    name="CTL (fitness)",
                    colour="#1d4ed8",
                    width=1.6,
                    values=tuple(m.ctl_au for m in metrics),
                ),
                Series(
                    name="ATL (fatigue)", colour="#ea580c", values=tuple(m.atl_au for m in metrics)
                ),
                Series(name="TSB (form)", colour="#15803d", values=tsb),
            ),
            ticks=_day_ticks(plan, days),
            marker=_race_marker(days, race_day),
            zero_line=min((*tsb, 0.0)) < 0,
        ),
    )


def _nutrition_chart(
    plan: Plan, days: Sequence[date], fuel: Mapping[date, DayNutrition], race_day: date | None
) -> Figure:
    targets = [fuel.get(d) for d in days]
    return Figure(
        id="chart-nutrition",
        title="Daily energy and macronutrient targets",
        caption=(
            "Bars: the day's energy target as protein, carbohydrate and fat (4, 4 and "
            "9 kcal/g); line: estimated expenditure (resting + everyday activity + "
            "training). Carbohydrate follows the day's training (NUT-4)."
        ),
        chart=Chart(
            key="nutrition",
            label="Daily energy target by macronutrient, with expenditure",
            ylabel="energy (kcal/day)",
            bars=tuple(
                Series(
                    name=name,
                    colour=colour,
                    values=tuple(0.0 if t is None else grams(t) * kcal for t in targets),
                )
                for name, colour, grams, kcal in _MACROS
            ),
            lines=(
                Series(
                    name="expenditure",
                    colour=_INK,
                    width=1.1,
                    values=tuple(None if t is None else t.expenditure_kcal for t in targets),
                ),
            ),
            ticks=_day_ticks(plan, days),
            marker=_race_marker(days, race_day),
        ),
    )


# Public API.


def build_report(
    plan: Plan,
    *,
    profile: AthleteProfile,
    data: ReportData,
    nutrition: Sequence[DayNutrition] | None,
    timezone: str,
) -> Report:
    """Word and format everything the report shows, for :func:`report_html` and :func:`report_pdf`.

    Args:
        plan: the plan to show.
        profile: the athlete it was built for (name, goal, baseline numbers).
        data: what the plan does not carry, from ``runlift.services.report_data``.
        nutrition: daily nutrition targets, or None to leave nutrition out.
        timezone: IANA zone in which session times are shown, e.g. ``Europe/Berlin``.

    Returns:
        The report's model; the same inputs give an equal model.

    Raises:
        InvalidInput: an unknown time zone, or ``data`` not matching the plan's weeks.
    """
    zone = _zone(timezone)
    if len(data.weekly_sets) != len(plan.weeks):
        raise InvalidInput(
            "data.weekly_sets",
            len(data.weekly_sets),
            f"one entry per plan week ({len(plan.weeks)})",
        )
    fuel = {day.date: day for day in nutrition or ()}
    base = baseline(profile)
    race_day = _race_date(profile)
    days = _plan_days(plan)
    goal, goal_detail = _goal_lines(profile, base)
    running_rows, running_note = _running_rows(profile, base)
    strength_rows = _strength_rows(plan, profile, base)
    sessions = [s for w in plan.weeks for s in w.sessions]
    runs = [s.prescription for s in sessions if isinstance(s.prescription, RunPrescription)]
    lifts = [s.prescription for s in sessions if isinstance(s.prescription, LiftPrescription)]
    figures = [_running_chart(plan), _sets_chart(plan, data), _load_chart(plan, days, race_day)]
    missing: list[str] = []
    if fuel:
        figures.append(_nutrition_chart(plan, days, fuel, race_day))
    else:
        missing.append("No nutrition targets were given: energy and macronutrients are left out.")
    return Report(
        title=f"{plan.athlete}: training plan to {_date(plan.end)}",
        athlete=plan.athlete,
        goal=goal,
        goal_detail=goal_detail,
        plan_dates=f"{_weekday_date(plan.start)} – {_weekday_date(plan.end)}",
        timezone=timezone,
        stats=(
            Row(label="weeks", value=str(len(plan.weeks))),
            Row(label="blocks", value=str(len({w.block for w in plan.weeks}))),
            Row(label="runs", value=str(len(runs))),
            Row(label="km", value=_thousands(sum(r.distance_km for r in runs))),
            Row(label="lifts", value=str(len(lifts))),
            Row(label="hard sets", value=_thousands(sum(lift.hard_sets for lift in lifts))),
        ),
        running=running_rows,
        running_note=running_note,
        strength=strength_rows,
        strength_note=(
            "Loads in the sessions are percentages of these, rounded to the plates you have."
            if strength_rows
            else "No lifts in the profile: loads are chosen by effort (RPE)."
        ),
        body=_body_rows(profile, base),
        rules=_cited_rules(plan, nutrition or (), profile.evidence_profile),
        figures=tuple(figures),
        missing_charts=tuple(missing),
        weeks=tuple(
            _week(week, zone=zone, fuel=fuel, goal_day=race_day or profile.goal.date)
            for week in plan.weeks
        ),
        footer=f"{plan.athlete} · {goal}",
    )


def report_html(report: Report) -> str:
    """The report as one self-contained HTML page (inline CSS and SVG, no external resources).

    The same report gives the same string.
    """
    return _template().render(report=report)


def report_pdf(report: Report) -> bytes:
    """The report printed on A4: the same content as :func:`report_html`, laid out for paper.

    ReportLab lays the model out (``runlift.io.report_pdf``); the same report gives the
    same bytes.
    """
    from runlift.io import report_pdf as printer  # noqa: PLC0415 - loads ReportLab

    return printer.report_pdf(report)


def render_report_html(
    plan: Plan,
    *,
    profile: AthleteProfile,
    data: ReportData,
    nutrition: Sequence[DayNutrition] | None,
    timezone: str,
) -> str:
    """The plan as one self-contained HTML page: :func:`build_report`, then :func:`report_html`.

    Args:
        plan: the plan to show.
        profile: the athlete it was built for (name, goal, baseline numbers).
        data: what the plan does not carry, from ``runlift.services.report_data``.
        nutrition: daily nutrition targets, or None to leave nutrition out.
        timezone: IANA zone in which session times are shown, e.g. ``Europe/Berlin``.

    Returns:
        The HTML document; the same inputs give the same string.

    Raises:
        InvalidInput: an unknown time zone, or ``data`` not matching the plan's weeks.
    """
    return report_html(
        build_report(plan, profile=profile, data=data, nutrition=nutrition, timezone=timezone)
    )


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


@functools.cache
def _template() -> jinja2.Template:
    import jinja2  # noqa: PLC0415 - keeps the CLI's start fast

    source = resources.files("runlift.io").joinpath(TEMPLATE).read_text(encoding="utf-8")
    environment = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["rules"] = _rule_links
    environment.filters["svg"] = _chart_svg
    return environment.from_string(source)


def _rule_links(text: str) -> Markup:
    """Escape ``text`` and turn each catalogued rule ID in it into a link to the legend."""
    from markupsafe import Markup, escape  # noqa: PLC0415 - comes with jinja2

    return Markup(
        link_rule_ids(
            str(escape(text)),
            lambda rule_id: f'<a class="rid" href="#rule-{rule_id}">{rule_id}</a>',
        )
    )


def _chart_svg(chart: Chart) -> Markup:
    """The chart as an inline ``<svg>`` element, marked safe for the template."""
    from markupsafe import Markup  # noqa: PLC0415 - comes with jinja2

    from runlift.io import report_charts  # noqa: PLC0415 - loads ReportLab

    return Markup(report_charts.svg(chart))
