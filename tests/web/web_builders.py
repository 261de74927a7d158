"""Helpers for the web app's tests: settings, sign-ups through the pages, tokens, profiles."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from starlette.testclient import TestClient

from runlift.settings import Environment, Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "athletes"
PASSWORD = "correct horse battery"
SECRET = "test-secret-key-" + "k" * 32
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def settings(url: str, **changes: Any) -> Settings:
    """Development settings on the store at ``url``, answering the test client's host."""
    values: dict[str, Any] = {
        "db_url": url,
        "secret_key": SECRET,
        "allowed_hosts": ("testserver", "127.0.0.1", "localhost"),
        "environment": Environment.DEVELOPMENT,
        **changes,
    }
    return Settings(**values)


def profile(name: str = "general-fitness-3-days") -> dict[str, Any]:
    """An example profile as the mapping its YAML gives, dates as ISO text (as JSON has them)."""
    text = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = _dates_as_text(yaml.safe_load(text))
    return data


def _dates_as_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def form_of(data: dict[str, Any]) -> dict[str, Any]:
    """The onboarding form's inputs for a profile: dotted names, windows joined by commas."""
    form: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), item)
        elif isinstance(value, list) and prefix.startswith("availability."):
            form[prefix] = ", ".join(value)
        elif isinstance(value, list):
            form[prefix] = [str(item) for item in value]
        else:
            form[prefix] = str(value)

    walk("", data)
    return form


def csrf(client: TestClient, path: str = "/login") -> str:
    """The session's CSRF token, read from a page's form."""
    page = client.get(path)
    found = _CSRF.search(page.text)
    assert found is not None, f"no CSRF token on {path}"
    return found.group(1)


def sign_up(client: TestClient, email: str, password: str = PASSWORD) -> None:
    """Sign up through the page; the client is then logged in."""
    response = client.post(
        "/signup",
        data={"email": email, "password": password, "csrf_token": csrf(client, "/signup")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def log_in(client: TestClient, email: str, password: str = PASSWORD) -> None:
    """Log in through the page."""
    response = client.post(
        "/login",
        data={"email": email, "password": password, "csrf_token": csrf(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def add_athlete(client: TestClient, data: dict[str, Any] | None = None) -> str:
    """Onboard an athlete through the form; returns its id."""
    form = {**form_of(data or profile()), "csrf_token": csrf(client, "/athletes/new")}
    response = client.post("/athletes/new", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert location.startswith("/athletes/")
    return location.removeprefix("/athletes/")


def token(client: TestClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    """An API Authorization header for the user."""
    response = client.post("/api/v1/auth/token", data={"username": email, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
