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
``RUNLIFT_MAX_BODY_BYTES``  largest request body accepted (default 1 MiB), uploads aside
``RUNLIFT_MAX_UPLOAD_BYTES``  largest upload of training files, all files together (32 MiB)
``RUNLIFT_MAX_FILE_BYTES``  largest training file in an upload (16 MiB)
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

DEFAULT_MAX_FILE_BYTES: Final = 16 * 1024 * 1024
"""A training file is a few hundred kB (FIT) to a few MB (a long run as GPX or TCX, years of a
lifting app's export); 16 MiB leaves room for a day-long recording and bounds the parsing."""

DEFAULT_MAX_UPLOAD_BYTES: Final = 32 * 1024 * 1024
"""Several training files at once: two of the largest, or dozens of ordinary ones."""

MAX_READABLE_FILE_BYTES: Final = 64 * 1024 * 1024
"""The readers refuse larger files (``runlift.io.activity_input.MAX_FILE_BYTES``)."""

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
        max_body_bytes: the largest request body accepted, uploads of training files aside.
        max_upload_bytes: the largest upload of training files (every file and field).
        max_file_bytes: the largest training file in an upload.
        session_max_age_s: how long a login lasts in the browser.
        api_token_max_age_s: how long an API token lasts.
    """

    db_url: str | None
    secret_key: str
    allowed_hosts: tuple[str, ...]
    environment: Environment = Environment.PRODUCTION
    trusted_proxies: tuple[str, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
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
        if not 1024 <= self.max_file_bytes <= MAX_READABLE_FILE_BYTES:
            raise InvalidInput(
                "RUNLIFT_MAX_FILE_BYTES",
                self.max_file_bytes,
                f"from 1024 to {MAX_READABLE_FILE_BYTES} (64 MiB, the most the readers take)",
            )
        if self.max_upload_bytes < max(self.max_file_bytes, self.max_body_bytes):
            raise InvalidInput(
                "RUNLIFT_MAX_UPLOAD_BYTES",
                self.max_upload_bytes,
                "at least RUNLIFT_MAX_FILE_BYTES and RUNLIFT_MAX_BODY_BYTES",
            )

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
        return cls(
            db_url=environ.get("RUNLIFT_DB", "").strip() or None,
            secret_key=secret,
            allowed_hosts=hosts or DEVELOPMENT_HOSTS,
            environment=environment,
            trusted_proxies=_list(environ.get("RUNLIFT_TRUSTED_PROXIES", "")),
            max_body_bytes=_bytes(environ, "RUNLIFT_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES),
            max_upload_bytes=_bytes(environ, "RUNLIFT_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES),
            max_file_bytes=_bytes(environ, "RUNLIFT_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES),
        )


def _list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _bytes(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name, "").strip()
    try:
        return int(raw) if raw else default
    except ValueError:
        raise InvalidInput(name, raw, "a number of bytes") from None
