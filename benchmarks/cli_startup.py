"""Cold start-up of ``runlift calc vdot``: the whole process, median of repeated runs.

Usage: .venv/bin/python benchmarks/cli_startup.py [--runs 15] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMAND = ["calc", "vdot", "--distance", "10k", "--time", "40:00", "--json"]


def measure(runs: int) -> list[float]:
    """Time ``runs`` fresh interpreter processes running the command."""
    runlift = Path(sys.executable).with_name("runlift")
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([str(runlift), *COMMAND], check=True, capture_output=True)
        timings.append(time.perf_counter() - started)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    timings = measure(args.runs)
    result = {
        "command": "runlift " + " ".join(COMMAND),
        "runs": args.runs,
        "median_s": round(statistics.median(timings), 3),
        "max_s": round(max(timings), 3),
        "target_s": 0.5,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>10}: {value}")


if __name__ == "__main__":
    main()
