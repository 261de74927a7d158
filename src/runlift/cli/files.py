"""Output folders: the plan inside one, and writing files so a failure leaves it as it was.

Files are first written to a staging folder *inside* the folder they go to, so that
moving them into place is a rename within one file system, wherever that folder is
(a bind mount, a Docker volume, a USB stick: renaming across file systems fails with
"Invalid cross-device link"). The old files are moved aside into the staging folder
and kept until the command has finished (``runlift.cli.interrupt``): a failure or a
Ctrl-C up to then puts them back.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from runlift.cli import interrupt
from runlift.domain.athlete import AthleteProfile
from runlift.errors import InvalidInput
from runlift.io.profile import read_profile

PLAN_JSON = "plan.json"
"""The name ``runlift plan`` gives the plan in its output folder."""

STAGING_PREFIX = ".runlift-"
"""Staging folders and files start with this; a run stopped by force may leave one behind."""


def plan_file(path: Path, *, field: str, profile_too: bool = False) -> Path:
    """``path``, or the plan.json inside it when it is a folder.

    So ``runlift show out`` reads ``out/plan.json``, the plan ``runlift plan -o out`` wrote.
    A folder without one, or a profile (``.yaml``) given for a plan, raises ``InvalidInput``
    naming ``field`` and the command to run first.
    """
    if not path.is_dir():
        if not profile_too and path.is_file() and path.suffix.lower() in {".yaml", ".yml"}:
            raise InvalidInput(
                field,
                str(path),
                f"this is an athlete profile, not a plan: run `runlift plan {path} -o out`, "
                "then give the folder out",
            )
        return path
    inside = path / PLAN_JSON
    if inside.is_file():
        return inside
    raise InvalidInput(
        field,
        str(path),
        f"this folder holds no {PLAN_JSON}; give the plan file itself, or the folder "
        "`runlift plan -o FOLDER` wrote",
    )


def load_profile(path: Path) -> AthleteProfile:
    """Read and check the athlete profile at ``path``; every error names the file.

    Raises:
        InvalidInput: the profile's problems, each naming ``path`` and the field.
        OSError: the file cannot be opened (the command line names it).
    """
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            "profile",
            None,
            f"not UTF-8 text (byte {exc.start}); save it as UTF-8",
            source=str(path),
        ) from None
    return read_profile(text, source=str(path))


def write_error(exc: OSError, where: Path, *, field: str) -> InvalidInput:
    """An operating-system error while writing, as the fix a person can make."""
    reasons = {
        errno.EROFS: "is on a read-only file system; choose a writable folder",
        errno.EACCES: "cannot be written: no permission; choose a folder you may write to",
        errno.EPERM: "cannot be written: no permission; choose a folder you may write to",
        errno.ENOSPC: "cannot be written: the disk is full",
        errno.EDQUOT: "cannot be written: the disk quota is used up",
        errno.ENOTDIR: "is inside a file, not a folder",
    }
    reason = reasons.get(exc.errno or 0, f"cannot be written: {exc.strerror or exc}")
    return InvalidInput(field, str(where), reason)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _make_folder(directory: Path, *, field: str) -> Path | None:
    """Make ``directory`` and any missing parents; the topmost folder made, or None."""
    missing = [p for p in (directory, *directory.parents) if not p.exists()]
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, directory, field=field) from None
    return missing[-1] if missing else None


def _forget(made: Path | None) -> None:
    """Remove a folder this command made (and everything in it), if it made one."""
    if made is not None:
        shutil.rmtree(made, ignore_errors=True)


def _put_back(moved: list[tuple[Path, Path | None]]) -> None:
    for destination, backup in reversed(moved):
        _remove(destination)
        if backup is not None:
            backup.rename(destination)
    moved.clear()


def write_outputs(
    directory: Path, files: Mapping[str, bytes], *, field: str = "--output"
) -> list[Path]:
    """Write ``files`` (relative path -> bytes) into ``directory`` all or nothing.

    Everything is first written to a staging folder inside ``directory``; only when
    every file is complete are the top-level entries moved into place, each with an
    atomic rename; Ctrl-C waits for the writing to end, then undoes it. Sub-folders
    named in ``files`` (e.g. ``workouts/``) are replaced whole, so no stale file from
    an earlier plan survives in them. Until the command finishes the old entries are kept aside and
    a failure puts them back; a folder that had to be made is removed again.

    Raises:
        InvalidInput: naming ``field`` and the folder when it cannot be written (a
            read-only file system, no permission, a full disk).
    """
    directory = directory.resolve()
    # The files are all in memory already: writing them takes well under a second, and
    # Ctrl-C waits for that to end (then undoes it) rather than race the writing.
    with interrupt.critical():
        made = _make_folder(directory, field=field)
        moved: list[tuple[Path, Path | None]] = []
        try:
            staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=directory))
        except OSError as exc:
            _forget(made)
            raise write_error(exc, directory, field=field) from None

        def undo() -> None:
            _put_back(moved)
            shutil.rmtree(staging, ignore_errors=True)
            _forget(made)

        try:
            fresh, old = staging / "new", staging / "old"
            old.mkdir()
            for name, data in files.items():
                target = fresh / name
                target.parent.mkdir(parents=True, exist_ok=True)
                with target.open("wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
            for entry in sorted(fresh.iterdir()):
                destination = directory / entry.name
                backup = None
                if destination.exists() or destination.is_symlink():
                    backup = old / entry.name
                    destination.rename(backup)
                moved.append((destination, backup))
                entry.rename(destination)
        except OSError as exc:
            undo()
            raise write_error(exc, directory, field=field) from None
        except BaseException:
            undo()
            raise
        interrupt.pending(undo=undo, keep=lambda: shutil.rmtree(staging, ignore_errors=True))
        return [destination for destination, _ in moved]


def write_file(path: Path, data: bytes, *, field: str) -> None:
    """Write one file through a temporary file beside it and an atomic rename.

    The old file is kept aside until the command has finished, as in
    :func:`write_outputs`. A file that cannot be replaced by a rename (one bind-mounted
    on its own) is overwritten in place once the new content is complete.

    Raises:
        InvalidInput: naming ``field`` and the file when it cannot be written.
    """
    path = path.absolute()
    with interrupt.critical():
        made = _make_folder(path.parent, field=field)
        try:
            handle, name = tempfile.mkstemp(prefix=f"{STAGING_PREFIX}{path.name}-", dir=path.parent)
        except OSError as exc:
            _forget(made)
            raise write_error(exc, path.parent, field=field) from None
        temporary = Path(name)
        backup = temporary.with_name(f"{temporary.name}.old")

        def discard() -> None:
            temporary.unlink(missing_ok=True)
            _forget(made)

        def undo() -> None:
            if backup.exists():
                backup.replace(path)
            else:
                path.unlink(missing_ok=True)
            discard()

        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            _replace(path, temporary, backup)
        except OSError as exc:
            discard()
            raise write_error(exc, path, field=field) from None
        except BaseException:
            discard()
            raise
        interrupt.pending(undo=undo, keep=lambda: backup.unlink(missing_ok=True))


def _replace(path: Path, temporary: Path, backup: Path) -> None:
    """Move ``temporary`` to ``path``, keeping the old file as ``backup``."""
    had_old = path.exists()
    if had_old:
        try:
            os.link(path, backup)
        except OSError:
            shutil.copy2(path, backup)
    try:
        temporary.replace(path)
    except OSError as exc:
        if exc.errno not in {errno.EXDEV, errno.EBUSY}:
            raise
        _overwrite(path, temporary.read_bytes)
        temporary.unlink()


def _overwrite(path: Path, data: Callable[[], bytes]) -> None:
    with path.open("r+b" if path.exists() else "wb") as out:
        out.truncate(0)
        out.write(data())
        out.flush()
        os.fsync(out.fileno())
