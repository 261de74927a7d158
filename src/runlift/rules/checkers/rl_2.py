"""RL-2: a day between lifts that train the legs.

Every pair of lifts that both train the legs and start on consecutive local
dates costs the rule's weight: the legs then lift twice within about a day and
run in between, the fatigue PHY-2 describes. A pair of two heavy-lower lifts
(heavy squats or deadlifts on consecutive days) costs ``heavy_pair_factor``
times as much. Lifts without leg work (an upper body day) may follow any lift.
Two leg lifts on one date are RL-1's to judge. Sunday's lift reaches into next
Monday when a span of weeks is checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta

from runlift.domain.sessions import ScheduledSession, SessionSpec
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.conventions import RL_2 as RULE
from runlift.rules.model import Violation
from runlift.rules.timing import alternative_day, by_date, local_date
from runlift.rules.wording import day_name, day_text, quoted
from runlift.vocabulary import MuscleGroup

_ONE_DAY = timedelta(days=1)


def trains_legs(spec: SessionSpec) -> bool:
    """A lift with the legs among its muscle groups: the sessions RL-2 keeps a day apart."""
    return spec.is_lift and MuscleGroup.LEGS in spec.muscle_groups


def pair_units(first: SessionSpec, second: SessionSpec, context: WeekContext) -> int:
    """Weight units of a pair of leg lifts on consecutive days: more for two heavy ones."""
    if first.is_heavy_lower and second.is_heavy_lower:
        return round(RULE.param("heavy_pair_factor", context.profile))
    return 1


def _leg_lifts(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> dict[date, list[ScheduledSession]]:
    return by_date([s for s in sessions if trains_legs(s.spec)], context)


def _pairs(
    legs: dict[date, list[ScheduledSession]],
) -> Iterator[tuple[ScheduledSession, ScheduledSession]]:
    """(earlier, later) for each pair of leg lifts on consecutive local dates."""
    for day, group in legs.items():
        for later in legs.get(day + _ONE_DAY, []):
            for earlier in group:
                yield earlier, later


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a soft violation for each pair of leg lifts on consecutive dates."""
    legs = _leg_lifts(sessions, context)

    def apart(moving: ScheduledSession) -> Callable[[date], bool]:
        def accept(day: date) -> bool:
            near = (day - _ONE_DAY, day, day + _ONE_DAY)
            return not any(s is not moving for d in near for s in legs.get(d, []))

        return accept

    for earlier, later in _pairs(legs):
        target = alternative_day(later, context, apart(later))
        move = f"move {quoted(later)} to {day_name(target)}" if target is not None else None
        swap = f"make {quoted(later)} an upper-body lift"
        yield Violation(
            rule_id=RULE.id,
            sessions=(earlier, later),
            measured=1,
            limit=2,
            unit="days",
            text=(
                f"{quoted(earlier)} on {day_text(local_date(earlier, context))} and "
                f"{quoted(later)} on {day_text(local_date(later, context))} both train the "
                + ("legs heavy" if pair_units(earlier.spec, later.spec, context) > 1 else "legs")
                + " on consecutive days; leave a day between"
            ),
            fix=f"{move} or {swap}" if move is not None else swap,
            hard=False,
        )


def penalty(sessions: Sequence[ScheduledSession], context: WeekContext) -> int:
    """Weight x pairs of leg-training lifts on consecutive local dates (heavy pairs count more)."""
    return (RULE.weight or 0) * sum(
        pair_units(earlier.spec, later.spec, context)
        for earlier, later in _pairs(_leg_lifts(sessions, context))
    )
