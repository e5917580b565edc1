"""Agreement templates: the clause word for word, every template and language, the user folder,
the sandbox, ``clause list`` and ``clause show``."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from hrtoets.agreements.library import package_root
from tests.conftest import Invoke, flat

# The domain brief, section 3, verbatim (its surrounding quotation marks are not part of it).
NL_CLAUSE = (
    "De partijen garanderen dat ze de mensenrechten zullen respecteren. Deze overeenkomst kan "
    "door elk van de partijen onmiddellijk worden opgezegd wanneer de wederpartij betrokken is bij "
    "een ernstige schending van de mensenrechten."
)
EN_CLAUSE = (
    "The parties guarantee that they will respect human rights. This agreement may be terminated "
    "immediately by either party when the other party is involved in a serious violation of human "
    "rights."
)
CLAUSE = {"nl": NL_CLAUSE, "en": EN_CLAUSE}
CLAUSE_HEADING = {"nl": "Mensenrechten", "en": "Human rights"}
AGREEMENTS = ("partnership", "network", "delegation-in", "delegation-out", "procurement")
OWN_TEMPLATE = """{% import "_clause.j2" as clause %}
@title Memorandum van overeenstemming
@party {{ organisation }}
@party {{ partner }}
@article Doel
@p Samen werken.
{{ clause.article(lang) }}
"""


def read_docx(path: Path) -> list[tuple[str, str]]:
    """(style, text) of every body paragraph."""
    return [(p.style.name if p.style else "", p.text) for p in docx.Document(str(path)).paragraphs]


def docx_table_text(path: Path) -> list[str]:
    return [
        p.text
        for table in docx.Document(str(path)).tables
        for cell in table._cells
        for p in cell.paragraphs
    ]


def configure(home: Path, text: str) -> None:
    (home / "config.toml").write_text(text, encoding="utf-8")


def own_folder(home: Path, files: dict[str, str]) -> Path:
    folder = home / "own-templates"
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    configure(home, f'templates_dir = "{folder.as_posix()}"\n')
    return folder


# --- the clause itself -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_clause_alone_is_the_exact_wording(cli: Invoke, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "clause.txt"
    cli("clause", "render", "clause", "-o", str(out), "--lang", lang)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert CLAUSE[lang] in lines
    assert f"'{CLAUSE[lang]}'" not in out.read_text(encoding="utf-8")  # no quotation marks


def test_clause_text_lives_in_one_file() -> None:
    holders = [
        path.name
        for path in Path(str(package_root())).rglob("*.j2")
        if "mensenrechten zullen respecteren" in path.read_text(encoding="utf-8")
        or "will respect human rights" in path.read_text(encoding="utf-8")
    ]
    assert holders == ["_clause.j2"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", AGREEMENTS)
def test_every_agreement_has_clause_article_parties_signatures(
    cli: Invoke, tmp_path: Path, name: str, lang: str
) -> None:
    out = tmp_path / f"{name}.docx"
    cli(
        "clause", "render", name, "-o", str(out), "--lang", lang,
        "--partner", "Smith & Zonen <BV>", "--country", "Belgium",
    )  # fmt: skip
    paragraphs = read_docx(out)
    assert paragraphs[0][0] == "Title"
    parties = [text for style, text in paragraphs if style == "List Number"]
    assert parties[0].startswith("Stad Gent")
    assert parties[1].startswith("Smith & Zonen <BV>")
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    label = "Artikel" if lang == "nl" else "Article"
    assert all(h.startswith(f"{label} {n} – ") for n, h in enumerate(headings, 1))
    clause_heading = next(h for h in headings if h.endswith(f" – {CLAUSE_HEADING[lang]}"))
    after = [text for _, text in paragraphs[paragraphs.index(("Heading 1", clause_heading)) :]]
    assert after[1] == CLAUSE[lang]  # the clause is its own article, word for word
    signatures = docx_table_text(out)
    assert ("Voor " if lang == "nl" else "For ") + "Smith & Zonen <BV>" in signatures


@pytest.mark.parametrize(
    ("lang", "references"),
    [
        (
            "nl",
            [
                "Universele Verklaring van de Rechten van de Mens (UVRM)",
                "Europees Verdrag voor de Rechten van de Mens (EVRM)",
            ],
        ),
        (
            "en",
            [
                "Universal Declaration of Human Rights (UDHR)",
                "European Convention on Human Rights (ECHR)",
            ],
        ),
    ],
)
@pytest.mark.parametrize("suffix", [".docx", ".md", ".html", ".txt"])
def test_procurement_commits_supplier_to_udhr_and_echr(
    cli: Invoke, tmp_path: Path, lang: str, references: list[str], suffix: str
) -> None:
    out = tmp_path / f"supplier{suffix}"
    cli("clause", "render", "procurement", "-o", str(out), "--lang", lang, "--partner", "Acme")
    text = (
        "\n".join(t for _, t in read_docx(out))
        if suffix == ".docx"
        else out.read_text(encoding="utf-8")
    )
    for reference in references:
        assert reference in text
    termination = {
        "nl": "betrokken is bij een ernstige schending van de mensenrechten, kan Stad Gent de "
        "opdracht onmiddellijk beëindigen",
        "en": "is involved in a serious violation of human rights, Stad Gent may terminate the "
        "contract immediately",
    }
    assert termination[lang] in text
    assert CLAUSE[lang] in text


# --- the user's template folder ----------------------------------------------------------------


def test_user_folder_adds_and_overrides(cli: Invoke, home: Path, tmp_path: Path) -> None:
    own_folder(home, {"nl/partnership.j2": OWN_TEMPLATE, "nl/mou.j2": OWN_TEMPLATE})
    listed = json.loads(cli("clause", "list", "--json").stdout)
    origin = {(t["name"], t["lang"]): t["origin"] for t in listed}
    assert origin["partnership", "nl"] == "user"
    assert origin["partnership", "en"] == "package"
    assert origin["mou", "nl"] == "user"
    out = tmp_path / "mou.txt"
    cli("clause", "render", "mou", "-o", str(out), "--partner", "Rabat")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Memorandum van overeenstemming\n")
    assert NL_CLAUSE in text.splitlines()
    result = cli("clause", "render", "mou", "-o", str(tmp_path / "x.txt"), "--lang", "en", expect=2)
    assert flat(result.stderr) == (
        "Template 'mou' does not exist in language 'en'; it exists in: nl. "
        "Choose that language with --lang."
    )


@pytest.mark.parametrize(
    "template",
    [
        "@title Zonder clausule\n@party {{ partner }}\n@article Doel\n@p Samen werken.\n",
        # imports the macro but never lets it reach the document
        '{% import "_clause.j2" as clause %}@title Slim\n'
        "{% if false %}{{ clause.article(lang) }}{% endif %}\n",
        # the clause with one word changed
        "@title Bijna\n@article Mensenrechten\n"
        "@clause De partijen garanderen dat ze de mensenrechten zullen respecteren.\n",
    ],
)
def test_agreement_without_the_clause_is_refused(
    cli: Invoke, home: Path, tmp_path: Path, template: str
) -> None:
    own_folder(home, {"nl/partnership.j2": template})
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "p.docx"
    result = cli("clause", "render", "partnership", "-o", str(out), "--partner", "X", expect=2)
    assert flat(result.stderr) == (
        "Sjabloon 'partnership' (nl) bevat de mensenrechtenclausule niet letterlijk; elke "
        "overeenkomst moet ze bevatten: neem {{ clause.article(lang) }} op na "
        '{% import "_clause.j2" as clause %}.'
    )
    assert list(folder.iterdir()) == []  # no file, no temporary file


def test_user_folder_cannot_change_the_clause(cli: Invoke, home: Path, tmp_path: Path) -> None:
    weakened = "{% macro sentence(lang) %}De partijen doen hun best.{% endmacro %}\n"
    weakened += "{% macro article(lang) %}@article Mensenrechten\n@clause {{ sentence(lang) }}"
    weakened += "{% endmacro %}\n"
    own_folder(home, {"_clause.j2": weakened, "nl/_clause.j2": weakened})
    out = tmp_path / "p.txt"
    cli("clause", "render", "partnership", "-o", str(out), "--partner", "X")
    text = out.read_text(encoding="utf-8")
    assert NL_CLAUSE in text.splitlines()
    assert "hun best" not in text


def test_sandbox_refuses_unsafe_template(cli: Invoke, home: Path, tmp_path: Path) -> None:
    own_folder(
        home, {"nl/partnership.j2": "@title {{ ''.__class__.__mro__[1].__subclasses__() }}\n"}
    )
    result = cli(
        "clause", "render", "partnership", "-o", str(tmp_path / "p.txt"), "--partner", "X", expect=2
    )
    assert flat(result.stderr) == (
        "Sjabloon 'partnership' probeert iets wat niet is toegelaten; een sjabloon mag alleen "
        "tekst en variabelen gebruiken."
    )
    assert not (tmp_path / "p.txt").exists()


_HEAD = '{% import "_clause.j2" as clause %}\n@title T\n{{ clause.text(lang) }}\n'


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("@p {{ 1 / 0 }}", "fails at line 4 (ZeroDivisionError: division by zero)"),
        ('@p {{ "a" + 1 }}', "fails at line 4 (TypeError: can only concatenate str"),
        ("{% for x in range(10**9) %}{% endfor %}", "fails at line 4 (OverflowError: Range too"),
        ('@p {{ "x" * 10**9 }}', "makes more text than an agreement needs"),
        ("@p {{ [1] * 10**8 }}", "makes more text than an agreement needs"),
        ("@p {{ 7 ** 100000 }}", "makes more text than an agreement needs"),
        (
            "{% for a in range(99999) %}{% for b in range(99999) %}@p {{ a }}\n{% endfor %}"
            "{% endfor %}",
            "makes more text than an agreement needs",
        ),
        ("@p {{ lipsum(10**7) }}", "attempts something that is not allowed"),
        ("@p {{ __mro__ }}", "attempts something that is not allowed"),
    ],
)
def test_a_template_that_fails_or_grows_is_one_sentence(
    cli: Invoke, home: Path, tmp_path: Path, body: str, said: str
) -> None:
    own_folder(home, {"en/partnership.j2": _HEAD + body + "\n"})
    out = tmp_path / "p.txt"
    result = cli("clause", "render", "partnership", "-o", str(out), "--partner", "X",
                 "--lang", "en", expect=2)  # fmt: skip
    assert flat(result.stderr).startswith(f"Template 'partnership' {said}")
    assert not out.exists()


def test_a_template_that_loops_too_long_is_stopped(
    cli: Invoke, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A loop that writes nothing; the limit is 10 s, shortened here to keep the test quick."""
    from hrtoets.agreements import library

    monkeypatch.setattr(library, "RENDER_SECONDS", 0.3)
    loop = "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}"
    own_folder(home, {"en/partnership.j2": _HEAD + loop + "\n"})
    out = tmp_path / "p.txt"
    result = cli("clause", "render", "partnership", "-o", str(out), "--partner", "X",
                 "--lang", "en", expect=2)  # fmt: skip
    assert flat(result.stderr) == (
        "Template 'partnership' has not finished after 0.3 s (a loop that runs too long?); "
        "fix the template."
    )
    assert not out.exists()


def test_template_syntax_error_names_file_and_line(cli: Invoke, home: Path, tmp_path: Path) -> None:
    folder = own_folder(home, {"nl/partnership.j2": "@title A\n@p {% if %}\n"})
    result = cli(
        "clause", "render", "partnership", "-o", str(tmp_path / "p.txt"), "--partner", "X", expect=2
    )
    assert flat(result.stderr).startswith(
        f"Het sjabloon {folder / 'nl' / 'partnership.j2'} bevat een fout op regel 2 ("
    )


def test_missing_templates_dir_is_a_config_error(cli: Invoke, home: Path) -> None:
    configure(home, f'templates_dir = "{(home / "nowhere").as_posix()}"\n')
    result = cli("clause", "list", expect=2)
    assert flat(result.stderr) == (
        f"De sjabloonmap {home / 'nowhere'} (templates_dir in config.toml) bestaat niet; "
        "maak ze aan of pas de instelling aan."
    )


def test_line_without_directive_is_refused(cli: Invoke, home: Path, tmp_path: Path) -> None:
    own_folder(home, {"nl/partnership.j2": "@title A\n{{ partner }}\n"})
    result = cli(
        "clause", "render", "partnership", "-o", str(tmp_path / "p.txt"), "--partner", "X", expect=2
    )
    assert flat(result.stderr) == (
        "Regel 2 van wat sjabloon 'partnership' oplevert, begint niet met een aanwijzing "
        "(@title, @p, @party, @article, @clause, @closing, @sign, @line): 'X'."
    )


# --- clause list / clause show -----------------------------------------------------------------


def test_list_shows_every_template_in_both_languages(cli: Invoke) -> None:
    listed = json.loads(cli("clause", "list", "--json").stdout)
    assert {(t["name"], t["lang"]) for t in listed} == {
        (name, lang) for name in (*AGREEMENTS, "clause") for lang in ("nl", "en")
    }
    assert set(listed[0]) == {"name", "lang", "title", "origin", "location"}
    out = flat(cli("clause", "list", "--lang", "en").stdout)
    assert "Template Language Title Origin" in out
    assert "partnership nl Partnerschapsovereenkomst built in" in out


def test_show_previews_with_placeholders(cli: Invoke) -> None:
    out = cli("clause", "show", "delegation-out", "--lang", "en").stdout
    assert out.startswith("Letter of intent for a delegation visit abroad\n")
    assert "A delegation of Stad Gent visits ‹partner› in ‹country›." in out
    assert EN_CLAUSE in out.splitlines()


def test_show_source_prints_the_template(cli: Invoke) -> None:
    out = cli("clause", "show", "partnership", "--source").stdout
    assert '{% import "_clause.j2" as clause %}' in out
    assert "{{ clause.article(lang) }}" in out


def test_unknown_template(cli: Invoke) -> None:
    result = cli("clause", "show", "lease", expect=2)
    assert flat(result.stderr) == (
        "Er is geen sjabloon 'lease'; kies uit: clause, delegation-in, delegation-out, network, "
        "partnership, procurement."
    )


# --- review points 2, 3, 6 and 7 ---------------------------------------------------------------


def test_template_not_utf8_is_named(cli: Invoke, home: Path, tmp_path: Path) -> None:
    folder = own_folder(home, {})
    (folder / "nl").mkdir(parents=True)
    (folder / "nl" / "mou.j2").write_bytes("@title Overeenkomst met café\n".encode("cp1252"))
    expected = (
        f"Het sjabloon {folder / 'nl' / 'mou.j2'} is geen UTF-8-tekst; bewaar het als UTF-8 "
        "(in Kladblok: Opslaan als, codering UTF-8)."
    )
    assert flat(cli("clause", "list", expect=2).stderr) == expected
    result = cli("clause", "render", "clause", "-o", str(tmp_path / "c.txt"), expect=2)
    assert flat(result.stderr) == expected


def test_template_with_bom_works(cli: Invoke, home: Path, tmp_path: Path) -> None:
    folder = own_folder(home, {})
    (folder / "nl").mkdir(parents=True)
    (folder / "nl" / "mou.j2").write_bytes(OWN_TEMPLATE.encode("utf-8-sig"))
    listed = json.loads(cli("clause", "list", "--json").stdout)
    assert {"mou": "Memorandum van overeenstemming"}.items() <= {
        t["name"]: t["title"] for t in listed if t["lang"] == "nl"
    }.items()
    out = tmp_path / "mou.txt"
    cli("clause", "render", "mou", "-o", str(out), "--partner", "Rabat")
    assert out.read_text(encoding="utf-8").startswith("Memorandum van overeenstemming\n")


@pytest.mark.parametrize(
    "template",
    [
        '{% include "nl/partnership.j2" %}\n',
        '{% import "_clause.j2" as clause %}@title X\n{% include "nl/mou.j2" %}\n',
    ],
)
def test_template_including_itself_is_refused(
    cli: Invoke, home: Path, tmp_path: Path, template: str
) -> None:
    folder = own_folder(home, {"nl/partnership.j2": template, "nl/mou.j2": template})
    result = cli(
        "clause", "render", "partnership", "-o", str(tmp_path / "p.txt"), "--partner", "X", expect=2
    )
    loop = folder / "nl" / ("partnership.j2" if "partnership" in template else "mou.j2")
    assert flat(result.stderr) == (
        f"Het sjabloon {loop} neemt zichzelf op, rechtstreeks of via een ander sjabloon; "
        "verwijder die include, import of extends."
    )
    assert not (tmp_path / "p.txt").exists()


def test_endless_macro_is_refused(cli: Invoke, home: Path, tmp_path: Path) -> None:
    own_folder(
        home, {"nl/partnership.j2": "{% macro f() %}{{ f() }}{% endmacro %}@title {{ f() }}"}
    )
    result = cli(
        "clause", "render", "partnership", "-o", str(tmp_path / "p.txt"), "--partner", "X", expect=2
    )
    assert flat(result.stderr) == (
        "Sjabloon 'partnership' roept zichzelf eindeloos op; verbeter het sjabloon."
    )


def test_a_value_equal_to_the_clause_is_not_the_clause(
    cli: Invoke, home: Path, tmp_path: Path
) -> None:
    own_folder(home, {"nl/partnership.j2": "@title T\n@party {{ partner }}\n@p {{ purpose }}\n"})
    out = tmp_path / "p.txt"
    result = cli(
        "clause", "render", "partnership", "-o", str(out), "--partner", "X",
        "--var", f"purpose={NL_CLAUSE}", expect=2,
    )  # fmt: skip
    assert flat(result.stderr).startswith(
        "Sjabloon 'partnership' (nl) bevat de mensenrechtenclausule niet letterlijk;"
    )
    assert not out.exists()


def test_a_value_cannot_start_a_directive(cli: Invoke, home: Path, tmp_path: Path) -> None:
    own_folder(home, {"nl/partnership.j2": "@title T\n@party {{ partner }}\n{{ purpose }}\n"})
    out = tmp_path / "p.txt"
    value = f"@clause {NL_CLAUSE}"
    result = cli(
        "clause", "render", "partnership", "-o", str(out), "--partner", "X",
        "--var", f"purpose={value}", expect=2,
    )  # fmt: skip
    assert flat(result.stderr) == (
        "Regel 3 van wat sjabloon 'partnership' oplevert, begint niet met een aanwijzing "
        f"(@title, @p, @party, @article, @clause, @closing, @sign, @line): '{value[:60]}'."
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            "Sjabloon 'partnership' probeert iets wat niet is toegelaten; een sjabloon mag "
            "alleen tekst en variabelen gebruiken.",
        ),
        (
            "en",
            "Template 'partnership' attempts something that is not allowed; a template may "
            "only use text and variables.",
        ),
    ],
)
def test_sandbox_refusal_is_one_clean_sentence(
    cli: Invoke, home: Path, tmp_path: Path, lang: str, expected: str
) -> None:
    own_folder(home, {f"{lang}/partnership.j2": "@title {{ ''.__class__ }}\n"})
    out = tmp_path / "p.txt"
    args = ("clause", "render", "partnership", "-o", str(out), "--partner", "X", "--lang", lang)
    assert flat(cli(*args, expect=2).stderr) == expected
    debug = cli("--debug", *args, expect=1)  # the detail, with the traceback, only with --debug
    assert "__class__" in str(debug.exception.__cause__ if debug.exception else None)
