"""Test-wide settings: property tests draw the same examples on every run.

``make test`` must give the same verdict on every machine and every run, so
Hypothesis derives its examples from each test itself (``derandomize``) and
keeps no example database between runs. To search further for new failing
examples, run ``HYPOTHESIS_PROFILE=explore .venv/bin/pytest tests/property``:
new random examples on every run, failures remembered in ``.hypothesis/``.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))
