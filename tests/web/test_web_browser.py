"""The web app as people use it: a real uvicorn server and Debian's headless Chromium.

The server keeps the real clock, so the plans start on Mondays counted from today:
the athlete's last week (sessions to miss, then an illness to adapt to), the
coach's athlete's next week (sessions to move). Every journey runs on SQLite and
on the real PostgreSQL. Each page is photographed
at phone (390 px) and desktop (1280 px) width into a temporary folder, or into
``$RUNLIFT_SCREENSHOTS`` when set (to look at them).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from web_builders import PASSWORD, SECRET, form_of, profile

from log_builders import STRENGTH_FIT, STRENGTH_FIT_MONDAY

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDTHS = {"phone": 390, "desktop": 1280}
START_TIMEOUT_S = 60.0
ZONE = ZoneInfo("Europe/Berlin")
"""The example athlete's zone."""


def _monday(weeks: int) -> date:
    """The Monday ``weeks`` weeks from this one in the athlete's zone (-1: last week's)."""
    today = datetime.now(ZONE).date()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(store_url: str, tmp_path: Path) -> Iterator[str]:
    """``runlift.web`` under uvicorn on a free loopback port; yields its base URL."""
    port = _free_port()
    environ = {
        **os.environ,
        "RUNLIFT_DB": store_url,
        "RUNLIFT_ENV": "production",
        "RUNLIFT_SECRET_KEY": SECRET,
        "RUNLIFT_ALLOWED_HOSTS": "127.0.0.1",
    }
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "runlift.web.app:from_environment",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--no-proxy-headers",
        ],
        env=environ,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        (tmp_path / "server.log").read_text(errors="replace")
                    ) from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def shots(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    chosen = os.environ.get("RUNLIFT_SCREENSHOTS")
    folder = Path(chosen) / request.node.name if chosen else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _photograph(page: Page, folder: Path, name: str) -> None:
    """The page at phone and desktop width, whole; the layout must not overflow sideways."""
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        path = folder / f"{name}-{label}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.read_bytes().startswith(b"\x89PNG")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} is {overflow} px too wide at {width} px"
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})


def _sign_up(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/signup")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def _onboard(page: Page, base: str, shots: Path, **changes: str) -> str:
    page.goto(f"{base}/athletes/new")
    _photograph(page, shots, "onboarding")
    for name, value in form_of({**profile(), **changes}).items():
        field = page.locator(f'[name="{name}"]')
        if isinstance(value, list):
            for item in value:
                page.check(f'input[name="{name}"][value="{item}"]')
        elif field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    page.fill('[name="mass_kg"]', "20")  # one mistake first: shown beside its field
    page.click("text=Make my plan")
    error = page.locator("#f-mass_kg-error")
    expect(error).to_have_text("at least 30")
    _photograph(page, shots, "onboarding-error")
    page.fill('[name="mass_kg"]', "66")
    page.click("text=Make my plan")
    page.wait_for_url(f"{base}/athletes/robin-fit-*", timeout=60_000)
    return page.url.removeprefix(f"{base}/athletes/")


def test_the_athlete_journey(browser: Browser, server: str, shots: Path) -> None:
    """Sign up, onboard, read the plan, upload a watch's file, miss a session, fall ill,
    adapt: the changes are shown with their rules before they are stored."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server)
    _photograph(page, shots, "welcome")
    _sign_up(page, server, "robin@example.org")
    _photograph(page, shots, "home-empty")
    last_monday = _monday(-1)
    athlete_id = _onboard(page, server, shots, start_date=last_monday.isoformat())
    base = f"{server}/athletes/{athlete_id}"
    expect(page.locator("h1")).to_have_text("Robin Fit")
    expect(page.locator(".week-title h2")).to_contain_text("Week 2")
    expect(page.locator("#calendar .day")).to_have_count(7)
    cards = page.locator("article.card")
    assert cards.count() >= 1
    _photograph(page, shots, "plan")
    # Why here: the reasons open, and a rule ID leads to the catalogue.
    first = cards.first
    first.locator("summary").first.click()
    rule_link = first.locator(".why a.rid").first
    rule_id = rule_link.inner_text()
    rule_link.click()
    page.wait_for_url(f"{server}/rules#{rule_id}")
    expect(page.locator(f'[id="{rule_id}"]')).to_be_visible()
    _photograph(page, shots, "rules")
    page.goto(f"{base}?week=2")
    with page.expect_download() as download_info:
        page.click("text=calendar (ICS)")
    download = download_info.value
    assert download.suggested_filename == "plan.ics"
    ics = Path(download.path()).read_bytes()
    assert icalendar.Calendar.from_ical(ics).walk("VEVENT")
    # A real watch recording (a strength session of 2025): in the log, before this plan.
    page.click("nav.tabs >> text=Log")
    page.set_input_files("#files", str(STRENGTH_FIT))
    page.click('button:text-is("Upload")')
    expect(page.locator("#uploaded .upload.imported")).to_contain_text("outside the plan")
    # Last week's Monday lift was missed, for a cold.
    page.goto(f"{base}/log?week=1")
    monday = page.locator("#s-w01-lift1")
    expect(monday.locator(".status")).to_have_text("missed")
    monday.locator("summary").click()
    monday.locator("select[name=reason]").select_option("illness")
    monday.locator('button:text-is("Mark missed")').click()
    expect(page.locator("#s-w01-lift1 .status")).to_have_text("missed · illness")
    # The cold is back from today for four days.
    page.click("nav.tabs >> text=Events")
    page.select_option("#e-kind", "illness")
    today = datetime.now(ZONE).date()
    page.fill("#e-first_day", today.isoformat())
    page.fill("#e-last_day", (today + timedelta(days=3)).isoformat())
    page.fill("#e-note", "a cold again")
    page.click('button:text-is("Add")')
    expect(page.locator("#events")).to_contain_text("a cold again")
    # Adapt: the changes first, each with its rules and why; then accepted.
    page.click("nav.tabs >> text=Plan")
    page.click("#adapt-button")
    page.wait_for_url(re.compile(rf"{re.escape(base)}/adapt\??$"))
    diff = page.locator("#diff li")
    expect(diff.first).to_be_visible()
    expect(page.locator("#diff li.dropped").first).to_contain_text("RL-8")
    changes = diff.count()
    _photograph(page, shots, "adapt-diff")
    page.click("#accept")
    page.wait_for_url(f"{base}")
    expect(page.locator("#notice")).to_contain_text(f"Plan version 2: {changes} change")
    expect(page.locator(".plan-head")).to_contain_text("plan version 2")
    _photograph(page, shots, "plan-adapted")
    page.click("nav.tabs >> text=Progress")
    expect(page.locator("#chart-progress-load svg")).to_be_visible()
    _photograph(page, shots, "progress")
    # Nothing was fetched from anywhere but the app itself.
    assert all(url.startswith(server) for url in requested)
    context.close()


def test_the_coach_journey(browser: Browser, server: str, shots: Path) -> None:
    """Invited, the dashboard, an athlete's plan, a session moved, a bad move refused."""
    athlete = browser.new_context().new_page()
    _sign_up(athlete, server, "robin@example.org")
    next_monday = _monday(1)
    athlete_id = _onboard(athlete, server, shots, start_date=next_monday.isoformat())
    athlete.click("nav.tabs >> text=Sharing")
    athlete.fill("#coach-email", "coach@example.org")
    athlete.click('button:text-is("Invite")')
    expect(athlete.locator(".list")).to_contain_text("invited, not signed up yet")
    athlete.click("text=Make a calendar address")
    expect(athlete.locator("#cal-url")).to_have_value(
        re.compile(rf"^{re.escape(server)}/cal/[\w-]{{43}}\.ics$")
    )
    _photograph(athlete, shots, "sharing")

    coach = browser.new_context().new_page()
    _sign_up(coach, server, "coach@example.org")
    coach.goto(f"{server}/coach")
    row = coach.locator("table.dashboard tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Robin Fit")
    expect(row).to_contain_text("outside the plan")  # it starts next Monday
    expect(row.locator("a >> text=log")).to_have_count(1)
    _photograph(coach, shots, "coach-dashboard")
    coach.click("table.dashboard a >> text=Robin Fit")
    coach.wait_for_url(f"{server}/athletes/{athlete_id}")
    expect(coach.locator(".note-bar")).to_contain_text("You coach Robin Fit")
    expect(coach.locator("nav.tabs >> text=Sharing")).to_have_count(0)
    _photograph(coach, shots, "coach-plan")
    # The Saturday hill repeats: to Wednesday noon, under 6 h before the evening lift.
    saturday = next_monday + timedelta(days=5)
    wednesday = next_monday + timedelta(days=2)
    card = coach.locator("#s-w01-run1")
    card.locator("details.move summary").click()
    card.locator("input[name=start]").fill(f"{wednesday.isoformat()}T12:00")
    card.locator('button:text-is("Move")').click()
    refusal = coach.locator("#move-refused")
    expect(refusal).to_contain_text("The session cannot move there")
    expect(refusal.locator("a.rid >> text=SCH-1")).to_have_count(1)
    expect(coach.locator("#move-error")).to_be_visible()
    _photograph(coach, shots, "coach-move-refused")
    # Half an hour later on its own morning: inside the window, moved.
    card = coach.locator("#s-w01-run1")
    card.locator("input[name=start]").fill(f"{saturday.isoformat()}T09:30")
    card.locator('button:text-is("Move")').click()
    expect(coach.locator("#notice")).to_contain_text(
        f"Moved Hill repeats 4 x 20 s uphill to {saturday:%a %-d %b} 09:30"
    )
    expect(coach.locator(".plan-head")).to_contain_text("plan version 2")
    _photograph(coach, shots, "coach-moved")
    sharing = coach.goto(f"{server}/athletes/{athlete_id}/sharing")
    assert sharing is not None
    assert sharing.status == 404

    stranger = browser.new_context().new_page()
    _sign_up(stranger, server, "other-coach@example.org")
    answer = stranger.goto(f"{server}/athletes/{athlete_id}")
    assert answer is not None
    assert answer.status == 404
    expect(stranger.locator("h1")).to_have_text("Not found")
    _photograph(stranger, shots, "not-found")


def _csrf(page: Page) -> str:
    value = page.locator('input[name="csrf_token"]').first.get_attribute("value")
    assert value
    return value


def test_the_athlete_logs_training_and_the_coach_reads_it(
    browser: Browser, server: str, shots: Path, tmp_path: Path
) -> None:
    athlete = browser.new_context().new_page()
    _sign_up(athlete, server, "robin@example.org")
    # The plan starts on the day of the real watch recording, so the lift it holds is planned.
    athlete_id = _onboard(athlete, server, shots, start_date=STRENGTH_FIT_MONDAY)
    athlete.click("nav.tabs >> text=Log")
    athlete.wait_for_url(f"{server}/athletes/{athlete_id}/log")
    # A corrupt file: its one-line reason, and nothing else.
    broken = tmp_path / "broken.fit"
    broken.write_bytes(STRENGTH_FIT.read_bytes()[:4000])
    athlete.set_input_files("#files", str(broken))
    athlete.click('button:text-is("Upload")')
    expect(athlete.locator("#uploaded .upload.failed .error")).to_contain_text(
        "cannot read FIT: broken.fit"
    )
    expect(athlete.locator("#uploaded .upload")).to_have_count(1)
    _photograph(athlete, shots, "log-upload-failed")
    # The real FIT file, whatever its name: matched to the Monday lift.
    recording = tmp_path / "Morning Strength.dat"
    recording.write_bytes(STRENGTH_FIT.read_bytes())
    athlete.set_input_files("#files", str(recording))
    athlete.click('button:text-is("Upload")')
    imported = athlete.locator("#uploaded .upload.imported")
    expect(imported).to_contain_text("Morning Strength.dat")
    expect(imported).to_contain_text("matched to Full body A")
    _photograph(athlete, shots, "log-uploaded")
    imported.locator("a").first.click()
    athlete.wait_for_url(f"{server}/athletes/{athlete_id}/log?week=1#s-w01-lift1")
    expect(athlete.locator("#s-w01-lift1 .status")).to_contain_text("partial")
    # The Wednesday lift was missed: say why.
    wednesday = athlete.locator("#s-w01-lift2")
    expect(wednesday.locator(".status")).to_have_text("missed")
    wednesday.locator("summary").click()
    wednesday.locator("select[name=reason]").select_option("illness")
    wednesday.locator('button:text-is("Mark missed")').click()
    expect(athlete.locator("#s-w01-lift2 .status")).to_have_text("missed · illness")
    _photograph(athlete, shots, "log-week")
    # The plan's week shows the same.
    athlete.goto(f"{server}/athletes/{athlete_id}?week=1")
    expect(athlete.locator("#s-w01-lift2 .status")).to_have_text("missed · illness")
    expect(athlete.locator(".chip.st-partial")).to_have_count(1)
    _photograph(athlete, shots, "plan-logged")
    # The day's check-in.
    athlete.click("nav.tabs >> text=Check-in")
    athlete.fill("#c-sleep_h", "7.5")
    athlete.select_option("#c-soreness", "2")
    athlete.fill("#c-resting_hr_bpm", "120.5")
    athlete.click('button:text-is("Save check-in")')
    expect(athlete.locator("#c-resting_hr_bpm-error")).to_have_text("at most 120")
    _photograph(athlete, shots, "checkin-error")
    athlete.fill("#c-resting_hr_bpm", "52")
    athlete.click('button:text-is("Save check-in")')
    expect(athlete.locator(".saved")).to_contain_text("Saved the check-in")
    expect(athlete.locator("#recent tbody tr")).to_have_count(1)
    _photograph(athlete, shots, "checkin")
    athlete.click("nav.tabs >> text=Events")
    athlete.select_option("#e-kind", "injury")
    athlete.fill("#e-note", "sore calf")
    athlete.click('button:text-is("Add")')
    expect(athlete.locator("#events")).to_contain_text("sore calf")
    _photograph(athlete, shots, "events")
    athlete.click("nav.tabs >> text=Sharing")
    athlete.fill("#coach-email", "coach@example.org")
    athlete.click('button:text-is("Invite")')

    coach = browser.new_context().new_page()
    _sign_up(coach, server, "coach@example.org")
    coach.goto(f"{server}/athletes/{athlete_id}/log?week=1")
    expect(coach.locator(".note-bar")).to_contain_text("You coach Robin Fit")
    expect(coach.locator("#s-w01-lift2 .status")).to_have_text("missed · illness")
    expect(coach.locator("#s-w01-lift1 .status")).to_contain_text("partial")
    expect(coach.locator("input[type=file]")).to_have_count(0)
    expect(coach.locator("details.log-it")).to_have_count(0)
    _photograph(coach, shots, "coach-log")
    coach.click("nav.tabs >> text=Check-in")
    expect(coach.locator("form[action$='/checkin']")).to_have_count(0)
    expect(coach.locator("#recent tbody tr")).to_have_count(1)
    _photograph(coach, shots, "coach-checkin")
    # Even a hand-made post, with the coach's own token, is refused as if nothing were there.
    token = _csrf(coach)
    for path, form in (
        ("sessions/w01-lift2/done", {"rpe": "5"}),
        ("checkin", {"date": STRENGTH_FIT_MONDAY, "mood": "1"}),
        (
            "events",
            {"kind": "travel", "first_day": STRENGTH_FIT_MONDAY, "last_day": STRENGTH_FIT_MONDAY},
        ),
    ):
        answer = coach.request.post(
            f"{server}/athletes/{athlete_id}/{path}", form={"csrf_token": token, **form}
        )
        assert answer.status == 404, path
    refused = coach.request.post(
        f"{server}/athletes/{athlete_id}/activities",
        multipart={
            "csrf_token": token,
            "files": {"name": "x.fit", "mimeType": "application/octet-stream",
                      "buffer": STRENGTH_FIT.read_bytes()},
        },
    )  # fmt: skip
    assert refused.status == 404
    coach.goto(f"{server}/athletes/{athlete_id}/log?week=1")
    expect(coach.locator("#s-w01-lift2 .status")).to_have_text("missed · illness")
