"""How runlift's commands show their help: flags without a ``<bool>`` type beside them.

Typer labels every option with its type, and a flag (``--json``, ``--help``) has no
value to type, so its label is left empty.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand, TyperGroup, TyperOption

# Typer's own copy of click types these; Any keeps the overrides independent of it.
Params = list[Any]


def _flag_labels_off(params: Params) -> Params:
    for param in params:
        if isinstance(param, TyperOption) and param.is_flag:
            param.metavar = ""
    return params


class Command(TyperCommand):
    """A runlift command."""

    def get_params(self, ctx: Any) -> Params:
        """The command's parameters, its help option among them, flags unlabelled."""
        return _flag_labels_off(super().get_params(ctx))


class Group(TyperGroup):
    """A runlift command group (``runlift``, ``runlift calc``)."""

    def get_params(self, ctx: Any) -> Params:
        """The group's parameters, its help option among them, flags unlabelled."""
        return _flag_labels_off(super().get_params(ctx))
