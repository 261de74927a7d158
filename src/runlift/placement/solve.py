"""Builds the week's CP-SAT model from the constraint modules and solves it deterministically.

One worker, a fixed random seed and an explicit time limit: the same request
gives the same placement on every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from enum import Enum

from ortools.sat.python import cp_model

from runlift.domain.sessions import SessionSpec
from runlift.placement import constraints
from runlift.placement.clock import DAYS_PER_WEEK
from runlift.placement.constraints import days
from runlift.placement.model import PlacementModel, Term
from runlift.placement.prepare import Item, Prepared
from runlift.rules.checkers.rl_3 import loads_the_day
from runlift.rules.checkers.rl_4 import is_race, spoils_a_race
from runlift.rules.checkers.sch_4 import is_quality_run
from runlift.rules.model import RuleId
from runlift.science.interference import lift_factor, run_intensity_factor
from runlift.vocabulary import LiftKind, MuscleGroup, RunKind

RANDOM_SEED = 20_160_301
"""Any fixed seed; with one worker it makes the search repeatable."""

SEARCH_PARAMETERS: dict[str, int] = {
    "cp_model_presolve": False,
    "cp_model_probing_level": 0,
    "symmetry_level": 0,
    "linearization_level": 0,
}
"""No presolve, no probing, no symmetry detection and no LP relaxation: measured fastest on
these small models, with the same optimal costs (``benchmarks/placement.py``;
``docs/placement.md``, "Determinism"). Probing runs at the start of the search even without
presolve: left at its default, the benchmark's infeasible weeks took a third longer."""


class Status(Enum):
    """What the solver could say about the model."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    INFEASIBLE = "infeasible"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True, kw_only=True)
class Solution:
    """A placement found by the solver.

    Attributes:
        starts: elapsed start (minutes since Monday 00:00 local) per item index.
        blocks: (lift index, run index) of every combined block.
        values: each objective term with the value of its expression.
    """

    starts: Mapping[int, int]
    blocks: frozenset[tuple[int, int]]
    values: tuple[tuple[Term, int], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """The result of one solve.

    Attributes:
        status: optimal, feasible, infeasible or unknown (time ran out first).
        solution: the placement when one was found.
        core: assumption keys that together are infeasible (diagnosis only).
        wall_time_s: the solver's own wall time.
    """

    status: Status
    solution: Solution | None
    core: tuple[tuple[RuleId, int | None], ...]
    wall_time_s: float


def _rule_signature(spec: SessionSpec) -> tuple[object, ...]:
    """Everything of a session that a rule or a preference reads, except its id and title.

    Runs: duration, interference intensity (PHY-1), hard or not (SCH-4, SCH-5),
    explosive (SCH-9). Lifts: duration, interference factor and whether it trains the
    legs (PHY-1), heavy lower (SCH-4), upper-body (SCH-5), explosive (SCH-9), muscle
    groups (SCH-7). Both: modality and key (RUN-3's best slot), quality run (SCH-4),
    loaded day (RL-3), race and what a race keeps away (RL-4). A tempo and an interval
    run of the same length thus differ in nothing the placement weighs.
    """
    if spec.is_run and isinstance(spec.kind, RunKind):
        factor: object = run_intensity_factor(run_kind=spec.kind)
    elif spec.is_lift and isinstance(spec.kind, LiftKind):
        legs = MuscleGroup.LEGS in spec.muscle_groups
        factor = (
            lift_factor(lift_kind=spec.kind, lift_trains_legs=legs),
            spec.kind is LiftKind.UPPER,
        )
    else:
        factor = spec.kind
    return (
        spec.modality,
        spec.duration_min,
        spec.muscle_groups,
        spec.key,
        spec.is_explosive,
        spec.is_hard_run,
        spec.is_heavy_lower,
        is_quality_run(spec),
        loads_the_day(spec),
        is_race(spec),
        spoils_a_race(spec),
        factor,
    )


def _interchangeable(first: Item, second: Item) -> bool:
    """Two free sessions that every rule and preference treats alike (``_rule_signature``)."""
    return (
        not first.fixed
        and not second.fixed
        and first.starts == second.starts
        and first.previous_min is None
        and second.previous_min is None
        and first.preferred_min_of_day is None
        and second.preferred_min_of_day is None
        and first.spec.combined_with is None
        and second.spec.combined_with is None
        and first.boundary == second.boundary
        and _rule_signature(first.spec) == _rule_signature(second.spec)
    )


_NOT_IN_KEY = frozenset({"id", "title", "combined_with"})


def model_key(prepared: Prepared) -> tuple[object, ...]:
    """Everything the model of ``prepared`` is built from, with session ids and titles left out.

    Two weeks with equal keys have the same model variable for variable, so one's
    optimal solution (elapsed starts, blocks, term values) is the other's: the
    context, the local midnights of the week (a clock change shifts them), the
    combined blocks by position, and per session every field but its id and title,
    its fixed start, its allowed starts (windows, commitments and the neighbouring
    weeks' sessions are all in them), its previous start, its preferred start and the
    price of each start against the neighbouring weeks' sessions, and what those
    sessions hold on the days around the week (``Prepared.outside``).
    """
    position = {item.id: item.index for item in prepared.items}
    sessions = tuple(
        (
            *(getattr(item.spec, f.name) for f in fields(item.spec) if f.name not in _NOT_IN_KEY),
            None if item.spec.combined_with is None else position.get(item.spec.combined_with),
            item.fixed_min,
            item.fixed_day,
            item.starts,
            item.start_days,
            item.previous_min,
            item.preferred_min_of_day,
            item.boundary,
        )
        for item in prepared.items
    )
    midnights = tuple(prepared.clock.midnight_min(day) for day in range(DAYS_PER_WEEK + 1))
    return (prepared.request.context, midnights, prepared.linked, prepared.outside, sessions)


def build(prepared: Prepared, *, diagnose: bool = False, objective: bool = True) -> PlacementModel:
    """The model of ``prepared`` with every rule, and the objective when asked."""
    m = PlacementModel(prepared, diagnose=diagnose, soft=objective)
    m.build_pairs(constraints.GAP_CUTS)
    for add in constraints.RULES:
        m.add_terms(add(m))
    if objective:
        days.bound(m)
    if not diagnose:
        # Interchangeable sessions start in input order: fewer equivalent placements to prove.
        for n, first in enumerate(m.items):
            for second in m.items[n + 1 :]:
                if first.starts and _interchangeable(first, second):
                    m.model.add(m.k[first.index] < m.k[second.index])
                    break
    if objective:
        for add in constraints.EXTRAS:
            m.add_terms(add(m))
        m.set_objective()
    return m


def add_hints(m: PlacementModel, starts: Mapping[int, int]) -> None:
    """Offer the solver a first guess: an elapsed start per item index.

    A guess that is not one of the item's allowed starts is moved to the nearest
    allowed start of its local day (earlier on a tie), or dropped when that day
    has none. Hints only speed up the search: the model and its optimum stay the
    same.
    """
    for index, wanted in sorted(starts.items()):
        item = m.items[index]
        if item.fixed or m.diagnose:
            continue
        wanted_day = m.prepared.clock.day_of(wanted)
        allowed = [
            start
            for start, day in zip(item.starts, item.start_days, strict=True)
            if day == wanted_day
        ]
        if not allowed:
            continue
        start = min(allowed, key=lambda value: (abs(value - wanted), value))
        m.model.add_hint(m.k[index], start // m.unit_min)
        for day, lit in m.x[index].items():
            if not isinstance(lit, bool):
                m.model.add_hint(lit, day == wanted_day)


def solve(
    m: PlacementModel,
    *,
    time_limit_s: float,
    assumptions: Iterable[tuple[RuleId, int | None]] | None = None,
) -> Outcome:
    """Solve ``m`` with one worker, a fixed seed and ``time_limit_s``."""
    m.model.clear_assumptions()
    if assumptions is not None:
        m.model.add_assumptions([m.assumptions[key] for key in assumptions])
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = RANDOM_SEED
    solver.parameters.max_time_in_seconds = time_limit_s
    for name, value in SEARCH_PARAMETERS.items():
        setattr(solver.parameters, name, value)
    status = solver.solve(m.model)
    wall = float(solver.wall_time)
    if status == cp_model.INFEASIBLE:
        core: tuple[tuple[RuleId, int | None], ...] = ()
        if assumptions is not None:
            by_index = {lit.index: key for key, lit in m.assumptions.items()}
            core = tuple(
                sorted(
                    (by_index[i] for i in solver.sufficient_assumptions_for_infeasibility()),
                    key=lambda key: (key[0], -1 if key[1] is None else key[1]),
                )
            )
        return Outcome(status=Status.INFEASIBLE, solution=None, core=core, wall_time_s=wall)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return Outcome(status=Status.UNKNOWN, solution=None, core=(), wall_time_s=wall)
    starts = {}
    for item in m.items:
        if item.fixed_min is not None:
            starts[item.index] = item.fixed_min
        else:
            starts[item.index] = int(solver.value(m.k[item.index])) * m.unit_min
    blocks = frozenset(
        key
        for key, lit in m.blocks.items()
        if lit is True or (not isinstance(lit, bool) and solver.boolean_value(lit))
    )
    values = tuple(
        (
            term,
            int(term.expr) if isinstance(term.expr, bool | int) else int(solver.value(term.expr)),
        )
        for term in m.terms
    )
    return Outcome(
        status=Status.OPTIMAL if status == cp_model.OPTIMAL else Status.FEASIBLE,
        solution=Solution(starts=starts, blocks=blocks, values=values),
        core=(),
        wall_time_s=wall,
    )
