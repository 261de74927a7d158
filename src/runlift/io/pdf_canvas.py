"""A small PDF writer: pages of text, rectangles, lines and internal links.

Just what the printed report needs, written straight to PDF 1.4 syntax: the
standard Helvetica fonts (no embedding, see :mod:`runlift.io.pdf_fonts`),
filled and stroked shapes, link annotations to named anchors, an outline of
bookmarks, and compressed content streams. Coordinates are points with the
origin at the top-left corner of the page and y growing downwards; the writer
turns them into PDF's bottom-up space. Nothing depends on the clock: the same
drawing calls give the same bytes.
"""

from __future__ import annotations

import functools
import unicodedata
import zlib
from dataclasses import dataclass, field
from typing import Final

from runlift.io import pdf_fonts

A4_WIDTH_PT: Final = 595.28
A4_HEIGHT_PT: Final = 841.89
_ESCAPES: Final = str.maketrans({"\\": "\\\\", "(": "\\(", ")": "\\)", "\r": "\\r", "\n": " "})
_COMPRESSION_LEVEL: Final = 6
_BEZIER_CIRCLE: Final = 0.5523
"""Control-point distance of a cubic Bezier quarter circle, as a fraction of the radius."""


@dataclass(frozen=True, eq=False)
class Face:
    """One of the standard fonts: its resource name, PDF name and widths by code."""

    resource: str
    base_font: str
    widths: tuple[int, ...]
    encoded: bool = True


def _table(widths: tuple[int, ...]) -> tuple[int, ...]:
    return (0,) * pdf_fonts.FIRST_CODE + widths


REGULAR: Final = Face("F1", "Helvetica", _table(pdf_fonts.HELVETICA))
BOLD: Final = Face("F2", "Helvetica-Bold", _table(pdf_fonts.HELVETICA_BOLD))
ITALIC: Final = Face("F3", "Helvetica-Oblique", _table(pdf_fonts.HELVETICA))
BOLD_ITALIC: Final = Face("F4", "Helvetica-BoldOblique", _table(pdf_fonts.HELVETICA_BOLD))
SYMBOL: Final = Face("F5", "Symbol", (), encoded=False)
_FACES: Final = (REGULAR, BOLD, ITALIC, BOLD_ITALIC, SYMBOL)


def _fallback(character: str) -> str:
    """A code page 1252 stand-in for a character Helvetica lacks: its base letters, or ``?``."""
    decomposed = unicodedata.normalize("NFKD", character)
    simple = "".join(c for c in decomposed if not unicodedata.combining(c))
    try:
        simple.encode("cp1252")
    except UnicodeEncodeError:
        return "?"
    return simple or "?"


@functools.lru_cache(maxsize=4096)
def _pieces(text: str, face: Face) -> tuple[tuple[Face, str, int], ...]:
    """``text`` as runs of (face, latin-1 string of codes, width in 1/1000 em)."""
    try:
        codes = text.encode("cp1252")
    except UnicodeEncodeError:
        pass
    else:
        return ((face, codes.decode("latin-1"), sum(map(face.widths.__getitem__, codes))),)
    pieces: list[tuple[Face, str, int]] = []
    for character in text:
        if character in pdf_fonts.SYMBOL:
            code, units = pdf_fonts.SYMBOL[character]
            pieces.append((SYMBOL, chr(code), units))
            continue
        try:
            codes = character.encode("cp1252")
        except UnicodeEncodeError:
            codes = _fallback(character).encode("cp1252")
        units = sum(map(face.widths.__getitem__, codes))
        if pieces and pieces[-1][0] is face:
            _, previous, previous_units = pieces[-1]
            pieces[-1] = (face, previous + codes.decode("latin-1"), previous_units + units)
        else:
            pieces.append((face, codes.decode("latin-1"), units))
    return tuple(pieces)


@functools.lru_cache(maxsize=65536)
def _units(text: str, face: Face) -> int:
    return sum(piece[2] for piece in _pieces(text, face))


def text_width(text: str, face: Face, size: float) -> float:
    """Width of ``text`` set in ``face`` at ``size`` points, in points (no kerning)."""
    return _units(text, face) * size / 1000


@functools.lru_cache(maxsize=256)
def _rgb(colour: str) -> str:
    """``#1e3a8a`` -> ``0.118 0.227 0.541``."""
    value = colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return f"{red:.3f} {green:.3f} {blue:.3f}"


@dataclass(slots=True, kw_only=True)
class Link:
    """A clickable rectangle on a page that jumps to a named anchor."""

    x: float
    y: float
    width: float
    height: float
    target: str


@dataclass(slots=True)
class Page:
    """One page's drawing operations, in top-left based points."""

    height: float
    operations: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)

    def rect(
        self,
        x: float,
        y: float,
        width: float,
        height: float,
        *,
        fill: str | None = None,
        stroke: str | None = None,
        line_width: float = 0.5,
        radius: float = 0.0,
    ) -> None:
        """A rectangle (``y`` is its top), filled and/or outlined, corners rounded by ``radius``."""
        paint = _paint(fill=fill, stroke=stroke, line_width=line_width)
        if not paint:
            return
        top = self.height - y
        if radius <= 0:
            self.operations.append(
                f"{paint[0]}{x:.2f} {top - height:.2f} {width:.2f} {height:.2f} re {paint[1]}"
            )
            return
        r = min(radius, width / 2, height / 2)
        k = r * _BEZIER_CIRCLE
        left, right, bottom = x, x + width, top - height
        self.operations.append(
            f"{paint[0]}{left + r:.2f} {top:.2f} m {right - r:.2f} {top:.2f} l "
            f"{right - r + k:.2f} {top:.2f} {right:.2f} {top - r + k:.2f} "
            f"{right:.2f} {top - r:.2f} c "
            f"{right:.2f} {bottom + r:.2f} l "
            f"{right:.2f} {bottom + r - k:.2f} {right - r + k:.2f} {bottom:.2f} "
            f"{right - r:.2f} {bottom:.2f} c {left + r:.2f} {bottom:.2f} l "
            f"{left + r - k:.2f} {bottom:.2f} {left:.2f} {bottom + r - k:.2f} {left:.2f} "
            f"{bottom + r:.2f} c {left:.2f} {top - r:.2f} l "
            f"{left:.2f} {top - r + k:.2f} {left + r - k:.2f} {top:.2f} {left + r:.2f} {top:.2f} c "
            f"h {paint[1]}"
        )

    def rects(self, boxes: list[tuple[float, float, float, float]], *, fill: str) -> None:
        """Many filled rectangles of one colour, each ``(x, top, width, height)``."""
        if not boxes:
            return
        page = self.height
        body = " ".join(f"{x:.2f} {page - y - h:.2f} {w:.2f} {h:.2f} re" for x, y, w, h in boxes)
        self.operations.append(f"{_rgb(fill)} rg {body} f")

    def polyline(
        self,
        points: list[tuple[float, float] | None],
        *,
        stroke: str,
        line_width: float,
        dash: tuple[float, ...] = (),
    ) -> None:
        """Connected straight lines; a ``None`` in ``points`` lifts the pen."""
        page = self.height
        parts: list[str] = []
        pen_down = False
        for point in points:
            if point is None:
                pen_down = False
                continue
            parts.append(f"{point[0]:.2f} {page - point[1]:.2f} {'l' if pen_down else 'm'}")
            pen_down = True
        if not parts:
            return
        pattern = " ".join(f"{d:g}" for d in dash)
        self.operations.append(
            f"{_rgb(stroke)} RG {line_width:g} w [{pattern}] 0 d 1 j {' '.join(parts)} S"
            + (" [] 0 d" if dash else "")
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, *, stroke: str, line_width: float
    ) -> None:
        """A straight line."""
        self.polyline([(x1, y1), (x2, y2)], stroke=stroke, line_width=line_width)

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        *,
        face: Face,
        size: float,
        colour: str,
        vertical: bool = False,
    ) -> None:
        """``text`` from ``x`` on ``baseline``; ``vertical`` reads bottom to top, rising from y."""
        if not text:
            return
        matrix = "0 1 -1 0" if vertical else "1 0 0 1"
        shows = "".join(
            f"/{piece_face.resource} {size:g} Tf ({codes.translate(_ESCAPES)}) Tj "
            for piece_face, codes, _ in _pieces(text, face)
        )
        self.operations.append(
            f"{_rgb(colour)} rg BT {matrix} {x:.2f} {self.height - baseline:.2f} Tm {shows}ET"
        )

    def link(self, x: float, y: float, width: float, height: float, target: str) -> None:
        """Make the rectangle (``y`` its top) a link to the anchor named ``target``."""
        self.links.append(Link(x=x, y=y, width=width, height=height, target=target))


def _paint(*, fill: str | None, stroke: str | None, line_width: float) -> tuple[str, str] | None:
    """The colour-setting prefix and the painting operator for a shape."""
    if fill and stroke:
        return f"{_rgb(fill)} rg {_rgb(stroke)} RG {line_width:g} w ", "B"
    if fill:
        return f"{_rgb(fill)} rg ", "f"
    if stroke:
        return f"{_rgb(stroke)} RG {line_width:g} w ", "S"
    return None


@dataclass(slots=True, kw_only=True)
class _Bookmark:
    title: str
    target: str


class Document:
    """A PDF being drawn: pages, named anchors, bookmarks; :meth:`to_bytes` writes it."""

    def __init__(
        self,
        *,
        title: str,
        width_pt: float = A4_WIDTH_PT,
        height_pt: float = A4_HEIGHT_PT,
    ) -> None:
        self.title = title
        self.width = width_pt
        self.height = height_pt
        self.pages: list[Page] = []
        self._anchors: dict[str, tuple[int, float]] = {}
        self._bookmarks: list[_Bookmark] = []

    def add_page(self) -> Page:
        """A new blank page at the end of the document."""
        page = Page(self.height)
        self.pages.append(page)
        return page

    def anchor(self, name: str, *, page: int, y: float) -> None:
        """Name a place (page index from 0, ``y`` from the top) that links can jump to."""
        self._anchors.setdefault(name, (page, y))

    def bookmark(self, title: str, *, target: str) -> None:
        """Add an entry to the document outline that opens the anchor ``target``."""
        self._bookmarks.append(_Bookmark(title=title, target=target))

    def to_bytes(self) -> bytes:
        """The PDF file."""
        writer = _Writer()
        catalog, pages_ref, info = writer.reserve(), writer.reserve(), writer.reserve()
        fonts = {face.resource: writer.reserve() for face in _FACES}
        page_refs = [writer.reserve() for _ in self.pages]
        for face in _FACES:
            encoding = " /Encoding /WinAnsiEncoding" if face.encoded else ""
            writer.put(
                fonts[face.resource],
                f"<< /Type /Font /Subtype /Type1 /BaseFont /{face.base_font}{encoding} >>",
            )
        font_dict = " ".join(f"/{name} {ref} 0 R" for name, ref in fonts.items())
        box = f"[0 0 {self.width:.2f} {self.height:.2f}]"
        for page, ref in zip(self.pages, page_refs, strict=True):
            content = writer.stream("\n".join(page.operations).encode("latin-1"))
            annotations = [
                writer.add(self._link(link, page_refs))
                for link in page.links
                if link.target in self._anchors
            ]
            annots = (
                f" /Annots [{' '.join(f'{a} 0 R' for a in annotations)}]" if annotations else ""
            )
            writer.put(
                ref,
                f"<< /Type /Page /Parent {pages_ref} 0 R /MediaBox {box} "
                f"/Resources << /Font << {font_dict} >> >> /Contents {content} 0 R{annots} >>",
            )
        writer.put(
            pages_ref,
            f"<< /Type /Pages /Kids [{' '.join(f'{r} 0 R' for r in page_refs)}] "
            f"/Count {len(page_refs)} >>",
        )
        outline = self._outline(writer, page_refs)
        extra = f" /Outlines {outline} 0 R /PageMode /UseOutlines" if outline else ""
        writer.put(catalog, f"<< /Type /Catalog /Pages {pages_ref} 0 R{extra} >>")
        writer.put(info, f"<< /Title {_string(self.title)} /Creator (runlift) >>")
        return writer.finish(root=catalog, info=info)

    def _destination(self, target: str, page_refs: list[int]) -> str:
        index, y = self._anchors[target]
        return f"[{page_refs[index]} 0 R /XYZ 0 {self.height - y + 4:.2f} null]"

    def _link(self, link: Link, page_refs: list[int]) -> str:
        bottom = self.height - link.y - link.height
        return (
            f"<< /Type /Annot /Subtype /Link /Rect [{link.x:.2f} {bottom:.2f} "
            f"{link.x + link.width:.2f} {bottom + link.height:.2f}] /Border [0 0 0] "
            f"/Dest {self._destination(link.target, page_refs)} >>"
        )

    def _outline(self, writer: _Writer, page_refs: list[int]) -> int | None:
        marks = [mark for mark in self._bookmarks if mark.target in self._anchors]
        if not marks:
            return None
        root = writer.reserve()
        refs = [writer.reserve() for _ in marks]
        for i, (mark, ref) in enumerate(zip(marks, refs, strict=True)):
            siblings = (f" /Prev {refs[i - 1]} 0 R" if i else "") + (
                f" /Next {refs[i + 1]} 0 R" if i + 1 < len(refs) else ""
            )
            writer.put(
                ref,
                f"<< /Title {_string(mark.title)} /Parent {root} 0 R{siblings} "
                f"/Dest {self._destination(mark.target, page_refs)} >>",
            )
        writer.put(
            root,
            f"<< /Type /Outlines /First {refs[0]} 0 R /Last {refs[-1]} 0 R /Count {len(refs)} >>",
        )
        return root


def _string(text: str) -> str:
    """A PDF text string: PDFDocEncoding when code page 1252 holds it, else UTF-16."""
    try:
        return f"({text.encode('cp1252').decode('latin-1').translate(_ESCAPES)})"
    except UnicodeEncodeError:
        return f"<FEFF{text.encode('utf-16-be').hex().upper()}>"


class _Writer:
    """Numbered objects, written in order with their byte offsets for the xref table."""

    def __init__(self) -> None:
        self._objects: dict[int, bytes] = {}
        self._count = 0

    def reserve(self) -> int:
        self._count += 1
        return self._count

    def put(self, ref: int, body: str | bytes) -> None:
        data = body.encode("latin-1") if isinstance(body, str) else body
        self._objects[ref] = data

    def add(self, body: str) -> int:
        ref = self.reserve()
        self.put(ref, body)
        return ref

    def stream(self, data: bytes) -> int:
        packed = zlib.compress(data, _COMPRESSION_LEVEL)
        head = f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode("ascii")
        return self.add_bytes(head + packed + b"\nendstream")

    def add_bytes(self, body: bytes) -> int:
        ref = self.reserve()
        self._objects[ref] = body
        return ref

    def finish(self, *, root: int, info: int) -> bytes:
        chunks = [b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"]
        offsets = [0] * (self._count + 1)
        position = len(chunks[0])
        for ref in range(1, self._count + 1):
            chunk = b"%d 0 obj\n%b\nendobj\n" % (ref, self._objects[ref])
            offsets[ref] = position
            position += len(chunk)
            chunks.append(chunk)
        xref = [b"xref\n0 %d\n0000000000 65535 f \n" % (self._count + 1)]
        xref.extend(b"%010d 00000 n \n" % offset for offset in offsets[1:])
        chunks.extend(xref)
        chunks.append(
            b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (self._count + 1, root, info, position)
        )
        return b"".join(chunks)
