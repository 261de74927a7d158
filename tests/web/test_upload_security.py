"""Uploads as an attacker sends them: too large, too many, lying about their type, built to
explode a parser, named to climb out of a folder. Nothing of a refused upload is stored."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from web_builders import add_athlete, csrf, profile, settings, sign_up, token

from log_builders import BILLION_LAUGHS_GPX, STRAVA_GPX, STRENGTH_FIT
from runlift.errors import InvalidInput
from runlift.io.activity_input import MAX_FILE_BYTES
from runlift.settings import DEFAULT_MAX_FILE_BYTES, MAX_READABLE_FILE_BYTES, Settings
from runlift.web.app import create_app
from runlift.web.uploads import MAX_FILES, upload_name

FILE_LIMIT = 512 * 1024
UPLOAD_LIMIT = 1536 * 1024
BODY_LIMIT = 4 * 1024


@pytest.fixture
def small(tmp_path: Path) -> Iterator[tuple[TestClient, str, dict[str, str]]]:
    """An app with small limits, an athlete, its owner's API token."""
    app = create_app(
        settings(
            f"sqlite:///{tmp_path / 'runlift.db'}",
            max_file_bytes=FILE_LIMIT,
            max_upload_bytes=UPLOAD_LIMIT,
            max_body_bytes=BODY_LIMIT,
        )
    )
    with TestClient(app) as client:
        sign_up(client, "ann@example.org")
        athlete_id = add_athlete(client, profile())
        yield client, athlete_id, token(client, "ann@example.org")


def _stored(client: TestClient, athlete_id: str) -> int:
    return len(client.app.state.store.activities(athlete_id))  # type: ignore[attr-defined]


def _api(
    client: TestClient, athlete_id: str, auth: dict[str, str], *files: tuple[str, bytes]
) -> Any:
    return client.post(
        f"/api/v1/athletes/{athlete_id}/activities",
        headers=auth,
        files=[("files", (name, data, "application/octet-stream")) for name, data in files],
    )


def test_a_file_over_the_file_limit_is_413_and_nothing_is_imported(
    small: tuple[TestClient, str, dict[str, str]],
) -> None:
    client, athlete_id, auth = small
    good = STRAVA_GPX.read_bytes()
    assert len(good) < FILE_LIMIT
    big = b"\0" * (FILE_LIMIT + 1)
    answer = _api(client, athlete_id, auth, ("run.gpx", good), ("huge.fit", big))
    assert answer.status_code == 413
    assert answer.json() == {
        "detail": "huge.fit is 524289 bytes: each file may be at most 524288 bytes (512 kB)"
    }
    assert _stored(client, athlete_id) == 0
    page = client.post(
        f"/athletes/{athlete_id}/activities",
        data={"csrf_token": csrf(client, f"/athletes/{athlete_id}/log")},
        files=[("files", ("run.gpx", good, "x")), ("files", ("huge.fit", big, "x"))],
    )
    assert page.status_code == 413
    assert "huge.fit is" in page.text
    assert 'id="upload-error"' in page.text
    assert _stored(client, athlete_id) == 0


def test_more_files_than_taken_at_once_is_413(
    small: tuple[TestClient, str, dict[str, str]],
) -> None:
    client, athlete_id, auth = small
    answer = _api(client, athlete_id, auth, *[(f"{i}.gpx", b"x") for i in range(MAX_FILES + 1)])
    assert answer.status_code == 413
    assert f"at most {MAX_FILES} are taken at once" in answer.json()["detail"]


def test_an_upload_over_the_upload_limit_is_413_announced_or_streamed(
    small: tuple[TestClient, str, dict[str, str]],
) -> None:
    client, athlete_id, auth = small
    files = [
        (f"{i}.gpx", b"<" * (FILE_LIMIT - 1000)) for i in range(4)
    ]  # each under the file limit
    announced = _api(client, athlete_id, auth, *files)
    assert announced.status_code == 413
    assert announced.json()["detail"].startswith("the upload is larger than 1.5 MiB")
    page = client.post(
        f"/athletes/{athlete_id}/activities",
        files=[("files", (name, data, "x")) for name, data in files],
    )
    assert page.status_code == 413
    assert page.headers["content-type"].startswith("text/html")
    assert "the upload is larger than 1.5 MiB" in page.text

    boundary = "b0undary"

    def body() -> Iterator[bytes]:
        for index in range(4):
            yield (
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
                f'filename="{index}.gpx"\r\nContent-Type: text/xml\r\n\r\n'
            ).encode()
            for _ in range(FILE_LIMIT // 1000 - 1):
                yield b"<" * 1000
            yield b"\r\n"
        yield f"--{boundary}--\r\n".encode()

    streamed = client.post(
        f"/api/v1/athletes/{athlete_id}/activities",
        content=body(),
        headers={**auth, "Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert streamed.status_code == 413
    assert streamed.json()["detail"].startswith("the upload is larger than")
    assert _stored(client, athlete_id) == 0


def test_uploads_may_exceed_the_body_limit_other_requests_may_not(
    small: tuple[TestClient, str, dict[str, str]],
) -> None:
    client, athlete_id, auth = small
    gpx = STRAVA_GPX.read_bytes()
    assert BODY_LIMIT < len(gpx) < FILE_LIMIT
    assert _api(client, athlete_id, auth, ("run.gpx", gpx)).status_code == 200
    # The same body anywhere else is refused: only the upload routes take more.
    other = client.post(
        f"/api/v1/athletes/{athlete_id}/checkins",
        headers={**auth, "Content-Type": "application/json"},
        content=b" " * len(gpx),
    )
    assert other.status_code == 413
    assert other.json()["detail"] == f"the request body is larger than {BODY_LIMIT} bytes"


def test_content_decides_the_format_never_the_name_or_the_type(client: TestClient) -> None:
    sign_up(client, "ann@example.org")
    athlete_id = add_athlete(client, profile())
    auth = token(client, "ann@example.org")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("run.fit", STRENGTH_FIT.read_bytes())
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    answer = client.post(
        f"/api/v1/athletes/{athlete_id}/activities",
        headers=auth,
        files=[
            ("files", ("activity.fit", STRAVA_GPX.read_bytes(), "application/vnd.ant.fit")),
            ("files", ("drawing.fit", svg, "application/vnd.ant.fit")),
            ("files", ("photo.gpx", png, "application/gpx+xml")),
            ("files", ("export.fit", archive.getvalue(), "application/vnd.ant.fit")),
            ("files", ("data.csv", b'{"runs": []}', "text/csv")),
        ],
    ).json()
    # A GPX named .fit is read as GPX; the rest are refused, each saying what it looks like.
    assert [item["path"] for item in answer["imported"]] == ["activity.fit"]
    failed = {item["path"]: item["error"] for item in answer["failed"]}
    assert set(failed) == {"drawing.fit", "photo.gpx", "export.fit", "data.csv"}
    assert "XML whose root element is <svg>" in failed["drawing.fit"]
    assert "ZIP archive" in failed["export.fit"]
    assert "JSON" in failed["data.csv"]
    assert "not a FIT, GPX, TCX, Strong CSV or Hevy CSV file" in failed["photo.gpx"]
    store = client.app.state.store  # type: ignore[attr-defined]
    (stored,) = store.activities(athlete_id)
    assert stored.activity.source.value == "gpx"


def test_a_billion_laughs_gpx_is_refused_at_once(client: TestClient) -> None:
    sign_up(client, "ann@example.org")
    athlete_id = add_athlete(client, profile())
    auth = token(client, "ann@example.org")
    began = time.perf_counter()
    answer = client.post(
        f"/api/v1/athletes/{athlete_id}/activities",
        headers=auth,
        files=[("files", ("laughs.fit", BILLION_LAUGHS_GPX, "application/vnd.ant.fit"))],
    )
    assert time.perf_counter() - began < 5
    assert answer.status_code == 200
    (failed,) = answer.json()["failed"]
    assert "document type declaration" in failed["error"] or "DTD" in failed["error"]
    assert client.app.state.store.activities(athlete_id) == ()  # type: ignore[attr-defined]


def test_a_name_is_shown_as_its_last_part_on_one_line() -> None:
    assert upload_name("C:\\Users\\ann\\run.fit") == "run.fit"
    assert upload_name("../../etc/passwd") == "passwd"
    assert upload_name("run\r\n<script>.fit") == "run??<script>.fit"
    assert upload_name(None) == "(unnamed file)"
    assert len(upload_name("a" * 500 + ".fit")) <= 120


def test_the_upload_limits_are_settings_and_checked() -> None:
    base = {"RUNLIFT_ENV": "development"}
    assert Settings.from_environ(base).max_file_bytes == DEFAULT_MAX_FILE_BYTES
    chosen = Settings.from_environ(
        {**base, "RUNLIFT_MAX_FILE_BYTES": "2048", "RUNLIFT_MAX_UPLOAD_BYTES": "1048576"}
    )
    assert (chosen.max_file_bytes, chosen.max_upload_bytes) == (2048, 1048576)
    # The readers' own ceiling is the most a setting may allow.
    assert MAX_READABLE_FILE_BYTES == MAX_FILE_BYTES
    with pytest.raises(InvalidInput, match="RUNLIFT_MAX_FILE_BYTES"):
        Settings.from_environ({**base, "RUNLIFT_MAX_FILE_BYTES": str(MAX_FILE_BYTES + 1)})
    with pytest.raises(InvalidInput, match="RUNLIFT_MAX_UPLOAD_BYTES"):
        Settings.from_environ({**base, "RUNLIFT_MAX_UPLOAD_BYTES": "4096"})
    with pytest.raises(InvalidInput, match="a number of bytes"):
        Settings.from_environ({**base, "RUNLIFT_MAX_FILE_BYTES": "lots"})
