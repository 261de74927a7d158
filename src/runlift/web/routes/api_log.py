"""The training log in the REST API: uploads, sessions done or missed, check-ins, events, a week.

The same use cases as ``runlift log`` and the log's pages; the athlete comes from
``deps.api_athlete`` (404 for anyone who may not see it; only the owner writes).
The import and week documents are those ``runlift log import --json`` and
``runlift log show --json`` print.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Final

from fastapi import APIRouter, File, Query, UploadFile, status
from fastapi.responses import JSONResponse

from runlift.domain.log import CheckIn
from runlift.services import log_json, log_pages, log_view
from runlift.store.repository import StoredEvent
from runlift.web import uploads
from runlift.web.deps import ApiOwner, ApiReader, NowDep, SettingsDep, StoreDep
from runlift.web.schemas import (
    CheckInIn,
    CheckInOut,
    DoneIn,
    ErrorOut,
    EventIn,
    EventOut,
    ImportOut,
    LoggedSessionOut,
    MissedIn,
    WeekLogOut,
)

ERRORS: Final[dict[int | str, dict[str, Any]]] = {
    401: {"model": ErrorOut, "description": "no token, or an invalid or expired one"},
    404: {"model": ErrorOut, "description": "no such athlete or session, or not yours to change"},
    413: {"model": ErrorOut, "description": "the body is too large"},
}
READ_ERRORS: Final[dict[int | str, dict[str, Any]]] = {code: ERRORS[code] for code in (401, 404)}

router = APIRouter(prefix="/api/v1/athletes/{athlete_id}", tags=["training log"])


@router.post(
    "/activities",
    response_model=None,
    responses={
        200: {
            "model": ImportOut,
            "description": "each file imported, already in the log, or failed (with why)",
        },
        **ERRORS,
        413: {
            "model": ErrorOut,
            "description": "more than 50 files, a file over the file limit, or an upload over "
            "the upload limit: nothing was imported",
        },
    },
)
def upload(
    files: Annotated[
        list[UploadFile],
        File(description="FIT, GPX, TCX, Strong or Hevy CSV files, told by their content"),
    ],
    access: ApiOwner,
    store: StoreDep,
    settings: SettingsDep,
    now: NowDep,
) -> JSONResponse:
    """Import training files (multipart, field ``files``, several at once; owner only).

    Each file is told by its content, never by its name, and read whole or not
    at all: a file that cannot be read is listed under ``failed`` with its reason
    and the others are still imported. A file imported before, or whose every
    activity is already in the log, is a duplicate. Activities are matched to the
    planned sessions they fulfil.
    """
    named = uploads.read_uploads(files, max_file_bytes=settings.max_file_bytes)
    uploaded = log_pages.import_uploads(store, access.athlete.id, named, now=now)
    return JSONResponse(log_json.import_document([(f.outcome.name, f.outcome) for f in uploaded]))


@router.post(
    "/sessions/{session_id}/done",
    response_model=LoggedSessionOut,
    status_code=status.HTTP_201_CREATED,
    responses={
        **ERRORS,
        409: {"model": ErrorOut, "description": "the session is already logged as done by hand"},
    },
)
def done(session_id: str, body: DoneIn, access: ApiOwner, store: StoreDep) -> LoggedSessionOut:
    """Mark a planned session done (owner only): as planned, or with what was done.

    An activity is logged at the session's planned start and pinned to it; a
    distance without a duration says nothing of the time, and the reverse.
    """
    logged = log_pages.mark_done(
        store,
        access.athlete.id,
        session_id,
        rpe=body.rpe,
        duration_min=body.duration_min,
        distance_km=body.distance_km,
    )
    return LoggedSessionOut(
        session_id=logged.session_id,
        title=logged.title,
        week=logged.week,
        status="done",
        activity_id=logged.activity_id,
    )


@router.post("/sessions/{session_id}/missed", response_model=LoggedSessionOut, responses=ERRORS)
def missed(
    session_id: str, body: MissedIn, access: ApiOwner, store: StoreDep, now: NowDep
) -> LoggedSessionOut:
    """Mark a planned session missed, with the reason (owner only); marking again replaces it."""
    logged = log_pages.mark_missed(
        store, access.athlete.id, session_id, reason=body.reason, now=now
    )
    return LoggedSessionOut(
        session_id=logged.session_id,
        title=logged.title,
        week=logged.week,
        status="missed",
        reason=logged.reason,
    )


def _check_in(entry: CheckIn) -> CheckInOut:
    return CheckInOut(
        date=entry.day,
        sleep_h=entry.sleep_h,
        soreness=entry.soreness,
        stress=entry.stress,
        mood=entry.mood,
        resting_hr_bpm=entry.resting_hr_bpm,
        mass_kg=entry.mass_kg,
    )


@router.post("/checkins", response_model=CheckInOut, responses=ERRORS)
def check_in(body: CheckInIn, access: ApiOwner, store: StoreDep, now: NowDep) -> CheckInOut:
    """Store a day's check-in (owner only); answers merge with the day's earlier ones."""
    entry = CheckIn(
        day=body.date,
        sleep_h=body.sleep_h,
        soreness=body.soreness,
        stress=body.stress,
        mood=body.mood,
        resting_hr_bpm=body.resting_hr_bpm,
        mass_kg=body.mass_kg,
    )
    return _check_in(log_pages.check_in(store, access.athlete.id, entry, now=now))


@router.get("/checkins", response_model=list[CheckInOut], responses=READ_ERRORS)
def check_ins(
    access: ApiReader,
    store: StoreDep,
    now: NowDep,
    day: Annotated[
        date | None, Query(alias="date", description="the last day (default: today)")
    ] = None,
) -> list[CheckInOut]:
    """The check-ins of the 14 days up to ``date`` (default: today), newest first."""
    page = log_pages.check_in_page(store, access.athlete.id, day=day, now=now)
    return [_check_in(entry) for entry in page.recent]


def _event(stored: StoredEvent) -> EventOut:
    event = stored.event
    return EventOut(
        id=stored.id,
        kind=event.kind,
        first_day=event.first_day,
        last_day=event.last_day,
        note=event.note,
    )


@router.post(
    "/events", response_model=EventOut, status_code=status.HTTP_201_CREATED, responses=ERRORS
)
def add_event(body: EventIn, access: ApiOwner, store: StoreDep) -> EventOut:
    """Record illness, injury or travel over a range of days (owner only)."""
    return _event(
        log_pages.add_event(
            store,
            access.athlete.id,
            kind=body.kind,
            first_day=body.first_day,
            last_day=body.last_day,
            note=body.note,
        )
    )


@router.get("/events", response_model=list[EventOut], responses=READ_ERRORS)
def events(access: ApiReader, store: StoreDep, now: NowDep) -> list[EventOut]:
    """The athlete's events, newest first."""
    return [
        _event(stored) for stored in log_pages.events_page(store, access.athlete.id, now=now).events
    ]


@router.get(
    "/log",
    response_model=None,
    responses={
        200: {"model": WeekLogOut, "description": "the week against the log"},
        **READ_ERRORS,
        422: {"model": ErrorOut, "description": "not a week of the plan"},
    },
)
def week_log(
    access: ApiReader,
    store: StoreDep,
    now: NowDep,
    week: Annotated[
        int | None, Query(ge=1, description="plan week, 1-based (default: this week)")
    ] = None,
) -> JSONResponse:
    """A week of the plan against the log: each session done, partial, missed or planned.

    With what was done for it, the extras, and the session-RPE load planned and done.
    """
    view = log_view.week_log(store, access.athlete.id, week_number=week, today=None, now=now)
    return JSONResponse(log_json.week_log_document(view))
