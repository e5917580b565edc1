"""Measure how many country names an outside list gives hrtoets resolve, and whether any is wrong.

The list is mledoze/countries' ``countries.json`` (https://github.com/mledoze/countries), which
nobody here wrote: every country's English common and official name, and its Dutch, French and
German ones (translations and native names). It is read from the path given, never committed::

    python scripts/measure_names.py /path/to/countries.json

Prints the share resolved to the listed country (a question that offers it counts as found: the
user is asked, nothing is guessed), the names resolved to *another* country, and the misses.
mledoze lists Kosovo as ``UNK``; hrtoets, like the World Bank and the EU, uses ``XKX``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from hrtoets.countries import CountryResolver, Status

LANGUAGES = {"nl": "nld", "fr": "fra", "de": "deu"}
SAME_CODE = {"UNK": "XKX"}


def names(data: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(alpha-3, language, name) for every name in nl/en/fr/de, sorted and without repeats."""
    found: set[tuple[str, str, str]] = set()
    for country in data:
        iso3 = SAME_CODE.get(country["cca3"], country["cca3"])
        name = country["name"]
        found.update({(iso3, "en", name["common"]), (iso3, "en", name["official"])})
        for lang, code in LANGUAGES.items():
            for forms in (country["translations"].get(code), name.get("native", {}).get(code)):
                if forms:
                    found.update({(iso3, lang, forms["common"]), (iso3, lang, forms["official"])})
    return sorted(found)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    data = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    resolver = CountryResolver()
    listed = names(data)
    found, wrong, missed = 0, [], []
    for iso3, lang, name in listed:
        result = resolver.resolve(name)
        offered = {getattr(c, "iso3", None) for c in result.candidates}
        if result.status is Status.RESOLVED and result.country is not None:
            if result.country.iso3 == iso3:
                found += 1
            else:
                wrong.append(f"{lang} {name!r}: listed {iso3}, resolved {result.country.iso3}")
        elif result.status is Status.AMBIGUOUS and iso3 in offered:
            found += 1
        else:
            missed.append(f"{lang} {name!r} ({iso3}): {result.status.value}")
    print(f"{found} of {len(listed)} names found ({found / len(listed):.1%})")
    print(f"{len(wrong)} resolved to another country:", *wrong, sep="\n  ")
    print(f"{len(missed)} missed:", *missed, sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
