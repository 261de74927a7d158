"""The ``runlift`` command (Typer). Thin: parse arguments, call a service or the core, render.

An entry point at the top of the layering: it may import every package below it.
Output goes through ``render`` (rich) only; paths are read and written here.
"""
