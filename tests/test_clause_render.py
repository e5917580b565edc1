"""``hrtoets clause render``: every format read back, values intact, screening, refusals."""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path

import pytest

from hrtoets.agreements.writers import md_unescape
from tests.conftest import Invoke, flat
from tests.test_clause_templates import EN_CLAUSE, NL_CLAUSE, docx_table_text, read_docx

PARTNER = "Smith & Zonen <BV>"
QUOTED = "Vereniging \"De 'Eendracht'\" & Co"


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_docx_is_a_real_agreement_with_values_intact(cli: Invoke, out_dir: Path) -> None:
    out = out_dir / "p.docx"
    cli(
        "clause", "render", "partnership", "-o", str(out), "--partner", PARTNER,
        "--var", f"purpose={QUOTED}",
    )  # fmt: skip
    assert read_docx(out) == [
        ("Title", "Partnerschapsovereenkomst"),
        ("Normal", "Tussen de ondergetekenden:"),
        ("List Number", "Stad Gent"),
        ("List Number", PARTNER),
        ("Normal", "wordt het volgende overeengekomen."),
        ("Heading 1", "Artikel 1 – Voorwerp"),
        (
            "Normal",
            f"Deze overeenkomst legt het bilaterale partnerschap vast tussen Stad Gent en {PARTNER}"
            f", met als doel: {QUOTED}.",
        ),
        ("Heading 1", "Artikel 2 – Samenwerking"),
        (
            "Normal",
            "De partijen werken samen in wederzijds respect, delen de informatie die het "
            "partnerschap nodig heeft en brengen elkaar tijdig op de hoogte van elke ontwikkeling "
            "die de samenwerking raakt.",
        ),
        ("Heading 1", "Artikel 3 – Mensenrechten"),
        ("Normal", NL_CLAUSE),
        ("Heading 1", "Artikel 4 – Duur"),
        (
            "Normal",
            "Deze overeenkomst treedt in werking op de dag van ondertekening en geldt voor "
            "onbepaalde duur.",
        ),
        (
            "Normal",
            f"Opgemaakt te Gent op {_today()} in twee exemplaren, waarvan elke partij er één "
            "ontvangt.",
        ),
    ]
    assert docx_table_text(out) == [
        "Voor Stad Gent", "Naam:", "Functie:", "Handtekening:",
        f"Voor {PARTNER}", "Naam:", "Functie:", "Handtekening:",
    ]  # fmt: skip


def _today() -> str:
    import datetime as dt

    from hrtoets.dates import day_text

    return day_text(dt.date.today(), "nl")  # written out: "2 december 2026"


def test_html_is_escaped_and_reads_back(cli: Invoke, out_dir: Path) -> None:
    out = out_dir / "p.html"
    cli(
        "clause", "render", "network", "-o", str(out), "--partner", PARTNER, "--lang", "en",
        "--var", f"role={QUOTED}",
    )  # fmt: skip
    raw = out.read_text(encoding="utf-8")
    assert "<BV>" not in raw  # escaped, so a browser cannot take it for a tag
    assert "<li>Smith &amp; Zonen &lt;BV&gt;</li>" in raw
    assert f"<p>{EN_CLAUSE}</p>" in raw
    assert "<h2>Article 3 – Human rights</h2>" in raw
    text = html.unescape(raw)
    assert f"<strong>For {PARTNER}</strong>" in text
    assert f"participates in the network {PARTNER} as {QUOTED} and contributes" in text
    assert raw.rstrip().endswith("</html>")


def test_markdown_escapes_values(cli: Invoke, out_dir: Path) -> None:
    out = out_dir / "p.md"
    cli(
        "clause", "render", "partnership", "-o", str(out), "--partner", PARTNER, "--lang", "en",
        "--var", f"purpose={QUOTED}",
    )  # fmt: skip
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# Partnership agreement"
    assert "2. Smith \\& Zonen \\<BV\\>" in lines
    assert [md_unescape(line) for line in lines if line.startswith("2. ")] == [f"2. {PARTNER}"]
    assert "## Article 3 – Human rights" in lines
    assert EN_CLAUSE in lines
    assert "<BV>" not in "\n".join(lines)
    assert (
        "This agreement establishes the bilateral partnership between Stad Gent and "
        f"{PARTNER}, with the aim of: {QUOTED}."
    ) in [md_unescape(line) for line in lines]


def test_text_output(cli: Invoke, out_dir: Path) -> None:
    out = out_dir / "p.txt"
    cli(
        "clause", "render", "delegation-out", "-o", str(out), "--partner", QUOTED,
        "--country", "Marokko", "--country", "Tunesië", "--var", "visit_dates=3 tot 7 mei",
    )  # fmt: skip
    lines = out.read_text(encoding="utf-8").splitlines()
    title = "Intentieverklaring voor een delegatiebezoek aan het buitenland"
    assert lines[:2] == [title, "=" * len(title)]
    assert f"2. {QUOTED}" in lines
    assert (
        f"Een delegatie van Stad Gent bezoekt {QUOTED} in Marokko en Tunesië van 3 tot 7 mei."
        in lines
    )
    assert lines[lines.index("Artikel 3 – Mensenrechten") + 2] == NL_CLAUSE


def test_missing_partner_is_refused_without_a_file(cli: Invoke, out_dir: Path) -> None:
    out = out_dir / "p.docx"
    result = cli("clause", "render", "partnership", "-o", str(out), expect=2)
    assert flat(result.stderr) == (
        "Sjabloon 'partnership' heeft een partner nodig; geef die op met --partner NAAM "
        "(of een kolom partner in --rows)."
    )
    assert list(out_dir.iterdir()) == []


def test_missing_country_is_refused_without_a_file(cli: Invoke, out_dir: Path) -> None:
    out = out_dir / "d.md"
    result = cli(
        "clause",
        "render",
        "delegation-out",
        "-o",
        str(out),
        "--partner",
        "X",
        "--lang",
        "en",
        expect=2,
    )
    assert flat(result.stderr) == (
        "Template 'delegation-out' needs at least one country; give it with --country COUNTRY "
        "(or a country column in --rows)."
    )
    assert list(out_dir.iterdir()) == []


def test_missing_other_variable_names_it(cli: Invoke, home: Path, out_dir: Path) -> None:
    folder = home / "own"
    (folder / "nl").mkdir(parents=True)
    (folder / "nl" / "clause.j2").write_text(
        '{% import "_clause.j2" as clause %}@title {{ project }}\n{{ clause.text(lang) }}\n',
        encoding="utf-8",
    )
    (home / "config.toml").write_text(f'templates_dir = "{folder.as_posix()}"\n', encoding="utf-8")
    result = cli("clause", "render", "clause", "-o", str(out_dir / "c.txt"), expect=2)
    assert flat(result.stderr) == (
        "Sjabloon 'clause' heeft de variabele 'project' nodig; geef ze op met --var "
        "project=WAARDE, in --data of als kolom in --rows."
    )
    assert list(out_dir.iterdir()) == []
    cli("clause", "render", "clause", "-o", str(out_dir / "c.txt"), "--var", "project=Haven")
    assert (out_dir / "c.txt").read_text(encoding="utf-8").startswith("Haven\n")


def test_advice_needed_is_said_and_document_still_written(cli: Invoke, out_dir: Path) -> None:
    out = out_dir / "p.docx"
    result = cli(
        "clause", "render", "partnership", "-o", str(out), "--partner", "Stad Rabat",
        "--country", "Marokko", "--country", "België",
    )  # fmt: skip
    said = flat(result.stderr)
    assert (
        "Let op: voor Marokko is advies nodig (score 0.48 is niet hoger dan 0.5). Vraag eerst "
        "het advies van de mensenrechtenraad, vóór deze overeenkomst wordt ondertekend."
    ) in said
    assert "Getoetst: België, geen advies nodig (score 0.78 is hoger dan 0.5)." in said
    assert result.stdout == ""
    assert ("List Number", "Stad Rabat (Marokko en België)") in read_docx(out)


def test_no_advice_message_in_english(cli: Invoke, out_dir: Path) -> None:
    result = cli(
        "clause", "render", "network", "-o", str(out_dir / "n.txt"), "--partner", "Eurocities",
        "--country", "BEL", "--lang", "en",
    )  # fmt: skip
    said = flat(result.stderr)
    assert "Screened: Belgium, no advice needed (score 0.78 is above 0.5)." in said
    assert "Attention" not in said
    assert f"Wrote {out_dir / 'n.txt'} (network, en)." in said


def test_existing_file_needs_force(cli: Invoke, out_dir: Path) -> None:
    out = out_dir / "p.txt"
    out.write_text("keep me", encoding="utf-8")
    result = cli("clause", "render", "partnership", "-o", str(out), "--partner", "X", expect=2)
    assert flat(result.stderr) == (
        f"{out} bestaat al; gebruik --force om het te overschrijven of kies een andere naam."
    )
    assert out.read_text(encoding="utf-8") == "keep me"
    cli("clause", "render", "partnership", "-o", str(out), "--partner", "X", "--force")
    assert NL_CLAUSE in out.read_text(encoding="utf-8").splitlines()


def test_config_gives_organisation_and_signatory(cli: Invoke, home: Path, out_dir: Path) -> None:
    (home / "config.toml").write_text(
        'organisation = "Stad Gent & OCMW"\nsignatory = "An De Smet"\n'
        'signatory_title = "burgemeester"\n',
        encoding="utf-8",
    )
    out = out_dir / "p.docx"
    cli("clause", "render", "partnership", "-o", str(out), "--partner", "X")
    assert (
        "List Number",
        "Stad Gent & OCMW, vertegenwoordigd door An De Smet, burgemeester",
    ) in read_docx(out)
    assert docx_table_text(out)[:4] == [
        "Voor Stad Gent & OCMW", "Naam: An De Smet", "Functie: burgemeester", "Handtekening:",
    ]  # fmt: skip


def test_data_file_and_var_precedence(cli: Invoke, tmp_path: Path, out_dir: Path) -> None:
    toml = tmp_path / "vars.toml"
    toml.write_text(
        'partner = "Uit TOML"\nduration = "drie jaar"\npurpose = "cultuur"\n'
        'countries = ["Marokko", "Belgium"]\n',
        encoding="utf-8",
    )
    out = out_dir / "p.txt"
    result = cli(
        "clause", "render", "partnership", "-o", str(out), "--data", str(toml),
        "--var", "purpose=onderwijs",
    )  # fmt: skip
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "2. Uit TOML (Marokko en België)" in lines
    assert (
        "Deze overeenkomst legt het bilaterale partnerschap vast tussen Stad Gent en Uit TOML, "
        "met als doel: onderwijs." in lines
    )
    assert (
        "Deze overeenkomst treedt in werking op de dag van ondertekening en geldt voor drie jaar."
        in lines
    )
    assert "Marokko is advies nodig" in flat(result.stderr)
    data = tmp_path / "vars.json"
    data.write_text(json.dumps({"partner": "Uit JSON", "countries": "Japan"}), encoding="utf-8")
    out2 = out_dir / "q.txt"
    cli(
        "clause", "render", "partnership", "-o", str(out2), "--data", str(data),
        "--partner", "Optie wint", "--country", "Belgium",
    )  # fmt: skip
    assert "2. Optie wint (België)" in out2.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("partner = [", ".toml", "is niet leesbaar als TOML ("),
        ("[1, 2]", ".json", "moet één tabel van variabelen bevatten (naam = waarde)."),
        ('{"partner": {"a": 1}}', ".json", "Variabele 'partner' in "),
        ("partner = 'x'", ".yaml", "moet een .toml- of .json-bestand zijn."),
    ],
)
def test_bad_data_file(
    cli: Invoke, tmp_path: Path, out_dir: Path, content: str, suffix: str, message: str
) -> None:
    data = tmp_path / f"vars{suffix}"
    data.write_text(content, encoding="utf-8")
    result = cli(
        "clause", "render", "partnership", "-o", str(out_dir / "p.txt"), "--data", str(data),
        expect=2,
    )  # fmt: skip
    assert message in flat(result.stderr)
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize(
    ("var", "message"),
    [
        (
            "purpose",
            "--var 'purpose' heeft de vorm naam=waarde niet, bv. --var duration=\"twee jaar\".",
        ),
        (
            "2x=y",
            "'2x' is geen geldige variabelenaam; gebruik letters, cijfers en _, en begin met een "
            "letter.",
        ),
    ],
)
def test_bad_var(cli: Invoke, out_dir: Path, var: str, message: str) -> None:
    result = cli(
        "clause", "render", "partnership", "-o", str(out_dir / "p.txt"), "--partner", "X",
        "--var", var, expect=2,
    )  # fmt: skip
    assert flat(result.stderr) == message


def test_unknown_extension_is_refused(cli: Invoke, out_dir: Path) -> None:
    result = cli(
        "clause", "render", "partnership", "-o", str(out_dir / "p.pdf"), "--partner", "X", expect=2
    )
    assert flat(result.stderr) == (
        "Kan geen '.pdf'-bestand maken; laat de uitvoer eindigen op .docx, .md, .html, .htm, .txt."
    )
    assert list(out_dir.iterdir()) == []


def test_output_or_rows_is_required(cli: Invoke, out_dir: Path) -> None:
    expected = (
        "Geef -o BESTAND voor één overeenkomst, of --rows TABEL met --out-dir MAP voor één "
        "overeenkomst per rij."
    )
    result = cli("clause", "render", "partnership", "--partner", "X", expect=2)
    assert flat(result.stderr) == expected
    result = cli(
        "clause", "render", "partnership", "-o", str(out_dir / "a.txt"),
        "--out-dir", str(out_dir), expect=2,
    )  # fmt: skip
    assert flat(result.stderr) == expected
    result = cli("clause", "render", "clause", "--rows", str(out_dir / "p.csv"), expect=2)
    assert flat(result.stderr) == expected


def test_a_value_cannot_inject_structure(cli: Invoke, out_dir: Path) -> None:
    out = out_dir / "p.docx"
    cli("clause", "render", "partnership", "-o", str(out), "--partner", "X\n@article Evil\n@p y")
    paragraphs = read_docx(out)
    assert ("List Number", "X @article Evil @p y") in paragraphs
    assert not [text for style, text in paragraphs if style == "Heading 1" and "Evil" in text]


def test_json_is_the_register_record(cli: Invoke, out_dir: Path) -> None:
    out = out_dir / "p.docx"
    result = cli(
        "clause", "render", "procurement", "-o", str(out), "--partner", PARTNER,
        "--country", "Marokko", "--json",
    )  # fmt: skip
    record = json.loads(result.stdout)
    assert record == {
        "template": "procurement",
        "lang": "nl",
        "partner": PARTNER,
        "countries": [
            {
                "query": "Marokko",
                "iso3": "MAR",
                "advice_needed": True,
                "reason": "at_or_below_threshold",
                "edition": "2025",
            }
        ],
        "advice_needed": True,
        "output": str(out),
        "format": "docx",
        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
    }
    assert "Marokko is advies nodig" in flat(result.stderr)


def test_every_format_of_the_english_clause(cli: Invoke, out_dir: Path) -> None:
    for suffix in (".docx", ".md", ".html", ".txt"):
        out = out_dir / f"c{suffix}"
        cli("clause", "render", "clause", "-o", str(out), "--lang", "en")
        if suffix == ".docx":
            assert read_docx(out) == [("Title", "Human-rights clause"), ("Normal", EN_CLAUSE)]
        else:
            assert EN_CLAUSE in out.read_text(encoding="utf-8")


# --- review points 1, 4 and 5 ------------------------------------------------------------------


def test_unused_var_is_refused(cli: Invoke, out_dir: Path) -> None:
    result = cli(
        "clause", "render", "partnership", "-o", str(out_dir / "p.txt"), "--partner", "X",
        "--var", "duraton=drie jaar", expect=2,
    )  # fmt: skip
    assert flat(result.stderr) == (
        "Sjabloon 'partnership' gebruikt geen variabele 'duraton'; controleer de schrijfwijze "
        "(het sjabloon gebruikt: countries, date, duration, organisation, partner, place, "
        "purpose, signatory, signatory_title)."
    )
    assert list(out_dir.iterdir()) == []


def test_unused_data_key_is_refused(cli: Invoke, tmp_path: Path, out_dir: Path) -> None:
    data = tmp_path / "vars.json"
    data.write_text(json.dumps({"partner": "X", "visit_dates": "mei"}), encoding="utf-8")
    result = cli(
        "clause", "render", "network", "-o", str(out_dir / "n.txt"), "--data", str(data),
        "--lang", "en", expect=2,
    )  # fmt: skip
    assert flat(result.stderr) == (
        "Template 'network' does not use a variable 'visit_dates'; check the spelling (the "
        "template uses: countries, date, organisation, partner, place, role, signatory, "
        "signatory_title)."
    )
    assert list(out_dir.iterdir()) == []


def test_var_lang_points_to_the_option(cli: Invoke, out_dir: Path) -> None:
    result = cli(
        "clause", "render", "clause", "-o", str(out_dir / "c.txt"), "--var", "lang=en", expect=2
    )
    assert flat(result.stderr) == "De taal is geen variabele; kies ze met --lang nl of --lang en."
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize(
    "given", [("--partner", "   "), ("--var", "partner="), ("--var", "partner= ")]
)
def test_blank_partner_is_missing(cli: Invoke, out_dir: Path, given: tuple[str, str]) -> None:
    result = cli("clause", "render", "partnership", "-o", str(out_dir / "p.txt"), *given, expect=2)
    assert flat(result.stderr) == (
        "Sjabloon 'partnership' heeft een partner nodig; geef die op met --partner NAAM "
        "(of een kolom partner in --rows)."
    )
    assert list(out_dir.iterdir()) == []


def test_value_with_broken_encoding_is_refused(cli: Invoke, tmp_path: Path, out_dir: Path) -> None:
    # what Python makes of the byte 0xff typed in a shell that is not UTF-8
    result = cli(
        "clause", "render", "partnership", "-o", str(out_dir / "p.docx"), "--partner", "X\udcff",
        expect=2,
    )  # fmt: skip
    assert flat(result.stderr) == (
        "De waarde van 'partner' bevat tekens die geen geldige tekst zijn (een verkeerde "
        "tekencodering van de terminal of het bestand); typ de waarde opnieuw of bewaar het "
        "bestand als UTF-8."
    )
    data = tmp_path / "vars.json"
    data.write_text('{"partner": "X", "purpose": "a\\ud800b"}', encoding="utf-8")
    result = cli(
        "clause", "render", "partnership", "-o", str(out_dir / "p.txt"), "--data", str(data),
        "--lang", "en", expect=2,
    )  # fmt: skip
    assert flat(result.stderr) == (
        "The value of 'purpose' holds characters that are not valid text (a wrong character "
        "encoding of the terminal or the file); type the value again or save the file as UTF-8."
    )
    assert list(out_dir.iterdir()) == []
