"""The ``hrtoets`` command: the Typer app, its command groups and the one error boundary.

Expected failures (:class:`~hrtoets.errors.HrtoetsError`) become one sentence on stderr in the
user's language and an exit code; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from hrtoets.cli import batch, check, clause, index, log, monitor
from hrtoets.cli.session import DEBUG_KEY, LANG_KEY, error_lang
from hrtoets.errors import ExitCode, HrtoetsError

EPILOG = (
    "Exit codes: 0 ok; 1 a finding (a broken register chain, a changed verdict); "
    "2 bad input or usage; 130 interrupted. "
    "Scores: WJP Rule of Law Index, World Justice Project."
)


class BoundaryGroup(TyperGroup):
    """The root group: turns expected errors into a sentence and an exit code."""

    def invoke(self, ctx: Any) -> Any:  # Typer's vendored click Context is not public API
        try:
            return super().invoke(ctx)
        except HrtoetsError as exc:
            if ctx.meta.get(DEBUG_KEY) or os.environ.get("HRTOETS_DEBUG"):
                raise
            typer.secho(exc.render(error_lang(ctx.meta.get(LANG_KEY))), err=True, fg="red")
            raise typer.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt:
            typer.echo("", err=True)
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None


app = typer.Typer(
    cls=BoundaryGroup,
    name="hrtoets",
    help="Screen international contacts for human-rights risk the way the City of Ghent does.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def root(
    ctx: typer.Context,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback of an error.")
    ] = False,
) -> None:
    """Screen international contacts for human-rights risk the way the City of Ghent does.

    Rule: WJP Rule of Law Index score at or below 0.5, or not in the index, or the guiding question
    answered yes: ask the human-rights council for advice.
    """
    ctx.meta[DEBUG_KEY] = debug


for module in (check, index, batch, log, clause, monitor):
    module.register(app)


def main() -> None:
    """Console-script entry point."""
    app(prog_name="hrtoets")
    sys.exit(0)  # pragma: no cover - app() exits itself
