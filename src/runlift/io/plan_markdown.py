"""``plan.md``: the plan as Markdown, readable anywhere (a notes app, a repository, a chat)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from runlift.domain.nutrition import DayNutrition, FuelDay
from runlift.domain.plan import Plan
from runlift.domain.quantities import quantity
from runlift.io.prescription_text import prescription_lines
from runlift.vocabulary import MassUnit


def _fuel_lines(day: DayNutrition) -> list[str]:
    """The race-week lines of a day: loading, fuelling up, or the race's breakfast and fuel."""
    per_kg = day.carbohydrate_g / day.mass_kg
    if day.fuel_day is FuelDay.LOADING:
        return [
            "",
            f"Carbohydrate loading: {day.carbohydrate_g:.0f} g = {per_kg:.1f} g/kg, fat at "
            f"{day.fat_percent:.0f} % of energy; low-fibre, low-fat starches, sugars and drinks "
            "(NUT-4; Thomas, Erdman & Burke 2016).",
        ]
    if day.fuel_day is FuelDay.FUELLING_UP:
        return [
            "",
            f"Fuelling up for tomorrow's race: {day.carbohydrate_g:.0f} g = {per_kg:.1f} g/kg "
            "(NUT-4; Thomas 2016).",
        ]
    race = day.race
    if race is None:
        return []
    lines = [
        "",
        f"Race breakfast at {race.breakfast_at:%H:%M}, {race.breakfast_lead_min / 60:.1f} h before "
        f"the {race.start:%H:%M} start: {race.breakfast_carbohydrate_g:.0f} g carbohydrate "
        f"({race.breakfast_carbohydrate_g_per_kg:.1f} g/kg), low in fat and fibre (NUT-4; "
        "Thomas 2016).",
    ]
    fuel = race.in_race
    lines.append("")
    if fuel is None:
        lines.append("During the race: no carbohydrate needed (75 min or less; Jeukendrup 2014).")
    else:
        low, high = fuel.carbohydrate_range_g_per_h
        fluid_low, fluid_high = fuel.fluid_ml_per_h
        lines.append(
            f"During the race: {fuel.carbohydrate_g_per_h:.0f} g carbohydrate an hour, "
            f"{fuel.carbohydrate_g:.0f} g in all ({low:.0f}-{high:.0f} g/h; Jeukendrup 2014), "
            f"and {fluid_low:.0f}-{fluid_high:.0f} ml of fluid an hour (Sawka 2007)."
        )
    return lines


def plan_markdown(
    plan: Plan, *, nutrition: Sequence[DayNutrition] = (), unit: MassUnit = MassUnit.KG
) -> str:
    """Every week, day and session with its prescription, reasons and the day's targets.

    Loads are written in ``unit``, the athlete's.
    """
    by_date: dict[date, DayNutrition] = {day.date: day for day in nutrition}
    length = quantity(len(plan.weeks), "weeks")
    lines = [
        f"# {plan.athlete}: training plan",
        "",
        f"{plan.start:%a %d %b %Y} to {plan.end:%a %d %b %Y}, {length}.",
    ]
    for week in plan.weeks:
        phase = week.phase.value + (", deload" if week.deload else "")
        lines += [
            "",
            f"## Week {week.index + 1} from {week.start:%a %d %b %Y}",
            "",
            f"Block {week.block + 1}: {week.focus.value.replace('_', ' ')} ({phase}).",
        ]
        lines += [f"- {note}" for note in week.notes]
        for day in week.days:
            targets = by_date.get(day.date)
            lines += ["", f"### {day.date:%a %d %b}"]
            if targets is not None:
                lines.append(
                    f"Eat about {targets.target_kcal:.0f} kcal: protein {targets.protein_g:.0f} g, "
                    f"carbohydrate {targets.carbohydrate_g:.0f} g, fat {targets.fat_g:.0f} g "
                    "(NUT-1..4)."
                )
                lines += _fuel_lines(targets)
            if not day.sessions:
                lines += ["", "Rest day."]
            for session in day.sessions:
                scheduled = session.scheduled
                lines += [
                    "",
                    f"**{scheduled.start:%H:%M}-{scheduled.end:%H:%M} {scheduled.spec.title}** "
                    f"(`{scheduled.spec.id}`)",
                    "",
                ]
                lines += [
                    f"    {text}" for text in prescription_lines(session.prescription, unit=unit)
                ]
                if session.explanation:
                    lines += ["", "Why:", ""]
                    lines += [f"- {reason}" for reason in session.explanation]
    return "\n".join(lines) + "\n"
