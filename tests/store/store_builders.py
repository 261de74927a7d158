"""Plans and profiles for the store's tests: the bundled examples, planned once per run."""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from pathlib import Path

from runlift.io.profile import read_profile
from runlift.services import planning

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "athletes"
NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@functools.cache
def example(name: str) -> tuple[str, planning.PlanResult]:
    """The profile text of ``examples/athletes/<name>.yaml`` and its plan."""
    text = (EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8")
    return text, planning.make_plan(read_profile(text))
