"""Turns a solver solution into a ``WeekPlacement``: sessions, cost and one explanation each.

The explanation of a session lists the rules that shaped where it sits, one
line per rule, each a plain sentence an athlete can follow (what was measured,
the limit, and why it matters), measured on the placed week and on the
neighbouring weeks' sessions: the gaps to the sessions of the other modality
within 48 h (SCH-1, SCH-4, SCH-6, PHY-1), what its day holds (SCH-2, SCH-3,
SCH-9, SCH-10, and RL-1 when the week has another session of its modality),
the days before and after (SCH-5, SCH-8, RL-2, RL-3), a race nearby (RL-4) and,
for lifts, how the major muscle groups are spread (SCH-7). Points are the rule's
own (``runlift.rules.checkers``); the week's cost is ``runlift.rules.week_cost``,
and the pairs with the neighbouring weeks are ``WeekPlacement.boundary_cost``.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.placement.clock import DAYS_PER_WEEK
from runlift.placement.constraints.preferences import BEST_SLOT, PREFERRED_START, SPREAD
from runlift.placement.constraints.stability import MOVES
from runlift.placement.model import Tier
from runlift.placement.prepare import DAY_NAMES, Item, Near, Prepared, neighbours_on_axis
from runlift.placement.results import Explanation, WeekPlacement
from runlift.placement.solve import Solution
from runlift.rules.catalogue import RULE_ORDER, RULES
from runlift.rules.checkers.phy_1 import cost_at_gap
from runlift.rules.checkers.rl_1 import most_per_day
from runlift.rules.checkers.rl_2 import pair_units, trains_legs
from runlift.rules.checkers.rl_3 import loads_the_day, most_in_a_row
from runlift.rules.checkers.rl_4 import is_race, protected_offsets, spoils_a_race
from runlift.rules.checkers.sch_1 import whole_hours_short
from runlift.rules.checkers.sch_4 import is_quality_run, pair_status, quality_points
from runlift.rules.checkers.sch_5 import units as sch_5_units
from runlift.rules.checkers.sch_7 import GROUPS
from runlift.rules.checkers.sch_10 import athlete_minimum
from runlift.rules.engine import week_cost
from runlift.rules.model import CostBreakdown, RuleId
from runlift.rules.timing import gap_s
from runlift.rules.wording import hours_text
from runlift.vocabulary import GoalKind, LiftKind, Modality

MINUTES_PER_HOUR = 60
SECONDS_PER_MINUTE = 60
NEAR_MIN = 48 * MINUTES_PER_HOUR
"""Pairs closer than this interfere (PHY-1) and are explained."""
OUTSIDE_REACH_DAYS = 3
"""Neighbouring weeks' sessions further than this many days from the week share no rule."""

PHY_1, SCH_1, SCH_2, SCH_3, SCH_4 = (
    RuleId(n) for n in ("PHY-1", "SCH-1", "SCH-2", "SCH-3", "SCH-4")
)
SCH_5, SCH_6, SCH_7, SCH_8, SCH_9, SCH_10 = (
    RuleId(n) for n in ("SCH-5", "SCH-6", "SCH-7", "SCH-8", "SCH-9", "SCH-10")
)
RL_1, RL_2, RL_3, RL_4 = (RuleId(n) for n in ("RL-1", "RL-2", "RL-3", "RL-4"))

Line = tuple[RuleId, str, int]
"""(rule, plain sentence, points this session takes part in)."""


@dataclass(frozen=True, slots=True)
class _Other:
    """A session near the one explained: of this week or of a neighbouring week."""

    session: ScheduledSession
    day: int
    outside: bool

    @property
    def spec(self) -> SessionSpec:
        return self.session.spec

    def name(self) -> str:
        title = f"'{self.spec.title}'"
        if not self.outside:
            return title
        when = "last" if self.day < 0 else "next"
        return f"{title} ({when} week's {DAY_NAMES[self.day % DAYS_PER_WEEK]})"


@dataclass(frozen=True, slots=True)
class _Week:
    """The placed week, indexed for the explanations."""

    prepared: Prepared
    starts: Mapping[int, int]
    days: Mapping[int, int]
    blocks: frozenset[tuple[int, int]]
    placed: Mapping[int, ScheduledSession]
    near: tuple[Near, ...]
    by_day: Mapping[int, list[Item]]

    def item(self, index: int) -> Item:
        return self.prepared.items[index]

    def on(self, day: int) -> list[Item]:
        """The week's sessions of day ``day``, in start order (none outside the week)."""
        return self.by_day.get(day, [])

    def around(self, day: int) -> list[_Other]:
        """Every session of ``day``: this week's or, outside it, the neighbours'."""
        if 0 <= day < DAYS_PER_WEEK:
            return [_Other(self.placed[i.index], day, outside=False) for i in self.on(day)]
        return [_Other(n.session, n.day, outside=True) for n in self.near if n.day == day]

    def others(self, item: Item) -> Iterator[_Other]:
        """Every other session of the week, then every neighbour."""
        for other in self.prepared.items:
            if other.index != item.index:
                yield _Other(self.placed[other.index], self.days[other.index], outside=False)
        for n in self.near:
            yield _Other(n.session, n.day, outside=True)

    def param(self, rule: RuleId, name: str) -> float:
        return RULES[rule].param(name, self.prepared.request.context.profile)

    def weight(self, rule: RuleId) -> int:
        return RULES[rule].weight or 0


def _hours(seconds: int) -> str:
    return hours_text(seconds / (MINUTES_PER_HOUR * SECONDS_PER_MINUTE))


def _gap(first: ScheduledSession, second: ScheduledSession) -> tuple[bool, int]:
    """(whether ``first`` starts first, seconds from the earlier's end to the later's start)."""
    first_first = (first.start, first.end, first.id) < (second.start, second.end, second.id)
    return first_first, gap_s(first, second) if first_first else gap_s(second, first)


def _blunting(cost: int) -> str:
    """How much of the lift's signal a pair of ``cost`` interference points blunts, in words."""
    if cost <= 10:  # the words follow the model's 5-point steps
        return "a little of"
    if cost <= 30:
        return "some of"
    return "much of"


def _costs(points: int) -> str:
    return f" (costs {points})" if points else ""


def _pair_lines(week: _Week, item: Item) -> Iterator[Line]:
    """SCH-6, SCH-1, SCH-4 and PHY-1 lines for the sessions of the other modality nearby."""
    me = week.placed[item.index]
    for other in week.others(item):
        if other.spec.modality is item.spec.modality or other.session.all_day:
            continue
        i_first, gap = _gap(me, other.session)
        if gap >= NEAR_MIN * SECONDS_PER_MINUTE:
            continue
        where = "before" if i_first else "after"
        name = other.name()
        lift, run = (me, other.session) if item.spec.is_lift else (other.session, me)
        run_first = (run is me) == i_first
        if not other.outside:
            other_index = week.prepared.item(other.session.id).index
            key = (item.index, other_index) if item.spec.is_lift else (other_index, item.index)
            if key in week.blocks:
                first = "run" if run_first else "lift"
                yield (
                    SCH_6,
                    f"one session with {name}: {gap // SECONDS_PER_MINUTE} min break, "
                    f"{first} first",
                    0,
                )
            elif week.days[item.index] == other.day:
                minimum = week.param(SCH_1, "min_gap_h")
                preferred = week.param(SCH_1, "preferred_gap_h")
                short = whole_hours_short(
                    gap, round(preferred * MINUTES_PER_HOUR * SECONDS_PER_MINUTE)
                )
                yield (
                    SCH_1,
                    f"{_hours(gap)} {where} {name} on the same day: a lift and a run need at "
                    f"least {hours_text(minimum)} between them, {hours_text(preferred)} is "
                    "better" + (f", {short} h short" if short else ""),
                    short * week.weight(SCH_1),
                )
        yield from _heavy_lines(
            week, item, lift=lift, run=run, run_first=run_first, gap=gap, other=name
        )
        cost = cost_at_gap(
            lift=lift.spec,
            run=run.spec,
            run_before_lift=run_first,
            gap_h=max(0, gap) / (MINUTES_PER_HOUR * SECONDS_PER_MINUTE),
        )
        if cost:
            first = "run" if run_first else "lift"
            yield (
                PHY_1,
                f"interference cost {cost} of 100 with {name} ({_hours(max(0, gap))} apart, "
                f"{first} first): the run is close enough to blunt {_blunting(cost)} the "
                "lift's muscle-building signal",
                cost * week.weight(PHY_1),
            )


def _heavy_lines(
    week: _Week,
    item: Item,
    *,
    lift: ScheduledSession,
    run: ScheduledSession,
    run_first: bool,
    gap: int,
    other: str,
) -> Iterator[Line]:
    """SCH-4 lines of a heavy-lower lift and a run; ``other`` names the session not explained."""
    if not lift.spec.is_heavy_lower:
        return
    profile = week.prepared.request.context.profile
    status = pair_status(
        lift=lift.spec, run=run.spec, run_first=run_first, gap_seconds=gap, profile=profile
    )
    mine = item.spec.is_lift
    if not run_first:
        after = week.param(SCH_4, "after_heavy_lower_h")
        quality = week.param(SCH_4, "quality_after_heavy_lower_h")
        text = (
            f"run {other} starts {_hours(gap)} after this heavy lower lift ends"
            if mine
            else f"starts {_hours(gap)} after heavy lower lift {other} ends"
        )
        if status == "quality":
            yield (
                SCH_4,
                f"{text}: a hard or long run within {hours_text(quality)} of heavy legs runs on "
                "tired legs and loses quality",
                quality_points(week.prepared.request.context),
            )
        elif is_quality_run(run.spec):
            yield (
                SCH_4,
                f"{text}: enough for a hard or long run (at least {hours_text(quality)})",
                0,
            )
        else:
            yield SCH_4, f"{text}: fine for an easy run (at least {hours_text(after)})", 0
    elif run.spec.is_hard_run:
        before = week.param(SCH_4, "hard_run_before_heavy_lower_h")
        text = (
            f"hard run {other} ends {_hours(gap)} before this lift starts"
            if mine
            else f"ends {_hours(gap)} before heavy lower lift {other} starts"
        )
        yield (
            SCH_4,
            f"{text}: at least {hours_text(before)}, so that tired legs do not lift heavy",
            0,
        )


def quoted_item(item: Item) -> str:
    """The session's title in quotes."""
    return f"'{item.spec.title}'"


def _day_lines(week: _Week, item: Item) -> Iterator[Line]:
    """SCH-2, SCH-3, SCH-9 and SCH-10 lines from the session's day, then the day sequences."""
    context = week.prepared.request.context
    day = week.days[item.index]
    name = DAY_NAMES[day]
    group = week.on(day)
    kinds = {i.spec.modality for i in group}
    others = [i for i in week.prepared.items if i.spec.modality is not item.spec.modality]
    if len(kinds) == 1 and others:
        other = "run" if item.spec.is_lift else "lift"
        yield SCH_2, f"no {other} on {name}: runs and lifts on separate days interfere least", 0
    if len(kinds) == 2:  # a lift and a run
        yield (
            SCH_2,
            f"{name} has both a lift and a run; separate days would interfere less",
            week.weight(SCH_2),
        )
        first = week.prepared.priority
        if first is not None:
            ours = next(i for i in group if i.spec.modality is first)
            theirs = next(i for i in group if i.spec.modality is not first)
            label = "lifting" if first is Modality.LIFT else "running"
            goal = context.goal.value.replace("_", " ")
            if week.starts[ours.index] < week.starts[theirs.index]:
                yield SCH_3, f"{label} first on {name}: the {goal} goal puts it first", 0
            else:
                points = 0 if week.prepared.sch3_hard else week.weight(SCH_3)
                yield SCH_3, f"{label} comes second on {name} ({goal} goal puts it first)", points
        yield from _rest_lines(week)
    if item.spec.is_explosive:
        runs = [i for i in group if i.spec.is_run and i.index != item.index]
        if runs:
            yield SCH_9, f"explosive work before the run on {name}: jumps are done fresh", 0
    yield from _one_a_day_lines(week, item)
    yield from _hard_run_lines(week, item)
    yield from _alternation_lines(week, item)
    yield from _leg_lines(week, item)
    yield from _loaded_lines(week, item)
    yield from _race_lines(week, item)


def _rest_lines(week: _Week) -> Iterator[Line]:
    """SCH-10, on a day shared by a lift and a run: the rest days the sharing keeps."""
    minimum = athlete_minimum(week.prepared.request.context)
    rest = [DAY_NAMES[d] for d in range(DAYS_PER_WEEK) if not week.on(d)]
    if minimum:
        yield (
            SCH_10,
            f"the week keeps {len(rest)} rest day{'s' if len(rest) != 1 else ''} "
            f"({', '.join(rest) or 'none'}); you asked for at least {minimum}",
            0,
        )


def _one_a_day_lines(week: _Week, item: Item) -> Iterator[Line]:
    """RL-1: how many sessions of the item's modality its day holds, against the limit."""
    modality = item.spec.modality
    if sum(1 for i in week.prepared.items if i.spec.modality is modality) < 2:
        return  # alone in the week, the session could not have shared its day
    most = most_per_day(modality, week.prepared.request.context)
    day = week.days[item.index]
    count = sum(1 for i in week.on(day) if i.spec.modality is modality)
    noun = modality.value
    limit = f"at most {most} {noun} a day"
    if count == 1:
        yield RL_1, f"the only {noun} on {DAY_NAMES[day]} ({limit})", 0
    else:
        yield RL_1, f"{count} {noun}s on {DAY_NAMES[day]} ({limit})", 0


def _upper(spec: SessionSpec) -> bool:
    return spec.is_lift and spec.kind is LiftKind.UPPER


def _hard_run_lines(week: _Week, item: Item) -> Iterator[Line]:
    """SCH-5: the day after a hard run, across Sunday night too."""
    day = week.days[item.index]
    before = [o for o in week.around(day - 1) if o.spec.is_hard_run]
    if before and not _upper(item.spec):
        factor = sch_5_units(item.spec, week.prepared.request.context)
        yield (
            SCH_5,
            f"the day after hard run {before[0].name()}"
            + (", a hard day right after a hard day" if factor > 1 else "")
            + ": that day is best kept for rest or an upper-body lift while the legs recover",
            week.weight(SCH_5) * factor,
        )
    elif before:
        yield SCH_5, f"an upper-body lift the day after hard run {before[0].name()}: fine", 0
    if item.spec.is_hard_run:
        following = [o for o in week.around(day + 1) if not _upper(o.spec)]
        next_name = DAY_NAMES[(day + 1) % DAYS_PER_WEEK]
        if following:
            names = ", ".join(o.name() for o in following)
            yield SCH_5, f"{next_name} after it holds {names}", 0
        else:
            yield SCH_5, f"{next_name} after it is rest or upper-body only: the legs recover", 0


def _leg_lines(week: _Week, item: Item) -> Iterator[Line]:
    """RL-2: the other leg lifts on the days either side of a leg lift."""
    if not trains_legs(item.spec):
        return
    day = week.days[item.index]
    others = [
        o
        for o in week.others(item)
        if trains_legs(o.spec) and (o.outside or o.session.id != item.id)
    ]
    if not others:
        return
    near = [o for o in others if abs(o.day - day) == 1]
    for other in near:
        # The pair costs once: on the later lift (next week's pairs are priced next week).
        if other.day < day:
            units = pair_units(other.spec, item.spec, week.prepared.request.context)
            heavy = "heavy " if units > 1 else ""
            yield (
                RL_2,
                f"{heavy}leg lift {other.name()} the day before: {heavy}leg days back to back "
                "leave the legs no day to recover",
                week.weight(RL_2) * units,
            )
        else:
            yield RL_2, f"leg lift {other.name()} follows the day after", 0
    if not near:
        yield RL_2, "no other leg lift the day before or after", 0


def _loaded_lines(week: _Week, item: Item) -> Iterator[Line]:
    """RL-3: the loaded days around a loaded session."""
    if not loads_the_day(item.spec):
        return
    most = most_in_a_row(week.prepared.request.context)
    day = week.days[item.index]

    def loaded(d: int) -> bool:
        return any(loads_the_day(o.spec) for o in week.around(d))

    first = day
    while loaded(first - 1):
        first -= 1
    last = day
    while loaded(last + 1):
        last += 1
    length = last - first + 1
    names = ", ".join(DAY_NAMES[d % DAYS_PER_WEEK] for d in range(first, last + 1))
    if length > most:
        # Each stretch of most + 1 days costs once, in the week of its last day; this
        # session shares every one of this week's that it is in.
        stretches = sum(
            1
            for start in range(max(first, day - most), min(day, last - most) + 1)
            if start + most < DAYS_PER_WEEK
        )
        yield (
            RL_3,
            f"{length} loaded days in a row ({names}): hard days need easy days between them "
            f"to absorb the work (at most {most} in a row)",
            week.weight(RL_3) * stretches,
        )
    elif length > 1:
        yield RL_3, f"loaded days {names}, then an easier day (at most {most} in a row)", 0
    else:
        yield RL_3, "a loaded day between easier ones", 0


def _race_lines(week: _Week, item: Item) -> Iterator[Line]:
    """RL-4: nothing hard on race day or the days before; said on the race itself."""
    if not is_race(item.spec):
        return
    days = len(protected_offsets(week.prepared.request.context)) - 1
    before = "the day before" if days == 1 else f"the {days} days before"
    day = week.days[item.index]
    spoilers = [
        o
        for offset in protected_offsets(week.prepared.request.context)
        for o in week.around(day - offset)
        if o.session.id != item.id and spoils_a_race(o.spec)
    ]
    if not spoilers:
        yield (
            RL_4,
            f"no heavy legs, explosive lift or hard run on race day or {before}: "
            "the legs arrive fresh",
            0,
        )


def _alternation_lines(week: _Week, item: Item) -> Iterator[Line]:
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
                f"{DAY_NAMES[first]} and {DAY_NAMES[second]} both train only {modality}; "
                "alternating lift days and run days is preferred",
                week.weight(SCH_8),
            )


def _lift_lines(week: _Week, item: Item) -> Iterator[Line]:
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
        yield SCH_7, "; ".join(parts) + " (each major muscle group 2-3 days a week)", 0


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
            f"{_hours(off * SECONDS_PER_MINUTE) if off >= MINUTES_PER_HOUR else f'{off} min'} off"
        )
    if item.spec.key and item.spec.modality is week.prepared.priority and not item.fixed:
        rule = "RUN-3: " if item.spec.is_run else ""
        lines.append(
            f"{rule}a key session of the goal's first modality: placed as early in its day as "
            "it allows, when the athlete is freshest"
        )
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
        if text in found[rule_id]:
            continue
        found[rule_id].append(text + _costs(value))
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


def boundary_cost(
    sessions: Sequence[ScheduledSession], neighbours: Sequence[ScheduledSession], prepared: Prepared
) -> CostBreakdown:
    """The soft costs of the pairs (and day stretches) between the week and the week before.

    Measured by the checkers: the cost of the week and its earlier neighbours together,
    less the week's own and theirs. (Pairs with later neighbours are priced in their
    week.)
    """
    context = prepared.request.context
    week_start = prepared.clock.at(0)
    neighbours = [n for n in neighbours if n.start < week_start]
    if not neighbours:
        return CostBreakdown(terms={})
    together = week_cost([*sessions, *neighbours], context).terms
    own = week_cost(sessions, context).terms
    theirs = week_cost(neighbours, context).terms
    return CostBreakdown(
        terms={rule: together[rule] - own[rule] - theirs[rule] for rule in together}
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
    near = tuple(
        n
        for n in neighbours_on_axis(prepared.request, clock)
        if -OUTSIDE_REACH_DAYS <= n.day < DAYS_PER_WEEK + OUTSIDE_REACH_DAYS
    )
    days = {
        i: (clock.at(start).date() - prepared.request.week_start).days
        for i, start in solution.starts.items()
    }
    by_day: dict[int, list[Item]] = defaultdict(list)
    for item in sorted(prepared.items, key=lambda i: solution.starts[i.index]):
        by_day[days[item.index]].append(item)
    week = _Week(
        prepared=prepared,
        starts=solution.starts,
        days=days,
        blocks=solution.blocks,
        placed=by_index,
        near=near,
        by_day=dict(by_day),
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
        boundary_cost=boundary_cost(sessions, [n.session for n in near], prepared),
        solver_cost=CostBreakdown(terms=dict(solver_terms)),
        preferences=preferences,
        moved=moved,
        optimal=optimal,
        solve_time_s=solve_time_s,
    )
