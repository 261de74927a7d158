"""Pages of the training log: the week against the plan, uploads, check-ins and events.

Sessions are marked done or missed from the week; events are illness, injury or travel.

The owner logs; an invited coach reads every page (``deps.PageReader``) and gets
no forms; anyone else gets 404. Each route parses, calls one use case of
``runlift.services.log_pages`` and shows or redirects to the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from runlift.domain.log import CheckIn
from runlift.errors import InvalidInput, NotFound, StoreError, TooLarge
from runlift.services import log_pages
from runlift.services.accounts import AthleteAccess
from runlift.vocabulary import EventKind
from runlift.web import uploads
from runlift.web.deps import (
    FormDep,
    NowDep,
    PageOwner,
    PageReader,
    SettingsDep,
    StoreDep,
    check_csrf,
)
from runlift.web.errors import field_errors
from runlift.web.schemas import CheckInIn, DoneIn, EventIn, MissedIn, from_form
from runlift.web.templating import render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)

WeekQuery = Annotated[int | None, Query(ge=1, le=60)]


def _log_page(
    request: Request,
    access: AthleteAccess,
    page: log_pages.LogPage,
    *,
    status_code: int = 200,
    **context: Any,
) -> Response:
    values: dict[str, Any] = {
        "access": access,
        "page": page,
        "uploaded": None,
        "upload_error": "",
        "session_form": None,
        **context,
    }
    return render(request, "log.html.j2", values, status_code=status_code)


@router.get("/athletes/{athlete_id}/log", response_class=HTMLResponse)
def log(
    request: Request, access: PageReader, store: StoreDep, now: NowDep, week: WeekQuery = None
) -> Response:
    """A week of the plan against the log: each session's status, what was done, the extras."""
    page = log_pages.log_page(store, access.athlete.id, week=week, now=now)
    return _log_page(request, access, page)


@router.post("/athletes/{athlete_id}/activities", response_class=HTMLResponse)
def upload(
    request: Request,
    access: PageOwner,
    form: FormDep,
    store: StoreDep,
    settings: SettingsDep,
    now: NowDep,
) -> Response:
    """Import uploaded FIT, GPX, TCX, Strong and Hevy files; show what each became."""
    athlete_id = access.athlete.id
    try:
        files = uploads.read_uploads(
            form.getlist(uploads.FILES_FIELD), max_file_bytes=settings.max_file_bytes
        )
    except TooLarge as exc:
        page = log_pages.log_page(store, athlete_id, week=None, now=now)
        return _log_page(request, access, page, status_code=413, upload_error=str(exc))
    except InvalidInput as exc:
        page = log_pages.log_page(store, athlete_id, week=None, now=now)
        return _log_page(request, access, page, status_code=422, upload_error=exc.expected)
    uploaded = log_pages.import_uploads(store, athlete_id, files, now=now)
    weeks = [item.week for file in uploaded for item in file.activities if item.week is not None]
    page = log_pages.log_page(store, athlete_id, week=max(weeks, default=None), now=now)
    nothing_read = all(file.outcome.status == "failed" for file in uploaded)
    return _log_page(
        request, access, page, status_code=422 if nothing_read else 200, uploaded=uploaded
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionForm:
    """A session's form sent back: the session, which form, what was typed, what is wrong."""

    session: str
    kind: str
    given: dict[str, str]
    errors: dict[str, list[str]]


def _session_form_failed(
    request: Request,
    access: AthleteAccess,
    store: StoreDep,
    now: NowDep,
    failed: SessionForm,
    *,
    status_code: int,
) -> Response:
    """The session's week again, its form open with what was typed and what is wrong."""
    week = log_pages.session_week(store, access.athlete.id, failed.session)
    page = log_pages.log_page(store, access.athlete.id, week=week, now=now)
    return _log_page(request, access, page, status_code=status_code, session_form=failed)


def _values(form: FormDep, names: list[str]) -> dict[str, str]:
    return {name: str(form[name]) for name in names if isinstance(form.get(name), str)}


@router.post("/athletes/{athlete_id}/sessions/{session_id}/done", response_class=HTMLResponse)
def done(
    request: Request,
    session_id: str,
    access: PageOwner,
    form: FormDep,
    store: StoreDep,
    now: NowDep,
) -> Response:
    """Mark a planned session done: as planned, or with its RPE, duration and distance."""
    values = _values(form, list(DoneIn.model_fields))
    try:
        body = from_form(DoneIn, values)
        logged = log_pages.mark_done(
            store,
            access.athlete.id,
            session_id,
            rpe=body.rpe,
            duration_min=body.duration_min,
            distance_km=body.distance_km,
        )
    except InvalidInput as exc:
        failed = SessionForm(
            session=session_id, kind="done", given=values, errors=field_errors(exc)
        )
        return _session_form_failed(request, access, store, now, failed, status_code=422)
    except NotFound:
        raise
    except StoreError as exc:  # already logged as done by hand
        failed = SessionForm(session=session_id, kind="done", given=values, errors={"": [str(exc)]})
        return _session_form_failed(request, access, store, now, failed, status_code=409)
    return RedirectResponse(
        f"/athletes/{access.athlete.id}/log?week={logged.week}#s-{session_id}", status_code=303
    )


@router.post("/athletes/{athlete_id}/sessions/{session_id}/missed", response_class=HTMLResponse)
def missed(
    request: Request,
    session_id: str,
    access: PageOwner,
    form: FormDep,
    store: StoreDep,
    now: NowDep,
) -> Response:
    """Mark a planned session missed, with the reason."""
    values = _values(form, list(MissedIn.model_fields))
    try:
        body = from_form(MissedIn, values)
    except InvalidInput as exc:
        failed = SessionForm(
            session=session_id, kind="missed", given=values, errors=field_errors(exc)
        )
        return _session_form_failed(request, access, store, now, failed, status_code=422)
    logged = log_pages.mark_missed(
        store, access.athlete.id, session_id, reason=body.reason, now=now
    )
    return RedirectResponse(
        f"/athletes/{access.athlete.id}/log?week={logged.week}#s-{session_id}", status_code=303
    )


def _check_in_page(
    request: Request,
    access: AthleteAccess,
    page: log_pages.CheckInPage,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, list[str]] | None = None,
    saved: bool = False,
    status_code: int = 200,
) -> Response:
    stored = page.stored
    shown = values
    if shown is None:
        shown = {"date": page.day.isoformat()}
        if stored is not None:
            for name in CheckInIn.model_fields:
                value = getattr(stored, "day" if name == "date" else name)
                if value is not None and name != "date":
                    shown[name] = f"{value:g}"
    return render(
        request,
        "checkin.html.j2",
        {
            "access": access,
            "page": page,
            "values": shown,
            "errors": errors or {},
            "saved": saved,
        },
        status_code=status_code,
    )


@router.get("/athletes/{athlete_id}/checkin", response_class=HTMLResponse)
def check_in_form(
    request: Request,
    access: PageReader,
    store: StoreDep,
    now: NowDep,
    day: Annotated[date | None, Query(alias="date")] = None,
    saved: Annotated[str, Query()] = "",
) -> Response:
    """The daily check-in (sleep, soreness, stress, mood, resting heart rate, body mass)."""
    page = log_pages.check_in_page(store, access.athlete.id, day=day, now=now)
    return _check_in_page(request, access, page, saved=saved == "true")


@router.post("/athletes/{athlete_id}/checkin", response_class=HTMLResponse)
def check_in(
    request: Request, access: PageOwner, form: FormDep, store: StoreDep, now: NowDep
) -> Response:
    """Store the day's check-in; answers given again replace that day's earlier ones."""
    values = _values(form, list(CheckInIn.model_fields))
    try:
        body = from_form(CheckInIn, values)
        entry = log_pages.check_in(
            store,
            access.athlete.id,
            CheckIn(
                day=body.date,
                sleep_h=body.sleep_h,
                soreness=body.soreness,
                stress=body.stress,
                mood=body.mood,
                resting_hr_bpm=body.resting_hr_bpm,
                mass_kg=body.mass_kg,
            ),
            now=now,
        )
    except InvalidInput as exc:
        page = log_pages.check_in_page(store, access.athlete.id, day=None, now=now)
        return _check_in_page(
            request, access, page, values=values, errors=field_errors(exc), status_code=422
        )
    return RedirectResponse(
        f"/athletes/{access.athlete.id}/checkin?date={entry.day.isoformat()}&saved=true",
        status_code=303,
    )


def _events_page(
    request: Request,
    access: AthleteAccess,
    page: log_pages.EventsPage,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, list[str]] | None = None,
    status_code: int = 200,
) -> Response:
    today = page.today.isoformat()
    return render(
        request,
        "events.html.j2",
        {
            "access": access,
            "page": page,
            "kinds": list(EventKind),
            "values": values or {"kind": "illness", "first_day": today, "last_day": today},
            "errors": errors or {},
        },
        status_code=status_code,
    )


@router.get("/athletes/{athlete_id}/events", response_class=HTMLResponse)
def events(request: Request, access: PageReader, store: StoreDep, now: NowDep) -> Response:
    """Illness, injury and travel, newest first; the owner adds one."""
    return _events_page(request, access, log_pages.events_page(store, access.athlete.id, now=now))


@router.post("/athletes/{athlete_id}/events", response_class=HTMLResponse)
def add_event(
    request: Request, access: PageOwner, form: FormDep, store: StoreDep, now: NowDep
) -> Response:
    """Record illness, injury or travel over a range of days."""
    values = _values(form, list(EventIn.model_fields))
    try:
        body = from_form(EventIn, values)
        log_pages.add_event(
            store,
            access.athlete.id,
            kind=body.kind,
            first_day=body.first_day,
            last_day=body.last_day,
            note=body.note,
        )
    except InvalidInput as exc:
        page = log_pages.events_page(store, access.athlete.id, now=now)
        return _events_page(
            request, access, page, values=values, errors=field_errors(exc), status_code=422
        )
    return RedirectResponse(f"/athletes/{access.athlete.id}/events", status_code=303)
