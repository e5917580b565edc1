"""The library for a notebook: `screen` reuses one screener; `screen_many`; `as_row`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import hrtoets
from hrtoets.rule import Answer
from hrtoets.screening import _SCREENERS


def test_screen_reuses_one_loaded_screener() -> None:
    hrtoets.screen("Marokko")
    first = _SCREENERS.get(None)
    hrtoets.screen("België")
    assert _SCREENERS.get(None) is first


def _touch_later(path: Path) -> None:
    """Give ``path`` a later modification time, whatever the file system's clock resolution."""
    stamp = path.stat().st_mtime_ns + 2_000_000_000
    os.utime(path, ns=(stamp, stamp))


def test_a_changed_config_is_seen_at_once(home: Path) -> None:
    assert not hrtoets.screen("Belgium").advice_needed  # 0.78 > 0.5
    config = home / "config.toml"
    config.write_text("threshold = 0.9\n", encoding="utf-8")
    assert hrtoets.screen("Belgium").advice_needed  # 0.78 ≤ 0.9
    config.write_text("threshold = 0.5\n", encoding="utf-8")
    _touch_later(config)
    assert not hrtoets.screen("Belgium").advice_needed


def test_another_home_gets_its_own_screener(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hrtoets.screen("Marokko")
    first = _SCREENERS.get(None)
    other = tmp_path / "other-home"
    other.mkdir()
    (other / "config.toml").write_text("threshold = 0.3\n", encoding="utf-8")
    monkeypatch.setenv("HRTOETS_HOME", str(other))
    assert not hrtoets.screen("Marokko").advice_needed  # 0.48 > 0.3
    assert _SCREENERS.get(None) is not first


def test_explicit_settings_are_honoured() -> None:
    from dataclasses import replace

    from hrtoets.config import load_settings

    strict = replace(load_settings(), threshold=0.9)
    assert hrtoets.screen("Belgium", settings=strict).advice_needed
    assert not hrtoets.screen("Belgium").advice_needed


def test_screen_many_screens_every_item_in_order() -> None:
    verdicts = list(hrtoets.screen_many(["Marokko", "BE", "Marokko", "Atlantis"]))
    assert [v.country.iso3 if v.country else None for v in verdicts] == ["MAR", "BEL", "MAR", None]
    assert [v.advice_needed for v in verdicts] == [True, False, True, True]
    assert verdicts[0] is verdicts[2]  # each distinct text screened once


def test_screen_many_passes_the_answer_on() -> None:
    (verdict,) = hrtoets.screen_many(["Belgium"], answer=Answer.YES)
    assert verdict.advice_needed and verdict.reason.value == "guiding_question"


def test_as_row_is_flat_and_complete() -> None:
    row = hrtoets.screen("Hongarije").as_row("nl")
    assert row == {
        "query": "Hongarije",
        "status": "resolved",
        "iso3": "HUN",
        "country": "Hongarije",
        "region": None,
        "covered": True,
        "edition": "2025",
        "score": 0.5,
        "score_exact": row["score_exact"],
        "rank": row["rank"],
        "ranked_of": row["ranked_of"],
        "threshold": 0.5,
        "rounding": "published",
        "advice_needed": True,
        "reason": "at_or_below_threshold",
        "reasons": "at_or_below_threshold",
        "borderline": True,
    }
    assert 0.5 < row["score_exact"] < 0.505
    assert all(not isinstance(v, dict | list | tuple) for v in row.values())
    region = hrtoets.screen("Catalonië").as_row("nl")
    assert (region["status"], region["iso3"], region["region"], region["advice_needed"]) == (
        "region",
        "ESP",
        "ES-CT",
        True,
    )
    assert (region["reason"], region["score"], region["covered"]) == ("region", None, False)
    unresolved = hrtoets.screen("Atlantis").as_row()
    assert (unresolved["iso3"], unresolved["country"], unresolved["status"]) == (
        None,
        None,
        "unresolved",
    )


def test_dir_lists_every_public_name_the_lazy_ones_too() -> None:
    names = dir(hrtoets)
    for name in hrtoets.__all__:
        assert name in names
        assert getattr(hrtoets, name) is not None
    assert "run_batch" in names and "screen_many" in names


def test_a_repeated_call_does_not_reload(monkeypatch: pytest.MonkeyPatch) -> None:
    """After the first call, no index is loaded again: the cost stays a look-up."""
    from hrtoets.index import store

    hrtoets.screen("Marokko")
    loads: list[Path] = []
    real = store.load_active_index

    def counting(home: Path) -> object:
        loads.append(home)
        return real(home)

    monkeypatch.setattr(store, "load_active_index", counting)
    for _ in range(50):
        hrtoets.screen("Marokko")
    assert loads == []
