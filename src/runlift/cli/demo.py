"""``runlift demo``: run the main job on the bundled example athletes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from runlift.cli import render
from runlift.errors import InvalidInput
from runlift.io.profile import read_profile
from runlift.planner.baseline import baseline
from runlift.science import running
from runlift.units import format_duration, format_pace


def demo(
    examples: Annotated[
        Path, typer.Argument(help="Folder of example athlete profiles (*.yaml).")
    ] = Path("examples/athletes"),
) -> None:
    """Show each example athlete's paces, race predictions, 1RMs and resting energy."""
    files = sorted(examples.glob("*.yaml"))
    if not files:
        raise InvalidInput("examples", str(examples), "a folder with athlete *.yaml files")
    for path in files:
        profile = read_profile(path.read_text(encoding="utf-8"))
        numbers = baseline(profile)
        render.line(f"\n[bold]{profile.name}[/] — {path.name}")
        values: dict[str, str | float | None] = {
            "goal": f"{profile.goal.kind} ({profile.goal.priority} first)",
            "available hours/week": profile.available_hours_per_week,
            f"resting energy ({numbers.resting_equation})": (
                f"{numbers.resting_kcal_per_day:.0f} kcal/day"
            ),
        }
        if numbers.vdot is not None and numbers.paces is not None:
            paces = numbers.paces
            values["VDOT"] = numbers.vdot
            values["easy pace"] = (
                f"{format_pace(paces.easy_min_s_per_km)} – {format_pace(paces.easy_max_s_per_km)}"
            )
            values["threshold pace"] = format_pace(paces.threshold_s_per_km)
            values["interval pace"] = format_pace(paces.interval_s_per_km)
            race = profile.goal.race
            if race is not None:
                predicted = running.race_time_s(vdot=numbers.vdot, distance_m=race.distance_m)
                values["predicted goal race"] = format_duration(predicted)
        for lift, kg in numbers.one_rep_max_kg.items():
            values[f"1RM {lift}"] = f"{kg:.1f} kg"
        render.key_values("Baseline", values)
