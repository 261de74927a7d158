"""The coach's dashboard: every athlete who invited the user, this week and what comes next."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from runlift.services import coaching
from runlift.web.deps import NowDep, PageUser, StoreDep, check_csrf
from runlift.web.templating import render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


@router.get("/coach", response_class=HTMLResponse)
def dashboard(request: Request, user: PageUser, store: StoreDep, now: NowDep) -> Response:
    """The athletes the user coaches: week, adherence, readiness, next key session."""
    return render(request, "coach.html.j2", {"rows": coaching.dashboard(store, user.id, now=now)})
