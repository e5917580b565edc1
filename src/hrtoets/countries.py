"""Resolve what a user typed as a country to one ISO 3166 country.

Users type countries in Dutch, English, French or German, as ISO codes, as
World Bank style index names ("Korea, Rep.") and with typos. A wrong match is
worse than no match in a human-rights screening, so only *exact* matches
(after normalisation) resolve; fuzzy matching merely proposes suggestions.

Names come from ``data/country_names.json``, generated from Unicode CLDR by
``scripts/build_country_names.py`` so that neither Babel nor pycountry is
needed at runtime. The small :data:`ALIASES` table adds what CLDR (as shipped
by Babel) lacks: colloquial and former names, abbreviations and the few
ambiguous words ("Congo", "Korea") that deserve a question, not a guess.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, Final

__all__ = [
    "ALIASES",
    "Country",
    "CountryResolver",
    "Place",
    "Region",
    "Resolution",
    "Status",
    "describe",
    "normalize",
    "split_cell",
]

LANGUAGES: tuple[str, ...] = ("en", "nl", "fr", "de")

#: Hand-written names CLDR lacks (CLDR's ``alt-short``/``alt-variant`` names are
#: dropped by Babel, and colloquial/former names are not in CLDR at all). Keys
#: are matched after :func:`normalize`. An alias never overrides a real
#: (CLDR, index or code) name of another country: "Guinea" stays GIN only.
#: Several codes make an alias ambiguous on purpose.
ALIASES: Mapping[str, tuple[str, ...]] = {
    # Ambiguous on purpose: the user must choose.
    "Congo": ("COD", "COG"),
    "Kongo": ("COD", "COG"),
    "Korea": ("KOR", "PRK"),
    "Corée": ("KOR", "PRK"),
    # Belgian and everyday spellings CLDR and ISO do not give.
    "Saudi-Arabië": ("SAU",),
    "VK": ("GBR",),
    "Moldawien": ("MDA",),
    "Île Maurice": ("MUS",),
    "Virgin Islands": ("VGB", "VIR"),
    "Maagdeneilanden": ("VGB", "VIR"),
    "Îles Vierges": ("VGB", "VIR"),
    "Jungferninseln": ("VGB", "VIR"),
    # Netherlands, United Kingdom (England, Scotland … are its regions: see region_names.json), USA.
    "Holland": ("NLD",),
    "The Netherlands": ("NLD",),
    "UK": ("GBR",),
    "Great Britain": ("GBR",),
    "Britain": ("GBR",),
    "Groot-Brittannië": ("GBR",),
    "Grande-Bretagne": ("GBR",),
    "Großbritannien": ("GBR",),
    "USA": ("USA",),
    "U.S.": ("USA",),
    "VS": ("USA",),
    "Amerika": ("USA",),
    "America": ("USA",),
    "United States of America": ("USA",),
    "Verenigde Staten van Amerika": ("USA",),
    "Vereinigte Staaten von Amerika": ("USA",),
    "États-Unis d'Amérique": ("USA",),
    # Former, colloquial and CLDR alt-variant/alt-short names.
    "Palestina": ("PSE",),
    "Palestine": ("PSE",),
    "Palästina": ("PSE",),
    "State of Palestine": ("PSE",),
    "DR Congo": ("COD",),
    "DRC": ("COD",),
    "DR Kongo": ("COD",),
    "RD Congo": ("COD",),
    "RDC": ("COD",),
    "Democratic Republic of the Congo": ("COD",),
    "Democratische Republiek Congo": ("COD",),
    "République démocratique du Congo": ("COD",),
    "Demokratische Republik Kongo": ("COD",),
    "Zaïre": ("COD",),
    "Republic of the Congo": ("COG",),
    "Republiek Congo": ("COG",),
    "République du Congo": ("COG",),
    "Republik Kongo": ("COG",),
    "Hong Kong": ("HKG",),
    "Hongkong": ("HKG",),
    "Macau": ("MAC",),
    "Macao": ("MAC",),
    "Burma": ("MMR",),
    "Birma": ("MMR",),
    "Birmanie": ("MMR",),
    "Swaziland": ("SWZ",),
    "Swasiland": ("SWZ",),
    "Macedonia": ("MKD",),
    "Macedonië": ("MKD",),
    "Macédoine": ("MKD",),
    "Mazedonien": ("MKD",),
    "Ivory Coast": ("CIV",),
    "Elfenbeinküste": ("CIV",),
    "Czech Republic": ("CZE",),
    "Tsjechische Republiek": ("CZE",),
    "Tschechische Republik": ("CZE",),
    "République tchèque": ("CZE",),
    "Turkey": ("TUR",),
    "Vatican": ("VAT",),
    "Vaticaan": ("VAT",),
    "Vatikan": ("VAT",),
    "Holy See": ("VAT",),
    "Heilige Stoel": ("VAT",),
    "Kaapverdische Eilanden": ("CPV",),
    "East Timor": ("TLS",),
    "Osttimor": ("TLS",),
    "Russische Federatie": ("RUS",),
    "Wit-Rusland": ("BLR",),
    "Weißrussland": ("BLR",),
    "Bosnia": ("BIH",),
    "Bosnië": ("BIH",),
    "Bosnie": ("BIH",),
    "Bosnien": ("BIH",),
    "Kirgizstan": ("KGZ",),
    "Moldau": ("MDA",),
    "Republic of Moldova": ("MDA",),
    "UAE": ("ARE",),
    "VAE": ("ARE",),
    "PRC": ("CHN",),
    "Volksrepubliek China": ("CHN",),
    "People's Republic of China": ("CHN",),
    "Republic of Korea": ("KOR",),
    "DPRK": ("PRK",),
    "Lao People's Democratic Republic": ("LAO",),
    "Islamic Republic of Iran": ("IRN",),
    # Official and register (BRP, Belgian) forms that neither CLDR nor ISO 3166-1 gives.
    "Commonwealth of Australia": ("AUS",),
    "Oriental Republic of Uruguay": ("URY",),
    "Swiss Confederation": ("CHE",),
    "Confédération suisse": ("CHE",),
    "Zwitserse Bondsstaat": ("CHE",),
    "Slowaakse Republiek": ("SVK",),
    "Federatieve Republiek Brazilië": ("BRA",),
    "Staat Libië": ("LBY",),
    "Republic of China (Taiwan)": ("TWN",),
    "Republiek China (Taiwan)": ("TWN",),
    "The former Yugoslav Republic of Macedonia": ("MKD",),
    "Former Yugoslav Republic of Macedonia": ("MKD",),
    "Voormalige Joegoslavische Republiek Macedonië": ("MKD",),
    "Great Britain and Northern Ireland": ("GBR",),
    "Groot-Brittannië en Noord-Ierland": ("GBR",),
    "Großbritannien und Nordirland": ("GBR",),
    "Grande-Bretagne et Irlande du Nord": ("GBR",),
    "St. Vincent": ("VCT",),
    # "Republic of China" is Taiwan's official name: without these, the state form in front
    # would be dropped and leave "China".
    "Republic of China": ("TWN",),
    "Republiek China": ("TWN",),
    "République de Chine": ("TWN",),
    "Republik China": ("TWN",),
    "Republic of Kosovo": ("XKX",),
    "Republiek Kosovo": ("XKX",),
    "République du Kosovo": ("XKX",),
    "Republik Kosovo": ("XKX",),
    "Caymaneilanden": ("CYM",),
    "Congo (DRC)": ("COD",),
    "Zwitserse Confederatie": ("CHE",),
    "Vatican City State": ("VAT",),
    "Cité du Vatican": ("VAT",),
    "Vatikanstadt": ("VAT",),
    "Vaticaanstad": ("VAT",),
    "United States Virgin Islands": ("VIR",),
    "Maagdeneilanden van de Verenigde Staten": ("VIR",),
    "Noordelijke Marianeneilanden": ("MNP",),
    "Norfolkeiland": ("NFK",),
    "Guyane": ("GUF",),  # French for French Guiana; Guyana is "le Guyana"
    "Réunion Island": ("REU",),
    "South Georgia": ("SGS",),
    "Svalbard og Jan Mayen": ("SJM",),
    "Antarktika": ("ATA",),
    "Terres australes et antarctiques françaises": ("ATF",),
    "Franse Zuidelijke en Antarctische Gebieden": ("ATF",),
    "Burkina": ("BFA",),
    "Tunisian Republic": ("TUN",),
    "République tunisienne": ("TUN",),
    "Libanese Republiek": ("LBN",),
    "République libanaise": ("LBN",),
    "Syrische Arabische Republiek": ("SYR",),
    "République arabe syrienne": ("SYR",),
    "Arabische Republik Syrien": ("SYR",),
    "République hellénique": ("GRC",),
    "Hellenic Republic": ("GRC",),
    "Lao Democratische Volksrepubliek": ("LAO",),
    "Sahrawi Arab Democratic Republic": ("ESH",),
    "Sahrawi Arabische Democratische Republiek": ("ESH",),
    "République arabe sahraouie démocratique": ("ESH",),
    "Demokratische Arabische Republik Sahara": ("ESH",),
    "Pitcairn Group of Islands": ("PCN",),
    "Brits Indische Oceaan Territorium": ("IOT",),
    "Britse Gebieden in de Indische Oceaan": ("IOT",),
    "Kleinere Inselbesitzungen der Vereinigten Staaten": ("UMI",),
    "Heard und die McDonaldinseln": ("HMD",),
    "Zuid-Georgië en de Zuidelijke Sandwich-eilanden": ("SGS",),
    "Hong Kong Special Administrative Region of the People's Republic of China": ("HKG",),
    "Macao Special Administrative Region of the People's Republic of China": ("MAC",),
    "Ålandeilanden": ("ALA",),
    # World Bank style names, so a resolver without an index still knows them.
    "Bahamas, The": ("BHS",),
    "Egypt, Arab Rep.": ("EGY",),
    "Gambia, The": ("GMB",),
    "The Gambia": ("GMB",),
    "Hong Kong SAR, China": ("HKG",),
    "Iran, Islamic Rep.": ("IRN",),
    "Korea, Rep.": ("KOR",),
    "Korea, Dem. People's Rep.": ("PRK",),
    "Kyrgyz Republic": ("KGZ",),
    "Lao PDR": ("LAO",),
    "Macao SAR, China": ("MAC",),
    "Micronesia, Fed. Sts.": ("FSM",),
    "Russian Federation": ("RUS",),
    "Slovak Republic": ("SVK",),
    "Syrian Arab Republic": ("SYR",),
    "Venezuela, RB": ("VEN",),
    "West Bank and Gaza": ("PSE",),
    "Yemen, Rep.": ("YEM",),
    "Congo, Dem. Rep.": ("COD",),
    "Congo, Rep.": ("COG",),
    "Virgin Islands (U.S.)": ("VIR",),
    "St. Vincent and the Grenadines": ("VCT",),
    "Sint Maarten (Dutch part)": ("SXM",),
    "St. Martin (French part)": ("MAF",),
}

# Characters NFKD does not decompose but users type without the mark.
_TRANSLITERATE = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ı": "i"})
# Apostrophes and quotes vanish ("d’Ivoire" == "d'Ivoire" == "dIvoire"), dots
# vanish so "U.S.A." == "USA"; other punctuation separates words.
_PUNCTUATION = str.maketrans(
    {
        **dict.fromkeys("'’‘`´ʼ\"“”„«».", ""),
        **dict.fromkeys("-‐‑‒–—,;:()[]/_", " "),
        "&": " & ",
    }
)
_AMPERSAND = {"en": "and", "nl": "en", "fr": "et", "de": "und"}
# How lists abbreviate ("Rep. of Korea", "Cayman Isds", "St Kitts-Nevis"): each such word in any
# of the four languages folds to one token, and the small words lists drop or keep at will
# ("and", "of", "the" …) are left out. A folded key is looked up last, and a folded key that two
# countries share is a question, never a guess.
_FOLD_WORDS: Final = {
    **dict.fromkeys(("saint", "sint", "sankt", "st"), "st"),
    **dict.fromkeys(("sainte", "ste"), "ste"),
    **dict.fromkeys(("republic", "republiek", "republique", "republik", "rep"), "rep"),
    **dict.fromkeys(("democratic", "democratische", "democratique", "demokratische", "dem"), "dem"),
    **dict.fromkeys(("federal", "federale", "federated", "fed"), "fed"),
    **dict.fromkeys(("islands", "isl", "is", "isds", "eilanden", "iles", "inseln"), "isl"),
}
_FOLD_DROP: Final = frozenset(
    {"and", "en", "et", "und", "&", "of", "the", "de", "van", "der", "du", "des", "la", "le", "het"}
)
_FUZZY_CUTOFF = 75.0  # token_sort_ratio: one typo in a short name is ~80-90
_FUZZY_WINDOW = 10.0  # keep suggestions within this many points of the best
_MAX_SUGGESTIONS = 3
_SUGGESTIONS_KEPT = 10_000


# "Marokko (Koninkrijk)" and "Marokko, Koninkrijk": a name with its qualifier after it.
_QUALIFIED: Final = re.compile(r"^\s*(?P<name>[^(),]+?)\s*\((?P<qualifier>[^()]+)\)\s*$")
_INVERTED: Final = re.compile(r"^\s*(?P<name>[^(),]+?)\s*,\s*(?P<qualifier>[^(),]+?)\s*$")

# The state's form in front of an official name, in the four languages ("Royaume du Bhoutan",
# "Territory of Christmas Island", "Gemenebest van Australië"): the nouns, with the adjectives and
# small words that go with them. At least one noun must be there.
# The state's form in front of an official name, in the four languages ("Royaume du Bhoutan",
# "Territory of Christmas Island", "Gemenebest van Australië"): the nouns, with the adjectives and
# small words that go with them. At least one noun must be there, or only articles ("Les
# États-Unis d'Amérique").
_STATE_FORM_NOUNS: Final = frozenset(
    (
    "republic", "republiek", "republique", "republik", "bundesrepublik", "bondsrepubliek",
    "volksrepubliek", "volksrepublik", "kingdom", "koninkrijk", "royaume", "konigreich",
    "principality", "prinsdom", "vorstendom", "principaute", "furstentum", "duchy",
    "groothertogdom", "duche", "grossherzogtum", "state", "staat", "etat", "freistaat",
    "commonwealth", "gemenebest", "sultanate", "sultanaat", "sultanat", "territory", "grondgebied",
    "territoire", "gebiet", "territorium", "collectivity", "collectivite", "gemeenschap",
    "gebietskorperschaft", "country", "land", "pays", "union", "unie", "confederation",
    "confederatie", "eidgenossenschaft", "emirate", "emiraat", "emirat", "federation", "federatie",
    "foderation", "bailiwick", "baljuwschap", "vogtei", "bailliage", "department", "departement",
    "afdeling", "ubersee", "iles", "ile",
    )
)  # fmt: skip
_STATE_FORM_WORDS: Final = _STATE_FORM_NOUNS | frozenset(
    (
    "grand", "federal", "federale", "federatieve", "federative", "foderative", "peoples",
    "populaire", "islamic", "islamitische", "islamique", "islamische", "democratic",
    "democratische", "democratique", "demokratische", "united", "verenigde", "independent",
    "onafhankelijke", "independant", "unabhangiger", "unabhangige", "sovereign", "soevereine",
    "souveraine", "souverane", "socialist", "socialistische", "socialiste", "sozialistische",
    "arab", "arabische", "arabe", "plurinational", "plurinationale", "bolivarian", "bolivariaanse",
    "bolivarienne", "oriental", "orientale", "oosterse", "co", "operative", "cooperative",
    "cooperatieve", "hashemite", "hasjemitisch", "hachemite", "haschemitisches", "most", "serene",
    "meest", "territoriale", "and", "en", "et", "und", "of", "the", "van", "de", "der", "den",
    "du", "des", "la", "le", "les", "l", "d", "het", "von", "die", "das",
    )
)  # fmt: skip
_ELISION: Final = re.compile(r"(?<=\b[dlDL])['’]")
_GLUE_ELISION: Final = re.compile(r"\b([dl]) (\w)")
_ARTICLES: Final = frozenset(("the", "les", "la", "le", "l", "de", "het", "die", "der", "das"))

# Between several countries in one cell: ; , / & and the word "and" in the four languages.
_SEPARATORS: Final = re.compile(r"\s*(?:[;,/&]|\s(?:en|and|et|und)\s)\s*", re.IGNORECASE)


def split_cell(text: str, resolver: CountryResolver) -> list[str]:
    """The countries a cell names: the cell itself when it names one (or could: "Korea, Rep.",
    "Bosnia and Herzegovina", "Congo"), else its parts between separators.

    Nothing is dropped: a cell that splits into fewer than two parts, or into parts none of which
    names a country ("N/A"), stays one value, to be reviewed as typed.
    """
    if resolver.resolve(text).status is not Status.UNRESOLVED:
        return [text]
    parts = [part.strip() for part in _SEPARATORS.split(f" {text} ") if part.strip()]
    if len(parts) < 2 or all(resolver.resolve(p).status is Status.UNRESOLVED for p in parts):
        return [text]
    return parts


def folded(key: str) -> str:
    """A :func:`normalize`\\ d key with list abbreviations folded and small words left out."""
    words = [_FOLD_WORDS.get(word, word) for word in key.split() if word not in _FOLD_DROP]
    return " ".join(words)


def normalize(text: str) -> str:
    """Fold *text* to the key used for exact lookups.

    Case, accents, apostrophe style, hyphens, dots, commas and extra
    whitespace are all things users get "wrong" without meaning another
    country, so they are erased: ``normalize("  Côte d’Ivoire ")`` equals
    ``normalize("cote d'ivoire")``.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = stripped.translate(_TRANSLITERATE).translate(_PUNCTUATION)
    return " ".join(folded.split())


class Status(StrEnum):
    """Outcome of a lookup; a StrEnum so it serialises as plain text."""

    RESOLVED = "resolved"
    REGION = (
        "region"  # a region of a state (or of the world): a place with a verdict, not in the index
    )
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True)
class Country:
    """One country with its CLDR names; ``iso2`` is None for index-only codes."""

    iso3: str
    iso2: str | None
    name_en: str
    name_nl: str
    name_fr: str
    name_de: str

    @property
    def code(self) -> str:
        """The code people see beside the name: ISO alpha-3."""
        return self.iso3

    def name(self, lang: str) -> str:
        """Name in ``lang`` ("nl", "en", "fr", "de"); English for anything else."""
        return _pick(lang, self.name_en, self.name_nl, self.name_fr, self.name_de)


def _pick(lang: str, en: str, nl: str, fr: str, de: str) -> str:
    match lang.casefold():
        case "nl":
            return nl
        case "fr":
            return fr
        case "de":
            return de
        case _:
            return en


@dataclass(frozen=True, slots=True)
class Region:
    """A region: a subdivision of a state (ISO 3166-2, or the reviewed list), or of the world.

    ``code`` is the ISO 3166-2 code ("ES-CT"), a code of hrtoets's own for a region ISO does not
    list ("UA-DONBAS": the state's alpha-2 code and a word of four or more letters, never an ISO
    code), or CLDR's UN M49 code for a world region ("019", the Americas; "EU"). ``iso3`` is the
    state's alpha-3 code, None for a world region. A region is never in the index.
    """

    code: str
    iso3: str | None
    name_en: str
    name_nl: str
    name_fr: str
    name_de: str

    def name(self, lang: str) -> str:
        """Name in ``lang`` ("nl", "en", "fr", "de"); English for anything else."""
        return _pick(lang, self.name_en, self.name_nl, self.name_fr, self.name_de)


#: What a name can denote: a country, or a region.
Place = Country | Region


def describe(place: Place, lang: str) -> str:
    """A place as a list of choices shows it: "Marokko (MAR)", "Limburg (België, BE-VLI)"."""
    if isinstance(place, Region) and place.iso3:
        state = _tables().countries.get(place.iso3)
        if state is not None:
            return f"{place.name(lang)} ({state.name(lang)}, {place.code})"
    return f"{place.name(lang)} ({place.code})"


@dataclass(frozen=True, slots=True)
class Resolution:
    """Result of :meth:`CountryResolver.resolve`.

    ``country`` is set when RESOLVED, and when REGION to the region's state (None for a world
    region); ``region`` only when REGION; ``candidates`` (countries or regions) only when
    AMBIGUOUS; ``suggestions`` (fuzzy, best first, at most 3) only when UNRESOLVED.
    """

    query: str
    status: Status
    country: Country | None = None
    candidates: tuple[Place, ...] = ()
    suggestions: tuple[Country, ...] = ()
    region: Region | None = None


@dataclass(frozen=True, slots=True)
class _Tables:
    """Normalised lookup tables derived once from the packaged JSON."""

    countries: dict[str, Country]
    codes: dict[str, tuple[str, ...]]  # ISO alpha-2/alpha-3: matched only on ASCII input
    names: dict[str, tuple[str, ...]]  # CLDR names: authoritative
    iso_names: dict[str, tuple[str, ...]]  # ISO 3166-1 names and translations: after CLDR
    aliases: dict[str, tuple[str, ...]]  # hand-written: used only if no name matches
    folds: dict[str, tuple[str, ...]]  # every name above, abbreviations folded: looked up last


def _add(table: dict[str, tuple[str, ...]], key: str, iso3s: Iterable[str]) -> None:
    """Record that ``key`` denotes ``iso3s``; several countries make it ambiguous."""
    if not key:
        return
    current = table.get(key, ())
    merged = current + tuple(code for code in iso3s if code not in current)
    table[key] = merged


def _name_variants(name: str, lang: str) -> set[str]:
    """Normalised forms of a CLDR name, e.g. "St. Kitts & Nevis" -> "... and ...".

    Only the ampersand is expanded: CLDR English uses "&" where users type
    "and". Parenthetical parts are deliberately *not* split off, because
    "Saint-Martin (partie néerlandaise)" without its brackets is another
    territory.
    """
    key = normalize(name)
    variants = {key}
    if "&" in key.split():
        variants.add(" ".join(_AMPERSAND[lang] if w == "&" else w for w in key.split()))
    return variants


def _read_data(name: str = "country_names.json") -> dict[str, Any]:
    """Read a packaged JSON file (the module's only I/O).

    The package is installed as files (a wheel unpacks; hrtoets is never run from a zip), so the
    data folder is beside this module: ``importlib.resources`` would cost ``check`` ~25 ms of
    imports for the same path.
    """
    path = Path(__file__).with_name("data") / name
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True, slots=True)
class _RegionTables:
    """Region lookups, read only when a name is no country's CLDR name or code."""

    regions: dict[str, Region]
    codes: dict[str, list[str]]  # ISO 3166-2 and own codes: matched only on ASCII input
    reviewed: dict[str, list[str]]  # the reviewed list's names: authoritative
    names: dict[str, list[str]]  # ISO 3166-2 and CLDR world-region names

    def named(self, key: str) -> tuple[str, ...]:
        """The regions a name denotes. A reviewed name ("Gaza": the Gaza Strip) wins over an ISO
        3166-2 name of the same state (the governorate of Gaza), never over one of another state
        ("Kurdistan": Iraq's region, and Iran's province)."""
        reviewed = self.reviewed.get(key, [])
        states = {self.regions[code].iso3 for code in reviewed}
        others = [c for c in self.names.get(key, ()) if self.regions[c].iso3 not in states]
        return (*reviewed, *(c for c in others if c not in reviewed))


@cache
def _region_tables() -> _RegionTables:
    """The regions and their lookup keys, normalised at build time (a JSON parse, no more)."""
    data = _read_data("region_names.json")
    regions: dict[str, Region] = {}
    for entry in data["regions"]:
        n: dict[str, str] = entry["names"]
        code: str = entry["code"]
        regions[code] = Region(code, entry["country"], n["en"], n["nl"], n["fr"], n["de"])
    return _RegionTables(regions, data["codes"], data["reviewed"], data["names"])


LOOKUP_TABLES: Final = ("codes", "names", "iso_names", "aliases", "folds")


@cache
def _tables() -> _Tables:
    """The shared tables, once per process; resolvers only add index names.

    The lookup keys are normalised at build time (``country_lookups.json``, made by
    ``scripts/build_country_names.py`` with :func:`build_tables`, and held equal to it by a
    test), so reading them is a JSON parse: normalising 3,100 names cost ``check`` ~30 ms.
    """
    countries = _countries(_read_data()["countries"])
    lookups = _read_data("country_lookups.json")
    tables = {name: {k: tuple(v) for k, v in lookups[name].items()} for name in LOOKUP_TABLES}
    return _Tables(countries, **tables)


def _countries(entries: list[dict[str, Any]]) -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for entry in entries:
        n: dict[str, str] = entry["names"]
        countries[entry["iso3"]] = Country(
            entry["iso3"], entry["iso2"], n["en"], n["nl"], n["fr"], n["de"]
        )
    return countries


def build_tables(entries: list[dict[str, Any]]) -> _Tables:
    """The lookup tables from the countries of ``country_names.json`` and :data:`ALIASES`."""
    countries = _countries(entries)
    codes: dict[str, tuple[str, ...]] = {}
    names: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        iso3: str = entry["iso3"]
        iso2: str = entry["iso2"]
        n: dict[str, str] = entry["names"]
        _add(codes, iso3.casefold(), (iso3,))
        _add(codes, iso2.casefold(), (iso3,))
        for lang in LANGUAGES:
            for key in sorted(_name_variants(n[lang], lang)):  # sorted: the file is reproducible
                _add(names, key, (iso3,))
    aliases: dict[str, tuple[str, ...]] = {}
    for alias, alias_codes in ALIASES.items():
        _add(aliases, normalize(alias), alias_codes)
    # ISO's own names ("Korea, Republic of", "Koninkrijk België") come after CLDR's and never
    # take a key that a CLDR name or a deliberately ambiguous alias ("Congo") already holds.
    iso_names: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        for lang, texts in entry.get("other", {}).items():
            for text in texts:
                for key in sorted(_name_variants(text, lang)):
                    if key not in names and key not in aliases and key not in codes:
                        _add(iso_names, key, (entry["iso3"],))
    folds: dict[str, tuple[str, ...]] = {}
    for table in (names, iso_names, aliases):
        for key, key_codes in table.items():
            _add(folds, folded(key), key_codes)
    return _Tables(countries, codes, names, iso_names, aliases, folds)


class CountryResolver:
    """Exact, multilingual country lookup with fuzzy suggestions on failure.

    ``index_names`` maps ISO alpha-3 codes to the names the risk index uses
    (World Bank style, e.g. "Egypt, Arab Rep."); those names resolve too. A
    code unknown to CLDR (e.g. a World Bank aggregate) becomes a Country with
    ``iso2=None`` named after its index name.
    """

    def __init__(self, index_names: Mapping[str, str] | None = None) -> None:
        base = _tables()
        self._countries: dict[str, Country] = base.countries
        self._codes: dict[str, tuple[str, ...]] = base.codes
        self._names: dict[str, tuple[str, ...]] = base.names
        self._iso_names = base.iso_names
        self._aliases = base.aliases
        self._folds = base.folds
        if index_names:
            self._countries = dict(base.countries)
            self._codes = dict(base.codes)
            self._names = dict(base.names)
            for raw_code, index_name in index_names.items():
                iso3 = raw_code.strip().upper()
                if iso3 not in self._countries:
                    self._countries[iso3] = Country(
                        iso3, None, index_name, index_name, index_name, index_name
                    )
                    _add(self._codes, iso3.casefold(), (iso3,))
                _add(self._names, normalize(index_name), (iso3,))
        self._fuzzy_keys: list[str] | None = None
        self._suggested: dict[str, tuple[Country, ...]] = {}  # per distinct key: a list repeats

    def country(self, iso3: str) -> Country:
        """Country for an alpha-3 code (any case); KeyError if unknown."""
        return self._countries[iso3.strip().upper()]

    def countries(self) -> tuple[Country, ...]:
        """All known countries, sorted by alpha-3 code."""
        return tuple(self._countries[code] for code in sorted(self._countries))

    def region(self, code: str) -> Region:
        """Region for a code ("ES-CT", "UA-DONBAS", "019"); KeyError if unknown."""
        return _region_tables().regions[code.strip().upper()]

    def resolve(self, text: str, *, suggest: bool = True) -> Resolution:
        """Resolve ``text`` exactly; on failure, attach up to 3 fuzzy suggestions.

        The order decides every clash, and never guesses: a country's code (typed as a code), CLDR
        name or ISO 3166-1 name first, so "Luxemburg" and "Georgia" are the countries; then
        aliases and folded forms, which give way to a region of the same name elsewhere by
        becoming ambiguous ("Zaïre": Congo-Kinshasa's former name, or the Angolan province;
        "Amerika": the United States, or the Americas); then regions (status REGION).
        """
        key = normalize(text)
        if not key:
            return Resolution(text, Status.UNRESOLVED)
        # A code is typed as a code: in ASCII ("Muş", a Turkish province, folds to "mus" but is
        # not MUS) and in one case ("EST" or "est"; "Est" is French for a region called East).
        typed = text.strip()
        as_code = typed.isascii() and (typed.isupper() or typed.islower())
        codes = (
            (self._codes.get(key) if as_code else None)
            or self._names.get(key)
            or self._iso_names.get(key)  # ISO 3166-1's own names of a country: authoritative
        )
        if codes is not None:
            return self._countries_found(text, codes)
        found = (
            self._aliased_or_region(text, key, as_code=as_code)
            or self._reordered(text)
            or self._without_state_form(text)
        )
        if found is not None:
            return found
        if not suggest:
            return Resolution(text, Status.UNRESOLVED)
        near = self._codes.get(key, ()) if typed.isascii() else ()  # "Cd": perhaps the code
        suggested = tuple(self._countries[c] for c in near) or self._suggest(key)
        return Resolution(text, Status.UNRESOLVED, suggestions=suggested[:_MAX_SUGGESTIONS])

    def _aliased_or_region(self, text: str, key: str, *, as_code: bool) -> Resolution | None:
        """An alias or folded form (a question when a region elsewhere bears the name too), else
        a region; None when neither."""
        codes = self._aliases.get(key) or self._folds.get(folded(key))
        regions = _region_tables()
        region_codes = (regions.codes.get(key) if as_code else None) or regions.named(key)
        if codes is not None:
            elsewhere = tuple(r for r in region_codes if regions.regions[r].iso3 not in codes)
            if not elsewhere:
                return self._countries_found(text, codes)
            found = tuple(self._countries[c] for c in codes)
            return Resolution(
                text,
                Status.AMBIGUOUS,
                candidates=found + tuple(regions.regions[r] for r in elsewhere),
            )
        if region_codes:
            return self._regions_found(text, tuple(regions.regions[r] for r in region_codes))
        return None

    def _exact(self, text: str) -> Resolution | None:
        """``text`` resolved without suggestions; None when nothing matches exactly."""
        found = self.resolve(text, suggest=False)
        return None if found.status is Status.UNRESOLVED else found

    def _reordered(self, text: str) -> Resolution | None:
        """A list's qualifier put back in reading order: "Marokko (Koninkrijk)" and "Marokko,
        Koninkrijk" are "Koninkrijk Marokko", "Kongo (Dem. Rep.)" is "Dem. Rep. Kongo". Only an
        exact name counts, so "China (Republic of)" stays unresolved instead of becoming the
        People's Republic."""
        match = _QUALIFIED.match(text) or _INVERTED.match(text)
        if match is None:
            return None
        found = self._exact(f"{match['qualifier']} {match['name']}")
        if found is not None:
            return replace(found, query=text)
        if match.re is _QUALIFIED:  # "Myanmar (Burma)", "Palaos (Palau)": two names, one country
            name, other = self._exact(match["name"]), self._exact(match["qualifier"])
            if name is not None and other is not None and name.country is not None:
                both = name.status is other.status is Status.RESOLVED
                if both and name.country == other.country:
                    return replace(name, query=text)
        return None

    def _without_state_form(self, text: str) -> Resolution | None:
        """An official form with the state's form in front ("Royaume du Bhoutan", "Territory of
        Christmas Island", "Staat Libië"): the rest, when it is exactly one place's name.

        The rest is weaker evidence than a whole name, so it never beats a region of that name
        elsewhere: "State of Georgia" is a question (the country, or the US state). A form whose
        rest names another country is a reviewed alias ("Republic of China" is Taiwan).
        """
        # French elision: "République d'Haïti" is "République d' Haïti" with its words apart.
        words = normalize(_ELISION.sub(" ", text)).split()
        start = 0
        while start < len(words) - 1 and words[start] in _STATE_FORM_WORDS:
            start += 1
        found, rest = None, ""
        for cut in range(start, 0, -1):  # the longest form first: "Territoire de l'île Christmas"
            form = words[:cut]
            if any(w in _STATE_FORM_NOUNS for w in form) or all(w in _ARTICLES for w in form):
                rest = " ".join(words[cut:])
                # glued again where the elision was inside the name: "Côte d' Ivoire"
                found = self._exact(rest) or self._exact(_GLUE_ELISION.sub(r"\1\2", rest))
                if found is not None:
                    break
        if found is None:
            return None
        if found.status is Status.RESOLVED and found.country is not None:
            regions = _region_tables()
            elsewhere = tuple(
                regions.regions[r]
                for r in regions.named(normalize(rest))
                if regions.regions[r].iso3 != found.country.iso3
            )
            if elsewhere:
                return Resolution(text, Status.AMBIGUOUS, candidates=(found.country, *elsewhere))
        return replace(found, query=text)

    def _regions_found(self, text: str, found: tuple[Region, ...]) -> Resolution:
        if len(found) > 1:
            return Resolution(text, Status.AMBIGUOUS, candidates=found)
        region = found[0]
        state = self._countries.get(region.iso3) if region.iso3 else None
        return Resolution(text, Status.REGION, country=state, region=region)

    def _countries_found(self, text: str, codes: tuple[str, ...]) -> Resolution:
        found = tuple(self._countries[code] for code in codes)
        if len(found) == 1:
            return Resolution(text, Status.RESOLVED, country=found[0])
        return Resolution(text, Status.AMBIGUOUS, candidates=found)

    def _suggest(self, key: str) -> tuple[Country, ...]:
        """Best fuzzy matches by name (not by code), deduplicated by country.

        rapidfuzz is imported here, not at module level, so that the common
        case (an exact hit) never pays for importing it.
        """
        cached = self._suggested.get(key)
        if cached is None:
            if len(self._suggested) >= _SUGGESTIONS_KEPT:
                self._suggested.clear()  # bounded: a hostile list of distinct typos stays small
            cached = self._suggested[key] = self._suggest_uncached(key)
        return cached

    def _suggest_uncached(self, key: str) -> tuple[Country, ...]:
        from rapidfuzz import fuzz, process

        if self._fuzzy_keys is None:
            # Keys of up to 3 characters are codes and abbreviations: matching
            # them fuzzily ("BEL" ~ "BLR") produces noise, not help.
            tables = (self._names, self._iso_names, self._aliases)
            self._fuzzy_keys = [k for table in tables for k in table if len(k) > 3]
        matches = process.extract(
            key,
            self._fuzzy_keys,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=_FUZZY_CUTOFF,
            limit=30,
        )
        if not matches:
            return ()
        # Stable order for equal scores; drop far-behind matches so a clear
        # typo ("Belgum") is not diluted by unrelated look-alikes.
        matches.sort(key=lambda m: (-m[1], m[0]))
        floor = matches[0][1] - _FUZZY_WINDOW
        seen: dict[str, Country] = {}
        for match_key, score, _index in matches:
            if score < floor:
                break
            codes = (
                self._names.get(match_key)
                or self._iso_names.get(match_key)
                or self._aliases.get(match_key, ())
            )
            for code in codes:
                seen.setdefault(code, self._countries[code])
        return tuple(seen.values())[:_MAX_SUGGESTIONS]
