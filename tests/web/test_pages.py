"""The pages on both backends: sign up, onboarding, the plan, downloads, sharing, the coach."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import icalendar
from starlette.testclient import TestClient
from web_builders import add_athlete, csrf, form_of, log_in, profile, sign_up

from runlift.rules import RULES
from runlift.services import athletes


def test_a_visitor_is_welcomed_and_sent_to_log_in_for_private_pages(client: TestClient) -> None:
    welcome = client.get("/")
    assert welcome.status_code == 200
    assert "Sign up" in welcome.text
    for path in ("/athletes/new", "/coach", "/athletes/anything"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == f"/login?next={path}"


def test_sign_up_log_out_and_log_in_again(client: TestClient) -> None:
    sign_up(client, "Ann@Example.org")
    home = client.get("/")
    assert "Your athletes" in home.text
    assert "ann@example.org" in home.text
    client.post("/logout", data={"csrf_token": csrf(client, "/")}, follow_redirects=False)
    assert "Your athletes" not in client.get("/").text
    wrong = client.post(
        "/login",
        data={
            "email": "ann@example.org",
            "password": "not the password",
            "csrf_token": csrf(client),
        },
    )
    assert wrong.status_code == 401
    assert "Wrong e-mail address or password." in wrong.text
    log_in(client, "ANN@example.org")
    assert "Your athletes" in client.get("/").text


def test_sign_up_errors_stand_beside_their_field(client: TestClient) -> None:
    response = client.post(
        "/signup",
        data={
            "email": "not-an-address",
            "password": "short",
            "csrf_token": csrf(client, "/signup"),
        },
    )
    assert response.status_code == 422
    assert re.search(r'id="email-error">an e-mail address such as', response.text)
    sign_up(client, "ann@example.org")
    client.post("/logout", data={"csrf_token": csrf(client, "/")})
    taken = client.post(
        "/signup",
        data={
            "email": "ann@example.org",
            "password": "another long password",
            "csrf_token": csrf(client, "/signup"),
        },
    )
    assert taken.status_code == 409
    assert "exists: log in instead" in taken.text


def test_login_goes_back_where_the_user_was_going_but_never_off_site(client: TestClient) -> None:
    sign_up(client, "ann@example.org")
    client.post("/logout", data={"csrf_token": csrf(client, "/")})
    for going, landing in [
        ("/coach", "/coach"),
        ("//evil.example/x", "/"),
        ("https://evil.example", "/"),
    ]:
        response = client.post(
            "/login",
            data={
                "email": "ann@example.org",
                "password": "correct horse battery",
                "next": going,
                "csrf_token": csrf(client),
            },
            follow_redirects=False,
        )
        assert response.headers["location"] == landing
        client.post("/logout", data={"csrf_token": csrf(client, "/")})


def test_the_profile_form_shows_each_problem_beside_its_field(client: TestClient) -> None:
    sign_up(client, "ann@example.org")
    data = profile("half-marathon-lifter")
    data["mass_kg"] = 20
    data["goal"]["race"]["date"] = "2026-11-01"  # before start_date
    del data["timezone"]
    form = {**form_of(data), "csrf_token": csrf(client, "/athletes/new")}
    response = client.post("/athletes/new", data=form)
    assert response.status_code == 422
    errors = dict(re.findall(r'id="f-([\w-]+)-error">([^<]*)<', response.text))
    assert errors == {
        "mass_kg": "at least 30",
        "timezone": "required (an IANA time zone name, e.g. Europe/Berlin)",
    }
    # What was typed stays in the form.
    assert 'value="Alex Example"' in response.text
    del data["mass_kg"]
    data["mass_kg"] = 64
    data["timezone"] = "Europe/Berlin"
    form = {**form_of(data), "csrf_token": csrf(client, "/athletes/new")}
    response = client.post("/athletes/new", data=form)
    assert response.status_code == 422
    errors = dict(re.findall(r'id="f-([\w-]+)-error">([^<]*)<', response.text))
    assert errors == {"goal-race-date": "the race must be after start_date"}
    assert "Your athletes" in client.get("/").text
    assert "Alex Example" not in client.get("/").text


def test_onboarding_makes_the_plan_and_shows_a_week_with_its_reasons(client: TestClient) -> None:
    sign_up(client, "ann@example.org")
    athlete_id = add_athlete(client, profile("half-marathon-lifter"))
    assert re.fullmatch(r"alex-example-[a-z2-9]{6}", athlete_id)
    page = client.get(f"/athletes/{athlete_id}?week=3")
    assert page.status_code == 200
    text = page.text
    assert "Week 3" in text
    assert 'class="calendar"' in text
    cards = re.findall(r'<article class="card [^"]*" id="s-(w03-[\w-]+)"', text)
    assert cards, "no session of week 3 listed"
    assert all(card.startswith("w03-") for card in cards)
    linked = set(re.findall(r'href="/rules#([A-Z]+-\d+)"', text))
    assert linked
    assert linked <= set(RULES)
    assert "Nutrition" in text
    assert "kcal" in text
    assert f'href="/athletes/{athlete_id}/sessions/{cards[0]}.fit"' in text
    assert f'href="/athletes/{athlete_id}/sharing">Sharing</a>' in text
    assert f'href="/athletes/{athlete_id}/log">Log</a>' in text
    assert client.get(f"/athletes/{athlete_id}?week=99").status_code == 422
    assert client.get(f"/athletes/{athlete_id}?week=19").status_code == 404
    rules_page = client.get("/rules")
    for rule_id in linked:
        assert f'id="{rule_id}"' in rules_page.text


def test_downloads_are_the_files_runlift_plan_writes(client: TestClient) -> None:
    sign_up(client, "ann@example.org")
    athlete_id = add_athlete(client)
    store = client.app.state.store  # type: ignore[attr-defined]
    ics = client.get(f"/athletes/{athlete_id}/plan.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "attachment" in ics.headers["content-disposition"]
    calendar = icalendar.Calendar.from_ical(ics.content)
    assert len(calendar.walk("VEVENT")) == sum(
        len(week.sessions) for week in athletes.current_plan(store, athlete_id).plan.weeks
    )
    plan_json = client.get(f"/athletes/{athlete_id}/plan.json")
    assert plan_json.text == athletes.plan_json(store, athlete_id)
    assert json.loads(plan_json.text)["athlete"] == "Robin Fit"
    pdf = client.get(f"/athletes/{athlete_id}/plan.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    first = athletes.current_plan(store, athlete_id).plan.weeks[0].sessions[0]
    fit = client.get(f"/athletes/{athlete_id}/sessions/{first.scheduled.id}.fit")
    assert fit.status_code == 200
    assert fit.content[8:12] == b".FIT"
    assert client.get(f"/athletes/{athlete_id}/sessions/w99-run9.fit").status_code == 404


def test_a_calendar_url_needs_no_login_and_stops_when_revoked(
    client: TestClient, another: Callable[[], TestClient]
) -> None:
    sign_up(client, "ann@example.org")
    athlete_id = add_athlete(client)
    made = client.post(
        f"/athletes/{athlete_id}/calendar",
        data={"csrf_token": csrf(client, f"/athletes/{athlete_id}/sharing")},
    )
    url = re.search(r'id="cal-url" type="text" readonly value="([^"]+)"', made.text)
    assert url is not None
    path = url.group(1).removeprefix("http://testserver")
    assert re.fullmatch(r"/cal/[\w-]{43}\.ics", path)
    stranger = another()
    feed = stranger.get(path)
    assert feed.status_code == 200
    assert feed.text.startswith("BEGIN:VCALENDAR")
    sharing = client.get(f"/athletes/{athlete_id}/sharing").text
    assert url.group(1) not in sharing, "the secret is shown only once"
    client.post(
        f"/athletes/{athlete_id}/calendar/revoke",
        data={"csrf_token": csrf(client, f"/athletes/{athlete_id}/sharing")},
    )
    assert stranger.get(path).status_code == 404


def test_the_coach_journey(client: TestClient, another: Callable[[], TestClient]) -> None:
    sign_up(client, "ann@example.org")
    athlete_id = add_athlete(client)
    sharing = f"/athletes/{athlete_id}/sharing"
    bad = client.post(
        f"/athletes/{athlete_id}/coaches",
        data={"email": "nobody", "csrf_token": csrf(client, sharing)},
    )
    assert bad.status_code == 422
    assert 'id="coach-error"' in bad.text
    client.post(
        f"/athletes/{athlete_id}/coaches",
        data={"email": "Coach@Example.org", "csrf_token": csrf(client, sharing)},
    )
    assert "invited, not signed up yet" in client.get(sharing).text
    coach = another()
    sign_up(coach, "coach@example.org")
    assert "sees your plan" in client.get(sharing).text
    dashboard = coach.get("/coach").text
    assert f'href="/athletes/{athlete_id}"' in dashboard
    assert "Robin Fit" in dashboard
    assert f'href="/athletes/{athlete_id}/log"' in dashboard
    plan = coach.get(f"/athletes/{athlete_id}")
    assert plan.status_code == 200
    assert "You coach Robin Fit" in plan.text
    assert ">Sharing</a>" not in plan.text
    assert coach.get(sharing).status_code == 404
    client.post(
        f"/athletes/{athlete_id}/coaches/revoke",
        data={"email": "coach@example.org", "csrf_token": csrf(client, sharing)},
    )
    assert coach.get(f"/athletes/{athlete_id}").status_code == 404
    assert "Robin Fit" not in coach.get("/coach").text
