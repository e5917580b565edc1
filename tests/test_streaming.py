"""Big lists and big registers in bounded memory: read row by row, written as they are read.

The lists are read again for every pass rather than held (``open_table``), a screened batch holds
one value per distinct country cell (``BatchResult``), the register is read and written a chunk
at a time. Each test would fail if the whole list or register were held again: peak memory is
measured against what holding it costs, in the same test.
"""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hrtoets.batch import run_batch
from hrtoets.config import load_settings
from hrtoets.errors import WorkbookError
from hrtoets.register.chain import TextLinkHasher, canonical, link_hash
from hrtoets.screening import Screener
from hrtoets.tables import MixedEncoding, decode, open_table, read_table
from tests.batch_files import column, write_xlsx
from tests.conftest import Invoke

pytest_plugins = ["tests.register_fixtures"]  # db_url

COUNTRIES = ("Marokko", "België", "Japan", "Belgum", "", "Congo", "Hongarije")


def _peak(action: Callable[[], Any]) -> int:
    """Peak bytes Python allocated while ``action`` ran."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _write_list(path: Path, rows: int, note: str = "") -> Path:
    lines = ["Naam;Land;Stad;Telefoon" + (";Notitie" if note else "")]
    lines += [
        f"Partner nummer {n};{COUNTRIES[n % len(COUNTRIES)]};Gent;+32 9 {n:07d}"
        + (f";{note} {n}" if note else "")
        for n in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_list_is_read_again_not_held(tmp_path: Path) -> None:
    source = _write_list(tmp_path / "p.csv", 3000)
    table = open_table(source)
    assert table.row_count == 3000 and len(table.sample) == 1000
    first, again = list(table.iter_rows()), list(table.iter_rows())
    assert first == again == list(read_table(source).rows)
    assert first[-1] == ("Partner nummer 2999", COUNTRIES[2999 % 7], "Gent", "+32 9 0002999")


def test_batch_memory_does_not_grow_with_the_rows(tmp_path: Path) -> None:
    """Three times the rows: holding them (as 0.1 did) grows by what ``read_table`` grows by; a
    batch grows by four bytes a row (both files are larger than the reading buffers)."""
    note = "een notitie die een rij breder maakt dan de buffer van de lezer " * 4
    small = _write_list(tmp_path / "s.csv", 4_000, note)
    large = _write_list(tmp_path / "l.csv", 12_000, note)
    assert small.stat().st_size > 2**20
    screener = Screener.from_settings(load_settings())
    run_batch(small, screener, lang="en", force=True)  # the look-up tables, loaded once
    held = _peak(lambda: read_table(large)) - _peak(lambda: read_table(small))
    grown = _peak(lambda: run_batch(large, screener, lang="en")) - _peak(
        lambda: run_batch(small, screener, lang="en", force=True)
    )
    assert grown < held / 4, (grown, held)
    assert column(tmp_path / "l.screened.xlsx", "Naam")[-1] == "Partner nummer 11999"


def test_a_csv_that_changes_between_passes_is_refused(tmp_path: Path) -> None:
    source = _write_list(tmp_path / "p.csv", 10)
    table = open_table(source)
    source.write_text(source.read_text(encoding="utf-8") + "Laat;Japan;Gent;1\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match="changed while hrtoets was reading it"):
        list(table.iter_rows())


def test_the_encoding_is_decided_over_the_whole_file(tmp_path: Path) -> None:
    """A cp1252 byte far past the first chunk, in a UTF-8 file: refused with its line."""
    lines = ["Naam;Land"] + [f"P{n};België" for n in range(200_000)] + ["Laatste;Belgi\xeb"]
    data = "\n".join(lines[:-1]).encode() + b"\n" + lines[-1].encode("cp1252") + b"\n"
    assert len(data) > 2 * 2**20
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    with pytest.raises(WorkbookError, match=f"line {len(lines)}"):
        open_table(path)
    with pytest.raises(MixedEncoding):
        decode(data)


def test_a_multibyte_character_across_a_chunk_boundary_is_utf8(tmp_path: Path) -> None:
    line = b"p;" + b"x" * 98 + b"\n"
    head = b"Naam;Land\n" + line * (2**20 // len(line) - 1)
    head += b"q" + b"y" * (2**20 - 1 - len(head) - 7) + b";Belgi"  # "ë" straddles 1 MiB
    path = tmp_path / "edge.csv"
    path.write_bytes(head + "ë\n".encode())
    assert len(head) == 2**20 - 1
    rows = read_table(path).rows
    assert rows[-1][-1] == "België"


def test_a_bom_before_cp1252_text_is_skipped_when_streaming(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfNaam;Land\r\nAcme;Belgi\xeb\r\n")
    table = read_table(path)
    assert table.headers == ("Naam", "Land") and table.rows == (("Acme", "België"),)


def test_empty_columns_before_the_data_are_kept(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "p.xlsx", [[None, None], [None, "Land"], [None, "BE"]])
    table = read_table(path)
    assert table.headers == ("", "Land") and table.rows == (("", "BE"),)
    assert list(open_table(path).iter_column(1)) == ["BE"]  # the column batch screens
    assert list(open_table(path).iter_column(0)) == [""]


@pytest.mark.parametrize(
    "payload",
    [
        {"b": [1, 2.5, 'ë"\\\n\u2028'], "a": None, "z": {"y": 1e-7, "x": True}},
        {"title": "=HYPERLINK()", "n": -0.0, "big": 10**20, "empty": {}, "list": []},
    ],
)
def test_the_writer_hashes_the_payload_text_as_verify_does(payload: dict[str, Any]) -> None:
    fields: dict[str, Any] = {"seq": 7, "check_id": 3, "kind": "created",
                              "recorded_at": "2026-12-02T10:00:00Z",
                              "officer": 'Jan "J" Peeters ë', "prev_hash": "0" * 64}  # fmt: skip
    stored = json.loads(canonical(payload))
    link = TextLinkHasher(fields["kind"], fields["recorded_at"], fields["officer"])
    made = link(fields["seq"], fields["check_id"], canonical(payload), fields["prev_hash"])
    assert made == link_hash(**fields, payload=stored)


def test_batch_log_writes_in_chunks_one_chain(
    cli: Invoke, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More rows than a chunk: every check recorded, ids consecutive, the chain intact."""
    monkeypatch.setattr("hrtoets.register.writer.CHUNK", 7)
    source = _write_list(tmp_path / "p.csv", 30)
    cli(
        "log", "add", "--db", db_url, "--kind", "procurement", "--title", "Eerst", "--country", "BE"
    )
    data = json.loads(
        cli("batch", str(source), "--log", "procurement", "--db", db_url, "--json").stdout
    )
    assert data["logged_check_ids"] == list(range(2, 32))
    assert (data["batch"]["first_check"], data["batch"]["last_check"]) == (2, 31)
    verified = json.loads(cli("log", "verify", "--db", db_url, "--json").stdout)
    assert (verified["intact"], verified["checks"], verified["events"]) == (True, 31, 31)
    shown = json.loads(cli("log", "show", "31", "--db", db_url, "--json").stdout)
    assert shown["title"].startswith("Partner nummer 29 — p.csv")
    assert shown["batch"]["id"] == 1 and shown["batch"]["row"] == 31


def test_batch_log_keeps_every_text_exactly(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    """Names with tabs, line breaks, backslashes, quotes and accents go to the database as typed
    (on PostgreSQL by COPY, whose text form escapes them) and come back the same: the chain and
    the projection tables agree with every payload."""
    names = ["Tab\there", "Regel\nbreuk", "Back\\slash \\N", 'Quote "q" \'s', "Ëlise & Zoë €",
             "\\.", "  spaties  ", "Nul"]  # fmt: skip
    rows = ["Naam;Land"] + ['"' + n.replace('"', '""') + '";Marokko' for n in names]
    source = tmp_path / "p.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    cli("batch", str(source), "--log", "procurement", "--db", db_url)
    verified = json.loads(cli("log", "verify", "--db", db_url, "--json").stdout)
    assert (verified["intact"], verified["checks"]) == (True, len(names))
    listed = json.loads(cli("log", "list", "--json", "--db", db_url).stdout)
    assert [c["partner"] for c in listed] == [n.strip() for n in names]
    found = json.loads(cli("log", "list", "--json", "--search", "ëlise", "--db", db_url).stdout)
    assert [c["partner"] for c in found] == ["Ëlise & Zoë €"]


def test_exports_and_lists_stream_the_same_text(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    """The streamed JSON is byte for byte ``json.dumps(…, indent=2)`` of the whole document."""
    from hrtoets.register import open_register

    source = _write_list(tmp_path / "p.csv", 25)
    cli("batch", str(source), "--log", "procurement", "--db", db_url)
    cli("log", "advice", "3", "--requested", "--db", db_url)
    with open_register(db_url) as register:
        checks = register.checks()
        events = sorted((e for c in checks for e in c.events), key=lambda e: e.seq)
        chunked = list(register.iter_checks(chunk=4))
    assert [c.id for c in chunked] == [c.id for c in checks] == list(range(1, 26))
    assert [len(c.events) for c in chunked] == [len(c.events) for c in checks]
    listed = cli("log", "list", "--json", "--db", db_url).stdout
    assert listed == json.dumps([c.to_json() for c in checks], ensure_ascii=False, indent=2) + "\n"
    target = tmp_path / "r.json"
    cli("log", "export", "-o", str(target), "--db", db_url)
    whole = {
        "checks": [c.to_json(events=True) for c in checks],
        "head_hash": events[-1].hash,
        "events": len(events),
    }
    expected = json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert target.read_text(encoding="utf-8") == expected
    empty = tmp_path / "empty"
    empty.mkdir()
    env_db = f"sqlite:///{empty / 'r.sqlite'}"
    assert cli("log", "list", "--json", "--db", env_db).stdout == "[]\n"
    cli("log", "export", "-o", str(empty / "e.json"), "--db", env_db)
    nothing: dict[str, Any] = {"checks": [], "head_hash": None, "events": 0}
    assert (empty / "e.json").read_text(encoding="utf-8") == json.dumps(nothing, indent=2) + "\n"


def test_a_huge_register_read_holds_a_chunk(db_url: str, tmp_path: Path) -> None:
    """Streaming the checks allocates far less than loading them all."""
    from hrtoets.register import open_register

    source = _write_list(tmp_path / "p.csv", 3000)
    screener = Screener.from_settings(load_settings())
    from hrtoets.batch.register_link import LogRequest, Recorder

    with open_register(db_url) as register:
        recorder = Recorder(register, LogRequest("procurement"), source)
        run_batch(source, screener, lang="nl", recording=recorder)
        held = _peak(register.checks)
        streamed = _peak(lambda: sum(1 for _ in register.iter_checks(chunk=100)))
    assert streamed < held / 3, (streamed, held)


def _stored_country(**changed: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "query": "Brazilië", "iso3": "BRA", "name": "Brazil", "status": "resolved",
        "covered": True, "edition": "2025", "score": 0.5, "score_exact": 0.5027,
        "advice_needed": True, "reason": "at_or_below_threshold",
        "reasons": ["at_or_below_threshold"], "borderline": True, "threshold": 0.5,
        "rounding": "published", "answer": None,
    }  # fmt: skip
    return base | changed


@pytest.mark.parametrize(
    "variants",
    [
        [{"score": 1.0}, {"score": 1}, {"score": True}],  # equal in Python, not in the register
        [{"score": 0.0}, {"score": -0.0}, {"score": 0}, {"score": False}],
        [{"reasons": ["1"]}, {"reasons": [1]}, {"reasons": [True]}, {"reasons": [1.0]}],
        [{"threshold": 0.5}, {"threshold": 0.0}, {"threshold": -0.0}],
        [{"query": "x"}, {"query": ["x"]}, {"query": "x"}],  # a list cannot be a memo key
        [{"covered": 1}, {"covered": True}, {"iso3": None}, {"iso3": ""}],
    ],
)
def test_a_country_read_again_is_the_country_stored(variants: list[dict[str, Any]]) -> None:
    """The register's countries are read once per distinct value, each exactly as stored: the
    same as reading it afresh, field by field, type included (``repr`` shows 1 vs 1.0)."""
    from hrtoets.register.model import CountryScreening

    for changed in variants * 2:  # the second round is served by what the first kept
        stored = _stored_country(**changed)
        assert repr(CountryScreening.from_json(stored)) == repr(CountryScreening._read(stored))


def test_the_countries_read_are_kept_within_bounds() -> None:
    from hrtoets.register import model

    first = model.CountryScreening.from_json(_stored_country(query="q0"))
    assert model.CountryScreening.from_json(_stored_country(query="q0")) is first
    for n in range(model._READ_SCREENINGS_KEPT + 10):
        model.CountryScreening.from_json(_stored_country(query=f"q{n}"))
    assert 0 < len(model._READ_SCREENINGS) <= model._READ_SCREENINGS_KEPT
    assert model.CountryScreening.from_json(_stored_country(query="q0")) == first


def test_an_export_names_each_checks_own_countries(
    cli: Invoke, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What an export works out once and keeps (country names, labels, times) is right for
    every row, also when its memo starts again after every few entries."""
    import csv

    places = ["Marokko", "België", "Japan", "Belgum", "Kenia", "Marokko", "Catalonië"]
    source = tmp_path / "p.csv"
    lines = ["Naam;Land", *(f"Partner {n};{place}" for n, place in enumerate(places))]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cli("batch", str(source), "--log", "procurement", "--db", db_url)
    cli("log", "advice", "2", "--requested", "--db", db_url)
    shown = json.loads(cli("log", "list", "--json", "--db", db_url).stdout)
    recorded = [c["countries"][0] for c in shown]
    for kept in (4096, 3):
        monkeypatch.setattr("hrtoets.register.export._KEPT", kept)
        target = tmp_path / f"r{kept}.csv"
        cli("log", "export", "-o", str(target), "--db", db_url, "--lang", "en")
        with target.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter=";"))
        assert [row["Partner"] for row in rows] == [f"Partner {n}" for n in range(len(places))]
        codes = [row["Countries"].rsplit("(", 1)[1].rstrip(")") for row in rows]
        assert codes == [c.get("region") or c["iso3"] or "?" for c in recorded]
        assert (rows[0]["Countries"], rows[1]["Countries"]) == ("Morocco (MAR)", "Belgium (BEL)")
        assert (rows[3]["Countries"], rows[5]["Countries"]) == ("Belgum (?)", "Morocco (MAR)")
        assert [row["Status"] for row in rows].count("advice requested") == 1
        assert rows[1]["Advice requested on"] != "" and rows[0]["Advice requested on"] == ""


def test_an_event_row_unpacks_in_the_order_of_its_fields() -> None:
    """Events are read by position (the table's column order), so the two orders are one."""

    from hrtoets.register.model import Event
    from hrtoets.register.schema import events

    assert [c.name for c in events.columns] == list(Event._fields)
