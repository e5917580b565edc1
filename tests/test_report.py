"""``hrtoets report``: every figure against a register built event by event, every format, both
languages, and a tampered register said first (exit 1)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import create_engine, text

from hrtoets.register.kinds import Kind
from hrtoets.register.model import CheckRecord, Event, VerifyResult
from hrtoets.report.figures import Period, PlaceNow, report_figures
from tests.conftest import Invoke, flat

pytest_plugins = ["tests.register_fixtures"]  # db_url

TODAY = date.today()


def _register(cli: Invoke, db: str, tmp_path: Path) -> None:
    """Five checks: advice asked and given, decided, withdrawn, an agreement, a region, a typo."""
    base = ("--db", db)
    cli("log", "add", *base, "--kind", "partnerschap", "--title", "Rabat", "--country", "Marokko",
        "--answer", "nee", "--partner", "Stad Rabat")  # fmt: skip  # 1: score, advice
    cli("log", "advice", "1", "--requested", *base)
    cli("log", "advice", "1", "--received", "--outcome", "voorwaardelijk", *base)
    cli("log", "decide", "1", "--decision", "aangepast doorgaan", *base)
    cli("log", "add", *base, "--kind", "aankoop", "--title", "Laptops", "--country",
        "Catalonië")  # fmt: skip  # 2: a region, open: overdue only as of later
    cli("log", "add", *base, "--kind", "aankoop", "--title", "Koffie", "--country", "BE")  # 3
    cli("log", "add", *base, "--kind", "netwerk", "--title", "Eurocities", "--country", "BE",
        "--answer", "twijfel")  # fmt: skip  # 4: guiding question
    cli("log", "advice", "4", "--requested", *base)
    cli("log", "add", *base, "--kind", "ander contact", "--title", "Fout", "--country", "BE")  # 5
    cli("log", "withdraw", "5", "--reason", "vergissing", *base)
    cli("clause", "render", "procurement", "-o", str(tmp_path / "k.docx"), "--partner",
        "Koffie NV", "--country", "BE", "--log", *base)  # fmt: skip  # 6: with an agreement


def _figures(cli: Invoke, db: str, tmp_path: Path, *args: str, expect: int = 0) -> Any:
    out = tmp_path / "r.json"
    cli("report", "-o", str(out), "--db", db, "--force", *args, expect=expect)
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_figure(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    _register(cli, db_url, tmp_path)
    later = TODAY.replace(year=TODAY.year + 1).isoformat()
    data = _figures(cli, db_url, tmp_path, "--year", str(TODAY.year), "--as-of", later)
    assert data["period"] == {"from": f"{TODAY.year}-01-01", "to": f"{TODAY.year}-12-31"}
    assert data["as_of"] == later
    assert data["register"]["intact"] is True and data["register"]["events"] == 12
    assert len(data["register"]["head_hash"]) == 64
    assert data["checks"]["total"] == 6
    by_kind = {"delegation-in": 0, "delegation-out": 0, "network": 1, "partnership": 1,
               "procurement": 3, "other": 1}  # fmt: skip
    assert data["checks"]["by_kind"] == by_kind
    assert data["checks"]["by_month"] == {TODAY.isoformat()[:7]: 6}
    needed = data["advice_needed"]
    assert needed["total"] == 3  # Marokko, Catalonië, the guiding question; not the withdrawn one
    assert needed["share"] == round(3 / 5, 4)
    assert needed["by_reason"] == {"score": 1, "not_in_index": 0, "region": 1,
                                   "guiding_question": 1, "unresolved": 0}  # fmt: skip
    assert data["advice"] == {"requested": 2, "received": 1, "pending": 1,
                              "by_outcome": {"positive": 0, "negative": 0, "conditional": 1},
                              "median_days_to_advice": 0}  # fmt: skip
    assert data["decisions"] == {"by_decision": {"go": 0, "no-go": 0, "adjusted": 1},
                                 "without_advice": 0}  # fmt: skip
    assert (data["withdrawn"], data["to_review"]) == (1, 0)
    assert data["agreements"] == {"total": 1, "by_template": {"procurement": 1}, "with_clause": 1}
    places = {c["iso3"]: c for c in data["countries"]}
    assert next(iter(places)) == "BEL" and places["BEL"]["checks"] == 4
    assert places["MAR"]["advice_needed"] is True and places["ES-CT"]["score"] is None
    assert places["BEL"]["score"] == json.loads(cli("check", "BE", "--json").stdout)["score"]
    assert data["index_changes"] == []
    assert [o["check_id"] for o in data["overdue"]] == [2, 4]  # open, advice needed, a year old


def test_the_same_register_and_period_give_the_same_figures(
    cli: Invoke, db_url: str, tmp_path: Path
) -> None:
    _register(cli, db_url, tmp_path)
    args = ("--from", f"01/01/{TODAY.year}", "--to", TODAY.strftime("%d/%m/%Y"), "--as-of",
            TODAY.isoformat())  # fmt: skip
    first = _figures(cli, db_url, tmp_path, *args)
    assert _figures(cli, db_url, tmp_path, *args) == first
    assert first["overdue"] == []  # nothing is 30 days old today


def test_html_markdown_and_workbook_in_both_languages(
    cli: Invoke, db_url: str, tmp_path: Path
) -> None:
    _register(cli, db_url, tmp_path)
    page = tmp_path / "r.html"
    cli("report", "-o", str(page), "--db", db_url)
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    assert "@page { size: A4" in html and html.count("<svg") == 4
    assert html.count('role="img" aria-label="Grafiek: ') == 4 and "<caption>" in html
    assert "Toetsen per soort" in html and "bilateraal partnerschap" in html
    english = tmp_path / "r.md"
    cli("report", "-o", str(english), "--db", db_url, "--lang", "en")
    markdown = english.read_text(encoding="utf-8")
    assert "## Checks by kind" in markdown and "| bilateral partnership | 1 |" in markdown
    book_path = tmp_path / "r.xlsx"
    cli("report", "-o", str(book_path), "--db", db_url)
    book = openpyxl.load_workbook(book_path)
    assert book.sheetnames[:3] == ["Samenvatting", "Toetsen per soort", "Toetsen per maand"]
    kinds = book["Toetsen per soort"]
    assert kinds.cell(5, 2).value == 1 and kinds.cell(5, 2).data_type == "n"
    assert len(getattr(kinds, "_charts", ())) == 1  # a native Excel chart
    start = book["Samenvatting"].cell(5, 2).value
    assert isinstance(start, datetime) and start.date() == date(TODAY.year, 1, 1)  # a real date
    month = book["Toetsen per maand"].cell(2, 1).value
    assert isinstance(month, datetime) and month.month == TODAY.month
    countries = book["Landen en regio's"]
    assert countries.cell(2, 2).data_type == "s"


def test_user_text_stays_text(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    cli("log", "add", "--db", db_url, "--kind", "aankoop", "--title", "=HYPERLINK(\"x\")",
        "--country", "Marokko")  # fmt: skip
    later = TODAY.replace(year=TODAY.year + 1).isoformat()
    book_path = tmp_path / "r.xlsx"
    cli("report", "-o", str(book_path), "--db", db_url, "--as-of", later, "--year",
        str(TODAY.year))  # fmt: skip
    overdue = openpyxl.load_workbook(book_path)["Open na meer dan 30 dagen"]
    assert overdue.cell(2, 2).value == '=HYPERLINK("x")' and overdue.cell(2, 2).data_type == "s"
    page = tmp_path / "r.html"
    cli("report", "-o", str(page), "--db", db_url, "--as-of", later, "--year", str(TODAY.year))
    assert "=HYPERLINK(&quot;x&quot;)" in page.read_text(encoding="utf-8")


def test_a_tampered_register_is_said_first_and_exits_1(
    cli: Invoke, db_url: str, tmp_path: Path
) -> None:
    _register(cli, db_url, tmp_path)
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE register_events SET officer = 'iemand anders' WHERE seq = 2"))
    engine.dispose()
    page = tmp_path / "r.html"
    result = cli("report", "-o", str(page), "--db", db_url, expect=1)
    assert "het register is niet intact" in flat(result.stderr)
    html = page.read_text(encoding="utf-8")
    body = html.split("<body>", 1)[1]
    assert body.lstrip().startswith('<p class="warning" role="alert">Waarschuwing: het register')
    data = _figures(cli, db_url, tmp_path, expect=1)
    assert data["register"]["intact"] is False


def test_refusals_are_one_sentence(cli: Invoke, db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    said = flat(cli("report", "-o", str(out), "--db", db_url, expect=2).stderr)
    assert said == "Een verslag als '.pdf' kan niet; kies .html, .xlsx, .md of .json."
    both = cli("report", "-o", str(tmp_path / "r.md"), "--year", "2026", "--from", "01/01/2026",
               "--db", db_url, expect=2)  # fmt: skip
    assert flat(both.stderr) == "Geef --year of --from/--to, niet allebei."
    kept = tmp_path / "kept.md"
    kept.write_text("vorig jaar", encoding="utf-8")
    cli("report", "-o", str(kept), "--db", db_url, expect=2)
    assert kept.read_text(encoding="utf-8") == "vorig jaar"


def _check(number: int, asked: str, answered: str) -> CheckRecord:
    def event(seq: int, kind: str, payload: dict[str, Any]) -> Event:
        return Event(seq, number, kind, f"{asked}T10:00:00+00:00", "o", payload, "", "")

    return CheckRecord(
        id=number, created_at=f"{asked}T10:00:00+00:00", officer="o", department="",
        kind=Kind.NETWORK, title="t", partner="", countries=(), planned_date=None, answer="no",
        advice_needed=True, reasons=("at_or_below_threshold",), note="",
        events=(event(1, "created", {}), event(2, "advice-requested", {"date": asked}),
                event(3, "advice-received", {"date": answered, "outcome": "positive"})),
    )  # fmt: skip


def test_the_median_wait_for_advice() -> None:
    checks = [_check(1, "2026-03-01", "2026-03-11"), _check(2, "2026-03-01", "2026-03-05"),
              _check(3, "2026-04-01", "2026-05-01")]  # fmt: skip
    figures = report_figures(
        checks,
        VerifyResult(intact=True, events=9, checks=3, head_hash="h"),
        Period(date(2026, 1, 1), date(2026, 12, 31)),
        today=date(2026, 12, 31),
        overdue_days=30,
        place=lambda code: PlaceNow(code, None, True, None),
    )
    assert figures["advice"]["median_days_to_advice"] == 10
    assert figures["advice"]["by_outcome"]["positive"] == 3


def test_verdicts_a_newer_edition_changed(
    cli: Invoke, db_url: str, tmp_path: Path, home: Path
) -> None:
    from hrtoets.index.importer import import_workbook
    from hrtoets.index.store import editions_folder, set_active
    from tests.test_monitor import EDITION_2026
    from tests.workbooks import write_workbook

    cli("log", "add", "--db", db_url, "--kind", "aankoop", "--title", "Koffie", "--country",
        "Marokko")  # fmt: skip
    workbook = write_workbook(tmp_path / "wjp2026.xlsx", EDITION_2026)
    import_workbook(workbook, editions_folder(home) / "2026")
    set_active(home, "2026")
    data = _figures(cli, db_url, tmp_path)
    (change,) = data["index_changes"]
    assert (change["check_id"], change["iso3"]) == (1, "MAR")
    assert (change["old"]["advice_needed"], change["new"]["advice_needed"]) == (True, False)
    assert change["new"]["edition"] == "2026" and data["edition"] == "2026"
