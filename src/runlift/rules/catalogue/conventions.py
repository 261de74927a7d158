"""runlift's own rules: placement and adaptation conventions that GUIDELINES.md does not state.

Their IDs start with ``RL-`` so they can never be mistaken for a guideline ID.
RL-1 to RL-4 judge where sessions sit in a week; each has a solver-free checker in
``runlift.rules.checkers`` of the same name. RL-5 to RL-11 are the adaptation's
decisions (``runlift.programme.adaptation``): how a plan learns from what was done.
They change prescriptions and the session list, so they add nothing to the
placement objective; the placement rules still judge every adapted plan.
"""

from __future__ import annotations

from runlift.rules.catalogue.scheduling import DOMA_2017
from runlift.rules.model import Rule, RuleId, per_profile, same_for_all
from runlift.rules.weights import WEIGHTS
from runlift.vocabulary import RuleStrength

DANIELS_2014 = (
    "Daniels 2014, Daniels' Running Formula, 3rd ed., Human Kinetics "
    "(doubles only at high weekly mileage)"
)

RL_1 = Rule(
    id=RuleId("RL-1"),
    title=(
        "Runs and lifts that start on one local date: at most max_runs_per_day runs and at "
        "most max_lifts_per_day lifts (a combined block is one run and one lift; sessions "
        "with a fixed start, such as a race, count)"
    ),
    sources=("runlift convention", DANIELS_2014),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={"max_runs_per_day": same_for_all(1), "max_lifts_per_day": same_for_all(1)},
    weight=None,
)

RATAMESS_2009 = (
    "Ratamess et al. 2009 Med Sci Sports Exerc 41(3):687-708 (ACSM position stand: the same "
    "muscle groups trained on non-consecutive days)"
)
RL_2 = Rule(
    id=RuleId("RL-2"),
    title=(
        "Pairs of lifts that both train the legs and start on consecutive local dates; each "
        "pair costs weight, heavy_pair_factor times as much when both are heavy-lower lifts"
    ),
    sources=(
        "runlift convention",
        "G4 (PHY-2: fatigue left by one session degrades the next)",
        "G1 G2 (SCH-4: the legs carry the running too)",
        RATAMESS_2009,
    ),
    strength=RuleStrength.SOFT,
    category="scheduling",
    parameters={"heavy_pair_factor": same_for_all(3)},
    weight=WEIGHTS[RuleId("RL-2")],
)

FOSTER_1998 = "Foster 1998 Med Sci Sports Exerc 30(7):1164-1168 (training monotony and strain)"
BOWERMAN_1991 = (
    "Bowerman & Freeman 1991, High-Performance Training for Track and Field, 2nd ed., "
    "Leisure Press (hard days alternate with easy days)"
)
SEILER_2010 = "Seiler 2010 Int J Sports Physiol Perform 5(3):276-291"
MUJIKA_PADILLA_2003 = "Mujika & Padilla 2003 Med Sci Sports Exerc 35(7):1182-1187"
BOSQUET_2007 = "Bosquet 2007 Med Sci Sports Exerc 39(8):1358-1365"

RL_3 = Rule(
    id=RuleId("RL-3"),
    title=(
        "Runs of consecutive local dates on which a loaded session starts (a hard run, a long "
        "run, a heavy-lower lift or an explosive lift): each stretch of "
        "max_loaded_days_in_a_row + 1 loaded dates in a row costs weight, across weeks; the "
        "placement avoids them before any other cost"
    ),
    sources=("runlift convention", BOWERMAN_1991, FOSTER_1998, SEILER_2010, "G2 (SCH-5)"),
    strength=RuleStrength.SOFT,
    category="scheduling",
    parameters={"max_loaded_days_in_a_row": same_for_all(2)},
    weight=WEIGHTS[RuleId("RL-3")],
)

RL_4 = Rule(
    id=RuleId("RL-4"),
    title=(
        "Heavy-lower lifts, explosive lifts and hard runs other than the race itself that start "
        "on the local date of a race or on one of the days_before dates before it; none allowed"
    ),
    sources=(
        "runlift convention",
        MUJIKA_PADILLA_2003,
        BOSQUET_2007,
        DOMA_2017,
        "G2 (SCH-4: no run soon after a heavy lower lift)",
    ),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={"days_before": same_for_all(1)},
    weight=None,
)


# --- adaptation (runlift.programme.adaptation) ---

DANIELS_VDOT_2014 = (
    "Daniels 2014, Daniels' Running Formula, 3rd ed., Human Kinetics (training paces from "
    "the VDOT of the most recent race; returning after a break)"
)
DANIELS_MISSED_2014 = (
    "Daniels 2014, Daniels' Running Formula, 3rd ed., Human Kinetics (training that was "
    "missed is let go, not crowded into the days left)"
)
HELMS_2016 = (
    "Helms, Cronin, Storey & Zourdos 2016 Strength Cond J 38(4):42-49 (RIR-based RPE: loads "
    "set from the RPE of the top sets)"
)
HELMS_2018 = (
    "Helms et al. 2018 Front Physiol 9:247 (RPE-based and %1RM loading matched: RPE loading "
    "at least as good)"
)
MANN_2010 = (
    "Mann, Thyfault, Ivey & Sayers 2010 J Strength Cond Res 24(7):1718-1723 (APRE: the next "
    "load follows the last performance, in steps of about 2.5-5 %)"
)
ZOURDOS_2016 = (
    "Zourdos et al. 2016 J Strength Cond Res 30(1):267-275 (RPE scale in reps in reserve)"
)
MUJIKA_PADILLA_2000 = (
    "Mujika & Padilla 2000 Sports Med 30(2):79-87 and 30(3):145-154 (detraining: short and "
    "long breaks)"
)
ELLIOTT_2020 = (
    "Elliott et al. 2020 Br J Sports Med 54(19):1174-1175 (graduated return after illness: "
    "light, then longer, then harder)"
)
EICHNER_1993 = (
    "Eichner 1993 Phys Sportsmed 21(1):125-135 (no training with fever or symptoms below the neck)"
)
GABBETT_2016 = "Gabbett 2016 Br J Sports Med 50(5):273-280 (acute:chronic ratio above 1.5)"
HULIN_2016 = (
    "Hulin et al. 2016 Br J Sports Med 50(4):231-236 (7-day over 28-day rolling mean loads)"
)
IMPELLIZZERI_2020 = (
    "Impellizzeri et al. 2020 Int J Sports Physiol Perform 15(6):907-913 (the ratio is a "
    "prompt, not a prediction)"
)
MEEUSEN_2013 = (
    "Meeusen et al. 2013 Med Sci Sports Exerc 45(1):186-205 (ECSS/ACSM: fatigue that persists "
    "calls for less load)"
)
SAW_2016 = (
    "Saw, Main & Gastin 2016 Br J Sports Med 50(5):281-291 (self-reported wellness tracks "
    "the training response)"
)

RL_5 = Rule(
    id=RuleId("RL-5"),
    title=(
        "A maximum or VDOT the log shows above the plan's flows into every prescription from "
        "the next session on: a lift's e1RM more than max_margin above its planned maximum, "
        "a race or time trial vdot_margin VDOT points or more above the paces' VDOT; never "
        "while the athlete is flagged fatigued; placements are kept"
    ),
    sources=("runlift convention", "G1 (LFT-5)", DANIELS_VDOT_2014, HELMS_2016),
    strength=RuleStrength.HARD,
    category="periodisation",
    parameters={"max_margin": same_for_all(0.025), "vdot_margin": same_for_all(0.5)},
    weight=None,
)

RL_6 = Rule(
    id=RuleId("RL-6"),
    title=(
        "Top sets of a main lift rated over_rpe or more above the prescribed RPE in the last "
        "over_sessions sessions cut its planned maximum to the last e1RM; in the last session "
        "only, hold it at the last session's; under_rpe or more below raises it towards the "
        "last e1RM by at most max_raise (never while fatigued)"
    ),
    sources=("runlift convention", "G1 (LFT-5)", HELMS_2016, HELMS_2018, MANN_2010, ZOURDOS_2016),
    strength=RuleStrength.HARD,
    category="lifting",
    parameters={
        "over_rpe": same_for_all(1),
        "over_sessions": same_for_all(2),
        "under_rpe": same_for_all(2),
        "max_raise": same_for_all(0.05),
    },
    weight=None,
)

RL_7 = Rule(
    id=RuleId("RL-7"),
    title=(
        "A missed key session (long run, hard run, heavy or key lift) is made up on a later "
        "day of the same week that holds it under every hard rule with no loaded session "
        "within loaded_gap_days; else the week's least important session gives way; nothing "
        "is carried into another week, made up twice, or made up in a taper, race or test week"
    ),
    sources=("runlift convention", DANIELS_MISSED_2014, BOWERMAN_1991, FOSTER_1998, "G2 (SCH-5)"),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={"loaded_gap_days": same_for_all(1)},
    weight=None,
)

RL_8 = Rule(
    id=RuleId("RL-8"),
    title=(
        "No session on a day of illness or injury (the race excepted); while travelling, a "
        "lift is written again for the equipment at hand and a session that misses the "
        "travel windows moves to a travel window of the week or is left out"
    ),
    sources=("runlift convention", EICHNER_1993, "G4 (PER-4)", "G1 G2 (LFT-1)"),
    strength=RuleStrength.HARD,
    category="scheduling",
    parameters={},
    weight=None,
)

RL_9 = Rule(
    id=RuleId("RL-9"),
    title=(
        "After an illness or injury longer than no_ramp_days, as many days as it lasted "
        "(at most ramp_max_days) are a return ramp: the first half at first_share of the "
        "planned volume, the second at second_share, all running easy and lifts lighter"
    ),
    sources=("runlift convention", DANIELS_VDOT_2014, MUJIKA_PADILLA_2000, ELLIOTT_2020),
    strength=RuleStrength.HARD,
    category="periodisation",
    parameters={
        "no_ramp_days": same_for_all(5),
        "ramp_max_days": same_for_all(28),
        "first_share": same_for_all(0.5),
        "second_share": same_for_all(0.75),
    },
    weight=None,
)

RL_10 = Rule(
    id=RuleId("RL-10"),
    title=(
        "A fatigue flag eases the next sessions (a high acute:chronic ratio: ease_days days; "
        "low readiness: readiness_days days) and so does any planned day whose acute:chronic "
        "ratio would pass acwr_max: hard runs become easy runs of eased_share of their "
        "distance, heavy lifts a deload; nothing is ever made harder"
    ),
    sources=(
        "runlift convention",
        "G4 (PER-3, PER-4)",
        GABBETT_2016,
        HULIN_2016,
        IMPELLIZZERI_2020,
        MEEUSEN_2013,
        SAW_2016,
    ),
    strength=RuleStrength.HARD,
    category="periodisation",
    parameters={
        "acwr_max": per_profile(default=1.5, moderate=1.5, strict=1.3),
        "ease_days": same_for_all(7),
        "readiness_days": same_for_all(2),
        "eased_share": same_for_all(0.8),
    },
    weight=None,
)

RL_11 = Rule(
    id=RuleId("RL-11"),
    title=(
        "A changed goal, race date or week re-periodises the weeks after the current one "
        "from the new profile (blocks, taper and race week included); the current week and "
        "the past stay, and sessions keep their starts where the rules allow"
    ),
    sources=("runlift convention", "G3 (PER-2)", MUJIKA_PADILLA_2003, BOSQUET_2007),
    strength=RuleStrength.HARD,
    category="periodisation",
    parameters={},
    weight=None,
)

RULES = (RL_1, RL_2, RL_3, RL_4, RL_5, RL_6, RL_7, RL_8, RL_9, RL_10, RL_11)
