"""``runlift serve``: the web app and its API with uvicorn; ``--demo`` on a throwaway store.

The demo store is deleted when the server stops.

The app is configured by the environment (``runlift.settings``), which every
worker process reads; ``--db`` sets ``RUNLIFT_DB``. The store's schema is brought
up to date here, once, before any worker starts. The command line does not
import the web app: uvicorn loads it by name (``runlift.web.app:from_environment``).
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Final

import typer

from runlift.cli import render
from runlift.errors import InvalidInput
from runlift.settings import Settings

APP: Final = "runlift.web.app:from_environment"
EXAMPLES: Final = Path("examples/athletes")


def serve(
    db: Annotated[
        str | None,
        typer.Option("--db", help="The store's URL (default: RUNLIFT_DB, else the user's file)."),
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1, max=64)] = 1,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="A temporary SQLite store with the example athletes, their coach and logins.",
        ),
    ] = False,
    examples: Annotated[
        Path, typer.Option(help="With --demo: the folder of example profiles.")
    ] = EXAMPLES,
) -> None:
    """Serve the web app and the REST API (/api/v1, schema at /openapi.json)."""
    import uvicorn  # noqa: PLC0415 - only this command needs the server

    from runlift.services import demo as demo_store  # noqa: PLC0415 - loads the planner
    from runlift.store.database import default_url  # noqa: PLC0415
    from runlift.store.repository import Store  # noqa: PLC0415

    environ = os.environ
    folder = Path()
    if demo:
        if db is not None:
            raise InvalidInput("--db", db, "--demo makes its own temporary store; drop --db")
        folder = Path(tempfile.mkdtemp(prefix="runlift-demo-"))
        db = f"sqlite:///{folder / 'demo.db'}"
        environ["RUNLIFT_ENV"] = "development"
        environ.setdefault("RUNLIFT_ALLOWED_HOSTS", "localhost,127.0.0.1")
    if db is not None:
        environ["RUNLIFT_DB"] = db
    if environ.get("RUNLIFT_ENV", "").strip().lower() == "development" and not environ.get(
        "RUNLIFT_SECRET_KEY"
    ):
        # Every worker must sign with the same key: make one for this server's life.
        environ["RUNLIFT_SECRET_KEY"] = secrets.token_urlsafe(32)
    settings = Settings.from_environ(environ)
    url = settings.db_url or default_url(environ)
    with Store(url) as store:
        if demo:
            files = sorted(examples.glob("*.yaml"))
            if not files:
                raise InvalidInput("--examples", str(examples), "a folder of athlete *.yaml files")
            profiles = {path.stem: path.read_text(encoding="utf-8") for path in files}
            logins = demo_store.seed_demo(
                store,
                profiles,
                now=datetime.now(UTC),
                announce=lambda text: render.line(f"  {text}"),
            )
    shown = "localhost" if host in {"127.0.0.1", "0.0.0.0", "::"} else host
    render.line(f"runlift serves at [bold]http://{shown}:{port}/[/] (store: {_redacted(url)})")
    if demo:
        render.line("Demo logins (password for all: [bold]" + logins[0].password + "[/]):")
        for login in logins:
            render.line(f"  {login.email:<42} {login.role}")
    try:
        uvicorn.run(
            APP,
            factory=True,
            host=host,
            port=port,
            workers=workers,
            # Forwarded headers are believed only from RUNLIFT_TRUSTED_PROXIES, by the app.
            proxy_headers=False,
            server_header=False,
            log_level="info",
        )
    finally:
        if demo:
            shutil.rmtree(folder, ignore_errors=True)


def _redacted(url: str) -> str:
    from sqlalchemy import make_url  # noqa: PLC0415

    return make_url(url).render_as_string(hide_password=True)
