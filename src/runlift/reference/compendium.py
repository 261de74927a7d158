"""MET values of the activities runlift plans, from the 2011 Compendium of Physical Activities.

The table lives in ``data/compendium_met.csv`` (columns ``code, met,
major_heading, description``) and holds the Compendium rows runlift needs:
resistance and circuit training, running at several speeds, walking, cycling,
rowing, stretching and yoga, quiet sitting and standing. Codes are the
Compendium's own five-digit strings, so ``"02050"`` keeps its leading zero.
Turn a MET into energy with ``runlift.science.energy.met_energy_kcal``.

Source:
    Ainsworth BE, Haskell WL, Herrmann SD, et al. 2011 Compendium of Physical
    Activities: a second update of codes and MET values. Med Sci Sports
    Exerc. 2011;43(8):1575-1581.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final

from runlift.errors import ImportFormatError, InvalidInput

DATA_FILE: Final = "compendium_met.csv"
COLUMNS: Final = ("code", "met", "major_heading", "description")


@dataclass(frozen=True, slots=True, kw_only=True)
class MetActivity:
    """One Compendium activity.

    Attributes:
        code: the Compendium's five-digit activity code, e.g. ``"02050"``.
        met: energy cost as a multiple of resting metabolism (1 MET ~ 1 kcal/kg/h).
        major_heading: the Compendium's major heading, e.g. ``"running"``.
        description: what the activity is.
    """

    code: str
    met: float
    major_heading: str
    description: str


def _parse(text: str) -> dict[str, MetActivity]:
    """Read the table's text; raise ``ImportFormatError`` rather than return part of it."""
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ImportFormatError(DATA_FILE, f"columns must be {', '.join(COLUMNS)}")
    activities: dict[str, MetActivity] = {}
    for row in reader:
        line = reader.line_num
        code = row["code"]
        if code in activities:
            raise ImportFormatError(DATA_FILE, f"line {line}: code {code} appears twice")
        try:
            met = float(row["met"])
        except (TypeError, ValueError):
            raise ImportFormatError(
                DATA_FILE, f"line {line}: met {row['met']!r} is not a number"
            ) from None
        activities[code] = MetActivity(
            code=code,
            met=met,
            major_heading=row["major_heading"],
            description=row["description"],
        )
    return activities


@cache
def compendium() -> Mapping[str, MetActivity]:
    """Every bundled Compendium activity, by code (read once, read-only)."""
    text = (
        resources.files("runlift.reference").joinpath("data").joinpath(DATA_FILE).read_text("utf-8")
    )
    return MappingProxyType(_parse(text))


def met_for(code: str) -> MetActivity:
    """The Compendium activity with this code, e.g. ``met_for("02050").met == 6.0``.

    Raises:
        InvalidInput: the code is not in the bundled table.
    """
    try:
        return compendium()[code]
    except KeyError:
        raise InvalidInput(
            "code", code, "must be a 2011 Compendium code listed in compendium_met.csv, e.g. 02050"
        ) from None
