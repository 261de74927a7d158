"""``plan.json`` keeps what the planner changed in each week, and reads it back."""

from __future__ import annotations

from datetime import date, timedelta

from runlift.domain.plan import Plan, PlanAdjustment, PlanDay, PlanWeek
from runlift.io import plan_json
from runlift.vocabulary import BlockFocus, Phase

MONDAY = date(2027, 1, 4)


def _plan(adjustments: tuple[PlanAdjustment, ...]) -> Plan:
    week = PlanWeek(
        index=0,
        start=MONDAY,
        block=0,
        focus=BlockFocus.RUNNING_VOLUME,
        phase=Phase.BUILD,
        deload=False,
        days=tuple(PlanDay(date=MONDAY + timedelta(days=n), sessions=()) for n in range(7)),
        notes=tuple(a.text for a in adjustments),
        adjustments=adjustments,
    )
    return Plan(athlete="A", start=MONDAY, end=MONDAY + timedelta(days=6), weeks=(week,))


def test_adjustments_are_written_and_read_back() -> None:
    dropped = PlanAdjustment(
        rule_ids=("SCH-10", "RL-1"),
        kind="dropped",
        session_id="w01-run4",
        title="Easy 6.0 km",
        text="SCH-10, RL-1: 'Easy 6.0 km' is left out this week: 5 runs need 5 days",
    )
    text = plan_json.dumps(plan_json.plan_dict(_plan((dropped,)), timezone="Europe/Berlin"))
    (written,) = plan_json.parse_plan(text).weeks
    assert [a.model_dump() for a in written.adjustments] == [
        {
            "rule_ids": ["SCH-10", "RL-1"],
            "kind": "dropped",
            "session_id": "w01-run4",
            "title": "Easy 6.0 km",
            "text": dropped.text,
        }
    ]
    plan, _ = plan_json.read_plan(text)
    assert plan.weeks[0].adjustments == (dropped,)
    assert dropped.text in plan.weeks[0].notes


def test_a_file_without_adjustments_reads_as_none() -> None:
    text = plan_json.dumps(plan_json.plan_dict(_plan(()), timezone="Europe/Berlin"))
    assert '"adjustments": []' in text
    older = text.replace('      "adjustments": [],\n', "")
    assert '"adjustments"' not in older
    plan, _ = plan_json.read_plan(older)
    assert plan.weeks[0].adjustments == ()
