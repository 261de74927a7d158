"""A whole 16-week plan lived day by day through the store, adapted every morning.

The simulated athlete (``adaptation_simulation``) misses about 15 % of the sessions at
random, rates sessions and top sets with noise, is ill for a week, travels for four
days and sets a new squat maximum. After every morning's ``adapt``:

* every hard rule holds, as the rule checkers judge the plan the athlete lives;
* no session before that day changed;
* the planned acute:chronic ratio of what remains stays at or under RL-10's limit
  (or every session before the day is already eased as far as RL-10 goes);
* no version is lost: versions are numbered 1, 2, 3 ... and each valid from its day;
* the plan still ends with its taper and the race on race day.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from adaptation_simulation import Day, Script, Simulation, simulate, sixteen_weeks

from runlift.domain.plan import Plan, PlannedSession
from runlift.programme.adaptation import plan_violations, remainder_ratios
from runlift.programme.adaptation_days import FATIGUE_STEPS, GOAL_PHASES, fatigue_step
from runlift.programme.adaptation_facts import kept
from runlift.programme.assembly import week_context
from runlift.rules import rule
from runlift.services import status
from runlift.store.repository import Store
from runlift.vocabulary import Phase, RunKind

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"
)
SCRIPT = Script(seed=7, illness_first_day=38, travel_first_day=66, squat_from_day=50)


def sessions(plan: Plan) -> list[PlannedSession]:
    return [s for week in plan.weeks for s in week.sessions]


def before(plan: Plan, day: date) -> list[PlannedSession]:
    return [s for s in sessions(plan) if s.scheduled.local_date < day]


def check_day(simulation: Simulation, lived: Day) -> None:
    day = lived.today
    read = status.athlete_monitoring(simulation.store, simulation.athlete_id, today=day)
    version, monitoring = read.version, read.monitoring
    statuses = {r.session.scheduled.id: r.status for r in monitoring.records}
    found = plan_violations(
        version.plan, week_context(version.profile), today=day, statuses=statuses
    )
    assert found == [], (day, [f"{v.rule_id}: {v.text}" for v in found])
    assert before(lived.after, day) == before(lived.before, day), day
    if lived.outcome.to_version is not None:
        assert lived.outcome.to_version == lived.outcome.from_version + 1
        assert version.valid_from == day
    limit = rule("RL-10").param("acwr_max", version.profile.evidence_profile)
    ratios = remainder_ratios(
        sessions(version.plan),
        goal_weeks={w.start for w in version.plan.weeks if w.phase in GOAL_PHASES},
        actual_load_au=monitoring.actual_load_au,
        today=day,
        statuses=statuses,
    )
    for when, ratio in ratios.items():
        if ratio <= limit:
            continue
        # Over the limit only where the past alone sets it: nothing left to ease.
        week = [
            s
            for s in sessions(version.plan)
            if 0 <= (when - s.scheduled.local_date).days < 7
            and not kept(s, today=day, statuses=statuses)
            and s.scheduled.spec.kind is not RunKind.RACE
        ]
        assert all(fatigue_step(s) >= FATIGUE_STEPS for s in week), (day, when, ratio)


@pytest.fixture(scope="module")
def lived(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Simulation]:
    text, _ = sixteen_weeks(EXAMPLE.read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("simulation") / "runlift.db"
    with Store(f"sqlite:///{path}") as store:
        yield simulate(store, text, SCRIPT, each_day=check_day)


def test_every_day_of_the_plan_was_adapted_and_judged(lived: Simulation) -> None:
    first = lived.first_day()
    assert len(lived.days) == 16 * 7
    assert lived.days[0].today == first
    assert lived.days[-1].today == first.fromordinal(first.toordinal() + 16 * 7 - 1)


def test_no_version_is_lost(lived: Simulation) -> None:
    versions = lived.store.plan_versions(lived.athlete_id)
    numbers = [v.version for v in versions]
    assert numbers == list(range(1, len(numbers) + 1))
    made = [d.outcome.to_version for d in lived.days if d.outcome.to_version is not None]
    assert made == numbers[1:]
    assert len(made) >= 5
    days = [v.valid_from for v in versions]
    assert days == sorted(days)
    for number in numbers[1:]:
        stored = lived.store.plan_version(lived.athlete_id, number)
        assert stored.changes
        assert stored.reason.startswith(f"adapted on {stored.valid_from.isoformat()}")


def test_the_plan_ends_with_its_taper_and_the_race_on_race_day(lived: Simulation) -> None:
    plan = lived.store.plan_version(lived.athlete_id).plan
    race_day = lived.profile.goal.race.date if lived.profile.goal.race else None
    assert plan.weeks[-1].phase is Phase.RACE
    assert plan.weeks[-2].phase is Phase.TAPER
    races = [s for s in sessions(plan) if s.scheduled.spec.kind is RunKind.RACE]
    assert [r.scheduled.local_date for r in races] == [race_day]
    first = lived.store.plan_version(lived.athlete_id, 1).plan
    assert [r for r in sessions(first) if r.scheduled.spec.kind is RunKind.RACE] == races


def test_each_rule_the_script_calls_for_was_applied(lived: Simulation) -> None:
    rules = {r for d in lived.days for record in d.outcome.records for r in record["rules"]}
    assert {"RL-5", "RL-6", "RL-8", "RL-9", "RL-10"} <= rules
    illness = lived.first_day().toordinal() + SCRIPT.illness_first_day
    dropped = {
        str(record["session_id"])
        for d in lived.days
        if d.today.toordinal() == illness
        for record in d.outcome.records
        if record["change"] == "dropped"
    }
    assert dropped
