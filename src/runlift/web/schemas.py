"""The API's request and response bodies (pydantic), apart from the store's tables.

The training log's bodies also read the pages' forms (:func:`from_form`), so a
value is checked the same way whichever way it came.

The athlete profile is the profile format itself (``runlift.io.profile.ProfileModel``,
the schema ``runlift schema profile`` prints), so a profile posted as JSON is
checked exactly as a YAML file is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from runlift.domain.activities import MAX_RPE
from runlift.domain.log import (
    MAX_BODY_MASS_KG,
    MAX_RESTING_HR_BPM,
    MAX_SLEEP_H,
    MIN_BODY_MASS_KG,
    MIN_RESTING_HR_BPM,
    SCALE_HIGH,
    SCALE_LOW,
)
from runlift.errors import InvalidInput
from runlift.io.profile import describe_error
from runlift.services.accounts import EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH
from runlift.vocabulary import EventKind, MissReason

MAX_SESSION_MIN: Final = 24 * 60
"""A session logged as longer than a day is a typing error."""

MAX_SESSION_KM: Final = 500.0
"""Longer than the longest one-day ultramarathons: a typing error."""

NOTE_MAX_LENGTH: Final = 500
"""An event's note is a sentence or two."""


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


class WeekCountsOut(_Out):
    """This week's planned sessions by how they stand today."""

    planned: int
    done: int
    partial: int
    missed: int
    to_come: int


class CoachedAthleteOut(_Out):
    """One athlete on a coach's dashboard: this week, load, readiness, the next key session."""

    id: str
    name: str
    goal: str
    week: int | None = Field(description="this week's number in the plan; null outside it")
    weeks: int
    next_key_session: NextSessionOut | None
    sessions: WeekCountsOut | None = Field(description="this week's sessions; null outside it")
    adherence: float | None = Field(
        description="sessions due so far this week done in full or partly, 0-1; null when "
        "none was due yet"
    )
    acwr: float | None = Field(
        description="EWMA acute:chronic ratio of the logged load (7 / 28 days); null before "
        "28 days of log"
    )
    acwr_high: bool = Field(description="the ratio is above 1.5 (Gabbett 2016)")
    readiness: float | None = Field(description="the latest readiness, 0-100")
    readiness_date: dt.date | None
    fatigued: bool = Field(description="the fatigue flag: a high ratio or low readiness")


class HealthOut(_Out):
    """The app answers and its store is reachable."""

    status: Literal["ok"]


# -- the training log -----------------------------------------------------------------


FormModel = TypeVar("FormModel", bound=BaseModel)


def from_form(model: type[FormModel], values: Mapping[str, object]) -> FormModel:
    """A page's form read into ``model`` as the API reads its JSON; empty fields are left out.

    Raises:
        InvalidInput: every field at fault, each with what would be valid.
    """
    given = {
        key: value
        for key, value in values.items()
        if not (isinstance(value, str) and not value.strip())
    }
    try:
        return model.model_validate(given)
    except ValidationError as exc:
        found = [describe_field_error(error) for error in exc.errors()]
        first, *others = found
        raise InvalidInput(
            first[0], None, first[1], also=[InvalidInput(f, None, m) for f, m in others]
        ) from None


def describe_field_error(error: Mapping[str, Any]) -> tuple[str, str]:
    """One pydantic error of a request (not a profile) as (field, what would be valid)."""
    if error.get("type") == "extra_forbidden":
        loc = [str(part) for part in error.get("loc", ())]
        return ".".join(loc), "not a field of this request"
    field, _, message = describe_error(error)
    return field, message


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DoneIn(_In):
    """A planned session done: as planned when nothing is given, else what was done."""

    rpe: float | None = Field(
        default=None, ge=1, le=MAX_RPE, description="session RPE, 1-10 (Foster 2001)"
    )
    duration_min: float | None = Field(
        default=None, ge=1, le=MAX_SESSION_MIN, description="minutes (default: as planned)"
    )
    distance_km: float | None = Field(
        default=None,
        ge=0.01,
        le=MAX_SESSION_KM,
        description="km, for a run (default: as planned, unless a duration is given)",
    )


class MissedIn(_In):
    """A planned session not done, and why."""

    reason: MissReason = MissReason.OTHER


class LoggedSessionOut(_Out):
    """A planned session marked done (with the activity logged for it) or missed (with why)."""

    session_id: str
    title: str
    week: int = Field(description="the plan week it belongs to, 1-based")
    status: Literal["done", "missed"]
    activity_id: int | None = None
    reason: MissReason | None = None


class CheckInIn(_In):
    """A day's check-in; every answer is optional, at least one is needed.

    Answers given again for the same day replace the earlier ones; the others stay.
    """

    date: dt.date = Field(description="the local date it describes, today or before")
    sleep_h: float | None = Field(default=None, ge=0, le=MAX_SLEEP_H, description="hours slept")
    soreness: int | None = Field(
        default=None, ge=SCALE_LOW, le=SCALE_HIGH, description="1 (none) to 5 (very sore)"
    )
    stress: int | None = Field(
        default=None, ge=SCALE_LOW, le=SCALE_HIGH, description="1 (none) to 5 (very high)"
    )
    mood: int | None = Field(
        default=None, ge=SCALE_LOW, le=SCALE_HIGH, description="1 (very good) to 5 (very low)"
    )
    resting_hr_bpm: float | None = Field(
        default=None,
        ge=MIN_RESTING_HR_BPM,
        le=MAX_RESTING_HR_BPM,
        description="resting heart rate on waking",
    )
    mass_kg: float | None = Field(
        default=None, ge=MIN_BODY_MASS_KG, le=MAX_BODY_MASS_KG, description="body mass, kg"
    )


class CheckInOut(_Out):
    """A day's check-in with every answer stored so far (null: not answered)."""

    date: dt.date
    sleep_h: float | None
    soreness: int | None
    stress: int | None
    mood: int | None
    resting_hr_bpm: float | None
    mass_kg: float | None


class EventIn(_In):
    """Illness, injury or travel over a range of days (both included)."""

    kind: EventKind
    first_day: dt.date
    last_day: dt.date = Field(description="on or after first_day")
    note: str | None = Field(default=None, max_length=NOTE_MAX_LENGTH)


class EventOut(_Out):
    """A stored event."""

    id: int
    kind: EventKind
    first_day: dt.date
    last_day: dt.date
    note: str | None


class ImportedOut(_Out):
    """An activity (or the weighings) a file added."""

    path: str = Field(description="the uploaded file's name")
    kind: str = Field(description="the sport (run, strength, cycling ...) or body_mass")
    activity_id: int | None
    start: dt.datetime | None
    matched_session: str | None = Field(description="the planned session it fulfils")
    readings: int | None = Field(default=None, description="weighings added (body_mass only)")


class DuplicateOut(_Out):
    """A file, or an activity of it, already in the log: nothing was added for it."""

    path: str
    activity_id: int | None


class FailedOut(_Out):
    """A file that could not be read: nothing of it was stored."""

    path: str
    error: str = Field(description="why, in one line")


class ImportOut(_Out):
    """What an upload did, file by file (the document ``runlift log import --json`` prints)."""

    imported: list[ImportedOut]
    duplicates: list[DuplicateOut]
    failed: list[FailedOut]


class PlannedOut(_Out):
    """What a session asks."""

    distance_km: float | None
    duration_min: float
    rpe: float
    load_au: float = Field(description="session RPE x minutes (Foster 2001)")


class DoneFiguresOut(_Out):
    """What an activity did."""

    activity_id: int
    start: dt.datetime
    sport: str
    name: str | None
    distance_km: float | None
    duration_min: float | None
    pace_s_per_km: float | None
    sets: list[str] = Field(description="work sets by exercise: back-squat 3x5 @ 100 kg")
    rpe: float | None
    load_au: float | None
    fulfils: str | None = Field(description="for an extra: a session of another week it fulfils")


class SessionLogOut(_Out):
    """A planned session of the week and how it stands."""

    id: str
    date: dt.date
    start: dt.datetime
    modality: str
    kind: str
    title: str
    status: Literal["done", "partial", "missed", "planned"]
    missed_reason: MissReason | None = Field(description="when the athlete marked it missed")
    planned: PlannedOut
    done: DoneFiguresOut | None
    done_fraction: float | None


class LoadOut(_Out):
    """The week's session-RPE load, planned and done (arbitrary units)."""

    planned_au: float
    done_au: float


class WeekLogOut(_Out):
    """A week of the plan against the log (the document ``runlift log show --json`` prints)."""

    athlete: str
    plan_version: int
    week: int
    week_start: dt.date
    today: dt.date
    sessions: list[SessionLogOut]
    extras: list[DoneFiguresOut]
    load: LoadOut


class StatusSessionOut(_Out):
    """A session of this week (or an extra: ``id`` null, ``status`` extra) and how it stands."""

    id: str | None
    date: dt.date
    modality: str | None
    kind: str
    status: Literal["done", "partial", "missed", "planned", "extra"]


class StatusLoadOut(_Out):
    """Today's logged load (AU/day; the ratio unitless); ``planned`` and ``actual`` hold both."""

    acute: float | None
    chronic: float | None
    acwr: float | None = Field(description="EWMA acute:chronic; null before 28 days of log")
    ctl: float | None
    atl: float | None
    tsb: float | None


class StatusEstimatesOut(_Out):
    """Today's estimates from the log."""

    vdot: float | None = Field(description="from races and time trials; null without one")
    one_rep_max_kg: dict[str, float] = Field(description="e1RM by exercise id")


class StatusOut(_Out):
    """Where the athlete stands today: the document ``runlift status --json`` prints.

    Besides these keys it holds ``week``, ``fatigue``, ``lift_efforts``, ``events`` and
    ``next`` (docs/tracking.md).
    """

    athlete: str
    plan_version: int
    today: dt.date
    sessions: list[StatusSessionOut]
    load: StatusLoadOut
    estimates: StatusEstimatesOut
    readiness: dict[str, Any] | None = Field(description="the latest check-in's readiness")


class AdaptIn(BaseModel):
    """Adapt the plan: decide and store it, only show it, or accept a preview.

    The default decides and stores; ``dry_run`` only shows; ``from_version`` and
    ``digest`` of a preview store it only if the decisions are still the same.
    """

    model_config = ConfigDict(extra="forbid")

    dry_run: bool = Field(default=False, description="decide, store nothing")
    from_version: int | None = Field(default=None, ge=1, description="the previewed version")
    digest: str | None = Field(
        default=None, min_length=1, max_length=64, description="the preview's digest"
    )


class ChangeOut(_Out):
    """A session the adaptation moved, changed, dropped or added, with the rules and why."""

    session_id: str
    change: Literal["moved", "changed", "dropped", "added"]
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    rules: list[str]
    reason: str


class AdaptOut(_Out):
    """What adapting did: the document ``runlift adapt --json`` prints."""

    athlete: str
    today: dt.date
    from_version: int
    to_version: int | None = Field(description="the new version; null when nothing was stored")
    changes: list[ChangeOut]
    notes: list[str]
    digest: str = Field(description="names the decisions: send it back to accept them")


class MoveIn(BaseModel):
    """Move a session to a new start (with its UTC offset); ``dry_run`` only judges."""

    model_config = ConfigDict(extra="forbid")

    start: datetime = Field(description="the new start, e.g. 2027-01-15T18:30:00+01:00")
    dry_run: bool = False


class MoveOut(_Out):
    """A move judged by the rule checkers: made (a new version), or refused and why."""

    athlete: str
    today: dt.date
    from_version: int
    to_version: int | None
    accepted: bool
    change: ChangeOut | None
    refusals: list[str] = Field(description="why not, one line each (SCH-1: ...)")
    warnings: list[str] = Field(description="soft rules the move breaks (SCH-5: ...)")


class MoveRefusedOut(MoveOut):
    """A move the rules refuse: nothing was stored."""

    detail: str
