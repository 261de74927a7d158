"""``runlift athlete`` and ``runlift export`` on a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runlift.cli.app import main

EXAMPLES = Path(__file__).parents[2] / "examples" / "athletes"
HALF = EXAMPLES / "half-marathon-lifter.yaml"
GENERAL = EXAMPLES / "general-fitness-3-days.yaml"


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_add_list_show_and_export_the_same_files_as_plan(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["athlete", "add", str(HALF), "--db", store_url, "--json"]) == 0
    assert _json(capsys) == {"athlete": "alex-example", "name": "Alex Example", "plan_version": 1}
    assert main(["athlete", "add", str(GENERAL), "--db", store_url, "--id", "gina", "--json"]) == 0
    capsys.readouterr()
    assert main(["athlete", "list", "--db", store_url, "--json"]) == 0
    listed = _json(capsys)
    assert isinstance(listed, list)
    assert [(a["id"], a["plan_version"]) for a in listed] == [("alex-example", 1), ("gina", 1)]
    assert main(["athlete", "show", "gina", "--db", store_url, "--json"]) == 0
    shown = _json(capsys)
    assert isinstance(shown, dict)
    assert shown["goal"] == "general_fitness"
    assert [v["version"] for v in shown["versions"]] == [1]

    exported, planned = tmp_path / "exported", tmp_path / "planned"
    assert (
        main(["export", "--db", store_url, "--athlete", "alex-example", "-o", str(exported)]) == 0
    )
    assert main(["plan", str(HALF), "-o", str(planned), "-q"]) == 0
    names = sorted(p.relative_to(planned) for p in planned.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(exported) for p in exported.rglob("*") if p.is_file())
    for name in names:
        assert (exported / name).read_bytes() == (planned / name).read_bytes(), name


def test_the_athlete_is_needed_only_when_several_are_stored(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["athlete", "add", str(GENERAL), "--db", store_url, "--id", "gina"]) == 0
    assert main(["export", "--db", store_url, "-o", str(tmp_path / "one")]) == 0
    assert (tmp_path / "one" / "plan.json").is_file()
    assert main(["athlete", "add", str(GENERAL), "--db", store_url]) == 0
    capsys.readouterr()
    assert main(["export", "--db", store_url, "-o", str(tmp_path / "two")]) == 1
    assert "say which with --athlete" in capsys.readouterr().err
    assert not (tmp_path / "two").exists()


def test_errors_store_nothing_and_exit_1(
    store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(GENERAL.read_text(encoding="utf-8").replace("sex:", "sexx:"), encoding="utf-8")
    assert main(["athlete", "add", str(bad), "--db", store_url]) == 1
    assert main(["athlete", "add", str(GENERAL), "--db", store_url, "--id", "Not An Id"]) == 1
    assert "lower-case letters" in capsys.readouterr().err
    assert main(["athlete", "list", "--db", store_url, "--json"]) == 0
    assert _json(capsys) == []
    assert main(["athlete", "add", str(GENERAL), "--db", store_url, "--id", "gina"]) == 0
    assert main(["athlete", "add", str(HALF), "--db", store_url, "--id", "gina"]) == 1
    assert "already stored" in capsys.readouterr().err
    assert main(["export", "--db", store_url, "--version", "2", "-o", str(tmp_path / "x")]) == 1
    assert "versions are 1 to 1" in capsys.readouterr().err
    assert main(["athlete", "show", "nobody", "--db", store_url]) == 1
    assert main(["athlete", "list", "--db", "mysql://x/y"]) == 1
    assert "sqlite:/// or postgresql+psycopg://" in capsys.readouterr().err
