"""Pure, cited formulas: running, strength, energy, training load, nutrition arithmetic.

Every public function is keyword-only, has units in its parameter names, raises
``InvalidInput`` on nonsense, and cites its source in a ``Source:`` docstring section.
Part of the core: it may import only the base modules (``vocabulary``, ``units``,
``errors``).
"""
