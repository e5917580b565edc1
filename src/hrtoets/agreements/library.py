"""Where agreement templates come from, how they are rendered, and the clause every one must carry.

Templates live in the package (``hrtoets/templates/clauses/<lang>/<name>.j2``, found through
``importlib.resources`` so they work from a wheel) and, optionally, in the user's template folder
(``templates_dir`` in ``config.toml``, same layout), which may add templates or override built-in
ones. Files whose name starts with ``_`` — the clause macros and the HTML page — come from the
package only: a user folder can change an agreement, never the clause's wording.

Rendering is sandboxed (user templates are not trusted code) with ``StrictUndefined`` (a missing
variable is an error naming it, never an empty gap in a contract). The clause check looks at the
rendered document, not at the template's source: an agreement is accepted only when one of its
``@clause`` lines is the clause exactly as the package's ``_clause.j2`` words it in that language,
so a template cannot pass by importing the macro and never calling it, by calling it under a false
condition, or by a value that happens to hold the clause's text (a value cannot start a line, so it
cannot make a ``@clause`` line; see :mod:`hrtoets.agreements.model`).

Templates are read as UTF-8, a BOM allowed (Windows Notepad writes one). What a template uses is
read from its source (and from what it includes), so a ``--var`` the template does not use — a
typo — is refused instead of silently dropped; a template that includes itself is refused before
it is rendered.

A template cannot make hrtoets hang or run out of memory: rendering stops after
:data:`RENDER_SECONDS` and at :data:`MAX_OUTPUT` characters, one expression cannot build a text or
list longer than :data:`MAX_SEQUENCE` (``"x" * 10**9``) or a huge power, ``lipsum`` is not
offered, and ``range`` is the sandbox's bounded one. Any error while a template runs (a division by
zero, a wrong type) is one sentence naming the template and its line.
"""

from __future__ import annotations

import functools
import re
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import jinja2
from jinja2 import meta
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from hrtoets.agreements.model import MARK, Document, parse_document
from hrtoets.errors import ConfigError, TemplateError
from hrtoets.messages import LANGUAGES

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

SUFFIX: Final = ".j2"
CLAUSE_FILE: Final = "_clause.j2"
HTML_PAGE: Final = "_document.html.j2"
_NAME: Final = re.compile(r"[a-z][a-z0-9_-]*")
_MISSING_KEYS: Final = {
    "partner": "agreements.missing_partner",
    "countries": "agreements.missing_countries",
}
_TITLE: Final = re.compile(r"^@title[ \t]+(.+)$", re.MULTILINE)
RENDER_SECONDS: Final = 10.0
MAX_OUTPUT: Final = 5_000_000  # characters of one rendered agreement (the built-ins: ~3,000)
MAX_SEQUENCE: Final = 1_000_000  # items or characters one ``*`` may build
MAX_EXPONENT: Final = 1_000
_WITHHELD: Final = frozenset({"lipsum"})  # Jinja globals a template is not given
_VARIABLE: Final = re.compile(r"[A-Za-z][A-Za-z0-9_]*")  # what --var accepts (check_name)


class _OutOfTime(Exception):
    """Rendering took longer than :data:`RENDER_SECONDS`."""


class _TooLarge(jinja2.exceptions.SecurityError):
    """A template builds more than the limits allow."""


def package_root() -> Traversable:
    """The built-in templates inside the installed package."""
    return files("hrtoets") / "templates" / "clauses"


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    """One agreement template in one language, and where it comes from."""

    name: str
    lang: str
    title: str
    origin: str  # "package" or "user"
    location: str  # the file, for a person to open

    def to_json(self) -> dict[str, str]:
        return {
            "name": self.name,
            "lang": self.lang,
            "title": self.title,
            "origin": self.origin,
            "location": self.location,
        }


class MissingVariable(Exception):
    """Raised by the strict undefined with the variable's name, so the message can name it."""

    def __init__(self, variable: str, message: str) -> None:
        super().__init__(message)
        self.variable = variable


def _reserved(name: str) -> bool:
    return any(part.startswith("_") for part in name.split("/"))


def _read(file: Traversable | Path) -> str:
    """A template's text; one sentence naming the file when it is not UTF-8."""
    try:
        return file.read_text(encoding="utf-8-sig")  # a BOM (Windows Notepad) is not text
    except UnicodeDecodeError:
        raise TemplateError("agreements.not_utf8", path=file) from None


def _entries(root: Traversable | Path, lang: str) -> Iterator[tuple[str, str, str]]:
    """(name, source, location) of every agreement template of ``lang`` under ``root``."""
    folder = root / lang
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        stem = entry.name.removesuffix(SUFFIX)
        if entry.name.endswith(SUFFIX) and _NAME.fullmatch(stem) and entry.is_file():
            yield stem, _read(entry), str(entry)


class TemplateLibrary:
    """The built-in templates plus the user's folder, in one sandboxed Jinja2 environment."""

    def __init__(self, user_dir: Path | None = None) -> None:
        if user_dir is not None and not user_dir.is_dir():
            raise ConfigError("agreements.no_templates_dir", path=user_dir)
        self.user_dir = user_dir
        self._loader = _Loader(package_root(), user_dir)
        self.env = _environment(self._loader)
        self._page_env = _environment(self._loader, finalize=False)
        self._uses: dict[str, frozenset[str] | None] = {}

    def templates(self) -> tuple[TemplateInfo, ...]:
        """Every template and language, a user template shadowing the built-in one."""
        return self._catalogue

    @functools.cached_property
    def _catalogue(self) -> tuple[TemplateInfo, ...]:
        """Read once per library: the folders do not change while a command runs."""
        found: dict[tuple[str, str], TemplateInfo] = {}
        roots: list[tuple[str, Traversable | Path | None]] = [
            ("package", package_root()),
            ("user", self.user_dir),
        ]
        for origin, root in roots:
            for lang in LANGUAGES:
                for name, source, location in _entries(root, lang) if root else ():
                    match = _TITLE.search(source)
                    title = match[1].strip() if match else name
                    found[name, lang] = TemplateInfo(name, lang, title, origin, location)
        return tuple(found[key] for key in sorted(found))

    def source(self, name: str, lang: str) -> str:
        """The Jinja2 text of a template (what ``clause show --source`` prints)."""
        self._template(name, lang)  # the same refusals as for rendering
        return self._loader.get_source(self.env, _path(name, lang))[0]

    def render(
        self, name: str, lang: str, variables: Mapping[str, Any], *, preview: bool = False
    ) -> Document:
        """Render template ``name`` in ``lang`` to a document that carries the clause.

        ``preview`` shows a variable nobody gave as ``‹name›`` instead of refusing it.
        """
        template = self._template(name, lang, self._preview_env if preview else self.env)
        self.variables(name, lang)  # refuses a template that includes itself
        try:
            text = _bounded_render(template, {**variables, "lang": lang})
        except MissingVariable as exc:
            if exc.variable in _WITHHELD or not _VARIABLE.fullmatch(exc.variable):
                # lipsum, or a name no --var could give (__mro__): not a variable to ask for
                raise TemplateError("agreements.unsafe", name=name) from None
            key = _MISSING_KEYS.get(exc.variable, "agreements.missing_variable")
            raise TemplateError(key, name=name, variable=exc.variable) from None
        except _TooLarge:
            raise TemplateError("agreements.too_large", name=name, limit=MAX_OUTPUT) from None
        except _OutOfTime:
            raise TemplateError(
                "agreements.too_slow", name=name, seconds=f"{RENDER_SECONDS:g}"
            ) from None
        except jinja2.exceptions.SecurityError as exc:  # Jinja's detail: with --debug only
            raise TemplateError("agreements.unsafe", name=name) from exc
        except jinja2.TemplateError as exc:
            raise TemplateError("agreements.broken", name=name, error=str(exc)) from None
        except RecursionError:  # a macro that calls itself, or an include by a computed name
            raise TemplateError("agreements.recursion", name=name) from None
        except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError) as exc:
            line = _line(template, exc)
            error = f"{type(exc).__name__}: {exc}"[:200]
            raise TemplateError("agreements.runtime", name=name, line=line, error=error) from exc
        except MemoryError:
            raise TemplateError("agreements.too_large", name=name, limit=MAX_OUTPUT) from None
        document = parse_document(text, name=name, lang=lang)
        if clause_text(self.env, lang) not in document.clauses:
            raise TemplateError("agreements.no_clause", name=name, lang=lang)
        return document

    def variables(self, name: str, lang: str) -> frozenset[str] | None:
        """The variables template ``name`` reads, with what it includes or imports.

        None when a template includes another by a computed name, so what it reads is unknown.
        """
        path = _path(name, lang)
        if path not in self._uses:
            self._template(name, lang)
            found: set[str] = set()
            known = self._scan(path, (), found)
            self._uses[path] = frozenset(found) if known else None
        return self._uses[path]

    def _scan(self, template: str, chain: tuple[str, ...], found: set[str]) -> bool:
        """Add what ``template`` reads to ``found``; False when an include's name is computed."""
        try:
            source, filename, _ = self._loader.get_source(self.env, template)
        except jinja2.TemplateNotFound:
            return True  # rendering says so, with the name
        if template in chain:
            raise TemplateError("agreements.cycle", path=filename or template)
        try:
            tree = self.env.parse(source, template, filename)
        except jinja2.TemplateSyntaxError as exc:
            raise _syntax_error(exc) from None
        found.update(meta.find_undeclared_variables(tree))
        known = True
        for other in meta.find_referenced_templates(tree):
            if other is None or not self._scan(other, (*chain, template), found):
                known = False
        return known

    def render_html(self, document: Document) -> str:
        """The document as an HTML page; the page template is autoescaped."""
        return self._page_env.get_template(HTML_PAGE).render(doc=document)

    @functools.cached_property
    def _preview_env(self) -> jinja2.Environment:
        return self.env.overlay(undefined=_Placeholder)

    def _template(
        self, name: str, lang: str, env: jinja2.Environment | None = None
    ) -> jinja2.Template:
        known = {info.name for info in self.templates()}
        if name not in known or not _NAME.fullmatch(name):
            raise TemplateError(
                "agreements.unknown_template", name=name, names=", ".join(sorted(known))
            )
        try:
            return (env or self.env).get_template(_path(name, lang))
        except jinja2.TemplateNotFound:
            langs = [i.lang for i in self.templates() if i.name == name]
            raise TemplateError(
                "agreements.no_language", name=name, lang=lang, langs=", ".join(langs)
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            raise _syntax_error(exc) from None


def _bounded_render(template: jinja2.Template, context: Mapping[str, Any]) -> str:
    """The rendered text, within :data:`RENDER_SECONDS` and :data:`MAX_OUTPUT` characters."""
    pieces: list[str] = []
    size = 0
    deadline = time.monotonic() + RENDER_SECONDS
    with _alarm(RENDER_SECONDS):
        for piece in template.generate(context):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise _TooLarge
            if time.monotonic() > deadline:  # where no alarm can ring (another thread, Windows)
                raise _OutOfTime
            pieces.append(piece)
    return "".join(pieces)


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt a template that loops without writing anything, after ``seconds``.

    Only the main thread of a POSIX process has a timer signal; elsewhere the checks between
    pieces of output in :func:`_bounded_render` are the bound.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def ring(_signum: int, _frame: Any) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _line(template: jinja2.Template, exc: BaseException) -> int | str:
    """The template line an error happened on (Jinja puts template lines in the traceback)."""
    names = {template.filename, template.name, "<template>"}
    lines = [
        frame.lineno
        for frame in traceback.extract_tb(exc.__traceback__)
        if frame.filename in names or frame.filename.endswith(".j2")
    ]
    return lines[-1] if lines and lines[-1] is not None else "?"


def _syntax_error(exc: jinja2.TemplateSyntaxError) -> TemplateError:
    return TemplateError(
        "agreements.syntax", path=exc.filename or exc.name, line=exc.lineno, error=exc.message
    )


def clause_text(env: jinja2.Environment, lang: str) -> str:
    """The clause in ``lang``, exactly as the package's ``_clause.j2`` words it."""
    module: Any = env.get_template(CLAUSE_FILE).module
    return str(module.sentence(lang)).strip()


def _path(name: str, lang: str) -> str:
    return f"{lang}/{name}{SUFFIX}"


class _MissingUndefined(jinja2.StrictUndefined):
    """``StrictUndefined`` that raises :class:`MissingVariable` carrying the variable's name."""

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self._undefined_exception is jinja2.UndefinedError:  # not the sandbox's SecurityError
            factory = functools.partial(MissingVariable, str(self._undefined_name or "?"))
            # Jinja raises ``self._undefined_exception(message)``; a factory keeps the name.
            self._undefined_exception = factory  # type: ignore[assignment]


class _Placeholder(jinja2.Undefined):
    """For previews: a variable nobody gave shows as ``‹name›``; ``is defined`` stays false."""

    __slots__ = ()

    def __str__(self) -> str:
        return f"‹{self._undefined_name}›"


class _Loader(jinja2.BaseLoader):
    """User folder first (when set) for agreement templates; the package for the rest."""

    def __init__(self, package: Traversable, user_dir: Path | None) -> None:
        self.package = package
        self.user_dir = user_dir

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        parts = split_template_path(template)  # refuses ".." and absolute names
        if self.user_dir is not None and not _reserved(template):
            path = self.user_dir.joinpath(*parts)
            if path.is_file():
                mtime = path.stat().st_mtime
                return _read(path), str(path), lambda: path.stat().st_mtime == mtime
        node = self.package
        for part in parts:
            node = node / part
        if not node.is_file():
            raise jinja2.TemplateNotFound(template)
        return _read(node), None, lambda: True


def _mark(value: object) -> str:
    """Every one-line ``{{ … }}`` output starts with :data:`MARK`, so it cannot start a directive.

    Multi-line output (the clause macros) is left alone: values are one line (see variables.py).
    """
    text = str(value)
    return text if "\n" in text else MARK + text


def _environment(loader: _Loader, *, finalize: bool = True) -> jinja2.Environment:
    """The sandbox: strict variables, values marked, HTML autoescaped, the clause from the package.

    The HTML page (``finalize=False``) is rendered from a finished document: nothing to mark.
    """
    env = _BoundedSandbox(
        loader=loader,
        undefined=_MissingUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2")),
        lstrip_blocks=True,
        finalize=_mark if finalize else None,
    )
    for name in _WITHHELD:  # lipsum(10**7) is hours of text and gigabytes
        env.globals.pop(name, None)
    env.filters["listed"] = listed
    return env


_AND: Final = {"nl": "en", "en": "and", "fr": "et", "de": "und"}


def listed(items: object, lang: str = "nl") -> str:
    """Names as a sentence lists them: "Duitsland en Frankrijk", "A, B en C" (`| listed(lang)`)."""
    names = [str(item) for item in items] if isinstance(items, list | tuple) else [str(items)]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {_AND.get(lang, 'and')} {names[-1]}"


class _BoundedSandbox(SandboxedEnvironment):
    """The sandbox, with ``*`` and ``**`` unable to build what no agreement needs."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and _number(right) and abs(right) > MAX_EXPONENT:
            raise _TooLarge
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                built = isinstance(sequence, str | list | tuple) and _number(count)
                if built and len(sequence) * count > MAX_SEQUENCE:
                    raise _TooLarge
        return super().call_binop(context, operator, left, right)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
