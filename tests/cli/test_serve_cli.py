"""``runlift serve``: settings checked before anything starts; ``--demo`` seeds a store."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from runlift.cli.app import main
from runlift.services.demo import COACH_EMAIL, DEMO_PASSWORD, DEMO_WEEK
from runlift.store.repository import Store

EXAMPLES = Path(__file__).parents[2] / "examples" / "athletes"
VARIABLES = (
    "RUNLIFT_DB",
    "RUNLIFT_ENV",
    "RUNLIFT_SECRET_KEY",
    "RUNLIFT_ALLOWED_HOSTS",
    "RUNLIFT_TRUSTED_PROXIES",
)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every uvicorn.run the command asks for, instead of running it."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    calls: list[dict[str, Any]] = []

    def fake_run(app: str, **options: Any) -> None:
        calls.append({"app": app, **options})

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


def test_production_without_a_secret_stops_before_starting(
    started: list[dict[str, Any]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["serve", "--db", f"sqlite:///{tmp_path / 'r.db'}"])
    assert code == 1
    assert "RUNLIFT_SECRET_KEY" in capsys.readouterr().err
    assert started == []
    assert not (tmp_path / "r.db").exists()


def test_serve_hands_uvicorn_the_app_factory_and_the_workers(
    started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RUNLIFT_SECRET_KEY", "s" * 40)
    monkeypatch.setenv("RUNLIFT_ALLOWED_HOSTS", "plan.example.org")
    url = f"sqlite:///{tmp_path / 'r.db'}"
    assert main(["serve", "--db", url, "--workers", "3", "--port", "8123"]) == 0
    (call,) = started
    assert call["app"] == "runlift.web.app:from_environment"
    assert call["factory"] is True
    assert call["workers"] == 3
    assert call["port"] == 8123
    assert call["host"] == "127.0.0.1"
    assert call["proxy_headers"] is False
    # The schema was made once, before any worker started.
    assert (tmp_path / "r.db").exists()


def test_demo_seeds_the_examples_their_coach_and_prints_the_logins(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    seen: dict[str, Any] = {}

    def fake_run(app: str, **options: Any) -> None:
        # What the workers would find: the environment and the seeded store.
        seen["env"] = os.environ["RUNLIFT_ENV"]
        seen["secret"] = os.environ["RUNLIFT_SECRET_KEY"]
        seen["db"] = os.environ["RUNLIFT_DB"]
        with Store(seen["db"]) as store:
            seen["athletes"] = [a.name for a in store.athletes()]
            coach = store.accounts.user_by_email(COACH_EMAIL)
            assert coach is not None
            seen["coached"] = [a.name for a in store.accounts.coached_athletes(coach.id)]
            (athlete,) = store.athletes()
            seen["start"] = store.plan_version(athlete.id).plan.weeks[0].start
            seen["logged"] = len(store.activities(athlete.id)), len(store.check_ins(athlete.id))

    monkeypatch.setattr(uvicorn, "run", fake_run)
    examples = tmp_path / "examples"
    examples.mkdir()
    shutil.copy(EXAMPLES / "general-fitness-3-days.yaml", examples)
    assert main(["serve", "--demo", "--examples", str(examples)]) == 0
    out = capsys.readouterr().out
    assert COACH_EMAIL in out
    assert "robin-fit@demo.runlift.example" in out
    assert DEMO_PASSWORD in out
    assert seen["env"] == "development"
    assert len(seen["secret"]) >= 32
    assert seen["athletes"] == ["Robin Fit"]
    assert seen["coached"] == ["Robin Fit"]
    # The example was moved so that today is in its demo week, and its past was logged.
    today = datetime.now(UTC).date()
    before = 7 * (DEMO_WEEK - 1)
    assert before <= (today - seen["start"]).days < before + 8  # in any time zone
    activities, check_ins = seen["logged"]
    assert activities >= 6
    assert check_ins >= 10
    # The demo store goes when the server stops.
    assert not Path(seen["db"].removeprefix("sqlite:///")).parent.exists()
