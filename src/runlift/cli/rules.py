"""``runlift rules``: the guideline catalogue as the code applies it."""

from __future__ import annotations

from typing import Annotated

import typer

from runlift.cli import render


def rules(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List every rule: id, what it measures, sources, hard/soft, parameters per profile.

    The guidance documents the rules cite (G1-G5) follow, one line each.
    """
    from runlift.rules import GUIDANCE, RULES  # noqa: PLC0415 - keeps `runlift --help` fast

    listing = [
        {
            "id": rule.id,
            "title": rule.title,
            "category": rule.category,
            "strength": rule.strength.value,
            "sources": list(rule.sources),
            "weight": rule.weight,
            "parameters": {
                name: {str(profile): value for profile, value in values.items()}
                for name, values in rule.parameters.items()
            },
        }
        for rule in RULES.values()
    ]
    sources = [
        {"id": source.id, "title": source.title, "summary": source.summary}
        for source in GUIDANCE.values()
    ]
    if as_json:
        render.emit_json({"rules": listing, "guidance": sources})
        return
    render.table(
        "runlift rules (GUIDELINES.md IDs)",
        ("id", "strength", "rule", "parameters (default/moderate/strict)", "sources"),
        [
            (
                str(item["id"]),
                str(item["strength"]),
                str(item["title"]),
                "; ".join(
                    f"{name} {'/'.join(f'{v:g}' for v in values.values())}"
                    for name, values in rule.parameters.items()
                ),
                ", ".join(rule.sources),
            )
            for item, rule in zip(listing, RULES.values(), strict=True)
        ],
    )
    render.guidance_legend((), all_sources=True)
