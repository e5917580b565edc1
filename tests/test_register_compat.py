"""Registers written by earlier releases stay readable, verifiable and appendable.

``tests/data/registers/register-0.1.0.sqlite`` was written by hrtoets 0.1.0 (see the README there)
and is never rewritten: each test works on a copy.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import ROOT, Invoke, flat

FIXTURE = ROOT / "tests" / "data" / "registers" / "register-0.1.0.sqlite"


@pytest.fixture
def old_register(tmp_path: Path) -> str:
    copy = tmp_path / "register.sqlite"
    shutil.copyfile(FIXTURE, copy)
    return f"sqlite:///{copy}"


def test_verifies_intact(cli: Invoke, old_register: str) -> None:
    data = json.loads(cli("log", "verify", "--db", old_register, "--json").stdout)
    assert (data["intact"], data["events"], data["checks"]) == (True, 13, 8)


def test_lists_every_check(cli: Invoke, old_register: str) -> None:
    checks = json.loads(cli("log", "list", "--db", old_register, "--json").stdout)
    assert [c["id"] for c in checks] == list(range(1, 9))
    first = checks[0]
    assert (first["kind"], first["partner"], first["status"], first["decision"]) == (
        "delegation-out",
        "Stad Rabat",
        "decided",
        "adjusted",
    )
    assert [c["iso3"] for c in first["countries"]] == ["MAR", "JPN"]
    assert checks[5]["countries"][0]["status"] == "unresolved"  # the batch row "Marrokko"


def test_the_table_shows_markup_and_controls_as_text(cli: Invoke, old_register: str) -> None:
    """0.1.0 crashed on the title "Partnerschap Hongarije [/b] plan", for every user, for good."""
    out = cli("log", "list", "--db", old_register, "--lang", "en").stdout
    assert "[/b]" in out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b" in out  # shown escaped
    assert ":smile:" in out  # emoji codes stay text


@pytest.mark.parametrize("check", [str(n) for n in range(1, 9)])
def test_shows_every_check(cli: Invoke, old_register: str, check: str) -> None:
    result = cli("log", "show", check, "--db", old_register, "--lang", "en")
    assert "None" not in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert f"Check {check}:" in flat(result.stdout)


@pytest.mark.parametrize("suffix", ["xlsx", "csv", "json"])
def test_exports(cli: Invoke, old_register: str, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"export.{suffix}"
    cli("log", "export", "--db", old_register, "-o", str(target), "--lang", "en")
    if suffix == "json":
        assert len(json.loads(target.read_text(encoding="utf-8"))["checks"]) == 8
    elif suffix == "xlsx":
        sheet = load_workbook(target, read_only=True).worksheets[0]
        cells = {cell for row in sheet.iter_rows(min_row=2, values_only=True) for cell in row}
        assert "Partnerschap Hongarije [/b] plan" in cells
    else:
        assert "Handelsmissie Marokko" in target.read_text(encoding="utf-8-sig")


def test_appends_and_stays_intact(cli: Invoke, old_register: str) -> None:
    added = json.loads(
        cli(
            "log",
            "add",
            "--db",
            old_register,
            "--kind",
            "other",
            "--title",
            "Nieuw",
            "--country",
            "BE",
            "--json",
        ).stdout
    )
    assert added["id"] == 9
    cli("log", "advice", "3", "--requested", "--db", old_register)
    data = json.loads(cli("log", "verify", "--db", old_register, "--json").stdout)
    assert (data["intact"], data["events"], data["checks"]) == (True, 15, 9)
    shown = json.loads(cli("log", "show", "3", "--db", old_register, "--json").stdout)
    assert shown["status"] == "advice-requested"
    assert shown["events"][0]["payload"].get("format") is None  # 0.1.0 wrote no format
    assert shown["events"][-1]["payload"]["format"] == 2


def test_a_payload_from_a_newer_release_is_read(cli: Invoke, old_register: str) -> None:
    """A field the next release adds must not make today's records read as damaged."""
    from sqlalchemy import create_engine, text

    from hrtoets.register.chain import canonical, link_hash

    engine = create_engine(old_register)
    with engine.begin() as conn:
        head = conn.execute(
            text("SELECT last_seq, last_hash, last_check_id FROM register_head")
        ).one()
        payload = {"date": "2026-12-01", "note": "", "format": 9, "channel": "e-mail"}
        seq, at = head.last_seq + 1, "2026-12-01T12:00:00+00:00"
        digest = link_hash(seq=seq, check_id=3, kind="advice-requested", recorded_at=at,
                           officer="next", payload=payload, prev_hash=head.last_hash)  # fmt: skip
        conn.execute(
            text(
                "INSERT INTO register_events VALUES "
                "(:s, 3, 'advice-requested', :a, 'next', :p, :h0, :h)"
            ),
            {"s": seq, "a": at, "p": canonical(payload), "h0": head.last_hash, "h": digest},
        )
        conn.execute(
            text("UPDATE register_head SET last_seq = :s, last_hash = :h"), {"s": seq, "h": digest}
        )
    engine.dispose()
    shown = json.loads(cli("log", "show", "3", "--db", old_register, "--json").stdout)
    assert shown["status"] == "advice-requested"
    assert json.loads(cli("log", "verify", "--db", old_register, "--json").stdout)["intact"]


def test_an_agreement_event_reads_as_a_sentence(cli: Invoke, old_register: str) -> None:
    shown = flat(cli("log", "show", "2", "--db", old_register, "--lang", "en").stdout)
    assert (
        "agreement 'partnership' (nl) with Stad Pécs, file /tmp/v010home/pecs.docx (SHA-256 "
        "1c9ec17c84d1…); countries: Hungary (HUN): advice needed" in shown
    )
    assert "{'" not in shown and "True" not in shown


def test_its_unscreened_batch_row_is_to_review_and_resolved(cli: Invoke, old_register: str) -> None:
    """0.1.0 kept the batch row "Marrokko" as an open check for ever; now it can be corrected."""
    assert (
        json.loads(cli("log", "show", "6", "--db", old_register, "--json").stdout)["status"]
        == "to-review"
    )
    cli("log", "resolve", "6", "--country", "Marokko", "--db", old_register)
    shown = json.loads(cli("log", "show", "6", "--db", old_register, "--json").stdout)
    assert (shown["status"], shown["countries"][0]["iso3"]) == ("open", "MAR")
    data = json.loads(cli("log", "verify", "--db", old_register, "--json").stdout)
    assert (data["intact"], data["events"]) == (True, 14)
