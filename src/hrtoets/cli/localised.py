"""``--help`` and usage errors in the user's language.

Typer takes the help from the code, in English, and Click writes its own usage errors in English.
Everything a help page shows passes through a :class:`HelpFormatter` (the usage line, the headings,
each paragraph, each row of the option and command lists), so a formatter that translates what it
is given makes the page Dutch without touching Typer; a usage error is caught at the boundary and
said again from its parts. The language is chosen before anything is parsed — ``--lang`` anywhere
on the command line, else ``HRTOETS_LANG``, else ``language`` in config.toml, else Dutch — because
``--help`` answers before the command's own options are read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from typing import Any, Final

from typer._click import Context, HelpFormatter
from typer._click.exceptions import ClickException, UsageError

from hrtoets.messages import DEFAULT_LANGUAGE, LANGUAGES, t
from hrtoets.messages.cli_help import (
    CLICK_MESSAGES,
    CLICK_REASONS,
    CLICK_WORDS,
    HELP_NL,
    METAVARS_NL,
    folded,
)

_LANGUAGE: ContextVar[str] = ContextVar("hrtoets_ui_language", default=DEFAULT_LANGUAGE)
_METAVAR: Final = re.compile(
    "|".join(re.escape(m) for m in sorted(METAVARS_NL, key=len, reverse=True))
)
_BRACKETS: Final = re.compile(r"\s*\[(?P<inside>[^\[\]]*(?:default|required)[^\[\]]*)\]\s*$")


def choose_language(args: Sequence[str]) -> str:
    """The language of this run's help and usage errors, read before parsing."""
    for position, arg in enumerate(args):
        value = None
        if arg == "--lang" and position + 1 < len(args):
            value = args[position + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGUAGES:
            return value
    env = os.environ.get("HRTOETS_LANG")
    if env in LANGUAGES:
        return env
    from hrtoets.config import configured_language

    configured = configured_language()
    return configured if configured in LANGUAGES else DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    _LANGUAGE.set(lang)


def language() -> str:
    return _LANGUAGE.get()


def help_text(text: str, lang: str) -> str:
    """A help text of the code in ``lang`` (the code's own English when there is no other)."""
    if lang == "en":
        return text
    return HELP_NL.get(folded(text), text)


def metavars(text: str, lang: str) -> str:
    """``[OPTIONS] COUNTRY...`` as the language writes its placeholders."""
    if lang == "en":
        return text
    return _METAVAR.sub(lambda m: METAVARS_NL[m.group(0)], text)


def _short_help(text: str, lang: str) -> str:
    """A command's one-line help in a group's list: the start of its help, cut where the
    English was cut."""
    cut = text.endswith("...")
    start = text.removesuffix("...").strip()
    for english, dutch in HELP_NL.items():
        if english.startswith(start):
            if not cut:
                return dutch.split("\n\n")[0].split(". ")[0].rstrip(".") + "."
            words, line = dutch.split("\n\n")[0].split(), ""
            for word in words:
                if len(line) + len(word) + 1 > len(start):
                    break
                line = f"{line} {word}".strip()
            return f"{line.rstrip(',;:')}..."
    return text


def option_help(text: str, lang: str) -> str:
    """An option's help with Typer's "[default: x]" / "[required]" after it."""
    found = _BRACKETS.search(text)
    body, extra = (text[: found.start()], found["inside"]) if found else (text, "")
    shown = help_text(body, lang) if body else body
    if extra and lang != "en":
        extra = extra.replace("required", CLICK_WORDS["[required]"].strip("[]"))
        extra = extra.replace("default:", f"{CLICK_WORDS['default']}:")
    return f"{shown}  [{extra}]" if extra else shown


class LocalisedFormatter(HelpFormatter):
    """Click's help formatter, translating what it writes into the run's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        lang = language()
        if lang != "en":
            prefix = CLICK_WORDS["Usage: "] if prefix is None else prefix
        super().write_usage(prog, metavars(args, lang), prefix)

    def write_heading(self, heading: str) -> None:
        lang = language()
        super().write_heading(heading if lang == "en" else CLICK_WORDS.get(heading, heading))

    def write_text(self, text: str) -> None:
        super().write_text(help_text(text, language()))

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        lang = language()
        if lang != "en":
            rows = [
                (metavars(term, lang), self._definition(definition)) for term, definition in rows
            ]
        super().write_dl(rows, col_max, col_spacing)

    @staticmethod
    def _definition(text: str) -> str:
        lang = language()
        if text.endswith("...") or (folded(text) not in HELP_NL and not _BRACKETS.search(text)):
            translated = help_text(text, lang)
            return translated if translated != text else _short_help(text, lang)
        return option_help(text, lang)


class LocalisedContext(Context):
    """A Click context whose help pages are written by :class:`LocalisedFormatter`."""

    formatter_class = LocalisedFormatter


def localise(command: Any) -> Any:
    """``command`` and every command under it with :class:`LocalisedContext`."""
    for each in _walk(command):
        each.context_class = LocalisedContext
    return command


def _walk(command: Any) -> Iterator[Any]:
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from _walk(sub)


def error_message(error: ClickException, lang: str) -> str:
    """Click's message for ``error`` in ``lang``: its own English, or the Dutch made from its
    parts (a message hrtoets does not know stays English rather than wrong)."""
    message = error.format_message()
    if lang == "en":
        return message
    return _translated(message, CLICK_MESSAGES, lang) or message


def _translated(message: str, patterns: Sequence[tuple[str, str]], lang: str) -> str | None:
    for pattern, key in patterns:
        found = re.fullmatch(pattern, message.strip(), re.DOTALL)
        if found is None:
            continue
        params = {name: value or "" for name, value in found.groupdict().items()}
        if "name" in params:
            params["name"] = metavars(params["name"], lang)
        if "inner" in params:
            params["inner"] = _translated(params["inner"], CLICK_REASONS, lang) or params["inner"]
        suffix = "_near" if params.get("near") else ""
        return t(f"click.{key}{suffix}", lang, **params)
    return None


def usage_error_text(error: UsageError, lang: str) -> str:
    """What Click prints for a usage error (usage line, hint, error), in ``lang``."""
    lines = []
    ctx = error.ctx
    if ctx is not None:
        set_language(lang)
        lines.append(ctx.get_usage())
        names = ctx.help_option_names
        if ctx.command.get_help_option(ctx) is not None and names:
            lines.append(t("click.try_help", lang, command=f"{ctx.command_path} {names[0]}"))
        lines.append("")
    lines.append(f"{t('click.error', lang)}: {error_message(error, lang)}")
    return "\n".join(lines)
