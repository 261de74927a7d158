"""Where the store lives, how it is opened, and how its schema is kept current.

The store is a SQLite file in the user's data folder unless ``--db URL`` or the
``RUNLIFT_DB`` environment variable names another database: another SQLite file
(``sqlite:///path``) or a PostgreSQL server (``postgresql+psycopg://user@host/db``,
with the optional ``postgres`` extra installed). The same code serves both.

Opening a store brings its schema to the newest revision with Alembic: an empty
database is created, an older one upgraded, in one transaction each. A database
whose revision this runlift does not know (made by a newer runlift) is refused
with a clear error, never used as it is: the schema never drifts silently.

SQLite runs in WAL mode with foreign keys on and a busy timeout, and every
transaction that writes takes the write lock when it begins (``BEGIN
IMMEDIATE``), so two imports running at once wait for each other instead of
failing half-way.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Final

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from runlift.errors import InvalidInput, StoreError

ENVIRONMENT_VARIABLE: Final = "RUNLIFT_DB"
"""Names the store when ``--db`` is not given."""

SQLITE_BUSY_TIMEOUT_S: Final = 60.0
"""How long a writer waits for another's lock before giving up (an import of a large
folder commits file by file, so each wait is for one file's transaction)."""

SUPPORTED_BACKENDS: Final = ("sqlite", "postgresql")


def default_url(environ: Mapping[str, str] | None = None) -> str:
    """The store's URL: ``RUNLIFT_DB`` when set, else a SQLite file in the user's data folder."""
    environ = os.environ if environ is None else environ
    named = environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if named:
        return named
    import platformdirs  # noqa: PLC0415 - only when no database is named

    folder = Path(platformdirs.user_data_dir("runlift", appauthor=False))
    return f"sqlite:///{folder / 'runlift.db'}"


def _check_url(url: str) -> str:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InvalidInput(
            "--db",
            url,
            "a database URL such as sqlite:///runlift.db or postgresql+psycopg://host/db",
        ) from None
    if parsed.get_backend_name() not in SUPPORTED_BACKENDS:
        raise InvalidInput(
            "--db",
            url,
            "a sqlite:/// or postgresql+psycopg:// URL (other databases are not supported)",
        )
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:
    # The driver's own transaction handling is off (isolation_level None) so that
    # "begin" below decides how each transaction starts.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    if connection.get_execution_options().get("read_only"):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the store's settings (SQLite: WAL, foreign keys, write lock).

    Raises:
        InvalidInput: an unknown or unsupported URL, or PostgreSQL without its driver.
    """
    url = _check_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except (NoSuchModuleError, ModuleNotFoundError):
        raise InvalidInput(
            "--db", url, "PostgreSQL needs its driver: pip install 'runlift[postgres]'"
        ) from None


def _alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("runlift.store").joinpath("migrations"))
    )
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this runlift knows."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships its migrations
        raise StoreError("runlift's database migrations are missing from the installation")
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database behind ``engine`` (None for an empty one)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default: the newest), in one transaction."""
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision`` (``base`` for none), in one transaction."""
    with engine.begin() as connection:
        command.downgrade(_alembic_config(connection), revision)


def ensure_schema(engine: Engine) -> None:
    """Upgrade an empty or older database to the newest schema; refuse an unknown one.

    Raises:
        StoreError: the database cannot be reached, or was made by a newer runlift.
    """
    try:
        current = current_revision(engine)
    except OperationalError as exc:
        raise StoreError(f"cannot open the database {engine.url!r}: {exc.orig}") from None
    known = {
        rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()
    }
    if current is not None and current not in known:
        raise StoreError(
            f"the database {engine.url!r} has schema revision {current}, which this runlift "
            "does not know: it was made by a newer runlift; upgrade runlift to use it"
        )
    if current != head_revision():
        upgrade(engine)


class Database:
    """An open store: an engine whose schema is current, and sessions on it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        try:
            ensure_schema(self.engine)
        except BaseException:
            self.engine.dispose()
            raise
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._reads = sessionmaker(
            self.engine.execution_options(read_only=True), expire_on_commit=False
        )

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on error."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only: nothing it changes is committed; on SQLite it locks nothing."""
        with self._reads() as session:
            yield session

    def ping(self) -> None:
        """Ask the database a trivial question: raises when it cannot be reached."""
        with self.reading() as session:
            session.execute(text("SELECT 1"))

    def close(self) -> None:
        """Close every connection of the engine."""
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
