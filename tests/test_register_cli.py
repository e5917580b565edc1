"""``hrtoets log …``: exact messages, exit codes, JSON, languages, the interactive question."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import ROOT, Invoke, flat

pytest_plugins = ["tests.register_fixtures"]  # db_url

CHECK_KEYS = {
    "id",
    "created_at",
    "officer",
    "department",
    "kind",
    "title",
    "partner",
    "countries",
    "planned_date",
    "answer",
    "advice_needed",
    "reasons",
    "note",
    "status",
    "advice_outcome",
    "decision",
    "decided_without_advice",
    "withdrawn",
    "agreements",
}
COUNTRY_KEYS = {
    "query",
    "iso3",
    "name",
    "status",
    "covered",
    "edition",
    "score",
    "score_exact",
    "advice_needed",
    "reason",
    "reasons",
    "borderline",
    "threshold",
    "rounding",
    "answer",
}


def _add(cli: Invoke, db: str, *extra: str, expect: int = 0) -> dict[str, object]:
    result = cli("log", "add", "--db", db, "--json", *extra, expect=expect)
    return json.loads(result.stdout) if expect == 0 else {}


def test_add_json_contract(cli: Invoke, db_url: str) -> None:
    data = _add(
        cli,
        db_url,
        "--kind",
        "delegation-out",
        "--title",
        "Handelsmissie",
        "--country",
        "Marokko",
        "--country",
        "Japan",
        "--answer",
        "nee",
        "--officer",
        "an",
        "--department",
        "Economie",
        "--partner",
        "Voka",
        "--planned",
        "2025-06-01",
        "--note",
        "twee steden",
    )
    assert set(data) == CHECK_KEYS
    assert data["id"] == 1
    assert (data["kind"], data["answer"], data["status"]) == ("delegation-out", "no", "open")
    assert (data["officer"], data["department"], data["partner"]) == ("an", "Economie", "Voka")
    assert data["planned_date"] == "2025-06-01"
    assert data["advice_needed"] is True
    countries = data["countries"]
    assert isinstance(countries, list)
    assert set(countries[0]) == COUNTRY_KEYS
    assert [c["iso3"] for c in countries] == ["MAR", "JPN"]
    assert countries[0]["score"] == 0.48 and countries[0]["edition"] == "2025"


def test_add_in_dutch_and_english(cli: Invoke, db_url: str) -> None:
    nl = flat(
        cli(
            "log",
            "add",
            "--db",
            db_url,
            "--kind",
            "network",
            "--title",
            "Eurocities",
            "--country",
            "Marokko",
            "--answer",
            "no",
        ).stdout
    )
    assert nl.startswith("Toets 1 geregistreerd: Eurocities (internationaal netwerk)")
    assert "Marokko (MAR): score 0.48 (exact 0.4806, editie 2025) — Advies nodig" in nl
    en = cli(
        "log",
        "add",
        "--db",
        db_url,
        "--kind",
        "delegation-in",
        "--title",
        "Visit",
        "--country",
        "BE",
        "--answer",
        "unsure",
        "--lang",
        "en",
    )
    assert flat(en.stdout).startswith("Check 2 recorded: Visit (receiving a delegation)")
    assert "Advice needed: guiding question answered yes or unsure" in flat(en.stdout)
    assert flat(en.stderr) == (
        "Ask the human-rights council for advice and record it: hrtoets log advice 2 --requested"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--kind", "trip", "--title", "x", "--country", "BE"],
            "Kind 'trip' does not exist; choose one of delegation-in, delegation-out, network, "
            "partnership, procurement, other.",
        ),
        (
            ["--kind", "network", "--title", "x", "--country", "BE"],
            "For kind 'network' the answer to the guiding question is required; "
            "give --answer yes, no or unsure.",
        ),
        (
            ["--kind", "network", "--title", "x", "--country", "BE", "--answer", "maybe"],
            "Answer 'maybe' to the guiding question is not valid; choose one of yes, no, unsure.",
        ),
        (
            ["--kind", "other", "--title", "x", "--country", "Belgum"],
            "'Belgum' is not one country or region hrtoets recognises (closest: Belgium (BEL)); "
            "type the name or code of one country or region. Nothing was recorded.",
        ),
        (
            ["--kind", "other", "--title", "x"],
            "A check needs at least one country; give --country (repeat it for several countries).",
        ),
        (
            ["--kind", "other", "--title", "x", "--country", "BE", "--planned", "31/02/2025"],
            "Date '31/02/2025' does not exist; write a real date as DD/MM/YYYY or YYYY-MM-DD.",
        ),
    ],
)
def test_add_refuses_bad_input_and_writes_nothing(
    cli: Invoke, db_url: str, args: list[str], message: str
) -> None:
    result = cli("log", "add", "--db", db_url, "--lang", "en", *args, expect=2)
    assert flat(result.stderr) == message
    assert result.stdout == ""
    assert json.loads(cli("log", "list", "--db", db_url, "--json").stdout) == []


def test_suggestions_are_named_in_the_output_language(cli: Invoke, db_url: str) -> None:
    args = ("log", "add", "--db", db_url, "--kind", "other", "--title", "x", "--country", "Belgum")
    nl = cli(*args, "--lang", "nl", expect=2)
    assert flat(nl.stderr) == (
        "'Belgum' is niet één land of regio dat hrtoets herkent (dichtst bij: België (BEL)); typ "
        "de naam of code van één land of regio. Er is niets geregistreerd."
    )
    listed = cli("log", "list", "--db", db_url, "--country", "Belgum", "--lang", "nl", expect=2)
    assert "(dichtst bij: België (BEL))" in flat(listed.stderr)


def test_lifecycle_through_the_cli(cli: Invoke, db_url: str) -> None:
    _add(cli, db_url, "--kind", "partnership", "--title", "Stedenband", "--country", "Marokko",
         "--answer", "no")  # fmt: skip
    base = ("--db", db_url, "--lang", "en")
    today = date.today().isoformat()
    requested = cli("log", "advice", "1", "--requested", "--date", today, *base)
    assert flat(requested.stdout) == (
        "Check 1: advice requested recorded (event 2); status: advice requested."
    )
    received = cli("log", "advice", "1", "--received", "--outcome", "conditional", "--note",
                   "met clausule", "--json", "--db", db_url)  # fmt: skip
    data = json.loads(received.stdout)
    assert (data["status"], data["advice_outcome"]) == ("advice-received", "conditional")
    assert data["events"][-1]["payload"]["note"] == "met clausule"
    decided = cli("log", "decide", "1", "--decision", "adjusted", "--note", "met clausule",
                  "--db", db_url)  # fmt: skip
    assert flat(decided.stdout) == (
        "Toets 1: beslissing geregistreerd (gebeurtenis 4); status: beslist."
    )
    shown = json.loads(cli("log", "show", "1", "--json", *base).stdout)
    assert set(shown) == CHECK_KEYS | {"events"}
    assert [e["kind"] for e in shown["events"]] == [
        "created", "advice-requested", "advice-received", "decided",
    ]  # fmt: skip
    assert set(shown["events"][0]) == {
        "seq", "check_id", "kind", "recorded_at", "officer", "payload", "prev_hash", "hash",
    }  # fmt: skip
    people = flat(cli("log", "show", "1", "--db", db_url).stdout)
    assert people.startswith("Toets 1: Stedenband — beslist")
    assert "Soort: bilateraal partnerschap" in people
    assert "Advies: voorwaardelijk" in people and "Beslissing: aangepast doorgaan" in people


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["advice", "1"], "Give exactly one of --requested or --received for check 1."),
        (
            ["advice", "1", "--received"],
            "--received needs the council's advice for check 1: "
            "--outcome positive, negative or conditional.",
        ),
        (
            ["advice", "1", "--requested", "--outcome", "positive"],
            "--outcome belongs with --received, not with --requested (check 1).",
        ),
        (
            ["advice", "1", "--received", "--outcome", "positive"],
            "Advice for check 1 was not requested yet; "
            "first record 'hrtoets log advice 1 --requested'.",
        ),
        (
            ["decide", "1", "--decision", "maybe"],
            "Decision 'maybe' is not valid; choose one of go, no-go, adjusted.",
        ),
        (
            ["decide", "42", "--decision", "go"],
            "Check 42 is not in the register; look up its number with 'hrtoets log list'.",
        ),
        (
            ["show", "42"],
            "Check 42 is not in the register; look up its number with 'hrtoets log list'.",
        ),
    ],
)
def test_lifecycle_errors(cli: Invoke, db_url: str, args: list[str], message: str) -> None:
    _add(cli, db_url, "--kind", "procurement", "--title", "Laptops", "--country", "China")
    result = cli("log", *args, "--db", db_url, "--lang", "en", expect=2)
    assert flat(result.stderr) == message
    shown = json.loads(cli("log", "show", "1", "--db", db_url, "--json").stdout)
    assert len(shown["events"]) == 1


def test_list_filters_and_table(cli: Invoke, db_url: str) -> None:
    _add(
        cli,
        db_url,
        "--kind",
        "network",
        "--title",
        "Eurocities",
        "--country",
        "BE",
        "--answer",
        "no",
    )
    _add(cli, db_url, "--kind", "procurement", "--title", "Koffie", "--country", "Ethiopië")
    _add(cli, db_url, "--kind", "procurement", "--title", "Laptops", "--country", "Japan")
    cli("log", "advice", "2", "--requested", "--db", db_url)

    def titles(*filters: str) -> list[str]:
        out = cli("log", "list", "--db", db_url, "--json", *filters).stdout
        return [c["title"] for c in json.loads(out)]

    assert titles() == ["Eurocities", "Koffie", "Laptops"]
    assert titles("--kind", "procurement") == ["Koffie", "Laptops"]
    assert titles("--country", "Belgie") == ["Eurocities"]
    assert titles("--advice-needed") == ["Koffie"]
    assert titles("--no-advice-needed") == ["Eurocities", "Laptops"]
    assert titles("--status", "advice-requested") == ["Koffie"]
    assert titles("--status", "not-needed", "--kind", "procurement") == ["Laptops"]
    assert titles("--year", "1999") == []
    table = cli("log", "list", "--db", db_url).stdout
    assert "Soort" in table and "aankoop" in table and "Koffie" in table
    assert max(len(line) for line in table.splitlines()) <= 80
    bad = cli("log", "list", "--db", db_url, "--status", "closed", "--lang", "en", expect=2)
    assert flat(bad.stderr) == (
        "Status 'closed' does not exist; choose one of open, advice-requested, "
        "advice-received, decided, not-needed, withdrawn, to-review."
    )
    empty = cli("log", "list", "--db", db_url, "--year", "1999")
    assert (empty.stdout, flat(empty.stderr)) == ("", "Geen toetsen gevonden.")


def test_verify_intact_then_broken(cli: Invoke, db_url: str) -> None:
    _add(cli, db_url, "--kind", "procurement", "--title", "Laptops", "--country", "China")
    cli("log", "advice", "1", "--requested", "--db", db_url)
    ok = cli("log", "verify", "--db", db_url, "--lang", "en")
    assert flat(ok.stdout).startswith("Register intact: 2 events in 1 check; the chain ends at ")
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE register_events SET recorded_at = '2020-01-01' WHERE seq = 1"))
    engine.dispose()
    broken = cli("log", "verify", "--db", db_url, "--lang", "en", expect=1)
    assert flat(broken.stdout) == (
        "Register broken from event 1: event 1 (check 1) no longer matches its hash: "
        "its content was changed. Compare it with a backup."
    )
    data = json.loads(cli("log", "verify", "--db", db_url, "--json", expect=1).stdout)
    assert (data["intact"], data["broken_seq"], data["problem"]) == (False, 1, "hash")


def test_default_register_lives_in_the_home(cli: Invoke, home: Path) -> None:
    cli("log", "add", "--kind", "other", "--title", "x", "--country", "BE")
    assert (home / "register.sqlite").is_file()


def test_hrtoets_db_environment(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "shared.sqlite"
    monkeypatch.setenv("HRTOETS_DB", f"sqlite:///{target}")
    cli("log", "add", "--kind", "other", "--title", "x", "--country", "BE")
    assert target.is_file()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "mysql//nohost",
            "'mysql//nohost' is not a usable database URL; use for example "
            "sqlite:///register.sqlite or postgresql+psycopg://user@host/db.",
        ),
        (
            "postgresql+psycopg://u:secret@127.0.0.1:1/x",
            "The register database postgresql+psycopg://u:***@127.0.0.1:1/x cannot be reached (",
        ),
    ],
)
def test_bad_database_is_one_sentence(cli: Invoke, url: str, message: str) -> None:
    result = cli("log", "list", "--db", url, "--lang", "en", expect=2)
    assert flat(result.stderr).startswith(message)
    assert "secret" not in result.stderr and "Traceback" not in result.stderr


def test_guiding_question_is_asked_on_a_terminal(tmp_path: Path) -> None:
    """With a terminal on stdin and no --answer, the question is asked and the answer recorded."""
    primary, secondary = pty.openpty()
    env = {**os.environ, "HRTOETS_HOME": str(tmp_path), "NO_COLOR": "1", "HRTOETS_LANG": "en"}
    process = subprocess.Popen(
        [sys.executable, "-m", "hrtoets", "log", "add", "--kind", "network", "--title", "Net",
         "--country", "BE", "--json"],
        stdin=secondary, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )  # fmt: skip
    os.close(secondary)
    os.write(primary, b"unsure\n")
    out, err = process.communicate(timeout=60)
    os.close(primary)
    assert process.returncode == 0, err
    assert "Guiding question: does the cooperation or contact lead" in err.decode()
    data = json.loads(out)
    assert (data["answer"], data["advice_needed"]) == ("unsure", True)
