"""Mail merge: ``hrtoets clause render NAME --rows TABLE --out-dir DIR``."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from hrtoets.agreements.merge import safe_stem, unique_names
from tests.conftest import Invoke, flat
from tests.test_clause_templates import EN_CLAUSE, NL_CLAUSE, docx_table_text, read_docx


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_one_agreement_per_row(cli: Invoke, tmp_path: Path, out_dir: Path) -> None:
    rows = write_csv(
        tmp_path / "partners.csv",
        "Partner;Country;Purpose\n"
        "Smith & Zonen <BV>;Belgium;handel\n"
        ";;\n"
        "Stad Rabat;Marokko;cultuur\n"
        "stad rabat;Marokko;\n"
        "Zürich Stadt;Zwitserland;\n",
    )
    result = cli("clause", "render", "partnership", "--rows", str(rows), "--out-dir", str(out_dir))
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == [
        "Smith-Zonen-BV.docx",
        "Stad-Rabat.docx",
        "Zurich-Stadt.docx",
        "stad-rabat-2.docx",
    ]
    smith = read_docx(out_dir / "Smith-Zonen-BV.docx")
    assert ("List Number", "Smith & Zonen <BV> (België)") in smith
    assert ("Normal", NL_CLAUSE) in smith
    assert (
        "Normal",
        "Deze overeenkomst legt het bilaterale partnerschap vast tussen Stad Gent en "
        "Smith & Zonen <BV>, met als doel: handel.",
    ) in smith
    assert "Voor Zürich Stadt" in docx_table_text(out_dir / "Zurich-Stadt.docx")
    said = flat(result.stderr)
    assert (
        f"Overeenkomsten geschreven in {out_dir}: 4 (partnership, nl); lege rijen overgeslagen: 1."
    ) in said
    assert (
        "Let op: voor 3 van de 4 overeenkomsten moet eerst het advies van de mensenrechtenraad "
        "worden gevraagd, vóór ondertekening:"
    ) in said
    assert "rij 4: Stad-Rabat.docx — Marokko (score 0.48 is niet hoger dan 0.5)" in said
    assert "rij 5: stad-rabat-2.docx — Marokko (score 0.48 is niet hoger dan 0.5)" in said
    assert "rij 6: Zurich-Stadt.docx — Zwitserland (niet opgenomen in de WJP-index 2025)" in said
    assert "rij 2" not in said
    assert "Overeenkomsten schrijven" not in said  # no progress bar when stderr is no terminal
    assert result.stdout == ""


def test_workbook_rows_and_markdown(cli: Invoke, tmp_path: Path, out_dir: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Leveranciers"
    sheet.append(["partner", "contract"])
    sheet.append(["Acme NV", "schoonmaak 2025/17"])
    sheet.append(["CON", "catering"])
    path = tmp_path / "suppliers.xlsx"
    book.save(path)
    cli(
        "clause", "render", "procurement", "--rows", str(path), "--sheet", "leveranciers",
        "--out-dir", str(out_dir), "--format", "md", "--lang", "en",
    )  # fmt: skip
    assert sorted(p.name for p in out_dir.iterdir()) == ["Acme-NV.md", "procurement-3-CON.md"]
    lines = (out_dir / "Acme-NV.md").read_text(encoding="utf-8").splitlines()
    assert "2. Acme NV, the supplier" in lines
    assert EN_CLAUSE in lines
    assert any("the contract schoonmaak 2025/17 and prevail" in line for line in lines)


def test_a_failing_row_writes_nothing(cli: Invoke, tmp_path: Path, out_dir: Path) -> None:
    rows = write_csv(tmp_path / "p.csv", "partner,purpose\nA,x\n,only a purpose\nC,y\n")
    result = cli(
        "clause", "render", "partnership", "--rows", str(rows), "--out-dir", str(out_dir), expect=2
    )
    assert flat(result.stderr) == (
        f"Rij 3 van {rows}: Sjabloon 'partnership' heeft een partner nodig; geef die op met "
        "--partner NAAM (of een kolom partner in --rows). Er is niets geschreven."
    )
    assert list(out_dir.iterdir()) == []


def test_an_existing_target_writes_nothing(cli: Invoke, tmp_path: Path, out_dir: Path) -> None:
    rows = write_csv(tmp_path / "p.csv", "partner\nA\nB\n")
    (out_dir / "B.txt").write_text("keep", encoding="utf-8")
    result = cli(
        "clause", "render", "clause", "--rows", str(rows), "--out-dir", str(out_dir),
        "--format", "txt", expect=2,
    )  # fmt: skip
    assert flat(result.stderr) == (
        f"{out_dir / 'B.txt'} bestaat al; gebruik --force om het te overschrijven of kies een "
        "andere naam."
    )
    assert sorted(p.name for p in out_dir.iterdir()) == ["B.txt"]
    assert (out_dir / "B.txt").read_text(encoding="utf-8") == "keep"
    cli(
        "clause", "render", "clause", "--rows", str(rows), "--out-dir", str(out_dir),
        "--format", "txt", "--force",
    )  # fmt: skip
    assert NL_CLAUSE in (out_dir / "B.txt").read_text(encoding="utf-8").splitlines()


def test_shared_options_and_row_countries(cli: Invoke, tmp_path: Path, out_dir: Path) -> None:
    rows = write_csv(tmp_path / "p.csv", "partner,land\nMet land,Japan\nZonder land,\n")
    result = cli(
        "clause", "render", "delegation-out", "--rows", str(rows), "--out-dir", str(out_dir),
        "--country", "Belgium", "--var", "visit_dates=1-3 mei", "--format", "txt", "--json",
    )  # fmt: skip
    records = json.loads(result.stdout)
    assert [(r["row"], r["partner"], [c["iso3"] for c in r["countries"]]) for r in records] == [
        (2, "Met land", ["JPN"]),
        (3, "Zonder land", ["BEL"]),
    ]
    text = (out_dir / "Met-land.txt").read_text(encoding="utf-8")
    assert "Een delegatie van Stad Gent bezoekt Met land in Japan van 1-3 mei." in text
    assert "Geen enkele overeenkomst vraagt advies volgens de toets." in flat(result.stderr)


def test_empty_table(cli: Invoke, tmp_path: Path, out_dir: Path) -> None:
    rows = write_csv(tmp_path / "p.csv", "partner;country\n;\n")
    result = cli(
        "clause", "render", "clause", "--rows", str(rows), "--out-dir", str(out_dir), expect=2
    )
    assert flat(result.stderr) == f"{rows} bevat geen rijen met gegevens; er is niets geschreven."


def test_missing_out_dir_folder(cli: Invoke, tmp_path: Path) -> None:
    rows = write_csv(tmp_path / "p.csv", "partner\nA\n")
    result = cli(
        "clause", "render", "clause", "--rows", str(rows), "--out-dir", str(tmp_path / "no"),
        expect=2,
    )  # fmt: skip
    assert flat(result.stderr) == (
        f"De map {tmp_path / 'no'} bestaat niet; maak ze eerst aan of kies een andere uitvoer."
    )


@pytest.mark.parametrize(
    ("partner", "stem"),
    [
        ("Smith & Zonen <BV>", "Smith-Zonen-BV"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("Ville de Liège.", "Ville-de-Liege"),
        ("北京市", "fallback"),
        ("...", "fallback"),
        ("nul", "fallback-nul"),
        ("COM1", "fallback-COM1"),
        ("x" * 200, "x" * 80),
    ],
)
def test_safe_stem(partner: str, stem: str) -> None:
    assert safe_stem(partner, "fallback") == stem


def test_unique_names_ignore_case() -> None:
    assert unique_names(["A", "a", "A", "b"], ".docx") == [
        "A.docx",
        "a-2.docx",
        "A-3.docx",
        "b.docx",
    ]


# --- which columns a template takes (review point 1) -------------------------------------------


@pytest.mark.parametrize("header", ["Land(en)", "Landen/regio", "Country of visit", "Pays"])
def test_loose_country_header_is_screened(
    cli: Invoke, tmp_path: Path, out_dir: Path, header: str
) -> None:
    rows = write_csv(tmp_path / "p.csv", f"Partner;{header}\nStad Rabat;Marokko\n")
    result = cli(
        "clause", "render", "partnership", "--rows", str(rows), "--out-dir", str(out_dir),
        "--format", "txt", "--json",
    )  # fmt: skip
    records = json.loads(result.stdout)
    assert [[c["iso3"] for c in r["countries"]] for r in records] == [["MAR"]]
    assert "2. Stad Rabat (Marokko)" in (out_dir / "Stad-Rabat.txt").read_text(encoding="utf-8")
    assert "rij 2: Stad-Rabat.txt — Marokko (score 0.48 is niet hoger dan 0.5)" in flat(
        result.stderr
    )


def test_unused_column_is_said_and_ignored(cli: Invoke, tmp_path: Path, out_dir: Path) -> None:
    rows = write_csv(tmp_path / "p.csv", "partner,Notes,duraton\nAcme,bel terug,twee jaar\n")
    result = cli(
        "clause", "render", "partnership", "--rows", str(rows), "--out-dir", str(out_dir),
        "--format", "txt", "--lang", "en",
    )  # fmt: skip
    assert flat(result.stderr).startswith(
        f"Warning: template 'partnership' does not use these columns of {rows}, so they are "
        "ignored: Notes, duraton."
    )
    assert sorted(p.name for p in out_dir.iterdir()) == ["Acme.txt"]


@pytest.mark.parametrize("header", ["Bezochte landen", "Herkomstland", "Land leverancier"])
def test_a_column_that_looks_like_countries_is_screened(
    cli: Invoke, tmp_path: Path, out_dir: Path, header: str
) -> None:
    """The merge finds its country column as batch does; none is left unscreened."""
    rows = write_csv(tmp_path / "p.csv", f"partner;{header}\nAcme;Marokko\n")
    result = cli("clause", "render", "partnership", "--rows", str(rows), "--out-dir",
                 str(out_dir), "--format", "md", "--json")  # fmt: skip
    (written,) = json.loads(result.stdout)
    assert [c["iso3"] for c in written["countries"]] == ["MAR"]
    assert written["advice_needed"] is True


def test_a_country_column_found_by_content_and_by_option(
    cli: Invoke, tmp_path: Path, out_dir: Path
) -> None:
    rows = write_csv(tmp_path / "p.csv", "partner;Waar;Stad\nAcme;Marokko;Rabat\nBolt;BE;Gent\n")
    result = cli("clause", "render", "network", "--rows", str(rows), "--out-dir",
                 str(out_dir), "--format", "md", "--json")  # fmt: skip
    assert [[c["iso3"] for c in w["countries"]] for w in json.loads(result.stdout)] == [
        ["MAR"],
        ["BEL"],
    ]
    other = tmp_path / "other"
    other.mkdir()
    chosen = cli("clause", "render", "network", "--rows", str(rows), "--out-dir", str(other),
                 "--format", "md", "--column", "Waar", "--json")  # fmt: skip
    assert len(json.loads(chosen.stdout)) == 2


def test_a_merge_with_typos_names_every_row_and_writes_nothing(
    cli: Invoke, tmp_path: Path, out_dir: Path
) -> None:
    rows = write_csv(tmp_path / "p.csv", "partner;land\nAcme;Marrokko\nBolt;België\nCobra;Congo\n")
    result = cli("clause", "render", "partnership", "--rows", str(rows), "--out-dir",
                 str(out_dir), expect=2)  # fmt: skip
    said = flat(result.stderr)
    assert said.startswith(f"2 rijen van {rows} kunnen geen overeenkomst worden")
    assert "rij 2: 'Marrokko' is niet één land of regio" in said and "Marokko (MAR)" in said
    assert "rij 4: 'Congo' is niet één land of regio" in said and "Congo-Kinshasa (COD)" in said
    assert list(out_dir.iterdir()) == []


def test_unused_shared_var_is_refused_before_any_row(
    cli: Invoke, tmp_path: Path, out_dir: Path
) -> None:
    rows = write_csv(tmp_path / "p.csv", "partner\nAcme\n")
    result = cli(
        "clause", "render", "clause", "--rows", str(rows), "--out-dir", str(out_dir),
        "--var", "purpose=x", expect=2,
    )  # fmt: skip
    assert flat(result.stderr) == (
        "Sjabloon 'clause' gebruikt geen variabele 'purpose'; controleer de schrijfwijze (het "
        "sjabloon gebruikt: countries, date, organisation, partner, place, signatory, "
        "signatory_title)."
    )
    assert list(out_dir.iterdir()) == []
