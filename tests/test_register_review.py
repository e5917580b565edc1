"""Rows that ``batch --log`` could not screen: status ``to-review``, then ``log resolve``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from tests.batch_files import write_xlsx
from tests.conftest import Invoke, flat

pytest_plugins = ["tests.register_fixtures"]  # db_url

ROWS: list[list[Any]] = [
    ["Leverancier", "Land"],
    ["Acme", "Marokko"],  # 1: open (advice needed)
    ["Bolt", "België"],  # 2: no advice needed
    ["Cobra", "Belgum"],  # 3: unresolved
    ["Delta", None],  # 4: empty
    ["Echo", "Congo"],  # 5: ambiguous
]


def _batch(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "suppliers.xlsx", ROWS)
    cli("batch", str(source), "--log", "procurement", "--db", db_url)


def _check(cli: Invoke, db_url: str, check: int) -> dict[str, Any]:
    shown = cli("log", "show", str(check), "--db", db_url, "--json").stdout
    data: dict[str, Any] = json.loads(shown)
    return data


def _statuses(cli: Invoke, db_url: str, *args: str) -> dict[str, str]:
    listed = json.loads(cli("log", "list", "--db", db_url, "--json", *args).stdout)
    return {c["partner"]: c["status"] for c in listed}


def test_rows_without_one_country_are_to_review(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    _batch(cli, db_url, tmp_path)
    assert _statuses(cli, db_url) == {
        "Acme": "open",
        "Bolt": "not-needed",
        "Cobra": "to-review",
        "Delta": "to-review",
        "Echo": "to-review",
    }
    assert set(_statuses(cli, db_url, "--status", "to-review")) == {"Cobra", "Delta", "Echo"}
    assert set(_statuses(cli, db_url, "--status", "open")) == {"Acme"}
    table = cli("log", "list", "--db", db_url, "--status", "to-review").stdout
    assert "na te kijken" in table
    shown = cli("log", "show", "3", "--db", db_url, "--lang", "en")
    assert flat(shown.stderr) == (
        "Next step: say which country was meant with 'hrtoets log resolve 3 --country COUNTRY'."
    )
    assert "None" not in shown.stdout and "country not recognised" in flat(shown.stdout)


def test_nothing_follows_until_the_country_is_known(
    cli: Invoke, db_url: str, tmp_path: Path
) -> None:
    _batch(cli, db_url, tmp_path)
    refusals = [
        ("log", "advice", "3", "--requested"),
        ("log", "decide", "3", "--decision", "go", "--without-advice", "--reason", "spoed"),
    ]
    for args in refusals:
        result = cli(*args, "--db", db_url, "--lang", "en", expect=2)
        assert flat(result.stderr).startswith(
            "Check 3 names no single country yet ('Belgum'); resolve it first with "
            "'hrtoets log resolve 3 --country COUNTRY'"
        )
    out = tmp_path / "agreement.txt"
    result = cli("clause", "render", "procurement", "-o", str(out), "--partner", "Cobra",
                 "--log", "--check", "3", "--db", db_url, "--lang", "en", expect=2)  # fmt: skip
    assert "names no single country yet" in flat(result.stderr)
    assert not out.exists()
    assert [e["kind"] for e in _check(cli, db_url, 3)["events"]] == ["created"]


def test_resolve_screens_now_and_the_lifecycle_goes_on(
    cli: Invoke, db_url: str, tmp_path: Path
) -> None:
    _batch(cli, db_url, tmp_path)
    cli("log", "resolve", "3", "--country", "België", "--note", "tikfout", "--db", db_url)
    cobra = _check(cli, db_url, 3)
    assert cobra["status"] == "not-needed" and cobra["advice_needed"] is False
    assert [c["iso3"] for c in cobra["countries"]] == ["BEL"]
    created, resolved = cobra["events"]
    assert created["payload"]["countries"][0]["query"] == "Belgum"  # the row as recorded stays
    assert resolved["kind"] == "resolved" and resolved["payload"]["note"] == "tikfout"

    cli("log", "resolve", "5", "--country", "Congo-Kinshasa", "--db", db_url)
    echo = _check(cli, db_url, 5)
    assert echo["status"] == "open" and echo["countries"][0]["iso3"] == "COD"
    cli("log", "advice", "5", "--requested", "--db", db_url)  # the normal lifecycle applies
    assert _check(cli, db_url, 5)["status"] == "advice-requested"

    # Filters run on the checks tables: those say what the check is now.
    by_country = json.loads(cli("log", "list", "--db", db_url, "--country", "BE", "--json").stdout)
    assert {c["partner"] for c in by_country} == {"Bolt", "Cobra"}
    needed = json.loads(cli("log", "list", "--db", db_url, "--no-advice-needed", "--json").stdout)
    assert {c["partner"] for c in needed} == {"Bolt", "Cobra"}
    shown = flat(cli("log", "show", "3", "--db", db_url, "--lang", "en").stdout)
    assert "country resolved" in shown
    assert "screened now: Belgium (BEL): no advice needed; Note: tikfout" in shown
    assert json.loads(cli("log", "verify", "--db", db_url, "--json").stdout)["intact"] is True


def test_resolve_refuses_what_is_not_to_review(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    _batch(cli, db_url, tmp_path)
    result = cli("log", "resolve", "1", "--country", "Marokko", "--db", db_url, "--lang", "en",
                 expect=2)  # fmt: skip
    assert flat(result.stderr).startswith("Check 1 has nothing to resolve")
    unknown = cli("log", "resolve", "3", "--country", "Atlantis", "--db", db_url, expect=2)
    assert "Atlantis" in flat(unknown.stderr)
    cli("log", "withdraw", "4", "--reason", "geen leverancier meer", "--db", db_url)
    closed = cli("log", "resolve", "4", "--country", "BE", "--db", db_url, "--lang", "en",
                 expect=2)  # fmt: skip
    assert "withdrawn" in flat(closed.stderr)
    assert _check(cli, db_url, 4)["status"] == "withdrawn"
    cli("log", "resolve", "3", "--country", "BE", "--db", db_url)
    again = cli("log", "resolve", "3", "--country", "NL", "--db", db_url, expect=2)
    assert "3" in again.stderr
    assert [e["kind"] for e in _check(cli, db_url, 3)["events"]] == ["created", "resolved"]


def test_verify_compares_the_tables_with_the_resolution(
    cli: Invoke, db_url: str, tmp_path: Path
) -> None:
    _batch(cli, db_url, tmp_path)
    cli("log", "resolve", "3", "--country", "België", "--db", db_url)
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE register_check_countries SET iso3 = 'NLD' WHERE check_id = 3"))
    engine.dispose()
    found = json.loads(cli("log", "verify", "--db", db_url, "--json", expect=1).stdout)
    assert (found["problem"], found["broken_check"]) == ("projection", 3)
