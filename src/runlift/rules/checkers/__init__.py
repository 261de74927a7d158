"""Solver-free checkers, one module per rule: ``check`` finds violations, ``penalty`` prices.

Every ``check(sessions, context)`` judges the sessions it is given: pair and
gap rules look at every pair (so a span of weeks is judged across its week
boundaries), per-day rules group by local date and per-week rules by ISO week.
``penalty(sessions, context)`` returns exactly the integer that the placement
objective uses for the rule. All-day sessions count for day rules only.
"""
