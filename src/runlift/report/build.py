"""The athlete's printable report: one self-contained HTML page, and the same as a PDF.

:func:`build_report` words and formats a plan into a
:class:`~runlift.report.model.Report`; ``runlift.report.html.report_html`` renders it as HTML
with everything inline (CSS, charts as SVG, no fonts or scripts from anywhere)
and :func:`report_pdf` lays the same model out on A4 with ReportLab
(``runlift.report.pdf``); the charts are ReportLab drawings, inline SVG on the
page and vector graphics on paper (``runlift.report.charts``). :func:`render_report_html` and
:func:`render_report_pdf` do both steps. They work on strings and bytes, never
paths. What the plan does not carry (hard sets per muscle group, which needs
the exercise library) comes in through :class:`ReportData`, built by
``runlift.services.report_data``. The same inputs give the same HTML and PDF
bytes.

The report holds, in order: a header (athlete, goal, plan dates, baseline
numbers, a key to colours and badges), the whole plan at a glance, every week
from a new page with its Monday-to-Sunday grid, its daily nutrition targets with
the day's servings and a card per session with its full prescription and the
reasons for its placement; then four charts and the legend of the rule IDs the
plan cites. Body mass, maxima and loads are in the athlete's unit (kg or lb).
``docs/report.md`` describes it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from runlift.domain.athlete import AthleteProfile, LiftRecord
from runlift.domain.nutrition import DayNutrition, FuelDay
from runlift.domain.plan import Plan, PlannedSession, PlanWeek
from runlift.domain.prescription import (
    ExercisePrescription,
    LiftPrescription,
    RunPrescription,
)
from runlift.domain.quantities import NAMED_DISTANCES_M, quantity
from runlift.domain.warnings import PlanWarning, WarningKind, weeks_text
from runlift.errors import InvalidInput
from runlift.io.prescription_text import prescription_lines
from runlift.programme.baseline import Baseline, baseline
from runlift.report.figures import (
    EASY_LAYER,
    load_chart,
    nutrition_chart,
    run_km_by_layer,
    running_chart,
    session_load_au,
    sets_chart,
)
from runlift.report.model import (
    RULE_ID,
    Badge,
    Card,
    Chip,
    CitedRule,
    CitedSource,
    Day,
    ExerciseLine,
    Fuel,
    Notice,
    Report,
    ReportData,
    Row,
    Serving,
    Step,
    Week,
)
from runlift.report.progress import build_progress
from runlift.report.words import (
    DAYS,
    date_text,
    day_month,
    number,
    rest_text,
    span,
    thousands,
    weekday_date,
)
from runlift.rules import GUIDANCE, RULES, Rule, RuleId
from runlift.science import running
from runlift.tracking.monitoring import Monitoring
from runlift.units import format_duration, format_mass, format_pace, mass_in_unit
from runlift.vocabulary import (
    DistanceName,
    EvidenceProfile,
    GoalKind,
    LiftKind,
    MassUnit,
    Phase,
    RunKind,
)

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


_PHASE_BADGES: Final = {
    Phase.DELOAD: ("Deload", "deload"),
    Phase.TAPER: ("Taper", "taper"),
    Phase.RACE: ("Race week", "race"),
    Phase.TEST: ("Test week", "test"),
}


_PLATE_STEPS: Final = {
    MassUnit.KG: "rounded to 2.5 kg on a barbell (a pair of 1.25 kg plates) and 2 kg a dumbbell",
    MassUnit.LB: "rounded to 5 lb on a barbell (a pair of 2.5 lb plates) and 5 lb a dumbbell",
}
"""How loads are rounded, in the athlete's unit (``runlift.science.strength``)."""


_UNIT_SUFFIXES: Final = (("_g_per_kg", " g/kg"), ("_kcal", " kcal"), ("_h", " h"), ("_g", " g"))


def _race_name(distance_m: float) -> str:
    for name, metres in NAMED_DISTANCES_M.items():
        if math.isclose(metres, distance_m, abs_tol=1.0):
            return _RACE_NAMES[name]
    return f"{number(distance_m / 1000, 2)} km race"


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


def _plan_days(plan: Plan) -> list[date]:
    return [plan.start + timedelta(days=i) for i in range((plan.end - plan.start).days + 1)]


def _race_date(profile: AthleteProfile) -> date | None:
    race = profile.goal.race
    return race.date if profile.goal.kind is GoalKind.RACE and race is not None else None


def _cited_rules(
    plan: Plan,
    nutrition: Sequence[DayNutrition],
    profile: EvidenceProfile,
    warnings: Sequence[PlanWarning] = (),
) -> tuple[CitedRule, ...]:
    """Every catalogued rule the plan and its warnings name, in catalogue order, worded."""
    texts: list[str] = [f"{w.rule_id} {w.reason}" for w in warnings]
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


_GUIDANCE_ID: Final = re.compile(r"\bG[1-5]\b")


def _cited_sources(
    plan: Plan, nutrition: Sequence[DayNutrition], rules: Sequence[CitedRule]
) -> tuple[CitedSource, ...]:
    """The guidance documents G1-G5 that the cited rules and the plan's reasons name."""
    named = {source for rule in rules for source in RULES[RuleId(rule.id)].sources}
    texts = [note for week in plan.weeks for note in week.notes]
    texts += [line for week in plan.weeks for s in week.sessions for line in s.explanation]
    texts += [note for day in nutrition for note in day.notes]
    named |= {found for text in texts for found in _GUIDANCE_ID.findall(text)}
    return tuple(
        CitedSource(id=source.id, title=source.title, summary=source.summary)
        for source in GUIDANCE.values()
        if source.id in named
    )


def _notices(warnings: Sequence[PlanWarning]) -> tuple[Notice, ...]:
    """The plan's overrides and cautions, in plain words, overrides first."""
    notices = []
    for warning in sorted(warnings, key=lambda w: w.kind is WarningKind.CAUTION):
        when = f" ({weeks_text(warning.weeks)})" if warning.weeks else ""
        reason = f"{warning.rule_id}: {warning.reason}" if warning.rule_id else warning.reason
        if warning.kind is WarningKind.CAUTION:
            notices.append(
                Notice(
                    label="Caution",
                    css="caution",
                    field=warning.field,
                    text=f"{warning.asked}; {warning.planned}{when}",
                    reason=reason,
                )
            )
        else:
            notices.append(
                Notice(
                    label="Changed",
                    css="override",
                    field=warning.field,
                    text=f"you asked {warning.asked}; the plan has {warning.planned}{when}",
                    reason=reason,
                )
            )
    return tuple(notices)


def _rule_title(rule: Rule, profile: EvidenceProfile) -> str:
    """The rule's title with its parameter names replaced by their values for ``profile``."""
    title = rule.title
    for name in sorted(rule.parameters, key=len, reverse=True):
        value = rule.param(name, profile)
        title = re.sub(rf"\b{re.escape(name)}\b", f"{number(value)}{_unit(name)}", title)
    return title


def _unit(parameter: str) -> str:
    """The unit a parameter's name ends with, e.g. `` h`` for ``min_gap_h``; titles say minutes."""
    return next((unit for end, unit in _UNIT_SUFFIXES if parameter.endswith(end)), "")


def _goal_lines(profile: AthleteProfile, base: Baseline) -> tuple[str, tuple[str, ...]]:
    goal = profile.goal
    race = goal.race
    priority = f"{goal.priority.value} first"
    if goal.kind is GoalKind.RACE and race is not None:
        headline = f"{_race_name(race.distance_m)} · {weekday_date(race.date)}"
        detail: list[str] = []
        if race.target_time_s is not None:
            pace = race.target_time_s / (race.distance_m / 1000)
            detail.append(f"target {format_duration(race.target_time_s)} ({format_pace(pace)})")
        if base.vdot is not None:
            predicted = running.race_time_s(vdot=base.vdot, distance_m=race.distance_m)
            detail.append(
                f"predicted today {format_duration(predicted)} (VDOT {number(base.vdot)})"
            )
        detail.append(priority)
        return headline, tuple(detail)
    headline = f"{goal.kind.value.replace('_', ' ').capitalize()} goal"
    detail = [priority]
    if goal.weeks is not None:
        detail.append(f"{goal.weeks} weeks")
    if goal.date is not None:
        detail.append(f"test on {weekday_date(goal.date)}")
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
        when = f", {date_text(recent.date)}" if recent.date is not None else ""
        source = f" from {_race_name(recent.distance_m)} in {format_duration(recent.time_s)}{when}"
    note = (
        f"VDOT {number(base.vdot)}{source} (Daniels 2014). "
        f"Now {number(profile.running.weekly_km)} km a week."
    )
    return tuple(rows), note


def _mass(mass_kg: float, unit: MassUnit) -> str:
    """A body mass or a 1RM in the athlete's unit, to a tenth: ``64 kg``, ``285.5 lb``."""
    return f"{number(mass_in_unit(mass_kg, unit))} {unit}"


def _record_text(record: LiftRecord, unit: MassUnit) -> str:
    if record.one_rep_max_kg is not None:
        return "as given"
    if record.weight_kg is None or record.reps is None:
        return ""
    rpe = f" at RPE {number(record.rpe)}" if record.rpe is not None else ""
    return f"from {_mass(record.weight_kg, unit)} × {record.reps}{rpe}"


def _strength_rows(plan: Plan, profile: AthleteProfile, base: Baseline) -> tuple[Row, ...]:
    names = {e.exercise: e.name for w in plan.weeks for s in w.sessions for e in _lifts_of(s)}
    return tuple(
        Row(
            label=names.get(slug, slug.replace("-", " ").capitalize()),
            value=_mass(kg, profile.units),
            note=_record_text(profile.lifting.maxes[slug], profile.units),
        )
        for slug, kg in base.one_rep_max_kg.items()
    )


def _body_rows(profile: AthleteProfile, base: Baseline) -> tuple[Row, ...]:
    rows = [
        Row(label="Body mass", value=_mass(profile.mass_kg, profile.units)),
        Row(label="Height", value=f"{number(profile.height_cm)} cm"),
    ]
    if profile.body_fat_percent is not None:
        rows.append(Row(label="Body fat", value=f"{number(profile.body_fat_percent)} %"))
    equation = "Cunningham" if base.resting_equation == "cunningham" else "Mifflin-St Jeor"
    rows.append(
        Row(
            label="Resting energy",
            value=f"{thousands(base.resting_kcal_per_day)} kcal/day",
            note=equation,
        )
    )
    rows.append(Row(label="Lifting experience", value=profile.lifting.experience.value))
    return tuple(rows)


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
        return f"{number(prescription.distance_km)} km · RPE {number(prescription.rpe)}"
    return f"{prescription.hard_sets} sets · RPE {number(prescription.rpe)}"


def _short(session: PlannedSession) -> str:
    """The label in the plan at a glance: what the session's card says.

    A run's whole title (``Threshold 2 x 800 m``); a lift's title before the list of
    its main lifts (``Full body A (squat)`` of ``Full body A (squat): Back squat, ...``).
    """
    title = session.scheduled.spec.title
    return title.split(": ", 1)[0] if session.scheduled.spec.is_lift else title


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


def _exercise(item: ExercisePrescription, unit: MassUnit) -> ExerciseLine:
    intensity = [f"{number(item.percent_1rm)} % 1RM"] if item.percent_1rm is not None else []
    if item.rpe is not None:
        intensity.append(f"RPE {number(item.rpe)}")
    return ExerciseLine(
        name=item.name,
        dose=f"{item.sets} × {item.reps}" + (" /side" if item.per_side else ""),
        intensity=" · ".join(intensity) or "max intent",
        load="—" if item.load_kg is None else format_mass(item.load_kg, unit),
        rest=rest_text(item.rest_s),
        notes=item.notes,
    )


def _card(session: PlannedSession, day: date, zone: ZoneInfo, unit: MassUnit) -> Card:
    spec = session.scheduled.spec
    prescription = session.prescription
    summary, steps, notes = _steps(prescription_lines(prescription, unit=unit))
    tags = [_KIND_LABELS[spec.kind]]
    if spec.key:
        tags.append("key session")
    tags.append(f"≈ {round(prescription.duration_min)} min")
    tags.append(f"load {round(session_load_au(session))} AU")
    is_lift = isinstance(prescription, LiftPrescription)
    return Card(
        anchor=_anchor(session),
        day=f"{_DAY_NAMES[day.weekday()]} {date_text(day)}",
        time=_time_range(session, zone),
        title=spec.title,
        css=_css(session),
        tags=tuple(tags),
        summary=summary,
        steps=() if is_lift else steps,
        exercises=tuple(_exercise(e, unit) for e in _lifts_of(session)),
        notes=tuple(note for note in notes if not spec.title.startswith(note)),
        reasons=session.explanation,
        rules=session.rules,
    )


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


_FUEL_DAY_BANDS: Final = {
    FuelDay.LOADING: "carb loading",
    FuelDay.FUELLING_UP: "fuelling up",
    FuelDay.RACE: "race day",
}


def _purpose(note: str) -> str:
    """What a serving is for, without the rule ID the servings all share (NUT-3, NUT-4).

    ``keeps servings <= 4 h apart (NUT-3)`` reads ``keeps servings ≤ 4 h apart``; the
    heading of the nutrition table cites the rules once.
    """
    return re.sub(r"\s*\((?:NUT-\d+(?:,\s*)?)+\)$", "", note).replace("<=", "≤")


def _fuel(day: DayNutrition) -> Fuel:
    servings = tuple(
        Serving(
            time=f"{serving.at:%H:%M}",
            protein=f"{round(serving.protein_g)} g",
            carbohydrate=f"{round(serving.carbohydrate_g)} g" if serving.carbohydrate_g else "—",
            purpose=_purpose(serving.note),
        )
        for serving in day.servings
    )
    race = day.race
    if race is not None and race.in_race is not None:
        fuel = race.in_race
        servings += (
            Serving(
                time=f"{race.start:%H:%M}-{race.end:%H:%M}",
                protein="—",
                carbohydrate=f"{round(fuel.carbohydrate_g)} g",
                purpose=f"during the race: {round(fuel.carbohydrate_g_per_h)} g an hour",
            ),
        )
    return Fuel(
        day=f"{DAYS[day.date.weekday()]} {day_month(day.date)}",
        band=_FUEL_DAY_BANDS.get(day.fuel_day, day.load_band),
        energy=f"{thousands(day.target_kcal)} kcal",
        expenditure=f"{thousands(day.expenditure_kcal)} kcal",
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
    unit: MassUnit,
) -> Week:
    days: list[Day] = []
    cards: list[Card] = []
    for offset in range(7):
        day = week.start + timedelta(days=offset)
        sessions = tuple(s for d in week.days if d.date == day for s in d.sessions)
        days.append(
            Day(
                name=DAYS[offset],
                date=day_month(day),
                chips=tuple(_chip(s, zone) for s in sessions),
                goal=day == goal_day,
            )
        )
        cards.extend(_card(s, day, zone, unit) for s in sessions)
    runs = [s.prescription for s in week.sessions if isinstance(s.prescription, RunPrescription)]
    lifts = [s.prescription for s in week.sessions if isinstance(s.prescription, LiftPrescription)]
    km = sum(r.distance_km for r in runs)
    quality = sum(r.distance_km - run_km_by_layer(r)[EASY_LAYER] for r in runs)
    week_load = sum(session_load_au(s) for s in week.sessions)
    quality_text = f" ({number(quality)} km quality)" if quality > 0 else ""
    summary = (
        f"{quantity(len(runs), 'runs')} · {number(km)} km{quality_text}",
        f"{quantity(len(lifts), 'lifts')} · {sum(lift.hard_sets for lift in lifts)} hard sets",
        f"planned load {thousands(week_load)} AU",
    )
    last = week.start + timedelta(days=6)
    return Week(
        anchor=f"week-{week.index + 1}",
        number=week.index + 1,
        dates=span(week.start, last),
        short_date=day_month(week.start),
        block=f"Block {week.block + 1} · {week.focus.value.replace('_', ' ')}",
        badges=_badges(week),
        summary=summary,
        km=number(km),
        lifts=len(lifts),
        notes=week.notes,
        days=tuple(days),
        cards=tuple(cards),
        fuel=tuple(_fuel(fuel[d]) for d in sorted(fuel) if week.start <= d <= last),
    )


def build_report(
    plan: Plan,
    *,
    profile: AthleteProfile,
    data: ReportData,
    nutrition: Sequence[DayNutrition] | None,
    timezone: str,
    warnings: Sequence[PlanWarning] = (),
    monitoring: Monitoring | None = None,
) -> Report:
    """Word and format everything the report shows, for :func:`report_html` and :func:`report_pdf`.

    Args:
        plan: the plan to show.
        profile: the athlete it was built for (name, goal, baseline numbers).
        data: what the plan does not carry, from ``runlift.services.report_data``.
        nutrition: daily nutrition targets, or None to leave nutrition out.
        timezone: IANA zone in which session times are shown, e.g. ``Europe/Berlin``.
        warnings: what the plan changed from the profile and what to watch
            (``runlift.services.warnings.plan_warnings``), shown under the header.
        monitoring: the athlete's training log read on a day
            (``runlift.tracking.monitoring.monitor``), for the progress section; None
            (a plan without a log) leaves the section out.

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
    cited = _cited_rules(plan, nutrition or (), profile.evidence_profile, warnings)
    figures = [running_chart(plan), sets_chart(plan, data), load_chart(plan, days, race_day)]
    missing: list[str] = []
    if fuel:
        figures.append(nutrition_chart(plan, days, fuel, race_day))
    else:
        missing.append("No nutrition targets were given: energy and macronutrients are left out.")
    return Report(
        title=f"{plan.athlete}: training plan to {date_text(plan.end)}",
        athlete=plan.athlete,
        goal=goal,
        goal_detail=goal_detail,
        plan_dates=f"{weekday_date(plan.start)} – {weekday_date(plan.end)}",
        timezone=timezone,
        stats=(
            Row(label="weeks", value=str(len(plan.weeks))),
            Row(label="blocks", value=str(len({w.block for w in plan.weeks}))),
            Row(label="runs", value=str(len(runs))),
            Row(label="km", value=thousands(sum(r.distance_km for r in runs))),
            Row(label="lifts", value=str(len(lifts))),
            Row(label="hard sets", value=thousands(sum(lift.hard_sets for lift in lifts))),
        ),
        running=running_rows,
        running_note=running_note,
        strength=strength_rows,
        strength_note=(
            f"Loads in the sessions are percentages of these, {_PLATE_STEPS[profile.units]}."
            if strength_rows
            else "No lifts in the profile: loads are chosen by effort (RPE)."
        ),
        body=_body_rows(profile, base),
        rules=cited,
        sources=_cited_sources(plan, nutrition or (), cited),
        notices=_notices(warnings),
        figures=tuple(figures),
        missing_charts=tuple(missing),
        weeks=tuple(
            _week(
                week,
                zone=zone,
                fuel=fuel,
                goal_day=race_day or profile.goal.date,
                unit=profile.units,
            )
            for week in plan.weeks
        ),
        footer=f"{plan.athlete} · {goal}",
        progress=None
        if monitoring is None
        else build_progress(plan, monitoring, unit=profile.units),
    )
