"""Server-rendered pages: the Jinja2 environment and one way to render a page.

Templates live in ``runlift/web/templates``; they use no inline script or style
(the Content Security Policy forbids both) and one stylesheet from ``static/``.
Every page gets the user, the session's CSRF token and the rule-ID linker.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from runlift.report.model import link_rule_ids
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
    return env


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
