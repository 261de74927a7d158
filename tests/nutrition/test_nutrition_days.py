"""Day-by-day nutrition (NUT-1..4): hand-computed days, the example athlete, generated athletes."""

from __future__ import annotations

import dataclasses
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nutrition_builders import (
    MONDAY,
    ZONE,
    athlete,
    guideline_problems,
    lift,
    minutes_of,
    plan_of,
    run,
    week,
)

from runlift.domain.athlete import (
    AthleteProfile,
    DayRhythm,
    Goal,
    LiftingBackground,
    RunningBackground,
)
from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan, PlannedSession
from runlift.domain.week import TimeWindow
from runlift.errors import InvalidInput
from runlift.io.profile import read_profile
from runlift.nutrition.days import (
    LIFT_MET_COMPENDIUM_CODE,
    NON_EXERCISE_FACTOR,
    activity_factor,
    hard_weeks,
    plan_nutrition,
)
from runlift.programme.assembly import build_plan
from runlift.reference.compendium import met_for
from runlift.reference.exercises import exercise_library
from runlift.vocabulary import (
    ActivityLevel,
    Experience,
    GoalKind,
    Priority,
    RunKind,
    Sex,
    Weekday,
)

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"
)
LIFT_MET = 3.5
TUESDAY = date(2027, 1, 5)
WEDNESDAY = date(2027, 1, 6)


def _clock(text: str) -> time:
    return time.fromisoformat(text)


def _on(days: tuple[DayNutrition, ...], day: date) -> DayNutrition:
    return next(d for d in days if d.date == day)


# ---- hand-computed athlete 1: Sam, hypertrophy, Mifflin-St Jeor ----

SAM = athlete(
    sex=Sex.MALE,
    mass_kg=80,
    height_cm=180,
    birth_date=date(1990, 6, 15),
    goal=GoalKind.HYPERTROPHY,
    activity=ActivityLevel.LIGHT,
    wake=time(6, 30),
    sleep=time(22, 30),
)
SAM_LIFT = lift("Sam lift", MONDAY, "07:00", minutes=60)
SAM_RUN = run("Sam run", WEDNESDAY, "17:00", minutes=70, km=12)
SAM_PLAN = plan_of(week([SAM_LIFT, SAM_RUN]))


@pytest.fixture(scope="module")
def sam() -> tuple[DayNutrition, ...]:
    """Sam's week, computed once."""
    return plan_nutrition(SAM_PLAN, SAM, lift_met=LIFT_MET)


def test_sam_lift_day_by_hand(sam: tuple[DayNutrition, ...]) -> None:
    day = _on(sam, MONDAY)
    # Resting (Mifflin-St Jeor, 36 years on 4 Jan 2027): 10*80 + 6.25*180 - 5*36 + 5 = 1750
    assert day.resting_kcal == pytest.approx(1750.0)
    assert day.resting_equation == "mifflin_st_jeor"
    # Daily life, light (1.55): 1750 * 0.55 = 962.5
    assert day.non_exercise_kcal == pytest.approx(962.5)
    # Lift, net MET: (3.5 - 1) * 80 kg * 1 h = 200
    assert day.training_kcal == pytest.approx(200.0)
    # Expenditure: 1750 + 962.5 + 200 = 2912.5; hypertrophy target +375 = 3287.5
    assert day.expenditure_kcal == pytest.approx(2912.5)
    assert day.target_kcal == pytest.approx(3287.5)
    # Protein: the only week is a hard week, no deficit -> 1.9 g/kg * 80 = 152 g
    assert day.hard_block
    assert day.protein_g == pytest.approx(152.0)
    # 60 training min -> moderate load, 5-7 g/kg -> middle 6 g/kg = 480 g
    # (room at 20 % fat: (3287.5*0.8 - 608)/4 = 505.5 g >= 480; fat at 480 g is 23 %, under 35 %)
    assert day.load_band == "moderate"
    assert day.carbohydrate_g == pytest.approx(480.0)
    # Fat: (3287.5 - 152*4 - 480*4) / 9 = 759.5 / 9 = 84.39 g = 23.1 %
    assert day.fat_g == pytest.approx(759.5 / 9)
    assert round(day.fat_percent, 1) == 23.1
    # Servings: 152 g / 24 g (0.3 g/kg) = 6.3 -> 6 (cap: 16 waking h // 3 + 1 = 6), 25.33 g each.
    # Breakfast at 07:00 falls in the lift, so the first is the post-lift one at 08:00 + 30 min;
    # the other five split 08:30-22:30 (840 min) evenly, every 140 min.
    assert [s.at for s in day.servings] == [
        _clock(t) for t in ("08:30", "10:50", "13:10", "15:30", "17:50", "20:10")
    ]
    assert all(s.protein_g == pytest.approx(152 / 6) for s in day.servings)
    assert day.servings[0].after_session == "Sam lift"
    # No run: carbohydrate shared evenly, 480 / 6 = 80 g
    assert all(s.carbohydrate_g == pytest.approx(80.0) for s in day.servings)
    # Expected mass: 80 + 375 / 7700
    assert day.expected_mass_kg == pytest.approx(80 + 375 / 7700)
    assert day.gave_way == ()


def test_sam_rest_day_by_hand(sam: tuple[DayNutrition, ...]) -> None:
    day = _on(sam, TUESDAY)
    # Expenditure 1750 + 962.5 = 2712.5; target 3087.5
    assert day.training_kcal == 0
    assert day.target_kcal == pytest.approx(3087.5)
    assert day.protein_g == pytest.approx(152.0)
    # Light load 3-5 g/kg: middle 320 g would leave fat at 38 %; carbohydrate rises so fat is 35 %:
    # (3087.5*0.65 - 608)/4 = 349.72 g (under the band top of 400 g)
    assert day.load_band == "light"
    assert day.carbohydrate_g == pytest.approx((3087.5 * 0.65 - 608) / 4)
    # Fat: 3087.5 * 0.35 / 9 = 120.07 g
    assert day.fat_g == pytest.approx(3087.5 * 0.35 / 9)
    # Servings: breakfast 07:00, then five more over 07:00-22:30 (930 min), every 155 min
    assert [s.at for s in day.servings] == [
        _clock(t) for t in ("07:00", "09:35", "12:10", "14:45", "17:20", "19:55")
    ]
    assert day.expected_mass_kg == pytest.approx(80 + 2 * 375 / 7700)


def test_sam_run_day_by_hand(sam: tuple[DayNutrition, ...]) -> None:
    day = _on(sam, WEDNESDAY)
    # Run, net: 1 kcal/kg/km * 80 kg * 12 km = 960
    assert day.training_kcal == pytest.approx(960.0)
    # Expenditure 1750 + 962.5 + 960 = 3672.5; target +375 = 4047.5
    assert day.expenditure_kcal == pytest.approx(3672.5)
    assert day.target_kcal == pytest.approx(4047.5)
    # 70 min easy run -> moderate, 5-7 g/kg; the middle (480 g) leaves fat above 35 %, so
    # carbohydrate = (4047.5*0.65 - 608)/4 = 505.72 g; fat = 4047.5*0.35/9 = 157.40 g
    assert day.carbohydrate_g == pytest.approx((4047.5 * 0.65 - 608) / 4)
    assert day.fat_g == pytest.approx(4047.5 * 0.35 / 9)
    # Servings: breakfast 07:00, pre-run 17:00 - 90 min = 15:30, post-run 18:10 + 30 = 18:40,
    # two in 07:00-15:30 (every 170 min) and one in 18:40-22:30 (at its middle)
    times = [s.at for s in day.servings]
    assert times == [_clock(t) for t in ("07:00", "09:50", "12:40", "15:30", "18:40", "20:35")]
    by_time = {s.at: s for s in day.servings}
    assert by_time[_clock("15:30")].before_session == "Sam run"
    assert by_time[_clock("18:40")].after_session == "Sam run"
    # Carbohydrate: 1 g/kg = 80 g before (90 min ahead) and 80 g after the run;
    # the rest (505.72 - 160) / 4 = 86.43 g in each other serving
    assert by_time[_clock("15:30")].carbohydrate_g == pytest.approx(80.0)
    assert by_time[_clock("18:40")].carbohydrate_g == pytest.approx(80.0)
    rest = ((4047.5 * 0.65 - 608) / 4 - 160) / 4
    for at in ("07:00", "09:50", "12:40", "20:35"):
        assert by_time[_clock(at)].carbohydrate_g == pytest.approx(rest)
    assert day.expected_mass_kg == pytest.approx(80 + 3 * 375 / 7700)


# ---- hand-computed athlete 2: Kim, fat loss, Cunningham, a hard double day ----

KIM = dataclasses.replace(
    athlete(
        sex=Sex.FEMALE,
        mass_kg=70,
        height_cm=168,
        goal=GoalKind.FAT_LOSS,
        activity=ActivityLevel.SEDENTARY,
        wake=time(6, 0),
        sleep=time(22, 0),
    ),
    body_fat_percent=30.0,
)
KIM_RUN = run("Kim intervals", MONDAY, "06:30", minutes=45, km=8, kind=RunKind.INTERVALS, rpe=8)
KIM_LIFT = lift("Kim lift", MONDAY, "18:00", minutes=50)


def test_kim_double_day_by_hand() -> None:
    day = _on(plan_nutrition(plan_of(week([KIM_RUN, KIM_LIFT])), KIM, lift_met=LIFT_MET), MONDAY)
    # Resting (Cunningham): fat-free mass 70 * 0.70 = 49 kg; 500 + 22 * 49 = 1578
    assert day.resting_kcal == pytest.approx(1578.0)
    assert day.resting_equation == "cunningham"
    # Daily life, sedentary (1.40): 1578 * 0.40 = 631.2
    assert day.non_exercise_kcal == pytest.approx(631.2)
    # Run 70 * 8 = 560; lift (3.5 - 1) * 70 * 50/60 = 145.83; training 705.83
    assert day.training_kcal == pytest.approx(560 + 2.5 * 70 * 50 / 60)
    expenditure = 1578 + 631.2 + 560 + 2.5 * 70 * 50 / 60  # 2915.03
    assert day.expenditure_kcal == pytest.approx(expenditure)
    # Fat loss: deficit 5.5 kcal/kg * 70 = 385 (within 10-20 % of 2915) -> 2530.03 kcal;
    # protein 2.2 g/kg (deficit and hard week) = 154 g = 616 kcal
    assert day.protein_g == pytest.approx(154.0)
    # 95 training min (45 hard: the intervals run has no steps, so it counts whole) -> high
    # load, 6-10 g/kg: even the bottom (420 g) does not fit 2530 kcal with 20 % fat. Fat loss
    # keeps its deficit (every fat-loss day below expenditure), so carbohydrate gives way below
    # its band: (2530.03*0.8 - 616)/4 = 352.0 g (5.0 g/kg, more than 130 g).
    assert day.load_band == "high"
    assert day.hard_min == pytest.approx(45.0)
    target = expenditure - 385
    assert day.target_kcal == pytest.approx(target)
    carbohydrate = (target * 0.8 - 616) / 4
    assert day.carbohydrate_g == pytest.approx(carbohydrate)
    assert day.fat_g == pytest.approx(target * 0.2 / 9)
    assert day.gave_way == ("carbohydrate",)
    assert any("below the band's 420 g" in n for n in day.notes)
    # Servings (6 of 154/6 = 25.67 g): pre-run on waking 06:00 (90 min ahead is before waking),
    # post-run 07:15 + 30 = 07:45, post-lift 18:50 + 30 = 19:20, three in 07:45-19:20 every
    # 173.75 min, rounded to 5 min: 10:40, 13:30 (tie 13:30/13:35 -> earlier), 16:25
    assert [s.at for s in day.servings] == [
        _clock(t) for t in ("06:00", "07:45", "10:40", "13:30", "16:25", "19:20")
    ]
    assert all(s.protein_g == pytest.approx(154 / 6) for s in day.servings)
    # Carbohydrate: 30 min before the run 0.5 g/kg = 35 g, after it 1 g/kg = 70 g,
    # the rest (352.0 - 105) / 4 in each of the others
    rest = (carbohydrate - 105) / 4
    assert [s.carbohydrate_g for s in day.servings] == pytest.approx(
        [35.0, 70.0, rest, rest, rest, rest]
    )
    assert day.servings[0].before_session == "Kim intervals"
    assert day.servings[1].after_session == "Kim intervals"
    assert day.servings[-1].after_session == "Kim lift"
    # Expected mass: 70 - 385 / 7700
    assert day.expected_mass_kg == pytest.approx(70 - 385 / 7700)


# ---- behaviours ----


def test_goal_sets_the_energy_balance() -> None:
    plan = plan_of(week([]))
    for goal, low, high in (
        (GoalKind.HYPERTROPHY, 375, 375),
        (GoalKind.STRENGTH, 125, 125),
        # NUT-1 "match": general fitness (and race) goals plan no gain in body mass.
        (GoalKind.GENERAL_FITNESS, 0, 0),
    ):
        days = plan_nutrition(
            plan,
            dataclasses.replace(SAM, goal=dataclasses.replace(SAM.goal, kind=goal)),
            lift_met=LIFT_MET,
        )
        for day in days:
            assert low <= day.target_kcal - day.expenditure_kcal <= high
    fat_loss = dataclasses.replace(SAM, goal=dataclasses.replace(SAM.goal, kind=GoalKind.FAT_LOSS))
    for day in plan_nutrition(plan, fat_loss, lift_met=LIFT_MET):
        # 5.5 kcal/kg * 80 = 440 kcal a day below expenditure
        assert day.target_kcal - day.expenditure_kcal == pytest.approx(-440.0)
        assert day.target_kcal >= day.resting_kcal
        # rest weeks are not hard: the deficit alone gives 1.9 g/kg
        assert day.protein_g == pytest.approx(1.9 * 80)


def test_hard_weeks_are_the_heavier_non_deload_weeks() -> None:
    heavy = week([SAM_LIFT, SAM_RUN])
    light_monday = date(2027, 1, 11)
    light = week(
        [lift("light lift", light_monday, "07:00", minutes=30)], monday=light_monday, index=1
    )
    deload_monday = date(2027, 1, 18)
    deload = week(
        [run("deload run", deload_monday, "17:00", minutes=200, km=30)],
        monday=deload_monday,
        index=2,
        deload=True,
    )
    plan = plan_of(heavy, light, deload)
    assert hard_weeks(plan) == frozenset({0})
    days = plan_nutrition(plan, SAM, lift_met=LIFT_MET)
    assert _on(days, MONDAY).protein_g == pytest.approx(1.9 * 80)
    assert _on(days, light_monday).protein_g == pytest.approx(1.6 * 80)
    assert _on(days, deload_monday).protein_g == pytest.approx(1.6 * 80)


def test_back_to_back_sessions_share_one_serving_after_them() -> None:
    first = run("first", MONDAY, "08:00", minutes=45, km=8)
    second = lift("second", MONDAY, "09:00", minutes=45)
    day = _on(plan_nutrition(plan_of(week([first, second])), SAM, lift_met=LIFT_MET), MONDAY)
    at = [minutes_of(s.at) for s in day.servings]
    # 09:45 + 30 min = 10:15, within 2 h of 08:45 too; none at 08:45-09:00 or during either
    assert minutes_of(_clock("10:15")) in at
    assert not any(minutes_of(_clock("08:00")) < t < minutes_of(_clock("09:45")) for t in at)
    serving = next(s for s in day.servings if s.at == _clock("10:15"))
    assert serving.after_session == "second"
    assert "'first' and 'second'" in serving.note


def test_run_on_waking_gets_a_note_not_a_meal() -> None:
    early = run("dawn run", MONDAY, "06:40", minutes=40, km=7)
    day = _on(plan_nutrition(plan_of(week([early])), SAM, lift_met=LIFT_MET), MONDAY)
    assert all(s.before_session is None for s in day.servings)
    assert any("'dawn run' starts too soon after waking" in n for n in day.notes)
    assert guideline_problems(day, [early], goal=SAM.goal.kind) == []


def test_activity_factor_and_overrides() -> None:
    assert activity_factor(ActivityLevel.SEDENTARY) < activity_factor(ActivityLevel.LIGHT)
    assert activity_factor(ActivityLevel.LIGHT) < activity_factor(ActivityLevel.ACTIVE)
    assert set(NON_EXERCISE_FACTOR) == set(ActivityLevel)
    plan = plan_of(week([]))
    day = plan_nutrition(plan, SAM, lift_met=LIFT_MET, non_exercise_factor=1.2)[0]
    assert day.non_exercise_kcal == pytest.approx(1750 * 0.2)
    with pytest.raises(InvalidInput, match="non_exercise_factor"):
        plan_nutrition(plan, SAM, lift_met=LIFT_MET, non_exercise_factor=3.0)
    with pytest.raises(InvalidInput, match="lift_met"):
        plan_nutrition(plan, SAM, lift_met=0.5)


def test_the_lift_met_comes_from_the_compendium() -> None:
    activity = met_for(LIFT_MET_COMPENDIUM_CODE)
    assert activity.met == LIFT_MET
    assert "resistance" in activity.description


# ---- the example athlete ----


@pytest.fixture(scope="module")
def example() -> tuple[AthleteProfile, Plan, tuple[DayNutrition, ...]]:
    """The example athlete, her plan and its nutrition, built once."""
    profile = read_profile(EXAMPLE.read_text(encoding="utf-8"))
    plan = build_plan(profile, library=exercise_library())
    met = met_for(LIFT_MET_COMPENDIUM_CODE).met
    return profile, plan, plan_nutrition(plan, profile, lift_met=met)


def test_example_every_day_within_the_guidelines(
    example: tuple[AthleteProfile, Plan, tuple[DayNutrition, ...]],
) -> None:
    profile, plan, days = example
    plan_days = [d for w in plan.weeks for d in w.days]
    assert [d.date for d in days] == [d.date for d in plan_days]
    for plan_day, day in zip(plan_days, days, strict=True):
        problems = guideline_problems(
            day, plan_day.sessions, goal=profile.goal.kind, zone=profile.timezone
        )
        assert problems == [], (day.date, problems)
        assert set(day.rules) == {"NUT-1", "NUT-2", "NUT-3", "NUT-4"}
        for rule in ("NUT-1", "NUT-2", "NUT-3", "NUT-4"):
            assert any(rule in note for note in day.notes), (day.date, rule)


def test_example_runs_have_carbohydrate_before_and_after(
    example: tuple[AthleteProfile, Plan, tuple[DayNutrition, ...]],
) -> None:
    _, plan, days = example
    by_date = {d.date: d for d in days}
    for plan_day in (d for w in plan.weeks for d in w.days):
        day = by_date[plan_day.date]
        for session in plan_day.sessions:
            if not session.scheduled.spec.is_run:
                continue
            before = [s for s in day.servings if s.before_session == session.scheduled.id]
            assert before or any(
                f"'{session.scheduled.spec.title}' starts too soon" in n for n in day.notes
            )
            assert all(s.carbohydrate_g > 0 for s in before)


def test_example_long_and_interval_days_get_more_carbohydrate_than_rest_days(
    example: tuple[AthleteProfile, Plan, tuple[DayNutrition, ...]],
) -> None:
    _, plan, days = example
    by_date = {d.date: d for d in days}
    rest = [by_date[d.date].carbohydrate_g for w in plan.weeks for d in w.days if not d.sessions]
    key_kinds = {RunKind.LONG, RunKind.INTERVALS}
    key = [
        by_date[d.date].carbohydrate_g
        for w in plan.weeks
        for d in w.days
        if any(s.scheduled.spec.kind in key_kinds for s in d.sessions)
    ]
    assert rest
    assert key
    assert min(key) > max(rest)


def test_example_mass_trend_follows_the_energy_balance(
    example: tuple[AthleteProfile, Plan, tuple[DayNutrition, ...]],
) -> None:
    profile, _, days = example
    balance = sum(d.target_kcal - d.expenditure_kcal for d in days)
    assert days[-1].expected_mass_kg == pytest.approx(profile.mass_kg + balance / 7700)


def test_example_is_deterministic(
    example: tuple[AthleteProfile, Plan, tuple[DayNutrition, ...]],
) -> None:
    profile, plan, days = example
    assert plan_nutrition(plan, profile, lift_met=met_for(LIFT_MET_COMPENDIUM_CODE).met) == days


# ---- generated athletes (plans built by build_plan) ----

_WINDOWS = {
    Weekday.MON: ("06:30-07:30", "18:00-20:00"),
    Weekday.TUE: ("12:00-13:00",),
    Weekday.WED: ("06:30-07:30", "18:00-20:00"),
    Weekday.THU: (),
    Weekday.FRI: ("18:00-20:00",),
    Weekday.SAT: ("08:00-12:00",),
    Weekday.SUN: ("08:00-11:00",),
}
_EQUIPMENT = frozenset({"barbell", "rack", "bench", "dumbbells", "pull-up-bar", "bands"})


@st.composite
def _profiles(draw: st.DrawFn) -> AthleteProfile:
    body_fat = draw(st.none() | st.floats(min_value=10, max_value=35))
    return AthleteProfile(
        name="Generated",
        sex=draw(st.sampled_from(Sex)),
        birth_date=date(draw(st.integers(min_value=1960, max_value=2004)), 3, 1),
        height_cm=draw(st.floats(min_value=150, max_value=200)),
        mass_kg=draw(st.floats(min_value=45, max_value=120)),
        body_fat_percent=body_fat,
        timezone=ZONE,
        start_date=MONDAY,
        goal=Goal(
            kind=draw(
                st.sampled_from(
                    (
                        GoalKind.STRENGTH,
                        GoalKind.HYPERTROPHY,
                        GoalKind.FAT_LOSS,
                        GoalKind.GENERAL_FITNESS,
                    )
                )
            ),
            priority=Priority.BALANCED,
            weeks=8,
        ),
        running=RunningBackground(weekly_km=draw(st.floats(min_value=10, max_value=30))),
        lifting=LiftingBackground(
            experience=Experience.INTERMEDIATE, sessions_per_week=3, equipment=_EQUIPMENT
        ),
        availability={
            day: tuple(TimeWindow.parse(t) for t in texts) for day, texts in _WINDOWS.items()
        },
        day=DayRhythm(
            wake=time(
                draw(st.integers(min_value=5, max_value=6)), draw(st.sampled_from((0, 15, 30)))
            ),
            sleep=time(
                draw(st.integers(min_value=21, max_value=23)), draw(st.sampled_from((0, 30)))
            ),
        ),
        daily_activity=draw(st.sampled_from(ActivityLevel)),
    )


@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(profile=_profiles())
def test_generated_athletes_within_the_guidelines(profile: AthleteProfile) -> None:
    plan = build_plan(profile, library=exercise_library())
    days = plan_nutrition(plan, profile, lift_met=LIFT_MET)
    by_date = {d.date: d for d in days}
    for plan_day in (d for w in plan.weeks for d in w.days):
        day = by_date[plan_day.date]
        assert guideline_problems(day, plan_day.sessions, goal=profile.goal.kind) == [], day.date
        allowed = {"energy", "serving spacing", "protein"}
        if profile.goal.kind in {GoalKind.FAT_LOSS, GoalKind.GENERAL_FITNESS}:
            # Fat loss keeps its deficit and general fitness its balance: carbohydrate falls
            # below its band before energy rises.
            allowed.add("carbohydrate")
        assert set(day.gave_way) <= allowed
        if "protein" in day.gave_way:
            # Raised only to give each session its 20 g serving (NUT-3), and still within
            # NUT-2's 1.6-2.2 g/kg: a light athlete with two sessions a day.
            assert len(plan_day.sessions) >= 2
            assert len(day.servings) * 20.0 == pytest.approx(day.protein_g)
            assert day.protein_g <= 2.2 * day.mass_kg + 1e-6


# ---- generated days: any sessions anywhere in the waking day ----


@st.composite
def _days(draw: st.DrawFn) -> tuple[AthleteProfile, list[PlannedSession]]:
    profile = athlete(
        sex=draw(st.sampled_from(Sex)),
        mass_kg=draw(st.floats(min_value=40, max_value=130)),
        height_cm=draw(st.floats(min_value=150, max_value=200)),
        goal=draw(st.sampled_from(GoalKind)),
        activity=draw(st.sampled_from(ActivityLevel)),
        wake=time(draw(st.integers(min_value=5, max_value=8)), draw(st.sampled_from((0, 30)))),
        sleep=time(draw(st.integers(min_value=21, max_value=23)), draw(st.sampled_from((0, 45)))),
    )
    sessions: list[PlannedSession] = []
    start = draw(st.integers(min_value=5 * 60, max_value=12 * 60))
    for index in range(draw(st.integers(min_value=0, max_value=3))):
        minutes = draw(st.integers(min_value=4, max_value=30)) * 5
        if start + minutes > 23 * 60 + 30:
            break
        clock = f"{start // 60:02d}:{start % 60:02d}"
        if draw(st.booleans()):
            kind = draw(st.sampled_from(RunKind))
            km = round(minutes / 6, 1)
            sessions.append(run(f"run {index}", MONDAY, clock, minutes=minutes, km=km, kind=kind))
        else:
            sessions.append(lift(f"lift {index}", MONDAY, clock, minutes=minutes))
        start += minutes + draw(st.integers(min_value=0, max_value=72)) * 5
    return profile, sessions


@settings(max_examples=150, deadline=None, derandomize=True)
@given(case=_days())
def test_generated_days_within_the_guidelines(
    case: tuple[AthleteProfile, list[PlannedSession]],
) -> None:
    profile, sessions = case
    day = _on(plan_nutrition(plan_of(week(sessions)), profile, lift_met=LIFT_MET), MONDAY)
    assert guideline_problems(day, sessions, goal=profile.goal.kind) == []
    at = [minutes_of(s.at) for s in day.servings]
    assert at == sorted(at)
    assert len(set(at)) == len(at)
    for gave_way in day.gave_way:
        assert any(gave_way in note or "raised" in note or "stretch" in note for note in day.notes)
