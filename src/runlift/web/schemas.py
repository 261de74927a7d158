"""The API's request and response bodies (pydantic), apart from the store's tables.

The athlete profile is the profile format itself (``runlift.io.profile.ProfileModel``,
the schema ``runlift schema profile`` prints), so a profile posted as JSON is
checked exactly as a YAML file is.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from runlift.services.accounts import EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class ErrorOut(_Out):
    """An error: what went wrong (a sentence, or a list of fields at fault)."""

    detail: str | list[dict[str, Any]]


class SignupIn(BaseModel):
    """A new account."""

    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=EMAIL_MAX_LENGTH, examples=["athlete@example.org"])
    password: str = Field(max_length=PASSWORD_MAX_LENGTH, description="at least 10 characters")


class TokenOut(_Out):
    """A bearer token for ``Authorization: Bearer <access_token>``."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="seconds until the token expires")


class UserOut(_Out):
    """An account."""

    id: int
    email: str
    created_at: datetime


class AthleteSummaryOut(_Out):
    """An athlete in a list."""

    id: str
    name: str
    current_version: int


class MeOut(UserOut):
    """The caller's account, the athletes it owns and those it coaches."""

    athletes: list[AthleteSummaryOut]
    coaching: list[AthleteSummaryOut]


class AthleteOut(_Out):
    """An athlete as the caller sees it."""

    id: str
    name: str
    created_at: datetime
    current_version: int
    relation: Literal["owner", "coach"]
    profile_yaml: str = Field(description="the profile as given")


class CoachIn(BaseModel):
    """A coach to invite."""

    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=EMAIL_MAX_LENGTH, examples=["coach@example.org"])


class CoachOut(_Out):
    """An invitation of a coach; ``active`` once the coach has an account."""

    email: str
    invited_at: datetime
    active: bool


class NextSessionOut(_Out):
    """A session ahead, at its local start."""

    session_id: str
    start: datetime
    title: str


class CoachedAthleteOut(_Out):
    """One athlete on a coach's dashboard; adherence and readiness are null until logged."""

    id: str
    name: str
    goal: str
    week: int | None
    weeks: int
    next_key_session: NextSessionOut | None
    adherence: float | None
    readiness: str | None


class HealthOut(_Out):
    """The app answers and its store is reachable."""

    status: Literal["ok"]
