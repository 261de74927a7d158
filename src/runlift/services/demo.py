"""A demo store: the bundled example athletes, each with a login, and a coach who coaches them.

``runlift serve --demo`` fills a temporary store with it so the web app can be
tried at once. The passwords are printed with the URL; they are for a throwaway
store on the local machine and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from runlift.io.profile import read_profile
from runlift.services import planning
from runlift.services.accounts import sign_up
from runlift.services.athletes import new_athlete_id
from runlift.services.coaching import invite_coach
from runlift.store.repository import Store, athlete_id_from_name

COACH_EMAIL: Final = "coach@demo.runlift.example"
DEMO_PASSWORD: Final = "runlift-demo"
"""Every demo login's password; a demo store lives on the local machine only."""


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoLogin:
    """One demo account: its e-mail, password, and what it shows."""

    email: str
    password: str
    role: str


def seed_demo(
    store: Store,
    profiles: Mapping[str, str],
    *,
    now: datetime,
    announce: Callable[[str], None] | None = None,
) -> tuple[DemoLogin, ...]:
    """Store each profile (name -> YAML text) as an athlete with a login, all coached by one coach.

    Returns:
        The logins: the coach's first, then one per athlete in the order given.
    """
    coach = sign_up(store, email=COACH_EMAIL, password=DEMO_PASSWORD, now=now)
    logins = [DemoLogin(email=coach.email, password=DEMO_PASSWORD, role="coach of every athlete")]
    for text in profiles.values():
        profile = read_profile(text)
        if announce is not None:
            announce(f"planning {profile.name}")
        slug = athlete_id_from_name(profile.name)
        user = sign_up(store, email=f"{slug}@demo.runlift.example", password=DEMO_PASSWORD, now=now)
        result = planning.make_plan(profile)
        athlete = store.add_athlete(
            athlete_id=new_athlete_id(profile.name),
            profile=profile,
            profile_yaml=text,
            plan=result.plan,
            nutrition=result.nutrition,
            now=now,
            owner_id=user.id,
        )
        invite_coach(store, athlete.id, coach.email, now=now)
        logins.append(DemoLogin(email=user.email, password=DEMO_PASSWORD, role=profile.name))
    return tuple(logins)
