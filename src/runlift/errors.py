"""The one exception tree of runlift.

::

    RunliftError
    ├── InvalidInput          a value the user gave is out of range or malformed
    ├── ImportFormatError     a file could not be read as the format it claims to be
    ├── StoreError            the store cannot be opened or does not hold what was asked
    └── PlanningError         a plan could not be made from valid input
        └── Infeasible        the hard rules cannot all hold for the given week

Entry points (CLI, web) map these to exit codes or HTTP statuses in one place.
"""

from __future__ import annotations


class RunliftError(Exception):
    """Base of every error runlift raises on purpose."""


class InvalidInput(RunliftError, ValueError):  # noqa: N818 - the name reads as the user's mistake
    """A value is outside its valid range or malformed.

    Attributes:
        field: the name of the argument or profile field at fault.
        value: the offending value, as given.
        expected: what would be valid, phrased as a fix.
    """

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field} {value!r}: {expected}")


class ImportFormatError(RunliftError):
    """A file could not be read as the format it claims to be."""

    def __init__(self, fmt: str, detail: str) -> None:
        self.format = fmt
        self.detail = detail
        super().__init__(f"cannot read {fmt}: {detail}")


class StoreError(RunliftError):
    """The store cannot be opened, or does not hold what was asked for (an unknown athlete)."""


class PlanningError(RunliftError):
    """A plan could not be made from otherwise valid input."""


class Infeasible(PlanningError):  # noqa: N818 - mirrors the solver's status name
    """The hard rules cannot all hold for the given input."""
