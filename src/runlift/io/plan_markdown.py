"""``plan.md``: the plan as Markdown, readable anywhere (a notes app, a repository, a chat)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan
from runlift.domain.quantities import quantity
from runlift.io.prescription_text import prescription_lines
from runlift.vocabulary import MassUnit


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
