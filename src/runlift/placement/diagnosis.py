"""Why a week cannot be placed, and which small changes would fix it.

1. Conflicts. The diagnosis model lets every session start anywhere in the
   week and enforces each session's windows and each hard rule through
   assumption literals (one per rule and session). CP-SAT's
   ``sufficient_assumptions_for_infeasibility`` returns a set of them that
   cannot hold together; dropping members while the rest stays infeasible
   shrinks it to a minimal one. Its rules and sessions become a ``Conflict``.
   The members are then set free and the search repeats, so independent
   problems are all reported (up to ``MAX_CONFLICTS``).
2. Relaxations. Candidate changes are generated from the conflicts (a window
   long enough for the sessions involved, on days with none first, then
   extensions of existing windows; a milder evidence profile; allowing combined
   sessions; dropping the least important session involved), ranked by size
   (``Relaxation.size``), and each is checked by solving the changed week, on
   the diagnosis model itself where it can stand for it (``_Checks``); a change
   that loosens no rule of some conflict is rejected without a solve
   (``_loosened``). Only changes that make the week feasible are returned.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from datetime import datetime, time

from ortools.sat.python import cp_model

from runlift.domain.quantities import quantity
from runlift.domain.sessions import SessionId
from runlift.domain.week import MINUTES_PER_DAY, TimeWindow, WeekRequest
from runlift.errors import InvalidInput
from runlift.placement import solve
from runlift.placement.clock import DAYS_PER_WEEK
from runlift.placement.model import AVAILABILITY, PlacementModel
from runlift.placement.prepare import (
    DAY_NAMES,
    GRID_MIN,
    WEEKDAYS,
    Item,
    Prepared,
    drop_rank,
    prepare,
)
from runlift.placement.results import (
    Conflict,
    InfeasibleWeek,
    Relaxation,
    RelaxationKind,
    WindowChange,
)
from runlift.rules.catalogue import RULE_ORDER, RULES
from runlift.rules.model import RuleId
from runlift.vocabulary import EvidenceProfile, Modality

MAX_CONFLICTS = 3
MAX_SHRINK_SOLVES = 6
MAX_WINDOW_TRIES = 8
"""New windows tried (days without any first)."""
MAX_EXTENSION_TRIES = 2
"""Extensions of existing windows tried: on the benchmark's infeasible weeks 10 of the 126
checked made the week work (against 109 of 241 new windows), so fewer are checked."""
MAX_WINDOW_RELAXATIONS = 2
"""Working changes kept per kind of window change."""
MAX_DROP_TRIES = 3
MAX_RELAXATIONS = 6
SOLVE_LIMIT_S = 1.0
"""Time limit of each diagnosis solve (capped by the caller's limit)."""

HOUR_POINTS = 1.0
PROFILE_STEP_POINTS = 1.5
COMBINED_POINTS = 2.0
REST_DAY_POINTS = 4.0
"""Change points per rest day fewer: the athlete's own minimum gives way after a dropped
session (3), not before it."""
DROP_POINTS = 3.0
DROP_KEY_POINTS = 6.0

ANCHORS = (time(7, 0), time(18, 0))
"""Start times tried for a new window: before work and after work."""

WAKING_HOURS = (time(6, 0), time(22, 0))
"""Extensions that keep a window within these hours are tried first (a window that
would start at 04:00 is the last thing to suggest)."""

FULL_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_PROFILE_ORDER = (EvidenceProfile.STRICT, EvidenceProfile.DEFAULT, EvidenceProfile.MODERATE)

Key = tuple[RuleId, int | None]


def _sort_key(key: Key) -> tuple[int, int]:
    rule, index = key
    return (RULE_ORDER.get(rule, len(RULE_ORDER)), -1 if index is None else index)


def _shrink(
    m: PlacementModel, core: list[Key], limit_s: float, budget: list[int]
) -> tuple[list[Key], float]:
    """Drop members of ``core`` while the rest stays infeasible; returns it and the time spent.

    Whole rules go first (all of a rule's members in one solve), then single members,
    while ``budget`` lasts: a core from the solver often holds a rule that is not needed
    at all, and one solve then takes out all of its members.
    """
    spent = 0.0
    for rule in dict.fromkeys(rule for rule, _ in core):
        rules = {r for r, _ in core}
        if len(rules) < 2 or budget[0] <= 0:
            break
        if rule not in rules:
            continue
        trial = [key for key in core if key[0] != rule]
        budget[0] -= 1
        outcome = solve.solve(m, time_limit_s=limit_s, assumptions=trial)
        spent += outcome.wall_time_s
        if outcome.status is solve.Status.INFEASIBLE:
            core = sorted(outcome.core or trial, key=_sort_key)
    position = 0
    while position < len(core) and len(core) > 1 and budget[0] > 0:
        trial = core[:position] + core[position + 1 :]
        budget[0] -= 1
        outcome = solve.solve(m, time_limit_s=limit_s, assumptions=trial)
        spent += outcome.wall_time_s
        if outcome.status is solve.Status.INFEASIBLE:
            core = sorted(outcome.core or trial, key=_sort_key)
        else:
            position += 1
    return core, spent


def _fixed_text(prepared: Prepared, item: Item) -> str:
    moment = prepared.clock.at(item.fixed_min or 0)
    return f"{quoted(item)} is fixed at {DAY_NAMES[moment.weekday()]} {moment:%H:%M}"


def quoted(item: Item) -> str:
    """The session's title in quotes."""
    return f"'{item.spec.title}'"


def rule_demand(rule: RuleId, prepared: Prepared) -> str:
    """What ``rule`` demands under the athlete's profile and goal, in a few words."""
    context = prepared.request.context
    profile = context.profile

    def param(name: str) -> str:
        return f"{RULES[rule].param(name, profile):g}"

    match rule:
        case "availability":
            return "each session inside one of its windows, clear of commitments"
        case "PHY-1":
            return f"no lift/run pair above {param('max_pair_cost')} interference points"
        case "SCH-1":
            return f"a lift and a run on one day at least {param('min_gap_h')} h apart"
        case "SCH-3":
            first = "lifting" if prepared.priority is Modality.LIFT else "running"
            goal = context.goal.value.replace("_", " ")
            return f"{first} first on a day with both ({goal} goal)"
        case "SCH-4":
            return (
                f"no run within {param('after_heavy_lower_h')} h after a heavy lower lift, no "
                f"hard run within {param('hard_run_before_heavy_lower_h')} h before one"
            )
        case "SCH-6":
            return (
                f"a combined block on one day with a {param('min_gap_min')}-"
                f"{param('max_gap_min')} min break, priority part first"
            )
        case "SCH-7":
            return (
                f"legs, back and chest each on {param('min_per_week')}-"
                f"{param('max_per_week')} different days"
            )
        case "SCH-9":
            return "no explosive session after a run on the same day"
        case "RL-1":
            return (
                f"at most {param('max_runs_per_day')} run and {param('max_lifts_per_day')} "
                "lift a day"
            )
        case "SCH-10":
            return (
                f"at least {quantity(context.rest_days_min, 'rest days')} a week, as the "
                "athlete asked"
            )
        case "RL-4":
            return (
                "no heavy lower or explosive lift and no hard run on race day or the "
                f"{quantity(RULES[rule].param('days_before', profile), 'days')} before"
            )
        case _:
            return RULES[rule].title


def _windows_text(prepared: Prepared, item: Item) -> str:
    labels = sorted(
        {prepared.pieces[w].label for w in item.start_windows},
        key=lambda label: (DAY_NAMES.index(label[:3]), label),
    )
    if not labels:
        return f"{quoted(item)} ({item.duration_min} min) fits in no window"
    return f"{quoted(item)} ({item.duration_min} min) fits only in {', '.join(labels)}"


def _capacity_text(prepared: Prepared) -> str:
    window_min = sum(p.end_min - p.start_min for p in prepared.pieces)
    session_min = sum(i.duration_min for i in prepared.items)
    return (
        f"the windows hold {window_min} min in all (commitments taken out); "
        f"the sessions need {session_min} min"
    )


def _days_text(prepared: Prepared) -> str:
    """How many runs and lifts the week holds against the days that have a window."""
    days = sorted({p.day for p in prepared.pieces})
    runs = sum(1 for i in prepared.items if i.spec.is_run)
    lifts = sum(1 for i in prepared.items if i.spec.is_lift)
    names = f" ({', '.join(DAY_NAMES[d] for d in days)})" if days else ""
    return (
        f"{quantity(runs, 'runs')} and {quantity(lifts, 'lifts')}; "
        f"windows on {quantity(len(days), 'days')}{names}"
    )


def _conflict(prepared: Prepared, core: Sequence[Key]) -> Conflict:
    rules: list[RuleId] = []
    indices: list[int] = []
    for rule, index in core:
        if rule not in rules:
            rules.append(rule)
        if index is not None and index not in indices:
            indices.append(index)
    rules.sort(key=lambda r: RULE_ORDER.get(r, len(RULE_ORDER)))
    items = [prepared.items[i] for i in sorted(indices)]
    inputs = [
        _windows_text(prepared, prepared.items[index])
        for rule, index in core
        if rule == AVAILABILITY and index is not None
    ]
    profile = prepared.request.context.profile
    if any(rule in {"SCH-1", "SCH-4", "PHY-1", "SCH-6"} for rule in rules):
        inputs.append(f"evidence profile {profile.value}")
    if "SCH-3" in rules:
        inputs.append(f"goal {prepared.request.context.goal.value.replace('_', ' ')}")
    if "RL-1" in rules or "SCH-10" in rules:
        inputs.append(_days_text(prepared))
    if "SCH-10" in rules:
        inputs.append(f"rest_days_min {prepared.request.context.rest_days_min}")
    inputs.extend(_fixed_text(prepared, i) for i in prepared.items if i.fixed)
    if AVAILABILITY in rules:
        inputs.append(_capacity_text(prepared))
        inputs.extend(
            f"'{n.spec.title}' of the next or previous week at "
            f"{DAY_NAMES[n.start.astimezone(prepared.clock.zone).weekday()]} "
            f"{n.start.astimezone(prepared.clock.zone):%H:%M} rules out starts close to it "
            "(SCH-4, PHY-1, RL-4)"
            for n in prepared.request.neighbours
        )
    parts = []
    for rule in rules:
        about = [
            quoted(prepared.items[index])
            for key_rule, index in core
            if key_rule == rule and index is not None
        ]
        who = f" for {', '.join(about)}" if about and rule != AVAILABILITY else ""
        label = "windows" if rule == AVAILABILITY else rule
        parts.append(f"{label} ({rule_demand(rule, prepared)}){who}")
    if not parts:
        text = "The sessions cannot all be placed in the week's windows."
    else:
        text = "These cannot all hold: " + "; ".join(parts) + "."
    if inputs:
        text += " Inputs: " + "; ".join(inputs) + "."
    return Conflict(
        rule_ids=tuple(rules),
        session_ids=tuple(i.id for i in items),
        inputs=tuple(inputs),
        text=text,
        demands=tuple(
            f"{'windows' if rule == AVAILABILITY else rule}: {rule_demand(rule, prepared)}"
            for rule in rules
        ),
    )


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _window(start_min: int, end_min: int) -> TimeWindow:
    return TimeWindow(
        start=time(start_min // 60, start_min % 60), end=time(end_min // 60, end_min % 60)
    )


def _window_candidates(
    request: WeekRequest, length_min: int
) -> tuple[list[Relaxation], list[Relaxation]]:
    """Window changes of ``length_min``: (new windows, extensions of existing ones).

    New windows on days without any come first; extensions that stay within
    ``WAKING_HOURS`` come first.
    """
    last = MINUTES_PER_DAY - 1
    size = length_min / 60 * HOUR_POINTS
    empty_days: list[Relaxation] = []
    other_days: list[Relaxation] = []
    extensions: list[Relaxation] = []
    for day, weekday in enumerate(WEEKDAYS):
        windows = sorted(request.availability.get(weekday, ()), key=lambda w: w.start_min)
        name = FULL_DAY_NAMES[day]
        for anchor in ANCHORS:
            start = anchor.hour * 60 + anchor.minute
            end = start + length_min
            if end > last or any(w.start_min < end and start < w.end_min for w in windows):
                continue
            (other_days if windows else empty_days).append(
                Relaxation(
                    kind=RelaxationKind.ADD_WINDOW,
                    size=size,
                    text=(
                        f"add a {length_min}-minute window on {name} {_clock(start)}-{_clock(end)}"
                    ),
                    windows=(WindowChange(weekday=weekday, window=_window(start, end)),),
                )
            )
        for n, window in enumerate(windows):
            following = windows[n + 1].start_min if n + 1 < len(windows) else last
            preceding = windows[n - 1].end_min if n > 0 else 0
            if window.end_min + length_min <= following:
                new_end = window.end_min + length_min
                extensions.append(
                    Relaxation(
                        kind=RelaxationKind.EXTEND_WINDOW,
                        size=size,
                        text=f"extend {name}'s {window} window to {_clock(new_end)}",
                        windows=(
                            WindowChange(
                                weekday=weekday,
                                window=_window(window.start_min, new_end),
                                replaces=window,
                            ),
                        ),
                    )
                )
            if window.start_min - length_min >= preceding:
                new_start = window.start_min - length_min
                extensions.append(
                    Relaxation(
                        kind=RelaxationKind.EXTEND_WINDOW,
                        size=size,
                        text=f"start {name}'s {window} window at {_clock(new_start)}",
                        windows=(
                            WindowChange(
                                weekday=weekday,
                                window=_window(new_start, window.end_min),
                                replaces=window,
                            ),
                        ),
                    )
                )
    low, high = (t.hour * 60 + t.minute for t in WAKING_HOURS)
    extensions.sort(
        key=lambda c: (
            not all(low <= w.window.start_min and w.window.end_min <= high for w in c.windows)
        )
    )
    return [*empty_days, *other_days], extensions


def _profile_candidates(request: WeekRequest) -> Iterator[Relaxation]:
    current = _PROFILE_ORDER.index(request.context.profile)
    for steps, profile in enumerate(_PROFILE_ORDER[current + 1 :], start=1):
        gap = RULES[RuleId("SCH-1")].param("min_gap_h", profile)
        after = RULES[RuleId("SCH-4")].param("after_heavy_lower_h", profile)
        pair = RULES[RuleId("PHY-1")].param("max_pair_cost", profile)
        yield Relaxation(
            kind=RelaxationKind.PROFILE,
            size=steps * PROFILE_STEP_POINTS,
            text=(
                f"switch the evidence profile to {profile.value} ({gap:g} h same-day gap, "
                f"{after:g} h after a heavy lower lift, up to {pair:g} interference points a pair)"
            ),
            profile=profile,
        )


def _rest_day_candidates(request: WeekRequest) -> Iterator[Relaxation]:
    """One rest day fewer, then two, ... down to none (SCH-10 is the athlete's own word)."""
    current = request.context.rest_days_min
    for fewer in range(1, current + 1):
        left = current - fewer
        yield Relaxation(
            kind=RelaxationKind.REST_DAYS,
            size=fewer * REST_DAY_POINTS,
            text=(
                f"lower rest_days_min from {current} to {left}: "
                f"{quantity(left, 'rest days')} a week instead of {current}"
            ),
            rest_days_min=left,
        )


def _drop_candidates(prepared: Prepared, involved: Sequence[Item]) -> Iterator[Relaxation]:
    pool = [i for i in involved if not i.fixed] or [i for i in prepared.items if not i.fixed]
    for item in sorted(pool, key=lambda i: drop_rank(i.spec))[:MAX_DROP_TRIES]:
        yield Relaxation(
            kind=RelaxationKind.DROP_SESSION,
            size=DROP_KEY_POINTS if item.spec.key else DROP_POINTS,
            text=f"drop {quoted(item)} this week",
            session_ids=(item.id,),
        )


def _fixed(relaxed: WeekRequest, prepared: Prepared) -> dict[SessionId, datetime]:
    """The fixed starts of the sessions ``relaxed`` keeps."""
    kept = {s.id for s in relaxed.sessions}
    return {
        i.id: prepared.clock.at(i.fixed_min)
        for i in prepared.items
        if i.fixed_min is not None and i.id in kept
    }


GHOST_MARGIN_MIN = 2 * GRID_MIN
"""Room beyond a dropped run's duration that a free stretch of a day must have (see ``_Checks``)."""

SHORTEST_DAY_MIN = 23 * 60 - 1
"""The fewest minutes a local day offers a session that ends by midnight (a clock change)."""


class _Checks:
    """Checks candidate changes, most of them on the diagnosis model itself.

    The diagnosis model lets every session start anywhere in the week, its windows
    and every hard rule enforced through assumption literals. With every rule's
    literal fixed true and the window literals fixed false, narrowing each session's
    start domain to the starts a change of windows allows gives the changed week's
    hard-rule model: the same rules over the same starts, so the same answer, without
    building a model per change.

    Dropping one run works the same way: its rule literals fixed false leave it bound
    to the others by the no-overlap constraint alone, and a week with this few
    sessions always has a free stretch of a day for it (``_has_room`` checks that
    bound before relying on it). Two rules could still lean on it, so such weeks are
    not checked this way: when combined blocks may form (a block with the dropped
    run would bind its lift) and when SCH-3 is hard with running first (the
    dropped run could stand as the run that precedes a lift on its day).
    Other changes (a profile, combined sessions, a lift or several sessions
    dropped) change the rules themselves and are checked on a model of their own.

    Before any of that, a change that loosens no rule of one of ``cores`` (the
    week's conflicts) is rejected without a solve (``_loosened``). The checks change
    the model in place: it is used for them only once its conflicts are found.
    """

    def __init__(
        self,
        prepared: Prepared,
        model: PlacementModel,
        limit_s: float,
        cores: Sequence[Sequence[Key]],
    ) -> None:
        self.prepared = prepared
        self.model = model
        self.limit_s = limit_s
        self.cores = [frozenset(rule for rule, _ in core) for core in cores]
        self.by_id = {item.id: item for item in prepared.items}
        self.whole = {
            item.index: frozenset(model.possible_starts(item))
            for item in prepared.items
            if not item.fixed
        }

    def works(self, candidate: Relaxation) -> tuple[bool, float]:
        """Whether the week with ``candidate`` made can be placed, and the solver's time."""
        loosened = _loosened(candidate, self.prepared.request)
        if loosened is not None and any(not rules & loosened for rules in self.cores):
            return False, 0.0
        relaxed = candidate.apply(self.prepared.request)
        try:
            again = prepare(relaxed, fixed=_fixed(relaxed, self.prepared))
        except InvalidInput:
            return False, 0.0
        if any(not i.fixed and not i.starts for i in again.items):
            return False, 0.0
        starts = self._starts(again)
        if starts is None:
            outcome = solve.solve(solve.build(again, objective=False), time_limit_s=self.limit_s)
            return outcome.solution is not None, outcome.wall_time_s
        m = self.model
        ghosts = {i for i in self.whole if i not in starts}
        for (rule, index), lit in m.assumptions.items():
            on = rule != AVAILABILITY and index not in ghosts
            _set_domain(m, lit.index, [int(on), int(on)])
        for index, allowed in starts.items():
            _set_domain(m, m.k[index].index, [s // m.unit_min for s in allowed])
        for index in ghosts:
            _set_domain(m, m.k[index].index, [s // m.unit_min for s in self.whole[index]])
        outcome = solve.solve(m, time_limit_s=self.limit_s)
        return outcome.solution is not None, outcome.wall_time_s

    def _starts(self, again: Prepared) -> dict[int, tuple[int, ...]] | None:
        """Each free session's starts in the changed week, by its index in ``self.model``.

        None when the model cannot stand for the changed week: another context
        (profile, goal, combined sessions), a session added or fixed elsewhere, more
        than one session dropped, or a start the model does not have.
        """
        if again.request.context != self.prepared.request.context:
            return None
        old = self.by_id
        if any(
            item.id not in old or item.fixed_min != old[item.id].fixed_min for item in again.items
        ):
            return None
        kept = {item.id for item in again.items}
        dropped = [item for item in self.prepared.items if item.id not in kept]
        if dropped and (
            len(dropped) > 1
            or dropped[0].fixed
            or not dropped[0].spec.is_run
            or any(block is not False for block in self.model.blocks.values())
            or (self.prepared.sch3_hard and self.prepared.priority is Modality.RUN)
            or not _has_room(again, dropped[0])
        ):
            return None
        starts: dict[int, tuple[int, ...]] = {}
        for item in again.items:
            if item.fixed:
                continue
            index = old[item.id].index
            if not self.whole[index].issuperset(item.starts) or any(
                s % self.model.unit_min for s in item.starts
            ):
                return None
            starts[index] = item.starts
        return starts


def _loosened(candidate: Relaxation, request: WeekRequest) -> frozenset[RuleId] | None:
    """The hard rules (``AVAILABILITY`` for the windows) ``candidate`` can loosen.

    None when it may loosen any of them (a dropped session). A conflict holds even
    with every session free to start anywhere in the week, so a change that loosens
    none of its rules leaves it standing, and the week infeasible:

    * windows only change where sessions may start;
    * a milder profile changes the rules whose parameters differ between the two
      profiles (``Rule.parameters``), and the starts ruled out around the
      neighbouring weeks' sessions (SCH-4, PHY-1), when there are any;
    * combined sessions exempt blocks from SCH-1's gap and add SCH-6's blocks,
      the only hard rules that read them;
    * fewer rest days loosen SCH-10 only.
    """
    match candidate.kind:
        case RelaxationKind.ADD_WINDOW | RelaxationKind.EXTEND_WINDOW:
            return frozenset({AVAILABILITY})
        case RelaxationKind.PROFILE if candidate.profile is not None:
            now, then = request.context.profile, candidate.profile
            rules = {
                rule.id
                for rule in RULES.values()
                if any(values[now] != values[then] for values in rule.parameters.values())
            }
            if request.neighbours:
                rules.add(AVAILABILITY)
            return frozenset(rules)
        case RelaxationKind.ALLOW_COMBINED:
            return frozenset({RuleId("SCH-1"), RuleId("SCH-6")})
        case RelaxationKind.REST_DAYS:
            return frozenset({RuleId("SCH-10")})
        case _:
            return None


def _set_domain(m: PlacementModel, variable: int, values: Sequence[int]) -> None:
    """Replace the domain of the model's variable ``variable`` by ``values``."""
    domain = m.model.proto.variables[variable].domain
    domain.clear()
    domain.extend(cp_model.Domain.from_values(list(values)).flattened_intervals())


def _has_room(again: Prepared, dropped: Item) -> bool:
    """Whatever the starts of ``again``'s sessions, some day has a free stretch for ``dropped``.

    The sessions leave at most one free stretch before, between and after them on
    each day, so at least one of them is as long as the week's free time over their
    number; a stretch ``GHOST_MARGIN_MIN`` longer than the session holds one of its
    grid starts.
    """
    busy = sum(item.duration_min for item in again.items)
    stretches = len(again.items) + DAYS_PER_WEEK
    return (DAYS_PER_WEEK * SHORTEST_DAY_MIN - busy) >= stretches * (
        dropped.duration_min + GHOST_MARGIN_MIN
    )


def _relaxations(
    prepared: Prepared, m: PlacementModel, cores: Sequence[Sequence[Key]], limit_s: float
) -> tuple[tuple[Relaxation, ...], float]:
    """The changes that make the week feasible, each checked on ``m`` (``_Checks``)."""
    request = prepared.request
    involved = [
        prepared.items[i] for i in sorted({i for core in cores for _, i in core if i is not None})
    ]
    spent = 0.0
    found: list[Relaxation] = []
    longest = max((i.duration_min for i in involved), default=60)
    length = math.ceil(longest / GRID_MIN) * GRID_MIN
    new_windows, extensions = _window_candidates(request, length)
    tried = (new_windows[:MAX_WINDOW_TRIES], extensions[:MAX_EXTENSION_TRIES])
    checks = _Checks(prepared, m, limit_s, cores)
    for candidates in tried:
        successes = 0
        for candidate in candidates:
            works, seconds = checks.works(candidate)
            spent += seconds
            if works:
                found.append(candidate)
                successes += 1
                if successes >= MAX_WINDOW_RELAXATIONS:
                    break
    others: list[Relaxation] = list(_profile_candidates(request))
    if not request.context.allow_combined and prepared.priority is not None:
        low = RULES[RuleId("SCH-6")].param("min_gap_min", request.context.profile)
        high = RULES[RuleId("SCH-6")].param("max_gap_min", request.context.profile)
        others.append(
            Relaxation(
                kind=RelaxationKind.ALLOW_COMBINED,
                size=COMBINED_POINTS,
                text=(
                    "allow combined sessions (SCH-6): a lift and a run back to back with a "
                    f"{low:g}-{high:g} min break"
                ),
            )
        )
    if any(rule == "SCH-10" for core in cores for rule, _ in core):
        others.extend(_rest_day_candidates(request))
    # One working profile step is enough: every milder profile works too (its rules are
    # all weaker) but changes more; so is one rest-day step. One dropped session is enough
    # to show.
    enough: set[RelaxationKind] = set()
    for candidate in [*others, *_drop_candidates(prepared, involved)]:
        if candidate.kind in enough:
            continue
        works, seconds = checks.works(candidate)
        spent += seconds
        if works:
            found.append(candidate)
            if candidate.kind in {
                RelaxationKind.PROFILE,
                RelaxationKind.DROP_SESSION,
                RelaxationKind.REST_DAYS,
            }:
                enough.add(candidate.kind)
    if not found:
        # No single change is enough: grow one change at a time until the week fits.
        for growing in (_more_windows(request), _more_drops(prepared)):
            for candidate in growing:
                works, seconds = checks.works(candidate)
                spent += seconds
                if works:
                    found.append(candidate)
                    break
    kinds = list(RelaxationKind)
    found.sort(key=lambda r: (r.size, kinds.index(r.kind), r.text))
    return tuple(found[:MAX_RELAXATIONS]), spent


def _day_change(request: WeekRequest, day: int, length_min: int) -> WindowChange | None:
    """A window of ``length_min`` for day ``day``: after work, else before work, else extended."""
    weekday = WEEKDAYS[day]
    windows = sorted(request.availability.get(weekday, ()), key=lambda w: w.start_min)
    for anchor in reversed(ANCHORS):
        start = anchor.hour * 60 + anchor.minute
        end = start + length_min
        if end < MINUTES_PER_DAY and not any(
            w.start_min < end and start < w.end_min for w in windows
        ):
            return WindowChange(weekday=weekday, window=_window(start, end))
    if windows and windows[-1].end_min + length_min < MINUTES_PER_DAY:
        last = windows[-1]
        return WindowChange(
            weekday=weekday,
            window=_window(last.start_min, last.end_min + length_min),
            replaces=last,
        )
    return None


def _more_windows(request: WeekRequest) -> Iterator[Relaxation]:
    """Windows on more and more days (days without any first), as one change each."""
    longest = max((s.duration_min for s in request.sessions), default=60)
    length = math.ceil(longest / GRID_MIN) * GRID_MIN
    days = sorted(
        range(len(WEEKDAYS)), key=lambda d: (bool(request.availability.get(WEEKDAYS[d])), d)
    )
    changes: list[WindowChange] = []
    for day in days:
        change = _day_change(request, day, length)
        if change is None:
            continue
        changes.append(change)
        if len(changes) < 2:
            continue
        names = ", ".join(FULL_DAY_NAMES[WEEKDAYS.index(c.weekday)] for c in changes)
        yield Relaxation(
            kind=RelaxationKind.ADD_WINDOW,
            size=len(changes) * length / 60 * HOUR_POINTS,
            text=f"add {length} more minutes on each of {names}",
            windows=tuple(changes),
        )


def _more_drops(prepared: Prepared) -> Iterator[Relaxation]:
    """Drop more and more of the least important runs, as one change each."""
    pool = sorted(
        (i for i in prepared.items if not i.fixed and i.spec.is_run),
        key=lambda i: drop_rank(i.spec),
    )
    for count in range(2, len(pool)):
        chosen = pool[:count]
        yield Relaxation(
            kind=RelaxationKind.DROP_SESSION,
            size=sum(DROP_KEY_POINTS if i.spec.key else DROP_POINTS for i in chosen),
            text=f"drop {', '.join(quoted(i) for i in chosen)} this week",
            session_ids=tuple(i.id for i in chosen),
        )


def find_cores(m: PlacementModel, limit_s: float) -> tuple[list[list[Key]], float]:
    """Sets of assumption keys of the diagnosis model ``m`` that cannot hold together.

    Each is shrunk (``_shrink``) and then set free, so the next one is independent
    of it; returns them with the solver's time spent finding them.
    """
    active = sorted(m.assumptions, key=_sort_key)
    spent = 0.0
    budget = [MAX_SHRINK_SOLVES]
    cores: list[list[Key]] = []
    for _ in range(MAX_CONFLICTS):
        outcome = solve.solve(m, time_limit_s=limit_s, assumptions=active)
        spent += outcome.wall_time_s
        if outcome.status is not solve.Status.INFEASIBLE or not outcome.core:
            break
        core, seconds = _shrink(m, sorted(outcome.core, key=_sort_key), limit_s, budget)
        spent += seconds
        cores.append(core)
        active = [key for key in active if key not in core]
    return cores, spent


def diagnose(
    prepared: Prepared, *, time_limit_s: float, spent_s: float, suggest: bool = True
) -> InfeasibleWeek:
    """Explain an infeasible week: its conflicts and, if ``suggest``, the changes that fix it."""
    limit = min(time_limit_s, SOLVE_LIMIT_S)
    m = solve.build(prepared, diagnose=True, objective=False)
    cores, seconds = find_cores(m, limit)
    spent = spent_s + seconds
    conflicts = tuple(_conflict(prepared, core) for core in cores) or (_conflict(prepared, []),)
    if not suggest:
        return InfeasibleWeek(conflicts=conflicts, relaxations=(), solve_time_s=spent)
    relaxations, seconds = _relaxations(prepared, m, cores, limit)
    return InfeasibleWeek(
        conflicts=conflicts, relaxations=relaxations, solve_time_s=spent + seconds
    )
