"""The app's routes: pages for the browser, the API, and what needs no login.

=====================  ==============================================================
module                 routes
=====================  ==============================================================
``public``             health, calendar subscriptions, the rule catalogue
``pages_auth``         home, sign-up, login, logout
``pages_athletes``     onboarding, the plan and its downloads, sharing
``pages_log``          the training log: the week, uploads, sessions, check-ins, events
``pages_adapt``        the plan adapted (its changes shown first), a session moved
``pages_progress``     the athlete's progress: the status numbers and the report's charts
``pages_coach``        the coach's dashboard
``api``                ``/api/v1``: tokens, athletes, plans, coaches
``api_log``            ``/api/v1/athletes/{id}/...``: the training log
``api_status``         ``/api/v1/athletes/{id}/...``: status, adaptation, sessions moved
=====================  ==============================================================
"""
