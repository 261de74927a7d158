"""SCH-9: an explosive session never starts after a run on the same day."""

from __future__ import annotations

from runlift.placement.model import PlacementModel, Term
from runlift.rules.catalogue.scheduling import SCH_9 as RULE


def add(m: PlacementModel) -> list[Term]:
    """For each explosive session and each other run: same day implies explosive first."""
    for explosive in (i for i in m.items if i.spec.is_explosive):
        for run in m.runs():
            if run.index == explosive.index:
                continue
            same_day = m.same_day(explosive, run)
            if same_day is False:
                continue
            m.forbid(
                [same_day, m.before(run, explosive)],
                m.guard(RULE.id, explosive.index, run.index),
            )
    return []
