"""``python -m runlift.cli``."""

from runlift.cli.app import run

run()
