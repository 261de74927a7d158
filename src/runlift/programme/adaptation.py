"""Adaptation: the plan learns from what was done, with as little change as the rules allow.

:func:`adapt_plan` takes a plan version, the profile its prescriptions were written for,
what the log says on ``today`` (``runlift.tracking.monitoring.Monitoring``) and the
athlete's events, and returns the plan from ``today`` on as it should now be, with every
change and its rules (:class:`~runlift.programme.adaptation_facts.Adaptation`).

**The past is kept.** Sessions before ``today`` and sessions already done stay exactly as
they are; the others (the future) are written again from the programme's own writers
(``runlift.programme.assembly.written_week``) with the numbers of today, then made
easier where a rule says so, and keep their starts unless a rule or an event moves them.
Re-reading the same log gives the same plan, so a second ``adapt`` changes nothing.

The decisions, in the order they are taken (``docs/adaptation.md`` has every threshold
and source):

1. **RL-11** a changed goal, race date or week re-periodises the weeks after the
   current one (``build_plan`` anchored on the old plan: the same ids keep their starts
   where the rules allow).
2. **RL-5, RL-6** new maxima and VDOT from the log, and the RPE autoregulation of the
   main lifts, move the profile's numbers; every future prescription follows them.
3. **RL-8** no session on a day of illness or injury (the race stays); a travel day's
   lift is written for the equipment at hand, and a session outside the travel windows
   moves to one or is left out.
4. **RL-9** after an illness or an injury longer than five days, a return ramp.
5. **RL-10** a fatigue flag eases the next days' loaded sessions (the deload comes
   forward); sessions eased once stay eased.
6. **RL-7** a missed key session of this week is made up on a later day that holds it
   under every hard rule with no hard day beside it, else the week's least important
   session gives way; nothing crosses into another week.
7. **RL-10** any day whose planned acute:chronic ratio would pass the threshold eases
   the heaviest session of the week before it, until none does.

Then the rule checkers judge the plan as the athlete lives it
(:func:`~runlift.programme.adaptation_calendar.plan_violations`); a session the
adaptation changed that breaks a hard rule is moved to a slot that holds it, put back as
it was, or left out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.athlete import AthleteProfile
from runlift.domain.log import TrainingEvent
from runlift.domain.plan import Plan, PlanDay, PlannedSession
from runlift.domain.prescription import RunPrescription
from runlift.domain.sessions import ScheduledSession, SessionId
from runlift.domain.week import WeekContext
from runlift.errors import InvalidInput, PlanningError
from runlift.placement.week import DEFAULT_TIME_LIMIT_S
from runlift.programme.adaptation_calendar import (
    absent_on,
    monday,
    plan_violations,
    window_holding,
    windows_on,
)
from runlift.programme.adaptation_days import (
    Days,
    fatigue_days,
    future_session,
    guard,
    make_ups,
    ramp_days,
    remainder_ratios,
    settle,
)
from runlift.programme.adaptation_facts import (
    RL_GOAL,
    Adaptation,
    Change,
    ChangeKind,
    Context,
    Draft,
    Reasons,
    done_view,
    kept,
    plan_sessions,
)
from runlift.programme.adaptation_load import NumbersChange, new_numbers, writer
from runlift.programme.assembly import build_plan, week_context
from runlift.programme.lifting_sessions import ExerciseLibrary
from runlift.programme.periodisation import outline_plan
from runlift.rules import Violation, check_sessions
from runlift.rules.checkers.rl_4 import is_race
from runlift.tracking.monitoring import Monitoring
from runlift.vocabulary import SessionStatus

__all__ = [
    "Adaptation",
    "Change",
    "ChangeKind",
    "Move",
    "adapt_plan",
    "move_session",
    "plan_violations",
    "remainder_ratios",
]

DAYS_PER_WEEK = 7
MAX_REPAIRS = 20
"""Rounds of repair after the checkers' judgement (each removes at least one change)."""


# --- RL-11: a changed goal ---------------------------------------------------------------


def _goal_part(profile: AthleteProfile) -> AthleteProfile:
    """The profile without what the log may change (maxima, recent race) or the name."""
    return dataclasses.replace(
        profile,
        lifting=dataclasses.replace(profile.lifting, maxes={}),
        running=dataclasses.replace(profile.running, recent_race=None),
    )


def _restated(stated: AthleteProfile, profile: AthleteProfile) -> AthleteProfile:
    """The stated profile on the plan's first week, with the numbers the version knows.

    A lift the version has a maximum for keeps it (it may be the log's, RL-5 and RL-6);
    a lift only the stated profile names is taken from it. The recent race is the
    version's unless the stated one is newer.
    """
    maxes = {**stated.lifting.maxes, **profile.lifting.maxes}
    race = profile.running.recent_race
    new_race = stated.running.recent_race
    if new_race is not None and (
        race is None
        or (new_race.date is not None and race.date is not None and new_race.date > race.date)
    ):
        race = new_race
    return dataclasses.replace(
        stated,
        start_date=profile.start_date,
        lifting=dataclasses.replace(stated.lifting, maxes=maxes),
        running=dataclasses.replace(stated.running, recent_race=race),
    )


def _reperiodised(
    plan: Plan,
    profile: AthleteProfile,
    stated: AthleteProfile,
    *,
    today: date,
    library: ExerciseLibrary,
    time_limit_s: float,
) -> tuple[Plan, AthleteProfile, date]:
    """RL-11: the plan with the weeks from ``first`` on written for the new profile."""
    new_profile = _restated(stated, profile)
    start = monday(today)
    untouched = [
        s
        for w in plan.weeks
        if w.start == start
        for s in w.sessions
        if s.scheduled.local_date < today
    ]
    first = start if today == start and not untouched else start + timedelta(days=DAYS_PER_WEEK)
    race = new_profile.goal.race
    if race is not None and race.date < first:
        raise InvalidInput(
            "goal.race.date",
            race.date.isoformat(),
            f"on or after {first.isoformat()}: a race this week cannot be re-planned; "
            "make a new plan with runlift plan",
        )
    rebuilt = build_plan(new_profile, library=library, anchor=plan, time_limit_s=time_limit_s)
    weeks = (
        *(w for w in plan.weeks if w.start < first),
        *(w for w in rebuilt.weeks if w.start >= first),
    )
    merged = Plan(athlete=plan.athlete, start=plan.start, end=rebuilt.end, weeks=weeks)
    return merged, new_profile, first


# --- assembling, judging, comparing -------------------------------------------------------


def _assembled(plan: Plan, weeks: Sequence[Draft]) -> Plan:
    out = []
    for item in weeks:
        week = item.week
        days = []
        for offset in range(DAYS_PER_WEEK):
            day = week.start + timedelta(days=offset)
            on_day = sorted(
                (s for s in item.sessions if s.scheduled.local_date == day),
                key=lambda s: (s.scheduled.start, s.scheduled.id),
            )
            days.append(PlanDay(date=day, sessions=tuple(on_day)))
        out.append(
            dataclasses.replace(
                week,
                days=tuple(days),
                notes=(*week.notes, *(a.text for a in item.dropped)),
                adjustments=(*week.adjustments, *item.dropped),
            )
        )
    return dataclasses.replace(plan, weeks=tuple(out))


def _repair(
    weeks: list[Draft],
    old: Mapping[SessionId, PlannedSession],
    *,
    ctx: Context,
    reasons: Reasons,
    plan: Plan,
) -> None:
    """Undo or leave out re-written sessions that the checkers find breaking a hard rule."""
    for _ in range(MAX_REPAIRS):
        violations = plan_violations(
            _assembled(plan, weeks), ctx.week, today=ctx.today, statuses=ctx.statuses
        )
        if not violations:
            return
        culprits: dict[SessionId, list[str]] = {}
        for violation in violations:
            for s in violation.sessions:
                if s.local_date >= ctx.today and (s.id not in old or old[s.id].scheduled != s):
                    culprits.setdefault(s.id, []).append(violation.rule_id)
        if not culprits:
            break
        for week in weeks:
            for session in list(week.sessions):
                sid = session.scheduled.id
                if sid not in culprits:
                    continue
                before = old.get(sid)
                if before is not None and before.scheduled.local_date >= ctx.today:
                    week.replace(session, before)
                    reasons.by_id.pop(sid, None)
                else:
                    week.drop(
                        session,
                        tuple(dict.fromkeys(culprits[sid])),
                        "the rules cannot hold it this week",
                        reasons,
                    )
    rules = ", ".join(sorted({v.rule_id for v in violations}))
    raise PlanningError(f"the adapted plan breaks {rules}; the plan is left as it was")


def _numbers_reasons(
    session: PlannedSession, changes: Sequence[NumbersChange], library: ExerciseLibrary
) -> list[tuple[tuple[str, ...], str]]:
    """The moved numbers behind a re-written session: its runs' VDOT, its lifts' maxima.

    A lift's exercise counts when it is the moved lift or takes its 1RM from it (a
    dumbbell bench press from the bench press).
    """
    prescription = session.prescription
    if isinstance(prescription, RunPrescription):
        bases = {"vdot"}
    else:
        bases = set()
        for item in prescription.exercises:
            exercise = library.get(item.exercise)
            bases.add(str(exercise.id))
            if exercise.one_rep_max_from is not None:
                bases.add(str(exercise.one_rep_max_from))
    return [(c.rule_ids, c.text) for c in changes if c.subject in bases]


def _changes(
    old: Plan,
    new: Plan,
    *,
    ctx: Context,
    reasons: Reasons,
    numbers: Sequence[NumbersChange],
    reperiodised_from: date | None,
) -> tuple[Change, ...]:
    before = {s.scheduled.id: s for s in plan_sessions(old)}
    after = {s.scheduled.id: s for s in plan_sessions(new)}
    changes: list[Change] = []
    for sid in dict.fromkeys((*before, *after)):
        was, now = before.get(sid), after.get(sid)
        if was == now:
            continue
        if was is not None and kept(was, today=ctx.today, statuses=ctx.statuses):
            continue
        if was is None:
            kind = ChangeKind.ADDED
        elif now is None:
            kind = ChangeKind.DROPPED
        elif was.scheduled.start != now.scheduled.start:
            kind = ChangeKind.MOVED
        else:
            kind = ChangeKind.CHANGED
        found = list(reasons.by_id.get(sid, []))
        if now is not None and not found:
            found = _numbers_reasons(now, numbers, ctx.library)
        day = (now or was).scheduled.local_date if (now or was) else ctx.today  # type: ignore[union-attr]
        if not found and reperiodised_from is not None and day >= reperiodised_from:
            found = [
                ((RL_GOAL, "PER-2"), "the goal changed: the weeks after this one are planned again")
            ]
        if not found:
            found = [((), "written again with today's numbers")]
        rule_ids = tuple(dict.fromkeys(r for rules, _ in found for r in rules))
        text = "; ".join(dict.fromkeys(t for _, t in found))
        changes.append(
            Change(session_id=sid, kind=kind, before=was, after=now, rules=rule_ids, reason=text)
        )
    return tuple(
        sorted(
            changes,
            key=lambda c: ((c.after or c.before).scheduled.start, c.session_id),  # type: ignore[union-attr]
        )
    )


# --- the entry point -----------------------------------------------------------------------


def adapt_plan(
    plan: Plan,
    profile: AthleteProfile,
    monitoring: Monitoring,
    *,
    events: Sequence[TrainingEvent],
    library: ExerciseLibrary,
    stated: AthleteProfile | None = None,
    now: datetime | None = None,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
) -> Adaptation:
    """The plan as it should be from ``monitoring.today`` on, with every change and its rules.

    Args:
        plan: the current plan version.
        profile: the profile its prescriptions are written for (the version's).
        monitoring: what the log says today (``runlift.tracking.monitoring.monitor`` of
            this plan); its ``today`` is the day of the adaptation.
        events: every illness, injury and travel of the athlete.
        library: the exercise library.
        stated: the athlete's profile as now stated, when it may have changed (a new goal,
            race date, windows or week): RL-11 re-periodises the weeks after this one.
        now: the moment of the adaptation: a session it adds or moves starts after it
            (a missed long run may go to this afternoon); by default the start of the
            day after ``today``.
        time_limit_s: the placement's time limit per week, when weeks are planned again.

    Returns:
        The adaptation: the new plan (the old one's sessions before ``today`` and those
        done kept as they are), the profile its prescriptions follow, the changes in
        time order and the notes. ``changed`` is False when nothing needs a new version.

    Raises:
        InvalidInput: a stated race date inside the current week.
        PlanningError: the adapted plan would break a hard rule that no repair fixes.
    """
    today = monitoring.today
    statuses = {r.session.scheduled.id: r.status for r in monitoring.records}
    if not plan.weeks or today > plan.end:
        return Adaptation(today=today, plan=plan, profile=profile, changes=())
    working, version_profile, reperiodised_from = plan, profile, None
    if stated is not None and _goal_part(stated) != _goal_part(profile):
        working, version_profile, reperiodised_from = _reperiodised(
            plan, profile, stated, today=today, library=library, time_limit_s=time_limit_s
        )
    sessions = plan_sessions(working)
    future = [s for s in sessions if not kept(s, today=today, statuses=statuses)]
    tired = monitoring.fatigue.flagged
    outlines = outline_plan(version_profile)
    new_profile, numbers = new_numbers(
        version_profile,
        monitoring,
        future=future,
        sessions={s.scheduled.id: s for s in plan_sessions(plan)},
        outlines=outlines,
        library=library,
        fatigued=tired,
    )
    zone = ZoneInfo(new_profile.timezone)
    earliest = datetime.combine(today + timedelta(days=1), time(0), tzinfo=zone)
    if now is not None:
        earliest = max(now, datetime.combine(today, time(0), tzinfo=zone))
    ctx = Context(
        today=today,
        not_before=earliest,
        statuses=statuses,
        profile=new_profile,
        events=tuple(events),
        week=week_context(new_profile),
        zone=zone,
        library=library,
    )
    future_weeks = {w.index for w in working.weeks if any(s in future for s in w.sessions)}
    written = writer(version_profile, new_profile, future_weeks, library=library)
    days = Days(ramp=ramp_days(events, new_profile), fatigue=fatigue_days(monitoring, new_profile))
    reasons = Reasons()
    notes: list[str] = []
    weeks = [Draft(week=w, sessions=list(w.sessions)) for w in working.weeks]
    for draft in weeks:
        for session in list(draft.sessions):
            if not kept(session, today=today, statuses=statuses):
                future_session(session, draft, ctx=ctx, writer=written, days=days, reasons=reasons)
    old_by_id = {s.scheduled.id: s for s in sessions}
    settle(weeks, old_by_id, ctx=ctx, reasons=reasons)
    if not tired:
        make_ups(weeks, ctx=ctx, writer=written, days=days, reasons=reasons, notes=notes)
    guard(weeks, ctx=ctx, monitoring=monitoring, writer=written, days=days, reasons=reasons)
    _repair(weeks, old_by_id, ctx=ctx, reasons=reasons, plan=working)
    adapted = _assembled(working, weeks)
    changes = _changes(
        plan,
        adapted,
        ctx=ctx,
        reasons=reasons,
        numbers=numbers,
        reperiodised_from=reperiodised_from,
    )
    return Adaptation(
        today=today,
        plan=adapted if changes else plan,
        profile=new_profile if changes else profile,
        changes=changes,
        notes=tuple(notes),
    )


# --- a session moved by hand -----------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Move:
    """A session moved by hand (a coach's drag on the calendar), judged by the rules.

    Attributes:
        plan: the plan with the session at its new start (the old plan when refused).
        change: the move, as an adaptation's change (no rule IDs: no rule asked for it).
        refusals: why the move cannot be made, one line each (``SCH-1: ...`` for a hard
            rule the rule checkers find broken, else the athlete's day or window); empty
            when the move is accepted.
        warnings: soft rules the session breaks at its new start and did not at its old
            one (``SCH-5: ...``): allowed, but the coach should know.
    """

    plan: Plan
    change: Change
    refusals: tuple[str, ...]
    warnings: tuple[str, ...] = ()

    @property
    def accepted(self) -> bool:
        """Whether every hard rule, window and event allows the move."""
        return not self.refusals


def _violation_key(violation: Violation) -> tuple[str, tuple[tuple[str, datetime], ...]]:
    return violation.rule_id, tuple((str(s.id), s.start) for s in violation.sessions)


def _moved(plan: Plan, session: PlannedSession, new: PlannedSession) -> Plan:
    """The plan with ``session`` taken out of its day and ``new`` put into its own."""
    day = new.scheduled.local_date
    weeks = []
    for week in plan.weeks:
        days = []
        for plan_day in week.days:
            kept_here = [s for s in plan_day.sessions if s.scheduled.id != session.scheduled.id]
            if plan_day.date == day:
                kept_here.append(new)
            ordered = sorted(kept_here, key=lambda s: (s.scheduled.start, s.scheduled.id))
            days.append(dataclasses.replace(plan_day, sessions=tuple(ordered)))
        weeks.append(dataclasses.replace(week, days=tuple(days)))
    return dataclasses.replace(plan, weeks=tuple(weeks))


def _soft(
    plan: Plan,
    session: ScheduledSession,
    context: WeekContext,
    *,
    today: date,
    statuses: Mapping[SessionId, SessionStatus],
) -> dict[str, str]:
    """The soft rules ``session`` takes part in, in ``plan`` (its days near), by rule ID."""
    near = [
        s.scheduled
        for s in plan_sessions(plan)
        if abs((s.scheduled.local_date - session.local_date).days) <= DAYS_PER_WEEK
    ]
    view = done_view(near, today=today, statuses=statuses)
    found: dict[str, str] = {}
    for violation in check_sessions(view, context):
        if not violation.hard and any(s.id == session.id for s in violation.sessions):
            found.setdefault(violation.rule_id, f"{violation.rule_id}: {violation.text}")
    return found


def _place_refusals(
    moved: ScheduledSession,
    plan: Plan,
    profile: AthleteProfile,
    events: Sequence[TrainingEvent],
) -> list[str]:
    """What the athlete's day says against ``moved``: an event, no window, an overlap."""
    day = moved.local_date
    zone = ZoneInfo(profile.timezone)
    found: list[str] = []
    absent = absent_on(day, events)
    if absent is not None:
        found.append(f"RL-8: {day:%a %d %b} is a day of {absent.kind.value}: no session on it")
    windows = windows_on(day, profile, events)
    if window_holding(moved, windows, zone) is None:
        said = ", ".join(str(w) for w in windows) or "none"
        found.append(
            f"{moved.start.astimezone(zone):%a %d %b %H:%M}-"
            f"{moved.end.astimezone(zone):%H:%M} is outside the athlete's windows "
            f"of the day ({said})"
        )
    for week in plan.weeks:
        for other in week.sessions:
            scheduled = other.scheduled
            if (
                scheduled.id != moved.id
                and scheduled.start < moved.end
                and moved.start < scheduled.end
            ):
                found.append(
                    f"it overlaps '{scheduled.spec.title}' "
                    f"({scheduled.start.astimezone(zone):%a %d %b %H:%M}-"
                    f"{scheduled.end.astimezone(zone):%H:%M})"
                )
    return found


def move_session(
    plan: Plan,
    profile: AthleteProfile,
    session_id: str,
    start: datetime,
    *,
    today: date,
    statuses: Mapping[SessionId, SessionStatus],
    events: Sequence[TrainingEvent] = (),
) -> Move:
    """Move one future session to ``start`` (its length kept), if the rules allow it.

    The rule checkers judge the whole plan from ``today``'s week on as the athlete
    lives it (:func:`plan_violations`); a hard violation the move brings (one the plan
    did not have before) refuses it, with the checker's text. So do a start outside
    the athlete's windows of that day (a travel's own on a travel day), a day of illness
    or injury (RL-8) and an overlap with another session: ``runlift adapt`` would
    otherwise move the session back.

    Args:
        plan: the current plan version.
        profile: its profile (windows, rest days, evidence profile, time zone).
        session_id: the session to move.
        start: its new start (aware); it keeps its length.
        today: the athlete's local date: a session before it, or done, stays.
        statuses: each planned session's status on ``today`` (the log's).
        events: the athlete's illnesses, injuries and travels.

    Returns:
        The move: the new plan (the old one when refused), the change and the refusals.

    Raises:
        InvalidInput: no such session, a session already past or done, the race, a new
            start before ``today`` or outside the plan's weeks.
    """
    sessions = {s.scheduled.id: s for s in plan_sessions(plan)}
    session = sessions.get(SessionId(session_id))
    if session is None:
        raise InvalidInput("session_id", session_id, "a session of the current plan")
    if kept(session, today=today, statuses=statuses):
        raise InvalidInput(
            "session_id", session_id, f"a session on or after {today.isoformat()} not yet done"
        )
    if is_race(session.scheduled.spec):
        raise InvalidInput(
            "session_id", session_id, "a training session: the race's date is the goal's (RL-11)"
        )
    if start.tzinfo is None:
        raise InvalidInput("start", start.isoformat(), "a start with its time zone")
    zone = ZoneInfo(profile.timezone)
    local = start.astimezone(zone)
    if not today <= local.date() <= plan.end:
        raise InvalidInput(
            "start",
            start.isoformat(),
            f"a start from {today.isoformat()} to the plan's last day {plan.end.isoformat()}",
        )
    old = session.scheduled
    scheduled = ScheduledSession(spec=old.spec, start=local, end=local + old.duration)
    new = dataclasses.replace(session, scheduled=scheduled)
    moved = _moved(plan, session, new)
    context = week_context(profile)
    before = {
        _violation_key(v) for v in plan_violations(plan, context, today=today, statuses=statuses)
    }
    refusals = _place_refusals(scheduled, plan, profile, events)
    refusals += [
        f"{v.rule_id}: {v.text}"
        for v in plan_violations(moved, context, today=today, statuses=statuses)
        if _violation_key(v) not in before
    ]
    was = _soft(plan, old, context, today=today, statuses=statuses)
    now = _soft(moved, scheduled, context, today=today, statuses=statuses)
    warnings = tuple(text for rule_id, text in now.items() if rule_id not in was)
    change = Change(
        session_id=old.id,
        kind=ChangeKind.MOVED,
        before=session,
        after=new,
        rules=(),
        reason=(
            f"moved by hand from {old.start.astimezone(zone):%a %d %b %H:%M} to "
            f"{local:%a %d %b %H:%M}; every hard rule holds (the rule checkers)"
        ),
    )
    refused = tuple(dict.fromkeys(refusals))
    return Move(plan=plan if refused else moved, change=change, refusals=refused, warnings=warnings)
