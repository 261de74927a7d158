"""Make an athlete's plan and every file that carries it."""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import multiprocessing
import multiprocessing.process
import os
import signal
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection

from runlift.domain.athlete import AthleteProfile
from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan
from runlift.domain.warnings import PlanWarning, WarningKind
from runlift.errors import InvalidInput
from runlift.io import plan_json
from runlift.io.fit_workout import workout_files
from runlift.io.ics_export import CalendarContinuity, write_plan_ics
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
from runlift.services.warnings import plan_warnings
from runlift.tracking.monitoring import Monitoring

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanResult:
    """A plan, its day-by-day nutrition, the profile it was made for, and its warnings.

    Attributes:
        warnings: what the plan changed from the profile (overrides) and what the athlete
            should know (cautions), for the command line, its JSON and the report.
    """

    profile: AthleteProfile
    plan: Plan
    nutrition: tuple[DayNutrition, ...]
    warnings: tuple[PlanWarning, ...] = ()


def check_known_lifts(profile: AthleteProfile) -> None:
    """Refuse a lift in ``lifting.maxes`` that the exercise library does not know.

    A misspelt name (``squat`` for ``back-squat``) would otherwise be ignored, and every
    load of that lift chosen by effort instead of from the 1RM given.

    Raises:
        InvalidInput: naming the lift and the closest known one.
    """
    known = [str(exercise.id) for exercise in exercise_library()]
    for name in profile.lifting.maxes:
        if name not in known:
            close = _closest_lifts(name, known)
            hint = ""
            if close:
                names = close[0] if len(close) == 1 else f"{', '.join(close[:-1])} or {close[-1]}"
                hint = f"did you mean {names}? "
            raise InvalidInput(
                f"lifting.maxes.{name}",
                None,
                f"not an exercise runlift knows; {hint}see docs/exercises.md for the names",
            )


MAIN_LIFTS = ("back-squat", "deadlift", "bench-press", "overhead-press")
"""The lifts a profile's maxes usually name, suggested first."""


def _closest_lifts(name: str, known: list[str]) -> list[str]:
    """Up to three known lifts a mistyped name may mean: same word first, main lifts first."""
    words = set(name.lower().replace("_", "-").replace(" ", "-").split("-"))
    sharing = [k for k in known if words & set(k.split("-"))]
    if sharing:
        return sorted(sharing, key=lambda k: (k not in MAIN_LIFTS, len(k), k))[:3]
    return difflib.get_close_matches(name, known, n=3, cutoff=0.5)


def make_plan(profile: AthleteProfile, *, progress: Progress | None = None) -> PlanResult:
    """Build the whole plan for ``profile``, with nutrition for every day (NUT-1..4).

    Raises:
        InvalidInput: a lift in ``lifting.maxes`` the library does not know, or a profile
            the programme cannot plan.
        UnplaceableWeek: a week that no placement can hold, with the colliding rules and
            the changes that would fix it.
    """
    check_known_lifts(profile)
    plan = build_plan(profile, library=exercise_library(), progress=progress)
    lift_met = met_for(LIFT_MET_COMPENDIUM_CODE).met
    nutrition = plan_nutrition(plan, profile, lift_met=lift_met)
    return PlanResult(
        profile=profile,
        plan=plan,
        nutrition=nutrition,
        warnings=plan_warnings(profile, plan),
    )


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
    model through a pipe and the worker lays the PDF out while this process writes the
    other files. Where ``fork`` is not the platform's way (macOS, Windows), or with
    ``background=False``, :meth:`print` prints in this process when the bytes are asked
    for. Either way the bytes are the same.

    The worker ignores Ctrl-C (the terminal sends it to the whole process group; the
    command line decides what happens) and ends when the pipe closes, so it never
    outlives this process by more than the page it is laying out; :meth:`stop` ends it
    at once.
    """

    def __init__(self, *, background: bool = True) -> None:
        self._background = background and sys.platform.startswith("linux")
        self._worker: multiprocessing.process.BaseProcess | None = None
        self._pipe: Connection | None = None

    def __enter__(self) -> PdfPrinter:
        if self._background:
            context = multiprocessing.get_context("fork")
            here, there = context.Pipe()
            self._worker = context.Process(
                target=_serve, args=(there,), name="runlift-pdf", daemon=True
            )
            self._worker.start()
            there.close()
            self._pipe = here
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pipe is not None:
            with contextlib.suppress(OSError):
                self._pipe.send(None)
        if self._worker is not None:
            self._worker.join(timeout=5)
        self.stop()

    def stop(self) -> None:
        """End the worker now (Ctrl-C, or a failure): kill it and reap it."""
        worker, pipe = self._worker, self._pipe
        self._worker, self._pipe = None, None
        if pipe is not None:
            pipe.close()
        if worker is not None and worker.pid is not None:
            if worker.is_alive():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(worker.pid, signal.SIGKILL)
            worker.join()

    def print(self, report: Report) -> Callable[[], bytes]:
        """Start printing ``report``; the returned function waits for the PDF's bytes."""
        pipe = self._pipe
        if pipe is None:
            return lambda: report_pdf(report)
        try:
            pipe.send(report)
        except OSError:
            return lambda: report_pdf(report)

        def result() -> bytes:
            try:
                answer: bytes | None = pipe.recv()
            except (EOFError, OSError):
                answer = None  # the worker died (killed, out of memory)
            # The worker answers None when printing failed there: print here and raise here.
            return report_pdf(report) if answer is None else answer

        return result


def _serve(pipe: Connection) -> None:
    """The printer's worker: load ReportLab, then print each report it is sent until None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(Exception):
        _prepare_printing()
    while True:
        try:
            report = pipe.recv()
        except (EOFError, OSError):
            return
        if report is None:
            return
        try:
            data: bytes | None = report_pdf(report)
        except Exception:  # the parent prints it again, and reports the error
            data = None
        try:
            pipe.send(data)
        except OSError:
            return


def report_pdf(report: Report) -> bytes:
    """The report as PDF bytes, loading ReportLab only now (``runlift.report.pdf``)."""
    from runlift.report import pdf as printer  # noqa: PLC0415 - loads ReportLab

    return printer.report_pdf(report)


def _prepare_printing() -> None:
    """Load the PDF layout code and its fonts (in the printer's worker, ahead of time)."""
    from runlift.report import pdf as printer  # noqa: PLC0415 - loads ReportLab

    printer.prepare()


def plan_files(
    result: PlanResult,
    *,
    printer: PdfPrinter | None = None,
    monitoring: Monitoring | None = None,
    continuity: CalendarContinuity | None = None,
) -> Mapping[str, bytes]:
    """Every output file of a plan, by its path relative to the output folder.

    ``plan.json``, ``plan.md``, the calendars ``plan.ics`` and ``busy.ics``, a FIT workout per
    session under ``workouts/``, and the athlete's report as ``report.html`` and
    ``report.pdf`` (the same content, from one report model). Loads are written in the
    athlete's unit everywhere but ``plan.json``, which keeps kg and states the unit. A
    ``printer`` that was entered prints the PDF in its worker while the other files are
    written; without one the PDF is printed here. ``monitoring``, the athlete's training
    log read on a day, adds the report's progress section; without it (``runlift plan``)
    the report has none. A later plan version's calendars carry its ``continuity``
    (SEQUENCE per event, dropped sessions cancelled).
    """
    zone = result.profile.timezone
    unit = result.profile.units
    report = build_report(
        result.plan,
        profile=result.profile,
        data=report_data(result.plan, library=exercise_library()),
        nutrition=result.nutrition,
        timezone=zone,
        monitoring=monitoring,
    )
    cautions = tuple(f"caution: {w.text}" for w in result.warnings if w.kind is WarningKind.CAUTION)
    if cautions:
        report = dataclasses.replace(report, goal_detail=(*report.goal_detail, *cautions))
    pdf = (printer or PdfPrinter(background=False)).print(report)
    files = {
        "plan.json": plan_json_text(result).encode("utf-8"),
        "plan.md": plan_markdown(result.plan, nutrition=result.nutrition, unit=unit).encode(
            "utf-8"
        ),
        "plan.ics": write_plan_ics(
            result.plan, timezone=zone, unit=unit, profile=result.profile, continuity=continuity
        ).encode("utf-8"),
        "busy.ics": write_plan_ics(
            result.plan, timezone=zone, busy=True, continuity=continuity
        ).encode("utf-8"),
        **{
            f"workouts/{name}": data for name, data in workout_files(result.plan, unit=unit).items()
        },
        "report.html": report_html(report).encode("utf-8"),
    }
    files["report.pdf"] = pdf()
    return files
