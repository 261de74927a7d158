"""The set shorthand of ``runlift log lift``: sets, reps, load, and how hard they were."""

from __future__ import annotations

import pytest

from runlift.errors import InvalidInput
from runlift.io.set_notation import SetEntry, parse_sets


@pytest.mark.parametrize(
    ("text", "sets"),
    [
        ("3x5@100kg", [SetEntry(reps=5, load_kg=100.0)] * 3),
        ("3x5@100kg@8", [SetEntry(reps=5, load_kg=100.0, rpe=8.0)] * 3),
        ("5@100 kg @ rpe 8.5", [SetEntry(reps=5, load_kg=100.0, rpe=8.5)]),
        (
            "8,6@60kg@rir2",
            [SetEntry(reps=8, load_kg=60.0, rir=2.0), SetEntry(reps=6, load_kg=60.0, rir=2.0)],
        ),
        ("3x10@bw@9", [SetEntry(reps=10, load_kg=None, rpe=9.0)] * 3),
        ("3x10@rpe7", [SetEntry(reps=10, load_kg=None, rpe=7.0)] * 3),
        ("2×12", [SetEntry(reps=12, load_kg=None)] * 2),
    ],
)
def test_sets_with_and_without_their_effort(text: str, sets: list[SetEntry]) -> None:
    assert list(parse_sets(text)) == sets


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("5@8", "a load with its unit first"),  # 8 kg or RPE 8? The unit decides.
        ("3x5@100kg@11", "an RPE above 0 and at most 10"),
        ("3x5@100kg@rpe0", "an RPE above 0"),
        ("3x5@100kg@rir12", "reps in reserve of at most 10"),
        ("3x5@100kg@8@9", "SETSxREPS@LOAD"),
    ],
)
def test_effort_that_cannot_be_read_is_refused(text: str, says: str) -> None:
    with pytest.raises(InvalidInput, match=says):
        parse_sets(text)
