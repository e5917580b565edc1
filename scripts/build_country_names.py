"""Generate ``src/hrtoets/data/country_names.json`` from CLDR (via Babel).

Why a generated file: the resolver runs on every ``hrtoets check`` and must
not import Babel or pycountry at runtime, yet country names in four languages
should come from an authoritative, reviewable source rather than a hand-typed
list. This script is the single place that knows about CLDR; the runtime only
reads the JSON it writes.

Run it with ``python scripts/build_country_names.py`` after upgrading Babel
(CLDR) or pycountry; ``tests/test_countries.py`` fails when the committed file
no longer matches ``build()``.

Dev-only dependencies: ``babel`` (CLDR territory names) and ``pycountry``
(ISO 3166-1 alpha-3 codes).

Besides CLDR's name, each country gets the names ISO 3166-1 gives it (pycountry's ``name``,
``official_name`` and ``common_name``) with their Dutch, French and German translations from the
iso-codes catalogues pycountry ships, and for an ISO list's inverted form ("Korea, Republic of")
also the form in reading order ("Republic of Korea"). These are ``other`` names: at run time they
never override a CLDR name, a code or a deliberately ambiguous alias (see ``hrtoets.countries``).

Note on CLDR alternative names (``-alt-short`` / ``-alt-variant``, e.g.
"Turkey", "Czech Republic", "Ivory Coast"): Babel's CLDR importer drops
elements carrying an ``alt`` attribute, so they are not available here. The
few that matter live in the hand-written alias table in
``hrtoets.countries``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

LANGUAGES: tuple[str, ...] = ("en", "nl", "fr", "de")

OUTPUT = Path(__file__).resolve().parent.parent / "src" / "hrtoets" / "data" / "country_names.json"

# Codes that CLDR lists as territories but that are not ISO 3166-1 assigned
# countries: supranational groupings, pseudo-locales, the unknown region and
# the "exceptionally reserved" codes (Ascension, Canary Islands, ...), which
# are parts of other countries rather than countries.
NON_COUNTRY_CODES: frozenset[str] = frozenset(
    {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
)

# User-assigned codes that are in practical use for a country but absent from
# ISO 3166-1 (and therefore from pycountry). Kosovo: World Bank / EU use XKX.
EXTRA_ALPHA3: dict[str, str] = {"XK": "XKX"}


def _forms(country: Any) -> list[str]:
    """ISO 3166-1's names of a country (pycountry): short, official and common."""
    found = []
    for key in ("name", "official_name", "common_name"):
        try:
            found.append(str(getattr(country, key)))
        except AttributeError:
            continue
    return found


def _reading_order(name: str) -> list[str]:
    """``name`` and, for an inverted list form "X, Y", also "Y X"; "The …" also without it."""
    names = [name]
    if name.count(", ") == 1:
        head, tail = name.split(", ")
        names.append(f"{tail} {head}")
    for text in list(names):
        if text.casefold().startswith("the "):
            names.append(text[4:])
    return names


def _iso_names(country: Any, translations: dict[str, Any]) -> dict[str, list[str]]:
    """Every ISO name of ``country`` in each language, in reading order too; sorted, unique."""
    other: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        names: set[str] = set()
        for form in _forms(country):
            text = translations[lang].gettext(form) if lang in translations else form
            names.update(_reading_order(text))
        other[lang] = sorted(names)
    return other


def build() -> dict[str, Any]:
    """Return the JSON document as a plain dict (deterministic ordering)."""
    import gettext

    import babel
    import pycountry

    locales = {lang: babel.Locale(lang) for lang in LANGUAGES}
    alpha3: dict[str, str] = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3.update(EXTRA_ALPHA3)
    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in LANGUAGES
        if lang != "en"
    }

    countries: list[dict[str, Any]] = []
    for code in sorted(locales["en"].territories):
        if code.isdigit() or code in NON_COUNTRY_CODES:
            continue
        if code not in alpha3:
            # A CLDR territory that is neither ISO-assigned nor in our extras
            # (e.g. a code CLDR adds in the future): fail loudly so a human
            # decides, instead of silently shipping a half-known entry.
            raise SystemExit(f"CLDR territory {code!r} has no alpha-3 code; update the script")
        names = {lang: str(locales[lang].territories[code]) for lang in LANGUAGES}
        entry: dict[str, Any] = {"iso2": code, "iso3": alpha3[code], "names": names}
        iso = pycountry.countries.get(alpha_2=code)
        if iso is not None:
            entry["other"] = _iso_names(iso, translations)
        countries.append(entry)

    countries.sort(key=lambda c: c["iso3"])
    _add_territory_names(countries)
    return {
        "source": (
            "Unicode CLDR territory names via Babel; alpha-3, ISO 3166-1 names and their "
            "nl/fr/de translations (iso-codes) via pycountry"
        ),
        "languages": list(LANGUAGES),
        "countries": countries,
    }


# --- regions: ISO 3166-2 subdivisions, CLDR's world regions and a short reviewed list ------------

REGIONS_OUTPUT = OUTPUT.with_name("region_names.json")

# CLDR's world regions (UN M49 codes) that a user may type for a contact's place: continents and
# their parts, and the European Union. Not "world" (001) nor "Outlying Oceania" (QO).
WORLD_REGIONS: tuple[str, ...] = (
    "002", "003", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029",
    "030", "034", "035", "039", "053", "054", "057", "061", "142", "143", "145", "150", "151",
    "154", "155", "202", "419", "EU",
)  # fmt: skip

# Names CLDR lacks for a world region, in the four languages (CLDR says "Americas", "Amériques").
WORLD_REGION_NAMES: dict[str, tuple[str, ...]] = {"019": ("America", "Amérique")}

# The reviewed list: well-known regions and territories as people write them. An ISO 3166-2 code
# gets better display names and more names; a region ISO 3166-2 does not list gets a code of our
# own, the state's alpha-2 code and a word of four or more letters (ISO's own subdivision codes
# have at most three characters after the hyphen, so the two never collide). A reviewed name is
# authoritative: it is looked up before the ISO 3166-2 names. "Kashmir" is in two entries on
# purpose: it is ambiguous.
# Fields: code, state (alpha-3), names en/nl/fr/de, more names in any language.
REVIEWED_REGIONS: tuple[tuple[str, str, tuple[str, str, str, str], tuple[str, ...]], ...] = (
    ("BE-VLG", "BEL", ("Flanders", "Vlaanderen", "Flandre", "Flandern"), ("Vlaams Gewest",)),
    ("BE-WAL", "BEL", ("Wallonia", "Wallonië", "Wallonie", "Wallonien"), ("Waals Gewest",)),
    (
        "BE-BRU",
        "BEL",
        (
            "Brussels-Capital Region",
            "Brussels Hoofdstedelijk Gewest",
            "Région de Bruxelles-Capitale",
            "Region Brüssel-Hauptstadt",
        ),
        ("Brussels Gewest", "Brussels", "Brussel", "Bruxelles", "Brüssel"),
    ),
    ("GB-ENG", "GBR", ("England", "Engeland", "Angleterre", "England"), ()),
    ("GB-SCT", "GBR", ("Scotland", "Schotland", "Écosse", "Schottland"), ()),
    ("GB-WLS", "GBR", ("Wales", "Wales", "pays de Galles", "Wales"), ("Cymru",)),
    (
        "GB-NIR",
        "GBR",
        ("Northern Ireland", "Noord-Ierland", "Irlande du Nord", "Nordirland"),
        (),
    ),
    (
        "ES-CT",
        "ESP",
        ("Catalonia", "Catalonië", "Catalogne", "Katalonien"),
        ("Catalunya", "Cataluña"),
    ),
    (
        "ES-PV",
        "ESP",
        ("Basque Country", "Baskenland", "Pays basque", "Baskenland"),
        ("Euskadi", "País Vasco"),
    ),
    ("CN-XZ", "CHN", ("Tibet", "Tibet", "Tibet", "Tibet"), ("Xizang",)),
    ("CN-XJ", "CHN", ("Xinjiang", "Xinjiang", "Xinjiang", "Xinjiang"), ()),
    ("UA-43", "UKR", ("Crimea", "Krim", "Crimée", "Krim"), ("Krym",)),
    ("UA-DONBAS", "UKR", ("Donbas", "Donbas", "Donbass", "Donbass"), ("Donbass",)),
    (
        "PS-GAZA",
        "PSE",
        ("Gaza Strip", "Gazastrook", "bande de Gaza", "Gazastreifen"),
        ("Gaza",),
    ),
    (
        "PS-WESTBANK",
        "PSE",
        ("West Bank", "Westelijke Jordaanoever", "Cisjordanie", "Westjordanland"),
        ("Westbank",),
    ),
    (
        "IQ-KR",
        "IRQ",
        ("Kurdistan Region", "Koerdistan", "Kurdistan", "Kurdistan"),
        ("Iraqi Kurdistan", "Irakees Koerdistan", "Kurdistan irakien", "Irakisch-Kurdistan"),
    ),
    ("GE-AB", "GEO", ("Abkhazia", "Abchazië", "Abkhazie", "Abchasien"), ()),
    (
        "GE-OSSETIA",
        "GEO",
        ("South Ossetia", "Zuid-Ossetië", "Ossétie du Sud", "Südossetien"),
        (),
    ),
    (
        "AZ-KARABAKH",
        "AZE",
        ("Nagorno-Karabakh", "Nagorno-Karabach", "Haut-Karabagh", "Bergkarabach"),
        ("Karabakh", "Karabach", "Artsakh"),
    ),
    (
        "MD-SN",
        "MDA",
        ("Transnistria", "Transnistrië", "Transnistrie", "Transnistrien"),
        ("Transdniestrië", "Pridnestrovie"),
    ),
    (
        "CY-NORTH",
        "CYP",
        ("Northern Cyprus", "Noord-Cyprus", "Chypre du Nord", "Nordzypern"),
        ("Turkish Republic of Northern Cyprus",),
    ),
    ("SO-SOMALILAND", "SOM", ("Somaliland", "Somaliland", "Somaliland", "Somaliland"), ()),
    ("TZ-ZANZIBAR", "TZA", ("Zanzibar", "Zanzibar", "Zanzibar", "Sansibar"), ()),
    (
        "RU-CE",
        "RUS",
        ("Chechnya", "Tsjetsjenië", "Tchétchénie", "Tschetschenien"),
        ("Chechen Republic",),
    ),
    (
        "IN-JK",
        "IND",
        ("Jammu and Kashmir", "Jammu en Kasjmir", "Jammu-et-Cachemire", "Jammu und Kaschmir"),
        ("Kashmir", "Kasjmir", "Cachemire", "Kaschmir"),
    ),
    (
        "PK-JK",
        "PAK",
        ("Azad Kashmir", "Azad Kasjmir", "Azad Cachemire", "Asad Kaschmir"),
        ("Kashmir", "Kasjmir", "Cachemire", "Kaschmir"),
    ),
    ("CA-QC", "CAN", ("Quebec", "Quebec", "Québec", "Québec"), ()),
    ("DE-BY", "DEU", ("Bavaria", "Beieren", "Bavière", "Bayern"), ()),
)

# Subdivisions that are countries of their own in ISO 3166-1 (and in CLDR): the country entry is the
# place, so they are not regions too (a region "Virgin Islands, U.S." would make the territory's
# own name a question).
SAME_TERRITORY: dict[str, str] = {
    "CN-HK": "HKG", "CN-MO": "MAC", "FI-01": "ALA", "FR-971": "GLP", "FR-972": "MTQ",
    "FR-973": "GUF", "FR-974": "REU", "FR-976": "MYT", "FR-BL": "BLM", "FR-MF": "MAF",
    "FR-NC": "NCL", "FR-PF": "PYF", "FR-PM": "SPM", "FR-TF": "ATF", "FR-WF": "WLF",
    "NL-AW": "ABW", "NL-CW": "CUW", "NL-SX": "SXM", "US-AS": "ASM", "US-GU": "GUM",
    "US-MP": "MNP", "US-PR": "PRI", "US-UM": "UMI", "US-VI": "VIR",
}  # fmt: skip

_CODE_IN_NAME = re.compile(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b")


def _subdivision_forms(text: str) -> tuple[str, list[str]]:
    """A display name and every form of an ISO 3166-2 name.

    "Catalunya [Cataluña]" gives both names; "Wales [Cymru GB-CYM]" drops the code; an inverted
    form "Wallonië, Gewest" gives "Gewest Wallonië" and the proper name alone, "Wallonië", which is
    also the display name.
    """
    main, _, rest = text.partition("[")
    parts = [main.strip()]
    if rest:
        parts.append(_CODE_IN_NAME.sub("", rest.rstrip("]")).strip())
    forms: list[str] = [text]
    for part in filter(None, parts):
        forms.append(part)
        if part.count(", ") == 1:
            head, tail = part.split(", ")
            forms += [f"{tail} {head}", head]
    display = forms[-1] if main.count(", ") == 1 else forms[1]
    display = display[:1].upper() + display[1:]
    return display, list(dict.fromkeys(forms))


def _subdivisions() -> Any:
    """pycountry's ISO 3166-2 database (untyped)."""
    import pycountry

    return pycountry.subdivisions


def _add_territory_names(countries: list[dict[str, Any]]) -> None:
    """A subdivision that is a country of its own (:data:`SAME_TERRITORY`) lends that country its
    ISO 3166-2 names ("Frans-Guyane" is French Guiana)."""
    import gettext

    import pycountry

    translations = {
        lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        for lang in LANGUAGES
        if lang != "en"
    }
    by_iso3 = {c["iso3"]: c for c in countries}
    for code, territory in SAME_TERRITORY.items():
        sub = _subdivisions().get(code=code)
        entry = by_iso3[territory]
        other = entry.setdefault("other", {lang: [] for lang in LANGUAGES})
        for lang in LANGUAGES:
            text = translations[lang].gettext(sub.name) if lang in translations else sub.name
            other[lang] = sorted(set(other[lang]) | set(_subdivision_forms(text)[1]))


def build_regions(countries: list[dict[str, Any]]) -> dict[str, Any]:
    """The regions document: subdivisions, world regions, the reviewed list; deterministic."""
    import gettext

    import babel
    import pycountry

    locales = {lang: babel.Locale(lang) for lang in LANGUAGES}
    alpha3 = {c["iso2"]: c["iso3"] for c in countries}
    translations = {
        lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        for lang in LANGUAGES
        if lang != "en"
    }
    regions: dict[str, dict[str, Any]] = {}
    for code, territory in SAME_TERRITORY.items():
        if _subdivisions().get(code=code) is None or territory not in alpha3.values():
            raise SystemExit(f"SAME_TERRITORY {code} -> {territory} is no longer in the data")
    for sub in pycountry.subdivisions:
        if sub.code in SAME_TERRITORY:
            continue
        state = alpha3.get(sub.country_code)
        if state is None:
            raise SystemExit(f"subdivision {sub.code} of unknown country {sub.country_code!r}")
        names: dict[str, str] = {}
        other: set[str] = set()
        for lang in LANGUAGES:
            text = translations[lang].gettext(sub.name) if lang in translations else sub.name
            names[lang], forms = _subdivision_forms(text)
            other.update(forms)
        other.difference_update(names.values())
        regions[sub.code] = {
            "code": sub.code,
            "country": state,
            "kind": "subdivision",
            "names": names,
            "other": sorted(other),
        }
    for code in WORLD_REGIONS:
        names = {lang: str(locales[lang].territories[code]) for lang in LANGUAGES}
        regions[code] = {
            "code": code,
            "country": None,
            "kind": "world",
            "names": names,
            "other": sorted(set(WORLD_REGION_NAMES.get(code, ())) - set(names.values())),
        }
    for code, state, (en, nl, fr, de), more in REVIEWED_REGIONS:
        known = regions.get(code)
        if known is not None and known["country"] != state:
            raise SystemExit(f"reviewed region {code} is not in {state}")
        names = {"en": en, "nl": nl, "fr": fr, "de": de}
        iso_forms = set(known["other"]) | set(known["names"].values()) if known else set()
        regions[code] = {
            "code": code,
            "country": state,
            "kind": "subdivision" if known else "reviewed",
            "names": names,
            "other": sorted((iso_forms | set(more)) - set(names.values())),
            "reviewed": sorted(set(more) | set(names.values())),
        }
    listed = [regions[code] for code in sorted(regions)]
    return {
        "source": (
            "ISO 3166-1/3166-2 subdivisions and their nl/fr/de names (iso-codes) via pycountry; "
            "world regions from Unicode CLDR via Babel; a reviewed list in "
            "scripts/build_country_names.py"
        ),
        "regions": [{key: r[key] for key in ("code", "country", "kind", "names")} for r in listed],
        # Lookup keys, normalised here so that reading regions costs a JSON parse and no more.
        "lookups": _lookups(listed),
    }


def _lookups(regions: list[dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    """Normalised key -> region codes: ``codes``, ``reviewed`` names and every ``names`` form."""
    from hrtoets.countries import normalize

    tables: dict[str, dict[str, list[str]]] = {"codes": {}, "reviewed": {}, "names": {}}

    def add(table: str, text: str, code: str) -> None:
        codes = tables[table].setdefault(normalize(text), [])
        if code not in codes:
            codes.append(code)

    for region in regions:
        code = region["code"]
        add("codes", code, code)
        for text in region.get("reviewed", ()):
            add("reviewed", text, code)
        for text in (*region["names"].values(), *region["other"]):
            add("names", text, code)
    return {name: dict(sorted(table.items())) for name, table in tables.items()}


def render_regions(data: dict[str, Any]) -> str:
    """One region, and one lookup key, per line: a diff shows what changed."""

    def line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def table(entries: dict[str, list[str]]) -> str:
        return "{\n" + ",\n".join(f"{line(k)}: {line(v)}" for k, v in entries.items()) + "\n}"

    parts = [f'"source": {line(data["source"])}']
    parts.append('"regions": [\n' + ",\n".join(line(r) for r in data["regions"]) + "\n]")
    parts += [f'"{name}": {table(entries)}' for name, entries in data["lookups"].items()]
    return "{" + ",\n".join(parts) + "}\n"


LOOKUPS_OUTPUT = OUTPUT.with_name("country_lookups.json")


def render_lookups(countries: list[dict[str, Any]]) -> str:
    """The countries' lookup keys, normalised (``hrtoets.countries.build_tables``), one key per
    line and in the order they were made (a diff shows what changed; the order is the one the
    resolver always had)."""
    from hrtoets.countries import LOOKUP_TABLES, build_tables

    tables = build_tables(countries)

    def line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def table(entries: dict[str, tuple[str, ...]]) -> str:
        return "{\n" + ",\n".join(f"{line(k)}: {line(list(v))}" for k, v in entries.items()) + "\n}"

    parts = [f'"{name}": {table(getattr(tables, name))}' for name in LOOKUP_TABLES]
    return "{" + ",\n".join(parts) + "}\n"


def render(data: dict[str, Any]) -> str:
    """Serialise exactly as committed, so tests can compare text if needed."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> int:
    """Write the JSON file next to the package sources."""
    data = build()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(render(data), encoding="utf-8")
    LOOKUPS_OUTPUT.write_text(render_lookups(data["countries"]), encoding="utf-8")
    regions = build_regions(data["countries"])
    REGIONS_OUTPUT.write_text(render_regions(regions), encoding="utf-8")
    print(f"wrote {len(data['countries'])} countries to {OUTPUT}")
    print(f"wrote {len(regions['regions'])} regions to {REGIONS_OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
