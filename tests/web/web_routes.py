"""Every route of the app, read from ``app.routes`` (included routers opened up)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi import routing as fastapi_routing


def all_routes(app: FastAPI) -> list[tuple[str, frozenset[str]]]:
    """Each route's path and methods, in the app's order (mounts such as /static left out)."""
    contexts = getattr(fastapi_routing, "iter_route_contexts", None)
    routes = list(contexts(app.routes)) if contexts is not None else list(app.routes)
    found = []
    for route in routes:
        path = getattr(route, "path", None)
        methods = getattr(route, "methods", None)
        if path is not None and methods:
            found.append((str(path), frozenset(methods) - {"HEAD"}))
    return found


def post_form_routes(app: FastAPI) -> list[str]:
    """The pages' form posts: every unsafe route outside the API."""
    return [
        path
        for path, methods in all_routes(app)
        if not path.startswith("/api/") and methods & {"POST", "PUT", "PATCH", "DELETE"}
    ]
