"""``runlift nutrition``: a week of day-by-day energy, protein, carbohydrate and fat targets.

Given an athlete profile it builds the plan and works out each day's
nutrition (``runlift.nutrition.days``); given a ``plan.json`` written
by ``runlift plan`` it shows the nutrition stored in it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from runlift.cli import render
from runlift.cli.files import plan_file
from runlift.errors import ImportFormatError, InvalidInput
from runlift.io.nutrition_json import in_units, nutrition_day_dict
from runlift.io.profile import read_profile
from runlift.vocabulary import MassUnit


def _is_plan_json(path: Path, text: str) -> bool:
    return path.suffix.lower() == ".json" or text.lstrip("\ufeff \r\n\t").startswith("{")


def _check_week(week: int, weeks: int) -> int:
    if not 1 <= week <= weeks:
        raise InvalidInput("--week", week, f"the plan has weeks 1 to {weeks}")
    return week - 1


def _from_profile(
    text: str, *, source: Path, week: int, units: MassUnit | None
) -> tuple[str, str, list[dict[str, Any]]]:
    # Loaded here: the planner and solver are slow to import and `--help` should not wait.
    from runlift.services.planning import make_plan  # noqa: PLC0415

    profile = read_profile(text, source=str(source))
    if week < 1:
        raise InvalidInput("--week", week, "weeks are numbered from 1")
    with render.progress("Planning weeks") as advance:
        try:
            result = make_plan(profile, progress=advance)
        except InvalidInput as exc:  # the profile asks what no plan can do: name the file
            raise exc.located(str(source)) from None
    plan, days = result.plan, result.nutrition
    index = _check_week(week, len(plan.weeks))
    dates = {day.date for day in plan.weeks[index].days}
    unit = units or profile.units
    return (
        profile.name,
        plan.weeks[index].start.isoformat(),
        [nutrition_day_dict(day, units=unit.value) for day in days if day.date in dates],
    )


def _from_plan_json(
    text: str, *, source: Path, week: int, units: MassUnit | None
) -> tuple[str, str, list[dict[str, Any]]]:
    from runlift.io.plan_json import parse_plan  # noqa: PLC0415 - only for plan.json

    try:
        plan = parse_plan(text)
    except ImportFormatError as exc:
        exc.source = str(source)
        raise
    chosen = plan.weeks[_check_week(week, len(plan.weeks))]
    days: list[dict[str, Any]] = []
    for day in chosen.days:
        if day.nutrition is None:
            raise InvalidInput(
                "plan.json",
                str(source),
                f"holds no nutrition for {day.date}; run `runlift nutrition` on the profile",
            )
        stored = day.nutrition.model_dump(mode="json")
        days.append(in_units(stored, units=(units or day.nutrition.units).value))
    return plan.athlete, chosen.start.isoformat(), days


def nutrition(
    source: Annotated[
        Path,
        typer.Argument(
            help="Athlete profile (YAML), or a plan.json written by runlift (or its folder)."
        ),
    ],
    week: Annotated[int, typer.Option("--week", "-w", help="Week of the plan, 1 = first.")] = 1,
    units: Annotated[
        MassUnit | None,
        typer.Option(
            "--units",
            help="Body mass in kg or lb (default: the profile's units).",
            case_sensitive=False,
        ),
    ] = None,
    why: Annotated[bool, typer.Option("--why", help="Show every reason and source.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show a week of daily energy, protein, carbohydrate and fat targets and protein servings."""
    source = plan_file(source, field="SOURCE", profile_too=True)
    text = source.read_text(encoding="utf-8-sig")
    if _is_plan_json(source, text):
        athlete, start, days = _from_plan_json(text, source=source, week=week, units=units)
    else:
        athlete, start, days = _from_profile(text, source=source, week=week, units=units)
    if as_json:
        render.emit_json({"athlete": athlete, "week": week, "week_start": start, "days": days})
        return
    render.nutrition_days(
        f"{athlete}: nutrition, week {week} (from {start})",
        days,
        caption="spent/target: kcal; P/C/F: protein, carbohydrate, fat. NUT-1 energy by goal, "
        "NUT-2 protein 1.6-2.2 g/kg, NUT-3 servings of 20-40 g, NUT-4 carbohydrate by training "
        "load (Thomas 2016); fat at least 20 % of energy.",
        why=why,
    )
