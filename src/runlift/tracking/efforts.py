"""Lift efforts: each prescribed exercise of a done lift against its top logged set.

Also the logged sets in the terms of ``science.ability`` (:func:`performed_sets`,
for the e1RM) and the RPE chart read backwards (:func:`chart_rpe`), which gives a
lift prescribed as % 1RM the RPE it asks for. Part of
``runlift.tracking.monitoring``'s interface, which re-exports every name here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from runlift.domain.activities import Activity, LoggedSet
from runlift.domain.exercises import ExerciseId
from runlift.domain.plan import Plan, PlannedSession
from runlift.domain.prescription import ExercisePrescription, LiftPrescription
from runlift.domain.sessions import SessionId
from runlift.science.ability import PerformedSet
from runlift.science.strength import MAX_RPE, percent_one_rep_max
from runlift.vocabulary import SetKind

LOW_RPE: Final = 1.0
"""Lowest RPE a logged set is read with (the science refuses below it)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class LiftEffort:
    """One prescribed exercise of a done lift against its top logged working set.

    The top set is the heaviest working set (or set to failure) of the exercise, the
    last of them when several share that load (it is done with the most fatigue).

    Attributes:
        session_id: the planned lift.
        on_date: the local date it was done.
        exercise_id: the exercise.
        main: the exercise is prescribed as a percentage of the 1RM (a main lift).
        prescribed_sets: work sets prescribed.
        prescribed_reps: reps a set prescribed.
        prescribed_load_kg: the load prescribed, if any.
        prescribed_rpe: the RPE prescribed; for a lift prescribed as % 1RM without an
            RPE, the RPE the chart gives that percentage at those reps
            (:func:`chart_rpe`); None when neither says.
        logged_sets: working sets logged (warm-ups and drop sets left out).
        logged_reps: the top set's reps (None for a set of time or distance).
        logged_load_kg: the top set's load (None for bodyweight).
        logged_rpe: the top set's RPE: logged, or 10 - RIR, or 10 for a set to failure;
            None when not rated.
        rpe_over: ``logged_rpe - prescribed_rpe``: positive when the top set was harder
            than prescribed; None when either is unknown.
    """

    session_id: SessionId
    on_date: date
    exercise_id: ExerciseId
    main: bool
    prescribed_sets: int
    prescribed_reps: int
    prescribed_load_kg: float | None
    prescribed_rpe: float | None
    logged_sets: int
    logged_reps: int | None
    logged_load_kg: float | None
    logged_rpe: float | None
    rpe_over: float | None


def chart_rpe(*, reps: int, percent_1rm: float) -> float | None:
    """The RPE at which ``reps`` reps at ``percent_1rm`` sit on the RPE chart, in half steps.

    The chart's percentages depend only on reps + reps in reserve (5 reps at RPE 8 is
    7 reps at RPE 10), so the chart gives the reps to failure at any percentage it
    spans (57.2 % to 100 %), linearly between its values; RPE = 10 - (reps to failure
    - reps), to the nearest half step, at most 10. None when the percentage is off
    the chart, or the RPE would fall below 1.

    Examples:
        >>> chart_rpe(reps=5, percent_1rm=81.1), chart_rpe(reps=5, percent_1rm=75)
        (8.0, 5.5)
        >>> chart_rpe(reps=5, percent_1rm=95), chart_rpe(reps=3, percent_1rm=50)
        (10.0, None)
    """
    ladder = _reps_to_failure_ladder()
    if not ladder[-1][1] <= percent_1rm <= ladder[0][1]:
        return None
    to_failure = float(ladder[-1][0])
    for (reps_high, pct_high), (reps_low, pct_low) in itertools.pairwise(ladder):
        if pct_low <= percent_1rm <= pct_high:
            share = (pct_high - percent_1rm) / (pct_high - pct_low)
            to_failure = reps_high + share * (reps_low - reps_high)
            break
    rpe = min(MAX_RPE, MAX_RPE - (to_failure - reps))
    rounded = round(rpe * 2) / 2
    return None if rounded < LOW_RPE else rounded


def _reps_to_failure_ladder() -> tuple[tuple[int, float], ...]:
    """(reps to failure, percent of 1RM) for 1 to 16 reps to failure, highest percent first.

    Read off the chart's RPE 10 column (1 to 12 reps) and its 12-rep row at RPE 9, 8, 7
    and 6 (13 to 16 reps to failure).
    """
    ladder = [(reps, percent_one_rep_max(reps=reps, rpe=MAX_RPE)) for reps in range(1, 13)]
    ladder += [(12 + rir, percent_one_rep_max(reps=12, rpe=MAX_RPE - rir)) for rir in (1, 2, 3, 4)]
    return tuple(ladder)


def main_lift_ids(plan: Plan) -> list[ExerciseId]:
    """The lifts the plan prescribes as % 1RM (its main lifts), in the order it first does."""
    found: list[ExerciseId] = []
    for week in plan.weeks:
        for session in week.sessions:
            if isinstance(session.prescription, LiftPrescription):
                for item in session.prescription.exercises:
                    exercise = ExerciseId(item.exercise)
                    if item.percent_1rm is not None and exercise not in found:
                        found.append(exercise)
    return found


def _working(logged: LoggedSet) -> bool:
    return logged.kind in {SetKind.WORKING, SetKind.FAILURE}


def _set_rpe(logged: LoggedSet) -> float | None:
    """A set's RPE: logged, else 10 - RIR, else 10 for a set to failure."""
    if logged.rpe is not None:
        return logged.rpe
    if logged.rir is not None:
        return max(MAX_RPE - logged.rir, 0.0)
    return MAX_RPE if logged.kind is SetKind.FAILURE else None


def _half_step(rpe: float) -> float:
    return min(MAX_RPE, max(LOW_RPE, round(rpe * 2) / 2))


def performed_sets(
    activities: Iterable[tuple[date, Activity]],
) -> dict[ExerciseId, list[PerformedSet]]:
    """Every loaded set of a library exercise with its reps, by exercise, for the e1RM.

    Warm-ups are passed as warm-ups (the science lists them as skipped); drop sets are
    left out (their load is cut from a harder set's); bodyweight, timed and unnamed sets
    say nothing of a maximum. RPE is read in half steps (RPE = 10 - RIR; 10 for a set to
    failure).
    """
    by_exercise: dict[ExerciseId, list[PerformedSet]] = {}
    for day, activity in activities:
        for logged in activity.sets:
            if (
                logged.exercise_id is None
                or logged.kind is SetKind.DROP
                or logged.load_kg is None
                or not logged.reps
            ):
                continue
            effort = _set_rpe(logged)
            by_exercise.setdefault(logged.exercise_id, []).append(
                PerformedSet(
                    on_date=day,
                    load_kg=logged.load_kg,
                    reps=logged.reps,
                    rpe=None if effort is None else _half_step(effort),
                    warm_up=logged.kind is SetKind.WARM_UP,
                )
            )
    return by_exercise


def _top_set(sets: Sequence[LoggedSet]) -> LoggedSet:
    """The heaviest set, the last of equal ones; the set of most reps among unloaded ones."""
    best = sets[0]
    for logged in sets[1:]:
        if (logged.load_kg or 0.0, logged.reps or 0) >= (best.load_kg or 0.0, best.reps or 0):
            best = logged
    return best


def _target_rpe(item: ExercisePrescription) -> float | None:
    if item.rpe is not None:
        return item.rpe
    if item.percent_1rm is None:
        return None
    return chart_rpe(reps=item.reps, percent_1rm=item.percent_1rm)


def lift_efforts(session: PlannedSession, activity: Activity, *, day: date) -> list[LiftEffort]:
    """Each prescribed exercise of a lift that has working sets logged, against its top set."""
    prescription = session.prescription
    if not isinstance(prescription, LiftPrescription):
        return []
    efforts: list[LiftEffort] = []
    for item in prescription.exercises:
        sets = [s for s in activity.sets if s.exercise_id == item.exercise and _working(s)]
        if not sets:
            continue
        top = _top_set(sets)
        target = _target_rpe(item)
        logged_rpe = _set_rpe(top)
        efforts.append(
            LiftEffort(
                session_id=session.scheduled.id,
                on_date=day,
                exercise_id=ExerciseId(item.exercise),
                main=item.percent_1rm is not None,
                prescribed_sets=item.sets,
                prescribed_reps=item.reps,
                prescribed_load_kg=item.load_kg,
                prescribed_rpe=target,
                logged_sets=len(sets),
                logged_reps=top.reps,
                logged_load_kg=top.load_kg,
                logged_rpe=logged_rpe,
                rpe_over=None if target is None or logged_rpe is None else logged_rpe - target,
            )
        )
    return efforts
