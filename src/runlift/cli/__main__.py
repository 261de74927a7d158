"""``python -m runlift.cli``."""

from runlift.cli.console import run

run()
