"""The register: add checks, append events, read them back, verify the chain.

Each public method is one transaction. Writers lock the chain head first (``SELECT … FOR UPDATE``;
on SQLite the transaction already began with ``BEGIN IMMEDIATE``), so the next position, hash and
check id are read and written by one writer at a time, whatever the number of processes.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import getpass
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import Connection, Engine, Row, delete, exists, func, insert, select, update

from hrtoets.errors import InputError, RegisterError
from hrtoets.register import db
from hrtoets.register.chain import canonical
from hrtoets.register.model import (
    BatchChecks,
    BatchRecord,
    CheckDraft,
    CheckFilter,
    CheckRecord,
    CountryScreening,
    Decision,
    Event,
    EventKind,
    Outcome,
    VerifyResult,
    check_transition,
    group_checks,
    parse_event_kind,
    resolution_payload,
    snapshot,
    validate_draft,
)
from hrtoets.register.schema import (
    HEAD_ID,
    SCHEMA_VERSION,
    batches,
    check_countries,
    check_version,
    checks,
    country_rows,
    create_or_migrate,
    damaged_tables,
    events,
    head,
    read_version,
)
from hrtoets.register.verify import verify_chain
from hrtoets.register.writer import ChainWriter

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from hrtoets.register.model import Kind
    from hrtoets.rule import Answer
    from hrtoets.screening import Verdict


def default_officer() -> str:
    """The OS user: who records a check unless ``--officer`` says otherwise."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some containers
        return "unknown"


def open_register(url: str, *, create_folder: bool = False) -> Register:
    """Connect to the register at ``url``, creating or migrating its tables when needed.

    ``create_folder`` makes the folder of a SQLite file (used for the default register in
    ``HRTOETS_HOME``); for a URL the user typed, a missing folder is an error, not a guess.
    """
    parsed = db.parse_url(url)
    folder = db.sqlite_folder(parsed)
    if folder is not None and create_folder:
        folder.mkdir(parents=True, exist_ok=True)
    engine = db.make_engine(parsed)
    try:
        with db.usable(parsed):
            with engine.connect() as conn:
                version = read_version(conn)
                damaged = damaged_tables(conn) if version == SCHEMA_VERSION else ()
            if version is None or version < SCHEMA_VERSION:
                with db.transaction(engine, write=True) as conn:
                    create_or_migrate(conn)
                    damaged = damaged_tables(conn)
            else:
                check_version(version)
    except BaseException:
        engine.dispose()
        raise
    return Register(engine, parsed, damaged)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _event(row: Sequence[Any]) -> Event:
    """An event as read; a payload that is not a JSON object was edited behind our back.

    ``row`` is one of ``select(events)``: the table's columns in their order, which is the
    order of :class:`Event`'s fields (a test holds them equal); unpacked, not looked up by name,
    since a register of 100,000 checks is read this way in every export.
    """
    seq, check_id, kind, recorded_at, officer, text, prev_hash, hash_ = row
    try:
        payload = json.loads(text)
    except (TypeError, ValueError):
        payload = None
    if not isinstance(payload, dict):
        raise RegisterError("register.damaged", seq=seq, check=check_id)
    return Event(seq, check_id, kind, recorded_at, officer, payload, prev_hash, hash_)


STREAM_CHUNK: Final = 2000  # rows fetched at a time by a streaming read


class Reading:
    """Streaming reads inside one transaction (:meth:`Register.reading`): rows come ``chunk``
    at a time (a server-side cursor on PostgreSQL), so memory stays bounded however large the
    register."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def checks(
        self, filters: CheckFilter | None = None, *, chunk: int = STREAM_CHUNK
    ) -> Iterator[CheckRecord]:
        """Checks matching ``filters``, in id order, each with its events."""
        wanted = filters or CheckFilter()
        ids = _matching_ids(wanted)
        query = select(events).order_by(events.c.check_id, events.c.seq)
        if ids.whereclause is not None:
            query = query.where(events.c.check_id.in_(ids))
        rows = self._conn.execution_options(yield_per=chunk).execute(query)
        every = wanted == CheckFilter()  # no test at all: none to make 100,000 times
        for record in _grouped(rows):
            if every or wanted.matches(record):
                yield record

    def events(self, *, chunk: int = STREAM_CHUNK) -> Iterator[Event]:
        """Every event in chain order."""
        query = select(events).order_by(events.c.seq)
        for row in self._conn.execution_options(yield_per=chunk).execute(query):
            yield _event(row)


def _matching_ids(wanted: CheckFilter) -> Any:
    """The ids of the checks the projection tables say match (the SQL part of the filter)."""
    ids = select(checks.c.id)
    if wanted.kind is not None:
        ids = ids.where(checks.c.kind == wanted.kind.value)
    if wanted.year is not None:
        ids = ids.where(checks.c.year == wanted.year)
    if wanted.advice_needed is not None:
        ids = ids.where(checks.c.advice_needed == wanted.advice_needed)
    if wanted.iso3 is not None:
        ids = ids.where(
            exists().where(
                check_countries.c.check_id == checks.c.id,
                check_countries.c.iso3 == wanted.iso3,
            )
        )
    return ids


def _grouped(rows: Iterable[Row[Any]]) -> Iterator[CheckRecord]:
    """Each check of ``select(events)`` rows ordered by check and position, rebuilt from its
    events (a plain loop: a register of 100,000 checks is read this way)."""
    found: list[Event] = []
    for row in rows:
        event = _event(row)
        if found and event.check_id != found[0].check_id:
            yield CheckRecord.from_events(found)
            found = []
        found.append(event)
    if found:
        yield CheckRecord.from_events(found)


def _records(rows: Iterable[Row[Any]]) -> list[CheckRecord]:
    return group_checks(_event(row) for row in rows)


class Register:
    """A register of checks in one database; see :func:`open_register`."""

    def __init__(self, engine: Engine, url: URL, damaged: tuple[str, ...] = ()) -> None:
        self._engine = engine
        self._url = url
        self._damaged = damaged  # register tables missing when it was opened

    @property
    def url(self) -> str:
        """The database URL, without its password."""
        return db.shown(self._url)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------

    def add_check(
        self,
        *,
        kind: Kind,
        title: str,
        countries: Sequence[Verdict | CountryScreening],
        officer: str | None = None,
        department: str = "",
        partner: str = "",
        planned_date: date | None = None,
        answer: Answer | None = None,
        note: str = "",
    ) -> CheckRecord:
        """Record one check; each country is a screened verdict, frozen as evidence."""
        draft = CheckDraft(
            kind=kind,
            title=title,
            countries=tuple(
                c if isinstance(c, CountryScreening) else snapshot(c) for c in countries
            ),
            officer=officer or default_officer(),
            department=department,
            partner=partner,
            planned_date=planned_date,
            answer=answer,
            note=note,
        )
        return self.add_checks([draft])[0]

    def add_checks(self, drafts: Sequence[CheckDraft]) -> list[CheckRecord]:
        """Record several checks in one transaction (a batch): all of them, or none."""
        for draft in drafts:
            validate_draft(draft)
        with self._write() as conn:
            writer = ChainWriter(self._head(conn), _now())
            created = [writer.add_check(draft) for draft in drafts]
            writer.flush(conn)
        return [CheckRecord.from_events([event]) for event in created]

    def add_check_with_event(
        self, draft: CheckDraft, kind: str | EventKind, payload: Mapping[str, Any]
    ) -> CheckRecord:
        """Record a check and a first event on it (e.g. ``agreement``) in one transaction."""
        validate_draft(draft)
        event_kind = parse_event_kind(kind)
        with self._write() as conn:
            writer = ChainWriter(self._head(conn), _now())
            created = writer.add_check(draft)
            check_transition(CheckRecord.from_events([created]), event_kind)
            event = writer.link(created.check_id, event_kind, payload, draft.officer)
            writer.flush(conn)
        return CheckRecord.from_events([created, event])

    def append_event(
        self,
        check_id: int,
        kind: str | EventKind,
        payload: Mapping[str, Any],
        *,
        officer: str | None = None,
    ) -> Event:
        """Append an event to check ``check_id``, e.g. ``agreement`` with what was rendered.

        Advice and decision events are checked against the check's status (no advice received
        before it was asked, nothing after the decision).
        """
        event_kind = parse_event_kind(kind)
        try:
            canonical(dict(payload))
        except (TypeError, ValueError):
            raise InputError("register.bad_payload", kind=event_kind.value) from None
        with self._write() as conn:
            writer = ChainWriter(self._head(conn), _now())  # the lock, before reading the check
            check_transition(self._load(conn, check_id), event_kind, payload)
            event = writer.link(check_id, event_kind, payload, officer or default_officer())
            writer.flush(conn)
        return event

    def request_advice(
        self, check_id: int, *, officer: str | None = None, on: date | None = None, note: str = ""
    ) -> Event:
        """The officer asked the human-rights council for advice."""
        return self.append_event(
            check_id, EventKind.ADVICE_REQUESTED, _dated(on, note=note), officer=officer
        )

    def receive_advice(
        self,
        check_id: int,
        *,
        outcome: Outcome,
        officer: str | None = None,
        on: date | None = None,
        note: str = "",
    ) -> Event:
        """The council advised (not binding but guiding)."""
        payload = _dated(on, outcome=outcome.value, note=note)
        return self.append_event(check_id, EventKind.ADVICE_RECEIVED, payload, officer=officer)

    def decide(
        self,
        check_id: int,
        *,
        decision: Decision,
        officer: str | None = None,
        on: date | None = None,
        note: str = "",
        without_advice: bool = False,
        reason: str = "",
    ) -> Event:
        """The city decided; the check is closed after this.

        A check that needs advice is decided only after advice was requested, unless
        ``without_advice`` says it was not, with ``reason`` saying why: that stays visible in
        every view, export and report.
        """
        payload: dict[str, Any] = _dated(on, decision=decision.value, note=note)
        if without_advice:
            payload |= {"without_advice": True, "reason": reason}
        return self.append_event(check_id, EventKind.DECIDED, payload, officer=officer)

    def withdraw(self, check_id: int, *, reason: str, officer: str | None = None) -> Event:
        """Withdraw a check recorded in error (a typo, a contact that did not happen).

        Nothing is deleted: the check stays in the register, marked withdrawn with the reason,
        and leaves the open lists and ``monitor``.
        """
        if not reason.strip():
            raise InputError("register.withdraw_reason", id=check_id)
        payload = _dated(None, reason=reason)
        return self.append_event(check_id, EventKind.WITHDRAWN, payload, officer=officer)

    def resolve(
        self,
        check_id: int,
        countries: Sequence[Verdict | CountryScreening],
        *,
        officer: str | None = None,
        note: str = "",
    ) -> Event:
        """Screen a to-review check's countries after all (a batch row that named none).

        The ``resolved`` event carries the countries screened now and the check's verdict with
        them; from then on the normal lifecycle applies. The row the batch recorded stays in the
        ``created`` event, as it was.
        """
        screened = [c if isinstance(c, CountryScreening) else snapshot(c) for c in countries]
        if not screened:
            raise InputError("register.no_country")
        with self._write() as conn:
            writer = ChainWriter(self._head(conn), _now())
            check = self._load(conn, check_id)
            payload = resolution_payload(screened, check.answer, note)
            check_transition(check, EventKind.RESOLVED, payload)
            event = writer.link(check_id, EventKind.RESOLVED, payload, officer or default_officer())
            writer.flush(conn)
            # The checks tables say what the check is now, for filters and SQL tools.
            conn.execute(
                update(checks)
                .where(checks.c.id == check_id)
                .values(advice_needed=event.payload["advice_needed"])
            )
            conn.execute(delete(check_countries).where(check_countries.c.check_id == check_id))
            conn.execute(insert(check_countries), country_rows(check_id, event.payload))
        return event

    # -- batches ---------------------------------------------------------------------------------

    def record_batch(
        self,
        made: Callable[[int], BatchChecks],
        batch: BatchRecord,
        *,
        again: bool = False,
    ) -> BatchRecord:
        """Record a batch's checks and the batch itself in one transaction.

        ``made(batch_id)`` gives the checks, their rows read as they are written (in chunks: a
        list of any length costs one chunk's memory); ``batch`` gives the list, the output and the
        workbook waiting in its temporary file; its id and check numbers are given here. A list
        already recorded as this kind is refused unless ``again`` (checked under the write lock,
        so two runs at once record it once); with ``again`` an interrupted earlier run of it is
        closed, its checks kept as recorded. A draft that cannot be recorded undoes them all.
        """
        with self._write() as conn:
            writer = ChainWriter(self._head(conn), _now())
            earlier = _latest_batch(conn, batch.sha256, batch.kind)
            if earlier is not None and not earlier.complete and not again:
                raise InputError("batch.interrupted_exists", id=earlier.id, source=earlier.source)
            if again:  # an interrupted earlier run is closed: its checks stay as recorded
                conn.execute(
                    update(batches)
                    .where(
                        batches.c.sha256 == batch.sha256,
                        batches.c.kind == batch.kind,
                        batches.c.completed_at.is_(None),
                    )
                    .values(completed_at=_now())
                )
            elif earlier is not None:
                raise earlier.recorded_again(PurePath(batch.source).name)
            number = (conn.execute(select(func.max(batches.c.id))).scalar_one() or 0) + 1
            first = writer.next_check_id
            count = writer.add_batch(made(number), conn)
            writer.flush(conn)
            recorded = dataclasses.replace(
                batch,
                id=number,
                first_check=first,
                last_check=first + count - 1,
                recorded_at=writer.recorded_at,
                completed_at=None,
            )
            conn.execute(insert(batches).values(**_batch_row(recorded)))
        return recorded

    def complete_batch(
        self, batch_id: int, *, output: str | None = None, workbook_sha256: str | None = None
    ) -> BatchRecord:
        """The batch's workbook took its name: the batch is complete."""
        values: dict[str, Any] = {"completed_at": _now()}
        if output is not None:
            values["output"] = output
        if workbook_sha256 is not None:
            values["workbook_sha256"] = workbook_sha256
        with self._write() as conn:
            conn.execute(update(batches).where(batches.c.id == batch_id).values(**values))
            row = conn.execute(select(batches).where(batches.c.id == batch_id)).one()
        return BatchRecord(**row._asdict())

    def find_batch(self, sha256: str, kind: str) -> BatchRecord | None:
        """The latest batch of the list with this SHA-256 recorded as ``kind``, if any."""
        with self._read() as conn:
            return _latest_batch(conn, sha256, kind)

    def interrupted_batches(self) -> list[BatchRecord]:
        """Batches whose rows are recorded but whose workbook never took its name."""
        with self._read() as conn:
            return _interrupted(conn)

    # -- reading ---------------------------------------------------------------------------------

    def get(self, check_id: int) -> CheckRecord:
        """One check with its full history; an unknown id is one sentence."""
        with self._read() as conn:
            return self._load(conn, check_id)

    def checks(
        self, filters: CheckFilter | None = None, *, newest: int | None = None
    ) -> list[CheckRecord]:
        """Checks matching ``filters``, oldest first, each with its events; with ``newest``, only
        the last that many (read from the database alone when every filter is one SQL knows)."""
        wanted = filters or CheckFilter()
        ids = _matching_ids(wanted)
        if newest is not None and wanted.in_sql:
            ids = ids.order_by(checks.c.id.desc()).limit(newest)
            query = select(events).where(events.c.check_id.in_(ids)).order_by(events.c.seq)
            with self._read() as conn:
                return [c for c in _records(conn.execute(query)) if wanted.matches(c)]
        found = self.iter_checks(wanted)
        if newest is not None and newest > 0:
            return list(collections.deque(found, maxlen=newest))  # the newest, in bounded memory
        return list(found)

    def iter_checks(
        self, filters: CheckFilter | None = None, *, chunk: int = STREAM_CHUNK
    ) -> Iterator[CheckRecord]:
        """Checks matching ``filters``, in id order, each with its events, read ``chunk`` rows
        at a time (see :class:`Reading`). The read is one transaction, open until the last
        check is taken."""
        with self.reading() as reading:
            yield from reading.checks(filters, chunk=chunk)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Reading]:
        """One read transaction that sees one state of the register throughout, however long
        it streams (an export reads the checks, then the events, of the same register)."""
        with self._read() as conn:
            if conn.dialect.name == "postgresql":  # its default sees each statement's own state
                conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield Reading(conn)

    def count(self, filters: CheckFilter | None = None) -> int:
        """How many checks match ``filters`` (counted in SQL when it can)."""
        wanted = filters or CheckFilter()
        if not wanted.in_sql:
            return sum(1 for _ in self.iter_checks(wanted))
        query = select(func.count()).select_from(_matching_ids(wanted).subquery())
        with self._read() as conn:
            return int(conn.execute(query).scalar_one())

    def checks_between(self, first: int, last: int) -> list[CheckRecord]:
        """Checks ``first`` to ``last`` (e.g. one batch's), each with its events."""
        query = select(events).where(events.c.check_id.between(first, last)).order_by(events.c.seq)
        with self._read() as conn:
            return _records(conn.execute(query))

    def events(self) -> list[Event]:
        """Every event in chain order."""
        with self.reading() as reading:
            return list(reading.events())

    def verify(self) -> VerifyResult:
        """Walk the chain, then compare the checks tables with the events that created them.

        A damaged register (tables or the chain head gone) is a finding here, not an error:
        this is the command that says what is wrong with it.
        """
        with _guarded(self._engine, self._url, write=False) as conn:
            damaged = damaged_tables(conn, columns=True)
            if damaged:
                return VerifyResult(
                    intact=False,
                    events=0,
                    checks=0,
                    head_hash=None,
                    problem="tables",
                    damaged_tables=damaged,
                )
            return verify_chain(conn)

    # -- inside a transaction ----------------------------------------------------------------------

    def _write(self) -> contextlib.AbstractContextManager[Connection]:
        self._refuse_damaged()
        return _guarded(self._engine, self._url, write=True)

    def _read(self) -> contextlib.AbstractContextManager[Connection]:
        self._refuse_damaged()
        return _guarded(self._engine, self._url, write=False)

    def _refuse_damaged(self) -> None:
        if self._damaged:
            raise RegisterError(
                "register.tables_missing", url=self.url, tables=", ".join(self._damaged)
            )

    def _head(self, conn: Connection) -> Row[Any]:
        """The chain head, locked until the transaction ends."""
        query = select(head).where(head.c.id == HEAD_ID).with_for_update()
        found = conn.execute(query).one_or_none()
        if found is None:
            raise RegisterError("register.head_missing", url=self.url)
        return found

    @staticmethod
    def _load(conn: Connection, check_id: int) -> CheckRecord:
        rows = conn.execute(
            select(events).where(events.c.check_id == check_id).order_by(events.c.seq)
        ).all()
        if not rows:
            raise InputError("register.unknown_id", id=check_id)
        return _records(rows)[0]


def _batch_row(batch: BatchRecord) -> dict[str, Any]:
    return {column.name: getattr(batch, column.name) for column in batches.columns}


def _latest_batch(conn: Connection, sha256: str, kind: str) -> BatchRecord | None:
    query = (
        select(batches)
        .where(batches.c.sha256 == sha256, batches.c.kind == kind)
        .order_by(batches.c.id.desc())
        .limit(1)
    )
    row = conn.execute(query).one_or_none()
    return BatchRecord(**row._asdict()) if row is not None else None


def _interrupted(conn: Connection) -> list[BatchRecord]:
    query = select(batches).where(batches.c.completed_at.is_(None)).order_by(batches.c.id)
    return [BatchRecord(**row._asdict()) for row in conn.execute(query)]


def _dated(on: date | None, **fields: str) -> dict[str, Any]:
    return {"date": (on or datetime.now(UTC).date()).isoformat(), **fields}


@contextlib.contextmanager
def _guarded(engine: Engine, url: URL, *, write: bool) -> Iterator[Connection]:
    with db.reachable(url), db.transaction(engine, write=write) as conn:
        yield conn
