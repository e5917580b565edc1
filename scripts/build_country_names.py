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
    return {
        "source": (
            "Unicode CLDR territory names via Babel; alpha-3, ISO 3166-1 names and their "
            "nl/fr/de translations (iso-codes) via pycountry"
        ),
        "languages": list(LANGUAGES),
        "countries": countries,
    }


def render(data: dict[str, Any]) -> str:
    """Serialise exactly as committed, so tests can compare text if needed."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> int:
    """Write the JSON file next to the package sources."""
    data = build()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(render(data), encoding="utf-8")
    print(f"wrote {len(data['countries'])} countries to {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
