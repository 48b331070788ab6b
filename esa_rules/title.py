"""The document title, found in the text the same way whatever format the draft came in.

A draft's title is its first block: the lines above the first blank line, as a title page sets them
("AGREEMENT BETWEEN ... / AND ... / ON ECONOMIC SECURITY"). Every reader lays its blocks out with a
blank line between them, so a Word ``Title`` paragraph, a Markdown ``#`` heading, an HTML ``<h1>``, an
Akoma Ntoso ``docTitle`` and the first lines of a .txt all give the same block, and so the same
``Document.title`` and the same title span for the engine (``engine.index.DocIndex.title_span``).

The block counts as a title only while it looks like one (a few short lines, no sentence punctuation at
the end of a line, no list marker); otherwise only its first line names the document. A block that opens
with a structural heading ("CHAPTER 27" over "ECONOMIC SECURITY") is that heading, not a title: the
draft is named by the heading's number alone, since the caption belongs to the chapter and each format
sets it differently (a block of its own in .md or .docx, the same line in Akoma Ntoso).
"""

from __future__ import annotations

import re

from esa_rules.numbering import match_heading

MAX_TITLE = 120  # characters shown; longer titles end in an ellipsis
MAX_LINES = 8  # a title page sets a title over a few lines ("BETWEEN" and "AND" on lines of their own), never a paragraph
MAX_LINE = 200
_DECORATION = " \t#*_>"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MARKDOWN_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]")
_LIST_MARKER = re.compile(r"[ \t]*(?:\d{1,3}[.)]|\([a-zA-Z0-9]{1,5}\)|[-\u2022*])[ \t]")
_SENTENCE_END = (".", ";", ":", ",")


def tidy(title: str | None) -> str | None:
    """A title as shown: decoration and repeated whitespace dropped, cut to ``MAX_TITLE`` characters."""
    if not title:
        return None
    words = " ".join(" ".join(line.strip(_DECORATION) for line in title.split("\n")).split())
    if not words:
        return None
    return words if len(words) <= MAX_TITLE else words[: MAX_TITLE - 1].rstrip() + "\u2026"


def title_block(text: str, start: int = 0) -> tuple[int, int] | None:
    """The span of the block that names the document: from the first non-blank line at or after ``start``
    to the end of the last of its lines that still reads as a title (see the module docstring)."""
    limit = min(len(text), start + MAX_LINES * (MAX_LINE + 1) + 64)
    first = start
    while first < limit and text[first] in " \t\n":
        first += 1
    if first >= len(text):
        return None
    first = text.rfind("\n", 0, first) + 1
    while _letter_spaced(text[first:text.find("\n", first) if "\n" in text[first:] else len(text)]):
        # "D R A F T  -  W I T H O U T   P R E J U D I C E": a watermark over the title, no part of it
        newline = text.find("\n", first)
        if newline < 0:
            return None
        first = newline + 1
        while first < limit and text[first] in " \t\n":
            first += 1
        first = text.rfind("\n", 0, first) + 1
    block_end = _BLANK_LINE.search(text, first)
    stop = block_end.start() if block_end else len(text)
    lines: list[tuple[int, int]] = []
    position = first
    while position < stop:
        end = text.find("\n", position, stop)
        end = stop if end < 0 else end
        if text[position:end].strip():
            lines.append((position, end))
        position = end + 1
    if not lines:
        return None
    head = text[lines[0][0] : lines[0][1]]
    heading = match_heading(head)
    if heading is not None:
        # "CHAPTER 27: ECONOMIC SECURITY" opening the text names it by its number: the caption is the
        # chapter's own, on this line in Akoma Ntoso, on the next line or block elsewhere
        cut = heading.title_start if heading.title_start is not None else heading.heading_end
        return lines[0][0], lines[0][0] + len(head[:cut].rstrip(" \t:.-\u2013\u2014"))
    if _MARKDOWN_HEADING.match(head) or not _title_like(text, lines):
        return lines[0]  # a Markdown heading is a block of its own, whatever follows it
    return lines[0][0], lines[-1][1]


def _letter_spaced(line: str) -> bool:
    """A line set in spaced capitals ("D R A F T"), as a watermark is."""
    tokens = line.split()
    return len(tokens) >= 6 and sum(len(t) == 1 for t in tokens) >= 0.8 * len(tokens)


def _title_like(text: str, lines: list[tuple[int, int]]) -> bool:
    if len(lines) > MAX_LINES:
        return False
    for n, (start, end) in enumerate(lines):
        line = text[start:end].rstrip()
        if len(line) > MAX_LINE or _LIST_MARKER.match(line):
            return False
        if n and (match_heading(line) is not None or _MARKDOWN_HEADING.match(line)):
            return False  # "Intro line" over "# Heading": the heading starts the body
        if n < len(lines) - 1 and line.endswith(_SENTENCE_END) and not (line.endswith(",") and line.isupper()):
            return False  # a sentence wrapped over lines; a title in capitals runs on after "OF THE ONE PART,"
    return True


def title_of(text: str) -> str | None:
    """The title a draft's text gives itself: its first block when that reads as a title, else its first
    line; ``None`` for a text without any."""
    block = title_block(text)
    return tidy(text[block[0] : block[1]]) if block else None


_OBLIGATION_RE = re.compile(r"\b(?:shall|must|will|may|should|agree[sd]?)\b")  # a title has no such verb
_BLOCK_END = re.compile(r"[ \t]*\n[ \t]*\n")
_TITLE_SEARCH = 4000  # a title stands in the first lines of the text or not at all


def _title_start(text: str, title: str | None) -> int | None:
    """Where a line of the text opens with the title's first words, spacing and Markdown marks aside."""
    words = (title or "").rstrip("\u2026").split()[:10]
    if not words:
        return None
    pattern = re.compile(r"^[ \t#*_>]*" + r"[\s#*_>]+".join(map(re.escape, words)), re.MULTILINE)
    found = pattern.search(text, 0, min(len(text), _TITLE_SEARCH))
    return found.start() if found else None


def title_span(text: str, title: str | None) -> tuple[int, int] | None:
    """The span of a document's title where the text itself carries it (a block of its first lines), or
    None: "Agreement ... on Economic Security" heads the whole text; a title taken from metadata (ToTA
    <name>) is not in the text. The block is found as ``title_of`` finds it, so a .txt and its .docx, .md
    or .html give the same span."""
    start = _title_start(text, title)
    block = title_block(text, start) if start is not None else None
    if block is None:
        return None
    start, end = block
    while start < end and text[start] in _DECORATION:
        start += 1  # Markdown's "# " marks the title; it is not part of it
    # Only a title block of its own (a blank line below it, a body after it, no verb of obligation):
    # "The Council shall sit every six\nmonths." wrapped over two lines is a sentence, not a title, and
    # "CHAPTER 27" over its caption is a heading that already heads its chapter.
    line = text[start:end]
    if end - start > 400 or not _BLOCK_END.match(text, end) or not text[end:].strip() \
            or line.rstrip().endswith(_SENTENCE_END) or _OBLIGATION_RE.search(line.lower()) \
            or match_heading(line.split("\n", 1)[0]) is not None:
        return None
    return start, end
