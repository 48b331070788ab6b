"""Test helpers that generate drafts in every input format from one plain-text draft.

Nothing here is copied from real treaties: the texts are written for these tests. Word files come from
python-docx (a real writer) or, where python-docx has no API (footnotes, tracked changes), from the
package XML written out by hand; PDFs come from LibreOffice converting the .docx.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)

DRAFT = """Agreement on Economic Security Cooperation

Chapter 1
Investment

Article 1
Investment Screening
1. Each Party shall maintain a mechanism to review foreign investments for risks to national security.
2. The review authorities of the Parties shall exchange information on transactions reviewed by both \
Parties and shall consult on the risks to national security they identify.

Article 2
Export Controls
1. The Parties shall coordinate their export controls on dual-use items and critical technologies.
2. Each Party shall notify the other Party before it adopts a new control on a critical technology.

Chapter 2
Final Provisions

Article 3
Essential Security
Nothing in this Agreement shall be construed to require a Party to furnish any information the \
disclosure of which it considers contrary to its essential security interests.
"""


def paragraphs(draft: str = DRAFT) -> list[str]:
    return [line for line in draft.splitlines() if line.strip()]


def docx_bytes(lines: list[str], title: str | None = None) -> bytes:
    """A .docx written by python-docx: chapter and article lines as headings, the rest as body text."""
    import docx

    document = docx.Document()
    for line in lines:
        if line == title:
            document.add_paragraph(line, style="Title")
        elif line.startswith("Chapter"):
            document.add_heading(line, level=1)
        elif line.startswith("Article"):
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def raw_docx(body: str, numbering: str = "", footnotes: str = "", styles: str = "",
             parts: dict[str, str] | None = None) -> bytes:
    """A minimal .docx from hand-written WordprocessingML: ``body`` is the inside of ``w:body``;
    ``parts`` adds further parts as they are (name -> XML)."""

    def part(root: str, inner: str) -> str:
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} xmlns:w="{W}">{inner}</w:{root}>'

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", part("document", f"<w:body>{body}</w:body>"))
        if numbering:
            archive.writestr("word/numbering.xml", part("numbering", numbering))
        if footnotes:
            archive.writestr("word/footnotes.xml", part("footnotes", footnotes))
        if styles:
            archive.writestr("word/styles.xml", part("styles", styles))
        for name, xml in (parts or {}).items():
            archive.writestr(name, xml)
    return out.getvalue()


def para(text: str, num: tuple[int, int] | None = None, style: str | None = None) -> str:
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f'<w:p><w:pPr>{props}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.environ.get("ESA_REQUIRE_SOFFICE") == "1":
        pytest.fail("ESA_REQUIRE_SOFFICE=1 but LibreOffice (soffice) is not installed")
    return found


# LibreOffice's PDF filter with each Word comment as a PDF note at its anchor (LibreOffice 7.5 and later
# also take "ExportNotesInMargin", which 7.4 ignores)
PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def to_pdf(docx_path: Path, out_dir: Path, convert_to: str = "pdf") -> Path:
    """Convert with LibreOffice (skips the test when it is absent, unless CI requires it)."""
    binary = soffice()
    if binary is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = out_dir / "lo-profile"  # a private profile: parallel runs must not share LibreOffice's lock
    subprocess.run(
        [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", convert_to,
         "--outdir", str(out_dir), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = out_dir / (docx_path.stem + ".pdf")
    assert pdf.exists(), "LibreOffice did not write the PDF"
    return pdf


def tota_dir() -> Path | None:
    default = Path(__file__).resolve().parents[2] / "shared/corpus/tota/xml"
    folder = Path(os.environ.get("ESA_TOTA_DIR", default))
    return folder if folder.is_dir() else None


REVIEW_DRAFT = [  # (style, text): a short draft written for the review-copy tests
    ("Title", "Agreement on Economic Security between Aldoria and Brennmark"),
    ("Heading 1", "Chapter 1 Economic Security"),
    ("Heading 2", "Article 1 Investment Screening"),
    (None, "1. Each Party shall maintain a mechanism to review foreign investments for risks to **national "
           "security**."),
    (None, "2. The review authorities of the Parties should endeavour to exchange information on investment "
           "screening."),
    ("Heading 2", "Article 2 Export Controls"),
    ("sdt", "The Parties shall coordinate their export controls on dual-use items and critical technologies."),
    ("Heading 2", "Article 3 Relation to Other Agreements"),
    (None, "A Party may suspend its economic security cooperation under this Chapter in response to a dispute "
           "under any other agreement between the Parties."),
    ("Heading 2", "Article 4 Economic Security Committee"),
    (None, "The Parties hereby establish an Economic Security Committee."),
]


def review_docx() -> bytes:
    """A Word draft as negotiators keep one: title and headings, a bold phrase inside a clause, a clause in
    a content control, a tracked insertion, a comment from the other side, a header and a footer."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "RESTRICTED - Round 3 - Each Party shall consult"
    document.sections[0].footer.paragraphs[0].text = "Draft text: shall exchange information"
    for style, text in REVIEW_DRAFT:
        paragraph = document.add_paragraph(style=style if style not in (None, "sdt") else None)
        for n, piece in enumerate(text.split("**")):
            if piece:
                paragraph.add_run(piece).bold = bool(n % 2)
        if style == "sdt":  # wrap the clause in a block content control, as a template's field would be
            sdt = parse_xml(f'<w:sdt xmlns:w="{W}"><w:sdtPr><w:alias w:val="Clause"/></w:sdtPr>'
                            "<w:sdtContent/></w:sdt>")
            paragraph._p.addprevious(sdt)
            sdt[1].append(paragraph._p)
        if "should endeavour" in text:  # Party B inserted "on investment screening" as a tracked change
            run = paragraph.runs[0]._r
            head, _, tail = text.partition(" on investment")
            run[-1].text = head
            ins = parse_xml(f'<w:ins xmlns:w="{W}" w:id="901" w:author="Party B" w:date="2026-11-02T10:00:00Z">'
                            f'<w:r><w:t xml:space="preserve"> on investment{tail}</w:t></w:r></w:ins>')
            run.addnext(ins)
    first_clause = document.paragraphs[3]
    document.add_comment(first_clause.runs, text="Party A: can we say 'essential security'?",
                         author="Party A", initials="PA")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
