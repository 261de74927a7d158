"""The plan adapted and sessions moved from the web app and the API, on both backends.

The API answers what ``runlift adapt --json`` prints; the page shows every change
before it is stored and stores exactly those; a coach may adapt and move but not log;
a move that breaks a hard rule is refused with the rule checkers' words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from starlette.testclient import TestClient
from web_builders import PASSWORD, csrf, profile, sign_up, token

from runlift.cli.app import main
from runlift.web.deps import get_now

NOW = datetime(2026, 12, 16, 9, 0, tzinfo=UTC)
"""Wednesday of the example's second week, before its evening lift."""

BAD_START = "2026-12-16T12:00"
"""The Saturday hill repeats moved to Wednesday noon: under 6 h before the evening lift."""

GOOD_START = "2026-12-19T09:30"
"""Half an hour later on its own Saturday morning, inside the athlete's window."""


def _owner(client: TestClient) -> tuple[str, dict[str, str]]:
    client.app.dependency_overrides[get_now] = lambda: NOW  # type: ignore[attr-defined]
    client.post("/api/v1/auth/signup", json={"email": "ann@example.org", "password": PASSWORD})
    auth = token(client, "ann@example.org")
    athlete_id: str = client.post("/api/v1/athletes", json=profile(), headers=auth).json()["id"]
    client.post(
        f"/api/v1/athletes/{athlete_id}/coaches", json={"email": "coach@example.org"}, headers=auth
    )
    # Monday's lift of this week was missed: adapting has something to weigh.
    missed = client.post(
        f"/api/v1/athletes/{athlete_id}/sessions/w02-lift1/missed",
        json={"reason": "time"},
        headers=auth,
    )
    assert missed.status_code == 200
    return athlete_id, auth


def test_the_adapt_api_answers_runlift_adapts_document_and_accepts_its_preview(
    client: TestClient, store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    athlete_id, auth = _owner(client)
    base = f"/api/v1/athletes/{athlete_id}"
    preview = client.post(f"{base}/adapt", json={"dry_run": True}, headers=auth)
    assert preview.status_code == 200
    document = preview.json()
    assert document["to_version"] is None
    code = main(
        ["adapt", "--dry-run", "--today", "2026-12-16", "--db", store_url,
         "--athlete", athlete_id, "--json"]
    )  # fmt: skip
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    assert {k: v for k, v in printed.items() if k != "digest"} == {
        k: v for k, v in document.items() if k != "digest"
    }
    for change in document["changes"]:
        assert change["change"] in {"moved", "changed", "dropped", "added"}
        assert change["rules"]
        assert change["reason"]
    # A stale digest stores nothing.
    stale = client.post(f"{base}/adapt", json={"from_version": 1, "digest": "0" * 16}, headers=auth)
    assert stale.status_code == 409
    assert client.get(f"{base}/status", headers=auth).json()["plan_version"] == 1
    accepted = client.post(
        f"{base}/adapt",
        json={"from_version": 1, "digest": document["digest"]},
        headers=auth,
    ).json()
    assert accepted["changes"] == document["changes"]
    expected = None if not document["changes"] else 2
    assert accepted["to_version"] == expected
    assert client.get(f"{base}/status", headers=auth).json()["plan_version"] == (expected or 1)


def test_a_move_is_judged_by_the_rule_checkers(client: TestClient) -> None:
    athlete_id, auth = _owner(client)
    base = f"/api/v1/athletes/{athlete_id}"
    move = f"{base}/sessions/w02-run1/move"
    refused = client.post(move, json={"start": BAD_START + ":00+01:00"}, headers=auth)
    assert refused.status_code == 409
    body = refused.json()
    assert body["accepted"] is False
    assert body["to_version"] is None
    assert body["detail"].startswith("The session cannot move there: ")
    assert any(line.startswith("SCH-1: ") for line in body["refusals"])
    assert client.get(f"{base}/status", headers=auth).json()["plan_version"] == 1
    moved = client.post(move, json={"start": GOOD_START + ":00+01:00"}, headers=auth)
    assert moved.status_code == 200, moved.text
    change = moved.json()["change"]
    assert change["change"] == "moved"
    assert change["after"]["start"] == GOOD_START + ":00+01:00"
    assert moved.json()["to_version"] == 2
    past = client.post(move, json={"start": "2026-12-15T18:00:00+01:00"}, headers=auth)
    assert past.status_code == 422


def test_a_coach_adapts_from_the_page_and_a_bad_move_is_refused_in_words(
    client: TestClient, another: Callable[[], TestClient]
) -> None:
    athlete_id, _ = _owner(client)
    coach = another()
    sign_up(coach, "coach@example.org")
    plan_path = f"/athletes/{athlete_id}"
    plan = coach.get(plan_path).text
    assert 'id="adapt-button"' in plan
    assert f'action="{plan_path}/sessions/w02-run1/move"' in plan
    preview = coach.get(f"{plan_path}/adapt")
    assert preview.status_code == 200
    changes = re.findall(r'<li class="(moved|changed|dropped|added)">', preview.text)
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', preview.text)
    if changes:
        assert digest is not None
        assert 'class="rid"' in preview.text  # each change names its rules
        accepted = coach.post(
            f"{plan_path}/adapt",
            data={
                "from_version": "1",
                "digest": digest.group(1),
                "csrf_token": csrf(coach, plan_path),
            },
        )
        assert accepted.status_code == 200
        assert f"Plan version 2: {len(changes)} change" in accepted.text
    else:
        assert 'id="no-change"' in preview.text
    # The coach changes the plan, never the log.
    token_ = csrf(coach, plan_path)
    assert (
        coach.post(
            f"{plan_path}/sessions/w02-lift2/missed", data={"reason": "time", "csrf_token": token_}
        ).status_code
        == 404
    )
    refused = coach.post(
        f"{plan_path}/sessions/w02-run1/move", data={"start": BAD_START, "csrf_token": token_}
    )
    assert refused.status_code == 422
    assert 'id="move-refused"' in refused.text
    assert '<a class="rid" href="/rules#SCH-1">SCH-1</a>' in refused.text
    moved = coach.post(
        f"{plan_path}/sessions/w02-run1/move", data={"start": GOOD_START, "csrf_token": token_}
    )
    assert moved.status_code == 200
    assert "Moved Hill repeats" in moved.text
    assert "Sat 19 Dec 09:30" in moved.text
