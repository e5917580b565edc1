"""WJP's own words in Dutch: the eight factors and the regions (the project's translation).

WJP publishes in English only; these are hrtoets's reviewed translations, used wherever Dutch
output names a factor or a region. JSON keeps WJP's English names. A region also has the words
people search it by (``index list --region europa`` finds Belgium in "EU, EFTA, and North
America").
"""

from __future__ import annotations

from typing import Final

FACTORS_NL: Final = (
    "Beperking van de regeringsmacht",
    "Afwezigheid van corruptie",
    "Open bestuur",
    "Fundamentele rechten",
    "Orde en veiligheid",
    "Handhaving van regelgeving",
    "Burgerlijke rechtspraak",
    "Strafrechtspraak",
)

# WJP's region (English, as in the index) -> (Dutch name, more words it is found by)
REGIONS_NL: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "EU, EFTA, and North America": (
        "EU, EVA en Noord-Amerika",
        ("Europa", "Europe", "Europese Unie", "European Union", "West-Europa", "Western Europe"),
    ),
    "East Asia and Pacific": ("Oost-Azië en de Stille Oceaan", ("Oceanië", "Oceania")),
    "Eastern Europe and Central Asia": ("Oost-Europa en Centraal-Azië", ("Europa", "Europe")),
    "Latin America and Caribbean": (
        "Latijns-Amerika en het Caribisch gebied",
        ("Zuid-Amerika", "South America", "Midden-Amerika", "Central America", "Caraïben"),
    ),
    "Middle East and North Africa": ("Midden-Oosten en Noord-Afrika", ("Afrika", "Africa")),
    "South Asia": ("Zuid-Azië", ()),
    "Sub-Saharan Africa": ("Afrika bezuiden de Sahara", ("Afrika", "Africa", "Subsahara")),
}

MESSAGES: Final[dict[str, dict[str, str]]] = {
    "index.regions_matched": {
        "nl": "Regio's die '{region}' bevatten: {regions}.",
        "en": "Regions matching '{region}': {regions}.",
    },
    "index.advice_count": {
        "nl": "{count:land|landen} van {total} in editie {edition} vragen advies. Een land of gebied dat niet in de index staat (ook een regio), vraagt altijd advies.",
        "en": "{count:country|countries} of {total} in edition {edition} need advice. A country or place that is not in the index (a region too) always needs advice.",
    },
}


def factor_name(number: int, english: str, lang: str) -> str:
    """WJP factor ``number`` (1-8) in ``lang``."""
    return FACTORS_NL[number - 1] if lang == "nl" and 1 <= number <= 8 else english


def region_name(english: str, lang: str) -> str:
    """A WJP region in ``lang`` (an unknown one as WJP wrote it)."""
    return REGIONS_NL.get(english, (english, ()))[0] if lang == "nl" else english


def region_words(english: str) -> tuple[str, ...]:
    """Every name a WJP region is found by: WJP's, the Dutch one, the search words."""
    dutch, more = REGIONS_NL.get(english, (english, ()))
    return (english, dutch, *more)
