"""Private calendar subscriptions: a secret URL that serves an athlete's plan as iCalendar.

Calendar apps (Google, Apple, Outlook) fetch a subscribed URL without logging
in, so the URL carries a secret of its own: 32 random bytes (256 bits), shown
once, stored only as its SHA-256 (a secret that long needs no slow hash: no one
can guess it, so only a stolen table matters, and the table holds no secret).
One subscription stands per athlete: making another revokes the old, and the
athlete may revoke it outright. Callers have already checked that the user owns
the athlete.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime
from typing import Final

from runlift.errors import NotFound
from runlift.services.athletes import plan_ics
from runlift.store.repository import Store

TOKEN_BYTES: Final = 32
_TOKEN: Final = re.compile(r"[A-Za-z0-9_-]{43}")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def subscribe(store: Store, athlete_id: str, *, now: datetime) -> str:
    """A new secret for the athlete's calendar URL; the one that stood stops working.

    Returns:
        The secret, to be shown once: only its hash is kept.
    """
    token = secrets.token_urlsafe(TOKEN_BYTES)
    store.accounts.replace_calendar_token(athlete_id, _digest(token), now=now)
    return token


def unsubscribe(store: Store, athlete_id: str, *, now: datetime) -> None:
    """Revoke the athlete's calendar URL (nothing happens when none stands)."""
    store.accounts.revoke_calendar_token(athlete_id, now=now)


def subscribed_since(store: Store, athlete_id: str) -> datetime | None:
    """When the athlete's standing calendar URL was made; None when none stands."""
    return store.accounts.calendar_token_created(athlete_id)


def calendar(store: Store, token: str) -> str:
    """The plan of the athlete whose standing calendar URL carries ``token``, as iCalendar.

    Raises:
        NotFound: no standing subscription has this secret (malformed, revoked or never made).
    """
    athlete_id = (
        store.accounts.athlete_of_calendar_token(_digest(token))
        if _TOKEN.fullmatch(token)
        else None
    )
    if athlete_id is None:
        raise NotFound("no calendar here")
    return plan_ics(store, athlete_id)
