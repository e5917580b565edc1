"""How the register's stored codes and countries read in a language, for tables and exports.

A register outlives the code that wrote it, and an edit behind the tool's back can put any text
where a code belongs; showing that raw code beats a crash, and ``hrtoets log verify`` names the
edit. Country names come from CLDR in the output language ("Marokko"), not from the index, whose
names are English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hrtoets.messages import catalogue, t

if TYPE_CHECKING:
    from hrtoets.countries import CountryResolver
    from hrtoets.register.model import CountryScreening


def phrase(key: str, lang: str, fallback: str, /, **params: Any) -> str:
    """The message ``key`` in ``lang``, or ``fallback`` when no such message exists."""
    return t(key, lang, **params) if key in catalogue() else fallback


def label(group: str, value: str | None, lang: str, *, empty: str = "") -> str:
    """The label of code ``value`` (e.g. group ``kind``, value ``network``); the code if unknown."""
    if not value:
        return empty
    return phrase(f"register.{group}.{value}", lang, value)


def country_name(
    country: CountryScreening, lang: str, resolver: CountryResolver | None = None
) -> str:
    """The place's name in ``lang`` (a region's, else the country's); the recorded (index) name
    or the input as a fallback."""
    if country.place:
        from hrtoets.countries import CountryResolver

        found = resolver or CountryResolver()
        try:
            if country.region:
                return found.region(country.region).name(lang)
            return found.country(country.place).name(lang)
        except KeyError:  # a code only the index knows, or a region a later release renamed
            pass
    return country.name or country.query
