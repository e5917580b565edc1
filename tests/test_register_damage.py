"""A register damaged behind the tool's back: one sentence (exit 2); ``verify`` names it (exit 1).

Each test damages a real register with plain SQL, as someone with a database tool could, then runs
the commands an officer would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def _edit_created(url: str, **changed: Any) -> None:
    """Change keys of check 1's ``created`` payload with plain SQL, as a database tool could."""
    engine = create_engine(url)
    with engine.begin() as conn:
        stored = conn.execute(
            text("SELECT payload FROM register_events WHERE seq = 1")
        ).scalar_one()
        payload = json.loads(str(stored)) | changed
        conn.execute(
            text("UPDATE register_events SET payload = :p WHERE seq = 1"),
            {"p": json.dumps(payload, separators=(",", ":"))},
        )
    engine.dispose()


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
def test_an_unreadable_created_event(
    cli: Invoke, db_url: str, tmp_path: Path, payload: str
) -> None:
    _fill(cli, db_url)
    _sql(db_url, f"UPDATE register_events SET payload = '{payload}' WHERE seq = 1")
    commands = [("log", "list"), ("log", "show", "1"), ("log", "export", "-o", "{out}"),
                ("monitor",)]  # fmt: skip
    for command in commands:  # every reading command, on the same damaged register
        args = [arg.format(out=f"{tmp_path}/register.json") for arg in command]
        assert _en(cli, db_url, *args, expect=2) == (
            "Event 1 (check 1) in the register cannot be read: it was changed behind hrtoets's "
            f"back; {RESTORE}"
        ), command
    assert not (tmp_path / "register.json").exists()
    problem = {
        "not json": "cannot be read (nested too deep, a number too large, or not JSON)",
        "{}": "no longer matches its hash: its content was changed",
        # Valid JSON, but not the text hrtoets wrote (it writes no spaces).
        "[1, 2]": "is no longer stored as hrtoets wrote it (duplicate or reordered keys, other "
        "spacing): an SQL tool may read something other than what the hash covers",
    }
    problem['{"id": 1}'] = problem["[1, 2]"]
    assert _en(cli, db_url, "log", "verify", expect=1) == (
        f"Register broken from event 1: event 1 (check 1) {problem[payload]}. "
        "Compare it with a backup."
    )


@pytest.mark.parametrize("countries", [[1], "BEL", [["BEL"]], [None]])
def test_a_created_event_whose_countries_are_no_countries(
    cli: Invoke, db_url: str, tmp_path: Path, countries: Any
) -> None:
    """Valid JSON of the right shape, but a country that is no object: one sentence, not a crash."""
    _fill(cli, db_url)
    _edit_created(db_url, countries=countries)
    for command in [("log", "list"), ("log", "show", "1"), ("monitor",),
                    ("log", "export", "-o", f"{tmp_path}/register.csv")]:  # fmt: skip
        assert _en(cli, db_url, *command, expect=2) == (
            "Event 1 (check 1) in the register cannot be read: it was changed behind hrtoets's "
            f"back; {RESTORE}"
        ), command
    assert not (tmp_path / "register.csv").exists()


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


def _last_event_rewritten(db_url: str, text_of: Any) -> None:
    """Replace the payload text of the last event and re-hash it (and the head) as a forger would.

    ``text_of`` turns the stored canonical text into the forged text; the hash is computed over
    what Python's json reads back from it, so only the canonical-form check can tell.
    """
    from hrtoets.register.chain import link_hash

    engine = create_engine(db_url)
    with engine.begin() as conn:
        row = conn.execute(text("SELECT * FROM register_events ORDER BY seq DESC LIMIT 1")).one()
        forged = text_of(row.payload)
        digest = link_hash(
            seq=row.seq,
            check_id=row.check_id,
            kind=row.kind,
            recorded_at=row.recorded_at,
            officer=row.officer,
            payload=json.loads(forged),
            prev_hash=row.prev_hash,
        )
        conn.execute(
            text("UPDATE register_events SET payload = :p, hash = :h WHERE seq = :s"),
            {"p": forged, "h": digest, "s": row.seq},
        )
        conn.execute(text("UPDATE register_head SET last_hash = :h"), {"h": digest})
    engine.dispose()


def _problem(cli: Invoke, db_url: str) -> tuple[Any, ...]:
    data = json.loads(cli("log", "verify", "--db", db_url, "--json", expect=1).stdout)
    return data["intact"], data["problem"], data["broken_seq"], data["broken_check"]


def test_a_duplicate_key_is_a_finding(cli: Invoke, db_url: str) -> None:
    """SQL tools read the first "note", Python the last: the hash covers what is not seen."""
    _fill(cli, db_url)
    cli("log", "advice", "2", "--requested", "--note", "echt", "--db", db_url)
    _last_event_rewritten(
        db_url, lambda t: t.replace('"note":"echt"', '"note":"vals","note":"echt"')
    )
    assert _problem(cli, db_url) == (False, "canonical", 4, 2)
    assert _en(cli, db_url, "log", "verify", expect=1).startswith(
        "Register broken from event 4: event 4 (check 2) is no longer stored as hrtoets wrote it"
    )


def test_reordered_keys_are_a_finding(cli: Invoke, db_url: str) -> None:
    _fill(cli, db_url)
    cli("log", "advice", "2", "--requested", "--note", "x", "--db", db_url)
    _last_event_rewritten(db_url, lambda t: json.dumps(dict(reversed(json.loads(t).items()))))
    assert _problem(cli, db_url) == (False, "canonical", 4, 2)


@pytest.mark.parametrize(
    "forged",
    ['{"note":' + "[" * 5_000 + "]" * 5_000 + "}", '{"note":' + "9" * 5000 + "}"],
    ids=["deep", "huge-number"],
)
def test_deep_nesting_or_a_huge_number_is_a_finding(cli: Invoke, db_url: str, forged: str) -> None:
    _fill(cli, db_url)
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE register_events SET payload = :p WHERE seq = 3"), {"p": forged})
    engine.dispose()
    assert _problem(cli, db_url) == (False, "unreadable", 3, 2)


def test_a_rolled_back_check_counter_is_a_finding(cli: Invoke, db_url: str) -> None:
    _fill(cli, db_url)
    _sql(db_url, "UPDATE register_head SET last_check_id = 1")
    assert _problem(cli, db_url) == (False, "head_counter", None, None)
    assert _en(cli, db_url, "log", "verify", expect=1) == (
        "Register broken: the check counter in the chain head (table register_head) was rolled "
        "back or raised: the next number would reuse an existing check or leave a gap. Compare "
        "it with a backup."
    )


def test_country_rows_of_a_check_that_does_not_exist(cli: Invoke, db_url: str) -> None:
    _fill(cli, db_url)
    _sql(
        db_url,
        "INSERT INTO register_check_countries "
        "SELECT 99, position, query, iso3, edition, score, score_exact, advice_needed, reason "
        "FROM register_check_countries WHERE check_id = 1",
    )
    assert _problem(cli, db_url) == (False, "orphans", None, 99)


@pytest.mark.parametrize(
    "command", [("log", "list"), ("log", "verify"), ("monitor",), ("log", "show", "1")]
)
def test_another_programs_sqlite_file_is_not_a_register(
    cli: Invoke, tmp_path: Path, command: tuple[str, ...]
) -> None:
    import sqlite3

    path = tmp_path / "contacts.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    before = path.read_bytes()
    url = f"sqlite:///{path}"
    assert _en(cli, url, *command, expect=2) == (
        f"{url} is not an hrtoets register: the file holds another program's tables. Choose "
        "another file with --db; hrtoets writes nothing into it."
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content", [b"hello, not a database\n", b"SQLite format 3\x00" + b"\x01" * 200]
)
def test_a_file_that_is_no_database_is_one_sentence(
    cli: Invoke, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "register.sqlite"
    path.write_bytes(content)
    for command in (("log", "list"), ("log", "verify"), ("log", "add", "--kind", "other",
                    "--title", "T", "--country", "BE")):  # fmt: skip
        said = _en(cli, f"sqlite:///{path}", *command, expect=2)
        assert said.startswith(f"sqlite:///{path} is not a usable register database (")
    assert path.read_bytes() == content


TEXT_FIELDS = ("--title", "--partner", "--note", "--department", "--officer")


@pytest.mark.parametrize(
    "typed",
    [
        "Visit [/b] plan",
        "[bold red]alarm[/]",
        ":warning: emoji",
        "\x1b[2J\x1b[Hweg",
        "\x1b]8;;http://x\x07klik",
        "bel\x07 bs\x08 cr\r weg",
    ],
)
def test_user_text_is_shown_as_text_and_stored_as_typed(
    cli: Invoke, db_url: str, typed: str
) -> None:
    """The same text in every text field at once: title, partner, note, department, officer."""
    args = [*("--kind", "other", "--country", "BE")]
    for field in TEXT_FIELDS:
        args += [field, typed]
    added = json.loads(cli("log", "add", "--db", db_url, *args, "--json").stdout)
    for field in TEXT_FIELDS:
        assert added[field.removeprefix("--")] == typed  # stored exactly as typed
    listed = cli("log", "list", "--db", db_url).stdout
    shown = cli("log", "show", str(added["id"]), "--db", db_url, "--lang", "en").stdout
    for out in (listed, shown):
        assert not any(ch in out for ch in "\x1b\x07\x08\r")
    if "\x1b" in typed:
        assert "\\x1b" in shown  # shown escaped
    else:
        escaped = typed.replace("\x07", "\\x07").replace("\x08", "\\x08").replace("\r", "\\r")
        assert escaped in " ".join(shown.split())


@pytest.mark.parametrize(("planned", "shown"), [(5, "5"), ([1, 2], "[1, 2]"), ("soon", "soon")])
def test_an_edited_planned_date_is_exported_as_stored(
    cli: Invoke, db_url: str, tmp_path: Path, planned: Any, shown: str
) -> None:
    """A planned date that is no date (a number, a list, a word) is shown as stored, in every
    export format, not a traceback; ``log verify`` tells the edit."""
    _fill(cli, db_url)
    _edit_created(db_url, planned_date=planned)
    for suffix in (".csv", ".xlsx", ".json"):
        out = tmp_path / f"export{suffix}"
        result = cli("log", "export", "-o", str(out), "--db", db_url, "--lang", "en")
        assert "Traceback" not in result.stderr
        assert out.exists()
    first = (tmp_path / "export.csv").read_text(encoding="utf-8-sig").splitlines()[1]
    assert first.split(";")[8] == f'"{shown}"'  # the planned_date column
    assert _en(cli, db_url, "log", "verify", expect=1).startswith("Register broken")
