"""The schema: every migration up and down on an empty and a filled database, both backends."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from store_builders import NOW, example

from runlift.domain.log import CheckIn
from runlift.errors import StoreError
from runlift.store import database
from runlift.store.repository import Store
from runlift.store.tables import Base


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(database._alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def _fill(url: str) -> None:
    text_, result = example("general-fitness-3-days")
    with Store(url) as store:
        owner = store.accounts.add_user(email="gina@example.org", password_hash="hash", now=NOW)
        store.add_athlete(
            athlete_id="gina",
            profile=result.profile,
            profile_yaml=text_,
            plan=result.plan,
            nutrition=result.nutrition,
            now=NOW,
            owner_id=owner.id,
        )
        store.save_check_in("gina", CheckIn(day=date(2026, 12, 8), sleep_h=7.5, soreness=2))
        store.accounts.invite_coach("gina", "coach@example.org", now=NOW)
        store.accounts.replace_calendar_token("gina", "0" * 64, now=NOW)
        store.accounts.record_login_attempt(
            email="gina@example.org", client="127.0.0.1", succeeded=True, now=NOW, forget_before=NOW
        )


def test_opening_an_empty_database_creates_the_newest_schema(store_url: str) -> None:
    engine = database.make_engine(store_url)
    assert database.current_revision(engine) is None
    with Store(store_url):
        pass
    assert database.current_revision(engine) == database.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    engine.dispose()


def test_the_migrations_make_exactly_the_mapped_schema(store_url: str) -> None:
    engine = database.make_engine(store_url)
    database.upgrade(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


@pytest.mark.parametrize("filled", [False, True], ids=["empty", "filled"])
def test_every_revision_goes_up_and_down(store_url: str, filled: bool) -> None:
    revisions = _revisions()
    assert revisions, "no migrations found"
    engine = database.make_engine(store_url)
    if filled:
        _fill(store_url)
    else:
        database.upgrade(engine)
    assert database.current_revision(engine) == revisions[-1]
    # Down one revision at a time to nothing, then up one at a time to the newest.
    for below in [*reversed(revisions[:-1]), "base"]:
        database.downgrade(engine, below)
        assert database.current_revision(engine) == (None if below == "base" else below)
    assert not set(Base.metadata.tables) & set(inspect(engine).get_table_names())
    for revision in revisions:
        database.upgrade(engine, revision)
        assert database.current_revision(engine) == revision
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM athletes")).scalar_one() == 0
    engine.dispose()


def test_a_database_from_a_newer_runlift_is_refused_not_used(store_url: str) -> None:
    engine = database.make_engine(store_url)
    database.upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'from-the-future'"))
    with pytest.raises(StoreError, match="newer runlift"):
        Store(store_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == (
            "from-the-future"
        )
    engine.dispose()
