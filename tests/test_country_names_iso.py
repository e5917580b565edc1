"""Names as ISO lists and official documents write them, in nl/en/fr/de: each to its own country,
and never a look-alike. The names come from pycountry's ISO 3166-1 data and its iso-codes
translations (read here with pycountry itself, pinned in the test extra), not from a list
written by hand."""

from __future__ import annotations

import gettext
from collections.abc import Iterator

import pycountry
import pytest

from hrtoets.countries import ALIASES, CountryResolver, Status, normalize

RESOLVER = CountryResolver()
AMBIGUOUS = {normalize(name) for name, codes in ALIASES.items() if len(codes) > 1}


def _iso_names() -> Iterator[tuple[str, str, str]]:
    """(alpha-3, language, name) for every ISO 3166-1 name form and translation."""
    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("nl", "fr", "de")
    }
    for country in pycountry.countries:
        for key in ("name", "official_name", "common_name"):
            try:
                form = str(getattr(country, key))
            except AttributeError:
                continue
            yield country.alpha_3, "en", form
            for lang, translation in translations.items():
                yield country.alpha_3, lang, translation.gettext(form)


ISO_NAMES = sorted(set(_iso_names()))


def test_there_are_many() -> None:
    assert len(ISO_NAMES) > 1500


def test_every_iso_name_resolves_to_its_own_country() -> None:
    wrong = []
    for iso3, lang, name in ISO_NAMES:
        found = RESOLVER.resolve(name)
        if normalize(name) in AMBIGUOUS:  # "Congo": a question, on purpose
            if found.status is not Status.AMBIGUOUS or iso3 not in {
                c.iso3 for c in found.candidates
            }:
                wrong.append((iso3, lang, name, found.status.value))
        elif found.country is None or found.country.iso3 != iso3:
            wrong.append(
                (iso3, lang, name, found.country.iso3 if found.country else found.status.value)
            )
    assert wrong == []


def test_an_inverted_list_form_reads_in_reading_order_too() -> None:
    for name, iso3 in [
        ("Republic of Korea", "KOR"),
        ("United Republic of Tanzania", "TZA"),
        ("Democratische Volksrepubliek Korea", "PRK"),
        ("Britse Maagdeneilanden", "VGB"),
        ("Democratic Republic of the Congo", "COD"),
        ("Bolivia (Plurinational State of)", "BOL"),  # the UN's parenthesis
    ]:
        found = RESOLVER.resolve(name)
        assert found.country is not None and found.country.iso3 == iso3, name


LOOK_ALIKES = [
    ("Republic of the Congo", "COG"),
    ("Democratic Republic of the Congo", "COD"),
    ("Republic of Korea", "KOR"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("Dominican Republic", "DOM"),
    ("Dominicaanse Republiek", "DOM"),
    ("Commonwealth of Dominica", "DMA"),
    ("Gemenebest van Dominica", "DMA"),
    ("Republic of Guinea", "GIN"),
    ("Republic of Equatorial Guinea", "GNQ"),
    ("Republic of Guinea-Bissau", "GNB"),
    ("Independent State of Papua New Guinea", "PNG"),
    ("Republic of the Niger", "NER"),
    ("Federal Republic of Nigeria", "NGA"),
    ("Republic of the Sudan", "SDN"),
    ("Republic of South Sudan", "SSD"),
    ("Independent State of Samoa", "WSM"),
    ("American Samoa", "ASM"),
    ("British Virgin Islands", "VGB"),
    ("Virgin Islands of the United States", "VIR"),
    ("Saint-Martin", "MAF"),
    ("Sint Maarten", "SXM"),
    ("Guyana", "GUY"),
    ("French Guiana", "GUF"),
    ("Ireland", "IRL"),
    ("Iceland", "ISL"),
    ("Republic of Austria", "AUT"),
    ("Australia", "AUS"),
]


@pytest.mark.parametrize(("name", "iso3"), LOOK_ALIKES)
def test_look_alikes_in_official_form(name: str, iso3: str) -> None:
    found = RESOLVER.resolve(name)
    assert found.country is not None and found.country.iso3 == iso3


@pytest.mark.parametrize("name", ["Virgin Islands", "Maagdeneilanden", "Îles Vierges"])
def test_bare_virgin_islands_is_a_question(name: str) -> None:
    found = RESOLVER.resolve(name)
    assert found.status is Status.AMBIGUOUS
    assert {c.iso3 for c in found.candidates} == {"VGB", "VIR"}


CODES = [
    ("Muş", Status.UNRESOLVED),  # a Turkish province, not Mauritius
    ("MUS", Status.RESOLVED),
    ("mus", Status.RESOLVED),
    ("Est", Status.UNRESOLVED),  # "East", a region in French-speaking countries, not Estonia
    ("EST", Status.RESOLVED),
    ("Ba", Status.UNRESOLVED),  # a province of Fiji, not Bosnia and Herzegovina
]


@pytest.mark.parametrize(("typed", "status"), CODES)
def test_a_code_matches_only_what_was_typed_in_ascii(typed: str, status: Status) -> None:
    """Accent folding made the Turkish province Muş into MUS, Mauritius' code."""
    assert RESOLVER.resolve(typed).status is status


@pytest.mark.parametrize(
    ("typed", "iso3"),
    [
        ("Rep. of Korea", "KOR"),
        ("Cayman Isds", "CYM"),
        ("St Kitts-Nevis", "KNA"),
        ("Sint-Kitts en Nevis", "KNA"),
        ("Bosnia Herzegovina", "BIH"),
        ("Bosnië-Herzegovina", "BIH"),
        ("Dem. Rep. Congo", "COD"),
        ("Rep. Congo", "COG"),
        ("Solomon Is.", "SLB"),
        ("Fed. States of Micronesia", "FSM"),
        ("Dominican Rep.", "DOM"),
        ("Saudi-Arabië", "SAU"),
        ("VK", "GBR"),
        ("Moldawien", "MDA"),
        ("Île Maurice", "MUS"),
    ],
)
def test_abbreviations_and_spellings_lists_use(typed: str, iso3: str) -> None:
    found = RESOLVER.resolve(typed)
    assert found.country is not None and found.country.iso3 == iso3


def test_a_folded_name_never_names_another_country() -> None:
    """Every name, abbreviated the way lists abbreviate it, gives its own country or a question."""
    from hrtoets.countries import folded

    abbreviations = {"republic": "Rep.", "islands": "Is.", "saint": "St", "democratic": "Dem."}
    wrong = []
    for iso3, _lang, name in ISO_NAMES:
        typed = " ".join(abbreviations.get(w.casefold(), w) for w in name.split())
        found = RESOLVER.resolve(typed)
        if found.country is not None and found.country.iso3 != iso3:
            wrong.append((name, typed, folded(normalize(typed)), found.country.iso3))
    assert wrong == []


def test_no_iso_3166_2_name_is_taken_for_another_country() -> None:
    """A subdivision's name (in English, Dutch, French, German) gives its own country, a country
    that bears that very name (Luxembourg, a Belgian province), the same territory (the US Virgin
    Islands), or nothing — never another country. Regions as places of their own are issue 12's
    next step; this is the guard until then."""
    translations = [
        gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("nl", "fr", "de")
    ]
    same_territory = {"FR-TF": "ATF", "US-UM": "UMI", "US-VI": "VIR", "US-PR": "PRI",
                      "US-GU": "GUM", "US-AS": "ASM", "US-MP": "MNP"}  # fmt: skip
    former_names = {"AO-ZAI"}  # Angola's province Zaire; "Zaïre" is also DR Congo's former name
    wrong = []
    for sub in pycountry.subdivisions:
        if sub.code in former_names:
            continue
        state = pycountry.countries.get(alpha_2=sub.country_code)
        assert state is not None
        own = state.alpha_3
        for name in {sub.name} | {t.gettext(sub.name) for t in translations}:
            found = RESOLVER.resolve(name)
            if found.country is None or found.country.iso3 in (own, same_territory.get(sub.code)):
                continue
            country = found.country
            names = {normalize(n) for n in (country.name_en, country.name_nl, country.name_fr,
                                            country.name_de)}  # fmt: skip
            if normalize(name) not in names:
                wrong.append((sub.code, name, country.iso3))
    assert wrong == []
