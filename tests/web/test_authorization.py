"""Authorization in one place: every route that names an athlete answers 404 to anyone else.

The routes are read from ``app.routes``, so a route added later is walked too.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.testclient import TestClient
from web_builders import add_athlete, csrf, profile, sign_up, token
from web_routes import all_routes

from runlift.services import athletes


def _request(
    browser: TestClient, method: str, path: str, api_auth: dict[str, str], form_token: str
) -> int:
    if path.startswith("/api/"):
        body = {"email": "someone@example.org"} if method == "POST" else None
        return browser.request(method, path, json=body, headers=api_auth).status_code
    data = {"csrf_token": form_token, "email": "coach@example.org"} if method == "POST" else None
    return browser.request(method, path, data=data, follow_redirects=False).status_code


def test_every_athlete_route_is_404_for_another_athlete_and_an_uninvited_coach(
    client: TestClient, another: Callable[[], TestClient]
) -> None:
    owner = client
    sign_up(owner, "ann@example.org")
    athlete_id = add_athlete(owner, profile())
    store = owner.app.state.store  # type: ignore[attr-defined]
    session_id = str(
        athletes.current_plan(store, athlete_id).plan.weeks[0].sessions[0].scheduled.id
    )
    owner.post(
        f"/athletes/{athlete_id}/coaches",
        data={"email": "coach@example.org", "csrf_token": csrf(owner, "/")},
    )

    rival = another()
    sign_up(rival, "bob@example.org")
    rivals_athlete = add_athlete(rival, profile())
    rival.post(
        f"/athletes/{rivals_athlete}/coaches",
        data={"email": "other-coach@example.org", "csrf_token": csrf(rival, "/")},
    )
    outsider = another()
    sign_up(outsider, "other-coach@example.org")
    invited = another()
    sign_up(invited, "coach@example.org")

    routes = [
        (path, method)
        for path, methods in all_routes(owner.app)  # type: ignore[arg-type]
        for method in sorted(methods)
        if "{athlete_id}" in path
    ]
    assert len(routes) >= 15
    assert any(path.startswith("/api/") for path, _ in routes)
    assert any(not path.startswith("/api/") for path, _ in routes)

    def concrete(path: str, athlete: str) -> str:
        return (
            path.replace("{athlete_id}", athlete)
            .replace("{session_id}", session_id)
            .replace("{email}", "coach@example.org")
        )

    for browser, email in ((rival, "bob@example.org"), (outsider, "other-coach@example.org")):
        auth = token(browser, email)
        form_token = csrf(browser, "/")
        for path, method in routes:
            for athlete in (athlete_id, "no-such-athlete"):
                status = _request(browser, method, concrete(path, athlete), auth, form_token)
                assert status == 404, f"{email}: {method} {path} gave {status}"

    # The owner and the invited coach reach what is theirs to read: the walk is not vacuous.
    owner_auth = token(owner, "ann@example.org")
    coach_auth = token(invited, "coach@example.org")
    for path, method in routes:
        if method != "GET":
            continue
        url = concrete(path, athlete_id)
        assert _request(owner, method, url, owner_auth, "") == 200, f"owner: GET {path}"
        coach_status = _request(invited, method, url, coach_auth, "")
        owner_only = path.endswith(("/sharing", "/coaches"))
        assert coach_status == (404 if owner_only else 200), f"coach: GET {path}"
    # The invited coach changes the plan (adapts it, moves a session) and nothing else.
    plan_changes = {
        path for path, method in routes if method == "POST" and path.endswith(("/adapt", "/move"))
    }
    assert plan_changes == {
        "/athletes/{athlete_id}/adapt",
        "/athletes/{athlete_id}/sessions/{session_id}/move",
        "/api/v1/athletes/{athlete_id}/adapt",
        "/api/v1/athletes/{athlete_id}/sessions/{session_id}/move",
    }
    coach_form = csrf(invited, "/")
    for path, method in routes:
        if method in {"POST", "DELETE"}:
            status = _request(invited, method, concrete(path, athlete_id), coach_auth, coach_form)
            if path in plan_changes:
                # Reached, then refused for what was sent (no version, digest or start).
                assert status == 422, f"coach: {method} {path} gave {status}"
            else:
                assert status == 404, f"coach: {method} {path} gave {status}"
