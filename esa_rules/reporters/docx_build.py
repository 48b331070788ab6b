"""A Word review copy for a draft that did not come as Word (.txt, .md, .html, .pdf, .docm...).

The copy is built from the checked Document: blank-line-separated blocks, cut where a unit begins or a
chapter or article heading ends; headings become Word headings (level by depth: chapter 1, article 2),
the opening line that gives the title the Title style, the rest body paragraphs. Hard-wrapped lines of a
paragraph are joined; the lines of a heading ("Article 3" / "Investment Screening") stay lines, as a
line break inside one heading. Each Word paragraph remembers the range of the Document text it shows,
so a finding's unit (``eid``) leads to the paragraphs a comment can go on.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from typing import Any

from esa_rules.document import Document
from esa_rules.reporters.docx_anchor import Para, Paragraphs

HEADING_KINDS = frozenset({"part", "chapter", "annex", "section", "article"})
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+|[ \t]+#+[ \t]*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=\S)([^*]+?)(?<=\S)\*")


def build(document: Document) -> tuple[Any, Paragraphs]:
    """A python-docx Document showing ``document``'s text, and its paragraphs."""
    import docx

    word = docx.Document()
    body = word.element.body
    for paragraph in list(body.iterchildren("{*}p")):  # the template's empty first paragraph
        body.remove(paragraph)
    markdown = document.path.lower().endswith((".md", ".markdown"))
    headings = _headings(document)
    paras: list[Para] = []
    styles: dict[str, Any] = {}  # looked up once each: a lookup by name scans every style of the template

    def style(name: str) -> Any:
        return styles.setdefault(name, word.styles[name])

    for start, end in _pieces(document):
        level = headings.get((start, end))
        title = False
        text = document.text[start:end]
        if level is not None:
            lines = [line.strip() for line in (_MD_HEADING.sub("", text) if markdown else text).splitlines()]
            paragraph = word.add_paragraph(style=style(f"Heading {min(level, 9)}"))
            for n, line in enumerate(line for line in lines if line):
                if n:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)
        else:
            title = not paras and _is_title(text, document.title)
            paragraph = word.add_paragraph(style=style("Title") if title else None)
            _add_text(paragraph, _unwrap(text), markdown)
        paras.append(Para(paragraph._p, len(paras) + 1, span=(start, end), title=level is None and title))
    _describe(word, document)
    return word, Paragraphs(paras, _unit_ranges(document))


def _headings(document: Document) -> dict[tuple[int, int], int]:
    """Heading spans of chapters, articles... -> their Word heading level (depth among such units)."""
    found: dict[tuple[int, int], int] = {}

    def visit(unit: Any, depth: int) -> None:
        here = depth
        if unit.kind in HEADING_KINDS and unit.heading_span is not None:
            start, end = _trim(document.text, *unit.heading_span)
            if start < end:
                here = depth + 1
                found[(start, end)] = here
        for child in unit.children:
            visit(child, here)

    visit(document.root, 0)
    return found


def _pieces(document: Document) -> list[tuple[int, int]]:
    """Ranges of the Document text, one per Word paragraph, in order."""
    text = document.text
    cuts = sorted({u.start for u in document.units()} | {
        u.heading_span[1] for u in document.units() if u.kind in HEADING_KINDS and u.heading_span})
    bounds = [0, *(i for m in _BLANK_LINE.finditer(text) for i in m.span()), len(text)]
    out: list[tuple[int, int]] = []
    for block_start, block_end in zip(bounds[::2], bounds[1::2], strict=True):
        inner = cuts[bisect_right(cuts, block_start):bisect_left(cuts, block_end)]
        for start, end in zip([block_start, *inner], [*inner, block_end], strict=True):
            start, end = _trim(text, start, end)
            if start < end:
                out.append((start, end))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _unwrap(text: str) -> str:
    """Join hard-wrapped lines: a space between them, none after a hyphen ("dual-\\nuse")."""
    lines = [line.strip() for line in text.splitlines()]
    out = ""
    for line in lines:
        if line:
            out += line if not out or out.endswith("-") else " " + line
    return out


def _is_title(text: str, title: str | None) -> bool:
    return bool(title) and _unwrap(text).startswith((title or "").removesuffix("…").strip())


def _add_text(paragraph: Any, text: str, markdown: bool) -> None:
    """The text as runs; in Markdown, **bold** and *italic* become run formatting, not asterisks."""
    if not markdown:
        paragraph.add_run(text)
        return
    position = 0
    for match in _MD_EMPHASIS.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position:match.start()])
        run = paragraph.add_run(match.group(1) or match.group(2))
        run.bold, run.italic = (True, None) if match.group(1) else (None, True)
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:])


def _describe(word: Any, document: Document) -> None:
    """Fixed core properties (no creation time, no python-docx thumbnail): same draft, same bytes."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    props = word.core_properties
    props.title = document.title or ""
    props.author = props.last_modified_by = "esa-rules"
    props.comments = f"Review copy of {os.path.basename(document.path)} made by esa-rules"
    props.revision = 1
    core = word.part.package.part_related_by(RT.CORE_PROPERTIES).element
    for element in list(core):
        if element.tag.endswith(("}created", "}modified")):
            core.remove(element)
    package_rels = word.part.package.rels
    for rid in [rid for rid, rel in package_rels.items() if rel.reltype == RT.THUMBNAIL]:
        del package_rels[rid]


def _unit_ranges(document: Document) -> Any:
    ranges: dict[str, list[tuple[int, int]]] = {}
    for unit in document.units():
        ranges.setdefault(unit.eid, []).append((unit.start, unit.end))
    return lambda eid: ranges.get(eid, [(0, len(document.text))])
