"""``runlift plan``: the main job. Profile in, a complete dated plan and its files out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from runlift.cli import render
from runlift.cli.files import write_outputs
from runlift.domain.quantities import quantity
from runlift.errors import InvalidInput
from runlift.io.profile import read_profile


def plan(
    profile: Annotated[Path, typer.Argument(help="Athlete profile (YAML).")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the plan files into.")
    ] = Path("out"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Build the athlete's periodised, placed, prescribed and explained plan."""
    from runlift.services import planning  # noqa: PLC0415 - loads the solver; keep --help fast

    if output.exists() and not output.is_dir():
        raise InvalidInput("--output", str(output), "a folder (made if missing); this is a file")
    athlete = read_profile(profile.read_text(encoding="utf-8"))
    with planning.PdfPrinter() as printer:
        with render.progress("Planning weeks") as advance:
            result = planning.make_plan(athlete, progress=advance)
        written = write_outputs(output, planning.plan_files(result, printer=printer))
    if not quiet:
        render.plan_summary(result.plan)
    render.line(f"\nWrote {quantity(len(written), 'items')} to [bold]{output}[/]:")
    for path in written:
        render.line(f"  {path.relative_to(output.resolve())}")
