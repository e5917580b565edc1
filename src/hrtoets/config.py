"""Where state lives and what the user configured.

Everything hrtoets keeps — ``config.toml``, imported index editions, the default SQLite register —
lives under one folder: ``HRTOETS_HOME``, or the platform's user data directory. Precedence for the
language: ``--lang`` > ``HRTOETS_LANG`` > ``language`` in ``config.toml`` > Dutch.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from hrtoets.errors import ConfigError
from hrtoets.messages import DEFAULT_LANGUAGE, LANGUAGES
from hrtoets.rule import DEFAULT_THRESHOLD, Rounding

CONFIG_FILE: Final = "config.toml"
DEFAULT_INDEX_URL: Final = (
    "https://worldjusticeproject.org/rule-of-law-index/downloads/"
    "{edition}_wjp_rule_of_law_index_HISTORICAL_DATA_FILE.xlsx"
)
DEFAULT_ORGANISATION: Final = "Stad Gent"

_KNOWN_KEYS: Final = frozenset(
    {
        "threshold",
        "rounding",
        "language",
        "organisation",
        "signatory",
        "signatory_title",
        "index_url",
        "database",
        "templates_dir",
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
    index_url: str = DEFAULT_INDEX_URL
    database: str | None = None
    templates_dir: Path | None = None

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
    chosen_lang = lang or env.get("HRTOETS_LANG") or raw.get("language") or DEFAULT_LANGUAGE
    templates = raw.get("templates_dir")
    return Settings(
        home=home,
        lang=check_lang(str(chosen_lang)),
        threshold=_threshold(raw.get("threshold", DEFAULT_THRESHOLD)),
        rounding=_rounding(raw.get("rounding", Rounding.PUBLISHED.value)),
        organisation=str(raw.get("organisation", DEFAULT_ORGANISATION)),
        signatory=str(raw.get("signatory", "")),
        signatory_title=str(raw.get("signatory_title", "")),
        index_url=str(raw.get("index_url", DEFAULT_INDEX_URL)),
        database=db or env.get("HRTOETS_DB") or raw.get("database"),
        templates_dir=Path(str(templates)).expanduser() if templates else None,
    )


def _read_config(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError("config.unreadable", path=path, error=exc.strerror) from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("config.bad_toml", path=path, error=str(exc)) from exc
    unknown = sorted(set(data) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(
            "config.unknown_keys",
            path=path,
            keys=", ".join(unknown),
            known=", ".join(sorted(_KNOWN_KEYS)),
        )
    return data


def _threshold(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ConfigError("config.bad_threshold", value=value)
    return float(value)


def _rounding(value: object) -> Rounding:
    try:
        return Rounding(str(value))
    except ValueError:
        raise ConfigError(
            "config.bad_rounding", value=value, choices=", ".join(r.value for r in Rounding)
        ) from None
