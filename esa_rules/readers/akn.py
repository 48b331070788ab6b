"""Akoma Ntoso XML (OASIS LegalDocML): the structure is in the markup, so no segmenter is needed.

Chapters, articles, paragraphs and points come from their elements; their eIds are taken from the
document (``eId`` in AKN 3.0, ``id`` in 2.0), so evidence points at ids the publisher also uses. The
text is laid out as a plain draft would be, and as the other readers lay out their blocks ("Article 3
Scope" on a line of its own, one ``<p>`` per block, a blank line between blocks, ``<eol/>`` as a line
break), so matching and the title see the same words and lines as for a .txt. Text the markup leaves
unstructured is read as the segmenter reads a plain draft: what comes before the first unit is the
preamble, and a unit's own text before its first child unit is split into unnumbered paragraphs.
Parsing is SAX through defusedxml: entities and DTDs are refused, and the locator gives source lines.
"""

from __future__ import annotations

import re
from xml.sax.handler import ContentHandler

import attrs

from esa_rules.document import RANK, Anchor, Document, Unit
from esa_rules.errors import InputError
from esa_rules.numbering import match_heading
from esa_rules.paragraphs import segment_body, unique_eid
from esa_rules.readers.layout import finish
from esa_rules.readers.limits import sax_parse

NAME = "akn"
EXTENSIONS = (".akn", ".akn.xml")
_NAMESPACES = (b"docs.oasis-open.org/legaldocml/ns/akn", b"akomantoso.org/")
KINDS = {
    "book": "part", "part": "part", "title": "part", "chapter": "chapter", "subchapter": "chapter",
    "section": "section", "subsection": "section", "article": "article", "rule": "article",
    "paragraph": "paragraph", "subparagraph": "subparagraph", "point": "subparagraph",
    "item": "subparagraph", "indent": "subparagraph", "alinea": "subparagraph", "attachment": "annex",
    "annex": "annex",
}
_LABEL_WORD = {"part": "Part", "chapter": "Chapter", "section": "Section", "article": "Article",
               "annex": "Annex", "paragraph": "paragraph", "subparagraph": "subparagraph"}
_LINES = frozenset({"p", "docTitle", "docNumber", "longTitle", "subheading", "formula", "td", "th",
                    "li", "tblock", "citation", "recital", "preambleLine"})
# a table of contents (<toc>) restates the headings of the body: read, it would say each of them twice
_IGNORED = frozenset({"meta", "authorialNote", "noteRef", "remark", "componentRef", "documentRef", "toc"})
_INLINE_NUMBER = frozenset({"paragraph", "subparagraph"})
_STRUCTURAL = frozenset({"document", "part", "chapter", "annex", "section", "article"})
_EOL = "\ue000"  # stands for <eol/> in the character buffer until the line is written
_SEPARATOR = "\n\n"  # between blocks, as layout.assemble joins the blocks of the other formats
# a paragraph's or point's number in brackets or closed by one, or by a stop: "(1)", "1)", "c."
# "(c)", "c)", "c.", and "1 \u2014" as Portuguese drafting numbers a paragraph
_BRACKETED = re.compile(r"\((?P<inside>[^()\s]+)\)|(?P<before>[^()\s]+?)(?:[.)]|\s*[\u2013\u2014])?")
# "2.1", "2.1.3": a decimal outline's paragraph and point, cited as the segmenter cites them by their last number
_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{1,3}){0,2}\.(?P<own>\d{1,3})\.?")
_KEYWORD = re.compile(r"^\s*(?:book|part|title|chapter|section|article|art\.|annex|appendix|schedule|paragraph)\s+",
                      re.IGNORECASE)


def sniff(data: bytes, name: str) -> bool:
    head = data[:4096]
    return b"akomaNtoso" in head or any(ns in head for ns in _NAMESPACES) or name.lower().endswith(EXTENSIONS)


@attrs.define
class _Node:
    kind: str
    tag: str
    eid: str | None
    start: int
    number: str | None = None
    word: str = ""  # the draft's own word for an article it numbers otherwise ("Paragraph")
    heading: str | None = None
    heading_span: tuple[int, int] | None = None
    children: list[_Node] = attrs.Factory(list)
    announced: bool = False  # its "num heading" line is written


class _Builder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.length = 0
        self.anchors: list[Anchor] = []
        self.root = _Node("document", "akomaNtoso", None, 0)
        self.stack = [self.root]
        self.buffer: list[str] = []
        self.buffer_pos = (1, 1)
        # "num" | "heading" | "subheading" while inside those of a unit, before its content
        self.capture: str | None = None
        self.captured = {"num": "", "heading": "", "subheading": ""}
        self.ignored = 0
        self.prefix = ""  # a paragraph number waiting for the paragraph's first line
        self.title: str | None = None
        self._locator = None

    def setDocumentLocator(self, locator) -> None:
        self._locator = locator

    def _pos(self) -> tuple[int, int]:
        if self._locator is None:
            return 1, 1
        return self._locator.getLineNumber() or 1, (self._locator.getColumnNumber() or 0) + 1

    def _emit(self, text: str, position: tuple[int, int]) -> tuple[int, int] | None:
        pieces = [" ".join(piece.split()) for piece in f"{self.prefix} {text}".split(_EOL)]
        text = "\n".join(piece for piece in pieces if piece)
        self.prefix = ""
        if not text:
            return None
        if self.parts:
            self.parts.append(_SEPARATOR)
            self.length += len(_SEPARATOR)
        start = self.length
        self.anchors.append(Anchor(start, position[0], position[1]))
        # each line after an <eol/> still points at the block's position in the XML
        breaks = text.find("\n")
        while breaks >= 0:
            self.anchors.append(Anchor(start + breaks + 1, position[0], position[1]))
            breaks = text.find("\n", breaks + 1)
        self.parts.append(text)
        self.length += len(text)
        return start, self.length

    def _announce(self) -> None:
        """Write the innermost unit's "num heading" line before its first content."""
        node = self.stack[-1]
        if node.announced or node is self.root:
            return
        node.announced = True
        number, heading = self.captured["num"].strip(), self.captured["heading"].strip()
        note = " ".join(self.captured["subheading"].split())
        self.captured = {"num": "", "heading": "", "subheading": ""}
        node.number = _number(node.kind, number)
        heading_line = match_heading(" ".join(number.split())) if node.kind in _STRUCTURAL else None
        node.word = heading_line.word if heading_line is not None else ""  # "Paragraph 4" of a memorandum
        node.heading = " ".join(heading.split()) or None
        if node.heading is None and heading_line is not None and heading_line.number is None \
                and heading_line.title_start is not None:  # "AGREED MINUTES": an annex its kind names and titles
            node.heading = " ".join(number.split())[heading_line.title_start:heading_line.title_end]
        line = f"{number} {heading}" if heading else number
        if note:  # "FIRST SCHEDULE", "(Section 2)", "UNDERTAKINGS ...": the note heads the unit on its own line,
            line = _EOL.join(part for part in (number, note, heading) if part)  # as a plain draft sets it
        node.start = self.length + (len(_SEPARATOR) if self.parts else 0)
        if node.kind in _INLINE_NUMBER and not heading:
            # "1." and "(a)" open their first line of text, as in a printed treaty.
            self.prefix = " ".join(number.split())
            if self.prefix:
                node.heading_span = (node.start, node.start + len(self.prefix))
            return
        node.heading_span = self._emit(line, self.buffer_pos)

    def _flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        if text.strip():
            self._announce()
            self._emit(text, self.buffer_pos)

    def startElementNS(self, name, qname, attributes) -> None:
        tag = name[1]
        if self.ignored or tag in _IGNORED:
            self.ignored += 1
            return
        if tag in KINDS:
            self._flush()
            self._announce()
            values = {key[1]: value for key, value in attributes.items()}
            node = _Node(KINDS[tag], tag, values.get("eId") or values.get("id"), self.length)
            self.stack[-1].children.append(node)
            self.stack.append(node)
            self.buffer_pos = self._pos()
        elif (tag in ("num", "heading") or (tag == "subheading" and self.stack[-1].kind in _STRUCTURAL)) \
                and not self.stack[-1].announced and self.stack[-1] is not self.root:
            self.capture = tag
            self.buffer_pos = self._pos() if tag == "num" or not self.captured["num"] else self.buffer_pos
        elif tag in _LINES:
            self._flush()
            self.buffer_pos = self._pos()
        elif tag in ("eol", "br"):
            if self.capture:
                self.captured[self.capture] += " "
            else:
                self.buffer.append(_EOL)

    def endElementNS(self, name, qname) -> None:
        tag = name[1]
        if self.ignored:
            self.ignored -= 1
            return
        if tag in ("num", "heading", "subheading") and self.capture == tag:
            self.capture = None
        elif tag in _LINES:
            if tag == "docTitle" and self.title is None:
                self.title = "".join(self.buffer).replace(_EOL, "\n").strip() or None
            self._flush()
        elif tag in KINDS and len(self.stack) > 1:
            self._flush()
            self._announce()
            self.stack.pop()

    def characters(self, content: str) -> None:
        if self.ignored:
            return
        if self.capture:
            self.captured[self.capture] += content
            return
        if not self.buffer and content.strip():
            self.buffer_pos = self._pos()
        self.buffer.append(content)


def _number(kind: str, num: str) -> str | None:
    """The unit's number as the segmenter would cite it from the same words ("CHAPTER TWENTY-TWO BIS" ->
    "22 bis", "ARTICLE III" -> "III"), so labels match those of the same draft read from text."""
    heading = match_heading(" ".join(num.split())) if kind in _STRUCTURAL else None
    if heading is not None:
        return heading.number or ""  # "" for a bare "Annex": labelled by its kind alone
    bare = _KEYWORD.sub("", num).strip()
    if kind in _INLINE_NUMBER and (decimal := _DECIMAL.fullmatch(bare)) is not None:
        return decimal["own"]
    bracketed = _BRACKETED.fullmatch(bare) if kind in _INLINE_NUMBER else None
    if bracketed is not None:  # "(c)", "c)" and "c." are point c, "1)" and "(1)" paragraph 1, as the segmenter
        return bracketed["inside"] or bracketed["before"]  # numbers them; "1(a)" keeps its brackets
    return bare.rstrip(".") or None


def _freeze(text: str, node: _Node, end: int, parent: Unit | None, counters: dict[str, int],
            seen: dict[str, int]) -> Unit:
    word = node.word or _LABEL_WORD.get(node.kind, node.kind)
    number = node.number if node.number is not None else str(counters.setdefault(node.kind, 0) + 1)
    counters[node.kind] = counters.get(node.kind, 0) + 1
    if node.kind in ("paragraph", "subparagraph") and parent is not None and parent.kind != "document":
        label = f"{parent.label}, {word} {number}" if node.kind == "paragraph" else f"{parent.label}({number.strip('()')})"
    elif (node.kind == "section" and parent is not None and parent.kind in ("chapter", "part", "article")) \
            or (node.kind == "part" and parent is not None and parent.kind == "annex"):
        label = f"{parent.label}, {word} {number}"  # "Chapter 9, Section A", "Annex 1, Part B", as the segmenter labels them
    else:
        label = f"{word} {number}".strip() if node.kind != "document" else "Document"
    eid = node.eid or (f"{parent.eid}__{node.kind[:4]}_{number}" if parent and parent.eid else f"{node.kind[:4]}_{number}")
    start = min(node.start, end)
    shell = Unit(node.kind, label, eid if node.kind != "document" else "", start, end, node.number, node.heading,
                 node.heading_span)
    children: list[Unit] = []
    inner: dict[str, int] = {}
    starts = [max(start, min(child.start, end)) for child in node.children]
    own_end = starts[0] if starts else end
    body = node.heading_span[1] if node.heading_span and node.kind in _STRUCTURAL else start
    if node.kind in _STRUCTURAL and node.kind != "document" and text[body:own_end].strip():
        # text the markup leaves unstructured, split as the segmenter splits a plain draft's article
        children.extend(segment_body(text, body, own_end, label=label, eid=shell.eid, seen=seen))
    for index, child in enumerate(node.children):
        child_end = starts[index + 1] if index + 1 < len(starts) else end
        children.append(_freeze(text, attrs.evolve(child, start=starts[index]), max(child_end, starts[index]), shell,
                                inner, seen))
    return attrs.evolve(shell, children=tuple(children))


def _with_preamble(text: str, root: Unit, seen: dict[str, int]) -> Unit:
    """The root, with what comes before its first unit (title, preamble) as a "Preamble" unit of the
    top level, as the segmenter makes one from the text above a plain draft's first heading; a document
    with no units at all is split into paragraphs, as a plain draft without headings is."""
    if not root.children:
        return attrs.evolve(root, children=segment_body(text, 0, len(text), seen=seen))
    first = root.children[0].start
    opening = len(text[:first]) - len(text[:first].lstrip())
    if not text[:first].strip():
        return root
    top = max((u.kind for u in root.children), key=lambda kind: RANK[kind])
    preamble = Unit(top, "Preamble", unique_eid("preamble", seen), opening, first)
    preamble = attrs.evolve(preamble, children=segment_body(text, opening, first, label="Preamble",
                                                            eid=preamble.eid, seen=seen))
    return attrs.evolve(root, children=(preamble, *root.children))


def read(data: bytes, path: str, options: dict[str, str] | None = None) -> Document:
    builder = _Builder()
    try:
        sax_parse(data, builder, path, "Akoma Ntoso file")
    except RecursionError:
        raise InputError("the Akoma Ntoso file is nested too deeply to read", path=path) from None
    builder._flush()
    text = "".join(builder.parts)
    seen: dict[str, int] = {}
    root = attrs.evolve(_freeze(text, builder.root, len(text), None, {}, seen), start=0, end=len(text))
    return finish(data, path, text, NAME, root=_with_preamble(text, root, seen), title=builder.title,
                  anchors=tuple(builder.anchors), what="Akoma Ntoso")
