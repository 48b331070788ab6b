"""ToTA XML (Texts of Trade Agreements): <treaty><meta/><body><chapter><article/></chapter></body>.

Chapters and articles come from the XML; the text is rebuilt as a readable draft, one heading line per
chapter ("CHAPTER 29 Exceptions And General Provisions") and per article ("ARTICLE 29.2 Security
Exceptions"), each article's text as the source wrote it. Paragraphs inside an article come from the
segmenter. Anchors point every heading and every article text back to its line in the XML file, so
``file:line`` diagnostics open the right place.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

import attrs

from esa_rules.document import Anchor, Document, Unit
from esa_rules.errors import InputError
from esa_rules.numbering import canonical_number
from esa_rules.paragraphs import segment_body, unique_eid
from esa_rules.readers.layout import finish
from esa_rules.readers.limits import parse_xml

NAME = "tota"
EXTENSIONS = (".xml",)
# The prolog may hold comments and a DOCTYPE (with an internal subset); sniffing looks past them so that a
# hostile DTD reaches the parser and is refused there, instead of the file passing for another format.
_ROOT = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*"
    rb"<treaty[\s>/]",
    re.DOTALL,
)
_ARTICLE_TAG = re.compile(rb"<article\b[^>]*>")
_KEYWORD = re.compile(r"^\s*(?:chapter|article|art\.)\s+", re.IGNORECASE)


def sniff(data: bytes, name: str) -> bool:
    return _ROOT.match(data[:4096]) is not None


def _number(kind: str, raw: str | None) -> str | None:
    """ "CHAPTER ONE" -> "1", "ARTICLE 29.2" -> "29.2"; None when there is no usable number."""
    if not raw or not raw.strip():
        return None
    number = _KEYWORD.sub("", raw.strip()).strip().rstrip(".:")
    return canonical_number(kind, number) if number else None


@attrs.frozen
class _Planned:
    """A chapter or article placed in the text; units are made once the whole text exists."""

    kind: str
    label: str
    eid: str
    start: int
    number: str | None
    heading: str | None
    heading_span: tuple[int, int] | None
    body_start: int
    key: str | None
    articles: tuple[_Planned, ...] = ()
    end: int = 0


@attrs.define
class _Builder:
    """Accumulates the text and its anchors while walking the XML."""

    data: bytes
    parts: list[str] = attrs.Factory(list)
    length: int = 0
    anchors: list[Anchor] = attrs.Factory(list)
    seen: dict[str, int] = attrs.Factory(dict)
    starts: list[tuple[int, int]] = attrs.Factory(list)  # where each <article>'s text begins in the XML

    def add(self, text: str, line: int, column: int) -> int:
        at = self.length
        self.anchors.append(Anchor(at, line, column))
        self.parts.append(text)
        self.length += len(text)
        return at

    def heading(self, text: str, line: int) -> tuple[int, int] | None:
        if not text:
            return None
        start = self.add(text, line, 1)
        self.add("\n", line, 1)
        return start, start + len(text)

    def locate_articles(self) -> None:
        """Line and column just after each <article ...> tag, found by scanning the raw bytes once
        (ElementTree keeps no line numbers, and articles appear in the same order in both)."""
        line, line_start, position = 1, 0, 0
        for tag in _ARTICLE_TAG.finditer(self.data):
            newlines = self.data.count(b"\n", position, tag.end())
            if newlines:
                line += newlines
                line_start = self.data.rfind(b"\n", position, tag.end()) + 1
            position = tag.end()
            column = len(self.data[line_start : tag.end()].decode("utf-8", errors="replace")) + 1
            self.starts.append((line, column))


def _heading_line(raw_number: str | None, name: str | None) -> str:
    return " ".join(x for x in ((raw_number or "").strip(), name or "") if x)


def _plan_chapter(
    builder: _Builder, chapter: Element, index: int, article_index: int
) -> tuple[_Planned, int]:
    raw_number, name = chapter.get("number"), " ".join((chapter.get("name") or "").split()) or None
    number = _number("chapter", raw_number)
    ident = chapter.get("chapter_identifier") or str(index + 1)
    if (name or "").lower() == "preamble" and number is None:
        label, own = "Preamble", "preamble"
    else:
        label = f"Chapter {number}" if number else f"Chapter {name}" if name else f"Chapter [{ident}]"
        own = f"chp_{number}" if number else f"chp_id{ident}"
    eid = unique_eid(own, builder.seen)
    line = builder.starts[article_index][0] if article_index < len(builder.starts) else 1
    start = builder.length
    span = builder.heading(_heading_line(raw_number, name), line)
    articles: list[_Planned] = []
    for article in chapter.findall("article"):
        articles.append(_plan_article(builder, article, eid, article_index))
        article_index += 1
    body_start = builder.length
    if (
        label == "Preamble"
        and len(articles) == 1
        and articles[0].number is None
        and articles[0].heading is None
    ):
        body_start, articles = articles[0].body_start, []  # its paragraphs sit right under "Preamble"
    planned = _Planned(
        "chapter",
        label,
        eid,
        start,
        number,
        name,
        span,
        body_start,
        chapter.get("chapter_identifier"),
        tuple(articles),
        builder.length,
    )
    return planned, article_index


def _plan_article(builder: _Builder, article: Element, chapter_eid: str, index: int) -> _Planned:
    raw_number, name = article.get("number"), " ".join((article.get("name") or "").split()) or None
    number = _number("article", raw_number)
    ident = article.get("article_identifier") or str(index + 1)
    line, column = builder.starts[index] if index < len(builder.starts) else (1, 1)
    label = f"Article {number}" if number else f"Article {name}" if name else f"Article [{ident}]"
    own = f"art_{number}" if number else f"art_id{ident}"
    eid = unique_eid(f"{chapter_eid}__{own}", builder.seen)
    start = builder.length
    span = builder.heading(_heading_line(raw_number, name), line)
    text = article.text or ""
    body_start = builder.add(text, line, column)
    builder.add("\n\n", line + text.count("\n"), 1)
    return _Planned("article", label, eid, start, number, name, span, body_start, ident, (), builder.length)


def _unit(text: str, planned: _Planned, seen: dict[str, int]) -> Unit:
    if planned.articles:
        children = tuple(_unit(text, article, seen) for article in planned.articles)
    else:
        children = segment_body(
            text, planned.body_start, planned.end, label=planned.label, eid=planned.eid, seen=seen
        )
    return Unit(
        planned.kind,
        planned.label,
        planned.eid,
        planned.start,
        planned.end,
        planned.number,
        planned.heading,
        planned.heading_span,
        children,
        key=planned.key,
    )


def read(data: bytes, path: str, options: dict[str, str] | None = None) -> Document:
    root = parse_xml(data, path, "ToTA XML")
    if root.tag != "treaty":
        raise InputError(f"not a ToTA treaty file (root element <{root.tag}>)", path=path)
    body = root.find("body")
    if body is None:
        raise InputError("ToTA file has no <body>", path=path)
    builder = _Builder(data)
    builder.locate_articles()
    planned: list[_Planned] = []
    article_index = 0
    for index, chapter in enumerate(body.findall("chapter")):
        chapter_plan, article_index = _plan_chapter(builder, chapter, index, article_index)
        planned.append(chapter_plan)
    text = "".join(builder.parts)
    if not text.strip():
        raise InputError("ToTA file has no article text", path=path)
    chapters = tuple(_unit(text, chapter, builder.seen) for chapter in planned)
    title = " ".join((root.findtext("meta/name") or "").split()) or None
    return finish(data, path, text, NAME, root=Unit("document", "Document", "doc", 0, len(text), children=chapters),
                  title=title, anchors=tuple(builder.anchors), keyed=True)
