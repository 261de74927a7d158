"""Command-line entry point (Typer). Thin: parse arguments, call the core, render with rich."""
