"""Our exercise slugs mapped to the FIT profile's exercise categories and names.

A FIT workout step names its exercise with two numbers: ``exercise_category``
(the ``exercise_category`` type of the FIT profile) and ``exercise_name``, whose
meaning depends on the category (``squat_exercise_name``, ``row_exercise_name``
...). Watches show the name from these numbers, so each library exercise gets the
closest movement the profile lists. Where the profile has no fitting name, only
the category is given; where it has no fitting category either (ankle drills,
balance), the category is ``unknown``. The names and numbers come from the FIT
profile (Garmin FIT SDK 21.x); a test checks every row against it and checks
that every exercise of the bundled library has a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True, kw_only=True)
class FitExercise:
    """An exercise as the FIT profile names it.

    Attributes:
        category: the ``exercise_category`` value name (``squat``).
        category_code: its number in the profile (28).
        name: the value name in the category's ``<category>_exercise_name`` type,
            or None when only the category fits.
        name_code: its number in that type, or None.
    """

    category: str
    category_code: int
    name: str | None = None
    name_code: int | None = None


UNKNOWN_EXERCISE: Final = FitExercise(category="unknown", category_code=65534)
"""What an exercise without a row in the table becomes."""

FIT_EXERCISES: Final[dict[str, FitExercise]] = {
    "back-squat": FitExercise(
        category="squat", category_code=28, name="barbell_back_squat", name_code=6
    ),
    "front-squat": FitExercise(
        category="squat", category_code=28, name="barbell_front_squat", name_code=8
    ),
    "goblet-squat": FitExercise(
        category="squat", category_code=28, name="goblet_squat", name_code=37
    ),
    "bodyweight-squat": FitExercise(category="squat", category_code=28, name="squat", name_code=61),
    "pistol-squat": FitExercise(
        category="squat", category_code=28, name="pistol_squat", name_code=47
    ),
    "assisted-pistol-squat": FitExercise(
        category="squat", category_code=28, name="partial_single_leg_squat", name_code=45
    ),
    "eccentric-squat": FitExercise(category="squat", category_code=28, name="squat", name_code=61),
    "eccentric-goblet-squat": FitExercise(
        category="squat", category_code=28, name="goblet_squat", name_code=37
    ),
    "tempo-back-squat": FitExercise(
        category="squat", category_code=28, name="barbell_back_squat", name_code=6
    ),
    "deadlift": FitExercise(
        category="deadlift", category_code=8, name="barbell_deadlift", name_code=0
    ),
    "trap-bar-deadlift": FitExercise(
        category="deadlift", category_code=8, name="trap_bar_deadlift", name_code=17
    ),
    "romanian-deadlift": FitExercise(
        category="deadlift", category_code=8, name="romanian_deadlift", name_code=23
    ),
    "dumbbell-romanian-deadlift": FitExercise(
        category="deadlift", category_code=8, name="romanian_deadlift", name_code=23
    ),
    "single-leg-rdl": FitExercise(
        category="deadlift",
        category_code=8,
        name="single_leg_romanian_deadlift_with_dumbbell",
        name_code=14,
    ),
    "bodyweight-single-leg-rdl": FitExercise(category="deadlift", category_code=8),
    "kettlebell-deadlift": FitExercise(
        category="deadlift", category_code=8, name="kettlebell_deadlift", name_code=20
    ),
    "hip-thrust": FitExercise(
        category="hip_raise", category_code=10, name="barbell_hip_thrust_with_bench", name_code=1
    ),
    "single-leg-hip-thrust": FitExercise(
        category="hip_raise", category_code=10, name="single_leg_hip_raise", name_code=30
    ),
    "glute-bridge": FitExercise(
        category="hip_raise", category_code=10, name="hip_raise", name_code=11
    ),
    "single-leg-glute-bridge": FitExercise(
        category="hip_raise", category_code=10, name="single_leg_hip_raise", name_code=30
    ),
    "bulgarian-split-squat": FitExercise(
        category="lunge", category_code=17, name="dumbbell_bulgarian_split_squat", name_code=18
    ),
    "bodyweight-bulgarian-split-squat": FitExercise(category="lunge", category_code=17),
    "split-squat": FitExercise(category="lunge", category_code=17),
    "walking-lunge": FitExercise(
        category="lunge", category_code=17, name="walking_dumbbell_lunge", name_code=77
    ),
    "reverse-lunge": FitExercise(
        category="lunge", category_code=17, name="dumbbell_reverse_lunge", name_code=82
    ),
    "bodyweight-lunge": FitExercise(category="lunge", category_code=17, name="lunge", name_code=32),
    "lateral-lunge": FitExercise(
        category="lunge", category_code=17, name="side_lunge", name_code=61
    ),
    "step-up": FitExercise(
        category="squat", category_code=28, name="dumbbell_step_up", name_code=32
    ),
    "bodyweight-step-up": FitExercise(
        category="squat", category_code=28, name="step_up", name_code=66
    ),
    "suspended-split-squat": FitExercise(category="lunge", category_code=17),
    "weighted-suspended-split-squat": FitExercise(category="lunge", category_code=17),
    "nordic-curl": FitExercise(category="leg_curl", category_code=15),
    "sliding-leg-curl": FitExercise(
        category="leg_curl", category_code=15, name="single_leg_sliding_leg_curl", name_code=5
    ),
    "lying-leg-curl": FitExercise(
        category="leg_curl", category_code=15, name="leg_curl", name_code=0
    ),
    "copenhagen-plank": FitExercise(
        category="plank", category_code=19, name="side_plank_with_feet_on_bench", name_code=74
    ),
    "short-lever-copenhagen-plank": FitExercise(category="plank", category_code=19),
    "banded-lateral-walk": FitExercise(
        category="hip_stability",
        category_code=11,
        name="lateral_walks_with_band_at_ankles",
        name_code=11,
    ),
    "side-lying-hip-abduction": FitExercise(
        category="hip_stability", category_code=11, name="side_lying_leg_raise", name_code=21
    ),
    "bent-knee-calf-raise": FitExercise(
        category="calf_raise", category_code=1, name="single_leg_bent_knee_calf_raise", name_code=9
    ),
    "weighted-bent-knee-calf-raise": FitExercise(
        category="calf_raise",
        category_code=1,
        name="weighted_single_leg_bent_knee_calf_raise",
        name_code=10,
    ),
    "seated-calf-raise": FitExercise(
        category="calf_raise", category_code=1, name="seated_calf_raise", name_code=6
    ),
    "straight-knee-calf-raise": FitExercise(
        category="calf_raise", category_code=1, name="single_leg_standing_calf_raise", name_code=15
    ),
    "weighted-straight-knee-calf-raise": FitExercise(
        category="calf_raise", category_code=1, name="standing_dumbbell_calf_raise", name_code=20
    ),
    "barbell-calf-raise": FitExercise(
        category="calf_raise", category_code=1, name="standing_barbell_calf_raise", name_code=17
    ),
    "banded-standing-hip-flexion": FitExercise(category="hip_stability", category_code=11),
    "cable-standing-hip-flexion": FitExercise(category="hip_stability", category_code=11),
    "standing-knee-drive": FitExercise(category="hip_stability", category_code=11),
    "banded-ankle-inversion": UNKNOWN_EXERCISE,
    "banded-ankle-eversion": UNKNOWN_EXERCISE,
    "single-leg-balance": UNKNOWN_EXERCISE,
    "single-leg-multidirectional-hops": FitExercise(category="plyo", category_code=20),
    "single-leg-lateral-hops": FitExercise(category="plyo", category_code=20),
    "single-leg-hop-and-hold": FitExercise(category="plyo", category_code=20),
    "pogo-hops": FitExercise(category="plyo", category_code=20),
    "squat-jump": FitExercise(
        category="plyo", category_code=20, name="body_weight_jump_squat", name_code=3
    ),
    "box-jump": FitExercise(category="plyo", category_code=20, name="box_jump", name_code=33),
    "broad-jump": FitExercise(category="plyo", category_code=20),
    "bounding": FitExercise(category="plyo", category_code=20),
    "depth-jump": FitExercise(category="plyo", category_code=20, name="depth_jump", name_code=7),
    "power-clean": FitExercise(
        category="olympic_lift", category_code=18, name="barbell_power_clean", name_code=2
    ),
    "hang-clean": FitExercise(
        category="olympic_lift", category_code=18, name="barbell_hang_power_clean", name_code=0
    ),
    "dumbbell-snatch": FitExercise(
        category="olympic_lift", category_code=18, name="single_arm_dumbbell_snatch", name_code=16
    ),
    "kettlebell-swing": FitExercise(
        category="hip_raise", category_code=10, name="kettlebell_swing", name_code=23
    ),
    "bench-press": FitExercise(
        category="bench_press", category_code=0, name="barbell_bench_press", name_code=1
    ),
    "dumbbell-bench-press": FitExercise(
        category="bench_press", category_code=0, name="dumbbell_bench_press", name_code=6
    ),
    "push-up": FitExercise(category="push_up", category_code=22, name="push_up", name_code=77),
    "dumbbell-fly": FitExercise(
        category="flye", category_code=9, name="dumbbell_flye", name_code=2
    ),
    "decline-push-up": FitExercise(
        category="push_up", category_code=22, name="decline_push_up", name_code=13
    ),
    "incline-push-up": FitExercise(
        category="push_up", category_code=22, name="incline_push_up", name_code=27
    ),
    "close-grip-push-up": FitExercise(
        category="push_up", category_code=22, name="close_hands_push_up", name_code=11
    ),
    "overhead-press": FitExercise(
        category="shoulder_press", category_code=24, name="overhead_barbell_press", name_code=14
    ),
    "dumbbell-shoulder-press": FitExercise(
        category="shoulder_press", category_code=24, name="dumbbell_shoulder_press", name_code=24
    ),
    "banded-overhead-press": FitExercise(category="shoulder_press", category_code=24),
    "pike-push-up": FitExercise(
        category="push_up", category_code=22, name="pike_push_up", name_code=84
    ),
    "barbell-row": FitExercise(category="row", category_code=23, name="barbell_row", name_code=45),
    "dumbbell-row": FitExercise(category="row", category_code=23, name="dumbbell_row", name_code=2),
    "seated-cable-row": FitExercise(
        category="row", category_code=23, name="seated_cable_row", name_code=18
    ),
    "inverted-row": FitExercise(
        category="row", category_code=23, name="inverted_row", name_code=35
    ),
    "suspension-row": FitExercise(
        category="row", category_code=23, name="suspended_inverted_row", name_code=26
    ),
    "banded-row": FitExercise(category="row", category_code=23),
    "pull-up": FitExercise(category="pull_up", category_code=21, name="pull_up", name_code=38),
    "table-inverted-row": FitExercise(
        category="row", category_code=23, name="modified_inverted_row", name_code=10
    ),
    "towel-door-row": FitExercise(category="row", category_code=23),
    "chin-up": FitExercise(category="pull_up", category_code=21, name="chin_up", name_code=39),
    "lat-pulldown": FitExercise(
        category="pull_up", category_code=21, name="lat_pulldown", name_code=13
    ),
    "banded-lat-pulldown": FitExercise(category="pull_up", category_code=21),
    "face-pull": FitExercise(category="row", category_code=23, name="face_pull", name_code=5),
    "banded-face-pull": FitExercise(
        category="row", category_code=23, name="banded_face_pulls", name_code=39
    ),
    "lateral-raise": FitExercise(
        category="lateral_raise", category_code=14, name="dumbbell_lateral_raise", name_code=34
    ),
    "banded-lateral-raise": FitExercise(category="lateral_raise", category_code=14),
    "prone-ytw-raise": FitExercise(category="shoulder_stability", category_code=25),
    "barbell-curl": FitExercise(
        category="curl", category_code=7, name="barbell_biceps_curl", name_code=3
    ),
    "dumbbell-curl": FitExercise(
        category="curl", category_code=7, name="standing_dumbbell_biceps_curl", name_code=37
    ),
    "banded-curl": FitExercise(category="curl", category_code=7),
    "triceps-pushdown": FitExercise(
        category="triceps_extension", category_code=30, name="triceps_pressdown", name_code=39
    ),
    "overhead-triceps-extension": FitExercise(
        category="triceps_extension",
        category_code=30,
        name="overhead_dumbbell_triceps_extension",
        name_code=15,
    ),
    "bench-dip": FitExercise(
        category="triceps_extension", category_code=30, name="bench_dip", name_code=0
    ),
    "farmers-carry": FitExercise(
        category="carry", category_code=3, name="farmers_walk", name_code=1
    ),
    "suitcase-carry": FitExercise(category="carry", category_code=3),
    "plank": FitExercise(category="plank", category_code=19, name="plank", name_code=43),
    "side-plank": FitExercise(category="plank", category_code=19, name="side_plank", name_code=66),
    "dead-bug": FitExercise(
        category="hip_stability", category_code=11, name="dead_bug", name_code=1
    ),
    "pallof-press": FitExercise(
        category="core", category_code=5, name="cable_core_press", name_code=6
    ),
    "banded-pallof-press": FitExercise(category="core", category_code=5),
    "hanging-knee-raise": FitExercise(
        category="leg_raise", category_code=16, name="hanging_knee_raise", name_code=0
    ),
}
"""Library exercise slug -> FIT category and name."""


def fit_exercise(slug: str) -> FitExercise:
    """Return the FIT category and name of an exercise slug (``unknown`` if it has no row).

    Examples:
        >>> fit_exercise("back-squat").name
        'barbell_back_squat'
        >>> fit_exercise("no-such-exercise").category
        'unknown'
    """
    return FIT_EXERCISES.get(slug, UNKNOWN_EXERCISE)
