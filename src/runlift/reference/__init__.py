"""Bundled reference data and its loaders.

The data are text files in ``runlift/reference/data`` (CSV for numeric
tables, TOML for curated libraries), each with its source in
``data/SOURCES.md``. Loaders read them once through ``importlib.resources``
and return frozen objects; one test per table validates the whole file. An
adapter: it may import the domain, the science and the base modules.
"""
