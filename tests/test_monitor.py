"""``hrtoets monitor``: open checks re-screened against a changed active index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hrtoets.index.importer import import_workbook
from hrtoets.index.store import editions_folder, set_active
from tests.conftest import Invoke, flat
from tests.workbooks import write_workbook

pytest_plugins = ["tests.register_fixtures"]  # db_url

REGION = "EU, EFTA, and North America"
# The 2026 edition of this test: Morocco rises above the threshold, Belgium falls to it.
EDITION_2026 = [
    ("Belgium", 2025, "BEL", REGION, 0.7814192129926592),
    ("Belgium", 2026, "BEL", REGION, 0.4951),
    ("Morocco", 2025, "MAR", "Middle East and North Africa", 0.4806151047785714),
    ("Morocco", 2026, "MAR", "Middle East and North Africa", 0.5612),
    ("Japan", 2026, "JPN", "East Asia and Pacific", 0.7901),
]


def _activate_2026(home: Path, tmp_path: Path) -> None:
    workbook = write_workbook(tmp_path / "wjp2026.xlsx", EDITION_2026)
    import_workbook(workbook, editions_folder(home) / "2026")
    set_active(home, "2026")


def _add(cli: Invoke, db: str, title: str, *countries: str) -> None:
    args = [arg for country in countries for arg in ("--country", country)]
    cli("log", "add", "--db", db, "--kind", "procurement", "--title", title, *args)


def test_nothing_changed_exits_0(cli: Invoke, db_url: str) -> None:
    _add(cli, db_url, "Laptops", "Japan", "Marokko")
    result = cli("monitor", "--db", db_url, "--lang", "en")
    assert flat(result.stdout) == (
        "Re-screened 1 open check (2 countries) against edition 2025: no verdict changed (0)."
    )
    data = json.loads(cli("monitor", "--db", db_url, "--json").stdout)
    assert data == {"edition": "2025", "checks": 1, "countries": 2, "changed": []}


def test_changed_verdicts_exit_1(cli: Invoke, db_url: str, home: Path, tmp_path: Path) -> None:
    _add(cli, db_url, "Koffie", "Marokko", "Japan")
    _add(cli, db_url, "Laptops", "BE")
    _add(cli, db_url, "Closed", "BE")
    cli("log", "decide", "3", "--decision", "go", "--db", db_url)
    _activate_2026(home, tmp_path)

    data = json.loads(cli("monitor", "--db", db_url, "--json", expect=1).stdout)
    assert (data["edition"], data["checks"], data["countries"]) == ("2026", 2, 3)
    changed = {(c["check_id"], c["iso3"]): c for c in data["changed"]}
    assert set(changed) == {(1, "MAR"), (2, "BEL")}
    morocco = changed[1, "MAR"]
    assert set(morocco) == {
        "check_id",
        "kind",
        "title",
        "status",
        "query",
        "iso3",
        "name",
        "old",
        "new",
    }
    assert morocco["old"] == {
        "edition": "2025",
        "score": 0.48,
        "score_exact": 0.4806151047785714,
        "advice_needed": True,
        "reason": "at_or_below_threshold",
    }
    assert morocco["new"] == {
        "edition": "2026",
        "score": 0.56,
        "score_exact": 0.5612,
        "advice_needed": False,
        "reason": "above_threshold",
    }
    assert changed[2, "BEL"]["new"]["score"] == 0.5 and changed[2, "BEL"]["new"]["advice_needed"]

    people = cli("monitor", "--db", db_url, "--lang", "en", expect=1)
    out = flat(people.stdout)
    assert out.startswith(
        "Re-screened 2 open checks (3 countries) against edition 2026: 2 verdicts changed."
    )
    assert (
        "Check 1 (Koffie), Morocco (MAR): 2025 0.48 (exact 0.4806) → 2026 0.56 (exact 0.5612): "
        "now no advice needed" in out
    )
    assert "Check 2 (Laptops), Belgium (BEL): 2025 0.78 (exact 0.7814) → 2026 0.50" in out
    assert "Check 3" not in out  # decided checks are closed
    dutch = flat(cli("monitor", "--db", db_url, "--lang", "nl", expect=1).stdout)
    assert (
        "Toets 1 (Koffie), Marokko (MAR): 2025 0.48 (exact 0.4806) → 2026 0.56 (exact 0.5612): "
        "nu geen advies nodig" in dutch
    )
    assert "Toets 2 (Laptops), België (BEL):" in dutch

    set_active(home, "bundled")  # rolling back the index means nothing changed any more
    cli("monitor", "--db", db_url)


def test_each_place_is_screened_once(
    cli: Invoke, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A register names a few places in many checks: monitor screens each place once."""
    from hrtoets.screening import Screener

    for title in ("a", "b", "c", "d"):
        _add(cli, db_url, title, "Marokko", "Japan")
    screened: list[str] = []
    original = Screener.screen

    def counted(self: Screener, query: str, **kwargs: object) -> object:
        screened.append(query)
        return original(self, query, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Screener, "screen", counted)
    data = json.loads(cli("monitor", "--db", db_url, "--json").stdout)
    assert (data["checks"], data["countries"]) == (4, 8)
    assert sorted(screened) == ["JPN", "MAR"]
