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
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.resources import files
from typing import Any, Final

__all__ = [
    "ALIASES",
    "Country",
    "CountryResolver",
    "Resolution",
    "Status",
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
    # Netherlands, United Kingdom (constituent countries count as the UK), USA.
    "Holland": ("NLD",),
    "The Netherlands": ("NLD",),
    "UK": ("GBR",),
    "Great Britain": ("GBR",),
    "Britain": ("GBR",),
    "Groot-Brittannië": ("GBR",),
    "Grande-Bretagne": ("GBR",),
    "Großbritannien": ("GBR",),
    "England": ("GBR",),
    "Engeland": ("GBR",),
    "Angleterre": ("GBR",),
    "Scotland": ("GBR",),
    "Schotland": ("GBR",),
    "Schottland": ("GBR",),
    "Écosse": ("GBR",),
    "Wales": ("GBR",),
    "Northern Ireland": ("GBR",),
    "Noord-Ierland": ("GBR",),
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

    def name(self, lang: str) -> str:
        """Name in ``lang`` ("nl", "en", "fr", "de"); English for anything else."""
        match lang.casefold():
            case "nl":
                return self.name_nl
            case "fr":
                return self.name_fr
            case "de":
                return self.name_de
            case _:
                return self.name_en


@dataclass(frozen=True, slots=True)
class Resolution:
    """Result of :meth:`CountryResolver.resolve`.

    ``country`` is set only when RESOLVED; ``candidates`` only when AMBIGUOUS;
    ``suggestions`` (fuzzy, best first, at most 3) only when UNRESOLVED.
    """

    query: str
    status: Status
    country: Country | None = None
    candidates: tuple[Country, ...] = ()
    suggestions: tuple[Country, ...] = ()


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


def _read_data() -> dict[str, Any]:
    """Read the packaged JSON (the module's only I/O)."""
    resource = files("hrtoets") / "data" / "country_names.json"
    data: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return data


@cache
def _tables() -> _Tables:
    """Build the shared tables once per process; resolvers only add index names."""
    countries: dict[str, Country] = {}
    codes: dict[str, tuple[str, ...]] = {}
    names: dict[str, tuple[str, ...]] = {}
    entries = _read_data()["countries"]
    for entry in entries:
        iso3: str = entry["iso3"]
        iso2: str = entry["iso2"]
        n: dict[str, str] = entry["names"]
        countries[iso3] = Country(iso3, iso2, n["en"], n["nl"], n["fr"], n["de"])
        _add(codes, iso3.casefold(), (iso3,))
        _add(codes, iso2.casefold(), (iso3,))
        for lang in LANGUAGES:
            for key in _name_variants(n[lang], lang):
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
                for key in _name_variants(text, lang):
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

    def country(self, iso3: str) -> Country:
        """Country for an alpha-3 code (any case); KeyError if unknown."""
        return self._countries[iso3.strip().upper()]

    def countries(self) -> tuple[Country, ...]:
        """All known countries, sorted by alpha-3 code."""
        return tuple(self._countries[code] for code in sorted(self._countries))

    def resolve(self, text: str) -> Resolution:
        """Resolve ``text`` exactly; on failure, attach up to 3 fuzzy suggestions.

        Real names and codes take precedence over aliases, so an alias can
        never make an official name ambiguous.
        """
        key = normalize(text)
        if not key:
            return Resolution(text, Status.UNRESOLVED)
        # A code is typed as a code: in ASCII ("Muş", a Turkish province, folds to "mus" but is
        # not MUS) and in one case ("EST" or "est"; "Est" is French for a region called East).
        typed = text.strip()
        as_code = typed.isascii() and (typed.isupper() or typed.islower())
        code = self._codes.get(key) if as_code else None
        codes = (
            code
            or self._names.get(key)
            or self._iso_names.get(key)
            or self._aliases.get(key)
            or self._folds.get(folded(key))
        )
        if codes is None:
            near = self._codes.get(key, ()) if typed.isascii() else ()  # "Cd": perhaps the code
            suggested = tuple(self._countries[c] for c in near) or self._suggest(key)
            return Resolution(text, Status.UNRESOLVED, suggestions=suggested[:_MAX_SUGGESTIONS])
        found = tuple(self._countries[code] for code in codes)
        if len(found) == 1:
            return Resolution(text, Status.RESOLVED, country=found[0])
        return Resolution(text, Status.AMBIGUOUS, candidates=found)

    def _suggest(self, key: str) -> tuple[Country, ...]:
        """Best fuzzy matches by name (not by code), deduplicated by country.

        rapidfuzz is imported here, not at module level, so that the common
        case (an exact hit) never pays for importing it.
        """
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
