"""The ``runlift`` command: a thin Typer app.

Exit codes: 0 success, 1 a user error (bad value, unreadable file, rule
violations found by ``lint``), 2 a usage error (unknown option, missing
argument). Every error is one short paragraph on stderr, never a traceback.
"""

from __future__ import annotations

import gc
import sys

import typer

from runlift.cli import calc, demo, init, lint, nutrition, plan, rules, schema, serve, show
from runlift.cli.render import error_console
from runlift.errors import RunliftError

app = typer.Typer(
    name="runlift",
    help="Plan, explain and adapt concurrent training: running and lifting together.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(calc.app, name="calc")
app.command(name="init")(init.init)
app.command(name="plan")(plan.plan)
app.command(name="show")(show.show)
app.command(name="explain")(show.explain)
app.command(name="demo")(demo.demo)
app.command(name="lint")(lint.lint)
app.command(name="nutrition")(nutrition.nutrition)
app.command(name="rules")(rules.rules)
app.command(name="schema")(schema.schema)
app.command(name="serve")(serve.serve)

EXIT_USER_ERROR = 1
EXIT_USAGE = 2


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code (``sys.exit`` is left to the caller).

    Typer reports usage errors itself (exit 2); runlift's own errors and
    unreadable files become one line on stderr and exit 1.
    """
    try:
        app(args=argv, prog_name="runlift")
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_USER_ERROR)
    except RunliftError as exc:
        error_console().print(f"[bold red]error:[/] {exc}", highlight=False)
        return EXIT_USER_ERROR
    except OSError as exc:
        error_console().print(
            f"[bold red]error:[/] {exc.strerror or exc}: {exc.filename or ''}", highlight=False
        )
        return EXIT_USER_ERROR
    return 0


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
