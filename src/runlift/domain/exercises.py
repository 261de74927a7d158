"""Exercises: what a movement trains, what it needs, and what can stand in for it.

An :class:`Exercise` is one entry of the exercise library (bundled as TOML in
``runlift.reference``). It checks its own consistency when built; whether its
substitutes and its 1RM base exist is the library's business, because only the
library knows every id.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final, NewType

from runlift.errors import InvalidInput
from runlift.vocabulary import MuscleGroup

ExerciseId = NewType("ExerciseId", str)
"""A stable slug such as ``back-squat``: lower-case words joined by hyphens."""

SLUG_PATTERN: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class MovementPattern(StrEnum):
    """The movement an exercise trains; planners balance sessions by pattern."""

    SQUAT = "squat"
    HINGE = "hinge"
    LUNGE = "lunge"
    HORIZONTAL_PUSH = "horizontal_push"
    VERTICAL_PUSH = "vertical_push"
    HORIZONTAL_PULL = "horizontal_pull"
    VERTICAL_PULL = "vertical_pull"
    CARRY = "carry"
    CORE = "core"
    CALF = "calf"
    HIP_FLEXION = "hip_flexion"
    HIP_ABDUCTION = "hip_abduction"
    HIP_ADDUCTION = "hip_adduction"
    KNEE_FLEXION = "knee_flexion"
    ANKLE = "ankle"
    PLYOMETRIC = "plyometric"
    OLYMPIC = "olympic"
    ELBOW_FLEXION = "elbow_flexion"
    ELBOW_EXTENSION = "elbow_extension"
    SHOULDER_ISOLATION = "shoulder_isolation"


HEAVY_LOWER_PATTERNS: Final = frozenset(
    {MovementPattern.SQUAT, MovementPattern.HINGE, MovementPattern.LUNGE}
)
"""Patterns whose loaded work makes a lift *heavy lower* (GUIDELINES.md, 'Words'; SCH-4)."""

EXPLOSIVE_PATTERNS: Final = frozenset({MovementPattern.PLYOMETRIC, MovementPattern.OLYMPIC})
"""Patterns that count as explosive work, done fresh (SCH-9)."""


class Equipment(StrEnum):
    """Equipment an exercise needs. ``bodyweight`` means that nothing is needed."""

    BARBELL = "barbell"
    RACK = "rack"
    BENCH = "bench"
    DUMBBELLS = "dumbbells"
    KETTLEBELL = "kettlebell"
    PULL_UP_BAR = "pull-up-bar"
    BANDS = "bands"
    CABLE = "cable"
    MACHINE = "machine"
    BOX = "box"
    SUSPENSION_TRAINER = "suspension-trainer"
    STEP = "step"
    BODYWEIGHT = "bodyweight"


LOADABLE_EQUIPMENT: Final = frozenset(
    {
        Equipment.BARBELL,
        Equipment.DUMBBELLS,
        Equipment.KETTLEBELL,
        Equipment.CABLE,
        Equipment.MACHINE,
    }
)
"""Equipment that adds load in fixed steps; without one, ``load_increment_kg`` is 0.

The converse does not hold: an inverted row uses a barbell only as an anchor.
"""

MAX_ONE_REP_MAX_RATIO: Final = 2.0
"""A derived 1RM is at most twice its base; more would mean a unit or data error."""


RATIO_SOURCE_PREFIX: Final = "1RM ratio"
"""How the source of a ``one_rep_max_ratio`` starts in ``sources``."""


def equipment_set(values: Iterable[str], *, field_name: str = "equipment") -> frozenset[str]:
    """Check equipment names against :class:`Equipment` and return them as a set.

    Raises:
        InvalidInput: a name is not one of the equipment words.
    """
    known = {item.value for item in Equipment}
    chosen = frozenset(values)
    for value in sorted(chosen):
        if value not in known:
            raise InvalidInput(field_name, value, f"one of {', '.join(sorted(known))}")
    return chosen


@dataclass(frozen=True, slots=True, kw_only=True)
class Exercise:
    """One exercise of the library.

    Attributes:
        id: stable slug, e.g. ``back-squat``.
        name: human name.
        pattern: the movement trained.
        primary: muscle groups the exercise trains directly (counted for SCH-7).
        secondary: groups it trains as helpers or stabilisers (not counted).
        equipment: everything needed, all at once; ``{"bodyweight"}`` means nothing.
        heavy_lower: can be the main work of a heavy lower lift (squat, hinge or
            lunge pattern loaded to >= 70 % 1RM or RPE >= 7; SCH-4).
        explosive: plyometric or Olympic-style work, done fresh (SCH-9).
        unilateral: worked one side at a time.
        compound: moves several joints.
        runner_specific: part of the runner-specific set (LFT-6) or a variation of it.
        eccentric_emphasis: the lowering phase is slowed or overloaded on purpose.
        hard_without_load: without added load (bodyweight, or a band of the right
            stiffness) a trained adult reaches RPE 8 within about 12 reps per side with a
            slow lowering, so the exercise can carry a strength or hypertrophy dose (a
            rear-foot-elevated split squat, a pistol squat, a Nordic curl; not an air
            squat). Only for exercises not loaded with weights.
        load_increment_kg: the smallest usual load step: 2.5 for a barbell (two
            1.25 kg plates), 2.0 for the next dumbbell, 0 when the exercise is not
            loaded with weights.
        load_split: the load is held in this many equal parts, e.g. 2 for a dumbbell
            in each hand. Loads and 1RMs are the parts together; each part steps by
            ``load_increment_kg``, so the whole steps by ``load_split`` times that.
        one_rep_max_from: the exercise whose 1RM seeds this one's, if any.
        one_rep_max_ratio: this 1RM divided by the base's 1RM; given with the
            base, with its source in ``sources`` (starting "1RM ratio").
        substitutes: exercises that can stand in for this one, best first.
        sources: guideline IDs, guidance documents and studies behind the entry.
        cues: one line of coaching cues.
    """

    id: ExerciseId
    name: str
    pattern: MovementPattern
    primary: frozenset[MuscleGroup]
    secondary: frozenset[MuscleGroup]
    equipment: frozenset[str]
    heavy_lower: bool
    explosive: bool
    unilateral: bool
    compound: bool
    runner_specific: bool
    eccentric_emphasis: bool
    load_increment_kg: float
    load_split: int = 1
    hard_without_load: bool = False
    one_rep_max_from: ExerciseId | None = None
    one_rep_max_ratio: float | None = None
    substitutes: tuple[ExerciseId, ...] = ()
    sources: tuple[str, ...] = ()
    cues: str

    def __post_init__(self) -> None:
        self._check_words()
        self._check_muscles_and_equipment()
        self._check_flags()
        self._check_load_split()
        self._check_one_rep_max()
        self._check_substitutes()

    def _check_words(self) -> None:
        if SLUG_PATTERN.fullmatch(self.id) is None:
            raise InvalidInput("id", self.id, "lower-case words joined by hyphens, e.g. back-squat")
        if not self.name.strip():
            raise InvalidInput(f"{self.id}.name", self.name, "a non-empty name")
        if not self.cues.strip() or "\n" in self.cues:
            raise InvalidInput(f"{self.id}.cues", self.cues, "one non-empty line")
        if any(not source.strip() for source in self.sources):
            raise InvalidInput(f"{self.id}.sources", self.sources, "non-empty citations")

    def _check_muscles_and_equipment(self) -> None:
        if not self.primary:
            raise InvalidInput(f"{self.id}.primary", sorted(self.primary), "at least one group")
        if self.primary & self.secondary:
            raise InvalidInput(
                f"{self.id}.secondary",
                sorted(self.primary & self.secondary),
                "a group is either primary or secondary, not both",
            )
        if not self.equipment:
            raise InvalidInput(f"{self.id}.equipment", [], 'at least one item; "bodyweight" alone')
        equipment_set(self.equipment, field_name=f"{self.id}.equipment")
        if Equipment.BODYWEIGHT in self.equipment and len(self.equipment) > 1:
            raise InvalidInput(
                f"{self.id}.equipment",
                sorted(self.equipment),
                '"bodyweight" means nothing is needed, so it stands alone',
            )
        loaded = bool(self.equipment & LOADABLE_EQUIPMENT)
        if not math.isfinite(self.load_increment_kg) or self.load_increment_kg < 0:
            raise InvalidInput(
                f"{self.id}.load_increment_kg", self.load_increment_kg, "zero or more"
            )
        if self.load_increment_kg > 0 and not loaded:
            raise InvalidInput(
                f"{self.id}.load_increment_kg",
                self.load_increment_kg,
                "0 unless the equipment includes weights "
                f"({', '.join(sorted(LOADABLE_EQUIPMENT))})",
            )

    def _check_flags(self) -> None:
        if self.heavy_lower and self.pattern not in HEAVY_LOWER_PATTERNS:
            raise InvalidInput(
                f"{self.id}.heavy_lower",
                self.pattern.value,
                "only squat, hinge and lunge patterns are heavy lower",
            )
        if self.explosive != (self.pattern in EXPLOSIVE_PATTERNS):
            raise InvalidInput(
                f"{self.id}.explosive",
                self.explosive,
                "true exactly for the plyometric and olympic patterns",
            )
        if self.hard_without_load and self.load_increment_kg > 0:
            raise InvalidInput(
                f"{self.id}.hard_without_load",
                self.hard_without_load,
                "only for an exercise not loaded with weights (load_increment_kg 0)",
            )

    def _check_load_split(self) -> None:
        if self.load_split not in {1, 2}:
            raise InvalidInput(
                f"{self.id}.load_split",
                self.load_split,
                "1 (one implement) or 2 (one in each hand)",
            )
        if self.load_split == 2 and self.load_increment_kg <= 0:
            raise InvalidInput(
                f"{self.id}.load_split", self.load_split, "only for an exercise loaded with weights"
            )

    @property
    def load_step_kg(self) -> float:
        """The smallest step of the whole load: every part one ``load_increment_kg`` heavier."""
        return self.load_increment_kg * self.load_split

    def _check_one_rep_max(self) -> None:
        if (self.one_rep_max_from is None) != (self.one_rep_max_ratio is None):
            raise InvalidInput(
                f"{self.id}.one_rep_max_ratio",
                self.one_rep_max_ratio,
                "give one_rep_max_from and one_rep_max_ratio together, or neither",
            )
        if self.one_rep_max_from == self.id:
            raise InvalidInput(f"{self.id}.one_rep_max_from", self.id, "another exercise")
        ratio = self.one_rep_max_ratio
        if ratio is not None and (
            not math.isfinite(ratio) or not 0 < ratio <= MAX_ONE_REP_MAX_RATIO
        ):
            raise InvalidInput(
                f"{self.id}.one_rep_max_ratio",
                ratio,
                f"above 0 and at most {MAX_ONE_REP_MAX_RATIO:g}",
            )
        if ratio is not None and not any(
            source.startswith(RATIO_SOURCE_PREFIX) for source in self.sources
        ):
            raise InvalidInput(
                f"{self.id}.sources",
                self.sources,
                f'a source for the ratio, starting "{RATIO_SOURCE_PREFIX}"',
            )

    def _check_substitutes(self) -> None:
        if self.id in self.substitutes:
            raise InvalidInput(f"{self.id}.substitutes", self.id, "other exercises only")
        if len(set(self.substitutes)) != len(self.substitutes):
            raise InvalidInput(f"{self.id}.substitutes", self.substitutes, "each id once")

    @property
    def needs(self) -> frozenset[str]:
        """The equipment actually needed: ``equipment`` without ``bodyweight``."""
        return self.equipment - {Equipment.BODYWEIGHT}

    def is_possible_with(self, *, equipment: frozenset[str]) -> bool:
        """True when ``equipment`` holds everything the exercise needs.

        Examples:
            >>> from runlift.vocabulary import MuscleGroup as M
            >>> squat = Exercise(
            ...     id=ExerciseId("back-squat"), name="Back squat", pattern=MovementPattern.SQUAT,
            ...     primary=frozenset({M.LEGS}), secondary=frozenset({M.CORE}),
            ...     equipment=frozenset({"barbell", "rack"}), heavy_lower=True, explosive=False,
            ...     unilateral=False, compound=True, runner_specific=False,
            ...     eccentric_emphasis=False, load_increment_kg=2.5, cues="Brace, then sit.")
            >>> squat.is_possible_with(equipment=frozenset({"barbell", "rack", "bench"}))
            True
            >>> squat.is_possible_with(equipment=frozenset({"barbell"}))
            False
        """
        return self.needs <= equipment
