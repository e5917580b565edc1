"""The message catalogue: every message in both languages, with the same fields."""

from __future__ import annotations

import string

import pytest

from hrtoets.messages import LANGUAGES, catalogue


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_both_languages_same_fields(key: str) -> None:
    texts = catalogue()[key]
    assert set(texts) == set(LANGUAGES), key
    assert all(texts[lang].strip() for lang in LANGUAGES), key
    assert _fields(texts["nl"]) == _fields(texts["en"]), key
