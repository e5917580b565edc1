"""``--help`` and Click's usage errors speak the user's language; Dutch labels are accepted."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main

from hrtoets.cli.app import COMMAND_MODULES, app
from hrtoets.messages.cli_help import HELP_NL, folded
from tests.batch_files import write_csv
from tests.conftest import Invoke, flat
from tests.test_register_prompt import _hrtoets, _read_until

pytest_plugins = ["tests.register_fixtures"]  # db_url


def _commands(command: Any) -> Iterator[Any]:
    yield command
    ctx = typer.Context(command, info_name="hrtoets")
    for name in getattr(command, "list_commands", lambda _ctx: [])(ctx):
        yield from _commands(command.get_command(ctx, name))


def _help_texts() -> set[str]:
    root = typer.main.get_command(app)
    texts: set[str] = set()
    for command in _commands(root):
        texts.update(filter(None, (command.help, command.epilog)))
        texts.update(p.help for p in command.params if getattr(p, "help", None))
    texts.add("Show this message and exit.")  # --help, which Click adds to every command
    return {folded(text) for text in texts}


def test_every_help_text_has_its_dutch_and_no_dutch_is_dead() -> None:
    texts = _help_texts()
    assert len(texts) > 90
    assert sorted(texts - set(HELP_NL)) == []  # a help text without Dutch
    assert sorted(set(HELP_NL) - texts) == []  # a Dutch text no command uses


def test_help_is_dutch_by_default(cli: Invoke) -> None:
    out = cli("check", "--help").stdout
    assert out.startswith("Gebruik: hrtoets check [OPTIES] {LAND}...")
    assert "Opties:" in out
    assert "Heeft een contact met LAND het advies van de mensenrechtenraad nodig?" in flat(out)
    assert "Toon deze hulp en stop." in out
    assert "Usage" not in out and "Options" not in out and "Show this message" not in out


def test_help_in_english_by_option_environment_and_config(
    cli: Invoke, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = "Does a contact with COUNTRY need the human-rights council's advice?"
    assert english in flat(cli("check", "--help", "--lang", "en").stdout)
    assert english in flat(cli("check", "--lang=en", "--help").stdout)
    (home / "config.toml").write_text('language = "en"\n', encoding="utf-8")
    out = cli("check", "--help").stdout
    assert out.startswith("Usage: hrtoets check [OPTIONS] {COUNTRY}...") and english in flat(out)
    monkeypatch.setenv("HRTOETS_LANG", "nl")  # the environment wins over the file
    assert cli("check", "--help").stdout.startswith("Gebruik:")


def test_group_help_lists_commands_in_dutch(cli: Invoke) -> None:
    out = cli("log", "--help").stdout
    assert "Commando's:" in out
    assert "Toets de landen vandaag en leg de toets vast in het register." in flat(out)
    required = flat(cli("log", "add", "--help").stdout)
    assert "[verplicht]" in required and "[required]" not in required


@pytest.mark.parametrize(
    ("args", "dutch", "english"),
    [
        (["chek", "Marokko"], "Fout: Onbekend commando 'chek'.", "Error: No such command 'chek'."),
        (["check"], "Fout: Argument 'LAND' ontbreekt.", "Error: Missing argument 'COUNTRY'."),
        (
            ["check", "Marokko", "--bogus"],
            "Fout: Onbekende optie: --bogus",
            "Error: No such option: --bogus",
        ),
        (
            ["index", "diff", "--top", "veel"],
            "Fout: Ongeldige waarde voor '--top': geef een geheel getal",
            "Error: Invalid value for '--top': Input should be a valid integer",
        ),
        (
            ["index", "list", "--regio", "x"],
            "Fout: Onbekende optie: --regio (bedoel je een van --edition, --region?)",
            "Error: No such option: --regio (Possible options: --edition, --region)",
        ),
        (["log", "add", "--kind"], "Fout: Optie '--kind' vraagt een waarde.", "Error: Option"),
        (["index", "info", "extra"], "Fout: Onverwacht extra argument (extra).", "Error: Got"),
    ],
)
def test_usage_errors_in_both_languages(
    cli: Invoke, args: list[str], dutch: str, english: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    nl = cli(*args, expect=2).stderr
    assert dutch in nl
    assert "Error" not in nl and "Usage" not in nl
    monkeypatch.setenv("HRTOETS_LANG", "en")
    en = cli(*args, expect=2).stderr
    assert english in en


def test_a_usage_error_shows_the_usage_and_the_hint_in_dutch(cli: Invoke) -> None:
    err = cli("check", expect=2).stderr
    assert err.splitlines()[:2] == [
        "Gebruik: hrtoets check [OPTIES] {LAND}...",
        "Typ 'hrtoets check --help' voor hulp.",
    ]


@pytest.mark.parametrize(
    ("option", "typed", "code"),
    [
        ("--kind", "partnerschap", "partnership"),
        ("--kind", "Bilateraal Partnerschap", "partnership"),
        ("--kind", "netwerk", "network"),
        ("--kind", "aankoop", "procurement"),
        ("--kind", "delegatie ontvangen", "delegation-in"),
        ("--kind", "Delegatie naar het buitenland", "delegation-out"),
        ("--kind", "ander contact", "other"),
        ("--kind", "delegation in", "delegation-in"),
    ],
)
def test_dutch_kinds_are_accepted(
    cli: Invoke, db_url: str, option: str, typed: str, code: str
) -> None:
    data = json.loads(cli("log", "add", "--db", db_url, option, typed, "--title", "x",
                          "--country", "BE", "--answer", "nee", "--json").stdout)  # fmt: skip
    assert data["kind"] == code


def test_dutch_outcomes_decisions_statuses_and_answers(cli: Invoke, db_url: str) -> None:
    base = ("--db", db_url)
    cli("log", "add", *base, "--kind", "partnerschap", "--title", "Rabat", "--country", "Marokko",
        "--answer", "Twijfel")  # fmt: skip
    cli("log", "advice", "1", "--requested", *base)
    listed = json.loads(cli("log", "list", *base, "--status", "advies gevraagd", "--json").stdout)
    assert [c["id"] for c in listed] == [1]
    cli("log", "advice", "1", "--received", "--outcome", "voorwaardelijk", *base)
    cli("log", "decide", "1", "--decision", "aangepast doorgaan", *base)
    (check,) = json.loads(cli("log", "list", *base, "--status", "beslist", "--json").stdout)
    assert (check["answer"], check["advice_outcome"], check["decision"]) == (
        "unsure",
        "conditional",
        "adjusted",
    )


def test_a_refusal_offers_the_dutch_labels(cli: Invoke, db_url: str) -> None:
    err = cli("log", "add", "--db", db_url, "--kind", "reis", "--title", "x", "--country", "BE",
              expect=2).stderr  # fmt: skip
    assert "kies uit delegatie ontvangen, delegatie naar het buitenland" in flat(err)
    en = cli("log", "add", "--db", db_url, "--kind", "reis", "--title", "x", "--country", "BE",
             "--lang", "en", expect=2).stderr  # fmt: skip
    assert "choose one of delegation-in, delegation-out, network" in flat(en)


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("15/03/2027", "2027-03-15"),
        ("15-03-2027", "2027-03-15"),
        ("5.3.2027", "2027-03-05"),
        ("2027-03-15", "2027-03-15"),
    ],
)
def test_dates_as_people_write_them(cli: Invoke, db_url: str, typed: str, iso: str) -> None:
    data = json.loads(cli("log", "add", "--db", db_url, "--kind", "aankoop", "--title", "x",
                          "--country", "BE", "--planned", typed, "--json").stdout)  # fmt: skip
    assert data["planned_date"] == iso


def test_an_impossible_date_gives_the_form(cli: Invoke, db_url: str) -> None:
    err = cli("log", "add", "--db", db_url, "--kind", "aankoop", "--title", "x", "--country", "BE",
              "--planned", "31/02/2027", expect=2).stderr  # fmt: skip
    assert flat(err) == (
        "Datum '31/02/2027' bestaat niet; schrijf een echte datum als DD/MM/JJJJ of JJJJ-MM-DD."
    )


def test_dates_shown_to_people_in_local_time(cli: Invoke, db_url: str, home: Path) -> None:
    cli("log", "add", "--db", db_url, "--kind", "aankoop", "--title", "x", "--country", "BE",
        "--planned", "15/03/2027")  # fmt: skip
    (check,) = json.loads(cli("log", "list", "--db", db_url, "--json").stdout)
    assert check["created_at"].endswith("+00:00")  # JSON: ISO 8601 in UTC
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from hrtoets.dates import moment_text

    created = datetime.fromisoformat(check["created_at"])
    shown = flat(cli("log", "show", "1", "--db", db_url).stdout)
    assert "Gepland: 15 maart 2027" in shown or "15 maart 2027" in shown
    brussels = created.astimezone(ZoneInfo("Europe/Brussels"))
    assert moment_text(created, "nl") in shown
    assert f"om {brussels:%H:%M}" in shown
    (home / "config.toml").write_text('timezone = "Asia/Tokyo"\n', encoding="utf-8")
    tokyo = created.astimezone(ZoneInfo("Asia/Tokyo"))
    assert f"{tokyo:%H:%M}" in flat(cli("log", "show", "1", "--db", db_url, "--lang", "en").stdout)


def test_an_unknown_timezone_is_one_sentence(cli: Invoke, home: Path) -> None:
    (home / "config.toml").write_text('timezone = "Europe/Gent"\n', encoding="utf-8")
    err = flat(cli("check", "Marokko", expect=2).stderr)
    assert "tijdzone in config.toml (regel 1) is onbekend: 'Europe/Gent'" in err


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")
def test_the_prompt_is_dutch_asks_again_and_end_of_input_is_130(home: Path) -> None:
    argv = [*_hrtoets(), "log", "add", "--kind", "partnerschap", "--title", "Rabat", "--country",
            "Marokko", "--json"]  # fmt: skip
    env = {**os.environ, "HRTOETS_HOME": str(home), "HRTOETS_LANG": "nl"}
    for answers, code in (([b"misschien wel\n", b"twijfel\n"], 0), ([b"\x04"], 130)):
        master, slave = pty.openpty()
        proc = subprocess.Popen(argv, stdin=slave, stdout=subprocess.PIPE, stderr=slave, env=env)
        os.close(slave)
        try:
            seen = _read_until(master, b"twijfel)")
            assert b"(ja/nee/twijfel)" in seen
            for number, answer in enumerate(answers):
                os.write(master, answer)
                if number + 1 < len(answers):
                    again = _read_until(master, b"twijfel)")
                    assert b"ongeldig" in again and b"(ja/nee/twijfel)" in again
            out, _ = proc.communicate(timeout=60)
        finally:
            proc.kill()
            os.close(master)
        assert proc.returncode == code
        if code == 0:
            assert json.loads(out)["answer"] == "unsure"
    assert set(COMMAND_MODULES)  # the app under test is the real one


def test_a_merge_list_with_dutch_headers_fills_the_variables(cli: Invoke, tmp_path: Path) -> None:
    rows = tmp_path / "rijen.csv"
    rows.write_text(
        "Naam;Land;Duur;Doel\nStad Fès;Marokko;drie jaar;uitwisseling van jongeren\n",
        encoding="utf-8",
    )
    out = tmp_path / "uit"
    out.mkdir()
    cli("clause", "render", "partnership", "--rows", str(rows), "--out-dir", str(out),
        "--format", "md")  # fmt: skip
    (written,) = out.iterdir()
    text = written.read_text(encoding="utf-8")
    assert "Stad Fès" in text
    assert "met als doel: uitwisseling van jongeren" in text
    assert "geldt voor drie jaar" in text


def test_the_screened_workbook_is_named_in_the_user_s_language(cli: Invoke, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "partners.csv", ["Naam;Land", "Acme;Marokko"])
    cli("batch", str(source))
    assert (tmp_path / "partners.getoetst.xlsx").is_file()
    cli("batch", str(source), "--lang", "en")
    assert (tmp_path / "partners.screened.xlsx").is_file()


def test_check_kind_tailors_the_next_step(cli: Invoke) -> None:
    procurement = flat(cli("check", "Marokko", "--kind", "aankoop").stdout)
    assert "Volgende stap (aankoop): laat je adviseren voor je gunt." in procurement
    assert "Universele Verklaring van de Rechten van de Mens" in procurement
    assert "hrtoets clause render procurement" in procurement
    council = flat(cli("check", "Marokko", "--kind", "partnership", "--lang", "en").stdout)
    assert "Next step (concluding a bilateral partnership): ask Ghent's human-rights council" in (
        council
    )
    plain = flat(cli("check", "Marokko").stdout)
    assert "Universele Verklaring" not in plain and "delegaties ontvangen" in plain


def test_index_list_regions_in_dutch_and_the_advice_count(cli: Invoke) -> None:
    every = json.loads(cli("index", "list", "--json").stdout)
    found = json.loads(cli("index", "list", "--region", "Europa", "--json").stdout)
    assert "BEL" in {c["iso3"] for c in found} and "UKR" in {c["iso3"] for c in found}
    assert {c["region"] for c in found} == {"EU, EFTA, and North America",
                                            "Eastern Europe and Central Asia"}  # fmt: skip
    out = flat(cli("index", "list", "--region", "europa", "--advice-needed").stdout)
    assert "Regio's die 'europa' bevatten: EU, EVA en Noord-Amerika; Oost-Europa en" in out
    needed = [c for c in every if c["advice_needed"]]
    region_needed = [c for c in found if c["advice_needed"]]
    assert f"{len(region_needed)} landen van {len(every)} in editie" in out or (
        f"{len(region_needed)} land van {len(every)}" in out
    )
    assert "vraagt altijd advies" in out and len(needed) >= len(region_needed)
