"""``runlift log``: what the athlete did, from files or by hand, and the week against the plan.

Exit codes: 0 when everything asked was stored (or already was), 1 when a file
or an entry could not be (the other files of an import are still stored), 2 for
usage errors.
"""

from __future__ import annotations

import dataclasses
from datetime import date, time
from pathlib import Path
from typing import Annotated

import typer

from runlift.cli import render, render_log
from runlift.cli.store_options import AthleteOption, DbOption, JsonOption, now
from runlift.domain.log import CheckIn
from runlift.domain.quantities import parse_duration_s, quantity
from runlift.errors import InvalidInput
from runlift.science.ability import RunEffort
from runlift.units import format_duration, format_pace
from runlift.vocabulary import EventKind, MissReason

app = typer.Typer(
    help="The training log: import files, log sessions by hand, check in, show a week.",
    no_args_is_help=True,
)

MAX_FILES = 100_000
"""Most files one import walks (a folder larger than this is almost surely the wrong one)."""

SKIPPED_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


class ImportFailedError(Exception):
    """At least one file of an import failed (the others were stored)."""


def _files(paths: list[Path]) -> list[Path]:
    """Files to import: each file given, and every file under each folder, in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and not p.name.startswith(".") and p.name not in SKIPPED_NAMES
                )
            )
        elif path.exists():
            found.append(path)
        else:
            raise InvalidInput("PATH", str(path), "a file or folder that exists")
        if len(found) > MAX_FILES:
            raise InvalidInput("PATH", str(path), f"at most {MAX_FILES:,} files in one import")
    return found


def _day(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(field, text, "a date as YYYY-MM-DD, e.g. 2026-12-09") from None


def _clock(text: str | None) -> time | None:
    if text is None:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise InvalidInput("--time", text, "a local time as HH:MM, e.g. 18:30") from None


@app.command("import")
def import_files(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    athlete: AthleteOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="A line per file.")] = False,
) -> None:
    """Import FIT, GPX, TCX, Strong and Hevy files: format told by content, duplicates skipped."""
    from runlift.services import log_import, log_json, training_log  # noqa: PLC0415

    files = _files(paths)
    outcomes: list[tuple[Path, log_import.FileOutcome]] = []
    with training_log.open_store(db) as store:
        athlete_id = store.athlete(athlete).id
        with render.progress("Importing", enabled=len(files) > 1 and not as_json) as advance:
            for index, path in enumerate(files):
                try:
                    data = path.read_bytes()
                except OSError as exc:
                    outcome = log_import.FileOutcome(
                        name=path.name, status="failed", error=f"cannot read: {exc.strerror}"
                    )
                else:
                    outcome = log_import.import_file(
                        store, athlete_id, data, name=path.name, now=now()
                    )
                outcomes.append((path, outcome))
                if verbose and not as_json:
                    render_log.import_line(str(path), outcome)
                advance(index + 1, len(files))
    if as_json:
        render.emit_json(log_json.import_document([(str(path), o) for path, o in outcomes]))
    else:
        render_log.import_summary([o for _, o in outcomes])
    if any(o.status == "failed" for _, o in outcomes):
        raise typer.Exit(1)


@app.command("done")
def done(
    session_id: Annotated[str, typer.Argument(help="The plan's session id, e.g. w03-run1.")],
    rpe: Annotated[
        float | None, typer.Option("--rpe", min=1, max=10, help="Session RPE, 1-10.")
    ] = None,
    duration: Annotated[
        float | None, typer.Option("--duration", min=1, help="Minutes (default: as planned).")
    ] = None,
    distance: Annotated[
        float | None,
        typer.Option("--distance", min=0.01, help="Km, for a run (default: as planned)."),
    ] = None,
    athlete: AthleteOption = None,
    db: DbOption = None,
) -> None:
    """Mark a planned session done (as planned, or with what you did)."""
    from runlift.services import log_entries, training_log  # noqa: PLC0415

    with training_log.open_store(db) as store:
        athlete_id = store.athlete(athlete).id
        stored = log_entries.log_done(
            store, athlete_id, session_id, rpe=rpe, duration_min=duration, distance_km=distance
        )
    render.line(f"Logged {session_id} as done (activity {stored.id}).")


@app.command("missed")
def missed(
    session_id: Annotated[str, typer.Argument(help="The plan's session id, e.g. w03-run1.")],
    reason: Annotated[MissReason, typer.Option("--reason", help="Why.")] = MissReason.OTHER,
    athlete: AthleteOption = None,
    db: DbOption = None,
) -> None:
    """Mark a planned session missed, with the reason."""
    from runlift.services import log_entries, training_log  # noqa: PLC0415

    with training_log.open_store(db) as store:
        athlete_id = store.athlete(athlete).id
        session = log_entries.log_missed(store, athlete_id, session_id, reason=reason, now=now())
    render.line(f"Logged {session_id} ({session.scheduled.spec.title}) as missed: {reason.value}.")


@app.command("run")
def run(
    day: Annotated[str, typer.Option("--date", help="Local date, YYYY-MM-DD.")],
    distance: Annotated[float, typer.Option("--distance", help="Km.")],
    duration: Annotated[str, typer.Option("--duration", help="H:MM:SS or MM:SS.")],
    at: Annotated[str | None, typer.Option("--time", help="Local start, HH:MM.")] = None,
    rpe: Annotated[
        float | None, typer.Option("--rpe", min=1, max=10, help="Session RPE, 1-10.")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="A title for the run.")] = None,
    race: Annotated[
        bool, typer.Option("--race", help="It was a race: its time sets your VDOT.")
    ] = False,
    time_trial: Annotated[
        bool,
        typer.Option("--time-trial", help="It was a time trial: its time sets your VDOT."),
    ] = False,
    athlete: AthleteOption = None,
    db: DbOption = None,
) -> None:
    """Log a run done without a file (a race or time trial with --race or --time-trial)."""
    from runlift.services import log_entries, training_log  # noqa: PLC0415

    seconds = parse_duration_s(duration, field="--duration")
    with training_log.open_store(db) as store:
        athlete_id = store.athlete(athlete).id
        stored = log_entries.log_run(
            store,
            athlete_id,
            day=_day(day, "--date"),
            at=_clock(at),
            distance_km=distance,
            duration_s=seconds,
            rpe=rpe,
            name=name,
            effort=_effort(race=race, time_trial=time_trial),
        )
    render.line(
        f"Logged a run of {distance:g} km in {format_duration(seconds)} "
        f"({format_pace(seconds / distance)}), activity {stored.id}"
        + (f": {stored.activity.name}." if stored.activity.name else ".")
    )


def _effort(*, race: bool, time_trial: bool) -> RunEffort | None:
    if race and time_trial:
        raise InvalidInput("--time-trial", "with --race", "one of --race and --time-trial")
    if race:
        return RunEffort.RACE
    return RunEffort.TIME_TRIAL if time_trial else None


@app.command("lift")
def lift(
    day: Annotated[str, typer.Option("--date", help="Local date, YYYY-MM-DD.")],
    exercises: Annotated[
        list[str], typer.Option("--exercise", help="Exercise id or name; repeat for each.")
    ],
    sets: Annotated[
        list[str],
        typer.Option(
            "--sets",
            help='Sets of the exercise before it: "3x5@100kg", "5@225lb", "3x10@bw"; '
            'a set\'s RPE after its load: "3x5@100kg@8" (or "@rir2").',
        ),
    ],
    at: Annotated[str | None, typer.Option("--time", help="Local start, HH:MM.")] = None,
    rpe: Annotated[
        float | None, typer.Option("--rpe", min=1, max=10, help="Session RPE, 1-10.")
    ] = None,
    duration: Annotated[
        float | None, typer.Option("--duration", min=1, help="Minutes the session took.")
    ] = None,
    athlete: AthleteOption = None,
    db: DbOption = None,
) -> None:
    """Log a lift done without a file: --exercise and --sets in pairs."""
    from runlift.io.set_notation import parse_sets  # noqa: PLC0415
    from runlift.services import log_entries, training_log  # noqa: PLC0415

    if len(exercises) != len(sets):
        raise InvalidInput(
            "--sets",
            f"{len(sets)} --sets for {len(exercises)} --exercise",
            "one --sets per --exercise",
        )
    entries = [
        log_entries.LiftEntry(exercise=name, sets=parse_sets(text))
        for name, text in zip(exercises, sets, strict=True)
    ]
    with training_log.open_store(db) as store:
        athlete_id = store.athlete(athlete).id
        stored, unmapped = log_entries.log_lift(
            store,
            athlete_id,
            day=_day(day, "--date"),
            at=_clock(at),
            entries=entries,
            rpe=rpe,
            duration_min=duration,
        )
    count = sum(len(e.sets) for e in entries)
    render.line(f"Logged a lift of {quantity(count, 'sets')}, activity {stored.id}.")
    for name in unmapped:
        render.line(f"  '{name}' is no exercise of the library: kept under its own name.")


@app.command("checkin")
def checkin(
    day: Annotated[str, typer.Option("--date", help="Local date, YYYY-MM-DD.")],
    sleep: Annotated[float | None, typer.Option("--sleep", help="Hours slept.")] = None,
    soreness: Annotated[int | None, typer.Option("--soreness", help="1 (none) to 5.")] = None,
    stress: Annotated[int | None, typer.Option("--stress", help="1 (none) to 5.")] = None,
    mood: Annotated[int | None, typer.Option("--mood", help="1 (very good) to 5.")] = None,
    resting_hr: Annotated[float | None, typer.Option("--resting-hr", help="Bpm on waking.")] = None,
    mass: Annotated[float | None, typer.Option("--mass", help="Body mass, kg.")] = None,
    athlete: AthleteOption = None,
    db: DbOption = None,
) -> None:
    """Record the day's sleep, soreness, stress, mood, resting heart rate or body mass."""
    from runlift.services import log_entries, training_log  # noqa: PLC0415

    entry = CheckIn(
        day=_day(day, "--date"),
        sleep_h=sleep,
        soreness=soreness,
        stress=stress,
        mood=mood,
        resting_hr_bpm=resting_hr,
        mass_kg=mass,
    )
    with training_log.open_store(db) as store:
        athlete_id = store.athlete(athlete).id
        stored = log_entries.log_check_in(store, athlete_id, entry)
    answers = {k: v for k, v in dataclasses.asdict(stored).items() if k != "day" and v is not None}
    render.line(f"Check-in of {stored.day}: " + ", ".join(f"{k} {v:g}" for k, v in answers.items()))


@app.command("event")
def event(
    kind: Annotated[EventKind, typer.Option("--kind", help="What it was.")],
    first: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")],
    last: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.")],
    note: Annotated[str | None, typer.Option("--note", help="Your words.")] = None,
    athlete: AthleteOption = None,
    db: DbOption = None,
) -> None:
    """Record illness, injury or travel over a range of days."""
    from runlift.services import log_entries, training_log  # noqa: PLC0415

    first_day, last_day = _day(first, "--from"), _day(last, "--to")
    with training_log.open_store(db) as store:
        athlete_id = store.athlete(athlete).id
        log_entries.log_event(
            store, athlete_id, kind=kind, first_day=first_day, last_day=last_day, note=note
        )
    days = (last_day - first_day).days + 1
    render.line(f"Logged {kind.value} from {first_day} to {last_day} ({quantity(days, 'days')}).")


@app.command("show")
def show(
    week: Annotated[
        int | None, typer.Option("--week", min=1, help="Plan week (default: this week).")
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="Take this date as today (YYYY-MM-DD).")
    ] = None,
    athlete: AthleteOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """A week of the plan against the log: done, partial, missed, extra or still planned."""
    from runlift.services import log_json, log_view, training_log  # noqa: PLC0415

    with training_log.open_store(db) as store:
        record = store.athlete(athlete)
        day = None if today is None else _day(today, "--today")
        view = log_view.week_log(store, record.id, week_number=week, today=day, now=now())
    if as_json:
        render.emit_json(log_json.week_log_document(view))
    else:
        render_log.week_log(view)
