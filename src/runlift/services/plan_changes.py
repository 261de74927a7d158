"""The plan changed from the web app: an adaptation previewed then accepted, a session moved.

Thin over ``runlift.services.adaptation`` (the same use cases as ``runlift adapt``):
this module reads a start typed in the athlete's zone, finds the week a session
lies in, and words each change record for a page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from runlift.errors import InvalidInput
from runlift.services import adaptation
from runlift.services.adaptation import MoveOutcome
from runlift.store.repository import Store


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeRow:
    """A change record worded for a page.

    Attributes:
        kind: moved, changed, dropped or added.
        session_id: the session.
        before_when: when it was (``Tue 15 Dec 18:00-19:00``); empty for an added one.
        before_what: what it was (title and summary).
        after_when: when it is now; empty for a dropped one.
        after_what: what it is now.
        rules: the rule IDs behind the change.
        reason: why, in a sentence.
    """

    kind: str
    session_id: str
    before_when: str
    before_what: str
    after_when: str
    after_what: str
    rules: tuple[str, ...]
    reason: str


def _when(session: Mapping[str, Any] | None) -> str:
    if session is None:
        return ""
    start = datetime.fromisoformat(str(session["start"]))
    end = datetime.fromisoformat(str(session["end"]))
    return f"{start:%a %-d %b %H:%M}-{end:%H:%M}"


def _what(session: Mapping[str, Any] | None) -> str:
    if session is None:
        return ""
    summary = str(session["summary"])
    return f"{session['title']}: {summary}" if summary else str(session["title"])


def change_rows(records: Sequence[Mapping[str, Any]]) -> tuple[ChangeRow, ...]:
    """Each change record (``adaptation.change_record``) worded for a page."""
    return tuple(
        ChangeRow(
            kind=str(record["change"]),
            session_id=str(record["session_id"]),
            before_when=_when(record["before"]),
            before_what=_what(record["before"]),
            after_when=_when(record["after"]),
            after_what=_what(record["after"]),
            rules=tuple(str(rule) for rule in record["rules"]),
            reason=str(record["reason"]),
        )
        for record in records
    )


def session_week(store: Store, athlete_id: str, session_id: str) -> int | None:
    """The index of the plan week holding the session, if the current version has it."""
    for week in store.plan_version(athlete_id).plan.weeks:
        if any(str(s.scheduled.id) == session_id for s in week.sessions):
            return week.index
    return None


def move_local(
    store: Store, athlete_id: str, session_id: str, *, local_start: str, now: datetime
) -> MoveOutcome:
    """Move a session to a start typed in the athlete's zone (``2027-01-15T18:30``).

    Raises:
        InvalidInput: not a date and time, or as ``adaptation.move_session``.
    """
    try:
        naive = datetime.fromisoformat(local_start)
    except ValueError:
        raise InvalidInput("start", local_start, "a date and time, e.g. 2027-01-15T18:30") from None
    zone = ZoneInfo(store.plan_version(athlete_id).profile.timezone)
    start = naive.replace(tzinfo=zone) if naive.tzinfo is None else naive
    return adaptation.move_session(store, athlete_id, session_id, start=start, now=now)
