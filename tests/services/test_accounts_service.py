"""Accounts: addresses, passwords, the login limits, and who may reach which athlete."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from runlift.errors import InvalidInput, NotAuthenticated, NotFound, StoreError, TooManyAttempts
from runlift.io.profile import profile_from_data, read_profile
from runlift.services import accounts, athletes, calendar_feed, coaching
from runlift.services.accounts import Access
from runlift.store.accounts import Relation
from runlift.store.repository import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "athletes"
NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
PASSWORD = "correct horse battery"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'runlift.db'}") as opened:
        yield opened


def _profile() -> dict[str, object]:
    data = yaml.safe_load((EXAMPLES / "general-fitness-3-days.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(
    ("given", "stored"),
    [(" Ann@Example.ORG ", "ann@example.org"), ("STRASSE@example.de", "strasse@example.de")],
)
def test_addresses_are_trimmed_and_case_folded(given: str, stored: str) -> None:
    assert accounts.normalise_email(given) == stored


@pytest.mark.parametrize("bad", ["", "ann", "ann@", "@example.org", "a b@example.org", "a@b"])
def test_malformed_addresses_are_refused_by_field(bad: str) -> None:
    with pytest.raises(InvalidInput, match=r"^email"):
        accounts.normalise_email(bad)


def test_passwords_are_argon2id_hashes_and_short_ones_refused(store: Store) -> None:
    with pytest.raises(InvalidInput, match="at least 10 characters"):
        accounts.sign_up(store, email="ann@example.org", password="short", now=NOW)
    user = accounts.sign_up(store, email="Ann@Example.org", password=PASSWORD, now=NOW)
    assert user.email == "ann@example.org"
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    with pytest.raises(StoreError, match="exists"):
        accounts.sign_up(store, email="ANN@example.org", password=PASSWORD, now=NOW)


def test_log_in_checks_the_password_whatever_the_case_of_the_address(store: Store) -> None:
    user = accounts.sign_up(store, email="ann@example.org", password=PASSWORD, now=NOW)
    found = accounts.log_in(
        store, email="ANN@example.org", password=PASSWORD, client="10.0.0.1", now=NOW
    )
    assert found.id == user.id
    for email, password in [("ann@example.org", PASSWORD + "!"), ("bob@example.org", PASSWORD)]:
        with pytest.raises(NotAuthenticated, match="wrong e-mail address or password"):
            accounts.log_in(store, email=email, password=password, client="10.0.0.1", now=NOW)


def test_five_failures_in_15_minutes_lock_the_account_until_the_oldest_ages_out(
    store: Store,
) -> None:
    accounts.sign_up(store, email="ann@example.org", password=PASSWORD, now=NOW)
    for minute in range(accounts.ACCOUNT_FAILURES_ALLOWED):
        with pytest.raises(NotAuthenticated):
            accounts.log_in(
                store,
                email="ann@example.org",
                password="wrong password",
                client=f"10.0.0.{minute}",
                now=NOW + timedelta(minutes=minute),
            )
    at = NOW + timedelta(minutes=6)
    # Even the right password is refused, from any address, without being checked.
    with pytest.raises(TooManyAttempts) as refused:
        accounts.log_in(
            store, email="ann@example.org", password=PASSWORD, client="10.9.9.9", now=at
        )
    # The first failure (minute 0) leaves the window at minute 15: 9 minutes from now.
    assert refused.value.retry_after_s == 9 * 60
    later = NOW + timedelta(minutes=15, seconds=1)
    user = accounts.log_in(
        store, email="ann@example.org", password=PASSWORD, client="10.9.9.9", now=later
    )
    assert user.email == "ann@example.org"


def test_a_success_clears_the_account_count_but_not_the_clients(store: Store) -> None:
    accounts.sign_up(store, email="ann@example.org", password=PASSWORD, now=NOW)
    for second in range(accounts.ACCOUNT_FAILURES_ALLOWED - 1):
        with pytest.raises(NotAuthenticated):
            accounts.log_in(
                store,
                email="ann@example.org",
                password="wrong password",
                client="10.0.0.1",
                now=NOW + timedelta(seconds=second),
            )
    accounts.log_in(
        store,
        email="ann@example.org",
        password=PASSWORD,
        client="10.0.0.1",
        now=NOW + timedelta(seconds=10),
    )
    for second in range(accounts.ACCOUNT_FAILURES_ALLOWED - 1):
        with pytest.raises(NotAuthenticated):
            accounts.log_in(
                store,
                email="ann@example.org",
                password="wrong password",
                client="10.0.0.1",
                now=NOW + timedelta(seconds=20 + second),
            )


def test_twenty_failures_from_one_address_lock_every_account_from_it(store: Store) -> None:
    accounts.sign_up(store, email="ann@example.org", password=PASSWORD, now=NOW)
    for index in range(accounts.CLIENT_FAILURES_ALLOWED):
        with pytest.raises(NotAuthenticated) as failed:
            accounts.log_in(
                store,
                email=f"guess{index}@example.org",
                password="wrong password",
                client="203.0.113.7",
                now=NOW + timedelta(seconds=index),
            )
        assert not isinstance(failed.value, TooManyAttempts)
    with pytest.raises(TooManyAttempts):
        accounts.log_in(
            store,
            email="ann@example.org",
            password=PASSWORD,
            client="203.0.113.7",
            now=NOW + timedelta(minutes=1),
        )
    # Another address is not held back by that one.
    accounts.log_in(
        store, email="ann@example.org", password=PASSWORD, client="198.51.100.1", now=NOW
    )


def test_owner_reads_and_writes_a_coach_reads_and_plans_everyone_else_finds_nothing(
    store: Store,
) -> None:
    ann = accounts.sign_up(store, email="ann@example.org", password=PASSWORD, now=NOW)
    coach = accounts.sign_up(store, email="coach@example.org", password=PASSWORD, now=NOW)
    stranger = accounts.sign_up(store, email="eve@example.org", password=PASSWORD, now=NOW)
    record = athletes.create_athlete(store, owner_id=ann.id, profile=_profile(), now=NOW)
    assert record.id.startswith("robin-fit-")
    coaching.invite_coach(store, record.id, "Coach@Example.org", now=NOW)

    def access(user_id: int, need: Access, athlete_id: str = record.id) -> Relation:
        return accounts.athlete_access(
            store, user_id=user_id, athlete_id=athlete_id, need=need
        ).relation

    assert access(ann.id, Access.READ) is Relation.OWNER
    assert access(ann.id, Access.WRITE) is Relation.OWNER
    assert access(ann.id, Access.PLAN) is Relation.OWNER
    assert access(coach.id, Access.READ) is Relation.COACH
    assert access(coach.id, Access.PLAN) is Relation.COACH  # adapt, move a session
    refused = [
        (coach.id, Access.WRITE, record.id),
        (stranger.id, Access.READ, record.id),
        (stranger.id, Access.WRITE, record.id),
        (stranger.id, Access.PLAN, record.id),
        (ann.id, Access.READ, "no-such-athlete"),
    ]
    messages = set()
    for user_id, need, athlete_id in refused:
        with pytest.raises(NotFound) as error:
            access(user_id, need, athlete_id)
        messages.add(str(error.value).replace(athlete_id, "<id>"))
    # A stranger's athlete reads exactly as one that does not exist.
    assert len(messages) == 1
    coaching.revoke_coach(store, record.id, "coach@example.org", now=NOW)
    for need in Access:
        with pytest.raises(NotFound):
            access(coach.id, need)
    with pytest.raises(NotFound, match="no standing invitation"):
        coaching.revoke_coach(store, record.id, "coach@example.org", now=NOW)


def test_a_profile_with_errors_names_every_field_and_stores_nothing(store: Store) -> None:
    ann = accounts.sign_up(store, email="ann@example.org", password=PASSWORD, now=NOW)
    profile = _profile()
    profile["mass_kg"] = 20
    del profile["timezone"]
    with pytest.raises(InvalidInput) as error:
        athletes.create_athlete(store, owner_id=ann.id, profile=profile, now=NOW)
    assert dict(error.value.problems) == {
        "mass_kg": "at least 30",
        "timezone": "required (an IANA time zone name, e.g. Europe/Berlin)",
    }
    assert store.athletes() == ()


def test_the_stored_profile_reads_back_as_the_same_athlete(store: Store) -> None:
    ann = accounts.sign_up(store, email="ann@example.org", password=PASSWORD, now=NOW)
    record = athletes.create_athlete(store, owner_id=ann.id, profile=_profile(), now=NOW)
    assert read_profile(record.profile_yaml) == profile_from_data(_profile())
    assert store.plan_version(record.id).profile == profile_from_data(_profile())


def test_a_calendar_secret_works_once_made_and_stops_when_replaced_or_revoked(
    store: Store,
) -> None:
    ann = accounts.sign_up(store, email="ann@example.org", password=PASSWORD, now=NOW)
    record = athletes.create_athlete(store, owner_id=ann.id, profile=_profile(), now=NOW)
    first = calendar_feed.subscribe(store, record.id, now=NOW)
    assert len(first) == 43
    assert calendar_feed.calendar(store, first) == athletes.plan_ics(store, record.id)
    second = calendar_feed.subscribe(store, record.id, now=NOW)
    with pytest.raises(NotFound):
        calendar_feed.calendar(store, first)
    assert calendar_feed.calendar(store, second).startswith("BEGIN:VCALENDAR")
    calendar_feed.unsubscribe(store, record.id, now=NOW)
    for token in (second, "x" * 43, "../../etc", ""):
        with pytest.raises(NotFound):
            calendar_feed.calendar(store, token)
