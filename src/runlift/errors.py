"""The one exception tree of runlift.

::

    RunliftError
    ├── InvalidInput          a value the user gave is out of range or malformed
    ├── ImportFormatError     a file could not be read as the format it claims to be
    ├── StoreError            the store cannot be opened or does not hold what was asked
    │   └── NotFound          nothing by that name that the asker may see
    ├── NotAuthenticated      no credentials, or wrong ones
    │   └── TooManyAttempts   too many failed logins lately: wait before the next
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
        problems: every problem found as (field, what would be valid), the first one
            first; a form shows each next to its field. Just the first when not given.
    """

    def __init__(
        self,
        field: str,
        value: object,
        expected: str,
        *,
        problems: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        self.problems = problems or ((field, expected),)
        super().__init__(f"{field} {value!r}: {expected}")


class ImportFormatError(RunliftError):
    """A file could not be read as the format it claims to be."""

    def __init__(self, fmt: str, detail: str) -> None:
        self.format = fmt
        self.detail = detail
        super().__init__(f"cannot read {fmt}: {detail}")


class StoreError(RunliftError):
    """The store cannot be opened, or does not hold what was asked for (an unknown athlete)."""


class NotFound(StoreError):  # noqa: N818 - the name is the HTTP status it maps to
    """Nothing by that name that the asker may see: unknown, or someone else's.

    Both read the same so that an athlete's id tells no one else that it exists.
    """


class NotAuthenticated(RunliftError):  # noqa: N818 - reads as the state, like HTTP's 401
    """No credentials were given, or they are wrong, expired or revoked."""


class TooManyAttempts(NotAuthenticated):
    """Too many failed logins lately for this account or from this address.

    Attributes:
        retry_after_s: whole seconds until the next attempt may be made.
    """

    def __init__(self, retry_after_s: int) -> None:
        self.retry_after_s = retry_after_s
        super().__init__(f"too many failed logins: try again in {retry_after_s} s")


class PlanningError(RunliftError):
    """A plan could not be made from otherwise valid input."""


class Infeasible(PlanningError):  # noqa: N818 - mirrors the solver's status name
    """The hard rules cannot all hold for the given input."""
