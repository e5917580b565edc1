"""The hash chain: canonical JSON, one SHA-256 per event, and the walk that verifies it. Pure.

Each event's hash covers its canonical content (position, check, kind, time, officer, payload) and
the previous event's hash, so changing, inserting, removing or reordering any event behind the
tool's back breaks the chain from that point on. The chain head records the last position and
hash, so removing events from the end is caught too — unless the head is rewritten as well, which
nothing inside the database can tell; that is why the head hash ``verify`` prints should be filed
outside it.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

GENESIS: Final = "0" * 64  # the "previous hash" of the first event


_CANONICAL: Final = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)  # made once: json.dumps with options makes an encoder per call (a third of its cost here)


def canonical(data: Any) -> str:
    """One byte-exact JSON text per value: sorted keys, no spaces, no NaN."""
    return _CANONICAL.encode(data)


# ``canonical`` of a string: what the encoder itself calls for one (``ensure_ascii=False``).
canonical_text: Final[Callable[[str], str]] = json.encoder.encode_basestring


@dataclass(frozen=True, slots=True)
class Link:
    """An event as stored: what the hash covers, plus the hashes themselves."""

    seq: int
    check_id: int
    kind: str
    recorded_at: str
    officer: str
    payload: str  # canonical JSON text
    prev_hash: str
    hash: str


def link_hash(
    *,
    seq: int,
    check_id: int,
    kind: str,
    recorded_at: str,
    officer: str,
    payload: Mapping[str, Any],
    prev_hash: str,
) -> str:
    """SHA-256 (hex) of the event's canonical content followed by the previous hash."""
    content = canonical(
        {
            "seq": seq,
            "check_id": check_id,
            "kind": kind,
            "recorded_at": recorded_at,
            "officer": officer,
            "payload": payload,
        }
    )
    return hashlib.sha256((content + prev_hash).encode("utf-8")).hexdigest()


class TextLinkHasher:
    """:func:`link_hash` of an event whose payload is already in its canonical text, which is
    not made again (the writer's path: each event serialised and hashed once), for the events
    that share a kind, a time and an officer (a bulk write's): those three made into text once.

    The canonical content is the object of the six fields in sorted key order with the payload's
    text in its place: the same bytes ``canonical`` gives for the whole, since the canonical text
    of an object is its members' canonical texts, sorted, joined. :func:`link_hash` stays the
    definition that ``verify`` uses; a test holds the two equal.
    """

    __slots__ = ("_middle", "_tail", "kind", "officer", "recorded_at")

    def __init__(self, kind: str, recorded_at: str, officer: str) -> None:
        self.kind, self.recorded_at, self.officer = kind, recorded_at, officer
        self._middle = f',"kind":{_json_text(kind)},"officer":{_json_text(officer)},"payload":'
        self._tail = f',"recorded_at":{_json_text(recorded_at)},"seq":'

    def __call__(self, seq: int, check_id: int, payload_text: str, prev_hash: str) -> str:
        content = f'{{"check_id":{check_id}{self._middle}{payload_text}{self._tail}{seq}}}'
        return hashlib.sha256((content + prev_hash).encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=256)
def _json_text(value: str) -> str:
    """A string's canonical JSON text (an event's kind, officer and time repeat in a batch)."""
    return json.dumps(value, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class ChainFinding:
    """The walk's result: how many links were sound and, if any, the first broken one."""

    events: int
    head_hash: str
    broken_seq: int | None = None
    broken_check: int | None = None
    problem: str | None = None  # hash, link, gap, head, canonical, unreadable


class _Duplicate(ValueError):
    """A JSON object with the same key twice: SQL tools and Python would read different values."""


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    made = dict(pairs)
    if len(made) != len(pairs):  # a key given twice is kept once
        raise _Duplicate
    return made


_STRICT: Final = json.JSONDecoder(object_pairs_hook=_no_duplicates)  # made once, as _CANONICAL


def read_payload(text: str) -> Any:
    """A stored payload parsed strictly: duplicate keys refused; ``ValueError`` on anything wrong.

    Deep nesting and huge numbers are refused as ``ValueError`` too, never a crash: the register is
    read by people who must get a finding, not a traceback.
    """
    if not isinstance(text, str):  # a value stored behind our back as another type
        raise ValueError("not a text")
    try:
        return _STRICT.decode(text)
    except RecursionError:
        raise ValueError("nested too deep") from None


def _recomputed(link: Link, payload: Any) -> str:
    return link_hash(
        seq=link.seq,
        check_id=link.check_id,
        kind=link.kind,
        recorded_at=link.recorded_at,
        officer=link.officer,
        payload=payload,
        prev_hash=link.prev_hash,
    )


def _link_problem(link: Link, prev: str) -> str | None:
    """What is wrong with one link that follows ``prev``, or ``None``."""
    if link.prev_hash != prev:
        return "link"
    try:
        payload = read_payload(link.payload)
        exact = canonical(payload) == link.payload
    except _Duplicate:
        exact = False
    except (TypeError, ValueError):
        return "unreadable"
    if not exact:
        return "canonical"
    return "hash" if _recomputed(link, payload) != link.hash else None


def walk(links: Iterable[Link], head_seq: int | None, head_hash: str | None) -> ChainFinding:
    """Follow the chain in order of position; stop at the first link that does not hold.

    ``head_seq`` is ``None`` when the head row is gone: then where the chain should end is
    unknown, which is itself a finding (``head``, no event named).
    """
    prev, expected, count = GENESIS, 1, 0
    for link in links:
        if link.seq != expected:
            return ChainFinding(count, prev, expected, None, "gap")
        problem = _link_problem(link, prev)
        if problem is not None:
            return ChainFinding(count, prev, link.seq, link.check_id, problem)
        prev, expected, count = link.hash, expected + 1, count + 1
    if head_seq is None:
        return ChainFinding(count, prev, None, None, "head")
    if head_seq == count and head_hash == prev:
        return ChainFinding(count, prev)
    # Events removed from the end, added past the head, or the last one replaced.
    seq = count + 1 if count < head_seq else head_seq + 1 if count > head_seq else count
    return ChainFinding(count, prev, seq, None, "head")
