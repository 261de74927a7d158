"""When the day's protein servings go, and the carbohydrate each carries (NUT-3, NUT-4 timing).

The sessions of a day, in local minutes after its midnight, come in; the serving
times go out: one after each chain of sessions, one before each run, breakfast,
and as many more as the protein and 3-4 h spacing need, never during a session or
just before one. A race brings its own breakfast, 1-4 h before the start, and
nothing else is eaten between it and the start. ``runlift.nutrition.days``
decides how much protein and carbohydrate the day holds.

Each session's energy is worked out here too, with its hard minutes: the work
steps of a structured run, so that 5 x 20 s of hill sprints count as under two
hard minutes, not as a 35-minute hard session.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Final
from zoneinfo import ZoneInfo

from runlift.domain.nutrition import SessionEnergy
from runlift.domain.plan import PlannedSession
from runlift.domain.prescription import RunPrescription, RunRepeat, RunStep
from runlift.domain.sessions import SessionId
from runlift.science import energy, nutrition
from runlift.vocabulary import Modality, PaceZone, StepKind

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


MINUTES_PER_DAY: Final = 24 * 60


@dataclass(frozen=True, slots=True, kw_only=True)
class TimedSession:
    """A planned session in local minutes after the day's midnight, with its energy.

    A race carries its breakfast: ``meal_lead_min`` before the start with
    ``meal_g_per_kg`` of carbohydrate; nothing else is eaten in between.
    """

    id: SessionId
    title: str
    is_run: bool
    start: int
    end: int
    energy: SessionEnergy
    meal_lead_min: int | None = None
    meal_g_per_kg: float = 0.0

    @property
    def clear_before_min(self) -> int:
        """Minutes before the start kept free of other servings."""
        return CLEAR_BEFORE_SESSION_MIN if self.meal_lead_min is None else self.meal_lead_min


@dataclass(slots=True, kw_only=True)
class ServingSlot:
    """A serving time being planned, with the sessions it follows or precedes."""

    at: int
    kind: str
    after: list[TimedSession] = field(default_factory=list)
    before: list[TimedSession] = field(default_factory=list)


_PRIORITY: Final = {"race": 4, "post": 3, "pre": 2, "breakfast": 1, "spacing": 0}


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeline:
    """The serving times, the protein they share, and what gave way."""

    slots: tuple[ServingSlot, ...]
    protein_g: float
    notes: tuple[str, ...]
    gave_way: tuple[str, ...]


def local_minutes(moment: datetime, *, zone: ZoneInfo, day: date) -> int:
    """Local minutes of ``moment`` after the midnight that starts ``day`` (may pass 24 h)."""
    local = moment.astimezone(zone)
    return (local.date() - day).days * MINUTES_PER_DAY + local.hour * 60 + local.minute


def local_time(minutes: int) -> time:
    """A local time from minutes after the day's midnight (past midnight wraps round)."""
    return time(minutes // 60 % 24, minutes % 60)


def _step_hard_min(step: RunStep, run: RunPrescription) -> float:
    """Minutes of one step at moderate-to-high intensity (0 for easy, warm-up or recovery)."""
    if step.kind is StepKind.WORK:
        hard = step.zone is not PaceZone.EASY
    else:
        hard = step.kind is StepKind.STEADY and step.zone not in {None, PaceZone.EASY}
    if not hard:
        return 0.0
    if step.duration_s is not None:
        return step.duration_s / 60
    if step.distance_m is None:
        return 0.0
    paces = [p for p in (step.pace_fast_s_per_km, step.pace_slow_s_per_km) if p is not None]
    if paces:
        return step.distance_m / 1000 * sum(paces) / len(paces) / 60
    if run.distance_km > 0:
        return run.duration_min * step.distance_m / (run.distance_km * 1000)
    return 0.0


def hard_minutes(run: RunPrescription, *, hard_run: bool) -> float:
    """Minutes of a run at moderate-to-high intensity, the hard part of NUT-4's load.

    A structured run counts its work steps (and steady steps at marathon pace or
    faster), repeats included, by their time, or by distance at the step's
    target pace; warm-up, recovery, cool-down and easy running do not count. A
    run without steps counts whole if it is a hard run (GUIDELINES.md 'Words').
    Never more than the run's duration.
    """
    if not run.steps:
        return run.duration_min if hard_run else 0.0
    minutes = 0.0
    for item in run.steps:
        if isinstance(item, RunRepeat):
            minutes += item.count * sum(_step_hard_min(step, run) for step in item.steps)
        else:
            minutes += _step_hard_min(item, run)
    return min(minutes, run.duration_min)


def timed_session(
    planned: PlannedSession,
    *,
    zone: ZoneInfo,
    day: date,
    mass_kg: float,
    lift_met: float,
) -> TimedSession:
    """A planned session in the day's local minutes, with its net energy and hard minutes."""
    spec = planned.scheduled.spec
    prescription = planned.prescription
    if isinstance(prescription, RunPrescription):
        kcal = energy.running_energy_kcal(mass_kg=mass_kg, distance_km=prescription.distance_km)
        distance: float | None = prescription.distance_km
        hard_min = hard_minutes(prescription, hard_run=spec.is_hard_run)
    else:
        kcal = energy.net_met_energy_kcal(
            met=lift_met, mass_kg=mass_kg, duration_min=prescription.duration_min
        )
        distance = None
        hard_min = 0.0
    start = local_minutes(planned.scheduled.start, zone=zone, day=day)
    end = local_minutes(planned.scheduled.end, zone=zone, day=day)
    return TimedSession(
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
            hard_min=hard_min,
            start=local_time(start),
            end=local_time(end),
        ),
    )


def _busy(at: int, sessions: Sequence[TimedSession], *, ignore: TimedSession | None = None) -> bool:
    """True if ``at`` is during a session, in the 30 min before one, or after a race's breakfast."""
    return any(s is not ignore and s.start - s.clear_before_min <= at < s.end for s in sessions)


def _post_slots(sessions: Sequence[TimedSession], *, sleep: int) -> list[ServingSlot]:
    """One serving after each chain of sessions, within 2 h after each of them, never during one.

    Sessions that start before the previous one's serving would be due join it
    (a chain), as long as the serving stays within 2 h of the chain's first
    end; otherwise the serving goes in the gap before the next session.
    """
    slots: list[ServingSlot] = []
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
        slots.append(ServingSlot(at=at, kind="post", after=chain))
        index = nxt
    return slots


def _pre_slot(
    run: TimedSession, sessions: Sequence[TimedSession], *, wake: int
) -> ServingSlot | None:
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
    return ServingSlot(at=at, kind="pre", before=[run])


def _merge(slots: Iterable[ServingSlot]) -> list[ServingSlot]:
    """Merge fixed servings under 90 min apart: the more constrained time wins.

    Two post-session servings are never merged (each must stay within 2 h of
    its sessions).
    """
    merged: list[ServingSlot] = []
    for slot in sorted(slots, key=lambda s: (s.at, -_PRIORITY[s.kind])):
        if merged and slot.at - merged[-1].at < MERGE_WITHIN_MIN:
            previous = merged[-1]
            if not (previous.kind == "post" and slot.kind == "post"):
                keep = previous if _PRIORITY[previous.kind] >= _PRIORITY[slot.kind] else slot
                merged[-1] = ServingSlot(
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
    slots: Sequence[ServingSlot], candidates: Sequence[int], *, wake: int, sleep: int
) -> int:
    """Servings needed so that no gap that can take a serving is longer than 4 h."""
    extra = 0
    for gap in _gaps([s.at for s in slots], wake=wake, sleep=sleep):
        room = len(_inside(gap, candidates))
        if room:
            extra += min(room, max(0, math.ceil((gap[1] - gap[0]) / MAX_GAP_MIN) - 1))
    return len(slots) + extra


def _spread(
    slots: Sequence[ServingSlot], candidates: Sequence[int], *, count: int, wake: int, sleep: int
) -> list[ServingSlot]:
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
    added: list[ServingSlot] = []
    for (low, high), room, k in zip(gaps, rooms, counts, strict=True):
        free = list(room)
        for j in range(1, k + 1):
            ideal = low + j * (high - low) / (k + 1)
            at = min(free, key=lambda c: (abs(c - ideal), c))
            free.remove(at)
            added.append(ServingSlot(at=at, kind="spacing"))
    return sorted([*slots, *added], key=lambda s: s.at)


def _fixed_slots(sessions: Sequence[TimedSession], *, wake: int, sleep: int) -> list[ServingSlot]:
    """Servings whose times the sessions and waking fix, merged when under 90 min apart."""
    fixed = _post_slots(sessions, sleep=sleep)
    fixed += [
        ServingSlot(at=s.start - s.meal_lead_min, kind="race", before=[s])
        for s in sessions
        if s.meal_lead_min is not None
    ]
    for run in (s for s in sessions if s.is_run and s.meal_lead_min is None):
        if any(PRE_RUN_MIN_LEAD_MIN <= run.start - slot.at <= PRE_RUN_WINDOW_MIN for slot in fixed):
            continue
        pre = _pre_slot(run, sessions, wake=wake)
        if pre is not None:
            fixed.append(pre)
    breakfast = wake + FIRST_SERVING_AFTER_WAKE_MIN
    if not _busy(breakfast, sessions):
        fixed.append(ServingSlot(at=breakfast, kind="breakfast"))
    return _merge(fixed)


def place_servings(
    sessions: Sequence[TimedSession],
    *,
    wake: int,
    sleep: int,
    protein_g: float,
    mass_kg: float,
) -> Timeline:
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
    candidates = [
        at
        for at in range(first, last + 1, GRID_STEP_MIN)
        if not _busy(at, sessions)
        # Between a session's end and its post-session serving: showering, not eating.
        and not any(s.end <= at < s.end + POST_SESSION_DELAY_MIN for s in sessions)
    ]
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
    races = [s for s in sessions if s.meal_lead_min is not None]
    longest = max(
        (
            high - low
            for low, high in _gaps([s.at for s in slots], wake=wake, sleep=sleep)
            # From a race's breakfast to its finish the fuel is the race's own (``RaceFuel``).
            if not any(low <= r.start - r.clear_before_min and r.end <= high for r in races)
        ),
        default=0,
    )
    if longest > MAX_GAP_MIN:
        gave_way.append("serving spacing")
        notes.append(
            f"NUT-3: the longest stretch without a serving is {longest // 60} h "
            f"{longest % 60:02d} min (waking and sleep count), over the 4 h aimed for: "
            "sessions or protein limit where servings can go."
        )
    return Timeline(
        slots=tuple(slots), protein_g=protein_g, notes=tuple(notes), gave_way=tuple(gave_way)
    )


def assign_pre_run_servings(
    slots: Sequence[ServingSlot], sessions: Sequence[TimedSession]
) -> list[str]:
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


def _timed_g(slots: Sequence[ServingSlot], *, mass_kg: float) -> list[float]:
    """Carbohydrate each serving carries for the runs it precedes or follows."""
    timed: list[float] = []
    for slot in slots:
        grams = 0.0
        for run in slot.before:
            lead = run.start - slot.at
            if run.meal_lead_min is not None:
                per_kg = run.meal_g_per_kg
            else:
                per_kg = PRE_RUN_CARBOHYDRATE_G_PER_KG * (
                    0.5 if lead < PRE_RUN_SNACK_LEAD_MIN else 1.0
                )
            grams += per_kg * mass_kg
        if any(s.is_run for s in slot.after):
            grams += POST_RUN_CARBOHYDRATE_G_PER_KG * mass_kg
        timed.append(grams)
    return timed


def timed_carbohydrate_g(slots: Sequence[ServingSlot], *, mass_kg: float) -> float:
    """Carbohydrate the servings around runs carry in all (see ``carbohydrate_split``)."""
    return sum(_timed_g(slots, mass_kg=mass_kg))


def carbohydrate_split(
    slots: Sequence[ServingSlot], *, carbohydrate_g: float, mass_kg: float
) -> list[float]:
    """Carbohydrate per serving: timed amounts around runs first, the rest shared evenly.

    Before a run 1 g/kg (0.5 g/kg if the serving is less than an hour before
    it), before a race its breakfast's amount; after a run 1 g/kg. If the
    timed amounts exceed the day's total they shrink in proportion and the
    other servings get none.
    """
    timed = _timed_g(slots, mass_kg=mass_kg)
    total_timed = sum(timed)
    if total_timed >= carbohydrate_g:
        scale = carbohydrate_g / total_timed
        return [grams * scale for grams in timed]
    untimed = [i for i, grams in enumerate(timed) if grams == 0]
    share_over = untimed or list(range(len(slots)))
    extra = (carbohydrate_g - total_timed) / len(share_over)
    return [grams + (extra if i in share_over else 0.0) for i, grams in enumerate(timed)]


def serving_note(slot: ServingSlot) -> str:
    """Why a serving sits where it does, with its rule IDs."""
    parts: list[str] = []
    races = [s for s in slot.before if s.meal_lead_min is not None]
    if races:
        race = races[0]
        lead = race.start - slot.at
        return (
            f"pre-race breakfast {lead // 60} h {lead % 60:02d} min before '{race.title}': "
            f"{race.meal_g_per_kg:.1f} g/kg carbohydrate, low in fat and fibre, nothing else "
            "until the start (NUT-4; Thomas 2016)"
        )
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
