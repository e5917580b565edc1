"""What every command needs: the settings of this run and two consoles (stdout, stderr).

Results go to stdout, talk to stderr. Rich is imported only when a console is first used, so
``--json`` output never pays for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final

import typer

from hrtoets.config import Settings, load_settings
from hrtoets.errors import HrtoetsError
from hrtoets.messages import DEFAULT_LANGUAGE, LANGUAGES, t

if TYPE_CHECKING:
    from rich.console import Console

LANG_KEY: Final = "hrtoets.lang"
DEBUG_KEY: Final = "hrtoets.debug"


@dataclass
class Session:
    """One command run: its settings, language and consoles."""

    settings: Settings
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))

    @property
    def lang(self) -> str:
        return self.settings.lang

    def t(self, key: str, /, **params: Any) -> str:
        """A message in this run's language."""
        return t(key, self.lang, **params)

    def when(self, stamp: str) -> str:
        """A stored UTC time as people read it: "1 december 2026 om 20:04", local time."""
        from hrtoets.dates import stamp_text

        return stamp_text(stamp, self.lang, self.settings.timezone)

    def day(self, value: str | object, *, short: bool = False) -> str:
        """A stored ISO date (or a UTC time) as the local day people read: "1 december 2026"
        ("1 dec 2026" in a table)."""
        from datetime import date, datetime

        from hrtoets.dates import day_text, local

        text = str(value)
        try:
            if len(text) > 10:  # a time: the day it was where the user is
                moment = local(datetime.fromisoformat(text), self.settings.timezone)
                return day_text(moment.date(), self.lang, short=short)
            return day_text(date.fromisoformat(text), self.lang, short=short)
        except ValueError:
            return text

    @cached_property
    def out(self) -> Console:
        from hrtoets.cli.streams import console

        return console()

    @cached_property
    def err(self) -> Console:
        from hrtoets.cli.streams import console

        return console(stderr=True)

    def officer(self, given: str | None) -> str | None:
        """Who records: ``--officer``, else ``officer`` in config.toml, else (None) the OS user."""
        return given or self.settings.officer or None

    def say(self, key: str, /, *, style: str | None = None, **params: Any) -> None:
        """A message on stderr (talk, not results), one line that the terminal wraps itself.

        Rich's own wrapping would break a long path in the middle (``register.xl sx``), and a
        person copies that path.
        """
        from hrtoets.cli.display import escape_controls

        text = escape_controls(self.t(key, **params))  # a parameter may be text a user typed
        self.err.print(text, style=style, markup=False, soft_wrap=True)

    def ask_answer(self, kind: str | None, answer: str | None) -> str | None:
        """The guiding-question answer; asked when a council kind needs it and a person is there."""
        if answer is not None or kind is None or not sys.stdin.isatty():
            return answer
        from hrtoets.register.actions import needs_answer

        if not needs_answer(kind):
            return None
        from hrtoets.register.kinds import parse_answer

        while True:  # asked again after an answer that is none of the three
            try:
                given = str(typer.prompt(self.t("register.answer_prompt"), err=True))
            except (typer.Abort, EOFError):  # end of input: stopped, like Ctrl-C (exit 130)
                raise KeyboardInterrupt from None
            try:
                return parse_answer(given).value
            except HrtoetsError as exc:
                self.err.print(exc.render(self.lang), style="yellow", markup=False)

    @staticmethod
    def print_json(data: Any) -> None:
        """One JSON document on stdout, nothing else."""
        from hrtoets.jsontext import dumps

        Session.print_json_pieces([dumps(data)])

    @staticmethod
    def print_json_pieces(pieces: Iterable[str]) -> None:
        """One JSON document on stdout written as it is made (:mod:`hrtoets.jsontext`)."""
        from hrtoets.cli.streams import GuardedStream

        out = GuardedStream(sys.stdout)
        for piece in pieces:
            out.write(piece)
        out.write("\n")
        out.flush()


def error_lang(chosen: str | None) -> str:
    """The language for an error message: ``--lang``, else the configured one, else Dutch."""
    if chosen in LANGUAGES:
        return chosen
    try:
        return load_settings().lang
    except HrtoetsError:
        from hrtoets.config import configured_language

        return configured_language() or DEFAULT_LANGUAGE


def remember_lang(ctx: typer.Context, value: str | None) -> str | None:
    """``--lang`` callback: lets the error boundary speak the chosen language."""
    if value:
        ctx.meta[LANG_KEY] = str(value)
    return value


def start(lang: str | None = None, db: str | None = None) -> Session:
    """Load the settings for this command."""
    return Session(load_settings(lang=lang, db=db))
