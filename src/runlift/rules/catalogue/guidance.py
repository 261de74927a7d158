"""The five guidance documents every ``G1``-``G5`` source of a rule refers to.

Each is a coaching text on combining running and lifting; GUIDELINES.md draws its
rules from them. One line each says, in runlift's own words, what the document covers,
so that a source cited in ``runlift rules``, ``runlift explain``, ``runlift lint``
and the report can be looked up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final


@dataclass(frozen=True, slots=True, kw_only=True)
class GuidanceSource:
    """One guidance document.

    Attributes:
        id: ``G1`` to ``G5``, as rules cite it.
        title: the document's title.
        summary: what it covers, in one line.
    """

    id: str
    title: str
    summary: str


GUIDANCE: Final[Mapping[str, GuidanceSource]] = MappingProxyType(
    {
        source.id: source
        for source in (
            GuidanceSource(
                id="G1",
                title="How to build muscle while running",
                summary=(
                    "gaining muscle while training to run: why endurance signalling (AMPK) "
                    "brakes muscle building (mTOR), lifts and runs 6-8 h apart or on other "
                    "days, heavy compound lifts of 6-12 reps near failure, a 250-500 kcal "
                    "surplus with 1.6-2.2 g/kg of protein and plenty of carbohydrate"
                ),
            ),
            GuidanceSource(
                id="G2",
                title="Keeping muscle while running",
                summary=(
                    "holding on to muscle as a runner: sessions 4-6 h apart or on separate "
                    "days, the lift before a hard run, 70-85 % of 1RM for 3-8 reps with long "
                    "rests, fewer long slow runs and one or two short intense ones a week"
                ),
            ),
            GuidanceSource(
                id="G3",
                title="Combining running and lifting",
                summary=(
                    "concurrent training for all-round fitness: why the two compete, at "
                    "least 4-6 h between them, blocks that alternate their focus, rest and "
                    "sleep, and the gains for body composition and metabolic health"
                ),
            ),
            GuidanceSource(
                id="G4",
                title="Concurrent training: sequencing running and resistance exercise",
                summary=(
                    "which comes first by goal (lifting for strength and muscle, running for "
                    "endurance), 6-24 h between them, 10-20 min between the parts of one "
                    "session, glycogen and fatigue carried over, deloads and listening to "
                    "the body"
                ),
            ),
            GuidanceSource(
                id="G5",
                title="Strength training for runners",
                summary=(
                    "a physiotherapy practice's case for lifting as a runner: heavy and "
                    "explosive work improves economy and speed (Rønnestad & Mujika 2014; "
                    "Blagrove 2018), with hops, calf raises, split and eccentric squats and "
                    "banded hip and ankle work two or three times a week"
                ),
            ),
        )
    }
)
"""Every guidance document by its ID."""
