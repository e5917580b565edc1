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
import operator
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from sqlalchemy import Connection, Row, Table, insert, update
from sqlalchemy.exc import DBAPIError

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
        texts = _PayloadTexts()
        for draft in drafts:
            check(draft)
            self._check_id += 1
            made = shared.of(draft)
            payload = draft.payload(self._check_id, shared=made)
            payload[FORMAT_KEY] = PAYLOAD_FORMAT
            text = texts.of(payload, made)
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
        for table, rows in zip((events, checks, check_countries), taken, strict=True):
            if not rows:
                continue
            if marker is None:
                conn.execute(insert(table), rows)
                continue
            columns = tuple(rows[0])
            values = operator.itemgetter(*columns)  # by position: half the driver's binding cost
            if copy:
                _copy(conn, table, columns, (values(row) for row in rows))
            else:
                conn.exec_driver_sql(
                    _insert_text(table, columns, marker), [values(row) for row in rows]
                )


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


class _SharedCountries:
    """What the checks that share their countries (the rows of a batch that typed the same
    country) share, made once: the countries' JSON and the verdict over them (see
    :meth:`CheckDraft.payload`).

    Keyed by the countries tuple itself, kept alive here, so an id is never reused.
    """

    def __init__(self) -> None:
        self._made: dict[int, tuple[object, SharedPart]] = {}

    def of(self, draft: CheckDraft) -> SharedPart:
        found = self._made.get(id(draft.countries))
        if found is None or found[0] is not draft.countries:
            found = (draft.countries, draft.shared_part())
            self._made[id(draft.countries)] = found
        return found[1]


# Where a batch's checks differ: their id, title, partner and row. Each slot holds a NUL, which
# no check text holds (validate_draft refuses it), so a slot's text is found only where it was put.
_SLOTS: Final = {"id": "\x00id\x00", "title": "\x00title\x00", "partner": "\x00partner\x00"}
_ROW_SLOT: Final = "\x00row\x00"
_SLOT_TEXTS: Final = {canonical(slot): name for name, slot in {**_SLOTS, "row": _ROW_SLOT}.items()}
_SLOT_FOUND: Final = re.compile("|".join(re.escape(text) for text in _SLOT_TEXTS))
_Template = tuple[tuple[str, ...], tuple[str, ...]]  # the pieces, and the slot between each two
# The payload's texts and codes besides the slots; the verdict (countries, advice_needed,
# reasons) is the shared part's, keyed by its identity; the keys' order by ``tuple(payload)``.
_TEMPLATE_KEYS: Final = (
    "officer",
    "department",
    "kind",
    "planned_date",
    "answer",
    "note",
    FORMAT_KEY,
)
_PLAIN: Final = frozenset({str, int, bool, float, type(None)})  # batch values a template keys


class _PayloadTexts:
    """``canonical(payload)`` for each ``created`` payload of a bulk write, made from a template
    per set of shared values: the checks of a batch differ only in id, title, partner and row,
    so the rest is serialised once (with the slots above in their places) and a check's text is
    the template's pieces joined with its own four values in their canonical text. The same
    bytes ``canonical`` gives for the whole, since the canonical text of an object is its
    members' canonical texts, sorted, joined (a test holds the two equal).

    The template is keyed by every other value of the payload: texts, ``None`` and the verdict's
    own object (kept alive here), and the batch's values with their types (``1`` is not ``1.0``).
    A payload whose batch holds anything else (a list, a zero float: ``0.0 == -0.0``) is
    serialised whole.
    """

    def __init__(self) -> None:
        self._templates: dict[tuple[Any, ...], tuple[SharedPart, _Template | None]] = {}

    def of(self, payload: dict[str, Any], made: SharedPart) -> str:
        key = self._key(payload, made)
        if key is None:
            return canonical(payload)
        found = self._templates.get(key)
        if found is None or found[0] is not made:
            found = (made, _template(payload))
            self._templates[key] = found
        template = found[1]
        if template is None:
            return canonical(payload)
        values = {
            "id": str(payload["id"]),
            "title": canonical(payload["title"]),
            "partner": canonical(payload["partner"]),
            "row": str(payload["batch"]["row"]) if "batch" in payload else "",
        }
        pieces, slots = template
        joined = [pieces[0]]
        for slot, piece in zip(slots, pieces[1:], strict=True):
            joined += (values[slot], piece)
        return "".join(joined)

    @staticmethod
    def _key(payload: dict[str, Any], made: SharedPart) -> tuple[Any, ...] | None:
        if type(payload["id"]) is not int:
            return None
        batch = payload.get("batch")
        rest: list[tuple[str, Any, type]] = []
        if batch is not None:
            if type(batch.get("row")) is not int:
                return None
            for name, value in batch.items():
                kind = type(value)
                if kind not in _PLAIN or (kind is float and value == 0):  # 0.0 == -0.0
                    return None
                if name != "row":
                    rest.append((name, value, kind))
        return (id(made), *(payload[k] for k in _TEMPLATE_KEYS), tuple(payload), *rest)


def _template(payload: dict[str, Any]) -> _Template | None:
    """The pieces of ``canonical(payload)`` around its four slots, or ``None`` when the slots
    are not each found once (some other value held one: not for a template)."""
    slotted = {**payload, **_SLOTS}
    if "batch" in payload:
        slotted["batch"] = {**payload["batch"], "row": _ROW_SLOT}
    text = canonical(slotted)
    pieces = tuple(_SLOT_FOUND.split(text))
    slots = tuple(_SLOT_TEXTS[found] for found in _SLOT_FOUND.findall(text))
    wanted = {"id", "title", "partner"} | ({"row"} if "batch" in payload else set())
    if len(pieces) != len(slots) + 1 or sorted(slots) != sorted(wanted):
        return None
    return pieces, slots
