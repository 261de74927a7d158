"""The report as a person sees it: opened from disk in headless Chromium (Debian's build)."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, sync_playwright
from report_builders import TIMEZONE, example

from runlift.report.build import build_report
from runlift.report.html import report_html

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(example().html(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, report_file: Path) -> Iterator[tuple[Page, list[str]]]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(report_file.as_uri(), wait_until="load")
    yield page, requested
    page.close()


def test_first_screen_shows_the_athlete_and_goal(
    page: tuple[Page, list[str]], tmp_path: Path
) -> None:
    view, requested = page
    assert view.locator("h1").inner_text() == "Alex Example"
    assert view.locator("h1").is_visible()
    assert "Half marathon" in view.locator(".goal").inner_text()
    assert view.locator(".stats li").count() == 6
    shot = tmp_path / "first-screen.png"
    view.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 20_000
    # Opened from disk, the page fetched nothing but itself.
    assert requested == [view.url]


def test_week_heading_cards_and_charts_are_visible(page: tuple[Page, list[str]]) -> None:
    view, _ = page
    heading = view.locator("#week-1 h2")
    heading.scroll_into_view_if_needed()
    assert heading.is_visible()
    assert heading.inner_text().startswith("Week 1")
    grid_chips = view.locator("#week-1 .grid a.chip")
    assert grid_chips.count() == len(example().plan.weeks[0].sessions)
    card = view.locator("#week-1 article.card").first
    card.scroll_into_view_if_needed()
    assert card.is_visible()
    assert (
        card.locator("h4").inner_text() == example().plan.weeks[0].sessions[0].scheduled.spec.title
    )
    charts = view.locator("svg.chart")
    assert charts.count() == 4
    for index in range(charts.count()):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        box = chart.bounding_box()
        assert box is not None
        assert box["width"] > 600
        assert box["height"] > 200


def test_a_calendar_chip_jumps_to_its_card(page: tuple[Page, list[str]]) -> None:
    view, _ = page
    first = example().plan.weeks[0].sessions[0]
    chip = view.locator("#week-1 .grid a.chip").first
    chip.scroll_into_view_if_needed()
    chip.click()
    assert view.evaluate("location.hash") == f"#s-{first.scheduled.spec.id}"
    card = view.locator(f"#s-{first.scheduled.spec.id}")
    assert card.is_visible()
    top = view.evaluate(
        f"document.getElementById('s-{first.scheduled.spec.id}').getBoundingClientRect().top"
    )
    assert 0 <= top < 100


def test_print_media_puts_each_week_on_a_new_page(page: tuple[Page, list[str]]) -> None:
    view, _ = page
    view.emulate_media(media="print")
    breaks = view.evaluate(
        "[...document.querySelectorAll('section.week')].map(e => getComputedStyle(e).breakBefore)"
    )
    assert breaks == ["page"] * len(example().plan.weeks)
    assert view.evaluate("getComputedStyle(document.body).fontSize") == "12.6667px"


NAME = "山田 太郎 (Ярослава Dvořák)"
CJK = "山田太郎"
LATIN_FONTS = {"Liberation Sans", "Arial", "Helvetica", "DejaVu Sans"}
NO_FONT_HAS_IT = "\U0010fffd"
"""A private-use code point of the last plane: drawn as the box of a missing glyph."""


@pytest.fixture(scope="module")
def cjk_report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = example()
    model = build_report(
        dataclasses.replace(built.plan, athlete=NAME),
        profile=built.profile,
        data=built.data,
        nutrition=built.nutrition,
        timezone=TIMEZONE,
    )
    path = tmp_path_factory.mktemp("cjk") / "report.html"
    path.write_text(report_html(model), encoding="utf-8")
    return path


def _glyph(view: Page, character: str) -> Image.Image:
    """``character`` alone, large, in the heading's font, as Chromium draws it."""
    view.evaluate(
        """character => {
            const probe = document.createElement("h1");
            probe.id = "glyph-probe";
            probe.style.cssText = "font-size:64px;display:inline-block;padding:4px;margin:0;";
            probe.textContent = character;
            document.body.prepend(probe);
        }""",
        character,
    )
    probe = view.locator("#glyph-probe")
    picture = Image.open(io.BytesIO(probe.screenshot())).convert("L")
    view.evaluate("document.getElementById('glyph-probe').remove()")
    return picture


def test_a_cjk_name_is_drawn_with_real_glyphs(browser: Browser, cjk_report_file: Path) -> None:
    view = browser.new_page(viewport={"width": 1280, "height": 900})
    view.goto(cjk_report_file.as_uri(), wait_until="load")
    heading = view.locator("h1")
    assert heading.inner_text() == NAME
    # The fonts Chromium used for the heading: every character is in a font that has it,
    # and the Chinese characters come from a font other than the Latin ones.
    session = view.context.new_cdp_session(view)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
    used = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    assert sum(font["glyphCount"] for font in used) == len(NAME)
    wide = [font for font in used if font["familyName"] not in LATIN_FONTS]
    assert sum(font["glyphCount"] for font in wide) >= len(CJK), used
    # Pixels: a missing glyph is the same box whatever the character; real glyphs differ
    # from each other and from that box, and all have ink.
    box = _glyph(view, NO_FONT_HAS_IT)
    glyphs = [_glyph(view, character) for character in CJK]
    prints = {picture.tobytes() for picture in glyphs}
    assert len(prints) == len(CJK)
    assert box.tobytes() not in prints
    for picture in glyphs:
        ink = sum(1 for value in picture.tobytes() if value < 128)
        assert ink > 100
    view.close()
