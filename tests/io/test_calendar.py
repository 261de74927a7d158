from datetime import UTC, datetime
from pathlib import Path

import pytest

from runlift.errors import ImportFormatError
from runlift.io.calendar import read_calendar
from runlift.vocabulary import LiftKind, RunKind

ICS = Path(__file__).parents[1] / "fixtures" / "ics"


def test_generated_training_plan_with_all_day_events() -> None:
    result = read_calendar((ICS / "training-plan_5k_run-plus-strength_no-dtstamp.ics").read_bytes())
    assert len(result.sessions) == 20
    assert len(result.ignored) == 4
    assert all(s.all_day for s in result.sessions)
    kinds = {s.spec.kind for s in result.sessions}
    assert {RunKind.LONG, RunKind.INTERVALS, RunKind.TEMPO, RunKind.EASY} <= kinds
    assert LiftKind.HEAVY_LOWER in kinds
    first = result.sessions[0]
    assert first.start.date().isoformat() == "2026-02-08"
    assert (first.end - first.start).total_seconds() == 24 * 3600


@pytest.mark.parametrize(
    "name",
    [
        "google-calendar_export_vtimezone-valarm.ics",
        "thunderbird_export_vtimezone.ics",
        "tzid-without-vtimezone.ics",
        "corrupt/broken_double-semicolon-param.ics",
        "corrupt/bom_empty-calendar.ics",
    ],
)
def test_calendars_without_training_read_cleanly(name: str) -> None:
    result = read_calendar((ICS / name).read_bytes())
    assert result.sessions == ()


def test_google_export_with_training_uses_utc_times() -> None:
    data = (ICS / "google-calendar_export_vtimezone-valarm.ics").read_text(encoding="utf-8")
    result = read_calendar(data.replace("SUMMARY:event with alarms", "SUMMARY:Leg day"))
    (session,) = result.sessions
    assert session.spec.kind is LiftKind.HEAVY_LOWER
    assert session.start == datetime(2024, 10, 4, 18, 15, tzinfo=UTC)
    assert session.duration.total_seconds() == 45 * 60
    assert result.timezone == "Europe/London"


@pytest.mark.parametrize("title", ["Squats", "An Event with too many semicolons"])
def test_an_event_with_an_unreadable_start_is_listed_unreadable(title: str) -> None:
    """Training or not: what the rules cannot judge is said, never skipped in silence."""
    data = (ICS / "corrupt" / "broken_double-semicolon-param.ics").read_text(encoding="utf-8")
    result = read_calendar(data.replace("An Event with too many semicolons", title))
    assert result.sessions == ()
    assert result.ignored == ()
    (problem,) = result.unreadable
    assert problem.startswith(f"event '{title}': Content line could not be parsed")


@pytest.mark.parametrize("data", [b"", b"hello, this is not a calendar", b"\x00\x01\x02"])
def test_not_a_calendar(data: bytes) -> None:
    with pytest.raises(ImportFormatError, match="ics"):
        read_calendar(data)
