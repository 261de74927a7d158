"""The app's routes: pages for the browser, the API, and what needs no login."""
