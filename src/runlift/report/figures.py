"""The series behind the report's charts: running km by intensity, sets per muscle, load, energy.

Each function returns a :class:`~runlift.report.model.Figure` (title, caption and the
chart's data); ``runlift.report.charts`` draws it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Final

from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan, PlannedSession
from runlift.domain.prescription import (
    RunPrescription,
    RunRepeat,
    RunStep,
)
from runlift.report.model import (
    Chart,
    Figure,
    ReportData,
    Series,
)
from runlift.report.words import thousands, weekday_date
from runlift.science import load
from runlift.vocabulary import (
    MuscleGroup,
    PaceZone,
    Phase,
    StepKind,
)

EASY_LAYER: Final = "easy"


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


def session_load_au(session: PlannedSession) -> float:
    """A planned session's load: session RPE x minutes (Foster et al. 2001)."""
    return load.session_rpe_load_au(
        duration_min=session.prescription.duration_min, rpe=session.prescription.rpe
    )


def shaded_weeks(plan: Plan) -> list[int]:
    """The weeks drawn on a grey band: deload, taper and race weeks."""
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
    return Chart(
        key=key,
        label=label,
        ylabel=ylabel,
        bars=tuple(
            Series(name=name, colour=colours[name], values=tuple(values))
            for name, values in layers.items()
        ),
        ticks=week_ticks(plan),
        shaded=tuple(shaded_weeks(plan)),
        shade_label="deload / taper",
    )


def week_ticks(plan: Plan) -> tuple[tuple[int, str], ...]:
    """Week numbers under weekly slots: every week up to 20 weeks, every other one beyond."""
    count = len(plan.weeks)
    step = 1 if count <= 20 else 2
    return tuple((i, str(i + 1)) for i in range(0, count, step))


def _day_ticks(plan: Plan, days: Sequence[date]) -> tuple[tuple[int, str], ...]:
    """Week numbers at the days on which the plan's weeks start."""
    starts = [days.index(w.start) for w in plan.weeks if w.start in days]
    step = 1 if len(starts) <= 20 else 2
    return tuple((slot, str(n + 1)) for n, slot in enumerate(starts) if n % step == 0)


def _race_marker(
    days: Sequence[date], race_day: date | None, value: str = ""
) -> tuple[int, str] | None:
    """Race day's slot and its label, ``race`` or ``race day: {value}``."""
    if race_day not in days:
        return None
    return days.index(race_day), f"race day: {value}" if value else "race"


def running_chart(plan: Plan) -> Figure:
    """Weekly running km stacked by intensity layer."""
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


def sets_chart(plan: Plan, data: ReportData) -> Figure:
    """Weekly hard sets stacked by muscle group."""
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


def load_chart(plan: Plan, days: Sequence[date], race_day: date | None) -> Figure:
    """Daily planned load with CTL, ATL and TSB."""
    by_day = dict.fromkeys(days, 0.0)
    for week in plan.weeks:
        for plan_day in week.days:
            for session in plan_day.sessions:
                by_day[plan_day.date] = by_day.get(plan_day.date, 0.0) + session_load_au(session)
    loads = [by_day[d] for d in days]
    metrics = load.daily_load_metrics(loads_au=loads)
    last = metrics[-1] if metrics else None
    end = (
        ""
        if last is None
        else f" On {weekday_date(days[-1])}: CTL {round(last.ctl_au)}, ATL {round(last.atl_au)}, "
        f"TSB {round(last.tsb_au):+d} AU/day."
    )
    tsb = tuple(m.tsb_au for m in metrics)
    race_load = ""
    capped = ""
    if race_day in by_day:
        race_load = f"{thousands(by_day[race_day])} AU"
        if by_day[race_day] > max((v for d, v in by_day.items() if d != race_day), default=0.0):
            capped = (
                " The axis stops at the biggest training day: race day's bar is cut at the "
                "top, its load written above it."
            )
    return Figure(
        id="chart-load",
        title="Planned training load, fitness, fatigue and form",
        caption=(
            "Bars: each day's planned load, session RPE × minutes (Foster et al. 2001). "
            "Lines: CTL (42-day) and ATL (7-day) impulse-response averages and "
            "TSB = yesterday's CTL − ATL (Banister et al. 1975; Allen & Coggan 2010). "
            "Training before the plan is not known, so the lines start from zero "
            "and the first weeks read low." + capped + end
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
            marker=_race_marker(days, race_day, race_load),
            cap_marker_bar=True,
            zero_line=min((*tsb, 0.0)) < 0,
        ),
    )


def nutrition_chart(
    plan: Plan, days: Sequence[date], fuel: Mapping[date, DayNutrition], race_day: date | None
) -> Figure:
    """Daily energy target by macronutrient, with expenditure."""
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
