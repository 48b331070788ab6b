"""PDF drafts: the text layer, page by page, through pypdf.

A PDF is a printout, so its text carries the printer's furniture: running headers and footers on every
page, page numbers, and words hyphenated at line ends. Those are stripped or rejoined here so that the
same draft reads the same as its .docx or .txt. Evidence points at page and line (lines count from the
top of the page as printed, headers included, so a reader can find them on paper).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from typing import Any

import attrs

from esa_rules.document import Anchor, Document
from esa_rules.errors import InputError
from esa_rules.numbering import match_heading
from esa_rules.readers.layout import Block, build_document
from esa_rules.readers.limits import MAX_PDF_PAGES, Deadline

NAME = "pdf"
EXTENSIONS = (".pdf",)
# pypdf reports damaged structure through logging; the reader turns what matters into InputErrors, and
# without a handler Python's last-resort handler would spray those warnings on stderr.
logging.getLogger("pypdf").addHandler(logging.NullHandler())
logging.getLogger("pypdf").propagate = False

_PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+)?[-\u2013\u2014]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-\u2013\u2014]?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
_HYPHENATED = re.compile(r"([^\W\d_]{2,})[-\u00ad]$")
# Line-end hyphens after these are part of the word ("non-market", "self-judging"), not hyphenation.
_KEEP_HYPHEN = frozenset({
    "non", "self", "anti", "co", "cross", "counter", "ex", "multi", "inter", "intra", "sub", "third",
    "dual", "long", "short", "state", "well", "semi", "quasi", "pre", "post", "over", "under", "socio",
    "macro", "micro", "cyber", "bi", "tri", "pluri", "so", "all", "high", "low", "end", "e",
})
_MARKER = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s|\([a-z0-9]{1,5}\)|(?:article|chapter|section|annex|part)\s)",
                     re.IGNORECASE)
_EDGE = 2  # how many lines at the top and bottom of a page may be running furniture


def sniff(data: bytes, name: str) -> bool:
    return b"%PDF-" in data[:1024] or name.lower().endswith(EXTENSIONS)


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


@attrs.frozen
class Line:
    text: str
    y: float | None = None  # baseline height on the page, from the bottom; None when unknown
    size: float | None = None  # font size as drawn
    font: str | None = None  # the font's name ("DejaVuSans-Bold"): a heading's bold face ends with it


def _lines_with_geometry(page: Any) -> list[Line]:
    """The page's text lines (as pypdf lays them out), each with the height and font size of its first
    drawn fragment, which is what tells a wrapped line from a new paragraph."""
    lines: list[Line] = []
    current: list[str] = []
    where: list[tuple[float, float, str | None] | None] = [None]

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                _close()
            if piece.strip() and where[0] is None:
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                scale = abs(tm[3] * cm[3]) or 1.0
                where[0] = (y, size * scale, _font_name(font))
            current.append(piece)

    def _close() -> None:
        position = where[0]
        lines.append(Line("".join(current), *(position or (None, None, None))))
        current.clear()
        where[0] = None

    page.extract_text(visitor_text=visit)
    _close()
    return lines


def _font_name(font: Any) -> str | None:
    """A font's base name without the subset tag ("/BAAAAA+DejaVuSans" -> "DejaVuSans")."""
    try:
        name = str(font.get("/BaseFont", "")) if font is not None else ""
    except Exception:  # a damaged font dictionary only costs the hint
        return None
    return name.lstrip("/").partition("+")[2] or name.lstrip("/") or None


def _page_lines(data: bytes, path: str) -> list[list[Line]]:
    """Text lines of every page; encryption and damage become InputErrors."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    deadline = Deadline(path)
    try:
        reader = PdfReader(_stream(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise InputError(f"the PDF is encrypted and cannot be decrypted here ({exc})", path=path) from None
            if not opened:
                raise InputError(
                    "the PDF is encrypted with a password; save an unprotected copy and check that", path=path
                )
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise InputError(f"the PDF has {count:,} pages, over the {MAX_PDF_PAGES:,}-page limit", path=path)
        pages = []
        for page in reader.pages:
            deadline.check()
            pages.append(_lines_with_geometry(page))
        return pages
    except InputError:
        raise
    except FileNotDecryptedError:
        raise InputError("the PDF is encrypted with a password; save an unprotected copy", path=path) from None
    except (PdfReadError, RecursionError) as exc:
        raise InputError(f"the PDF is damaged or truncated ({exc})", path=path) from None
    except MemoryError:
        raise InputError("the PDF needs too much memory to read", path=path) from None
    except Exception as exc:  # pypdf raises many types on damaged files; all mean "unreadable"
        raise InputError(f"the PDF is damaged or unsupported ({type(exc).__name__}: {exc})", path=path) from None


def _stream(data: bytes):  # type: ignore[no-untyped-def]
    from io import BytesIO

    return BytesIO(data)


def strip_furniture(pages: list[list[str]]) -> list[list[tuple[int, str]]]:
    """Per page, (line number, text) of the lines that are content.

    Removed: page numbers at a page edge, and running headers/footers: edge lines whose exact text recurs
    at the edge of at least half the pages, or recurs with only a number changing when that number is
    the page's own ("Draft - page 3"). Requiring the page number keeps "Article 4" / "Article 5" that
    happen to open consecutive pages.
    """
    exact: Counter[str] = Counter()
    folded: Counter[str] = Counter()
    for lines in pages:
        content = [" ".join(line.split()).casefold() for line in lines if line.strip()]
        edge = set(content[:_EDGE] + content[-_EDGE:])
        exact.update(edge)
        folded.update({_furniture_key(line) for line in edge})
    threshold = max(2, (len(pages) + 1) // 2)
    result = []
    for page_no, lines in enumerate(pages, 1):
        numbered = [(n, line.rstrip()) for n, line in enumerate(lines, 1) if line.strip()]
        edges = {n for n, _ in numbered[:_EDGE] + numbered[-_EDGE:]}

        result.append([
            (n, line) for n, line in numbered
            if not (n in edges and _is_furniture(line, page_no, exact, folded, threshold))
        ])
    return result


def _is_furniture(line: str, page_no: int, exact: Counter[str], folded: Counter[str], threshold: int) -> bool:
    if _PAGE_NUMBER.match(line):
        return True
    text = " ".join(line.split()).casefold()
    if exact[text] >= threshold:
        return True
    return folded[_furniture_key(text)] >= threshold and str(page_no) in re.findall(r"\d+", text)


def joins(previous: str, following: str) -> str:
    """How two lines of one paragraph meet: "" after a hyphenated word, "-" kept for compounds
    ("non-" + "market"), otherwise a space."""
    match = _HYPHENATED.search(previous)
    if not match or not following[:1].islower():
        return " "
    return "-" if previous.endswith("-") and match.group(1).casefold() in _KEEP_HYPHEN else ""


def new_paragraph(previous: Line, line: Line, same_page: bool, after_heading: bool = False) -> bool:
    """Whether ``line`` starts a paragraph rather than continuing the one ``previous`` is in.

    Geometry first: a change of font size, or a gap wider than 1.6 lines of the smaller font (paragraph
    spacing). Text second, for layouts without spacing: a numbering marker after a line that ends a
    sentence, or a line in another font after a heading line of its own (``after_heading``: Word prints
    "Article 3: Scope" in bold at the body's size with no space below, right above "1. Each"; a heading
    wrapped onto a second line keeps its font).
    Across a page break only a lowercase start after an open sentence continues the paragraph.
    """
    text, before = line.text.strip(), previous.text.strip()
    if not same_page:
        return not text[:1].islower() or before[-1:] in ".;:"
    if not before or (_MARKER.match(text) and before[-1:] in ".;:"):
        return True
    if after_heading and not text[:1].islower() and previous.font != line.font:
        return True
    if None in (previous.y, line.y, previous.size, line.size):
        return not (text[:1].islower() or before[-1:] not in ".;:")
    assert previous.y is not None and line.y is not None and previous.size and line.size
    if abs(previous.size - line.size) > 0.5:
        return True
    gap = previous.y - line.y
    return gap <= 0 or gap > 1.6 * min(previous.size, line.size)


def paragraph_blocks(lines: list[tuple[int, int, Line]]) -> list[Block]:
    """Group kept lines into paragraphs: one block each, with an anchor at every printed line so
    evidence still names the page and line a quoted word sits on."""
    blocks: list[Block] = []
    text = ""
    anchors: list[Anchor] = []
    first: tuple[int, int] | None = None
    previous: tuple[int, Line] | None = None
    for page, number, line in lines:
        piece = " ".join(line.text.split())
        # the paragraph so far is a heading, perhaps wrapped over two lines, with no sentence after it
        after_heading = previous is not None and _is_heading_line(text)
        if previous is not None and new_paragraph(previous[1], line, previous[0] == page, after_heading):
            blocks.append(Block(text, first[1], page=first[0], extra=tuple(anchors)))  # type: ignore[index]
            text, anchors, first = "", [], None
        if first is None:
            first, text = (page, number), piece
        else:
            glue = joins(text, piece)
            # "" drops the hyphen that split a word; "-" keeps the one already there in a compound.
            text = text + " " + piece if glue == " " else (text[:-1] if glue == "" else text) + piece
            anchors.append(Anchor(len(text) - len(piece), number, 1, page))
        previous = (page, line)
    if first is not None:
        blocks.append(Block(text, first[1], page=first[0], extra=tuple(anchors)))
    return blocks


def _is_heading_line(text: str) -> bool:
    heading = match_heading(text)
    return heading is not None and heading.body_start is None


def read(data: bytes, path: str, options: dict[str, str] | None = None) -> Document:
    pages = _page_lines(data, path)
    if not pages:
        raise InputError("the PDF has no pages", path=path)
    if not any(line.text.strip() for lines in pages for line in lines):
        raise InputError(
            f"the PDF has no text layer ({len(pages)} page(s) of images, probably a scan); "
            "run OCR on it or check the original .docx instead",
            path=path,
        )
    kept = strip_furniture([[line.text for line in page] for page in pages])
    lines = [(page_no, n, pages[page_no - 1][n - 1]) for page_no, page in enumerate(kept, 1) for n, _ in page]
    return build_document(data, path, paragraph_blocks(lines), NAME)
