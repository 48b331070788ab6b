"""The blocks of a plain draft (``formatgen.draft_blocks``) written out as Markdown, HTML, Word and PDF: each
heading as that format's heading, the rest as paragraphs. The Akoma Ntoso writer is in ``formatakn``."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs
from formatgen import Block, goes_on, heading_of

from esa_rules.numbering import match_heading

# per level of heading (and the title): its Markdown mark, its HTML tag and its Word style
_STYLES = {"title": ("# ", "h1", "Title"), "part": ("# ", "h1", "Heading 1"), "chapter": ("# ", "h1", "Heading 1"),
           "annex": ("# ", "h1", "Heading 1"), "section": ("## ", "h2", "Heading 2"), "article": ("### ", "h2", "Heading 3")}


def _noted(blocks: Iterable[Block]) -> Iterator[Block]:
    """The blocks, with a schedule's heading, its note and its title set as one heading over three lines
    ("FIRST SCHEDULE", "(Section 2)", "UNDERTAKINGS ..."), as a word processor's user types them: a note
    between a heading and its title is no paragraph of its own. So is a title that reads as an annex's heading
    ("CHAPTER 9" over "SCHEDULE 3 ITEMS"): the segmenter takes it for the title only on the line right under
    the heading, and one blank line below it would open Schedule 3."""
    held: Block | None = None
    for block in _listed(blocks):
        if held is not None and (block.role == "note" or (block.role == "caption" and (
                "\n" in held.text or _names_annex(block.text)))):
            held = attrs.evolve(held, text=f"{held.text}\n{block.text}")
            continue
        if held is not None:
            yield held
        held = block if block.role == "heading" else None
        if held is None:
            yield block
    if held is not None:
        yield held


# "1. Lithium carbonate and lithium hydroxide": an item of a schedule's list, short and with no stop at its end
_ITEM = re.compile(r"\d{1,2}\.[ \t]+[A-Z][^\n]{0,80}(?<![.:;,!?])")


def _listed(blocks: Iterable[Block]) -> Iterator[Block]:
    """The blocks, with the items of a list set one a line ("1. Lithium carbonate ..." over "2. Cobalt oxides
    ...") kept as lines of one paragraph, as the .txt types them: set apart, one a paragraph, three or more
    would read as the captions of a decimal outline, each heading an article."""
    above: Block | None = None
    for block in blocks:
        last = above.text.rpartition("\n")[2] if above is not None else ""
        read = match_heading(last) if above is not None and above.role == "body" else None
        if above is not None and block.role == "body" == above.role and (
                (_ITEM.fullmatch(block.text) and _ITEM.fullmatch(last))
                # "ARTICLE 2o. DEFINITIONS. For the purposes ...:" over "a) Sensitive items: ...": a line the
                # segmenter reads as a sentence going on below it, no heading, so long as the two stay together
                or (read is not None and read.body_start is None and goes_on(block.text))):
            above = attrs.evolve(above, text=f"{above.text}\n{block.text}")
            continue
        if above is not None:
            yield above
        above = block
    if above is not None:
        yield above


def _names_annex(line: str) -> bool:
    read = match_heading(" ".join(line.split()))
    return read is not None and read.kind == "annex"


def _letter_spaced(line: str) -> bool:
    """A line set in spaced capitals, as a watermark is: "D R A F T  -  W I T H O U T   P R E J U D I C E"."""
    words = line.split()
    return len(words) >= 6 and all(len(word) == 1 for word in words)


def markdown(blocks: Iterable[Block]) -> str:
    out = []
    for block in _noted(blocks):
        if block.role == "title":
            # a Markdown heading is one line: a title set over several is joined, unless the lines under
            # it are headings that an extraction tool ran into it (a running header), which stay below
            first, *rest = block.text.split("\n")
            if rest and _letter_spaced(first):  # a page's watermark over the title, no line of the title
                out.append(first)
                first, *rest = rest
            glued = any(heading_of(" ".join(line.split())) for line in rest)
            out.append("# " + ("\n".join([first, *rest]) if glued else " ".join([first, *rest])))
        elif block.role == "heading":
            out.append(_STYLES[block.level][0] + block.text)
        else:
            out.append(block.text)
    return "\n\n".join(out) + "\n"


def html_page(blocks: Iterable[Block]) -> str:
    """A page with browser chrome around the draft: the reader must drop it."""
    body = []
    for block in _noted(blocks):
        tag = _STYLES[block.role if block.role == "title" else block.level][1] if block.role in ("title", "heading") \
            else "p"
        body.append(f"<{tag}>" + "<br>\n".join(html.escape(line) for line in block.text.split("\n")) + f"</{tag}>")
    chrome = '<nav><a href="/">Article 99 Home</a></nav><script>var a = "Each Party shall";</script>'
    return ("<!DOCTYPE html><html><head><title>Draft</title></head><body>" + chrome + "\n"
            + "\n".join(body) + "</body></html>")


def docx(blocks: Iterable[Block]) -> bytes:
    """Word headings for headings, the Title style for the title, body paragraphs for the rest; a line
    break inside a paragraph is a Word line break (python-docx turns "\\n" in a run into ``w:br``)."""
    import docx as python_docx

    document = python_docx.Document()
    for block in _noted(blocks):
        style = _STYLES[block.role if block.role == "title" else block.level][2] if block.role in ("title", "heading") \
            else None
        document.add_paragraph(block.text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdfs(docx_paths: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Every .docx printed to PDF by one LibreOffice run (starting LibreOffice is most of its cost)."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        return {}
    subprocess.run([binary, f"-env:UserInstallation=file://{out_dir / 'lo-profile'}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), *map(str, docx_paths)], check=True, capture_output=True, timeout=600)
    return {path: out_dir / (path.stem + ".pdf") for path in docx_paths if (out_dir / (path.stem + ".pdf")).exists()}
