"""RL-4: nothing hard on race day or the ``days_before`` days before it.

A race is a run of kind ``race``. On its local date and on the ``days_before``
dates before it, no heavy-lower lift (a full-body lift that trains the legs
counts), no explosive lift and no hard run other than the race itself may
start: the athlete arrives fresh. Across weeks (a Monday race protects the
Sunday before).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from runlift.domain.sessions import ScheduledSession, SessionSpec
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.conventions import RL_4 as RULE
from runlift.rules.model import Violation
from runlift.rules.timing import by_date, local_date
from runlift.rules.wording import day_text, quoted
from runlift.vocabulary import RunKind


def is_race(spec: SessionSpec) -> bool:
    """A run of kind ``race``."""
    return spec.is_run and spec.kind is RunKind.RACE


def spoils_a_race(spec: SessionSpec) -> bool:
    """A session RL-4 keeps off race day and the days before: heavy legs, explosive, hard run."""
    if spec.is_lift:
        return spec.is_heavy_lower or spec.is_explosive
    return spec.is_hard_run


def days_before(context: WeekContext) -> int:
    """How many dates before a race are protected."""
    return round(RULE.param("days_before", context.profile))


def protected_offsets(context: WeekContext) -> range:
    """Days from a protected date to the race: 0 (race day) to ``days_before``."""
    return range(days_before(context) + 1)


def _offenders(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> Iterator[tuple[ScheduledSession, ScheduledSession, date]]:
    """(race, offending session, race date) for each session on a protected date."""
    dates = by_date(sessions, context)
    races = [s for s in sessions if is_race(s.spec)]
    for race in sorted(races, key=lambda s: (s.start, s.id)):
        race_day = local_date(race, context)
        for offset in protected_offsets(context):
            for session in dates.get(race_day - timedelta(days=offset), []):
                if session is not race and spoils_a_race(session.spec):
                    yield race, session, race_day


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a hard violation per hard session on race day or the days before."""
    for race, session, race_day in _offenders(sessions, context):
        when = local_date(session, context)
        what = "a heavy lower or explosive lift" if session.spec.is_lift else "a hard run"
        offset = (race_day - when).days
        relation = {0: "on the day of", 1: "the day before"}.get(offset, f"{offset} days before")
        latest = race_day - timedelta(days=days_before(context) + 1)
        yield Violation(
            rule_id=RULE.id,
            sessions=(session, race),
            measured=offset,
            limit=days_before(context) + 1,
            unit="days before the race",
            text=(
                f"{quoted(session)} on {day_text(when)} is {what} {relation} the race "
                f"{quoted(race)} ({day_text(race_day)}); the legs should arrive fresh"
            ),
            fix=(
                f"move {quoted(session)} to {day_text(latest)} or earlier, or make it easy "
                "(an easy run or an upper-body lift)"
            ),
            hard=True,
        )
