"""``runlift demo``: the main job on every bundled example athlete."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from runlift.cli import interrupt, render
from runlift.cli.files import load_profile, write_outputs
from runlift.domain.quantities import quantity
from runlift.errors import InvalidInput
from runlift.io.nutrition_json import nutrition_day_dict
from runlift.programme.baseline import baseline


def demo(
    examples: Annotated[
        Path, typer.Argument(help="Folder of example athlete profiles (*.yaml).")
    ] = Path("examples/athletes"),
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Each athlete's files go to OUTPUT/<name>/.")
    ] = Path("out"),
) -> None:
    """Plan every example athlete: baseline numbers, the plan, and all its files."""
    from runlift.services import planning  # noqa: PLC0415 - loads the solver; keep --help fast

    files = sorted(examples.glob("*.yaml"))
    if not files:
        raise InvalidInput("examples", str(examples), "a folder with athlete *.yaml files")
    reports = []
    with planning.PdfPrinter() as printer, interrupt.on_interrupt(printer.stop):
        for path in files:
            profile = load_profile(path)
            render.line(f"\n[bold]{profile.name}[/] — {path.name}")
            render.baseline(profile, baseline(profile))
            with render.progress(f"Planning {profile.name}") as advance:
                try:
                    result = planning.make_plan(profile, progress=advance)
                except InvalidInput as exc:  # what no plan can do: name the file
                    raise exc.located(str(path)) from None
            render.plan_summary(result.plan)
            first_week = {day.date for day in result.plan.weeks[0].days}
            units = profile.units.value
            render.nutrition_days(
                f"{profile.name}: nutrition in week 1 (NUT-1..4)",
                [
                    nutrition_day_dict(d, units=units)
                    for d in result.nutrition
                    if d.date in first_week
                ],
                timeline=False,
            )
            folder = output / path.stem
            written = write_outputs(folder, planning.plan_files(result, printer=printer))
            render.line(f"Wrote {quantity(len(written), 'items')} to [bold]{folder}[/]")
            render.warning_lines(w.text for w in result.warnings)
            report = folder / "report.html"
            reports.append(report if report.exists() else folder / "plan.json")
    render.line("\n[bold]Open the reports:[/]")
    for report in reports:
        render.line(f"  {report}")
