"""Linking new events to the chain inside one write transaction, in bulk.

``hrtoets batch --log`` records thousands of checks in one transaction, and while it runs every
other writer waits for the register's lock. So the head is read once (by the caller, who takes the
lock with it), each position, check id and hash is computed here in Python, the rows go in with
one executemany per table and chunk, and the head moves once. Each event is serialised once and
hashed once (:func:`~hrtoets.register.chain.text_link_hash`), and a bulk write
(:meth:`ChainWriter.add_checks`) keeps no record per check: memory stays one chunk's worth however
long the list. The chain is exactly what one-at-a-time writing would give.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from sqlalchemy import Connection, Row, Table, insert, update

from hrtoets.register.chain import canonical, text_link_hash
from hrtoets.register.model import (
    FORMAT_KEY,
    PAYLOAD_FORMAT,
    CheckDraft,
    Event,
    EventKind,
    SharedPart,
)
from hrtoets.register.schema import (
    HEAD_ID,
    check_countries,
    checks,
    country_rows,
    events,
    head,
    projection,
)

CHUNK: Final = 2000  # checks per executemany in a bulk write


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
    def recorded_at(self) -> str:
        """The time every event linked here carries."""
        return self._at

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

    def add_checks(
        self,
        drafts: Iterable[CheckDraft],
        conn: Connection,
        *,
        check: Callable[[CheckDraft], None],
        chunk: int | None = None,
    ) -> int:
        """A ``created`` event for each draft, written every ``chunk`` checks inside the caller's
        transaction; how many. ``check`` refuses a draft (raising) before it is linked. No record
        is kept or returned per check: the ids are consecutive from :attr:`next_check_id`."""
        count, every = 0, chunk or CHUNK
        shared = _SharedCountries()
        for draft in drafts:
            check(draft)
            self._check_id += 1
            made, countries_text = shared.of(draft)
            payload = {**draft.payload(self._check_id, shared=made), FORMAT_KEY: PAYLOAD_FORMAT}
            text = canonical({**payload, "countries": _SLOT}).replace(_SLOT_TEXT, countries_text, 1)
            seq = self._append(self._check_id, EventKind.CREATED, text, draft.officer)
            self._checks.append(projection(self._check_id, seq, self._at, payload))
            self._countries.extend(country_rows(self._check_id, payload))
            count += 1
            if count % every == 0:
                self._insert(conn)
        return count

    def link(
        self, check_id: int, kind: EventKind, payload: Mapping[str, Any], officer: str
    ) -> Event:
        """The next event of the chain: its position and a hash over the previous one.

        Every payload carries the format it was written in (``format``), so that any later release
        knows how to read it.
        """
        text = canonical({**payload, FORMAT_KEY: PAYLOAD_FORMAT})
        stored = json.loads(text)  # what reading it back will give
        self._append(check_id, kind, text, officer)
        return Event(**{**self._events[-1], "payload": stored})

    def _append(self, check_id: int, kind: EventKind, text: str, officer: str) -> int:
        """The next event's row, its payload already canonical text; its position."""
        self._seq += 1
        digest = text_link_hash(
            seq=self._seq,
            check_id=check_id,
            kind=kind.value,
            recorded_at=self._at,
            officer=officer,
            payload_text=text,
            prev_hash=self._hash,
        )
        self._events.append(
            {
                "seq": self._seq,
                "check_id": check_id,
                "kind": kind.value,
                "recorded_at": self._at,
                "officer": officer,
                "payload": text,
                "prev_hash": self._hash,
                "hash": digest,
            }
        )
        self._hash = digest
        return self._seq

    def flush(self, conn: Connection) -> None:
        """Insert everything linked so far and move the head past it."""
        self._insert(conn)
        conn.execute(
            update(head)
            .where(head.c.id == HEAD_ID)
            .values(last_seq=self._seq, last_hash=self._hash, last_check_id=self._check_id)
        )

    def _insert(self, conn: Connection) -> None:
        """Insert the rows linked since the last insert (the head is moved by ``flush``).

        On SQLite and PostgreSQL (psycopg) the rows go to the driver's own executemany, with
        the values exactly as built here (texts, numbers, booleans, ``None``): SQLAlchemy's
        per-row parameter processing was a third of ``batch --log``'s cost. Any other database
        gets SQLAlchemy's ``insert``.
        """
        taken = (self._events, self._checks, self._countries)
        self._events, self._checks, self._countries = [], [], []
        marker = _MARKERS.get(conn.dialect.name)
        for table, rows in zip((events, checks, check_countries), taken, strict=True):
            if not rows:
                continue
            if marker is None:
                conn.execute(insert(table), rows)
            else:
                conn.exec_driver_sql(_insert_text(table, tuple(rows[0]), marker), rows)


_MARKERS: Final = {"sqlite": ":{}", "postgresql": "%({})s"}  # named parameters, per driver


@functools.lru_cache(maxsize=16)
def _insert_text(table: Table, columns: tuple[str, ...], marker: str) -> str:
    """``INSERT INTO table (a, b) VALUES (:a, :b)`` in the driver's own parameter style; the
    names are the schema's own (anything else is refused), the values always parameters."""
    unknown = set(columns) - set(table.c.keys())
    if unknown:
        raise ValueError(f"not columns of {table.name}: {sorted(unknown)}")
    names = ", ".join(columns)
    values = ", ".join(marker.format(name) for name in columns)
    return f"INSERT INTO {table.name} ({names}) VALUES ({values})"  # noqa: S608 (names: schema)


_SLOT: Final = "\x00countries\x00"  # no check text holds a NUL (validate_draft refuses it)
_SLOT_TEXT: Final = canonical(_SLOT)


class _SharedCountries:
    """What the checks that share their countries (the rows of a batch that typed the same
    country) share, made once: the countries' JSON and the verdict over them (see
    :meth:`CheckDraft.payload`), and the countries' canonical text, which put in its place in
    the rest's canonical text gives exactly ``canonical(payload)``.

    Keyed by the countries tuple itself, kept alive here, so an id is never reused.
    """

    def __init__(self) -> None:
        self._made: dict[int, tuple[object, SharedPart, str]] = {}

    def of(self, draft: CheckDraft) -> tuple[SharedPart, str]:
        found = self._made.get(id(draft.countries))
        if found is None or found[0] is not draft.countries:
            part = draft.shared_part()
            found = (draft.countries, part, canonical(part.countries))
            self._made[id(draft.countries)] = found
        return found[1], found[2]
