"""Names as ISO lists and official documents write them, in nl/en/fr/de: each to its own country,
and never a look-alike. The names come from pycountry's ISO 3166-1 data and its iso-codes
translations (read here with pycountry itself, pinned in the test extra), not from a list
written by hand."""

from __future__ import annotations

import gettext
import json
from collections.abc import Iterator
from importlib.resources import files

import pycountry
import pytest

from hrtoets.countries import ALIASES, Country, CountryResolver, Status, normalize

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
    ("Muş", None),  # a Turkish province, not Mauritius
    ("MUS", "MUS"),
    ("mus", "MUS"),
    ("Est", None),  # "East", a region in French-speaking countries, not Estonia
    ("EST", "EST"),
    ("Ba", None),  # a province of Fiji, not Bosnia and Herzegovina
]


@pytest.mark.parametrize(("typed", "iso3"), CODES)
def test_a_code_matches_only_what_was_typed_in_ascii(typed: str, iso3: str | None) -> None:
    """Accent folding made the Turkish province Muş into MUS, Mauritius' code."""
    found = RESOLVER.resolve(typed)
    if iso3 is None:
        assert found.status is not Status.RESOLVED  # the region (Muş, Ba) or a question (Est)
    else:
        assert found.status is Status.RESOLVED and found.country is not None
        assert found.country.iso3 == iso3


def test_mus_is_the_turkish_province() -> None:
    found = RESOLVER.resolve("Muş")
    assert found.status is Status.REGION and found.region is not None
    assert (found.region.code, found.region.iso3) == ("TR-49", "TUR")


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


def _subdivision_names() -> Iterator[tuple[str, str, str]]:
    """(code, state alpha-3, name) for every ISO 3166-2 subdivision name and translation."""
    translations = [
        gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        for lang in ("nl", "fr", "de")
    ]
    for sub in pycountry.subdivisions:
        state = pycountry.countries.get(alpha_2=sub.country_code)
        assert state is not None
        for name in {sub.name} | {t.gettext(sub.name) for t in translations}:
            yield sub.code, state.alpha_3, name


SUBDIVISION_NAMES = sorted(set(_subdivision_names()))


def _own_name(country: Country, name: str) -> bool:
    names = (country.name_en, country.name_nl, country.name_fr, country.name_de)
    return normalize(name) in {normalize(n) for n in names}


def test_every_iso_3166_2_name_is_a_place_and_never_another_country() -> None:
    """Each subdivision name (in English, Dutch, French, German) gives a region of its own state,
    its own country, a country that bears that very name (Luxembourg, a Belgian province; Niger,
    a Nigerian state), the same territory (the US Virgin Islands), or a question that offers a
    place of its own state — never another country, and never nothing."""
    from tests.test_countries import _load_build_script

    # The reviewed list the build takes these territories out of the regions with.
    same_territory: dict[str, str] = _load_build_script().SAME_TERRITORY
    assert len(SUBDIVISION_NAMES) > 5000
    wrong = []
    for code, own, name in SUBDIVISION_NAMES:
        found = RESOLVER.resolve(name)
        mine = {own, same_territory.get(code)}
        match found.status:
            case Status.REGION:
                ok = found.region is not None and found.region.iso3 == own
            case Status.RESOLVED:
                country = found.country
                ok = country is not None and (country.iso3 in mine or _own_name(country, name))
            case Status.AMBIGUOUS:
                ok = any(c.iso3 in mine for c in found.candidates)
            case _:
                ok = False
        if not ok:
            wrong.append((code, name, found.status.value, found.country and found.country.iso3))
    assert wrong == []


@pytest.mark.parametrize(
    ("typed", "code", "state"),
    [
        ("Catalonië", "ES-CT", "ESP"),
        ("Engeland", "GB-ENG", "GBR"),
        ("England", "GB-ENG", "GBR"),
        ("Schotland", "GB-SCT", "GBR"),
        ("Wales", "GB-WLS", "GBR"),
        ("Noord-Ierland", "GB-NIR", "GBR"),
        ("Northern Ireland", "GB-NIR", "GBR"),
        ("Koerdistan", "IQ-KR", "IRQ"),
        ("Tibet", "CN-XZ", "CHN"),
        ("Krim", "UA-43", "UKR"),
        ("Donbas", "UA-DONBAS", "UKR"),
        ("Gazastrook", "PS-GAZA", "PSE"),
        ("Gaza Strip", "PS-GAZA", "PSE"),
        ("Westelijke Jordaanoever", "PS-WESTBANK", "PSE"),
        ("Vlaanderen", "BE-VLG", "BEL"),
        ("Wallonië", "BE-WAL", "BEL"),
        ("Transnistrië", "MD-SN", "MDA"),
        ("ES-CT", "ES-CT", "ESP"),  # the code, as typed
        ("ua-donbas", "UA-DONBAS", "UKR"),
    ],
)
def test_well_known_regions(typed: str, code: str, state: str) -> None:
    found = RESOLVER.resolve(typed)
    assert found.status is Status.REGION, found
    assert found.region is not None and (found.region.code, found.region.iso3) == (code, state)
    assert found.country is not None and found.country.iso3 == state


@pytest.mark.parametrize(
    ("typed", "iso3"),
    [
        ("VK", "GBR"),
        ("Verenigd Koninkrijk", "GBR"),
        ("Groot-Brittannië", "GBR"),
        ("Luxemburg", "LUX"),  # also a Belgian province
        ("Luxembourg", "LUX"),
        ("Georgia", "GEO"),  # also a US state
        ("Georgië", "GEO"),
        ("Niger", "NER"),  # also a Nigerian state
    ],
)
def test_a_country_s_own_name_is_the_country(typed: str, iso3: str) -> None:
    found = RESOLVER.resolve(typed)
    assert found.status is Status.RESOLVED
    assert found.country is not None and found.country.iso3 == iso3


@pytest.mark.parametrize(
    ("typed", "country", "region"),
    [
        ("Amerika", "USA", "019"),
        ("America", "USA", "019"),
        ("Zaïre", "COD", "AO-ZAI"),  # DR Congo's former name; an Angolan province today
        ("Zaire", "COD", "AO-ZAI"),
    ],
)
def test_an_alias_that_is_also_a_region_is_a_question(
    typed: str, country: str, region: str
) -> None:
    found = RESOLVER.resolve(typed)
    assert found.status is Status.AMBIGUOUS
    assert {c.code for c in found.candidates} == {country, region}


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("Gaza", {"PS-GAZA", "MZ-G"}),  # the Gaza Strip, or Mozambique's province
        ("Kurdistan", {"IQ-KR", "IR-12"}),  # Iraq's region, or Iran's province
        ("Limburg", {"BE-VLI", "NL-LI"}),
        ("Kashmir", {"IN-JK", "PK-JK"}),
    ],
)
def test_a_reviewed_name_never_hides_a_region_of_another_state(typed: str, codes: set[str]) -> None:
    found = RESOLVER.resolve(typed)
    assert found.status is Status.AMBIGUOUS
    assert {c.code for c in found.candidates} == codes


@pytest.mark.parametrize("typed", ["Europa", "Afrika", "Azië", "Europe", "Asien", "Afrique"])
def test_a_continent_is_a_world_region(typed: str) -> None:
    found = RESOLVER.resolve(typed)
    assert found.status is Status.REGION
    assert found.region is not None and found.region.iso3 is None and found.country is None


def test_no_world_region_bears_a_country_s_name() -> None:
    """A continent's word never resolves silently to a country: none is also a CLDR or ISO name
    of a country (the build fails otherwise)."""
    regions = json.loads((files("hrtoets") / "data" / "region_names.json").read_text("utf-8"))
    world = {entry["code"] for entry in regions["regions"] if entry["kind"] == "world"}
    keys = [key for key, codes in regions["names"].items() if world & set(codes)]
    assert len(keys) > 60  # every world region, in four languages
    for key in keys:
        found = RESOLVER.resolve(key)
        assert found.status is not Status.RESOLVED, key


@pytest.mark.parametrize(
    ("typed", "iso3"),
    [
        ("Marokko (Koninkrijk)", "MAR"),
        ("Duitsland (Bondsrepubliek)", "DEU"),
        ("Marokko, Koninkrijk", "MAR"),
        ("Belgium, Kingdom of", "BEL"),
        ("Korea (Democratic People's Republic of)", "PRK"),
        ("Congo (Democratic Republic of the)", "COD"),
        ("Congo, Republic of the", "COG"),
        ("Guinea (Equatorial)", "GNQ"),
        ("Sudan, South", "SSD"),
    ],
)
def test_a_qualifier_after_the_name_reads_in_reading_order(typed: str, iso3: str) -> None:
    found = RESOLVER.resolve(typed)
    assert found.status is Status.RESOLVED and found.country is not None
    assert found.country.iso3 == iso3


@pytest.mark.parametrize("typed", ["China (Republic of)", "China, Republic of"])
def test_the_republic_of_china_is_never_the_people_s_republic(typed: str) -> None:
    found = RESOLVER.resolve(typed)
    assert found.country is None or found.country.iso3 != "CHN"


@pytest.mark.parametrize(
    ("typed", "iso3"),
    [
        ("Republiek China (Taiwan)", "TWN"),
        ("Commonwealth of Australia", "AUS"),
        ("Confédération suisse", "CHE"),
        ("Slowaakse Republiek", "SVK"),
        ("The former Yugoslav Republic of Macedonia", "MKD"),
        ("Großbritannien und Nordirland", "GBR"),
        ("Republiek Noord-Macedonië", "MKD"),
        ("Republiek Kenia", "KEN"),
        ("Kingdom of Belgium", "BEL"),
        ("Royaume de Norvège", "NOR"),
        ("Principality of Monaco", "MCO"),
        ("Kap Verde", "CPV"),
        ("Surinam", "SUR"),
        ("Bosnia Herzegovina", "BIH"),
    ],
)
def test_register_and_official_forms(typed: str, iso3: str) -> None:
    found = RESOLVER.resolve(typed)
    assert found.status is Status.RESOLVED and found.country is not None
    assert found.country.iso3 == iso3


STATE_FORMS = {
    "en": ["Republic of", "Kingdom of", "State of", "Federal Republic of", "Territory of the"],
    "nl": ["Republiek", "Koninkrijk", "Staat", "Bondsrepubliek", "Grondgebied van"],
    "fr": ["République de", "Royaume du", "État de", "République fédérale d'", "Territoire des"],
    "de": ["Republik", "Königreich", "Staat", "Bundesrepublik", "Gebiet der"],
}


def test_a_state_form_in_front_never_names_another_country() -> None:
    """Every country's name in each language, behind the state forms lists put in front: the
    country itself, a question that offers it, or nothing — never another country."""
    wrong = []
    for country in RESOLVER.countries():
        if country.iso2 is None:
            continue
        for lang, forms in STATE_FORMS.items():
            for form in forms:
                typed = f"{form}{'' if form.endswith(chr(39)) else ' '}{country.name(lang)}"
                found = RESOLVER.resolve(typed)
                if found.status is Status.RESOLVED and found.country != country:
                    assert found.country is not None
                    wrong.append((typed, found.country.iso3))
                if found.status is Status.AMBIGUOUS and country not in found.candidates:
                    wrong.append((typed, "?"))
    # The forms that name another state on purpose: the Republic of China is Taiwan.
    assert sorted(wrong) == sorted(
        [
            ("Republic of China", "TWN"),
            ("Republiek China", "TWN"),
            ("République de Chine", "TWN"),
            ("Republik China", "TWN"),
        ]
    )


@pytest.mark.parametrize(
    ("typed", "iso3"),
    [
        ("République d'Haïti", "HTI"),
        ("Territoire de l'île Christmas", "CXR"),
        ("Les États-Unis d'Amérique", "USA"),
        ("Royaume du Bhoutan", "BTN"),
        ("Gemenebest van Australië", "AUS"),
        ("Onafhankelijke en soevereine republiek Kiribati", "KIR"),
        ("Myanmar (Burma)", "MMR"),
        ("République de Côte d' Ivoire", "CIV"),
    ],
)
def test_official_forms_with_the_state_form_in_front(typed: str, iso3: str) -> None:
    found = RESOLVER.resolve(typed)
    assert found.status is Status.RESOLVED and found.country is not None
    assert found.country.iso3 == iso3


def test_a_state_form_never_beats_a_region_elsewhere() -> None:
    found = RESOLVER.resolve("State of Georgia")  # the country, or the US state
    assert found.status is Status.AMBIGUOUS
    assert {c.code for c in found.candidates} == {"GEO", "US-GA"}
