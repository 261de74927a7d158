"""A run logged as a race or a time trial is stored under a name that says so."""

from __future__ import annotations

import pytest

from runlift.errors import InvalidInput
from runlift.science.ability import RunEffort
from runlift.services.log_entries import run_name
from runlift.tracking.monitoring import is_race_name


@pytest.mark.parametrize(
    ("name", "effort", "stored"),
    [
        (None, RunEffort.RACE, "Race"),
        (None, RunEffort.TIME_TRIAL, "Time trial"),
        ("Berlin 10k", RunEffort.RACE, "Berlin 10k (race)"),
        ("Track 3000 m", RunEffort.TIME_TRIAL, "Track 3000 m (time trial)"),
        ("Parkrun", RunEffort.RACE, "Parkrun"),
        ("  Sunday   parkrun ", None, "Sunday parkrun"),
        ("Easy loop", None, "Easy loop"),
        ("Easy loop", RunEffort.TRAINING, "Easy loop"),
        (None, None, None),
        ("   ", None, None),
    ],
)
def test_the_stored_name_says_race_exactly_when_it_was_one(
    name: str | None, effort: RunEffort | None, stored: str | None
) -> None:
    assert run_name(name, effort) == stored
    assert is_race_name(stored) is (
        effort in {RunEffort.RACE, RunEffort.TIME_TRIAL}
        or (stored is not None and "parkrun" in stored.lower())
    )


def test_a_training_run_cannot_be_named_a_race() -> None:
    with pytest.raises(InvalidInput, match="without race"):
        run_name("Parkrun", RunEffort.TRAINING)
