from functools import cache
from pathlib import Path

from runlift.domain.plan import Plan
from runlift.io.plan_markdown import plan_markdown
from runlift.io.profile import read_profile
from runlift.programme.assembly import build_plan
from runlift.reference.exercises import exercise_library

HALF = Path(__file__).parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"


@cache
def plan() -> Plan:
    return build_plan(read_profile(HALF.read_text(encoding="utf-8")), library=exercise_library())


def test_every_week_and_session_is_in_the_markdown() -> None:
    text = plan_markdown(plan())
    assert text.startswith("# Alex Example: training plan")
    for week in plan().weeks:
        assert f"## Week {week.index + 1} from " in text
        for session in week.sessions:
            assert f"`{session.scheduled.spec.id}`" in text
            assert session.scheduled.spec.title in text
    assert "/km" in text
    assert "Why:" in text
    assert "Rest day." in text


def test_each_reason_is_a_list_item_of_its_own() -> None:
    text = plan_markdown(plan())
    session = plan().weeks[0].sessions[0]
    assert session.explanation
    for reason in session.explanation:
        assert f"\n- {reason}\n" in text
    assert ".;" not in text


def test_a_one_week_plan_says_one_week() -> None:
    text = HALF.read_text(encoding="utf-8").replace("date: 2027-04-11", "date: 2026-12-12", 1)
    one = build_plan(read_profile(text), library=exercise_library())
    assert len(one.weeks) == 1
    assert "Sun 13 Dec 2026, 1 week.\n" in plan_markdown(one)
    assert f", {len(plan().weeks)} weeks.\n" in plan_markdown(plan())
