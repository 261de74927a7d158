"""The store's accounts: users, who owns or coaches which athlete, calendar tokens, login attempts.

:class:`AccountStore` is reached as ``Store.accounts``; like the rest of the store it
takes and returns frozen records, one transaction per call that writes. E-mail
addresses arrive case-folded (``runlift.services.accounts.normalise_email``): the
store compares them as stored. Secrets never arrive here: passwords as their
Argon2 hashes, calendar tokens as their SHA-256.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from runlift.errors import StoreError
from runlift.store.database import Database
from runlift.store.tables import (
    AthleteOwnerRow,
    AthleteRow,
    CalendarTokenRow,
    CoachLinkRow,
    LoginAttemptRow,
    UserRow,
)


class Relation(StrEnum):
    """How a user stands to an athlete."""

    OWNER = "owner"
    COACH = "coach"


@dataclass(frozen=True, slots=True, kw_only=True)
class UserRecord:
    """A user as stored.

    Attributes:
        id: the user's number.
        email: the e-mail address, case-folded.
        password_hash: the Argon2 hash of the password (PHC string).
        created_at: when the account was made.
    """

    id: int
    email: str
    password_hash: str
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class CoachLink:
    """An athlete's invitation of a coach.

    Attributes:
        athlete_id: who invited.
        email: the coach's e-mail address, case-folded.
        invited_at: when the invitation was made (or last renewed).
        revoked_at: when the athlete took it back; None while it stands.
        signed_up: whether an account with this address exists (the coach sees the
            athlete only then).
    """

    athlete_id: str
    email: str
    invited_at: datetime
    revoked_at: datetime | None
    signed_up: bool

    @property
    def active(self) -> bool:
        """Whether the coach sees the athlete now: invited, not revoked, signed up."""
        return self.revoked_at is None and self.signed_up


@dataclass(frozen=True, slots=True, kw_only=True)
class OwnedAthlete:
    """An athlete's id and name, as listed for its owner or its coaches."""

    id: str
    name: str
    current_version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RecentFailures:
    """The latest failed logins that count against a limit, newest first, at most ``limit``.

    Attributes:
        account: failures for the e-mail address since its last successful login.
        client: failures from the client address, whatever the account.
    """

    account: tuple[datetime, ...]
    client: tuple[datetime, ...]


class AccountStore:
    """Users, ownership, coaching, calendar tokens and login attempts in one database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    # -- users ---------------------------------------------------------------------

    def add_user(self, *, email: str, password_hash: str, now: datetime) -> UserRecord:
        """Store a new user.

        Raises:
            StoreError: a user with this e-mail address exists.
        """
        taken = StoreError(f"an account with the e-mail address {email} exists: log in instead")
        try:
            with self.database.transaction() as session:
                if session.scalar(select(UserRow.id).where(UserRow.email == email)) is not None:
                    raise taken
                row = UserRow(email=email, password_hash=password_hash, created_at=now)
                session.add(row)
                session.flush()
                return _user(row)
        except IntegrityError:
            # Two sign-ups with one address at once: the unique index let one through.
            raise taken from None

    def user(self, user_id: int) -> UserRecord | None:
        """The user with this number, if any."""
        with self.database.reading() as session:
            row = session.get(UserRow, user_id)
            return None if row is None else _user(row)

    def user_by_email(self, email: str) -> UserRecord | None:
        """The user with this (case-folded) e-mail address, if any."""
        with self.database.reading() as session:
            row = session.scalar(select(UserRow).where(UserRow.email == email))
            return None if row is None else _user(row)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        """Replace a user's password hash (a new password, or the same one hashed anew)."""
        with self.database.transaction() as session:
            session.execute(
                update(UserRow).where(UserRow.id == user_id).values(password_hash=password_hash)
            )

    # -- ownership and coaching ------------------------------------------------------

    def owned_athletes(self, user_id: int) -> tuple[OwnedAthlete, ...]:
        """The athletes a user owns, by name."""
        query = (
            select(AthleteRow)
            .join(AthleteOwnerRow, AthleteOwnerRow.athlete_id == AthleteRow.id)
            .where(AthleteOwnerRow.user_id == user_id)
            .order_by(AthleteRow.name, AthleteRow.id)
        )
        with self.database.reading() as session:
            return tuple(_owned(row) for row in session.scalars(query))

    def coached_athletes(self, user_id: int) -> tuple[OwnedAthlete, ...]:
        """The athletes whose standing invitation names this user's e-mail, by name."""
        query = (
            select(AthleteRow)
            .join(CoachLinkRow, CoachLinkRow.athlete_id == AthleteRow.id)
            .join(UserRow, UserRow.email == CoachLinkRow.coach_email)
            .where(UserRow.id == user_id, CoachLinkRow.revoked_at.is_(None))
            .order_by(AthleteRow.name, AthleteRow.id)
        )
        with self.database.reading() as session:
            return tuple(_owned(row) for row in session.scalars(query))

    def relation(self, user_id: int, athlete_id: str) -> Relation | None:
        """How the user stands to the athlete: owner, invited coach, or nothing (None).

        An unknown athlete and a stranger's athlete both give None.
        """
        with self.database.reading() as session:
            owner = session.get(AthleteOwnerRow, athlete_id)
            if owner is not None and owner.user_id == user_id:
                return Relation.OWNER
            coached = session.scalar(
                select(CoachLinkRow.athlete_id)
                .join(UserRow, UserRow.email == CoachLinkRow.coach_email)
                .where(
                    UserRow.id == user_id,
                    CoachLinkRow.athlete_id == athlete_id,
                    CoachLinkRow.revoked_at.is_(None),
                )
            )
            return None if coached is None else Relation.COACH

    def invite_coach(self, athlete_id: str, email: str, *, now: datetime) -> CoachLink:
        """Invite a coach by e-mail; an earlier invitation of the same address is renewed.

        Raises:
            StoreError: no such athlete.
        """
        with self.database.transaction() as session:
            if session.get(AthleteRow, athlete_id) is None:
                raise StoreError(f"no athlete '{athlete_id}' in the store")
            row = session.get(CoachLinkRow, (athlete_id, email))
            if row is None:
                row = CoachLinkRow(athlete_id=athlete_id, coach_email=email)
                session.add(row)
            row.invited_at = now
            row.revoked_at = None
            session.flush()
            return _link(session, row)

    def revoke_coach(self, athlete_id: str, email: str, *, now: datetime) -> bool:
        """Take back a standing invitation; False when none stands for that address."""
        with self.database.transaction() as session:
            row = session.get(CoachLinkRow, (athlete_id, email))
            if row is None or row.revoked_at is not None:
                return False
            row.revoked_at = now
            return True

    def coach_links(self, athlete_id: str) -> tuple[CoachLink, ...]:
        """Every invitation the athlete made, standing or revoked, by e-mail address."""
        with self.database.reading() as session:
            rows = session.scalars(
                select(CoachLinkRow)
                .where(CoachLinkRow.athlete_id == athlete_id)
                .order_by(CoachLinkRow.coach_email)
            )
            return tuple(_link(session, row) for row in rows)

    # -- calendar subscriptions ----------------------------------------------------------

    def replace_calendar_token(self, athlete_id: str, token_sha256: str, *, now: datetime) -> None:
        """Make ``token_sha256`` the athlete's subscription, revoking the one that stood."""
        with self.database.transaction() as session:
            if session.get(AthleteRow, athlete_id, with_for_update=True) is None:
                raise StoreError(f"no athlete '{athlete_id}' in the store")
            _revoke_tokens(session, athlete_id, now)
            session.flush()
            session.add(
                CalendarTokenRow(athlete_id=athlete_id, token_sha256=token_sha256, created_at=now)
            )

    def revoke_calendar_token(self, athlete_id: str, *, now: datetime) -> bool:
        """Revoke the athlete's subscription; False when none stood."""
        with self.database.transaction() as session:
            return _revoke_tokens(session, athlete_id, now) > 0

    def calendar_token_created(self, athlete_id: str) -> datetime | None:
        """When the athlete's standing subscription was made; None when none stands."""
        with self.database.reading() as session:
            return session.scalar(
                select(CalendarTokenRow.created_at).where(
                    CalendarTokenRow.athlete_id == athlete_id,
                    CalendarTokenRow.revoked_at.is_(None),
                )
            )

    def athlete_of_calendar_token(self, token_sha256: str) -> str | None:
        """The athlete whose standing subscription has this hash, if any."""
        with self.database.reading() as session:
            return session.scalar(
                select(CalendarTokenRow.athlete_id).where(
                    CalendarTokenRow.token_sha256 == token_sha256,
                    CalendarTokenRow.revoked_at.is_(None),
                )
            )

    # -- login attempts ----------------------------------------------------------------

    def record_login_attempt(
        self, *, email: str, client: str, succeeded: bool, now: datetime, forget_before: datetime
    ) -> None:
        """Store one login attempt, and forget every attempt older than ``forget_before``."""
        with self.database.transaction() as session:
            session.execute(delete(LoginAttemptRow).where(LoginAttemptRow.at < forget_before))
            session.add(
                LoginAttemptRow(email=email, client=client[:64], succeeded=succeeded, at=now)
            )

    def recent_failures(
        self, *, email: str, client: str, since: datetime, limit: int
    ) -> RecentFailures:
        """The latest failed logins since ``since`` for the account and from the client.

        Failures for an account count only after its last successful login; failures
        from a client count whatever the account, successes or not.
        """
        with self.database.reading() as session:
            last_success = session.scalar(
                select(func.max(LoginAttemptRow.at)).where(
                    LoginAttemptRow.email == email, LoginAttemptRow.succeeded.is_(True)
                )
            )
            account_since = since if last_success is None else max(since, last_success)
            account = session.scalars(
                select(LoginAttemptRow.at)
                .where(
                    LoginAttemptRow.email == email,
                    LoginAttemptRow.succeeded.is_(False),
                    LoginAttemptRow.at > account_since,
                )
                .order_by(LoginAttemptRow.at.desc())
                .limit(limit)
            )
            account_times = tuple(account)
            client_times = tuple(
                session.scalars(
                    select(LoginAttemptRow.at)
                    .where(
                        LoginAttemptRow.client == client[:64],
                        LoginAttemptRow.succeeded.is_(False),
                        LoginAttemptRow.at > since,
                    )
                    .order_by(LoginAttemptRow.at.desc())
                    .limit(limit)
                )
            )
            return RecentFailures(account=account_times, client=client_times)


def _revoke_tokens(session: Session, athlete_id: str, now: datetime) -> int:
    result = session.execute(
        update(CalendarTokenRow)
        .where(
            and_(CalendarTokenRow.athlete_id == athlete_id, CalendarTokenRow.revoked_at.is_(None))
        )
        .values(revoked_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def _user(row: UserRow) -> UserRecord:
    return UserRecord(
        id=row.id, email=row.email, password_hash=row.password_hash, created_at=row.created_at
    )


def _owned(row: AthleteRow) -> OwnedAthlete:
    return OwnedAthlete(id=row.id, name=row.name, current_version=row.current_version or 0)


def _link(session: Session, row: CoachLinkRow) -> CoachLink:
    signed_up = (
        session.scalar(select(UserRow.id).where(UserRow.email == row.coach_email)) is not None
    )
    return CoachLink(
        athlete_id=row.athlete_id,
        email=row.coach_email,
        invited_at=row.invited_at,
        revoked_at=row.revoked_at,
        signed_up=signed_up,
    )
