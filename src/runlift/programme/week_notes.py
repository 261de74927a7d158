"""Why each week of the plan is as it is: the rules and notes of a ``WeekOutline``.

One note per reason, in words an athlete reads, each naming its rule ID
(``docs/rules.md``) or its source: the block and its focus (PER-1), the goal's
block (PER-2), deloads (PER-3), the taper and race week, the running of lifting
blocks (RUN-1, RUN-2), the marathon's long and medium-long runs, lifts (SCH-7,
LFT-4, LFT-6, LFT-7) and what the time and windows cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from runlift.domain.athlete import AthleteProfile
from runlift.programme.blocks import Frame
from runlift.programme.periodisation_tables import (
    BOSQUET_2007,
    DELOAD_SPACING_WEEKS,
    FOCUS_WORDS,
    LIFTING_BLOCK_RUN_FACTOR,
    LIFTING_FOCI,
    RAMP_NOTE,
    RUNNER_SPECIFIC_FOCUS_WORDS,
)
from runlift.vocabulary import Experience, GoalKind, LiftingStyle, Phase, Priority

_LEADING_RULES = re.compile(r"^((?:[A-Z]{2,3}-\d+)(?:, [A-Z]{2,3}-\d+)*): ")
"""The rule IDs a note starts with, e.g. ``RL-1, SCH-10: ...``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class WeekFacts:
    """What one week's notes speak of.

    Attributes:
        frame: the week's place in the calendar.
        volume_km: its running distance (race week: before the race).
        previous_volume_km: the week before's, None for the first week.
        pre_taper_km: the last build week's distance, which the taper cuts.
        lifts: the week's lifts; lifts_asked: what the profile asks for.
        lift_factor: the lifting volume factor (LFT-4).
        long_km: the long run, 0 without one; medium_long_km: likewise.
        goal_day: the race or test day, if any.
        style: the lifting style.
        group: how the goal treats running: race, muscle, fat_loss or general.
        race_class: 5k, 10k, half or marathon; None without a race.
        muscle_first: a muscle goal or lifting priority (RUN-2 applies).
        experience: the experience that spaces the deloads.
        time_notes: what fitting the week into the available time cut.
        room_notes: what the windows and the days near the goal cut (RL-1).
    """

    frame: Frame
    volume_km: float
    previous_volume_km: float | None
    pre_taper_km: float
    lifts: int
    lifts_asked: int
    lift_factor: float
    long_km: float
    medium_long_km: float
    goal_day: date | None
    style: LiftingStyle
    group: str
    race_class: str | None
    muscle_first: bool
    experience: Experience
    time_notes: tuple[str, ...]
    room_notes: tuple[str, ...]


def _spacing_words(facts: WeekFacts) -> str:
    lo, hi, _ = DELOAD_SPACING_WEEKS[facts.experience]
    return (
        f"a deload every {lo}-{hi} weeks for an athlete of {facts.experience.value} experience "
        "(Haff & Triplett 2016 NSCA Essentials; Israetel et al. 2015)"
    )


def _phase_notes(facts: WeekFacts, profile: AthleteProfile) -> list[str]:
    notes: list[str] = []
    frame = facts.frame
    volume = facts.volume_km
    if frame.phase is Phase.DELOAD:
        before = facts.previous_volume_km or 0.0
        cut = 100 * (1 - volume / before) if before > 0 else 0.0
        notes.append(
            f"PER-3: recovery week: running {cut:.0f} % lighter ({volume:g} km), lifting "
            f"volume x{facts.lift_factor:g}, paces and loads kept so fitness holds while fatigue "
            "clears (G4; Mujika & Padilla 2003 Med Sci Sports Exerc 35(7):1182-1187; "
            "Pfitzinger & Douglas "
            f"2009: recovery weeks about 20-25 % lighter); {_spacing_words(facts)}"
        )
    elif frame.phase in {Phase.TAPER, Phase.RACE}:
        cut = 100 * (1 - volume / facts.pre_taper_km) if facts.pre_taper_km > 0 else 0.0
        what = "race week, before the race" if frame.phase is Phase.RACE else "taper week"
        notes.append(
            f"Taper ({what}): {volume:g} km, {cut:.0f} % below the last build week's "
            f"{facts.pre_taper_km:g} km; the distance falls week by week to the race while the "
            "hard sessions, paces and most runs stay (Mujika & Padilla 2003: progressive taper; "
            f"{BOSQUET_2007}: volume cut 41-60 %, intensity and frequency kept)"
        )
        race = profile.goal.race
        if frame.phase is Phase.RACE and race is not None:
            notes.append(
                f"PER-2: race day {race.date.isoformat()}: the day before it holds only an easy "
                "jog of 20-30 min with strides, or rest, and the last hard run is at least 3 "
                "days before the race (Pfitzinger & Douglas 2009)"
            )
    elif frame.phase is Phase.TEST:
        test = "" if facts.goal_day is None else f" on {facts.goal_day.isoformat()}"
        notes.append(
            f"PER-2: test week: the lifts test their maxima fresh{test}; running halved, easy "
            "and off the test day and the day before (SCH-4; Pritchard et al. 2015 Strength "
            "Cond J 37(2):72-83: reduce volume, keep intensity before a strength test)"
        )
    elif facts.previous_volume_km is not None and volume > facts.previous_volume_km + 1e-9:
        notes.append(f"{RAMP_NOTE}: {facts.previous_volume_km:g} -> {volume:g} km")
    if frame.peaking:
        test = "" if facts.goal_day is None else f" ({facts.goal_day.isoformat()})"
        notes.append(
            f"PER-2: peaking block: the lifts climb towards the heavy singles of the test"
            f"{test} while their volume falls, then a lighter test week (Pritchard et al. 2015 "
            "Strength Cond J 37(2):72-83)"
        )
    return notes


def _running_notes(facts: WeekFacts) -> tuple[list[str], list[str]]:
    frame = facts.frame
    rules: list[str] = []
    notes: list[str] = []
    if frame.focus in LIFTING_FOCI and frame.phase is Phase.BUILD:
        if facts.muscle_first:
            rules.append("RUN-2")
            cut = 100 * (1 - LIFTING_BLOCK_RUN_FACTOR[frame.focus])
            notes.append(
                f"RUN-2: muscle comes first, so the lifting blocks cut running by {cut:.0f} % "
                "and hold it there, with one hard run a week (G1)"
            )
        else:
            notes.append(
                "PER-1: in this lifting block the running is maintained: its distance holds "
                "and one hard session a week keeps its intensity while the heavy lifts build "
                "strength; cutting the distance (RUN-2) is for athletes whose muscle comes "
                "first, not for runners (G1, G3; Mujika & Padilla 2000 Sports Med 30(2):79-87: "
                "intensity keeps fitness when training is reduced; Rønnestad & Mujika 2014: "
                "two or three heavy sessions a week to build strength, one to keep it)"
            )
    if facts.group == "muscle":
        rules.append("RUN-1")
        notes.append(
            "RUN-1: muscle comes first: no long slow runs (longest run at most 1 h), hard runs "
            "are short intervals, hills or sprints (G2; Wilson et al. 2012 J Strength Cond Res "
            "26(8):2293-2307)"
        )
    if facts.long_km > 0 and facts.race_class == "marathon":
        notes.append(
            f"Long run {facts.long_km:g} km, the key session of a marathon build: up to 40 % "
            "of the week and 3 h, building to several runs of 29-32 km where the week allows "
            "(Pfitzinger & Douglas 2009, Advanced Marathoning)"
        )
    if facts.medium_long_km > 0:
        notes.append(
            f"Medium-long run {facts.medium_long_km:g} km midweek, about 70 % of the long run "
            "and at most 90 min: a second endurance run that stays easy (Pfitzinger & Douglas "
            "2009)"
        )
    return rules, notes


def week_reasons(
    facts: WeekFacts, profile: AthleteProfile
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rules that shaped the week and one note per reason, each naming its rule or source."""
    frame = facts.frame
    rules: list[str] = ["PER-1"]
    runner_specific = facts.style is LiftingStyle.RUNNER_SPECIFIC
    where = f"PER-1: block {frame.block + 1}, week {frame.week_in_block + 1}"
    if runner_specific:
        notes: list[str] = [
            f"{where}: {RUNNER_SPECIFIC_FOCUS_WORDS[frame.focus]}; lifting style "
            "runner_specific: no strength or hypertrophy blocks, so the blocks alternate "
            "running emphases while the lifting is maintained runner-specific work (LFT-6) "
            "in every block (G1, G3, G5)"
        ]
    else:
        notes = [f"{where}: {FOCUS_WORDS[frame.focus]} (G1, G3)"]
    goal = profile.goal
    if frame.final_block:
        rules.append("PER-2")
        what = (
            "the race"
            if goal.kind is GoalKind.RACE
            else "the strength test"
            if goal.kind is GoalKind.STRENGTH
            else f"the {goal.kind.value.replace('_', ' ')} goal"
        )
        notes.append(f"PER-2: the block nearest the goal prioritises {what} (G3)")
    if frame.phase is Phase.DELOAD:
        rules.append("PER-3")
    elif frame.phase in {Phase.TAPER, Phase.RACE}:
        rules.append("PER-2")
    notes.extend(_phase_notes(facts, profile))
    running_rules, running_notes = _running_notes(facts)
    rules.extend(running_rules)
    notes.extend(running_notes)
    if goal.kind is GoalKind.RACE or goal.priority is Priority.RUNNING:
        rules.append("RUN-3")
        notes.append("RUN-3: running is the priority; its key sessions get the best slots (G3, G4)")
    rules.append("SCH-7")
    lifts = facts.lifts
    if lifts == 0:
        notes.append("SCH-7: no lifts: the profile asks for none")
    else:
        asked = facts.lifts_asked
        said = f" (profile asks {asked})" if asked != lifts else ""
        notes.append(
            f"SCH-7: {lifts} lifts{said}; legs, back and chest each trained 2-3 times a week "
            "(G1, G2, G5)"
        )
    if runner_specific and lifts > 0:
        rules.append("LFT-6")
        notes.append(
            f"LFT-6: {lifts} runner-specific lifts: single-leg hops, calf raises, split and "
            "eccentric squats, hip and ankle work with slow lowering, 2-3 a week for middle- "
            "and long-distance runners (G5; Blagrove et al. 2018)"
        )
    if runner_specific and lifts > 0 and frame.phase is Phase.BUILD:
        rules.append("LFT-4")
        notes.append(
            f"LFT-4: lifting volume x{facts.lift_factor:g}: two light sets of each runner-specific "
            "exercise are already few, high-quality sets, so running load does not cut them "
            "further (G1, G2)"
        )
    elif facts.lift_factor < 1.0 and frame.phase is Phase.BUILD:
        rules.append("LFT-4")
        notes.append(
            f"LFT-4: lifting volume x{facts.lift_factor:g} while running load is high: few, heavy, "
            "high-quality sets (G1, G2)"
        )
    if goal.kind is GoalKind.RACE and lifts >= 2:
        rules.append("LFT-7")
        work = (
            "explosive single-leg hops and runner-specific strength work support running "
            "economy, without heavy lifting (lifting style runner_specific)"
            if runner_specific
            else "heavy and explosive strength work improves running economy"
        )
        notes.append(
            f"LFT-7: the race plan keeps 2 or more lifts: {work} (Rønnestad & Mujika 2014; "
            "Blagrove et al. 2018)"
        )
    notes.extend(facts.time_notes)
    if facts.room_notes:
        rules.append("RL-1")
        for note in facts.room_notes:
            head = _LEADING_RULES.match(note)
            if head is not None:
                rules.extend(head.group(1).split(", "))
        notes.extend(facts.room_notes)
    return tuple(dict.fromkeys(rules)), tuple(notes)
