"""The plan changed from its pages: an adaptation shown before it is accepted, a session moved.

Who may: the owner and an invited coach (``deps.PagePlanner``); anyone else gets
404. The adaptation is the one ``runlift adapt`` makes: ``GET /adapt`` shows its
changes (moved, changed, dropped, added, each with its rule IDs and reason) and a
form that accepts exactly those (the preview's digest); a move is judged by the
rule checkers and refused, with their words, when it breaks a hard rule.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from runlift.errors import InvalidInput, PlanningError, StoreError
from runlift.services import adaptation, athletes, plan_changes
from runlift.services.accounts import AthleteAccess
from runlift.web.deps import NOTICE, NowDep, PagePlanner, SessionDep, StoreDep, check_csrf
from runlift.web.templating import render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)


def _adapt_page(
    request: Request,
    access: AthleteAccess,
    store: StoreDep,
    now: NowDep,
    *,
    status_code: int = 200,
    **context: Any,
) -> Response:
    values: dict[str, Any] = {"access": access, "outcome": None, "rows": (), "error": ""}
    try:
        outcome = adaptation.preview(store, access.athlete.id, now=now)
        values.update(outcome=outcome, rows=plan_changes.change_rows(outcome.records))
    except (InvalidInput, PlanningError) as exc:
        values["error"] = str(exc)
    values.update(context)
    return render(request, "adapt.html.j2", values, status_code=status_code)


@router.get("/athletes/{athlete_id}/adapt", response_class=HTMLResponse)
def preview(request: Request, access: PagePlanner, store: StoreDep, now: NowDep) -> Response:
    """What adapting the plan to the log would change today, nothing stored yet."""
    return _adapt_page(request, access, store, now)


@router.post("/athletes/{athlete_id}/adapt", response_class=HTMLResponse)
def accept(
    request: Request,
    access: PagePlanner,
    store: StoreDep,
    now: NowDep,
    session: SessionDep,
    from_version: Annotated[int, Form()],
    digest: Annotated[str, Form(max_length=64)],
) -> Response:
    """Store the adaptation the preview showed, if it still is what adapting decides."""
    try:
        outcome = adaptation.accept(
            store, access.athlete.id, from_version=from_version, digest=digest, now=now
        )
    except StoreError as exc:
        return _adapt_page(request, access, store, now, status_code=409, stale=str(exc))
    if outcome.to_version is not None:
        session[NOTICE] = (
            f"Plan version {outcome.to_version}: {len(outcome.records)} "
            f"change{'s' if len(outcome.records) != 1 else ''} from {outcome.today:%a %-d %b}."
        )
    return RedirectResponse(f"/athletes/{access.athlete.id}", status_code=303)


@router.post("/athletes/{athlete_id}/sessions/{session_id}/move", response_class=HTMLResponse)
def move(
    request: Request,
    session_id: str,
    access: PagePlanner,
    store: StoreDep,
    now: NowDep,
    session: SessionDep,
    start: Annotated[str, Form(max_length=40)],
) -> Response:
    """Move a session to a new start, if the rule checkers allow it; else say why not."""
    athlete_id = access.athlete.id
    week = plan_changes.session_week(store, athlete_id, session_id)
    if week is None:
        return RedirectResponse(f"/athletes/{athlete_id}", status_code=303)
    try:
        outcome = plan_changes.move_local(store, athlete_id, session_id, local_start=start, now=now)
        refusal = outcome.refusal_text
    except InvalidInput as exc:
        outcome, refusal = None, f"Not moved: {exc}."
    if outcome is None or not outcome.accepted:
        page = athletes.plan_page(store, athlete_id, now=now, week=week)
        context = {
            "access": access,
            "page": page,
            "move_error": {"session": session_id, "text": refusal, "start": start},
        }
        return render(request, "plan.html.j2", context, status_code=422)
    if outcome.record is not None:
        after = plan_changes.change_rows([outcome.record])[0]
        warnings = "".join(f" Note: {warning}." for warning in outcome.warnings)
        session[NOTICE] = f"Moved {after.after_what.split(':')[0]} to {after.after_when}.{warnings}"
        week = plan_changes.session_week(store, athlete_id, session_id)
    return RedirectResponse(
        f"/athletes/{athlete_id}?week={(week or 0) + 1}#s-{session_id}", status_code=303
    )
