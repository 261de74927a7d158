"""The programme: what the athlete does each week, before it is placed in time.

Holds the athlete's baseline numbers (``baseline``: VDOT, paces, maxima, energy),
the periodisation of the whole plan into blocks and weeks (``periodisation``,
with the calendar of blocks in ``blocks``, the running volume and a week's
shape in ``running_volume``, the days each session may take in
``training_days``, the weeks' notes in ``week_notes`` and their numbers in
``periodisation_tables``), the running and lifting prescriptions of each week
(``running_prescription`` with ``running_steps``, and ``lifting_prescription``,
with their templates and doses as typed tables in ``running_workouts``,
``lifting_templates`` and ``lifting_doses``; the lifting reads the whole plan
through ``lifting_progression``, builds each session with ``lifting_sessions`` and
explains it with ``lifting_reasons``), the assembly of a whole plan
(``assembly.build_plan``), which hands every week to the placement, and the
adaptation of a plan version to what was done (``adaptation.adapt_plan``, with its
decisions in ``adaptation_days``, ``adaptation_load``, ``adaptation_calendar`` and
``adaptation_facts``; ``docs/adaptation.md``).

It may import the placement, the tracking core, the rules, the domain, the science
and the base modules; no file formats, no storage, no I/O.
"""
