"""Dates as people write and read them, in Dutch and English.

People type ``31/03/2027``, ``31-03-2027``, ``31.3.2027`` or ``2027-03-31`` (day first, as in
Belgium; never month first); they read "31 maart 2027" and "1 december 2026 om 20:04" in their own
time zone (``timezone`` in config.toml, default Europe/Brussels). What is stored and what JSON
shows stays ISO 8601 in UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo
from functools import cache
from typing import Final

from hrtoets.errors import InputError

DEFAULT_TIMEZONE: Final = "Europe/Brussels"

_MONTHS: Final = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip
_SHORT_MONTHS: Final = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_AT: Final = {"nl": "om", "en": "at"}
_ISO: Final = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST: Final = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")


def parse_day(text: str) -> date:
    """The date ``text`` names: ISO (2027-03-31) or day first (31/03/2027, 31-03-2027,
    31.3.2027). Anything else, or a date that does not exist (31/02/2027), is one sentence
    giving the forms to use."""
    value = text.strip()
    iso = _ISO.fullmatch(value)
    day_first = _DAY_FIRST.fullmatch(value)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if day_first:
            return date(int(day_first[4]), int(day_first[3]), int(day_first[1]))
    except ValueError:
        raise InputError("date.impossible", value=text) from None
    raise InputError("date.unreadable", value=text)


def day_text(day: date, lang: str, *, short: bool = False) -> str:
    """The day as people read it: "1 december 2026" (nl), "1 December 2026" (en); ``short``,
    for a table: "1 dec 2026"."""
    table = _SHORT_MONTHS if short else _MONTHS
    months = table.get(lang, table["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def local(moment: datetime, zone: str = DEFAULT_TIMEZONE) -> datetime:
    """``moment`` (UTC when it has no zone) as wall-clock time in ``zone``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(time_zone(zone))


def moment_text(moment: datetime, lang: str, zone: str = DEFAULT_TIMEZONE) -> str:
    """ "1 december 2026 om 20:04" (nl) or "1 December 2026 at 20:04" (en), in ``zone``."""
    shown = local(moment, zone)
    return f"{day_text(shown.date(), lang)} {_AT.get(lang, 'at')} {shown:%H:%M}"


def stamp_text(stamp: str, lang: str, zone: str = DEFAULT_TIMEZONE) -> str:
    """A stored ISO time as :func:`moment_text` says it; a text that is not one, as stored."""
    try:
        return moment_text(datetime.fromisoformat(stamp), lang, zone)
    except ValueError:
        return stamp


def stored_day_text(value: str, lang: str) -> str:
    """A stored ISO date as :func:`day_text` says it; a text that is not one, as stored."""
    try:
        return day_text(date.fromisoformat(value), lang)
    except ValueError:
        return value


@cache
def time_zone(zone: str) -> tzinfo:
    """The IANA time zone ``zone``; one sentence when the system does not know it."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError("date.bad_timezone", zone=zone) from None
