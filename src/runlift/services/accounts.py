"""Accounts: sign up, log in (rate-limited), and who may see or change which athlete.

Shared by the web pages and the API, and by ``runlift serve --demo``. Passwords
are hashed with Argon2id (``pwdlib``'s recommended parameters, RFC 9106), never
stored or logged. Authorization is decided here and nowhere else:
:func:`athlete_access` answers every question "may this user do this to this
athlete", and says :class:`~runlift.errors.NotFound` to a stranger exactly as to
an athlete that does not exist.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from runlift.errors import InvalidInput, NotAuthenticated, NotFound, TooManyAttempts
from runlift.store.accounts import Relation, UserRecord
from runlift.store.repository import AthleteRecord, Store

if TYPE_CHECKING:
    from pwdlib import PasswordHash

PASSWORD_MIN_LENGTH: Final = 10
"""NIST SP 800-63B (2017, rev. 2024) asks for at least 8 characters and no composition
rules; 10 leaves a margin for a site that guards training and health data."""

PASSWORD_MAX_LENGTH: Final = 1024
"""Long enough for any passphrase; bounds the hashing work one request can ask for."""

EMAIL_MAX_LENGTH: Final = 254
"""The longest address SMTP can carry (RFC 5321 path limit less the angle brackets)."""

LOGIN_WINDOW: Final = timedelta(minutes=15)
ACCOUNT_FAILURES_ALLOWED: Final = 5
"""Failed logins for one account within ``LOGIN_WINDOW`` before it is refused (429)."""

CLIENT_FAILURES_ALLOWED: Final = 20
"""Failed logins from one address within ``LOGIN_WINDOW`` before it is refused (429);
more than an account's, as a gym or an office shares one address behind its router."""

ATTEMPTS_KEPT: Final = timedelta(days=1)
"""Login attempts older than this are forgotten."""

_EMAIL: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class Access(StrEnum):
    """What a request wants to do with an athlete."""

    READ = "read"
    WRITE = "write"
    PLAN = "plan"


ALLOWED: Final = MappingProxyType(
    {
        Relation.OWNER: frozenset({Access.READ, Access.WRITE, Access.PLAN}),
        Relation.COACH: frozenset({Access.READ, Access.PLAN}),
    }
)
"""Who may do what: the owner reads and changes everything; an invited coach reads, and
changes the plan (adapts it, moves a session) but not the log, the profile or the sharing."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AthleteAccess:
    """An athlete a user may reach, and how the user stands to it.

    Attributes:
        athlete: the athlete as stored.
        relation: owner or coach.
        user_id: the user asking.
    """

    athlete: AthleteRecord
    relation: Relation
    user_id: int

    @property
    def can_write(self) -> bool:
        """Whether the user may change the athlete (the log, coaches, calendar)."""
        return Access.WRITE in ALLOWED[self.relation]

    @property
    def can_plan(self) -> bool:
        """Whether the user may change the plan: adapt it, move a session."""
        return Access.PLAN in ALLOWED[self.relation]


def normalise_email(text: str) -> str:
    """The address as stored and compared: trimmed and case-folded.

    Raises:
        InvalidInput: not an e-mail address, or longer than SMTP allows.
    """
    email = text.strip().casefold()
    if len(email) > EMAIL_MAX_LENGTH or not _EMAIL.fullmatch(email):
        raise InvalidInput("email", text, "an e-mail address such as coach@example.org")
    return email


def check_password(password: str) -> str:
    """``password`` if it is long enough to keep; any characters are allowed.

    Raises:
        InvalidInput: shorter than ``PASSWORD_MIN_LENGTH`` or longer than the maximum.
    """
    if len(password) < PASSWORD_MIN_LENGTH:
        raise InvalidInput(
            "password",
            "(hidden)",
            f"at least {PASSWORD_MIN_LENGTH} characters; a passphrase is best",
        )
    if len(password) > PASSWORD_MAX_LENGTH:
        raise InvalidInput("password", "(hidden)", f"at most {PASSWORD_MAX_LENGTH} characters")
    return password


@functools.cache
def _hasher() -> PasswordHash:
    from pwdlib import PasswordHash  # noqa: PLC0415 - loads argon2 only where passwords are

    return PasswordHash.recommended()


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against when the account does not exist, so both take as long."""
    return _hasher().hash("runlift: no such account")


def hash_password(password: str) -> str:
    """The Argon2id hash of a password (a PHC string with its salt and parameters)."""
    return _hasher().hash(password)


def sign_up(store: Store, *, email: str, password: str, now: datetime) -> UserRecord:
    """Make an account. Invitations already made to its address count from now on.

    Raises:
        InvalidInput: a malformed address or a password too short or too long.
        StoreError: an account with this address exists.
    """
    address = normalise_email(email)
    check_password(password)
    return store.accounts.add_user(email=address, password_hash=hash_password(password), now=now)


def log_in(store: Store, *, email: str, password: str, client: str, now: datetime) -> UserRecord:
    """The user with this e-mail and password, counting the attempt against the limits.

    An account that failed ``ACCOUNT_FAILURES_ALLOWED`` times, or an address that
    failed ``CLIENT_FAILURES_ALLOWED`` times, within ``LOGIN_WINDOW`` is refused
    before the password is checked, until the oldest counted failure ages out.

    Raises:
        TooManyAttempts: a limit is reached; says how many seconds to wait.
        NotAuthenticated: no such account, or the wrong password (the same message).
    """
    address = email.strip().casefold()[:EMAIL_MAX_LENGTH]
    accounts = store.accounts
    since = now - LOGIN_WINDOW
    limit = max(ACCOUNT_FAILURES_ALLOWED, CLIENT_FAILURES_ALLOWED)
    recent = accounts.recent_failures(email=address, client=client, since=since, limit=limit)
    wait_s = max(
        _wait_s(recent.account, ACCOUNT_FAILURES_ALLOWED, now),
        _wait_s(recent.client, CLIENT_FAILURES_ALLOWED, now),
    )
    if wait_s > 0:
        raise TooManyAttempts(wait_s)
    user = accounts.user_by_email(address)
    hasher = _hasher()
    if user is None:
        hasher.verify(password[:PASSWORD_MAX_LENGTH], _dummy_hash())
        valid, new_hash = False, None
    else:
        valid, new_hash = hasher.verify_and_update(
            password[:PASSWORD_MAX_LENGTH], user.password_hash
        )
    accounts.record_login_attempt(
        email=address, client=client, succeeded=valid, now=now, forget_before=now - ATTEMPTS_KEPT
    )
    if user is None or not valid:
        raise NotAuthenticated("wrong e-mail address or password")
    if new_hash is not None:
        accounts.set_password_hash(user.id, new_hash)
    return user


def _wait_s(failures: tuple[datetime, ...], allowed: int, now: datetime) -> int:
    """Seconds until fewer than ``allowed`` of the newest-first ``failures`` fall in the window."""
    if len(failures) < allowed:
        return 0
    frees_at = failures[allowed - 1] + LOGIN_WINDOW
    return max(1, math.ceil((frees_at - now).total_seconds()))


def user(store: Store, user_id: int) -> UserRecord:
    """The user a session or token names.

    Raises:
        NotAuthenticated: the account no longer exists.
    """
    found = store.accounts.user(user_id)
    if found is None:
        raise NotAuthenticated("the account of this session no longer exists: log in again")
    return found


def athlete_access(store: Store, *, user_id: int, athlete_id: str, need: Access) -> AthleteAccess:
    """The athlete, when the user may do ``need`` with it.

    Raises:
        NotFound: the athlete does not exist, is a stranger's, or the user may not do
            ``need`` with it: all three read the same.
    """
    relation = store.accounts.relation(user_id, athlete_id)
    if relation is None or need not in ALLOWED[relation]:
        raise NotFound(f"no athlete '{athlete_id}' here")
    return AthleteAccess(athlete=store.athlete(athlete_id), relation=relation, user_id=user_id)
