"""Make an athlete's plan and every file that carries it."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from runlift.domain.athlete import AthleteProfile
from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan
from runlift.io import plan_json
from runlift.io.fit_workout import workout_files
from runlift.io.ics_export import write_plan_ics
from runlift.io.nutrition_json import nutrition_day_dict
from runlift.io.plan_markdown import plan_markdown
from runlift.nutrition.days import LIFT_MET_COMPENDIUM_CODE, plan_nutrition
from runlift.programme.assembly import build_plan
from runlift.reference.compendium import met_for
from runlift.reference.exercises import exercise_library
from runlift.report.build import build_report
from runlift.report.html import report_html
from runlift.report.model import Report
from runlift.services.report_data import report_data

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanResult:
    """A plan, its day-by-day nutrition, and the profile it was made for."""

    profile: AthleteProfile
    plan: Plan
    nutrition: tuple[DayNutrition, ...]


def make_plan(profile: AthleteProfile, *, progress: Progress | None = None) -> PlanResult:
    """Build the whole plan for ``profile``, with nutrition for every day (NUT-1..4)."""
    plan = build_plan(profile, library=exercise_library(), progress=progress)
    lift_met = met_for(LIFT_MET_COMPENDIUM_CODE).met
    nutrition = plan_nutrition(plan, profile, lift_met=lift_met)
    return PlanResult(profile=profile, plan=plan, nutrition=nutrition)


def plan_json_text(result: PlanResult) -> str:
    """The ``plan.json`` text of a plan, nutrition included (in the profile's units)."""
    units = result.profile.units.value
    nutrition = {day.date: nutrition_day_dict(day, units=units) for day in result.nutrition}
    return plan_json.dumps(
        plan_json.plan_dict(
            result.plan,
            timezone=result.profile.timezone,
            nutrition=nutrition,
            profile=result.profile,
        )
    )


class PdfPrinter:
    """Prints reports to PDF in a worker process started ahead of time (Linux), or here.

    Laying out the PDF is the longest step of writing a plan's files and needs nothing
    but the report model. Entered before planning, the printer forks a worker that loads
    ReportLab and its fonts while this process plans; :meth:`print` then hands it the
    model and the worker lays the PDF out while this process writes the other files.
    Where ``fork`` is not the platform's way (macOS, Windows), or with
    ``background=False``, :meth:`print` prints in this process when the bytes are asked
    for. Either way the bytes are the same.
    """

    def __init__(self, *, background: bool = True) -> None:
        self._background = background and sys.platform.startswith("linux")
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> PdfPrinter:
        if self._background:
            self._executor = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("fork")
            )
            self._executor.submit(_prepare_printing)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def print(self, report: Report) -> Callable[[], bytes]:
        """Start printing ``report``; the returned function waits for the PDF's bytes."""
        if self._executor is None:
            return lambda: report_pdf(report)
        try:
            future = self._executor.submit(report_pdf, report)
        except BrokenProcessPool:
            return lambda: report_pdf(report)

        def result() -> bytes:
            try:
                return future.result()
            except BrokenProcessPool:
                # The worker died (killed, out of memory): print here instead.
                return report_pdf(report)

        return result


def report_pdf(report: Report) -> bytes:
    """The report as PDF bytes, loading ReportLab only now (``runlift.report.pdf``)."""
    from runlift.report import pdf as printer  # noqa: PLC0415 - loads ReportLab

    return printer.report_pdf(report)


def _prepare_printing() -> None:
    """Load the PDF layout code and its fonts (in the printer's worker, ahead of time)."""
    from runlift.report import pdf as printer  # noqa: PLC0415 - loads ReportLab

    printer.prepare()


def plan_files(result: PlanResult, *, printer: PdfPrinter | None = None) -> Mapping[str, bytes]:
    """Every output file of a plan, by its path relative to the output folder.

    ``plan.json``, ``plan.md``, the calendars ``plan.ics`` and ``busy.ics``, a FIT workout per
    session under ``workouts/``, and the athlete's report as ``report.html`` and
    ``report.pdf`` (the same content, from one report model). Loads are written in the
    athlete's unit everywhere but ``plan.json``, which keeps kg and states the unit. A
    ``printer`` that was entered prints the PDF in its worker while the other files are
    written; without one the PDF is printed here.
    """
    zone = result.profile.timezone
    unit = result.profile.units
    report = build_report(
        result.plan,
        profile=result.profile,
        data=report_data(result.plan, library=exercise_library()),
        nutrition=result.nutrition,
        timezone=zone,
    )
    pdf = (printer or PdfPrinter(background=False)).print(report)
    files = {
        "plan.json": plan_json_text(result).encode("utf-8"),
        "plan.md": plan_markdown(result.plan, nutrition=result.nutrition, unit=unit).encode(
            "utf-8"
        ),
        "plan.ics": write_plan_ics(result.plan, timezone=zone, unit=unit).encode("utf-8"),
        "busy.ics": write_plan_ics(result.plan, timezone=zone, busy=True).encode("utf-8"),
        **{
            f"workouts/{name}": data for name, data in workout_files(result.plan, unit=unit).items()
        },
        "report.html": report_html(report).encode("utf-8"),
    }
    files["report.pdf"] = pdf()
    return files
