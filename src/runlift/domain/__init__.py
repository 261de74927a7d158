"""Frozen, slotted, keyword-only dataclasses for athletes, sessions, weeks and plans."""
