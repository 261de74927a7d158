import json

import pytest

from runlift.cli.app import main


def test_rules_lists_every_rule_with_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--json"]) == 0
    rules = json.loads(capsys.readouterr().out)["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == 41  # the 30 GUIDELINES.md rules and RL-1 ... RL-11
    assert ids[0] == "PHY-1"
    assert "NUT-4" in ids
    rl1 = next(r for r in rules if r["id"] == "RL-1")
    assert rl1["strength"] == "hard"
    assert rl1["category"] == "scheduling"
    assert rl1["parameters"]["max_runs_per_day"] == {
        "default": 1.0,
        "moderate": 1.0,
        "strict": 1.0,
    }
    assert rl1["parameters"]["max_lifts_per_day"]["strict"] == 1.0
    sch1 = next(r for r in rules if r["id"] == "SCH-1")
    assert sch1["strength"] == "hard"
    assert sch1["parameters"]["min_gap_h"] == {"default": 6.0, "moderate": 4.0, "strict": 8.0}
    assert all(r["sources"] for r in rules)


def test_rules_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "SCH-10" in out
    assert "RL-1" in out
    assert "min_gap_h" in out


@pytest.mark.parametrize(("name", "field"), [("profile", "availability"), ("plan", "weeks")])
def test_schemas(capsys: pytest.CaptureFixture[str], name: str, field: str) -> None:
    assert main(["schema", name]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert field in schema["properties"]


def test_unknown_schema_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "recipe"]) == 2
    assert "recipe" in capsys.readouterr().err


def test_rules_lists_the_guidance_documents(capsys: pytest.CaptureFixture[str]) -> None:
    from runlift.rules import GUIDANCE  # noqa: PLC0415

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for source in GUIDANCE.values():
        assert f"{source.id} {source.title}: {source.summary}" in out
    assert main(["rules", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["guidance"]
    assert [g["id"] for g in listed] == ["G1", "G2", "G3", "G4", "G5"]
