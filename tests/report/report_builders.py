"""The example athlete's plan, nutrition and report inputs, built once for the report tests."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from runlift.domain.athlete import AthleteProfile
from runlift.domain.nutrition import DayNutrition
from runlift.domain.plan import Plan
from runlift.io.profile import read_profile
from runlift.nutrition.days import LIFT_MET_COMPENDIUM_CODE, plan_nutrition
from runlift.programme.assembly import build_plan
from runlift.reference.compendium import met_for
from runlift.reference.exercises import exercise_library
from runlift.report.build import build_report
from runlift.report.html import render_report_html
from runlift.report.model import Report, ReportData
from runlift.report.pdf import report_pdf
from runlift.services.report_data import report_data

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"
)
TIMEZONE = "Europe/Berlin"


@dataclass(frozen=True, slots=True, kw_only=True)
class Example:
    """Everything the report of the example athlete is made from."""

    profile: AthleteProfile
    plan: Plan
    data: ReportData
    nutrition: tuple[DayNutrition, ...]

    def html(self, *, with_nutrition: bool = True) -> str:
        """The report's HTML, with or without the nutrition targets."""
        return render_report_html(
            self.plan,
            profile=self.profile,
            data=self.data,
            nutrition=self.nutrition if with_nutrition else None,
            timezone=TIMEZONE,
        )

    def report(self) -> Report:
        """The report's model, with nutrition."""
        return build_report(
            self.plan,
            profile=self.profile,
            data=self.data,
            nutrition=self.nutrition,
            timezone=TIMEZONE,
        )

    def pdf(self) -> bytes:
        """The report printed to PDF, with nutrition."""
        return report_pdf(self.report())


@functools.cache
def example() -> Example:
    """The example athlete's plan and nutrition (built once per test process)."""
    profile = read_profile(EXAMPLE.read_text(encoding="utf-8"))
    library = exercise_library()
    plan = build_plan(profile, library=library)
    nutrition = plan_nutrition(plan, profile, lift_met=met_for(LIFT_MET_COMPENDIUM_CODE).met)
    return Example(
        profile=profile,
        plan=plan,
        data=report_data(plan, library=library),
        nutrition=nutrition,
    )
