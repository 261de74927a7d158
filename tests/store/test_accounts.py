"""The store's accounts on both backends: users, ownership, coaching, calendar tokens, logins."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from store_builders import NOW, example

from runlift.errors import StoreError
from runlift.store.accounts import Relation
from runlift.store.repository import Store
from runlift.store.tables import CalendarTokenRow

HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"


def _athlete(store: Store, athlete_id: str, owner_id: int | None) -> None:
    text, result = example("general-fitness-3-days")
    store.add_athlete(
        athlete_id=athlete_id,
        profile=result.profile,
        profile_yaml=text,
        plan=result.plan,
        nutrition=result.nutrition,
        now=NOW,
        owner_id=owner_id,
    )


def test_users_are_unique_by_address(store_url: str) -> None:
    with Store(store_url) as store:
        accounts = store.accounts
        user = accounts.add_user(email="ann@example.org", password_hash=HASH, now=NOW)
        assert user.id > 0
        assert user.created_at == NOW
        with pytest.raises(StoreError, match="exists: log in instead"):
            accounts.add_user(email="ann@example.org", password_hash=HASH, now=NOW)
        assert accounts.user_by_email("ann@example.org") == user
        assert accounts.user_by_email("bob@example.org") is None
        assert accounts.user(user.id) == user
        assert accounts.user(user.id + 100) is None
        accounts.set_password_hash(user.id, HASH + "x")
        again = accounts.user(user.id)
        assert again is not None
        assert again.password_hash == HASH + "x"


def test_an_owner_owns_and_a_stranger_stands_in_no_relation(store_url: str) -> None:
    with Store(store_url) as store:
        accounts = store.accounts
        ann = accounts.add_user(email="ann@example.org", password_hash=HASH, now=NOW)
        bob = accounts.add_user(email="bob@example.org", password_hash=HASH, now=NOW)
        _athlete(store, "ann-athlete", ann.id)
        _athlete(store, "cli-athlete", None)
        assert [a.id for a in accounts.owned_athletes(ann.id)] == ["ann-athlete"]
        assert accounts.owned_athletes(bob.id) == ()
        assert accounts.relation(ann.id, "ann-athlete") is Relation.OWNER
        assert accounts.relation(bob.id, "ann-athlete") is None
        assert accounts.relation(ann.id, "cli-athlete") is None
        assert accounts.relation(ann.id, "no-such-athlete") is None


def test_an_invitation_counts_from_the_coachs_sign_up_until_revoked(store_url: str) -> None:
    with Store(store_url) as store:
        accounts = store.accounts
        ann = accounts.add_user(email="ann@example.org", password_hash=HASH, now=NOW)
        _athlete(store, "ann-athlete", ann.id)
        link = accounts.invite_coach("ann-athlete", "coach@example.org", now=NOW)
        assert (link.signed_up, link.active) == (False, False)
        coach = accounts.add_user(email="coach@example.org", password_hash=HASH, now=NOW)
        assert accounts.relation(coach.id, "ann-athlete") is Relation.COACH
        assert [a.id for a in accounts.coached_athletes(coach.id)] == ["ann-athlete"]
        (listed,) = accounts.coach_links("ann-athlete")
        assert listed.active
        later = NOW + timedelta(days=3)
        assert accounts.revoke_coach("ann-athlete", "coach@example.org", now=later)
        assert not accounts.revoke_coach("ann-athlete", "coach@example.org", now=later)
        assert accounts.relation(coach.id, "ann-athlete") is None
        assert accounts.coached_athletes(coach.id) == ()
        (revoked,) = accounts.coach_links("ann-athlete")
        assert revoked.revoked_at == later
        assert not revoked.active
        renewed = accounts.invite_coach("ann-athlete", "coach@example.org", now=later)
        assert renewed.active
        assert renewed.invited_at == later
        assert accounts.relation(coach.id, "ann-athlete") is Relation.COACH
        with pytest.raises(StoreError, match="no athlete"):
            accounts.invite_coach("nobody", "coach@example.org", now=NOW)


def test_one_calendar_token_stands_per_athlete(store_url: str) -> None:
    with Store(store_url) as store:
        accounts = store.accounts
        _athlete(store, "ann-athlete", None)
        assert accounts.calendar_token_created("ann-athlete") is None
        accounts.replace_calendar_token("ann-athlete", "a" * 64, now=NOW)
        assert accounts.athlete_of_calendar_token("a" * 64) == "ann-athlete"
        later = NOW + timedelta(hours=1)
        accounts.replace_calendar_token("ann-athlete", "b" * 64, now=later)
        assert accounts.athlete_of_calendar_token("a" * 64) is None
        assert accounts.athlete_of_calendar_token("b" * 64) == "ann-athlete"
        assert accounts.calendar_token_created("ann-athlete") == later
        # The database itself refuses a second standing token.
        with pytest.raises(IntegrityError), store.database.transaction() as session:
            session.add(
                CalendarTokenRow(athlete_id="ann-athlete", token_sha256="c" * 64, created_at=NOW)
            )
        assert accounts.revoke_calendar_token("ann-athlete", now=later)
        assert not accounts.revoke_calendar_token("ann-athlete", now=later)
        assert accounts.athlete_of_calendar_token("b" * 64) is None
        assert accounts.calendar_token_created("ann-athlete") is None
        with pytest.raises(StoreError, match="no athlete"):
            accounts.replace_calendar_token("nobody", "d" * 64, now=NOW)


def test_login_failures_count_per_account_since_its_last_success_and_per_client(
    store_url: str,
) -> None:
    window_start = NOW - timedelta(minutes=15)
    with Store(store_url) as store:
        accounts = store.accounts

        def attempt(email: str, client: str, minutes: int, *, ok: bool = False) -> None:
            accounts.record_login_attempt(
                email=email,
                client=client,
                succeeded=ok,
                now=NOW + timedelta(minutes=minutes),
                forget_before=NOW + timedelta(minutes=minutes) - timedelta(days=1),
            )

        attempt("ann@example.org", "10.0.0.1", -20)  # before the window
        attempt("ann@example.org", "10.0.0.1", -10)
        attempt("ann@example.org", "10.0.0.2", -9)
        attempt("bob@example.org", "10.0.0.1", -8)
        recent = accounts.recent_failures(
            email="ann@example.org", client="10.0.0.1", since=window_start, limit=10
        )
        assert recent.account == (NOW - timedelta(minutes=9), NOW - timedelta(minutes=10))
        assert recent.client == (NOW - timedelta(minutes=8), NOW - timedelta(minutes=10))
        attempt("ann@example.org", "10.0.0.1", -5, ok=True)
        attempt("ann@example.org", "10.0.0.1", -4)
        recent = accounts.recent_failures(
            email="ann@example.org", client="10.0.0.1", since=window_start, limit=2
        )
        assert recent.account == (NOW - timedelta(minutes=4),)
        assert recent.client == (NOW - timedelta(minutes=4), NOW - timedelta(minutes=8))
        # A day later every old attempt is forgotten when the next is stored.
        attempt("carl@example.org", "10.0.0.9", 24 * 60 + 1)
        recent = accounts.recent_failures(
            email="ann@example.org", client="10.0.0.1", since=NOW - timedelta(days=2), limit=10
        )
        assert recent.account == ()
        assert recent.client == ()
