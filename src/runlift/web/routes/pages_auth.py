"""Pages: home, sign up, log in, log out.

A login replaces the session (a new CSRF token with it), so a session fixed
before the login is worth nothing after it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from runlift.errors import InvalidInput, NotAuthenticated, StoreError, TooManyAttempts
from runlift.services import accounts, athletes
from runlift.store.accounts import UserRecord
from runlift.web.deps import (
    ClientDep,
    MaybeUser,
    NowDep,
    SessionDep,
    StoreDep,
    check_csrf,
)
from runlift.web.templating import render

router = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)

FormText = Annotated[str, Form()]


def safe_next(target: str | None, default: str = "/") -> str:
    """``target`` if it is a path on this site, else ``default`` (no open redirects)."""
    if (
        not target
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or any(ord(char) < 32 for char in target)
    ):
        return default
    return target


def _log_in_session(session: dict[str, object], user: UserRecord) -> None:
    session.clear()
    session["uid"] = user.id


@router.get("/", response_class=HTMLResponse)
def home(request: Request, user: MaybeUser, store: StoreDep) -> Response:
    """The user's athletes and coached athletes; the welcome page for visitors."""
    if user is None:
        return render(request, "welcome.html.j2")
    mine = athletes.my_athletes(store, user.id)
    return render(request, "home.html.j2", {"mine": mine})


@router.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request, user: MaybeUser) -> Response:
    """The sign-up form."""
    return render(request, "signup.html.j2", {"email": "", "errors": {}})


@router.post("/signup", response_class=HTMLResponse)
def signup(
    request: Request,
    store: StoreDep,
    session: SessionDep,
    now: NowDep,
    email: FormText = "",
    password: FormText = "",
) -> Response:
    """Make an account and log in; then on to the athlete's profile."""
    try:
        user = accounts.sign_up(store, email=email, password=password, now=now)
    except InvalidInput as exc:
        return render(
            request,
            "signup.html.j2",
            {"email": email, "errors": dict(exc.problems)},
            status_code=422,
        )
    except StoreError as exc:
        return render(
            request,
            "signup.html.j2",
            {"email": email, "errors": {"email": str(exc)}},
            status_code=409,
        )
    _log_in_session(session, user)
    return RedirectResponse("/", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request, user: MaybeUser, target: Annotated[str, Query(alias="next")] = "/"
) -> Response:
    """The login form."""
    return render(request, "login.html.j2", {"email": "", "error": "", "next": safe_next(target)})


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    store: StoreDep,
    session: SessionDep,
    client: ClientDep,
    now: NowDep,
    email: FormText = "",
    password: FormText = "",
    going: Annotated[str, Form(alias="next")] = "/",
) -> Response:
    """Log in, within the limits on failed attempts; then back where the user was going."""
    target = safe_next(going)
    context = {"email": email, "next": target}
    try:
        user = accounts.log_in(store, email=email, password=password, client=client, now=now)
    except TooManyAttempts as exc:
        response = render(
            request,
            "login.html.j2",
            {**context, "error": f"Too many failed logins: try again in {exc.retry_after_s} s."},
            status_code=429,
        )
        response.headers["Retry-After"] = str(exc.retry_after_s)
        return response
    except NotAuthenticated:
        return render(
            request,
            "login.html.j2",
            {**context, "error": "Wrong e-mail address or password."},
            status_code=401,
        )
    _log_in_session(session, user)
    return RedirectResponse(target, status_code=303)


@router.post("/logout")
def logout(session: SessionDep) -> Response:
    """End the session."""
    session.clear()
    return RedirectResponse("/", status_code=303)
