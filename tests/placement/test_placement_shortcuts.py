"""The placement's shortcuts change how fast a week is placed, never what is placed.

* Neighbouring weeks' sessions are checked and priced with arithmetic instead
  of the checkers: the verdict and the price must be the checkers' on every start.
* Hints (a first guess per session) and the previous placement speed up the
  search: the cost found stays the optimum.
* A memo hands a week whose model repeats an earlier one that week's solution.
* Sessions that only differ in what no rule reads (a tempo and an interval run of
  one length) are placed in input order.
* ``suggest=False`` finds the conflicts of an infeasible week without checking
  relaxations.
* Window changes and a dropped run are checked on the diagnosis model, with
  narrowed start domains and fixed rule literals: each answer must be that of a
  model of the changed week alone.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from placement_builders import (
    MONDAY,
    by_id,
    lift,
    placed,
    request,
    run,
    windows,
)

from runlift.domain.sessions import ScheduledSession, SessionId, SessionSpec
from runlift.domain.week import TimeWindow, WeekContext
from runlift.errors import InvalidInput
from runlift.placement import diagnosis, solve
from runlift.placement.clock import DAYS_PER_WEEK, WeekClock
from runlift.placement.model import PlacementModel
from runlift.placement.prepare import (
    Item,
    Prepared,
    _near_neighbours,
    neighbour_cost,
    prepare,
)
from runlift.placement.week import (
    InfeasibleWeek,
    PlacementMemo,
    Relaxation,
    RelaxationKind,
    WeekPlacement,
    place_week,
)
from runlift.rules import check_week, week_cost
from runlift.rules.checkers import phy_1, rl_4, sch_4
from runlift.vocabulary import (
    EvidenceProfile,
    GoalKind,
    LiftKind,
    MuscleGroup,
    Priority,
    RunKind,
    Weekday,
)

BERLIN = ZoneInfo("Europe/Berlin")
LEGS, BACK, CHEST = MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST


def _reference(
    spec: SessionSpec,
    start_min: int,
    clock: WeekClock,
    neighbours: list[ScheduledSession],
    context: WeekContext,
) -> tuple[bool, int, int] | None:
    """The neighbour test and prices as the checkers make them: (clear, PHY-1, SCH-4).

    Hard rules hold against every neighbour; only pairs with sessions of the week
    before are priced (a pair is priced in the week of its later session).

    ``None`` for a start that cannot be a session: one ending in the repeated hour of
    an autumn clock change compares as ending before it starts.
    """
    start, end = clock.at(start_min), clock.at(start_min + spec.duration_min)
    try:
        placed_session = ScheduledSession(spec=spec, start=start, end=end)
    except InvalidInput:
        return None
    clear, points, quality = True, 0, 0
    for other in neighbours:
        if other.start < end and start < other.end:
            return (False, 0, 0)
        pair = [placed_session, other]
        if any(
            v.hard for check in (sch_4.check, phy_1.check, rl_4.check) for v in check(pair, context)
        ):
            return (False, 0, 0)
        if other.start < clock.at(0):
            points += phy_1.penalty(pair, context)
            quality += sch_4.penalty(pair, context)
    return (clear, points, quality)


@pytest.mark.parametrize(
    ("week_start", "profile"),
    [
        (MONDAY, EvidenceProfile.DEFAULT),
        (date(2025, 3, 24), EvidenceProfile.STRICT),  # clock change on Sunday 30 March
        (date(2025, 10, 20), EvidenceProfile.MODERATE),  # and back on Sunday 26 October
    ],
)
def test_neighbour_shortcut_agrees_with_the_checkers(
    week_start: date, profile: EvidenceProfile
) -> None:
    rng = random.Random(7)
    specs = [
        lift("Squat", kind=LiftKind.HEAVY_LOWER, minutes=75, groups=(LEGS, BACK)),
        lift("Upper", kind=LiftKind.UPPER, minutes=45, groups=(CHEST, BACK)),
        lift("Jumps", kind=LiftKind.EXPLOSIVE, minutes=30, groups=(LEGS,)),
        run("Intervals", kind=RunKind.INTERVALS, minutes=50),
        run("Long", kind=RunKind.LONG, minutes=105),
        run("Easy", minutes=30),
        run("Race", kind=RunKind.RACE, minutes=100),
    ]
    req = request([], {}, profile=profile, week_start=week_start)
    clock = WeekClock(week_start, BERLIN)
    checked = priced = blocked = 0
    for _ in range(40):
        neighbours = []
        for n in range(rng.randint(1, 3)):
            spec = dataclasses.replace(rng.choice(specs), id=SessionId(f"n{n}"))
            day = rng.choice([-2, -1, 7, 8])
            # Odd seconds, so that the gaps are not whole minutes.
            start = datetime.combine(
                week_start + timedelta(days=day), datetime.min.time(), tzinfo=BERLIN
            ) + timedelta(minutes=rng.randrange(0, 24 * 60, 5), seconds=rng.randrange(60))
            neighbours.append(
                ScheduledSession(
                    spec=spec, start=start, end=start + timedelta(minutes=spec.duration_min)
                )
            )
        with_neighbours = dataclasses.replace(req, neighbours=tuple(neighbours))
        near = _near_neighbours(with_neighbours, clock)
        for spec in specs:
            for start_min in (*range(0, 2 * 1440, 15), *range(5 * 1440, 7 * 1440 - 120, 15)):
                expected = _reference(spec, start_min, clock, neighbours, req.context)
                if expected is None:
                    continue
                day = clock.day_of(start_min)
                found = neighbour_cost(spec, start_min, day, near, req.context)
                assert (found.clear, found.phy_1, found.sch_4) == expected
                checked += 1
                priced += bool(found.phy_1 or found.sch_4)
                blocked += not found.clear
    assert checked > 50_000
    # Both verdicts and prices were exercised, not only the easy answer.
    assert priced > 1_000, (priced, blocked)
    assert blocked > 1_000


def _week() -> tuple[list[SessionSpec], dict[Weekday, tuple[TimeWindow, ...]]]:
    sessions = [
        lift("Squat", kind=LiftKind.HEAVY_LOWER, groups=(LEGS, BACK, CHEST)),
        lift("Press", kind=LiftKind.UPPER, minutes=45, groups=(LEGS, BACK, CHEST)),
        run("Tempo", kind=RunKind.TEMPO, minutes=50, key=True),
        run("Long", kind=RunKind.LONG, minutes=90, key=True),
        run("Easy", minutes=40),
    ]
    avail = windows(
        mon="06:00-08:00 18:00-20:00",
        tue="18:00-20:00",
        wed="06:00-07:30 18:00-20:00",
        thu="18:00-19:30",
        sat="08:00-11:00",
        sun="08:00-11:00",
    )
    return sessions, avail


def _score(result: WeekPlacement | InfeasibleWeek) -> tuple[int, int]:
    assert isinstance(result, WeekPlacement)
    return result.cost.total, sum(result.preferences.values())


def test_hints_never_change_the_optimum() -> None:
    sessions, avail = _week()
    req = request(sessions, avail, goal=GoalKind.RACE, priority=Priority.RUNNING)
    plain = placed(req)
    assert plain.optimal
    rng = random.Random(3)
    for _ in range(6):
        guess = {
            s.id: datetime.combine(
                MONDAY + timedelta(days=rng.randrange(7)), datetime.min.time(), tzinfo=BERLIN
            )
            + timedelta(minutes=rng.randrange(0, 1440, 15))
            for s in sessions
        }
        hinted = place_week(req, hint=guess)
        assert isinstance(hinted, WeekPlacement)
        assert hinted.optimal
        assert _score(hinted) == _score(plain)
        again = place_week(req, hint=guess)
        assert isinstance(again, WeekPlacement)
        assert again.sessions == hinted.sessions  # the same hint, the same placement
    # Last week's answer as the hint: the same optimum, usually the same placement.
    best = {s.id: s.start for s in plain.sessions}
    assert _score(place_week(req, hint=best)) == _score(plain)


def test_hints_are_checked() -> None:
    sessions, avail = _week()
    req = request(sessions, avail)
    with pytest.raises(InvalidInput, match="session"):
        place_week(req, hint={SessionId("Nope"): datetime(2025, 1, 6, 18, tzinfo=BERLIN)})
    naive = datetime(2025, 1, 6, 18, tzinfo=BERLIN).replace(tzinfo=None)
    with pytest.raises(InvalidInput, match="hint"):
        place_week(req, hint={SessionId("Tempo"): naive})


def test_a_week_that_repeats_takes_the_memo_and_is_explained_afresh() -> None:
    sessions, avail = _week()
    memo = PlacementMemo()
    first = place_week(request(sessions, avail), memo=memo)
    assert isinstance(first, WeekPlacement)
    assert memo.hits == 0
    assert len(memo.solved) == 1
    renamed = [
        dataclasses.replace(s, id=SessionId(f"w2-{s.id}"), title=f"{s.title} (week 2)")
        for s in sessions
    ]
    later = request(renamed, avail, week_start=MONDAY + timedelta(days=7))
    second = place_week(later, memo=memo)
    assert isinstance(second, WeekPlacement)
    assert memo.hits == 1
    assert second.solve_time_s == 0.0
    assert second.optimal
    assert second.cost == first.cost
    assert second.preferences == first.preferences
    assert [(s.id, s.start + timedelta(days=7)) for s in first.sessions] == [
        (SessionId(s.id.removeprefix("w2-")), s.start) for s in second.sessions
    ]
    said = " ".join(line for e in second.explanations.values() for line in e.lines)
    assert "(week 2)'" in said
    assert not any(f"'{s.title}'" in said for s in sessions)
    assert not [v for v in check_week(second.sessions, later.context) if v.hard]


def test_the_memo_key_sees_neighbours_context_and_clock_changes() -> None:
    sessions, avail = _week()
    memo = PlacementMemo()
    base = request(sessions, avail)
    place_week(base, memo=memo)
    sunday = datetime(2025, 1, 5, 19, 0, tzinfo=BERLIN)
    neighbour = ScheduledSession(
        spec=run("Last Sunday", kind=RunKind.INTERVALS, minutes=60),
        start=sunday,
        end=sunday + timedelta(hours=1),
    )
    variants = [
        dataclasses.replace(base, neighbours=(neighbour,)),  # takes Monday's early starts
        request(sessions, avail, profile=EvidenceProfile.STRICT),
        request(sessions, avail, week_start=date(2025, 3, 24)),  # a 23-hour Sunday
    ]
    for variant in variants:
        result = place_week(variant, memo=memo)
        assert isinstance(result, WeekPlacement)
        assert memo.hits == 0
        assert not [v for v in check_week(result.sessions, variant.context) if v.hard]
    assert len(memo.solved) == 4


def test_runs_no_rule_tells_apart_are_placed_in_input_order_at_the_optimum() -> None:
    # A tempo and an interval run of 50 minutes weigh the same in every rule.
    sessions = [
        lift("Squat", kind=LiftKind.HEAVY_LOWER, groups=(LEGS, BACK, CHEST)),
        run("Tempo", kind=RunKind.TEMPO, minutes=50),
        run("Intervals", kind=RunKind.INTERVALS, minutes=50),
        lift("Other", kind=LiftKind.RUNNER_STRENGTH),
    ]
    avail = windows(mon="18:00-19:00", tue="18:00-19:00", wed="07:00-08:00", thu="18:00-19:00")
    req = request(sessions, avail, goal=GoalKind.STRENGTH, priority=Priority.LIFTING)
    result = placed(req)
    week = by_id(result)
    assert week["Tempo"].start < week["Intervals"].start
    # Brute force over every placement on the hour: nothing beats the solver's cost.
    starts = {
        s.id: [
            datetime(2025, 1, 6 + day, hour, tzinfo=BERLIN)
            for day, hours in ((0, (18,)), (1, (18,)), (2, (7,)), (3, (18,)))
            for hour in hours
        ]
        for s in sessions
    }
    best = None
    for choice in itertools.product(*(starts[s.id] for s in sessions)):
        week_sessions = [
            ScheduledSession(spec=s, start=t, end=t + timedelta(minutes=s.duration_min))
            for s, t in zip(sessions, choice, strict=True)
        ]
        if any(v.hard for v in check_week(week_sessions, req.context)):
            continue
        cost = week_cost(week_sessions, req.context).total
        best = cost if best is None else min(best, cost)
    assert best == result.cost.total


def test_without_suggestions_an_infeasible_week_still_names_its_conflict() -> None:
    sessions = [run(f"Run {n}", minutes=40) for n in range(4)]
    req = request(sessions, windows(mon="18:00-21:00", wed="18:00-21:00", fri="18:00-21:00"))
    quick = place_week(req, suggest=False)
    full = place_week(req)
    assert isinstance(quick, InfeasibleWeek)
    assert isinstance(full, InfeasibleWeek)
    assert quick.relaxations == ()
    assert full.relaxations
    assert [c.text for c in quick.conflicts] == [c.text for c in full.conflicts]
    assert "RL-1" in quick.conflicts[0].rule_ids


INFEASIBLE_WEEKS = [
    # four runs, three days with a window (RL-1)
    (
        [run(f"Run {n}", minutes=40) for n in range(4)],
        {"mon": "18:00-21:00", "wed": "18:00-21:00", "fri": "18:00-21:00"},
    ),
    # a heavy lower lift between hard runs on short evenings, the one morning too close to
    # its midday window (SCH-1, SCH-4, RL-1)
    (
        [
            lift("Squat", kind=LiftKind.HEAVY_LOWER),
            lift("Full body"),
            run("Tempo", kind=RunKind.TEMPO, minutes=50),
            run("Intervals", kind=RunKind.INTERVALS, minutes=50),
            run("Long", kind=RunKind.LONG, minutes=90),
        ],
        {
            "tue": "18:00-19:45",
            "wed": "18:00-19:30",
            "thu": "06:00-07:00 12:00-13:00",
            "sat": "08:00-10:00",
        },
    ),
    # five sessions in two mornings and one evening
    (
        [
            lift("Lift A"),
            lift("Lift B"),
            run("Easy"),
            run("Tempo", kind=RunKind.TEMPO),
            run("Long", kind=RunKind.LONG, minutes=80),
        ],
        {"mon": "06:00-07:30", "wed": "06:00-07:30", "sat": "17:00-19:00"},
    ),
]


def _alone(candidate: Relaxation, prepared: Prepared) -> bool:
    """Whether the week with ``candidate`` made is feasible, on a model of its own."""
    relaxed = candidate.apply(prepared.request)
    try:
        again = prepare(relaxed, fixed=diagnosis._fixed(relaxed, prepared))
    except InvalidInput:
        return False
    return solve.solve(solve.build(again, objective=False), time_limit_s=5.0).solution is not None


def _drop(item: Item) -> Relaxation:
    return Relaxation(
        kind=RelaxationKind.DROP_SESSION,
        size=diagnosis.DROP_POINTS,
        text=f"drop {item.spec.title}",
        session_ids=(item.id,),
    )


@pytest.mark.parametrize("combined", [False, True])
@pytest.mark.parametrize(("sessions", "spans"), INFEASIBLE_WEEKS)
def test_changes_checked_on_the_diagnosis_model_answer_as_a_model_of_their_own(
    sessions: list[SessionSpec],
    spans: dict[str, str],
    combined: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    req = request(sessions, windows(**spans))
    if combined:
        req = dataclasses.replace(
            req, context=dataclasses.replace(req.context, allow_combined=True)
        )
    assert isinstance(place_week(req), InfeasibleWeek)
    prepared = prepare(req)
    model = solve.build(prepared, diagnose=True, objective=False)
    cores, _ = diagnosis.find_cores(model, 5.0)
    checks = diagnosis._Checks(prepared, model, limit_s=5.0, cores=cores)
    new_windows, extensions = diagnosis._window_candidates(req, 60)
    longer, _ = diagnosis._window_candidates(req, 105)
    on_model = [*new_windows, *extensions, *longer, *diagnosis._more_windows(req)]
    drops = [_drop(item) for item in prepared.items]
    run_drops = [_drop(item) for item in prepared.items if item.spec.is_run]
    others = [*diagnosis._profile_candidates(req), *diagnosis._more_drops(prepared)]
    builds: list[Prepared] = []
    real_build = solve.build

    def counted(again: Prepared, **kwargs: bool) -> PlacementModel:
        builds.append(again)
        return real_build(again, **kwargs)

    monkeypatch.setattr(solve, "build", counted)
    answers = []
    for candidate in [*on_model, *drops, *others]:
        before = len(builds)
        answer, _ = checks.works(candidate)
        built = len(builds) > before
        if candidate in on_model or (candidate in run_drops and not combined):
            assert not built, candidate.text
        alone = _alone(candidate, prepared)
        assert answer == alone, candidate.text
        answers.append(alone)
    assert any(answers)
    assert not all(answers)


def test_a_dropped_run_is_checked_on_the_diagnosis_model_only_when_the_week_has_room() -> None:
    sessions, spans = INFEASIBLE_WEEKS[0]
    prepared = prepare(request(sessions, windows(**spans)))
    dropped = prepared.items[0]
    again = prepare(_drop(dropped).apply(prepared.request))
    assert diagnosis._has_room(again, dropped)
    # Sessions long enough to fill the week leave no room the bound can promise.
    week_min = DAYS_PER_WEEK * diagnosis.SHORTEST_DAY_MIN
    crowded = dataclasses.replace(
        again,
        items=tuple(
            dataclasses.replace(
                item, spec=dataclasses.replace(item.spec, duration_min=week_min // len(again.items))
            )
            for item in again.items
        ),
    )
    assert not diagnosis._has_room(crowded, dropped)


def test_changes_that_loosen_no_rule_of_a_conflict_are_rejected_without_a_solve(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Five runs and three explosive lifts, every day open: running first on shared
    # days (SCH-3, race goal) and no explosive lift after a run (SCH-9) leave the
    # lifts days of their own, and eight sessions need eight days (RL-1). No window,
    # profile or combined block changes that; dropping a run does.
    req = request(
        [
            *(run(f"Run {n}") for n in range(5)),
            *(lift(f"Jumps {n}", explosive=True) for n in range(3)),
        ],
        windows(**dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "06:00-22:00")),
        goal=GoalKind.RACE,
        priority=Priority.RUNNING,
        profile=EvidenceProfile.STRICT,
        rest_days_min=0,  # with a rest day to keep, SCH-10 would collide too
    )
    prepared = prepare(req)
    model = solve.build(prepared, diagnose=True, objective=False)
    cores, _ = diagnosis.find_cores(model, 5.0)
    assert [sorted({rule for rule, _ in core}) for core in cores] == [["RL-1", "SCH-3", "SCH-9"]]
    checks = diagnosis._Checks(prepared, model, limit_s=5.0, cores=cores)
    new_windows, extensions = diagnosis._window_candidates(req, 60)
    combined = Relaxation(
        kind=RelaxationKind.ALLOW_COMBINED, size=diagnosis.COMBINED_POINTS, text="allow combined"
    )
    rejected = [
        *new_windows,
        *extensions,
        *diagnosis._more_windows(req),
        *diagnosis._profile_candidates(req),
        combined,
    ]
    assert len(rejected) > 4
    solves: list[PlacementModel] = []
    real_solve = solve.solve

    def counted(m: PlacementModel, **kwargs: object) -> solve.Outcome:
        solves.append(m)
        return real_solve(m, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(solve, "solve", counted)
    for candidate in rejected:
        assert checks.works(candidate) == (False, 0.0), candidate.text
        assert not _alone(candidate, prepared), candidate.text
    assert solves.count(model) == 0
    assert len(solves) == len(rejected)  # the own-model checks above, one each
    drop = _drop(prepared.items[0])
    assert checks.works(drop)[0]
    assert len(solves) == len(rejected) + 1  # solved (on a model of its own: running first)


def test_extensions_within_waking_hours_are_tried_first() -> None:
    req = request([lift("A"), lift("B")], windows(mon="05:00-06:00 18:00-19:00"))
    _, extensions = diagnosis._window_candidates(req, 60)
    texts = [candidate.text for candidate in extensions]
    assert texts == [
        "extend Monday's 18:00-19:00 window to 20:00",
        "start Monday's 18:00-19:00 window at 17:00",
        "extend Monday's 05:00-06:00 window to 07:00",
        "start Monday's 05:00-06:00 window at 04:00",
    ]


def test_a_dropped_run_is_checked_on_a_model_of_its_own_when_running_comes_first() -> None:
    # Race goal: on a day with both, a run must come first (SCH-3, hard). The lifts
    # fit only at 06:00 on Monday and Tuesday, the runs also at 18:00, so a shared
    # day puts the lift first. Without a run the week still fails; kept in the
    # diagnosis model with its rules off, the dropped run could start before a lift
    # at night and stand as the run that precedes it.
    req = request(
        [
            lift("Lift A", kind=LiftKind.RUNNER_STRENGTH),
            lift("Lift B", kind=LiftKind.RUNNER_STRENGTH),
            run("Run X"),
            run("Run Y"),
            run("Run Z"),
        ],
        windows(mon="06:00-07:00 18:00-18:45", tue="06:00-07:00 18:00-18:45", wed="06:00-06:45"),
        goal=GoalKind.RACE,
        priority=Priority.RUNNING,
    )
    prepared = prepare(req)
    assert prepared.sch3_hard
    model = solve.build(prepared, diagnose=True, objective=False)
    cores, _ = diagnosis.find_cores(model, 5.0)
    checks = diagnosis._Checks(prepared, model, limit_s=5.0, cores=cores)
    for item in prepared.items:
        if item.spec.is_run:
            drop = _drop(item)
            assert checks.works(drop)[0] is False, drop.text
            assert not _alone(drop, prepared), drop.text
    result = place_week(req)
    assert isinstance(result, InfeasibleWeek)
    assert result.relaxations
    for relaxation in result.relaxations:
        assert isinstance(place_week(relaxation.apply(req)), WeekPlacement), relaxation.text
