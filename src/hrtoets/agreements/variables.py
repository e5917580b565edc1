"""The variables an agreement is filled with: from ``--var``, ``--data``, a row, or the config.

Every value is cleaned to one line of printable text before it reaches a template, because a value
is a name or a phrase in a contract: a newline or a control character in it is always a typing
accident (or an attempt to start a directive line of its own), and Word files cannot hold control
characters at all. Countries may be given as a list or as one text separated by ``;`` (a comma
appears inside index names such as "Korea, Rep.").

A value that is blank counts as not given (an empty ``--partner`` is a missing partner, not a
party called ""), and a value holding lone surrogates — what Python makes of bytes that are not
UTF-8, from a shell or a JSON ``\\ud800`` — is refused with the variable's name rather than
silently changed: it is a name in a contract, so a person has to retype it.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

from hrtoets.errors import InputError, InputFileError

Value = str | tuple[str, ...]
Variables = dict[str, Value]

COUNTRY_KEYS: Final = ("countries", "country", "land", "landen")
_NAME: Final = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x9f\ufffe\uffff]")
_HEADER_JUNK: Final = re.compile(r"[^0-9a-z]+")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")
# A column header whose name starts with one of these holds the countries ("Land(en)",
# "Landen/regio", "Country of visit", "Pays"): a country column must never be dropped unscreened.
_COUNTRY_PREFIXES: Final = ("land", "countr", "pays")
# Column headers as people write them in Dutch (and French), for the templates' variables: a merge
# list headed "Naam", "Duur", "Doel" fills partner, duration and purpose.
HEADER_SYNONYMS: Final = {
    "naam": "partner",
    "partnernaam": "partner",
    "leverancier": "partner",
    "supplier": "partner",
    "partenaire": "partner",
    "duur": "duration",
    "looptijd": "duration",
    "duree": "duration",
    "doel": "purpose",
    "onderwerp": "purpose",
    "objet": "purpose",
    "rol": "role",
    "bezoekdata": "visit_dates",
    "bezoekdatum": "visit_dates",
    "data_bezoek": "visit_dates",
    "dates": "visit_dates",
    "opdracht": "contract",
    "overheidsopdracht": "contract",
    "ondertekenaar": "signatory",
    "functie_ondertekenaar": "signatory_title",
    "datum": "date",
}


def clean(value: object) -> str:
    """One line of printable text: runs of whitespace (newlines too) become one space."""
    return _CONTROL.sub("", " ".join(str(value).split()))


def check_name(name: str) -> str:
    """``name`` if a template can use it as a variable, else one sentence saying why not."""
    if not _NAME.fullmatch(name):
        raise InputError("agreements.bad_var_name", name=name)
    return name


def parse_pairs(pairs: Sequence[str]) -> Variables:
    """``--var key=value`` options as variables (the last one of a name wins)."""
    found: Variables = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise InputError("agreements.bad_var", value=pair)
        found[check_name(name.strip())] = clean(value)
    return found


MAX_DATA_BYTES: Final = 2**20  # a --data file holds a few variables


def read_data(path: Path) -> Variables:
    """Variables from a TOML table or a JSON object; values are texts, numbers or lists of them."""
    kind = {".toml": "TOML", ".json": "JSON"}.get(path.suffix.lower())
    if kind is None:
        raise InputError("agreements.data_suffix", path=path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_DATA_BYTES + 1)
        if len(raw) > MAX_DATA_BYTES:
            raise InputError("agreements.bad_data", path=path, kind=kind, error="larger than 1 MiB")
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise InputFileError("file.missing", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError("agreements.bad_data", path=path, kind=kind, error=exc) from None
    try:
        data = tomllib.loads(text) if kind == "TOML" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise InputError("agreements.bad_data", path=path, kind=kind, error=exc) from None
    except RecursionError:  # nested 100,000 deep: no variable is a tree
        error = "nested too deep"
        raise InputError("agreements.bad_data", path=path, kind=kind, error=error) from None
    if not isinstance(data, dict):
        raise InputError("agreements.data_not_table", path=path)
    return {check_name(str(name)): _data_value(name, value, path) for name, value in data.items()}


def _data_value(name: str, value: object, path: Path) -> Value:
    scalar = (str, int, float)
    if isinstance(value, scalar) and not isinstance(value, bool):
        return clean(value)
    if isinstance(value, list) and all(isinstance(v, scalar) for v in value):
        return tuple(clean(v) for v in value)
    raise InputError("agreements.data_bad_value", name=name, path=path)


def header_name(header: str) -> str:
    """A column header as a variable name: ``"Visit dates"`` → ``visit_dates``, ``"Durée"`` →
    ``duree`` (accents dropped)."""
    decomposed = unicodedata.normalize("NFKD", header.strip().casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _HEADER_JUNK.sub("_", plain).strip("_")


def column_variable(header: str, takes: frozenset[str] | None) -> str | None:
    """The variable a column gives, or None when the template does not use it.

    ``takes`` is what the template uses (None: unknown, every valid name counts). A header that
    is one of those names is that variable; else a header starting with land/countr/pays is the
    countries.
    """
    name = header_name(header)
    name = HEADER_SYNONYMS.get(name, name)
    if not _NAME.fullmatch(name):
        return None
    if name in COUNTRY_KEYS or (takes is not None and name in takes):
        return name
    if name.startswith(_COUNTRY_PREFIXES):
        return "countries"
    return name if takes is None else None


def row_variables(columns: Sequence[str | None], row: Sequence[str]) -> Variables:
    """One row as variables (``columns`` from :func:`column_variable`); empty cells left out.

    Two columns for the same variable (``Country`` and ``Land(en)``) are joined with ``;``.
    """
    found: Variables = {}
    for name, cell in zip(columns, row, strict=False):
        text = clean(cell)
        if name is not None and text:
            previous = found.get(name)
            found[name] = f"{previous}; {text}" if isinstance(previous, str) else text
    return found


def country_queries(variables: Mapping[str, Value]) -> tuple[str, ...]:
    """Every country named under one of :data:`COUNTRY_KEYS`, in order, without repeats."""
    queries: list[str] = []
    for key in COUNTRY_KEYS:
        value = variables.get(key, ())
        items = value if isinstance(value, tuple) else tuple(value.split(";"))
        queries += [clean(item) for item in items if clean(item)]
    return tuple(dict.fromkeys(queries))


def usable(variables: Mapping[str, Value]) -> Variables:
    """The variables without blank values; one sentence for a value that is not valid text."""
    found: Variables = {}
    for name, value in variables.items():
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if _SURROGATE.search(item):
                raise InputError("agreements.bad_text", variable=name)
        kept = tuple(item for item in items if item.strip())
        if kept:
            found[name] = kept if isinstance(value, tuple) else kept[0]
    return found
