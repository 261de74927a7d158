"""Test-wide settings: property tests draw the same examples on every run.

``make test`` must give the same verdict on every machine and every run, so
Hypothesis derives its examples from each test itself (``derandomize``) and
keeps no example database between runs, and no example has a deadline: speed is
measured in ``benchmarks/``, not by tests on a machine that may be busy. To search
further for new failing examples, run
``HYPOTHESIS_PROFILE=explore .venv/bin/pytest tests/property``: new random examples
on every run, failures remembered in ``.hypothesis/``.

The store's tests run on SQLite and on a real PostgreSQL server that the run
starts itself (``store_url`` gives each test an empty database on both), and so
do the web app's (``app``, ``client``, ``another``).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from postgres_server import PostgresServer, running_server

if TYPE_CHECKING:
    from fastapi import FastAPI
    from starlette.testclient import TestClient

settings.register_profile(
    "repeatable", derandomize=True, database=None, print_blob=True, deadline=None
)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the whole test run (``tests/postgres_server.py``)."""
    with running_server() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend: a SQLite file, or a new database on the server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'runlift.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = f"t_{uuid.uuid4().hex[:16]}"
    url = server.create_database(name)
    try:
        yield url
    finally:
        server.drop_database(name)


@pytest.fixture
def app(store_url: str) -> FastAPI:
    """The web app on an empty store (SQLite and PostgreSQL), not yet started."""
    from web_builders import settings as web_settings  # noqa: PLC0415 - the web tests' helpers

    from runlift.web.app import create_app  # noqa: PLC0415 - only the web tests load the app

    return create_app(web_settings(store_url))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A browser of the app; the app starts (opens its store) with it."""
    from starlette.testclient import TestClient  # noqa: PLC0415

    with TestClient(app) as browser:
        yield browser


@pytest.fixture
def another(app: FastAPI, client: TestClient) -> Callable[[], TestClient]:
    """Makes further browsers (each with its own cookies) of the app ``client`` started."""
    from starlette.testclient import TestClient  # noqa: PLC0415

    def make() -> TestClient:
        return TestClient(app)

    return make
