"""JSON documents written a piece at a time, byte for byte what ``json.dumps(…, indent=2)`` gives.

A register of 100,000 checks is a JSON array of 100,000 objects; holding them all to dump them at
once costs gigabytes. :func:`array_pieces` gives the same text one element at a time: each element
is dumped alone and indented as its depth in the document asks (JSON text has no raw line break
inside a string, so every line break is one ``json`` made).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

INDENT = "  "


def dumps(data: Any) -> str:
    """One value as hrtoets prints JSON: two-space indent, non-ASCII kept."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def array_pieces(items: Iterable[Any], *, depth: int = 0) -> Iterator[str]:
    """The text of ``dumps(list(items))`` at nesting ``depth``, a piece per element (and a last
    piece that closes the array)."""
    pad = INDENT * (depth + 1)
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + pad + dumps(item).replace("\n", "\n" + pad)
        first = False
    yield "[]" if first else "\n" + INDENT * depth + "]"
