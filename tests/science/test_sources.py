"""Every public science function cites its source and says what its inputs are."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator

import pytest

import runlift.science

EXEMPT_MODULES = {"runlift.science.checks"}


def _public_functions() -> Iterator[tuple[str, Callable[..., object]]]:
    for info in pkgutil.iter_modules(runlift.science.__path__, "runlift.science."):
        if info.name in EXEMPT_MODULES:
            continue
        module = importlib.import_module(info.name)
        for name, obj in inspect.getmembers(module, inspect.isfunction):
            if obj.__module__ == module.__name__ and not name.startswith("_"):
                yield f"{info.name}.{name}", obj


FUNCTIONS = sorted(_public_functions(), key=lambda pair: pair[0])


def test_science_has_functions() -> None:
    assert len(FUNCTIONS) >= 1


@pytest.mark.parametrize(("name", "func"), FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_public_science_function_cites_a_source(name: str, func: Callable[..., object]) -> None:
    doc = inspect.getdoc(func) or ""
    assert "Source:" in doc or "Sources:" in doc, f"{name} has no Source: section"


@pytest.mark.parametrize(("name", "func"), FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_public_science_function_is_keyword_only(name: str, func: Callable[..., object]) -> None:
    params = inspect.signature(func).parameters.values()
    positional = [p.name for p in params if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    assert positional == [], f"{name} takes positional parameters {positional}"
