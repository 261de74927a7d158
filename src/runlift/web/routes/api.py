"""The REST API, ``/api/v1``: bearer tokens, athletes, their plan and their coaches.

Each route parses, calls one service and maps the result; the athlete in a path
comes from ``deps.api_athlete`` (404 for anyone who may not see it). The
training log's routes are in ``api_log``, under the same prefix.
"""

from __future__ import annotations

from typing import Annotated, Any, Final

from fastapi import APIRouter, Depends, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from runlift.io.profile import ProfileModel
from runlift.services import accounts, athletes, coaching
from runlift.store.accounts import CoachLink, OwnedAthlete
from runlift.web.deps import (
    ApiOwner,
    ApiReader,
    ApiUser,
    ClientDep,
    NowDep,
    SignerDep,
    StoreDep,
)
from runlift.web.schemas import (
    AthleteOut,
    AthleteSummaryOut,
    CoachedAthleteOut,
    CoachIn,
    CoachOut,
    ErrorOut,
    MeOut,
    NextSessionOut,
    SignupIn,
    TokenOut,
    UserOut,
    WeekCountsOut,
)

ERRORS: Final[dict[int | str, dict[str, Any]]] = {
    401: {"model": ErrorOut, "description": "no token, or an invalid or expired one"},
    404: {"model": ErrorOut, "description": "no such athlete, or not yours to see"},
    413: {"model": ErrorOut, "description": "the body is too large"},
}
ICS: Final = "text/calendar; charset=utf-8"

router = APIRouter(prefix="/api/v1", tags=["api"])


@router.post(
    "/auth/token",
    response_model=TokenOut,
    responses={
        401: {"model": ErrorOut, "description": "wrong e-mail address or password"},
        429: {"model": ErrorOut, "description": "too many failed logins: see Retry-After"},
    },
)
def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    store: StoreDep,
    signer: SignerDep,
    client: ClientDep,
    now: NowDep,
) -> TokenOut:
    """Trade an e-mail address (as ``username``) and password for a bearer token."""
    user = accounts.log_in(
        store, email=form.username, password=form.password, client=client, now=now
    )
    return TokenOut(access_token=signer.token(user.id), expires_in=signer.token_max_age_s)


@router.post(
    "/auth/signup",
    response_model=UserOut,
    status_code=status.HTTP_201_CREATED,
    responses={409: {"model": ErrorOut, "description": "the e-mail address has an account"}},
)
def signup(body: SignupIn, store: StoreDep, now: NowDep) -> UserOut:
    """Make an account; invitations already sent to its address take effect."""
    user = accounts.sign_up(store, email=body.email, password=body.password, now=now)
    return UserOut(id=user.id, email=user.email, created_at=user.created_at)


def _summary(athlete: OwnedAthlete) -> AthleteSummaryOut:
    return AthleteSummaryOut(
        id=athlete.id, name=athlete.name, current_version=athlete.current_version
    )


@router.get("/me", response_model=MeOut, responses={401: ERRORS[401]})
def me(user: ApiUser, store: StoreDep) -> MeOut:
    """The caller's account and athletes."""
    mine = athletes.my_athletes(store, user.id)
    return MeOut(
        id=user.id,
        email=user.email,
        created_at=user.created_at,
        athletes=[_summary(a) for a in mine.owned],
        coaching=[_summary(a) for a in mine.coached],
    )


def _athlete(access: accounts.AthleteAccess) -> AthleteOut:
    record = access.athlete
    return AthleteOut(
        id=record.id,
        name=record.name,
        created_at=record.created_at,
        current_version=record.current_version,
        relation=access.relation.value,
        profile_yaml=record.profile_yaml,
    )


@router.post(
    "/athletes",
    response_model=AthleteOut,
    status_code=status.HTTP_201_CREATED,
    responses={401: ERRORS[401], 413: ERRORS[413]},
)
def create_athlete(
    profile: ProfileModel, user: ApiUser, store: StoreDep, now: NowDep, response: Response
) -> AthleteOut:
    """Add an athlete from a profile (the YAML profile's fields, as JSON) and plan it.

    The caller owns the athlete. Planning takes a few seconds.
    """
    record = athletes.create_athlete(
        store,
        owner_id=user.id,
        profile=profile.model_dump(mode="json", exclude_unset=True),
        now=now,
    )
    response.headers["Location"] = f"/api/v1/athletes/{record.id}"
    return _athlete(
        accounts.athlete_access(
            store, user_id=user.id, athlete_id=record.id, need=accounts.Access.READ
        )
    )


@router.get("/athletes/{athlete_id}", response_model=AthleteOut, responses=ERRORS)
def athlete(access: ApiReader) -> AthleteOut:
    """An athlete the caller owns or coaches."""
    return _athlete(access)


@router.get(
    "/athletes/{athlete_id}/plan",
    responses={
        200: {
            "description": "the plan.json document (runlift schema plan)",
            "content": {"application/json": {"schema": {"type": "object"}}},
        },
        **ERRORS,
    },
    response_class=Response,
)
def plan(access: ApiReader, store: StoreDep) -> Response:
    """The current plan as ``plan.json``, exactly as ``runlift plan`` writes it."""
    return Response(athletes.plan_json(store, access.athlete.id), media_type="application/json")


@router.get(
    "/athletes/{athlete_id}/plan.ics",
    responses={
        200: {
            "description": "the plan as iCalendar",
            "content": {ICS: {"schema": {"type": "string"}}},
        },
        **ERRORS,
    },
    response_class=Response,
)
def plan_ics(access: ApiReader, store: StoreDep) -> Response:
    """The current plan as an iCalendar file (``plan.ics``)."""
    return Response(athletes.plan_ics(store, access.athlete.id), media_type=ICS)


def _coach(link: CoachLink) -> CoachOut:
    return CoachOut(email=link.email, invited_at=link.invited_at, active=link.active)


@router.get("/athletes/{athlete_id}/coaches", response_model=list[CoachOut], responses=ERRORS)
def coaches(access: ApiOwner, store: StoreDep) -> list[CoachOut]:
    """The coaches the athlete has invited (owner only)."""
    return [_coach(link) for link in coaching.coaches(store, access.athlete.id)]


@router.post(
    "/athletes/{athlete_id}/coaches",
    response_model=CoachOut,
    status_code=status.HTTP_201_CREATED,
    responses=ERRORS,
)
def invite_coach(body: CoachIn, access: ApiOwner, store: StoreDep, now: NowDep) -> CoachOut:
    """Invite a coach by e-mail (owner only); the coach sees the athlete once signed up."""
    return _coach(coaching.invite_coach(store, access.athlete.id, body.email, now=now))


@router.delete(
    "/athletes/{athlete_id}/coaches/{email}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=ERRORS,
    response_class=Response,
)
def revoke_coach(email: str, access: ApiOwner, store: StoreDep, now: NowDep) -> Response:
    """Revoke a coach's invitation (owner only): the coach no longer sees the athlete."""
    coaching.revoke_coach(store, access.athlete.id, email, now=now)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/coach/athletes", response_model=list[CoachedAthleteOut], responses={401: ERRORS[401]})
def coached(user: ApiUser, store: StoreDep, now: NowDep) -> list[CoachedAthleteOut]:
    """The athletes who invited the caller: this week, load, readiness, the next key session."""
    return [
        CoachedAthleteOut(
            id=row.athlete_id,
            name=row.name,
            goal=row.goal,
            week=row.week,
            weeks=row.weeks,
            next_key_session=None
            if row.next_key is None
            else NextSessionOut(
                session_id=row.next_key.session_id,
                start=row.next_key.start,
                title=row.next_key.title,
            ),
            sessions=None
            if row.counts is None
            else WeekCountsOut(
                planned=row.counts.planned,
                done=row.counts.done,
                partial=row.counts.partial,
                missed=row.counts.missed,
                to_come=row.counts.to_come,
            ),
            adherence=row.adherence,
            acwr=row.acwr,
            acwr_high=row.acwr_high,
            readiness=row.readiness,
            readiness_date=row.readiness_date,
            fatigued=row.fatigued,
        )
        for row in coaching.dashboard(store, user.id, now=now)
    ]
