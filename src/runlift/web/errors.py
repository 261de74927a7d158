"""Errors to HTTP in one place: JSON ``{"detail": ...}`` for the API, a page for the browser.

=========================  ======  ==============================================
error                      status  notes
=========================  ======  ==============================================
``InvalidInput``           422     ``detail`` lists every field at fault
``PlanningError``          422     the profile is valid but no plan fits it
``NotAuthenticated``       401     API: ``WWW-Authenticate: Bearer``; pages: login
``TooManyAttempts``        429     ``Retry-After`` in seconds
``NotFound``               404     unknown, or not the asker's to see
``TooLarge``               413     an upload with too many files, or one too large
``StoreError`` (others)    409     e.g. an e-mail address already signed up
=========================  ======  ==============================================
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from runlift.errors import (
    InvalidInput,
    NotAuthenticated,
    NotFound,
    PlanningError,
    RunliftError,
    StoreError,
    TooLarge,
    TooManyAttempts,
)
from runlift.io.profile import describe_error
from runlift.web.deps import CsrfFailed, LoginRequired
from runlift.web.schemas import describe_field_error
from runlift.web.security import api_path
from runlift.web.templating import render

FIELD_NAMES = {
    "--week": ("query", "week"),
    "--rpe": ("body", "rpe"),
    "--duration": ("body", "duration_min"),
    "--distance": ("body", "distance_km"),
    "--date": ("body", "date"),
    "--from": ("body", "first_day"),
    "--to": ("body", "last_day"),
    "to": ("body", "last_day"),
}
"""Fields the services name as the command line does: where the API and the forms have them."""

PROFILE_PATHS = frozenset({"/api/v1/athletes", "/athletes/new"})
"""Where a request's body is a profile, whose errors are worded as a profile file's."""

TITLES = {
    400: "Bad request",
    401: "Log in first",
    403: "Refused",
    404: "Not found",
    405: "Not allowed",
    409: "Already there",
    413: "Too large",
    422: "Please check what you entered",
    429: "Too many attempts",
}


def is_api(request: Request) -> bool:
    """Whether the request is the API's (answered in JSON) rather than a page's."""
    return api_path(request.url.path)


def status_of(error: RunliftError) -> int:
    """The HTTP status of one of runlift's errors."""
    if isinstance(error, TooManyAttempts):
        return 429
    if isinstance(error, NotAuthenticated):
        return 401
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, InvalidInput | PlanningError):
        return 422
    if isinstance(error, TooLarge):
        return 413
    if isinstance(error, StoreError):
        return 409
    return 400


def field_name(field: str) -> str:
    """A field at fault as the API and the forms name it (:data:`FIELD_NAMES`)."""
    return FIELD_NAMES.get(field, ("body", field))[1]


def problems(error: InvalidInput) -> list[dict[str, Any]]:
    """The ``detail`` of a 422 for invalid input: one item per field, FastAPI's shape."""
    found = []
    for field, message in error.problems:
        where, name = FIELD_NAMES.get(field, ("body", field))
        found.append(
            {
                "loc": [where, *name.split(".")],
                "msg": message,
                "type": "value_error",
                "field": name,
            }
        )
    return found


def field_errors(error: InvalidInput) -> dict[str, list[str]]:
    """What a form shows beside each field: the messages of each field at fault."""
    found: dict[str, list[str]] = {}
    for field, message in error.problems:
        found.setdefault(field_name(field), []).append(message)
    return found


def _page(request: Request, status: int, message: str) -> Response:
    return render(
        request,
        "error.html.j2",
        {"title": TITLES.get(status, "Something went wrong"), "message": message},
        status_code=status,
    )


async def _runlift_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RunliftError):  # registered for RunliftError only
        raise exc
    status = status_of(exc)
    headers = {}
    if isinstance(exc, TooManyAttempts):
        headers["Retry-After"] = str(exc.retry_after_s)
    elif status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if is_api(request):
        detail: Any = problems(exc) if isinstance(exc, InvalidInput) else str(exc)
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    if status == 401:
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    response = _page(request, status, str(exc))
    response.headers.update(headers)
    return response


async def _validation_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RequestValidationError):  # registered for it only
        raise exc
    detail = []
    for error in exc.errors():
        loc = [part for part in error.get("loc", ()) if isinstance(part, str | int)]
        inner = {**error, "loc": loc[1:] if loc and loc[0] in {"body", "query", "path"} else loc}
        if request.url.path in PROFILE_PATHS:
            field, _, message = describe_error(inner)
        else:
            field, message = describe_field_error(inner)
        detail.append({"loc": loc, "msg": message, "type": str(error.get("type")), "field": field})
    if is_api(request):
        return JSONResponse({"detail": detail}, status_code=422)
    text = "; ".join(f"{item['field']}: {item['msg']}" for item in detail)
    return _page(request, 422, text)


async def _http_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, HTTPException):  # registered for it only
        raise exc
    headers = dict(exc.headers or {})
    if is_api(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    response = _page(request, exc.status_code, str(exc.detail))
    response.headers.update(headers)
    return response


async def _login_required(request: Request, exc: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target)}", status_code=303)


async def _csrf_failed(request: Request, exc: Exception) -> Response:
    return _page(
        request,
        403,
        "The form was sent without its security token, or the session ended: "
        "go back, reload the page and send it again.",
    )


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(RunliftError, _runlift_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(CsrfFailed, _csrf_failed)
