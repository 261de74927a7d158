"""Builds the week's CP-SAT model from the constraint modules and solves it deterministically.

One worker, a fixed random seed and an explicit time limit: the same request
gives the same placement on every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from ortools.sat.python import cp_model

from runlift.planner import constraints
from runlift.planner.model import PlacementModel, Term
from runlift.planner.prepare import Item, Prepared
from runlift.rules.model import RuleId

RANDOM_SEED = 20_160_301
"""Any fixed seed; with one worker it makes the search repeatable."""

SEARCH_PARAMETERS: dict[str, int] = {
    "max_presolve_iterations": 1,
    "cp_model_probing_level": 0,
    "symmetry_level": 0,
    "linearization_level": 0,
}
"""Lighter presolve and no LP relaxation: measured about twice as fast on these small models
(``benchmarks/placement.py``), with the same optimal costs."""


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


def _interchangeable(first: Item, second: Item) -> bool:
    """Two free sessions that every rule and preference treats alike (only ids/titles differ)."""
    a, b = first.spec, second.spec
    return (
        not first.fixed
        and not second.fixed
        and first.starts == second.starts
        and first.previous_min is None
        and second.previous_min is None
        and first.preferred_min_of_day is None
        and second.preferred_min_of_day is None
        and a.combined_with is None
        and b.combined_with is None
        and (a.modality, a.kind, a.duration_min, a.muscle_groups, a.key, a.contains_explosive)
        == (b.modality, b.kind, b.duration_min, b.muscle_groups, b.key, b.contains_explosive)
    )


def build(prepared: Prepared, *, diagnose: bool = False, objective: bool = True) -> PlacementModel:
    """The model of ``prepared`` with every rule, and the objective when asked."""
    m = PlacementModel(prepared, diagnose=diagnose)
    m.build_pairs(constraints.GAP_CUTS)
    for add in constraints.RULES:
        m.add_terms(add(m))
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
