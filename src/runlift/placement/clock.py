"""The week's time axis: local wall-clock times and elapsed minutes from Monday 00:00.

Windows, commitments and preferred starts are wall-clock times; gaps between
sessions are real elapsed time (the rule checkers compare instants in UTC, so a
daylight-saving change inside a gap counts as it happens). The placement model
therefore works in *elapsed minutes since Monday 00:00 local time*, and this
module converts between the two. In a week without a clock change both are
the same number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from runlift.domain.week import MINUTES_PER_DAY
from runlift.errors import InvalidInput

DAYS_PER_WEEK = 7
MINUTES_PER_WEEK = DAYS_PER_WEEK * MINUTES_PER_DAY
SECONDS_PER_MINUTE = 60


def zone_named(name: str) -> ZoneInfo:
    """The IANA timezone ``name``; an unknown name raises ``InvalidInput``."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("timezone", name, "an IANA timezone name such as Europe/Paris") from None


@dataclass(frozen=True, slots=True)
class WeekClock:
    """Converts between local wall-clock minutes and elapsed minutes of one week.

    Attributes:
        week_start: the Monday of the week.
        zone: the athlete's timezone.
    """

    week_start: date
    zone: ZoneInfo
    _midnight: datetime = field(init=False, repr=False, compare=False)
    _steady: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Both are asked for thousands of times while a week is prepared and explained.
        midnight = datetime.combine(self.week_start, time(0), tzinfo=self.zone).astimezone(UTC)
        offsets = {
            datetime.combine(
                self.week_start + timedelta(days=day), time(hour), tzinfo=self.zone
            ).utcoffset()
            for day in range(DAYS_PER_WEEK + 1)
            for hour in (0, 12)
        }
        object.__setattr__(self, "_midnight", midnight)
        object.__setattr__(self, "_steady", len(offsets) == 1)

    def _midnight_utc(self) -> datetime:
        return self._midnight

    @property
    def steady(self) -> bool:
        """True when the UTC offset is the same all week (no clock change)."""
        return self._steady

    def local(self, *, day: int, minute_of_day: int) -> datetime | None:
        """The aware local datetime at ``minute_of_day`` on day ``day`` (0 = Monday).

        Returns ``None`` for a wall-clock time that does not exist (skipped by a
        clock change).
        """
        hours, minutes = divmod(minute_of_day, 60)
        moment = datetime.combine(
            self.week_start + timedelta(days=day), time(hours, minutes), tzinfo=self.zone
        )
        back = moment.astimezone(UTC).astimezone(self.zone)
        if back.replace(tzinfo=None) != moment.replace(tzinfo=None):
            return None
        return moment

    def midnight_min(self, day: int) -> int:
        """Elapsed minutes at the local midnight that starts day ``day`` (0 = Monday)."""
        moment = datetime.combine(self.week_start + timedelta(days=day), time(0), tzinfo=self.zone)
        return self.elapsed_min(moment)

    def elapsed_min(self, moment: datetime) -> int:
        """Whole elapsed minutes from Monday 00:00 local to ``moment`` (rounded down)."""
        seconds = (moment.astimezone(UTC) - self._midnight_utc()).total_seconds()
        return int(seconds // SECONDS_PER_MINUTE)

    def at(self, elapsed_min: int) -> datetime:
        """The aware local datetime ``elapsed_min`` real minutes after Monday 00:00 local."""
        moment = self._midnight_utc() + timedelta(minutes=elapsed_min)
        return moment.astimezone(self.zone)

    def day_of(self, elapsed_min: int) -> int:
        """Day index (0 = Monday) of the local date at ``elapsed_min``; may fall outside 0..6."""
        return (self.at(elapsed_min).date() - self.week_start).days
