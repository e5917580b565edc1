"""The ``hrtoets`` command: the Typer app, its command groups and the one error boundary.

Expected failures (:class:`~hrtoets.errors.HrtoetsError`) become one sentence on stderr in the
user's language and an exit code; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from functools import cache
from importlib import import_module
from typing import Annotated, Any, Final, NoReturn

import typer
import typer.main
from typer.core import TyperGroup

from hrtoets.cli import streams
from hrtoets.cli.session import DEBUG_KEY, LANG_KEY, error_lang
from hrtoets.errors import ExitCode, HrtoetsError, os_problem, printable
from hrtoets.messages import t

# Each command group lives in its own module, loaded only when that command runs (or for --help):
# `hrtoets check` then pays neither for importing the other groups nor for Typer building them.
COMMAND_MODULES: Final = {
    "check": "hrtoets.cli.check",
    "batch": "hrtoets.cli.batch",
    "index": "hrtoets.cli.index",
    "log": "hrtoets.cli.log",
    "clause": "hrtoets.cli.clause",
    "monitor": "hrtoets.cli.monitor",
    "report": "hrtoets.cli.report",
    "config": "hrtoets.cli.config",
}

EPILOG = (
    "Exit codes: 0 ok; 1 a finding (a broken register chain, a changed verdict); "
    "2 bad input or usage; 130 interrupted (Ctrl-C); 143 stopped (SIGTERM). "
    "Scores: WJP Rule of Law Index, World Justice Project."
)


class BoundaryGroup(TyperGroup):
    """The root group: loads command modules on demand; expected errors become a sentence."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [*COMMAND_MODULES, *(n for n in self.commands if n not in COMMAND_MODULES)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in COMMAND_MODULES:
            found = load_command(cmd_name)
            self.add_command(found, cmd_name)
        return found

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Click's main, with ``--help`` and usage errors in the user's language."""
        from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

        from hrtoets.cli.localised import (
            choose_language,
            error_message,
            localise,
            set_language,
            usage_error_text,
        )

        argv = list(sys.argv[1:] if args is None else args)
        lang = choose_language(argv)
        set_language(lang)
        localise(self)

        def run() -> Any:
            return super(BoundaryGroup, self).main(
                argv, prog_name, complete_var, False, windows_expand_args, **extra
            )

        if not standalone_mode:
            return run()
        try:
            result = run()
        except NoArgsIsHelpError as exc:  # "hrtoets log": the group's help, then exit 2
            typer.echo(exc.format_message(), err=True)
            sys.exit(exc.exit_code)
        except UsageError as exc:
            typer.echo(usage_error_text(exc, lang), err=True)
            sys.exit(exc.exit_code)
        except ClickException as exc:
            typer.echo(f"{t('click.error', lang)}: {error_message(exc, lang)}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo(t("click.aborted", lang), err=True)
            sys.exit(int(ExitCode.INTERRUPTED))
        sys.exit(result if isinstance(result, int) else 0)

    def invoke(self, ctx: Any) -> Any:  # Typer's vendored click Context is not public API
        try:
            streams.prepare()
            return super().invoke(ctx)
        except HrtoetsError as exc:
            self._say(ctx, exc)
        except BrokenPipeError:  # the reader left (| head): nothing more to say
            streams.reader_gone()
            raise typer.Exit(int(ExitCode.OK)) from None
        except OSError as exc:  # a full disk, no permission, a name too long: one sentence
            self._say(ctx, os_problem(exc), cause=exc)
        except UnicodeError as exc:  # a file name that is not UTF-8 reached a writer
            if not _surrogates(exc):
                raise
            self._say(ctx, HrtoetsError("file.name_not_utf8", path=_shown_name(exc)), cause=exc)
        except streams.Terminated:
            typer.echo("", err=True)
            raise typer.Exit(int(ExitCode.TERMINATED)) from None
        except KeyboardInterrupt:
            typer.echo("", err=True)
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None

    @staticmethod
    def _say(ctx: Any, exc: HrtoetsError, cause: BaseException | None = None) -> NoReturn:
        """One sentence on stderr and the error's exit code (``--debug``: the traceback)."""
        if ctx.meta.get(DEBUG_KEY) or os.environ.get("HRTOETS_DEBUG"):
            raise cause or exc
        typer.secho(exc.render(error_lang(ctx.meta.get(LANG_KEY))), err=True, fg="red")
        raise typer.Exit(int(exc.exit_code)) from None


def _surrogates(exc: UnicodeError) -> bool:
    """Whether ``exc`` is about a lone surrogate: bytes of a non-UTF-8 file name."""
    return "surrogate" in str(exc)


def _shown_name(exc: UnicodeError) -> str:
    return printable(getattr(exc, "object", ""))[:200]


app = typer.Typer(
    cls=BoundaryGroup,
    name="hrtoets",
    help="Screen international contacts for human-rights risk the way the City of Ghent does.",
    epilog=EPILOG,
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion: bash, zsh, fish, PowerShell
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def show_version(value: bool) -> None:
    """``--version``: print the version and stop."""
    if value:
        from hrtoets.version import __version__

        typer.echo(f"hrtoets {__version__}")
        raise typer.Exit(int(ExitCode.OK))


@app.callback()
def root(
    ctx: typer.Context,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback of an error.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", is_eager=True, callback=show_version
        ),
    ] = False,
) -> None:
    """Screen international contacts for human-rights risk the way the City of Ghent does.

    Rule: WJP Rule of Law Index score at or below 0.5, or not in the index, or the guiding question
    answered yes: ask the human-rights council for advice.
    """
    ctx.meta[DEBUG_KEY] = debug


@cache
def load_command(name: str) -> Any:
    """Import the module of command ``name`` and build its click command with Typer.

    Built once per process: a click command holds no state between invocations, and a program
    that calls the app more than once (a test suite, an embedding script) would otherwise pay
    for Typer reading every signature again each time.
    """
    from hrtoets.cli.localised import localise

    holder = typer.Typer(rich_markup_mode=None, add_completion=False)
    import_module(COMMAND_MODULES[name]).register(holder)
    return localise(typer.main.get_group(holder).commands[name])


def main() -> None:
    """Console-script entry point: SIGTERM stops as Ctrl-C does; stdout is flushed while an
    error can still be a sentence."""
    streams.terminate_on_sigterm()
    try:
        app(prog_name="hrtoets")
        code: int | str | None = 0
    except SystemExit as done:
        code = done.code
    flushed = streams.flush_at_exit()
    sys.exit(flushed if flushed is not None and code in (0, None) else code)
