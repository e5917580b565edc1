"""``hrtoets index history``, ``index use`` (rollback) and what ``index info`` says about origin."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from hrtoets.errors import WorkbookError
from hrtoets.index.store import import_into_home, stored_names
from tests.conftest import Invoke, flat
from tests.workbooks import write_workbook

EU = "EU, EFTA, and North America"
MENA = "Middle East and North Africa"
BUNDLED_SHA = "caad9192f24070e340b04b8e6820830665008e17f3d0eed3782bd3ad80b417d7"
ROWS_2024: list[tuple[str, Any, str, str, float]] = [
    ("Belgium", 2024, "BEL", EU, 0.79),
    ("Morocco", 2024, "MAR", MENA, 0.55),
]
ROWS_2026: list[tuple[str, Any, str, str, float]] = [
    ("Belgium", 2026, "BEL", EU, 0.8),
    ("Morocco", 2026, "MAR", MENA, 0.45),
    ("Hungary", 2026, "HUN", EU, 0.48),
]


def keep(
    cli: Invoke, tmp_path: Path, name: str, rows: list[tuple[str, Any, str, str, float]]
) -> Path:
    path = write_workbook(tmp_path / name, rows)
    cli("index", "update", "--file", str(path))
    return path


def test_history_at_first_is_the_bundled_index(cli: Invoke, bundled_index: Path) -> None:
    stored = json.loads(cli("index", "history", "--json").stdout)
    assert stored == [
        {
            "name": "bundled",
            "edition": "2025",
            "origin": "bundled",
            "source": "2025_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx",
            "source_sha256": BUNDLED_SHA,
            "imported_at": stored[0]["imported_at"],
            "countries": 143,
            "rows": 1484,
            "path": stored[0]["path"],
            "active": True,
        }
    ]
    assert Path(stored[0]["path"], "wjp_index.csv").is_file()


def test_history_lists_every_kept_edition(
    cli: Invoke, tmp_path: Path, home: Path, bundled_index: Path
) -> None:
    later = keep(cli, tmp_path, "w2026.xlsx", ROWS_2026)
    earlier = keep(cli, tmp_path, "w2024.xlsx", ROWS_2024)
    stored = json.loads(cli("index", "history", "--json").stdout)
    assert [(s["name"], s["edition"], s["origin"], s["active"]) for s in stored] == [
        ("bundled", "2025", "bundled", False),
        ("2024", "2024", "file", True),
        ("2026", "2026", "file", False),
    ]
    assert [s["source"] for s in stored[1:]] == [str(earlier), str(later)]
    assert [s["countries"] for s in stored] == [143, 2, 3]
    assert stored[1]["path"] == str(home / "index" / "2024")


@pytest.mark.parametrize(
    ("lang", "title", "origin"),
    [
        ("en", "Stored indexes (* = active)", "file"),
        ("nl", "Opgeslagen indexen (* = actief)", "bestand"),
    ],
)
def test_history_table(cli: Invoke, tmp_path: Path, lang: str, title: str, origin: str) -> None:
    keep(cli, tmp_path, "w2026.xlsx", ROWS_2026)
    out = cli("index", "history", "--lang", lang).stdout
    assert out.startswith(title)
    row = next(line for line in out.splitlines() if " 2026 " in line and "*" in line)
    assert origin in row
    assert "bundled" in out and BUNDLED_SHA[:12] in out


def test_use_rolls_back_and_forth(cli: Invoke, tmp_path: Path, bundled_index: Path) -> None:
    keep(cli, tmp_path, "w2026.xlsx", ROWS_2026)
    assert json.loads(cli("check", "Marokko", "--json").stdout)["score"] == 0.45
    result = cli("index", "use", "bundled", "--lang", "en")
    assert flat(result.stderr) == (
        "Active index: 'bundled', edition 2025 with 143 countries (bundled: "
        "2025_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx)."
    )
    info = json.loads(cli("index", "info", "--json").stdout)
    assert (info["active"], info["edition"], info["source_sha256"]) == (
        "bundled",
        "2025",
        BUNDLED_SHA,
    )
    assert json.loads(cli("check", "Marokko", "--json").stdout)["score"] == 0.48
    chosen = json.loads(cli("index", "use", "2026", "--json").stdout)
    assert (chosen["name"], chosen["active"]) == ("2026", True)
    assert json.loads(cli("check", "Marokko", "--json").stdout)["score"] == 0.45


def test_use_accepts_a_year_of_a_two_year_edition(cli: Invoke, tmp_path: Path) -> None:
    keep(cli, tmp_path, "old.xlsx", [("Belgium", "2017-2018", "BEL", EU, 0.77)])
    cli("index", "use", "bundled")
    cli("index", "use", "2018")
    assert json.loads(cli("index", "info", "--json").stdout)["active"] == "2017-2018"


def test_use_unknown_names_what_there_is(cli: Invoke, tmp_path: Path) -> None:
    keep(cli, tmp_path, "w2024.xlsx", ROWS_2024)
    before = cli("index", "info", "--json").stdout
    result = cli("index", "use", "2019", "--lang", "en", expect=2)
    assert flat(result.stderr) == (
        "There is no stored index '2019'; available are: bundled, 2024 (see hrtoets index history)."
    )
    assert cli("index", "info", "--json").stdout == before


def test_use_refuses_a_damaged_edition(cli: Invoke, tmp_path: Path, home: Path) -> None:
    keep(cli, tmp_path, "w2026.xlsx", ROWS_2026)
    cli("index", "use", "bundled")
    csv_file = home / "index" / "2026" / "wjp_index.csv"
    csv_file.write_text("not,our,format\n", encoding="utf-8")
    result = cli("index", "use", "2026", "--lang", "en", expect=2)
    assert flat(result.stderr).startswith(f"The index {csv_file} is unreadable (")
    assert json.loads(cli("index", "info", "--json").stdout)["active"] == "bundled"


@pytest.mark.parametrize(
    ("lang", "origin_line", "stored_line"),
    [
        ("en", "Origin: imported from the file {path}.", "Stored as '2026' in {csv}, imported on"),
        (
            "nl",
            "Herkomst: geïmporteerd uit het bestand {path}.",
            "Opgeslagen als '2026' in {csv}, geïmporteerd op",
        ),
    ],
)
def test_info_says_where_the_active_index_came_from(
    cli: Invoke, tmp_path: Path, home: Path, lang: str, origin_line: str, stored_line: str
) -> None:
    path = keep(cli, tmp_path, "w2026.xlsx", ROWS_2026)
    out = flat(cli("index", "info", "--lang", lang).stdout)
    csv = home / "index" / "2026" / "wjp_index.csv"
    assert origin_line.format(path=path) in out
    assert stored_line.format(csv=csv) in out
    sha = json.loads(cli("index", "info", "--json").stdout)["source_sha256"]
    assert sha in out


def test_info_of_the_bundled_index(cli: Invoke, bundled_index: Path) -> None:
    out = flat(cli("index", "info", "--lang", "en").stdout)
    assert (
        "Origin: bundled with hrtoets (2025_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx)."
        in out
    )
    assert f"Source SHA-256: {BUNDLED_SHA}" in out
    assert "Stored as 'bundled' in" in out


def test_failed_import_into_home_keeps_the_earlier_copy(tmp_path: Path, home: Path) -> None:
    first = write_workbook(tmp_path / "a.xlsx", ROWS_2026)
    import_into_home(first, home)
    bad = write_workbook(tmp_path / "b.xlsx", [("Belgium", 2026, "BEL", EU, 3.0)])

    def refuse_nothing(_: object) -> None:
        return None

    with pytest.raises(WorkbookError) as caught:
        import_into_home(bad, home, accept=refuse_nothing)
    assert caught.value.key == "import.bad_score"
    assert stored_names(home) == ["2026"]
    assert sorted(p.name for p in (home / "index").iterdir()) == ["2026", "active"]
    assert "Hungary" in (home / "index" / "2026" / "wjp_index.csv").read_text(encoding="utf-8")


def test_accept_can_refuse_before_anything_is_kept(tmp_path: Path, home: Path) -> None:
    book = write_workbook(tmp_path / "a.xlsx", ROWS_2026)

    def refuse(_: object) -> None:
        raise LookupError("not this one")

    with pytest.raises(LookupError):
        import_into_home(book, home, accept=refuse)
    assert sorted(p.name for p in (home / "index").iterdir()) == []


# --- a second, different workbook of a kept edition ---------------------------------------------

ROWS_2026_CORRECTED = [*ROWS_2026[:-1], ("Hungary", 2026, "HUN", EU, 0.52)]


def sha8(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


def test_other_workbook_of_a_kept_edition_goes_beside_it(tmp_path: Path, home: Path) -> None:
    first = write_workbook(tmp_path / "a.xlsx", ROWS_2026)
    second = write_workbook(tmp_path / "b.xlsx", ROWS_2026_CORRECTED)
    _, kept = import_into_home(first, home)
    _, beside = import_into_home(second, home)
    assert (kept.name, beside.name) == ("2026", f"2026-{sha8(second)}")
    assert stored_names(home) == ["2026", f"2026-{sha8(second)}"]
    assert "0.48" in (kept / "wjp_index.csv").read_text(encoding="utf-8")
    assert "0.52" in (beside / "wjp_index.csv").read_text(encoding="utf-8")
    _, again = import_into_home(second, home)  # the same workbook again: the same name
    assert again == beside
    assert stored_names(home) == ["2026", f"2026-{sha8(second)}"]


def test_damaged_copy_is_not_overwritten(tmp_path: Path, home: Path) -> None:
    first = write_workbook(tmp_path / "a.xlsx", ROWS_2026)
    _, kept = import_into_home(first, home)
    (kept / "wjp_index.json").write_text("{not json", encoding="utf-8")
    _, beside = import_into_home(first, home)
    assert beside.name == f"2026-{sha8(first)}"
    assert (kept / "wjp_index.json").read_text(encoding="utf-8") == "{not json"


def test_history_use_and_diff_know_both_copies(cli: Invoke, tmp_path: Path) -> None:
    keep(cli, tmp_path, "a.xlsx", ROWS_2026)
    second = keep(cli, tmp_path, "b.xlsx", ROWS_2026_CORRECTED)
    variant = f"2026-{sha8(second)}"
    stored = json.loads(cli("index", "history", "--json").stdout)
    assert [(s["name"], s["edition"], s["active"]) for s in stored] == [
        ("bundled", "2025", False),
        ("2026", "2026", False),
        (variant, "2026", True),
    ]
    assert stored[2]["source_sha256"][:8] == sha8(second)
    data = json.loads(
        cli("index", "diff", "--from", "2026:2026", "--to", f"{variant}:2026", "--json").stdout
    )
    assert (data["from"]["index"], data["to"]["index"]) == ("2026", variant)
    assert [(c["iso3"], c["change"]) for c in data["changes"]] == [
        ("HUN", "no_longer_advice_needed")
    ]
    cli("index", "use", "2026")  # the folder named exactly, not the copy beside it
    assert json.loads(cli("check", "Hongarije", "--json").stdout)["score"] == 0.48
    chosen = json.loads(cli("index", "use", variant, "--json").stdout)
    assert (chosen["name"], chosen["edition"], chosen["active"]) == (variant, "2026", True)
    assert json.loads(cli("check", "Hongarije", "--json").stdout)["score"] == 0.52


def test_use_by_year_finds_a_copy_whose_edition_folder_is_gone(
    cli: Invoke, tmp_path: Path, home: Path
) -> None:
    keep(cli, tmp_path, "a.xlsx", [("Belgium", "2017-2018", "BEL", EU, 0.77)])
    second = keep(cli, tmp_path, "b.xlsx", [("Belgium", "2017-2018", "BEL", EU, 0.78)])
    shutil.rmtree(home / "index" / "2017-2018")
    cli("index", "use", "bundled")
    chosen = json.loads(cli("index", "use", "2018", "--json").stdout)
    assert chosen["name"] == f"2017-2018-{sha8(second)}"
