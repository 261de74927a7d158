"""RL-1: at most ``max_runs_per_day`` runs and ``max_lifts_per_day`` lifts on one local date.

runlift's own rule: a second run on a day (a double) suits only runners of high
weekly mileage, and a second lift on a day is never planned. Every session
counts on the local date it starts, all-day sessions and sessions with a fixed
start (a race) included. The two parts of a combined block (SCH-6) are one run
and one lift, so a block counts once in each modality and needs no exemption.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.conventions import RL_1 as RULE
from runlift.rules.model import Violation
from runlift.rules.timing import alternative_day, by_date, local_date
from runlift.rules.wording import day_name, day_text, quoted
from runlift.vocabulary import Modality

PARAMETER = {Modality.RUN: "max_runs_per_day", Modality.LIFT: "max_lifts_per_day"}
"""The parameter that bounds each modality."""


def most_per_day(modality: Modality, context: WeekContext) -> int:
    """Most sessions of ``modality`` allowed to start on one local date."""
    return round(RULE.param(PARAMETER[modality], context.profile))


def _crowded(
    sessions: Sequence[ScheduledSession], context: WeekContext
) -> Iterator[tuple[date, Modality, list[ScheduledSession], int]]:
    """(date, modality, its sessions that day, the limit) for every date over a limit."""
    for day, group in by_date(sessions, context).items():
        for modality in Modality:
            same = [s for s in group if s.spec.modality is modality]
            most = most_per_day(modality, context)
            if len(same) > most:
                yield day, modality, same, most


def _importance(session: ScheduledSession) -> tuple[bool, bool, int]:
    """Sort key, most important first: key sessions, then hard runs, then longer ones."""
    return (not session.spec.key, not session.spec.is_hard_run, -session.spec.duration_min)


def _fix(
    *,
    movers: Sequence[ScheduledSession],
    kept: ScheduledSession,
    modality: Modality,
    most: int,
    sessions: Sequence[ScheduledSession],
    context: WeekContext,
) -> str:
    """Advice that moves each extra session to a day with room, or drops it."""
    taken = Counter(local_date(s, context) for s in sessions if s.spec.modality is modality)
    parts = []
    for mover in movers:
        target = alternative_day(mover, context, lambda d: taken[d] < most)
        if target is None:
            parts.append(f"drop {quoted(mover)} this week or fold it into {quoted(kept)}")
            continue
        taken[target] += 1
        parts.append(f"move {quoted(mover)} to {day_name(target)}")
    return "; ".join(parts)


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a hard violation per local date with too many runs, and per one with too many lifts."""
    for day, modality, same, most in _crowded(sessions, context):
        ranked = sorted(same, key=_importance)
        kept = ranked[:most]
        movers = [s for s in same if all(s is not k for k in kept)]
        unit = f"{modality.value}s"
        yield Violation(
            rule_id=RULE.id,
            sessions=tuple(same),
            measured=len(same),
            limit=most,
            unit=unit,
            text=(
                f"{day_text(day)} has {len(same)} {unit} "
                f"({', '.join(quoted(s) for s in same)}); at most {most} "
                f"{modality.value if most == 1 else unit} a day"
            ),
            fix=_fix(
                movers=movers,
                kept=ranked[0],
                modality=modality,
                most=most,
                sessions=sessions,
                context=context,
            ),
            hard=True,
        )
