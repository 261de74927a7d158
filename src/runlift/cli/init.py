"""``runlift init``: a wizard that writes an athlete profile, or a commented template."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import typer

from runlift.cli import render
from runlift.cli.files import write_file
from runlift.domain.athlete import check_age
from runlift.domain.exercises import Equipment, equipment_set
from runlift.domain.quantities import parse_distance_m, parse_duration_s
from runlift.domain.records import check_race_time
from runlift.domain.week import TimeWindow
from runlift.errors import InvalidInput
from runlift.io.profile import lift_sessions_allowed, lift_sessions_text, read_profile
from runlift.io.profile_template import Answers, answers_yaml, template_yaml
from runlift.vocabulary import EvidenceProfile, Experience, GoalKind, Priority, Sex, Weekday

T = TypeVar("T")

DEFAULT_PRIORITY = {
    GoalKind.RACE: Priority.RUNNING,
    GoalKind.STRENGTH: Priority.LIFTING,
    GoalKind.HYPERTROPHY: Priority.LIFTING,
    GoalKind.FAT_LOSS: Priority.BALANCED,
    GoalKind.GENERAL_FITNESS: Priority.BALANCED,
}
MAIN_LIFTS = ("back-squat", "deadlift", "bench-press")
NONE_WORDS = frozenset({"", "-", "none"})
"""Answers that mean "none" where the question allows it."""
SET_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:x\s*(\d+)(?:\s*@\s*(\d+(?:\.\d)?))?)?\s*$")


def ask(question: str, parse: Callable[[str], T], *, default: str = "") -> T:
    """Ask until the answer parses; each failure says what would be valid."""
    while True:
        answer = render.ask(question, default=default)
        try:
            return parse(answer.strip())
        except (InvalidInput, ValueError) as exc:
            render.line(f"  [red]{exc}[/]")


def _number(low: float, high: float, field: str) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise InvalidInput(field, text, f"a number from {low:g} to {high:g}") from None
        if not low <= value <= high:
            raise InvalidInput(field, text, f"a number from {low:g} to {high:g}")
        return value

    return parse


def _whole(low: int, high: int, field: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        if not text.isdigit() or not low <= int(text) <= high:
            raise InvalidInput(field, text, f"a whole number from {low} to {high}")
        return int(text)

    return parse


def _choice(options: type[T], field: str) -> Callable[[str], T]:
    def parse(text: str) -> T:
        try:
            return options(text.lower())  # type: ignore[call-arg]
        except ValueError:
            names = " | ".join(str(o) for o in options)  # type: ignore[attr-defined]
            raise InvalidInput(field, text, f"one of {names}") from None

    return parse


def _date(field: str, *, after: date | None = None) -> Callable[[str], date]:
    def parse(text: str) -> date:
        try:
            value = date.fromisoformat(text)
        except ValueError:
            raise InvalidInput(field, text, "a date as YYYY-MM-DD, e.g. 2027-04-11") from None
        if after is not None and value <= after:
            raise InvalidInput(field, text, f"a date after {after.isoformat()}")
        return value

    return parse


def _birth_date(today: date) -> Callable[[str], date]:
    """A birth date, checked as the profile checks it: aged 13 to 100."""

    def parse(text: str) -> date:
        value = _date("birth_date")(text)
        check_age(value, on=today)
        return value

    return parse


def machine_zone() -> str:
    """The IANA name of this machine's time zone (``TZ``, then the system's), else ``UTC``."""
    candidates = [os.environ.get("TZ", "").removeprefix(":")]
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    with contextlib.suppress(OSError):
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    for name in candidates:
        if name:
            try:
                return _zone(name)
            except InvalidInput:
                continue
    return "UTC"


def _zone(text: str) -> str:
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("timezone", text, "an IANA name such as Europe/Berlin") from None
    return text


def _optional(parse: Callable[[str], T]) -> Callable[[str], T | None]:
    def wrapped(text: str) -> T | None:
        return None if text.lower() in NONE_WORDS else parse(text)

    return wrapped


def _windows(day: Weekday) -> Callable[[str], list[str]]:
    def parse(text: str) -> list[str]:
        if text.lower() in NONE_WORDS:
            return []
        windows = [TimeWindow.parse(p.strip(), field_name=day.value) for p in text.split(",")]
        return [str(w) for w in sorted(windows, key=lambda w: w.start_min)]

    return parse


def _lift_set(lift: str) -> Callable[[str], dict[str, float] | None]:
    def parse(text: str) -> dict[str, float] | None:
        if text.lower() in NONE_WORDS:
            return None
        match = SET_RE.match(text.lower())
        if match is None:
            raise InvalidInput(lift, text, "a 1RM like 100, or a set like 80x5 or 80x5@8")
        weight, reps, rpe = match.groups()
        if reps is None:
            return {"one_rep_max_kg": float(weight)}
        record = {"weight_kg": float(weight), "reps": int(reps)}
        return record if rpe is None else record | {"rpe": float(rpe)}

    return parse


def _clock(field: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        try:
            return datetime.strptime(text, "%H:%M").strftime("%H:%M")  # noqa: DTZ007 - a clock
        except ValueError:
            raise InvalidInput(field, text, "a time as HH:MM, e.g. 06:30") from None

    return parse


def _race(sex: Sex) -> Callable[[str], dict[str, object] | None]:
    def parse(text: str) -> dict[str, object] | None:
        if text.lower() in NONE_WORDS:
            return None
        *words, time = text.split()
        if not words:
            raise InvalidInput("recent race", text, "distance and time, e.g. 10k 50:30")
        distance = " ".join(words)
        distance_m = parse_distance_m(distance, field="distance")
        check_race_time(
            time_s=parse_duration_s(time, field="time"),
            distance_m=distance_m,
            field="time",
            written=time,
            sex=sex,
        )
        return {"distance": distance, "time": time}

    return parse


def _target(distance: str, sex: Sex) -> Callable[[str], str | None]:
    def parse(text: str) -> str | None:
        if text.lower() in NONE_WORDS:
            return None
        check_race_time(
            time_s=parse_duration_s(text, field="target time"),
            distance_m=parse_distance_m(distance),
            field="target time",
            written=text,
            sex=sex,
        )
        return text

    return parse


def _lifts(priority: Priority) -> Callable[[str], int]:
    low, high = lift_sessions_allowed(priority)

    def parse(text: str) -> int:
        if not text.isdigit() or not (int(text) == 0 or low <= int(text) <= high):
            raise InvalidInput("sessions_per_week", text, lift_sessions_text())
        return int(text)

    return parse


def _goal(kind: GoalKind, start: date, sex: Sex) -> dict[str, object]:
    priority = ask(
        "Which comes first? running | lifting | balanced",
        _choice(Priority, "priority"),
        default=DEFAULT_PRIORITY[kind].value,
    )
    goal: dict[str, object] = {"kind": kind.value, "priority": priority.value}
    if kind is GoalKind.RACE:
        distance = ask(
            "Race distance (5k, 10k, half, marathon, 15k, 10mi, 12km ...)",
            lambda t: (parse_distance_m(t), t)[1],
        )
        race_date = ask("Race date (YYYY-MM-DD)", _date("race date", after=start))
        target = ask("Target time, h:mm:ss (blank for none)", _target(distance, sex))
        race: dict[str, object] = {"distance": distance, "date": race_date}
        if target is not None:
            race["target_time"] = target
        goal["race"] = race
    else:
        goal["weeks"] = ask("How many weeks (4-52)?", _whole(4, 52, "weeks"), default="12")
    return goal


def _wizard(today: date) -> Answers:
    render.line("[bold]runlift init[/]: a few questions; press Enter to keep a default.\n")
    next_monday = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    name = ask("Your name", lambda t: t or "Athlete", default="Athlete")
    sex = ask("Sex for the energy equations (female | male)", _choice(Sex, "sex"))
    birth = ask("Birth date (YYYY-MM-DD)", _birth_date(today))
    height = ask("Height in cm", _number(120, 230, "height_cm"))
    mass = ask("Body mass in kg", _number(30, 250, "mass_kg"))
    fat = ask("Body fat % (blank if unknown)", _optional(_number(3, 60, "body_fat_percent")))
    zone = ask("Time zone (IANA name)", _zone, default=machine_zone())
    start = ask(
        "Start date (today or later)",
        _date("start_date", after=today - timedelta(days=1)),
        default=next_monday.isoformat(),
    )
    kind = ask(
        "Goal: strength | hypertrophy | race | fat_loss | general_fitness",
        _choice(GoalKind, "goal"),
        default="race",
    )
    goal = _goal(kind, start, sex)
    priority = Priority(str(goal["priority"]))
    weekly_km = ask("Running km per week now", _number(0, 250, "weekly_km"), default="20")
    race = ask("A recent race, e.g. '10k 50:30' (blank for none)", _race(sex))
    experience = ask(
        "Lifting experience: novice | intermediate | advanced",
        _choice(Experience, "experience"),
        default="intermediate",
    )
    lifts = ask(
        f"Lifting sessions a week: {lift_sessions_text()}",
        _lifts(priority),
        default=str(lift_sessions_allowed(priority)[0]),
    )
    maxes = {}
    for lift in MAIN_LIFTS if lifts else ():
        record = ask(
            f"{lift}: 1RM like 100, or a set like 80x5@8 (blank: unknown)", _lift_set(lift)
        )
        if record is not None:
            maxes[lift] = record
    equipment = ask(
        "Equipment, comma-separated (" + ", ".join(e.value for e in Equipment) + ")",
        lambda t: sorted(equipment_set(x.strip() for x in t.split(",") if x.strip())),
        default="barbell, rack, dumbbells, bench, pull-up-bar, bands",
    )
    availability = _availability(lifts)
    most_rest = min(6, 7 - lifts)
    rest = ask(
        f"Full rest days a week (0-{most_rest})",
        _whole(0, most_rest, "rest_days_min"),
        default=str(min(1, most_rest)),
    )
    wake = ask("Usual wake time", _clock("wake"), default="06:30")
    sleep = ask("Usual sleep time", _clock("sleep"), default="22:30")
    profile = ask(
        "Evidence profile: default (6 h gap) | moderate (4 h) | strict (8 h)",
        _choice(EvidenceProfile, "evidence_profile"),
        default="default",
    )
    return Answers(
        name=name,
        sex=sex.value,
        birth_date=birth,
        height_cm=height,
        mass_kg=mass,
        body_fat_percent=fat,
        timezone=zone,
        start_date=start,
        goal=goal,
        weekly_km=weekly_km,
        recent_race=race,
        experience=experience.value,
        sessions_per_week=lifts,
        maxes=maxes,
        equipment=equipment,
        availability=availability,
        rest_days_min=rest,
        wake=wake,
        sleep=sleep,
        evidence_profile=profile.value,
    )


def _availability(lifts: int) -> dict[str, list[str]]:
    """Windows for each weekday; asked again while they leave too few days for the lifts."""
    render.line(
        "Training windows per day as HH:MM-HH:MM, comma-separated. Enter keeps the window "
        "shown; '-' (or 'none') for a day without training."
    )
    while True:
        availability = {
            day.value: ask(f"  {day.value}", _windows(day), default="18:00-20:00")
            for day in Weekday
        }
        open_days = sum(1 for windows in availability.values() if windows)
        if open_days >= lifts:
            return availability
        render.line(
            f"  [red]{lifts} lifts need windows on {lifts} days (RL-1: one lift a day at most); "
            f"these give {open_days}.[/]"
        )


def init(
    path: Annotated[Path, typer.Argument(help="Where to write the profile.")] = Path(
        "athlete.yaml"
    ),
    template: Annotated[
        GoalKind | None,
        typer.Option(
            help="Write a commented template for this goal, without questions.",
            case_sensitive=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write an athlete profile: answer a few questions, or take a commented template."""
    if path.exists() and not force:
        raise InvalidInput("PATH", str(path), "a new file name, or --force to overwrite it")
    today = date.today()  # noqa: DTZ011 - the user's calendar day is what they expect
    if template is not None:
        text = template_yaml(
            template,
            start=today + timedelta(days=(7 - today.weekday()) % 7),
            timezone=machine_zone(),
        )
    else:
        text = answers_yaml(_wizard(today))
    read_profile(text, source=str(path))
    write_file(path, text.encode("utf-8"), field="PATH")
    render.line(f"Wrote [bold]{path}[/]. Next: runlift plan {path} -o out/")
