"""The lifter's shorthand for sets: ``3x5@100kg``, ``5@225lb``, ``3x10@bw``, ``8,8,6@60kg``.

``SETSxREPS@LOAD`` is that many sets of that many reps; ``REPS@LOAD`` is one set;
``R1,R2,R3@LOAD`` is one set per number. The load is ``kg``, ``lb`` (converted to
kg) or ``bw`` for bodyweight; without ``@LOAD`` the sets are bodyweight. Spaces
are ignored and ``×`` reads as ``x``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from runlift.errors import InvalidInput
from runlift.units import KG_PER_LB

MAX_SETS: Final = 20
MAX_REPS: Final = 100

_PATTERN: Final = re.compile(
    r"^(?:(?P<sets>\d+)x(?P<reps>\d+)|(?P<list>\d+(?:,\d+)*))"
    r"(?:@(?:(?P<load>\d+(?:\.\d+)?)(?P<unit>kg|lb|lbs)|(?P<bw>bw)))?$"
)
_EXAMPLE: Final = 'SETSxREPS@LOAD such as "3x5@100kg", "5@225lb", "8,8,6@60kg" or "3x10@bw"'


@dataclass(frozen=True, slots=True, kw_only=True)
class SetEntry:
    """One set as written: reps and the load in kg (None for bodyweight)."""

    reps: int
    load_kg: float | None


def parse_sets(text: str, *, field: str = "--sets") -> tuple[SetEntry, ...]:
    """The sets that ``text`` writes, in order.

    Examples:
        >>> parse_sets("3x5@100kg")[0]
        SetEntry(reps=5, load_kg=100.0)
        >>> [s.reps for s in parse_sets("8,8,6@60kg")]
        [8, 8, 6]
        >>> parse_sets("5@225lb")[0].load_kg
        102.06
        >>> parse_sets("3x10@bw")[0].load_kg is None
        True

    Raises:
        InvalidInput: ``text`` is not set shorthand, or has no reps, too many sets or reps.
    """
    compact = text.strip().lower().replace(" ", "").replace("×", "x")
    match = _PATTERN.match(compact)
    if match is None:
        raise InvalidInput(field, text, _EXAMPLE)
    if match["sets"] is not None:
        reps_list = [int(match["reps"])] * int(match["sets"])
    else:
        reps_list = [int(r) for r in match["list"].split(",")]
    if not 1 <= len(reps_list) <= MAX_SETS:
        raise InvalidInput(field, text, f"1 to {MAX_SETS} sets")
    if any(not 1 <= reps <= MAX_REPS for reps in reps_list):
        raise InvalidInput(field, text, f"1 to {MAX_REPS} reps a set")
    load: float | None = None
    if match["load"] is not None:
        load = float(match["load"])
        if match["unit"] != "kg":
            load = round(load * KG_PER_LB, 2)
        if load <= 0:
            raise InvalidInput(field, text, 'a load above 0, or "@bw" for bodyweight')
    return tuple(SetEntry(reps=reps, load_kg=load) for reps in reps_list)
