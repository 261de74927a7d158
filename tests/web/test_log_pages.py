"""The training log's pages on both backends: uploads, sessions done or missed, check-ins,
events, the week against the plan, and the coach who reads but never writes."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from starlette.testclient import TestClient
from web_builders import add_athlete, csrf, profile, sign_up

from log_builders import STRENGTH_FIT, STRENGTH_FIT_MONDAY, shifted_gpx
from runlift.services import athletes
from runlift.web.deps import get_now

NOW = datetime(2026, 12, 16, 9, 0, tzinfo=UTC)
"""Wednesday of the example plans' second week (they start on Monday 7 December 2026)."""


def _owner(client: TestClient, data: dict[str, object] | None = None) -> str:
    client.app.dependency_overrides[get_now] = lambda: NOW  # type: ignore[attr-defined]
    sign_up(client, "ann@example.org")
    return add_athlete(client, data or profile())


def _activities(client: TestClient, athlete_id: str) -> int:
    return len(client.app.state.store.activities(athlete_id))  # type: ignore[attr-defined]


def _status(page: str, session_id: str) -> str:
    found = re.search(
        rf'<article class="entry (\w+)" id="s-{session_id}">.*?<span class="status \w+">([^<]+)',
        page,
        re.S,
    )
    assert found is not None, f"{session_id} is not on the page"
    return found.group(2)


def test_a_real_fit_file_is_uploaded_matched_and_shown_in_its_week(client: TestClient) -> None:
    athlete_id = _owner(client, {**profile(), "start_date": STRENGTH_FIT_MONDAY})
    log = f"/athletes/{athlete_id}/log"
    response = client.post(
        f"/athletes/{athlete_id}/activities",
        data={"csrf_token": csrf(client, log)},
        # The name and the type say nothing the content is trusted for.
        files=[("files", ("watch export.bin", STRENGTH_FIT.read_bytes(), "text/plain"))],
    )
    assert response.status_code == 200
    uploaded = re.search(r'id="uploaded".*?</section>', response.text, re.S)
    assert uploaded is not None
    assert "watch export.bin" in uploaded.group(0)
    assert "(FIT)" in uploaded.group(0)
    assert re.search(r"strength on Mon 20 Oct 2025, 19:44:\s*<a[^>]*>matched to", uploaded.group(0))
    assert f'href="{log}?week=1#s-w01-lift1"' in uploaded.group(0)
    week = client.get(f"{log}?week=1").text
    assert _status(week, "w01-lift1").startswith("partial")  # 31 min of a longer lift
    assert "bench-dip 1x1" in week  # the watch's sets, by exercise
    # The same file again changes nothing.
    again = client.post(
        f"/athletes/{athlete_id}/activities",
        data={"csrf_token": csrf(client, log)},
        files=[("files", ("again.fit", STRENGTH_FIT.read_bytes(), "application/vnd.ant.fit"))],
    )
    assert "already in the log" in again.text
    assert _activities(client, athlete_id) == 1


def test_a_corrupt_file_shows_its_one_line_error_and_nothing_else_changes(
    client: TestClient,
) -> None:
    athlete_id = _owner(client)
    log = f"/athletes/{athlete_id}/log"
    before = client.get(f"{log}?week=2").text
    broken = STRENGTH_FIT.read_bytes()[:5000]
    response = client.post(
        f"/athletes/{athlete_id}/activities",
        data={"csrf_token": csrf(client, log)},
        files=[("files", ("morning.fit", broken, "application/vnd.ant.fit"))],
    )
    assert response.status_code == 422
    errors = re.findall(r'<p class="error">([^<]+)</p>', response.text)
    assert len(errors) == 1
    assert errors[0].startswith("cannot read FIT: morning.fit: ")
    assert "\n" not in errors[0]
    assert _activities(client, athlete_id) == 0
    after = client.get(f"{log}?week=2").text
    sessions = re.findall(r'<article class="entry (\w+)" id="s-([\w-]+)"', before)
    assert sessions == re.findall(r'<article class="entry (\w+)" id="s-([\w-]+)"', after)


def test_one_bad_file_does_not_stop_the_good_ones(client: TestClient) -> None:
    athlete_id = _owner(client)
    store = client.app.state.store  # type: ignore[attr-defined]
    run = next(
        s
        for s in athletes.current_plan(store, athlete_id).plan.weeks[0].sessions
        if s.scheduled.spec.modality.value == "run"
    )
    response = client.post(
        f"/athletes/{athlete_id}/activities",
        data={"csrf_token": csrf(client, f"/athletes/{athlete_id}/log")},
        files=[
            ("files", ("notes.txt", b"just some words", "text/plain")),
            ("files", ("run.gpx", shifted_gpx(run.scheduled.start), "application/gpx+xml")),
        ],
    )
    assert response.status_code == 200
    assert "notes.txt" in response.text
    assert "not a FIT, GPX, TCX, Strong CSV or Hevy CSV file" in response.text
    assert f"matched to {run.scheduled.spec.title}" in response.text
    assert _activities(client, athlete_id) == 1


def test_no_file_chosen_is_said_beside_the_upload(client: TestClient) -> None:
    athlete_id = _owner(client)
    response = client.post(
        f"/athletes/{athlete_id}/activities",
        data={"csrf_token": csrf(client, f"/athletes/{athlete_id}/log")},
        files=[("files", ("", b"", "application/octet-stream"))],
    )
    assert response.status_code == 422
    assert re.search(r'id="upload-error">at least one file', response.text)


def test_a_session_is_marked_done_or_missed_from_the_week(client: TestClient) -> None:
    athlete_id = _owner(client)
    store = client.app.state.store  # type: ignore[attr-defined]
    week = athletes.current_plan(store, athlete_id).plan.weeks[1]
    lift = next(s for s in week.sessions if s.scheduled.spec.modality.value == "lift")
    run = next(s for s in week.sessions if s.scheduled.spec.modality.value == "run")
    log = f"/athletes/{athlete_id}/log?week=2"
    token = csrf(client, log)
    page = client.get(log).text
    assert f'action="/athletes/{athlete_id}/sessions/{run.scheduled.id}/done"' in page
    # A mistake is shown beside its field, with what was typed, and changes nothing.
    wrong = client.post(
        f"/athletes/{athlete_id}/sessions/{run.scheduled.id}/done",
        data={"csrf_token": token, "rpe": "12", "duration_min": "41"},
    )
    assert wrong.status_code == 422
    assert re.search(rf'id="{run.scheduled.id}-rpe-error">at most 10<', wrong.text)
    assert f'id="{run.scheduled.id}-duration_min" name="duration_min" type="text"' in wrong.text
    assert 'value="41"' in wrong.text
    assert _activities(client, athlete_id) == 0
    no_distance = client.post(
        f"/athletes/{athlete_id}/sessions/{lift.scheduled.id}/done",
        data={"csrf_token": token, "distance_km": "5"},
    )
    assert no_distance.status_code == 422
    assert "only for a run; this session is a lift" in no_distance.text

    done = client.post(
        f"/athletes/{athlete_id}/sessions/{run.scheduled.id}/done",
        data={"csrf_token": token, "rpe": "5", "duration_min": "20", "distance_km": "2.5"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert done.headers["location"] == f"{log}#s-{run.scheduled.id}"
    missed = client.post(
        f"/athletes/{athlete_id}/sessions/{lift.scheduled.id}/missed",
        data={"csrf_token": token, "reason": "travel"},
        follow_redirects=False,
    )
    assert missed.status_code == 303
    page = client.get(log).text
    planned_km = run.prescription.distance_km  # type: ignore[union-attr]
    assert _status(page, run.scheduled.id) == f"partial · {round(2.5 / planned_km * 100)} %"
    assert _status(page, lift.scheduled.id) == "missed · travel"
    # The plan's week shows the same.
    plan = client.get(f"/athletes/{athlete_id}?week=2").text
    assert re.search(rf'href="{re.escape(log)}#s-{run.scheduled.id}">partial', plan)
    assert re.search(rf'href="{re.escape(log)}#s-{lift.scheduled.id}">missed · travel', plan)
    assert "<b>Done:</b> 2.5 km, 20 min" in plan
    unknown = client.post(
        f"/athletes/{athlete_id}/sessions/w99-run9/missed",
        data={"csrf_token": token, "reason": "time"},
    )
    assert unknown.status_code == 404


def test_the_daily_check_in_saves_merges_and_says_what_is_wrong(client: TestClient) -> None:
    athlete_id = _owner(client)
    page = f"/athletes/{athlete_id}/checkin"
    token = csrf(client, page)
    wrong = client.post(
        page,
        data={"csrf_token": token, "date": "2026-12-16", "sleep_h": "7", "soreness": "9"},
    )
    assert wrong.status_code == 422
    assert re.search(r'id="c-soreness-error">at most 5<', wrong.text)
    assert 'value="7"' in wrong.text
    future = client.post(page, data={"csrf_token": token, "date": "2026-12-17", "mood": "2"})
    assert future.status_code == 422
    assert "today (2026-12-16) or a day before" in future.text
    saved = client.post(
        page,
        data={"csrf_token": token, "date": "2026-12-16", "sleep_h": "7.5", "soreness": "2"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert saved.headers["location"] == f"{page}?date=2026-12-16&saved=true"
    client.post(page, data={"csrf_token": token, "date": "2026-12-16", "resting_hr_bpm": "51"})
    store = client.app.state.store  # type: ignore[attr-defined]
    (entry,) = store.check_ins(athlete_id)
    assert (entry.sleep_h, entry.soreness, entry.resting_hr_bpm) == (7.5, 2, 51.0)
    shown = client.get(f"{page}?date=2026-12-16&saved=true").text
    assert "Saved the check-in of Wednesday 16 December" in shown
    assert 'id="c-sleep_h" name="sleep_h" type="text" inputmode="decimal" value="7.5"' in shown
    week = client.get(f"/athletes/{athlete_id}/log?week=2").text
    assert re.search(r"<td>Wed 16</td><td class=\"num\">7.5</td><td class=\"num\">2</td>", week)


def test_events_are_added_listed_and_checked(client: TestClient) -> None:
    athlete_id = _owner(client)
    page = f"/athletes/{athlete_id}/events"
    token = csrf(client, page)
    backwards = client.post(
        page,
        data={
            "csrf_token": token,
            "kind": "injury",
            "first_day": "2026-12-15",
            "last_day": "2026-12-14",
        },
    )
    assert backwards.status_code == 422
    assert re.search(r'id="e-last_day-error">on or after the first day', backwards.text)
    added = client.post(
        page,
        data={
            "csrf_token": token,
            "kind": "illness",
            "first_day": "2026-12-14",
            "last_day": "2026-12-15",
            "note": "a cold",
        },
        follow_redirects=False,
    )
    assert added.status_code == 303
    listed = client.get(page).text
    assert "Mon 14 Dec 2026 – Tue 15 Dec 2026" in listed
    assert "2 days" in listed
    assert "a cold" in listed
    assert "a cold" in client.get(f"/athletes/{athlete_id}/log?week=2").text
    assert "a cold" not in client.get(f"/athletes/{athlete_id}/log?week=3").text


def test_the_coach_reads_the_log_but_has_no_forms_and_cannot_post(
    client: TestClient, another: Callable[[], TestClient]
) -> None:
    athlete_id = _owner(client)
    log = f"/athletes/{athlete_id}/log"
    token = csrf(client, log)
    client.post(
        f"/athletes/{athlete_id}/coaches", data={"email": "coach@example.org", "csrf_token": token}
    )
    client.post(
        f"/athletes/{athlete_id}/checkin",
        data={"csrf_token": token, "date": "2026-12-15", "mood": "2"},
    )
    store = client.app.state.store  # type: ignore[attr-defined]
    first = athletes.current_plan(store, athlete_id).plan.weeks[1].sessions[0].scheduled.id
    client.post(
        f"/athletes/{athlete_id}/sessions/{first}/missed",
        data={"csrf_token": token, "reason": "illness"},
    )
    coach = another()
    sign_up(coach, "coach@example.org")
    for path in (
        log,
        f"{log}?week=2",
        f"/athletes/{athlete_id}/checkin",
        f"/athletes/{athlete_id}/events",
    ):
        page = coach.get(path)
        assert page.status_code == 200, path
        assert "You coach Robin Fit" in page.text
        assert '<form method="post" action="/athletes/' not in page.text, path
        assert 'type="file"' not in page.text
    week = coach.get(f"{log}?week=2").text
    assert _status(week, first) == "missed · illness"
    assert "Tue 15" in week  # the check-in
    coach_token = csrf(coach, "/")
    for path, data in (
        (f"/athletes/{athlete_id}/sessions/{first}/done", {"rpe": "5"}),
        (f"/athletes/{athlete_id}/sessions/{first}/missed", {"reason": "time"}),
        (f"/athletes/{athlete_id}/checkin", {"date": "2026-12-16", "mood": "1"}),
        (
            f"/athletes/{athlete_id}/events",
            {"kind": "travel", "first_day": "2026-12-16", "last_day": "2026-12-16"},
        ),
    ):
        response = coach.post(path, data={"csrf_token": coach_token, **data})
        assert response.status_code == 404, path
    upload = coach.post(
        f"/athletes/{athlete_id}/activities",
        data={"csrf_token": coach_token},
        files=[("files", ("x.fit", STRENGTH_FIT.read_bytes(), "application/vnd.ant.fit"))],
    )
    assert upload.status_code == 404
    assert _activities(client, athlete_id) == 0
    assert len(store.check_ins(athlete_id)) == 1
    assert store.events(athlete_id) == ()
