"""Frozen, slotted, keyword-only dataclasses for athletes, sessions, weeks and plans.

Part of the core: it may import only the base modules (``vocabulary``, ``units``,
``errors``); no I/O, no formats, no solver.
"""
