"""A register damaged behind the tool's back: one sentence (exit 2); ``verify`` names it (exit 1).

Each test damages a real register with plain SQL, as someone with a database tool could, then runs
the commands an officer would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.conftest import Invoke, flat

pytest_plugins = ["tests.register_fixtures"]  # db_url

RESTORE = "run 'hrtoets log verify' and restore the register from a backup."


def _sql(url: str, statement: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(statement))
    engine.dispose()


def _shown(url: str) -> str:
    """The URL as hrtoets prints it: without a password."""
    return make_url(url).render_as_string(hide_password=True)


def _fill(cli: Invoke, db: str) -> None:
    """Check 1 (events 1 and 2: created, advice requested), check 2 (event 3)."""
    cli("log", "add", "--db", db, "--kind", "procurement", "--title", "Koffie",
        "--country", "Marokko")  # fmt: skip
    cli("log", "advice", "1", "--requested", "--db", db)
    cli("log", "add", "--db", db, "--kind", "other", "--title", "Visit", "--country", "BE")


def _en(cli: Invoke, db: str, *args: str, expect: int) -> str:
    result = cli(*args, "--db", db, "--lang", "en", expect=expect)
    assert "Traceback" not in result.stderr
    return flat(result.stdout if expect == 1 else result.stderr)


def test_an_empty_chain_head(cli: Invoke, db_url: str) -> None:
    _fill(cli, db_url)
    _sql(db_url, "DELETE FROM register_head")
    assert _en(cli, db_url, "log", "verify", expect=1) == (
        "Register broken: the chain head (table register_head) is empty, so whether events were "
        "removed from the end can no longer be checked. Compare it with a backup."
    )
    data = json.loads(cli("log", "verify", "--db", db_url, "--json", expect=1).stdout)
    assert (data["intact"], data["problem"], data["broken_seq"], data["events"]) == (
        False,
        "head",
        None,
        3,
    )
    added = _en(cli, db_url, "log", "add", "--kind", "other", "--title", "x", "--country", "BE",
                expect=2)  # fmt: skip
    assert added == (
        f"The register {_shown(db_url)} is damaged: its chain head (table register_head) is "
        f"empty, so nothing can be recorded; {RESTORE}"
    )
    assert len(json.loads(cli("log", "list", "--db", db_url, "--json").stdout)) == 2


@pytest.mark.parametrize("payload", ["not json", "{}", "[1, 2]", '{"id": 1}'])
@pytest.mark.parametrize(
    "command",
    [("log", "list"), ("log", "show", "1"), ("log", "export", "-o", "{out}"), ("monitor",)],
)
def test_an_unreadable_created_event(
    cli: Invoke, db_url: str, tmp_path: Path, payload: str, command: tuple[str, ...]
) -> None:
    _fill(cli, db_url)
    _sql(db_url, f"UPDATE register_events SET payload = '{payload}' WHERE seq = 1")
    args = [arg.format(out=f"{tmp_path}/register.json") for arg in command]
    assert _en(cli, db_url, *args, expect=2) == (
        "Event 1 (check 1) in the register cannot be read: it was changed behind hrtoets's "
        f"back; {RESTORE}"
    )
    assert _en(cli, db_url, "log", "verify", expect=1) == (
        "Register broken from event 1: event 1 (check 1) no longer matches its hash: its "
        "content was changed. Compare it with a backup."
    )


def test_an_unreadable_later_event(cli: Invoke, db_url: str) -> None:
    _fill(cli, db_url)
    _sql(db_url, "UPDATE register_events SET payload = 'not json' WHERE seq = 2")
    assert _en(cli, db_url, "log", "show", "1", expect=2) == (
        "Event 2 (check 1) in the register cannot be read: it was changed behind hrtoets's "
        f"back; {RESTORE}"
    )
    assert _en(cli, db_url, "log", "advice", "1", "--received", "--outcome", "positive",
               expect=2).startswith("Event 2 (check 1) in the register cannot be read")  # fmt: skip
    assert _en(cli, db_url, "log", "verify", expect=1).startswith("Register broken from event 2:")


def test_an_unknown_event_kind_shows_its_code(cli: Invoke, db_url: str) -> None:
    _fill(cli, db_url)
    _sql(db_url, "UPDATE register_events SET kind = 'bogus' WHERE seq = 2")
    shown = flat(cli("log", "show", "1", "--db", db_url, "--lang", "en").stdout)
    assert "#2 " in shown and " bogus (" in shown
    assert _en(cli, db_url, "log", "verify", expect=1) == (
        "Register broken from event 2: event 2 (check 1) no longer matches its hash: its "
        "content was changed. Compare it with a backup."
    )


def test_a_created_event_renamed_is_damage_not_an_unknown_id(cli: Invoke, db_url: str) -> None:
    _fill(cli, db_url)
    _sql(db_url, "UPDATE register_events SET kind = 'note' WHERE seq = 3")
    assert _en(cli, db_url, "log", "show", "2", expect=2).startswith(
        "Event 3 (check 2) in the register cannot be read"
    )


@pytest.mark.parametrize("table", ["register_checks", "register_schema_version"])
def test_a_dropped_table(cli: Invoke, db_url: str, table: str) -> None:
    _fill(cli, db_url)
    _sql(db_url, f"DROP TABLE {table}")
    missing = f"The register {_shown(db_url)} is damaged: its tables {table} are missing; {RESTORE}"
    for command in (("log", "list"), ("log", "show", "1"), ("monitor",)):
        assert _en(cli, db_url, *command, expect=2) == missing
    assert _en(cli, db_url, "log", "add", "--kind", "other", "--title", "x", "--country", "BE",
               expect=2) == missing  # fmt: skip
    assert _en(cli, db_url, "log", "verify", expect=1) == (
        f"Register broken: the register tables {table} are missing or lack columns. "
        "Compare it with a backup."
    )
    data = json.loads(cli("log", "verify", "--db", db_url, "--json", expect=1).stdout)
    assert (data["problem"], data["damaged_tables"], data["head_hash"]) == ("tables", [table], None)


def test_a_dropped_column(cli: Invoke, db_url: str) -> None:
    _fill(cli, db_url)
    _sql(db_url, "ALTER TABLE register_check_countries DROP COLUMN reason")
    added = _en(cli, db_url, "log", "add", "--kind", "other", "--title", "x", "--country", "BE",
                expect=2)  # fmt: skip
    assert added.startswith(f"The register {_shown(db_url)} is damaged (")
    assert "reason" in added and added.endswith(f"); {RESTORE}")
    assert _en(cli, db_url, "log", "verify", expect=1) == (
        "Register broken: the register tables register_check_countries are missing or lack "
        "columns. Compare it with a backup."
    )
