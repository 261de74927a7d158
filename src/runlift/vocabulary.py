"""Words shared by every layer, as string enums (their values appear in files and APIs)."""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    """Sex as used by the resting-energy equations."""

    MALE = "male"
    FEMALE = "female"


class Modality(StrEnum):
    """What a session trains."""

    RUN = "run"
    LIFT = "lift"


class RunKind(StrEnum):
    """Kinds of running session."""

    RECOVERY = "recovery"
    EASY = "easy"
    LONG = "long"
    TEMPO = "tempo"
    INTERVALS = "intervals"
    REPETITION = "repetition"
    HILLS = "hills"
    SPRINTS = "sprints"
    RACE_PACE = "race_pace"
    RACE = "race"


HARD_RUN_KINDS: frozenset[RunKind] = frozenset(
    {
        RunKind.TEMPO,
        RunKind.INTERVALS,
        RunKind.REPETITION,
        RunKind.HILLS,
        RunKind.SPRINTS,
        RunKind.RACE_PACE,
        RunKind.RACE,
    }
)
"""Run kinds that count as a *hard run* in GUIDELINES.md (any run over 90 min counts too)."""


class LiftKind(StrEnum):
    """Kinds of lifting session, as the interference rules distinguish them."""

    HEAVY_LOWER = "heavy_lower"
    UPPER = "upper"
    FULL_BODY = "full_body"
    EXPLOSIVE = "explosive"
    RUNNER_STRENGTH = "runner_strength"


class GoalKind(StrEnum):
    """What the athlete trains for."""

    STRENGTH = "strength"
    HYPERTROPHY = "hypertrophy"
    RACE = "race"
    FAT_LOSS = "fat_loss"
    GENERAL_FITNESS = "general_fitness"


class Priority(StrEnum):
    """Which modality the goal ranks first."""

    RUNNING = "running"
    LIFTING = "lifting"
    BALANCED = "balanced"


class EvidenceProfile(StrEnum):
    """Which reading of conflicting guidance to apply (GUIDELINES.md)."""

    DEFAULT = "default"
    MODERATE = "moderate"
    STRICT = "strict"


class Experience(StrEnum):
    """Lifting experience."""

    NOVICE = "novice"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Weekday(StrEnum):
    """Days of the week, Monday first (ISO 8601)."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def number(self) -> int:
        """Monday = 0 ... Sunday = 6, as ``date.weekday()``."""
        return list(Weekday).index(self)

    @classmethod
    def of(cls, number: int) -> Weekday:
        """The weekday for ``date.weekday()``'s number (Monday = 0)."""
        return list(cls)[number]


class MuscleGroup(StrEnum):
    """Muscle groups counted for frequency and volume."""

    LEGS = "legs"
    BACK = "back"
    CHEST = "chest"
    SHOULDERS = "shoulders"
    ARMS = "arms"
    CORE = "core"


MAJOR_MUSCLE_GROUPS: frozenset[MuscleGroup] = frozenset(
    {MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST}
)
"""The groups whose weekly frequency SCH-7 bounds."""


class RuleStrength(StrEnum):
    """Whether a rule must hold (hard) or is a preference with a penalty (soft)."""

    HARD = "hard"
    SOFT = "soft"


class DistanceName(StrEnum):
    """Named race distances."""

    M1500 = "1500m"
    MILE = "mile"
    M3000 = "3000m"
    MI2 = "2mi"
    K5 = "5k"
    K10 = "10k"
    K15 = "15k"
    MI10 = "10mi"
    HALF = "half"
    MARATHON = "marathon"


class PaceZone(StrEnum):
    """Daniels' training intensities, plus the goal race pace."""

    EASY = "easy"
    MARATHON = "marathon"
    THRESHOLD = "threshold"
    INTERVAL = "interval"
    REPETITION = "repetition"
    RACE = "race"


class StepKind(StrEnum):
    """Parts of a structured run."""

    WARMUP = "warmup"
    WORK = "work"
    RECOVERY = "recovery"
    COOLDOWN = "cooldown"
    STEADY = "steady"


class BlockFocus(StrEnum):
    """What a mesocycle emphasises (PER-1)."""

    RUNNING_VOLUME = "running_volume"
    RACE_SPECIFIC = "race_specific"
    STRENGTH = "strength"
    HYPERTROPHY = "hypertrophy"
    GENERAL = "general"
    FAT_LOSS = "fat_loss"


class Phase(StrEnum):
    """The role of a week inside its block."""

    BUILD = "build"
    DELOAD = "deload"
    TAPER = "taper"
    RACE = "race"
    TEST = "test"


class LiftingStyle(StrEnum):
    """What kind of lifting the athlete wants.

    ``full``: the whole programme of LFT-1..7 (compound lifts, blocks that
    alternate emphasis). ``runner_specific``: only the runner-specific work of
    LFT-6 with enough pushing and pulling to meet SCH-7, for runners who lift
    to stay healthy and economical rather than to get stronger in the gym.
    """

    FULL = "full"
    RUNNER_SPECIFIC = "runner_specific"


class ActivityLevel(StrEnum):
    """How active the athlete's day is outside planned training (job, commute, chores)."""

    SEDENTARY = "sedentary"
    LIGHT = "light"
    ACTIVE = "active"


class MassUnit(StrEnum):
    """The unit in which body mass is shown (grams of food stay grams)."""

    KG = "kg"
    LB = "lb"


class EventKind(StrEnum):
    """What interrupts training for a range of days."""

    ILLNESS = "illness"
    INJURY = "injury"
    TRAVEL = "travel"


class MissReason(StrEnum):
    """Why a planned session was not done."""

    ILLNESS = "illness"
    INJURY = "injury"
    TRAVEL = "travel"
    TIME = "time"
    OTHER = "other"


class SessionStatus(StrEnum):
    """A planned session set against what was done (``runlift log show``).

    ``done``: an activity fulfils it; ``partial``: one does, but with clearly less
    than planned; ``missed``: its day has passed (or the athlete said so) with
    nothing done; ``extra``: an activity that fulfils no planned session;
    ``planned``: still to come.
    """

    DONE = "done"
    PARTIAL = "partial"
    MISSED = "missed"
    EXTRA = "extra"
    PLANNED = "planned"


class Sport(StrEnum):
    """What a recorded activity was (imported from a watch or an app).

    Only ``run`` counts as running and only ``strength`` as lifting; every other
    sport is training load of its own kind (``Activity.modality`` is None for it).
    ``other`` holds generic and unnamed activities as well as sports not listed here.
    """

    RUN = "run"
    STRENGTH = "strength"
    CYCLING = "cycling"
    WALKING = "walking"
    HIKING = "hiking"
    SWIMMING = "swimming"
    ROWING = "rowing"
    OTHER = "other"


class SubSport(StrEnum):
    """Where or how a sport was done, when the file says so."""

    TREADMILL = "treadmill"
    TRAIL = "trail"
    TRACK = "track"
    ROAD = "road"
    INDOOR = "indoor"
    VIRTUAL = "virtual"
    MOUNTAIN = "mountain"
    OPEN_WATER = "open_water"
    POOL = "pool"


class SetKind(StrEnum):
    """The role of one logged set of a lift."""

    WARM_UP = "warm_up"
    WORKING = "working"
    DROP = "drop"
    FAILURE = "failure"


class ActivityFormat(StrEnum):
    """Where a logged activity came from: a file format, or ``manual`` for one logged by hand."""

    FIT = "fit"
    GPX = "gpx"
    TCX = "tcx"
    STRONG_CSV = "strong_csv"
    HEVY_CSV = "hevy_csv"
    MANUAL = "manual"
