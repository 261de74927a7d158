"""Substitution in the bundled exercise library, for any kit of equipment."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runlift.domain.exercises import Equipment
from runlift.errors import InvalidInput
from runlift.reference.exercises import exercise_library

LIBRARY = exercise_library()
kits = st.frozensets(st.sampled_from([item.value for item in Equipment]))
exercise_ids = st.sampled_from([e.id for e in LIBRARY.all()])


@given(exercise_id=exercise_ids, kit=kits)
def test_substitute_is_the_first_possible_exercise_of_the_chain(
    exercise_id: str, kit: frozenset[str]
) -> None:
    chain = LIBRARY.substitution_chain(exercise_id)
    possible = [e for e in chain if e.is_possible_with(equipment=kit)]
    if not possible:
        with pytest.raises(InvalidInput):
            LIBRARY.substitute(exercise_id, kit)
        return
    chosen = LIBRARY.substitute(exercise_id, kit)
    assert chosen is possible[0]
    assert chosen.needs <= kit


@given(exercise_id=exercise_ids, kit=kits)
def test_any_kit_with_bands_finds_a_substitute(exercise_id: str, kit: frozenset[str]) -> None:
    with_bands = kit | {"bands"}
    assert LIBRARY.substitute(exercise_id, with_bands).needs <= with_bands


@given(kit=kits)
def test_available_is_exactly_what_the_kit_allows(kit: frozenset[str]) -> None:
    available = {e.id for e in LIBRARY.available(kit)}
    assert available == {e.id for e in LIBRARY.all() if e.needs <= kit}
