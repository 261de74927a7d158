"""What a plan changed from the profile, and what to watch: the warnings of ``runlift plan``.

Overrides come from comparing the plan with the profile (lifts a week, the weekly
distance it starts from), from the runs the programme planned fewer of because the
week's days cannot hold them (its week notes; said once for the plan) and from the
changes the programme made to its weeks (``PlanWeek.adjustments``: sessions left out to
keep the rest days or to fit the windows), each with the rule and the reason the
programme wrote. When the programme
hands its changes over already structured (rule, field, asked, planned, reason) they
are used as given instead. A caution says what the plan follows but the athlete should
know: a race target far beyond today's fitness.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from runlift.domain.athlete import AthleteProfile
from runlift.domain.plan import Plan, PlanWeek
from runlift.domain.prescription import LiftPrescription, RunPrescription
from runlift.domain.quantities import quantity
from runlift.domain.warnings import PlanWarning, WarningKind
from runlift.science import running
from runlift.units import format_duration
from runlift.vocabulary import Phase, RunKind

VDOT_POINTS_PER_WEEK: Final = 0.25
"""The most VDOT a plan can be expected to add: one point every 4 weeks.

Daniels advises raising the VDOT that sets training paces by about one point at a
time, and not more often than every 4 to 6 weeks of consistent training (Daniels J.
Daniels' Running Formula, 3rd ed., Human Kinetics, 2014). A target that needs more
than one point per 4 weeks to the race is beyond what the plan can be expected to
bring, and is planned with a caution.
"""

KM_SHORTFALL: Final = 0.9
"""A first week with less than 90 % of the weekly distance the profile gives is an override."""

_RULE_ID = re.compile(r"\b(?:PHY|SCH|LFT|RUN|PER|NUT|RL)-\d+\b")
_RUN_ID = re.compile(r"-run\d+$")
_NOTE_RULE = re.compile(r"^((?:PHY|SCH|LFT|RUN|PER|NUT|RL)-\d+): (.*)$", re.DOTALL)


def _lifts(week: PlanWeek) -> int:
    return sum(isinstance(s.prescription, LiftPrescription) for s in week.sessions)


def _run_km(week: PlanWeek) -> float:
    return sum(
        s.prescription.distance_km
        for s in week.sessions
        if isinstance(s.prescription, RunPrescription) and s.prescription.kind is not RunKind.RACE
    )


def _note(weeks: Iterable[PlanWeek], *words: str) -> tuple[str, str] | None:
    """The first week note naming a rule and containing every word: (rule ID, the rest)."""
    for week in weeks:
        for note in week.notes:
            match = _NOTE_RULE.match(note)
            if match is not None and all(word in note for word in words):
                return match.group(1), match.group(2)
    return None


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _lift_overrides(profile: AthleteProfile, plan: Plan) -> list[PlanWarning]:
    asked = profile.lifting.sessions_per_week
    building = [w for w in plan.weeks if w.phase is Phase.BUILD and not w.deload]
    short = [w for w in building if _lifts(w) < asked]
    if not asked or not short:
        return []
    planned = sorted({_lifts(w) for w in short})
    noted = (
        _note(short, "lifts drop")
        or _note(short, "profile asks")
        or (
            "SCH-7",
            "fewer lifts fit the week",
        )
    )
    return [
        PlanWarning(
            kind=WarningKind.OVERRIDE,
            rule_id=noted[0],
            field="lifting.sessions_per_week",
            asked=f"{asked} lifts a week",
            planned=f"{' or '.join(map(str, planned))} a week",
            reason=noted[1],
            weeks=tuple(w.index + 1 for w in short),
        )
    ]


def _left_out_runs(week: PlanWeek) -> tuple[str, str] | None:
    """The runs a week left out when it was placed, as (rule IDs, reason), if any."""
    runs = [a for a in week.adjustments if _RUN_ID.search(a.session_id)]
    if not runs:
        return None
    rules = dict.fromkeys(r for a in runs for r in a.rule_ids)
    return (
        ", ".join(rules),
        f"{quantity(len(runs), 'runs')} of the week ({_titles([a.title for a in runs])}) "
        "left out when it was placed: the days could not hold them with the hard rules",
    )


def _distance_overrides(profile: AthleteProfile, plan: Plan) -> list[PlanWarning]:
    asked = profile.running.weekly_km
    if asked <= 0 or not plan.weeks:
        return []
    first = _run_km(plan.weeks[0])
    if first >= KM_SHORTFALL * asked:
        return []
    most = max(_run_km(w) for w in plan.weeks)
    # Only a note that says why the distance is lower will do: the block's own note
    # ("running distance builds") names the distance but is no reason for less of it.
    noted = (
        _note(plan.weeks[:1], "running distance", "capped")
        or _note(plan.weeks[:1], "cut running")
        or _left_out_runs(plan.weeks[0])
        or ("RUN-3", "running distance is set by the time the windows leave")
    )
    return [
        PlanWarning(
            kind=WarningKind.OVERRIDE,
            rule_id=noted[0],
            field="running.weekly_km",
            asked=f"{_number(asked)} km a week",
            planned=f"{_number(first)} km in week 1 and {_number(most)} km at most",
            reason=noted[1],
        )
    ]


_ROOM_NOTE = re.compile(
    r"^((?:PHY|SCH|LFT|RUN|PER|NUT|RL)-\d+(?:, (?:PHY|SCH|LFT|RUN|PER|NUT|RL)-\d+)*): "
    r"(\d+) training runs? instead of (\d+), sharing the week's distance: (.*)$",
    re.DOTALL,
)


def _room_overrides(profile: AthleteProfile, plan: Plan) -> list[PlanWarning]:
    """Runs the programme planned fewer of because the days cannot hold them, said once.

    The periodisation plans no more runs than the week's days hold (the athlete's rest
    days, one run and one lift a day, lifts with jumps on days of their own) and says so
    in each such week's notes; the plan says it once, as one override.
    """
    found: dict[str, tuple[str, int, int, str, list[int]]] = {}
    for week in plan.weeks:
        for note in week.notes:
            match = _ROOM_NOTE.match(note)
            if match is None:
                continue
            rules, runs, wanted, reason = match.groups()
            field = "rest_days_min" if "SCH-10" in rules else "availability"
            entry = found.setdefault(field, (rules, int(runs), int(wanted), reason, []))
            entry[4].append(week.index + 1)
    warnings = []
    for field, (rules, runs, wanted, reason, weeks) in found.items():
        if field == "rest_days_min":
            asked = f"{quantity(profile.rest_days_min, 'rest days')} a week"
            planned = f"{quantity(runs, 'training runs')} a week instead of {wanted}"
        else:
            asked = f"room for {quantity(wanted, 'training runs')} a week"
            planned = f"{quantity(runs, 'training runs')} a week"
        warnings.append(
            PlanWarning(
                kind=WarningKind.OVERRIDE,
                rule_id=rules,
                field=field,
                asked=asked,
                planned=f"{planned}, sharing the week's distance",
                reason=reason,
                weeks=tuple(weeks),
            )
        )
    return warnings


def _titles(titles: Sequence[str]) -> str:
    unique = list(dict.fromkeys(titles))
    shown = ", ".join(f"'{t}'" for t in unique[:2])
    return shown + (f" and {len(unique) - 2} more" if len(unique) > 2 else "")


def _dropped_overrides(profile: AthleteProfile, plan: Plan) -> list[PlanWarning]:
    """The sessions the programme wrote and a week left out (``PlanWeek.adjustments``).

    Those left out to keep the athlete's rest days (SCH-10) are one warning on
    ``rest_days_min``; those the windows could not hold with the hard rules, another.
    """
    rest: list[tuple[int, str]] = []
    other: list[tuple[int, str]] = []
    rules: dict[str, None] = {}
    for week in plan.weeks:
        for change in week.adjustments:
            if "SCH-10" in change.rule_ids:
                rest.append((week.index + 1, change.title))
            else:
                other.append((week.index + 1, change.title))
                rules.update(dict.fromkeys(change.rule_ids))
    found = []
    if rest:
        found.append(
            PlanWarning(
                kind=WarningKind.OVERRIDE,
                rule_id="SCH-10",
                field="rest_days_min",
                asked=f"{quantity(profile.rest_days_min, 'rest days')} a week",
                planned=(
                    f"{quantity(len(rest), 'sessions')} left out to keep them "
                    f"({_titles([t for _, t in rest])})"
                ),
                reason=(
                    "your rest days hold; the sessions of the week need more training days "
                    "than are left (RL-1: one run and one lift a day at most)"
                ),
                weeks=tuple(sorted({week for week, _ in rest})),
            )
        )
    if other:
        found.append(
            PlanWarning(
                kind=WarningKind.OVERRIDE,
                rule_id=", ".join(rules),
                field="availability",
                asked="room for every session the programme wrote",
                planned=(
                    f"{quantity(len(other), 'sessions')} dropped ({_titles([t for _, t in other])})"
                ),
                reason=(
                    "the windows could not hold them with the hard rules; the week notes say why"
                ),
                weeks=tuple(sorted({week for week, _ in other})),
            )
        )
    return found


def _target_caution(profile: AthleteProfile, plan: Plan) -> list[PlanWarning]:
    race, recent = profile.goal.race, profile.running.recent_race
    if race is None or race.target_time_s is None or recent is None:
        return []
    today = running.vdot(distance_m=recent.distance_m, time_s=recent.time_s)
    if not running.MIN_VDOT <= today <= running.MAX_VDOT:
        return []
    needed = running.vdot(distance_m=race.distance_m, time_s=race.target_time_s)
    weeks = max(1, (race.date - plan.start).days // 7)
    reachable = today + VDOT_POINTS_PER_WEEK * weeks
    if needed <= reachable:
        return []
    predicted = running.race_time_s(vdot=today, distance_m=race.distance_m)
    best = running.race_time_s(vdot=min(reachable, running.MAX_VDOT), distance_m=race.distance_m)
    return [
        PlanWarning(
            kind=WarningKind.CAUTION,
            rule_id="",
            field="goal.race.target_time",
            asked=(
                f"the target {format_duration(race.target_time_s)} needs VDOT {needed:.1f}; "
                f"your recent race gives {today:.1f}, which predicts "
                f"{format_duration(predicted)}"
            ),
            planned=(
                f"about {format_duration(best)} is within reach in {weeks} weeks; "
                "race by how the training goes, not by the target"
            ),
            reason="Daniels 2014: VDOT rises by about one point every 4 to 6 weeks at best",
        )
    ]


def plan_warnings(
    profile: AthleteProfile, plan: Plan, *, overrides: Sequence[PlanWarning] | None = None
) -> tuple[PlanWarning, ...]:
    """Every override and caution of ``plan``: overrides first, each once.

    Args:
        profile: what the athlete asked.
        plan: what runlift planned.
        overrides: the programme's own structured overrides, when it gives them; without
            them the overrides are found by comparing the plan with the profile, with
            the reasons the week notes give.
    """
    found: list[PlanWarning] = (
        list(overrides)
        if overrides is not None
        else [
            *_lift_overrides(profile, plan),
            *_distance_overrides(profile, plan),
            *_room_overrides(profile, plan),
            *_dropped_overrides(profile, plan),
        ]
    )
    found += _target_caution(profile, plan)
    return tuple(dict.fromkeys(found))
