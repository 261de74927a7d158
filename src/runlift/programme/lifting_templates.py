"""The lifting session layouts as typed tables: which exercises each session holds.

Every row names the rule it serves; ``runlift.programme.lifting_doses`` says how
each exercise is dosed and ``runlift.programme.lifting_prescription`` applies both
to a week.

* :data:`LAYOUTS`: the sessions of a week by template family and number of lifts,
  so that legs, back and chest are each trained on 2-3 distinct days (SCH-7) and
  every session is built on compound lifts (LFT-1). The hypertrophy family adds
  direct arm and shoulder work (Schoenfeld, Ogborn & Krieger 2017 count sets per
  muscle, and the compounds alone give the arms and side delts few).
* :data:`FAMILY_OF`: the family each lift emphasis uses.
* :data:`PRIMER` and :data:`TEST_ORDER`: the light session of a strength test
  week and the order in which the main lifts are tested (squat, bench press,
  deadlift, as in a powerlifting meet).
* The sources the lifting explanations and ``docs/lifting.md`` cite.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from runlift.domain.exercises import MovementPattern
from runlift.programme.periodisation import LiftEmphasis

# Sources named in explanations and in docs/lifting.md.
ACSM_2009 = "ACSM 2009 Med Sci Sports Exerc 41(3):687-708"
BAZ_VALLE_2022 = "Baz-Valle et al. 2022 J Hum Kinet 81:199-210"
BICKEL_2011 = "Bickel, Cross & Bamman 2011 Med Sci Sports Exerc 43(7):1177-1187"
BLAGROVE_2018 = "Blagrove et al. 2018 Sports Med 48(5):1117-1149"
BOSQUET_2007 = "Bosquet et al. 2007 Med Sci Sports Exerc 39(8):1358-1365"
CLARKSON_2002 = "Clarkson & Hubal 2002 Am J Phys Med Rehabil 81(11 Suppl):S52-S69"
DAY_2004 = "Day et al. 2004 J Strength Cond Res 18(2):353-358"
DOUGLAS_2017 = "Douglas et al. 2017 Sports Med 47(5):917-941"
HELMS_2016 = "Helms et al. 2016 Strength Cond J 38(4):42-49"
ISRAETEL_2019 = "Israetel, Hoffmann & Smith 2019 Scientific Principles of Hypertrophy Training"
NSCA_2016 = "NSCA Essentials of Strength Training and Conditioning, 4th ed. 2016"
PRITCHARD_2015 = "Pritchard et al. 2015 Strength Cond J 37(2):72-83"
RALSTON_2017 = "Ralston et al. 2017 Sports Med 47(12):2585-2601"
RONNESTAD_2014 = "Rønnestad & Mujika 2014 Scand J Med Sci Sports 24(4):603-612"
SCHOENFELD_2016 = "Schoenfeld et al. 2016 J Strength Cond Res 30(7):1805-1812"
SCHOENFELD_2017 = "Schoenfeld, Ogborn & Krieger 2017 J Sports Sci 35(11):1073-1082"
VIKMOEN_2017 = "Vikmoen et al. 2017 Physiol Rep 5(5):e13149"

MAX_LIFTS_PER_WEEK: Final = 4
"""Most lifts a week has a layout for (SCH-7: up to 4 when lifting comes first)."""


class SlotRole(StrEnum):
    """What an exercise does in its session: decides its dose and its place in the order."""

    EXPLOSIVE = "explosive"
    MAIN = "main"
    ASSIST = "assist"
    RUNNER = "runner"
    ACCESSORY = "accessory"


ROLE_ORDER: Final = (
    SlotRole.EXPLOSIVE,
    SlotRole.MAIN,
    SlotRole.ASSIST,
    SlotRole.RUNNER,
    SlotRole.ACCESSORY,
)
"""Order of exercises in a session: explosive work first, done fresh (SCH-9), then the
heavy compounds (LFT-1), then the rest."""


class TemplateFamily(StrEnum):
    """Which set of session layouts an emphasis uses."""

    BUILD = "build"
    HYPERTROPHY = "hypertrophy"
    MAINTAIN = "maintain"
    RUNNER = "runner"
    RUNNER_SPECIFIC = "runner_specific"


@dataclass(frozen=True, slots=True, kw_only=True)
class Slot:
    """One exercise of a session template: the preferred exercise and its role."""

    exercise: str
    role: SlotRole


@dataclass(frozen=True, slots=True, kw_only=True)
class SessionTemplate:
    """A session layout: a name, its exercises in any order, and the rule it serves."""

    name: str
    slots: tuple[Slot, ...]
    rule: str


_R = SlotRole
_E = LiftEmphasis


def _t(name: str, rule: str, *slots: tuple[str, SlotRole]) -> SessionTemplate:
    return SessionTemplate(
        name=name, rule=rule, slots=tuple(Slot(exercise=e, role=r) for e, r in slots)
    )


FAMILY_OF: Final[Mapping[LiftEmphasis, TemplateFamily]] = MappingProxyType(
    {
        _E.STRENGTH: TemplateFamily.BUILD,
        _E.HYPERTROPHY: TemplateFamily.HYPERTROPHY,
        _E.PEAK_TEST: TemplateFamily.BUILD,
        _E.MAINTENANCE: TemplateFamily.MAINTAIN,
        _E.RUNNER: TemplateFamily.RUNNER,
        _E.RUNNER_SPECIFIC: TemplateFamily.RUNNER_SPECIFIC,
    }
)
"""Layout family of each emphasis; a test week's main lifts are those of the strength layouts."""


# Session layouts. Every layout with 2-4 lifts puts legs, back and chest into 2-3 of
# its sessions (SCH-7); every session leads with heavy compounds (LFT-1).
_FULL_BODY_ONE = _t(
    "Full body",
    "LFT-1",
    ("back-squat", _R.MAIN),
    ("bench-press", _R.MAIN),
    ("barbell-row", _R.ASSIST),
    ("romanian-deadlift", _R.ACCESSORY),
)
_UPPER_A = _t(
    "Upper A",
    "SCH-7",
    ("bench-press", _R.MAIN),
    ("barbell-row", _R.ASSIST),
    ("overhead-press", _R.ASSIST),
    ("pull-up", _R.ACCESSORY),
)
_LOWER_A = _t(
    "Lower A",
    "SCH-7",
    ("back-squat", _R.MAIN),
    ("romanian-deadlift", _R.ASSIST),
    ("bulgarian-split-squat", _R.ACCESSORY),
    ("weighted-straight-knee-calf-raise", _R.ACCESSORY),
)
_UPPER_B = _t(
    "Upper B",
    "SCH-7",
    ("overhead-press", _R.MAIN),
    ("pull-up", _R.ASSIST),
    ("dumbbell-bench-press", _R.ASSIST),
    ("dumbbell-row", _R.ACCESSORY),
)
_LOWER_B = _t(
    "Lower B",
    "SCH-7",
    ("deadlift", _R.MAIN),
    ("front-squat", _R.ASSIST),
    ("walking-lunge", _R.ACCESSORY),
    ("lying-leg-curl", _R.ACCESSORY),
)
_BUILD_UPPER_LOWER = (_UPPER_A, _LOWER_A, _UPPER_B, _LOWER_B)

# Hypertrophy: the strength layouts plus direct arm and side-delt work, so that arms
# and shoulders get weekly sets of their own (Schoenfeld 2017 counts sets per muscle;
# Israetel 2019 gives arms and side delts their own volume landmarks).
_CURL = ("dumbbell-curl", _R.ACCESSORY)
_FLY = ("dumbbell-fly", _R.ACCESSORY)
_TRICEPS = ("overhead-triceps-extension", _R.ACCESSORY)
_LATERAL = ("lateral-raise", _R.ACCESSORY)
_HYP_UPPER_A = _t(
    "Upper A",
    "SCH-7",
    ("bench-press", _R.MAIN),
    ("barbell-row", _R.ASSIST),
    ("overhead-press", _R.ASSIST),
    ("pull-up", _R.ASSIST),
    _LATERAL,
    _CURL,
)
_HYP_LOWER_A = _t(
    "Lower A",
    "SCH-7",
    ("back-squat", _R.MAIN),
    ("romanian-deadlift", _R.ASSIST),
    ("bulgarian-split-squat", _R.ACCESSORY),
    ("weighted-straight-knee-calf-raise", _R.ACCESSORY),
)
_HYP_UPPER_B = _t(
    "Upper B",
    "SCH-7",
    ("dumbbell-bench-press", _R.MAIN),
    ("pull-up", _R.ASSIST),
    ("dumbbell-row", _R.ASSIST),
    ("dumbbell-shoulder-press", _R.ASSIST),
    _TRICEPS,
    _LATERAL,
    _FLY,
)
_HYP_LOWER_B = _t(
    "Lower B",
    "SCH-7",
    ("romanian-deadlift", _R.MAIN),
    ("front-squat", _R.ASSIST),
    ("walking-lunge", _R.ACCESSORY),
    ("lying-leg-curl", _R.ACCESSORY),
)

# Runners (race-specific blocks, LFT-7): heavy squat and plyometrics, a runner-specific
# session with the LFT-6 set, and with three lifts a heavy hinge day.
_RUNNER_A = _t(
    "Strength A (squat)",
    "LFT-7",
    ("single-leg-multidirectional-hops", _R.EXPLOSIVE),
    ("back-squat", _R.MAIN),
    ("bench-press", _R.ASSIST),
    ("barbell-row", _R.ASSIST),
    ("bent-knee-calf-raise", _R.RUNNER),
)
_RUNNER_B = _t(
    "Runner strength B",
    "LFT-6",
    ("suspended-split-squat", _R.RUNNER),
    ("eccentric-squat", _R.RUNNER),
    ("straight-knee-calf-raise", _R.RUNNER),
    ("banded-standing-hip-flexion", _R.RUNNER),
    ("banded-ankle-inversion", _R.RUNNER),
    ("banded-ankle-eversion", _R.RUNNER),
    ("push-up", _R.ASSIST),
    ("pull-up", _R.ASSIST),
)
_RUNNER_C = _t(
    "Strength C (hinge)",
    "LFT-7",
    ("single-leg-lateral-hops", _R.EXPLOSIVE),
    ("deadlift", _R.MAIN),
    ("dumbbell-bench-press", _R.ASSIST),
    ("single-leg-rdl", _R.RUNNER),
    ("nordic-curl", _R.RUNNER),
)

# Runner-specific style (LFT-6). The loaded forms are preferred; the library's
# substitution chains fall back on the bodyweight and band originals of G5
# (eccentric goblet squat -> eccentric squat, weighted -> bodyweight calf raises,
# weighted -> plain suspended split squat -> split squat). One push and one pull a
# session put chest and back on the same 2-3 days as the legs (SCH-7). Hops open A
# and C (SCH-9: explosive work first, done fresh); B has none, so it may follow a run
# on the same day: SCH-9 forbids explosive work after a run and SCH-3 puts the run
# first on a race goal's shared days, so a runner with six runs a week could not
# otherwise place two lifts without losing a run.
_RS_PUSH = ("push-up", _R.ACCESSORY)
_RS_PULL = ("suspension-row", _R.ACCESSORY)
_RS_BAND_PULL = ("banded-row", _R.ACCESSORY)
_RS_A = _t(
    "Runner-specific A",
    "LFT-6",
    ("single-leg-multidirectional-hops", _R.EXPLOSIVE),
    ("weighted-suspended-split-squat", _R.RUNNER),
    ("weighted-bent-knee-calf-raise", _R.RUNNER),
    ("banded-standing-hip-flexion", _R.RUNNER),
    _RS_PUSH,
    _RS_PULL,
)
_RS_B = _t(
    "Runner-specific B",
    "LFT-6",
    ("eccentric-goblet-squat", _R.RUNNER),
    ("weighted-straight-knee-calf-raise", _R.RUNNER),
    ("banded-ankle-inversion", _R.RUNNER),
    ("banded-ankle-eversion", _R.RUNNER),
    _RS_PUSH,
    _RS_BAND_PULL,
)
_RS_C_LEGS = (
    ("single-leg-lateral-hops", _R.EXPLOSIVE),
    ("single-leg-rdl", _R.RUNNER),
    ("weighted-bent-knee-calf-raise", _R.RUNNER),
)
_RS_C = _t("Runner-specific C", "LFT-6", *_RS_C_LEGS, _RS_PUSH, _RS_PULL)

LAYOUTS: Final[Mapping[tuple[TemplateFamily, int], tuple[SessionTemplate, ...]]] = MappingProxyType(
    {
        # One lift: a full-body session; SCH-7's 2-3 days cannot be met with one lift.
        (TemplateFamily.BUILD, 1): (_FULL_BODY_ONE,),
        (TemplateFamily.HYPERTROPHY, 1): (
            _t(
                "Full body",
                "LFT-1",
                ("back-squat", _R.MAIN),
                ("bench-press", _R.MAIN),
                ("barbell-row", _R.ASSIST),
                ("romanian-deadlift", _R.ACCESSORY),
                _LATERAL,
                _CURL,
            ),
        ),
        (TemplateFamily.MAINTAIN, 1): (_FULL_BODY_ONE,),
        (TemplateFamily.RUNNER, 1): (_RUNNER_A,),
        # BUILD (strength, and the test week's main lifts): every session may be heavy lower.
        (TemplateFamily.BUILD, 2): (
            _t(
                "Full body A (squat)",
                "SCH-7",
                ("back-squat", _R.MAIN),
                ("bench-press", _R.MAIN),
                ("barbell-row", _R.ASSIST),
                ("bulgarian-split-squat", _R.ACCESSORY),
            ),
            _t(
                "Full body B (deadlift)",
                "SCH-7",
                ("deadlift", _R.MAIN),
                ("overhead-press", _R.MAIN),
                ("pull-up", _R.ASSIST),
                ("dumbbell-bench-press", _R.ASSIST),
                ("walking-lunge", _R.ACCESSORY),
            ),
        ),
        (TemplateFamily.BUILD, 3): (
            _UPPER_A,
            _LOWER_A,
            _t(
                "Full body (deadlift)",
                "SCH-7",
                ("deadlift", _R.MAIN),
                ("dumbbell-bench-press", _R.ASSIST),
                ("chin-up", _R.ASSIST),
                ("walking-lunge", _R.ACCESSORY),
            ),
        ),
        (TemplateFamily.BUILD, 4): _BUILD_UPPER_LOWER,
        # HYPERTROPHY: as BUILD, with a curl, a triceps extension and a lateral raise.
        (TemplateFamily.HYPERTROPHY, 2): (
            _t(
                "Full body A (squat)",
                "SCH-7",
                ("back-squat", _R.MAIN),
                ("bench-press", _R.MAIN),
                ("barbell-row", _R.ASSIST),
                ("bulgarian-split-squat", _R.ACCESSORY),
                _LATERAL,
                _CURL,
            ),
            _t(
                "Full body B (hinge)",
                "SCH-7",
                ("romanian-deadlift", _R.MAIN),
                ("overhead-press", _R.MAIN),
                ("pull-up", _R.ASSIST),
                ("dumbbell-bench-press", _R.ASSIST),
                ("walking-lunge", _R.ACCESSORY),
                _TRICEPS,
                _FLY,
            ),
        ),
        (TemplateFamily.HYPERTROPHY, 3): (
            _HYP_UPPER_A,
            _HYP_LOWER_A,
            _t(
                "Full body (hinge)",
                "SCH-7",
                ("romanian-deadlift", _R.MAIN),
                ("dumbbell-bench-press", _R.ASSIST),
                ("chin-up", _R.ASSIST),
                ("walking-lunge", _R.ACCESSORY),
                _TRICEPS,
                _LATERAL,
                _FLY,
            ),
        ),
        (TemplateFamily.HYPERTROPHY, 4): (_HYP_UPPER_A, _HYP_LOWER_A, _HYP_UPPER_B, _HYP_LOWER_B),
        # MAINTAIN: one heavy full-body session; the others keep legs light with
        # runner-specific work, so they are not heavy lower (easier to place, SCH-4).
        (TemplateFamily.MAINTAIN, 2): (
            _t(
                "Full body (squat)",
                "SCH-7",
                ("back-squat", _R.MAIN),
                ("bench-press", _R.MAIN),
                ("barbell-row", _R.ASSIST),
            ),
            _t(
                "Upper + runner legs",
                "SCH-7",
                ("dumbbell-bench-press", _R.ASSIST),
                ("pull-up", _R.ASSIST),
                ("single-leg-rdl", _R.RUNNER),
                ("bent-knee-calf-raise", _R.RUNNER),
            ),
        ),
        (TemplateFamily.MAINTAIN, 3): (
            _t(
                "Full body (squat)",
                "SCH-7",
                ("back-squat", _R.MAIN),
                ("bench-press", _R.MAIN),
                ("barbell-row", _R.ASSIST),
            ),
            _t(
                "Upper + runner legs",
                "SCH-7",
                ("dumbbell-bench-press", _R.ASSIST),
                ("pull-up", _R.ASSIST),
                ("single-leg-rdl", _R.RUNNER),
                ("bent-knee-calf-raise", _R.RUNNER),
            ),
            _t(
                "Full body (deadlift)",
                "SCH-7",
                ("deadlift", _R.MAIN),
                ("overhead-press", _R.ASSIST),
                ("push-up", _R.ACCESSORY),
            ),
        ),
        (TemplateFamily.MAINTAIN, 4): _BUILD_UPPER_LOWER,
        (TemplateFamily.RUNNER, 2): (_RUNNER_A, _RUNNER_B),
        (TemplateFamily.RUNNER, 3): (_RUNNER_A, _RUNNER_B, _RUNNER_C),
        (TemplateFamily.RUNNER, 4): (
            _t(
                "Lower A (squat)",
                "SCH-7",
                ("single-leg-multidirectional-hops", _R.EXPLOSIVE),
                ("back-squat", _R.MAIN),
                ("romanian-deadlift", _R.ASSIST),
                ("bent-knee-calf-raise", _R.RUNNER),
            ),
            _t(
                "Upper A",
                "SCH-7",
                ("bench-press", _R.MAIN),
                ("barbell-row", _R.ASSIST),
                ("overhead-press", _R.ASSIST),
            ),
            _t(
                "Lower B (runner strength)",
                "LFT-6",
                ("suspended-split-squat", _R.RUNNER),
                ("eccentric-squat", _R.RUNNER),
                ("straight-knee-calf-raise", _R.RUNNER),
                ("banded-standing-hip-flexion", _R.RUNNER),
                ("banded-ankle-inversion", _R.RUNNER),
                ("banded-ankle-eversion", _R.RUNNER),
            ),
            _t(
                "Upper B",
                "SCH-7",
                ("pull-up", _R.ASSIST),
                ("dumbbell-bench-press", _R.ASSIST),
                ("dumbbell-row", _R.ACCESSORY),
            ),
        ),
        # RUNNER_SPECIFIC: the whole LFT-6 set in one session, or spread over two or
        # three. The periodisation plans 2-3 of these lifts (LFT-6); four exist so any
        # outline works: legs, chest and back then stay at three days each (SCH-7) with
        # one leg session without upper-body work and one push-and-pull session.
        (TemplateFamily.RUNNER_SPECIFIC, 1): (
            _t(
                "Runner-specific (whole set)",
                "LFT-6",
                ("single-leg-multidirectional-hops", _R.EXPLOSIVE),
                ("weighted-suspended-split-squat", _R.RUNNER),
                ("eccentric-goblet-squat", _R.RUNNER),
                ("weighted-bent-knee-calf-raise", _R.RUNNER),
                ("weighted-straight-knee-calf-raise", _R.RUNNER),
                ("banded-standing-hip-flexion", _R.RUNNER),
                ("banded-ankle-inversion", _R.RUNNER),
                ("banded-ankle-eversion", _R.RUNNER),
                _RS_PUSH,
                _RS_PULL,
            ),
        ),
        (TemplateFamily.RUNNER_SPECIFIC, 2): (_RS_A, _RS_B),
        (TemplateFamily.RUNNER_SPECIFIC, 3): (_RS_A, _RS_B, _RS_C),
        (TemplateFamily.RUNNER_SPECIFIC, 4): (
            _RS_A,
            _RS_B,
            _t("Runner-specific C (legs only)", "SCH-7", *_RS_C_LEGS),
            _t("Upper (push and pull)", "SCH-7", _RS_PUSH, _RS_BAND_PULL),
        ),
    }
)
"""Session templates by layout family and number of lifts; each names the rule it serves."""

PRIMER: Final = _t(
    "Test week primer",
    "PER-2",
    ("back-squat", _R.MAIN),
    ("bench-press", _R.MAIN),
    ("barbell-row", _R.ASSIST),
)
"""The light session of a strength test week: the squat and the bench press rehearsed with
a few easy sets, and a row so that back keeps its second day (SCH-7)."""

TEST_ORDER: Final = (
    MovementPattern.SQUAT,
    MovementPattern.HORIZONTAL_PUSH,
    MovementPattern.HINGE,
    MovementPattern.VERTICAL_PUSH,
)
"""Order of the tested lifts on test day: squat, bench press, deadlift, as a powerlifting
meet runs them, then the overhead press; other patterns follow in layout order."""
