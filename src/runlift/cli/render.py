"""All terminal output of the CLI: rich tables for people, JSON for machines."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from rich.console import Console
from rich.table import Table

from runlift.io.imported import ImportedSessions

Cell = str | float | int | None


@cache
def console() -> Console:
    """The standard-output console."""
    return Console(highlight=False)


@cache
def error_console() -> Console:
    """The standard-error console."""
    return Console(stderr=True, highlight=False)


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
    console().print(summary)
    if not findings:
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
        console().print(
            f"    measured {finding['measured']:g} {finding['unit']}, "
            f"limit {finding['limit']:g} {finding['unit']}"
        )
        console().print(f"    [cyan]fix:[/] {finding['fix']}")
    hard = sum(1 for f in findings if f["hard"])
    console().print(f"\n{hard} hard, {len(findings) - hard} soft finding(s).")
    console().print("\n[dim]Sources:[/]")
    seen: dict[str, str] = {}
    for finding in ordered:
        seen.setdefault(str(finding["rule"]), ", ".join(map(str, _as_list(finding["sources"]))))
    for rule_id, sources in sorted(seen.items()):
        console().print(f"[dim]  {rule_id}: {sources}[/]")


def _as_list(value: object) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else []
