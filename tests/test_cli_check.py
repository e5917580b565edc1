"""``hrtoets check``: people's output, JSON contract, exit codes, languages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FROZEN_COUNTRIES, Invoke, flat

CHECK_KEYS = {
    "query",
    "status",
    "country",
    "region",
    "state_score",
    "covered",
    "edition",
    "score",
    "score_exact",
    "rank",
    "ranked_of",
    "threshold",
    "rounding",
    "advice_needed",
    "reason",
    "reasons",
    "borderline",
    "factors",
    "history",
}


def test_dutch_by_default(cli: Invoke) -> None:
    out = flat(cli("check", "Marokko").stdout)
    assert "Marokko" in out and "(Morocco)" in out
    assert "Advies nodig" in out
    assert "score 0.48 (exact 0.4806)" in out
    assert "Midden-Oosten en Noord-Afrika" in out  # WJP's region, in Dutch
    assert "Fundamentele rechten ◆" in out
    assert "Middle East" not in out and "Fundamental Rights" not in out
    assert "Leidt de samenwerking of het contact direct of indirect" in out
    assert "delegaties ontvangen" in out
    assert "afsluiten van bilaterale partnerschappen" in out
    assert "World Justice Project" in out


def test_english(cli: Invoke) -> None:
    out = flat(cli("check", "Belgium", "--lang", "en").stdout)
    assert "No advice needed" in out
    assert "score 0.78 (exact 0.7814)" in out
    assert "rank " in out and f" of {FROZEN_COUNTRIES['2025']}" in out
    assert "Guiding question" in out


def test_env_language(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HRTOETS_LANG", "en")
    assert "Advice needed" in cli("check", "Marokko").stdout
    assert "Advies nodig" in cli("check", "Marokko", "--lang", "nl").stdout


def test_config_language(cli: Invoke, home: Path) -> None:
    (home / "config.toml").write_text('language = "en"\n', encoding="utf-8")
    assert "Advice needed" in cli("check", "Marokko").stdout


def test_fits_80_columns(cli: Invoke) -> None:
    for country in (
        "Hongarije",
        "Israel",
        "Centraal-Afrikaanse Republiek",
        "Bosnia and Herzegovina",
    ):
        out = cli("check", country).stdout
        assert max(len(line) for line in out.splitlines()) <= 80, country


def test_borderline_shows_both_numbers(cli: Invoke) -> None:
    out = flat(cli("check", "Hongarije").stdout)
    assert "Advies nodig" in out
    assert "Grensgeval" in out and "0.50" in out and "0.5026" in out


def test_not_in_index(cli: Invoke) -> None:
    out = flat(cli("check", "Taiwan", "--lang", "en").stdout)
    assert "is not in the WJP Rule of Law Index 2025" in out
    assert "Advice needed: not in the WJP index 2025" in out


def test_unresolved_exit_2_with_suggestions(cli: Invoke) -> None:
    result = cli("check", "Belgum", "--lang", "en", expect=2)
    assert result.stdout == ""
    assert flat(result.stderr) == (
        "'Belgum' is not a country or territory hrtoets recognises. "
        "Did you mean: Belgium (BEL)? "
        "Note: a country or place that is not in the index (a region too) always calls for advice."
    )


def test_ambiguous_exit_2_with_candidates(cli: Invoke) -> None:
    result = cli("check", "Congo", expect=2)
    assert "Congo-Kinshasa (COD), Congo-Brazzaville (COG)" in flat(result.stderr)
    assert "vraagt altijd advies" in flat(result.stderr)


def test_json_contract(cli: Invoke) -> None:
    data = json.loads(cli("check", "Marokko", "--json").stdout)
    assert set(data) == CHECK_KEYS
    assert set(data["country"]) == {"iso3", "name", "name_local", "region"}
    assert data["status"] == "resolved"
    assert data["covered"] is True
    assert data["score"] == 0.48
    assert data["score_exact"] == pytest.approx(0.4806151047785714)
    assert data["advice_needed"] is True
    assert data["reason"] == "at_or_below_threshold"
    assert data["rounding"] == "published"
    assert data["threshold"] == 0.5
    assert len(data["factors"]) == 8
    assert data["factors"][3]["name"] == "Fundamental Rights"
    assert set(data["history"][0]) == {"edition", "score_exact"}


def test_json_keys_are_english_in_dutch(cli: Invoke) -> None:
    nl = json.loads(cli("check", "Marokko", "--json", "--lang", "nl").stdout)
    en = json.loads(cli("check", "Marokko", "--json", "--lang", "en").stdout)
    assert set(nl) == set(en)
    assert nl["country"]["name_local"] == "Marokko"
    assert en["country"]["name_local"] == "Morocco"


def test_json_unresolved_prints_the_object_and_exits_2(cli: Invoke) -> None:
    result = cli("check", "Belgum", "--json", expect=2)
    data = json.loads(result.stdout)  # stdout is pure JSON
    assert set(data) == CHECK_KEYS | {"suggestions"}
    assert data["status"] == "unresolved"
    assert data["advice_needed"] is True
    assert data["suggestions"][0]["iso3"] == "BEL"
    assert "Belgum" in result.stderr


def test_json_ambiguous(cli: Invoke) -> None:
    data = json.loads(cli("check", "Korea", "--json", expect=2).stdout)
    assert data["status"] == "ambiguous"
    assert {c["iso3"] for c in data["candidates"]} == {"KOR", "PRK"}
    assert data["advice_needed"] is True


def test_edition_option(cli: Invoke) -> None:
    data = json.loads(cli("check", "Hungary", "--json", "--edition", "2024").stdout)
    assert data["edition"] == "2024"
    assert data["ranked_of"] == FROZEN_COUNTRIES["2024"]


def test_unknown_edition_is_one_sentence(cli: Invoke) -> None:
    result = cli("check", "Hungary", "--edition", "1999", "--lang", "en", expect=2)
    assert result.stderr.strip().startswith(
        "Edition '1999' is not in the index; available are: 2012-2013"
    )
    assert "Traceback" not in result.stderr


def test_bad_language_is_a_usage_error(cli: Invoke) -> None:
    cli("check", "Marokko", "--lang", "fr", expect=2)


def test_bad_config_is_one_sentence(cli: Invoke, home: Path) -> None:
    (home / "config.toml").write_text("threshold = 7\n", encoding="utf-8")
    result = cli("check", "Marokko", "--lang", "en", expect=2)
    assert (
        result.stderr.strip()
        == "The threshold in config.toml (line 1) must be a number between 0 and 1, not '7'."
    )


def test_config_threshold_and_rounding(cli: Invoke, home: Path) -> None:
    (home / "config.toml").write_text('rounding = "exact"\n', encoding="utf-8")
    data = json.loads(cli("check", "Hungary", "--json").stdout)
    assert data["advice_needed"] is False and data["borderline"] is True
    (home / "config.toml").write_text("threshold = 0.8\n", encoding="utf-8")
    assert json.loads(cli("check", "Belgium", "--json").stdout)["advice_needed"] is True


def test_debug_shows_the_traceback(cli: Invoke) -> None:
    result = cli("--debug", "check", "Hungary", "--edition", "1999", expect=1)
    assert result.exception is not None
    assert type(result.exception).__name__ == "UnknownEdition"


def test_real_subprocess_from_another_directory(tmp_path: Path) -> None:
    """The installed console script runs outside the checkout, on the bundled index."""
    env = {**os.environ, "HRTOETS_HOME": str(tmp_path / "home"), "NO_COLOR": "1"}
    env.pop("HRTOETS_LANG", None)
    script = Path(sys.executable).with_name("hrtoets")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "hrtoets"]
    done = subprocess.run(
        [*command, "check", "Marokko", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["country"]["iso3"] == "MAR"


def test_empty_country(cli: Invoke) -> None:
    result = cli("check", "  ", "--lang", "en", expect=2)
    assert flat(result.stderr).startswith("Give a country or territory: a name in Dutch, English")


def test_history_lists_every_edition(cli: Invoke) -> None:
    out = flat(cli("check", "Hungary", "--lang", "en").stdout)
    assert "Overall score across editions:" in out
    # Hungary was in every edition; 2024 published 0.51, 2025 published 0.50.
    assert "2012-2013: " in out and "2024: 0.51" in out and "2025: 0.50" in out


def test_sparkline_shows_the_trend() -> None:
    from hrtoets.cli.check_view import sparkline

    assert sparkline([0.65, 0.6, 0.55, 0.5]) == "█▆▃▁"
    assert sparkline([0.4, 0.5]) == "▁█"
    assert len(set(sparkline([0.5, 0.5, 0.5]))) == 1


def test_several_words_without_quotes_are_one_name(cli: Invoke) -> None:
    data = json.loads(cli("check", "Zuid", "Afrika", "--json").stdout)
    assert (data["query"], data["country"]["iso3"]) == ("Zuid Afrika", "ZAF")
    inverted = json.loads(cli("check", "Korea,", "Republic", "of", "--json").stdout)
    assert inverted["country"]["iso3"] == "KOR"
