"""The onboarding form: the profile's fields as form inputs, and the form back as a profile.

Each input is named by the profile field's dotted path (``goal.race.date``), so
the profile's own validation (``runlift.io.profile``) names the input at fault
and its message is shown beside it. Empty inputs are left out, as an absent key
is in YAML; numbers are read as numbers, everything else is passed on as text
for the profile's checks.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from runlift.domain.exercises import Equipment
from runlift.vocabulary import (
    ActivityLevel,
    EvidenceProfile,
    Experience,
    GoalKind,
    LiftingStyle,
    MassUnit,
    Priority,
    Sex,
    Weekday,
)

MAX_LIFTS: Final = ("back-squat", "deadlift", "bench-press", "overhead-press")
"""The lifts whose recent sets the form asks for (any exercise id works in YAML)."""

MAX_PARTS: Final = (
    ("weight_kg", "kg", "number"),
    ("reps", "reps", "number"),
    ("rpe", "RPE", "number"),
    ("one_rep_max_kg", "or 1RM kg", "number"),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Field:
    """One input of the form.

    Attributes:
        name: the profile field's dotted path, also the input's name.
        label: what the athlete reads.
        kind: text, number, date, time, select, checkboxes or windows.
        options: (value, label) pairs of a select or checkboxes.
        hint: a line under the input.
        default: the value shown in an empty form.
        step: a number input's step.
    """

    name: str
    label: str
    kind: str = "text"
    options: tuple[tuple[str, str], ...] = ()
    hint: str = ""
    default: str = ""
    step: str = "any"


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A titled group of inputs."""

    title: str
    fields: tuple[Field, ...]
    note: str = ""
    grid: tuple[tuple[str, tuple[Field, ...]], ...] = field(default=())


def _choices(values: Sequence[str], *, blank: str | None = None) -> tuple[tuple[str, str], ...]:
    pairs = tuple((value, value.replace("_", " ")) for value in values)
    return ((("", blank),) if blank is not None else ()) + pairs


def _zones() -> tuple[tuple[str, str], ...]:
    names = sorted(
        zone
        for zone in zoneinfo.available_timezones()
        if "/" in zone and not zone.startswith("Etc")
    )
    return (("", "choose your time zone"), *((zone, zone.replace("_", " ")) for zone in names))


DAYS: Final = tuple(day.value for day in Weekday)
WINDOWS_HINT: Final = 'free to train, e.g. "07:00-08:00, 18:00-20:00"; empty: no training'

DAY_NAMES: Final = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}


def sections() -> tuple[Section, ...]:
    """The form's sections, in the order of the profile file."""
    return (
        Section(
            title="You",
            fields=(
                Field(name="name", label="Name"),
                Field(
                    name="sex",
                    label="Sex",
                    kind="select",
                    options=_choices([s.value for s in Sex], blank="choose"),
                ),
                Field(name="birth_date", label="Birth date", kind="date"),
                Field(name="height_cm", label="Height (cm)", kind="number", step="0.5"),
                Field(name="mass_kg", label="Body mass (kg)", kind="number", step="0.1"),
                Field(
                    name="body_fat_percent",
                    label="Body fat (%)",
                    kind="number",
                    step="0.5",
                    hint="optional; sharpens the energy estimate",
                ),
                Field(name="timezone", label="Time zone", kind="select", options=_zones()),
                Field(
                    name="units",
                    label="Show body mass in",
                    kind="select",
                    options=_choices([u.value for u in MassUnit]),
                    default="kg",
                ),
                Field(
                    name="daily_activity",
                    label="Your day outside training",
                    kind="select",
                    options=_choices([a.value for a in ActivityLevel]),
                    default="light",
                    hint="sedentary (desk), light (some walking), active (on your feet)",
                ),
            ),
        ),
        Section(
            title="Goal",
            fields=(
                Field(
                    name="goal.kind",
                    label="Goal",
                    kind="select",
                    options=_choices([g.value for g in GoalKind], blank="choose"),
                ),
                Field(
                    name="goal.priority",
                    label="Priority",
                    kind="select",
                    options=_choices([p.value for p in Priority], blank="choose"),
                ),
                Field(name="start_date", label="Start on", kind="date", hint="a Monday is best"),
                Field(
                    name="goal.race.distance",
                    label="Race distance",
                    hint="race goal only: 5k, 10k, half, marathon, 12km ...",
                ),
                Field(name="goal.race.date", label="Race date", kind="date"),
                Field(
                    name="goal.race.target_time",
                    label="Target time",
                    hint='optional: "mm:ss" or "h:mm:ss"',
                ),
                Field(
                    name="goal.weeks",
                    label="Weeks",
                    kind="number",
                    step="1",
                    hint="goals without a race: 4-52 weeks, or an end date",
                ),
                Field(name="goal.date", label="or end date", kind="date"),
            ),
        ),
        Section(
            title="Running",
            fields=(
                Field(
                    name="running.weekly_km",
                    label="Kilometres a week now",
                    kind="number",
                    step="0.5",
                ),
                Field(
                    name="running.recent_race.distance",
                    label="A recent race: distance",
                    hint="optional; sets your paces",
                ),
                Field(
                    name="running.recent_race.time", label="its time", hint='"mm:ss" or "h:mm:ss"'
                ),
                Field(name="running.recent_race.date", label="its date", kind="date"),
            ),
        ),
        Section(
            title="Lifting",
            fields=(
                Field(
                    name="lifting.experience",
                    label="Experience",
                    kind="select",
                    options=_choices([e.value for e in Experience], blank="choose"),
                ),
                Field(
                    name="lifting.sessions_per_week",
                    label="Lifts a week",
                    kind="number",
                    step="1",
                ),
                Field(
                    name="lifting.style",
                    label="Style",
                    kind="select",
                    options=_choices([s.value for s in LiftingStyle]),
                    default="full",
                    hint="runner specific: only the work that keeps a runner healthy",
                ),
                Field(
                    name="lifting.equipment",
                    label="Equipment you can use",
                    kind="checkboxes",
                    options=_choices([e.value for e in Equipment if e is not Equipment.BODYWEIGHT]),
                ),
            ),
            note="A recent set of a lift (load, reps, and how hard it was as RPE), or its "
            "one-rep max, sets your loads; leave a lift empty if you do not know.",
            grid=tuple(
                (
                    lift.replace("-", " "),
                    tuple(
                        Field(name=f"lifting.maxes.{lift}.{part}", label=label, kind=kind)
                        for part, label, kind in MAX_PARTS
                    ),
                )
                for lift in MAX_LIFTS
            ),
        ),
        Section(
            title="Your week",
            fields=(
                *(
                    Field(
                        name=f"availability.{day}",
                        label=DAY_NAMES[day],
                        kind="windows",
                        hint=WINDOWS_HINT if day == "mon" else "",
                    )
                    for day in DAYS
                ),
                Field(
                    name="rest_days_min",
                    label="Rest days a week, at least",
                    kind="number",
                    step="1",
                    default="1",
                ),
                Field(name="day.wake", label="You wake at", kind="time", default="07:00"),
                Field(name="day.sleep", label="You go to sleep at", kind="time", default="23:00"),
                Field(
                    name="evidence_profile",
                    label="How cautious",
                    kind="select",
                    options=_choices([e.value for e in EvidenceProfile]),
                    default="default",
                    hint="strict keeps runs and lifts further apart",
                ),
            ),
        ),
    )


def all_fields() -> tuple[Field, ...]:
    """Every input of the form."""
    return tuple(
        item
        for section in sections()
        for item in (*section.fields, *(f for _, row in section.grid for f in row))
    )


_NUMBER: Final = re.compile(r"[+-]?\d+(\.\d+)?")


def _number(text: str) -> int | float | str:
    if not _NUMBER.fullmatch(text):
        return text
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def profile_data(form: Mapping[str, Any], checked: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The profile a form describes, as the nested mapping a YAML file would give.

    Args:
        form: each input's value by name (the last one when repeated).
        checked: each checkbox group's checked values by name.
    """
    data: dict[str, Any] = {}
    for item in all_fields():
        if item.kind == "checkboxes":
            values = [str(v) for v in checked.get(item.name, ())]
            if values:
                _put(data, item.name, values)
            continue
        raw = str(form.get(item.name, "")).strip()
        if item.kind == "windows":
            windows = [part.strip() for part in re.split(r"[,;]", raw) if part.strip()]
            _put(data, item.name, windows)
        elif raw:
            _put(data, item.name, _number(raw) if item.kind == "number" else raw)
    return data


def _put(data: dict[str, Any], dotted: str, value: Any) -> None:
    # Exercise ids hold hyphens, never dots, so every dot separates two levels.
    parts = dotted.split(".")
    node = data
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value


def field_errors(problems: Sequence[tuple[str, str]]) -> tuple[dict[str, list[str]], list[str]]:
    """Each problem beside its input: (messages by input name, messages for no one input).

    A problem of a whole group (``goal``: "a race goal needs race ...") goes to the
    group's first input; ``availability.mon[0]`` to ``availability.mon``.
    """
    names = [item.name for item in all_fields()]
    by_field: dict[str, list[str]] = {}
    general: list[str] = []
    for problem_field, message in problems:
        path = re.sub(r"\[\d+\]|\.\d+(?=\.|$)", "", problem_field)
        inside = [name for name in names if path == name or path.startswith(f"{name}.")]
        target = (
            max(inside, key=len)
            if inside
            else next((name for name in names if name.startswith(f"{path}.")), None)
        )
        if target is None:
            general.append(f"{problem_field}: {message}")
        else:
            by_field.setdefault(target, []).append(message)
    return by_field, general
