"""The process the register enforces: advice before a decision, dates in order, closed checks."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import Invoke, flat

pytest_plugins = ["tests.register_fixtures"]  # db_url

TODAY = date.today()


def _add(cli: Invoke, db: str, *extra: str) -> int:
    args = ("log", "add", "--db", db, "--json", "--kind", "partnership", "--title", "Stedenband",
            "--answer", "nee", "--partner", "Stad Rabat", *extra)  # fmt: skip
    return int(json.loads(cli(*args).stdout)["id"])


def _events(cli: Invoke, db: str, check: int) -> int:
    return len(json.loads(cli("log", "show", str(check), "--db", db, "--json").stdout)["events"])


def _refused(cli: Invoke, db: str, *args: str) -> str:
    result = cli(*args, "--db", db, "--lang", "en", expect=2)
    assert result.stdout == ""
    return flat(result.stderr)


def test_no_decision_while_advice_is_needed_and_not_asked(cli: Invoke, db_url: str) -> None:
    check = _add(cli, db_url, "--country", "Marokko")
    assert _refused(cli, db_url, "log", "decide", str(check), "--decision", "go") == (
        f"Check {check} needs advice and none was requested; first record 'hrtoets log advice "
        f'{check} --requested\', or decide with --without-advice --reason "why".'
    )
    assert _events(cli, db_url, check) == 1
    assert (
        _refused(cli, db_url, "log", "decide", str(check), "--decision", "go", "--without-advice")
        == f'A decision on check {check} without advice needs a reason: give --reason "why".'
    )
    decided = json.loads(
        cli(
            "log",
            "decide",
            str(check),
            "--decision",
            "go",
            "--without-advice",
            "--reason",
            "spoedbezoek",
            "--db",
            db_url,
            "--json",
        ).stdout
    )
    assert (decided["status"], decided["decided_without_advice"]) == ("decided", True)
    assert decided["events"][-1]["payload"]["reason"] == "spoedbezoek"


def test_a_check_without_advice_needed_may_be_decided(cli: Invoke, db_url: str) -> None:
    check = _add(cli, db_url, "--country", "België")
    decided = json.loads(
        cli("log", "decide", str(check), "--decision", "go", "--db", db_url, "--json").stdout
    )
    assert (decided["status"], decided["decided_without_advice"]) == ("decided", False)


def test_dates_follow_the_process(cli: Invoke, db_url: str) -> None:
    check = str(_add(cli, db_url, "--country", "Marokko"))
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    assert _refused(cli, db_url, "log", "advice", check, "--requested", "--date", yesterday) == (
        f"The date {yesterday} is before check {check} was recorded ({TODAY}); give a date from "
        f"{TODAY} on."
    )
    assert _refused(cli, db_url, "log", "advice", check, "--requested", "--date", tomorrow) == (
        f"The date {tomorrow} is after today ({TODAY}); what happened cannot be dated later."
    )
    cli("log", "advice", check, "--requested", "--date", TODAY.isoformat(), "--db", db_url)
    assert _events(cli, db_url, int(check)) == 2
    # A planned date may lie in the future.
    _add(cli, db_url, "--country", "BE", "--planned", tomorrow)


def test_a_closed_check_takes_no_advice_decision_or_agreement(
    cli: Invoke, db_url: str, tmp_path: Path
) -> None:
    check = str(_add(cli, db_url, "--country", "België"))
    cli("log", "decide", check, "--decision", "go", "--db", db_url)
    for args in (("log", "advice", check, "--requested"), ("log", "decide", check, "--decision",
                 "no-go")):  # fmt: skip
        assert _refused(cli, db_url, *args).startswith(f"Check {check} is already decided (go)")
    output = f"{tmp_path}/agreement.txt"
    said = _refused(cli, db_url, "clause", "render", "partnership", "-o", output, "--partner",
                    "Stad Rabat", "--country", "België", "--log", "--check", check)  # fmt: skip
    assert said.startswith(f"Check {check} is already decided (go)")
    assert not any(tmp_path.glob("agreement*"))


def test_withdraw_keeps_the_check_and_closes_it(cli: Invoke, db_url: str) -> None:
    check = str(_add(cli, db_url, "--country", "Marokko"))
    assert _refused(cli, db_url, "log", "withdraw", check, "--reason", " ") == (
        f'Say why check {check} is withdrawn: give --reason "why".'
    )
    withdrawn = json.loads(
        cli("log", "withdraw", check, "--reason", "tikfout", "--db", db_url, "--json").stdout
    )
    assert withdrawn["status"] == "withdrawn"
    assert _refused(cli, db_url, "log", "advice", check, "--requested") == (
        f"Check {check} was withdrawn and is therefore closed; record a new check with "
        "'hrtoets log add'."
    )
    shown = cli("log", "show", check, "--db", db_url, "--lang", "en").stdout  # still there
    assert "withdrawn" in shown and "tikfout" in shown
    monitored = json.loads(cli("monitor", "--db", db_url, "--json").stdout)
    assert monitored["checks"] == 0
    listed = json.loads(
        cli("log", "list", "--db", db_url, "--status", "withdrawn", "--json").stdout
    )
    assert [c["id"] for c in listed] == [int(check)]


def test_an_agreement_for_another_partner_is_refused(
    cli: Invoke, db_url: str, tmp_path: Path
) -> None:
    check = str(_add(cli, db_url, "--country", "België"))
    output = f"{tmp_path}/agreement.txt"
    said = _refused(cli, db_url, "clause", "render", "partnership", "-o", output, "--partner",
                    "Stad Fès", "--country", "België", "--log", "--check", check)  # fmt: skip
    assert said == (
        f"The agreement names partner 'Stad Fès', but check {check} was recorded for 'Stad "
        "Rabat'; draw up the agreement for 'Stad Rabat' or record a new check."
    )


def test_search_finds_a_check_by_title_partner_department_or_note(cli: Invoke, db_url: str) -> None:
    base = ("log", "add", "--db", db_url, "--kind", "other", "--country", "BE")
    cli(*base, "--title", "Handelsmissie", "--partner", "Stad Fès")
    cli(*base, "--title", "Koffie", "--department", "Aankoopdienst")
    cli(*base, "--title", "Bezoek", "--note", "Zie bijlage Ëlla")

    def found(text: str) -> list[str]:
        out = cli("log", "list", "--db", db_url, "--search", text, "--json").stdout
        return [c["title"] for c in json.loads(out)]

    assert found("fes") == ["Handelsmissie"]  # accents and case ignored
    assert found("STAD") == ["Handelsmissie"]
    assert found("aankoop") == ["Koffie"]
    assert found("ella") == ["Bezoek"]
    assert found("missie") == ["Handelsmissie"]
    assert found("nergens") == []
    table = cli("log", "list", "--db", db_url, "--search", "fès").stdout
    assert "Stad Fès" in table  # the table shows the partner


def test_batch_titles_name_the_partner(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    source = tmp_path / "partners.csv"
    source.write_text("Naam,Land\nStad Fès,Marokko\n,België\n", encoding="utf-8")
    cli("batch", str(source), "--log", "other", "--db", db_url)
    listed = json.loads(cli("log", "list", "--db", db_url, "--json").stdout)
    assert [c["title"] for c in listed] == ["Stad Fès — partners.csv, rij 2", "partners.csv, rij 3"]
    assert [c["partner"] for c in listed] == ["Stad Fès", ""]


def test_a_decision_without_advice_reads_as_a_sentence(cli: Invoke, db_url: str) -> None:
    check = str(_add(cli, db_url, "--country", "Marokko"))
    cli("log", "decide", check, "--decision", "go", "--without-advice", "--reason", "spoed",
        "--db", db_url)  # fmt: skip
    shown = flat(cli("log", "show", check, "--db", db_url).stdout)
    assert "Reden: spoed, Beslist zonder advies: ja" in shown
    assert "without_advice" not in shown and "True" not in shown


def test_todays_events_are_not_future_west_of_greenwich(
    cli: Invoke, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Evening in the Americas: the local date is a day behind the UTC date events default to."""
    from hrtoets.register import model

    class LocalDate(date):
        @classmethod
        def today(cls) -> LocalDate:
            return cls.fromordinal(date.today().toordinal() - 1)

    check = str(_add(cli, db_url, "--country", "Marokko"))
    monkeypatch.setattr(model, "date", LocalDate)
    cli("log", "advice", check, "--requested", "--db", db_url)  # dated today in UTC: accepted
    assert _events(cli, db_url, int(check)) == 2


def test_the_table_shows_the_newest_with_a_count(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    source = tmp_path / "lijst.csv"
    source.write_text("Naam;Land\n" + "".join(f"P{n};BE\n" for n in range(60)), encoding="utf-8")
    cli("batch", str(source), "--log", "procurement", "--db", db_url)
    table = cli("log", "list", "--db", db_url).stdout
    said = cli("log", "list", "--db", db_url).stderr
    assert "De nieuwste 50 van 60 toetsen; --all toont ze allemaal" in " ".join(said.split())
    shown = [line.split()[0] for line in table.splitlines() if line[:1].isdigit()]
    assert shown[0] == "11" and shown[-1] == "60" and len(shown) == 50  # the newest, oldest first
    few = cli("log", "list", "--db", db_url, "--limit", "3").stdout
    assert [line.split()[0] for line in few.splitlines() if line[:1].isdigit()] == ["58", "59",
                                                                                  "60"]  # fmt: skip
    every = cli("log", "list", "--db", db_url, "--all")
    assert len([ln for ln in every.stdout.splitlines() if ln[:1].isdigit()]) == 60
    assert every.stderr == ""
    assert len(json.loads(cli("log", "list", "--db", db_url, "--json").stdout)) == 60
    limited = json.loads(cli("log", "list", "--db", db_url, "--json", "--limit", "2").stdout)
    assert [c["id"] for c in limited] == [59, 60]
    searched = json.loads(cli("log", "list", "--db", db_url, "--json", "--limit", "2",
                              "--search", "P1").stdout)  # fmt: skip
    assert [c["title"].split()[0] for c in searched] == ["P18", "P19"]
    refused = cli("log", "list", "--db", db_url, "--limit", "0", "--lang", "en", expect=2)
    assert "--limit 0 is not possible" in refused.stderr
