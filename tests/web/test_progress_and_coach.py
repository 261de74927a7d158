"""The athlete's status and progress, and the coach's dashboard, on both backends.

The status API answers the document ``runlift status --json`` prints; the progress
page draws the report's charts without inline styles; the dashboard reads each
athlete's week, load ratio and readiness from the log.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest
from starlette.testclient import TestClient
from web_builders import PASSWORD, profile, token

from runlift.cli.app import main
from runlift.domain.activities import Activity
from runlift.science.readiness import ACWR_FLAG_THRESHOLD
from runlift.store.repository import Store
from runlift.vocabulary import ActivityFormat, Sport
from runlift.web.deps import get_now

START = date(2026, 12, 7)
"""The example profile's first Monday."""

NOW = datetime(2027, 1, 14, 12, 0, tzinfo=UTC)
"""A Thursday of the plan's sixth week: 38 days of log behind it."""

STATUS_KEYS = {"athlete", "plan_version", "today", "sessions", "load", "estimates", "readiness"}


def _owner(client: TestClient, email: str) -> tuple[str, dict[str, str]]:
    client.app.dependency_overrides[get_now] = lambda: NOW  # type: ignore[attr-defined]
    client.post("/api/v1/auth/signup", json={"email": email, "password": PASSWORD})
    auth = token(client, email)
    created = client.post("/api/v1/athletes", json=profile(), headers=auth)
    assert created.status_code == 201, created.text
    athlete_id: str = created.json()["id"]
    invited = client.post(
        f"/api/v1/athletes/{athlete_id}/coaches", json={"email": "coach@example.org"}, headers=auth
    )
    assert invited.status_code == 201
    return athlete_id, auth


def _runs(store: Store, athlete_id: str, *, hard_from: int | None) -> None:
    """A 30-minute run at RPE 4 every evening from the plan's start to yesterday;
    from day ``hard_from`` on, two hours at RPE 9 instead."""
    for day in range((NOW.date() - START).days):
        hard = hard_from is not None and day >= hard_from
        minutes = 120 if hard else 30
        store.add_activity(
            athlete_id,
            Activity(
                sport=Sport.RUN,
                start=datetime.combine(START + timedelta(days=day), time(19), tzinfo=UTC),
                elapsed_s=minutes * 60,
                moving_s=minutes * 60,
                distance_m=minutes / 6 * 1000,  # 6 min/km
                source=ActivityFormat.MANUAL,
            ),
            rpe=9 if hard else 4,
        )


def test_the_status_api_answers_what_runlift_status_prints(
    client: TestClient, store_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    athlete_id, auth = _owner(client, "ann@example.org")
    store = client.app.state.store  # type: ignore[attr-defined]
    _runs(store, athlete_id, hard_from=None)
    client.post(
        f"/api/v1/athletes/{athlete_id}/checkins",
        json={"date": "2027-01-14", "sleep_h": 7.5, "soreness": 2, "mass_kg": 70.2},
        headers=auth,
    )
    answer = client.get(f"/api/v1/athletes/{athlete_id}/status?today=2027-01-14", headers=auth)
    assert answer.status_code == 200
    document = answer.json()
    assert set(document) >= STATUS_KEYS
    code = main(
        ["status", "--today", "2027-01-14", "--db", store_url, "--athlete", athlete_id, "--json"]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out) == document
    # Today by default is the athlete's, from the request's clock.
    assert client.get(f"/api/v1/athletes/{athlete_id}/status", headers=auth).json() == document
    assert document["today"] == "2027-01-14"
    assert {row["status"] for row in document["sessions"]} <= {
        "done", "partial", "missed", "planned", "extra"
    }  # fmt: skip
    # 38 days of the same easy run: the acute and chronic loads meet.
    assert 0.8 < document["load"]["acwr"] < 1.2
    assert document["readiness"]["date"] == "2027-01-14"
    wrong = client.get(f"/api/v1/athletes/{athlete_id}/status?today=tomorrow", headers=auth)
    assert wrong.status_code == 422


def test_the_progress_page_draws_the_reports_charts(
    client: TestClient, another: Callable[[], TestClient]
) -> None:
    athlete_id, auth = _owner(client, "ann@example.org")
    store = client.app.state.store  # type: ignore[attr-defined]
    _runs(store, athlete_id, hard_from=None)
    for day in range(5):
        client.post(
            f"/api/v1/athletes/{athlete_id}/checkins",
            json={"date": f"2027-01-{10 + day}", "sleep_h": 7, "mass_kg": 70 - day / 10},
            headers=auth,
        )
    coach = another()
    coach.app.dependency_overrides[get_now] = lambda: NOW  # type: ignore[attr-defined]
    coach.post("/signup", data={"email": "coach@example.org", "password": PASSWORD,
               "csrf_token": _csrf(coach)})  # fmt: skip
    page = coach.get(f"/athletes/{athlete_id}/progress")
    assert page.status_code == 200
    html = page.text
    for key in ("progress-load", "progress-sessions", "progress-mass"):
        assert f'id="{key}-svg"' in html
    # The Content Security Policy forbids inline styles: the charts carry attributes.
    charts = re.findall(r"<svg class=\"chart\".*?</svg>", html, flags=re.DOTALL)
    assert len(charts) >= 3
    assert all(" style=" not in chart for chart in charts)
    assert all('fill="#' in chart for chart in charts)
    assert "Acute:chronic ratio" in html
    assert "You coach Robin Fit" in html
    assert 'aria-current="page">Progress<' in html


def _csrf(browser: TestClient) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', browser.get("/signup").text)
    assert found is not None
    return found.group(1)


def test_the_dashboard_reads_the_week_the_load_ratio_and_readiness(
    client: TestClient, another: Callable[[], TestClient]
) -> None:
    steady, steady_auth = _owner(client, "ann@example.org")
    spiking_browser = another()
    spiking, _ = _owner(spiking_browser, "bob@example.org")
    store = client.app.state.store  # type: ignore[attr-defined]
    _runs(store, steady, hard_from=None)
    _runs(store, spiking, hard_from=34)
    client.post(
        f"/api/v1/athletes/{steady}/checkins",
        json={"date": "2027-01-14", "sleep_h": 8, "soreness": 1, "stress": 1, "mood": 1},
        headers=steady_auth,
    )
    coach_browser = another()
    coach_browser.post("/api/v1/auth/signup", json={"email": "coach@example.org",
                       "password": PASSWORD})  # fmt: skip
    coach = token(coach_browser, "coach@example.org")
    rows = {
        row["id"]: row for row in coach_browser.get("/api/v1/coach/athletes", headers=coach).json()
    }
    assert set(rows) == {steady, spiking}
    plan_week = next(w for w in store.plan_version(steady).plan.weeks if w.index == 5)
    for row in rows.values():
        assert row["week"] == 6
        counts = row["sessions"]
        assert counts["planned"] == len(plan_week.sessions)
        assert (
            counts["done"] + counts["partial"] + counts["missed"] + counts["to_come"]
            == (counts["planned"])
        )
        due = counts["done"] + counts["partial"] + counts["missed"]
        assert row["adherence"] == pytest.approx((counts["done"] + counts["partial"]) / due)
    assert rows[steady]["acwr"] < ACWR_FLAG_THRESHOLD
    assert rows[steady]["acwr_high"] is False
    # Four days of two hard hours after a month of easy half-hours: the ratio flags it.
    assert rows[spiking]["acwr"] > ACWR_FLAG_THRESHOLD
    assert rows[spiking]["acwr_high"] is True
    assert rows[spiking]["fatigued"] is True
    assert rows[steady]["readiness"] > 80  # the best answers to every question
    assert rows[spiking]["readiness"] is None
    assert rows[steady]["next_key_session"]["start"] > NOW.isoformat()
    # The page says the same.
    coach_browser.post("/login", data={"email": "coach@example.org", "password": PASSWORD,
                       "csrf_token": _csrf(coach_browser)})  # fmt: skip
    coach_browser.app.dependency_overrides[get_now] = lambda: NOW  # type: ignore[attr-defined]
    page = coach_browser.get("/coach").text
    flagged = re.search(rf'<tr id="a-{spiking}" class="flagged">.*?</tr>', page, re.DOTALL)
    assert flagged is not None
    assert "▲ high" in flagged.group(0)
    assert f'<tr id="a-{steady}">' in page
    assert f'href="/athletes/{spiking}/progress"' in page
