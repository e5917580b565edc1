"""Schema migrations run by themselves, once, on SQLite and PostgreSQL, and keep the chain intact.

The starting points are the registers hrtoets 0.1.0 wrote (schema 1) and the last release with
schema 2 wrote (see ``tests/data/registers/README.md``). For PostgreSQL their tables are
re-created in a fresh schema from the SQLite file's own layout (reflected, not restated here) and
their rows copied as they are, so the database is the one that release would have made there.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine, insert, inspect, select, text

from hrtoets.register import open_register
from hrtoets.register.schema import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import ROOT, Invoke
from tests.register_fixtures import postgres_schema_url

REGISTERS = ROOT / "tests" / "data" / "registers"
FIXTURE = REGISTERS / "register-0.1.0.sqlite"
SCHEMA_2 = REGISTERS / "register-schema-2.sqlite"


def _copy_to(source_url: str, target_url: str) -> None:
    """Every table and row of the register at ``source_url`` into an empty database."""
    source, target = create_engine(source_url), create_engine(target_url)
    layout = MetaData()
    layout.reflect(source)
    for table in layout.tables.values():
        for column in table.columns:
            column.type = column.type.as_generic()  # SQLite's DOUBLE → Double, PostgreSQL's own
    layout.create_all(target)
    with source.connect() as read, target.begin() as write:
        for table in layout.sorted_tables:
            rows = [row._asdict() for row in read.execute(select(table))]
            if rows:
                write.execute(insert(table), rows)
    source.dispose()
    target.dispose()


def _in_database(fixture: Path, database: str, tmp_path: Path) -> Iterator[str]:
    """A copy of the register ``fixture`` in a SQLite file or a fresh PostgreSQL schema."""
    copy = tmp_path / fixture.name
    shutil.copyfile(fixture, copy)
    if database == "sqlite":
        yield f"sqlite:///{copy}"
        return
    for url in postgres_schema_url():
        _copy_to(f"sqlite:///{copy}", url)
        yield url


DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=DATABASES)
def v1_register(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The 0.1.0 register (schema 1) in a SQLite file or a fresh PostgreSQL schema."""
    yield from _in_database(FIXTURE, request.param, tmp_path)


@pytest.fixture(params=DATABASES)
def v2_register(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The register of the last release with schema 2, in SQLite or PostgreSQL."""
    yield from _in_database(SCHEMA_2, request.param, tmp_path)


def _events(url: str) -> list[tuple[object, ...]]:
    """Every stored event row, column by column, in chain order."""
    engine = create_engine(url)
    with engine.connect() as conn:
        found = [tuple(row) for row in conn.execute(text(
            "SELECT seq, check_id, kind, recorded_at, officer, payload, prev_hash, hash"
            " FROM register_events ORDER BY seq"))]  # fmt: skip
    engine.dispose()
    return found


def _hash_indexes(url: str) -> tuple[list[Any], list[Any], list[Any]]:
    """What indexes ``register_events``: unique constraints and indexes naming ``hash``, and
    the index on ``check_id``."""
    engine = create_engine(url)
    with engine.connect() as conn:
        inspector = inspect(conn)
        unique = [c for c in inspector.get_unique_constraints("register_events")
                  if "hash" in c["column_names"]]  # fmt: skip
        indexes = inspector.get_indexes("register_events")
    engine.dispose()
    on_hash = [i for i in indexes if "hash" in i["column_names"]]
    on_check = [i for i in indexes if i["column_names"] == ["check_id"]]
    return unique, on_hash, on_check


def _version(url: str) -> list[int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = [
            row[0] for row in conn.execute(text("SELECT version FROM register_schema_version"))
        ]
    engine.dispose()
    return found


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
    engine.dispose()
    return names


def test_there_is_a_step_for_every_earlier_version() -> None:
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_opening_migrates_and_the_chain_stays_intact(cli: Invoke, v1_register: str) -> None:
    assert _version(v1_register) == [1]
    assert "register_batches" not in _tables(v1_register)
    data = json.loads(cli("log", "verify", "--db", v1_register, "--json").stdout)
    assert (data["intact"], data["events"], data["checks"]) == (True, 13, 8)
    assert _version(v1_register) == [SCHEMA_VERSION]
    assert "register_batches" in _tables(v1_register)
    cli("log", "add", "--db", v1_register, "--kind", "procurement", "--title", "Na de migratie",
        "--country", "BE")  # fmt: skip
    data = json.loads(cli("log", "verify", "--db", v1_register, "--json").stdout)
    assert (data["intact"], data["events"], data["checks"]) == (True, 14, 9)
    assert _version(v1_register) == [SCHEMA_VERSION]  # migrated once, not per opening


def test_a_migrated_register_takes_batches(cli: Invoke, v1_register: str, tmp_path: Path) -> None:
    source = tmp_path / "partners.csv"
    source.write_text("Naam;Land\nStad Fès;Marokko\n", encoding="utf-8")
    cli("batch", str(source), "--log", "other", "--db", v1_register)
    again = cli("batch", str(source), "--log", "other", "--db", v1_register, "--force", expect=2)
    assert "--again" in again.stderr
    data = json.loads(cli("log", "verify", "--db", v1_register, "--json").stdout)
    assert (data["intact"], data["checks"], data["interrupted_batches"]) == (True, 9, [])


def test_writers_that_open_it_at_once_migrate_it_once(v1_register: str) -> None:
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            open_register(v1_register).close()
        except BaseException as exc:  # reported below, with the thread's error
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _version(v1_register) == [SCHEMA_VERSION]
    with open_register(v1_register) as register:
        assert register.verify().intact


def test_schema_2_becomes_3_with_every_event_as_stored(cli: Invoke, v2_register: str) -> None:
    """Schema 3 drops the unique index on the events' hash (SQLite: by making the table anew):
    every event, every column, stays exactly as stored, and the chain verifies."""
    before = _events(v2_register)
    assert _version(v2_register) == [2]
    unique, _, on_check = _hash_indexes(v2_register)
    assert len(unique) == 1 and len(on_check) == 1  # what schema 2 had
    data = json.loads(cli("log", "verify", "--db", v2_register, "--json").stdout)
    assert (data["intact"], data["events"], data["checks"]) == (True, 19, 10)
    assert _version(v2_register) == [SCHEMA_VERSION]
    assert _events(v2_register) == before
    unique, on_hash, on_check = _hash_indexes(v2_register)
    assert (unique, on_hash, len(on_check)) == ([], [], 1)
    assert "register_events_schema2" not in _tables(v2_register)


def test_a_schema_2_register_reads_and_takes_new_checks(
    cli: Invoke, v2_register: str, tmp_path: Path
) -> None:
    checks = json.loads(cli("log", "list", "--all", "--db", v2_register, "--json").stdout)
    assert [c["id"] for c in checks] == list(range(1, 11))
    assert [c["status"] for c in checks[:5]] == [
        "decided", "open", "advice-requested", "withdrawn", "decided"
    ]  # fmt: skip
    assert checks[1]["title"] == "Partnerschap [bold red]Hongarije[/bold red] plan"
    source = tmp_path / "partners.csv"
    source.write_text("Naam;Land\nStad Fès;Marokko\nTokio BV;Japan\n", encoding="utf-8")
    cli("batch", str(source), "-o", str(tmp_path / "out.xlsx"), "--log", "procurement",
        "--db", v2_register)  # fmt: skip
    data = json.loads(cli("log", "verify", "--db", v2_register, "--json").stdout)
    assert (data["intact"], data["events"], data["checks"]) == (True, 21, 12)
    assert data["interrupted_batches"] == []


def test_the_migration_leaves_a_missing_events_table_for_verify(
    cli: Invoke, tmp_path: Path
) -> None:
    copy = tmp_path / "register.sqlite"
    shutil.copyfile(SCHEMA_2, copy)
    url = f"sqlite:///{copy}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE register_events"))
    engine.dispose()
    result = cli("log", "verify", "--db", url, "--json", expect=1)  # not intact
    assert json.loads(result.stdout)["damaged_tables"] == ["register_events"]
    assert _version(url) == [SCHEMA_VERSION]
