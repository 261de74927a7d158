"""The training log: athletes, plan versions and everything they did, in SQLite or PostgreSQL.

``repository.Store`` is the whole interface: it takes and returns domain objects
and frozen records, one transaction per call that writes. ``database`` opens the
store (``--db URL``, ``RUNLIFT_DB`` or a SQLite file in the user's data folder) and
keeps its schema current with the Alembic migrations in ``migrations/``; ``tables``
maps the rows (SQLAlchemy 2) and ``codec`` keeps plans and profiles exactly.

An adapter: it may import the domain, the science and the base modules; no
planning, no file formats, no entry points.
"""
