"""Word .docx drafts, read from the package XML directly (no python-docx at run time).

What a negotiator sees is what we read: automatic list numbering resolved into "Article 3", "1.",
"(a)"; tables cell by cell; content controls as their content (not their placeholder prompt); text
boxes, and footnotes, placed after the paragraph that holds or cites them; tracked changes accepted by
default (``revisions="original"`` gives the text before them). Comments, headers and footers are not
part of the draft and are never read. Evidence lines are paragraph numbers: the n-th paragraph of the
body, counting table cells, as Word's navigation counts them (a text box shares its host's number).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

import attrs

from esa_rules.document import Anchor, Document
from esa_rules.errors import InputError, UsageError
from esa_rules.readers.docx_numbering import Numbering, Styles, local, wattr
from esa_rules.readers.docx_text import NOTE_REFERENCES, hidden_for, pieces, placed_paragraphs
from esa_rules.readers.layout import Block, build_document
from esa_rules.readers.limits import Deadline, SafeZip, parse_xml

NAME = "docx"
EXTENSIONS = (".docx", ".docm", ".dotx")
REVISIONS = ("accepted", "original")
_MAIN = "word/document.xml"


def sniff(data: bytes, name: str) -> bool:
    if not data.startswith(b"PK"):
        return name.lower().endswith(EXTENSIONS)
    return b"word/" in data or name.lower().endswith(EXTENSIONS)


@attrs.frozen
class Paragraph:
    text: str
    number: int  # 1-based position among all body paragraphs
    style: str | None = None
    heading_level: int | None = None
    merge_next: bool = False  # its paragraph mark is deleted (accepted) / inserted (original)
    cell: tuple[int, int, int] | None = None  # (table, row, column) for a paragraph in a table


class _Extractor:
    def __init__(self, archive: SafeZip, path: str, revisions: str) -> None:
        self.path = path
        self.revisions = revisions
        self.hidden = hidden_for(revisions)
        self.deadline = Deadline(path)
        self.styles = Styles(self._part(archive, "word/styles.xml"))
        self.numbering = Numbering(self._part(archive, "word/numbering.xml"), self.styles)
        self.footnotes = self._notes(self._part(archive, "word/footnotes.xml"), "footnote")
        self.endnotes = self._notes(self._part(archive, "word/endnotes.xml"), "endnote")
        self.paragraphs: list[Paragraph] = []
        self.count = 0

    def _part(self, archive: SafeZip, name: str) -> Element | None:
        return parse_xml(archive.read(name), self.path, f"part {name}") if archive.has(name) else None

    def _notes(self, root: Element | None, kind: str) -> dict[str, str]:
        notes: dict[str, str] = {}
        for note in root if root is not None else ():
            if local(note.tag) != kind or wattr(note, "type") in ("separator", "continuationSeparator"):
                continue
            texts = [self._text(p)[0].strip() for p in note.iter() if local(p.tag) == "p"]
            notes[wattr(note, "id") or ""] = " ".join(t for t in texts if t)
        return notes

    def _text(self, element: Element) -> tuple[str, list[tuple[str, str]]]:
        """Visible text of a paragraph (runs, hyperlinks, fields, revisions) and the notes it cites."""
        found = pieces(element, self.hidden)
        cited = [(local(node.tag)[:-9], wattr(node, "id") or "") for _, node, _ in found
                 if local(node.tag) in NOTE_REFERENCES]
        return "".join(text for _, _, text in found), cited

    def _mark_changed(self, paragraph: Element) -> bool:
        mark = paragraph.find("./{*}pPr/{*}rPr")
        if mark is None:
            return False
        wanted = "del" if self.revisions == "accepted" else "ins"
        return any(local(child.tag) == wanted for child in mark)

    def paragraph(self, element: Element, host: Element | None, cell: tuple[int, int, int] | None = None) -> None:
        if host is None:  # a text box's paragraphs share the number of the paragraph holding the box
            self.count += 1
            if self.count % 500 == 0:
                self.deadline.check()
        text, cited = self._text(element)
        style = self.styles.paragraph_style(element)
        label = self.numbering.label(element, style)
        if label and text.strip():
            text = f"{label}\t{text}" if not label.endswith((" ", "\t")) else label + text
        self.paragraphs.append(Paragraph(
            text=text, number=self.count, style=style, heading_level=self.styles.heading_level(style),
            merge_next=self._mark_changed(element), cell=cell,
        ))
        for kind, note_id in cited:
            note = (self.footnotes if kind == "footnote" else self.endnotes).get(note_id, "")
            if note:
                self.paragraphs.append(Paragraph(text=f"[{kind} {note_id}] {note}", number=self.count))

    def walk(self, body: Element) -> None:
        for element, host, cell in placed_paragraphs(body, self.hidden):
            self.paragraph(element, host, cell)


def extract(data: bytes, path: str, revisions: str = "accepted") -> list[Paragraph]:
    """Body paragraphs in order, with numbering and chosen revisions applied (before merging)."""
    if revisions not in REVISIONS:
        raise UsageError(f"--revisions must be one of {', '.join(REVISIONS)}, not {revisions!r}")
    archive = SafeZip(data, path, kind="Word (.docx)")
    if not archive.has(_MAIN):
        raise InputError(f"this zip file is not a Word document (no {_MAIN})", path=path)
    root = parse_xml(archive.read(_MAIN), path, _MAIN)
    body = root.find("{*}body")
    if body is None:
        raise InputError("the Word document has no body", path=path)
    extractor = _Extractor(archive, path, revisions)
    try:
        extractor.walk(body)
    except RecursionError:
        raise InputError("the Word document is nested too deeply to read", path=path) from None
    return extractor.paragraphs


def _blocks(paragraphs: list[Paragraph]) -> list[Block]:
    return _tables(_paragraph_blocks(paragraphs))


def _tables(blocks: list[tuple[Block, tuple[int, int, int] | None]]) -> list[Block]:
    """A table as one block, one line per row and its cells joined by " | " (as a Markdown table writes
    them), so that a sentence pointing to "Table 1" points to its rows; each row keeps the paragraph
    number of its first cell."""
    out: list[Block] = []
    rows: list[tuple[list[str], int]] = []  # cell texts and the first cell's paragraph number, per row
    current: tuple[int, int] | None = None  # (table, row) of the row being filled
    table: int | None = None

    def close() -> None:
        if rows:
            lines = [" | ".join(cells) for cells, _ in rows]
            extra, offset = [], 0
            for line, (_, number) in zip(lines, rows, strict=True):
                extra.append(Anchor(offset, number))
                offset += len(line) + 1
            out.append(Block(text="\n".join(lines), line=rows[0][1], breaks_keep_line=False, extra=tuple(extra)))
            rows.clear()

    for block, cell in blocks:
        if cell is None or cell[0] != table:
            close()
            table, current = (cell[0], None) if cell is not None else (None, None)
        if cell is None:
            out.append(block)
            continue
        text = " ".join(block.text.split())
        if (cell[0], cell[1]) != current:
            rows.append(([text], block.line))
            current = (cell[0], cell[1])
        else:
            rows[-1][0].append(text)
    close()
    return out


def _paragraph_blocks(paragraphs: list[Paragraph]) -> list[tuple[Block, tuple[int, int, int] | None]]:
    blocks: list[tuple[Block, tuple[int, int, int] | None]] = []
    pending: Paragraph | None = None
    for paragraph in paragraphs:
        if pending is not None:  # its mark went away with the revision: one paragraph with the next
            paragraph = attrs.evolve(paragraph, text=pending.text + paragraph.text, number=pending.number)
            pending = None
        if paragraph.merge_next:
            pending = paragraph
            continue
        text = paragraph.text.replace("\t", " ").strip()
        if text:
            blocks.append((Block(text=text, line=paragraph.number, heading=bool(paragraph.heading_level)), paragraph.cell))
    if pending is not None and pending.text.strip():
        blocks.append((Block(text=pending.text.replace("\t", " ").strip(), line=pending.number), pending.cell))
    return blocks


def read(data: bytes, path: str, options: dict[str, str] | None = None) -> Document:
    revisions = (options or {}).get("revisions", "accepted")
    paragraphs = extract(data, path, revisions)
    title = next((p.text.strip() for p in paragraphs if p.style and p.style.lower() == "title"), None)
    notices = ("tracked changes shown as before the revisions (--revisions original)",) if (
        revisions == "original") else ()
    return build_document(data, path, _blocks(paragraphs), NAME, title=title, notices=notices)
