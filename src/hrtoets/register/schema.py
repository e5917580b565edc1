"""The register's tables, and creating or migrating them on first use.

``register_events`` is the truth: the hash chain. ``register_checks`` and
``register_check_countries`` are a projection of each check's ``created`` event, there so that
filters run in SQL and the register reads well from any SQL tool; ``verify`` compares them with
the chain. ``register_head`` is the one row every writer locks, and records where the chain ends.
``register_batches`` (schema 2) keeps each ``batch --log`` run, so that a rerun of the same list is
noticed and an interrupted one completed. Schema 3 dropped the unique index on
``register_events.hash``: no query reads by hash, a hash is already bound to its one position by the
chain (it covers ``seq``, the primary key), and keeping random 64-character keys in order was half
of what inserting an event cost. ``register_schema_version`` says which layout the
database has, so a newer hrtoets can migrate it: each step in :data:`MIGRATIONS` brings a database
from one version to the next, inside the transaction that opens it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Double,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    inspect,
    select,
    text,
    update,
)

from hrtoets.errors import RegisterError
from hrtoets.register.chain import GENESIS

SCHEMA_VERSION: Final = 3  # 1: hrtoets 0.1.0; 2: + register_batches; 3: hash not indexed
HEAD_ID: Final = 1
# Key of the PostgreSQL advisory lock held while the schema is created or migrated.
SCHEMA_LOCK_KEY: Final = 0x6872_7473  # "hrts"

metadata = MetaData()

schema_version = Table(
    "register_schema_version",
    metadata,
    Column("version", Integer, nullable=False),
    Column("migrated_at", String(40), nullable=False),
)

head = Table(
    "register_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_seq", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
    Column("last_check_id", Integer, nullable=False),
)

events = Table(
    "register_events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("check_id", Integer, nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("recorded_at", String(40), nullable=False),
    Column("officer", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

checks = Table(
    "register_checks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("created_seq", Integer, nullable=False, unique=True),
    Column("created_at", String(40), nullable=False),
    Column("year", Integer, nullable=False, index=True),
    Column("officer", Text, nullable=False),
    Column("department", Text, nullable=False),
    Column("kind", String(40), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("partner", Text, nullable=False),
    Column("planned_date", String(10)),
    Column("answer", String(10)),
    Column("advice_needed", Boolean, nullable=False),
    Column("note", Text, nullable=False),
)

check_countries = Table(
    "register_check_countries",
    metadata,
    Column("check_id", Integer, primary_key=True, autoincrement=False),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("query", Text, nullable=False),
    Column("iso3", String(3), index=True),
    Column("edition", String(20), nullable=False),
    Column("score", Double),
    Column("score_exact", Double),
    Column("advice_needed", Boolean, nullable=False),
    Column("reason", String(40), nullable=False),
)


batches = Table(
    "register_batches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("sha256", String(64), nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("source", Text, nullable=False),
    Column("output", Text, nullable=False),
    Column("pending", Text, nullable=False),
    Column("workbook_sha256", String(64), nullable=False),
    Column("first_check", Integer, nullable=False),
    Column("last_check", Integer, nullable=False),
    Column("recorded_at", String(40), nullable=False),
    Column("completed_at", String(40)),
)


def projection(check_id: int, seq: int, at: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """The ``register_checks`` row for a ``created`` event's payload."""
    return {
        "id": check_id,
        "created_seq": seq,
        "created_at": at,
        "year": int(at[:4]),
        **{
            key: payload[key]
            for key in (
                "officer",
                "department",
                "kind",
                "title",
                "partner",
                "planned_date",
                "answer",
                "advice_needed",
                "note",
            )
        },
    }


def country_rows(check_id: int, payload: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The ``register_check_countries`` rows for a ``created`` event's payload."""
    keys = ("query", "iso3", "edition", "score", "score_exact", "advice_needed", "reason")
    return [
        {"check_id": check_id, "position": n, **{k: country[k] for k in keys}}
        for n, country in enumerate(payload["countries"])
    ]


def _add_batches(conn: Connection) -> None:
    """1 → 2: the table of ``batch --log`` runs (0.1.0 kept none; its batches stay unnamed)."""
    batches.create(conn)


def _unindex_hash(conn: Connection) -> None:
    """2 → 3: the events' hash loses its unique index (see the module's text).

    PostgreSQL drops the constraint. SQLite cannot drop a constraint written into its table, so
    the table is made anew: the old one renamed, the new one created from the schema, every row
    copied as stored, the old one dropped, all inside the migration's transaction. A register
    whose events table is gone is left as it is, for ``verify`` to name.
    """
    if not inspect(conn).has_table(events.name):
        return
    if conn.dialect.name != "sqlite":
        for constraint in inspect(conn).get_unique_constraints(events.name):
            if constraint["column_names"] == ["hash"] and constraint["name"]:
                name = conn.dialect.identifier_preparer.quote(constraint["name"])
                conn.execute(text(f"ALTER TABLE {events.name} DROP CONSTRAINT {name}"))
        return
    old = f"{events.name}_schema2"
    for index in events.indexes:  # their names are the new table's
        conn.execute(text(f"DROP INDEX IF EXISTS {index.name}"))
    conn.execute(text(f"ALTER TABLE {events.name} RENAME TO {old}"))
    events.create(conn)
    names = ", ".join(events.c.keys())
    conn.execute(text(f"INSERT INTO {events.name} ({names}) SELECT {names} FROM {old}"))  # noqa: S608
    conn.execute(text(f"DROP TABLE {old}"))


# version → the step that brings a database at that version to the next one.
MIGRATIONS: Final[dict[int, Callable[[Connection], None]]] = {1: _add_batches, 2: _unindex_hash}


def damaged_tables(conn: Connection, *, columns: bool = False) -> tuple[str, ...]:
    """The register tables that are missing (or, with ``columns``, lack a column), in order.

    A table dropped behind the tool's back must read as a damaged register, not as a database
    that cannot be reached; ``columns`` costs a query per table, so only ``verify`` asks for it.
    """
    inspector = inspect(conn)
    present = set(inspector.get_table_names())
    damaged = []
    for table in metadata.sorted_tables:
        if table.name not in present:
            damaged.append(table.name)
        elif columns:
            found = {column["name"] for column in inspector.get_columns(table.name)}
            if not set(table.columns.keys()) <= found:
                damaged.append(table.name)
    return tuple(damaged)


def read_version(conn: Connection) -> int | None:
    """The database's schema version, or ``None`` when the register was never created there."""
    if not inspect(conn).has_table(schema_version.name):
        return None
    return conn.execute(select(schema_version.c.version)).scalar_one_or_none()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _lock_for_schema(conn: Connection) -> None:
    """Serialise creators on PostgreSQL (SQLite already holds BEGIN IMMEDIATE)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})


def create_or_migrate(conn: Connection) -> None:
    """Inside a write transaction: create the tables, or run each pending migration step."""
    _lock_for_schema(conn)
    version = read_version(conn)
    if version == SCHEMA_VERSION:
        return  # another process got here first
    if version is None:
        if len(damaged_tables(conn)) < len(metadata.tables):
            return  # register tables without a version: damaged, and not ours to rebuild
        if conn.dialect.name == "sqlite" and inspect(conn).get_table_names():
            # A SQLite file is one database: tables of another program mean this is not a
            # register, and writing ours into it would hide that behind an empty register.
            raise RegisterError("register.not_a_register", url=_shown_url(conn))
        metadata.create_all(conn)
        conn.execute(insert(schema_version).values(version=SCHEMA_VERSION, migrated_at=_now()))
        conn.execute(
            insert(head).values(id=HEAD_ID, last_seq=0, last_hash=GENESIS, last_check_id=0)
        )
        return
    check_version(version)
    for step in range(version, SCHEMA_VERSION):
        MIGRATIONS[step](conn)
    conn.execute(update(schema_version).values(version=SCHEMA_VERSION, migrated_at=_now()))


def _shown_url(conn: Connection) -> str:
    return conn.engine.url.render_as_string(hide_password=True)


def check_version(version: int) -> None:
    """Refuse a register written by a newer hrtoets: migrating down would lose data."""
    if version > SCHEMA_VERSION:
        raise RegisterError("register.newer_schema", version=version, supported=SCHEMA_VERSION)
