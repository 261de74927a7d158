"""Recognise training sessions in other apps' calendars and spreadsheets.

A calendar event says what it is through CATEGORIES (``RUN,INTERVALS``,
``LIFT,HEAVY-LOWER``: the categories runlift itself writes) or, failing that,
through the words and emoji of its title and description ("leg day",
"tempo", "🏃 Long Run 8.5km"). Anything that is not recognisably a run or a
lift is not training and is left out (and counted by the importers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from runlift.vocabulary import LiftKind, Modality, MuscleGroup, RunKind


@dataclass(frozen=True, slots=True, kw_only=True)
class Recognised:
    """What an event turned out to be."""

    modality: Modality
    kind: RunKind | LiftKind
    muscle_groups: frozenset[MuscleGroup]
    contains_explosive: bool


_RUN_CATEGORY_KINDS: Final = {kind.value.replace("_", "-").upper(): kind for kind in RunKind} | {
    "INTERVAL": RunKind.INTERVALS,
    "THRESHOLD": RunKind.TEMPO,
    "HILL": RunKind.HILLS,
}
_LIFT_CATEGORY_KINDS: Final = {kind.value.replace("_", "-").upper(): kind for kind in LiftKind}

# Order matters: the first pattern that matches decides the kind.
_RUN_KIND_WORDS: Final[tuple[tuple[str, RunKind], ...]] = (
    (r"\brace\b|parkrun|\bwettkampf", RunKind.RACE),
    (r"hill", RunKind.HILLS),
    (r"sprint|strides", RunKind.SPRINTS),
    (r"interval|repeats?\b|\d+\s*x\s*\d+|track|vo2|fartlek", RunKind.INTERVALS),
    (r"tempo|threshold|cruise", RunKind.TEMPO),
    (r"race[- ]pace|goal pace|marathon pace|\bm[- ]pace", RunKind.RACE_PACE),
    (r"long run|long slow|\blsd\b|long\b", RunKind.LONG),
    (r"recovery", RunKind.RECOVERY),
)
_RUN_WORDS: Final = re.compile(
    r"\brun\b|\brunning\b|\bjog|\blauf|\binterval|\btempo\b|long run|easy run|hill repeat|"
    r"fartlek|\bparkrun|\bstrides\b|threshold run|track session|\d+\s*k\b.*run|🏃"
)
_LIFT_WORDS: Final = re.compile(
    r"squat|deadlift|leg day|\blegs?\b|bench|\bpress\b|strength|\bgym\b|\blift|weights|"
    r"upper body|lower body|pull[- ]?ups?|\brows?\b|hypertrophy|\bkraft|full[- ]body|"
    r"plyo|box jump|\bclean\b|\bsnatch\b|lunge|kettlebell|\bcore\b|💪|🏋"
)
_EXPLOSIVE: Final = re.compile(r"plyo|jump|bound|power clean|hang clean|\bsnatch\b|olympic|hops")
_HEAVY_LOWER: Final = re.compile(r"squat|deadlift|leg day|\blegs?\b|lower body|lunge|\brdl\b")
_UPPER: Final = re.compile(r"bench|\bpress\b|upper body|pull[- ]?ups?|\brows?\b|chest|\barms?\b")
_RUNNER: Final = re.compile(r"runner|\bcore\b|mobility|calf|calves|prehab|injury prevention")
_FULL: Final = re.compile(r"full[- ]body|total body|whole body")
_GROUP_WORDS: Final[tuple[tuple[str, MuscleGroup], ...]] = (
    (r"squat|deadlift|leg|lower body|lunge|\brdl\b|calf|calves|hip thrust", MuscleGroup.LEGS),
    (r"pull[- ]?ups?|\brows?\b|\bback\b|lat\b|chin", MuscleGroup.BACK),
    (r"bench|chest|push[- ]?ups?|\bdips?\b", MuscleGroup.CHEST),
    (r"overhead|shoulder|\bohp\b|military", MuscleGroup.SHOULDERS),
    (r"\barms?\b|curl|tricep|bicep", MuscleGroup.ARMS),
    (r"\bcore\b|plank|\babs?\b", MuscleGroup.CORE),
)
_GROUPS_BY_KIND: Final = {
    LiftKind.HEAVY_LOWER: frozenset({MuscleGroup.LEGS}),
    LiftKind.UPPER: frozenset({MuscleGroup.BACK, MuscleGroup.CHEST, MuscleGroup.SHOULDERS}),
    LiftKind.FULL_BODY: frozenset({MuscleGroup.LEGS, MuscleGroup.BACK, MuscleGroup.CHEST}),
    LiftKind.EXPLOSIVE: frozenset({MuscleGroup.LEGS}),
    LiftKind.RUNNER_STRENGTH: frozenset({MuscleGroup.CORE}),
}


def _lift_kind(text: str) -> LiftKind:
    if _FULL.search(text):
        return LiftKind.FULL_BODY
    if _EXPLOSIVE.search(text) and not _HEAVY_LOWER.search(text):
        return LiftKind.EXPLOSIVE
    if _HEAVY_LOWER.search(text):
        return LiftKind.HEAVY_LOWER
    if _UPPER.search(text):
        return LiftKind.UPPER
    if _RUNNER.search(text):
        return LiftKind.RUNNER_STRENGTH
    return LiftKind.FULL_BODY


def _run_kind(text: str) -> RunKind:
    for pattern, kind in _RUN_KIND_WORDS:
        if re.search(pattern, text):
            return kind
    return RunKind.EASY


def _groups(text: str, kind: LiftKind) -> frozenset[MuscleGroup]:
    found = {group for pattern, group in _GROUP_WORDS if re.search(pattern, text)}
    return frozenset(found | _GROUPS_BY_KIND[kind])


def _from_categories(categories: list[str], text: str, *, title: str) -> Recognised | None:
    upper = [c.strip().upper() for c in categories if c.strip()]
    if "RUN" in upper:
        kinds = [_RUN_CATEGORY_KINDS[c] for c in upper if c in _RUN_CATEGORY_KINDS]
        return _run(kinds[0] if kinds else _run_kind(text))
    if "LIFT" in upper:
        lift_kinds = [_LIFT_CATEGORY_KINDS[c] for c in upper if c in _LIFT_CATEGORY_KINDS]
        if lift_kinds:
            # A named lift kind is runlift's own export, which writes EXPLOSIVE whenever the
            # session holds explosive work; its description may still say "jumps" in prose.
            explosive = "EXPLOSIVE" in upper or bool(_EXPLOSIVE.search(title))
            return _lift(lift_kinds[0], text, explosive=explosive, scan_explosive=False)
        return _lift(_lift_kind(text), text, explosive="EXPLOSIVE" in upper)
    return None


def _run(kind: RunKind) -> Recognised:
    return Recognised(
        modality=Modality.RUN, kind=kind, muscle_groups=frozenset(), contains_explosive=False
    )


def _lift(kind: LiftKind, text: str, *, explosive: bool, scan_explosive: bool = True) -> Recognised:
    return Recognised(
        modality=Modality.LIFT,
        kind=kind,
        muscle_groups=_groups(text, kind),
        contains_explosive=explosive or (scan_explosive and bool(_EXPLOSIVE.search(text))),
    )


def recognise(
    *, title: str, description: str = "", categories: list[str] | None = None
) -> Recognised | None:
    """Decide whether an event is a run, a lift, or not training (None).

    CATEGORIES win when they name RUN or LIFT; otherwise the title decides,
    and the description is read only when the title says nothing. A lift whose
    kind CATEGORIES name (``LIFT,UPPER``) is explosive only when CATEGORIES say
    ``EXPLOSIVE`` or the title does.
    """
    text = f"{title}\n{description}".lower()
    if categories:
        found = _from_categories(categories, text, title=title.lower())
        if found is not None:
            return found
    for candidate in (title.lower(), text):
        is_run = bool(_RUN_WORDS.search(candidate))
        is_lift = bool(_LIFT_WORDS.search(candidate))
        if is_run and not is_lift:
            return _run(_run_kind(candidate))
        if is_lift and not is_run:
            return _lift(_lift_kind(candidate), candidate, explosive=False)
        if is_run and is_lift:
            # "Strength for runners", "run + legs": the title's first training word decides.
            run_at = _RUN_WORDS.search(candidate)
            lift_at = _LIFT_WORDS.search(candidate)
            if run_at and lift_at and run_at.start() < lift_at.start():
                return _run(_run_kind(candidate))
            return _lift(_lift_kind(candidate), candidate, explosive=False)
    return None
