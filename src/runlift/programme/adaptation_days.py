"""The adaptation's decisions about days: events, ramps, fatigue, make-ups, the planned ratio.

Every future session is **composed** from what the programme writes for it today
(``adaptation_load.Writer``) and the treatments its day calls for, in this order:

* **RL-8 travel**: a lift on a travel day is written for the equipment at hand;
* **RL-9 return ramp**: the days after an illness or injury longer than five days;
* **RL-10 fatigue**: today's fatigue flag eases the loaded sessions of the next days
  (7 for a high acute:chronic ratio, 2 for low readiness); the planned-ratio guard eases
  the heaviest session before a day whose ratio would pass the limit, in up to
  :data:`FATIGUE_STEPS` steps of ``eased_share``. A session eased once stays eased: the
  step is read back from its own ``RL-10`` line, so nothing is ever made harder again.

Sessions on a day of illness or injury are left out (RL-8). Missed key sessions of the
current week are made up (RL-7, :func:`make_ups`). A session whose new length or a
travel window no longer holds where it is moves to the best slot of its week, or is
left out (:func:`settle`).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from runlift.domain.athlete import AthleteProfile
from runlift.domain.log import TrainingEvent
from runlift.domain.plan import PlannedSession
from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.placement.prepare import drop_rank
from runlift.programme.adaptation_calendar import (
    Slot,
    absent_on,
    breaks_a_hard_rule,
    events_on,
    find_slot,
    monday,
    quiet_days,
    travel_on,
    window_holding,
    windows_on,
)
from runlift.programme.adaptation_facts import (
    RL_EVENT,
    RL_FATIGUE,
    RL_MISSED,
    RL_RETURN,
    Context,
    Draft,
    Reasons,
    is_makeup,
    kept,
    line_of,
    loaded,
    makeup_id,
    parameter,
    rebuilt,
    views,
    worth_making_up,
)
from runlift.programme.adaptation_load import (
    Treatment,
    Writer,
    run_paces,
    treated,
    written_of,
)
from runlift.programme.assembly import WrittenSession
from runlift.programme.lifting_doses import DELOAD_RPE_DROP, DELOAD_SET_SHARE
from runlift.rules.checkers.rl_4 import is_race
from runlift.science.load import ACUTE_WINDOW_DAYS, CHRONIC_WINDOW_DAYS, rolling_mean_au
from runlift.science.readiness import FatigueSignal
from runlift.tracking.monitoring import Monitoring
from runlift.vocabulary import EventKind, Phase, SessionStatus

DAYS_PER_WEEK: Final = 7

MAX_VICTIMS: Final = 3
"""Sessions RL-7 tries, least important first, to make room for a make-up."""

FATIGUE_STEPS: Final = 3
"""At most three easing steps of RL-10 on one session: 80 %, 64 %, 51 % of its distance."""

GOAL_PHASES: Final = frozenset({Phase.RACE, Phase.TEST})
"""Weeks that hold the goal itself: RL-10's guard does not judge their days."""

NO_MAKEUP_PHASES: Final = frozenset({Phase.TAPER, Phase.RACE, Phase.TEST})
"""Weeks whose missed sessions are let go: freshness for the goal comes first (RL-7)."""

SOURCES_RETURN: Final = "Daniels 2014; Mujika & Padilla 2000; Elliott et al. 2020"
SOURCES_FATIGUE: Final = "PER-4; Meeusen et al. 2013"
PLANNED_WORDS: Final = "planned acute:chronic"
"""Words of a guard's line (it eases every session, not only loaded ones)."""

_STEP: Final = re.compile(r"\(step (\d)\)")


@dataclass(frozen=True, slots=True, kw_only=True)
class Days:
    """Which days are eased, and how: the return ramps and today's fatigue flag."""

    ramp: Mapping[date, Treatment]
    fatigue: Mapping[date, str]


# --- RL-9 and RL-10: which days are eased -------------------------------------------------


def ramp_days(events: Sequence[TrainingEvent], profile: AthleteProfile) -> dict[date, Treatment]:
    """RL-9: the days of each return ramp and how they are eased (the gentlest wins)."""
    grade = profile.evidence_profile
    no_ramp = parameter(RL_RETURN, "no_ramp_days", grade)
    longest = round(parameter(RL_RETURN, "ramp_max_days", grade))
    shares = (
        parameter(RL_RETURN, "first_share", grade),
        parameter(RL_RETURN, "second_share", grade),
    )
    days: dict[date, Treatment] = {}
    for event in events:
        if event.kind is EventKind.TRAVEL or event.days <= no_ramp:
            continue
        length = min(event.days, longest)
        first_half = math.ceil(length / 2)
        for offset in range(length):
            day = event.last_day + timedelta(days=offset + 1)
            phase = 0 if offset < first_half else 1
            share = shares[phase]
            treatment = Treatment(
                rule_id=RL_RETURN,
                run_share=share,
                only_loaded=False,
                set_share=share,
                rpe_drop=DELOAD_RPE_DROP if phase == 0 else DELOAD_RPE_DROP / 2,
                line=(
                    f"{RL_RETURN}: day {offset + 1} of {length} back after {event.days} days "
                    f"of {event.kind.value} ({event.first_day:%d %b}-{event.last_day:%d %b}): "
                    f"{share:.0%} of the planned volume, running easy, lifts lighter "
                    f"({SOURCES_RETURN})"
                ),
            )
            found = days.get(day)
            if found is None or share < found.run_share:
                days[day] = treatment
    return days


def fatigue_days(monitoring: Monitoring, profile: AthleteProfile) -> dict[date, str]:
    """RL-10: the days today's fatigue flag (``Monitoring.fatigue``) eases, and why."""
    grade = profile.evidence_profile
    today = monitoring.today
    days: dict[date, str] = {}
    for reason in monitoring.fatigue.reasons:
        low = reason.signal is FatigueSignal.LOW_READINESS
        count = round(parameter(RL_FATIGUE, "readiness_days" if low else "ease_days", grade))
        forward = "" if low else "; the deload comes forward (PER-3)"
        line = f"{RL_FATIGUE}: eased on {today:%d %b}: {reason.detail}{forward} ({SOURCES_FATIGUE})"
        for offset in range(count):
            days.setdefault(today + timedelta(days=offset), line)
    return days


def fatigue_step(session: PlannedSession) -> int:
    """How many RL-10 easing steps ``session`` carries (0 when none)."""
    line = line_of(session, RL_FATIGUE)
    if line is None:
        return 0
    found = _STEP.search(line)
    return int(found.group(1)) if found else 1


def _fatigue_treatment(line: str, profile: AthleteProfile, *, step: int) -> Treatment:
    share = parameter(RL_FATIGUE, "eased_share", profile.evidence_profile)
    return Treatment(
        rule_id=RL_FATIGUE,
        run_share=share**step,
        only_loaded=PLANNED_WORDS not in line,
        set_share=DELOAD_SET_SHARE**step,
        rpe_drop=DELOAD_RPE_DROP,
        line=line,
    )


# --- composing one future session ---------------------------------------------------------------


def _event_words(event: TrainingEvent) -> str:
    span = f"{event.first_day:%a %d %b}" + (
        "" if event.days == 1 else f" to {event.last_day:%a %d %b}"
    )
    return f"{event.kind.value} {span}"


def compose(
    session: PlannedSession,
    *,
    week_index: int,
    ctx: Context,
    writer: Writer,
    days: Days,
    reasons: Reasons,
    guard: tuple[int, str] | None = None,
) -> PlannedSession | None:
    """``session`` as its day now asks (see the module docstring); None: no lift fits the trip.

    ``guard`` is a further RL-10 step and its line, from the planned-ratio guard.
    """
    spec = session.scheduled.spec
    day = session.scheduled.local_date
    before = written_of(session, writer.before)
    written = written_of(session, writer.after)
    if before is None or written is None:
        return session
    lines: list[str] = []
    made_up = line_of(session, RL_MISSED) if is_makeup(spec.id) else None
    if made_up is not None:
        lines.append(made_up)
    travel = travel_on(day, ctx.events)
    if travel is not None and spec.is_lift:
        kit = writer.for_travel(session, travel, week_index=week_index)
        if kit is None:
            return None
        if kit != written:
            written = kit
            words = ", ".join(sorted(travel.equipment or ())) or "bodyweight only"
            kit_line = (
                f"{RL_EVENT}: written for the equipment at hand while travelling ({words}; LFT-1)"
            )
            lines.append(kit_line)
            reasons.add(spec.id, (RL_EVENT, "LFT-1"), kit_line.split(": ", 1)[1])
    paces = run_paces(ctx.profile)
    unit = ctx.profile.units
    ramp = days.ramp.get(day)
    if ramp is not None:
        eased = treated(written, ramp, paces=paces, library=ctx.library, unit=unit)
        if eased != written:
            written = eased
            lines.append(ramp.line)
            reasons.add(spec.id, (RL_RETURN,), ramp.line.split(": ", 1)[1])
    remembered = line_of(session, RL_FATIGUE)
    step = fatigue_step(session)
    line = remembered
    if guard is not None and guard[0] > step:
        step, line = guard[0], guard[1]
    elif line is None and day in days.fatigue:
        step, line = 1, days.fatigue[day]
    if line is not None and step > 0:
        treatment = _fatigue_treatment(line, ctx.profile, step=step)
        eased = treated(written, treatment, paces=paces, library=ctx.library, unit=unit)
        if eased != written:
            written = eased
            lines.append(line)
            if line != remembered:
                reasons.add(spec.id, (RL_FATIGUE, "PER-4"), line.split(": ", 1)[1])
    result = rebuilt(session, before=before, written=written, lines=tuple(lines))
    return session if result is None else result


def future_session(
    session: PlannedSession,
    draft: Draft,
    *,
    ctx: Context,
    writer: Writer,
    days: Days,
    reasons: Reasons,
) -> None:
    """Decide one future session: left out on a day of illness or injury, else composed."""
    spec = session.scheduled.spec
    day = session.scheduled.local_date
    absent = absent_on(day, ctx.events)
    if absent is not None and not is_race(spec):
        draft.drop(
            session,
            (RL_EVENT, "PER-4"),
            f"{_event_words(absent)}: no training until it is over (RL-8)",
            reasons,
        )
        return
    result = compose(
        session, week_index=draft.week.index, ctx=ctx, writer=writer, days=days, reasons=reasons
    )
    if result is None:
        travel = travel_on(day, ctx.events)
        words = "" if travel is None else f"{_event_words(travel)}: "
        draft.drop(
            session,
            (RL_EVENT,),
            f"{words}no lift can be written for the equipment at hand",
            reasons,
        )
    elif result is not session:
        draft.replace(session, result)


# --- where sessions go: settling and make-ups -----------------------------------------------------


def _holds(session: PlannedSession, others: Sequence[ScheduledSession], ctx: Context) -> bool:
    """Whether ``session`` holds where it is: in a window of its day, breaking no hard rule."""
    scheduled = session.scheduled
    windows = windows_on(scheduled.local_date, ctx.profile, ctx.events)
    if window_holding(scheduled, windows, ctx.zone) is None:
        return False
    day = scheduled.local_date
    near = [s for s in others if abs((s.local_date - day).days) <= DAYS_PER_WEEK]
    return not breaks_a_hard_rule(scheduled, near, ctx.week)


def settle(
    drafts: list[Draft],
    old: Mapping[SessionId, PlannedSession],
    *,
    ctx: Context,
    reasons: Reasons,
) -> None:
    """Move each re-written session that no longer holds where it is, or leave it out.

    Only sessions whose start or length changed, or that fall on a travel day with its
    own windows, are looked at. Such a session goes to the best slot of its own day,
    else of the later days of its week (from ``ctx.not_before``), else it is left out.
    """
    for draft in drafts:
        for session in list(draft.sessions):
            sid = session.scheduled.id
            if kept(session, today=ctx.today, statuses=ctx.statuses):
                continue
            previous = old.get(sid)
            day = session.scheduled.local_date
            travel = travel_on(day, ctx.events)
            touched = previous is None or previous.scheduled != session.scheduled
            if not touched and (travel is None or travel.availability is None):
                continue
            others = [s for s in views(drafts, ctx) if s.id != sid]
            if _holds(session, others, ctx):
                continue
            sunday = draft.week.start + timedelta(days=DAYS_PER_WEEK - 1)
            later = [
                day + timedelta(days=n)
                for n in range(1, (sunday - day).days + 1)
                if absent_on(day + timedelta(days=n), ctx.events) is None
            ]
            slot = None
            for choice in ([day], later):
                slot = find_slot(
                    session.scheduled.spec,
                    days=choice,
                    sessions=others,
                    windows=lambda d: windows_on(d, ctx.profile, ctx.events),
                    context=ctx.week,
                    not_before=ctx.not_before,
                )
                if slot is not None:
                    break
            rule_ids = (RL_EVENT,) if travel is not None else ("SCH-1",)
            if slot is None:
                why = (
                    f"{_event_words(travel)}: no travel window of the week holds it"
                    if travel is not None
                    else "no window of the week holds it as it is now written"
                )
                draft.drop(session, rule_ids, why, reasons)
                continue
            lines = session.explanation
            kept_lines = lines[1:] if lines and lines[0].startswith("Placed in") else lines
            moved = PlannedSession(
                scheduled=slot.scheduled,
                prescription=session.prescription,
                rules=session.rules,
                explanation=(f"Placed in {slot.window}.", *kept_lines),
            )
            draft.replace(session, moved)
            reasons.add(
                sid,
                rule_ids,
                f"{_event_words(travel)}: moved into a travel window ({slot.window})"
                if travel is not None
                else f"moved to {slot.window}: where it was no longer holds it",
            )


def make_ups(
    drafts: list[Draft],
    *,
    ctx: Context,
    writer: Writer,
    days: Days,
    reasons: Reasons,
    notes: list[str],
) -> None:
    """RL-7: the missed key sessions of this week, each on a later day that holds it."""
    today = ctx.today
    current = next((d for d in drafts if d.week.start == monday(today)), None)
    if current is None or current.week.phase in NO_MAKEUP_PHASES:
        return
    ids = {s.scheduled.id for d in drafts for s in d.sessions}
    missed = [
        s
        for s in current.week.sessions
        if ctx.statuses.get(s.scheduled.id) is SessionStatus.MISSED
        and worth_making_up(s.scheduled.spec)
        and not is_makeup(s.scheduled.id)
        and makeup_id(s.scheduled.id) not in ids
        and not events_on(s.scheduled.local_date, ctx.events)
    ]
    if not missed:
        return
    sunday = current.week.start + timedelta(days=DAYS_PER_WEEK - 1)
    first = ctx.not_before.astimezone(ctx.zone).date()
    free = [
        first + timedelta(days=n)
        for n in range((sunday - first).days + 1)
        if not events_on(first + timedelta(days=n), ctx.events)
        and first + timedelta(days=n) not in days.ramp
        and first + timedelta(days=n) not in days.fatigue
    ]
    gap = round(parameter(RL_MISSED, "loaded_gap_days", ctx.profile.evidence_profile))
    for original in sorted(missed, key=lambda s: drop_rank(s.scheduled.spec), reverse=True):
        spec = original.scheduled.spec
        written = written_of(original, writer.after)
        when = f"{original.scheduled.local_date:%a %d %b}"
        if written is None or not free:
            notes.append(
                f"{RL_MISSED}: '{spec.title}' ({spec.id}), missed on {when}, is not made up: "
                "no later day of the week is free for it"
            )
            continue
        if original.scheduled.local_date >= today and original in current.sessions:
            current.drop(original, (RL_MISSED,), "marked missed", reasons)
        placed = _place_makeup(
            original,
            written,
            drafts=drafts,
            current=current,
            free=free,
            gap=gap,
            ctx=ctx,
            reasons=reasons,
        )
        if placed is None:
            notes.append(
                f"{RL_MISSED}: '{spec.title}' ({spec.id}), missed on {when}, is not made up: "
                "no later day of the week holds it under every hard rule without a hard day "
                "beside it, and lost training is not crowded into the days left (Daniels 2014)"
            )


def _place_makeup(
    original: PlannedSession,
    written: WrittenSession,
    *,
    drafts: list[Draft],
    current: Draft,
    free: list[date],
    gap: int,
    ctx: Context,
    reasons: Reasons,
) -> PlannedSession | None:
    spec = dataclasses.replace(written.spec, id=makeup_id(original.scheduled.id))
    found = _makeup_slot(spec, None, drafts=drafts, free=free, gap=gap, ctx=ctx)
    victim: PlannedSession | None = None
    if found is None:
        # The week's least important session gives way: of the few least important, the
        # one whose place leaves the cheapest week.
        victims = sorted(
            (
                s
                for s in current.sessions
                if s.scheduled.start >= ctx.not_before
                and not kept(s, today=ctx.today, statuses=ctx.statuses)
                and not worth_making_up(s.scheduled.spec)
                and not is_race(s.scheduled.spec)
                and not is_makeup(s.scheduled.id)
                and (
                    s.scheduled.spec.is_run
                    or (spec.is_lift and s.scheduled.spec.muscle_groups <= spec.muscle_groups)
                )
            ),
            key=lambda s: drop_rank(s.scheduled.spec),
        )
        tries = [
            (slot.cost, drop_rank(v.scheduled.spec), v, slot)
            for v in victims[:MAX_VICTIMS]
            for slot in (_makeup_slot(spec, v, drafts=drafts, free=free, gap=gap, ctx=ctx),)
            if slot is not None
        ]
        if not tries:
            return None
        _, _, victim, found = min(tries, key=lambda t: (t[0], t[1]))
    when = f"{original.scheduled.local_date:%a %d %b}"
    beside = " with no hard day beside it" if loaded(spec) else ""
    line = (
        f"{RL_MISSED}: make-up of '{original.scheduled.spec.title}' "
        f"({original.scheduled.id}), missed on {when}: a later day of the same week "
        f"that holds it under every hard rule{beside}"
    )
    made = PlannedSession(
        scheduled=found.scheduled,
        prescription=written.prescription,
        rules=tuple(dict.fromkeys((*written.rules, RL_MISSED))),
        explanation=(f"Placed in {found.window}.", *written.explanation, line),
    )
    if victim is not None:
        current.drop(
            victim,
            (RL_MISSED,),
            f"it gives way to the make-up of '{original.scheduled.spec.title}', the "
            "week's more important session",
            reasons,
        )
    current.sessions.append(made)
    reasons.add(made.scheduled.id, (RL_MISSED,), line.split(": ", 1)[1])
    return made


def _makeup_slot(
    spec: SessionSpec,
    victim: PlannedSession | None,
    *,
    drafts: Sequence[Draft],
    free: Sequence[date],
    gap: int,
    ctx: Context,
) -> Slot | None:
    """The best slot of ``free`` days for a make-up, with ``victim`` (if any) given way."""
    view = [s for s in views(drafts, ctx) if victim is None or s.id != victim.scheduled.id]
    allowed = quiet_days(free, view, gap_days=gap) if loaded(spec) else list(free)
    return find_slot(
        spec,
        days=allowed,
        sessions=view,
        windows=lambda day: windows_on(day, ctx.profile, ctx.events),
        context=ctx.week,
        not_before=ctx.not_before,
    )


# --- RL-10: the planned acute:chronic ratio ---------------------------------------------------


def _load(session: PlannedSession) -> float:
    prescription = session.prescription
    return prescription.duration_min * prescription.rpe


def remainder_ratios(
    sessions: Sequence[PlannedSession],
    *,
    goal_weeks: Set[date],
    actual_load_au: Mapping[date, float],
    today: date,
    statuses: Mapping[SessionId, SessionStatus],
) -> dict[date, float]:
    """The acute:chronic ratio of each day from ``today`` on, as the plan would make it.

    The daily loads are the log's before ``today`` (and today's done sessions) and the
    plan's sessions still to come, as session RPE x minutes; the race itself is left out
    (it is the goal, not a rise in training) and the weeks in ``goal_weeks`` (the race
    week, a test week: their Mondays) are not judged. The ratio is the 7-day over the
    28-day rolling mean (Hulin et al. 2016, ``science.load.rolling_mean_au``), read from
    the 28th day of the series: a plan is judged week by week, as the ratio was first
    defined (Gabbett 2016); the log's own daily EWMA ratio is the fatigue flag's
    (``Monitoring.fatigue``).
    """
    planned: dict[date, float] = {}
    for session in sessions:
        scheduled = session.scheduled
        day = scheduled.local_date
        if is_race(scheduled.spec) or day < today:
            continue
        if statuses.get(scheduled.id) in (SessionStatus.DONE, SessionStatus.PARTIAL):
            continue
        planned[day] = planned.get(day, 0.0) + _load(session)
    first = min([*actual_load_au, today])
    last = max([*planned, today])
    series = []
    for n in range((last - first).days + 1):
        day = first + timedelta(days=n)
        logged = actual_load_au.get(day, 0.0) if day <= today else 0.0
        series.append(logged + planned.get(day, 0.0))
    acute = rolling_mean_au(loads_au=series, window_days=ACUTE_WINDOW_DAYS)
    chronic = rolling_mean_au(loads_au=series, window_days=CHRONIC_WINDOW_DAYS)
    ratios: dict[date, float] = {}
    for n in range(max((today - first).days, CHRONIC_WINDOW_DAYS - 1), len(series)):
        day = first + timedelta(days=n)
        if monday(day) in goal_weeks or chronic[n] <= 0:
            continue
        ratios[day] = acute[n] / chronic[n]
    return ratios


def guard(
    drafts: list[Draft],
    *,
    ctx: Context,
    monitoring: Monitoring,
    writer: Writer,
    days: Days,
    reasons: Reasons,
) -> None:
    """RL-10: ease the heaviest session before any day whose planned ratio passes the limit.

    A day that stays above the limit with every session of the week before it eased
    :data:`FATIGUE_STEPS` times is set by the past alone: the search goes on after it.
    """
    limit = parameter(RL_FATIGUE, "acwr_max", ctx.profile.evidence_profile)
    goal_weeks = {d.week.start for d in drafts if d.week.phase in GOAL_PHASES}
    start = ctx.today
    while True:
        ratios = remainder_ratios(
            [s for d in drafts for s in d.sessions],
            goal_weeks=goal_weeks,
            actual_load_au=monitoring.actual_load_au,
            today=ctx.today,
            statuses=ctx.statuses,
        )
        found = next(
            ((day, ratio) for day, ratio in ratios.items() if day >= start and ratio > limit),
            None,
        )
        if found is None:
            return
        day, ratio = found
        if not _ease_before(
            day, ratio, limit, drafts, ctx=ctx, writer=writer, days=days, reasons=reasons
        ):
            start = day + timedelta(days=1)


def _ease_before(
    day: date,
    ratio: float,
    limit: float,
    drafts: list[Draft],
    *,
    ctx: Context,
    writer: Writer,
    days: Days,
    reasons: Reasons,
) -> bool:
    """Ease the heaviest session of the week up to ``day`` one step more; False if none can."""
    first = max(ctx.today, day - timedelta(days=ACUTE_WINDOW_DAYS - 1))
    candidates = [
        (draft, session)
        for draft in drafts
        for session in draft.sessions
        if first <= session.scheduled.local_date <= day
        and not kept(session, today=ctx.today, statuses=ctx.statuses)
        and not is_race(session.scheduled.spec)
        and fatigue_step(session) < FATIGUE_STEPS
    ]
    for draft, session in sorted(candidates, key=lambda c: (-_load(c[1]), c[1].scheduled.start)):
        step = fatigue_step(session) + 1
        label = "eased" if step == 1 else f"eased (step {step})"
        line = (
            f"{RL_FATIGUE}: {label}: the {PLANNED_WORDS} load would reach {ratio:.2f} on "
            f"{day:%d %b}, above {limit:g} ({SOURCES_FATIGUE}; Gabbett 2016)"
        )
        result = compose(
            session,
            week_index=draft.week.index,
            ctx=ctx,
            writer=writer,
            days=days,
            reasons=reasons,
            guard=(step, line),
        )
        if result is None or result == session or _load(result) >= _load(session):
            continue
        draft.replace(session, result)
        return True
    return False
