"""Shared by the docx, pdf and html readers: blocks of extracted text -> one ``Document``.

Those formats know where each paragraph came from (paragraph number, page and line, source line) but
not the treaty structure, which the segmenter recovers from the wording ("Article 3", "1.", "(a)").
Blocks are joined with a blank line between them (as paragraphs are in a .txt draft), so the text the segmenter sees looks like a plain-text draft and the
same draft gives the same units whatever format it arrived in.
"""

from __future__ import annotations

import hashlib
import re

import attrs

from esa_rules.document import Anchor, Document, Unit
from esa_rules.errors import InputError
from esa_rules.keys import assign_keys
from esa_rules.numbering import match_heading
from esa_rules.readers.limits import check_text
from esa_rules.readers.margins import unnumber_margin
from esa_rules.readers.tables import reflow
from esa_rules.title import tidy, title_of


@attrs.frozen
class Block:
    """One paragraph-like piece of text and where it sits in the source file."""

    text: str
    line: int  # docx: paragraph number; pdf: line on its page; html: source line
    column: int = 1
    page: int | None = None
    # Pieces after internal line breaks keep pointing at the same source position.
    breaks_keep_line: bool = True
    # Further positions inside the block (offsets relative to the block), e.g. each printed PDF line.
    extra: tuple[Anchor, ...] = ()
    heading: bool = False  # set as a heading (a Word heading style, an HTML <h2>), not as body text


# "3. (1) Neither Party ...": a section's number, opening the paragraph under its marginal note
_SECTION = re.compile(r"\d{1,3}\.[ \t]+\S")


def _notes_section(block: Block, below: Block) -> bool:
    """A marginal note set as a heading of its own ("Scheduled goods.") over the paragraph of its section
    ("3. (1) Neither Party ..."): one line, no structural heading ("Article 3", "ANNEX"), as a .txt types the
    note, on the line right above the section's number."""
    return block.heading and "\n" not in block.text and match_heading(block.text) is None \
        and _SECTION.match(below.text) is not None


def assemble(blocks: list[Block], separator: str = "\n\n") -> tuple[str, tuple[Anchor, ...]]:
    """Join block texts with ``separator``; one anchor per block (and per line break inside one). A
    Commonwealth section's marginal note, a heading paragraph of its own, goes on the line right above its
    section's number, as a .txt types it, so the two read as one section in every format."""
    parts: list[str] = []
    anchors: list[Anchor] = []
    offset = 0
    for n, block in enumerate(blocks):
        if parts:
            joint = "\n" if n > 1 and _notes_section(blocks[n - 1], block) else separator  # block 0: the title
            parts.append(joint)
            offset += len(joint)
        anchors.append(Anchor(offset, block.line, block.column, block.page))
        if block.breaks_keep_line:
            position = block.text.find("\n")
            while position >= 0:
                anchors.append(Anchor(offset + position + 1, block.line, block.column, block.page))
                position = block.text.find("\n", position + 1)
        anchors.extend(attrs.evolve(a, offset=offset + a.offset) for a in block.extra)
        parts.append(block.text)
        offset += len(block.text)
    if not anchors:
        anchors.append(Anchor(0, 1, 1))
    return "".join(parts), tuple(anchors)


def finish(
    data: bytes,
    path: str,
    text: str,
    fmt: str,
    *,
    root: Unit | None = None,
    title: str | None = None,
    anchors: tuple[Anchor, ...] = (),
    notices: tuple[str, ...] = (),
    what: str | None = None,
    keyed: bool = False,
) -> Document:
    """The last step of every reader: refuse empty or absurd text, segment it unless the format gave its
    own structure (``root``), and build the keyed ``Document`` with the digest of the file's bytes.
    ``title``: only a title the format states apart from the text layout (AKN ``docTitle``, ToTA's name,
    Word's ``Title`` style); otherwise the text's own first block names it, the same for every format.
    ``keyed``: the format's own identifiers already key the units (ToTA's article_identifier)."""
    from esa_rules.segment import segment  # the segmenter imports readers' siblings; import late

    if not text.strip():
        raise InputError(f"the {what or fmt} file contains no text", path=path)
    check_text(text, path)
    text = unnumber_margin(text)  # "  63   Article 14.7": a negotiating text's printed line numbers
    text = reflow(text)  # a table's wrapped cells read row by row; lines and offsets outside it unmoved
    document = Document(
        path=path,
        text=text,
        root=segment(text) if root is None else root,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        # a stated title set over several lines is read as the text's first block is
        title=(title_of(title) if "\n" in title else tidy(title)) if title else title_of(text),
        anchors=anchors or (Anchor(0, 1, 1),),
        notices=notices,
    )
    return document if keyed else assign_keys(document)


def build_document(
    data: bytes,
    path: str,
    blocks: list[Block],
    fmt: str,
    title: str | None = None,
    notices: tuple[str, ...] = (),
) -> Document:
    """A Document from blocks of extracted text (docx, pdf, html)."""
    text, anchors = assemble(blocks)
    return finish(data, path, text, fmt, title=title, anchors=anchors, notices=notices)
