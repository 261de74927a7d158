"""Output folders: the plan inside one, and writing files so a failure leaves it as it was."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from runlift.errors import InvalidInput

PLAN_JSON = "plan.json"
"""The name ``runlift plan`` gives the plan in its output folder."""


def plan_file(path: Path, *, field: str) -> Path:
    """``path``, or the plan.json inside it when it is a folder.

    So ``runlift show out`` reads ``out/plan.json``, the plan ``runlift plan -o out`` wrote.
    A folder without one raises ``InvalidInput`` naming ``field``.
    """
    if not path.is_dir():
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


def write_outputs(directory: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` (relative path -> bytes) into ``directory`` all or nothing.

    Everything is first written to a staging folder beside ``directory``; only
    when every file is complete are they moved into place, each with an atomic
    rename. Sub-folders named in ``files`` (e.g. ``workouts/``) are replaced
    whole, so no stale file from an earlier plan survives in them.
    """
    directory = directory.resolve()
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-", dir=directory.parent))
    try:
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        directory.mkdir(exist_ok=True)
        written = []
        for entry in sorted(staging.iterdir()):
            destination = directory / entry.name
            if entry.is_dir():
                old = None
                if destination.exists():
                    old = staging / f".old-{entry.name}"
                    destination.rename(old)
                entry.rename(destination)
                if old is not None:
                    shutil.rmtree(old)
            else:
                entry.replace(destination)
            written.append(destination)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)
