"""The web app's settings, read once from the environment into one frozen object.

``RUNLIFT_ENV`` is ``production`` unless it says ``development``: secure by default.
In production a missing ``RUNLIFT_SECRET_KEY`` or ``RUNLIFT_ALLOWED_HOSTS`` is an
error when the server starts, never a default; in development a random key is
made (sessions then last as long as the process) and only loopback hosts are
allowed.

=========================  ================================================================
variable                   meaning
=========================  ================================================================
``RUNLIFT_DB``             the store's URL (default: a SQLite file in the user's data folder)
``RUNLIFT_SECRET_KEY``     signs session cookies, CSRF tokens and API tokens (32+ characters)
``RUNLIFT_ALLOWED_HOSTS``  comma-separated host names the app answers to (``Host`` header)
``RUNLIFT_ENV``            ``production`` (default) or ``development``
``RUNLIFT_TRUSTED_PROXIES``  comma-separated addresses of reverse proxies whose
                           ``X-Forwarded-For`` and ``X-Forwarded-Proto`` are believed
                           (default: none; ``*`` believes any, only behind a firewall)
``RUNLIFT_MAX_BODY_BYTES``  largest request body accepted (default 1 MiB)
=========================  ================================================================

An adapter beside the store: it reads the environment and nothing else.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from runlift.errors import InvalidInput

SECRET_KEY_MIN_LENGTH: Final = 32
"""A key of 32 random URL-safe characters carries about 190 bits."""

DEFAULT_MAX_BODY_BYTES: Final = 1024 * 1024
"""A profile or an invitation is a few kilobytes; 1 MiB leaves room and bounds the work."""

SESSION_MAX_AGE_S: Final = 14 * 24 * 3600
"""A browser session lasts two weeks from the last login."""

API_TOKEN_MAX_AGE_S: Final = 3600
"""An API bearer token lasts an hour; the client asks for a new one with the password."""

DEVELOPMENT_HOSTS: Final = ("localhost", "127.0.0.1", "testserver")


class Environment(StrEnum):
    """Where the app runs: production is strict, development forgiving."""

    PRODUCTION = "production"
    DEVELOPMENT = "development"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Everything the web app is configured with.

    Attributes:
        db_url: the store's URL; None for the default SQLite file.
        secret_key: signs cookies and tokens.
        allowed_hosts: the host names the app answers to.
        environment: production or development.
        trusted_proxies: addresses whose forwarded headers are believed.
        max_body_bytes: the largest request body accepted.
        session_max_age_s: how long a login lasts in the browser.
        api_token_max_age_s: how long an API token lasts.
    """

    db_url: str | None
    secret_key: str
    allowed_hosts: tuple[str, ...]
    environment: Environment = Environment.PRODUCTION
    trusted_proxies: tuple[str, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    session_max_age_s: int = SESSION_MAX_AGE_S
    api_token_max_age_s: int = API_TOKEN_MAX_AGE_S

    def __post_init__(self) -> None:
        if len(self.secret_key) < SECRET_KEY_MIN_LENGTH:
            raise InvalidInput(
                "RUNLIFT_SECRET_KEY",
                "(hidden)",
                f"at least {SECRET_KEY_MIN_LENGTH} characters; make one with "
                "python -c 'import secrets; print(secrets.token_urlsafe(32))'",
            )
        if not self.allowed_hosts:
            raise InvalidInput(
                "RUNLIFT_ALLOWED_HOSTS",
                "",
                "the host names the app is reached by, e.g. plan.example.org",
            )
        if self.max_body_bytes < 1024:
            raise InvalidInput("RUNLIFT_MAX_BODY_BYTES", self.max_body_bytes, "at least 1024")

    @property
    def production(self) -> bool:
        """Whether the app runs in production mode."""
        return self.environment is Environment.PRODUCTION

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings named by the ``RUNLIFT_*`` variables (see the module's table).

        Raises:
            InvalidInput: a variable production needs is missing, or one is malformed.
        """
        environ = os.environ if environ is None else environ
        raw_env = environ.get("RUNLIFT_ENV", "").strip().lower() or Environment.PRODUCTION.value
        try:
            environment = Environment(raw_env)
        except ValueError:
            raise InvalidInput("RUNLIFT_ENV", raw_env, "production or development") from None
        secret = environ.get("RUNLIFT_SECRET_KEY", "").strip()
        hosts = _list(environ.get("RUNLIFT_ALLOWED_HOSTS", ""))
        if environment is Environment.PRODUCTION:
            if not secret:
                raise InvalidInput(
                    "RUNLIFT_SECRET_KEY",
                    "",
                    "required in production (or set RUNLIFT_ENV=development); make one with "
                    "python -c 'import secrets; print(secrets.token_urlsafe(32))'",
                )
            if not hosts:
                raise InvalidInput(
                    "RUNLIFT_ALLOWED_HOSTS",
                    "",
                    "required in production: the host names the app is reached by, "
                    "e.g. plan.example.org",
                )
        secret = secret or secrets.token_urlsafe(SECRET_KEY_MIN_LENGTH)
        raw_size = environ.get("RUNLIFT_MAX_BODY_BYTES", "").strip()
        try:
            max_body = int(raw_size) if raw_size else DEFAULT_MAX_BODY_BYTES
        except ValueError:
            raise InvalidInput("RUNLIFT_MAX_BODY_BYTES", raw_size, "a number of bytes") from None
        return cls(
            db_url=environ.get("RUNLIFT_DB", "").strip() or None,
            secret_key=secret,
            allowed_hosts=hosts or DEVELOPMENT_HOSTS,
            environment=environment,
            trusted_proxies=_list(environ.get("RUNLIFT_TRUSTED_PROXIES", "")),
            max_body_bytes=max_body,
        )


def _list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())
