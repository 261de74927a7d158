"""``runlift lint``: check any plan (ours, a spreadsheet, a calendar export) against the rules."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from zoneinfo import ZoneInfo

import typer

from runlift.cli import render
from runlift.cli.files import plan_file
from runlift.domain.week import WeekContext
from runlift.errors import ImportFormatError, InvalidInput
from runlift.io.calendar import read_calendar
from runlift.io.imported import ImportedSessions
from runlift.io.plan_csv import read_plan_csv
from runlift.vocabulary import EvidenceProfile, GoalKind, Priority

if TYPE_CHECKING:
    from runlift.services.linting import Finding

EXIT_VIOLATIONS = 1
"""A hard rule is broken (or a soft one, with --fail-on-soft), or an event could not be read."""


def read_plan_file(path: Path, *, timezone: str) -> ImportedSessions:
    """Read a plan in any supported format, chosen by suffix or, failing that, by content.

    A folder is read as the plan.json that ``runlift plan`` wrote into it.

    Raises:
        ImportFormatError: the file is not what it claims to be, naming the file.
        OSError: the file cannot be opened.
    """
    path = plan_file(path, field="PLAN")
    data = path.read_bytes()
    head = data[:4096].lstrip(b"\xef\xbb\xbf \r\n\t").upper()
    suffix = path.suffix.lower()
    try:
        if suffix == ".ics" or head.startswith(b"BEGIN:VCALENDAR"):
            return read_calendar(data, default_timezone=timezone)
        if suffix == ".json" or head.startswith(b"{"):
            from runlift.io.plan_json import read_plan_sessions  # noqa: PLC0415 - plan.json only

            return read_plan_sessions(_utf8(data, "json"))
        return read_plan_csv(_utf8(data, "csv"), timezone=timezone)
    except ImportFormatError as exc:
        exc.source = str(path)
        raise


def _utf8(data: bytes, fmt: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFormatError(fmt, f"not UTF-8 text (byte {exc.start})") from None


def _finding_dict(finding: Finding, zone: ZoneInfo) -> dict[str, object]:
    from runlift.rules import RULES  # noqa: PLC0415 - keeps `runlift --help` fast

    violation = finding.violation
    rule = RULES[violation.rule_id]
    local = [(s, s.start.astimezone(zone), s.end.astimezone(zone)) for s in violation.sessions]
    return {
        "rule": violation.rule_id,
        "hard": violation.hard,
        "title": rule.title,
        "sources": list(rule.sources),
        "sessions": [
            {
                "date": start.date().isoformat(),
                "start": None if s.all_day else start.strftime("%H:%M"),
                "end": None if s.all_day else end.strftime("%H:%M"),
                "title": s.spec.title,
            }
            for s, start, end in local
        ],
        "measured": violation.measured,
        "limit": violation.limit,
        "unit": violation.unit,
        "week": finding.week_start.isoformat(),
        "cost_points": finding.cost_points,
        "week_cost_points": finding.week_cost_points,
        "text": violation.text,
        "fix": finding.fix,
        "fix_checked": finding.fix_checked,
    }


def lint(
    plan: Annotated[
        Path,
        typer.Argument(
            help="plan.json (or the folder `runlift plan` wrote), an .ics calendar, or a CSV plan."
        ),
    ],
    profile: Annotated[
        EvidenceProfile | None,
        typer.Option(
            help="Evidence profile for the limits [default: the plan's, else default].",
            case_sensitive=False,
        ),
    ] = None,
    goal: Annotated[
        GoalKind | None,
        typer.Option(
            help="The athlete's goal [default: the plan's, else general_fitness].",
            case_sensitive=False,
        ),
    ] = None,
    priority: Annotated[
        Priority | None,
        typer.Option(
            help="Which modality comes first [default: the plan's, else balanced].",
            case_sensitive=False,
        ),
    ] = None,
    timezone: Annotated[str, typer.Option(help="Zone for times without one (IANA name).")] = "UTC",
    rest_days: Annotated[
        int | None,
        typer.Option(help="Minimum full rest days a week [default: the plan's, else 1]."),
    ] = None,
    fail_on_soft: Annotated[
        bool, typer.Option("--fail-on-soft", help="Exit 1 on soft-rule findings too.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Check a plan against every scheduling rule.

    Exit 0 when no hard rule is broken; 1 when one is (or a soft one with
    --fail-on-soft), when an event cannot be read, or when the file cannot be read at
    all; 2 for a usage error. A runlift plan.json or plan.ics says the athlete's goal,
    priority, evidence profile, rest days and windows; the options override them. A
    soft finding is a cost, not a broken rule: it says its points and the week's total.
    """
    imported = read_plan_file(plan, timezone=timezone)
    if rest_days is not None and not 0 <= rest_days <= 6:
        raise InvalidInput("--rest-days", rest_days, "a number from 0 to 6")
    # The plan's own context (plan.json, plan.ics), else general fitness; options override it.
    own = imported.context or WeekContext(goal=GoalKind.GENERAL_FITNESS, priority=Priority.BALANCED)
    context = WeekContext(
        goal=own.goal if goal is None else goal,
        priority=own.priority if priority is None else priority,
        profile=own.profile if profile is None else profile,
        rest_days_min=own.rest_days_min if rest_days is None else rest_days,
        timezone=imported.timezone,
    )
    from runlift.services.linting import lint_sessions  # noqa: PLC0415 - loads the solver

    findings = lint_sessions(imported, context)
    zone = ZoneInfo(imported.timezone)
    hard = [f for f in findings if f.violation.hard]
    soft = [f for f in findings if not f.violation.hard]
    if as_json:
        render.emit_json(
            {
                "file": str(plan),
                "sessions": len(imported.sessions),
                "untimed_sessions": sum(1 for s in imported.sessions if s.all_day),
                "ignored_events": len(imported.ignored),
                "unreadable_events": list(imported.unreadable),
                "profile": context.profile.value,
                "goal": context.goal.value,
                "priority": context.priority.value,
                "rest_days_min": context.rest_days_min,
                "timezone": imported.timezone,
                "windows_known": imported.availability is not None,
                "violations": [_finding_dict(f, zone) for f in findings],
            }
        )
    else:
        render.lint_report(
            path=str(plan),
            imported=imported,
            findings=[_finding_dict(f, zone) for f in findings],
        )
    render.warning_lines(f"{plan}: could not read {text}" for text in imported.unreadable)
    if hard or imported.unreadable or (fail_on_soft and soft):
        raise typer.Exit(EXIT_VIOLATIONS)
