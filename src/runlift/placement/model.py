"""The CP-SAT model of one week: variables shared by every rule's constraint module.

Variables (see ``docs/placement.md``):

* ``k[i]``: the start of a free session on the model's time grid
  (elapsed minutes = ``unit_min x k[i]``); its domain is the list of starts
  that fit the availability windows, so windows and commitments need no
  constraint. A fixed session has a constant start instead.
* ``x[i, d]``: session ``i`` starts on local day ``d`` (exactly one per session).
* Gap segments, one Boolean per reachable piece of the gap axis of every
  lift/run pair: which session comes first and which range the gap (later
  start - earlier end) falls in. The ranges are cut wherever some rule's value
  changes (PHY-1 buckets, SCH-1 minimum, SCH-4 limits, SCH-6 break), so each
  rule reads its value from the segment that is true. Exactly one segment
  holds per pair.
* Derived literals, made on demand and cached: same day, order, and
  "day has a lift/run/any session".

Every hard constraint goes through ``guard``: in the normal model it is
unconditional; in the diagnosis model it is enforced by assumption literals,
one per rule and session, so that an infeasible week can name the rules and
sessions that collide. Constraints between sessions whose starts are all fixed
are skipped: those sessions already happened where they did.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeAlias

from ortools.sat.python import cp_model
from ortools.sat.python.cp_model_helper import Literal as CpLiteral

from runlift.errors import PlanningError
from runlift.placement.clock import DAYS_PER_WEEK, MINUTES_PER_WEEK
from runlift.placement.prepare import GRID_MIN, Item, Prepared, any_starts
from runlift.rules.checkers.rl_1 import most_per_day
from runlift.rules.model import RuleId
from runlift.vocabulary import Modality

Lit: TypeAlias = CpLiteral | bool
"""A model literal, or a Python constant when its value is known while building."""

Expr: TypeAlias = cp_model.LinearExpr | int
"""A linear expression over model variables, or a constant."""

AVAILABILITY = RuleId("availability")
"""Pseudo-rule id of the assumption 'session i starts inside its windows' (diagnosis only)."""


class Order(Enum):
    """Which session of a lift/run pair starts first."""

    LIFT_FIRST = "lift first"
    RUN_FIRST = "run first"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a pair's gap axis: order and closed gap range in minutes (``None`` = open)."""

    order: Order
    gap_lo: int
    gap_hi: int | None
    lit: Lit

    def within(self, *, low: int | None = None, high: int | None = None) -> bool:
        """True if every gap of the segment is in [low, high]; raises if it straddles a bound."""
        inside_low = low is None or self.gap_lo >= low
        inside_high = high is None or (self.gap_hi is not None and self.gap_hi <= high)
        outside_low = low is not None and self.gap_hi is not None and self.gap_hi < low
        outside_high = high is not None and self.gap_lo > high
        if not (inside_low and inside_high) and not (outside_low or outside_high):
            raise PlanningError(f"gap segment {self} straddles [{low}, {high}]; a cut is missing")
        return inside_low and inside_high


@dataclass(slots=True)
class GapPair:
    """A lift and a run of the week with the segments of their gap axis."""

    lift: Item
    run: Item
    segments: list[Segment] = field(default_factory=list)

    def where(
        self, *, order: Order | None = None, low: int | None = None, high: int | None = None
    ) -> list[Segment]:
        """Segments in ``order`` (any if None) whose gaps all lie in [low, high] minutes."""
        return [
            s
            for s in self.segments
            if (order is None or s.order is order) and s.within(low=low, high=high)
        ]


class Tier(Enum):
    """Where an objective term counts.

    RULE terms are rule penalties (their sum is ``week_cost``); STABILITY terms
    (moving a session during re-placement) count on the same scale; PREFERENCE
    terms only break ties between placements of equal RULE + STABILITY cost.
    """

    RULE = "rule"
    STABILITY = "stability"
    PREFERENCE = "preference"


@dataclass(frozen=True, slots=True)
class Term:
    """One named objective term: ``weight x expr``.

    Attributes:
        name: the rule id for rule penalties, else the preference's name.
        weight: integer weight per unit of ``expr``.
        expr: a literal, a linear expression or a constant.
        upper: largest value ``expr`` can take.
        items: indices of the sessions the term is about.
        tier: whether the term is a rule penalty, a stability cost or a preference.
        leading: the tier of a rule term the objective counts ahead of the rule cost; 0
            for the others. One unit of a term of tier ``t`` outweighs all the terms of
            lower tiers together: two heavy-lower lifts on consecutive days (RL-2, tier 2)
            come first, then stretches of three loaded days (RL-3, tier 1), then the rule
            and stability cost.
    """

    name: str
    weight: int
    expr: Lit | Expr
    upper: int
    items: tuple[int, ...]
    tier: Tier = Tier.RULE
    leading: int = 0


LOADED_STRETCH_TIER = 1
"""``Term.leading`` of RL-3's stretches of three loaded days in a row."""
HEAVY_PAIR_TIER = 2
"""``Term.leading`` of RL-2's heavy-lower lifts on consecutive days: counted before RL-3."""


GapCuts: TypeAlias = Callable[["PlacementModel", GapPair], Iterable[tuple[Order, int]]]
"""A rule's gap thresholds for a pair: (order, first gap minute of a new segment)."""


class _CpModel(cp_model.CpModel):
    """OR-Tools' model without the camelCase aliases it adds to every new model.

    Adding them walks every method of the class and took about 0.7 ms of each model
    (a placement builds one, a diagnosis a dozen); runlift calls none of them.
    """

    def _add_pre_pep8_methods(self) -> None:
        return


def _value_domain(values: Sequence[int]) -> cp_model.Domain:
    return cp_model.Domain.from_values(list(values))


class PlacementModel:
    """The CP-SAT model of one week and the shared variables the rule modules use."""

    def __init__(self, prepared: Prepared, *, diagnose: bool = False, soft: bool = True) -> None:
        """Create the session variables.

        Args:
            prepared: the checked request.
            diagnose: build the diagnosis model: every session may start anywhere in
                the week, its windows are enforced by an assumption literal, and every
                hard rule by assumption literals per session.
            soft: build the soft rules' penalty terms; without them the model only
                answers whether the hard rules can hold (diagnosis, relaxation checks).
        """
        self.prepared = prepared
        self.context = prepared.request.context
        self.profile = self.context.profile
        self.diagnose = diagnose
        self.soft = soft
        self.model: cp_model.CpModel = _CpModel()
        self.items = prepared.items
        self.assumptions: dict[tuple[RuleId, int | None], CpLiteral] = {}
        self.terms: list[Term] = []
        self._starts: dict[int, tuple[int, ...]] = {}
        self._start_days: dict[int, tuple[int, ...]] = {}
        self.k: dict[int, cp_model.IntVar] = {}
        self.x: dict[int, dict[int, Lit]] = {}
        self.unit_min = GRID_MIN
        self.pairs: dict[tuple[int, int], GapPair] = {}
        self.blocks: dict[tuple[int, int], Lit] = {}
        self.times_of_day: dict[int, cp_model.IntVar] = {}
        self.midnights = tuple(prepared.clock.midnight_min(day) for day in range(DAYS_PER_WEEK))
        self._cache: dict[tuple[object, ...], Lit] = {}
        self._start_runs: dict[int, list[tuple[int, int]]] = {}
        self._totals: dict[tuple[object, ...], tuple[Expr, Expr]] = {}
        self.groups: list[tuple[tuple[Term, ...], Expr]] = []
        self._make_domains()
        self._make_starts()

    # -- sessions -------------------------------------------------------------------------

    def _make_domains(self) -> None:
        busy = sorted(
            (i.fixed_min, i.fixed_min + i.duration_min)
            for i in self.items
            if i.fixed_min is not None
        )
        anywhere: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        for item in self.items:
            if item.fixed:
                continue
            if self.diagnose:
                if item.duration_min not in anywhere:
                    found = any_starts(
                        duration_min=item.duration_min, clock=self.prepared.clock, busy=busy
                    )
                    anywhere[item.duration_min] = (
                        tuple(s for s, _ in found),
                        tuple(d for _, d in found),
                    )
                starts, days = anywhere[item.duration_min]
                self._starts[item.index] = starts
                self._start_days[item.index] = days
            else:
                self._starts[item.index] = item.starts
                self._start_days[item.index] = item.start_days
        distinct = {id(starts): starts for starts in self._starts.values()}
        self.unit_min = math.gcd(GRID_MIN, *(s for starts in distinct.values() for s in starts))

    def _make_starts(self) -> None:
        model, unit = self.model, self.unit_min
        # Diagnosis sessions of one length share one tuple of starts: one domain for all.
        shapes: dict[int, tuple[cp_model.Domain, dict[int, tuple[int, int]]]] = {}
        for item in self.items:
            i = item.index
            if item.fixed_day is not None:
                self.x[i] = {item.fixed_day: True}
                continue
            starts = self._starts[i]
            days = self._start_days[i]
            if not starts:
                # No start at all: the normal model is infeasible at once, the
                # diagnosis model blames this session's availability.
                self.k[i] = model.new_int_var(0, 0, f"k{i}")
                self.x[i] = {}
                self.clause([], self.guard(AVAILABILITY, i))
                continue
            if id(starts) not in shapes:
                values = [s // unit for s in starts]
                ranges: dict[int, tuple[int, int]] = {}
                for value, day in zip(values, days, strict=True):
                    ranges[day] = (ranges.get(day, (value, value))[0], value)
                shapes[id(starts)] = (_value_domain(values), ranges)
            domain, by_day = shapes[id(starts)]
            self.k[i] = model.new_int_var_from_domain(domain, f"k{i}")
            if len(by_day) == 1:
                self.x[i] = {next(iter(by_day)): True}
            else:
                lits: dict[int, Lit] = {}
                for day, (first, last) in sorted(by_day.items()):
                    lit = model.new_bool_var(f"x{i}_{day}")
                    model.add(self.k[i] >= first).only_enforce_if(lit)
                    model.add(self.k[i] <= last).only_enforce_if(lit)
                    lits[day] = lit
                model.add_exactly_one([v for v in lits.values() if not isinstance(v, bool)])
                self.x[i] = lits
            if self.diagnose:
                self._enforce_availability(item)
        intervals = [
            model.new_fixed_size_interval_var(self.start(item), item.duration_min, f"iv{n}")
            for n, item in enumerate(self.items)
        ]
        model.add_no_overlap(intervals)

    def _enforce_availability(self, item: Item) -> None:
        guard = self.guard(AVAILABILITY, item.index) or []
        allowed = sorted({s // self.unit_min for s in item.starts})
        if not allowed:
            self.clause([], guard)
            return
        self.model.add_linear_expression_in_domain(
            self.k[item.index], _value_domain(allowed)
        ).only_enforce_if(guard)

    def start(self, item: Item) -> Expr:
        """Elapsed start of ``item`` in minutes since Monday 00:00 local."""
        if item.fixed_min is not None:
            return item.fixed_min
        return self.unit_min * self.k[item.index]

    def day(self, item: Item, day: int) -> Lit:
        """Literal: ``item`` starts on local day ``day``."""
        return self.x[item.index].get(day, False)

    def days(self, item: Item) -> list[int]:
        """Days on which ``item`` may start."""
        return sorted(self.x[item.index])

    def possible_starts(self, item: Item) -> tuple[int, ...]:
        """Elapsed starts the model allows ``item`` (one value for a fixed session)."""
        if item.fixed_min is not None:
            return (item.fixed_min,)
        return self._starts[item.index]

    def start_runs(self, item: Item) -> list[tuple[int, int]]:
        """The item's possible starts grouped into [first, last] runs on the grid."""
        if item.index not in self._start_runs:
            starts = self.possible_starts(item)
            shared = next(
                (
                    runs
                    for other, runs in self._start_runs.items()
                    if self._starts.get(other) is starts
                ),
                None,
            )
            self._start_runs[item.index] = _runs(starts) if shared is None else shared
        return self._start_runs[item.index]

    def lifts(self) -> list[Item]:
        """The week's lifts."""
        return [i for i in self.items if i.spec.is_lift]

    def runs(self) -> list[Item]:
        """The week's runs."""
        return [i for i in self.items if i.spec.is_run]

    # -- literals -------------------------------------------------------------------------

    @staticmethod
    def negate(lit: Lit) -> Lit:
        """The negation of ``lit``."""
        if isinstance(lit, bool):
            return not lit
        return ~lit

    def new_bool(self, name: str) -> CpLiteral:
        """A fresh Boolean variable."""
        return self.model.new_bool_var(name)

    def any_of(self, lits: Iterable[Lit], name: str = "or") -> Lit:
        """A literal equal to the disjunction of ``lits``."""
        kept: list[CpLiteral] = []
        for lit in lits:
            if lit is True:
                return True
            if lit is not False and not isinstance(lit, bool):
                kept.append(lit)
        if not kept:
            return False
        if len(kept) == 1:
            return kept[0]
        key = ("or", *sorted(lit.index for lit in kept))
        if key in self._cache:
            return self._cache[key]
        result = self.new_bool(name)
        self.model.add_bool_or(kept).only_enforce_if(result)
        for lit in kept:
            self.model.add_implication(lit, result)
        self._cache[key] = result
        return result

    def all_of(self, lits: Iterable[Lit], name: str = "and") -> Lit:
        """A literal equal to the conjunction of ``lits``."""
        return self.negate(self.any_of((self.negate(lit) for lit in lits), name))

    def clause(self, lits: Iterable[Lit], guard: Sequence[Lit] | None = ()) -> None:
        """Require at least one of ``lits`` whenever every literal of ``guard`` holds.

        ``guard=None`` means the constraint is exempt (all its sessions are fixed).
        """
        if guard is None:
            return
        kept: list[CpLiteral] = []
        for lit in [*lits, *(self.negate(g) for g in guard)]:
            if lit is True:
                return
            if not isinstance(lit, bool):
                kept.append(lit)
        self.model.add_bool_or(kept)

    def forbid(self, lits: Iterable[Lit], guard: Sequence[Lit] | None = ()) -> None:
        """Forbid that all of ``lits`` hold together (when ``guard`` holds)."""
        self.clause((self.negate(lit) for lit in lits), guard)

    def guard(self, rule: RuleId, *indices: int) -> list[CpLiteral] | None:
        """Enforcement literals for a hard constraint of ``rule`` about the given sessions.

        ``None`` when every session is fixed (nothing left to decide); ``[]`` in the
        normal model; one assumption literal per free session in the diagnosis model.
        """
        free = [i for i in indices if not self.items[i].fixed]
        if indices and not free:
            return None
        if not self.diagnose:
            return []
        keys: list[int | None] = list(free) if free else [None]
        lits: list[CpLiteral] = []
        for key in keys:
            lit = self.assumptions.get((rule, key))
            if lit is None:
                lit = self.new_bool(f"assume_{rule}_{key}")
                self.assumptions[(rule, key)] = lit
            lits.append(lit)
        return lits

    # -- days -----------------------------------------------------------------------------

    def has(self, day: int, modality: Modality | None = None) -> Lit:
        """Literal: some session (of ``modality`` if given) starts on local day ``day``."""
        return self.any_of(
            (
                self.day(item, day)
                for item in self.items
                if modality is None or item.spec.modality is modality
            ),
            f"has_{modality}_{day}",
        )

    def held_days(self, modality: Modality) -> Expr:
        """How many days hold a session of ``modality``.

        A constant when RL-1 allows one such session a day (every profile): each free
        session then has a day of its own, apart from the days of fixed ones.
        """
        items = [i for i in self.items if i.spec.modality is modality]
        if not self.diagnose and most_per_day(modality, self.context) == 1:
            fixed_days = {i.fixed_day for i in items if i.fixed_day is not None}
            return sum(1 for i in items if not i.fixed) + len(fixed_days)
        return sum(self.linear(self.has(day, modality)) for day in range(DAYS_PER_WEEK))

    def day_totals(self) -> tuple[Expr, Expr]:
        """(days with a session, days with both a lift and a run), as integer expressions.

        Per day, "has a lift" + "has a run" = "has a session" + "has both"; summed over
        the week, the two totals add up to the days held by lifts plus those held by
        runs (``held_days``). Stated as variables, the solver bounds the day penalties
        that depend on them (SCH-2, SCH-10, spread) by counting, long before the days
        are chosen.
        """
        key = ("day_totals",)
        if key in self._totals:
            return self._totals[key]
        model = self.model
        used = model.new_int_var(0, DAYS_PER_WEEK, "days_used")
        both = model.new_int_var(0, DAYS_PER_WEEK, "days_both")
        any_days: list[Expr] = []
        both_days: list[Expr] = []
        for day in range(DAYS_PER_WEEK):
            lift, run = self.has(day, Modality.LIFT), self.has(day, Modality.RUN)
            some, two = self.has(day), self.all_of([lift, run], f"both_{day}")
            any_days.append(self.linear(some))
            both_days.append(self.linear(two))
            if not all(isinstance(v, bool) for v in (lift, run, some, two)):
                model.add(
                    self.linear(lift) + self.linear(run) == self.linear(some) + self.linear(two)
                )
        model.add(used == sum(any_days))
        model.add(both == sum(both_days))
        lifts, runs = self.held_days(Modality.LIFT), self.held_days(Modality.RUN)
        model.add(used + both == lifts + runs)
        model.add(both <= lifts)
        model.add(both <= runs)
        self._totals[key] = (used, both)
        return used, both

    def same_day(self, first: Item, second: Item) -> Lit:
        """Literal: the two sessions start on the same local date."""
        a, b = sorted((first.index, second.index))
        key = ("same_day", a, b)
        if key in self._cache:
            return self._cache[key]
        days = sorted(set(self.x[a]) | set(self.x[b]))
        common = set(self.x[a]) & set(self.x[b])
        result: Lit
        if not common:
            result = False
        elif len(self.x[a]) == 1 and len(self.x[b]) == 1:
            result = True
        else:
            result = self.new_bool(f"same_day_{a}_{b}")
            not_result = ~result
            x_a, x_b = self.x[a], self.x[b]
            for day in days:
                on_a, on_b = x_a.get(day, False), x_b.get(day, False)
                if isinstance(on_a, bool) or isinstance(on_b, bool):
                    self.clause([not_result, self.negate(on_a), on_b])
                    self.clause([not_result, on_a, self.negate(on_b)])
                    self.clause([result, self.negate(on_a), self.negate(on_b)])
                    continue
                self.model.add_bool_or([not_result, ~on_a, on_b])
                self.model.add_bool_or([not_result, on_a, ~on_b])
                self.model.add_bool_or([result, ~on_a, ~on_b])
        self._cache[key] = result
        return result

    def before(self, first: Item, second: Item) -> Lit:
        """Literal: ``first`` starts before ``second`` (so, without overlap, ends before it)."""
        if first.spec.is_lift != second.spec.is_lift:
            lift, run = (first, second) if first.spec.is_lift else (second, first)
            lift_first = self.lift_first(self.pair(lift, run))
            return lift_first if first is lift else self.negate(lift_first)
        key = ("before", first.index, second.index)
        if key in self._cache:
            return self._cache[key]
        start_a, start_b = self.start(first), self.start(second)
        result: Lit
        if isinstance(start_a, int) and isinstance(start_b, int):
            result = start_a < start_b
        else:
            result = self.new_bool(f"before_{first.index}_{second.index}")
            self.model.add(start_a + first.duration_min <= start_b).only_enforce_if(result)
            self.model.add(start_b + second.duration_min <= start_a).only_enforce_if(~result)
        self._cache[key] = result
        self._cache[("before", second.index, first.index)] = self.negate(result)
        return result

    # -- lift/run gap segments ------------------------------------------------------------

    def pair(self, lift: Item, run: Item) -> GapPair:
        """The gap segments of a lift and a run (built by ``build_pairs``)."""
        return self.pairs[(lift.index, run.index)]

    def lift_first(self, pair: GapPair) -> Lit:
        """Literal: the lift of ``pair`` starts before its run."""
        key = ("lift_first", pair.lift.index, pair.run.index)
        if key not in self._cache:
            self._cache[key] = self.any_of(
                (s.lit for s in pair.segments if s.order is Order.LIFT_FIRST), "lift_first"
            )
        return self._cache[key]

    def _reachable(self, lift: Item, run: Item) -> list[tuple[int, int]]:
        """Hull intervals of (run start - lift start) over the allowed starts, in minutes."""
        spans: list[tuple[int, int]] = []
        for run_low, run_high in self.start_runs(run):
            for lift_low, lift_high in self.start_runs(lift):
                spans.append((run_low - lift_high, run_high - lift_low))
        spans.sort()
        merged: list[tuple[int, int]] = []
        for low, high in spans:
            if merged and low <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(merged[-1][1], high))
            else:
                merged.append((low, high))
        return merged

    def build_pairs(self, cut_rules: Sequence[GapCuts]) -> None:
        """Create the gap segments of every lift/run pair, cut where any rule needs."""
        for lift in self.lifts():
            for run in self.runs():
                pair = GapPair(lift=lift, run=run)
                self.pairs[(lift.index, run.index)] = pair
                cuts: dict[Order, set[int]] = {Order.LIFT_FIRST: {0}, Order.RUN_FIRST: {0}}
                for rule_cuts in cut_rules:
                    for order, cut in rule_cuts(self, pair):
                        if cut > 0:
                            cuts[order].add(cut)
                self._segment(pair, cuts)

    def _segment(self, pair: GapPair, cuts: dict[Order, set[int]]) -> None:
        lift, run = pair.lift, pair.run
        reachable = self._reachable(lift, run)
        # delta = run start - lift start; lift first: delta = gap + lift duration,
        # run first: delta = -(gap + run duration).
        highs = [r_high for _, r_high in reachable]
        ranges: list[tuple[Order, int, int | None, int, int]] = []
        for order, values in cuts.items():
            bounds = sorted(values)
            for n, low in enumerate(bounds):
                high = bounds[n + 1] - 1 if n + 1 < len(bounds) else None
                top = MINUTES_PER_WEEK if high is None else high
                if order is Order.LIFT_FIRST:
                    d_low, d_high = low + lift.duration_min, top + lift.duration_min
                else:
                    d_low, d_high = -(top + run.duration_min), -(low + run.duration_min)
                # The first reachable span that ends at or after d_low must start by d_high.
                first = bisect.bisect_left(highs, d_low)
                if first < len(reachable) and reachable[first][0] <= d_high:
                    ranges.append((order, low, high, d_low, d_high))
        if len(ranges) == 1:
            order, low, high, _, _ = ranges[0]
            pair.segments.append(Segment(order, low, high, lit=True))
            return
        delta = self.start(run) - self.start(lift)
        lits: list[CpLiteral] = []
        for order, low, high, d_low, d_high in ranges:
            lit = self.new_bool(f"seg_{lift.index}_{run.index}_{order.name}_{low}")
            self.model.add_linear_constraint(delta, d_low, d_high).only_enforce_if(lit)
            pair.segments.append(Segment(order, low, high, lit))
            lits.append(lit)
        self.model.add_exactly_one(lits)

    # -- objective ------------------------------------------------------------------------

    def add_terms(self, terms: Iterable[Term]) -> None:
        """Record objective terms."""
        self.terms.extend(t for t in terms if t.weight != 0 and not _is_zero(t.expr))

    def bound_together(self, terms: Sequence[Term], driver: Expr, floors: Sequence[int]) -> None:
        """Count rule ``terms`` in the objective as one variable, at least ``floors[driver]``.

        The terms stay as they are (each is still reported under its rule), but the
        objective counts them through one variable ``total`` with ``total >= their
        weighted sum`` and ``total >= floors[v]`` while ``driver`` is ``v``. Each term
        alone is bounded by its own variables only; a floor states what they cost
        together (one more day used is one day fewer with both a lift and a run, but
        may be a rest day fewer), which the solver then knows before the days are
        chosen. Every floor must be at most the terms' weighted sum in every placement
        with that ``driver``: then the least ``total`` is that sum, and the optimum and
        its cost are those of the terms themselves. (``>=`` rather than ``==``: presolve,
        where it runs, would substitute an equality back into the objective and lose
        the floor.)
        """
        if any(t.tier is Tier.PREFERENCE for t in terms) or not terms:
            raise PlanningError("only rule terms can be bounded together")
        total = self.model.new_int_var(0, sum(t.weight * t.upper for t in terms), "together")
        self.model.add(total >= sum(t.weight * self.linear(t.expr) for t in terms))
        floor = self.model.new_int_var(min(floors), max(floors), "floor")
        self.model.add_element(driver, list(floors), floor)
        self.model.add(total >= floor)
        self.groups.append((tuple(terms), total))

    def linear(self, expr: Lit | Expr) -> Expr:
        """``expr`` as a linear expression (constants as ints)."""
        if isinstance(expr, bool):
            return int(expr)
        return expr

    def preference_scale(self) -> int:
        """Multiplier that puts every rule point above the sum of all preference terms."""
        return 1 + sum(t.weight * t.upper for t in self.terms if t.tier is Tier.PREFERENCE)

    def set_objective(self) -> None:
        """Minimise tiers of leading units, then scale x (rule + stability cost) + preferences.

        ``scale`` puts every rule point above all preference points together; the base
        of each leading tier (``Term.leading``) puts every unit of it above all the
        terms of lower tiers together, so the fewest units of the highest tier come
        first (RL-2's heavy pairs), then of the next (RL-3), then the least cost.
        """
        scale = self.preference_scale()
        grouped = {id(term) for terms, _ in self.groups for term in terms}
        bound = 1 + sum(
            t.weight * t.upper
            for t in self.terms
            if t.tier is not Tier.PREFERENCE and not t.leading
        )
        base: dict[int, int] = {}
        for tier in sorted({t.leading for t in self.terms if t.leading}):
            base[tier] = bound
            bound += sum((t.weight + base[tier]) * t.upper for t in self.terms if t.leading == tier)
        exprs: list[Expr] = []
        weights: list[int] = []
        for term in self.terms:
            if id(term) in grouped:
                continue
            exprs.append(self.linear(term.expr))
            if term.tier is Tier.PREFERENCE:
                weights.append(term.weight)
            elif term.leading:
                weights.append((term.weight + base[term.leading]) * scale)
            else:
                weights.append(term.weight * scale)
        for _, total in self.groups:
            exprs.append(total)
            weights.append(scale)
        self.model.minimize(cp_model.LinearExpr.weighted_sum(exprs, weights))


def _is_zero(expr: Lit | Expr) -> bool:
    return isinstance(expr, bool | int) and int(expr) == 0


def _runs(values: Sequence[int]) -> list[tuple[int, int]]:
    """Group ascending ``values`` into [low, high] runs with steps of at most one grid step."""
    result: list[tuple[int, int]] = []
    for value in values:
        if result and value - result[-1][1] <= GRID_MIN:
            result[-1] = (result[-1][0], value)
        else:
            result.append((value, value))
    return result


def days_of_week() -> range:
    """Local day indices of the week, Monday = 0."""
    return range(DAYS_PER_WEEK)
