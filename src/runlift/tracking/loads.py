"""Session-RPE load of logged activities, and the load figures of a daily series.

An activity's load is its minutes x its session RPE (Foster et al. 2001): the
athlete's rating, else the planned RPE of the session it fulfils, else its sport's
default (:data:`EXTRA_SESSION_RPE`); a lift without a duration counts its session's
planned minutes, or :data:`MINUTES_PER_SET` a working set. :func:`load_figures`
reads a daily series' last day with ``science.load``. Part of
``runlift.tracking.monitoring``'s interface, which re-exports every name here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.activities import Activity
from runlift.domain.plan import PlannedSession
from runlift.domain.sessions import SessionId
from runlift.science.ability import RunEffort
from runlift.science.load import (
    ACUTE_WINDOW_DAYS,
    CHRONIC_WINDOW_DAYS,
    MINUTES_PER_DAY,
    daily_load_metrics,
    session_rpe_load_au,
    weekly_load_metrics,
)
from runlift.vocabulary import SetKind, Sport

EXTRA_SESSION_RPE: Final[Mapping[Sport, float]] = MappingProxyType(
    {
        Sport.RUN: 3.0,
        Sport.STRENGTH: 5.0,
        Sport.CYCLING: 4.0,
        Sport.WALKING: 2.0,
        Sport.HIKING: 3.0,
        Sport.SWIMMING: 4.0,
        Sport.ROWING: 4.0,
        Sport.OTHER: 4.0,
    }
)
"""Session RPE (CR-10) of an activity that fulfils no planned session and was logged without one.

runlift's defaults on the anchors of Foster's CR-10 scale (2 easy, 3 moderate, 4 somewhat
hard, 5 hard; Foster et al. 2001): a walk is easy (2); an unplanned run is most often an
easy run, rated like the plan's easy runs (3, ``science.load.PLANNED_SESSION_RPE``); a
hike is moderate (3); a ride, a swim, a row or another sport is taken as a steady session,
somewhat hard (4); a lift as hard (5), like the plan's runner-strength sessions. The
athlete's own rating always replaces them.
"""

MINUTES_PER_SET: Final = 3.0
"""Minutes a working set takes, rest included, for a lift logged without its duration.

About half a minute of work and the two to three minutes of rest advised between sets of
the main lifts (American College of Sports Medicine. Progression models in resistance
training for healthy adults. Med Sci Sports Exerc. 2009;41(3):687-708).
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class LogActivity:
    """An activity of the log, with what the store keeps beside it.

    Attributes:
        key: its key in the log (the store's id).
        activity: the activity.
        rpe: the session RPE the athlete gave it (CR-10), if any.
        session_id: the planned session the athlete pinned it to (``runlift log done``).
        effort: race, time trial or training, when the athlete said so; None lets its
            name and its match decide (see :func:`run_effort`).
    """

    key: int
    activity: Activity
    rpe: float | None = None
    session_id: SessionId | None = None
    effort: RunEffort | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActivityLoad:
    """The session-RPE load of one activity, and where its figures came from.

    Attributes:
        key: the activity's key.
        day: its local date.
        sport: its sport.
        session_id: the planned session it fulfils, if any.
        minutes: the minutes counted.
        rpe: the session RPE counted.
        rpe_source: ``athlete`` (logged), ``planned`` (the session's planned RPE) or
            ``default`` (:data:`EXTRA_SESSION_RPE`).
        minutes_source: ``logged``, ``planned`` (a lift without a duration, its
            session's) or ``sets`` (an extra lift without one, :data:`MINUTES_PER_SET`);
            ``none`` when nothing says how long it was (its load is 0).
        load_au: ``minutes x rpe``.
    """

    key: int
    day: date
    sport: Sport
    session_id: SessionId | None
    minutes: float
    rpe: float
    rpe_source: str
    minutes_source: str
    load_au: float


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadFigures:
    """Load numbers of one daily series on one day, all in AU per day unless said.

    Attributes:
        day_au: the day's own load, AU.
        week_au: the total of the last 7 days, the day included, AU.
        acute_au: 7-day EWMA.
        chronic_au: 28-day EWMA.
        acwr: acute / chronic; None before 28 days of series or when chronic is 0.
        ctl_au: fitness, impulse-response with tau 42 d.
        atl_au: fatigue, impulse-response with tau 7 d.
        tsb_au: form, yesterday's CTL - ATL.
        monotony: mean / SD of the last 7 days (Foster 1998); None before 7 days or
            when every one of them carried the same load.
        strain_au: ``week_au x monotony``; None with monotony.
    """

    day_au: float
    week_au: float
    acute_au: float
    chronic_au: float
    acwr: float | None
    ctl_au: float
    atl_au: float
    tsb_au: float
    monotony: float | None
    strain_au: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class LoadSummary:
    """Today's load from the actual series, with the planned series' figures alongside.

    The shortcuts (``acute_au``, ``acwr``, ``ctl_au`` ...) read the actual series.

    Attributes:
        on_date: the day.
        history_days: days in the series up to and including ``on_date``.
        actual: figures of the logged loads.
        planned: figures of the planned loads (the logged ones before the plan).
    """

    on_date: date
    history_days: int
    actual: LoadFigures
    planned: LoadFigures

    @property
    def acute_au(self) -> float:
        """Actual 7-day EWMA load."""
        return self.actual.acute_au

    @property
    def chronic_au(self) -> float:
        """Actual 28-day EWMA load."""
        return self.actual.chronic_au

    @property
    def acwr(self) -> float | None:
        """Actual EWMA acute:chronic ratio, None before 28 days of history."""
        return self.actual.acwr

    @property
    def ctl_au(self) -> float:
        """Actual CTL (fitness)."""
        return self.actual.ctl_au

    @property
    def atl_au(self) -> float:
        """Actual ATL (fatigue)."""
        return self.actual.atl_au

    @property
    def tsb_au(self) -> float:
        """Actual TSB (form)."""
        return self.actual.tsb_au

    @property
    def monotony(self) -> float | None:
        """Actual monotony of the last 7 days."""
        return self.actual.monotony

    @property
    def strain_au(self) -> float | None:
        """Actual strain of the last 7 days."""
        return self.actual.strain_au


def _minutes(activity: Activity) -> float | None:
    seconds = activity.moving_s if activity.moving_s else activity.elapsed_s
    return None if not seconds else seconds / 60


def activity_load(
    entry: LogActivity, *, session: PlannedSession | None, zone: ZoneInfo
) -> ActivityLoad:
    """The session-RPE load of one activity (see the module's docstring for the fallbacks)."""
    activity = entry.activity
    minutes = _minutes(activity)
    minutes_source = "logged"
    if minutes is None:
        if session is not None:
            minutes, minutes_source = session.prescription.duration_min, "planned"
        elif activity.sport is Sport.STRENGTH and activity.sets:
            working = sum(1 for s in activity.sets if s.kind is not SetKind.WARM_UP)
            minutes, minutes_source = working * MINUTES_PER_SET, "sets"
        else:
            minutes, minutes_source = 0.0, "none"
    minutes = min(minutes, MINUTES_PER_DAY)
    if entry.rpe is not None:
        rpe, rpe_source = entry.rpe, "athlete"
    elif session is not None:
        rpe, rpe_source = session.prescription.rpe, "planned"
    else:
        rpe, rpe_source = EXTRA_SESSION_RPE[activity.sport], "default"
    load_au = session_rpe_load_au(duration_min=minutes, rpe=rpe) if minutes > 0 else 0.0
    return ActivityLoad(
        key=entry.key,
        day=activity.start.astimezone(zone).date(),
        sport=activity.sport,
        session_id=None if session is None else session.scheduled.id,
        minutes=minutes,
        rpe=rpe,
        rpe_source=rpe_source,
        minutes_source=minutes_source,
        load_au=load_au,
    )


def load_figures(loads: Sequence[float]) -> LoadFigures:
    """The load figures of the last day of a daily series (at least one day long)."""
    metrics = daily_load_metrics(loads_au=loads)
    last = metrics[-1]
    week = list(loads[-ACUTE_WINDOW_DAYS:])
    weekly = weekly_load_metrics(loads_au=week) if len(week) == ACUTE_WINDOW_DAYS else ()
    return LoadFigures(
        day_au=last.load_au,
        week_au=math.fsum(week),
        acute_au=last.acute_ewma_au,
        chronic_au=last.chronic_ewma_au,
        acwr=last.acwr_ewma if len(loads) >= CHRONIC_WINDOW_DAYS else None,
        ctl_au=last.ctl_au,
        atl_au=last.atl_au,
        tsb_au=last.tsb_au,
        monotony=weekly[0].monotony if weekly else None,
        strain_au=weekly[0].strain_au if weekly else None,
    )
