"""The printable report: content, charts, self-containment, determinism, and the PDF."""

from __future__ import annotations

import dataclasses
import html as html_lib
import re
import subprocess
import sys
import zlib
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from report_builders import TIMEZONE, Example, example

from runlift.domain.plan import PlannedSession
from runlift.domain.prescription import (
    LiftPrescription,
    RunPrescription,
    RunRepeat,
    RunStep,
)
from runlift.domain.warnings import PlanWarning, WarningKind
from runlift.errors import InvalidInput
from runlift.programme.baseline import baseline
from runlift.report.build import build_report
from runlift.report.figures import run_km_by_layer
from runlift.report.html import render_report_html, report_html
from runlift.report.model import ReportData
from runlift.report.pdf import render_report_pdf, report_pdf
from runlift.rules import GUIDANCE, RULES, RuleId
from runlift.science.running import race_time_s
from runlift.units import format_duration, format_pace
from runlift.vocabulary import PaceZone, RunKind, StepKind

RULE_ID = re.compile(r"\b[A-Z]{2,3}-\d+\b")


@pytest.fixture(scope="module")
def built() -> Example:
    return example()


@pytest.fixture(scope="module")
def report(built: Example) -> str:
    return built.html()


@pytest.fixture(scope="module")
def pdf_file(built: Example, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF on disk."""
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(built.pdf())  # printed once for the module
    return path


def test_pdf_reads_without_complaint(pdf_file: Path, tmp_path: Path) -> None:
    # poppler reports broken objects, offsets or streams on stderr.
    for command in (
        ["pdfinfo", str(pdf_file)],
        ["pdftotext", str(pdf_file), str(tmp_path / "out.txt")],
        ["pdftoppm", "-png", "-r", "20", "-f", "4", "-l", "6", str(pdf_file), str(tmp_path / "p")],
    ):
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        assert done.stderr == "", command


def sessions(built: Example) -> list[PlannedSession]:
    return [s for week in built.plan.weeks for s in week.sessions]


def text_of(markup: str) -> str:
    """Visible text: links unwrapped, other tags spaced out, entities decoded, spaces collapsed."""
    unwrapped = re.sub(r"</?a\b[^>]*>", "", markup)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", unwrapped)).split())


def anchor_of(session: PlannedSession) -> str:
    return "s-" + re.sub(r"[^A-Za-z0-9_-]", "-", session.scheduled.spec.id)


def card_of(report: str, session: PlannedSession) -> str:
    start = report.index(f'id="{anchor_of(session)}"')
    return report[start : report.index("</article>", start)]


def pace_text(pace_s_per_km: float) -> str:
    minutes, seconds = divmod(round(pace_s_per_km), 60)
    return f"{minutes}:{seconds:02d}"


def test_header_names_athlete_goal_dates_and_baseline(built: Example, report: str) -> None:
    base = baseline(built.profile)
    assert base.vdot is not None
    assert base.paces is not None
    race = built.profile.goal.race
    assert race is not None
    assert race.target_time_s is not None
    header = text_of(report[: report.index('<section class="glance"')])
    assert "Alex Example" in header
    assert "Half marathon · Sun 11 Apr 2027" in header
    assert f"target {format_duration(race.target_time_s)}" in header
    predicted = race_time_s(vdot=base.vdot, distance_m=race.distance_m)
    assert f"predicted today {format_duration(predicted)}" in header
    assert f"VDOT {base.vdot:.1f}" in header
    assert "Mon 7 Dec 2026 – Sun 11 Apr 2027" in header
    for pace in (base.paces.threshold_s_per_km, base.paces.interval_s_per_km):
        assert format_pace(pace) in header
    for kg in base.one_rep_max_kg.values():
        assert f"{round(kg, 1):g} kg" in header
    assert f"{len(built.plan.weeks)} weeks" in header


def test_every_week_and_session_appears_with_its_local_time(built: Example, report: str) -> None:
    zone = ZoneInfo(TIMEZONE)
    for week in built.plan.weeks:
        assert f'id="week-{week.index + 1}"' in report
    for session in sessions(built):
        card = card_of(report, session)
        start = session.scheduled.start.astimezone(zone)
        assert html_lib.escape(session.scheduled.spec.title, quote=False) in card
        assert f"{start:%H:%M}–" in card
        # The calendar grid links to the card.
        assert report.count(f'href="#{anchor_of(session)}"') == 2


def test_cards_carry_paces_and_loads(built: Example, report: str) -> None:
    paced = loaded = 0
    for session in sessions(built):
        card = text_of(card_of(report, session))
        prescription = session.prescription
        if isinstance(prescription, RunPrescription):
            for item in prescription.steps:
                for step in item.steps if isinstance(item, RunRepeat) else (item,):
                    if step.pace_fast_s_per_km is not None:
                        assert f"{pace_text(step.pace_fast_s_per_km)}" in card
                        paced += 1
            assert f"{round(prescription.distance_km, 2):g} km" in card
        else:
            for exercise in prescription.exercises:
                assert exercise.name in card
                assert f"{exercise.sets} × {exercise.reps}" in card
                if exercise.load_kg is not None:
                    assert f"{exercise.load_kg:g} kg" in card
                    loaded += 1
                if exercise.percent_1rm is not None:
                    assert f"{exercise.percent_1rm:g} % 1RM" in card
    assert paced > 50
    assert loaded > 20


def test_explanations_name_their_rules_and_link_to_the_legend(built: Example, report: str) -> None:
    legend = report[report.index('<section class="rules"') : report.index("</main>")]
    for session in sessions(built):
        card = card_of(report, session)
        text = text_of(card)
        for line in session.explanation:
            assert " ".join(line.split()) in text
            for rule_id in RULE_ID.findall(line):
                if rule_id in RULES:
                    assert f'href="#rule-{rule_id}"' in card
                    assert f'id="rule-{rule_id}"' in legend
    cited = {r for s in sessions(built) for r in s.rules if r in RULES}
    assert cited
    for rule_id in cited:
        assert f'id="rule-{rule_id}"' in legend


def test_rule_legend_shows_values_not_parameter_names(report: str) -> None:
    legend = text_of(report[report.index('<section class="rules"') : report.index("</main>")])
    assert "min_gap_h" not in legend
    assert "load_pct_1rm_min" not in legend
    # SCH-1 at the default evidence profile: 6 h between a lift and a run.
    assert "at least 6 h" in legend
    assert "3 to 8 reps, 2 to 5 minutes between sets" in legend


def test_warnings_stand_under_the_header_and_the_legend_says_the_guidance(
    built: Example,
) -> None:
    """Overrides and cautions get their own list under the header, each with its rule and
    its reason; the legend ends with the guidance documents G1-G5 the rules cite."""
    override = PlanWarning(
        kind=WarningKind.OVERRIDE,
        rule_id="RUN-2",
        field="running.weekly_km",
        asked="30 km a week",
        planned="24 km in the lifting blocks",
        reason="muscle comes first, so the lifting blocks cut running by 20 %",
        weeks=(2, 3, 4, 7),
    )
    caution = PlanWarning(
        kind=WarningKind.CAUTION,
        rule_id="",
        field="goal.race.target_time",
        asked="the target 1:30:00 needs VDOT 49.0; your recent race gives 39.5",
        planned="about 1:48:00 is within reach in 18 weeks",
        reason="Daniels 2014: VDOT rises by about one point every 4 to 6 weeks at best",
    )
    model = build_report(
        built.plan,
        profile=built.profile,
        data=built.data,
        nutrition=built.nutrition,
        timezone=TIMEZONE,
        warnings=(caution, override),
    )
    assert [n.label for n in model.notices] == ["Changed", "Caution"]
    assert "caution" not in " ".join(model.goal_detail).lower()
    page = report_html(model)
    header = page[page.index('<header class="cover"') : page.index("</header>")]
    notices = text_of(header[header.index('<section class="notices"') :])
    assert "running.weekly_km: you asked 30 km a week; the plan has 24 km in the lifting" in notices
    assert "(weeks 2-4, 7)" in notices
    assert "RUN-2: muscle comes first" in notices
    assert 'href="#rule-RUN-2"' in header
    assert "the target 1:30:00 needs VDOT 49.0" in notices
    legend = page[page.index('<section class="rules"') : page.index("</main>")]
    # A rule only a warning names is in the legend too, so that its link lands.
    assert not any("RUN-2" in s.rules for s in sessions(built))
    assert 'id="rule-RUN-2"' in legend
    cited = {g for rule in model.rules for g in RULES[RuleId(rule.id)].sources if g in GUIDANCE}
    assert cited
    for source_id in cited:
        assert f'id="source-{source_id}"' in legend
        assert GUIDANCE[source_id].summary in html_lib.unescape(legend)
    assert report_pdf(model) != report_pdf(dataclasses.replace(model, notices=()))


def test_four_charts_as_inline_svg(report: str) -> None:
    charts = re.findall(r'<svg class="chart".*?</svg>', report, flags=re.DOTALL)
    assert len(charts) == 4
    for chart in charts:
        assert "viewBox=" in chart
        assert "<path" in chart
    legends = [text_of(chart) for chart in charts]
    assert "easy" in legends[0]
    assert "threshold" in legends[0]
    assert "legs" in legends[1]
    assert "CTL (fitness)" in legends[2]
    assert "TSB (form)" in legends[2]
    assert "carbohydrate" in legends[3]


def test_without_nutrition_three_charts_and_a_note(built: Example) -> None:
    report = built.html(with_nutrition=False)
    assert report.count('<svg class="chart"') == 3
    assert "No nutrition targets were given" in report
    assert "Nutrition targets" not in report


def test_nutrition_targets_per_day(built: Example, report: str) -> None:
    first = built.nutrition[0]
    week = report[report.index('id="week-1"') : report.index('id="week-2"')]
    assert f"{round(first.target_kcal):,} kcal" in week
    assert f"{round(first.protein_g)} g" in week


def test_race_week_fuel_shows_loading_and_race_fuel(built: Example) -> None:
    model = built.report()
    fuel = [day for week in model.weeks for day in week.fuel]
    assert [day.band for day in fuel].count("carb loading") == 2
    race_days = [day for day in fuel if day.band == "race day"]
    assert len(race_days) == 1
    race = next(d for d in built.nutrition if d.race is not None).race
    assert race is not None
    assert race.in_race is not None
    during = race_days[0].servings[-1]
    assert during.time == f"{race.start:%H:%M}-{race.end:%H:%M}"
    assert during.carbohydrate == f"{round(race.in_race.carbohydrate_g)} g"
    assert during.purpose == (
        f"during the race: {round(race.in_race.carbohydrate_g_per_h)} g an hour"
    )


def test_self_contained_no_external_resources(report: str) -> None:
    without_namespaces = re.sub(r'\sxmlns(:\w+)?="[^"]*"', "", report)
    assert re.findall(r"https?://", without_namespaces) == []
    assert "http://www.w3.org/2000/svg" in report
    for forbidden in ("<script", "<link", "@import", "@font-face", "<img", "src="):
        assert forbidden not in report
    # Every reference points inside the document: links, SVG clip paths.
    assert re.findall(r"url\((?!#)", report) == []
    assert re.findall(r'href="(?!#)', report) == []


def test_element_ids_are_unique_and_every_internal_link_lands(report: str) -> None:
    ids = re.findall(r'\sid="([^"]+)"', report)
    assert len(ids) == len(set(ids))
    targets = set(re.findall(r'href="#([^"]+)"', report)) | set(
        re.findall(r"url\(#([^)]+)\)", report)
    )
    assert targets
    assert targets <= set(ids)


def test_same_plan_same_bytes(built: Example, report: str) -> None:
    assert built.html() == report


def test_unknown_timezone_and_mismatched_data_are_refused(built: Example) -> None:
    with pytest.raises(InvalidInput, match="timezone"):
        render_report_html(
            built.plan, profile=built.profile, data=built.data, nutrition=None, timezone="Mars/Base"
        )
    with pytest.raises(InvalidInput, match="weekly_sets"):
        render_report_html(
            built.plan,
            profile=built.profile,
            data=ReportData(weekly_sets=built.data.weekly_sets[:-1]),
            nutrition=None,
            timezone=TIMEZONE,
        )


def test_run_km_split_counts_repeats_and_timed_steps() -> None:
    easy = RunStep(kind=StepKind.WARMUP, distance_m=2000, zone=PaceZone.EASY)
    work = RunStep(kind=StepKind.WORK, distance_m=1000, zone=PaceZone.INTERVAL)
    jog = RunStep(kind=StepKind.RECOVERY, duration_s=120, description="2 min jog")
    tempo = RunStep(
        kind=StepKind.WORK,
        duration_s=1200,
        zone=PaceZone.THRESHOLD,
        pace_fast_s_per_km=290,
        pace_slow_s_per_km=310,
    )
    run = RunPrescription(
        kind=RunKind.INTERVALS,
        steps=(easy, RunRepeat(count=5, steps=(work, jog)), tempo, easy),
        distance_km=15.0,
        duration_min=80,
        rpe=7,
    )
    layers = run_km_by_layer(run)
    assert layers["interval / repetition"] == pytest.approx(5.0)
    assert layers["threshold"] == pytest.approx(4.0)
    assert layers["marathon / race pace"] == 0
    assert layers["easy"] == pytest.approx(6.0)
    assert sum(layers.values()) == pytest.approx(run.distance_km)


def test_weekly_sets_reach_the_chart(built: Example, report: str) -> None:
    lifts = [
        s.prescription
        for s in built.plan.weeks[0].sessions
        if isinstance(s.prescription, LiftPrescription)
    ]
    assert sum(built.data.weekly_sets[0].values()) >= sum(lift.hard_sets for lift in lifts) > 0
    assert "Weekly hard sets per muscle group" in report


def _pdf_text(pdf: Path, *, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    done = subprocess.run(
        ["pdftotext", *pages, str(pdf), "-"], check=True, capture_output=True, text=True
    )
    return " ".join(done.stdout.split())


def test_pdf_pages_and_text(built: Example, pdf_file: Path, tmp_path: Path) -> None:
    assert pdf_file.read_bytes().startswith(b"%PDF-")
    info = subprocess.run(["pdfinfo", str(pdf_file)], check=True, capture_output=True, text=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, flags=re.MULTILINE).group(1))  # type: ignore[union-attr]
    # Cover and plan at a glance, every week from a page of its own, charts, rules.
    assert len(built.plan.weeks) + 3 <= pages <= 6 * len(built.plan.weeks)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "3", str(pdf_file), str(tmp_path / "p")],
        check=True,
    )
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == 3
    for image in images:
        data = image.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(data) > 5_000
    cover = _pdf_text(pdf_file, first=1, last=1)
    assert "Alex Example" in cover
    assert "Half marathon · Sun 11 Apr 2027" in cover
    assert "RUNNING PACES" in cover
    everything = _pdf_text(pdf_file)
    for week in built.plan.weeks:
        assert f"Week {week.index + 1} " in everything
    for session in sessions(built):
        assert session.scheduled.spec.title in everything
    assert f"page 1 of {pages}" in cover


def test_every_week_starts_a_page_headed_with_its_dates(built: Example, pdf_file: Path) -> None:
    text = subprocess.run(
        ["pdftotext", str(pdf_file), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = [" ".join(page.split()) for page in text.split("\f")]
    for week in built.plan.weeks:
        number = week.index + 1
        # The running header repeats the week's heading at the top of its first page.
        heading = re.compile(rf"Week {number} (\d[^W]*?\d{{4}}) Week {number} \1 ")
        assert any(heading.match(page) for page in pages), number


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pdf_carries_everything_the_page_shows(built: Example, pdf_file: Path) -> None:
    # The PDF is laid out from the same model as the HTML: every text of the model is in it.
    # Only the page area inside the margins (13 mm top, 15 mm bottom), so that a text broken
    # across pages is not interrupted by the running header and footer; list bullets dropped.
    crop = ["-x", "0", "-y", "37", "-W", "596", "-H", "762"]
    raw = subprocess.run(
        ["pdftotext", "-raw", *crop, str(pdf_file), "-"], check=True, capture_output=True, text=True
    ).stdout
    printed = _flat(raw).replace("\u2022", "")
    model = built.report()
    texts = [model.athlete, model.goal, *model.goal_detail, model.plan_dates, model.running_note]
    texts.append(model.strength_note)
    for row in (*model.stats, *model.running, *model.strength, *model.body):
        texts += [row.label.upper() if row in model.stats else row.label, row.value, row.note]
    for rule in model.rules:
        texts += [rule.id, rule.title, rule.category]
    for figure in model.figures:
        texts += [figure.title, figure.caption]
    for week in model.weeks:
        texts += [week.dates, week.block, *week.summary, *week.notes, week.short_date, week.km]
        texts += [chip.title for day in week.days for chip in day.chips]
        texts += [chip.meta for day in week.days for chip in day.chips]
        for fuel in week.fuel:
            texts += [fuel.day, fuel.band, fuel.energy, fuel.expenditure]
            for serving in fuel.servings:
                texts += [serving.time, serving.protein, serving.carbohydrate, serving.purpose]
        for card in week.cards:
            texts += [card.day.upper(), card.time, card.title, *card.tags, card.summary]
            texts += [*card.notes, *card.reasons]
            texts += [text for step in card.steps for text in (step.text, *step.children)]
            for line in card.exercises:
                texts += [line.name, line.dose, line.intensity, line.load, line.rest, line.notes]
    missing = [text for text in texts if text and _flat(text) not in printed]
    assert len(texts) > 4000
    assert missing == []


def _pdf_objects(data: bytes) -> bytes:
    """The PDF's objects as text, compressed streams inflated."""
    parts = [data]
    for start in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[start.end() :]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def _pdf_string(literal: bytes) -> str:
    """A PDF literal string's text: backslash escapes (octal codes included) undone."""
    text = re.sub(rb"\\([0-7]{1,3})", lambda m: bytes([int(m.group(1), 8)]), literal)
    return re.sub(rb"\\(.)", rb"\1", text).decode("latin-1")


def test_pdf_links_outline_and_determinism(built: Example, pdf_file: Path) -> None:
    data = pdf_file.read_bytes()
    objects = _pdf_objects(data)
    # Calendar and glance entries link to their cards, rule IDs to the legend: every link
    # annotation jumps to a place in the document.
    links = re.findall(rb"<<[^<>]*/Subtype /Link[^<>]*>>", objects)
    assert len(links) >= 2 * len(sessions(built))
    assert all(b"/Dest [" in link for link in links)
    # Headings, weeks and sessions become bookmarks.
    assert b"/Outlines" in objects
    titles = [_pdf_string(t) for t in re.findall(rb"/Title \(((?:\\.|[^\\)])*)\)", objects)]
    assert len(titles) >= len(built.plan.weeks) + len(sessions(built))
    for week in built.plan.weeks:
        assert any(t.startswith(f"Week {week.index + 1} · ") for t in titles)
    for session in sessions(built):
        assert any(t.endswith(f" · {session.scheduled.spec.title}") for t in titles)
    # No real creation or modification date (ReportLab's invariant mode writes a fixed
    # one) and a fixed identifier: the same plan gives the same bytes.
    dates = set(re.findall(rb"/(?:CreationDate|ModDate) \(D:(\d{8})", objects))
    assert dates <= {b"20000101"}
    assert re.search(rb"/ID\s*\[<[0-9a-f]{32}>", data)
    again = render_report_pdf(
        built.plan,
        profile=built.profile,
        data=built.data,
        nutrition=built.nutrition,
        timezone=TIMEZONE,
    )
    assert again == data


def test_pdf_without_nutrition_says_so(built: Example, tmp_path: Path) -> None:
    # Two weeks are enough to show the charts section.
    model = build_report(
        built.plan, profile=built.profile, data=built.data, nutrition=None, timezone=TIMEZONE
    )
    path = tmp_path / "report.pdf"
    path.write_bytes(report_pdf(dataclasses.replace(model, weeks=model.weeks[:2])))
    text = _pdf_text(path)
    assert "No nutrition targets were given" in text
    assert "Week 2 " in text
    assert "NUTRITION TARGETS" not in text
    assert "Daily energy and macronutrient targets" not in text


def test_importing_the_report_loads_no_renderer() -> None:
    # Jinja2 and ReportLab are loaded on the first render, not by building the model.
    code = (
        "import sys, runlift.report.build, runlift.services.report_data\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'jinja2', 'reportlab', 'markupsafe', 'PIL'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert done.stdout.strip() == "[]"
