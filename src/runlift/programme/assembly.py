"""The whole plan: outline the weeks, write each week's runs and lifts, place them, explain them.

``build_plan`` is the main job of runlift. Per week it asks the periodisation
for the week's shape (``outline_plan``), the running and lifting prescriptions
for the sessions (``plan_runs``, ``plan_lifts``) and the weekly placement for
their times (``place_week``), with the previous week's sessions (and next
week's race, if it has one) as neighbours so that every rule between sessions
also holds across Sunday night; the pairs across it are priced once, in the
week of their later session. Each week's solver
starts from last week's weekdays and times (``place_week(hint=...)``), and a week
whose model repeats an earlier one's takes its solution (``PlacementMemo``).

The athlete's rest days are a hard rule (SCH-10): a week holds at most
``7 - rest_days_min`` runs and as many lifts (RL-1), so the least important
sessions beyond that are left out first. The periodisation plans no more
sessions than the windows hold, so weeks rarely collide further; a week that
still cannot hold every session loses the least important session its conflicts
name (easy runs first, never a key session while another will do, never a lift
SCH-7 needs), one at a time. Every such change is a ``PlanAdjustment`` of the
week, with the rule IDs behind it, and its text is among the week's notes. A
week that cannot be placed even then is refused (``Infeasible``) with its
conflicts and the changes that would make it work. The result is deterministic:
Each session keeps to the dates its outline allows (``WeekRequest.allowed_dates``):
the long run to the week's longest window and, near a race, the shakeout to the day
before it, hard runs to 3 days or more before it, no run after it and no lift on its
eve; a lift to the dates its prescription asks for (the last heavy session before a
race, a primer after an early strength test). A week whose lifts cannot keep their
dates is tried once more with the lifts free. The result is deterministic:
the same profile gives the same plan.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from runlift.domain.athlete import AthleteProfile
from runlift.domain.plan import Plan, PlanAdjustment, PlanDay, PlannedSession, PlanWeek
from runlift.domain.prescription import Prescription
from runlift.domain.quantities import quantity
from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import WeekContext, WeekRequest
from runlift.errors import InvalidInput, PlanningError, UnplaceableWeek
from runlift.placement.prepare import check_composition, drop_rank
from runlift.placement.week import (
    DEFAULT_TIME_LIMIT_S,
    InfeasibleWeek,
    PlacementMemo,
    WeekPlacement,
    place_week,
)
from runlift.programme.baseline import Baseline, baseline
from runlift.programme.lifting_prescription import ExerciseLibrary, PlannedLift, plan_lifts
from runlift.programme.periodisation import WeekOutline, outline_plan
from runlift.programme.running_prescription import plan_runs
from runlift.rules.checkers.rl_1 import most_per_day
from runlift.vocabulary import Modality

RACE_START = time(9, 0)
"""Local start assumed for a race (most road races start in the morning); a fixed lift (the
strength test) brings its own start."""

MAX_DROPS_PER_WEEK = 6
DAYS_PER_WEEK = 7
DROPPED = "dropped"
"""``PlanAdjustment.kind`` of a session left out of its week."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WrittenSession:
    """A session written for the week, before it is placed.

    Attributes:
        spec: what is placed.
        prescription: the full prescription.
        rules: IDs of the rules that shaped the prescription.
        explanation: one line per reason; a placed session's explanation ends with these.
        fixed_date: the date it must take (the race, a strength test), if any.
        allowed_dates: the dates it may take, if limited.
        fixed_start: the local start of a session with a fixed date.
    """

    spec: SessionSpec
    prescription: Prescription
    rules: tuple[str, ...]
    explanation: tuple[str, ...]
    fixed_date: date | None = None
    allowed_dates: frozenset[date] | None = None
    fixed_start: time = RACE_START


@dataclass(frozen=True, slots=True, kw_only=True)
class PlannedWeekResult:
    """One week's outline, its placement, and what had to give way."""

    outline: WeekOutline
    placement: WeekPlacement
    dropped: tuple[str, ...]


Progress = Callable[[int, int], None]


def week_context(profile: AthleteProfile) -> WeekContext:
    """The rule context of every week of the athlete's plan."""
    return WeekContext(
        goal=profile.goal.kind,
        priority=profile.goal.priority,
        profile=profile.evidence_profile,
        rest_days_min=profile.rest_days_min,
        timezone=profile.timezone,
    )


def written_week(
    outline: WeekOutline,
    profile: AthleteProfile,
    numbers: Baseline,
    library: ExerciseLibrary,
    outlines: Sequence[WeekOutline],
) -> list[WrittenSession]:
    """The week's runs and lifts as written, before placement (runs first, each by its id).

    The same outline, profile and numbers always give the same sessions: ``build_plan``
    writes every week with it, and the adaptation writes a week again with new numbers.
    """
    runs = [
        WrittenSession(
            spec=r.spec,
            prescription=r.prescription,
            rules=r.rules,
            explanation=r.explanation,
            fixed_date=r.fixed_date,
            allowed_dates=r.allowed_dates,
        )
        for r in plan_runs(outline, profile, numbers)
    ]
    lifts = [
        WrittenSession(
            spec=lift.spec,
            prescription=lift.prescription,
            rules=lift.rules,
            explanation=(*lift.explanation, *_lift_day_lines(outline)),
            allowed_dates=_lift_dates(outline, lift),
            fixed_date=lift.fixed_date,
            fixed_start=lift.fixed_start or RACE_START,
        )
        for lift in plan_lifts(outline, profile, numbers, library, plan=outlines)
    ]
    return runs + lifts


def _lift_dates(outline: WeekOutline, lift: PlannedLift) -> frozenset[date] | None:
    """The days a lift may take: the week's lift days, within the lift's own dates.

    The lift's own dates are those of the last heavy session before a race and of a
    primer after an early test. A lift whose own dates leave no day of the week keeps
    the week's lift days.
    """
    if lift.latest_date is None and lift.earliest_date is None:
        return outline.dates.lifts
    week = outline.dates.lifts or frozenset(
        outline.start + timedelta(days=offset) for offset in range(7)
    )
    first = lift.earliest_date or date.min
    last = lift.latest_date or date.max
    kept = frozenset(day for day in week if first <= day <= last)
    return kept or outline.dates.lifts


def _lift_day_lines(outline: WeekOutline) -> tuple[str, ...]:
    if outline.dates.lifts is None or outline.goal_date is None:
        return ()
    return (
        f"No lift from the day before the race ({outline.goal_date.isoformat()}) to the day "
        "after it: the legs go to the start fresh and get a day to recover (Pfitzinger & "
        "Douglas 2009)",
    )


def _droppable(written: Sequence[WrittenSession], request: WeekRequest) -> list[WrittenSession]:
    """Sessions the week may lose: not the race (a fixed date), not a lift SCH-7 needs."""
    droppable = []
    for w in written:
        if w.fixed_date is not None:
            continue
        rest = tuple(s for s in request.sessions if s.id != w.spec.id)
        try:
            check_composition(dataclasses.replace(request, sessions=rest))
        except InvalidInput:
            continue
        droppable.append(w)
    return droppable


def _drop_choice(
    result: InfeasibleWeek, written: Sequence[WrittenSession], request: WeekRequest
) -> WrittenSession | None:
    """The session to drop: the least important one the conflicts name, else of the week.

    Sessions with a fixed date (the race) stay, and so does a lift whose loss would
    break SCH-7's composition.
    """
    named = {session_id for c in result.conflicts for session_id in c.session_ids}
    droppable = _droppable(written, request)
    pool = [w for w in droppable if w.spec.id in named] or droppable
    return min(pool, key=lambda w: drop_rank(w.spec), default=None)


def _dropped(written: WrittenSession, rule_ids: Sequence[str], why: str) -> PlanAdjustment:
    """The adjustment that says ``written`` was left out of its week, and why.

    Its text starts with the rule IDs; a session that only the windows could not hold
    names no rule.
    """
    rules = tuple(dict.fromkeys(rule_ids))
    prefix = f"{', '.join(rules)}: " if rules else ""
    return PlanAdjustment(
        rule_ids=rules,
        kind=DROPPED,
        session_id=written.spec.id,
        title=written.spec.title,
        text=f"{prefix}'{written.spec.title}' is left out this week: {why}",
    )


def _why(result: InfeasibleWeek) -> str:
    """Why a week could not hold all its sessions, in one sentence without session lists."""
    parts = []
    for conflict in result.conflicts:
        inputs = [i for i in conflict.inputs if "fits only in" not in i and "fits in no" not in i]
        parts.append("; ".join(conflict.demands) + (f" ({'; '.join(inputs)})" if inputs else ""))
    return "with it these cannot all hold: " + " / ".join(parts) if parts else "the rules collide"


def _fit_rest_days(
    written: list[WrittenSession], request: WeekRequest
) -> tuple[list[WrittenSession], list[PlanAdjustment]]:
    """Leave out the sessions the athlete's rest days cannot hold, before any solving.

    SCH-10 keeps ``rest_days_min`` days free and RL-1 allows one run and one lift a
    day, so a week holds at most ``7 - rest_days_min`` runs and as many lifts. The
    least important ones beyond that are left out (easy runs first), and each is said.
    """
    context = request.context
    days = DAYS_PER_WEEK - context.rest_days_min
    adjustments: list[PlanAdjustment] = []
    for modality in Modality:
        most = days * most_per_day(modality, context)
        while True:
            same = [w for w in written if w.spec.modality is modality]
            if len(same) <= most:
                break
            current = dataclasses.replace(request, sessions=tuple(w.spec for w in written))
            pool = [w for w in _droppable(same, current) if w.spec.modality is modality]
            if not pool:
                break
            victim = min(pool, key=lambda w: drop_rank(w.spec))
            noun = f"{modality.value}s"
            adjustments.append(
                _dropped(
                    victim,
                    ("SCH-10", "RL-1"),
                    f"{len(same)} {noun} need {len(same)} days at one a day, but there is "
                    f"room for {quantity(days, 'days')} of training after the "
                    f"{quantity(context.rest_days_min, 'rest days')} a week you asked for",
                )
            )
            written = [w for w in written if w is not victim]
    return written, adjustments


def _hint(
    written: Sequence[WrittenSession], before: Sequence[ScheduledSession], zone: ZoneInfo
) -> dict[SessionId, datetime]:
    """Last week's weekday and time for each session, as a first guess for the solver.

    A session takes the start of last week's session of the same modality and kind
    (in order), else of the same modality; sessions without a match get no guess.
    """
    unused = list(before)
    hint: dict[SessionId, datetime] = {}
    for same_kind in (True, False):
        for w in written:
            if w.spec.id in hint:
                continue
            match = next(
                (
                    s
                    for s in unused
                    if s.spec.modality is w.spec.modality
                    and (s.spec.kind == w.spec.kind or not same_kind)
                ),
                None,
            )
            if match is None:
                continue
            unused.remove(match)
            local = match.start.astimezone(zone)
            hint[w.spec.id] = datetime.combine(
                local.date() + timedelta(days=7), local.time(), tzinfo=zone
            )
    return hint


def _request(
    outline: WeekOutline,
    written: Sequence[WrittenSession],
    profile: AthleteProfile,
    neighbours: tuple[ScheduledSession, ...],
) -> WeekRequest:
    return WeekRequest(
        week_start=outline.start,
        sessions=tuple(w.spec for w in written),
        availability=profile.availability,
        context=week_context(profile),
        neighbours=neighbours,
        allowed_dates={w.spec.id: w.allowed_dates for w in written if w.allowed_dates is not None},
    )


def _fixed_sessions(
    written: Sequence[WrittenSession], zone: ZoneInfo
) -> tuple[ScheduledSession, ...]:
    """The sessions of ``written`` with a fixed date (the race), at their start."""
    result = []
    for w in written:
        if w.fixed_date is None:
            continue
        start = datetime.combine(w.fixed_date, w.fixed_start, tzinfo=zone)
        result.append(
            ScheduledSession(
                spec=w.spec, start=start, end=start + timedelta(minutes=w.spec.duration_min)
            )
        )
    return tuple(result)


def _place(
    outline: WeekOutline,
    written: list[WrittenSession],
    profile: AthleteProfile,
    *,
    time_limit_s: float,
    previous: tuple[ScheduledSession, ...],
    following: tuple[ScheduledSession, ...],
    memo: PlacementMemo,
    anchor: tuple[ScheduledSession, ...] = (),
) -> tuple[WeekPlacement, list[WrittenSession], list[PlanAdjustment]]:
    """Place the week, keeping each session to its allowed dates.

    Should even dropping sessions not make room, the lifts are freed from their
    dates (the runs keep theirs: they carry the race's rules) and the week is tried
    once more.
    """
    arguments = {
        "time_limit_s": time_limit_s,
        "previous": previous,
        "following": following,
        "memo": memo,
        "anchor": anchor,
    }
    try:
        return _place_within(outline, written, profile, **arguments)  # type: ignore[arg-type]
    except PlanningError:
        if not any(w.allowed_dates is not None for w in written if w.spec.is_lift):
            raise
    freed = [dataclasses.replace(w, allowed_dates=None) if w.spec.is_lift else w for w in written]
    return _place_within(outline, freed, profile, **arguments)  # type: ignore[arg-type]


def _place_within(
    outline: WeekOutline,
    written: list[WrittenSession],
    profile: AthleteProfile,
    *,
    time_limit_s: float,
    previous: tuple[ScheduledSession, ...],
    following: tuple[ScheduledSession, ...],
    memo: PlacementMemo,
    anchor: tuple[ScheduledSession, ...] = (),
) -> tuple[WeekPlacement, list[WrittenSession], list[PlanAdjustment]]:
    """Place the week, dropping what it cannot hold.

    ``previous`` are last week's placed sessions, ``following`` next week's sessions
    with a fixed date (a Monday race protects this Sunday, RL-4): both are neighbours,
    and only the previous ones are priced in this week. ``anchor`` are this week's
    sessions in an earlier plan: a session of the same id keeps its start unless moving
    it pays (``place_week(previous=...)``).
    """
    zone = ZoneInfo(profile.timezone)
    neighbours = (*previous, *following)
    written, adjustments = _fit_rest_days(written, _request(outline, written, profile, neighbours))
    fixed: Mapping[SessionId, datetime] = {s.id: s.start for s in _fixed_sessions(written, zone)}
    for _ in range(MAX_DROPS_PER_WEEK + 1):
        request = _request(outline, written, profile, neighbours)
        result = place_week(
            request,
            time_limit_s=time_limit_s,
            previous=anchor or None,
            fixed=fixed,
            hint=_hint(written, previous, zone),
            memo=memo,
            suggest=False,
        )
        if isinstance(result, WeekPlacement):
            return result, written, adjustments
        victim = _drop_choice(result, written, request)
        if victim is None:
            break
        rule_ids = [r for c in result.conflicts for r in c.rule_ids if r != "availability"]
        adjustments.append(_dropped(victim, rule_ids, _why(result)))
        written = [w for w in written if w.spec.id != victim.spec.id]
    raise _unplaceable(
        outline,
        _request(outline, written, profile, neighbours),
        time_limit_s=time_limit_s,
        fixed=fixed,
    )


def _unplaceable(
    outline: WeekOutline,
    request: WeekRequest,
    *,
    time_limit_s: float,
    fixed: Mapping[SessionId, datetime],
) -> PlanningError:
    """The week that cannot be placed: its colliding rules and the checked changes that fix it."""
    diagnosis = place_week(request, time_limit_s=time_limit_s, fixed=fixed, suggest=True)
    if not isinstance(diagnosis, InfeasibleWeek):  # pragma: no cover - the same model again
        return PlanningError(f"week {outline.index + 1} could not be placed")
    rule_ids = dict.fromkeys(r for c in diagnosis.conflicts for r in c.rule_ids)
    return UnplaceableWeek(
        week=outline.index + 1,
        starts=outline.start.isoformat(),
        rule_ids=tuple(rule_ids),
        conflicts=tuple(c.text for c in diagnosis.conflicts),
        changes=tuple(r.text for r in diagnosis.relaxations),
    )


def _planned(
    written: WrittenSession, scheduled: ScheduledSession, placement: WeekPlacement
) -> PlannedSession:
    explanation = placement.explanations.get(scheduled.id)
    placement_rules = () if explanation is None else tuple(explanation.rule_ids)
    placement_lines: tuple[str, ...] = ()
    if explanation is not None:
        placement_lines = (
            f"Placed in {explanation.window}.",
            *explanation.lines,
            *explanation.preferences,
        )
    rules = tuple(dict.fromkeys((*placement_rules, *written.rules)))
    return PlannedSession(
        scheduled=scheduled,
        prescription=written.prescription,
        rules=rules,
        explanation=(*placement_lines, *written.explanation),
    )


def _week(
    outline: WeekOutline,
    written: Sequence[WrittenSession],
    placement: WeekPlacement,
    adjustments: Sequence[PlanAdjustment],
) -> PlanWeek:
    by_id = {w.spec.id: w for w in written}
    days = []
    for offset in range(7):
        day = outline.start + timedelta(days=offset)
        sessions = tuple(
            _planned(by_id[s.id], s, placement) for s in placement.sessions if s.start.date() == day
        )
        days.append(PlanDay(date=day, sessions=sessions))
    return PlanWeek(
        index=outline.index,
        start=outline.start,
        block=outline.block,
        focus=outline.focus,
        phase=outline.phase,
        deload=outline.deload,
        days=tuple(days),
        notes=(*outline.notes, *(a.text for a in adjustments)),
        adjustments=tuple(adjustments),
    )


def build_plan(
    profile: AthleteProfile,
    *,
    library: ExerciseLibrary,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    progress: Progress | None = None,
    anchor: Plan | None = None,
) -> Plan:
    """Build the athlete's whole plan.

    Args:
        profile: the athlete.
        library: the exercise library (``runlift.reference.exercises.exercise_library()``).
        time_limit_s: the placement's time limit per week.
        progress: called with (weeks done, weeks in all) after each week.
        anchor: an earlier plan of the athlete (a re-periodised plan's version before):
            each session keeps the start its id had there, in the same week, unless
            moving it lowers the rule cost by more than the move costs, so the calendar
            changes as little as the rules allow.

    Raises:
        InvalidInput: the profile cannot make a plan (see ``outline_plan``).
        UnplaceableWeek: a week cannot be placed even after dropping sessions; it names
            the colliding rules and the changes that would make the week work.
    """
    numbers = baseline(profile)
    outlines = outline_plan(profile)
    zone = ZoneInfo(profile.timezone)
    written_weeks = [
        written_week(outline, profile, numbers, library, outlines) for outline in outlines
    ]
    weeks = []
    previous: tuple[ScheduledSession, ...] = ()
    memo = PlacementMemo()
    anchored = (
        {week.start: tuple(s.scheduled for s in week.sessions) for week in anchor.weeks}
        if anchor
        else {}
    )
    for index, (outline, written) in enumerate(zip(outlines, written_weeks, strict=True)):
        following = (
            _fixed_sessions(written_weeks[index + 1], zone) if index + 1 < len(outlines) else ()
        )
        placement, kept, adjustments = _place(
            outline,
            written,
            profile,
            time_limit_s=time_limit_s,
            previous=previous,
            following=following,
            memo=memo,
            anchor=anchored.get(outline.start, ()),
        )
        previous = placement.sessions
        weeks.append(_week(outline, kept, placement, adjustments))
        if progress is not None:
            progress(len(weeks), len(outlines))
    return Plan(
        athlete=profile.name,
        start=outlines[0].start,
        end=outlines[-1].start + timedelta(days=6),
        weeks=tuple(weeks),
    )
