"""``hrtoets index diff`` and the pure diff: changed verdicts, borderline cases, largest moves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hrtoets.index.diff import Change, diff_editions
from hrtoets.index.model import IndexEntry
from hrtoets.rule import Rounding
from tests.conftest import Invoke, flat
from tests.workbooks import write_workbook


def entry(iso3: str, edition: int, overall: float) -> IndexEntry:
    return IndexEntry(iso3.title(), iso3, "Region", str(edition), edition, overall, (None,) * 8)


BEFORE = [
    entry("AAA", 2025, 0.52),  # crosses down
    entry("BBB", 2025, 0.49),  # crosses up
    entry("CCC", 2025, 0.7),  # leaves
    entry("DDD", 2025, 0.5029),  # borderline, stays borderline
    entry("EEE", 2025, 0.5031),  # borderline, then not
    entry("FFF", 2025, 0.3),  # big move, verdict unchanged
]
AFTER = [
    entry("AAA", 2026, 0.5),
    entry("BBB", 2026, 0.51),
    entry("DDD", 2026, 0.5041),
    entry("EEE", 2026, 0.47),
    entry("FFF", 2026, 0.45),
    entry("GGG", 2026, 0.8),  # enters, no advice
    entry("HHH", 2026, 0.2),  # enters, advice
]


def test_verdict_changes_in_every_direction() -> None:
    diff = diff_editions(BEFORE, AFTER, from_edition="2025", to_edition="2026")
    assert [(c.iso3, c.change) for c in diff.changes] == [
        ("AAA", Change.NOW_ADVICE_NEEDED),
        ("BBB", Change.NO_LONGER_ADVICE_NEEDED),
        ("GGG", Change.ENTERED),
        ("HHH", Change.ENTERED),
        ("CCC", Change.LEFT),
    ]
    hhh = next(c for c in diff.changes if c.iso3 == "HHH")
    assert hhh.before is None and hhh.after is not None and hhh.after.advice_needed
    assert (diff.from_countries, diff.to_countries) == (6, 7)


def test_borderline_cases_of_either_edition() -> None:
    diff = diff_editions(BEFORE, AFTER, from_edition="2025", to_edition="2026")
    flags = {
        c.iso3: (c.before.borderline if c.before else None, c.after.borderline if c.after else None)
        for c in diff.borderline
    }
    assert flags == {"DDD": (True, True), "EEE": (True, False)}


def test_largest_moves_first_and_limited() -> None:
    diff = diff_editions(BEFORE, AFTER, from_edition="2025", to_edition="2026", top=2)
    assert [(c.iso3, round(c.delta or 0, 4)) for c in diff.moves] == [
        ("FFF", 0.15),
        ("EEE", -0.0331),
    ]


def test_exact_rounding_and_threshold_are_applied() -> None:
    exact = diff_editions(
        BEFORE, AFTER, from_edition="2025", to_edition="2026", rounding=Rounding.EXACT
    )
    # With exact scores DDD (0.5029 → 0.5041) needs no advice in either edition: no change;
    # AAA at exactly 0.5 still crosses down.
    assert [c.iso3 for c in exact.changes if c.change is Change.NOW_ADVICE_NEEDED] == [
        "AAA",
        "EEE",
    ]
    strict = diff_editions(BEFORE, AFTER, from_edition="2025", to_edition="2026", threshold=0.6)
    assert [c.iso3 for c in strict.changes] == ["GGG", "HHH", "CCC"]


def test_no_change_between_equal_editions() -> None:
    same = diff_editions(AFTER, AFTER, from_edition="2026", to_edition="2026")
    assert same.changes == ()
    assert all(c.delta == 0 for c in same.moves)


# --- the CLI on the bundled index (2024 → 2025) ------------------------------------------------


def test_bundled_2024_to_2025_json(cli: Invoke, bundled_index: Path) -> None:
    data = json.loads(cli("index", "diff", "--from", "2024", "--to", "2025", "--json").stdout)
    assert data["from"] == {"index": "bundled", "edition": "2024", "countries": 142}
    assert data["to"] == {"index": "bundled", "edition": "2025", "countries": 143}
    assert (data["threshold"], data["rounding"]) == (0.5, "published")
    assert [(c["iso3"], c["change"]) for c in data["changes"]] == [
        ("HUN", "now_advice_needed"),
        ("QAT", "entered"),
    ]
    hungary = data["changes"][0]
    assert hungary["name"] == "Hungary" and hungary["name_local"] == "Hongarije"
    assert (hungary["from"]["score"], hungary["to"]["score"]) == (0.51, 0.5)
    assert (hungary["from"]["advice_needed"], hungary["to"]["advice_needed"]) == (False, True)
    assert hungary["to"]["borderline"] is True
    # The four 2025 borderline countries of the domain brief, and two that stopped being one.
    now = {c["iso3"] for c in data["borderline"] if c["to"]["borderline"]}
    assert now == {"HUN", "BRA", "THA", "DOM"}
    assert {c["iso3"] for c in data["borderline"]} - now == {"GUY", "TUN"}
    moves = [abs(c["delta"]) for c in data["moves"]]
    assert len(moves) == 10 and moves == sorted(moves, reverse=True)


def test_default_is_the_latest_edition_against_the_one_before(cli: Invoke) -> None:
    explicit = cli("index", "diff", "--from", "2024", "--to", "2025", "--json").stdout
    assert cli("index", "diff", "--json").stdout == explicit


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "en",
            [
                "WJP Rule of Law Index: 2024 → 2025 (142 → 143 countries; threshold 0.5 on the "
                "published score)",
                "Changed verdict, or in/out of the index (2)",
                "Hungary (HUN): 0.51 → 0.50: now needs advice",
                "Qatar (QAT): not in the index → 0.",
                "entered the index (no advice needed)",
                "Brazil (BRA): 0.50 (exact 0.4974) → 0.50 (exact 0.5027): now borderline",
                "Tunisia (TUN): 0.50 (exact 0.5036) → 0.49 (exact 0.4898): no longer borderline",
                "Largest score moves (exact)",
            ],
        ),
        (
            "nl",
            [
                "WJP Rule of Law Index: 2024 → 2025 (142 → 143 landen; drempel 0.5 op de "
                "gepubliceerde score)",
                "Ander oordeel of in/uit de index (2)",
                "Hongarije (HUN): 0.51 → 0.50: nu advies nodig",
                "Qatar (QAT): niet in de index → 0.",
                "nieuw in de index (geen advies nodig)",
                "Brazilië (BRA): 0.50 (exact 0.4974) → 0.50 (exact 0.5027): nu grensgeval",
                "Tunesië (TUN): 0.50 (exact 0.5036) → 0.49 (exact 0.4898): geen grensgeval meer",
                "Grootste scoreverschuivingen (exact)",
            ],
        ),
    ],
)
def test_text_in_both_languages(
    cli: Invoke, lang: str, lines: list[str], bundled_index: Path
) -> None:
    out = flat(cli("index", "diff", "--from", "2024", "--to", "2025", "--lang", lang).stdout)
    for line in lines:
        assert line in out
    assert out.endswith("Scores: WJP Rule of Law Index, World Justice Project.")


def test_exact_rounding_is_named_in_the_title(cli: Invoke, home: Path, bundled_index: Path) -> None:
    (home / "config.toml").write_text('rounding = "exact"\n', encoding="utf-8")
    out = flat(cli("index", "diff", "--lang", "nl").stdout)
    assert out.startswith(
        "WJP Rule of Law Index: 2024 → 2025 (142 → 143 landen; drempel 0.5 op de exacte score)"
    )


def test_first_edition_has_nothing_before_it(cli: Invoke) -> None:
    result = cli("index", "diff", "--to", "2012", "--lang", "en", expect=2)
    assert flat(result.stderr) == (
        "Edition 2012-2013 is the first of the index, there is nothing to compare it with; "
        "give --from."
    )


def test_unknown_edition(cli: Invoke) -> None:
    result = cli("index", "diff", "--from", "1999", "--lang", "en", expect=2)
    assert flat(result.stderr).startswith("Edition '1999' is not in the index; available are:")


# --- across stored indexes ----------------------------------------------------------------------

EU = "EU, EFTA, and North America"
ROWS_2026: list[tuple[str, Any, str, str, float]] = [
    ("Belgium", 2025, "BEL", EU, 0.7814192129926592),
    ("Belgium", 2026, "BEL", EU, 0.79),
    ("Hungary", 2025, "HUN", EU, 0.5026043717823747),
    ("Hungary", 2026, "HUN", EU, 0.5212),
    ("Morocco", 2025, "MAR", "Middle East and North Africa", 0.4806151047785714),
    ("Morocco", 2026, "MAR", "Middle East and North Africa", 0.4712),
]


def test_after_an_update_the_default_is_the_new_edition(cli: Invoke, tmp_path: Path) -> None:
    cli("index", "update", "--file", str(write_workbook(tmp_path / "w.xlsx", ROWS_2026)))
    data = json.loads(cli("index", "diff", "--json").stdout)
    assert data["from"] == {"index": "2026", "edition": "2025", "countries": 3}
    assert data["to"] == {"index": "2026", "edition": "2026", "countries": 3}
    assert [(c["iso3"], c["change"]) for c in data["changes"]] == [
        ("HUN", "no_longer_advice_needed")
    ]


def test_editions_of_another_stored_index(cli: Invoke, tmp_path: Path, bundled_index: Path) -> None:
    cli("index", "update", "--file", str(write_workbook(tmp_path / "w.xlsx", ROWS_2026)))
    data = json.loads(
        cli("index", "diff", "--from", "bundled:2025", "--to", "2026", "--json").stdout
    )
    assert data["from"] == {"index": "bundled", "edition": "2025", "countries": 143}
    assert data["to"]["index"] == "2026"
    left = [c["iso3"] for c in data["changes"] if c["change"] == "left"]
    assert len(left) == 140 and "HUN" not in left
    out = flat(
        cli("index", "diff", "--from", "bundled:2025", "--to", "2026", "--lang", "en").stdout
    )
    assert out.startswith("WJP Rule of Law Index: bundled:2025 → 2026:2026 (143 → 3 countries;")


def test_unknown_stored_index(cli: Invoke) -> None:
    result = cli("index", "diff", "--from", "2023:2023", "--lang", "en", expect=2)
    assert flat(result.stderr) == (
        "There is no stored index '2023'; available are: bundled (see hrtoets index history)."
    )
