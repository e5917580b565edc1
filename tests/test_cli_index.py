"""``hrtoets index info`` and ``hrtoets index list``."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Invoke, flat


def test_info_json_keys(cli: Invoke, bundled_index: Path) -> None:
    data = json.loads(cli("index", "info", "--json").stdout)
    assert {"edition", "countries", "source", "source_sha256", "path"} <= set(data)
    assert data["edition"] == "2025"
    assert data["countries"] == 143
    assert (
        data["source_sha256"] == "caad9192f24070e340b04b8e6820830665008e17f3d0eed3782bd3ad80b417d7"
    )
    assert data["origin"] == "bundled"
    assert data["path"].endswith("wjp_index.csv")


def test_info_for_people(cli: Invoke, bundled_index: Path) -> None:
    out = flat(cli("index", "info", "--lang", "en").stdout)
    assert "Active index: edition 2025, 143 countries, 12 editions (2012-2013–2025)." in out
    assert "World Justice Project" in out


def test_list_json_sorted_with_verdicts(cli: Invoke, bundled_index: Path) -> None:
    rows = json.loads(cli("index", "list", "--json").stdout)
    assert len(rows) == 143
    scores = [r["score_exact"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    hungary = next(r for r in rows if r["iso3"] == "HUN")
    assert hungary["score"] == 0.5 and hungary["advice_needed"] and hungary["borderline"]


def test_list_advice_needed_and_region(cli: Invoke) -> None:
    rows = json.loads(
        cli("index", "list", "--json", "--advice-needed", "--region", "EU, EFTA").stdout
    )
    assert {r["iso3"] for r in rows} >= {"HUN"}
    assert all(r["advice_needed"] for r in rows)
    assert all(r["region"] == "EU, EFTA, and North America" for r in rows)


def test_list_table_in_dutch(cli: Invoke) -> None:
    out = cli("index", "list", "--region", "Middle East").stdout
    assert "Marokko" in out and "Advies nodig" in out
    assert "België" not in out


def test_list_unknown_region(cli: Invoke) -> None:
    result = cli("index", "list", "--region", "Atlantis", "--lang", "en", expect=2)
    assert flat(result.stderr).startswith("No country in region 'Atlantis'; regions:")


def test_list_earlier_edition(cli: Invoke, bundled_index: Path) -> None:
    assert len(json.loads(cli("index", "list", "--json", "--edition", "2024").stdout)) == 142
