"""What needs no login: the health check, calendar subscriptions and the rule catalogue."""

from __future__ import annotations

from typing import Final

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from runlift.rules import RULES
from runlift.services import calendar_feed
from runlift.web.deps import MaybeUser, StoreDep
from runlift.web.schemas import ErrorOut, HealthOut
from runlift.web.templating import render

ICS: Final = "text/calendar; charset=utf-8"

router = APIRouter()


@router.get("/healthz", response_model=HealthOut, tags=["api"])
def healthz(store: StoreDep) -> HealthOut:
    """``ok`` when the app answers and its store does."""
    store.database.ping()
    return HealthOut(status="ok")


@router.get(
    "/cal/{token}.ics",
    response_class=Response,
    include_in_schema=False,
    responses={404: {"model": ErrorOut}},
)
def calendar(token: str, store: StoreDep) -> Response:
    """An athlete's plan for calendar apps, by the secret of its subscription URL."""
    return Response(
        calendar_feed.calendar(store, token),
        media_type=ICS,
        headers={"Content-Disposition": 'inline; filename="plan.ics"'},
    )


@router.get("/rules", response_class=HTMLResponse, include_in_schema=False)
def rules(request: Request, user: MaybeUser) -> HTMLResponse:
    """Every rule runlift follows, by ID, with its sources and numbers per evidence profile."""
    return render(request, "rules.html.j2", {"rules": list(RULES.values())})
