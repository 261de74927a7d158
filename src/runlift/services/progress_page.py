"""The athlete's progress page: ``runlift status``'s numbers and the report's progress charts.

One read of the log (``services.status.status``) gives both: the status document
(``services.status_json``, the keys ``runlift status --json`` prints) and the
report's progress section (``runlift.report.progress.build_progress``: today's
numbers, a row per started week, the charts of load, sessions, e1RM, VDOT and
body mass), drawn by the report's own chart code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from runlift.report.model import Progress
from runlift.report.progress import build_progress
from runlift.science.readiness import ACWR_FLAG_THRESHOLD
from runlift.services.status import Status, status
from runlift.services.status_json import status_document
from runlift.store.repository import Store


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgressPage:
    """What the progress page shows.

    Attributes:
        status: where the athlete stands today (``runlift status``).
        document: the same as the JSON document ``runlift status --json`` prints.
        progress: the report's progress section for that day.
        acwr_threshold: the acute:chronic ratio above which the load is flagged.
    """

    status: Status
    document: dict[str, Any]
    progress: Progress
    acwr_threshold: float = ACWR_FLAG_THRESHOLD

    @property
    def acwr_high(self) -> bool:
        """Whether the logged load's acute:chronic ratio is above the threshold."""
        ratio = self.status.monitoring.load.acwr
        return ratio is not None and ratio > self.acwr_threshold


def progress_page(
    store: Store, athlete_id: str, *, today: date | None, now: datetime
) -> ProgressPage:
    """The athlete's status and progress on ``today`` (default: today in their zone)."""
    view = status(store, athlete_id, today=today, now=now)
    return ProgressPage(
        status=view,
        document=status_document(view),
        progress=build_progress(
            view.version.plan, view.monitoring, unit=view.version.profile.units
        ),
    )
