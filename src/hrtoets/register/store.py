"""The register: add checks, append events, read them back, verify the chain.

Each public method is one transaction. Writers lock the chain head first (``SELECT … FOR UPDATE``;
on SQLite the transaction already began with ``BEGIN IMMEDIATE``), so the next position, hash and
check id are read and written by one writer at a time, whatever the number of processes.
"""

from __future__ import annotations

import contextlib
import getpass
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, Row, exists, select

from hrtoets.errors import InputError, RegisterError
from hrtoets.register import db
from hrtoets.register.chain import canonical
from hrtoets.register.model import (
    COUNCIL_KINDS,
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
    snapshot,
)
from hrtoets.register.schema import (
    HEAD_ID,
    SCHEMA_VERSION,
    check_countries,
    check_version,
    checks,
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


def _event(row: Row[Any]) -> Event:
    """An event as read; a payload that is not a JSON object was edited behind our back."""
    try:
        payload = json.loads(row.payload)
    except (TypeError, ValueError):
        payload = None
    if not isinstance(payload, dict):
        raise RegisterError("register.damaged", seq=row.seq, check=row.check_id)
    return Event(
        seq=row.seq,
        check_id=row.check_id,
        kind=row.kind,
        recorded_at=row.recorded_at,
        officer=row.officer,
        payload=payload,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


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

    # -- reading ---------------------------------------------------------------------------------

    def get(self, check_id: int) -> CheckRecord:
        """One check with its full history; an unknown id is one sentence."""
        with self._read() as conn:
            return self._load(conn, check_id)

    def checks(self, filters: CheckFilter | None = None) -> list[CheckRecord]:
        """Checks matching ``filters``, oldest first, each with its events."""
        wanted = filters or CheckFilter()
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
        query = select(events).where(events.c.check_id.in_(ids)).order_by(events.c.seq)
        with self._read() as conn:
            found = _records(conn.execute(query))
        return [c for c in found if wanted.matches(c)]

    def events(self) -> list[Event]:
        """Every event in chain order."""
        with self._read() as conn:
            return [_event(row) for row in conn.execute(select(events).order_by(events.c.seq))]

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


def _dated(on: date | None, **fields: str) -> dict[str, Any]:
    return {"date": (on or datetime.now(UTC).date()).isoformat(), **fields}


def validate_draft(draft: CheckDraft) -> None:
    """What a check must hold before it is recorded."""
    if not draft.title.strip():
        raise InputError("register.no_title")
    if not draft.countries:
        raise InputError("register.no_country")
    if draft.kind in COUNCIL_KINDS and draft.answer is None:
        raise InputError("register.answer_required", kind=draft.kind.value)
    for value in (draft.title, draft.officer, draft.department, draft.partner, draft.note):
        _check_text(value)


def _check_text(value: str) -> None:
    """Text every database stores as typed: no NUL character, no undecodable bytes."""
    if "\x00" in value or (not value.isascii() and _unencodable(value)):
        shown = value.encode("utf-8", "replace").decode().replace("\x00", "?")
        raise InputError("register.bad_text", value=shown)


def _unencodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


@contextlib.contextmanager
def _guarded(engine: Engine, url: URL, *, write: bool) -> Iterator[Connection]:
    with db.reachable(url), db.transaction(engine, write=write) as conn:
        yield conn
