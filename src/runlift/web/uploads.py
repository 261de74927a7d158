"""Uploaded training files: counted, measured and named before a byte of them is parsed.

The format is told later by the content (``runlift.io.activity_files``), never by
the name, its extension or the part's ``Content-Type``; the name is only shown in
messages, as its last path component on one printable line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from starlette.datastructures import UploadFile

from runlift.errors import InvalidInput, TooLarge
from runlift.io.activity_input import shown_name
from runlift.services.log_pages import NamedFile
from runlift.web.security import size_text

MAX_FILES: Final = 50
"""Files in one upload: a month of daily recordings; more is a folder for ``runlift log import``."""

FILES_FIELD: Final = "files"
"""The form field (page and API) that carries the files."""

_PATH_PARTS = re.compile(r"[\\/]")


def upload_name(raw: str | None) -> str:
    r"""An uploaded file's name as messages show it: its last path component, one printable line.

    Examples:
        >>> upload_name("C:\\Users\\ann\\run.fit"), upload_name("../../etc/passwd"), upload_name("")
        ('run.fit', 'passwd', '(unnamed file)')
    """
    return shown_name(_PATH_PARTS.split(raw or "")[-1])


def _size(upload: UploadFile) -> int:
    if upload.size is not None:
        return upload.size
    upload.file.seek(0, 2)
    size = upload.file.tell()
    upload.file.seek(0)
    return size


def read_uploads(parts: Iterable[object], *, max_file_bytes: int) -> list[NamedFile]:
    """The uploaded files of a form, each read whole once every one has passed the limits.

    A part without a file name and without content (a form sent with no file
    chosen) is no file.

    Raises:
        InvalidInput: no file at all (field ``files``).
        TooLarge: more than :data:`MAX_FILES` files, or one over ``max_file_bytes``.
    """
    uploads = [
        part
        for part in parts
        if isinstance(part, UploadFile) and (part.filename or _size(part) > 0)
    ]
    if not uploads:
        raise InvalidInput(
            FILES_FIELD, None, "at least one file: FIT, GPX, TCX, or a Strong or Hevy CSV export"
        )
    if len(uploads) > MAX_FILES:
        raise TooLarge(f"{len(uploads)} files: at most {MAX_FILES} are taken at once")
    for upload in uploads:
        size = _size(upload)
        if size > max_file_bytes:
            shown, limit = size_text(size), size_text(max_file_bytes)
            if shown == limit:  # just over: rounded, both would read the same
                shown, limit = f"{size} bytes", f"{max_file_bytes} bytes ({limit})"
            raise TooLarge(
                f"{upload_name(upload.filename)} is {shown}: each file may be at most {limit}"
            )
    files = []
    for upload in uploads:
        upload.file.seek(0)
        files.append(
            NamedFile(name=upload_name(upload.filename), data=upload.file.read(max_file_bytes + 1))
        )
    return files
