from datetime import timedelta
from functools import cache
from pathlib import Path

from runlift.domain.plan import Plan
from runlift.io.plan_markdown import plan_markdown
from runlift.io.profile import read_profile
from runlift.nutrition.days import LIFT_MET_COMPENDIUM_CODE, plan_nutrition
from runlift.programme.assembly import build_plan
from runlift.reference.compendium import met_for
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


def test_race_week_fuel_is_in_the_markdown() -> None:
    profile = read_profile(HALF.read_text(encoding="utf-8"))
    days = plan_nutrition(plan(), profile, lift_met=met_for(LIFT_MET_COMPENDIUM_CODE).met)
    text = plan_markdown(plan(), nutrition=days)
    race = profile.goal.race
    assert race is not None
    # The half marathon: two loading days, then the race's breakfast and fuel (1:45 > 75 min).
    for offset in (2, 1):
        heading = f"### {race.date - timedelta(days=offset):%a %d %b}"
        section = text.split(heading, 1)[1].split("### ", 1)[0]
        assert "Carbohydrate loading: " in section
        assert "g/kg, fat at 20 % of energy" in section
    section = text.split(f"### {race.date:%a %d %b}", 1)[1]
    assert "Race breakfast at " in section
    assert "h before the " in section
    assert "During the race: 30 g carbohydrate an hour" in section
    assert "(30-60 g/h; Jeukendrup 2014)" in section
    assert text.count("Carbohydrate loading: ") == 2
