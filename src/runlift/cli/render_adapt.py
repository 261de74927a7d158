"""The terminal output of ``runlift adapt``: each change with its rules and reason."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from runlift.cli.render import console, line
from runlift.domain.quantities import quantity

if TYPE_CHECKING:  # the service loads the planner: only ``runlift adapt`` imports it
    from runlift.services.adaptation import AdaptOutcome

CHANGE_STYLE = {"moved": "cyan", "changed": "yellow", "dropped": "red", "added": "green"}


def _when(session: Mapping[str, Any] | None) -> str:
    if session is None:
        return "-"
    start = datetime.fromisoformat(str(session["start"]))
    end = datetime.fromisoformat(str(session["end"]))
    return f"{start:%a %d %b %H:%M}-{end:%H:%M}"


def _what(session: Mapping[str, Any] | None) -> str:
    if session is None:
        return ""
    return f"{session['title']}: {session['summary']}"


def outcome(result: AdaptOutcome) -> None:
    """The diff: one block per change (before, after, rules, reason), then the notes."""
    records = result.records
    if not records:
        line(f"no change: plan version {result.from_version} stands on {result.today}")
    else:
        if result.to_version is not None:
            head = f"plan version {result.from_version} -> {result.to_version}"
        else:
            head = f"plan version {result.from_version} (dry run: nothing stored)"
        line(
            f"[bold]{head}[/], adapted on {result.today}: "
            f"{quantity(len(records), 'sessions')} changed"
        )
        for record in records:
            kind = str(record["change"])
            style = CHANGE_STYLE.get(kind, "white")
            before, after = record["before"], record["after"]
            rules = ", ".join(record["rules"])
            line(
                f"[{style}]{kind:<8}[/] [bold]{escape(str(record['session_id']))}[/]"
                + (f"  [dim]{escape(rules)}[/]" if rules else "")
            )
            if before is not None:
                line(f"  before  {_when(before)}  {escape(_what(before))}")
            if after is not None:
                line(f"  after   {_when(after)}  {escape(_what(after))}")
            line(f"  why     {escape(str(record['reason']))}")
    for note in result.adaptation.notes:
        console().print(f"[dim]note:[/] {escape(note)}", highlight=False)
