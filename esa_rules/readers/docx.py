"""Word .docx drafts, read from the package XML directly (no python-docx at run time).

What a negotiator sees is what we read: automatic list numbering resolved into "Article 3", "1.",
"(a)"; tables cell by cell; footnotes placed after the paragraph that cites them; tracked changes
accepted by default (``revisions="original"`` gives the text before them). Evidence lines are paragraph
numbers: the n-th paragraph of the body, counting table cells, as Word's navigation counts them.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

import attrs

from esa_rules.document import Document
from esa_rules.errors import InputError, UsageError
from esa_rules.readers.docx_numbering import Numbering, Styles, local, wattr
from esa_rules.readers.layout import Block, build_document
from esa_rules.readers.limits import Deadline, SafeZip, parse_xml

NAME = "docx"
EXTENSIONS = (".docx", ".docm", ".dotx")
REVISIONS = ("accepted", "original")
_MAIN = "word/document.xml"
# Subtrees whose text Word does not show in the running text (drawings, field codes, comments marks).
_SKIP = frozenset({"instrText", "drawing", "pict", "AlternateContent", "commentReference", "object",
                   "delInstrText", "footnoteRef", "endnoteRef", "rPr", "pPr", "sectPr", "tblPr", "trPr",
                   "tcPr", "tblGrid"})


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


class _Extractor:
    def __init__(self, archive: SafeZip, path: str, revisions: str) -> None:
        self.path = path
        self.revisions = revisions
        self.deadline = Deadline(path)
        self.styles = Styles(self._part(archive, "word/styles.xml"))
        self.numbering = Numbering(self._part(archive, "word/numbering.xml"), self.styles)
        self.footnotes = self._notes(self._part(archive, "word/footnotes.xml"), "footnote")
        self.endnotes = self._notes(self._part(archive, "word/endnotes.xml"), "endnote")
        self.paragraphs: list[Paragraph] = []
        self.cited: list[tuple[str, str]] = []
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

    def _hidden(self, element: Element) -> bool:
        """A revision subtree that is not part of the chosen version of the text."""
        tag = local(element.tag)
        if self.revisions == "accepted":
            return tag in ("del", "moveFrom")
        return tag in ("ins", "moveTo")

    def _text(self, element: Element) -> tuple[str, list[tuple[str, str]]]:
        """Visible text of a paragraph (runs, hyperlinks, fields, revisions) and the notes it cites."""
        out: list[str] = []
        cited: list[tuple[str, str]] = []
        stack = [element]
        while stack:
            node = stack.pop()
            tag = local(node.tag)
            if node is not element and (tag in _SKIP or self._hidden(node) or tag in ("p", "tbl", "txbxContent")):
                continue
            if tag in ("t", "delText"):
                out.append(node.text or "")
            elif tag in ("tab", "ptab"):
                out.append("\t")
            elif tag in ("br", "cr"):
                out.append(" " if wattr(node, "type") == "page" else "\n")
            elif tag == "noBreakHyphen":
                out.append("-")
            elif tag in ("footnoteReference", "endnoteReference"):
                cited.append((tag[:-9], wattr(node, "id") or ""))
            elif tag == "sym":
                out.append(" ")
            stack.extend(reversed(list(node)))
        return "".join(out), cited

    def _mark_changed(self, paragraph: Element) -> bool:
        mark = paragraph.find("./{*}pPr/{*}rPr")
        if mark is None:
            return False
        wanted = "del" if self.revisions == "accepted" else "ins"
        return any(local(child.tag) == wanted for child in mark)

    def paragraph(self, element: Element) -> None:
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
            merge_next=self._mark_changed(element),
        ))
        for kind, note_id in cited:
            note = (self.footnotes if kind == "footnote" else self.endnotes).get(note_id, "")
            if note:
                self.paragraphs.append(Paragraph(text=f"[{kind} {note_id}] {note}", number=self.count))

    def walk(self, container: Element) -> None:
        for child in container:
            tag = local(child.tag)
            if tag == "p":
                self.paragraph(child)
            elif tag in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml", "smartTag") or (
                tag in ("ins", "del", "moveTo", "moveFrom") and not self._hidden(child)
            ):
                self.walk(child)


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
    blocks: list[Block] = []
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
            blocks.append(Block(text=text, line=paragraph.number))
    if pending is not None and pending.text.strip():
        blocks.append(Block(text=pending.text.replace("\t", " ").strip(), line=pending.number))
    return blocks


def read(data: bytes, path: str, options: dict[str, str] | None = None) -> Document:
    revisions = (options or {}).get("revisions", "accepted")
    paragraphs = extract(data, path, revisions)
    title = next((p.text.strip() for p in paragraphs if p.style and p.style.lower() == "title"), None)
    notices = ("tracked changes shown as before the revisions (--revisions original)",) if (
        revisions == "original") else ()
    return build_document(data, path, _blocks(paragraphs), NAME, title=title, notices=notices)
