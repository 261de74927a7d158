"""Ctrl-C and failures: one line, exit 130, nothing written, no worker process left behind.

A command's writes are *pending* until the command has finished: :func:`pending`
registers how to undo them (put the old files back) and how to keep them (drop the
old copies). :func:`command` keeps them when the command returns and undoes them when
it raises, so a failure after the files were moved into place still leaves the folder
as it was.

Ctrl-C is not an exception here. :func:`watch` blocks SIGINT in the main thread, and so
in every thread and process started after it (the solver's threads, the PDF worker),
and a watcher thread waits for it with ``sigwait``. Whatever the process is doing
(importing, solving, laying out the PDF, moving files), the watcher runs the
registered clean-ups (stop the worker, remove the staging folder, undo pending
writes), prints one line and ends the process with status 130. Moving files into
place is a :func:`critical` section: the watcher waits for it to end and then undoes
it, so the folder is never left half replaced. Nothing is raised into the code that
was interrupted, so no library catches the interrupt and carries on (the CP-SAT
solver, left to itself, stops early on SIGINT and returns its best placement so far).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Final

EXIT_INTERRUPTED: Final = 130
"""128 + SIGINT, what shells report for a command stopped by Ctrl-C."""

MESSAGE: Final = "interrupted: nothing was written\n"


@dataclass
class _State:
    lock: threading.RLock = field(default_factory=threading.RLock)
    cleanups: list[Callable[[], None]] = field(default_factory=list)
    pending: list[tuple[Callable[[], None], Callable[[], None]]] = field(default_factory=list)
    watching: bool = False
    finished: bool = False


_STATE = _State()


def _quietly(action: Callable[[], None]) -> None:
    with suppress(Exception):
        action()


def _interrupted() -> None:
    """Clean up and end the process (the watcher thread, after SIGINT)."""
    with _STATE.lock:
        if _STATE.finished:
            return
        for undo, _ in reversed(_STATE.pending):
            _quietly(undo)
        for cleanup in reversed(_STATE.cleanups):
            _quietly(cleanup)
        with suppress(Exception):
            sys.stdout.flush()
        with suppress(OSError):
            os.write(2, MESSAGE.encode())
        os._exit(EXIT_INTERRUPTED)


def _watch_forever() -> None:
    while True:
        signal.sigwait({signal.SIGINT})
        _interrupted()


def watch() -> None:
    """Handle Ctrl-C for the rest of the process (the console script calls this first).

    Only where the platform offers ``pthread_sigmask`` and ``sigwait`` (Linux, macOS);
    elsewhere Python's default applies.
    """
    if _STATE.watching or not hasattr(signal, "pthread_sigmask"):
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    threading.Thread(target=_watch_forever, name="runlift-ctrl-c", daemon=True).start()
    _STATE.watching = True


@contextmanager
def on_interrupt(cleanup: Callable[[], None]) -> Iterator[None]:
    """Run ``cleanup`` if Ctrl-C comes while the block runs (stop a worker, remove a folder)."""
    with _STATE.lock:
        _STATE.cleanups.append(cleanup)
    try:
        yield
    finally:
        with _STATE.lock:
            _STATE.cleanups.remove(cleanup)


@contextmanager
def critical() -> Iterator[None]:
    """A block Ctrl-C waits for: it is then undone as a whole, never cut in half."""
    with _STATE.lock:
        yield


def pending(*, undo: Callable[[], None], keep: Callable[[], None]) -> None:
    """Register writes the command may still take back: ``undo`` on failure, ``keep`` on success."""
    with _STATE.lock:
        _STATE.pending.append((undo, keep))


@contextmanager
def command() -> Iterator[None]:
    """Run one command: keep its pending writes if it returns, undo them if it raises.

    Once they are kept the command is over, and a Ctrl-C in the moment before the
    process ends changes nothing.
    """
    with _STATE.lock:
        _STATE.finished = False
    try:
        yield
    except SystemExit as exc:
        if exc.code not in {0, None}:
            _undo_pending()
            raise
        _keep_pending()
        raise
    except BaseException:
        _undo_pending()
        raise
    _keep_pending()


def _undo_pending() -> None:
    with _STATE.lock:
        for undo, _ in reversed(_STATE.pending):
            _quietly(undo)
        _STATE.pending.clear()


def _keep_pending() -> None:
    with _STATE.lock:
        for _, keep in _STATE.pending:
            _quietly(keep)
        _STATE.pending.clear()
        _STATE.finished = True
