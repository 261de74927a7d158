"""Properties of ``monitor`` that hold for any log: load is conserved, statuses and counts agree."""

from __future__ import annotations

import math
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from monitoring_builders import START, ZONE, at, make_plan

from runlift.domain.activities import Activity
from runlift.tracking.monitoring import LogActivity, monitor
from runlift.vocabulary import ActivityFormat, SessionStatus, Sport

PLAN = make_plan(weeks=6)

entries = st.tuples(
    st.integers(min_value=-10, max_value=45),  # day from the plan's start
    st.integers(min_value=5, max_value=21),  # hour
    st.sampled_from([Sport.RUN, Sport.RUN, Sport.CYCLING, Sport.WALKING, Sport.STRENGTH]),
    st.integers(min_value=10, max_value=120),  # minutes
    st.none() | st.integers(min_value=1, max_value=10),  # session RPE
)


def _log(rows: list[tuple[int, int, Sport, int, int | None]]) -> list[LogActivity]:
    return [
        LogActivity(
            key=key,
            activity=Activity(
                sport=sport,
                # A second apart: no two activities share a start.
                start=at(START + timedelta(days=day), hour) + timedelta(seconds=key),
                elapsed_s=minutes * 60,
                moving_s=minutes * 60,
                distance_m=minutes / 6 * 1000 if sport is Sport.RUN else None,
                source=ActivityFormat.MANUAL,
            ),
            rpe=rpe,
        )
        for key, (day, hour, sport, minutes, rpe) in enumerate(rows)
    ]


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(entries, max_size=25), today=st.integers(min_value=0, max_value=48))
def test_load_is_conserved_and_counts_agree(
    rows: list[tuple[int, int, Sport, int, int | None]], today: int
) -> None:
    day = START + timedelta(days=today)
    result = monitor(plan=PLAN, activities=_log(rows), today=day, zone=ZONE)
    # Every activity up to today is in the series, once, at minutes x RPE.
    assert math.isclose(
        sum(result.actual_load_au.values()),
        sum(load.load_au for load in result.activity_loads),
        rel_tol=1e-9,
        abs_tol=1e-9,
    )
    assert all(load.day <= day for load in result.activity_loads)
    assert all(math.isclose(x.load_au, x.minutes * x.rpe) for x in result.activity_loads)
    assert max(result.actual_load_au) == day
    # The ratio waits for 28 days of series.
    if result.load.history_days < 28:
        assert result.load.acwr is None
    else:
        assert (result.load.acwr is None) == (result.load.chronic_au == 0)
    # A session is done exactly when an activity of its modality fulfils it.
    fulfilled = set(result.matches.values())
    assert len(fulfilled) == len(result.matches)
    for record in result.records:
        done = record.status in {SessionStatus.DONE, SessionStatus.PARTIAL}
        assert done == (record.session.scheduled.id in fulfilled)
        if record.status is SessionStatus.PLANNED:
            assert record.session.scheduled.local_date >= day
    # Only runs and lifts fulfil sessions; the rest are extras.
    sports = {load.key: load.sport for load in result.activity_loads}
    assert all(sports[key] in {Sport.RUN, Sport.STRENGTH} for key in result.matches)
    assert set(result.extras) | set(result.matches) == set(sports)
    for week in result.weeks:
        assert week.done + week.partial + week.missed + week.to_come == week.planned
        assert week.adherence is None or 0 <= week.adherence <= 1
