"""``runlift adapt``: the diff on the terminal and as JSON, "no change", and the calendar after."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import icalendar
import pytest

from runlift.cli.app import main

TEN_K = Path(__file__).resolve().parents[1] / "fixtures" / "athletes" / "ten-k-runner.yaml"
SUNDAY = "2026-12-27"


def _store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'runlift.db'}"
    assert main(["athlete", "add", str(TEN_K), "--db", url, "--id", "sam"]) == 0
    return url


def _missed_long_run(url: str) -> None:
    """Weeks 1 and 2 done as planned, then week 3's Thursday run; Saturday's long run missed."""
    for session in ("w01-run1", "w01-run2", "w01-run3", "w02-run1", "w02-run2", "w02-run3"):
        assert main(["log", "done", session, "--db", url]) == 0
    assert main(["log", "done", "w03-run1", "--db", url]) == 0
    assert main(["log", "missed", "w03-run2", "--reason", "time", "--db", url]) == 0


def _json(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


def test_adapt_prints_each_change_with_its_rules_and_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _store(tmp_path)
    _missed_long_run(url)
    capsys.readouterr()
    assert main(["adapt", "--today", SUNDAY, "--db", url]) == 0
    out = capsys.readouterr().out
    assert "plan version 1 -> 2" in out
    assert "added    w03-run2-makeup  RL-7" in out
    assert "dropped  w03-run3  RL-7" in out
    assert "Sun 27 Dec 08:00-09:00" in out
    assert "why     make-up of 'Long run 8.8 km' (w03-run2), missed on Sat 26 Dec" in out


def test_adapt_json_and_then_no_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = _store(tmp_path)
    _missed_long_run(url)
    capsys.readouterr()
    assert main(["adapt", "--today", SUNDAY, "--json", "--db", url]) == 0
    result = _json(capsys)
    assert result["from_version"] == 1
    assert result["to_version"] == 2
    assert [(c["session_id"], c["change"]) for c in result["changes"]] == [
        ("w03-run2-makeup", "added"),
        ("w03-run3", "dropped"),
    ]
    for change in result["changes"]:
        assert set(change) == {"session_id", "change", "before", "after", "rules", "reason"}
        assert change["rules"] == ["RL-7"]
        assert change["reason"]
    added, dropped = result["changes"]
    assert added["before"] is None
    assert added["after"]["title"] == "Long run 8.8 km"
    assert dropped["after"] is None
    assert dropped["before"]["start"] == "2026-12-27T08:00:00+01:00"

    assert main(["adapt", "--today", SUNDAY, "--db", url]) == 0
    assert capsys.readouterr().out.startswith("no change: plan version 2 stands on 2026-12-27")
    assert main(["adapt", "--today", SUNDAY, "--json", "--db", url]) == 0
    again = _json(capsys)
    assert (again["from_version"], again["to_version"], again["changes"]) == (2, None, [])


def test_dry_run_stores_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = _store(tmp_path)
    _missed_long_run(url)
    capsys.readouterr()
    assert main(["adapt", "--today", SUNDAY, "--dry-run", "--json", "--db", url]) == 0
    result = _json(capsys)
    assert result["to_version"] is None
    assert len(result["changes"]) == 2
    assert main(["athlete", "list", "--json", "--db", url]) == 0
    assert json.loads(capsys.readouterr().out)[0]["plan_version"] == 1


def test_the_exported_calendar_updates_the_old_events_and_lints_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _store(tmp_path)
    _missed_long_run(url)
    assert main(["export", "-o", str(tmp_path / "v1"), "--db", url]) == 0
    assert main(["adapt", "--today", SUNDAY, "--db", url]) == 0
    assert main(["export", "-o", str(tmp_path / "v2"), "--db", url]) == 0
    old = icalendar.Calendar.from_ical((tmp_path / "v1" / "plan.ics").read_bytes())
    new = icalendar.Calendar.from_ical((tmp_path / "v2" / "plan.ics").read_bytes())
    before = {str(e["UID"]): e for e in old.walk("VEVENT")}
    after = {str(e["UID"]): e for e in new.walk("VEVENT")}
    assert set(before) <= set(after)
    changed = {u for u in before if after[u].to_ical() != before[u].to_ical()}
    assert changed == {u for u in before if u.startswith("w03-run3-")}
    for uid in changed:
        assert int(str(after[uid]["SEQUENCE"])) > int(str(before[uid].get("SEQUENCE", 0)))
        assert str(after[uid]["STATUS"]) == "CANCELLED"
    busy = icalendar.Calendar.from_ical((tmp_path / "v2" / "busy.ics").read_bytes())
    assert sum(1 for e in busy.walk("VEVENT") if str(e.get("STATUS", "")) == "CANCELLED") == 1
    capsys.readouterr()
    assert main(["lint", str(tmp_path / "v2" / "plan.ics")]) == 0
