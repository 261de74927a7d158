"""All terminal output of the CLI: rich tables for people, JSON for machines."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from runlift.domain.athlete import AthleteProfile
from runlift.domain.plan import Plan, PlannedSession, PlanWeek
from runlift.domain.prescription import RunPrescription
from runlift.domain.quantities import quantity
from runlift.domain.warnings import PlanWarning
from runlift.io.imported import ImportedSessions
from runlift.programme.baseline import Baseline
from runlift.vocabulary import MassUnit

Cell = str | float | int | None


def _unwrapped(out: Console) -> Console:
    """Lines are not broken at 80 columns when the output is not a terminal (a pipe, a file).

    A terminal wraps long lines itself; a log or a ``grep`` wants one finding per line.
    """
    out.soft_wrap = not out.is_terminal
    return out


@cache
def console() -> Console:
    """The standard-output console."""
    return _unwrapped(Console(highlight=False))


@cache
def error_console() -> Console:
    """The standard-error console."""
    return _unwrapped(Console(stderr=True, highlight=False))


def error_lines(lines: Iterable[str], *, prefix: str = "[bold red]error:[/] ") -> None:
    """Print an error on stderr, one line per problem, each starting with ``error:``.

    A line that starts with a space continues the problem above it (a list of changes
    that would fix a week, say) and is printed as it is.
    """
    for text in lines:
        start = "" if text.startswith(" ") else prefix
        error_console().print(f"{start}{escape(text)}", highlight=False)


def warning_dict(warning: PlanWarning) -> dict[str, object]:
    """A plan warning as JSON: kind, rule, field, asked, planned, reason, weeks and the line."""
    return {
        "kind": warning.kind.value,
        "rule": warning.rule_id,
        "field": warning.field,
        "asked": warning.asked,
        "planned": warning.planned,
        "reason": warning.reason,
        "weeks": list(warning.weeks),
        "text": warning.text,
    }


def warning_lines(lines: Iterable[str]) -> None:
    """Print warnings on stderr, one line each, each starting with ``warning:``."""
    for text in lines:
        error_console().print(f"[yellow]warning:[/] {escape(text)}", highlight=False)


def emit_json(data: object) -> None:
    """Write ``data`` as indented JSON on standard output (plain text, no colour)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n")


def _cell(value: Cell) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def table(
    title: str, columns: Sequence[str], rows: Sequence[Sequence[Cell]], *, caption: str = ""
) -> None:
    """Print a table with a title and an optional caption (where the numbers come from)."""
    out = Table(title=title, caption=caption or None, title_justify="left", caption_justify="left")
    for index, name in enumerate(columns):
        out.add_column(name, justify="left" if index == 0 else "right")
    for row in rows:
        out.add_row(*(_cell(value) for value in row))
    console().print(out)


def key_values(title: str, values: Mapping[str, Cell], *, caption: str = "") -> None:
    """Print a two-column table of named values."""
    table(title, ("", "value"), [(k, v) for k, v in values.items()], caption=caption)


def line(text: str) -> None:
    """Print one line of (rich markup) text."""
    console().print(text)


def lint_report(
    *, path: str, imported: ImportedSessions, findings: Sequence[Mapping[str, Any]]
) -> None:
    """Print lint findings, hard ones first, each with its rule, sources, sessions and fix."""
    sessions = imported.sessions
    ignored = imported.ignored
    untimed = sum(1 for s in sessions if s.all_day)
    summary = f"{path}: {len(sessions)} training sessions"
    if untimed:
        summary += f" ({untimed} all-day, checked by date only)"
    if ignored:
        summary += f", {len(ignored)} other events ignored"
    if imported.unreadable:
        summary += f", unreadable events: {len(imported.unreadable)}"
    console().print(summary)
    if not findings:
        if imported.unreadable:
            console().print("[yellow]No rule is broken in what could be read.[/]")
        else:
            console().print("[green]No rule is broken.[/]")
        return
    ordered = sorted(findings, key=lambda f: not f["hard"])
    for finding in ordered:
        label = "[bold red]HARD[/]" if finding["hard"] else "[yellow]soft[/]"
        console().print(f"\n{label} [bold]{finding['rule']}[/] {finding['text']}")
        for session in _as_list(finding["sessions"]):
            when = (
                session["date"]
                if session["start"] is None
                else f"{session['date']} {session['start']}-{session['end']}"
            )
            console().print(f"    {when}  {session['title']}")
        unit = str(finding["unit"])
        if finding["hard"] or finding.get("cost_points") is None:
            console().print(
                f"    measured {quantity(finding['measured'], unit)}, "
                f"limit {quantity(finding['limit'], unit)}"
            )
        else:
            console().print(
                f"    cost {quantity(finding['cost_points'], 'points')}; the week's total "
                f"{quantity(finding['week_cost_points'], 'points')} (week from {finding['week']})"
            )
        label = "fix (checked inside your windows)" if finding.get("fix_checked") else "fix"
        console().print(f"    [cyan]{label}:[/] {escape(str(finding['fix']))}")
    hard = sum(1 for f in findings if f["hard"])
    soft = len(findings) - hard
    console().print(
        f"\nHard rules broken: {hard}; soft findings: {soft} "
        "(costs the placement weighs, no rule broken)."
    )
    console().print("\n[dim]Sources:[/]")
    seen: dict[str, str] = {}
    for finding in ordered:
        seen.setdefault(str(finding["rule"]), ", ".join(map(str, _as_list(finding["sources"]))))
    for rule_id, sources in sorted(seen.items()):
        console().print(f"[dim]  {rule_id}: {sources}[/]")
    guidance_legend(
        source for finding in findings for source in map(str, _as_list(finding["sources"]))
    )


def guidance_legend(cited: Iterable[str], *, all_sources: bool = False) -> None:
    """What each guidance document (G1-G5) among ``cited`` is, one line each."""
    from runlift.rules import GUIDANCE  # noqa: PLC0415 - keeps `runlift --help` fast

    named = set(cited)
    shown = [g for g in GUIDANCE.values() if all_sources or g.id in named]
    if not shown:
        return
    console().print("\n[dim]Guidance documents:[/]")
    for source in shown:
        console().print(f"[dim]  {source.id} {source.title}: {source.summary}[/]")


def _as_list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []


@contextmanager
def progress(label: str, *, enabled: bool = True) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr (none when not ``enabled``); yields ``advance(done, total)``."""
    if not enabled:
        yield lambda _done, _total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn  # noqa: PLC0415

    if not error_console().is_terminal:
        # A bar is for a person watching; in a log it would only leave a blank line.
        yield lambda done, total: None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=error_console(),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def plan_summary(plan: Plan) -> None:
    """One row per week: dates, block, phase, running km, sessions."""
    rows: list[Sequence[Cell]] = []
    for week in plan.weeks:
        runs = [s for s in week.sessions if isinstance(s.prescription, RunPrescription)]
        km = sum(
            s.prescription.distance_km for s in runs if isinstance(s.prescription, RunPrescription)
        )
        rows.append(
            (
                week.index + 1,
                f"{week.start:%a %d %b}",
                week.focus.value.replace("_", " "),
                week.phase.value,
                len(runs),
                round(km, 1),
                len(week.sessions) - len(runs),
            )
        )
    length = quantity(len(plan.weeks), "weeks")
    table(
        f"{plan.athlete}: {length}, {plan.start:%d %b %Y} to {plan.end:%d %b %Y}",
        ("week", "from", "block focus", "phase", "runs", "run km", "lifts"),
        rows,
    )


def week_view(week: PlanWeek, *, detail: bool, unit: MassUnit = MassUnit.KG) -> None:
    """One week as a table of its days; with ``detail``, every prescription in full.

    Loads are written in ``unit``, the athlete's.
    """
    from runlift.io.prescription_text import prescription_lines  # noqa: PLC0415

    label = (
        f"Week {week.index + 1} from {week.start:%a %d %b %Y}: {week.focus.value.replace('_', ' ')}"
    )
    label += f", {week.phase.value}" + (" (deload)" if week.deload else "")
    out = Table(title=label, title_justify="left", show_lines=detail)
    out.add_column("day")
    out.add_column("time")
    out.add_column("id")
    out.add_column("session")
    for day in week.days:
        if not day.sessions:
            out.add_row(f"{day.date:%a %d %b}", "", "", "[dim]rest[/]")
            continue
        for index, session in enumerate(day.sessions):
            scheduled = session.scheduled
            what = f"[bold]{scheduled.spec.title}[/]"
            if detail:
                what += "\n" + "\n".join(prescription_lines(session.prescription, unit=unit))
            out.add_row(
                f"{day.date:%a %d %b}" if index == 0 else "",
                f"{scheduled.start:%H:%M}-{scheduled.end:%H:%M}",
                scheduled.spec.id,
                what,
            )
    console().print(out)


def session_explanation(
    session: PlannedSession,
    *,
    prescription: Sequence[str],
    sources: Mapping[str, Sequence[str]],
) -> None:
    """A session: when, what, why (rule IDs), and the sources of those rules."""
    scheduled = session.scheduled
    console().print(
        f"[bold]{scheduled.spec.title}[/] ({scheduled.spec.id}): "
        f"{scheduled.start:%a %d %b %Y %H:%M}-{scheduled.end:%H:%M}"
    )
    console().print("\n[bold]What[/]")
    for text in prescription:
        console().print(f"  {text}")
    console().print("\n[bold]Why here, and why this[/]")
    for text in session.explanation:
        console().print(f"  - {text}")
    console().print("\n[bold]Rules[/] " + ", ".join(session.rules))
    for rule_id, rule_sources in sources.items():
        console().print(f"[dim]  {rule_id}: {', '.join(rule_sources)}[/]")
    guidance_legend(source for rule_sources in sources.values() for source in rule_sources)


def ask(question: str, *, default: str = "") -> str:
    """Ask one question on the terminal; Enter keeps ``default``."""
    from rich.prompt import Prompt  # noqa: PLC0415 - only the wizard asks

    return Prompt.ask(question, default=default, console=console(), show_default=bool(default))


def baseline(profile: AthleteProfile, numbers: Baseline) -> None:
    """The athlete's starting numbers: goal, hours, resting energy, VDOT and paces, 1RMs."""
    from runlift.units import format_duration, format_pace, mass_in_unit  # noqa: PLC0415

    values: dict[str, Cell] = {
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
        if race is not None and numbers.predicted_race_s is not None:
            values["predicted goal race"] = format_duration(numbers.predicted_race_s)
    for lift, kg in numbers.one_rep_max_kg.items():
        values[f"1RM {lift}"] = f"{mass_in_unit(kg, profile.units):.1f} {profile.units}"
    key_values("Baseline", values)


def _session_words(session: Mapping[str, Any]) -> str:
    if session.get("distance_km") is not None:
        return f"run {session['distance_km']:.1f}km"
    return f"lift {session['duration_min']:.0f}'"


_FUEL_DAY_WORDS: dict[str, str] = {
    "loading": ", carbohydrate loading",
    "fuelling_up": ", fuelling up",
    "race": ", race day",
}


_FUEL_DAY_TAGS: dict[str, str] = {
    "loading": " · load",
    "fuelling_up": " · fuel up",
    "race": " · race",
}


def nutrition_days(
    title: str,
    days: Sequence[Mapping[str, Any]],
    *,
    caption: str = "",
    why: bool = False,
    timeline: bool = True,
) -> None:
    """Day-by-day energy and macronutrient targets, then each day's timeline.

    ``days`` are the JSON forms written by ``runlift.io.nutrition_json.nutrition_day_dict``.
    The timeline interleaves sessions and servings; what gave way is always
    shown, and ``why`` adds every note (its rule and sources). ``timeline=False``
    prints the table only.
    """
    from datetime import date  # noqa: PLC0415

    rows: list[Sequence[Cell]] = []
    for day in days:
        sessions = _as_list(day["training"])
        rows.append(
            (
                f"{date.fromisoformat(str(day['date'])):%a %d}",
                (", ".join(_session_words(s) for s in sessions) or "rest")
                + _FUEL_DAY_TAGS.get(str(day.get("fuel_day", "training")), ""),
                round(float(day["expenditure_kcal"])),
                round(float(day["target_kcal"])),
                round(float(day["protein_g"])),
                round(float(day["carbohydrate_g"])),
                round(float(day["fat_g"])),
                f"{day['protein_g_per_kg']:.1f}/{day['carbohydrate_g_per_kg']:.1f}/"
                f"{day['fat_g_per_kg']:.1f}",
            )
        )
    table(
        title,
        ("day", "training", "spent", "target", "P g", "C g", "F g", "P/C/F g/kg"),
        rows,
        caption=caption,
    )
    for day in days if timeline else ():
        unit = day["units"]
        fuel_day = _FUEL_DAY_WORDS.get(str(day.get("fuel_day", "training")), "")
        console().print(
            f"\n[bold]{date.fromisoformat(str(day['date'])):%a %d %b}[/] "
            f"{str(day['load_band']).replace('_', ' ')} load{fuel_day}; body mass "
            f"{day['body_mass']:.1f} {unit}, trend {day['expected_body_mass']:.1f} {unit}"
        )
        events: list[tuple[str, int, str]] = [
            (
                str(s["start"] or ""),
                0,
                f"[cyan]{s['start']}-{s['end']} {s['title']}[/] ({s['kcal']:.0f} kcal)",
            )
            for s in _as_list(day["training"])
        ]
        race = day.get("race")
        if isinstance(race, Mapping) and isinstance(race.get("in_race"), Mapping):
            fuel = race["in_race"]
            low, high = fuel["carbohydrate_range_g_per_h"]
            fluid_low, fluid_high = fuel["fluid_ml_per_h"]
            events.append(
                (
                    str(race["start"]),
                    1,
                    f"[magenta]{race['start']}-{race['end']} during the race: C "
                    f"{fuel['carbohydrate_g_per_h']:.0f} g/h ({low:.0f}-{high:.0f} g/h), "
                    f"{fuel['carbohydrate_g']:.0f} g in all; fluid {fluid_low:.0f}-"
                    f"{fluid_high:.0f} ml/h[/]",
                )
            )
        events += [
            (
                str(v["at"]),
                2,
                f"{v['at']}  P {v['protein_g']:.0f} g  C {v['carbohydrate_g']:.0f} g  "
                f"[dim]{v['note']}[/]",
            )
            for v in _as_list(day["servings"])
        ]
        for _, _, text in sorted(events):
            console().print(f"  {text}")
        gave_way = _as_list(day["gave_way"])
        if gave_way:
            console().print(f"  [yellow]gave way: {', '.join(map(str, gave_way))}[/]")
        if why:
            for note in _as_list(day["notes"]):
                console().print(f"  [dim]{note}[/]")
