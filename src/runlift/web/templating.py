"""Server-rendered pages: the Jinja2 environment and one way to render a page.

Templates live in ``runlift/web/templates``; they use no inline script or style
(the Content Security Policy forbids both) and one stylesheet from ``static/``.
Every page gets the user, the session's CSRF token, the rule-ID linker, the
log's figures (``pace``, ``minutes``, ``number``) and the report's charts (``chart``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any, Final

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from runlift.report import charts
from runlift.report.model import Chart, link_rule_ids
from runlift.units import format_pace
from runlift.web.security import CSRF_FIELD, csrf_token


@functools.cache
def environment() -> jinja2.Environment:
    """The templates' environment: autoescaped, strict about undefined names."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("runlift.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["rules"] = rule_links
    env.filters["pace"] = format_pace
    env.filters["minutes"] = minutes_text
    env.filters["number"] = number_text
    env.filters["chart"] = chart_svg
    return env


_STYLE: Final = re.compile(r' style="([^"]*)"')


def _presentation(match: re.Match[str]) -> str:
    """``style="fill: #fff; stroke:none;"`` as ``fill="#fff" stroke="none"``."""
    pairs = (item.split(":", 1) for item in match.group(1).split(";") if ":" in item)
    return "".join(
        f' {name.strip()}="{value.strip().replace("None", "none")}"' for name, value in pairs
    )


def chart_svg(chart: Chart) -> Markup:
    """The report's chart (``runlift.report.charts.svg``) inline, its styles as attributes.

    The Content Security Policy forbids inline ``style`` attributes; SVG's
    presentation attributes (``fill``, ``stroke``, ``font-size`` ...) say the same and
    are no style, so the chart keeps its colours.
    """
    return Markup(_STYLE.sub(_presentation, charts.svg(chart)))


def minutes_text(minutes: float) -> str:
    """A duration for the log's pages: ``45 min``, ``1 h 05``.

    Examples:
        >>> minutes_text(44.6), minutes_text(65), minutes_text(120.2)
        ('45 min', '1 h 05', '2 h 00')
    """
    whole = round(minutes)
    return f"{whole} min" if whole < 60 else f"{whole // 60} h {whole % 60:02d}"


def number_text(value: float) -> str:
    """A logged figure as typed: ``7.5``, ``8``, ``61.2`` (no trailing zeros).

    Examples:
        >>> number_text(7.5), number_text(8.0), number_text(61.25)
        ('7.5', '8', '61.2')
    """
    return f"{round(value, 1):g}"


def rule_links(text: str) -> Markup:
    """Escape ``text`` and link each catalogued rule ID in it to the rule catalogue page."""
    return Markup(
        link_rule_ids(
            str(escape(text)),
            lambda rule_id: f'<a class="rid" href="/rules#{rule_id}">{rule_id}</a>',
        )
    )


def render(
    request: Request,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """The page ``template`` rendered with ``context``, the user and the CSRF token."""
    session = request.scope.get("session", {})
    values = {
        "request": request,
        "user": request.state.user if hasattr(request.state, "user") else None,
        "csrf_field": CSRF_FIELD,
        "csrf_token": csrf_token(session),
        **(context or {}),
    }
    html = environment().get_template(template).render(values)
    return HTMLResponse(html, status_code=status_code)
