"""The document model every agreement template renders to, and the parser that builds it.

A template does not produce Word, Markdown or HTML: it produces plain lines, each starting with a
directive (``@title``, ``@p``, ``@party``, ``@article``, ``@clause``, ``@closing``, ``@sign``,
``@line``). One template per agreement and language therefore drives every output format, and the
writers — not the template author — decide how a title or an article looks in each of them.

A value can never start a directive. Values are cleaned to one line before rendering, and the
environment marks the start of every one-line ``{{ … }}`` output with :data:`MARK` (an invisible
word joiner): a line that starts with a mark was started by a value, not by the template, so it is
not a directive, and the parser drops the marks from the text. Only a multi-line output — the
package's clause macros — can bring directives of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar, Final

from hrtoets.errors import TemplateError
from hrtoets.messages import t

MARK: Final = "\u2060"
DIRECTIVES: Final = ("title", "p", "party", "article", "clause", "closing", "sign", "line")
_LINE: Final = re.compile(r"@(?P<directive>[a-z]+)(?:\s+(?P<text>.*))?")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Free text outside an article; ``clause`` marks the human-rights clause standing alone."""

    kind: ClassVar[str] = "paragraph"
    text: str
    clause: bool = False


@dataclass(frozen=True, slots=True)
class Parties:
    """The parties to the agreement, numbered in order."""

    kind: ClassVar[str] = "parties"
    parties: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """A numbered article; ``clause`` marks the article that carries the human-rights clause."""

    kind: ClassVar[str] = "article"
    number: int
    label: str  # "Artikel 3" / "Article 3"
    heading: str
    paragraphs: tuple[str, ...]
    clause: bool = False


@dataclass(frozen=True, slots=True)
class Signature:
    """One party's signature: who signs for whom, then the lines to fill in."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Signatures:
    """The signature block: the signatures side by side."""

    kind: ClassVar[str] = "signatures"
    signatures: tuple[Signature, ...]


Block = Paragraph | Parties | Article | Signatures


@dataclass(frozen=True, slots=True)
class Document:
    """A rendered agreement, independent of the output format."""

    title: str
    lang: str
    blocks: tuple[Block, ...]
    clauses: tuple[str, ...] = ()  # the text of every @clause line (where the clause check looks)

    def paragraphs(self) -> tuple[str, ...]:
        """Every paragraph of text, in order."""
        found: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                found.append(block.text)
            elif isinstance(block, Article):
                found.extend(block.paragraphs)
        return tuple(found)

    @property
    def parties(self) -> tuple[str, ...]:
        return tuple(p for b in self.blocks if isinstance(b, Parties) for p in b.parties)


@dataclass
class _Builder:
    """Collects blocks while the parser walks the lines; open article and signatures pending."""

    name: str
    lang: str
    title: str | None = None
    blocks: list[Block] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    article: tuple[str, list[str], bool] | None = None
    signatures: list[tuple[str, list[str]]] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    articles: int = 0

    def flush(self, keep: str = "") -> None:
        """Close every open group except ``keep`` (``parties``, ``article`` or ``signatures``)."""
        if keep != "parties" and self.parties:
            self.blocks.append(Parties(tuple(self.parties)))
            self.parties = []
        if keep != "article" and self.article is not None:
            heading, paragraphs, clause = self.article
            self.articles += 1
            label = t("agreements.article", self.lang, number=self.articles)
            self.blocks.append(
                Article(self.articles, label, heading, tuple(paragraphs), clause=clause)
            )
            self.article = None
        if keep != "signatures" and self.signatures:
            signed = tuple(Signature(label, tuple(lines)) for label, lines in self.signatures)
            self.blocks.append(Signatures(signed))
            self.signatures = []

    def add(self, directive: str, text: str, number: int) -> None:
        """Apply one directive line."""
        if directive == "clause":
            self.clauses.append(text)
        if directive == "title":
            self.title = text
        elif directive == "party":
            self.flush(keep="parties")
            self.parties.append(text)
        elif directive == "article":
            self.flush()
            self.article = (text, [], False)
        elif directive in {"p", "clause"} and self.article is not None:
            heading, paragraphs, clause = self.article
            self.article = (heading, [*paragraphs, text], clause or directive == "clause")
        elif directive in {"p", "clause", "closing"}:
            self.flush()
            self.blocks.append(Paragraph(text, clause=directive == "clause"))
        elif directive == "sign":
            self.flush(keep="signatures")
            self.signatures.append((text, []))
        elif self.signatures:  # directive == "line"
            self.signatures[-1][1].append(text)
        else:
            raise TemplateError("agreements.line_without_sign", name=self.name, line=number)


def parse_document(text: str, *, name: str, lang: str) -> Document:
    """The document a template rendered, or one sentence naming the first line that is wrong."""
    builder = _Builder(name, lang)
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line.replace(MARK, "").strip():
            continue
        match = _LINE.fullmatch(line)  # a line started by a value (MARK) never matches
        if match is None or match["directive"] not in DIRECTIVES:
            raise TemplateError(
                "agreements.bad_line",
                name=name,
                line=number,
                text=line.replace(MARK, "")[:60],
                directives=", ".join(f"@{d}" for d in DIRECTIVES),
            )
        builder.add(match["directive"], (match["text"] or "").replace(MARK, "").strip(), number)
    builder.flush()
    if not builder.title:
        raise TemplateError("agreements.no_title", name=name)
    return Document(builder.title, lang, tuple(builder.blocks), tuple(builder.clauses))
