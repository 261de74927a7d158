"""The demo store: the examples moved into today's plan, with a logged past to look at."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from runlift.services import log_json, log_view
from runlift.services.demo import DEMO_WEEK, moved_profile, seed_demo
from runlift.store.repository import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "athletes"
NOW = datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
"""A Wednesday, months after the examples' own start."""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'demo.db'}") as opened:
        yield opened


@given(today=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)))
def test_a_moved_profile_keeps_its_shape_and_puts_today_in_the_demo_week(today: date) -> None:
    text = (EXAMPLES / "marathon-runner-strength.yaml").read_text(encoding="utf-8")
    before = yaml.safe_load(text)
    after = yaml.safe_load(moved_profile(text, today=today))
    shift = after["start_date"] - before["start_date"]
    assert shift.days % 7 == 0
    assert after["goal"]["race"]["date"] - before["goal"]["race"]["date"] == shift
    assert (
        after["running"]["recent_race"]["date"] - before["running"]["recent_race"]["date"] == shift
    )
    assert after["birth_date"] == before["birth_date"]
    assert after["goal"]["race"]["target_time"] == before["goal"]["race"]["target_time"]
    assert after["day"] == before["day"]
    # The example starts on a Monday: today lies in the plan's demo week.
    assert 7 * (DEMO_WEEK - 1) <= (today - after["start_date"]).days < 7 * DEMO_WEEK


def _weeks(store: Store, athlete_id: str) -> list[dict[str, Any]]:
    return [
        log_json.week_log_document(
            log_view.week_log(store, athlete_id, week_number=number, today=None, now=NOW)
        )
        for number in range(1, DEMO_WEEK + 1)
    ]


def test_the_demo_logs_the_weeks_before_today_and_tells_a_coherent_story(store: Store) -> None:
    names = ("half-marathon-lifter", "general-fitness-3-days")
    profiles = {name: (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8") for name in names}
    logins = seed_demo(store, profiles, now=NOW)
    assert [login.role for login in logins] == [
        "coach of every athlete",
        "Alex Example",
        "Robin Fit",
    ]
    for record in store.athletes():
        weeks = _weeks(store, record.id)
        today = date(2027, 3, 10)
        assert weeks[DEMO_WEEK - 1]["week_start"] <= today.isoformat()
        statuses = [
            (week["week"], row["status"], row["missed_reason"], row["date"])
            for week in weeks
            for row in week["sessions"]
        ]
        # Nothing is logged from today on; everything before is done, partial or missed.
        for _, status, _, day in statuses:
            assert (status == "planned") == (day >= today.isoformat()), (record.name, day, status)
        seen = {status for _, status, _, _ in statuses}
        assert {"done", "partial", "missed"} <= seen
        reasons = {reason for _, status, reason, _ in statuses if status == "missed"}
        assert reasons == {"illness", "time"}
        # The illness is an event of week 2, and its sessions are the ones missed for it.
        (event,) = store.events(record.id)
        ill = [day for week, _, reason, day in statuses if reason == "illness"]
        assert ill
        assert all(
            event.event.first_day.isoformat() <= day <= event.event.last_day.isoformat()
            for day in ill
        )
        assert all(week == 2 for week, _, reason, _ in statuses if reason == "illness")
        # Week 1 went as planned: every session done, near its planned amount.
        first = weeks[0]["sessions"]
        assert all(row["status"] == "done" for row in first)
        assert all(0.9 <= row["done_fraction"] <= 1.1 for row in first)
        # One ride or walk beyond the plan in each past week; none after today.
        assert [len(week["extras"]) for week in weeks[: DEMO_WEEK - 1]] == [1] * (DEMO_WEEK - 1)
        check_ins = store.check_ins(record.id)
        days = (today - date.fromisoformat(str(weeks[0]["week_start"]))).days + 1
        assert 0.6 * days <= len(check_ins) <= days
        assert max(entry.day for entry in check_ins) <= today


def test_the_demo_is_the_same_for_the_same_day(tmp_path: Path) -> None:
    text = (EXAMPLES / "general-fitness-3-days.yaml").read_text(encoding="utf-8")
    documents = []
    for run in ("a", "b"):
        with Store(f"sqlite:///{tmp_path / f'{run}.db'}") as store:
            seed_demo(store, {"robin": text}, now=NOW)
            (record,) = store.athletes()
            weeks = _weeks(store, record.id)
            for week in weeks:
                week["athlete"] = None
            documents.append((weeks, store.check_ins(record.id)))
    assert documents[0] == documents[1]
