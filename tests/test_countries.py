"""Tests for hrtoets.countries.

Expected codes come from knowledge of the world (ISO 3166), never from
running the resolver, so these tests can and do fail on regressions.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrtoets.countries import (
    ALIASES,
    Country,
    CountryResolver,
    Resolution,
    Status,
    normalize,
)

ROOT = Path(__file__).resolve().parent.parent

# World Bank style names as the risk index spells them.
INDEX_NAMES: dict[str, str] = {
    "EGY": "Egypt, Arab Rep.",
    "KOR": "Korea, Rep.",
    "VEN": "Venezuela, RB",
    "KGZ": "Kyrgyz Republic",
    "TUR": "Türkiye",
    "HKG": "Hong Kong SAR, China",
    "LCA": "St. Lucia",
    "GMB": "The Gambia",
    "COD": "Congo, Dem. Rep.",
    "COG": "Congo, Rep.",
    "IRN": "Iran, Islamic Rep.",
    "RUS": "Russian Federation",
    "SVK": "Slovak Republic",
    "CIV": "Côte d'Ivoire",
    "XKX": "Kosovo",
    "BEL": "Belgium",
    "MAR": "Morocco",
    "NER": "Niger",
    "NGA": "Nigeria",
    "DMA": "Dominica",
    "DOM": "Dominican Republic",
    "SDN": "Sudan",
    "SSD": "South Sudan",
    "GIN": "Guinea",
    "PNG": "Papua New Guinea",
}


@pytest.fixture(scope="module")
def resolver() -> CountryResolver:
    return CountryResolver()


@pytest.fixture(scope="module")
def indexed() -> CountryResolver:
    return CountryResolver(INDEX_NAMES)


def resolved_code(r: CountryResolver, text: str) -> str | None:
    res = r.resolve(text)
    if res.status is not Status.RESOLVED:
        return None
    assert res.country is not None
    return res.country.iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Marokko", "MAR"),
        ("Zuid-Korea", "KOR"),
        ("Noord-Korea", "PRK"),
        ("Ivoorkust", "CIV"),
        ("Hongarije", "HUN"),
        ("België", "BEL"),
        ("Nederland", "NLD"),
        ("Verenigd Koninkrijk", "GBR"),
        ("Verenigde Staten", "USA"),
        ("Duitsland", "DEU"),
        ("Frankrijk", "FRA"),
        ("Turkije", "TUR"),
        ("Tsjechië", "CZE"),
        ("Kaapverdië", "CPV"),
        ("Rusland", "RUS"),
        ("Moldavië", "MDA"),
        ("Saoedi-Arabië", "SAU"),
        ("Zuid-Afrika", "ZAF"),
        ("Oekraïne", "UKR"),
        ("Zwitserland", "CHE"),
    ],
)
def test_dutch_names(resolver: CountryResolver, text: str, iso3: str) -> None:
    assert resolved_code(resolver, text) == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        # English
        ("Morocco", "MAR"),
        ("South Korea", "KOR"),
        ("Hungary", "HUN"),
        ("Germany", "DEU"),
        ("United Kingdom", "GBR"),
        ("United States", "USA"),
        ("Netherlands", "NLD"),
        ("Czechia", "CZE"),
        ("Bosnia and Herzegovina", "BIH"),
        ("Bosnia & Herzegovina", "BIH"),
        ("Trinidad and Tobago", "TTO"),
        # French
        ("Maroc", "MAR"),
        ("Allemagne", "DEU"),
        ("Pays-Bas", "NLD"),
        ("Royaume-Uni", "GBR"),
        ("États-Unis", "USA"),
        ("Corée du Sud", "KOR"),
        ("Hongrie", "HUN"),
        ("Belgique", "BEL"),
        # German
        ("Deutschland", "DEU"),
        ("Niederlande", "NLD"),
        ("Vereinigtes Königreich", "GBR"),
        ("Vereinigte Staaten", "USA"),
        ("Südkorea", "KOR"),
        ("Ungarn", "HUN"),
        ("Belgien", "BEL"),
        ("Ägypten", "EGY"),
    ],
)
def test_english_french_german_names(resolver: CountryResolver, text: str, iso3: str) -> None:
    assert resolved_code(resolver, text) == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("MA", "MAR"),
        ("mar", "MAR"),
        ("BE", "BEL"),
        ("bel", "BEL"),
        ("nl", "NLD"),
        ("NLD", "NLD"),
        ("XK", "XKX"),
        ("xkx", "XKX"),
        ("GB", "GBR"),
        ("gbr", "GBR"),
        ("US", "USA"),
        ("DE", "DEU"),
        ("CD", "COD"),
        ("CG", "COG"),
        ("KP", "PRK"),
        ("kr", "KOR"),
        (" cd ", "COD"),
    ],
)
def test_iso_codes(resolver: CountryResolver, text: str, iso3: str) -> None:
    assert resolved_code(resolver, text) == iso3


def test_a_code_in_mixed_case_is_only_a_suggestion(resolver: CountryResolver) -> None:
    """ "Cd" may be the code; "Est" is French for East. A code in one case only, else a hint."""
    found = resolver.resolve(" Cd ")
    assert found.status is Status.UNRESOLVED
    assert [c.iso3 for c in found.suggestions] == ["COD"]


@pytest.mark.parametrize(("iso3", "name"), sorted(INDEX_NAMES.items()))
def test_index_names_resolve(
    resolver: CountryResolver, indexed: CountryResolver, iso3: str, name: str
) -> None:
    assert resolved_code(indexed, name) == iso3
    # World Bank spellings are also known without being handed an index.
    assert resolved_code(resolver, name) == iso3


def test_index_only_code_becomes_country() -> None:
    r = CountryResolver({"CHI": "Channel Islands", "BEL": "Belgium"})
    assert resolved_code(r, "Channel Islands") == "CHI"
    assert resolved_code(r, "chi") == "CHI"
    chi = r.country("CHI")
    assert chi.iso2 is None
    assert chi.name("nl") == "Channel Islands"
    assert "CHI" in {c.iso3 for c in r.countries()}
    # The default resolver does not know it: index names are per resolver.
    assert resolved_code(CountryResolver(), "Channel Islands") is None


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Holland", "NLD"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Great Britain", "GBR"),
        ("Groot-Brittannië", "GBR"),
        ("VS", "USA"),
        ("USA", "USA"),
        ("U.S.A.", "USA"),
        ("Palestina", "PSE"),
        ("Palestine", "PSE"),
        ("Palestinian Territories", "PSE"),
        ("DR Congo", "COD"),
        ("DRC", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Hongkong", "HKG"),
        ("Hong Kong", "HKG"),
        ("Burma", "MMR"),
        ("Birma", "MMR"),
        ("Myanmar", "MMR"),
        ("Swaziland", "SWZ"),
        ("Eswatini", "SWZ"),
        ("Macedonië", "MKD"),
        ("Macedonia", "MKD"),
        ("Noord-Macedonië", "MKD"),
        ("Ivory Coast", "CIV"),
        ("Ivoorkust", "CIV"),
        ("Czech Republic", "CZE"),
        ("Tsjechië", "CZE"),
        ("Turkey", "TUR"),
        ("Turkije", "TUR"),
        ("Zuid-Korea", "KOR"),
        ("Noord-Korea", "PRK"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Vatican", "VAT"),
        ("Cape Verde", "CPV"),
        ("Kaapverdië", "CPV"),
        ("East Timor", "TLS"),
        ("Oost-Timor", "TLS"),
        ("Russia", "RUS"),
        ("Rusland", "RUS"),
        ("Laos", "LAO"),
        ("Syria", "SYR"),
        ("Moldavië", "MDA"),
        ("Wit-Rusland", "BLR"),
        ("Bosnië", "BIH"),
    ],
)
def test_aliases(resolver: CountryResolver, text: str, iso3: str) -> None:
    assert resolved_code(resolver, text) == iso3


def test_alias_codes_exist(resolver: CountryResolver) -> None:
    for alias, codes in ALIASES.items():
        for code in codes:
            assert resolver.country(code).iso3 == code, alias


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Congo", {"COD", "COG"}),
        ("Kongo", {"COD", "COG"}),
        ("  congo ", {"COD", "COG"}),
        ("Korea", {"KOR", "PRK"}),
        ("KOREA", {"KOR", "PRK"}),
    ],
)
def test_ambiguous(resolver: CountryResolver, text: str, expected: set[str]) -> None:
    res = resolver.resolve(text)
    assert res.status is Status.AMBIGUOUS
    assert res.country is None
    assert {c.iso3 for c in res.candidates} == expected
    assert len(res.candidates) == len(expected)


@pytest.mark.parametrize("text", ["Guinea", "Guinee", "Guinée", "GN", "GIN"])
def test_guinea_is_not_ambiguous(resolver: CountryResolver, text: str) -> None:
    assert resolved_code(resolver, text) == "GIN"


@pytest.mark.parametrize(
    ("first", "first_iso3", "second", "second_iso3"),
    [
        ("Niger", "NER", "Nigeria", "NGA"),
        ("Dominica", "DMA", "Dominican Republic", "DOM"),
        ("Dominica", "DMA", "Dominicaanse Republiek", "DOM"),
        ("Guinea", "GIN", "Equatorial Guinea", "GNQ"),
        ("Guinea", "GIN", "Guinea-Bissau", "GNB"),
        ("Guinea", "GIN", "Papua New Guinea", "PNG"),
        ("Guinee", "GIN", "Equatoriaal-Guinea", "GNQ"),
        ("Guinee", "GIN", "Papoea-Nieuw-Guinea", "PNG"),
        ("Sudan", "SDN", "South Sudan", "SSD"),
        ("Soedan", "SDN", "Zuid-Soedan", "SSD"),
        ("Korea, Rep.", "KOR", "North Korea", "PRK"),
        ("Korea, Rep.", "KOR", "Korea, Dem. People's Rep.", "PRK"),
        ("Congo, Rep.", "COG", "Congo, Dem. Rep.", "COD"),
    ],
)
def test_look_alikes_never_cross(
    indexed: CountryResolver, first: str, first_iso3: str, second: str, second_iso3: str
) -> None:
    assert resolved_code(indexed, first) == first_iso3
    assert resolved_code(indexed, second) == second_iso3


@pytest.mark.parametrize(
    ("text", "code", "state"),
    [
        ("Catalonië", "ES-CT", "ESP"),
        ("Catalonia", "ES-CT", "ESP"),
        ("Flanders", "BE-VLG", "BEL"),
        ("Vlaanderen", "BE-VLG", "BEL"),
        ("Beieren", "DE-BY", "DEU"),
    ],
)
def test_regions_are_regions_not_countries(
    indexed: CountryResolver, text: str, code: str, state: str
) -> None:
    res = indexed.resolve(text)
    assert res.status is Status.REGION
    assert res.region is not None and res.region.code == code
    assert res.country is not None and res.country.iso3 == state


def test_a_place_that_is_neither_stays_unresolved(indexed: CountryResolver) -> None:
    res = indexed.resolve("Niger Delta")
    assert res.status is Status.UNRESOLVED
    assert res.country is None and res.region is None and res.candidates == ()


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Israel", "ISR"),
        ("Taiwan", "TWN"),
        ("Cuba", "CUB"),
        ("Saudi Arabia", "SAU"),
        ("North Korea", "PRK"),
        ("Palestinian Territories", "PSE"),
        ("Cape Verde", "CPV"),
        ("Vatican", "VAT"),
        ("Equatorial Guinea", "GNQ"),
        ("Guinea-Bissau", "GNB"),
    ],
)
def test_places_outside_the_index_resolve(indexed: CountryResolver, text: str, iso3: str) -> None:
    assert iso3 not in INDEX_NAMES
    assert resolved_code(indexed, text) == iso3


@pytest.mark.parametrize("text", ["", "   ", "\t\n", "...", " - "])
def test_blank_input(resolver: CountryResolver, text: str) -> None:
    assert resolver.resolve(text) == Resolution(text, Status.UNRESOLVED)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Belgum", "BEL"),
        ("Marroko", "MAR"),
        ("Hongarye", "HUN"),
        ("Nederlnd", "NLD"),
        ("Frankrjk", "FRA"),
        ("Swizerland", "CHE"),
        ("Phillipines", "PHL"),
    ],
)
def test_suggestions(resolver: CountryResolver, text: str, first: str) -> None:
    res = resolver.resolve(text)
    assert res.status is Status.UNRESOLVED  # fuzzy never resolves
    assert res.country is None
    assert res.suggestions
    assert res.suggestions[0].iso3 == first


@pytest.mark.parametrize(
    "text", ["Belgum", "Guinea Bisau", "Cong", "Zuid Korae", "Niger Delta", "Duistland", "Sudn"]
)
def test_suggestions_are_few_and_unique(resolver: CountryResolver, text: str) -> None:
    res = resolver.resolve(text)
    codes = [c.iso3 for c in res.suggestions]
    assert len(codes) <= 3
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("text", ["xyzzy", "qwertyuiop", "Amsterdam"])
def test_no_suggestions_for_nonsense(resolver: CountryResolver, text: str) -> None:
    assert resolver.resolve(text).suggestions == ()


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("  Côte d’Ivoire ", "cote d'ivoire"),
        ("Côte d'Ivoire", "COTE D’IVOIRE"),
        ("BELGIË", "belgie"),
        ("  belgie ", "België"),
        ("Guinea-Bissau", "guinea bissau"),
        ("Congo - Kinshasa", "congo-kinshasa"),
        ("U.S.A.", "usa"),
        ("Korea, Rep.", "korea rep"),
        ("Großbritannien", "GROSSBRITANNIEN"),
        ("Zuid\t\nKorea", "zuid korea"),
        ("“Holland”", "holland"),
    ],
)
def test_normalize_equal(left: str, right: str) -> None:
    assert normalize(left) == normalize(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [("Niger", "Nigeria"), ("Sudan", "South Sudan"), ("Dominica", "Dominican Republic")],
)
def test_normalize_keeps_distinct_names_distinct(left: str, right: str) -> None:
    assert normalize(left) != normalize(right)


def test_normalize_output_is_clean() -> None:
    assert normalize("  Côte d’Ivoire ") == "cote divoire"
    assert normalize("  a   b  ") == "a b"


def test_curly_apostrophe_resolves(resolver: CountryResolver) -> None:
    assert resolved_code(resolver, "Côte d’Ivoire") == "CIV"
    assert resolved_code(resolver, "Cote d'Ivoire") == "CIV"


def test_country_names(resolver: CountryResolver) -> None:
    mar = resolver.country("MAR")
    assert mar.name("nl") == "Marokko"
    assert mar.name("en") == "Morocco"
    assert mar.name("fr") == "Maroc"
    assert mar.name("de") == "Marokko"
    assert mar.name("es") == "Morocco"  # falls back to English
    assert mar.iso2 == "MA"
    assert resolver.country("XKX").iso2 == "XK"


def test_unknown_code_raises(resolver: CountryResolver) -> None:
    with pytest.raises(KeyError):
        resolver.country("ZZZ")


def test_countries_listing(resolver: CountryResolver) -> None:
    all_countries = resolver.countries()
    codes = [c.iso3 for c in all_countries]
    assert len(codes) == len(set(codes))
    assert 240 <= len(codes) <= 260  # ISO 3166-1 has 249 entries, plus Kosovo
    assert {"XKX", "BEL", "TWN", "PSE", "VAT"} <= set(codes)
    assert all(len(c) == 3 and c.isupper() for c in codes)
    # Not countries: supranational groupings and regions.
    assert not {"EUE", "EU", "UN", "ZZ", "001"} & set(codes)


def test_exact_lookup_imports_neither_rapidfuzz_nor_babel() -> None:
    code = (
        "import sys\n"
        "from hrtoets.countries import CountryResolver\n"
        "r = CountryResolver({'EGY': 'Egypt, Arab Rep.'})\n"
        "assert r.resolve('België').status == 'resolved'\n"
        "bad = {'rapidfuzz', 'babel', 'pycountry'} & set(sys.modules)\n"
        "assert not bad, bad\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


_COUNTRIES: tuple[Country, ...] = CountryResolver().countries()


@settings(max_examples=300, deadline=None)
@given(
    country=st.sampled_from(_COUNTRIES),
    lang=st.sampled_from(["en", "nl", "fr", "de"]),
    upper=st.lists(st.booleans(), min_size=80, max_size=80),
    pad_left=st.text(alphabet=" \t", max_size=3),
    pad_right=st.text(alphabet=" \t", max_size=3),
    gap=st.sampled_from([" ", "  ", " \t "]),
)
def test_own_name_in_any_language_resolves(
    country: Country,
    lang: str,
    upper: list[bool],
    pad_left: str,
    pad_right: str,
    gap: str,
) -> None:
    name = country.name(lang)
    cased = "".join(
        ch.upper() if upper[i % len(upper)] else ch.lower() for i, ch in enumerate(name)
    )
    text = pad_left + cased.replace(" ", gap) + pad_right
    res = CountryResolver().resolve(text)
    if res.status is Status.RESOLVED:
        assert res.country == country
    else:
        assert res.status is Status.AMBIGUOUS, text
        assert country in res.candidates


def _load_build_script() -> Any:
    path = ROOT / "scripts" / "build_country_names.py"
    spec = importlib.util.spec_from_file_location("build_country_names", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_json_matches_cldr() -> None:
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    built = _load_build_script().build()
    committed = json.loads(
        (files("hrtoets") / "data" / "country_names.json").read_text(encoding="utf-8")
    )
    assert built == committed, "run: python scripts/build_country_names.py"


def test_committed_lookup_keys_match_the_code() -> None:
    """``country_lookups.json`` is what ``build_tables`` makes of the committed names and the
    aliases in the code, to the line (no Babel needed): an alias added without rebuilding fails
    here, not silently at run time."""
    script = _load_build_script()
    names = json.loads(
        (files("hrtoets") / "data" / "country_names.json").read_text(encoding="utf-8")
    )
    committed = (files("hrtoets") / "data" / "country_lookups.json").read_text(encoding="utf-8")
    assert script.render_lookups(names["countries"]) == committed, (
        "run: python scripts/build_country_names.py"
    )


def test_committed_regions_match_the_build() -> None:
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    script = _load_build_script()
    built = script.render_regions(script.build_regions(script.build()["countries"]))
    committed = (files("hrtoets") / "data" / "region_names.json").read_text(encoding="utf-8")
    assert built == committed, "run: python scripts/build_country_names.py"


def test_the_regions_file_is_read_only_when_a_name_needs_it() -> None:
    """A country's CLDR name or code never pays for the 5,000 regions (``check`` stays fast)."""
    code = (
        "import hrtoets.countries as c\n"
        "r = c.CountryResolver()\n"
        "assert r.resolve('Marokko').country.iso3 == 'MAR'\n"
        "assert r.resolve('MAR').country.iso3 == 'MAR'\n"
        "assert c._region_tables.cache_info().currsize == 0\n"
        "assert r.resolve('Catalonië').region.code == 'ES-CT'\n"
        "assert c._region_tables.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_fuzzy_suggestions_are_computed_once_per_distinct_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A list that types "Belgum" a thousand times pays for one fuzzy search, not a thousand."""
    resolver = CountryResolver()
    calls: list[str] = []
    original = resolver._suggest_uncached

    def counted(key: str) -> tuple[Country, ...]:
        calls.append(key)
        return original(key)

    monkeypatch.setattr(resolver, "_suggest_uncached", counted)
    for _ in range(1000):
        for typo in ("Belgum", "Marrokko"):
            assert resolver.resolve(typo).suggestions
    assert calls == ["belgum", "marrokko"]
