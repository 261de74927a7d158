"""The training log in the API on both backends: the same use cases and documents as the
command line, errors as JSON with the right status and the field named."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from starlette.testclient import TestClient
from web_builders import PASSWORD, profile, token

from log_builders import STRENGTH_FIT, STRENGTH_FIT_MONDAY, shifted_gpx
from runlift.cli.app import main
from runlift.services import athletes
from runlift.web.deps import get_now

NOW = datetime(2026, 12, 16, 9, 0, tzinfo=UTC)


def _athlete(
    client: TestClient, data: dict[str, object] | None = None
) -> tuple[str, dict[str, str]]:
    client.app.dependency_overrides[get_now] = lambda: NOW  # type: ignore[attr-defined]
    client.post("/api/v1/auth/signup", json={"email": "ann@example.org", "password": PASSWORD})
    auth = token(client, "ann@example.org")
    created = client.post("/api/v1/athletes", json=data or profile(), headers=auth)
    assert created.status_code == 201, created.text
    return created.json()["id"], auth


def test_upload_answers_the_import_document_of_the_command_line(client: TestClient) -> None:
    athlete_id, auth = _athlete(client, {**profile(), "start_date": STRENGTH_FIT_MONDAY})
    response = client.post(
        f"/api/v1/athletes/{athlete_id}/activities",
        headers=auth,
        files=[
            ("files", ("../../strength.fit", STRENGTH_FIT.read_bytes(), "application/json")),
            ("files", ("empty.gpx", b"", "application/gpx+xml")),
        ],
    )
    assert response.status_code == 200
    document = response.json()
    assert document == {
        "imported": [
            {
                "path": "strength.fit",
                "kind": "strength",
                "activity_id": document["imported"][0]["activity_id"],
                "start": "2025-10-20T17:44:06+00:00",
                "matched_session": "w01-lift1",
            }
        ],
        "duplicates": [],
        "failed": [
            {
                "path": "empty.gpx",
                "error": "cannot read training file: empty.gpx: the file is empty",
            }
        ],
    }
    again = client.post(
        f"/api/v1/athletes/{athlete_id}/activities",
        headers=auth,
        files=[("files", ("copy.fit", STRENGTH_FIT.read_bytes(), "application/vnd.ant.fit"))],
    ).json()
    assert again["imported"] == []
    assert again["duplicates"] == [
        {"path": "copy.fit", "activity_id": document["imported"][0]["activity_id"]}
    ]
    missing = client.post(f"/api/v1/athletes/{athlete_id}/activities", headers=auth, data={})
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["field"] == "files"


def test_the_week_document_is_the_one_log_show_prints(
    client: TestClient, store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    athlete_id, auth = _athlete(client)
    store = client.app.state.store  # type: ignore[attr-defined]
    week = athletes.current_plan(store, athlete_id).plan.weeks[1]
    run = next(s for s in week.sessions if s.scheduled.spec.modality.value == "run")
    lift = next(s for s in week.sessions if s.scheduled.spec.modality.value == "lift")
    base = f"/api/v1/athletes/{athlete_id}"
    client.post(
        f"{base}/activities",
        headers=auth,
        files=[("files", ("run.gpx", shifted_gpx(run.scheduled.start), "text/xml"))],
    )
    missed = client.post(
        f"{base}/sessions/{lift.scheduled.id}/missed", json={"reason": "illness"}, headers=auth
    )
    assert missed.status_code == 200
    assert missed.json() == {
        "session_id": lift.scheduled.id,
        "title": lift.scheduled.spec.title,
        "week": 2,
        "status": "missed",
        "activity_id": None,
        "reason": "illness",
    }
    answer = client.get(f"{base}/log?week=2", headers=auth)
    assert answer.status_code == 200
    document = answer.json()
    status = {row["id"]: (row["status"], row["missed_reason"]) for row in document["sessions"]}
    assert status[run.scheduled.id][0] in {"done", "partial"}
    assert status[lift.scheduled.id] == ("missed", "illness")
    code = main(
        ["log", "show", "--week", "2", "--today", "2026-12-16", "--db", store_url,
         "--athlete", athlete_id, "--json"]
    )  # fmt: skip
    assert code == 0
    assert json.loads(capsys.readouterr().out) == document
    # Without a week: the one holding today.
    assert client.get(f"{base}/log", headers=auth).json()["week"] == 2
    wrong = client.get(f"{base}/log?week=9", headers=auth)
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0] == {
        "loc": ["query", "week"],
        "msg": "a week of the plan, 1 to 8",
        "type": "value_error",
        "field": "week",
    }


def test_done_check_ins_and_events(client: TestClient) -> None:
    athlete_id, auth = _athlete(client)
    store = client.app.state.store  # type: ignore[attr-defined]
    lift = next(
        s
        for s in athletes.current_plan(store, athlete_id).plan.weeks[0].sessions
        if s.scheduled.spec.modality.value == "lift"
    )
    base = f"/api/v1/athletes/{athlete_id}"
    done = f"{base}/sessions/{lift.scheduled.id}/done"
    mistakes: list[tuple[dict[str, object], str]] = [
        ({"rpe": 11}, "rpe"),
        ({"duration_min": 0}, "duration_min"),
        ({"distance_km": 5}, "distance_km"),  # a lift has no distance
        ({"rpe": 5, "mood": 1}, "mood"),
    ]
    for body, field in mistakes:
        refused = client.post(done, json=body, headers=auth)
        assert refused.status_code == 422, body
        assert [item["field"] for item in refused.json()["detail"]] == [field]
    logged = client.post(done, json={"rpe": 7, "duration_min": 30}, headers=auth)
    assert logged.status_code == 201
    assert logged.json()["status"] == "done"
    twice = client.post(done, json={"rpe": 7}, headers=auth)
    assert twice.status_code == 409
    assert "already in the log" in twice.json()["detail"]
    unknown = client.post(f"{base}/sessions/w99-run9/done", json={}, headers=auth)
    assert unknown.status_code == 404

    checkins = f"{base}/checkins"
    first = client.post(checkins, json={"date": "2026-12-15", "sleep_h": 7.5}, headers=auth)
    assert first.status_code == 200
    merged = client.post(checkins, json={"date": "2026-12-15", "stress": 2}, headers=auth).json()
    assert (merged["sleep_h"], merged["stress"], merged["mood"]) == (7.5, 2, None)
    refusals: list[tuple[dict[str, object], str]] = [
        ({"date": "2026-12-17", "mood": 1}, "date"),
        ({"date": "2026-12-15", "soreness": 6}, "soreness"),
        ({"date": "2026-12-15"}, "check-in"),
        ({"sleep_h": 7}, "date"),
    ]
    for body, field in refusals:
        refused = client.post(checkins, json=body, headers=auth)
        assert refused.status_code == 422, body
        assert refused.json()["detail"][0]["field"] == field
    listed = client.get(checkins, headers=auth).json()
    assert [entry["date"] for entry in listed] == ["2026-12-15"]

    events = f"{base}/events"
    backwards = client.post(
        events,
        json={"kind": "injury", "first_day": "2026-12-15", "last_day": "2026-12-14"},
        headers=auth,
    )
    assert backwards.status_code == 422
    assert backwards.json()["detail"][0]["field"] == "last_day"
    wrong_kind = client.post(
        events,
        json={"kind": "holiday", "first_day": "2026-12-15", "last_day": "2026-12-15"},
        headers=auth,
    )
    assert wrong_kind.json()["detail"][0]["field"] == "kind"
    made = client.post(
        events,
        json={
            "kind": "travel",
            "first_day": "2026-12-18",
            "last_day": "2026-12-20",
            "note": "Lyon",
        },
        headers=auth,
    )
    assert made.status_code == 201
    assert client.get(events, headers=auth).json() == [made.json()]


def test_without_a_token_401_and_for_someone_else_404(
    client: TestClient, another: Callable[[], TestClient]
) -> None:
    athlete_id, auth = _athlete(client)
    client.post("/api/v1/auth/signup", json={"email": "coach@example.org", "password": PASSWORD})
    client.post(
        f"/api/v1/athletes/{athlete_id}/coaches", json={"email": "coach@example.org"}, headers=auth
    )
    coach = token(client, "coach@example.org")
    base = f"/api/v1/athletes/{athlete_id}"
    assert client.get(f"{base}/log").status_code == 401
    unsigned = client.post(
        f"{base}/activities", files=[("files", ("a.fit", STRENGTH_FIT.read_bytes(), "x"))]
    )
    assert unsigned.status_code == 401
    assert unsigned.headers["www-authenticate"] == "Bearer"
    # The coach reads the log, check-ins and events, and changes nothing.
    for path in ("log", "checkins", "events"):
        assert client.get(f"{base}/{path}", headers=coach).status_code == 200
    writes = [
        client.post(f"{base}/checkins", json={"date": "2026-12-15", "mood": 1}, headers=coach),
        client.post(
            f"{base}/events",
            json={"kind": "travel", "first_day": "2026-12-15", "last_day": "2026-12-15"},
            headers=coach,
        ),
        client.post(
            f"{base}/activities",
            files=[("files", ("a.fit", STRENGTH_FIT.read_bytes(), "x"))],
            headers=coach,
        ),
        client.post(f"{base}/sessions/w01-run1/missed", json={"reason": "time"}, headers=coach),
    ]
    assert [w.status_code for w in writes] == [404, 404, 404, 404]
    store = client.app.state.store  # type: ignore[attr-defined]
    assert store.activities(athlete_id) == ()
    assert store.check_ins(athlete_id) == ()
