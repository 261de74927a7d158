"""The one exception tree of runlift.

::

    RunliftError
    ├── InvalidInput          a value the user gave is out of range or malformed
    ├── ImportFormatError     a file could not be read as the format it claims to be
    ├── TooLarge              an upload has more or larger files than accepted
    ├── StoreError            the store cannot be opened or does not hold what was asked
    │   └── NotFound          nothing by that name that the asker may see
    ├── NotAuthenticated      no credentials, or wrong ones
    │   └── TooManyAttempts   too many failed logins lately: wait before the next
    └── PlanningError         a plan could not be made from valid input
        ├── Infeasible        the hard rules cannot all hold for the given week
        └── UnplaceableWeek   a week of a whole plan cannot be placed: what collides, what fixes it

Entry points (CLI, web) map these to exit codes or HTTP statuses in one place. Every
error reads as one or more lines (:meth:`RunliftError.lines`), each naming the file
(``source``, when the error came from one) and the field at fault.
"""

from __future__ import annotations

from collections.abc import Sequence

_LONGEST_VALUE_SHOWN = 200
"""A value whose repr is longer than this (a whole mapping, say) is not repeated in the message."""


class RunliftError(Exception):
    """Base of every error runlift raises on purpose.

    Attributes:
        source: the file the faulty input came from, when there is one.
    """

    source: str | None = None

    def lines(self) -> tuple[str, ...]:
        """The error as lines for a person, each starting with the file when it is known."""
        prefix = f"{self.source}: " if self.source else ""
        return tuple(f"{prefix}{line}" for line in str(self).splitlines() or [""])


def shown_value(value: object) -> str | None:
    """How a faulty value is quoted in a message, or None when it is better left out.

    Nothing is shown for a missing value (``None``), for mappings and lists (the message
    names the field inside them instead) or for anything longer than a short line.

    Examples:
        >>> shown_value("1:55"), shown_value(640), shown_value(None), shown_value({"a": 1})
        ("'1:55'", '640', None, None)
    """
    if value is None or isinstance(value, dict | list | tuple | set | frozenset):
        return None
    text = repr(value)
    return text if len(text) <= _LONGEST_VALUE_SHOWN else None


class InvalidInput(RunliftError, ValueError):  # noqa: N818 - the name reads as the user's mistake
    """A value is outside its valid range or malformed.

    The message reads ``field value: expected`` (``field: expected`` when the value is
    missing or too long to repeat), one line per problem.

    Attributes:
        field: the name of the argument or profile field at fault, as the user wrote it.
        value: the offending value, as given (None when missing).
        expected: what would be valid, phrased as a fix.
        also: further problems found in the same input, reported after this one.
        problems: every problem as (field, what would be valid), this one first: a form
            shows each next to its field.
    """

    def __init__(
        self,
        field: str,
        value: object,
        expected: str,
        *,
        source: str | None = None,
        also: Sequence[InvalidInput] = (),
    ) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        self.source = source
        self.also = tuple(also)
        self.problems: tuple[tuple[str, str], ...] = (
            (field, expected),
            *((p.field, p.expected) for p in self.also),
        )
        shown = shown_value(value)
        head = field if shown is None else f"{field} {shown}"
        super().__init__("\n".join([f"{head}: {expected}", *(str(p) for p in self.also)]))

    def located(self, source: str) -> InvalidInput:
        """The same problems, said to come from the file ``source``."""
        return InvalidInput(self.field, self.value, self.expected, source=source, also=self.also)


class ImportFormatError(RunliftError):
    """A file could not be read as the format it claims to be."""

    def __init__(self, fmt: str, detail: str, *, source: str | None = None) -> None:
        self.format = fmt
        self.detail = detail
        self.source = source
        super().__init__(f"cannot read {fmt}: {detail}")


class TooLarge(RunliftError):  # noqa: N818 - reads as the state, like HTTP's 413
    """An upload holds more files, or larger ones, than the app accepts; nothing was read."""


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


class UnplaceableWeek(Infeasible):
    """A week of a plan cannot be placed even after its least important sessions gave way.

    Attributes:
        week: the week's number in the plan (1 = first).
        rule_ids: the hard rules that collide (``availability`` for the windows).
        conflicts: each collision in words.
        changes: changes to the profile, each checked by solving the week, smallest first.
    """

    def __init__(
        self,
        *,
        week: int,
        starts: str,
        rule_ids: Sequence[str],
        conflicts: Sequence[str],
        changes: Sequence[str],
    ) -> None:
        self.week = week
        self.rule_ids = tuple(rule_ids)
        self.conflicts = tuple(conflicts)
        self.changes = tuple(changes)
        rules = ", ".join(self.rule_ids) or "the hard rules"
        lines = [f"week {week} (from {starts}) cannot be placed: {rules} collide"]
        lines.extend(f"  {text}" for text in self.conflicts)
        if self.changes:
            lines.append("  any one of these changes would make the week work:")
            lines.extend(f"  - {text}" for text in self.changes)
        else:
            lines.append("  no single change of windows, evidence profile or sessions fixes it")
        super().__init__("\n".join(lines))
