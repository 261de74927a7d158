"""Day-by-day nutrition from the plan: energy, protein, carbohydrate, fat and a serving timeline.

For every day of the plan (GUIDELINES NUT-1..4):

1. **Expenditure** = resting energy (Cunningham with a known body fat, else
   Mifflin-St Jeor; ``planner.baseline.resting_energy``) + daily life outside
   training (resting x (factor - 1), the factor from the profile's
   ``daily_activity``, see ``NON_EXERCISE_FACTOR``) + the net energy of each
   planned session (runs: 1 kcal per kg per km, Margaria 1963; lifts:
   (MET - 1) x kg x hours with the caller's Compendium MET).
2. **Energy target** by goal (NUT-1) with ``science.nutrition.energy_target_kcal``:
   +375 kcal for hypertrophy, +125 kcal for strength, race and general
   fitness, a 0.5 %-of-body-mass-a-week deficit (10-20 % of expenditure) for
   fat loss, never below resting energy.
3. **Protein** (NUT-2) 1.6 g/kg, 1.9 g/kg with one reason for more (an energy
   deficit, or a hard week) and 2.2 g/kg with both.
4. **Carbohydrate** (NUT-4): the middle of the Thomas, Erdman & Burke (2016)
   band for the day's training load (``training_load_band``: all planned
   minutes, runs and lifts, with the minutes of hard runs as the hard part,
   since NUT-4 scales carbohydrate to the running), raised toward the band's
   top when fat would otherwise exceed 35 % of energy.
5. **Fat**: the rest of the energy target, at least 20 % of it. When the
   target cannot hold protein, carbohydrate and the fat floor together, the
   order is: keep protein, keep the fat floor, lower carbohydrate toward the
   bottom of its band, and only then raise the energy target (named in
   ``DayNutrition.gave_way`` and in the notes).
6. **Servings** (NUT-3): protein split into equal servings of 20-40 g (about
   0.3 g/kg each), no more than 4 waking hours apart, with one within 2 h after
   every session (never during one) and one before every run that carries
   that run's carbohydrate; see ``_timeline``.
7. **Expected body mass**: the start mass plus the cumulative balance
   (target - expenditure) at 7700 kcal per kg. Hall (2008) showed the energy
   per kg changes with body composition and that expenditure adapts as mass
   changes, so this static rule overstates long-run changes; it is a trend,
   not a prediction.

Everything is computed from the profile's measured body mass: re-plan after
the mass changes.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from types import MappingProxyType
from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.athlete import AthleteProfile
from runlift.domain.nutrition import DayNutrition, Serving, SessionEnergy
from runlift.domain.plan import Plan, PlanDay, PlannedSession, PlanWeek
from runlift.domain.prescription import RunPrescription
from runlift.domain.sessions import SessionId
from runlift.planner.baseline import resting_energy
from runlift.science import energy, nutrition
from runlift.science.checks import require_range
from runlift.vocabulary import ActivityLevel, GoalKind, Modality

LIFT_MET_COMPENDIUM_CODE: Final = "02054"
"""Compendium code for lifts: resistance training, multiple exercises, 8-15 reps, 3.5 MET.

Chosen over 02050 (6.0 MET, vigorous power lifting or body building) and 02052
(5.0 MET, squats): a planned lift is several exercises with rests of 2-5 min
(LFT-3), and measured costs of whole sessions with rests sit near 3.5 MET
(Ainsworth et al. 2011, Med Sci Sports Exerc 43(8):1575-1581). Callers look
the MET up with ``runlift.reference.compendium.met_for`` and pass it in.
"""

NON_EXERCISE_FACTOR: Final[Mapping[ActivityLevel, float]] = MappingProxyType(
    {
        ActivityLevel.SEDENTARY: 1.40,
        ActivityLevel.LIGHT: 1.55,
        ActivityLevel.ACTIVE: 1.70,
    }
)
"""Physical activity level of the day *without* planned training, as a multiple of resting energy.

From the FAO/WHO/UNU (2004) lifestyle bands: sedentary or light 1.40-1.69,
active or moderately active 1.70-1.99. Their examples of the higher bands
include daily exercise, which runlift counts session by session, so the
factors stay at the lower part: 1.40 for a desk-bound day, 1.55 (the middle
of the sedentary/light band) for a day with some walking, 1.70 for a day on
one's feet. The factor times resting energy is the day's expenditure before
training: resting energy, everyday movement and the thermic effect of food
(about 10 % of expenditure; Westerterp 2004, Nutr Metab 1:5). PAL values are
defined against basal metabolism; runlift applies them to resting energy,
which is a few per cent higher, a difference well inside the bands' width.
"""
MIN_NON_EXERCISE_FACTOR: Final = 1.0
"""A factor of 1 counts resting energy only."""
MAX_NON_EXERCISE_FACTOR: Final = 2.4
"""Top of the FAO/WHO/UNU (2004) vigorous band; higher values are not sustained."""

POST_SESSION_DELAY_MIN: Final = 30
"""A post-session serving is planned 30 min after the session ends (time to shower)."""
POST_SESSION_WINDOW_MIN: Final = 120
"""NUT-3's 'soon after': the serving comes within 2 h of the session's end."""
PRE_RUN_LEAD_MIN: Final = 90
"""A pre-run serving is planned 90 min before the run (Thomas 2016: 1-4 h before)."""
PRE_RUN_WINDOW_MIN: Final = 240
"""A serving up to 4 h before a run counts as its pre-run serving (Thomas 2016: 1-4 h)."""
PRE_RUN_MIN_LEAD_MIN: Final = 20
"""A serving closer than 20 min to a run's start does not count as before it."""
PRE_RUN_SNACK_LEAD_MIN: Final = 60
"""Less than 60 min before a run the pre-run carbohydrate is halved (a small snack)."""
CLEAR_BEFORE_SESSION_MIN: Final = 30
"""Other servings keep clear of the 30 min before a session and of the session itself."""
FIRST_SERVING_AFTER_WAKE_MIN: Final = 30
"""The first serving (breakfast) comes 30 min after waking."""
LAST_SERVING_BEFORE_SLEEP_MIN: Final = 30
"""No serving is placed in the last 30 min before sleep (except after a late session)."""
MAX_GAP_MIN: Final = 240
"""NUT-3: servings every 3-4 waking hours, no more than 4 h apart (sleep counts as an end).

Areta et al. (2013, J Physiol 591(9):2319-2331) found 20 g every 3 h raised
muscle protein synthesis over 12 h more than the same protein in two large or
eight small servings.
"""
MIN_MEAN_GAP_MIN: Final = 180
"""No more servings than one per 3 waking hours on average (plus one), unless they are needed."""
MERGE_WITHIN_MIN: Final = 90
"""Fixed servings less than 90 min apart are one serving with both roles."""
GRID_STEP_MIN: Final = 5
"""Serving times are multiples of 5 min after the first serving slot."""

PRE_RUN_CARBOHYDRATE_G_PER_KG: Final = 1.0
"""Before a run: the low end of Thomas 2016's 1-4 g/kg eaten 1-4 h before exercise."""
POST_RUN_CARBOHYDRATE_G_PER_KG: Final = 1.0
"""After a run: Thomas 2016's 1.0-1.2 g/kg per hour of early refuelling, one hour's worth."""

FAT_MAX_ENERGY_FRACTION: Final = 0.35
"""Top of the adult range for fat, 20-35 % of energy (Institute of Medicine 2005, AMDR)."""

MINUTES_PER_DAY: Final = 24 * 60
RULES: Final = ("NUT-1", "NUT-2", "NUT-3", "NUT-4")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Session:
    """A planned session in local minutes after the day's midnight, with its energy."""

    id: SessionId
    title: str
    is_run: bool
    start: int
    end: int
    energy: SessionEnergy


@dataclass(slots=True, kw_only=True)
class _Slot:
    """A serving time being planned, with the sessions it follows or precedes."""

    at: int
    kind: str
    after: list[_Session] = field(default_factory=list)
    before: list[_Session] = field(default_factory=list)


_PRIORITY: Final = {"post": 3, "pre": 2, "breakfast": 1, "spacing": 0}


@dataclass(frozen=True, slots=True, kw_only=True)
class _Timeline:
    """The serving times, the protein they share, and what gave way."""

    slots: tuple[_Slot, ...]
    protein_g: float
    notes: tuple[str, ...]
    gave_way: tuple[str, ...]


def activity_factor(level: ActivityLevel) -> float:
    """The factor for a ``daily_activity`` level (see ``NON_EXERCISE_FACTOR``)."""
    return NON_EXERCISE_FACTOR[ActivityLevel(level)]


def week_load_au(week: PlanWeek) -> float:
    """Session-RPE load of a week: the sum of RPE x minutes over its sessions (Foster 2001)."""
    return sum(s.prescription.rpe * s.prescription.duration_min for s in week.sessions)


def hard_weeks(plan: Plan) -> frozenset[int]:
    """Indices of the plan's hard weeks (NUT-2's "hard block").

    A week is hard when it is not a deload and its session-RPE load is at
    least the mean load of the plan's non-deload weeks: the athlete's own
    heavier weeks, since what is a high load depends on the athlete (Foster
    et al. 2001, J Strength Cond Res 15(1):109-115).
    """
    loads = {w.index: week_load_au(w) for w in plan.weeks if not w.deload}
    positive = [load for load in loads.values() if load > 0]
    if not positive:
        return frozenset()
    mean = sum(positive) / len(positive)
    return frozenset(index for index, load in loads.items() if load > 0 and load >= mean)


def _minutes(moment: datetime, *, zone: ZoneInfo, day: date) -> int:
    local = moment.astimezone(zone)
    return (local.date() - day).days * MINUTES_PER_DAY + local.hour * 60 + local.minute


def _time(minutes: int) -> time:
    """A local time from minutes after the day's midnight (past midnight wraps round)."""
    return time(minutes // 60 % 24, minutes % 60)


def _session(
    planned: PlannedSession, *, zone: ZoneInfo, day: date, mass_kg: float, lift_met: float
) -> _Session:
    spec = planned.scheduled.spec
    prescription = planned.prescription
    if isinstance(prescription, RunPrescription):
        kcal = energy.running_energy_kcal(mass_kg=mass_kg, distance_km=prescription.distance_km)
        distance: float | None = prescription.distance_km
    else:
        kcal = energy.net_met_energy_kcal(
            met=lift_met, mass_kg=mass_kg, duration_min=prescription.duration_min
        )
        distance = None
    start = _minutes(planned.scheduled.start, zone=zone, day=day)
    end = _minutes(planned.scheduled.end, zone=zone, day=day)
    return _Session(
        id=spec.id,
        title=spec.title,
        is_run=isinstance(prescription, RunPrescription),
        start=start,
        end=end,
        energy=SessionEnergy(
            session=spec.id,
            title=spec.title,
            modality=Modality.RUN if isinstance(prescription, RunPrescription) else Modality.LIFT,
            duration_min=prescription.duration_min,
            distance_km=distance,
            kcal=kcal,
            hard=spec.is_hard_run,
            start=_time(start),
            end=_time(end),
        ),
    )


# ---- the serving timeline (NUT-3, NUT-4 timing) ----


def _busy(at: int, sessions: Sequence[_Session], *, ignore: _Session | None = None) -> bool:
    """True if ``at`` is during a session or in the 30 min before one."""
    return any(
        s is not ignore and s.start - CLEAR_BEFORE_SESSION_MIN <= at < s.end for s in sessions
    )


def _post_slots(sessions: Sequence[_Session], *, sleep: int) -> list[_Slot]:
    """One serving after each chain of sessions, within 2 h after each of them, never during one.

    Sessions that start before the previous one's serving would be due join it
    (a chain), as long as the serving stays within 2 h of the chain's first
    end; otherwise the serving goes in the gap before the next session.
    """
    slots: list[_Slot] = []
    index = 0
    while index < len(sessions):
        chain = [sessions[index]]
        at = chain[-1].end + POST_SESSION_DELAY_MIN
        nxt = index + 1
        while (
            nxt < len(sessions)
            and sessions[nxt].start < at
            and sessions[nxt].end + POST_SESSION_DELAY_MIN - chain[0].end <= POST_SESSION_WINDOW_MIN
        ):
            chain.append(sessions[nxt])
            at = chain[-1].end + POST_SESSION_DELAY_MIN
            nxt += 1
        last_end = chain[-1].end
        if nxt < len(sessions) and sessions[nxt].start < at:
            at = last_end + max(0, sessions[nxt].start - last_end) // 2
        at = max(last_end, min(at, sleep))
        slots.append(_Slot(at=at, kind="post", after=chain))
        index = nxt
    return slots


def _pre_slot(run: _Session, sessions: Sequence[_Session], *, wake: int) -> _Slot | None:
    """A serving about 90 min before a run, moved earlier past any session just before it."""
    at = run.start - PRE_RUN_LEAD_MIN
    for _ in sessions:
        blocking = [
            s for s in sessions if s is not run and s.start - CLEAR_BEFORE_SESSION_MIN <= at < s.end
        ]
        if not blocking:
            break
        at = min(s.start for s in blocking) - PRE_RUN_LEAD_MIN
    at = max(at, wake)
    if run.start - at < PRE_RUN_MIN_LEAD_MIN or _busy(at, sessions, ignore=run):
        return None
    return _Slot(at=at, kind="pre", before=[run])


def _merge(slots: Iterable[_Slot]) -> list[_Slot]:
    """Merge fixed servings under 90 min apart: the more constrained time wins.

    Two post-session servings are never merged (each must stay within 2 h of
    its sessions).
    """
    merged: list[_Slot] = []
    for slot in sorted(slots, key=lambda s: (s.at, -_PRIORITY[s.kind])):
        if merged and slot.at - merged[-1].at < MERGE_WITHIN_MIN:
            previous = merged[-1]
            if not (previous.kind == "post" and slot.kind == "post"):
                keep = previous if _PRIORITY[previous.kind] >= _PRIORITY[slot.kind] else slot
                merged[-1] = _Slot(
                    at=keep.at,
                    kind=keep.kind,
                    after=[*previous.after, *slot.after],
                    before=[*previous.before, *slot.before],
                )
                continue
        merged.append(slot)
    return merged


def _gaps(times: Sequence[int], *, wake: int, sleep: int) -> list[tuple[int, int]]:
    points = sorted({wake, sleep, *times})
    return list(itertools.pairwise(points))


def _inside(gap: tuple[int, int], candidates: Sequence[int]) -> list[int]:
    return [c for c in candidates if gap[0] < c < gap[1]]


def _spacing_count(
    slots: Sequence[_Slot], candidates: Sequence[int], *, wake: int, sleep: int
) -> int:
    """Servings needed so that no gap that can take a serving is longer than 4 h."""
    extra = 0
    for gap in _gaps([s.at for s in slots], wake=wake, sleep=sleep):
        room = len(_inside(gap, candidates))
        if room:
            extra += min(room, max(0, math.ceil((gap[1] - gap[0]) / MAX_GAP_MIN) - 1))
    return len(slots) + extra


def _spread(
    slots: Sequence[_Slot], candidates: Sequence[int], *, count: int, wake: int, sleep: int
) -> list[_Slot]:
    """Add servings up to ``count``, evenly inside the gaps between the fixed ones.

    Each added serving goes to the gap whose spacing is then longest (length
    over servings in it + 1), which makes the longest spacing as short as
    it can be; in each gap the servings sit at even intervals, moved to the
    nearest 5-min time that is not during a session or the 30 min before one.
    """
    gaps = _gaps([s.at for s in slots], wake=wake, sleep=sleep)
    rooms = [_inside(gap, candidates) for gap in gaps]
    counts = [0] * len(gaps)
    for _ in range(max(0, count - len(slots))):
        open_gaps = [i for i in range(len(gaps)) if counts[i] < len(rooms[i])]
        if not open_gaps:
            break
        best = max(open_gaps, key=lambda i: ((gaps[i][1] - gaps[i][0]) / (counts[i] + 1), -i))
        counts[best] += 1
    added: list[_Slot] = []
    for (low, high), room, k in zip(gaps, rooms, counts, strict=True):
        free = list(room)
        for j in range(1, k + 1):
            ideal = low + j * (high - low) / (k + 1)
            at = min(free, key=lambda c: (abs(c - ideal), c))
            free.remove(at)
            added.append(_Slot(at=at, kind="spacing"))
    return sorted([*slots, *added], key=lambda s: s.at)


def _fixed_slots(sessions: Sequence[_Session], *, wake: int, sleep: int) -> list[_Slot]:
    """Servings whose times the sessions and waking fix, merged when under 90 min apart."""
    fixed = _post_slots(sessions, sleep=sleep)
    for run in (s for s in sessions if s.is_run):
        if any(PRE_RUN_MIN_LEAD_MIN <= run.start - slot.at <= PRE_RUN_WINDOW_MIN for slot in fixed):
            continue
        pre = _pre_slot(run, sessions, wake=wake)
        if pre is not None:
            fixed.append(pre)
    breakfast = wake + FIRST_SERVING_AFTER_WAKE_MIN
    if not _busy(breakfast, sessions):
        fixed.append(_Slot(at=breakfast, kind="breakfast"))
    return _merge(fixed)


def _timeline(
    sessions: Sequence[_Session],
    *,
    wake: int,
    sleep: int,
    protein_g: float,
    mass_kg: float,
) -> _Timeline:
    """Place the day's protein servings.

    Fixed servings first: one after each chain of sessions, one about 90 min
    before each run (unless a fixed serving already falls 20 min-4 h before
    it), and breakfast 30 min after waking; fixed servings under 90 min apart
    merge. The rest are spread evenly between them (``_spread``), never during
    a session or in the 30 min before one, nor in the 30 min before sleep.

    How many: the protein target over 0.3 g/kg per serving
    (``protein_serving_g``), raised to what the fixed servings, 4 h spacing
    (waking and sleep count as ends) and 40 g servings need, and capped at
    one per 3 waking hours plus one and at servings of 20 g. If 20 g servings
    cannot give the spacing, the spacing gives way; if they cannot even give
    the fixed servings, protein rises toward 2.2 g/kg.
    """
    notes: list[str] = []
    gave_way: list[str] = []
    slots = _fixed_slots(sessions, wake=wake, sleep=sleep)
    first = wake + FIRST_SERVING_AFTER_WAKE_MIN
    last = max(first, sleep - LAST_SERVING_BEFORE_SLEEP_MIN)
    candidates = [at for at in range(first, last + 1, GRID_STEP_MIN) if not _busy(at, sessions)]
    needed_for_spacing = _spacing_count(slots, candidates, wake=wake, sleep=sleep)

    low_size = math.ceil(protein_g / nutrition.PROTEIN_SERVING_MAX_G - 1e-9)
    high_size = math.floor(protein_g / nutrition.PROTEIN_SERVING_MIN_G + 1e-9)
    preferred = round(protein_g / nutrition.protein_serving_g(mass_kg=mass_kg))
    cap = (sleep - wake) // MIN_MEAN_GAP_MIN + 1
    low = max(len(slots), needed_for_spacing, low_size)
    count = min(max(preferred, low), max(low, min(high_size, cap)))
    if count > high_size:
        if len(slots) <= high_size:
            count = high_size
            notes.append(
                f"NUT-3: {protein_g:.0f} g of protein makes at most {high_size} servings of "
                f"20 g, fewer than the {needed_for_spacing} that 4 h spacing needs."
            )
        else:
            count = len(slots)
            raised = min(
                count * nutrition.PROTEIN_SERVING_MIN_G, nutrition.PROTEIN_MAX_G_PER_KG * mass_kg
            )
            gave_way.append("protein")
            notes.append(
                f"NUT-2/NUT-3: protein raised from {protein_g:.0f} g to {raised:.0f} g "
                f"({raised / mass_kg:.2f} g/kg) to fill the {count} servings the sessions need."
            )
            protein_g = raised
            if protein_g / count < nutrition.PROTEIN_SERVING_MIN_G - 1e-9:
                gave_way.append("serving size")
                notes.append(
                    f"NUT-3: servings of {protein_g / count:.0f} g, under 20 g: even "
                    "2.2 g/kg cannot fill one serving after every session."
                )
    slots = _spread(slots, candidates, count=count, wake=wake, sleep=sleep)
    if protein_g / len(slots) > nutrition.PROTEIN_SERVING_MAX_G + 1e-9:
        gave_way.append("serving size")
        notes.append(
            f"NUT-3: the waking day has room for only {len(slots)} servings, so each holds "
            f"{protein_g / len(slots):.0f} g, over 40 g."
        )
    longest = max(high - low for low, high in _gaps([s.at for s in slots], wake=wake, sleep=sleep))
    if longest > MAX_GAP_MIN:
        gave_way.append("serving spacing")
        notes.append(
            f"NUT-3: the longest stretch without a serving is {longest // 60} h "
            f"{longest % 60:02d} min (waking and sleep count), over the 4 h aimed for: "
            "sessions or protein limit where servings can go."
        )
    return _Timeline(
        slots=tuple(slots), protein_g=protein_g, notes=tuple(notes), gave_way=tuple(gave_way)
    )


def _roles(slots: Sequence[_Slot], sessions: Sequence[_Session]) -> list[str]:
    """Give each run the latest serving 20 min-4 h before it; note runs without one."""
    notes: list[str] = []
    for slot in slots:
        slot.before = []
    for run in (s for s in sessions if s.is_run):
        before = [
            slot
            for slot in slots
            if PRE_RUN_MIN_LEAD_MIN <= run.start - slot.at <= PRE_RUN_WINDOW_MIN
        ]
        if before:
            max(before, key=lambda s: s.at).before.append(run)
        else:
            notes.append(
                f"NUT-4: '{run.title}' starts too soon after waking for a meal before it; "
                "a small carbohydrate snack or drink on waking will do (Thomas 2016)."
            )
    return notes


def _carbohydrate_split(
    slots: Sequence[_Slot], *, carbohydrate_g: float, mass_kg: float
) -> list[float]:
    """Carbohydrate per serving: timed amounts around runs first, the rest shared evenly.

    Before a run 1 g/kg (0.5 g/kg if the serving is less than an hour before
    it); after a run 1 g/kg. If the timed amounts exceed the day's total they
    shrink in proportion and the other servings get none.
    """
    timed: list[float] = []
    for slot in slots:
        grams = 0.0
        for run in slot.before:
            lead = run.start - slot.at
            per_kg = PRE_RUN_CARBOHYDRATE_G_PER_KG * (0.5 if lead < PRE_RUN_SNACK_LEAD_MIN else 1.0)
            grams += per_kg * mass_kg
        if any(s.is_run for s in slot.after):
            grams += POST_RUN_CARBOHYDRATE_G_PER_KG * mass_kg
        timed.append(grams)
    total_timed = sum(timed)
    if total_timed >= carbohydrate_g:
        scale = carbohydrate_g / total_timed
        return [grams * scale for grams in timed]
    untimed = [i for i, grams in enumerate(timed) if grams == 0]
    share_over = untimed or list(range(len(slots)))
    extra = (carbohydrate_g - total_timed) / len(share_over)
    return [grams + (extra if i in share_over else 0.0) for i, grams in enumerate(timed)]


def _serving_note(slot: _Slot) -> str:
    parts: list[str] = []
    if slot.after:
        titles = " and ".join(f"'{s.title}'" for s in slot.after)
        parts.append(f"within 2 h after {titles} (NUT-3)")
    if slot.before:
        titles = " and ".join(f"'{s.title}'" for s in slot.before)
        parts.append(f"carbohydrate before {titles} (NUT-4)")
    if not parts:
        parts.append(
            "breakfast (NUT-3)"
            if slot.kind == "breakfast"
            else "keeps servings <= 4 h apart (NUT-3)"
        )
    return "; ".join(parts)


# ---- energy and macronutrients (NUT-1, NUT-2, NUT-4, fat) ----


@dataclass(frozen=True, slots=True, kw_only=True)
class _Macros:
    target_kcal: float
    carbohydrate_g: float
    fat_g: float
    notes: tuple[str, ...]
    gave_way: tuple[str, ...]


def _macros(
    *,
    target_kcal: float,
    protein_g: float,
    carbohydrate_range_g: tuple[float, float],
) -> _Macros:
    """Carbohydrate at the middle of its band and fat the rest, at least 20 % of energy.

    When the rest would put fat above 35 % of energy, carbohydrate rises
    toward the top of its band instead. Order when they do not fit: protein
    stays, the fat floor stays, carbohydrate falls toward the bottom of its
    band, then the energy target rises until the bottom of the band and the
    fat floor fit.
    """
    low, high = carbohydrate_range_g
    preferred = (low + high) / 2
    protein_kcal = protein_g * nutrition.KCAL_PER_G_PROTEIN
    floor_fraction = nutrition.FAT_MIN_ENERGY_FRACTION
    room_g = (target_kcal * (1 - floor_fraction) - protein_kcal) / nutrition.KCAL_PER_G_CARBOHYDRATE
    notes: list[str] = []
    gave_way: list[str] = []
    if room_g >= preferred:
        below_fat_cap = (
            target_kcal * (1 - FAT_MAX_ENERGY_FRACTION) - protein_kcal
        ) / nutrition.KCAL_PER_G_CARBOHYDRATE
        carbohydrate = max(preferred, min(below_fat_cap, high))
        if carbohydrate > preferred:
            notes.append(
                f"NUT-4: carbohydrate {carbohydrate:.0f} g, above the band's middle "
                f"({preferred:.0f} g), so that fat stays within 20-35 % of energy (IOM 2005)"
                + ("." if below_fat_cap <= high else "; at the band's top fat is still over 35 %.")
            )
    elif room_g >= low:
        carbohydrate = room_g
        notes.append(
            f"NUT-4: carbohydrate {carbohydrate:.0f} g, below the band's middle "
            f"({preferred:.0f} g) but within it: what the energy target leaves after protein "
            "and 20 % fat."
        )
    else:
        carbohydrate = low
        raised = (protein_kcal + carbohydrate * nutrition.KCAL_PER_G_CARBOHYDRATE) / (
            1 - floor_fraction
        )
        gave_way.append("energy")
        notes.append(
            f"NUT-1: energy target raised from {target_kcal:.0f} to {raised:.0f} kcal: "
            f"{protein_g:.0f} g protein, the band's lowest carbohydrate ({low:.0f} g) and "
            "20 % fat did not fit (order: protein, fat floor, carbohydrate down to its band, "
            "then energy)."
        )
        target_kcal = raised
    fat = (
        target_kcal - protein_kcal - carbohydrate * nutrition.KCAL_PER_G_CARBOHYDRATE
    ) / nutrition.KCAL_PER_G_FAT
    return _Macros(
        target_kcal=target_kcal,
        carbohydrate_g=carbohydrate,
        fat_g=fat,
        notes=tuple(notes),
        gave_way=tuple(gave_way),
    )


def _goal_words(goal: GoalKind) -> str:
    if goal is GoalKind.HYPERTROPHY:
        return "muscle gain: +375 kcal, the middle of a 250-500 kcal surplus (Slater 2019)"
    if goal is GoalKind.FAT_LOSS:
        return (
            "fat loss: a deficit of 5.5 kcal per kg (0.5 % of body mass a week at 7700 kcal/kg), "
            "within 10-20 % of expenditure and never below resting energy (Helms 2014)"
        )
    return (
        f"{goal.value.replace('_', ' ')}: +125 kcal, match or slightly exceed expenditure, "
        "no large deficit (Thomas 2016)"
    )


def _day(
    day: PlanDay,
    *,
    profile: AthleteProfile,
    zone: ZoneInfo,
    lift_met: float,
    factor: float,
    hard_block: bool,
    start_mass_kg: float,
    balance_kcal: float,
) -> DayNutrition:
    mass = profile.mass_kg
    goal = profile.goal.kind
    resting, equation = resting_energy(profile, on=day.date)
    non_exercise = resting * (factor - 1)
    sessions = sorted(
        (
            _session(s, zone=zone, day=day.date, mass_kg=mass, lift_met=lift_met)
            for s in day.sessions
        ),
        key=lambda s: (s.start, s.end),
    )
    training = sum(s.energy.kcal for s in sessions)
    expenditure = resting + non_exercise + training
    first_target = nutrition.energy_target_kcal(
        expenditure_kcal=expenditure, resting_kcal=resting, goal=goal, mass_kg=mass
    )
    in_deficit = first_target < expenditure
    protein = nutrition.protein_target_g_per_day(
        mass_kg=mass, goal=goal, in_deficit=in_deficit, hard_block=hard_block
    )
    training_min = sum(s.energy.duration_min for s in sessions)
    hard_min = sum(s.energy.duration_min for s in sessions if s.energy.hard)
    band = nutrition.training_load_band(training_min=training_min, hard_min=hard_min)
    band_low, band_high = nutrition.carbohydrate_band_g_per_kg(band=band)

    wake = profile.day.wake.hour * 60 + profile.day.wake.minute
    sleep = profile.day.sleep.hour * 60 + profile.day.sleep.minute
    if sleep <= wake:
        sleep += MINUTES_PER_DAY
    timeline = _timeline(sessions, wake=wake, sleep=sleep, protein_g=protein, mass_kg=mass)
    protein = timeline.protein_g
    macros = _macros(
        target_kcal=first_target,
        protein_g=protein,
        carbohydrate_range_g=(band_low * mass, band_high * mass),
    )
    role_notes = _roles(timeline.slots, sessions)
    carbs = _carbohydrate_split(timeline.slots, carbohydrate_g=macros.carbohydrate_g, mass_kg=mass)
    per_serving = protein / len(timeline.slots)
    servings = tuple(
        Serving(
            at=_time(slot.at),
            protein_g=per_serving,
            carbohydrate_g=grams,
            note=_serving_note(slot),
            after_session=slot.after[-1].id if slot.after else None,
            before_session=slot.before[0].id if slot.before else None,
        )
        for slot, grams in zip(timeline.slots, carbs, strict=True)
    )
    target = macros.target_kcal
    expected = (
        start_mass_kg
        + (balance_kcal + target - expenditure) / nutrition.KCAL_PER_KG_BODY_MASS_CHANGE
    )
    reasons = [
        "hard week" if hard_block else "",
        "energy deficit" if in_deficit or goal is GoalKind.FAT_LOSS else "",
    ]
    reasons = [r for r in reasons if r]
    session_words = (
        "; ".join(f"'{s.title}' {s.energy.kcal:.0f}" for s in sessions) if sessions else "rest day"
    )
    notes = (
        f"NUT-1: expenditure {expenditure:.0f} kcal = resting {resting:.0f} "
        f"({equation.replace('_', '-')}) + daily life {non_exercise:.0f} "
        f"(x{factor:.2f}, FAO/WHO/UNU 2004) + training {training:.0f} ({session_words}; "
        "runs 1 kcal/kg/km, Margaria 1963; lifts (MET - 1) x kg x h, Ainsworth 2011).",
        f"NUT-1: target {first_target:.0f} kcal for {_goal_words(goal)}.",
        f"NUT-2: protein {protein:.0f} g = {protein / mass:.2f} g/kg "
        f"({', '.join(reasons) if reasons else 'no reason for more'}; 1.6-2.2 g/kg, "
        "Morton 2018, Jäger 2017).",
        f"NUT-3: {len(servings)} servings of {per_serving:.0f} g, one within 2 h after every "
        "session (Schoenfeld & Aragon 2018).",
        f"NUT-4: {training_min:.0f} training min ({hard_min:.0f} hard) is a {band.value} load: "
        f"{band_low:g}-{band_high:g} g/kg; carbohydrate {macros.carbohydrate_g:.0f} g = "
        f"{macros.carbohydrate_g / mass:.1f} g/kg (Thomas, Erdman & Burke 2016).",
        f"Fat: {macros.fat_g:.0f} g = {100 * macros.fat_g * 9 / target:.0f} % of energy, "
        "the rest of the target, at least 20 % (Thomas 2016).",
        *macros.notes,
        *timeline.notes,
        *role_notes,
        f"NUT-1: expected body mass {expected:.1f} kg: start mass + cumulative balance at "
        "7700 kcal/kg; a trend only, real change is smaller as expenditure adapts (Hall 2008).",
    )
    return DayNutrition(
        date=day.date,
        resting_kcal=resting,
        non_exercise_kcal=non_exercise,
        training_kcal=training,
        expenditure_kcal=expenditure,
        target_kcal=target,
        protein_g=protein,
        carbohydrate_g=macros.carbohydrate_g,
        fat_g=macros.fat_g,
        load_band=band.value,
        servings=servings,
        rules=RULES,
        notes=notes,
        expected_mass_kg=expected,
        mass_kg=mass,
        resting_equation=equation,
        non_exercise_factor=factor,
        training=tuple(s.energy for s in sessions),
        training_min=training_min,
        hard_min=hard_min,
        hard_block=hard_block,
        carbohydrate_band_g_per_kg=(band_low, band_high),
        gave_way=(*macros.gave_way, *timeline.gave_way),
    )


def plan_nutrition(
    plan: Plan,
    profile: AthleteProfile,
    *,
    lift_met: float,
    non_exercise_factor: float | None = None,
) -> tuple[DayNutrition, ...]:
    """Energy, macronutrient targets and a serving timeline for every day of the plan.

    Args:
        plan: the plan (``build_plan``).
        profile: the athlete it was built for.
        lift_met: Compendium MET for the lifting sessions (see ``LIFT_MET_COMPENDIUM_CODE``).
        non_exercise_factor: multiple of resting energy spent outside training,
            1.0-2.4; defaults to the profile's ``daily_activity`` (``NON_EXERCISE_FACTOR``).

    Returns:
        One ``DayNutrition`` per plan day, in date order.

    Raises:
        InvalidInput: ``lift_met`` outside 1-25 or the factor outside 1.0-2.4, or a
            profile value outside a science function's range.
    """
    require_range("lift_met", lift_met, energy.RESTING_MET, energy.MAX_MET)
    factor = (
        activity_factor(profile.daily_activity)
        if non_exercise_factor is None
        else require_range(
            "non_exercise_factor",
            non_exercise_factor,
            MIN_NON_EXERCISE_FACTOR,
            MAX_NON_EXERCISE_FACTOR,
        )
    )
    zone = ZoneInfo(profile.timezone)
    hard = hard_weeks(plan)
    days: list[DayNutrition] = []
    balance = 0.0
    for week in plan.weeks:
        for day in week.days:
            result = _day(
                day,
                profile=profile,
                zone=zone,
                lift_met=lift_met,
                factor=factor,
                hard_block=week.index in hard,
                start_mass_kg=profile.mass_kg,
                balance_kcal=balance,
            )
            balance += result.target_kcal - result.expenditure_kcal
            days.append(result)
    return tuple(sorted(days, key=lambda d: d.date))
