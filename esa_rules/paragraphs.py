"""Inside an article: numbered paragraphs, nested subparagraphs, or unnumbered paragraphs.

List markers ("1.", "(a)", "(iv)", "a)") are read against the lists already open, so "(i)" after "(h)"
is the ninth letter and "(i)" after "(a)" opens a roman sub-list. A marker that would break the sequence,
or that follows a line ending "...in paragraph", is ordinary text. Articles without paragraph numbers
are split at blank lines where one sentence ends and the next begins.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from esa_rules.document import Unit
from esa_rules.numbering import CROSS_REFERENCE_END, Marker, match_marker

__all__ = ["lines", "segment_body", "unique_eid"]

_TERMINAL = frozenset(".;:!?)]\"'\u201d\u2019")
_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth",
)  # fmt: skip


def lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(line start, line end without the newline) for each line of text[start:end]."""
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        if newline < 0:
            yield position, end
            return
        yield position, newline
        position = newline + 1


def _ordinal(n: int) -> str:
    return _ORDINALS[n - 1] if n <= len(_ORDINALS) else f"{n}th"


def unique_eid(eid: str, seen: dict[str, int] | None) -> str:
    """``eid``, or ``eid_2``, ``eid_3``... if the document already has it (counters keep this linear)."""
    if seen is None:
        return eid
    if eid not in seen:
        seen[eid] = 1
        return eid
    while True:
        seen[eid] += 1
        candidate = f"{eid}_{seen[eid]}"
        if candidate not in seen:
            seen[candidate] = 1
            return candidate


# --- paragraphs and subparagraphs -------------------------------------------------------------------


@attrs.define
class _Level:
    system: str  # arabic | lower-alpha | lower-roman | upper-alpha | upper-roman
    shape: str
    last: int
    depth: int
    places: int = 0  # of a decimal level: how many numbers its markers put before their own


@attrs.define
class _Item:
    depth: int
    start: int
    marker: Marker | None = None
    marker_start: int = 0


def _compatible(a: str, b: str) -> bool:
    return a == b or {a, b} == {"dot", "bare"}


def _place(levels: list[_Level], marker: Marker) -> int | None:
    """The depth this marker sits at, given the list levels open so far (updated in place), or None
    when the marker does not continue or start any list (it is then ordinary text)."""
    for slack in (1, 3):
        if slack > 1 and marker.shape == "bare":
            break  # a number alone on a line is a paragraph number only in strict sequence
        for index in range(len(levels) - 1, -1, -1):
            level = levels[index]
            for system, value in marker.readings:
                if (
                    system == level.system
                    and _compatible(marker.shape, level.shape)
                    and (level.last < value <= level.last + slack)
                ):
                    del levels[index + 1 :]
                    level.last = value
                    return level.depth
    readings = marker.readings
    if (
        marker.shape in ("dot", "bare")
        and readings[0][0] == "arabic"
        and not (levels and levels[0].depth == 0)
    ):
        if readings[0][1] != 1 and (levels or marker.shape == "bare"):
            return None
        levels.clear()  # "1." after an unnumbered opening: the numbered paragraphs start here
        levels.append(_Level("arabic", marker.shape, readings[0][1], 0))
        return 0
    starts = [r for r in readings if r[1] == 1] or (list(readings[:1]) if not levels else [])
    if not starts or marker.shape == "bare":
        return None
    system, value = starts[-1]  # "(i)" opening a list is roman one, not the ninth letter
    depth = levels[-1].depth + 1 if levels else (0 if system == "arabic" else 1)
    levels.append(_Level(system, marker.shape, value, depth))
    return depth


def _decimal(levels: list[_Level], marker: Marker) -> int:
    """The depth of a decimal marker: "2.1" opens the article's paragraphs and "2.1.1" a level below them,
    counted from the first decimal marker of the body (an article numbered "Article 2.1" has paragraphs
    "2.1.1"); a decimal list that opens under a numbered paragraph sits below it."""
    first = next((level for level in levels if level.system == "decimal"), None)
    if first is not None:
        depth = max(0, marker.places - first.places + first.depth)
    else:
        depth = levels[-1].depth + 1 if levels else 0
    del levels[next((i for i, level in enumerate(levels) if level.depth >= depth), len(levels)):]
    levels.append(_Level("decimal", "decimal", marker.readings[0][1], depth, marker.places))
    return depth


# Every character that ends a match of CROSS_REFERENCE_END in a stripped line: the last letters of its words
# as IGNORECASE matches them (the long s among them). A line that ends otherwise needs no search.
_REFERENCE_WORD_END = frozenset("EFHMNORSTXefhmnorstx\u017f")


def _body_items(text: str, start: int, end: int) -> list[_Item]:
    items: list[_Item] = []
    levels: list[_Level] = []
    previous = ""  # the last non-blank line, to tell a list marker from a wrapped cross-reference
    blank_before = True
    line_end = start - 1
    for line in text[start:end].split("\n"):  # split in C: a generator of offsets cost a tenth of reading
        line_start = line_end + 1
        line_end = line_start + len(line)
        stripped = line.strip()
        if not stripped:
            blank_before = True
            continue
        indent = line.find(stripped[0])
        first = stripped[0]
        # Cheap test first: most lines cannot open with a list marker.
        marker = match_marker(line) if first == "(" or first.isdigit() or ")" in stripped[1:8] or \
            stripped[1:3] in (". ", ".\t") else None  # "a. maintain", or "a.<tab>maintain" as Word exports it
        depth = None
        if (
            marker is not None
            and not (previous and previous[-1] in _REFERENCE_WORD_END and CROSS_REFERENCE_END.search(previous))
            and (marker.shape != "bare" or line_end < end)  # a bare number needs its text below
        ):
            depth = _decimal(levels, marker) if marker.shape == "decimal" else _place(levels, marker)
        if depth is not None and marker is not None:
            if depth > 0 and not items:
                items.append(_Item(0, line_start + indent))  # an empty chapeau for a list that opens the body
            depth = min(depth, items[-1].depth + 1 if items else 0)
            items.append(_Item(depth, line_start + indent, marker, line_start + marker.start))
        elif not items:
            items.append(_Item(0, line_start + indent))
        elif (
            blank_before
            and not (levels and levels[0].depth == 0)
            and previous[-1:] in _TERMINAL
            and (first.isupper() or first in "\"'(\u201c" or first.isdigit())
        ):
            levels.clear()  # a new unnumbered paragraph in an article without paragraph numbers
            items.append(_Item(0, line_start + indent))
        previous = stripped[-48:]
        blank_before = False
    return items


def segment_body(
    text: str, start: int, end: int, *, label: str = "", eid: str = "", seen: dict[str, int] | None = None
) -> tuple[Unit, ...]:
    """Paragraph and subparagraph units of ``text[start:end]``, the body of a unit labelled ``label``
    with eid ``eid`` (both may be empty at the top of a document). The first unit begins at the first
    non-blank character; the units are contiguous and the last ends at ``end``. ``seen`` is the
    document's eid registry (see ``unique_eid``); pass the same dict for every call on one document."""
    items = _body_items(text, start, end)
    units, _ = _build(text, items, 0, end, label, eid, seen)
    return tuple(units)


def _build(
    text: str,
    items: list[_Item],
    index: int,
    end: int,
    label: str,
    eid: str,
    seen: dict[str, int] | None,
    unnumbered: int = 0,
    parent_numbered: bool = True,
) -> tuple[list[Unit], int]:
    """Units for ``items[index:]`` at the depth of ``items[index]``, up to the first shallower item."""
    units: list[Unit] = []
    depth = items[index].depth if index < len(items) else 0
    while index < len(items) and items[index].depth == depth:
        item = items[index]
        following = index + 1
        while following < len(items) and items[following].depth > depth:
            following += 1
        unit_end = items[following].start if following < len(items) else end
        marker = item.marker
        numbered = marker is not None
        if depth == 0:
            lead = f"{label}, " if label else ""
            if marker is not None:
                own_label, own_eid = f"{lead}paragraph {marker.text}", f"para_{marker.text}"
            else:
                unnumbered += 1
                own_label, own_eid = f"{lead}{_ordinal(unnumbered)} paragraph", f"para_u{unnumbered}"
            own_label = own_label[:1].upper() + own_label[1:] if not label else own_label
        else:
            mark = f"({marker.text})" if marker else "(-)"
            own_label = f"{label}{mark}" if parent_numbered else f"{label}, subparagraph {mark}"
            own_eid = f"subpara_{marker.text}" if marker else "subpara"
        full_eid = unique_eid(f"{eid}__{own_eid}" if eid else own_eid, seen)
        children, _ = (
            _build(text, items, index + 1, unit_end, own_label, full_eid, seen, 0, numbered)
            if following > index + 1
            else ([], 0)
        )
        span = (item.marker_start, item.marker_start + marker.end - marker.start) if marker else None
        units.append(
            Unit(
                kind="paragraph" if depth == 0 else "subparagraph",
                label=own_label,
                eid=full_eid,
                start=item.start,
                end=unit_end,
                number=item.marker.text if item.marker else None,
                heading_span=span,
                children=tuple(children),
            )
        )
        index = following
    return units, index
