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

from runlift.services import adaptation
from runlift.services import status as status_service
from runlift.services.status_json import status_document
from runlift.web.deps import ApiPlanner, ApiReader, NowDep, StoreDep
from runlift.web.routes.api_log import ERRORS, READ_ERRORS
from runlift.web.schemas import (
    AdaptIn,
    AdaptOut,
    ErrorOut,
    MoveIn,
    MoveOut,
    MoveRefusedOut,
    StatusOut,
)

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


@router.post(
    "/adapt",
    response_model=None,
    responses={
        200: {"model": AdaptOut, "description": "the changes, stored unless a dry run"},
        **ERRORS,
        409: {"model": ErrorOut, "description": "the plan or log changed since the preview"},
        422: {"model": ErrorOut, "description": "the adapted plan would break a hard rule"},
    },
)
def adapt(
    access: ApiPlanner, store: StoreDep, now: NowDep, body: AdaptIn | None = None
) -> JSONResponse:
    """Adapt the plan to the log from today (owner or coach): ``runlift adapt --json``'s answer.

    Without a body the adaptation is decided and stored as a new plan version (none when
    nothing changes). ``{"dry_run": true}`` only shows it, with a ``digest``;
    ``{"from_version", "digest"}`` stores it only if adapting still decides exactly that.
    """
    request = body or AdaptIn()
    athlete_id = access.athlete.id
    if request.digest is not None and request.from_version is not None:
        outcome = adaptation.accept(
            store, athlete_id, from_version=request.from_version, digest=request.digest, now=now
        )
    else:
        outcome = adaptation.adapt(store, athlete_id, now=now, dry_run=request.dry_run)
    return JSONResponse(outcome.as_json())


@router.post(
    "/sessions/{session_id}/move",
    response_model=None,
    responses={
        200: {"model": MoveOut, "description": "moved (a new version), or judged (dry run)"},
        **ERRORS,
        409: {"model": MoveRefusedOut, "description": "refused: a hard rule, a window, a day"},
        422: {"model": ErrorOut, "description": "a past or done session, the race, a past start"},
    },
)
def move(
    session_id: str, body: MoveIn, access: ApiPlanner, store: StoreDep, now: NowDep
) -> JSONResponse:
    """Move a session not yet done to a new start (owner or coach), if the rules allow it.

    The rule checkers judge the week as the athlete would live it; a move that breaks a
    hard rule is refused (409) with their words, and nothing is stored.
    """
    outcome = adaptation.move_session(
        store, access.athlete.id, session_id, start=body.start, now=now, dry_run=body.dry_run
    )
    if not outcome.accepted:
        return JSONResponse({"detail": outcome.refusal_text, **outcome.as_json()}, status_code=409)
    return JSONResponse(outcome.as_json())
