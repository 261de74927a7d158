"""The REST API on both backends: tokens, athletes, the plan, coaches, errors as JSON."""

from __future__ import annotations

import icalendar
from starlette.testclient import TestClient
from web_builders import PASSWORD, profile, token

from runlift.services import athletes


def _signup(client: TestClient, email: str) -> dict[str, str]:
    response = client.post("/api/v1/auth/signup", json={"email": email, "password": PASSWORD})
    assert response.status_code == 201, response.text
    return token(client, email)


def test_sign_up_token_and_me(client: TestClient) -> None:
    created = client.post(
        "/api/v1/auth/signup", json={"email": "Ann@Example.org", "password": PASSWORD}
    )
    assert created.status_code == 201
    assert created.json()["email"] == "ann@example.org"
    again = client.post(
        "/api/v1/auth/signup", json={"email": "ann@example.org", "password": PASSWORD}
    )
    assert again.status_code == 409
    assert "exists" in again.json()["detail"]
    issued = client.post(
        "/api/v1/auth/token", data={"username": "ann@example.org", "password": PASSWORD}
    ).json()
    assert issued["token_type"] == "bearer"
    assert issued["expires_in"] == 3600
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {issued['access_token']}"})
    assert me.status_code == 200
    assert me.json()["email"] == "ann@example.org"
    assert me.json()["athletes"] == []


def test_without_a_valid_token_the_answer_is_401_in_json(client: TestClient) -> None:
    _signup(client, "ann@example.org")
    for headers in (
        {},
        {"Authorization": "Bearer forged.token.value"},
        {"Authorization": "Basic YW5uOnB3"},
    ):
        response = client.get("/api/v1/me", headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert isinstance(response.json()["detail"], str)
    wrong = client.post(
        "/api/v1/auth/token", data={"username": "ann@example.org", "password": "wrong password"}
    )
    assert wrong.status_code == 401
    assert wrong.json() == {"detail": "wrong e-mail address or password"}


def test_a_session_cookie_is_no_api_token(client: TestClient) -> None:
    _signup(client, "ann@example.org")
    cookie = client.post(
        "/login",
        data={"email": "ann@example.org", "password": PASSWORD, "csrf_token": "x"},
    )
    assert cookie.status_code == 403
    assert client.get("/api/v1/me").status_code == 401


def test_an_athlete_from_a_json_profile_and_its_plan(client: TestClient) -> None:
    auth = _signup(client, "ann@example.org")
    created = client.post("/api/v1/athletes", json=profile(), headers=auth)
    assert created.status_code == 201, created.text
    body = created.json()
    athlete_id = body["id"]
    assert created.headers["location"] == f"/api/v1/athletes/{athlete_id}"
    assert body["name"] == "Robin Fit"
    assert body["relation"] == "owner"
    assert body["current_version"] == 1
    assert client.get(f"/api/v1/athletes/{athlete_id}", headers=auth).json() == body
    store = client.app.state.store  # type: ignore[attr-defined]
    plan = client.get(f"/api/v1/athletes/{athlete_id}/plan", headers=auth)
    assert plan.headers["content-type"] == "application/json"
    assert plan.text == athletes.plan_json(store, athlete_id)
    assert plan.json()["format"] == "runlift-plan"
    ics = client.get(f"/api/v1/athletes/{athlete_id}/plan.ics", headers=auth)
    assert icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    me = client.get("/api/v1/me", headers=auth).json()
    assert [a["id"] for a in me["athletes"]] == [athlete_id]


def test_an_invalid_profile_is_422_naming_each_field(client: TestClient) -> None:
    auth = _signup(client, "ann@example.org")
    data = profile()
    data["mass_kg"] = 20
    data["colour"] = "blue"
    response = client.post("/api/v1/athletes", json=data, headers=auth)
    assert response.status_code == 422
    fields = {item["field"]: item["msg"] for item in response.json()["detail"]}
    assert fields == {
        "mass_kg": "at least 30",
        "colour": "not a profile field; see `runlift schema profile`",
    }
    race = profile("half-marathon-lifter")
    race["goal"]["race"]["date"] = "2026-11-01"
    response = client.post("/api/v1/athletes", json=race, headers=auth)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "goal", "race", "date"],
            "msg": "the race must be after start_date",
            "type": "value_error",
            "field": "goal.race.date",
        }
    ]
    assert client.get("/api/v1/me", headers=auth).json()["athletes"] == []


def test_coaches_are_invited_listed_and_revoked(client: TestClient) -> None:
    auth = _signup(client, "ann@example.org")
    athlete_id = client.post("/api/v1/athletes", json=profile(), headers=auth).json()["id"]
    invited = client.post(
        f"/api/v1/athletes/{athlete_id}/coaches", json={"email": "Coach@Example.org"}, headers=auth
    )
    assert invited.status_code == 201
    assert invited.json()["active"] is False
    coach = _signup(client, "coach@example.org")
    listed = client.get(f"/api/v1/athletes/{athlete_id}/coaches", headers=auth).json()
    assert [(c["email"], c["active"]) for c in listed] == [("coach@example.org", True)]
    dashboard = client.get("/api/v1/coach/athletes", headers=coach).json()
    assert [row["id"] for row in dashboard] == [athlete_id]
    # Nothing logged: every session due so far is missed, and there is no readiness.
    counts = dashboard[0]["sessions"]
    due = 0 if counts is None else counts["missed"]
    assert counts is None or counts["done"] == counts["partial"] == 0
    assert dashboard[0]["adherence"] == (None if due == 0 else 0.0)
    assert dashboard[0]["readiness"] is None
    seen = client.get(f"/api/v1/athletes/{athlete_id}", headers=coach).json()
    assert seen["relation"] == "coach"
    assert client.get(f"/api/v1/athletes/{athlete_id}/coaches", headers=coach).status_code == 404
    bad = client.post(
        f"/api/v1/athletes/{athlete_id}/coaches", json={"email": "nobody"}, headers=auth
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["field"] == "email"
    revoked = client.delete(
        f"/api/v1/athletes/{athlete_id}/coaches/coach@example.org", headers=auth
    )
    assert revoked.status_code == 204
    assert client.get(f"/api/v1/athletes/{athlete_id}", headers=coach).status_code == 404
    assert client.get("/api/v1/coach/athletes", headers=coach).json() == []
    again = client.delete(f"/api/v1/athletes/{athlete_id}/coaches/coach@example.org", headers=auth)
    assert again.status_code == 404


def test_health_and_the_published_schema(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    schema = client.get("/openapi.json").json()
    assert schema["info"]["title"] == "runlift"
    paths = set(schema["paths"])
    assert {
        "/healthz",
        "/api/v1/auth/token",
        "/api/v1/auth/signup",
        "/api/v1/me",
        "/api/v1/athletes",
        "/api/v1/athletes/{athlete_id}",
        "/api/v1/athletes/{athlete_id}/plan",
        "/api/v1/athletes/{athlete_id}/plan.ics",
        "/api/v1/athletes/{athlete_id}/coaches",
        "/api/v1/athletes/{athlete_id}/coaches/{email}",
        "/api/v1/coach/athletes",
        "/api/v1/athletes/{athlete_id}/activities",
        "/api/v1/athletes/{athlete_id}/sessions/{session_id}/done",
        "/api/v1/athletes/{athlete_id}/sessions/{session_id}/missed",
        "/api/v1/athletes/{athlete_id}/checkins",
        "/api/v1/athletes/{athlete_id}/events",
        "/api/v1/athletes/{athlete_id}/log",
        "/api/v1/athletes/{athlete_id}/status",
        "/api/v1/athletes/{athlete_id}/adapt",
        "/api/v1/athletes/{athlete_id}/sessions/{session_id}/move",
    } == paths
    assert client.get("/docs").status_code == 404
