"""The athlete's status, the plan's adaptation and sessions moved by hand, in the REST API.

``GET /status`` answers the document ``runlift status --json`` prints, ``POST
/adapt`` the one ``runlift adapt --json`` prints; both come from the services the
command line calls. The athlete comes from ``deps.api_athlete``: 404 for anyone who
may not see it.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from runlift.services import status as status_service
from runlift.services.status_json import status_document
from runlift.web.deps import ApiReader, NowDep, StoreDep
from runlift.web.routes.api_log import READ_ERRORS
from runlift.web.schemas import ErrorOut, StatusOut

router = APIRouter(prefix="/api/v1/athletes/{athlete_id}", tags=["status and adaptation"])


@router.get(
    "/status",
    response_model=None,
    responses={
        200: {"model": StatusOut, "description": "the athlete's status on the day"},
        **READ_ERRORS,
        422: {"model": ErrorOut, "description": "not a date"},
    },
)
def athlete_status(
    access: ApiReader,
    store: StoreDep,
    now: NowDep,
    today: Annotated[
        date | None,
        Query(description="take this date as today (default: today in the athlete's zone)"),
    ] = None,
) -> JSONResponse:
    """This week against the plan, training load, estimates, readiness and what comes next.

    The document ``runlift status --json`` prints: ``athlete``, ``plan_version``,
    ``today``, ``week``, ``sessions``, ``load``, ``estimates``, ``readiness``,
    ``fatigue``, ``lift_efforts``, ``events``, ``next``.
    """
    view = status_service.status(store, access.athlete.id, today=today, now=now)
    return JSONResponse(status_document(view))
