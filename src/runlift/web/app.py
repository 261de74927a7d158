"""The app factory: ``create_app(settings)``, and ``from_environment()`` for ``uvicorn``.

The app keeps no state of its own between requests: users, sessions' owners,
plans, rate-limit counts all live in the store, and sessions in signed cookies,
so any number of workers on any number of hosts serve it from one database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

import runlift
from runlift.settings import Settings
from runlift.store.database import default_url
from runlift.store.repository import Store
from runlift.web import errors
from runlift.web.routes import (
    api,
    api_log,
    api_status,
    pages_adapt,
    pages_athletes,
    pages_auth,
    pages_coach,
    pages_log,
    pages_progress,
    public,
)
from runlift.web.security import (
    BodyLimitMiddleware,
    SecurityHeadersMiddleware,
    SessionMiddleware,
    Signer,
)

API_DESCRIPTION = """\
runlift's REST API: athletes, their plans, their coaches and their training log.

Get a token with `POST /api/v1/auth/token` (OAuth2 password form: your e-mail
address as `username`), then send `Authorization: Bearer <token>`. Errors are
JSON `{"detail": ...}`: 401 without a valid token, 404 for an athlete you may
not see (the same as one that does not exist), 413 for a body over the limit
(or an upload of training files over its limits), 422 naming each field at
fault, 429 with `Retry-After` after too many failed logins.
"""


def create_app(settings: Settings) -> FastAPI:
    """The web app and API configured by ``settings``; the store opens when the app starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store(settings.db_url or default_url())
        app.state.store = store
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="runlift",
        version=runlift.__version__,
        description=API_DESCRIPTION,
        lifespan=lifespan,
        # The interactive docs load scripts from a CDN and run inline script, which
        # the Content Security Policy forbids: the schema itself is at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.signer = Signer(
        settings.secret_key,
        session_max_age_s=settings.session_max_age_s,
        token_max_age_s=settings.api_token_max_age_s,
    )
    errors.install(app)
    app.include_router(public.router)
    app.include_router(api.router)
    app.include_router(api_log.router)
    app.include_router(api_status.router)
    app.include_router(pages_auth.router)
    app.include_router(pages_athletes.router)
    app.include_router(pages_adapt.router)
    app.include_router(pages_log.router)
    app.include_router(pages_progress.router)
    app.include_router(pages_coach.router)
    app.mount(
        "/static",
        StaticFiles(directory=str(resources.files("runlift.web").joinpath("static"))),
        name="static",
    )
    # Added innermost first: a request meets the proxy headers, the security headers,
    # the host check, the body limit and the session, in that order.
    app.add_middleware(SessionMiddleware, signer=app.state.signer)
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        upload_max_bytes=settings.max_upload_bytes,
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts))
    app.add_middleware(SecurityHeadersMiddleware)
    if settings.trusted_proxies:
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))
    return app


def from_environment() -> FastAPI:
    """The app configured by the ``RUNLIFT_*`` environment variables (``uvicorn --factory``)."""
    return create_app(Settings.from_environ())
