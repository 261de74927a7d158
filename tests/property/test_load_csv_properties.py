"""Any well-formed session CSV reads back to the daily sums of its sessions."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runlift.io.load_csv import read_daily_loads

START = date(2023, 12, 25)

sessions = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=90),
        st.integers(min_value=1, max_value=240),
        st.integers(min_value=0, max_value=20).map(lambda half_points: half_points / 2),
    ),
    min_size=1,
    max_size=40,
)


@given(rows=sessions, line_end=st.sampled_from(["\n", "\r\n"]), bom=st.booleans())
def test_session_csv_round_trip(
    rows: list[tuple[int, int, float]], line_end: str, bom: bool
) -> None:
    lines = ["date,duration_min,rpe"] + [
        f"{(START + timedelta(days=day)).isoformat()},{minutes},{rpe}" for day, minutes, rpe in rows
    ]
    text = ("\ufeff" if bom else "") + line_end.join(lines) + line_end
    expected: defaultdict[int, float] = defaultdict(float)
    for day, minutes, rpe in rows:
        expected[day] += minutes * rpe
    first, last = min(expected), max(expected)

    loads = read_daily_loads(text)

    assert loads.start == START + timedelta(days=first)
    assert len(loads.loads_au) == last - first + 1
    for offset, load_au in enumerate(loads.loads_au):
        assert load_au == pytest.approx(expected.get(first + offset, 0.0), rel=1e-12)
