"""The adaptation service as the web app calls it: preview, accept, and a session moved by hand.

The ten-kilometre runner of ``tests/fixtures/athletes/ten-k-runner.yaml`` runs Thursday
06:30 (threshold), Saturday 08:00 (long) and Sunday 08:00 (easy) in week 3 (21-27 Dec
2026); windows Mon/Wed/Fri 18:00-19:30, Tue/Thu 06:30-07:30, Sat/Sun 08:00-11:00.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from golden_builders import TEN_K, by_id, do_until, stored

from runlift.domain.log import TrainingEvent
from runlift.errors import InvalidInput, StoreError
from runlift.services import adaptation
from runlift.services.adaptation import calendar_continuity
from runlift.store.repository import Store
from runlift.vocabulary import EventKind

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 12, 21)
SUNDAY = date(2026, 12, 27)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'runlift.db'}") as opened:
        yield opened


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def versions(store: Store, athlete: str) -> list[int]:
    return [v.version for v in store.plan_versions(athlete)]


def missed_long_run(store: Store) -> str:
    """The runner, every session before Sunday 27 Dec done but Saturday's long run."""
    athlete = stored(store, TEN_K)
    do_until(store, athlete, SUNDAY, skip=("w03-run2",))
    return athlete


def test_a_preview_stores_nothing_and_accept_stores_what_it_showed(store: Store) -> None:
    athlete = missed_long_run(store)
    shown = adaptation.preview(store, athlete, now=at(SUNDAY, 6))
    assert shown.to_version is None
    assert versions(store, athlete) == [1]
    assert {(r["session_id"], r["change"]) for r in shown.records} == {
        ("w03-run2-makeup", "added"),
        ("w03-run3", "dropped"),
    }
    taken = adaptation.accept(
        store, athlete, from_version=1, digest=shown.digest, now=at(SUNDAY, 6, 5)
    )
    assert taken.to_version == 2
    assert taken.records == shown.records
    assert versions(store, athlete) == [1, 2]
    stored_changes = store.plan_version(athlete).changes
    assert json.loads(json.dumps(stored_changes)) == json.loads(json.dumps(shown.records))


def test_accept_refuses_a_preview_the_plan_has_moved_past(store: Store) -> None:
    athlete = missed_long_run(store)
    shown = adaptation.preview(store, athlete, now=at(SUNDAY, 6))
    adaptation.adapt(store, athlete, now=at(SUNDAY, 6))  # someone else adapted meanwhile
    with pytest.raises(StoreError, match="preview the adaptation again"):
        adaptation.accept(store, athlete, from_version=1, digest=shown.digest, now=at(SUNDAY, 7))
    assert versions(store, athlete) == [1, 2]


def test_accept_refuses_a_digest_that_is_not_the_decision(store: Store) -> None:
    athlete = missed_long_run(store)
    with pytest.raises(StoreError):
        adaptation.accept(store, athlete, from_version=1, digest="0" * 16, now=at(SUNDAY, 6))
    assert versions(store, athlete) == [1]


def test_accepting_nothing_to_change_stores_nothing(store: Store) -> None:
    athlete = stored(store, TEN_K)
    do_until(store, athlete, MONDAY)
    shown = adaptation.preview(store, athlete, now=at(MONDAY, 6))
    assert shown.records == ()
    taken = adaptation.accept(
        store, athlete, from_version=1, digest=shown.digest, now=at(MONDAY, 6)
    )
    assert taken.to_version is None
    assert versions(store, athlete) == [1]


def test_a_coach_moves_the_tempo_run_to_a_free_evening(store: Store) -> None:
    athlete = stored(store, TEN_K)
    do_until(store, athlete, MONDAY)
    before = by_id(store, athlete)
    moved = adaptation.move_session(
        store, athlete, "w03-run1", start=at(date(2026, 12, 23), 18), now=at(MONDAY, 6)
    )
    assert moved.accepted
    assert moved.refusal_text == ""
    assert moved.warnings == ()
    assert moved.to_version == 2
    assert moved.record is not None
    assert moved.record["change"] == "moved"
    assert moved.record["before"]["start"] == "2026-12-24T06:30:00+01:00"
    assert moved.record["after"]["start"] == "2026-12-23T18:00:00+01:00"
    assert moved.record["after"]["end"] == "2026-12-23T18:45:00+01:00"
    after = by_id(store, athlete)
    assert after["w03-run1"].prescription == before["w03-run1"].prescription
    assert {k: v for k, v in after.items() if k != "w03-run1"} == {
        k: v for k, v in before.items() if k != "w03-run1"
    }
    # The calendar updates the same event: SEQUENCE 1 for the moved one, none for others.
    assert calendar_continuity(store, athlete, 2).sequences == {"w03-run1": 1}
    # The next adapt keeps the coach's move: no rule asks to undo it.
    again = adaptation.adapt(store, athlete, now=at(MONDAY, 7))
    assert again.to_version is None


def test_a_move_the_rule_checkers_refuse_says_why_and_stores_nothing(store: Store) -> None:
    athlete = stored(store, TEN_K)
    do_until(store, athlete, MONDAY)
    # The long run at 09:00 on Sunday, after the easy run: two runs in a day (RL-1).
    refused = adaptation.move_session(
        store, athlete, "w03-run2", start=at(SUNDAY, 9), now=at(MONDAY, 6)
    )
    assert not refused.accepted
    assert refused.to_version is None
    assert [r.split(":")[0] for r in refused.refusals] == ["RL-1"]
    assert refused.refusal_text.startswith("The session cannot move there: RL-1: Sun")
    assert "at most 1 run a day" in refused.refusal_text
    assert refused.as_json()["accepted"] is False
    # At 08:00 it also overlaps the easy run.
    overlapping = adaptation.move_session(
        store, athlete, "w03-run2", start=at(SUNDAY, 8), now=at(MONDAY, 6)
    )
    assert "it overlaps 'Easy 6.6 km' (Sun 27 Dec 08:00-08:45)" in overlapping.refusals
    # Tuesday 21:00 is outside the athlete's only Tuesday window.
    late = adaptation.move_session(
        store, athlete, "w03-run1", start=at(date(2026, 12, 22), 21), now=at(MONDAY, 6)
    )
    assert late.refusals == (
        "Tue 22 Dec 21:00-21:45 is outside the athlete's windows of the day (06:30-07:30)",
    )
    assert versions(store, athlete) == [1]


def test_a_move_onto_a_day_of_illness_is_refused(store: Store) -> None:
    athlete = stored(store, TEN_K)
    do_until(store, athlete, MONDAY)
    store.add_event(
        athlete,
        TrainingEvent(
            kind=EventKind.ILLNESS, first_day=date(2026, 12, 23), last_day=date(2026, 12, 23)
        ),
    )
    refused = adaptation.move_session(
        store, athlete, "w03-run1", start=at(date(2026, 12, 23), 18), now=at(MONDAY, 6)
    )
    assert refused.refusals[0].startswith("RL-8: Wed 23 Dec is a day of illness")


def test_a_move_the_soft_rules_frown_on_is_made_with_a_warning(store: Store) -> None:
    athlete = stored(store, TEN_K)
    do_until(store, athlete, MONDAY)
    # Friday evening's threshold run the day before Saturday's long run: SCH-5 is soft.
    moved = adaptation.move_session(
        store,
        athlete,
        "w03-run1",
        start=at(date(2026, 12, 25), 18),
        now=at(MONDAY, 6),
        dry_run=True,
    )
    assert moved.accepted
    assert moved.to_version is None
    assert [w.split(":")[0] for w in moved.warnings] == ["SCH-5"]
    assert versions(store, athlete) == [1]


def test_the_past_the_race_and_a_start_gone_by_do_not_move(store: Store) -> None:
    athlete = stored(store, TEN_K)
    do_until(store, athlete, MONDAY)
    now = at(MONDAY, 6)
    with pytest.raises(InvalidInput, match="not yet done"):
        adaptation.move_session(store, athlete, "w02-run1", start=at(MONDAY, 18), now=now)
    race = next(k for k, s in by_id(store, athlete).items() if s.scheduled.spec.kind == "race")
    with pytest.raises(InvalidInput, match="race"):
        adaptation.move_session(store, athlete, race, start=at(MONDAY, 18), now=now)
    with pytest.raises(InvalidInput, match="start"):
        adaptation.move_session(
            store, athlete, "w03-run1", start=datetime(2026, 12, 21, 4, tzinfo=UTC), now=now
        )
    with pytest.raises(InvalidInput, match="session of the current plan"):
        adaptation.move_session(store, athlete, "w99-run9", start=at(MONDAY, 18), now=now)
    assert versions(store, athlete) == [1]
