"""Pages of an athlete: onboarding, the plan, its downloads, and sharing (coaches, calendar).

The owner reads and changes; an invited coach reads (``deps.PageReader``) and sees
no sharing controls. The training log's pages are in ``pages_log``.
"""

from __future__ import annotations

from typing import Annotated, Any, Final

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from runlift.errors import InvalidInput, PlanningError
from runlift.services import athletes, calendar_feed, coaching
from runlift.services.accounts import AthleteAccess
from runlift.web import profile_form
from runlift.web.deps import (
    FormDep,
    NoticeDep,
    NowDep,
    PageOwner,
    PageReader,
    PageUser,
    StoreDep,
    check_csrf,
)
from runlift.web.templating import render

ICS: Final = "text/calendar; charset=utf-8"

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def _form_page(
    request: Request,
    values: dict[str, Any],
    checked: dict[str, list[str]],
    errors: dict[str, list[str]],
    general: list[str],
    *,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "onboarding.html.j2",
        {
            "sections": profile_form.sections(),
            "values": values,
            "checked": checked,
            "errors": errors,
            "general": general,
        },
        status_code=status_code,
    )


@router.get("/athletes/new", response_class=HTMLResponse)
def new_athlete(request: Request, user: PageUser) -> Response:
    """The profile form, empty but for its defaults."""
    defaults = {item.name: item.default for item in profile_form.all_fields() if item.default}
    return _form_page(request, defaults, {}, {}, [])


@router.post("/athletes/new", response_class=HTMLResponse)
def create_athlete(
    request: Request, form: FormDep, user: PageUser, store: StoreDep, now: NowDep
) -> Response:
    """Check the profile as a YAML one is checked, plan it, and show the plan."""
    values = {key: str(value) for key, value in form.items() if isinstance(value, str)}
    checked = {
        item.name: [str(v) for v in form.getlist(item.name)]
        for item in profile_form.all_fields()
        if item.kind == "checkboxes"
    }
    data = profile_form.profile_data(values, checked)
    try:
        record = athletes.create_athlete(store, owner_id=user.id, profile=data, now=now)
    except InvalidInput as exc:
        errors, general = profile_form.field_errors(exc.problems)
        return _form_page(request, values, checked, errors, general, status_code=422)
    except PlanningError as exc:
        return _form_page(request, values, checked, {}, [str(exc)], status_code=422)
    return RedirectResponse(f"/athletes/{record.id}", status_code=303)


@router.get("/athletes/{athlete_id}", response_class=HTMLResponse)
def plan(
    request: Request,
    access: PageReader,
    store: StoreDep,
    now: NowDep,
    notice: NoticeDep,
    week: Annotated[int | None, Query(ge=1, le=60)] = None,
) -> Response:
    """The plan: a week as a calendar and as a list of sessions, with why each is there."""
    page = athletes.plan_page(
        store, access.athlete.id, now=now, week=None if week is None else week - 1
    )
    return render(request, "plan.html.j2", {"access": access, "page": page, "notice": notice})


def _download(data: bytes | str, media_type: str, name: str) -> Response:
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/athletes/{athlete_id}/plan.pdf")
def plan_pdf(access: PageReader, store: StoreDep) -> Response:
    """The athlete's report as PDF."""
    return _download(athletes.plan_pdf(store, access.athlete.id), "application/pdf", "report.pdf")


@router.get("/athletes/{athlete_id}/plan.ics")
def plan_ics(access: PageReader, store: StoreDep) -> Response:
    """The plan as an iCalendar file."""
    return _download(athletes.plan_ics(store, access.athlete.id), ICS, "plan.ics")


@router.get("/athletes/{athlete_id}/plan.json")
def plan_json(access: PageReader, store: StoreDep) -> Response:
    """The plan as ``plan.json``."""
    return _download(athletes.plan_json(store, access.athlete.id), "application/json", "plan.json")


@router.get("/athletes/{athlete_id}/sessions/{session_id}.fit")
def session_fit(session_id: str, access: PageReader, store: StoreDep) -> Response:
    """One session as a FIT workout for a watch or a bike computer."""
    name, data = athletes.workout_fit(store, access.athlete.id, session_id)
    return _download(data, "application/vnd.ant.fit", name)


def _sharing_page(
    request: Request,
    access: AthleteAccess,
    store: StoreDep,
    *,
    calendar_url: str | None = None,
    error: str = "",
    email: str = "",
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "sharing.html.j2",
        {
            "access": access,
            "coaches": coaching.coaches(store, access.athlete.id),
            "subscribed_since": calendar_feed.subscribed_since(store, access.athlete.id),
            "calendar_url": calendar_url,
            "error": error,
            "email": email,
        },
        status_code=status_code,
    )


@router.get("/athletes/{athlete_id}/sharing", response_class=HTMLResponse)
def sharing(request: Request, access: PageOwner, store: StoreDep) -> Response:
    """Coaches and the calendar subscription (the owner's page)."""
    return _sharing_page(request, access, store)


@router.post("/athletes/{athlete_id}/coaches", response_class=HTMLResponse)
def invite_coach(
    request: Request,
    access: PageOwner,
    store: StoreDep,
    now: NowDep,
    email: Annotated[str, Form()] = "",
) -> Response:
    """Invite a coach by e-mail."""
    try:
        coaching.invite_coach(store, access.athlete.id, email, now=now)
    except InvalidInput as exc:
        return _sharing_page(
            request, access, store, error=exc.expected, email=email, status_code=422
        )
    return RedirectResponse(f"/athletes/{access.athlete.id}/sharing", status_code=303)


@router.post("/athletes/{athlete_id}/coaches/revoke")
def revoke_coach(
    access: PageOwner, store: StoreDep, now: NowDep, email: Annotated[str, Form()] = ""
) -> Response:
    """Revoke a coach's invitation."""
    coaching.revoke_coach(store, access.athlete.id, email, now=now)
    return RedirectResponse(f"/athletes/{access.athlete.id}/sharing", status_code=303)


@router.post("/athletes/{athlete_id}/calendar", response_class=HTMLResponse)
def subscribe(request: Request, access: PageOwner, store: StoreDep, now: NowDep) -> Response:
    """A new private calendar URL, shown once (the one before stops working)."""
    token = calendar_feed.subscribe(store, access.athlete.id, now=now)
    url = str(request.url_for("calendar", token=token))
    return _sharing_page(request, access, store, calendar_url=url)


@router.post("/athletes/{athlete_id}/calendar/revoke")
def unsubscribe(access: PageOwner, store: StoreDep, now: NowDep) -> Response:
    """Revoke the private calendar URL."""
    calendar_feed.unsubscribe(store, access.athlete.id, now=now)
    return RedirectResponse(f"/athletes/{access.athlete.id}/sharing", status_code=303)
