"""``runlift schema``: the JSON Schemas of runlift's file formats."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from runlift.cli import render


class SchemaName(StrEnum):
    """Formats with a published schema."""

    PROFILE = "profile"
    PLAN = "plan"


def schema(
    name: Annotated[
        SchemaName,
        typer.Argument(help="profile (athlete YAML) or plan (plan.json).", case_sensitive=False),
    ],
) -> None:
    """Print the JSON Schema of the athlete profile or of plan.json."""
    if name is SchemaName.PROFILE:
        from runlift.io.profile import profile_json_schema  # noqa: PLC0415 - pydantic is slow

        render.emit_json(profile_json_schema())
    else:
        from runlift.io.plan_json import plan_json_schema  # noqa: PLC0415 - pydantic is slow

        render.emit_json(plan_json_schema())
