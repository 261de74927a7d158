"""The log's use cases for the web app, on a real store: weeks, uploads, sessions, check-ins."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from log_builders import GENERAL, STRAVA_GPX, shifted_gpx
from runlift.domain.log import CheckIn
from runlift.errors import InvalidInput, NotFound
from runlift.services import log_pages, training_log
from runlift.store.repository import Store
from runlift.vocabulary import EventKind, MissReason

NOW = datetime(2026, 12, 16, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'runlift.db'}") as opened:
        yield opened


@pytest.fixture
def athlete(store: Store) -> str:
    record, _ = training_log.add_athlete(
        store, GENERAL.read_text(encoding="utf-8"), athlete_id="robin", now=NOW
    )
    return record.id


def test_a_week_page_holds_its_own_check_ins_and_the_events_that_touch_it(
    store: Store, athlete: str
) -> None:
    for day in (date(2026, 12, 13), date(2026, 12, 14), date(2026, 12, 20), date(2026, 12, 21)):
        store.save_check_in(athlete, CheckIn(day=day, mood=2))
    for first, last in (
        (date(2026, 12, 10), date(2026, 12, 14)),
        (date(2026, 12, 21), date(2026, 12, 22)),
    ):
        log_pages.add_event(
            store, athlete, kind=EventKind.TRAVEL, first_day=first, last_day=last, note=None
        )
    page = log_pages.log_page(store, athlete, week=2, now=NOW)
    assert (page.number, page.weeks, page.last_day) == (2, 8, date(2026, 12, 20))
    assert [entry.day.day for entry in page.check_ins] == [14, 20]
    assert [stored.event.first_day.day for stored in page.events] == [10]
    assert log_pages.log_page(store, athlete, week=None, now=NOW).number == 2
    for week in (0, 9):
        with pytest.raises(NotFound, match="weeks 1 to 8"):
            log_pages.log_page(store, athlete, week=week, now=NOW)


def test_uploads_list_each_activity_with_its_session_and_week(store: Store, athlete: str) -> None:
    version = store.plan_version(athlete)
    run = next(
        s for s in version.plan.weeks[2].sessions if s.scheduled.spec.modality.value == "run"
    )
    files = [
        log_pages.NamedFile(name="plan.gpx", data=shifted_gpx(run.scheduled.start)),
        log_pages.NamedFile(name="2021.gpx", data=STRAVA_GPX.read_bytes()),
        log_pages.NamedFile(name="junk.tcx", data=b"<TrainingCenterDatabase"),
    ]
    uploaded = log_pages.import_uploads(store, athlete, files, now=NOW)
    assert [file.outcome.status for file in uploaded] == ["imported", "imported", "failed"]
    (matched,) = uploaded[0].activities
    assert (matched.session_id, matched.session_title, matched.week) == (
        run.scheduled.id,
        run.scheduled.spec.title,
        3,
    )
    assert matched.start == run.scheduled.start
    (outside,) = uploaded[1].activities
    assert (outside.session_id, outside.week) == (None, None)
    assert uploaded[2].activities == ()
    assert len(store.activities(athlete)) == 2


def test_sessions_are_found_by_id_or_not_at_all(store: Store, athlete: str) -> None:
    session = store.plan_version(athlete).plan.weeks[3].sessions[0].scheduled
    missed = log_pages.mark_missed(store, athlete, session.id, reason=MissReason.TIME, now=NOW)
    assert (missed.week, missed.title, missed.reason) == (4, session.spec.title, MissReason.TIME)
    done = log_pages.mark_done(
        store, athlete, session.id, rpe=6, duration_min=None, distance_km=None
    )
    assert done.week == 4
    assert done.activity_id == store.activities(athlete)[0].id
    assert store.missed(athlete) == ()  # done after all
    assert log_pages.session_week(store, athlete, session.id) == 4
    for call in (
        lambda: log_pages.mark_missed(store, athlete, "w09-run1", reason=MissReason.TIME, now=NOW),
        lambda: log_pages.mark_done(
            store, athlete, "x", rpe=None, duration_min=None, distance_km=None
        ),
        lambda: log_pages.session_week(store, athlete, "w01-run9"),
    ):
        with pytest.raises(NotFound, match="the plan has no session"):
            call()


def test_check_ins_look_back_two_weeks_and_never_ahead(store: Store, athlete: str) -> None:
    today = date(2026, 12, 16)
    for back in range(20):
        log_pages.check_in(
            store, athlete, CheckIn(day=today - timedelta(days=back), sleep_h=7), now=NOW
        )
    with pytest.raises(InvalidInput, match=r"today \(2026-12-16\) or a day before"):
        log_pages.check_in(store, athlete, CheckIn(day=today + timedelta(days=1), mood=1), now=NOW)
    page = log_pages.check_in_page(store, athlete, day=None, now=NOW)
    assert (page.day, page.today) == (today, today)
    assert page.stored is not None
    assert [entry.day for entry in page.recent] == [today - timedelta(days=b) for b in range(14)]
    earlier = log_pages.check_in_page(store, athlete, day=date(2026, 11, 29), now=NOW)
    assert [entry.day.day for entry in earlier.recent] == [29, 28, 27]
    before = log_pages.check_in_page(store, athlete, day=date(2026, 11, 20), now=NOW)
    assert (before.stored, before.recent) == (None, ())


def test_events_come_newest_first(store: Store, athlete: str) -> None:
    for first in (date(2026, 12, 1), date(2026, 12, 12), date(2026, 12, 5)):
        log_pages.add_event(
            store, athlete, kind=EventKind.ILLNESS, first_day=first, last_day=first, note="ill"
        )
    page = log_pages.events_page(store, athlete, now=NOW)
    assert [stored.event.first_day.day for stored in page.events] == [12, 5, 1]
    with pytest.raises(InvalidInput, match="on or after the first day"):
        log_pages.add_event(
            store,
            athlete,
            kind=EventKind.INJURY,
            first_day=date(2026, 12, 3),
            last_day=date(2026, 12, 2),
            note=None,
        )
