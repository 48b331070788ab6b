"""The document model every reader produces and the engine consumes. No I/O here.

Offsets are 0-based indices into ``Document.text``; lines and columns shown to people are 1-based and
refer to the original file, through ``Document.anchors`` (a reader that builds ``text`` from pieces of
a file, such as the XML reader, records where each piece came from).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cached_property
from itertools import accumulate

import attrs

# Structural levels, coarse to fine. ``rank`` orders scopes: a scope of rank r covers units of rank <= r.
UNIT_KINDS: tuple[str, ...] = (
    "document", "part", "chapter", "annex", "section", "article", "paragraph", "subparagraph",
)
RANK: dict[str, int] = {
    "document": 80, "part": 70, "chapter": 60, "annex": 60, "section": 50, "article": 40,
    "paragraph": 30, "subparagraph": 20, "sentence": 10,
}
# The kinds of unit a heading opens (the rest are paragraphs and the document itself)
STRUCTURAL_KINDS = frozenset({"part", "chapter", "section", "article", "annex"})
SCOPES: tuple[str, ...] = ("sentence", "paragraph", "article", "chapter", "document")


@attrs.frozen
class Anchor:
    """Text offset ``offset`` sits at ``line``:``column`` of the original file (on ``page``, for PDFs)."""

    offset: int
    line: int
    column: int = 1
    page: int | None = None


@attrs.frozen
class Unit:
    """A node of the structure tree: a chapter, article, paragraph...

    Invariants (checked by tests): ``start <= end``; children are in order, contiguous, and end where the
    unit ends; the text from ``start`` to the first child is the unit's own heading block.
    """

    kind: str
    label: str  # what a negotiator writes: "Article 3.2, paragraph 1"
    eid: str  # number-based id, Akoma Ntoso style: "chp_3__art_3.2__para_1"
    start: int
    end: int
    number: str | None = None
    heading: str | None = None  # title text, e.g. "Investment Screening"
    heading_span: tuple[int, int] | None = None  # where the number and title sit in the text
    children: tuple[Unit, ...] = ()
    key: str | None = None  # content-based id that survives renumbering (set by readers that compute it)

    def walk(self) -> Iterator[Unit]:
        """This unit and all its descendants, in document order (pre-order)."""
        stack = [self]
        while stack:
            unit = stack.pop()
            yield unit
            stack.extend(reversed(unit.children))

    @property
    def body_start(self) -> int:
        return self.children[0].start if self.children else (
            self.heading_span[1] if self.heading_span else self.start
        )


@attrs.frozen
class Document:
    path: str  # as the user gave it
    text: str
    root: Unit
    sha256: str  # of the raw input bytes
    format: str = "text"
    title: str | None = None
    anchors: tuple[Anchor, ...] = (Anchor(0, 1, 1),)
    notices: tuple[str, ...] = ()  # things the user should know, e.g. "decoded as cp1252"

    @cached_property
    def _newlines(self) -> list[int]:
        # the offset of each newline: -1 plus the lengths of the lines before it, each with its newline;
        # split, map and accumulate all run in C
        lengths = map((1).__add__, map(len, self.text.split("\n")[:-1]))
        return list(accumulate(lengths, initial=-1))[1:]

    @cached_property
    def _anchor_offsets(self) -> list[int]:
        return [a.offset for a in self.anchors]

    def locate(self, offset: int) -> Anchor:
        """The original-file position of a text offset, as an Anchor (line, column, page)."""
        offset = max(0, min(offset, len(self.text)))
        anchor = self.anchors[max(0, bisect_right(self._anchor_offsets, offset) - 1)]
        lines_before = bisect_right(self._newlines, offset - 1) - bisect_right(self._newlines, anchor.offset - 1)
        if lines_before == 0:
            return Anchor(offset, anchor.line, anchor.column + offset - anchor.offset, anchor.page)
        last_newline = self._newlines[bisect_right(self._newlines, offset - 1) - 1]
        return Anchor(offset, anchor.line + lines_before, offset - last_newline, anchor.page)

    def units(self) -> Iterator[Unit]:
        return self.root.walk()

    def unit_path(self, offset: int) -> list[Unit]:
        """Units containing ``offset``, outermost first (the last is the deepest, heading blocks included)."""
        path = [self.root]
        unit = self.root
        while unit.children:
            i = bisect_right(unit.children, offset, key=_start) - 1
            if i < 0 or not unit.children[i].start <= offset < unit.children[i].end:
                break
            unit = unit.children[i]
            path.append(unit)
        return path

    def headings_only(self, start: int, end: int) -> bool:
        """Whether every line from ``start`` to ``end`` is a heading or its title ("## Section 8 - Status"
        set apart by blank lines), no paragraph: where readers part headings from text, as a .txt may not."""
        lines = [(start + m.start(), start + m.end()) for m in re.finditer(r"\S(?:[^\n]*\S)?", self.text[start:end])]
        return bool(lines) and all(any(u.heading_span is not None and u.heading_span[0] <= s and e <= u.heading_span[1]
                                       for u in self.unit_path(s)) for s, e in lines)


def _start(unit: Unit) -> int:
    return unit.start
