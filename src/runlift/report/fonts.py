"""The printout's fonts: Bitstream Vera, and fonts with wide coverage for other scripts.

ReportLab draws a character only with a font that has it, and Vera, the family
that ships with ReportLab, covers Latin-1 and little more: a name such as
``山田 太郎``, ``Ярослава`` or ``Dvořák`` would print as empty boxes. Text for the
PDF therefore goes through :func:`markup` (paragraphs) or :func:`draw` (the
canvas): runs of characters that Vera lacks are set in the first fallback font
that has them.

Fallbacks are TrueType fonts (ReportLab cannot embed PostScript-outline fonts
such as Noto Sans CJK) found on this machine, in :data:`FALLBACKS` order, by
path relative to ReportLab's font search path (``/usr/share/fonts``,
``C:/Windows/Fonts``, ``/Library/Fonts``, ``/System/Library/Fonts`` ...):
DejaVu Sans for Latin Extended, Greek, Cyrillic and Hebrew (it is Vera
extended, so those letters match the rest), then WenQuanYi Micro Hei (Chinese,
Japanese kana, Korean Hangul; Apache-2.0; Debian's ``fonts-wqy-microhei``) and
the platforms' own CJK fonts. They are looked for only when a text needs them,
and embedded as subsets like Vera. A character that no font here has prints as
a box, and :class:`MissingGlyphWarning` says which characters and what to
install. Scripts whose letters join or reorder (Arabic, Hebrew, Devanagari,
Thai) need text shaping, which this layout does not do: their letters print,
where a font here has them, unjoined and left to right.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

FONT: Final = "Vera"
BOLD: Final = "Vera-Bold"
ITALIC: Final = "Vera-Italic"
BOLD_ITALIC: Final = "Vera-BoldItalic"
_VERA_FILES: Final = (
    (FONT, "Vera.ttf"),
    (BOLD, "VeraBd.ttf"),
    (ITALIC, "VeraIt.ttf"),
    (BOLD_ITALIC, "VeraBI.ttf"),
)


@dataclass(frozen=True, slots=True)
class Fallback:
    """A font to look for: its name in the PDF, its file, and the face inside a collection.

    ``styles`` are the files of its bold, italic and bold italic faces beside ``file``
    (same folder), when it has them; without them the regular face stands in.
    """

    name: str
    file: str
    subfont: int = 0
    styles: tuple[str, str, str] | None = None


_DEJAVU_STYLES: Final = (
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)

FALLBACKS: Final = (
    Fallback("DejaVuSans", "truetype/dejavu/DejaVuSans.ttf", styles=_DEJAVU_STYLES),
    Fallback("DejaVuSans", "dejavu/DejaVuSans.ttf", styles=_DEJAVU_STYLES),
    Fallback("DejaVuSans", "DejaVuSans.ttf", styles=_DEJAVU_STYLES),
    Fallback("WenQuanYiMicroHei", "truetype/wqy/wqy-microhei.ttc"),
    Fallback("WenQuanYiZenHei", "truetype/wqy/wqy-zenhei.ttc"),
    Fallback("DroidSansFallback", "truetype/droid/DroidSansFallbackFull.ttf"),
    Fallback("ArialUnicode", "Supplemental/Arial Unicode.ttf"),
    Fallback("ArialUnicode", "Arial Unicode.ttf"),
    Fallback("ArialUnicode", "arialuni.ttf"),
    Fallback("MicrosoftYaHei", "msyh.ttc"),
    Fallback("MalgunGothic", "malgun.ttf"),
)
"""Fonts with wide coverage, best first: a file that is missing or unreadable is skipped."""

INSTALL_HINT: Final = (
    "install a font with wide coverage, e.g. `apt-get install fonts-wqy-microhei "
    "fonts-dejavu-core` on Debian or Ubuntu, and make the report again"
)


class MissingGlyphWarning(UserWarning):
    """Some characters of the report have no font on this machine: they print as boxes."""


@functools.cache
def register() -> None:
    """Register the Vera family once per process (ReportLab finds the files it ships)."""
    for name, file in _VERA_FILES:
        pdfmetrics.registerFont(TTFont(name, file))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, BOLD)
    addMapping(FONT, 0, 1, ITALIC)
    addMapping(FONT, 1, 1, BOLD_ITALIC)


@functools.cache
def _cmap(name: str) -> frozenset[int]:
    """The code points a registered font has glyphs for."""
    font: Any = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


@functools.cache
def fallbacks() -> tuple[str, ...]:
    """The fallback fonts found here, registered, in :data:`FALLBACKS` order (one per name).

    Bold and italic text use the fallback's own faces when they are found beside it,
    else its regular face.
    """
    found: list[str] = []
    for candidate in FALLBACKS:
        if candidate.name in found:
            continue
        regular = _load(candidate.name, candidate.file, candidate.subfont)
        if regular is None:
            continue
        faces = [regular, regular, regular]
        if candidate.styles is not None:
            folder = candidate.file.rpartition("/")[0]
            for index, (suffix, file) in enumerate(
                zip(("Bold", "Italic", "BoldItalic"), candidate.styles, strict=True)
            ):
                path = f"{folder}/{file}" if folder else file
                faces[index] = _load(f"{candidate.name}-{suffix}", path, 0) or regular
        addMapping(candidate.name, 0, 0, regular)
        addMapping(candidate.name, 1, 0, faces[0])
        addMapping(candidate.name, 0, 1, faces[1])
        addMapping(candidate.name, 1, 1, faces[2])
        found.append(candidate.name)
    return tuple(found)


def _load(name: str, file: str, subfont: int) -> str | None:
    """Register the font in ``file`` as ``name``; None when it is missing or unreadable."""
    try:
        pdfmetrics.registerFont(TTFont(name, file, subfontIndex=subfont))
    except (TTFError, OSError):
        return None
    return name


def _font_for(character: str) -> str | None:
    """The font to set ``character`` in: None for Vera, else the first fallback that has it.

    A character no font has goes to Vera (a box), and is reported by :func:`_warn`.
    """
    code = ord(character)
    if code in _cmap(FONT):
        return None
    for name in fallbacks():
        if code in _cmap(name):
            return name
    _warn(character)
    return None


@functools.cache
def _warn(character: str) -> None:
    """Warn once per character and process that no font here has it."""
    warnings.warn(
        MissingGlyphWarning(
            f"report.pdf: no font on this machine has {character!r} "
            f"(U+{ord(character):04X}), so it prints as a box; {INSTALL_HINT}"
        ),
        stacklevel=4,
    )


def runs(text: str) -> Iterator[tuple[str | None, str]]:
    """``text`` cut into runs of one font each: ``(None, ...)`` for Vera, else the fallback.

    Spaces stay with the run they are in, so a name in another script stays one run.
    """
    if text.isascii():
        yield None, text
        return
    current: str | None = None
    chunk: list[str] = []
    for character in text:
        keep = character.isspace() and ord(character) in _cmap(current or FONT)
        font = current if keep else _font_for(character)
        if font != current and chunk:
            yield current, "".join(chunk)
            chunk = []
        current = font
        chunk.append(character)
    if chunk:
        yield current, "".join(chunk)


def markup(text: str) -> str:
    """``text`` escaped for ReportLab's paragraph markup, each fallback run in its font."""
    return "".join(
        escape(chunk) if font is None else f'<font name="{font}">{escape(chunk)}</font>'
        for font, chunk in runs(text)
    )


def draw(canvas: Any, x: float, y: float, text: str, *, font: str, size: float) -> None:
    """Draw ``text`` from ``x`` on a canvas in ``font``, each fallback run in its font."""
    for name, chunk in runs(text):
        face = font if name is None else name
        canvas.setFont(face, size)
        canvas.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, face, size)
