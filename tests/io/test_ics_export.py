from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from runlift.cli.app import main
from runlift.domain.athlete import AthleteProfile
from runlift.domain.plan import Plan, PlannedSession
from runlift.domain.prescription import LiftPrescription, RunPrescription, RunRepeat, RunStep
from runlift.errors import InvalidInput
from runlift.io.calendar import read_calendar
from runlift.io.ics_export import write_plan_ics
from runlift.io.profile import read_profile
from runlift.programme.assembly import build_plan
from runlift.reference.exercises import exercise_library
from runlift.vocabulary import LiftKind, RunKind

EXAMPLE = Path(__file__).parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="module")
def profile() -> AthleteProfile:
    return read_profile(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan(profile: AthleteProfile) -> Plan:
    return build_plan(profile, library=exercise_library())


@pytest.fixture(scope="module")
def sessions(plan: Plan) -> list[PlannedSession]:
    return [s for week in plan.weeks for s in week.sessions]


@pytest.fixture(scope="module")
def plan_ics(plan: Plan, profile: AthleteProfile) -> str:
    return write_plan_ics(plan, timezone=profile.timezone)


@pytest.fixture(scope="module")
def busy_ics(plan: Plan, profile: AthleteProfile) -> str:
    return write_plan_ics(plan, timezone=profile.timezone, busy=True)


def events(text: str) -> list[icalendar.cal.Component]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def category_names(event: icalendar.cal.Component) -> list[str]:
    return [str(c) for c in event.get("CATEGORIES").cats]


def pace(pace_s_per_km: float) -> str:
    minutes, seconds = divmod(round(pace_s_per_km), 60)
    return f"{minutes}:{seconds:02d}"


def test_the_example_is_in_berlin(profile: AthleteProfile) -> None:
    assert profile.timezone == "Europe/Berlin"


def test_reparsed_events_are_the_plan_sessions(
    plan_ics: str, sessions: list[PlannedSession]
) -> None:
    parsed = events(plan_ics)
    assert len(parsed) == len(sessions) > 100
    uids = [str(e.get("UID")) for e in parsed]
    assert len(set(uids)) == len(uids)
    for event, session in zip(parsed, sessions, strict=True):
        spec = session.scheduled.spec
        start, end = event.get("DTSTART").dt, event.get("DTEND").dt
        assert start == session.scheduled.start
        assert end == session.scheduled.end
        assert start.tzinfo is not None
        assert event.get("DTSTART").params.get("TZID") == "Europe/Berlin"
        assert str(event.get("SUMMARY")) == spec.title
        assert str(event.get("UID")).startswith(f"{spec.id}-")
        assert str(event.get("UID")).endswith("@runlift")
        kind = spec.kind.value.upper().replace("_", "-")
        assert category_names(event)[:2] == [spec.modality.value.upper(), kind]


def test_categories_look_as_documented(plan_ics: str) -> None:
    seen = {tuple(category_names(e)[:2]) for e in events(plan_ics)}
    assert {("RUN", "EASY"), ("RUN", "LONG"), ("RUN", "INTERVALS"), ("RUN", "RACE-PACE")} <= seen
    assert {("LIFT", "HEAVY-LOWER"), ("LIFT", "RUNNER-STRENGTH")} <= seen


def test_explosive_lifts_say_so_in_categories(
    plan_ics: str, sessions: list[PlannedSession]
) -> None:
    explosive = [s.scheduled.spec.id for s in sessions if s.scheduled.spec.contains_explosive]
    assert explosive
    for event, session in zip(events(plan_ics), sessions, strict=True):
        names = category_names(event)
        assert ("EXPLOSIVE" in names) == session.scheduled.spec.contains_explosive
        assert len(names) == 2 + ("EXPLOSIVE" in names)


def test_calendar_header(plan_ics: str) -> None:
    calendar = icalendar.Calendar.from_ical(plan_ics)
    assert str(calendar.get("VERSION")) == "2.0"
    assert str(calendar.get("PRODID")) == "-//runlift//runlift 0.1.0//EN"
    assert str(calendar.get("X-WR-CALNAME")) == "Alex Example training plan"
    assert str(calendar.get("X-WR-TIMEZONE")) == "Europe/Berlin"
    assert plan_ics.startswith("BEGIN:VCALENDAR\r\n")
    assert "\n" not in plan_ics.replace("\r\n", "")


def test_vtimezone_for_berlin_covers_the_plan(plan_ics: str, plan: Plan) -> None:
    calendar = icalendar.Calendar.from_ical(plan_ics)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone.get("TZID")) == "Europe/Berlin"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    # The plan runs from December into April: the March 2027 switch to summer time is in it.
    assert "20270328T030000" in zone.to_ical().decode()
    assert plan.start.year == 2026
    assert plan.end.year == 2027


def test_summer_time_sessions_keep_their_local_clock(
    plan_ics: str, sessions: list[PlannedSession]
) -> None:
    summer = [
        (e, s)
        for e, s in zip(events(plan_ics), sessions, strict=True)
        if s.scheduled.start.astimezone(BERLIN).utcoffset() == timedelta(hours=2)
    ]
    assert summer
    for event, session in summer:
        local = session.scheduled.start.astimezone(BERLIN)
        assert f"DTSTART;TZID=Europe/Berlin:{local:%Y%m%dT%H%M%S}" in event.to_ical().decode()


def test_every_event_has_stamp_uid_and_a_reminder(plan_ics: str, plan: Plan) -> None:
    midnight = datetime.combine(plan.start, time(0), tzinfo=UTC)
    for event in events(plan_ics):
        assert event.get("DTSTAMP").dt == midnight
        assert str(event.get("UID"))
        (alarm,) = event.walk("VALARM")
        assert str(alarm.get("ACTION")) == "DISPLAY"
        assert alarm.get("TRIGGER").dt == timedelta(minutes=-30)
        assert str(alarm.get("DESCRIPTION")) == f"{event['SUMMARY']} starts in 30 min"
    assert plan_ics.count("TRIGGER:-PT30M\r\n") == len(events(plan_ics))


def test_reminder_minutes_are_the_callers(plan: Plan) -> None:
    text = write_plan_ics(plan, timezone="Europe/Berlin", reminder_min=90)
    for event in events(text):
        (alarm,) = event.walk("VALARM")
        assert alarm.get("TRIGGER").dt == timedelta(minutes=-90)
    assert "TRIGGER:-PT30M" not in text


@pytest.mark.parametrize("reminder_min", [-1, 7 * 24 * 60 + 1])
def test_a_reminder_out_of_range_is_refused(plan: Plan, reminder_min: int) -> None:
    with pytest.raises(InvalidInput, match="reminder_min"):
        write_plan_ics(plan, timezone="Europe/Berlin", reminder_min=reminder_min)


def test_an_unknown_zone_is_refused(plan: Plan) -> None:
    with pytest.raises(InvalidInput, match="timezone"):
        write_plan_ics(plan, timezone="Mars/Olympus_Mons")


def test_another_zone_writes_the_same_instants(plan: Plan, sessions: list[PlannedSession]) -> None:
    text = write_plan_ics(plan, timezone="America/New_York")
    parsed = events(text)
    assert all(e.get("DTSTART").params.get("TZID") == "America/New_York" for e in parsed)
    assert [e.get("DTSTART").dt for e in parsed] == [s.scheduled.start for s in sessions]
    assert str(icalendar.Calendar.from_ical(text).get("X-WR-TIMEZONE")) == "America/New_York"


def test_our_reader_recognises_every_event(plan_ics: str, sessions: list[PlannedSession]) -> None:
    imported = read_calendar(plan_ics)
    assert imported.ignored == ()
    assert imported.timezone == "Europe/Berlin"
    assert len(imported.sessions) == len(sessions)
    by_start = sorted(sessions, key=lambda s: (s.scheduled.start, s.scheduled.spec.title))
    for read, ours in zip(imported.sessions, by_start, strict=True):
        assert read.spec.title == ours.scheduled.spec.title
        assert read.spec.modality is ours.scheduled.spec.modality
        assert read.spec.kind is ours.scheduled.spec.kind
        assert (read.start, read.end) == (ours.scheduled.start, ours.scheduled.end)
        assert read.spec.contains_explosive == ours.scheduled.spec.contains_explosive
        assert ours.scheduled.spec.muscle_groups <= read.spec.muscle_groups
    kinds = {s.spec.kind for s in imported.sessions}
    assert {RunKind.LONG, RunKind.TEMPO, LiftKind.HEAVY_LOWER} <= kinds


def test_busy_calendar_hides_everything_but_the_times(
    busy_ics: str, sessions: list[PlannedSession]
) -> None:
    parsed = events(busy_ics)
    assert len(parsed) == len(sessions)
    for event, session in zip(parsed, sessions, strict=True):
        assert str(event.get("SUMMARY")) == "Training"
        assert event.get("DTSTART").dt == session.scheduled.start
        assert event.get("DTEND").dt == session.scheduled.end
        assert str(event.get("TRANSP")) == "OPAQUE"
        assert str(event.get("CLASS")) == "PRIVATE"
        assert str(session.scheduled.spec.id) not in str(event.get("UID"))
        for absent in ("DESCRIPTION", "CATEGORIES"):
            assert absent not in event
        assert event.walk("VALARM") == []
        assert "DTSTAMP" in event
    assert {"VALARM", "CATEGORIES", "DESCRIPTION"}.isdisjoint(
        line.split(":")[0].split(";")[0] for line in busy_ics.splitlines()
    )
    assert "VTIMEZONE" in busy_ics


def test_busy_and_full_uids_differ(plan_ics: str, busy_ics: str) -> None:
    full = {str(e.get("UID")) for e in events(plan_ics)}
    busy = {str(e.get("UID")) for e in events(busy_ics)}
    assert len(busy) == len(full)
    assert full.isdisjoint(busy)
    calendar_uids = {
        str(icalendar.Calendar.from_ical(t).get("UID")) for t in (plan_ics, busy_ics, plan_ics)
    }
    assert len(calendar_uids) == 2


def test_busy_blocks_are_not_training_to_our_reader(busy_ics: str) -> None:
    imported = read_calendar(busy_ics)
    assert imported.sessions == ()
    assert set(imported.ignored) == {"Training"}


def test_same_plan_same_bytes(plan: Plan, plan_ics: str, busy_ics: str) -> None:
    assert write_plan_ics(plan, timezone="Europe/Berlin") == plan_ics
    assert write_plan_ics(plan, timezone="Europe/Berlin", busy=True) == busy_ics


def test_uids_depend_on_the_athlete(plan: Plan, plan_ics: str) -> None:
    other = Plan(athlete="Sam Other", start=plan.start, end=plan.end, weeks=plan.weeks)
    ours = [str(e.get("UID")) for e in events(plan_ics)]
    theirs = [str(e.get("UID")) for e in events(write_plan_ics(other, timezone="Europe/Berlin"))]
    assert len(ours) == len(theirs)
    assert all(a != b for a, b in zip(ours, theirs, strict=True))
    assert [u.split("-")[:2] for u in ours] == [u.split("-")[:2] for u in theirs]


def test_descriptions_carry_paces_loads_and_reasons(
    plan_ics: str, sessions: list[PlannedSession]
) -> None:
    for event, session in zip(events(plan_ics), sessions, strict=True):
        description = str(event.get("DESCRIPTION"))
        prescription = session.prescription
        if isinstance(prescription, RunPrescription):
            assert description.startswith(("Run (", "Key session.\nRun ("))
            steps: list[RunStep] = []
            for item in prescription.steps:
                steps.extend(item.steps if isinstance(item, RunRepeat) else (item,))
                if isinstance(item, RunRepeat):
                    assert f"- {item.count} x:" in description
            for step in steps:
                if step.pace_fast_s_per_km is not None and step.pace_slow_s_per_km is not None:
                    fast, slow = pace(step.pace_fast_s_per_km), pace(step.pace_slow_s_per_km)
                    assert (f"{fast}/km" if fast == slow else f"{fast}-{slow}/km") in description
        else:
            assert isinstance(prescription, LiftPrescription)
            for exercise in prescription.exercises:
                assert f"{exercise.name}: {exercise.sets} x {exercise.reps}" in description
                if exercise.load_kg is not None:
                    assert f"{exercise.load_kg:g} kg" in description
                if exercise.percent_1rm is not None:
                    assert f"{exercise.percent_1rm:g} % 1RM" in description
        assert f"(rules {', '.join(session.rules)}):" in description
        for line in session.explanation:
            assert f"- {line}" in description


def test_the_long_run_and_the_squat_read_as_written(plan_ics: str) -> None:
    first = {str(e.get("SUMMARY")): str(e.get("DESCRIPTION")) for e in events(plan_ics)[:6]}
    assert "- Run: 7.5 km easy (E) at 5:59-6:41/km" in first["Long run 7.5 km"]
    squat = first["Full body (squat): Back squat, Bench press"]
    assert "- Back squat: 2 x 5 at 75 % 1RM, 60 kg, rest 3 min" in squat


def test_lint_finds_no_hard_violation_in_our_calendar(
    plan_ics: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.ics"
    path.write_text(plan_ics, encoding="utf-8", newline="")
    code = main(["lint", str(path), "--goal", "race", "--priority", "running"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Hard rules broken: 0;" in out or "No rule is broken." in out
