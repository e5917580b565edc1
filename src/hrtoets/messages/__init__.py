"""The Dutch and English message catalogue.

Each feature keeps its sentences in its own module (``core``, ``batch``, ``register``,
``agreements``, ``updates``) as ``MESSAGES = {key: {"nl": ..., "en": ...}}``; this module merges
them once. Texts use ``str.format`` fields; a test checks that every key has both languages and the
same fields in each.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Final

from hrtoets.messages import agreements, batch, core, register, settings, updates

LANGUAGES: Final = ("nl", "en")
DEFAULT_LANGUAGE: Final = "nl"

Catalogue = dict[str, dict[str, str]]


@cache
def catalogue() -> Catalogue:
    """All messages, merged; a key defined twice is a bug and raises."""
    merged: Catalogue = {}
    for module in (core, batch, register, agreements, updates, settings):
        for key, texts in module.MESSAGES.items():
            if key in merged:
                msg = f"message key {key!r} is defined twice"
                raise RuntimeError(msg)
            merged[key] = texts
    return merged


def t(key: str, lang: str, /, **params: Any) -> str:
    """The message ``key`` in ``lang`` (falling back to Dutch), formatted with ``params``."""
    texts = catalogue()[key]
    text = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text
