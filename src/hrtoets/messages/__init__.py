"""The Dutch and English message catalogue.

Each feature keeps its sentences in its own module (``core``, ``batch``, ``register``,
``agreements``, ``updates``) as ``MESSAGES = {key: {"nl": ..., "en": ...}}``; this module merges
them once. Texts use ``str.format`` fields; a test checks that every key has both languages and the
same fields in each.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from hrtoets.messages import (
    agreements,
    batch,
    cli_help,
    core,
    reasons,
    register,
    report,
    settings,
    updates,
    wjp,
)

LANGUAGES: Final = ("nl", "en")
DEFAULT_LANGUAGE: Final = "nl"

Catalogue = dict[str, dict[str, str]]


@cache
def catalogue() -> Catalogue:
    """All messages, merged; a key defined twice is a bug and raises."""
    merged: Catalogue = {}
    for module in (
        core,
        reasons,
        batch,
        register,
        agreements,
        updates,
        settings,
        cli_help,
        wjp,
        report,
    ):
        for key, texts in module.MESSAGES.items():
            if key in merged:
                msg = f"message key {key!r} is defined twice"
                raise RuntimeError(msg)
            merged[key] = texts
    return merged


def spoken(text: str) -> str:
    """``text`` as compared with a label: case, accents, hyphens and extra spaces erased."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("-", " ").replace("_", " ").split())


@dataclass(frozen=True, slots=True)
class Label:
    """A message parameter shown in the sentence's language: the label ``key``, else ``code``.

    For a stored code in an error raised where the language is not known (``Label(
    "register.decision.adjusted", "adjusted")`` reads "aangepast doorgaan" in Dutch).
    """

    key: str
    code: str
    params: tuple[tuple[str, Any], ...] = ()  # the label's own parameters, if it has any

    def text(self, lang: str) -> str:
        return t(self.key, lang, **dict(self.params)) if self.key in catalogue() else self.code

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True, slots=True)
class Number:
    """A whole number shown in the sentence's language: "8.000.000" in Dutch, "8,000,000" in
    English."""

    value: int

    def text(self, lang: str) -> str:
        shown = f"{self.value:,}"
        return shown.replace(",", ".") if lang == "nl" else shown

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True, slots=True)
class Choices:
    """The values a refusal offers, shown in the sentence's language: the Dutch labels in Dutch
    ("aankoop, bilateraal partnerschap …"), the codes in English (what JSON and scripts use)."""

    group: str
    codes: tuple[str, ...]

    def text(self, lang: str) -> str:
        if lang == "en":
            return ", ".join(self.codes)
        return ", ".join(t(f"register.{self.group}.{code}", lang) for code in self.codes)

    def __str__(self) -> str:
        return ", ".join(self.codes)


def t(key: str, lang: str, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (falling back to Dutch), formatted with ``params``."""
    texts = catalogue()[key]
    text = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    if not params:
        return text
    shown = {
        k: v.text(lang) if isinstance(v, Label | Choices | Number) else v for k, v in params.items()
    }
    return _FORMATTER.vformat(text, (), shown)


class _CountFormatter(string.Formatter):
    """``str.format`` plus counted words: ``{rows:rij|rijen}`` is "1 rij" or "2 rijen"."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return f"{value} {one if value == 1 else many}"
        return str(super().format_field(value, format_spec))


_FORMATTER: Final = _CountFormatter()
