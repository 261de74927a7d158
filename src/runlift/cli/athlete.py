"""``runlift athlete``: add athletes to the training log, list them, show one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from runlift.cli import render
from runlift.cli.store_options import DbOption, JsonOption, now

app = typer.Typer(
    help="Athletes in the training log: add one from a profile, list them, show one.",
    no_args_is_help=True,
)


@app.command("add")
def add(
    profile: Annotated[Path, typer.Argument(help="Athlete profile (YAML), as for runlift plan.")],
    athlete_id: Annotated[
        str | None,
        typer.Option("--id", help="The athlete's id (default: from the name, e.g. alex-example)."),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Validate a profile, make its plan, and store the athlete with plan version 1."""
    from runlift.services import training_log  # noqa: PLC0415 - loads the solver

    text = profile.read_text(encoding="utf-8")
    with training_log.open_store(db) as store, render.progress("Planning weeks") as advance:
        record, result = training_log.add_athlete(
            store, text, athlete_id=athlete_id, now=now(), progress=advance
        )
    if as_json:
        render.emit_json(
            {"athlete": record.id, "name": record.name, "plan_version": record.current_version}
        )
        return
    render.plan_summary(result.plan)
    render.line(
        f"\nStored [bold]{record.name}[/] as [bold]{record.id}[/] with plan version 1 "
        f"({store.database.url})."
    )


@app.command("list")
def list_athletes(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Every athlete in the training log."""
    from runlift.services import training_log  # noqa: PLC0415

    with training_log.open_store(db) as store:
        athletes = store.athletes()
    if as_json:
        render.emit_json(
            [
                {
                    "id": a.id,
                    "name": a.name,
                    "plan_version": a.current_version,
                    "created_at": a.created_at.isoformat(),
                }
                for a in athletes
            ]
        )
        return
    if not athletes:
        render.line("No athlete yet: add one with runlift athlete add PROFILE.yaml")
        return
    render.table(
        "Athletes",
        ["id", "name", "plan version", "added"],
        [(a.id, a.name, a.current_version, f"{a.created_at:%Y-%m-%d}") for a in athletes],
    )


@app.command("show")
def show(
    athlete_id: Annotated[str, typer.Argument(help="The athlete's id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One athlete: the plan's dates and goal, and every plan version."""
    from runlift.services import training_log  # noqa: PLC0415

    with training_log.open_store(db) as store:
        record = store.athlete(athlete_id)
        versions = store.plan_versions(record.id)
        current = store.plan_version(record.id)
    plan = current.plan
    if as_json:
        render.emit_json(
            {
                "id": record.id,
                "name": record.name,
                "goal": current.profile.goal.kind.value,
                "plan_start": plan.start.isoformat(),
                "plan_end": plan.end.isoformat(),
                "plan_version": record.current_version,
                "versions": [
                    {
                        "version": v.version,
                        "created_at": v.created_at.isoformat(),
                        "valid_from": v.valid_from.isoformat(),
                        "reason": v.reason,
                        "current": v.current,
                    }
                    for v in versions
                ],
            }
        )
        return
    render.line(
        f"[bold]{record.name}[/] ({record.id}): {current.profile.goal.kind.value} plan "
        f"{plan.start} to {plan.end}, {len(plan.weeks)} weeks"
    )
    render.table(
        "Plan versions",
        ["version", "made", "plans from", "why", "current"],
        [
            (
                v.version,
                f"{v.created_at:%Y-%m-%d %H:%M}",
                v.valid_from.isoformat(),
                v.reason,
                "yes" if v.current else "",
            )
            for v in versions
        ],
    )
