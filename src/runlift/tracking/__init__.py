"""What was done, set against what was planned: matching, statuses, load and estimates.

Pure functions over domain objects (plans, activities, check-ins): which planned
session each activity fulfils (``matching``), how each session and day stands,
and the measurements the adaptation reads (``monitoring``: load, e1RM, VDOT,
body-mass trend, readiness, lift efforts; with ``loads`` and ``efforts``, whose
names it re-exports). Part of the core: it may import the
domain, the science and the base modules; no I/O, no store, no solver.
"""
