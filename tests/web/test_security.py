"""Security: headers, cookies, proxies, CSRF, the login limits, hosts, settings and body size."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

import pytest
from fastapi import FastAPI
from starlette.testclient import TestClient
from web_builders import PASSWORD, SECRET, csrf, settings, sign_up
from web_routes import post_form_routes

from runlift.errors import InvalidInput
from runlift.settings import Environment, Settings
from runlift.web.app import create_app


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'runlift.db'}"


def _client(url: str, **changes: object) -> TestClient:
    return TestClient(create_app(settings(url, **changes)))


def test_every_kind_of_response_carries_the_security_headers(client: TestClient) -> None:
    responses = [
        client.get("/"),
        client.get("/login"),
        client.get("/rules"),
        client.get("/healthz"),
        client.get("/api/v1/me"),
        client.get("/no/such/page"),
        client.get("/static/style.css"),
        client.get("/openapi.json"),
        client.post("/api/v1/auth/signup", content=b"x" * 2_000_000),
        client.get("/", headers={"Host": "evil.example"}),
        client.get("/coach", follow_redirects=False),
    ]
    assert [r.status_code for r in responses] == [
        200,
        200,
        200,
        200,
        401,
        404,
        200,
        200,
        413,
        400,
        303,
    ]
    for response in responses:
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "same-origin"
        assert response.headers["x-frame-options"] == "DENY"
        assert "strict-transport-security" not in response.headers
    assert responses[0].headers["cache-control"] == "no-store"
    assert "no-store" not in responses[6].headers.get("cache-control", "")


def test_no_template_has_inline_script_or_style() -> None:
    folder = resources.files("runlift.web").joinpath("templates")
    texts = [
        item.read_text(encoding="utf-8") for item in folder.iterdir() if item.name.endswith(".j2")
    ]
    assert len(texts) >= 10
    for text in texts:
        assert "<script" not in text
        assert "<style" not in text
        assert not re.search(r"\sstyle=", text)
        assert not re.search(r"\son[a-z]+=", text)


def test_the_session_cookie_is_httponly_lax_and_secure_only_over_https(sqlite_url: str) -> None:
    with _client(sqlite_url) as plain:
        cookie = plain.get("/login").headers["set-cookie"]
        assert "HttpOnly" in cookie
        assert "SameSite=Lax" in cookie
        assert "Secure" not in cookie
        # A forwarded scheme is not believed from a proxy nobody configured.
        plain.cookies.clear()
        forwarded = plain.get("/login", headers={"X-Forwarded-Proto": "https"})
        assert "Secure" not in forwarded.headers["set-cookie"]
    with TestClient(create_app(settings(sqlite_url)), base_url="https://testserver") as direct:
        response = direct.get("/login")
        assert "; Secure" in response.headers["set-cookie"]
        assert response.headers["strict-transport-security"] == "max-age=31536000"
    with _client(sqlite_url, trusted_proxies=("testclient",)) as proxied:
        response = proxied.get("/login", headers={"X-Forwarded-Proto": "https"})
        assert "; Secure" in response.headers["set-cookie"]


def test_a_trusted_proxy_names_the_client_for_the_login_limit(sqlite_url: str) -> None:
    with _client(sqlite_url, trusted_proxies=("testclient",)) as proxied:
        proxied.post("/api/v1/auth/signup", json={"email": "ann@example.org", "password": PASSWORD})
        for _ in range(5):
            proxied.post(
                "/api/v1/auth/token",
                data={"username": "ann@example.org", "password": "wrong password"},
                headers={"X-Forwarded-For": "203.0.113.5"},
            )
        store = proxied.app.state.store  # type: ignore[attr-defined]
        recent = store.accounts.recent_failures(
            email="ann@example.org",
            client="203.0.113.5",
            since=datetime.now(UTC) - timedelta(hours=1),
            limit=10,
        )
        assert len(recent.client) == 5


def test_a_tampered_or_foreign_session_cookie_is_no_session(sqlite_url: str) -> None:
    with _client(sqlite_url) as browser:
        sign_up(browser, "ann@example.org")
        value = browser.cookies["runlift_session"]
        assert "Your athletes" in browser.get("/").text
        payload, stamp, signature = value.split(".")
        forged = f"{payload}.{stamp}.{signature[::-1]}"
        browser.cookies.set("runlift_session", forged)
        assert "Your athletes" not in browser.get("/").text
    with _client(sqlite_url, secret_key="another-secret-" + "z" * 40) as other:
        other.cookies.set("runlift_session", value)
        assert "Your athletes" not in other.get("/").text


def test_every_form_post_needs_the_sessions_csrf_token(client: TestClient) -> None:
    sign_up(client, "ann@example.org")
    routes = post_form_routes(client.app)  # type: ignore[arg-type]
    assert len(routes) >= 8
    for path in routes:
        concrete = path.replace("{athlete_id}", "any-athlete")
        for token in (None, "wrong-token", ""):
            data = {} if token is None else {"csrf_token": token}
            response = client.post(concrete, data=data, follow_redirects=False)
            assert response.status_code == 403, f"{concrete} with {token!r}"
            assert "security token" in response.text
    # The right token passes the check (and the route does its own work).
    out = client.post("/logout", data={"csrf_token": csrf(client, "/")}, follow_redirects=False)
    assert out.status_code == 303


def test_five_failed_logins_give_429_with_retry_after(client: TestClient) -> None:
    sign_up(client, "ann@example.org")
    client.post("/logout", data={"csrf_token": csrf(client, "/")})
    for _ in range(5):
        failed = client.post(
            "/login",
            data={
                "email": "ann@example.org",
                "password": "wrong guess",
                "csrf_token": csrf(client),
            },
        )
        assert failed.status_code == 401
    blocked = client.post(
        "/login",
        data={"email": "ann@example.org", "password": PASSWORD, "csrf_token": csrf(client)},
    )
    assert blocked.status_code == 429
    assert 0 < int(blocked.headers["retry-after"]) <= 15 * 60
    assert "Too many failed logins" in blocked.text
    api = client.post(
        "/api/v1/auth/token", data={"username": "ann@example.org", "password": PASSWORD}
    )
    assert api.status_code == 429
    assert int(api.headers["retry-after"]) > 0
    assert "too many failed logins" in api.json()["detail"]


def test_unknown_hosts_are_refused(client: TestClient) -> None:
    assert client.get("/healthz", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/healthz", headers={"Host": "localhost:8000"}).status_code == 200


def test_bodies_over_the_limit_are_413_whether_announced_or_not(client: TestClient) -> None:
    limit = client.app.state.settings.max_body_bytes  # type: ignore[attr-defined]
    announced = client.post("/api/v1/auth/signup", content=b"{" + b" " * limit + b"}")
    assert announced.status_code == 413
    assert announced.json() == {"detail": f"the request body is larger than {limit} bytes"}

    def chunks() -> Iterator[bytes]:
        for _ in range(limit // 1000 + 2):
            yield b" " * 1000

    streamed = client.post(
        "/api/v1/auth/signup", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert streamed.status_code == 413
    assert streamed.json()["detail"].startswith("the request body is larger than")


def test_production_refuses_to_start_without_a_secret_or_hosts() -> None:
    with pytest.raises(InvalidInput, match=r"RUNLIFT_SECRET_KEY.*required in production"):
        Settings.from_environ({"RUNLIFT_ALLOWED_HOSTS": "plan.example.org"})
    with pytest.raises(InvalidInput, match=r"RUNLIFT_ALLOWED_HOSTS.*required in production"):
        Settings.from_environ({"RUNLIFT_SECRET_KEY": SECRET})
    with pytest.raises(InvalidInput, match="at least 32 characters"):
        Settings.from_environ({"RUNLIFT_SECRET_KEY": "short", "RUNLIFT_ALLOWED_HOSTS": "a.org"})
    with pytest.raises(InvalidInput, match="production or development"):
        Settings.from_environ({"RUNLIFT_ENV": "staging"})
    production = Settings.from_environ(
        {
            "RUNLIFT_SECRET_KEY": SECRET,
            "RUNLIFT_ALLOWED_HOSTS": "plan.example.org, www.plan.example.org",
            "RUNLIFT_TRUSTED_PROXIES": "10.0.0.2",
            "RUNLIFT_DB": "postgresql+psycopg://runlift@db/runlift",
        }
    )
    assert production.production
    assert production.allowed_hosts == ("plan.example.org", "www.plan.example.org")
    assert production.trusted_proxies == ("10.0.0.2",)
    assert production.db_url == "postgresql+psycopg://runlift@db/runlift"
    development = Settings.from_environ({"RUNLIFT_ENV": "development"})
    assert development.environment is Environment.DEVELOPMENT
    assert len(development.secret_key) >= 32
    assert "localhost" in development.allowed_hosts


def test_the_store_opens_when_the_app_starts_not_when_it_is_made(tmp_path: Path) -> None:
    database = tmp_path / "later.db"
    app: FastAPI = create_app(settings(f"sqlite:///{database}"))
    assert not database.exists()
    with TestClient(app) as started:
        assert database.exists()
        assert started.get("/healthz").status_code == 200
