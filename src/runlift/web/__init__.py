"""The web app and its REST API: multi-user, self-hosted, on the same store as the command line.

``app.create_app(settings)`` builds the FastAPI app; the store is opened when the
app starts (its lifespan), never at import. ``deps`` holds the dependencies,
among them the one place that decides who may reach which athlete; ``security``
the sessions, CSRF tokens, API tokens and headers; ``schemas`` the API's bodies;
``routes`` the pages, the API and what needs no login; ``templates`` and
``static`` the server-rendered pages (no script; one stylesheet).

An entry point beside ``runlift.cli``: it may import the services and everything
below them, never the command line.
"""
