"""The report as a newcomer reads it: calendar first, labels that match the cards, a chart
axis the race does not stretch, servings as a small table, and names in any script."""

from __future__ import annotations

import dataclasses
import html as html_lib
import re
import subprocess
from pathlib import Path

import pytest
from report_builders import TIMEZONE, Example, example

from runlift.domain.plan import PlannedSession
from runlift.report import fonts
from runlift.report.build import build_report
from runlift.report.charts import svg
from runlift.report.figures import load_chart, session_load_au
from runlift.report.html import report_html
from runlift.report.model import Report
from runlift.report.pdf import report_pdf

NAME = "山田 太郎 (Ярослава Dvořák)"
"""An athlete's name in Chinese characters, Cyrillic and Latin Extended."""
CJK = "山田太郎"


@pytest.fixture(scope="module")
def built() -> Example:
    return example()


@pytest.fixture(scope="module")
def model(built: Example) -> Report:
    """The example's report with the athlete renamed: the name is taken from the plan."""
    return build_report(
        dataclasses.replace(built.plan, athlete=NAME),
        profile=built.profile,
        data=built.data,
        nutrition=built.nutrition,
        timezone=TIMEZONE,
    )


@pytest.fixture(scope="module")
def page(model: Report) -> str:
    return report_html(model)


@pytest.fixture(scope="module")
def pdf_file(model: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(report_pdf(model))
    return path


@pytest.fixture(scope="module")
def pdf_pages(pdf_file: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", str(pdf_file), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def _sessions(built: Example) -> list[PlannedSession]:
    return [s for week in built.plan.weeks for s in week.sessions]


def _label(session: PlannedSession) -> str:
    """What the card says, as the calendar should: a run's title, a lift's before its lifts."""
    title = session.scheduled.spec.title
    return title.split(": ", 1)[0] if session.scheduled.spec.is_lift else title


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


# Order: the calendar before the charts and the rules' legend.


def test_the_page_puts_the_calendar_before_charts_and_rules(built: Example, page: str) -> None:
    marks = [
        '<header class="cover"',
        '<section class="glance"',
        *(f'<section class="week" id="week-{w.index + 1}"' for w in built.plan.weeks),
        '<section class="charts"',
        '<section class="rules"',
    ]
    positions = [page.index(mark) for mark in marks]
    assert positions == sorted(positions)
    # The key on the cover says where the rule IDs are explained.
    cover = page[: page.index('<section class="glance"')]
    assert "rule ID, explained at the end" in cover


def test_the_printout_puts_the_calendar_before_charts_and_rules(
    built: Example, pdf_pages: list[str]
) -> None:
    def first_page(text: str) -> int:
        return next(n for n, page in enumerate(pdf_pages) if text in page)

    glance = first_page("The plan at a glance")
    weeks = [first_page(f"Week {w.index + 1} ") for w in built.plan.weeks]
    charts = first_page("The plan in numbers")
    rules = first_page("Rules cited in this plan")
    assert glance == 0  # on the cover page, under the baseline
    assert glance < weeks[0]
    assert weeks == sorted(weeks)
    assert weeks[-1] < charts < rules
    # The running header names a week only on the week's pages.
    assert not pdf_pages[charts].startswith("Week ")
    assert not pdf_pages[rules].startswith("Week ")


# Labels: the calendar says what the card says.


def test_glance_labels_say_what_the_cards_say(built: Example, page: str) -> None:
    glance = page[page.index('<section class="glance"') : page.index('<section class="week"')]
    labels = {
        anchor: html_lib.unescape(text)
        for anchor, text in re.findall(r'<a class="mini [^"]*" href="#([^"]+)">([^<]*)</a>', glance)
    }
    assert len(labels) == len(_sessions(built))
    for session in _sessions(built):
        anchor = "s-" + re.sub(r"[^A-Za-z0-9_-]", "-", session.scheduled.spec.id)
        assert labels[anchor] == _label(session)
        card = page[page.index(f'id="{anchor}"') :]
        title = html_lib.unescape(re.search(r"<h4>([^<]*)</h4>", card).group(1))  # type: ignore[union-attr]
        assert title.startswith(labels[anchor])
    # Runs read as their cards do, e.g. "Threshold 2 x 800 m", not a kind and a number.
    assert any(re.fullmatch(r"Threshold \d x \d+ m", label) for label in labels.values())
    assert not any(re.fullmatch(r"[A-Z][a-z]+ \d+(\.\d)?", label) for label in labels.values())


def test_the_printed_glance_carries_the_same_labels(
    built: Example, pdf_file: Path, pdf_pages: list[str]
) -> None:
    first_week = next(n for n, page in enumerate(pdf_pages) if page.startswith("Week 1 "))
    # In the order they are drawn, so that a label wrapped in its cell stays in one piece.
    raw = subprocess.run(
        ["pdftotext", "-raw", "-l", str(first_week), str(pdf_file), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    glance = _flat(raw)
    for session in _sessions(built):
        assert _flat(_label(session)) in glance


# The load chart: race day neither hidden under its line nor stretching the axis.


def test_race_day_does_not_stretch_the_load_axis(built: Example) -> None:
    days = sorted({d.date for w in built.plan.weeks for d in w.days})
    race_day = built.profile.goal.race.date  # type: ignore[union-attr]
    figure = load_chart(built.plan, days, race_day)
    loads = {
        day.date: sum(session_load_au(s) for s in day.sessions)
        for week in built.plan.weeks
        for day in week.days
    }
    race = loads.pop(race_day)
    training = max(loads.values())
    assert race > training  # the example's race is its biggest day
    assert figure.chart.cap_marker_bar
    assert figure.chart.marker is not None
    assert figure.chart.marker[1] == f"race day: {round(race):,} AU"
    drawn = svg(figure.chart)
    axes = drawn[drawn.index('id="load-axes"') : drawn.index('id="load-lines"')]
    ticks = [float(t) for t in re.findall(r">(-?\d+)</text>", axes)]
    assert training <= max(ticks) < race
    assert "race day's bar is cut at the top" in figure.caption


# Servings: a small table per day.


def test_servings_are_a_small_table_per_day(built: Example, page: str) -> None:
    week = page[page.index('id="week-1"') : page.index('id="week-2"')]
    tables = re.findall(r'<td class="serv"><table class="servings">(.*?)</table></td>', week)
    days = [d for d in built.nutrition if d.date in {x.date for x in built.plan.weeks[0].days}]
    assert len(tables) == len(days) == 7
    for table, day in zip(tables, days, strict=True):
        rows = re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[-1])
        assert len(rows) == len(day.servings)
        for row, serving in zip(rows, day.servings, strict=True):
            cells = [
                " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", c)).split())
                for c in re.findall(r"<td[^>]*>(.*?)</td>", row)
            ]
            carbohydrate = f"{round(serving.carbohydrate_g)} g" if serving.carbohydrate_g else "—"
            assert cells[:3] == [
                f"{serving.at:%H:%M}",
                f"{round(serving.protein_g)} g",
                carbohydrate,
            ]
            # What it is for, in words: the rule is cited once in the table's heading.
            assert cells[3] == re.sub(r"\s*\(NUT-\d\)$", "", serving.note).replace("<=", "≤")
            assert "NUT-" not in cells[3]
    heading = re.search(r'<h3 class="fuel-title">(.*?)</h3>', week).group(1)  # type: ignore[union-attr]
    assert 'href="#rule-NUT-3"' in heading


def test_printed_servings_read_row_by_row(built: Example, pdf_file: Path) -> None:
    raw = subprocess.run(
        ["pdftotext", "-raw", str(pdf_file), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(raw.split())
    assert "TIME PROTEIN CARBS FOR" in flat
    for serving in built.nutrition[0].servings:
        carbohydrate = f"{round(serving.carbohydrate_g)} g" if serving.carbohydrate_g else "—"
        row = f"{serving.at:%H:%M} {round(serving.protein_g)} g {carbohydrate}"
        assert row in flat


# Names in other scripts.


def test_the_page_carries_the_name_and_a_font_stack_for_it(page: str) -> None:
    assert f"<h1>{NAME}</h1>" in page
    assert "<title>" + NAME in page
    stack = re.search(r"body \{[^}]*?font-family: ([^;]+);", page).group(1)  # type: ignore[union-attr]
    assert "WenQuanYi Micro Hei" in stack
    assert stack.rstrip().endswith("sans-serif")


def test_the_printout_sets_the_name_in_fonts_that_have_it(
    pdf_file: Path, pdf_pages: list[str]
) -> None:
    assert NAME in pdf_pages[0]
    assert NAME in pdf_pages[-1]  # the footer of every page
    embedded = subprocess.run(
        ["pdffonts", str(pdf_file)], check=True, capture_output=True, text=True
    ).stdout
    # Every run of the name is set in a font whose own table has its characters.
    for font, chunk in fonts.runs(NAME):
        name = fonts.FONT if font is None else font
        assert all(ord(c) in fonts._cmap(name) for c in chunk), (name, chunk)
        if font is not None:
            assert f"+{font}" in embedded.replace("-0", "")
    cjk_fonts = {font for font, chunk in fonts.runs(NAME) if set(chunk) & set(CJK)}
    assert cjk_fonts
    assert None not in cjk_fonts


def test_a_character_no_font_has_is_named_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    fonts.fallbacks.cache_clear()
    fonts._warn.cache_clear()
    monkeypatch.setattr(fonts, "FALLBACKS", ())
    try:
        with pytest.warns(fonts.MissingGlyphWarning, match="fonts-wqy-microhei") as caught:
            assert fonts.markup("山") == "山"
        assert "'山' (U+5C71)" in str(caught[0].message)
    finally:
        fonts.fallbacks.cache_clear()
        fonts._warn.cache_clear()
