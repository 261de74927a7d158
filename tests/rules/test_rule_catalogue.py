"""The catalogue declares every GUIDELINES.md ID once, with sources, profiles and weights."""

from __future__ import annotations

import pytest

from runlift.errors import InvalidInput
from runlift.rules import CHECKS, PENALTIES, RULES, WEIGHTS, Rule, RuleId, rule
from runlift.rules.catalogue import (
    conventions,
    lifting,
    nutrition,
    periodisation,
    physiology,
    running,
    scheduling,
)
from runlift.rules.model import per_profile, same_for_all
from runlift.vocabulary import EvidenceProfile, RuleStrength

# The ID column of GUIDELINES.md, copied in order.
GUIDELINE_IDS = [
    "PHY-1", "PHY-2",
    "SCH-1", "SCH-2", "SCH-3", "SCH-4", "SCH-5", "SCH-6", "SCH-7", "SCH-8", "SCH-9", "SCH-10",
    "LFT-1", "LFT-2", "LFT-3", "LFT-4", "LFT-5", "LFT-6", "LFT-7",
    "RUN-1", "RUN-2", "RUN-3",
    "PER-1", "PER-2", "PER-3", "PER-4",
    "NUT-1", "NUT-2", "NUT-3", "NUT-4",
]  # fmt: skip

DECLARED = [
    r
    for module in (physiology, scheduling, lifting, running, periodisation, nutrition, conventions)
    for r in module.RULES
]
OWN_PREFIX = "RL-"
"""runlift's own rules (not in GUIDELINES.md) carry IDs with this prefix."""

# From the agreed semantics: rule -> parameter -> (default, moderate, strict)
PLACEMENT_PARAMETERS = {
    "PHY-1": {"max_pair_cost": (60, 80, 45)},
    "SCH-1": {"min_gap_h": (6, 4, 8), "preferred_gap_h": (8, 6, 12)},
    "SCH-4": {
        "after_heavy_lower_h": (6, 4, 8),
        "quality_after_heavy_lower_h": (30, 24, 48),
        "hard_run_before_heavy_lower_h": (12, 8, 24),
        "lifting_first_share": (0.5, 0.5, 0.5),
    },
    "SCH-6": {"min_gap_min": (10, 10, 15), "max_gap_min": (20, 20, 20)},
    "SCH-7": {
        "min_per_week": (2, 2, 2),
        "max_per_week": (3, 3, 3),
        "max_lifts": (3, 3, 3),
        "max_lifts_lifting_first": (4, 4, 4),
    },
    "SCH-10": {"rest_days_min": (1, 1, 1)},
    "RL-1": {"max_runs_per_day": (1, 1, 1), "max_lifts_per_day": (1, 1, 1)},
    "SCH-5": {"loaded_factor": (2, 2, 2)},
    "RL-2": {"heavy_pair_factor": (3, 3, 3)},
    "RL-3": {"max_loaded_days_in_a_row": (2, 2, 2)},
    "RL-4": {"days_before": (1, 1, 1)},
}
ADAPTATION_PARAMETERS = {
    "RL-5": {"max_margin": (0.025, 0.025, 0.025), "vdot_margin": (0.5, 0.5, 0.5)},
    "RL-6": {
        "over_rpe": (1, 1, 1),
        "over_sessions": (2, 2, 2),
        "under_rpe": (2, 2, 2),
        "max_raise": (0.05, 0.05, 0.05),
    },
    "RL-7": {"loaded_gap_days": (1, 1, 1)},
    "RL-8": {},
    "RL-9": {
        "no_ramp_days": (5, 5, 5),
        "ramp_max_days": (28, 28, 28),
        "first_share": (0.5, 0.5, 0.5),
        "second_share": (0.75, 0.75, 0.75),
    },
    "RL-10": {
        "acwr_max": (1.5, 1.5, 1.3),
        "ease_days": (7, 7, 7),
        "readiness_days": (2, 2, 2),
        "eased_share": (0.8, 0.8, 0.8),
    },
    "RL-11": {},
}
SOFT_WEIGHTS = {
    "PHY-1": 1,
    "SCH-1": 2,
    "SCH-2": 10,
    "SCH-3": 8,
    "SCH-4": 40,
    "SCH-5": 30,
    "SCH-8": 3,
    "SCH-10": 40,
    "RL-2": 15,
    "RL-3": 50,
}
PROFILES = (EvidenceProfile.DEFAULT, EvidenceProfile.MODERATE, EvidenceProfile.STRICT)


def test_every_guideline_id_is_declared_in_order_and_the_rest_are_runlift_rules() -> None:
    assert len(GUIDELINE_IDS) == 30
    guidelines = [r for r in RULES if r in GUIDELINE_IDS]
    extra = [r for r in RULES if r not in GUIDELINE_IDS]
    assert guidelines == GUIDELINE_IDS
    assert all(r.startswith(OWN_PREFIX) for r in extra), extra
    assert list(RULES) == [*GUIDELINE_IDS, *extra]
    assert extra == [f"RL-{n}" for n in range(1, 12)]


def test_each_id_is_declared_exactly_once() -> None:
    ids = [r.id for r in DECLARED]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(RULES)
    assert set(GUIDELINE_IDS) <= set(ids)


def test_no_guideline_id_uses_the_runlift_prefix() -> None:
    assert not [r for r in GUIDELINE_IDS if r.startswith(OWN_PREFIX)]


def test_rl1_is_runlifts_own_hard_scheduling_rule() -> None:
    declared = rule("RL-1")
    assert declared.strength is RuleStrength.HARD
    assert declared.category == "scheduling"
    assert declared.weight is None
    assert "runlift convention" in declared.sources
    assert any(source.startswith("Daniels 2014") for source in declared.sources)
    assert "max_runs_per_day" in declared.title
    assert "max_lifts_per_day" in declared.title


@pytest.mark.parametrize("rule_id", GUIDELINE_IDS)
def test_every_rule_has_a_source_and_every_parameter_all_profiles(rule_id: str) -> None:
    declared = RULES[RuleId(rule_id)]
    assert len(declared.sources) >= 1
    assert all(source.strip() for source in declared.sources)
    assert declared.title.strip()
    for values in declared.parameters.values():
        assert set(values) == set(EvidenceProfile)


@pytest.mark.parametrize("rule_id", GUIDELINE_IDS)
def test_every_rule_cites_a_guidance_document(rule_id: str) -> None:
    assert any(s in {"G1", "G2", "G3", "G4", "G5"} for s in RULES[RuleId(rule_id)].sources)


@pytest.mark.parametrize(("rule_id", "parameters"), PLACEMENT_PARAMETERS.items())
def test_placement_parameters_per_profile(
    rule_id: str, parameters: dict[str, tuple[int, ...]]
) -> None:
    declared = rule(rule_id)
    assert set(declared.parameters) == set(parameters)
    for name, expected in parameters.items():
        assert tuple(declared.param(name, p) for p in PROFILES) == expected


def test_weights_live_in_one_table_and_match_the_rules() -> None:
    assert dict(WEIGHTS) == SOFT_WEIGHTS
    for declared in RULES.values():
        assert declared.weight == WEIGHTS.get(declared.id)
    assert set(PENALTIES) == set(WEIGHTS)


def test_every_placement_rule_has_a_checker() -> None:
    assert list(CHECKS) == [
        "PHY-1",
        *[f"SCH-{n}" for n in range(1, 11)],
        "RL-1",
        "RL-2",
        "RL-3",
        "RL-4",
    ]


@pytest.mark.parametrize(
    ("rule_id", "strength"),
    [
        ("PHY-1", RuleStrength.HARD),
        ("SCH-1", RuleStrength.HARD),
        ("SCH-2", RuleStrength.SOFT),
        ("SCH-3", RuleStrength.HARD),
        ("SCH-4", RuleStrength.HARD),
        ("SCH-5", RuleStrength.SOFT),
        ("SCH-6", RuleStrength.HARD),
        ("SCH-7", RuleStrength.HARD),
        ("SCH-8", RuleStrength.SOFT),
        ("SCH-9", RuleStrength.HARD),
        ("SCH-10", RuleStrength.HARD),
        ("RL-1", RuleStrength.HARD),
        ("RL-2", RuleStrength.SOFT),
        ("RL-3", RuleStrength.SOFT),
        ("RL-4", RuleStrength.HARD),
    ],
)
def test_strengths_of_placement_rules(rule_id: str, strength: RuleStrength) -> None:
    assert rule(rule_id).strength is strength


def test_purely_hard_rules_have_no_weight() -> None:
    for rule_id in ("SCH-6", "SCH-7", "SCH-9", "RL-1", "RL-4"):
        assert rule(rule_id).weight is None


def test_categories_follow_the_id_prefix() -> None:
    prefix = {
        "PHY": "physiology",
        "SCH": "scheduling",
        "LFT": "lifting",
        "RUN": "running",
        "PER": "periodisation",
        "NUT": "nutrition",
    }
    for rule_id in GUIDELINE_IDS:
        assert RULES[RuleId(rule_id)].category == prefix[rule_id.split("-")[0]]


@pytest.mark.parametrize(("rule_id", "parameters"), ADAPTATION_PARAMETERS.items())
def test_adaptation_rules_and_their_numbers_per_profile(
    rule_id: str, parameters: dict[str, tuple[float, ...]]
) -> None:
    declared = rule(rule_id)
    assert declared.weight is None
    assert "runlift convention" in declared.sources
    assert len(declared.sources) >= 3
    assert set(declared.parameters) == set(parameters)
    for name, expected in parameters.items():
        assert name in declared.title
        assert tuple(declared.param(name, p) for p in PROFILES) == expected


def test_runlifts_own_rules_name_their_convention_and_literature() -> None:
    for rule_id in ("RL-3", "RL-4"):
        declared = rule(rule_id)
        assert declared.category == "scheduling"
        assert "runlift convention" in declared.sources
        assert len(declared.sources) >= 3
    assert any(s.startswith("Foster 1998") for s in rule("RL-3").sources)
    assert any(s.startswith("Mujika & Padilla 2003") for s in rule("RL-4").sources)


def test_guidance_numbers_for_prescriptions() -> None:
    assert rule("NUT-2").param("protein_min_g_per_kg", EvidenceProfile.STRICT) == 1.6
    assert rule("NUT-2").param("protein_max_g_per_kg", EvidenceProfile.MODERATE) == 2.2
    assert rule("LFT-2").param("reps_max", EvidenceProfile.DEFAULT) == 12
    assert rule("LFT-3").param("load_pct_1rm_min", EvidenceProfile.DEFAULT) == 70


def test_unknown_rule_and_parameter_raise() -> None:
    with pytest.raises(InvalidInput):
        rule("SCH-11")
    with pytest.raises(InvalidInput):
        rule("SCH-1").param("max_gap_h", EvidenceProfile.DEFAULT)


def _rule(**changes: object) -> Rule:
    fields: dict[str, object] = {
        "id": RuleId("X-1"),
        "title": "t",
        "sources": ("G1",),
        "strength": RuleStrength.SOFT,
        "category": "scheduling",
        "parameters": {"p": same_for_all(1)},
        "weight": None,
    }
    fields.update(changes)
    return Rule(**fields)  # type: ignore[arg-type]


def test_rule_validates_its_declaration() -> None:
    assert _rule().param("p", EvidenceProfile.STRICT) == 1.0
    with pytest.raises(InvalidInput):
        _rule(sources=())
    with pytest.raises(InvalidInput):
        _rule(category="misc")
    with pytest.raises(InvalidInput):
        _rule(weight=0)
    with pytest.raises(InvalidInput):
        _rule(parameters={"p": {EvidenceProfile.DEFAULT: 1.0}})


def test_per_profile_keeps_each_value() -> None:
    values = per_profile(default=1, moderate=2, strict=3)
    assert [values[p] for p in PROFILES] == [1.0, 2.0, 3.0]
