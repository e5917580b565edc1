"""Screening: resolve → index → rule, on the bundled 2025 index."""

from __future__ import annotations

import pytest

from hrtoets import Reason, Rounding, Screener, Status, screen
from hrtoets.config import load_settings
from hrtoets.countries import CountryResolver
from hrtoets.errors import UnknownEdition
from hrtoets.index.store import load_index
from hrtoets.rule import Answer
from hrtoets.screening import list_edition, verdict_to_json
from tests.conftest import FROZEN_COUNTRIES, TEST_INDEX


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_index(TEST_INDEX))


@pytest.mark.parametrize(
    ("query", "iso3", "advice", "borderline"),
    [
        ("Marokko", "MAR", True, False),
        ("België", "BEL", False, False),
        ("Hongarije", "HUN", True, True),
        ("Brazilië", "BRA", True, True),
        ("Thailand", "THA", True, True),
        ("Dominicaanse Republiek", "DOM", True, True),
        ("Guyana", "GUY", True, False),
        ("Zuid-Korea", "KOR", False, False),
        ("Ivoorkust", "CIV", True, False),
        ("Kosovo", "XKX", False, False),
    ],
)
def test_covered_countries(
    screener: Screener, query: str, iso3: str, advice: bool, borderline: bool
) -> None:
    verdict = screener.screen(query)
    assert verdict.status is Status.RESOLVED
    assert verdict.country is not None
    assert verdict.country.iso3 == iso3
    assert verdict.covered
    assert verdict.edition == "2025"
    assert verdict.advice_needed is advice
    assert verdict.borderline is borderline
    assert verdict.ranked_of == FROZEN_COUNTRIES["2025"]


@pytest.mark.parametrize(
    "query",
    [
        "Israel",
        "Palestina",
        "Taiwan",
        "Cuba",
        "Saoedi-Arabië",
        "Noord-Korea",
        "Equatoriaal-Guinea",
        "Guinee-Bissau",
        "Kaapverdië",
        "Vaticaanstad",
    ],
)
def test_places_not_in_the_index_need_advice(screener: Screener, query: str) -> None:
    verdict = screener.screen(query)
    assert verdict.status is Status.RESOLVED
    assert not verdict.covered
    assert verdict.advice_needed
    assert verdict.reason is Reason.NOT_IN_INDEX
    assert verdict.score is None


def test_unresolved_and_ambiguous_need_advice(screener: Screener) -> None:
    unresolved = screener.screen("Niger Delta")
    assert unresolved.status is Status.UNRESOLVED
    assert unresolved.advice_needed and unresolved.reason is Reason.UNRESOLVED
    ambiguous = screener.screen("Congo")
    assert ambiguous.status is Status.AMBIGUOUS
    assert {c.iso3 for c in ambiguous.candidates} == {"COD", "COG"}
    assert ambiguous.advice_needed and ambiguous.reason is Reason.AMBIGUOUS


def test_blank_input_is_missing(screener: Screener) -> None:
    assert screener.screen("  ").reason is Reason.MISSING


def test_earlier_edition(screener: Screener) -> None:
    verdict = screener.screen("Hungary", edition="2024")
    assert verdict.edition == "2024"
    assert verdict.ranked_of == FROZEN_COUNTRIES["2024"]
    assert verdict.score_exact != screener.screen("Hungary").score_exact


def test_edition_by_either_year_of_a_double_label(screener: Screener) -> None:
    assert screener.screen("BEL", edition="2018").edition == "2017-2018"
    assert screener.screen("BEL", edition="2017").edition == "2017-2018"


def test_unknown_edition(screener: Screener) -> None:
    with pytest.raises(UnknownEdition, match="2011"):
        screener.screen("BEL", edition="2011")


def test_history_is_chronological(screener: Screener) -> None:
    history = screener.screen("Belgium").history
    editions = [edition for edition, _ in history]
    assert editions[0] == "2012-2013"
    assert editions[-1] == "2025"


def test_rank_counts_better_scores(screener: Screener) -> None:
    verdict = screener.screen("Denmark")
    best = max(screener.index.entries(), key=lambda e: e.overall)
    assert (verdict.rank == 1) is (best.iso3 == "DNK")
    assert verdict.rank is not None and 1 <= verdict.rank <= FROZEN_COUNTRIES["2025"]


def test_guiding_question_yes(screener: Screener) -> None:
    verdict = screener.screen("Belgium", answer=Answer.YES)
    assert verdict.advice_needed
    assert verdict.reason is Reason.GUIDING_QUESTION


def test_exact_rounding_changes_borderline_verdicts() -> None:
    index = load_index(TEST_INDEX)
    exact = Screener(index, rounding=Rounding.EXACT)
    assert not exact.screen("Hungary").advice_needed
    assert exact.screen("Hungary").borderline


def test_json_uses_local_names(screener: Screener) -> None:
    data = verdict_to_json(screener.screen("Morocco"), "nl")
    assert data["country"] == {
        "iso3": "MAR",
        "name": "Morocco",
        "name_local": "Marokko",
        "region": "Middle East and North Africa",
    }


def test_screen_uses_the_configured_home() -> None:
    verdict = screen("Marokko", settings=load_settings())
    assert verdict.advice_needed


def test_list_edition_is_sorted_and_filtered(screener: Screener) -> None:
    rows = list_edition(screener, "en")
    assert len(rows) == FROZEN_COUNTRIES["2025"]
    assert [r.score_exact for r in rows] == sorted((r.score_exact for r in rows), reverse=True)
    assert rows[0].rank == 1
    advice = list_edition(screener, "en", advice_needed_only=True)
    assert advice and all(r.advice_needed for r in advice)
    assert {"HUN", "BRA", "THA", "DOM"} <= {r.iso3 for r in advice}
    europe = list_edition(screener, "nl", region="eu, efta")
    assert "BEL" in {r.iso3 for r in europe} and "MAR" not in {r.iso3 for r in europe}


def test_resolver_knows_every_index_name(screener: Screener) -> None:
    resolver = CountryResolver(screener.index.names())
    for iso3, name in screener.index.names().items():
        resolution = resolver.resolve(name)
        assert resolution.country is not None and resolution.country.iso3 == iso3, name
