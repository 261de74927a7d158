"""The report's progress section for a tracked athlete: the plan set against the log.

Built from a :class:`~runlift.tracking.monitoring.Monitoring` (``runlift status``'s
numbers on one day): where the athlete stands today (load, estimates, body mass,
readiness), a row per started week (sessions done against those due, load
planned and done), and charts over the plan's weeks: weekly load planned
against done, sessions done, partly done and missed, the e1RM of the main lifts
and the VDOT, each as it stood at the end of each week, and body mass when the
athlete weighs in. A plan without a log has no progress section (``runlift plan``
writes none).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Final

from runlift.domain.exercises import ExerciseId
from runlift.domain.plan import Plan
from runlift.domain.prescription import LiftPrescription
from runlift.report.figures import shaded_weeks, week_ticks
from runlift.report.model import Chart, Figure, Progress, ProgressWeek, Row, Series
from runlift.report.words import day_month, number, span, thousands, weekday_date
from runlift.science.load import CHRONIC_WINDOW_DAYS
from runlift.science.readiness import ReadinessComponent
from runlift.tracking.monitoring import Monitoring, WeekProgress
from runlift.units import format_duration, mass_in_unit
from runlift.vocabulary import MassUnit

DONE: Final = "#15803d"
PARTIAL: Final = "#f59e0b"
MISSED: Final = "#dc2626"
TO_COME: Final = "#cbd5e1"
PLANNED_LINE: Final = "#1f2937"
LOAD_DONE: Final = "#2563eb"
VDOT_LINE: Final = "#7c3aed"
MASS_LINE: Final = "#0e7490"
MASS_READINGS: Final = "#94a3b8"
LIFT_COLOURS: Final = ("#c2410c", "#0f766e", "#ca8a04", "#7c3aed", "#db2777", "#64748b")
"""One colour per main lift, in the order the plan first prescribes them."""

MAX_LIFTS_CHARTED: Final = len(LIFT_COLOURS)


def _mass(mass_kg: float, unit: MassUnit) -> str:
    return f"{number(mass_in_unit(mass_kg, unit))} {unit}"


def main_lifts(plan: Plan) -> dict[ExerciseId, str]:
    """The lifts the plan prescribes as % 1RM, by id, with their names, in first-use order."""
    names: dict[ExerciseId, str] = {}
    for week in plan.weeks:
        for session in week.sessions:
            if isinstance(session.prescription, LiftPrescription):
                for item in session.prescription.exercises:
                    if item.percent_1rm is not None:
                        names.setdefault(ExerciseId(item.exercise), item.name)
    return names


def _by_week(plan: Plan, weeks: Sequence[WeekProgress]) -> list[WeekProgress | None]:
    started = {w.index: w for w in weeks}
    return [started.get(week.index) for week in plan.weeks]


def _chart(
    plan: Plan,
    *,
    key: str,
    label: str,
    ylabel: str,
    bars: tuple[Series, ...] = (),
    lines: tuple[Series, ...] = (),
    today_slot: int | None,
    zero_based: bool = True,
) -> Chart:
    return Chart(
        key=key,
        label=label,
        ylabel=ylabel,
        bars=bars,
        lines=lines,
        ticks=week_ticks(plan),
        shaded=tuple(shaded_weeks(plan)),
        shade_label="deload / taper",
        marker=None if today_slot is None else (today_slot, "this week"),
        zero_based=zero_based,
    )


def _load_figure(plan: Plan, result: Monitoring, slot: int | None) -> Figure:
    planned = [0.0] * len(plan.weeks)
    done: list[float | None] = [None] * len(plan.weeks)
    for n, week in enumerate(plan.weeks):
        days = [week.start + timedelta(days=d) for d in range(7)]
        planned[n] = sum(result.planned_load_au.get(d, 0.0) for d in days)
        if week.start <= result.today:
            done[n] = sum(result.actual_load_au.get(d, 0.0) for d in days)
    return Figure(
        id="chart-progress-load",
        title="Training load by week: planned and done",
        caption=(
            "Bars: the load of what was done, session RPE × minutes (Foster et al. 2001), "
            "with the athlete's own rating, else the session's planned RPE, else the "
            "sport's default; the week in progress counts its days so far. Line: the "
            "plan's load as prescribed."
        ),
        chart=_chart(
            plan,
            key="progress-load",
            label="Weekly training load planned and done",
            ylabel="load (AU/week)",
            bars=(Series(name="done", colour=LOAD_DONE, values=tuple(done)),),
            lines=(Series(name="planned", colour=PLANNED_LINE, width=1.4, values=tuple(planned)),),
            today_slot=slot,
        ),
    )


def _sessions_figure(plan: Plan, result: Monitoring, slot: int | None) -> Figure:
    weeks = _by_week(plan, result.weeks)

    def values(count: str) -> tuple[float | None, ...]:
        return tuple(None if w is None else float(getattr(w, count)) for w in weeks)

    return Figure(
        id="chart-progress-sessions",
        title="Sessions by week: done, partly done, missed",
        caption=(
            "Each planned session of a started week: done, partly done (less than 70 % of "
            "its planned time or distance), missed (its day passed with nothing logged, or "
            "marked missed), or still to come."
        ),
        chart=_chart(
            plan,
            key="progress-sessions",
            label="Planned sessions by week and how they went",
            ylabel="sessions",
            bars=(
                Series(name="done", colour=DONE, values=values("done")),
                Series(name="partly done", colour=PARTIAL, values=values("partial")),
                Series(name="missed", colour=MISSED, values=values("missed")),
                Series(name="to come", colour=TO_COME, values=values("to_come")),
            ),
            today_slot=slot,
        ),
    )


def _lifts_figure(
    plan: Plan, result: Monitoring, slot: int | None, unit: MassUnit
) -> Figure | None:
    weeks = _by_week(plan, result.weeks)
    lifts = [
        (exercise, name)
        for exercise, name in main_lifts(plan).items()
        if any(w is not None and exercise in w.one_rep_max_kg for w in weeks)
    ][:MAX_LIFTS_CHARTED]
    if not lifts:
        return None
    lines = tuple(
        Series(
            name=name,
            colour=colour,
            width=1.4,
            values=tuple(
                None
                if w is None or exercise not in w.one_rep_max_kg
                else mass_in_unit(w.one_rep_max_kg[exercise], unit)
                for w in weeks
            ),
        )
        for (exercise, name), colour in zip(lifts, LIFT_COLOURS, strict=False)
    )
    return Figure(
        id="chart-progress-strength",
        title="Estimated 1RM of the main lifts",
        caption=(
            "At the end of each week: the best e1RM of the logged working sets (RPE chart "
            "for rated sets, Epley for the others), each discounted by 1 % a week from three "
            "weeks after it was lifted (Mujika & Padilla 2000; Bosquet et al. 2013)."
        ),
        chart=_chart(
            plan,
            key="progress-strength",
            label="Estimated one-repetition maximum of the main lifts by week",
            ylabel=f"e1RM ({unit})",
            lines=lines,
            today_slot=slot,
            zero_based=False,
        ),
    )


def _vdot_figure(plan: Plan, result: Monitoring, slot: int | None) -> Figure | None:
    weeks = _by_week(plan, result.weeks)
    values = tuple(None if w is None else w.vdot for w in weeks)
    if all(v is None for v in values):
        return None
    return Figure(
        id="chart-progress-vdot",
        title="VDOT from races and time trials",
        caption=(
            "At the end of each week: the VDOT of the best race or time trial logged so far "
            "(Daniels & Gilbert 1979), in full for six weeks, then by Daniels' table of time "
            "off (Daniels 2014). Training runs do not count, however fast."
        ),
        chart=_chart(
            plan,
            key="progress-vdot",
            label="VDOT from races and time trials by week",
            ylabel="VDOT",
            lines=(Series(name="VDOT", colour=VDOT_LINE, width=1.6, values=values),),
            today_slot=slot,
            zero_based=False,
        ),
    )


def _mass_figure(plan: Plan, result: Monitoring, slot: int | None, unit: MassUnit) -> Figure | None:
    """Body mass by week: the weigh-ins' mean and the smoothed trend on the week's last day."""
    smoothed = result.mass_trend.smoothed
    if not smoothed:
        return None
    trend_by_day = {day.on_date: day.trend_kg for day in smoothed}
    trend: list[float | None] = []
    readings: list[float | None] = []
    for week in plan.weeks:
        last = min(week.start + timedelta(days=6), result.today)
        days = [d for d in trend_by_day if week.start <= d <= last]
        trend.append(mass_in_unit(trend_by_day[max(days)], unit) if days else None)
        weighed = [r.mass_kg for r in result.mass_trend.readings if week.start <= r.on_date <= last]
        readings.append(mass_in_unit(sum(weighed) / len(weighed), unit) if weighed else None)
    return Figure(
        id="chart-progress-mass",
        title="Body mass by week",
        caption=(
            "Line: the trend on the last day of each week, an exponentially smoothed average "
            "of the weigh-ins that takes a tenth of each day's difference (Walker 1991, The "
            "Hacker's Diet); thin line: the mean of the week's weigh-ins."
        ),
        chart=_chart(
            plan,
            key="progress-mass",
            label="Body mass by week: weigh-ins and their trend",
            ylabel=f"body mass ({unit})",
            lines=(
                Series(name="weigh-ins", colour=MASS_READINGS, width=0.8, values=tuple(readings)),
                Series(name="trend", colour=MASS_LINE, width=1.6, values=tuple(trend)),
            ),
            today_slot=slot,
            zero_based=False,
        ),
    )


def _rows(result: Monitoring, lifts: Mapping[ExerciseId, str], unit: MassUnit) -> list[Row]:
    load = result.load
    due = sum(w.done + w.partial + w.missed for w in result.weeks)
    done = sum(w.done + w.partial for w in result.weeks)
    rows = [
        Row(
            label="Sessions done",
            value=f"{done} of {due}",
            note="" if not due else f"{round(100 * done / due)} % of those due so far",
        ),
        Row(
            label="Load, last 7 days",
            value=f"{thousands(load.actual.week_au)} AU",
            note=f"planned {thousands(load.planned.week_au)} AU",
        ),
        Row(
            label="Acute:chronic ratio",
            value="—" if load.acwr is None else number(load.acwr, 2),
            note=(
                f"from 28 days of log ({load.history_days} so far)"
                if load.acwr is None and load.history_days < CHRONIC_WINDOW_DAYS
                else "no load logged in the last 28 days"
                if load.acwr is None
                else "EWMA 7 / 28 days (Williams et al. 2017)"
            ),
        ),
        Row(
            label="Fitness · fatigue · form",
            value=f"{round(load.ctl_au)} · {round(load.atl_au)} · {round(load.tsb_au):+d}",
            note="CTL · ATL · TSB, AU/day",
        ),
    ]
    for exercise, estimate in result.one_rep_max_kg.items():
        best = estimate.best
        if best is None or exercise not in lifts:
            continue
        rpe = "" if best.performed.rpe is None else f" at RPE {number(best.performed.rpe)}"
        rows.append(
            Row(
                label=f"e1RM {lifts[exercise]}",
                value=_mass(best.one_rep_max_kg, unit),
                note=f"{_mass(best.performed.load_kg, unit)} × {best.performed.reps}{rpe}, "
                f"{day_month(best.performed.on_date)}",
            )
        )
    vdot = result.vdot
    if vdot is not None and vdot.best is not None:
        run = vdot.best.result
        rows.append(
            Row(
                label="VDOT",
                value=number(vdot.best.vdot),
                note=f"{number(run.distance_m / 1000, 2)} km in {format_duration(run.time_s)}, "
                f"{day_month(run.on_date)}",
            )
        )
    trend = result.mass_trend.trend
    if trend is not None:
        check = result.mass_trend.check
        planned = (
            ""
            if result.mass_trend.planned_kg_per_week is None
            else f", planned {number(mass_in_unit(result.mass_trend.planned_kg_per_week, unit), 2)}"
        )
        verdict = "" if check is None else (", on track" if check.on_track else ", off track")
        rows.append(
            Row(
                label="Body mass",
                value=_mass(trend.trend_mass_kg, unit),
                note=f"{number(mass_in_unit(trend.rate_kg_per_week, unit), 2)} {unit} a week"
                f"{planned}{verdict}",
            )
        )
    elif result.mass_trend.latest_kg is not None:
        rows.append(
            Row(
                label="Body mass",
                value=_mass(result.mass_trend.latest_kg, unit),
                note="a rate needs weigh-ins on 4 days over 14 or more",
            )
        )
    scored = [r for r in result.readiness if r.score is not None]
    if scored:
        last = scored[-1]
        known = [c.component for c in last.components if c.subscore is not None]
        rows.append(
            Row(
                label="Readiness",
                value=f"{round(last.score or 0.0)} / 100",
                note=f"{day_month(last.on_date)}: " + ", ".join(_COMPONENT_WORDS[c] for c in known),
            )
        )
    return rows


_COMPONENT_WORDS: Final = {
    ReadinessComponent.SLEEP: "sleep",
    ReadinessComponent.SORENESS: "soreness",
    ReadinessComponent.STRESS: "stress",
    ReadinessComponent.FATIGUE: "fatigue",
    ReadinessComponent.MOOD: "mood",
    ReadinessComponent.RESTING_HR: "resting heart rate",
}


def _week_rows(result: Monitoring) -> tuple[ProgressWeek, ...]:
    rows = []
    for week in result.weeks:
        due = week.done + week.partial + week.missed
        partial = f" ({week.partial} partly)" if week.partial else ""
        rows.append(
            ProgressWeek(
                number=week.index + 1,
                dates=span(week.start, week.start + timedelta(days=6)),
                sessions=f"{week.done + week.partial} of {due}{partial}"
                + (f", {week.to_come} to come" if week.to_come else ""),
                adherence="—" if week.adherence is None else f"{round(100 * week.adherence)} %",
                missed=str(week.missed),
                extras=str(week.extras),
                planned_load=thousands(week.planned_load_au),
                done_load=thousands(week.actual_load_au),
            )
        )
    return tuple(rows)


def build_progress(plan: Plan, result: Monitoring, *, unit: MassUnit) -> Progress:
    """The progress section of the report: today's numbers, the weeks, up to five charts."""
    slot = next((n for n, w in enumerate(plan.weeks) if w.index == _current(result)), None)
    lifts = main_lifts(plan)
    figures = [_load_figure(plan, result, slot), _sessions_figure(plan, result, slot)]
    missing: list[str] = []
    strength = _lifts_figure(plan, result, slot, unit)
    if strength is None:
        missing.append("No working sets of the main lifts logged yet: no e1RM to chart.")
    else:
        figures.append(strength)
    vdot = _vdot_figure(plan, result, slot)
    if vdot is None:
        missing.append(
            "No race or time trial logged yet: the VDOT comes from one "
            "(runlift log run --race, or a run named race, parkrun or time trial)."
        )
    else:
        figures.append(vdot)
    mass = _mass_figure(plan, result, slot, unit)
    if mass is not None:
        figures.append(mass)
    return Progress(
        title=f"Progress to {weekday_date(result.today)}",
        summary=(
            "The plan set against the training log, as runlift status reads it: "
            "what was done of each week, the load it made, and what the log says of "
            "strength, running fitness, body mass and readiness."
        ),
        rows=tuple(_rows(result, lifts, unit)),
        weeks=_week_rows(result),
        figures=tuple(figures),
        notes=tuple(missing),
    )


def _current(result: Monitoring) -> int | None:
    """The index of the plan week holding today, if it has started."""
    for week in result.weeks:
        if week.start <= result.today < week.start + timedelta(days=7):
            return week.index
    return None
