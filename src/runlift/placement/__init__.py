"""The weekly placement: when each session of a week starts, and why there.

Holds the CP-SAT model of one week (``model``, ``prepare``, ``clock``), one
constraint module per rule (``constraints``), the solve (``solve``), the
explanation of a placed week (``explain``), the diagnosis of a week that cannot
be placed (``diagnosis``) and the types they return (``results``). The public
entry is ``runlift.placement.week.place_week``, which also re-places a week with
as few moves as the rules allow (``previous=``).

It is the only package that imports OR-Tools, and it imports only the rules,
the domain, the science and the base modules. Inside it, the modules form
layers, top to bottom: ``week`` > ``diagnosis`` | ``explain`` > ``solve`` >
``constraints`` > ``model`` > ``prepare`` > ``clock`` | ``results``.
"""
