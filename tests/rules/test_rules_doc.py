"""docs/rules.md documents every rule of the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from runlift.rules import RULES, RuleId

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
ROW = re.compile(r"^\| (?P<id>[A-Z]{2,3}-\d+) \|", re.MULTILINE)


def test_every_rule_has_exactly_one_row_in_the_doc() -> None:
    rows = ROW.findall(DOC.read_text(encoding="utf-8"))
    assert sorted(rows) == sorted(RULES)


@pytest.mark.parametrize("rule_id", list(RULES))
def test_the_row_names_the_rules_parameters(rule_id: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith(f"| {rule_id} |"))
    for name in RULES[RuleId(rule_id)].parameters:
        assert f"`{name}`" in row


def test_every_guidance_document_a_rule_cites_is_described() -> None:
    from runlift.rules import GUIDANCE  # noqa: PLC0415

    cited = {source for rule in RULES.values() for source in rule.sources}
    guidance_ids = {source for source in cited if re.fullmatch(r"G\d", source)}
    assert guidance_ids == set(GUIDANCE) == {"G1", "G2", "G3", "G4", "G5"}
    text = DOC.read_text(encoding="utf-8")
    for source in GUIDANCE.values():
        assert f"| {source.id} | {source.title} | {source.summary} |" in text
        assert "\n" not in source.summary
