"""runlift's own rules: placement conventions that GUIDELINES.md does not state.

Their IDs start with ``RL-`` so they can never be mistaken for a guideline ID.
Each has a solver-free checker in ``runlift.rules.checkers`` of the same name.
"""

from __future__ import annotations

from runlift.rules.catalogue.scheduling import DOMA_2017
from runlift.rules.model import Rule, RuleId, same_for_all
from runlift.rules.weights import WEIGHTS
from runlift.vocabulary import RuleStrength

DANIELS_2014 = (
    "Daniels 2014, Daniels' Running Formula, 3rd ed., Human Kinetics "
    "(doubles only at high weekly mileage)"
)

RL_1 = Rule(
    id=RuleId("RL-1"),
    title=(
        "Runs and lifts that start on one local date: at most max_runs_per_day runs and at "
        "most max_lifts_per_day lifts (a combined block is one run and one lift; sessions "
        "with a fixed start, such as a race, count)"
    ),
    sources=("runlift convention", DANIELS_2014),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={"max_runs_per_day": same_for_all(1), "max_lifts_per_day": same_for_all(1)},
    weight=None,
)

RATAMESS_2009 = (
    "Ratamess et al. 2009 Med Sci Sports Exerc 41(3):687-708 (ACSM position stand: the same "
    "muscle groups trained on non-consecutive days)"
)
RL_2 = Rule(
    id=RuleId("RL-2"),
    title=(
        "Pairs of lifts that both train the legs and start on consecutive local dates; each "
        "pair costs weight, heavy_pair_factor times as much when both are heavy-lower lifts"
    ),
    sources=(
        "runlift convention",
        "G4 (PHY-2: fatigue left by one session degrades the next)",
        "G1 G2 (SCH-4: the legs carry the running too)",
        RATAMESS_2009,
    ),
    strength=RuleStrength.SOFT,
    category="scheduling",
    parameters={"heavy_pair_factor": same_for_all(3)},
    weight=WEIGHTS[RuleId("RL-2")],
)

FOSTER_1998 = "Foster 1998 Med Sci Sports Exerc 30(7):1164-1168 (training monotony and strain)"
BOWERMAN_1991 = (
    "Bowerman & Freeman 1991, High-Performance Training for Track and Field, 2nd ed., "
    "Leisure Press (hard days alternate with easy days)"
)
SEILER_2010 = "Seiler 2010 Int J Sports Physiol Perform 5(3):276-291"
MUJIKA_PADILLA_2003 = "Mujika & Padilla 2003 Med Sci Sports Exerc 35(7):1182-1187"
BOSQUET_2007 = "Bosquet 2007 Med Sci Sports Exerc 39(8):1358-1365"

RL_3 = Rule(
    id=RuleId("RL-3"),
    title=(
        "Runs of consecutive local dates on which a loaded session starts (a hard run, a long "
        "run, a heavy-lower lift or an explosive lift): each stretch of "
        "max_loaded_days_in_a_row + 1 loaded dates in a row costs weight, across weeks; the "
        "placement avoids them before any other cost"
    ),
    sources=("runlift convention", BOWERMAN_1991, FOSTER_1998, SEILER_2010, "G2 (SCH-5)"),
    strength=RuleStrength.SOFT,
    category="scheduling",
    parameters={"max_loaded_days_in_a_row": same_for_all(2)},
    weight=WEIGHTS[RuleId("RL-3")],
)

RL_4 = Rule(
    id=RuleId("RL-4"),
    title=(
        "Heavy-lower lifts, explosive lifts and hard runs other than the race itself that start "
        "on the local date of a race or on one of the days_before dates before it; none allowed"
    ),
    sources=(
        "runlift convention",
        MUJIKA_PADILLA_2003,
        BOSQUET_2007,
        DOMA_2017,
        "G2 (SCH-4: no run soon after a heavy lower lift)",
    ),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={"days_before": same_for_all(1)},
    weight=None,
)

RULES = (RL_1, RL_2, RL_3, RL_4)
