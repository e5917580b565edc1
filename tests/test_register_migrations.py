"""Schema migrations run by themselves, once, on SQLite and PostgreSQL, and keep the chain intact.

The starting point is the register hrtoets 0.1.0 wrote (schema 1). For PostgreSQL its tables are
re-created in a fresh schema from the SQLite file's own layout (reflected, not restated here) and
its rows copied as they are, so the database is the one 0.1.0 would have made there.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import MetaData, create_engine, insert, inspect, select, text

from hrtoets.register import open_register
from hrtoets.register.schema import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import ROOT, Invoke
from tests.register_fixtures import postgres_schema_url

FIXTURE = ROOT / "tests" / "data" / "registers" / "register-0.1.0.sqlite"


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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def v1_register(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The 0.1.0 register (schema 1) in a SQLite file or a fresh PostgreSQL schema."""
    copy = tmp_path / "register-0.1.0.sqlite"
    shutil.copyfile(FIXTURE, copy)
    if request.param == "sqlite":
        yield f"sqlite:///{copy}"
        return
    for url in postgres_schema_url():
        _copy_to(f"sqlite:///{copy}", url)
        yield url


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
