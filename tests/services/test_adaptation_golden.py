"""Golden scenarios of ``runlift adapt``, on SQLite and on PostgreSQL, checked by hand.

Each scenario stores an athlete, logs what they did, adapts once through the service and
reads the new plan version against the numbers worked out from the rule's sources:

* a missed long run moves to the next day (RL-7), the easy run there gives way;
* a week of illness empties the week (RL-8) and ramps the next one (RL-9, Daniels 2014);
* top sets over the prescribed RPE twice cut the squat to its e1RM (RL-6, Helms 2016);
* a new 5 km time trial writes every pace from its VDOT (RL-5, Daniels 2014).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from golden_builders import HALF, TEN_K, adapt, by_id, do_until, log, stored

from runlift.domain.activities import Activity
from runlift.domain.log import TrainingEvent
from runlift.domain.prescription import LiftPrescription, RunPrescription
from runlift.io.ics_export import write_plan_ics
from runlift.science.running import training_paces, vdot
from runlift.services.adaptation import calendar_continuity, hard_rule_findings
from runlift.store.repository import Store
from runlift.vocabulary import ActivityFormat, EventKind, PaceZone, RunKind, Sport

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as opened:
        yield opened


def test_a_missed_long_run_moves_to_sunday_and_the_easy_run_gives_way(store: Store) -> None:
    athlete = stored(store, TEN_K)
    before = by_id(store, athlete)
    long_run, easy = before["w03-run2"], before["w03-run3"]
    saturday = date(2026, 12, 26)
    assert long_run.scheduled.start == datetime(2026, 12, 26, 8, tzinfo=BERLIN)
    assert easy.scheduled.start == datetime(2026, 12, 27, 8, tzinfo=BERLIN)
    do_until(store, athlete, saturday)
    outcome = adapt(store, athlete, saturday + timedelta(days=1), hour=6)
    assert outcome.from_version == 1
    assert outcome.to_version == 2
    changes = {r["session_id"]: r for r in outcome.records}
    assert set(changes) == {"w03-run2-makeup", "w03-run3"}
    made = changes["w03-run2-makeup"]
    assert made["change"] == "added"
    assert made["rules"] == ["RL-7"]
    # Sunday 08:00-11:00 holds the 56-minute long run on the grid: 08:00-09:00. Saturday
    # was missed and Monday 28 Dec holds no loaded session: no hard day beside it.
    assert made["after"]["start"] == "2026-12-27T08:00:00+01:00"
    assert made["after"]["end"] == "2026-12-27T09:00:00+01:00"
    assert made["after"]["summary"] == "Run (long): 8.8 km, about 56 min, session RPE 4"
    assert changes["w03-run3"]["change"] == "dropped"
    after = by_id(store, athlete)
    assert after["w03-run2-makeup"].prescription == long_run.prescription
    assert after["w03-run2"] == long_run  # the past stays as it was
    assert "w03-run3" not in after
    # The next week is not touched: nothing missed is carried into it.
    assert [s for k, s in after.items() if k.startswith("w04")] == [
        s for k, s in before.items() if k.startswith("w04")
    ]
    # Sunday's run energy (1 kcal per kg per km, Margaria 1963): 72 kg x (8.8 - 6.6) km more.
    old = {d.date: d for d in store.nutrition(athlete, 1)}
    new = {d.date: d for d in store.nutrition(athlete, 2)}
    sunday = saturday + timedelta(days=1)
    assert new[sunday].training_kcal - old[sunday].training_kcal == pytest.approx(72 * 2.2)
    assert [d for d in old if old[d] != new[d]] == [sunday]
    assert hard_rule_findings(store, athlete, today=sunday) == []
    again = adapt(store, athlete, sunday, hour=7)
    assert again.to_version is None
    assert again.records == ()


def test_calendar_events_keep_their_uid_and_raise_their_sequence(store: Store) -> None:
    athlete = stored(store, TEN_K)
    saturday = date(2026, 12, 26)
    do_until(store, athlete, saturday)
    adapt(store, athlete, saturday + timedelta(days=1))
    first = store.plan_version(athlete, 1)
    second = store.plan_version(athlete, 2)
    zone = first.profile.timezone
    old = icalendar.Calendar.from_ical(write_plan_ics(first.plan, timezone=zone))
    new = icalendar.Calendar.from_ical(
        write_plan_ics(
            second.plan,
            timezone=zone,
            continuity=calendar_continuity(store, athlete, 2),
        )
    )
    old_events = {str(e["UID"]): e for e in old.walk("VEVENT")}
    new_events = {str(e["UID"]): e for e in new.walk("VEVENT")}
    kept = set(old_events) & set(new_events)
    assert kept == set(old_events)  # every event of version 1 is still there, by its UID
    cancelled = [u for u in kept if str(new_events[u].get("STATUS", "")) == "CANCELLED"]
    assert len(cancelled) == 1
    assert cancelled[0].startswith("w03-run3-")
    assert int(str(new_events[cancelled[0]]["SEQUENCE"])) > int(
        str(old_events[cancelled[0]].get("SEQUENCE", 0))
    )
    untouched = [u for u in kept if u not in cancelled]
    assert all("SEQUENCE" not in new_events[u] for u in untouched)
    added = set(new_events) - set(old_events)
    assert len(added) == 1
    assert next(iter(added)).startswith("w03-run2-makeup-")


def test_a_week_of_illness_empties_it_and_ramps_the_next_as_daniels_does(store: Store) -> None:
    athlete = stored(store, HALF)
    before = by_id(store, athlete)
    monday = date(2027, 1, 18)
    do_until(store, athlete, monday)
    store.add_event(
        athlete,
        TrainingEvent(
            kind=EventKind.ILLNESS, first_day=monday, last_day=monday + timedelta(days=6)
        ),
    )
    outcome = adapt(store, athlete, monday)
    dropped = {r["session_id"] for r in outcome.records if r["change"] == "dropped"}
    assert dropped == {k for k in before if k.startswith("w07-")}
    assert all(r["rules"][:1] == ["RL-10"] for r in outcome.records if r["session_id"] >= "w09")
    after = by_id(store, athlete)
    # Seven days off: a seven-day ramp, the first half (4 days) at 50 %, then 75 %, all
    # running easy (Daniels 2014, 6 to 28 days off).
    mon, tue, sat = after["w08-run3"], after["w08-run1"], after["w08-run2"]
    assert before["w08-run3"].prescription.distance_km == pytest.approx(5.83)  # type: ignore[union-attr]
    assert isinstance(mon.prescription, RunPrescription)
    assert mon.scheduled.local_date == monday + timedelta(days=7)  # day 1 back
    assert mon.prescription.distance_km == pytest.approx(2.9)  # 5.83 x 0.5 = 2.915
    # Tuesday's threshold run, day 2 of the ramp: easy, half its distance.
    assert before["w08-run1"].scheduled.spec.kind is RunKind.TEMPO
    assert isinstance(tue.prescription, RunPrescription)
    assert tue.scheduled.local_date == monday + timedelta(days=8)
    assert tue.scheduled.spec.kind is RunKind.EASY
    assert tue.prescription.distance_km == pytest.approx(2.9)  # 5.82 x 0.5 = 2.91
    assert isinstance(sat.prescription, RunPrescription)
    assert sat.prescription.kind is RunKind.LONG
    assert sat.prescription.distance_km == pytest.approx(7.4)  # day 6: 9.9 x 0.75 = 7.425
    # Wednesday's squat, day 3: half the sets, two RPE points lighter on the chart (80 %
    # for 4 reps is RPE 7.5; RPE 5.5 is 75.1 %): 67.5 kg x 75.1 / 80 = 63.4 kg, 62.5 kg on
    # the bar.
    lift = after["w08-lift1"].prescription
    assert after["w08-lift1"].scheduled.local_date == monday + timedelta(days=9)
    assert isinstance(lift, LiftPrescription)
    squat = lift.exercises[0]
    assert (squat.name, squat.sets, squat.reps) == ("Back squat", 2, 4)
    assert squat.percent_1rm == pytest.approx(75.1)
    assert squat.load_kg == 62.5
    assert after["w08-lift1"].explanation[-1].startswith("RL-9: day 3 of 7 back")
    # No training energy on the days of illness.
    new = {d.date: d for d in store.nutrition(athlete, 2)}
    assert all(new[monday + timedelta(days=n)].training_kcal == 0 for n in range(7))
    assert hard_rule_findings(store, athlete, today=monday) == []


def test_two_top_sets_over_the_rpe_cut_the_squat_to_its_e1rm(store: Store) -> None:
    athlete = stored(store, HALF)
    before = by_id(store, athlete)
    first, second, third = before["w01-lift1"], before["w02-lift1"], before["w03-lift1"]
    today = third.scheduled.local_date
    do_until(store, athlete, today, skip=["w01-lift1", "w02-lift1"])
    # Prescribed 2 x 5 at 75 % (RPE 5.5 on the chart) and 2 x 5 at 77.5 % (RPE 6.5):
    # logged 1.5 RPE over both times.
    log(store, athlete, first, top_rpe=7.0, rated="back-squat")
    log(store, athlete, second, top_rpe=8.0, rated="back-squat")
    outcome = adapt(store, athlete, today)
    record = next(r for r in outcome.records if r["session_id"] == "w03-lift1")
    assert record["rules"] == ["RL-6", "LFT-5"]
    assert "e1RM 77.1 kg" in record["reason"]
    # The last top set, 62.5 kg x 5 at RPE 8, is 81.1 % on the chart: e1RM 62.5 / 0.811 =
    # 77.07 kg. The next session's 80 % of it is 61.7 kg: 62.5 kg on 2.5 kg plates.
    squat = by_id(store, athlete)["w03-lift1"].prescription
    assert isinstance(squat, LiftPrescription)
    assert squat.exercises[0].name == "Back squat"
    assert squat.exercises[0].percent_1rm == 80.0
    assert squat.exercises[0].load_kg == 62.5
    was = third.prescription
    assert isinstance(was, LiftPrescription)
    assert was.exercises[0].load_kg == 65.0
    profile = store.plan_version(athlete).profile
    assert profile.lifting.maxes["back-squat"].one_rep_max_kg == pytest.approx(77.1)
    assert hard_rule_findings(store, athlete, today=today) == []


def test_a_new_5k_time_writes_every_pace_from_its_vdot(store: Store) -> None:
    athlete = stored(store, HALF)
    tuesday = date(2026, 12, 29)
    do_until(store, athlete, tuesday)
    start = datetime.combine(tuesday, time(7), tzinfo=BERLIN).astimezone(UTC)
    store.add_activity(
        athlete,
        Activity(
            sport=Sport.RUN,
            start=start,
            elapsed_s=22 * 60 + 30,
            moving_s=22 * 60 + 30,
            distance_m=5000,
            name="5 km time trial",
            source=ActivityFormat.MANUAL,
        ),
        rpe=9,
    )
    outcome = adapt(store, athlete, tuesday + timedelta(days=1))
    assert outcome.records
    assert all(r["rules"] == ["RL-5"] for r in outcome.records)
    # 22:30 for 5 km lies between Daniels' VDOT 40 (24:08) and 45 (21:50): VDOT 43.4.
    new_vdot = vdot(distance_m=5000, time_s=1350)
    assert 43.0 < new_vdot < 44.0
    paces = training_paces(vdot=new_vdot)
    # Daniels' T pace: 5:06/km at VDOT 40, 4:38 at 45.
    assert 4 * 60 + 38 < paces.threshold_s_per_km < 5 * 60 + 6
    after = by_id(store, athlete)
    future = [
        s
        for s in after.values()
        if isinstance(s.prescription, RunPrescription)
        and s.scheduled.local_date > tuesday
        and s.scheduled.spec.kind is not RunKind.RACE
    ]
    assert future
    for session in future:
        assert isinstance(session.prescription, RunPrescription)
        assert "your 5 km of 22:30 (VDOT 43.4)" in session.prescription.notes
        for step in session.prescription.steps:
            if getattr(step, "zone", None) is PaceZone.EASY:
                assert step.pace_fast_s_per_km == pytest.approx(paces.easy_min_s_per_km)  # type: ignore[union-attr]
                assert step.pace_slow_s_per_km == pytest.approx(paces.easy_max_s_per_km)  # type: ignore[union-attr]
    race = store.plan_version(athlete).profile.running.recent_race
    assert race is not None
    assert (race.distance_m, race.time_s, race.date) == (5000, 1350, tuesday)
