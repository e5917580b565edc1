"""Linking new events to the chain inside one write transaction, in bulk.

``hrtoets batch --log`` records thousands of checks in one transaction, and while it runs every
other writer waits for the register's lock. So the head is read once (by the caller, who takes the
lock with it), each position, check id and hash is computed here in Python, the rows go in with
one executemany (or COPY) per table and chunk, and the head moves once. Each event is serialised
once and hashed once (:class:`~hrtoets.register.chain.TextLinkHasher`), and a bulk write
(:meth:`ChainWriter.add_batch`) keeps no record per check: memory stays one chunk's worth however
long the list. The chain is exactly what one-at-a-time writing would give.
"""

from __future__ import annotations

import functools
import json
import operator
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from sqlalchemy import Connection, Row, Table, insert, update
from sqlalchemy.exc import DBAPIError

from hrtoets.register.chain import TextLinkHasher, canonical, canonical_text
from hrtoets.register.model import (
    FORMAT_KEY,
    PAYLOAD_FORMAT,
    BatchChecks,
    BatchRow,
    CheckDraft,
    CountryScreening,
    Event,
    EventKind,
    validate_draft,
    validate_row_texts,
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
_MAKERS_KEPT: Final = 4096  # distinct countries whose shared part a bulk write keeps at once
_TABLES: Final = (events, checks, check_countries)
_COLUMNS: Final = {table.name: tuple(table.c.keys()) for table in _TABLES}  # a row's positions


def _positional(table: Table, row: Mapping[str, Any]) -> tuple[Any, ...]:
    """``row`` (every column of ``table`` by name) as its values in the table's column order."""
    return tuple(row[column] for column in _COLUMNS[table.name])


class ChainWriter:
    """New events and projection rows, linked to the head read at the start; written by ``flush``.

    The caller holds the write lock from reading ``head_row`` until its transaction ends.
    """

    def __init__(self, head_row: Row[Any], recorded_at: str) -> None:
        self._seq: int = head_row.last_seq
        self._hash: str = head_row.last_hash
        self._check_id: int = head_row.last_check_id
        self._at = recorded_at
        # Rows for each table, by position (its columns' order), until the next insert.
        self._events: list[tuple[Any, ...]] = []
        self._checks: list[tuple[Any, ...]] = []
        self._countries: list[tuple[Any, ...]] = []

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
        projected = projection(self._check_id, created.seq, self._at, created.payload)
        self._checks.append(_positional(checks, projected))
        self._countries += (
            _positional(check_countries, row)
            for row in country_rows(self._check_id, created.payload)
        )
        return created

    def add_batch(self, batch: BatchChecks, conn: Connection, *, chunk: int | None = None) -> int:
        """A ``created`` event for each row of ``batch``, written every ``chunk`` checks inside
        the caller's transaction; how many. Each row is refused (raising) as its whole draft
        would be by :func:`validate_draft`, before it is linked. No record is kept or returned
        per check: the ids are consecutive from :attr:`next_check_id`.

        The checks differ only in what their rows give, so all else is made once for each
        distinct countries (:class:`_RowMaker`, from the row's whole draft) and a row costs its
        own values, its hash and its rows.
        """
        count, every = 0, chunk or CHUNK
        makers: dict[int, _RowMaker] = {}
        link = TextLinkHasher(EventKind.CREATED.value, self._at, batch.officer)
        for row in batch.rows:
            maker = makers.get(id(row.countries))
            if maker is None or maker.countries is not row.countries:
                draft = batch.draft(row)
                validate_draft(draft)
                if len(makers) >= _MAKERS_KEPT:  # a list of ever new values: memory stays bounded
                    makers.clear()
                maker = makers[id(row.countries)] = _RowMaker(draft, self._at)
            else:
                validate_row_texts(row.title, row.partner)
            self._check_id += 1
            text = maker.text(self._check_id, row) or self._whole_text(batch, row)
            seq = self._append(self._check_id, text, link)
            self._checks.append(maker.check_row(self._check_id, seq, row))
            self._countries += maker.country_rows(self._check_id)
            count += 1
            if count % every == 0:
                self._insert(conn)
        return count

    def _whole_text(self, batch: BatchChecks, row: BatchRow) -> str:
        """The payload text of ``row``'s check made whole (a row no template serves)."""
        return canonical({**batch.draft(row).payload(self._check_id), FORMAT_KEY: PAYLOAD_FORMAT})

    def link(
        self, check_id: int, kind: EventKind, payload: Mapping[str, Any], officer: str
    ) -> Event:
        """The next event of the chain: its position and a hash over the previous one.

        Every payload carries the format it was written in (``format``), so that any later release
        knows how to read it.
        """
        text = canonical({**payload, FORMAT_KEY: PAYLOAD_FORMAT})
        stored = json.loads(text)  # what reading it back will give
        self._append(check_id, text, TextLinkHasher(kind.value, self._at, officer))
        seq, check, event_kind, at, by, _, prev_hash, hash_ = self._events[-1]
        return Event(seq, check, event_kind, at, by, stored, prev_hash, hash_)

    def _append(self, check_id: int, text: str, link: TextLinkHasher) -> int:
        """The next event's row (its kind, time and officer ``link``'s), its payload already
        canonical text; its position."""
        self._seq += 1
        digest = link(self._seq, check_id, text, self._hash)
        self._events.append(
            (
                self._seq,
                check_id,
                link.kind,
                link.recorded_at,
                link.officer,
                text,
                self._hash,
                digest,
            )
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

        The values go as built here (texts, numbers, booleans, ``None``), by position: on
        PostgreSQL with psycopg by ``COPY … FROM STDIN`` (a third of its executemany's time), on
        SQLite (and another PostgreSQL driver) to the driver's own executemany (SQLAlchemy's
        per-row parameter processing was a third of ``batch --log``'s cost). Any other database
        gets SQLAlchemy's ``insert``. Either way inside the caller's transaction.
        """
        taken = (self._events, self._checks, self._countries)
        self._events, self._checks, self._countries = [], [], []
        marker = _MARKERS.get(conn.dialect.name)
        copy = conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg"
        for table, rows in zip(_TABLES, taken, strict=True):
            if not rows:
                continue
            columns = _COLUMNS[table.name]
            if marker is None:
                conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
            elif copy:
                _copy(conn, table, columns, rows)
            else:
                conn.exec_driver_sql(_insert_text(table, columns, marker), rows)


_MARKERS: Final = {"sqlite": "?", "postgresql": "%s"}  # positional parameters, per driver


@functools.lru_cache(maxsize=16)
def _insert_text(table: Table, columns: tuple[str, ...], marker: str) -> str:
    """``INSERT INTO table (a, b) VALUES (?, ?)`` in the driver's own parameter style; the
    names are the schema's own (anything else is refused), the values always parameters."""
    values = ", ".join(marker for _ in columns)
    return f"INSERT INTO {table.name} ({_names(table, columns)}) VALUES ({values})"  # noqa: S608


def _copy(conn: Connection, table: Table, columns: tuple[str, ...], rows: Iterable[Any]) -> None:
    """The rows into ``table`` by psycopg's ``COPY … FROM STDIN``, on the transaction's own
    connection; psycopg writes each value in COPY's text form (a tab or a newline in a text
    escaped), and PostgreSQL reads it back as the same value."""
    driver = conn.connection.driver_connection
    assert driver is not None
    statement = f"COPY {table.name} ({_names(table, columns)}) FROM STDIN"
    error = conn.dialect.loaded_dbapi.Error
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except error as exc:  # as SQLAlchemy raises it for any statement, for one sentence upstream
        raise DBAPIError.instance(statement, None, exc, error, dialect=conn.dialect) from exc


def _names(table: Table, columns: tuple[str, ...]) -> str:
    """The column names for a statement: the schema's own (anything else is refused)."""
    unknown = set(columns) - set(table.c.keys())
    if unknown:
        raise ValueError(f"not columns of {table.name}: {sorted(unknown)}")
    return ", ".join(columns)


# Where a batch's checks differ: their id, title, partner and row. Each slot holds a NUL, which
# no check text holds (validate_draft refuses it); a value it does not check (a country's query,
# the list's name) may, and then the slot is found twice and no template is made (_template).
_SLOTS: Final = {"id": "\x00id\x00", "title": "\x00title\x00", "partner": "\x00partner\x00"}
_ROW_SLOT: Final = "\x00row\x00"
_SLOT_TEXTS: Final = {canonical(slot): name for name, slot in {**_SLOTS, "row": _ROW_SLOT}.items()}
_SLOT_FOUND: Final = re.compile("|".join(re.escape(text) for text in _SLOT_TEXTS))
_OWN: Final = ("id", "title", "partner", "row")  # a row's own values, in the order made
_Template = tuple[str, Callable[[tuple[str, ...]], tuple[str, ...]]]


class _RowMaker:
    """What the checks of a batch with the same countries share, made once from one row's whole
    draft by the definitions themselves (:meth:`CheckDraft.payload`, :func:`projection`,
    :func:`country_rows`), with each row's own values left to put in.

    :meth:`text` is ``canonical(payload)`` of a row's check: the template with the row's id,
    title, partner and row number put in its slots, in their canonical text. The same bytes
    ``canonical`` gives for the whole, since the canonical text of an object is its members'
    canonical texts, sorted, joined (a test holds the two equal).
    """

    def __init__(self, draft: CheckDraft, recorded_at: str) -> None:
        self.countries: tuple[CountryScreening, ...] = draft.countries  # kept alive: its id
        payload = {**draft.payload(0), FORMAT_KEY: PAYLOAD_FORMAT}
        self._template = _template(payload)
        projected = projection(0, 0, recorded_at, payload)
        self._check = list(_positional(checks, projected))
        names = _COLUMNS[checks.name]
        self._own_at = tuple(names.index(n) for n in ("id", "created_seq", "title", "partner"))
        self._tails = tuple(
            _positional(check_countries, row)[1:] for row in country_rows(0, payload)
        )

    def text(self, check_id: int, row: BatchRow) -> str | None:
        """The row's payload text, or ``None`` when no template serves (a value of the shared
        part held a slot's text, or the row's number is no int): then it is made whole."""
        if self._template is None or type(row.row) is not int:  # a bool's text is no JSON
            return None
        text, ordered = self._template
        own = (str(check_id), canonical_text(row.title), canonical_text(row.partner), str(row.row))
        return text % ordered(own)

    def check_row(self, check_id: int, seq: int, row: BatchRow) -> tuple[Any, ...]:
        """The row's ``register_checks`` row."""
        made = self._check.copy()
        at_id, at_seq, at_title, at_partner = self._own_at
        made[at_id], made[at_seq], made[at_title], made[at_partner] = (
            check_id,
            seq,
            row.title,
            row.partner,
        )
        return tuple(made)

    def country_rows(self, check_id: int) -> list[tuple[Any, ...]]:
        """The row's ``register_check_countries`` rows."""
        return [(check_id, *tail) for tail in self._tails]


def _template(payload: dict[str, Any]) -> _Template | None:
    """``canonical(payload)`` as a ``%`` text with a ``%s`` in each of its four slots, and what
    puts a row's own (id, title, partner, row) in the slots' order; or ``None`` when the slots
    are not each found once (some other value held one)."""
    slotted = {**payload, **_SLOTS}
    wanted = {"id", "title", "partner"}
    if "batch" in payload:
        slotted["batch"] = {**payload["batch"], "row": _ROW_SLOT}
        wanted.add("row")
    text = canonical(slotted)
    pieces = [piece.replace("%", "%%") for piece in _SLOT_FOUND.split(text)]
    slots = [_SLOT_TEXTS[found] for found in _SLOT_FOUND.findall(text)]
    if len(pieces) != len(slots) + 1 or sorted(slots) != sorted(wanted):
        return None
    ordered = operator.itemgetter(*(_OWN.index(slot) for slot in slots))
    return "%s".join(pieces), ordered
