"""The web app under load: ``runlift serve --workers 2`` on loopback, 50 clients for 30 s.

A bounded, self-stopping load script, not a test. For each backend (SQLite, and a
throwaway PostgreSQL cluster started as ``tests/postgres_server.py`` does), a new
store is seeded with the demo's athletes (``runlift.services.demo``: the bundled
examples, each with four weeks of logged training), ``runlift serve`` starts on a
free loopback port with two worker processes, and the clients, each logged in as
one athlete (a session cookie for the pages, a bearer token for the API), repeat a
mix of requests until the time is up:

========  ====  ==============================================================
kind      share  request
========  ====  ==============================================================
plan      25 %  ``GET /athletes/{id}?week=N``: the plan page, with the week's log
log       15 %  ``GET /athletes/{id}/log?week=N``: the log page
log_api   10 %  ``GET /api/v1/athletes/{id}/log?week=N``: the week document
status    15 %  ``GET /api/v1/athletes/{id}/status``: ``runlift status --json``'s document
progress   5 %  ``GET /athletes/{id}/progress``: the status and the report's five charts
checkin   10 %  ``POST /api/v1/athletes/{id}/checkins``: a day's check-in (merged)
missed    10 %  ``POST /api/v1/athletes/{id}/sessions/{s}/missed``: a reason (replaced)
upload     5 %  ``POST /api/v1/athletes/{id}/activities``: a real GPX run (85 min, 475 kB)
                moved to a new time in the plan: a new activity each time, matched on import
adapt      5 %  ``POST /api/v1/athletes/{id}/adapt`` ``{"dry_run": true}``: the adaptation
                decided from the whole log, as the Adapt button's preview (nothing stored)
========  ====  ==============================================================

Targets: p95 at most 100 ms for the plan page and the status, 500 ms for adapt.

Every client logs in first; then they run ``--warmup`` seconds unmeasured (each
worker builds and caches the plans' pages), then ``--duration`` seconds measured.
Each client waits ``--think`` seconds on average (uniformly 0.5x to 1.5x) between
requests, as a person does; ``--think 0`` sends the next request at once and
measures what the server can take. The load generator runs in this process
(asyncio, httpx) on the same machine as the server. Any answer that is not the
expected 2xx counts as an error. Prints, per backend, requests per second, the
p50/p95/p99 latency of each kind, and the CPU the server's processes and the
clients used in the measured window (with the machine's load average: the figures
mean little on a machine busy with other work); ``--json`` prints them as JSON.
``--uploads`` sets the uploads' share (percent; the other kinds keep theirs).

    .venv/bin/python benchmarks/web_load.py [--backend sqlite|postgresql|both]
        [--clients 50] [--duration 30] [--warmup 5] [--think 1.0] [--uploads 5]
        [--workers 2] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2 as httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from log_builders import STRAVA_GPX, shifted_gpx  # noqa: E402
from postgres_server import running_server  # noqa: E402
from runlift.services.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from runlift.store.repository import Store  # noqa: E402

EXAMPLES = ROOT / "examples" / "athletes"
SECRET = "benchmark-secret-" + "x" * 32
KINDS = (
    ("plan", 25),
    ("log", 15),
    ("log_api", 10),
    ("status", 15),
    ("progress", 5),
    ("checkin", 10),
    ("missed", 10),
    ("upload", 5),
    ("adapt", 5),
)
READS = ("plan", "log", "log_api", "status", "progress")
TARGET_P95_MS = {"plan": 100.0, "status": 100.0, "adapt": 500.0}
START_TIMEOUT_S = 60.0
HARD_LIMIT_S = 600.0
"""The whole run of one backend stops after this, whatever happens."""
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_ATHLETE = re.compile(r'href="/athletes/([a-z0-9-]+)/sharing"')


@dataclass
class Athlete:
    """A seeded athlete: its id, its owner's login, its plan's weeks and sessions."""

    email: str
    athlete_id: str = ""
    weeks: int = 0
    sessions: list[tuple[str, datetime]] = field(default_factory=list)
    past_days: list[str] = field(default_factory=list)


@dataclass
class Results:
    """Latencies (s) per kind, errors per kind, and the run's wall time."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k, _ in KINDS})
    errors: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k, _ in KINDS})
    wall_s: float = 0.0
    cpu: dict[str, tuple[float, float]] = field(default_factory=dict)
    """CPU seconds of the server (every worker) and of the clients, when the window began and
    ended."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def seed(url: str, *, now: datetime) -> list[Athlete]:
    """The demo's athletes in a new store at ``url``; their logins, weeks and sessions."""
    profiles = {p.stem: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))}
    with Store(url) as store:
        logins = seed_demo(store, profiles, now=now)
        athletes = []
        for login in logins[1:]:  # the coach's comes first
            user = store.accounts.user_by_email(login.email)
            assert user is not None
            (mine,) = store.accounts.owned_athletes(user.id)
            plan = store.plan_version(mine.id).plan
            start = plan.weeks[0].start
            athletes.append(
                Athlete(
                    email=login.email,
                    athlete_id=mine.id,
                    weeks=len(plan.weeks),
                    sessions=[
                        (str(s.scheduled.id), s.scheduled.start)
                        for week in plan.weeks
                        for s in week.sessions
                    ],
                    past_days=[
                        (start + timedelta(days=d)).isoformat()
                        for d in range((now.date() - start).days)
                    ],
                )
            )
    return athletes


@contextlib.contextmanager
def serving(url: str, *, workers: int, log: Path) -> Iterator[tuple[str, int]]:
    """``runlift serve`` on a free loopback port; yields its base URL and process id."""
    port = _free_port()
    environ = {
        **os.environ,
        "RUNLIFT_ENV": "production",
        "RUNLIFT_SECRET_KEY": SECRET,
        "RUNLIFT_ALLOWED_HOSTS": "127.0.0.1",
    }
    runlift = Path(sys.executable).with_name("runlift")
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(runlift), "serve", "--db", url, "--port", str(port), "--workers", str(workers)],
            env=environ,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while True:
                try:
                    if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(log.read_text(errors="replace"))
                time.sleep(0.2)
            yield base, process.pid
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


async def _log_in(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    """Log in through the page (cookie) and for the API (token); the API header."""
    page = await client.get("/login")
    found = _CSRF.search(page.text)
    assert found is not None
    answer = await client.post(
        "/login",
        data={"email": email, "password": DEMO_PASSWORD, "csrf_token": found.group(1)},
    )
    assert answer.status_code == 303, answer.text
    issued = await client.post(
        "/api/v1/auth/token", data={"username": email, "password": DEMO_PASSWORD}
    )
    assert issued.status_code == 200, issued.text
    return {"Authorization": f"Bearer {issued.json()['access_token']}"}


async def _one(
    client: httpx.AsyncClient,
    kind: str,
    athlete: Athlete,
    auth: dict[str, str],
    rng: random.Random,
) -> httpx.Response:
    base = f"/athletes/{athlete.athlete_id}"
    api = f"/api/v1/athletes/{athlete.athlete_id}"
    week = rng.randint(1, athlete.weeks)
    if kind == "plan":
        return await client.get(f"{base}?week={week}")
    if kind == "log":
        return await client.get(f"{base}/log?week={week}")
    if kind == "log_api":
        return await client.get(f"{api}/log?week={week}", headers=auth)
    if kind == "status":
        return await client.get(f"{api}/status", headers=auth)
    if kind == "progress":
        return await client.get(f"{base}/progress")
    if kind == "adapt":
        return await client.post(f"{api}/adapt", json={"dry_run": True}, headers=auth)
    if kind == "checkin":
        body = {"date": rng.choice(athlete.past_days), "sleep_h": round(rng.uniform(6, 9), 1)}
        return await client.post(f"{api}/checkins", json=body, headers=auth)
    if kind == "missed":
        session_id, _ = rng.choice(athlete.sessions)
        reason = rng.choice(("time", "illness", "travel", "other"))
        return await client.post(
            f"{api}/sessions/{session_id}/missed", json={"reason": reason}, headers=auth
        )
    _, start = rng.choice(athlete.sessions)
    moved = start + timedelta(seconds=rng.randint(-3600, 3600))
    data = shifted_gpx(moved, source=STRAVA_GPX)
    return await client.post(
        f"{api}/activities",
        files=[("files", (f"run-{rng.getrandbits(32):08x}.gpx", data, "application/gpx+xml"))],
        headers=auth,
    )


def _mix(upload_share: int) -> list[str]:
    """The kinds to draw from, each as many times as its share; uploads at ``upload_share`` %."""
    shares = dict(KINDS)
    shares["upload"] = upload_share
    return [kind for kind, share in shares.items() for _ in range(share)]


async def _client(
    base: str,
    athlete: Athlete,
    *,
    mix: list[str],
    seed_value: int,
    start: _Start,
    timing: dict[str, float],
    think_s: float,
    results: Results,
) -> None:
    rng = random.Random(seed_value)
    limits = httpx.Limits(max_connections=1)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        auth = await _log_in(client, athlete.email)
        await start.wait()  # every client logged in: the clock starts
        while (now := time.monotonic()) < timing["stop"]:
            kind = rng.choice(mix)
            began = time.perf_counter()
            counted = now >= timing["measure"]
            try:
                answer = await _one(client, kind, athlete, auth, rng)
            except httpx.HTTPError as exc:
                results.errors[kind].append(f"{type(exc).__name__}: {exc}")
                continue
            elapsed = time.perf_counter() - began
            if counted:
                results.latencies[kind].append(elapsed)
            if answer.status_code >= 300:
                results.errors[kind].append(f"{answer.status_code}: {answer.text[:200]}")
            elif kind == "upload" and answer.json()["failed"]:
                results.errors[kind].append(f"failed import: {answer.json()['failed']}")
            if think_s:
                await asyncio.sleep(think_s * rng.uniform(0.5, 1.5))


def _cpu_s(pid: int) -> float:
    """CPU seconds (user and system) of a process and every process below it (Linux /proc)."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                pending.extend(int(child) for child in children)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def _cpu_mark(results: Results, server_pid: int, when: str) -> None:
    """Record the server's and this process's CPU seconds at the start or end of the window."""
    own = time.process_time()
    results.cpu[when] = (_cpu_s(server_pid), own)


class _Start:
    """Holds every client until the last has logged in, then starts the clock once."""

    def __init__(self, count: int, start_clock: Callable[[], None]) -> None:
        self.count = count
        self.arrived = 0
        self.start_clock = start_clock
        self.event = asyncio.Event()

    async def wait(self) -> None:
        self.arrived += 1
        if self.arrived == self.count:
            self.start_clock()
            self.event.set()
        await self.event.wait()


async def _load(
    base: str,
    athletes: list[Athlete],
    *,
    clients: int,
    warmup_s: float,
    duration_s: float,
    think_s: float,
    mix: list[str],
    server_pid: int,
) -> Results:
    """Log every client in, let them run ``warmup_s`` unmeasured, then ``duration_s`` measured."""
    results = Results(wall_s=duration_s)
    timing = {"measure": 0.0, "stop": 0.0}

    def start_clock() -> None:
        timing["measure"] = time.monotonic() + warmup_s
        timing["stop"] = timing["measure"] + duration_s
        loop = asyncio.get_running_loop()
        loop.call_at(loop.time() + warmup_s, _cpu_mark, results, server_pid, "began")
        loop.call_at(loop.time() + warmup_s + duration_s, _cpu_mark, results, server_pid, "ended")

    start = _Start(clients, start_clock)
    await asyncio.gather(
        *(
            _client(
                base,
                athletes[index % len(athletes)],
                mix=mix,
                seed_value=index,
                start=start,
                timing=timing,
                think_s=think_s,
                results=results,
            )
            for index in range(clients)
        )
    )
    return results


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))
    return ordered[index]


def summary(
    backend: str, results: Results, *, clients: int, think_s: float, uploads: int
) -> dict[str, Any]:
    """Requests per second, and per kind the count, errors and p50/p95/p99 in ms."""
    total = sum(len(v) for v in results.latencies.values())
    kinds = {}
    for kind, _ in KINDS:
        values = results.latencies[kind]
        kinds[kind] = {
            "requests": len(values),
            "errors": len(results.errors[kind]),
            "p50_ms": round(statistics.median(values) * 1000, 1) if values else None,
            "p95_ms": round(_percentile(values, 0.95) * 1000, 1) if values else None,
            "p99_ms": round(_percentile(values, 0.99) * 1000, 1) if values else None,
        }
    reads = [v for kind in READS for v in results.latencies[kind]]
    (server_began, own_began), (server_ended, own_ended) = (
        results.cpu["began"],
        results.cpu["ended"],
    )
    window = results.wall_s
    return {
        "backend": backend,
        "clients": clients,
        "think_s": think_s,
        "upload_share_percent": uploads,
        "server_cpu_cores": round((server_ended - server_began) / window, 2),
        "client_cpu_cores": round((own_ended - own_began) / window, 2),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "measured_s": round(results.wall_s, 1),
        "requests": total,
        "requests_per_s": round(total / results.wall_s, 1),
        "errors": sum(len(v) for v in results.errors.values()),
        "reads_p95_ms": round(_percentile(reads, 0.95) * 1000, 1) if reads else None,
        "kinds": kinds,
        "first_errors": [e for kind, _ in KINDS for e in results.errors[kind]][:5],
    }


def run(backend: str, args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    """Seed a store on ``backend``, serve it, load it; the summary."""
    now = datetime.now(UTC)
    with contextlib.ExitStack() as stack:
        if backend == "sqlite":
            url = f"sqlite:///{folder / 'bench.db'}"
        else:
            server = stack.enter_context(running_server())
            url = server.create_database("bench")
        print(f"{backend}: seeding the demo athletes ...", file=sys.stderr)
        athletes = seed(url, now=now)
        base, pid = stack.enter_context(
            serving(url, workers=args.workers, log=folder / f"serve-{backend}.log")
        )
        print(
            f"{backend}: {args.clients} clients for {args.duration:g} s at {base}", file=sys.stderr
        )
        results = asyncio.run(
            asyncio.wait_for(
                _load(
                    base,
                    athletes,
                    clients=args.clients,
                    warmup_s=args.warmup,
                    duration_s=args.duration,
                    think_s=args.think,
                    mix=_mix(args.uploads),
                    server_pid=pid,
                ),
                timeout=min(HARD_LIMIT_S, args.warmup + args.duration + 180),
            )
        )
    return summary(backend, results, clients=args.clients, think_s=args.think, uploads=args.uploads)


def _print(result: dict[str, Any]) -> None:
    print(
        f"\n{result['backend']}: {result['requests']} requests in {result['measured_s']} s, "
        f"{result['requests_per_s']} req/s, {result['errors']} errors "
        f"({result['clients']} clients, think {result['think_s']} s, uploads "
        f"{result['upload_share_percent']} %)"
    )
    print(
        f"CPU: server {result['server_cpu_cores']} cores, clients {result['client_cpu_cores']} "
        f"cores; load average at the end {result['load_average_1min']}"
    )
    print(f"{'kind':<9} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, row in result["kinds"].items():
        print(
            f"{kind:<9} {row['requests']:>8} {row['errors']:>6} {row['p50_ms']!s:>8} "
            f"{row['p95_ms']!s:>8} {row['p99_ms']!s:>8}"
        )
    print(f"reads ({', '.join(READS)}) p95 {result['reads_p95_ms']} ms")
    for kind, target in TARGET_P95_MS.items():
        p95 = result["kinds"][kind]["p95_ms"]
        verdict = "met" if p95 is not None and p95 <= target else "NOT met"
        print(f"{kind} p95 {p95} ms: target {target:g} ms {verdict}")
    for error in result["first_errors"]:
        print(f"  error: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--uploads", type=int, default=dict(KINDS)["upload"], help="percent")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="runlift-load-") as folder:
        for backend in backends:
            outcomes.append(run(backend, args, Path(folder)))
    if args.json:
        print(json.dumps(outcomes, indent=2))
    else:
        for result in outcomes:
            _print(result)


if __name__ == "__main__":
    main()
