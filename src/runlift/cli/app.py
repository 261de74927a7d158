"""The ``runlift`` command: a thin Typer app.

Exit codes, the same for every command: 0 success; 1 bad input (a value out of range,
a missing or unreadable file, a profile no plan can honour) and, for ``lint``, a hard
rule broken; 2 a usage error (unknown command or option, missing argument), as Typer
reports it; 130 interrupted by Ctrl-C. Every error is one line per problem on stderr,
naming the file and the field, never a traceback.
"""

from __future__ import annotations

import gc
import sys

import typer

from runlift.cli import (
    adapt,
    athlete,
    calc,
    demo,
    export,
    init,
    interrupt,
    lint,
    log,
    nutrition,
    plan,
    rules,
    schema,
    serve,
    show,
    status,
)
from runlift.cli.commands import Command, Group
from runlift.cli.render import error_lines
from runlift.errors import RunliftError

app = typer.Typer(
    name="runlift",
    help="Plan, explain and adapt concurrent training: running and lifting together.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    cls=Group,
)
app.add_typer(calc.app, name="calc")
app.command(name="init", cls=Command)(init.init)
app.command(name="plan", cls=Command)(plan.plan)
app.command(name="show", cls=Command)(show.show)
app.command(name="explain", cls=Command)(show.explain)
app.command(name="demo", cls=Command)(demo.demo)
app.command(name="lint", cls=Command)(lint.lint)
app.command(name="nutrition", cls=Command)(nutrition.nutrition)
app.command(name="rules", cls=Command)(rules.rules)
app.command(name="schema", cls=Command)(schema.schema)
app.add_typer(athlete.app, name="athlete")
app.command(name="export", cls=Command)(export.export)
app.add_typer(log.app, name="log")
app.command(name="adapt", cls=Command)(adapt.adapt)
app.command(name="status", cls=Command)(status.status)
app.command(name="serve", cls=Command)(serve.serve)

EXIT_USER_ERROR = 1
EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code (``sys.exit`` is left to the caller).

    Typer reports usage errors itself (exit 2); runlift's own errors and unreadable
    files become one line per problem on stderr and exit 1. Whatever the command wrote
    is undone when it fails (``runlift.cli.interrupt.command``).
    """
    try:
        with interrupt.command():
            app(args=argv, prog_name="runlift")
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_USER_ERROR)
    except RunliftError as exc:
        error_lines(exc.lines())
        return EXIT_USER_ERROR
    except OSError as exc:
        error_lines([file_error_text(exc)])
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        # Only where Ctrl-C is not watched (``interrupt.watch``): the same line and status.
        error_lines([interrupt.MESSAGE.strip()], prefix="")
        return interrupt.EXIT_INTERRUPTED
    return 0


def file_error_text(exc: OSError) -> str:
    """A file that cannot be opened, as one line: the file first, then why."""
    reason = (exc.strerror or str(exc)).lower()
    if isinstance(exc, FileNotFoundError):
        reason = "no such file"
    elif isinstance(exc, IsADirectoryError):
        reason = "is a folder; give a file"
    elif isinstance(exc, PermissionError):
        reason = "cannot be read: no permission"
    return f"{exc.filename}: {reason}" if exc.filename else reason


def run() -> None:
    """Console-script entry point.

    The process ends right after the command, so everything it made is moved out of the
    garbage collector's reach first (``gc.freeze``): the interpreter's final collections
    would otherwise walk a whole plan's objects for nothing (about 0.15 s after
    ``runlift plan``; ``benchmarks/cli_plan.py``).
    """
    code = main()
    gc.freeze()
    sys.exit(code)
