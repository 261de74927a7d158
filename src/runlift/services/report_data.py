"""What the athlete's report needs beyond the plan: sets per muscle group, from the library.

The report shows what it is given and reads no library itself, so this use case
counts the sets with the exercise library and hands them over as a
:class:`~runlift.report.model.ReportData`.
"""

from __future__ import annotations

from runlift.domain.plan import Plan
from runlift.domain.prescription import LiftPrescription
from runlift.reference.exercises import ExerciseLibrary
from runlift.report.model import ReportData
from runlift.vocabulary import MuscleGroup


def report_data(plan: Plan, *, library: ExerciseLibrary) -> ReportData:
    """Count each week's hard sets per muscle group.

    Every work set of an exercise counts once for each group the exercise
    trains directly (its ``primary`` groups in the library); helpers and
    stabilisers (``secondary``) are not counted, as for LFT-4 and SCH-7.

    Args:
        plan: the plan to report on.
        library: the exercise library the plan was built from.

    Returns:
        One mapping per plan week, every muscle group present (0 when untrained).

    Raises:
        InvalidInput: the plan names an exercise the library does not know.
    """
    weeks: list[dict[MuscleGroup, int]] = []
    for week in plan.weeks:
        sets = dict.fromkeys(MuscleGroup, 0)
        for session in week.sessions:
            if isinstance(session.prescription, LiftPrescription):
                for item in session.prescription.exercises:
                    for group in library.get(item.exercise).primary:
                        sets[group] += item.sets
        weeks.append(sets)
    return ReportData(weekly_sets=tuple(weeks))
