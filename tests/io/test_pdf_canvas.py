"""The small PDF writer: metrics, encoding, links, outline, and files poppler reads."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from runlift.io.pdf_canvas import BOLD, REGULAR, Document, text_width


def test_widths_are_helvetica_metrics() -> None:
    # Adobe's Helvetica AFM: H 722, e 556, l 222, o 556; Helvetica-Bold: H 722, e 556, l 278, o 611.
    assert text_width("Hello", REGULAR, 10) == pytest.approx(22.78)
    assert text_width("Hello", BOLD, 10) == pytest.approx(24.45)
    # Code page 1252 characters beyond ASCII, and ones taken from the Symbol font.
    assert text_width("–·×", REGULAR, 1) == pytest.approx((556 + 278 + 584) / 1000)
    assert text_width("≈", REGULAR, 1) == pytest.approx(0.549)


def _write(tmp_path: Path, document: Document) -> Path:
    path = tmp_path / "out.pdf"
    path.write_bytes(document.to_bytes())
    return path


def _text(path: Path, *options: str) -> str:
    done = subprocess.run(
        ["pdftotext", *options, str(path), "-"], check=True, capture_output=True, text=True
    )
    assert done.stderr == ""
    return done.stdout


def test_text_round_trips_through_poppler(tmp_path: Path) -> None:
    document = Document(title="Tëst (1)")
    page = document.add_page()
    page.text(
        40,
        60,
        "Back squat (2 × 5) – 60 kg · ≈ 45 min, TSB −3",
        face=REGULAR,
        size=10,
        colour="#1f2937",
    )
    page.text(40, 80, "Ünïcode 中 ok", face=BOLD, size=10, colour="#000000")
    text = _text(_write(tmp_path, document))
    assert "Back squat (2 × 5) – 60 kg · ≈ 45 min, TSB −3" in text
    # Characters no standard font has are replaced, never dropped silently.
    assert "Ünïcode ? ok" in text


def test_pages_links_and_outline(tmp_path: Path) -> None:
    document = Document(title="Links")
    first = document.add_page()
    first.text(40, 60, "go to card", face=REGULAR, size=10, colour="#000000")
    first.link(40, 50, 60, 12, "card")
    first.link(40, 70, 60, 12, "nowhere")
    second = document.add_page()
    second.rect(40, 100, 200, 80, fill="#eef2ff", stroke="#c7d2fe", radius=4)
    second.rects([(40, 200, 10, 20), (60, 190, 10, 30)], fill="#93c5fd")
    second.polyline(
        [(40, 300), (80, 280), None, (120, 260), (160, 250)],
        stroke="#1d4ed8",
        line_width=1.2,
        dash=(3, 2),
    )
    second.text(30, 400, "vertical", face=REGULAR, size=8, colour="#000000", vertical=True)
    document.anchor("card", page=1, y=100)
    document.bookmark("The card", target="card")
    data = document.to_bytes()
    path = _write(tmp_path, document)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    assert info.stderr == ""
    assert re.search(r"^Pages:\s+2$", info.stdout, flags=re.MULTILINE)
    assert re.search(r"^Title:\s+Links$", info.stdout, flags=re.MULTILINE)
    # One link lands; the one to an unknown anchor is left out rather than broken.
    assert data.count(b"/Subtype /Link") == 1
    assert b"/Title (The card)" in data
    assert document.to_bytes() == data


def test_xref_offsets_point_at_their_objects() -> None:
    document = Document(title="x")
    document.add_page().text(10, 20, "a", face=REGULAR, size=9, colour="#000000")
    data = document.to_bytes()
    start = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert data[start:].startswith(b"xref\n")
    entries = re.findall(rb"(\d{10}) 00000 n ", data[start:])
    for number, offset in enumerate(entries, start=1):
        assert data[int(offset) :].startswith(b"%d 0 obj" % number)
