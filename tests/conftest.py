"""Test-wide settings: property tests draw the same examples on every run.

``make test`` must give the same verdict on every machine and every run, so
Hypothesis derives its examples from each test itself (``derandomize``) and
keeps no example database between runs. To search further for new failing
examples, run ``HYPOTHESIS_PROFILE=explore .venv/bin/pytest tests/property``:
new random examples on every run, failures remembered in ``.hypothesis/``.

The store's tests run on SQLite and on a real PostgreSQL server that the run
starts itself (``store_url`` gives each test an empty database on both).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from postgres_server import PostgresServer, running_server

settings.register_profile("repeatable", derandomize=True, database=None, print_blob=True)
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
