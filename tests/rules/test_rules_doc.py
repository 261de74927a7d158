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
