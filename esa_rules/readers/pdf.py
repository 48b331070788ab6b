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

from esa_rules.document import Document
from esa_rules.errors import InputError
from esa_rules.readers.layout import Block, build_document
from esa_rules.readers.limits import MAX_PDF_PAGES, Deadline, check_size

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
_EDGE = 2  # how many lines at the top and bottom of a page may be running furniture


def sniff(data: bytes, name: str) -> bool:
    return b"%PDF-" in data[:1024] or name.lower().endswith(EXTENSIONS)


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


def _page_lines(data: bytes, path: str) -> list[list[str]]:
    """Raw text lines of every page; encryption and damage become InputErrors."""
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
            pages.append((page.extract_text() or "").splitlines())
        return pages
    except InputError:
        raise
    except FileNotDecryptedError:
        raise InputError("the PDF is encrypted with a password; save an unprotected copy", path=path) from None
    except (PdfReadError, RecursionError) as exc:
        raise InputError(f"the PDF is damaged or truncated ({exc})", path=path) from None
    except MemoryError:
        raise InputError("the PDF needs too much memory to read", path=path) from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on damaged files; all mean "unreadable"
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


def rejoin_hyphens(lines: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Move the tail of a word hyphenated at a line end up to the line that starts it."""
    out = list(lines)
    for i in range(len(out) - 1):
        page, number, text = out[i]
        match = _HYPHENATED.search(text)
        following = out[i + 1][2].lstrip()
        if not match or not following[:1].islower():
            continue
        tail, _, rest = following.partition(" ")
        keep = text.endswith("-") and match.group(1).casefold() in _KEEP_HYPHEN
        out[i] = (page, number, (text if keep else text[:-1]) + tail)
        out[i + 1] = (out[i + 1][0], out[i + 1][1], rest.lstrip())
    return [line for line in out if line[2].strip()]


def read(data: bytes, path: str, options: dict[str, str] | None = None) -> Document:
    check_size(data, path)
    pages = _page_lines(data, path)
    if not pages:
        raise InputError("the PDF has no pages", path=path)
    if not any(line.strip() for lines in pages for line in lines):
        raise InputError(
            f"the PDF has no text layer ({len(pages)} page(s) of images, probably a scan); "
            "run OCR on it or check the original .docx instead",
            path=path,
        )
    lines = [(page_no, n, text) for page_no, page in enumerate(strip_furniture(pages), 1) for n, text in page]
    blocks = [Block(text=text.strip(), line=n, page=page) for page, n, text in rejoin_hyphens(lines)]
    return build_document(data, path, blocks, NAME)
