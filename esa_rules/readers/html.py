"""HTML drafts: headings and paragraphs of the body, as a browser would show them.

Navigation, scripts, styles and forms are page chrome, not treaty text, and are dropped. Ordered lists
get the numbers the browser draws ("1.", "(a)" for ``type="a"``), since treaty paragraphs are often
marked up that way. A ``<br>`` breaks the line inside its block, as a Word line break does. A table keeps
its structure: one block, one line per row, its cells joined by " | " (as a Markdown table writes them),
so a sentence that points to "Table 1" points to its rows. The page's
``<title>`` names the browser tab (often the site), so the draft's title comes from its body, as for
every other format. Evidence lines are source lines of the HTML file.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from esa_rules.document import Document
from esa_rules.readers.docx_numbering import format_number
from esa_rules.readers.layout import Block, build_document

NAME = "html"
EXTENSIONS = (".html", ".htm", ".xhtml")
_SKIP = frozenset({"script", "style", "nav", "noscript", "template", "svg", "math", "iframe", "object",
                   "form", "button", "select", "head", "canvas", "audio", "video"})
_BLOCK = frozenset({"p", "div", "li", "dt", "dd", "td", "th", "tr", "blockquote", "pre", "section", "article",
                    "header", "footer", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
                    "table", "caption", "figcaption", "address", "hr", "body", "center", "summary"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
                   "track", "wbr", "param"})
_OL_FORMAT = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_MARKERS = (b"<!doctype html", b"<html", b"<body", b"<head", b"<p>", b"<h1", b"<div")


def sniff(data: bytes, name: str) -> bool:
    if name.lower().endswith(EXTENSIONS):
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<") and any(marker in head for marker in _MARKERS[1:]) and b"<akomantoso" not in head
    )


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """BOM, then a declared meta charset, then UTF-8, then cp1252 (with a notice)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), ()
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii"))
            if codec.name not in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"):
                return data.decode(codec.name, errors="replace"), ()
        except (LookupError, UnicodeError):
            pass
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), ("decoded as cp1252 (not valid UTF-8, no charset declared)",)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._lines: list[str] = []  # the current block's lines ended by <br>
        self._parts: list[str] = []
        self._start: tuple[int, int] | None = None
        self._skip: list[str] = []  # open skipped elements; text inside any of them is dropped
        self._lists: list[list] = []  # [format, next number] per open <ol>/<ul>
        self._tables = 0  # open <table> elements: inside one, cells join a row and rows join a block
        self._cells = 0  # cells begun in the current row
        self._heading = False  # the current block is an <h1> ... <h6>

    def _break(self) -> None:
        line = " ".join("".join(self._parts).split())
        if line:
            self._lines.append(line)
        self._parts = []

    def _flush(self) -> None:
        self._break()
        if self._lines and self._start is not None:
            self.blocks.append(Block(text="\n".join(self._lines), line=self._start[0], column=self._start[1] + 1,
                                     heading=self._heading))
        self._lines, self._start, self._heading = [], None, False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        hidden = values.get("role") == "navigation" or "hidden" in values or values.get("aria-hidden") == "true"
        if tag in _SKIP or (hidden and tag not in _VOID) or self._skip:
            if tag not in _VOID:
                self._skip.append(tag)
            return
        if self._tables and tag in ("td", "th"):
            if self._cells:
                self._parts.append(" | ")
            self._cells += 1
        elif self._tables and tag == "tr":
            self._break()
            self._cells = 0
        elif self._tables and tag not in ("table", "caption") and tag in _BLOCK:
            self._parts.append(" ")  # a paragraph inside a cell is part of the cell
        elif tag in _BLOCK:
            self._flush()
            self._heading = tag in _HEADINGS
        elif tag == "br":
            self._break()
        if tag == "table":
            self._tables += 1
            self._cells = 0
        if tag == "ol":
            self._lists.append([_OL_FORMAT.get(values.get("type") or "1", "decimal"), _int(values.get("start"))])
        elif tag == "ul":
            self._lists.append(["bullet", 1])
        elif tag == "li" and self._lists and self._lists[-1][0] != "bullet":
            current = self._lists[-1]
            number = _int(values.get("value"), current[1])
            current[1] = number + 1
            marker = format_number(number, current[0])
            self._mark(f"({marker}) " if current[0] in ("lowerLetter", "lowerRoman") else f"{marker}. ")

    def _mark(self, text: str) -> None:
        if self._start is None:
            self._start = self.getpos()
        self._parts.append(text)

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag in self._skip:
                while self._skip and self._skip.pop() != tag:
                    pass
            return
        if self._tables and tag == "tr":
            self._break()
            self._cells = 0
        elif self._tables and tag == "caption":
            self._flush()  # "Table 1 - Treatment of listed goods" heads the rows as a block of its own
        elif self._tables and tag != "table":
            pass
        elif tag in _BLOCK:
            self._flush()
        if tag == "table" and self._tables:
            self._tables -= 1
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK and not self._skip:
            self._flush()
        elif tag == "br" and not self._skip:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._skip or not data.strip():
            if data and self._parts:
                self._parts.append(" ")
            return
        self._mark(data)


def _int(text: str | None, default: int = 1) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def extract(text: str) -> list[Block]:
    parser = _Extractor()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.blocks


def read(data: bytes, path: str, options: dict[str, str] | None = None) -> Document:
    text, notices = decode(data)
    return build_document(data, path, extract(text.replace("\r\n", "\n")), NAME, notices=notices)
