"""Which paragraphs a Word body holds and what text each shows, run by run.

Shared by the reader and by the review-copy writer (``esa_rules.reporters.docx``), so that a comment is
anchored on exactly the text the check read. Works on ElementTree elements (the reader, through
defusedxml) and on lxml elements (python-docx) alike: only iteration, ``tag``, ``text`` and ``attrib``
are used, and comments or processing instructions (non-string tags) are ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from esa_rules.readers.docx_numbering import local, wattr

Element = Any  # xml.etree.ElementTree.Element or an lxml element
Hidden = Callable[[Element], bool]
# (the w:r holding it or None, the leaf element, the text it shows)
Piece = tuple[Element | None, Element, str]

# Subtrees whose text Word does not show in the running text (drawings and text boxes are read as
# paragraphs of their own, field codes show only their result, property blocks hold no text).
SKIP = frozenset({"instrText", "drawing", "pict", "AlternateContent", "commentReference", "object",
                  "delInstrText", "footnoteRef", "endnoteRef", "rPr", "pPr", "sectPr", "tblPr", "trPr",
                  "tcPr", "tblGrid", "sdtPr", "sdtEndPr"})
# Containers whose paragraphs are body paragraphs in reading order.
_CONTAINERS = frozenset({"tbl", "tr", "tc", "sdtContent", "customXml", "smartTag"})
_REVISIONS = frozenset({"ins", "del", "moveTo", "moveFrom"})
NOTE_REFERENCES = frozenset({"footnoteReference", "endnoteReference"})


def hidden_for(revisions: str) -> Hidden:
    """The revision subtrees that are not part of the chosen version of the text."""
    gone = ("del", "moveFrom") if revisions == "accepted" else ("ins", "moveTo")
    return lambda element: local(element.tag) in gone


def showing_placeholder(sdt: Element) -> bool:
    """A content control still showing its prompt ("Click or tap here to enter text."): no draft text."""
    props = next((c for c in sdt if local(c.tag) == "sdtPr"), None)
    return props is not None and any(local(c.tag) == "showingPlcHdr" for c in props)


Cell = tuple[int, int, int]  # (which table, row, column), in reading order


def paragraphs(container: Element, hidden: Hidden) -> Iterator[tuple[Element, Element | None]]:
    """Every paragraph in reading order, with its host: None for a body paragraph; for a paragraph in a
    text box, the body paragraph that anchors the box (a box's paragraphs follow their host)."""
    for paragraph, host, _ in placed_paragraphs(container, hidden):
        yield paragraph, host


def placed_paragraphs(container: Element, hidden: Hidden, cell: Cell | None = None,
                      tables: list[int] | None = None) -> Iterator[tuple[Element, Element | None, Cell | None]]:
    """``paragraphs``, each with the table cell that holds it (None outside tables), so a reader can keep
    a table's rows and columns."""
    tables = [0] if tables is None else tables
    for child in container:
        tag = local(child.tag)
        if tag == "p":
            yield child, None, cell
            for box in text_boxes(child, hidden):
                for inner, _, _ in placed_paragraphs(box, hidden, None, tables):
                    yield inner, child, None
        elif tag == "sdt":
            if not showing_placeholder(child):
                yield from placed_paragraphs(child, hidden, cell, tables)
        elif tag == "tbl":
            tables[0] += 1
            table = tables[0]
            for r, row in enumerate(_wrapped(child, "tr", hidden)):
                for c, column in enumerate(_wrapped(row, "tc", hidden)):
                    yield from placed_paragraphs(column, hidden, (table, r, c), tables)
        elif tag in _CONTAINERS or (tag in _REVISIONS and not hidden(child)):
            yield from placed_paragraphs(child, hidden, cell, tables)


def _wrapped(parent: Element, tag: str, hidden: Hidden) -> list[Element]:
    """The ``tag`` children of a table or row, also where a content control or revision wraps them."""
    found: list[Element] = []
    for child in parent:
        name = local(child.tag)
        if name == tag:
            found.append(child)
        elif (name == "sdt" and not showing_placeholder(child)) or name in _CONTAINERS - {"tbl", "tr", "tc"} \
                or (name in _REVISIONS and not hidden(child)):
            found.extend(_wrapped(child, tag, hidden))
    return found


def text_boxes(paragraph: Element, hidden: Hidden) -> list[Element]:
    """The ``w:txbxContent`` of the text boxes anchored in a paragraph, each once: Word writes a box as
    DrawingML with a VML copy as fallback, so only the first choice of an AlternateContent counts."""
    found: list[Element] = []
    stack = list(reversed(list(paragraph)))
    while stack:
        node = stack.pop()
        tag = local(node.tag)
        if tag == "txbxContent":
            found.append(node)  # boxes inside this one are found when its paragraphs are walked
            continue
        if tag in ("rPr", "pPr") or hidden(node):
            continue
        children = list(node)
        if tag == "AlternateContent":
            choices = [c for c in children if local(c.tag) == "Choice"]
            children = choices[:1] or [c for c in children if local(c.tag) == "Fallback"]
        stack.extend(reversed(children))
    return found


def pieces(paragraph: Element, hidden: Hidden) -> list[Piece]:
    """The visible text of a paragraph in order, leaf by leaf, each with the run that holds it. Note
    references come through with empty text, so a caller can find the notes a paragraph cites."""
    out: list[Piece] = []
    stack: list[tuple[Element, Element | None]] = [(c, None) for c in reversed(list(paragraph))]
    while stack:
        node, run = stack.pop()
        tag = local(node.tag)
        if tag in SKIP or tag in ("p", "tbl", "txbxContent") or hidden(node):
            continue
        if tag == "sdt" and showing_placeholder(node):
            continue
        text = leaf_text(node)
        if text is not None:
            out.append((run, node, text))
        elif tag in NOTE_REFERENCES:
            out.append((run, node, ""))
        else:
            inner = node if tag == "r" else run
            stack.extend((c, inner) for c in reversed(list(node)))
    return out


def leaf_text(node: Element) -> str | None:
    """What a text-bearing leaf shows, or None for an element that is not one."""
    tag = local(node.tag)
    if tag in ("t", "delText"):
        return str(node.text or "")
    if tag in ("tab", "ptab"):
        return "\t"
    if tag in ("br", "cr"):
        return " " if wattr(node, "type") == "page" else "\n"
    if tag == "noBreakHyphen":
        return "-"
    if tag == "sym":
        return " "
    return None


def text_of(paragraph: Element, hidden: Hidden) -> str:
    return "".join(text for _, _, text in pieces(paragraph, hidden))
