"""The athlete's progress page: today's numbers and the report's charts of the plan against the log.

Owner and invited coach read it (``deps.PageReader``); anyone else gets 404.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from runlift.services.progress_page import progress_page
from runlift.web.deps import NowDep, PageReader, StoreDep, check_csrf
from runlift.web.templating import render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


@router.get("/athletes/{athlete_id}/progress", response_class=HTMLResponse)
def progress(
    request: Request,
    access: PageReader,
    store: StoreDep,
    now: NowDep,
    today: Annotated[date | None, Query()] = None,
) -> Response:
    """Load planned and done, sessions, e1RM, VDOT, body mass, readiness: the status and charts."""
    page = progress_page(store, access.athlete.id, today=today, now=now)
    return render(request, "progress.html.j2", {"access": access, "page": page})
