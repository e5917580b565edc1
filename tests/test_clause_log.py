"""``hrtoets clause render --log``: the agreement as an event of a check in the register."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from hrtoets.register import CheckFilter, open_register
from tests.conftest import Invoke, flat

pytest_plugins = ["tests.register_fixtures"]


def _render(cli: Invoke, out: Path, db: str, *extra: str, expect: int = 0) -> str:
    result = cli(
        "clause",
        "render",
        "procurement",
        "-o",
        str(out),
        "--partner",
        "Smith & Zonen <BV>",
        "--country",
        "Marokko",
        "--db",
        db,
        "--json",
        *extra,
        expect=expect,
    )
    return result.stdout


def test_new_check_with_the_agreement(tmp_path: Path, cli: Invoke, db_url: str) -> None:
    out = tmp_path / "supplier.docx"
    record = json.loads(_render(cli, out, db_url, "--log"))
    with open_register(db_url) as register:
        (check,) = register.checks(CheckFilter())
        assert check.id == record["check_id"]
        assert check.kind.value == "procurement"
        assert check.partner == "Smith & Zonen <BV>"
        kinds = [event.kind for event in check.events]
        assert kinds == ["created", "agreement"]
        payload = check.events[1].payload
        assert register.verify().intact
    assert payload["template"] == "procurement"
    assert payload["lang"] == "nl"
    assert payload["partner"] == "Smith & Zonen <BV>"
    assert payload["countries"][0]["iso3"] == "MAR"
    assert payload["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()


def test_on_an_existing_check(tmp_path: Path, cli: Invoke, db_url: str) -> None:
    added = json.loads(
        cli(
            "log",
            "add",
            "--kind",
            "partnership",
            "--title",
            "Rabat",
            "--country",
            "Marokko",
            "--answer",
            "no",
            "--db",
            db_url,
            "--json",
        ).stdout
    )
    out = tmp_path / "partnership.md"
    cli(
        "clause",
        "render",
        "partnership",
        "-o",
        str(out),
        "--partner",
        "Rabat",
        "--log",
        "--check",
        str(added["id"]),
        "--db",
        db_url,
    )
    with open_register(db_url) as register:
        check = register.get(added["id"])
        assert [event.kind for event in check.events] == ["created", "agreement"]
        assert check.events[1].payload["output"] == str(out)


def test_unknown_check_writes_no_file(tmp_path: Path, cli: Invoke, db_url: str) -> None:
    out = tmp_path / "supplier.docx"
    _render(cli, out, db_url, "--log", "--check", "42", expect=2)
    assert not out.exists()


def test_council_kind_without_answer_writes_no_file(tmp_path: Path, cli: Invoke) -> None:
    out = tmp_path / "p.txt"
    result = cli(
        "clause",
        "render",
        "partnership",
        "-o",
        str(out),
        "--partner",
        "Rabat",
        "--country",
        "Marokko",
        "--log",
        "--lang",
        "en",
        expect=2,
    )
    assert "the answer to the guiding question is required" in flat(result.stderr)
    assert not out.exists()


@pytest.mark.parametrize("direction", ["delegation-in", "delegation-out"])
def test_the_delegation_template_decides_the_kind(
    tmp_path: Path, cli: Invoke, direction: str
) -> None:
    out = tmp_path / f"{direction}.txt"
    result = cli("clause", "render", direction, "-o", str(out), "--partner", "Rabat",
                 "--country", "Marokko", "--log", "--answer", "twijfel", "--json")  # fmt: skip
    assert json.loads(result.stdout)["template"] == direction
    (check,) = json.loads(cli("log", "list", "--json").stdout)
    assert check["kind"] == direction
    assert out.exists()


def test_a_template_of_your_own_needs_a_kind(tmp_path: Path, cli: Invoke, home: Path) -> None:
    own = tmp_path / "mine" / "en"
    own.mkdir(parents=True)
    (own / "visit.j2").write_text(
        '{% import "_clause.j2" as clause %}\n@title Visit\n@p {{ partner }}\n'
        "{{ clause.article(lang) }}\n",
        encoding="utf-8",
    )
    (home / "config.toml").write_text(f'templates_dir = "{tmp_path / "mine"}"\n', encoding="utf-8")
    out = tmp_path / "v.txt"
    result = cli("clause", "render", "visit", "-o", str(out), "--partner", "Rabat", "--log",
                 "--lang", "en", expect=2)  # fmt: skip
    assert flat(result.stderr).startswith("Say with --kind what kind of check")
    assert not out.exists()


def test_log_options_need_log(tmp_path: Path, cli: Invoke) -> None:
    out = tmp_path / "p.txt"
    cli("clause", "render", "clause", "-o", str(out), "--check", "1", expect=2)
    assert not out.exists()


def test_bad_database_writes_no_file(tmp_path: Path, cli: Invoke) -> None:
    out = tmp_path / "supplier.docx"
    result = cli(
        "clause",
        "render",
        "procurement",
        "-o",
        str(out),
        "--partner",
        "X",
        "--country",
        "BE",
        "--log",
        "--db",
        "nosuchdb://x",
        expect=2,
    )
    assert "Traceback" not in result.stderr
    assert not out.exists()
