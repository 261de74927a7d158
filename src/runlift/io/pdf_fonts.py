"""Metrics of the PDF standard fonts the report prints with (Helvetica and Symbol).

The 14 standard PDF fonts need no embedding: every PDF reader has them or a
metric-compatible substitute (Liberation Sans, Arial, Nimbus Sans). Text is
written in WinAnsiEncoding (Windows code page 1252), so each table holds the
advance width, in 1/1000 em, of codes 32 to 255; undefined codes are 0. The
oblique styles have the widths of their upright styles. A few characters that
code page 1252 lacks are taken from the Symbol font.

The numbers are transcribed from Adobe's Core 14 AFM files (Helvetica,
Helvetica-Bold, Symbol; version 001.006/001.007): Copyright (c) 1985, 1987,
1989, 1990 Adobe Systems Incorporated. All rights reserved. Helvetica is a
trademark of Linotype AG and/or its subsidiaries. Adobe permits the AFM files
to be used, copied and distributed for any purpose, with or without
modification, provided the copyright notices are retained.
"""

from __future__ import annotations

from typing import Final

FIRST_CODE: Final = 32
"""The code of the first width in each table (space)."""

ASCENT: Final = 718
"""Cap height and ascender of Helvetica, 1/1000 em."""
DESCENT: Final = -207
"""Descender of Helvetica, 1/1000 em."""

# fmt: off
HELVETICA: Final[tuple[int, ...]] = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667,
    667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722,
    667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500,
    556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278,
    556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0, 556, 0, 222, 556, 333, 1000, 556,
    556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 222, 222, 333, 333, 350, 556, 1000, 333,
    1000, 500, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370,
    556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556,
    834, 834, 834, 611, 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278,
    278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667,
    667, 611, 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278,
    278, 556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
)
# fmt: on

# fmt: off
HELVETICA_BOLD: Final[tuple[int, ...]] = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722,
    722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722,
    667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556,
    611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333,
    611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0, 556, 0, 278, 556, 500, 1000, 556,
    556, 333, 1000, 667, 333, 1000, 0, 611, 0, 0, 278, 278, 500, 500, 350, 556, 1000, 333,
    1000, 556, 333, 944, 0, 500, 667, 278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370,
    556, 584, 333, 737, 333, 400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556,
    834, 834, 834, 611, 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278,
    278, 278, 278, 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667,
    667, 611, 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278,
    278, 611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
)
# fmt: on

SYMBOL: Final[dict[str, tuple[int, int]]] = {
    "\u2212": (45, 549),  # minus
    "\u2264": (163, 549),  # lessequal
    "\u221e": (165, 713),  # infinity
    "\u2192": (174, 987),  # arrowright
    "\u2265": (179, 549),  # greaterequal
    "\u2248": (187, 549),  # approxequal
    "\u2260": (185, 549),  # notequal
}
"""Characters missing from code page 1252: their Symbol font code and width."""
