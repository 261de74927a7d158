"""File formats to and from the domain, over bytes and strings, never paths.

Profiles (YAML), plans (JSON, Markdown, CSV), calendars (ICS), FIT workouts,
training-load CSVs and the wording of prescriptions they share. An adapter: it
may import the domain, the science, the rules and the base modules, not the
planning packages; paths and uploads belong to the entry points.
"""
