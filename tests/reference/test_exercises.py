"""The bundled exercise library: whole-library checks, lookups and substitution."""

from __future__ import annotations

import pytest

from runlift.domain.exercises import (
    EXPLOSIVE_PATTERNS,
    HEAVY_LOWER_PATTERNS,
    Equipment,
    Exercise,
    MovementPattern,
)
from runlift.errors import ImportFormatError, InvalidInput
from runlift.reference.exercises import (
    ExerciseLibrary,
    exercise_library,
    parse_exercise_library,
)
from runlift.vocabulary import MuscleGroup

LIBRARY = exercise_library()
EVERYTHING = frozenset(item.value for item in Equipment)
BANDS_ONLY = frozenset({"bands"})
NOTHING: frozenset[str] = frozenset()

# LFT-6 (G5): each family of the runner-specific set, with the variations the library offers.
LFT6_FAMILIES: dict[str, frozenset[str]] = {
    "single-leg multi-directional hops": frozenset(
        {"single-leg-multidirectional-hops", "single-leg-lateral-hops", "single-leg-hop-and-hold"}
    ),
    "bent-knee (soleus) calf raise": frozenset(
        {"bent-knee-calf-raise", "weighted-bent-knee-calf-raise", "seated-calf-raise"}
    ),
    "straight-knee calf raise": frozenset(
        {"straight-knee-calf-raise", "weighted-straight-knee-calf-raise", "barbell-calf-raise"}
    ),
    "suspended split squat": frozenset({"suspended-split-squat", "weighted-suspended-split-squat"}),
    "eccentric squat": frozenset({"eccentric-squat", "eccentric-goblet-squat", "tempo-back-squat"}),
    "standing hip flexion with band": frozenset(
        {"banded-standing-hip-flexion", "cable-standing-hip-flexion", "standing-knee-drive"}
    ),
    "ankle inversion with band": frozenset({"banded-ankle-inversion"}),
    "ankle eversion with band": frozenset({"banded-ankle-eversion"}),
}
LFT6_PATTERNS: dict[str, MovementPattern] = {
    "single-leg multi-directional hops": MovementPattern.PLYOMETRIC,
    "bent-knee (soleus) calf raise": MovementPattern.CALF,
    "straight-knee calf raise": MovementPattern.CALF,
    "suspended split squat": MovementPattern.LUNGE,
    "eccentric squat": MovementPattern.SQUAT,
    "standing hip flexion with band": MovementPattern.HIP_FLEXION,
    "ankle inversion with band": MovementPattern.ANKLE,
    "ankle eversion with band": MovementPattern.ANKLE,
}
# The exercises G5 names outright, and its other runner staples.
G5_NAMED = ("bent-knee-calf-raise", "straight-knee-calf-raise", "eccentric-squat")
RUNNER_EXTRAS = ("single-leg-rdl", "copenhagen-plank", "nordic-curl")

# LFT-1: the compound lifts sessions are built on, with the group each mainly trains.
LFT1_LIFTS: dict[str, MuscleGroup] = {
    "back-squat": MuscleGroup.LEGS,
    "deadlift": MuscleGroup.LEGS,
    "bench-press": MuscleGroup.CHEST,
    "overhead-press": MuscleGroup.SHOULDERS,
    "barbell-row": MuscleGroup.BACK,
    "pull-up": MuscleGroup.BACK,
}
NAMED_COMPOUNDS = (
    "back-squat", "front-squat", "goblet-squat", "deadlift", "romanian-deadlift",
    "trap-bar-deadlift", "bench-press", "dumbbell-bench-press", "push-up", "overhead-press",
    "dumbbell-shoulder-press", "barbell-row", "dumbbell-row", "pull-up", "chin-up",
    "lat-pulldown", "inverted-row", "hip-thrust", "bulgarian-split-squat", "walking-lunge",
    "step-up",
)  # fmt: skip
NAMED_PLYOMETRICS = ("box-jump", "broad-jump", "pogo-hops", "bounding", "depth-jump")
NAMED_OLYMPIC = ("power-clean", "hang-clean", "kettlebell-swing")
NAMED_CORE = ("plank", "side-plank", "dead-bug", "pallof-press", "hanging-knee-raise")

# Documented exception (docs/exercises.md): isolated elbow flexion has no equipment-free
# stand-in, so the curls reach bands but nothing needing no equipment at all.
NEEDS_AT_LEAST_BANDS = frozenset({"barbell-curl", "dumbbell-curl", "banded-curl"})

IDS = [e.id for e in LIBRARY.all()]


def test_the_bundled_library_loads_and_is_cached() -> None:
    assert exercise_library() is LIBRARY
    assert isinstance(LIBRARY, ExerciseLibrary)


def test_the_library_has_at_least_sixty_exercises() -> None:
    assert len(LIBRARY) >= 60
    assert len(LIBRARY.all()) == len(LIBRARY)
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("family", sorted(LFT6_FAMILIES))
def test_every_lft6_family_is_present_and_runner_specific(family: str) -> None:
    for exercise_id in LFT6_FAMILIES[family]:
        exercise = LIBRARY.get(exercise_id)
        assert exercise.runner_specific, exercise_id
        assert exercise.pattern is LFT6_PATTERNS[family], exercise_id
        assert "LFT-6" in exercise.sources, exercise_id
        assert MuscleGroup.LEGS in exercise.primary, exercise_id


def test_runner_specific_set_covers_lft6_and_its_companions() -> None:
    runner = {e.id for e in LIBRARY.runner_specific()}
    for family in LFT6_FAMILIES.values():
        assert family <= runner
    assert set(RUNNER_EXTRAS) <= runner
    assert all(LIBRARY.get(i).runner_specific for i in runner)
    assert runner == {e.id for e in LIBRARY.all() if e.runner_specific}


def test_g5_named_exercises_emphasise_the_eccentric_phase() -> None:
    for exercise_id in (*G5_NAMED, "nordic-curl"):
        assert LIBRARY.get(exercise_id).eccentric_emphasis, exercise_id


def test_runner_hops_are_single_leg_and_explosive() -> None:
    for exercise_id in LFT6_FAMILIES["single-leg multi-directional hops"]:
        exercise = LIBRARY.get(exercise_id)
        assert exercise.unilateral
        assert exercise.explosive


@pytest.mark.parametrize(("exercise_id", "group"), sorted(LFT1_LIFTS.items()))
def test_every_lft1_compound_lift_is_present(exercise_id: str, group: MuscleGroup) -> None:
    exercise = LIBRARY.get(exercise_id)
    assert exercise.compound
    assert group in exercise.primary
    assert "LFT-1" in exercise.sources


@pytest.mark.parametrize(
    "exercise_id", NAMED_COMPOUNDS + NAMED_PLYOMETRICS + NAMED_OLYMPIC + NAMED_CORE
)
def test_the_named_exercises_are_present(exercise_id: str) -> None:
    assert exercise_id in LIBRARY


def test_named_groups_have_their_pattern() -> None:
    assert all(LIBRARY.get(i).compound for i in NAMED_COMPOUNDS)
    assert {LIBRARY.get(i).pattern for i in NAMED_PLYOMETRICS} == {MovementPattern.PLYOMETRIC}
    assert {LIBRARY.get(i).pattern for i in NAMED_OLYMPIC} == {MovementPattern.OLYMPIC}
    assert {LIBRARY.get(i).pattern for i in NAMED_CORE} == {MovementPattern.CORE}


def test_heavy_lower_only_on_squat_hinge_and_lunge_patterns() -> None:
    heavy = [e for e in LIBRARY.all() if e.heavy_lower]
    assert {e.pattern for e in heavy} == set(HEAVY_LOWER_PATTERNS)
    assert {"back-squat", "front-squat", "deadlift", "romanian-deadlift"} <= {e.id for e in heavy}
    assert not any(e.heavy_lower for e in LIBRARY.all() if e.equipment == {"bodyweight"})


def test_hard_without_load_only_on_unloaded_work_and_a_hard_leg_option_for_every_kit() -> None:
    hard = [e for e in LIBRARY.all() if e.hard_without_load]
    assert all(e.load_increment_kg == 0 for e in hard)
    legs = {e.id for e in hard if MuscleGroup.LEGS in e.primary}
    # Squat, lunge and hamstring work a bodyweight athlete can take to RPE 8 in 8-12 reps.
    assert {"pistol-squat", "bodyweight-bulgarian-split-squat", "sliding-leg-curl"} <= legs
    # A Nordic curl is hard, but by its few eccentric reps, not by 8-12 of them.
    assert "nordic-curl" not in legs
    assert "bodyweight-squat" not in legs
    for kit in (NOTHING, BANDS_ONLY):
        allowed = LIBRARY.available(kit)
        for group in (MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST):
            assert any(e.hard_without_load and group in e.primary for e in allowed), (kit, group)


def test_explosive_exactly_on_plyometric_and_olympic_patterns() -> None:
    for exercise in LIBRARY.all():
        assert exercise.explosive == (exercise.pattern in EXPLOSIVE_PATTERNS), exercise.id
    assert len([e for e in LIBRARY.all() if e.explosive]) >= 10


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_exercise_reaches_a_bands_only_kit(exercise_id: str) -> None:
    chosen = LIBRARY.substitute(exercise_id, BANDS_ONLY)
    assert chosen.needs <= BANDS_ONLY


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_exercise_reaches_bodyweight_except_documented(exercise_id: str) -> None:
    if exercise_id in NEEDS_AT_LEAST_BANDS:
        with pytest.raises(InvalidInput, match="substitutes"):
            LIBRARY.substitute(exercise_id, NOTHING)
    else:
        assert LIBRARY.substitute(exercise_id, NOTHING).equipment == {"bodyweight"}


@pytest.mark.parametrize("exercise_id", IDS)
def test_substitutes_train_what_the_original_trains(exercise_id: str) -> None:
    exercise = LIBRARY.get(exercise_id)
    for substitute_id in exercise.substitutes:
        substitute = LIBRARY.get(substitute_id)
        assert exercise.primary & (substitute.primary | substitute.secondary), substitute_id
        if exercise.explosive:
            assert substitute.explosive, substitute_id


def test_substitution_honours_equipment() -> None:
    dumbbells = frozenset({"dumbbells"})
    assert LIBRARY.substitute("back-squat", dumbbells).id == "goblet-squat"
    assert LIBRARY.substitute("bench-press", dumbbells | {"bench"}).id == "dumbbell-bench-press"
    assert LIBRARY.substitute("bench-press", dumbbells).id == "push-up"
    assert LIBRARY.substitute("pull-up", frozenset({"cable"})).id == "lat-pulldown"
    assert LIBRARY.substitute("pull-up", BANDS_ONLY).id == "banded-lat-pulldown"
    assert LIBRARY.substitute("power-clean", NOTHING).id == "broad-jump"
    assert LIBRARY.substitute("suspended-split-squat", frozenset({"bench"})).id == (
        "bodyweight-bulgarian-split-squat"
    )


def test_an_exercise_the_kit_allows_is_its_own_substitute() -> None:
    for exercise in LIBRARY.all():
        assert LIBRARY.substitute(exercise.id, EVERYTHING) is exercise


def test_substitution_searches_substitutes_of_substitutes() -> None:
    # deadlift lists no bodyweight lift first; trap-bar-deadlift's own list leads on.
    chain = [e.id for e in LIBRARY.substitution_chain("trap-bar-deadlift")]
    assert chain[0] == "trap-bar-deadlift"
    assert chain[1:5] == [
        "deadlift",
        "dumbbell-romanian-deadlift",
        "kettlebell-deadlift",
        "glute-bridge",
    ]
    assert "romanian-deadlift" in chain[5:]
    assert len(chain) == len(set(chain))


def test_unknown_equipment_is_rejected_with_the_known_words() -> None:
    with pytest.raises(InvalidInput, match="dumbbells") as caught:
        LIBRARY.substitute("back-squat", frozenset({"dumbells"}))
    assert caught.value.field == "equipment"
    with pytest.raises(InvalidInput):
        LIBRARY.available(frozenset({"trap-bar"}))


def test_available_lists_what_the_kit_allows() -> None:
    assert len(LIBRARY.available(EVERYTHING)) == len(LIBRARY)
    bands = LIBRARY.available(BANDS_ONLY)
    assert {e.id for e in bands} == {e.id for e in LIBRARY.all() if e.needs <= BANDS_ONLY}
    assert "banded-ankle-inversion" in {e.id for e in bands}
    assert "plank" in {e.id for e in bands}
    assert "back-squat" not in {e.id for e in bands}
    bare = LIBRARY.available(NOTHING)
    assert bare
    assert all(e.equipment == {"bodyweight"} for e in bare)


def test_by_pattern_partitions_the_library() -> None:
    total = 0
    for pattern in MovementPattern:
        found = LIBRARY.by_pattern(pattern)
        assert all(e.pattern is pattern for e in found)
        total += len(found)
    assert total == len(LIBRARY)
    assert "back-squat" in {e.id for e in LIBRARY.by_pattern(MovementPattern.SQUAT)}


def test_unknown_id_names_close_matches() -> None:
    with pytest.raises(InvalidInput, match="back-squat") as caught:
        LIBRARY.get("bak-squat")
    assert caught.value.field == "exercise"
    assert caught.value.value == "bak-squat"
    with pytest.raises(InvalidInput, match="romanian-deadlift"):
        LIBRARY.get("Romanian Deadlift")
    with pytest.raises(InvalidInput, match="ids of the exercise library"):
        LIBRARY.get("zzzzzz")
    with pytest.raises(InvalidInput, match="bench-press"):
        LIBRARY.substitute("bench-pres", EVERYTHING)


def test_derived_one_rep_maxes_cite_their_ratio() -> None:
    derived = [e for e in LIBRARY.all() if e.one_rep_max_from is not None]
    assert {e.id for e in derived} >= {"front-squat", "trap-bar-deadlift", "dumbbell-bench-press"}
    for exercise in derived:
        assert exercise.one_rep_max_ratio is not None
        assert any("1RM ratio" in source for source in exercise.sources), exercise.id
        assert exercise.one_rep_max_from in LIBRARY
    front = LIBRARY.get("front-squat")
    assert front.one_rep_max_from == "back-squat"
    assert front.one_rep_max_ratio == pytest.approx(0.80)


def test_loads_step_as_the_equipment_does() -> None:
    for exercise in LIBRARY.all():
        if not exercise.equipment & {"barbell", "dumbbells", "kettlebell", "cable", "machine"}:
            assert exercise.load_increment_kg == 0, exercise.id
    assert LIBRARY.get("back-squat").load_increment_kg == 2.5
    assert LIBRARY.get("dumbbell-row").load_increment_kg == 2.0


def test_every_entry_has_one_line_cues_and_a_name() -> None:
    for exercise in LIBRARY.all():
        assert exercise.name.strip()
        assert exercise.cues.strip()
        assert "\n" not in exercise.cues


# -- validation of library files --------------------------------------------------------

ENTRY = """
[[exercise]]
id = "{id}"
name = "Test {id}"
pattern = "squat"
primary = ["legs"]
secondary = []
equipment = ["barbell"]
heavy_lower = false
explosive = false
unilateral = false
compound = true
runner_specific = false
eccentric_emphasis = false
hard_without_load = false
load_increment_kg = 2.5
substitutes = {subs}
sources = []
cues = "Stand up."
"""


def entry(exercise_id: str, *, subs: str = "[]", extra: str = "", replace: str = "") -> str:
    text = ENTRY.format(id=exercise_id, subs=subs)
    if replace:
        old, new = replace.split("=>")
        assert old in text
        text = text.replace(old, new)
    return text + extra


def derived(exercise_id: str, *, base: str, source: str = "1RM ratio 0.9: a study") -> str:
    sources = f'sources = ["{source}"]' if source else "sources = []"
    return entry(
        exercise_id,
        replace=f"sources = []=>{sources}",
        extra=f'one_rep_max_from = "{base}"\none_rep_max_ratio = 0.9\n',
    )


def test_a_small_valid_library_parses() -> None:
    library = parse_exercise_library(entry("alpha", subs='["beta"]') + entry("beta"))
    assert [e.id for e in library.all()] == ["alpha", "beta"]
    assert isinstance(library.get("alpha"), Exercise)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not = [valid", "not valid TOML"),
        ("", "no \\[\\[exercise\\]\\] tables"),
        ('title = "x"\n' + entry("alpha"), "unknown top-level keys"),
        (entry("alpha") + entry("alpha"), "each exercise id once"),
        (entry("alpha", subs='["betta"]') + entry("beta"), "did you mean beta"),
        (derived("alpha", base="gamma"), "one_rep_max_from 'gamma'"),
        (entry("alpha", replace='pattern = "squat"=>pattern = "squatting"'), "one of squat"),
        (entry("alpha", replace='primary = ["legs"]=>primary = ["quads"]'), "muscle groups"),
        (entry("alpha", replace='equipment = ["barbell"]=>equipment = ["trap-bar"]'), "trap-bar"),
        (entry("alpha", replace="heavy_lower = false=>heavy_lower = 1"), "true or false"),
        (entry("alpha", replace='cues = "Stand up."=>'), "missing \\['cues'\\]"),
        (entry("alpha", extra="colour = 'red'\n"), "unknown keys \\['colour'\\]"),
        (entry("alpha", replace="load_increment_kg = 2.5=>load_increment_kg = '2.5'"), "a number"),
        (entry("alpha", subs='["alpha"]'), "other exercises only"),
        (
            entry("alpha", replace='pattern = "squat"=>pattern = "calf"').replace(
                "heavy_lower = false", "heavy_lower = true"
            ),
            "only squat, hinge and lunge",
        ),
        (entry("alpha", replace="explosive = false=>explosive = true"), "plyometric and olympic"),
        (
            entry("alpha", replace="hard_without_load = false=>hard_without_load = true"),
            "only for an exercise not loaded with weights",
        ),
        (
            entry(
                "alpha", replace='equipment = ["barbell"]=>equipment = ["bodyweight", "bands"]'
            ).replace("2.5", "0.0"),
            "stands alone",
        ),
        (entry("alpha", replace='id = "alpha"=>id = "Alpha Lift"'), "lower-case words"),
        (entry("alpha") + "load_split = 3\n", "one in each hand"),
        (entry("alpha") + "load_split = 2.0\n", "a whole number"),
        (
            entry("alpha", replace='equipment = ["barbell"]=>equipment = ["bodyweight"]').replace(
                "2.5", "0.0"
            )
            + "load_split = 2\n",
            "only for an exercise loaded with weights",
        ),
    ],
)
def test_broken_libraries_are_rejected_clearly(text: str, message: str) -> None:
    with pytest.raises(ImportFormatError, match=message) as caught:
        parse_exercise_library(text)
    assert caught.value.format == "exercise library"


def test_a_derived_one_rep_max_parses_with_its_cited_ratio() -> None:
    library = parse_exercise_library(entry("alpha") + derived("beta", base="alpha"))
    assert library.get("beta").one_rep_max_from == "alpha"
    assert library.get("beta").one_rep_max_ratio == pytest.approx(0.9)


def test_a_derived_one_rep_max_needs_a_directly_measured_base() -> None:
    text = entry("alpha") + derived("beta", base="alpha") + derived("gamma", base="beta")
    with pytest.raises(ImportFormatError, match="measured directly"):
        parse_exercise_library(text)


def test_a_one_rep_max_ratio_needs_a_source() -> None:
    with pytest.raises(ImportFormatError, match="a source for the ratio"):
        parse_exercise_library(entry("alpha") + derived("beta", base="alpha", source=""))


def test_substitution_cycles_terminate() -> None:
    library = parse_exercise_library(
        entry("alpha", subs='["beta"]') + entry("beta", subs='["gamma", "alpha"]')
        + entry("gamma", subs='["alpha"]')
    )  # fmt: skip
    assert [e.id for e in library.substitution_chain("alpha")] == ["alpha", "beta", "gamma"]
    with pytest.raises(InvalidInput, match="beta, gamma"):
        library.substitute("alpha", BANDS_ONLY)
    assert library.substitute("gamma", frozenset({"barbell"})).id == "gamma"
