"""XML parsed safely: no document type declaration, so no entity to expand or fetch.

GPX and TCX need no DTD. A DTD is what both XML attacks need: the "billion laughs"
(entities defined in terms of each other, which expand a few hundred bytes into
gigabytes) and external entities (which make a parser read other files or URLs).
:func:`parse_xml` parses with defusedxml, which refuses a DTD as soon as it meets
one, before any entity is defined, let alone expanded.
"""

from __future__ import annotations

import codecs
import re
from typing import Final
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree

from runlift.io.activity_input import decode_text, refuse

SNIFF_BYTES: Final = 65536
"""How much of a file :func:`xml_root_name` looks at to find the root element."""

_ROOT_RE: Final = re.compile(r"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_DECLARED_ENCODING_RE: Final = re.compile(
    rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']"""
)
_SKIPPED: Final = (("<?", "?>"), ("<!--", "-->"))


def local_name(tag: str) -> str:
    """An element's name without its namespace: ``{http://...}gpx`` -> ``gpx``."""
    return tag.rsplit("}", 1)[-1]


def parse_xml(data: bytes, *, fmt: str, name: str) -> Element:
    """Parse an XML file, refusing a DTD, entities and external references.

    Raises:
        ImportFormatError: the file declares a DTD or an unknown encoding, or is not
            well-formed XML; the detail gives the parser's line and column.
    """
    try:
        return defusedxml.ElementTree.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise refuse(
            fmt,
            name,
            "the file declares a document type (DTD), which a training file never needs; "
            "refused, since its entities could expand without bound or read other files",
        ) from None
    except ParseError as error:
        raise refuse(fmt, name, f"not well-formed XML ({error})") from None
    except LookupError as error:
        # expat raises this for an encoding declaration naming no known codec.
        raise refuse(fmt, name, f"the file declares an {error}") from None
    except UnicodeError:
        raise refuse(fmt, name, "not well-formed XML (its bytes do not decode)") from None


def xml_text(data: bytes, *, fmt: str, name: str) -> str:
    """The text of an XML file, in the encoding its declaration names (UTF-8 if none).

    Raises:
        ImportFormatError: the declared encoding is unknown, or the bytes are not
            text in it.
    """
    declared = _DECLARED_ENCODING_RE.match(data.removeprefix(codecs.BOM_UTF8))
    if declared is None or declared.group(1).lower() in {b"utf-8", b"utf8", b"utf-16"}:
        return decode_text(data, fmt=fmt, name=name)
    encoding = declared.group(1).decode("ascii")
    try:
        return data.decode(encoding)
    except LookupError:
        raise refuse(fmt, name, f"the file declares an unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise refuse(
            fmt, name, f"the file is not {encoding} text (byte {error.start} cannot be read)"
        ) from None


def xml_root_name(data: bytes) -> str | None:
    """The local name of the root element of what looks like an XML document, else None.

    Only the first :data:`SNIFF_BYTES` are read, and nothing is parsed: this tells
    formats apart; :func:`parse_xml` checks the document.
    """
    head = data[:SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    position = 0
    while True:
        position = len(text) - len(text[position:].lstrip())
        for opening, closing in _SKIPPED:
            if text.startswith(opening, position):
                end = text.find(closing, position)
                if end < 0:
                    return None
                position = end + len(closing)
                break
        else:
            if text.startswith("<!DOCTYPE", position):
                position = _after_doctype(text, position)
                if position < 0:
                    return None
                continue
            found = _ROOT_RE.match(text, position)
            return found.group(2) if found else None


def _after_doctype(text: str, position: int) -> int:
    """The position after a DOCTYPE declaration (its internal subset included), or -1."""
    bracket = text.find("[", position)
    close = text.find(">", position)
    if 0 <= bracket < close:
        end = text.find("]", bracket)
        close = text.find(">", end) if end >= 0 else -1
    return close + 1 if close >= 0 else -1
