"""Connecting to the register's database: URLs, drivers, locking transactions, plain errors.

Every write runs in one transaction that first takes the register's write lock — ``BEGIN
IMMEDIATE`` on SQLite, a row lock on the chain head on PostgreSQL — so concurrent writers queue up
instead of forking the chain, and a failure leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from sqlalchemy import Connection, Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    NoSuchModuleError,
    OperationalError,
    ProgrammingError,
)

from hrtoets.errors import RegisterError

WRITE_OPTION: Final = "hrtoets_write"
SQLITE_BUSY_SECONDS: Final = 60  # how long a writer waits for another one to finish
CONNECT_TIMEOUT_SECONDS: Final = 10
POSTGRES_EXTRA: Final = "pip install 'hrtoets[postgres]'"


def parse_url(text: str) -> URL:
    """The SQLAlchemy URL in ``text``, or one sentence saying it is not one."""
    try:
        return make_url(text.strip())
    except ArgumentError:  # NoSuchModuleError is raised later, by create_engine
        raise RegisterError("register.bad_url", url=text) from None


def shown(url: URL) -> str:
    """The URL as it may be printed: without its password."""
    return url.render_as_string(hide_password=True)


def _sqlite_begin(engine: Engine) -> None:
    """Let SQLAlchemy, not the driver, start transactions; writers take the lock at BEGIN."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver must not BEGIN by itself

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: URL) -> Engine:
    """An engine for ``url``; a missing driver or an unknown database is one sentence."""
    backend = url.get_backend_name()
    args: dict[str, Any] = {}
    if backend == "sqlite":
        args["timeout"] = SQLITE_BUSY_SECONDS
    elif backend == "postgresql":
        args["connect_timeout"] = CONNECT_TIMEOUT_SECONDS
    try:
        engine = create_engine(url, connect_args=args)
    except NoSuchModuleError:
        raise RegisterError("register.bad_url", url=shown(url)) from None
    except ImportError as exc:
        if backend == "postgresql":
            raise RegisterError("register.no_postgres_driver", install=POSTGRES_EXTRA) from None
        raise RegisterError("register.no_driver", url=shown(url), module=exc.name) from None
    if backend == "sqlite":
        _sqlite_begin(engine)
    return engine


def sqlite_folder(url: URL) -> Path | None:
    """The folder of a SQLite file URL (``None`` for other databases or in-memory SQLite)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database)).expanduser().parent


# PostgreSQL's SQLSTATEs for a table or column that is not there.
_UNDEFINED_STATES: Final = frozenset({"42P01", "42703"})


def _schema_damaged(exc: DatabaseError) -> bool:
    """Whether the database said a register table or column is missing (not: unreachable)."""
    if getattr(exc.orig, "sqlstate", None) in _UNDEFINED_STATES:
        return True
    text = str(exc.orig)
    return isinstance(exc, OperationalError) and (
        text.startswith(("no such table", "no such column")) or " has no column named " in text
    )


@contextlib.contextmanager
def reachable(url: URL) -> Iterator[None]:
    """Turn a lost or refused connection, or a damaged schema, into one sentence."""
    try:
        yield
    except (OperationalError, ProgrammingError) as exc:
        if _schema_damaged(exc):
            raise RegisterError(
                "register.tables_damaged", url=shown(url), error=_first_line(exc)
            ) from None
        if not isinstance(exc, OperationalError):
            raise  # anything else is a bug in hrtoets's SQL, and should show as one
        raise _operational(url, exc) from None


@contextlib.contextmanager
def usable(url: URL) -> Iterator[None]:
    """While opening: any database error means this is not a register we can use."""
    try:
        yield
    except OperationalError as exc:
        raise _operational(url, exc) from None
    except DatabaseError as exc:
        raise RegisterError("register.unusable", url=shown(url), error=_first_line(exc)) from None


# SQLite's words for a disk that is full or cannot be written: not a server that cannot be reached.
_NO_SPACE: Final = ("database or disk is full", "disk i/o error", "no space left")
_READ_ONLY: Final = ("readonly database", "read-only", "attempt to write a readonly")


def _operational(url: URL, exc: OperationalError) -> RegisterError:
    """A database error as one sentence: a full disk and a read-only file are named as such."""
    error = _first_line(exc)
    lowered = error.lower()
    if any(words in lowered for words in _NO_SPACE):
        return RegisterError("register.disk_full", url=shown(url), error=error)
    if any(words in lowered for words in _READ_ONLY):
        return RegisterError("register.read_only", url=shown(url), error=error)
    return RegisterError("register.unreachable", url=shown(url), error=error)


def _first_line(exc: DatabaseError) -> str:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    return (text.strip().splitlines() or ["?"])[0].rstrip(".")


@contextlib.contextmanager
def transaction(engine: Engine, *, write: bool) -> Iterator[Connection]:
    """One transaction; a writer's holds the SQLite write lock from its first statement."""
    with engine.connect() as conn:
        if write:
            conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn
