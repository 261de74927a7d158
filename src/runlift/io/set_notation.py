"""The lifter's shorthand for sets: ``3x5@100kg``, ``5@225lb``, ``3x10@bw``, ``8,8,6@60kg``.

``SETSxREPS@LOAD`` is that many sets of that many reps; ``REPS@LOAD`` is one set;
``R1,R2,R3@LOAD`` is one set per number. The load is ``kg``, ``lb`` (converted to
kg) or ``bw`` for bodyweight; without ``@LOAD`` the sets are bodyweight. How hard
the sets were may follow: ``@8`` or ``@rpe8`` (RPE 8, after a load), ``@rir2`` (two
reps in reserve): ``3x5@100kg@8``, ``3x10@bw@rir2``, ``3x10@rpe7``. Spaces are
ignored and ``×`` reads as ``x``.
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
    r"(?:@(?:(?P<load>\d+(?:\.\d+)?)(?P<unit>kg|lb|lbs)|(?P<bw>bw)))?"
    r"(?:@(?:rpe(?P<rpe>\d+(?:\.\d+)?)|rir(?P<rir>\d+(?:\.\d+)?)|(?P<bare>\d+(?:\.\d+)?)))?$"
)
MAX_RPE: Final = 10.0
MAX_RIR: Final = 10.0
_EXAMPLE: Final = (
    'SETSxREPS@LOAD such as "3x5@100kg", "5@225lb", "8,8,6@60kg" or "3x10@bw", '
    'with the RPE after it if you like: "3x5@100kg@8"'
)


@dataclass(frozen=True, slots=True, kw_only=True)
class SetEntry:
    """One set as written: reps, the load in kg (None for bodyweight), and its RPE or RIR."""

    reps: int
    load_kg: float | None
    rpe: float | None = None
    rir: float | None = None


def parse_sets(text: str, *, field: str = "--sets") -> tuple[SetEntry, ...]:
    """The sets that ``text`` writes, in order.

    Examples:
        >>> parse_sets("3x5@100kg")[0]
        SetEntry(reps=5, load_kg=100.0, rpe=None, rir=None)
        >>> [s.reps for s in parse_sets("8,8,6@60kg")]
        [8, 8, 6]
        >>> parse_sets("5@225lb")[0].load_kg
        102.06
        >>> parse_sets("3x10@bw")[0].load_kg is None
        True
        >>> parse_sets("3x5@100kg@8")[0]
        SetEntry(reps=5, load_kg=100.0, rpe=8.0, rir=None)
        >>> parse_sets("3x10@rir2")[0].rir
        2.0

    Raises:
        InvalidInput: ``text`` is not set shorthand, or has no reps, too many sets or reps,
            or an RPE above 10 (or a bare number after the reps, which could be a load).
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
    rpe, rir = _effort(match, text, field=field)
    return tuple(SetEntry(reps=reps, load_kg=load, rpe=rpe, rir=rir) for reps in reps_list)


def _effort(match: re.Match[str], text: str, *, field: str) -> tuple[float | None, float | None]:
    """The RPE or RIR the text gives the sets, checked."""
    if match["bare"] is not None and match["load"] is None and match["bw"] is None:
        raise InvalidInput(field, text, 'a load with its unit first ("@100kg@8"), or "@rpe8"')
    rpe_text = match["rpe"] or match["bare"]
    rpe = None if rpe_text is None else float(rpe_text)
    rir = None if match["rir"] is None else float(match["rir"])
    if rpe is not None and not 0 < rpe <= MAX_RPE:
        raise InvalidInput(field, text, f"an RPE above 0 and at most {MAX_RPE:g}")
    if rir is not None and rir > MAX_RIR:
        raise InvalidInput(field, text, f"reps in reserve of at most {MAX_RIR:g}")
    return rpe, rir
