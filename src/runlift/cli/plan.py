"""``runlift plan``: the main job. Profile in, a complete dated plan and its files out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from runlift.cli import interrupt, render
from runlift.cli.files import load_profile, write_outputs
from runlift.domain.quantities import quantity
from runlift.errors import InvalidInput


def plan(
    profile: Annotated[Path, typer.Argument(help="Athlete profile (YAML).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the plan files into.")
    ] = Path("out"),
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print only warnings and errors.", metavar=""),
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="Print the files written and the warnings as JSON.", metavar=""
        ),
    ] = False,
) -> None:
    """Build the athlete's periodised, placed, prescribed and explained plan.

    Every change the plan makes to what the profile asked (fewer lifts, a capped weekly
    distance, a lost rest day) is printed as a warning with its rule and reason, as is a
    caution such as a target far beyond today's fitness.
    """
    from runlift.services import planning  # noqa: PLC0415 - loads the solver; keep --help fast

    if output.exists() and not output.is_dir():
        raise InvalidInput("--output", str(output), "a folder (made if missing); this is a file")
    athlete = load_profile(profile)
    with planning.PdfPrinter() as printer, interrupt.on_interrupt(printer.stop):
        with render.progress("Planning weeks") as advance:
            try:
                result = planning.make_plan(athlete, progress=advance)
            except InvalidInput as exc:  # the profile asks what no plan can do: name the file
                raise exc.located(str(profile)) from None
        written = write_outputs(output, planning.plan_files(result, printer=printer))
    names = [str(path.relative_to(output.resolve())) for path in written]
    if as_json:
        render.emit_json(
            {
                "output": str(output),
                "files": names,
                "weeks": len(result.plan.weeks),
                "warnings": [render.warning_dict(w) for w in result.warnings],
            }
        )
        return
    if not quiet:
        render.plan_summary(result.plan)
        render.line(f"\nWrote {quantity(len(written), 'items')} to [bold]{output}[/]:")
        for name in names:
            render.line(f"  {name}")
    render.warning_lines(w.text for w in result.warnings)
