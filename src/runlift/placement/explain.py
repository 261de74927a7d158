"""Turns a solver solution into a ``WeekPlacement``: sessions, cost and one explanation each.

The explanation of a session lists the rules that shaped where it sits, one
line per rule, measured on the placed week: the gaps to the sessions of the
other modality within 48 h (SCH-1, SCH-4, SCH-6, PHY-1), what its day holds
(SCH-2, SCH-3, SCH-9, and RL-1 when the week has another session of its
modality), the day before and after (SCH-5, SCH-8) and, for lifts, how the
major muscle groups are spread (SCH-7). Points are the rule's own
(``runlift.rules.checkers``); the week's cost is ``runlift.rules.week_cost``.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from runlift.domain.sessions import ScheduledSession, SessionId
from runlift.placement.constraints.preferences import BEST_SLOT, PREFERRED_START, SPREAD
from runlift.placement.constraints.stability import MOVES
from runlift.placement.model import Tier
from runlift.placement.prepare import DAY_NAMES, Item, Prepared
from runlift.placement.results import Explanation, WeekPlacement
from runlift.placement.solve import Solution
from runlift.rules.catalogue import RULE_ORDER, RULES
from runlift.rules.checkers.phy_1 import cost_at_gap
from runlift.rules.checkers.rl_1 import most_per_day
from runlift.rules.checkers.rl_2 import trains_legs
from runlift.rules.checkers.sch_1 import whole_hours_short
from runlift.rules.checkers.sch_7 import GROUPS
from runlift.rules.engine import week_cost
from runlift.rules.model import CostBreakdown, RuleId
from runlift.rules.wording import hours_text
from runlift.vocabulary import GoalKind, LiftKind, Modality

MINUTES_PER_HOUR = 60
SECONDS_PER_MINUTE = 60
NEAR_MIN = 48 * MINUTES_PER_HOUR
"""Pairs closer than this interfere (PHY-1) and are explained."""

PHY_1, SCH_1, SCH_2, SCH_3, SCH_4 = (
    RuleId(n) for n in ("PHY-1", "SCH-1", "SCH-2", "SCH-3", "SCH-4")
)
SCH_5, SCH_6, SCH_7, SCH_8, SCH_9 = (
    RuleId(n) for n in ("SCH-5", "SCH-6", "SCH-7", "SCH-8", "SCH-9")
)
RL_1 = RuleId("RL-1")
RL_2 = RuleId("RL-2")


@dataclass(frozen=True, slots=True)
class _Week:
    """The placed week, indexed for the explanations."""

    prepared: Prepared
    starts: Mapping[int, int]
    days: Mapping[int, int]
    blocks: frozenset[tuple[int, int]]

    def item(self, index: int) -> Item:
        return self.prepared.items[index]

    def end(self, index: int) -> int:
        return self.starts[index] + self.item(index).duration_min

    def on(self, day: int) -> list[Item]:
        return sorted(
            (i for i in self.prepared.items if self.days[i.index] == day),
            key=lambda i: self.starts[i.index],
        )

    def param(self, rule: RuleId, name: str) -> float:
        return RULES[rule].param(name, self.prepared.request.context.profile)

    def weight(self, rule: RuleId) -> int:
        return RULES[rule].weight or 0


def _gap_min(week: _Week, first: int, second: int) -> tuple[int, int, int]:
    """(earlier, later, gap in minutes) of two sessions."""
    earlier, later = sorted((first, second), key=lambda i: week.starts[i])
    return earlier, later, week.starts[later] - week.end(earlier)


def _hours(minutes: int) -> str:
    return hours_text(minutes / MINUTES_PER_HOUR)


def _pair_lines(week: _Week, item: Item) -> Iterator[tuple[RuleId, str, int]]:
    """SCH-6, SCH-1, SCH-4 and PHY-1 lines for the sessions of the other modality nearby."""
    me = item.index
    for other in week.prepared.items:
        if other.spec.modality is item.spec.modality:
            continue
        earlier, later, gap = _gap_min(week, me, other.index)
        if gap >= NEAR_MIN:
            continue
        where = "after" if later == me else "before"
        name = quoted_item(other)
        lift, run = (item, other) if item.spec.is_lift else (other, item)
        if (lift.index, run.index) in week.blocks:
            first = "lift" if earlier == lift.index else "run"
            yield SCH_6, f"one block with {name}: {gap} min break, {first} first", 0
        elif week.days[me] == week.days[other.index]:
            minimum = week.param(SCH_1, "min_gap_h")
            preferred = week.param(SCH_1, "preferred_gap_h")
            short = whole_hours_short(
                gap * SECONDS_PER_MINUTE, round(preferred * MINUTES_PER_HOUR * SECONDS_PER_MINUTE)
            )
            yield (
                SCH_1,
                f"{_hours(gap)} {where} {name} (min {hours_text(minimum)}, "
                f"{hours_text(preferred)} preferred)",
                short * week.weight(SCH_1),
            )
        if lift.spec.is_heavy_lower:
            if earlier == lift.index:
                limit = week.param(SCH_4, "after_heavy_lower_h")
                text = (
                    f"run {quoted_item(run)} starts {_hours(gap)} after this heavy lower lift ends"
                    if item is lift
                    else f"starts {_hours(gap)} after heavy lower lift {quoted_item(lift)} ends"
                )
                yield SCH_4, f"{text} (min {hours_text(limit)})", 0
            elif run.spec.is_hard_run:
                limit = week.param(SCH_4, "hard_run_before_heavy_lower_h")
                text = (
                    f"hard run {quoted_item(run)} ends {_hours(gap)} before this lift starts"
                    if item is lift
                    else f"ends {_hours(gap)} before heavy lower lift {quoted_item(lift)} starts"
                )
                yield SCH_4, f"{text} (min {hours_text(limit)})", 0
        cost = cost_at_gap(
            lift=lift.spec,
            run=run.spec,
            run_before_lift=earlier == run.index,
            gap_h=max(0, gap) / MINUTES_PER_HOUR,
        )
        if cost:
            first = "run" if earlier == run.index else "lift"
            yield (
                PHY_1,
                f"{cost} interference points with {name} ({_hours(gap)} apart, {first} first)",
                cost * week.weight(PHY_1),
            )


def quoted_item(item: Item) -> str:
    """The session's title in quotes."""
    return f"'{item.spec.title}'"


def _day_lines(week: _Week, item: Item) -> Iterator[tuple[RuleId, str, int]]:
    """SCH-2, SCH-3, SCH-9, SCH-5 and SCH-8 lines from the session's day and its neighbours."""
    context = week.prepared.request.context
    day = week.days[item.index]
    name = DAY_NAMES[day]
    group = week.on(day)
    kinds = {i.spec.modality for i in group}
    others = [i for i in week.prepared.items if i.spec.modality is not item.spec.modality]
    if len(kinds) == 1 and others:
        other = "run" if item.spec.is_lift else "lift"
        yield SCH_2, f"no {other} on {name}", 0
    if len(kinds) == 2:
        yield SCH_2, f"{name} has both a lift and a run", week.weight(SCH_2)
        first = week.prepared.priority
        if first is not None:
            ours = next(i for i in group if i.spec.modality is first)
            theirs = next(i for i in group if i.spec.modality is not first)
            label = "lifting" if first is Modality.LIFT else "running"
            goal = context.goal.value.replace("_", " ")
            if week.starts[ours.index] < week.starts[theirs.index]:
                yield SCH_3, f"{label} first on {name} ({goal} goal)", 0
            else:
                points = 0 if week.prepared.sch3_hard else week.weight(SCH_3)
                yield SCH_3, f"{label} comes second on {name} ({goal} goal)", points
    if item.spec.is_explosive:
        runs = [i for i in group if i.spec.is_run and i.index != item.index]
        if runs:
            yield SCH_9, f"explosive work before the run on {name}", 0
    yield from _one_a_day_lines(week, item)
    yield from _hard_run_lines(week, item)
    yield from _alternation_lines(week, item)
    yield from _leg_lines(week, item)


def _one_a_day_lines(week: _Week, item: Item) -> Iterator[tuple[RuleId, str, int]]:
    """RL-1: how many sessions of the item's modality its day holds, against the limit."""
    modality = item.spec.modality
    if sum(1 for i in week.prepared.items if i.spec.modality is modality) < 2:
        return  # alone in the week, the session could not have shared its day
    most = most_per_day(modality, week.prepared.request.context)
    day = week.days[item.index]
    count = sum(1 for i in week.on(day) if i.spec.modality is modality)
    noun = modality.value
    if count == 1:
        yield RL_1, f"the only {noun} on {DAY_NAMES[day]} (at most {most} a day)", 0
    else:
        yield RL_1, f"{count} {noun}s on {DAY_NAMES[day]} (at most {most} a day)", 0


def _hard_run_lines(week: _Week, item: Item) -> Iterator[tuple[RuleId, str, int]]:
    day = week.days[item.index]
    upper = item.spec.is_lift and item.spec.kind is LiftKind.UPPER
    before = [i for i in week.on(day - 1) if i.spec.is_hard_run] if day > 0 else []
    if before and not upper:
        yield (
            SCH_5,
            f"the day after hard run {quoted_item(before[0])}",
            week.weight(SCH_5),
        )
    elif before:
        yield SCH_5, f"upper-body lift on the day after hard run {quoted_item(before[0])}", 0
    if item.spec.is_hard_run and day < len(DAY_NAMES) - 1:
        following = [
            i for i in week.on(day + 1) if not (i.spec.is_lift and i.spec.kind is LiftKind.UPPER)
        ]
        if following:
            names = ", ".join(quoted_item(i) for i in following)
            yield SCH_5, f"{DAY_NAMES[day + 1]} after it holds {names}", 0
        else:
            yield SCH_5, f"{DAY_NAMES[day + 1]} after it is rest or upper-body only", 0


def _leg_lines(week: _Week, item: Item) -> Iterator[tuple[RuleId, str, int]]:
    """RL-2: the other leg lifts on the days either side of a leg lift."""
    others = [i for i in week.prepared.items if trains_legs(i.spec) and i.index != item.index]
    if not trains_legs(item.spec) or not others:
        return
    day = week.days[item.index]
    near = [i for i in others if abs(week.days[i.index] - day) == 1]
    for other in near:
        # The pair costs once: on the later lift.
        if week.days[other.index] < day:
            yield RL_2, f"leg lift {quoted_item(other)} the day before", week.weight(RL_2)
        else:
            yield RL_2, f"leg lift {quoted_item(other)} the day after", 0
    if not near:
        yield RL_2, "no other leg lift the day before or after", 0


def _alternation_lines(week: _Week, item: Item) -> Iterator[tuple[RuleId, str, int]]:
    if week.prepared.request.context.goal is not GoalKind.GENERAL_FITNESS:
        return
    day = week.days[item.index]
    mine = {i.spec.modality for i in week.on(day)}
    if len(mine) != 1:
        return
    for neighbour in (day - 1, day + 1):
        if (
            0 <= neighbour < len(DAY_NAMES)
            and {i.spec.modality for i in week.on(neighbour)} == mine
        ):
            first, second = sorted((day, neighbour))
            modality = item.spec.modality.value
            yield (
                SCH_8,
                f"{DAY_NAMES[first]} and {DAY_NAMES[second]} both train only {modality}",
                week.weight(SCH_8),
            )


def _lift_lines(week: _Week, item: Item) -> Iterator[tuple[RuleId, str, int]]:
    if not item.spec.is_lift:
        return
    parts = []
    for muscle in GROUPS:
        if muscle not in item.spec.muscle_groups:
            continue
        days = sorted(
            {week.days[i.index] for i in week.prepared.items if muscle in i.spec.muscle_groups}
        )
        parts.append(
            f"{muscle.value} on {len(days)} days ({', '.join(DAY_NAMES[d] for d in days)})"
        )
    if parts:
        yield RuleId("SCH-7"), "; ".join(parts), 0


def _preference_lines(week: _Week, item: Item) -> list[str]:
    lines = []
    start = week.starts[item.index]
    day_start = week.prepared.clock.midnight_min(week.days[item.index])
    minute = start - day_start
    clock = f"{minute // 60:02d}:{minute % 60:02d}"
    if item.fixed:
        lines.append(f"start fixed at {DAY_NAMES[week.days[item.index]]} {clock}")
    elif item.previous_min is not None:
        if item.previous_min == start:
            lines.append("kept its previous start")
        else:
            moment = week.prepared.clock.at(item.previous_min)
            lines.append(f"moved from {DAY_NAMES[moment.weekday()]} {moment:%H:%M}")
    preferred = item.preferred_min_of_day
    if preferred is not None:
        off = abs(minute - preferred)
        wanted = f"{preferred // 60:02d}:{preferred % 60:02d}"
        lines.append(
            f"preferred start {wanted}: on time"
            if off == 0
            else f"preferred start {wanted}: "
            f"{_hours(off) if off >= MINUTES_PER_HOUR else f'{off} min'} off"
        )
    if item.spec.key and item.spec.modality is week.prepared.priority and not item.fixed:
        rule = "RUN-3: " if item.spec.is_run else ""
        lines.append(f"{rule}key session of the priority modality, placed as early as it allows")
    return lines


def _window(week: _Week, item: Item) -> str:
    if item.fixed:
        return "fixed start"
    position = item.starts.index(week.starts[item.index])
    return week.prepared.pieces[item.start_windows[position]].label


def _explanation(week: _Week, item: Item) -> Explanation:
    found: dict[RuleId, list[str]] = defaultdict(list)
    points: dict[RuleId, int] = defaultdict(int)
    for rule_id, text, value in (
        *_pair_lines(week, item),
        *_day_lines(week, item),
        *_lift_lines(week, item),
    ):
        found[rule_id].append(text + (f" (+{value})" if value else ""))
        points[rule_id] += value
    rule_ids = tuple(sorted(found, key=lambda r: RULE_ORDER[r]))
    return Explanation(
        window=_window(week, item),
        rule_ids=rule_ids,
        lines=tuple(f"{r}: {'; '.join(found[r])}" for r in rule_ids),
        penalties={r: points[r] for r in rule_ids if points[r]},
        sources={r: RULES[r].sources for r in rule_ids},
        preferences=tuple(_preference_lines(week, item)),
    )


def placement(
    prepared: Prepared, solution: Solution, *, optimal: bool, solve_time_s: float
) -> WeekPlacement:
    """The ``WeekPlacement`` of ``solution``, with its cost and explanations."""
    clock = prepared.clock
    partner: dict[int, int] = {}
    for lift, run in solution.blocks:
        partner[lift], partner[run] = run, lift
    by_index: dict[int, ScheduledSession] = {}
    for item in prepared.items:
        start = solution.starts[item.index]
        spec = item.spec
        if item.index in partner and spec.combined_with is None:
            spec = dataclasses.replace(spec, combined_with=prepared.items[partner[item.index]].id)
        by_index[item.index] = ScheduledSession(
            spec=spec, start=clock.at(start), end=clock.at(start + item.duration_min)
        )
    sessions = tuple(sorted(by_index.values(), key=lambda s: (s.start, s.id)))
    context = prepared.request.context
    solver_terms: dict[RuleId, int] = defaultdict(int)
    preferences: dict[str, int] = {MOVES: 0, PREFERRED_START: 0, BEST_SLOT: 0, SPREAD: 0}
    for term, value in solution.values:
        if term.tier is Tier.RULE:
            solver_terms[RuleId(term.name)] += term.weight * value
        else:
            preferences[term.name] = preferences.get(term.name, 0) + term.weight * value
    week = _Week(
        prepared=prepared,
        starts=solution.starts,
        days={
            i: (clock.at(start).date() - prepared.request.week_start).days
            for i, start in solution.starts.items()
        },
        blocks=solution.blocks,
    )
    moved = tuple(
        item.id
        for item in prepared.items
        if item.previous_min is not None
        and not item.fixed
        and item.previous_min != solution.starts[item.index]
    )
    explanations: dict[SessionId, Explanation] = {
        item.id: _explanation(week, item) for item in prepared.items
    }
    return WeekPlacement(
        sessions=sessions,
        explanations=explanations,
        cost=week_cost(sessions, context),
        solver_cost=CostBreakdown(terms=dict(solver_terms)),
        preferences=preferences,
        moved=moved,
        optimal=optimal,
        solve_time_s=solve_time_s,
    )
