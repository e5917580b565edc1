"""Agreements fit for signing: only screened countries, A4 in the document's language, no trace of
the library's defaults, dates and lists written out, both delegation letters."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm, Mm

from hrtoets.dates import day_text
from tests.conftest import Invoke, flat

pytest_plugins = ["tests.register_fixtures"]  # db_url


def _render(cli: Invoke, out: Path, *args: str, expect: int = 0) -> str:
    result = cli("clause", "render", *args, "-o", str(out), expect=expect)
    return result.stderr


@pytest.mark.parametrize(("lang", "word_lang"), [("nl", "nl-BE"), ("en", "en-GB")])
def test_word_is_a4_in_the_document_language(
    cli: Invoke, tmp_path: Path, lang: str, word_lang: str
) -> None:
    out = tmp_path / "p.docx"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    _render(cli, out, "partnership", "--partner", "Stad Rabat", "--country", "Marokko",
            "--lang", lang)  # fmt: skip
    after = dt.datetime.now(dt.UTC)
    word = docx.Document(str(out))
    for section in word.sections:
        assert section.page_width is not None and section.page_height is not None
        assert abs(section.page_width - Mm(210)) < Mm(0.1)  # Word keeps twips: A4 to the twip
        assert abs(section.page_height - Mm(297)) < Mm(0.1)
        margins = (section.left_margin, section.right_margin, section.top_margin,
                   section.bottom_margin)  # fmt: skip
        assert all(m is not None and abs(m - Cm(2.5)) < Cm(0.01) for m in margins)
    with zipfile.ZipFile(out) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
        settings = archive.read("word/settings.xml").decode("utf-8")
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert f'<w:lang w:val="{word_lang}"' in styles
    assert f'w:themeFontLang w:val="{word_lang}"' in settings
    props = word.core_properties
    assert props.language == word_lang
    assert props.title == word.paragraphs[0].text
    assert props.author == props.last_modified_by == "Stad Gent"
    assert props.created is not None and props.modified is not None
    created = props.created.replace(tzinfo=props.created.tzinfo or dt.UTC)  # older: naive UTC
    assert before <= created <= after
    assert props.modified.replace(tzinfo=None) == props.created.replace(tzinfo=None)
    assert props.comments == "" and props.revision == 1
    for trace in (b"python-docx", b"2013-12-23", b"Macintosh"):
        assert trace not in everything, trace


def test_dates_places_and_lists_written_out(cli: Invoke, tmp_path: Path, home: Path) -> None:
    (home / "config.toml").write_text('place = "Sint-Amandsberg"\n', encoding="utf-8")
    out = tmp_path / "p.txt"
    _render(cli, out, "partnership", "--partner", "Eurocities", "--country", "Duitsland",
            "--country", "Frankrijk", "--country", "België")  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert "Eurocities (Duitsland, Frankrijk en België)" in text
    today = day_text(dt.date.today(), "nl")
    assert f"Opgemaakt te Sint-Amandsberg op {today} in twee exemplaren" in text
    english = tmp_path / "e.txt"
    _render(cli, english, "network", "--partner", "Eurocities", "--country", "DE", "--country",
            "FR", "--lang", "en")  # fmt: skip
    shown = english.read_text(encoding="utf-8")
    assert "Eurocities (Germany and France)" in shown
    assert f"Done at Sint-Amandsberg on {day_text(dt.date.today(), 'en')}" in shown


@pytest.mark.parametrize("typed", ["Marrokko", "Congo", "Atlantis"])
def test_an_unscreened_country_never_reaches_a_document(
    cli: Invoke, tmp_path: Path, typed: str
) -> None:
    out = tmp_path / "p.docx"
    said = flat(_render(cli, out, "partnership", "--partner", "X", "--country", typed,
                        expect=2))  # fmt: skip
    assert said.startswith(f"'{typed}' is niet één land of regio dat hrtoets herkent")
    assert "een overeenkomst noemt alleen getoetste landen" in said
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != "hrtoets-home"] == []
    if typed == "Marrokko":
        assert "Marokko (MAR)" in said
    if typed == "Congo":
        assert "Congo-Kinshasa (COD), Congo-Brazzaville (COG)" in said


def test_a_region_may_be_named(cli: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "d.txt"
    said = flat(_render(cli, out, "delegation-out", "--partner", "Generalitat", "--country",
                        "Catalonië"))  # fmt: skip
    assert "Catalonië" in out.read_text(encoding="utf-8")
    assert "advies" in said


def test_both_delegation_letters_say_their_direction(cli: Invoke, tmp_path: Path) -> None:
    received, abroad = tmp_path / "in.txt", tmp_path / "out.txt"
    _render(cli, received, "delegation-in", "--partner", "Stad Rabat", "--country", "Marokko")
    _render(cli, abroad, "delegation-out", "--partner", "Stad Rabat", "--country", "Marokko")
    incoming = received.read_text(encoding="utf-8")
    outgoing = abroad.read_text(encoding="utf-8")
    assert "Stad Gent ontvangt een delegatie van Stad Rabat uit Marokko" in incoming
    assert "Een delegatie van Stad Gent bezoekt Stad Rabat in Marokko" in outgoing
    for text in (incoming, outgoing):
        assert "De partijen garanderen dat ze de mensenrechten" in text  # the clause, verbatim


def test_the_recorded_agreement_is_evidence(cli: Invoke, tmp_path: Path, db_url: str) -> None:
    out = tmp_path / "p.docx"
    cli("clause", "render", "delegation-in", "-o", str(out), "--partner", "Stad Rabat",
        "--country", "Marokko", "--country", "BE", "--log", "--answer", "nee",
        "--db", db_url)  # fmt: skip
    (check,) = json.loads(cli("log", "list", "--db", db_url, "--json").stdout)
    assert check["kind"] == "delegation-in"
    events = json.loads(cli("log", "show", str(check["id"]), "--db", db_url, "--json").stdout)
    (agreement,) = [e for e in events["events"] if e["kind"] == "agreement"]
    payload = agreement["payload"]
    assert (payload["template"], payload["lang"], payload["partner"]) == (
        "delegation-in",
        "nl",
        "Stad Rabat",
    )
    assert [(c["iso3"], c["advice_needed"]) for c in payload["countries"]] == [
        ("MAR", True),
        ("BEL", False),
    ]
    assert payload["output"] == str(out.absolute())
    import hashlib

    assert payload["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    cli("log", "decide", str(check["id"]), "--decision", "go", "--without-advice", "--reason",
        "x", "--db", db_url)  # fmt: skip
    again = tmp_path / "again.docx"
    refused = cli("clause", "render", "delegation-in", "-o", str(again), "--partner",
                  "Stad Rabat", "--country", "Marokko", "--log", "--check", str(check["id"]),
                  "--db", db_url, expect=2)  # fmt: skip
    assert "al beslist" in flat(refused.stderr) and not again.exists()
