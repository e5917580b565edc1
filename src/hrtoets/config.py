"""Where state lives and what the user configured.

Everything hrtoets keeps — ``config.toml``, imported index editions, the default SQLite register —
lives under one folder: ``HRTOETS_HOME``, or the platform's user data directory. Precedence for the
language: ``--lang`` > ``HRTOETS_LANG`` > ``language`` in ``config.toml`` > Dutch.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from hrtoets.dates import DEFAULT_TIMEZONE
from hrtoets.errors import ConfigError
from hrtoets.messages import DEFAULT_LANGUAGE, LANGUAGES, Label
from hrtoets.rule import DEFAULT_THRESHOLD, Rounding

CONFIG_FILE: Final = "config.toml"
DEFAULT_INDEX_URL: Final = (
    "https://worldjusticeproject.org/rule-of-law-index/downloads/"
    "{edition}_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx"
)
DEFAULT_ORGANISATION: Final = "Stad Gent"
DEFAULT_PLACE: Final = "Gent"

_KNOWN_KEYS: Final = frozenset(
    {
        "threshold",
        "rounding",
        "language",
        "organisation",
        "signatory",
        "signatory_title",
        "officer",
        "index_url",
        "database",
        "templates_dir",
        "timezone",
        "place",
    }
)


@dataclass(frozen=True, slots=True)
class Settings:
    """The effective configuration of one run."""

    home: Path
    lang: str = DEFAULT_LANGUAGE
    threshold: float = DEFAULT_THRESHOLD
    rounding: Rounding = Rounding.PUBLISHED
    organisation: str = DEFAULT_ORGANISATION
    signatory: str = ""
    signatory_title: str = ""
    officer: str = ""
    index_url: str = DEFAULT_INDEX_URL
    database: str | None = None
    templates_dir: Path | None = None
    timezone: str = DEFAULT_TIMEZONE  # where times are shown to people (stored in UTC)
    place: str = DEFAULT_PLACE  # where agreements are signed ("Opgemaakt te Gent op …")

    @property
    def config_path(self) -> Path:
        return self.home / CONFIG_FILE

    @property
    def database_url(self) -> str:
        """The register's SQLAlchemy URL: ``HRTOETS_DB`` or config, else SQLite in the home.

        The default is built by SQLAlchemy, so a home folder with ``?`` or ``%`` in its name
        still names that folder.
        """
        if self.database:
            return self.database
        from sqlalchemy.engine import URL

        path = str(self.home / "register.sqlite")
        return URL.create("sqlite", database=path).render_as_string(hide_password=False)


def default_home() -> Path:
    """The platform's user data directory for hrtoets."""
    from platformdirs import user_data_path

    return user_data_path("hrtoets", appauthor=False)


def check_lang(value: str) -> str:
    """``value`` if it is a supported language, else a :class:`ConfigError`."""
    lang = value.strip().lower()
    if lang not in LANGUAGES:
        raise ConfigError("config.bad_language", value=value, choices=", ".join(LANGUAGES))
    return lang


def load_settings(
    env: Mapping[str, str] | None = None, *, lang: str | None = None, db: str | None = None
) -> Settings:
    """Read ``HRTOETS_HOME``/``config.toml`` and the environment; options given here win."""
    env = os.environ if env is None else env
    home = Path(env["HRTOETS_HOME"]).expanduser() if env.get("HRTOETS_HOME") else default_home()
    raw = _read_config(home / CONFIG_FILE)
    chosen_lang = lang or env.get("HRTOETS_LANG") or _text(raw, "language", "") or DEFAULT_LANGUAGE
    templates = _text(raw, "templates_dir", "")
    return Settings(
        home=home,
        lang=check_lang(str(chosen_lang)),
        threshold=_threshold(raw, raw.get("threshold", DEFAULT_THRESHOLD)),
        rounding=_rounding(raw, raw.get("rounding", Rounding.PUBLISHED.value)),
        organisation=_text(raw, "organisation", DEFAULT_ORGANISATION),
        signatory=_text(raw, "signatory", ""),
        signatory_title=_text(raw, "signatory_title", ""),
        officer=_text(raw, "officer", "").strip(),
        index_url=_text(raw, "index_url", DEFAULT_INDEX_URL),
        database=db or env.get("HRTOETS_DB") or _text(raw, "database", "") or None,
        templates_dir=Path(str(templates)).expanduser() if templates else None,
        timezone=_timezone(raw, _text(raw, "timezone", DEFAULT_TIMEZONE)),
        place=_text(raw, "place", DEFAULT_PLACE),
    )


class _RawConfig(dict[str, Any]):
    """``config.toml`` as parsed, and the line each key is on (for the sentences)."""

    def __init__(self, data: Mapping[str, Any] | None = None, text: str = "") -> None:
        super().__init__(data or {})
        self.text = text

    def at(self, key: str) -> Label | str:
        """ " (line 3)" for ``key``, in the sentence's language; "" when it is not in the file."""
        pattern = rf"^[ \t]*(?:{re.escape(key)}|\[[ \t]*{re.escape(key)}[ \t]*\])[ \t]*(?:=|$)"
        found = re.search(pattern, self.text, re.MULTILINE)
        if found is None:
            return ""
        line = self.text.count("\n", 0, found.start()) + 1
        return Label("config.at_line", f" (line {line})", (("line", line),))


_MAX_CONFIG_BYTES: Final = 1 << 20  # a settings file is a few hundred bytes


def configured_language(env: Mapping[str, str] | None = None) -> str | None:
    """The language ``HRTOETS_LANG`` or ``config.toml`` asks for, even when another setting is
    wrong: the sentence saying what is wrong is then in the user's language."""
    env = os.environ if env is None else env
    chosen = env.get("HRTOETS_LANG", "").strip().lower()
    if chosen in LANGUAGES:
        return chosen
    home = Path(env["HRTOETS_HOME"]).expanduser() if env.get("HRTOETS_HOME") else default_home()
    try:
        text = (home / CONFIG_FILE).read_bytes()[:_MAX_CONFIG_BYTES].decode("utf-8-sig")
        value = tomllib.loads(text).get("language")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    return value if isinstance(value, str) and value in LANGUAGES else None


def _read_config(path: Path) -> _RawConfig:
    """The settings file: UTF-8 (a BOM is fine), valid TOML, known keys only."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        return _RawConfig()
    except OSError as exc:
        raise ConfigError("config.unreadable", path=path, error=exc.strerror) from exc
    if len(data) > _MAX_CONFIG_BYTES:
        raise ConfigError("config.unreadable", path=path, error="larger than 1 MiB")
    text = _config_text(data, path)
    try:
        parsed = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise ConfigError("config.bad_toml", path=path, error=str(exc)[:200]) from exc
    raw = _RawConfig(parsed, text)
    unknown = sorted(set(raw) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(
            "config.unknown_keys",
            path=path,
            keys=", ".join(unknown),
            known=", ".join(sorted(_KNOWN_KEYS)),
            at=raw.at(unknown[0]),
        )
    return raw


def _config_text(data: bytes, path: Path) -> str:
    """UTF-8 text without its BOM; any other encoding is one sentence saying what it looks like."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ConfigError(
            "config.not_utf8", path=path, line=1, byte=f"0x{data[0]:02X}", guess="UTF-16"
        )
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        byte = f"0x{body[exc.start]:02X}"
        raise ConfigError(
            "config.not_utf8", path=path, line=line, byte=byte, guess="Windows-1252"
        ) from None


def _text(raw: Mapping[str, Any], key: str, default: str) -> str:
    """A text setting; a number, a table or a list in its place is refused, naming the key."""
    value = raw.get(key, default)
    if not isinstance(value, str):
        raise ConfigError("config.bad_text", key=key, value=_shown(value), at=_at(raw, key))
    return value


def _shown(value: object) -> Label | str:
    """A wrong TOML value as a person reads it: a table, a list, true, 5."""
    if isinstance(value, dict):
        return Label("config.a_table", "a table")
    if isinstance(value, list):
        return Label("config.a_list", "a list")
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)


def _at(raw: Mapping[str, Any], key: str) -> Label | str:
    return raw.at(key) if isinstance(raw, _RawConfig) else ""


def _threshold(raw: Mapping[str, Any], value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ConfigError("config.bad_threshold", value=value, at=_at(raw, "threshold"))
    return float(value)


def _timezone(raw: Mapping[str, Any], zone: str) -> str:
    from hrtoets.dates import time_zone
    from hrtoets.errors import InputError

    try:
        time_zone(zone)
    except InputError:
        raise ConfigError("config.bad_timezone", zone=zone, at=_at(raw, "timezone")) from None
    return zone


def _rounding(raw: Mapping[str, Any], value: object) -> Rounding:
    try:
        return Rounding(str(value))
    except ValueError:
        raise ConfigError(
            "config.bad_rounding",
            value=value,
            choices=", ".join(r.value for r in Rounding),
            at=_at(raw, "rounding"),
        ) from None


@dataclass(frozen=True, slots=True)
class SettingSource:
    """One effective setting, and where its value came from."""

    key: str
    value: str
    source: str  # default, file, environment or option


def explain_settings(
    env: Mapping[str, str] | None = None, *, lang: str | None = None, db: str | None = None
) -> tuple[Settings, tuple[SettingSource, ...]]:
    """The effective settings, each with its origin: what ``hrtoets config show`` prints."""
    env = os.environ if env is None else env
    settings = load_settings(env, lang=lang, db=db)
    raw = _read_config(settings.config_path)

    def origin(key: str, option: object = None, variable: str | None = None) -> str:
        if option:
            return "option"
        if variable and env.get(variable):
            return "environment"
        return "file" if key in raw else "default"

    rows = [
        SettingSource(
            "home", str(settings.home), "environment" if env.get("HRTOETS_HOME") else "default"
        ),
        SettingSource(
            "config_file",
            str(settings.config_path),
            "file" if settings.config_path.is_file() else "default",
        ),
        SettingSource("language", settings.lang, origin("language", lang, "HRTOETS_LANG")),
        SettingSource("threshold", str(settings.threshold), origin("threshold")),
        SettingSource("rounding", settings.rounding.value, origin("rounding")),
        SettingSource("organisation", settings.organisation, origin("organisation")),
        SettingSource("signatory", settings.signatory, origin("signatory")),
        SettingSource("signatory_title", settings.signatory_title, origin("signatory_title")),
        SettingSource("officer", settings.officer, origin("officer")),
        SettingSource("index_url", settings.index_url, origin("index_url")),
        SettingSource("database", settings.database_url, origin("database", db, "HRTOETS_DB")),
        SettingSource("templates_dir", str(settings.templates_dir or ""), origin("templates_dir")),
        SettingSource("timezone", settings.timezone, origin("timezone")),
        SettingSource("place", settings.place, origin("place")),
    ]
    return settings, tuple(rows)


def config_template(settings: Settings) -> str:
    """The commented ``config.toml`` that ``hrtoets config init`` writes."""
    from hrtoets.messages import t

    return t(
        "config.template", settings.lang, path=settings.config_path, index_url=DEFAULT_INDEX_URL
    )
