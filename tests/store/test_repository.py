"""The store's operations on both backends: athletes, plan versions, check-ins, events, marks."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import update
from store_builders import NOW, example

from runlift.domain.log import CheckIn, MissedSession, TrainingEvent
from runlift.domain.sessions import SessionId
from runlift.domain.week import TimeWindow
from runlift.errors import InvalidInput, StoreError
from runlift.services import planning
from runlift.store.repository import Store, athlete_id_from_name, check_athlete_id
from runlift.store.tables import PlanVersionRow
from runlift.vocabulary import EventKind, MissReason, Weekday


def _add(store: Store, name: str = "half-marathon-lifter", athlete_id: str = "alex") -> None:
    text, result = example(name)
    store.add_athlete(
        athlete_id=athlete_id,
        profile=result.profile,
        profile_yaml=text,
        plan=result.plan,
        nutrition=result.nutrition,
        now=NOW,
    )


def test_a_stored_plan_version_comes_back_exactly_and_exports_the_same_files(
    store_url: str,
) -> None:
    text, result = example("half-marathon-lifter")
    with Store(store_url) as store:
        _add(store)
        athlete = store.athlete("alex")
        assert athlete.name == result.profile.name
        assert athlete.profile_yaml == text
        assert athlete.current_version == 1
        stored = store.plan_version("alex")
    assert stored.version == 1
    assert stored.valid_from == result.plan.start
    assert stored.created_at == NOW
    assert stored.plan == result.plan
    assert stored.profile == result.profile
    with Store(store_url) as store:
        nutrition = store.nutrition("alex", 1)
    assert nutrition == result.nutrition
    again = planning.PlanResult(profile=stored.profile, plan=stored.plan, nutrition=nutrition)
    assert planning.plan_files(again) == planning.plan_files(result)


def test_plan_versions_are_numbered_kept_and_never_changed(store_url: str) -> None:
    _, result = example("half-marathon-lifter")
    with Store(store_url) as store:
        _add(store)
        shorter = dataclasses.replace(result.plan, weeks=result.plan.weeks[:4])
        number = store.add_plan_version(
            "alex",
            profile=result.profile,
            plan=shorter,
            nutrition=result.nutrition[:28],
            valid_from=result.plan.weeks[1].start,
            reason="test",
            changes=[{"session_id": "w02-run1", "change": "moved"}],
            now=NOW + timedelta(days=8),
        )
        assert number == 2
        assert store.athlete("alex").current_version == 2
        assert store.plan_version("alex").plan == shorter
        assert store.plan_version("alex").changes == (
            {"session_id": "w02-run1", "change": "moved"},
        )
        assert store.plan_version("alex", 1).plan == result.plan
        assert store.plan_changes("alex") == (
            (1, ()),
            (2, ({"change": "moved", "session_id": "w02-run1"},)),
        )
        assert store.plan_changes("alex", up_to=1) == ((1, ()),)
        summaries = store.plan_versions("alex")
        assert [(s.version, s.current, s.reason) for s in summaries] == [
            (1, False, "first plan"),
            (2, True, "test"),
        ]
        with pytest.raises(StoreError, match="versions are 1 to 2"):
            store.plan_version("alex", 3)
        with store.database.transaction() as session:
            row = session.get(PlanVersionRow, ("alex", 1))
            assert row is not None
            row.reason = "rewritten"
            with pytest.raises(StoreError, match="never changed"):
                session.flush()
            session.rollback()
        assert store.plan_version("alex", 1).reason == "first plan"


def test_adding_an_athlete_twice_changes_nothing(store_url: str) -> None:
    with Store(store_url) as store:
        _add(store)
        with pytest.raises(StoreError, match="already stored"):
            _add(store, "general-fitness-3-days")
        assert [a.id for a in store.athletes()] == ["alex"]
        assert store.plan_version("alex").plan == example("half-marathon-lifter")[1].plan
        assert [s.version for s in store.plan_versions("alex")] == [1]
        assert store.free_athlete_id("alex") == "alex-2"
        assert store.free_athlete_id("gina") == "gina"


def test_the_athlete_may_be_left_out_while_only_one_is_stored(store_url: str) -> None:
    with Store(store_url) as store:
        with pytest.raises(StoreError, match="holds no athlete"):
            store.athlete(None)
        _add(store)
        assert store.athlete(None).id == "alex"
        _add(store, "general-fitness-3-days", athlete_id="gina")
        with pytest.raises(StoreError, match="say which with --athlete"):
            store.athlete(None)
        with pytest.raises(StoreError, match=r"no athlete 'nobody'.*alex, gina"):
            store.athlete("nobody")
        assert [a.id for a in store.athletes()] == ["alex", "gina"]


def test_check_ins_merge_answers_by_day(store_url: str) -> None:
    day = date(2026, 12, 9)
    with Store(store_url) as store:
        _add(store)
        store.save_check_in("alex", CheckIn(day=day, sleep_h=6.5, soreness=4))
        merged = store.save_check_in("alex", CheckIn(day=day, mood=2, resting_hr_bpm=52))
        store.save_check_in("alex", CheckIn(day=day + timedelta(days=1), mass_kg=63.8))
        assert merged == CheckIn(day=day, sleep_h=6.5, soreness=4, mood=2, resting_hr_bpm=52)
        assert [c.day for c in store.check_ins("alex")] == [day, day + timedelta(days=1)]
        assert store.check_ins("alex", first=day + timedelta(days=1))[0].mass_kg == 63.8
        assert store.check_ins("alex", last=day - timedelta(days=1)) == ()
        with pytest.raises(StoreError, match="no athlete"):
            store.save_check_in("nobody", CheckIn(day=day, sleep_h=8))


def test_events_keep_their_travel_windows_and_equipment(store_url: str) -> None:
    travel = TrainingEvent(
        kind=EventKind.TRAVEL,
        first_day=date(2027, 1, 11),
        last_day=date(2027, 1, 14),
        note="conference",
        availability={Weekday.TUE: (TimeWindow(start=time(6, 30), end=time(7, 30)),)},
        equipment=frozenset({"dumbbells", "bands"}),
    )
    illness = TrainingEvent(
        kind=EventKind.ILLNESS, first_day=date(2027, 1, 2), last_day=date(2027, 1, 6)
    )
    with Store(store_url) as store:
        _add(store)
        first = store.add_event("alex", travel)
        second = store.add_event("alex", illness)
        stored = store.events("alex")
    assert [s.id for s in stored] == [second, first]
    assert [s.event for s in stored] == [illness, travel]


def test_missed_sessions_are_marked_and_unmarked(store_url: str) -> None:
    at = datetime(2026, 12, 9, 20, tzinfo=UTC)
    with Store(store_url) as store:
        _add(store)
        store.mark_missed(
            "alex",
            MissedSession(session_id=SessionId("w01-run1"), reason=MissReason.TIME, marked_at=at),
        )
        store.mark_missed(
            "alex",
            MissedSession(
                session_id=SessionId("w01-run1"), reason=MissReason.ILLNESS, marked_at=at
            ),
        )
        assert [(m.session_id, m.reason) for m in store.missed("alex")] == [
            ("w01-run1", MissReason.ILLNESS)
        ]
        store.unmark_missed("alex", "w01-run1")
        assert store.missed("alex") == ()


def test_a_failed_transaction_stores_nothing(store_url: str) -> None:
    with Store(store_url) as store:
        _add(store)

        def interrupted() -> None:
            with store.database.transaction() as session:
                session.execute(
                    update(PlanVersionRow.__table__)  # type: ignore[arg-type]
                    .where(PlanVersionRow.athlete_id == "alex")
                    .values(reason="half-done")
                )
                raise RuntimeError("interrupted")

        with pytest.raises(RuntimeError):
            interrupted()
        assert store.plan_version("alex").reason == "first plan"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Alex Example", "alex-example"),
        ("Zoë Müller-Smith", "zoe-muller-smith"),
        ("李雷", "athlete"),
    ],
)
def test_ids_from_names(name: str, expected: str) -> None:
    assert athlete_id_from_name(name) == expected
    assert check_athlete_id(expected) == expected


@pytest.mark.parametrize("bad", ["Alex", "alex example", "-alex", "a--b", "x" * 65, ""])
def test_bad_ids_are_refused_with_the_rule(bad: str) -> None:
    with pytest.raises(InvalidInput, match="lower-case letters, digits and single hyphens"):
        check_athlete_id(bad)
