"""The app's routes: pages for the browser, the API, and what needs no login.

=====================  ==============================================================
module                 routes
=====================  ==============================================================
``public``             health, calendar subscriptions, the rule catalogue
``pages_auth``         home, sign-up, login, logout
``pages_athletes``     onboarding, the plan and its downloads, sharing
``pages_log``          the training log: the week, uploads, sessions, check-ins, events
``pages_coach``        the coach's dashboard
``api``                ``/api/v1``: tokens, athletes, plans, coaches
``api_log``            ``/api/v1/athletes/{id}/...``: the training log
=====================  ==============================================================

The athlete's status (``GET /athletes/{id}/status``, ``status.html.j2``) and the
plan's adaptation (``/athletes/{id}/adapt``, ``adapt.html.j2``) join as modules of
their own beside ``pages_log`` and ``api_log``, with their tabs in
``_athlete_nav.html.j2``.
"""
