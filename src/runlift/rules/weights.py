"""The one table of soft-rule weights: integer penalty per unit, named by rule.

The planner's objective and ``week_cost`` both read these numbers; the relative
sizes say what gives way first (a quality run the day after heavy legs before
a day after a hard run, that before two leg days in a row, that before a shared
lift/run day, and so on). PHY-1 costs one per interference point
(``runlift.science.interference``). The placement counts two heavy-lower lifts on
consecutive days (RL-2) first, then three loaded days in a row (RL-3), ahead of
every other cost (``docs/placement.md``, "Objective").
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from runlift.rules.model import RuleId

WEIGHTS: Final[Mapping[RuleId, int]] = MappingProxyType(
    {
        RuleId("PHY-1"): 1,  # per interference point of each lift/run pair
        RuleId("SCH-1"): 2,  # per whole hour a same-day gap falls short of preferred_gap_h
        RuleId("SCH-2"): 10,  # per local date with both a lift and a run
        RuleId("SCH-3"): 8,  # per date out of priority order (soft only for fat loss, fitness)
        RuleId("SCH-4"): 40,  # per quality run within a day after heavy legs (20 lifting first)
        RuleId("SCH-5"): 30,  # per non-upper session the day after a hard run (60 if loaded)
        RuleId("SCH-8"): 3,  # per pair of consecutive single-modality dates of the same modality
        RuleId("SCH-10"): 40,  # per rest day missing below the guideline's (the athlete's: hard)
        RuleId("RL-2"): 15,  # per pair of leg lifts on consecutive dates (45 both heavy: first)
        RuleId("RL-3"): 50,  # per third loaded day in a row (placed before every other cost)
    }
)
