"""The hash chain: canonical JSON, one SHA-256 per event, and the walk that verifies it. Pure.

Each event's hash covers its canonical content (position, check, kind, time, officer, payload) and
the previous event's hash, so changing, inserting, removing or reordering any event behind the
tool's back breaks the chain from that point on. The chain head records the last position and
hash, so removing events from the end is caught too — unless the head is rewritten as well, which
nothing inside the database can tell; that is why the head hash ``verify`` prints should be filed
outside it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

GENESIS: Final = "0" * 64  # the "previous hash" of the first event


def canonical(data: Any) -> str:
    """One byte-exact JSON text per value: sorted keys, no spaces, no NaN."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


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


@dataclass(frozen=True, slots=True)
class ChainFinding:
    """The walk's result: how many links were sound and, if any, the first broken one."""

    events: int
    head_hash: str
    broken_seq: int | None = None
    broken_check: int | None = None
    problem: str | None = None  # hash, link, gap, head


def _recomputed(link: Link) -> str | None:
    try:
        payload = json.loads(link.payload)
    except (TypeError, ValueError):
        return None
    return link_hash(
        seq=link.seq,
        check_id=link.check_id,
        kind=link.kind,
        recorded_at=link.recorded_at,
        officer=link.officer,
        payload=payload,
        prev_hash=link.prev_hash,
    )


def walk(links: Iterable[Link], head_seq: int | None, head_hash: str | None) -> ChainFinding:
    """Follow the chain in order of position; stop at the first link that does not hold.

    ``head_seq`` is ``None`` when the head row is gone: then where the chain should end is
    unknown, which is itself a finding (``head``, no event named).
    """
    prev, expected, count = GENESIS, 1, 0
    for link in links:
        if link.seq != expected:
            return ChainFinding(count, prev, expected, None, "gap")
        if link.prev_hash != prev:
            return ChainFinding(count, prev, link.seq, link.check_id, "link")
        if _recomputed(link) != link.hash:
            return ChainFinding(count, prev, link.seq, link.check_id, "hash")
        prev, expected, count = link.hash, expected + 1, count + 1
    if head_seq is None:
        return ChainFinding(count, prev, None, None, "head")
    if head_seq == count and head_hash == prev:
        return ChainFinding(count, prev)
    # Events removed from the end, added past the head, or the last one replaced.
    seq = count + 1 if count < head_seq else head_seq + 1 if count > head_seq else count
    return ChainFinding(count, prev, seq, None, "head")
