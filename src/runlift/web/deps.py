"""The app's dependencies: settings, store, clock, the user, and the athlete a request may reach.

Every route that names an athlete gets it from :func:`page_athlete` or
:func:`api_athlete` with the access it needs; both ask
:func:`runlift.services.accounts.athlete_access`, the one place that decides,
and a refusal reads 404 exactly as an unknown athlete does.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Annotated, Any, Final

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from starlette.datastructures import FormData

from runlift.errors import NotAuthenticated
from runlift.services import accounts
from runlift.services.accounts import Access, AthleteAccess
from runlift.settings import Settings
from runlift.store.accounts import UserRecord
from runlift.store.repository import Store
from runlift.web.security import CSRF_FIELD, CSRF_HEADER, Signer, csrf_matches

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class LoginRequired(Exception):  # noqa: N818 - a signal, answered with a redirect to the login
    """A page needs a logged-in user and the request has none."""


class CsrfFailed(Exception):  # noqa: N818 - a signal, answered with 403
    """A form came without the session's CSRF token."""


def get_settings(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> Store:
    """The store the app opened when it started."""
    store: Store = request.app.state.store
    return store


def get_signer(request: Request) -> Signer:
    """The signer of sessions and tokens."""
    signer: Signer = request.app.state.signer
    return signer


def get_now() -> datetime:
    """The time of the request (UTC); tests replace it."""
    return datetime.now(UTC)


def get_client(request: Request) -> str:
    """The client's address (the proxy's view when the proxy is trusted), for the login limits."""
    return request.client.host if request.client is not None else "unknown"


def get_session(request: Request) -> dict[str, Any]:
    """The request's session (the signed cookie's content), changed in place."""
    session: dict[str, Any] = request.scope["session"]
    return session


NOTICE: Final = "notice"
"""The session's key for a line the next page shows once (a plan changed, a session moved)."""


def pop_notice(session: Annotated[dict[str, Any], Depends(get_session)]) -> str:
    """The line a change left for the next page, removed from the session as it is read."""
    return str(session.pop(NOTICE, "") or "")


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
SignerDep = Annotated[Signer, Depends(get_signer)]
NowDep = Annotated[datetime, Depends(get_now)]
ClientDep = Annotated[str, Depends(get_client)]
SessionDep = Annotated[dict[str, Any], Depends(get_session)]
NoticeDep = Annotated[str, Depends(pop_notice)]


async def get_form(request: Request) -> AsyncIterator[FormData]:
    """The posted form (read once; the CSRF check and the route share it).

    Its uploaded files (spooled to temporary files) are closed once the answer is sent.
    """
    form = await request.form()
    try:
        yield form
    finally:
        await form.close()


FormDep = Annotated[FormData, Depends(get_form)]


async def check_csrf(request: Request) -> AsyncIterator[None]:
    """Refuse an unsafe request whose form or header lacks the session's CSRF token."""
    if request.method not in UNSAFE_METHODS:
        yield
        return
    sent: object = request.headers.get(CSRF_HEADER)
    form = None
    if sent is None:
        form = await request.form()
        sent = form.get(CSRF_FIELD)
    try:
        if not csrf_matches(request.scope["session"], sent):
            raise CsrfFailed
        yield
    finally:
        if form is not None:
            await form.close()


def session_user(request: Request, session: SessionDep, store: StoreDep) -> UserRecord | None:
    """The logged-in user of a page request, or None (also kept for the page's header)."""
    user_id = session.get("uid")
    user = None
    if isinstance(user_id, int) and not isinstance(user_id, bool):
        user = store.accounts.user(user_id)
        if user is None:
            session.pop("uid", None)
    request.state.user = user
    return user


MaybeUser = Annotated[UserRecord | None, Depends(session_user)]


def page_user(user: MaybeUser) -> UserRecord:
    """The logged-in user of a page; without one the browser is sent to log in."""
    if user is None:
        raise LoginRequired
    return user


PageUser = Annotated[UserRecord, Depends(page_user)]

bearer = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


def api_user(
    token: Annotated[str | None, Depends(bearer)], signer: SignerDep, store: StoreDep
) -> UserRecord:
    """The user an API request's bearer token names.

    Raises:
        NotAuthenticated: no token, or one that is forged, expired or of a deleted user.
    """
    if not token:
        raise NotAuthenticated("log in: send Authorization: Bearer <token> from /api/v1/auth/token")
    user_id = signer.token_user(token)
    if user_id is None:
        raise NotAuthenticated("the token is invalid or expired: ask /api/v1/auth/token again")
    return accounts.user(store, user_id)


ApiUser = Annotated[UserRecord, Depends(api_user)]


def page_athlete(need: Access) -> Callable[..., AthleteAccess]:
    """A dependency: the path's athlete, if the page's user may do ``need`` with it, else 404."""

    def dependency(athlete_id: str, user: PageUser, store: StoreDep) -> AthleteAccess:
        return accounts.athlete_access(store, user_id=user.id, athlete_id=athlete_id, need=need)

    return dependency


def api_athlete(need: Access) -> Callable[..., AthleteAccess]:
    """A dependency: the path's athlete, if the token's user may do ``need`` with it, else 404."""

    def dependency(athlete_id: str, user: ApiUser, store: StoreDep) -> AthleteAccess:
        return accounts.athlete_access(store, user_id=user.id, athlete_id=athlete_id, need=need)

    return dependency


PageReader = Annotated[AthleteAccess, Depends(page_athlete(Access.READ))]
PageOwner = Annotated[AthleteAccess, Depends(page_athlete(Access.WRITE))]
PagePlanner = Annotated[AthleteAccess, Depends(page_athlete(Access.PLAN))]
ApiReader = Annotated[AthleteAccess, Depends(api_athlete(Access.READ))]
ApiOwner = Annotated[AthleteAccess, Depends(api_athlete(Access.WRITE))]
ApiPlanner = Annotated[AthleteAccess, Depends(api_athlete(Access.PLAN))]

__all__ = [
    "NOTICE",
    "ApiOwner",
    "ApiPlanner",
    "ApiReader",
    "ApiUser",
    "ClientDep",
    "CsrfFailed",
    "FormDep",
    "LoginRequired",
    "MaybeUser",
    "NoticeDep",
    "NowDep",
    "PageOwner",
    "PagePlanner",
    "PageReader",
    "PageUser",
    "SessionDep",
    "SettingsDep",
    "SignerDep",
    "StoreDep",
    "check_csrf",
]
