"""Linking new events to the chain inside one write transaction, in bulk.

``hrtoets batch --log`` records thousands of checks in one transaction, and while it runs every
other writer waits for the register's lock. So the head is read once (by the caller, who takes the
lock with it), each position, check id and hash is computed here in Python, the rows go in with
one executemany per table, and the head moves once: a handful of statements however many checks.
The chain is exactly what one-at-a-time writing would give.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Row, insert, update

from hrtoets.register.chain import canonical, link_hash
from hrtoets.register.model import FORMAT_KEY, PAYLOAD_FORMAT, CheckDraft, Event, EventKind
from hrtoets.register.schema import (
    HEAD_ID,
    check_countries,
    checks,
    country_rows,
    events,
    head,
    projection,
)


class ChainWriter:
    """New events and projection rows, linked to the head read at the start; written by ``flush``.

    The caller holds the write lock from reading ``head_row`` until its transaction ends.
    """

    def __init__(self, head_row: Row[Any], recorded_at: str) -> None:
        self._seq: int = head_row.last_seq
        self._hash: str = head_row.last_hash
        self._check_id: int = head_row.last_check_id
        self._at = recorded_at
        self._events: list[dict[str, Any]] = []
        self._checks: list[dict[str, Any]] = []
        self._countries: list[dict[str, Any]] = []

    @property
    def next_check_id(self) -> int:
        """The id the next check added here will get."""
        return self._check_id + 1

    def add_check(self, draft: CheckDraft) -> Event:
        """The ``created`` event of a new check, with its rows for the checks tables."""
        self._check_id += 1
        payload = draft.payload(self._check_id)
        created = self.link(self._check_id, EventKind.CREATED, payload, draft.officer)
        self._checks.append(projection(self._check_id, created.seq, self._at, created.payload))
        self._countries.extend(country_rows(self._check_id, created.payload))
        return created

    def link(
        self, check_id: int, kind: EventKind, payload: Mapping[str, Any], officer: str
    ) -> Event:
        """The next event of the chain: its position and a hash over the previous one.

        Every payload carries the format it was written in (``format``), so that any later release
        knows how to read it.
        """
        text = canonical({**payload, FORMAT_KEY: PAYLOAD_FORMAT})
        stored = json.loads(text)  # what reading it back will give
        self._seq += 1
        digest = link_hash(
            seq=self._seq,
            check_id=check_id,
            kind=kind.value,
            recorded_at=self._at,
            officer=officer,
            payload=stored,
            prev_hash=self._hash,
        )
        row = {
            "seq": self._seq,
            "check_id": check_id,
            "kind": kind.value,
            "recorded_at": self._at,
            "officer": officer,
            "payload": text,  # canonical(stored) is the same text
            "prev_hash": self._hash,
            "hash": digest,
        }
        self._hash = digest
        self._events.append(row)
        return Event(**{**row, "payload": stored})

    def flush(self, conn: Connection) -> None:
        """Insert everything linked so far and move the head past it."""
        for table, rows in (
            (events, self._events),
            (checks, self._checks),
            (check_countries, self._countries),
        ):
            if rows:
                conn.execute(insert(table), rows)
        conn.execute(
            update(head)
            .where(head.c.id == HEAD_ID)
            .values(last_seq=self._seq, last_hash=self._hash, last_check_id=self._check_id)
        )
        self._events, self._checks, self._countries = [], [], []
