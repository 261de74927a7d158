"""The report's progress section: the plan against the training log, on screen and on paper."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from datetime import UTC, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from report_builders import TIMEZONE, Example, example

from runlift.domain.activities import Activity, LoggedSet
from runlift.domain.exercises import ExerciseId
from runlift.domain.log import CheckIn
from runlift.domain.prescription import LiftPrescription, RunPrescription
from runlift.report.build import build_report
from runlift.report.html import report_html
from runlift.report.model import Report
from runlift.report.pdf import report_pdf
from runlift.tracking.monitoring import LogActivity, Monitoring, monitor
from runlift.vocabulary import ActivityFormat, Sport

ZONE = ZoneInfo(TIMEZONE)
WEEKS_LOGGED = 3
RUN_RPE_OVER = 1.0
"""Every run is rated one above its plan, so done loads differ from planned ones."""


def _activities(built: Example, *, race: bool) -> list[LogActivity]:
    """The first three weeks done as planned: lifts with their prescribed sets at RPE 8."""
    entries: list[LogActivity] = []
    for week in built.plan.weeks[:WEEKS_LOGGED]:
        for session in week.sessions:
            prescription = session.prescription
            start = session.scheduled.start.astimezone(UTC)
            seconds = prescription.duration_min * 60
            if isinstance(prescription, RunPrescription):
                activity = Activity(
                    sport=Sport.RUN,
                    start=start,
                    elapsed_s=seconds,
                    moving_s=seconds,
                    distance_m=prescription.distance_km * 1000,
                    source=ActivityFormat.MANUAL,
                )
                rpe = prescription.rpe + RUN_RPE_OVER
            else:
                assert isinstance(prescription, LiftPrescription)
                sets = [
                    (item.exercise, item.reps, item.load_kg)
                    for item in prescription.exercises
                    for _ in range(item.sets)
                ]
                activity = Activity(
                    sport=Sport.STRENGTH,
                    start=start,
                    elapsed_s=seconds,
                    moving_s=seconds,
                    source=ActivityFormat.MANUAL,
                    sets=tuple(
                        LoggedSet(
                            order=n + 1,
                            exercise_id=ExerciseId(exercise),
                            raw_name=exercise,
                            reps=reps,
                            load_kg=load,
                            rpe=8.0,
                        )
                        for n, (exercise, reps, load) in enumerate(sets)
                    ),
                )
                rpe = prescription.rpe
            entries.append(LogActivity(key=len(entries) + 1, activity=activity, rpe=rpe))
    if race:
        sunday = built.plan.weeks[1].start + timedelta(days=6)
        entries.append(
            LogActivity(
                key=len(entries) + 1,
                activity=Activity(
                    sport=Sport.RUN,
                    start=built.plan.weeks[1]
                    .sessions[0]
                    .scheduled.start.replace(
                        year=sunday.year, month=sunday.month, day=sunday.day, hour=16
                    )
                    .astimezone(UTC),
                    elapsed_s=25 * 60,
                    moving_s=25 * 60,
                    distance_m=5000,
                    name="Parkrun",
                    source=ActivityFormat.MANUAL,
                ),
                rpe=9,
            )
        )
    return entries


def _monitoring(built: Example, *, race: bool = True, loss_kg_per_day: float = 0.0) -> Monitoring:
    today = built.plan.start + timedelta(days=7 * WEEKS_LOGGED - 1)
    return monitor(
        plan=built.plan,
        activities=_activities(built, race=race),
        check_ins=[
            CheckIn(
                day=built.plan.start + timedelta(days=n),
                sleep_h=7,
                soreness=2,
                mass_kg=64 - loss_kg_per_day * n,
            )
            for n in range(7 * WEEKS_LOGGED)
        ],
        nutrition=built.nutrition,
        today=today,
        zone=ZONE,
    )


def _report(built: Example, monitoring: Monitoring | None) -> Report:
    return build_report(
        built.plan,
        profile=built.profile,
        data=built.data,
        nutrition=built.nutrition,
        timezone=TIMEZONE,
        monitoring=monitoring,
    )


@pytest.fixture(scope="module")
def built() -> Example:
    return example()


@pytest.fixture(scope="module")
def tracked(built: Example) -> Report:
    return _report(built, _monitoring(built))


def test_the_progress_section_counts_every_week_done(built: Example, tracked: Report) -> None:
    progress = tracked.progress
    assert progress is not None
    sessions = sum(len(week.sessions) for week in built.plan.weeks[:WEEKS_LOGGED])
    rows = {row.label: row for row in progress.rows}
    assert rows["Sessions done"].value == f"{sessions} of {sessions}"
    assert [week.number for week in progress.weeks] == [1, 2, 3]
    assert {week.adherence for week in progress.weeks} == {"100 %"}
    assert rows["VDOT"].note.startswith("5 km in 25:00")
    assert "e1RM Back squat" in rows
    assert [figure.id for figure in progress.figures] == [
        "chart-progress-load",
        "chart-progress-sessions",
        "chart-progress-strength",
        "chart-progress-vdot",
        "chart-progress-mass",
    ]


def test_the_load_chart_sets_done_against_planned(built: Example, tracked: Report) -> None:
    assert tracked.progress is not None
    chart = tracked.progress.figures[0].chart
    done = chart.bars[0].values
    planned = chart.lines[0].values
    assert len(done) == len(planned) == len(built.plan.weeks)
    assert all(value is None for value in done[WEEKS_LOGGED:])  # weeks not started
    for index, week in enumerate(built.plan.weeks[:WEEKS_LOGGED]):
        plan_au = sum(s.prescription.duration_min * s.prescription.rpe for s in week.sessions)
        runs = sum(
            s.prescription.duration_min
            for s in week.sessions
            if isinstance(s.prescription, RunPrescription)
        )
        race = 25 * 9 if index == 1 else 0
        assert planned[index] == pytest.approx(plan_au)
        assert done[index] == pytest.approx(plan_au + runs * RUN_RPE_OVER + race)


def test_the_page_shows_progress_between_the_glance_and_the_weeks(tracked: Report) -> None:
    page = report_html(tracked)
    assert page.index('id="glance"') < page.index('id="progress"') < page.index('id="week-1"')
    section = re.search(r'<section class="progress".*?\n</section>', page, flags=re.DOTALL)
    assert section is not None
    for key in (
        "progress-load",
        "progress-sessions",
        "progress-strength",
        "progress-vdot",
        "progress-mass",
    ):
        assert f'id="{key}-svg"' in section.group(0)
    assert "Week by week" in section.group(0)
    assert page.count('<svg class="chart"') == 9  # the plan's four and progress's five


def _mass_chart(report: Report) -> tuple[tuple[float | None, ...], tuple[float | None, ...]]:
    assert report.progress is not None
    figure = next(f for f in report.progress.figures if f.id == "chart-progress-mass")
    readings, trend = figure.chart.lines
    return readings.values, trend.values


def test_a_steady_body_mass_charts_flat_in_the_weeks_started(
    built: Example, tracked: Report
) -> None:
    readings, trend = _mass_chart(tracked)
    assert readings[:WEEKS_LOGGED] == trend[:WEEKS_LOGGED] == (64.0,) * WEEKS_LOGGED
    assert all(value is None for value in (*readings[WEEKS_LOGGED:], *trend[WEEKS_LOGGED:]))


def test_the_body_mass_trend_lags_a_falling_mass(built: Example) -> None:
    """A smoothed average trails the readings: above the week's mean while the mass falls."""
    readings, trend = _mass_chart(_report(built, _monitoring(built, loss_kg_per_day=0.1)))
    means = [value for value in readings if value is not None]
    trends = [value for value in trend if value is not None]
    assert len(means) == len(trends) == WEEKS_LOGGED
    assert means == sorted(means, reverse=True)
    assert trends == sorted(trends, reverse=True)
    assert all(t > m for t, m in zip(trends, means, strict=True))


def test_without_a_log_there_is_no_progress_section(built: Example) -> None:
    plain = _report(built, None)
    assert plain.progress is None
    assert plain == build_report(
        built.plan,
        profile=built.profile,
        data=built.data,
        nutrition=built.nutrition,
        timezone=TIMEZONE,
    )
    page = report_html(plain)
    assert 'class="progress"' not in page
    assert "progress-grid" not in page  # nor its style


def test_without_a_race_the_vdot_chart_gives_way_to_a_note(built: Example) -> None:
    progress = _report(built, _monitoring(built, race=False)).progress
    assert progress is not None
    assert "chart-progress-vdot" not in [figure.id for figure in progress.figures]
    assert any("No race or time trial logged yet" in note for note in progress.notes)


def test_the_pdf_has_the_progress_section(tracked: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(report_pdf(dataclasses.replace(tracked, weeks=tracked.weeks[:1])))
    text = subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    for words in (
        "Progress to",
        "WEEK BY WEEK",
        "Training load by week: planned and done",
        "Sessions by week: done, partly done, missed",
        "Estimated 1RM of the main lifts",
        "VDOT from races and time trials",
    ):
        assert words in text
    assert text.index("Progress to") < text.index("Week 1 ")
