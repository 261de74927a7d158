"""``adapt`` of a 16-week plan after one event: a missed session.

The half-marathon example, its race moved so the plan runs 16 weeks, is lived as
planned up to a day of the plan; one session of that week before the day is missed.
For ``--events`` seeded days and sessions:

* **decision**: ``monitor`` + ``adapt_plan`` in process, the pure part (median, p95);
  again with a three-day illness from the event's day, so that every event changes
  the plan (its sessions dropped, RL-8);
* **service**: ``runlift.services.adaptation.adapt`` on a SQLite store, reading the
  version and the log and storing the new version with its nutrition (``--dry-run``
  keeps the store as it was, so every event starts from version 1);
* **cold command**: the whole ``runlift adapt --dry-run`` process, median of ``--runs``
  after one untimed run that writes the bytecode cache (as an installed runlift has it).

Every other event misses a key session (a long or hard run, a heavy lift: RL-7's), the
others any session; the load figures (``os.getloadavg``) say how busy the machine was.

    .venv/bin/python benchmarks/adapt.py [--events 100] [--runs 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "property"))
sys.path.insert(0, str(ROOT / "tests" / "programme"))

from adaptation_builders import Athlete, done, sessions  # noqa: E402
from adaptation_simulation import sixteen_weeks  # noqa: E402

from runlift.domain.log import TrainingEvent  # noqa: E402
from runlift.io.profile import read_profile  # noqa: E402
from runlift.programme.adaptation_facts import worth_making_up  # noqa: E402
from runlift.programme.assembly import build_plan  # noqa: E402
from runlift.reference.exercises import exercise_library  # noqa: E402
from runlift.services import adaptation, training_log  # noqa: E402
from runlift.store.repository import Store  # noqa: E402
from runlift.vocabulary import EventKind  # noqa: E402

EXAMPLE = ROOT / "examples" / "athletes" / "half-marathon-lifter.yaml"
TARGET_DECISION_S = 0.150
TARGET_COLD_S = 1.5


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _events(plan_sessions: list, count: int, seed: int) -> list[tuple[int, object]]:  # type: ignore[type-arg]
    """(index of the missed session, the day after it) for ``count`` seeded events.

    Every other event misses a key session (RL-7: a long or hard run, a heavy lift), the
    ones a make-up or a session giving way may follow; the rest any session.
    """
    rng = random.Random(seed)
    key = [i for i, s in enumerate(plan_sessions) if worth_making_up(s.scheduled.spec)]
    chosen = []
    for number in range(count):
        index = rng.choice(key) if number % 2 == 0 else rng.randrange(len(plan_sessions) - 1)
        chosen.append((index, plan_sessions[index].scheduled.local_date + timedelta(days=1)))
    return chosen


def decision(count: int, seed: int, *, ill_days: int = 0) -> tuple[list[float], int]:
    """Time monitor + adapt_plan for each event; returns the timings and how many changed.

    With ``ill_days``, the athlete also reports an illness of that many days from the
    event's day (RL-8: its sessions are dropped), so every event changes the plan.
    """
    text, profile = sixteen_weeks(EXAMPLE.read_text(encoding="utf-8"))
    plan = build_plan(read_profile(text), library=exercise_library())
    planned = sessions(plan)
    timings: list[float] = []
    changed = 0
    for index, day in _events(planned, count, seed):
        athlete = Athlete(profile=profile, plan=plan)
        missed = planned[index].scheduled.id
        if ill_days:
            last = day + timedelta(days=ill_days - 1)  # type: ignore[operator]
            athlete.events.append(
                TrainingEvent(kind=EventKind.ILLNESS, first_day=day, last_day=last)  # type: ignore[arg-type]
            )
        for number, session in enumerate(planned):
            if session.scheduled.local_date < day and session.scheduled.id != missed:  # type: ignore[operator]
                athlete.log(done(session, number + 1))
        started = time.perf_counter()
        result = athlete.adapt(day)  # type: ignore[arg-type]
        timings.append(time.perf_counter() - started)
        changed += result.changed
    return timings, changed


def service(count: int, seed: int, folder: Path) -> list[float]:
    """Time the service's adapt (SQLite, dry run) for each event."""
    text, _ = sixteen_weeks(EXAMPLE.read_text(encoding="utf-8"))
    timings: list[float] = []
    url = f"sqlite:///{folder / 'service.db'}"
    with Store(url) as store:
        record, result = training_log.add_athlete(
            store, text, athlete_id="bench", now=datetime(2026, 11, 30, tzinfo=UTC)
        )
        planned = sessions(result.plan)
        zone = ZoneInfo(result.profile.timezone)
        logged = 0
        for index, day in sorted(_events(planned, count, seed), key=lambda e: e[1]):  # type: ignore[arg-type, return-value]
            for session in planned[logged:]:
                if session.scheduled.local_date >= day:  # type: ignore[operator]
                    break
                logged += 1
                if session is planned[index]:
                    continue
                activity = done(session, logged)
                store.add_activity(record.id, activity.activity, session_id=session.scheduled.id)
            now = datetime.combine(day, datetime.min.time(), tzinfo=zone)  # type: ignore[arg-type]
            started = time.perf_counter()
            adaptation.adapt(store, record.id, now=now, today=day, dry_run=True)  # type: ignore[arg-type]
            timings.append(time.perf_counter() - started)
    return timings


def cold(runs: int, folder: Path) -> tuple[list[float], list[float]]:
    """Time whole ``runlift adapt --dry-run`` processes on a store with a missed long run.

    Returns the wall-clock times and the CPU times (user + system) of each process: on
    a busy machine the second says what the command costs, the first what it took.
    """
    text, _ = sixteen_weeks(EXAMPLE.read_text(encoding="utf-8"))
    url = f"sqlite:///{folder / 'cold.db'}"
    with Store(url) as store:
        record, result = training_log.add_athlete(
            store, text, athlete_id="cold", now=datetime(2026, 11, 30, tzinfo=UTC)
        )
        week = result.plan.weeks[5]
        long_run = next(s for s in week.sessions if s.scheduled.spec.kind.value == "long")
        day = long_run.scheduled.local_date + timedelta(days=1)
        for number, session in enumerate(sessions(result.plan)):
            if session.scheduled.local_date < day and session is not long_run:
                activity = done(session, number + 1)
                store.add_activity(record.id, activity.activity, session_id=session.scheduled.id)
    runlift = Path(sys.executable).with_name("runlift")
    command = [str(runlift), "adapt", "--today", day.isoformat(), "--dry-run", "--db", url]
    # As installed: bytecode cached (pip compiles on install; a first run writes it).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, capture_output=True, env=env)
    timings: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        timings.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return timings, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    decided, changed = decision(args.events, args.seed)
    ill, ill_changed = decision(args.events, args.seed, ill_days=3)
    with tempfile.TemporaryDirectory() as folder:
        served = service(args.events, args.seed, Path(folder))
        started, cpu = cold(args.runs, Path(folder))
    result = {
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
        "events": args.events,
        "events_that_changed_the_plan": changed,
        "decision_median_ms": round(statistics.median(decided) * 1000, 1),
        "decision_p95_ms": round(_p95(decided) * 1000, 1),
        "decision_target_median_ms": TARGET_DECISION_S * 1000,
        "illness_events_that_changed_the_plan": ill_changed,
        "illness_decision_median_ms": round(statistics.median(ill) * 1000, 1),
        "illness_decision_p95_ms": round(_p95(ill) * 1000, 1),
        "service_median_ms": round(statistics.median(served) * 1000, 1),
        "service_p95_ms": round(_p95(served) * 1000, 1),
        "cold_command_median_s": round(statistics.median(started), 3),
        "cold_command_max_s": round(max(started), 3),
        "cold_command_cpu_median_s": round(statistics.median(cpu), 3),
        "cold_target_s": TARGET_COLD_S,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>30}: {value}")


if __name__ == "__main__":
    main()
