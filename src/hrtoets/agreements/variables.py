"""The variables an agreement is filled with: from ``--var``, ``--data``, a row, or the config.

Every value is cleaned to one line of printable text before it reaches a template, because a value
is a name or a phrase in a contract: a newline or a control character in it is always a typing
accident (or an attempt to start a directive line of its own), and Word files cannot hold control
characters at all. Countries may be given as a list or as one text separated by ``;`` (a comma
appears inside index names such as "Korea, Rep.").
"""

from __future__ import annotations

import json
import re
import tomllib
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


def read_data(path: Path) -> Variables:
    """Variables from a TOML table or a JSON object; values are texts, numbers or lists of them."""
    kind = {".toml": "TOML", ".json": "JSON"}.get(path.suffix.lower())
    if kind is None:
        raise InputError("agreements.data_suffix", path=path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputFileError("file.missing", path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError("agreements.bad_data", path=path, kind=kind, error=exc) from None
    try:
        data = tomllib.loads(text) if kind == "TOML" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise InputError("agreements.bad_data", path=path, kind=kind, error=exc) from None
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
    """A column header as a variable name: ``"Visit dates"`` → ``visit_dates``."""
    return _HEADER_JUNK.sub("_", header.strip().casefold()).strip("_")


def row_variables(headers: Sequence[str], row: Sequence[str]) -> Variables:
    """One spreadsheet row as variables; empty cells are left out, so defaults still apply."""
    found: Variables = {}
    for header, cell in zip(headers, row, strict=False):
        name = header_name(header)
        if name and _NAME.fullmatch(name) and clean(cell):
            found[name] = clean(cell)
    return found


def country_queries(variables: Mapping[str, Value]) -> tuple[str, ...]:
    """Every country named under one of :data:`COUNTRY_KEYS`, in order, without repeats."""
    queries: list[str] = []
    for key in COUNTRY_KEYS:
        value = variables.get(key, ())
        items = value if isinstance(value, tuple) else tuple(value.split(";"))
        queries += [clean(item) for item in items if clean(item)]
    return tuple(dict.fromkeys(queries))
