"""FIT activity import throughput: runlift's reader against fitdecode alone, on the same files.

For every real FIT activity file of ``tests/fixtures/fit-activity``, the fastest of
``--runs`` timings (after one warm-up, the two readers taking turns) of:

- fitdecode alone: every frame of the file read with ``fitdecode.FitReader`` and its
  default data processor, with the checks runlift asks for (CRC checked, malformed
  fields tolerated), and nothing kept;
- runlift: ``runlift.io.fit_activity.read_fit``, which runs the same decoding and builds
  the activities (sessions, laps, sets, exercise names, heart rate from the records
  where a session lacks it).

The ratio runlift / fitdecode is runlift's own cost on top of decoding (target <= 1.5).
Times are the process's CPU time (``time.process_time``), and the fastest run is
kept: on a machine shared with other work, wall time and medians measure the
other work as much as the reader.

Usage: .venv/bin/python benchmarks/import_fit.py [--runs 7] [--json]
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import time
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import fitdecode

from runlift.io.fit_activity import read_fit
from runlift.reference.exercise_aliases import exercise_name_index

FILES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "fit-activity"
TARGET_RATIO = 1.5


def fitdecode_alone(data: bytes) -> None:
    with fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.RAISE,
        error_handling=fitdecode.ErrorHandling.IGNORE,
    ) as reader:
        for _ in reader:
            pass


def fastest_s(calls: tuple[Callable[[], object], ...], runs: int) -> list[float]:
    """The least CPU time of each call over ``runs`` rounds, the calls taking turns."""
    for call in calls:
        call()
    best = [float("inf")] * len(calls)
    for _ in range(runs):
        for index, call in enumerate(calls):
            started = time.process_time()
            call()
            best[index] = min(best[index], time.process_time() - started)
    return best


def measure(runs: int) -> list[dict[str, object]]:
    names = exercise_name_index()
    zone = ZoneInfo("Europe/Berlin")
    rows: list[dict[str, object]] = []
    for path in sorted(FILES.glob("*.fit")):
        data = path.read_bytes()
        alone, ours = fastest_s(
            (
                functools.partial(fitdecode_alone, data),
                functools.partial(read_fit, data, name=path.name, exercises=names, tz=zone),
            ),
            runs,
        )
        rows.append(
            {
                "file": path.name,
                "kib": round(len(data) / 1024),
                "fitdecode_ms": round(alone * 1000, 2),
                "runlift_ms": round(ours * 1000, 2),
                "ratio": round(ours / alone, 3),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = measure(args.runs)
    total_alone = sum(float(str(row["fitdecode_ms"])) for row in rows)
    total_ours = sum(float(str(row["runlift_ms"])) for row in rows)
    total_kib = sum(int(str(row["kib"])) for row in rows)
    summary = {
        "files": len(rows),
        "kib": total_kib,
        "fitdecode_ms": round(total_alone, 1),
        "runlift_ms": round(total_ours, 1),
        "ratio": round(total_ours / total_alone, 3),
        "worst_file_ratio": max(float(str(row["ratio"])) for row in rows),
        "runlift_mib_per_s": round(total_kib / 1024 / (total_ours / 1000), 2),
        "target_ratio": TARGET_RATIO,
    }
    if args.json:
        print(json.dumps({"files": rows, "summary": summary}))
        return
    print(f"{'file':<62} {'KiB':>5} {'fitdecode ms':>13} {'runlift ms':>11} {'ratio':>6}")
    for row in rows:
        print(
            f"{row['file']!s:<62} {row['kib']!s:>5} {row['fitdecode_ms']!s:>13} "
            f"{row['runlift_ms']!s:>11} {row['ratio']!s:>6}"
        )
    print(
        f"{'all files':<62} {total_kib:>5} {summary['fitdecode_ms']!s:>13} "
        f"{summary['runlift_ms']!s:>11} {summary['ratio']!s:>6}"
    )
    print(
        f"runlift reads {summary['runlift_mib_per_s']} MiB/s; ratio {summary['ratio']} "
        f"(worst file {summary['worst_file_ratio']}), target <= {TARGET_RATIO}"
    )


if __name__ == "__main__":
    main()
