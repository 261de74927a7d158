"""SCH-9: explosive work is done fresh, never after a run on the same day.

An explosive session (``SessionSpec.is_explosive``) may not start after another
session that is a run and starts on the same local date.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from runlift.domain.sessions import ScheduledSession
from runlift.domain.week import WeekContext
from runlift.rules.catalogue.scheduling import SCH_9 as RULE
from runlift.rules.model import Violation
from runlift.rules.timing import alternative_day, by_date, elapsed_s, modalities, timed
from runlift.rules.wording import day_name, day_text, end_by, quoted, shifted
from runlift.vocabulary import Modality


def check(sessions: Sequence[ScheduledSession], context: WeekContext) -> Iterator[Violation]:
    """Yield a hard violation for each explosive session that starts after a same-day run."""
    dates = by_date(sessions, context)
    for day, group in by_date(timed(sessions), context).items():
        for explosive in (s for s in group if s.spec.is_explosive):
            runs_before = [
                s
                for s in group
                if s.spec.is_run and s.id != explosive.id and s.start < explosive.start
            ]
            if not runs_before:
                continue
            first_run = runs_before[0]
            latest = shifted(first_run.start, seconds=-elapsed_s(explosive.start, explosive.end))
            target = alternative_day(
                explosive,
                context,
                lambda d: Modality.RUN not in modalities(dates.get(d, [])),
            )
            move = f"move it to {day_name(target)}, or " if target is not None else ""
            yield Violation(
                rule_id=RULE.id,
                sessions=(*runs_before, explosive),
                measured=len(runs_before),
                limit=0,
                unit="runs before",
                text=(
                    f"explosive {quoted(explosive)} starts after the run {quoted(first_run)} "
                    f"on {day_text(day)}; explosive work needs fresh legs"
                ),
                fix=f"{move}{end_by(explosive, latest, context)} so it ends before the run",
                hard=True,
            )
