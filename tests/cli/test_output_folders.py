"""Output folders anywhere: a mount point, a read-only file system, a folder without permission.

As root (CI) the tests mount for real, in a private mount namespace (``unshare``) so
nothing leaks out: a bind mount (a Docker volume is one) and a read-only bind mount.
Where mounting is impossible they check what can be checked without it: that every
rename stays inside the output folder, and that a folder without write permission is
named with the reason.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from runlift.cli import files
from runlift.cli.app import main
from runlift.errors import InvalidInput

EXAMPLE = Path(__file__).parents[2] / "examples" / "athletes" / "half-marathon-lifter.yaml"


def _can_mount() -> bool:
    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None:
        return False
    probe = subprocess.run(
        [unshare, "--mount", "--propagation", "private", "true"], check=False, capture_output=True
    )
    return probe.returncode == 0


def _plan_on_a_mount(
    source: Path, target: Path, *, read_only: bool
) -> subprocess.CompletedProcess[str]:
    """``runlift plan -o target`` where ``target`` is ``source`` bind-mounted (read-only or not)."""
    remount = 'mount -o remount,bind,ro "$2" && ' if read_only else ""
    script = (
        f'mount --bind "$1" "$2" && {remount}'
        '"$3" -m runlift.cli plan "$4" -o "$2" --quiet; code=$?; ls -A "$2"; exit $code'
    )
    unshare = shutil.which("unshare")
    assert unshare is not None
    return subprocess.run(
        [
            unshare,
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            script,
            "sh",
            str(source),
            str(target),
            sys.executable,
            str(EXAMPLE),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )


ALL_FILES = ["busy.ics", "plan.ics", "plan.json", "plan.md", "report.html", "report.pdf"]


def _renames_stay_inside(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Write into ``out`` as if it were a mount point: a rename out of it fails (EXDEV)."""
    real_rename = Path.rename
    renames = []

    def rename(self: Path, target: str | os.PathLike[str]) -> Path:
        source, destination = self.resolve(), Path(target).resolve()
        renames.append(source)
        inside = out.resolve()
        if inside not in source.parents or inside not in (*destination.parents, destination):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    written = files.write_outputs(out, {"plan.json": b"new", "workouts/a.fit": b"fit"})
    assert renames
    assert sorted(p.name for p in written) == ["plan.json", "workouts"]
    assert (out / "plan.json").read_bytes() == b"new"
    assert (out / "workouts" / "a.fit").read_bytes() == b"fit"


def test_renames_stay_inside_the_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What makes a mount point work, checked anywhere: no rename leaves the folder."""
    out = tmp_path / "volume"
    out.mkdir()
    (out / "plan.json").write_text("old", encoding="utf-8")
    _renames_stay_inside(out, monkeypatch)


def test_a_plan_is_written_into_a_mount_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "volume", tmp_path / "mounted"
    source.mkdir()
    target.mkdir()
    (source / "keep.txt").write_text("mine", encoding="utf-8")
    if not _can_mount():
        _renames_stay_inside(source, monkeypatch)
        return
    done = _plan_on_a_mount(source, target, read_only=False)
    assert done.returncode == 0, done.stderr
    assert "cross-device" not in done.stderr
    names = sorted(p.name for p in source.iterdir())
    assert names == sorted([*ALL_FILES, "keep.txt", "workouts"])


def test_a_read_only_target_says_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "volume", tmp_path / "mounted"
    source.mkdir()
    target.mkdir()
    (source / "keep.txt").write_text("mine", encoding="utf-8")
    if _can_mount():
        done = _plan_on_a_mount(source, target, read_only=True)
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [
            f"error: --output '{target}': is on a read-only file system; choose a writable folder"
        ]
    elif os.geteuid() != 0:
        # No mount: a folder without write permission stands in, and says why.
        source.chmod(0o555)
        try:
            assert main(["plan", str(EXAMPLE), "-o", str(source), "--quiet"]) == 1
        finally:
            source.chmod(0o755)
        assert "no permission" in capsys.readouterr().err
    else:
        # Root without mounts: only the file system's answer can be stood in for.
        def read_only(**_: object) -> str:
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(tempfile, "mkdtemp", read_only)
        with pytest.raises(InvalidInput, match="read-only file system"):
            files.write_outputs(source, {"plan.json": b"new"})
    assert sorted(p.name for p in source.iterdir()) == ["keep.txt"]


def test_a_failed_write_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.json").write_text("old", encoding="utf-8")
    real_rename = Path.rename

    def full_disk(self: Path, target: str | os.PathLike[str]) -> Path:
        if Path(target).name == "plan.md":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", full_disk)
    with pytest.raises(InvalidInput, match="the disk is full"):
        files.write_outputs(out, {"plan.json": b"new", "plan.md": b"md"})
    assert sorted(p.name for p in out.iterdir()) == ["plan.json"]
    assert (out / "plan.json").read_text(encoding="utf-8") == "old"


def test_a_new_folder_is_removed_again_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "new" / "out"

    def full_disk(self: Path, target: str | os.PathLike[str]) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "rename", full_disk)
    with pytest.raises(InvalidInput):
        files.write_outputs(out, {"plan.json": b"new"})
    assert list(tmp_path.iterdir()) == []
