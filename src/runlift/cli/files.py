"""Writing output files so that a failure leaves the output folder as it was."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path


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
