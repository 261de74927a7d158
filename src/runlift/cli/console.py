"""The ``runlift`` console script: Ctrl-C is taken care of before anything else is loaded."""

from __future__ import annotations


def run() -> None:
    """Watch for Ctrl-C (``runlift.cli.interrupt``), then load and run the command line."""
    from runlift.cli import interrupt  # noqa: PLC0415 - the standard library only

    interrupt.watch()
    from runlift.cli.app import run as run_command_line  # noqa: PLC0415 - after the watch

    run_command_line()
