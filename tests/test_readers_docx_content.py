"""What real Word drafts hold besides plain paragraphs: content controls and text boxes are part of the
draft; comments, headers and footers are not. The XML is written by hand in the shapes Word writes."""

from __future__ import annotations

import io

from docgen import para, raw_docx

from esa_rules.readers import docx as docx_reader
from esa_rules.readers import read

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = (f'xmlns:mc="{MC}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')


def found(data: bytes) -> list[tuple[int, str]]:
    return [(p.number, p.text) for p in docx_reader.extract(data, "d.docx")]


def control(inner: str, placeholder: bool = False) -> str:
    shown = "<w:showingPlcHdr/>" if placeholder else ""
    return f'<w:sdt><w:sdtPr><w:alias w:val="Clause"/>{shown}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>'


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def text_box(paragraphs: str) -> str:
    """A text box as Word 2010+ writes it: DrawingML, with a VML copy of the same text as fallback."""
    return (
        f"<w:r><mc:AlternateContent {NS}><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
        f"<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent></v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_block_run_and_cell_content_controls_are_read() -> None:
    body = (
        control(para("Each Party shall maintain a mechanism to screen investments."))
        + f"<w:p>{run('The Parties shall ')}{control(run('exchange information'))}{run(' on reviews.')}</w:p>"
        + "<w:tbl><w:tr>" + control("<w:tc>" + para("semiconductors") + "</w:tc>") + "</w:tr></w:tbl>"
    )
    assert found(raw_docx(body)) == [
        (1, "Each Party shall maintain a mechanism to screen investments."),
        (2, "The Parties shall exchange information on reviews."),
        (3, "semiconductors"),
    ]


def test_a_content_control_showing_its_placeholder_holds_no_draft_text() -> None:
    body = (
        control(para("Click or tap here to enter text."), placeholder=True)
        + f"<w:p>{run('Each Party shall ')}{control(run('Choose an item.'), placeholder=True)}{run('consult.')}</w:p>"
    )
    assert found(raw_docx(body)) == [(1, "Each Party shall consult.")]


def test_text_box_is_read_once_after_the_paragraph_that_holds_it() -> None:
    box = para("The Parties shall coordinate export controls.") + para("Nested: " + "see Annex A.")
    body = (
        f"<w:p>{run('Article 4 Export Controls')}{text_box(box)}</w:p>"
        + para("Each Party shall notify the other Party.")
    )
    # the box shares its host's paragraph number, as footnotes do, so later numbers do not move
    assert found(raw_docx(body)) == [
        (1, "Article 4 Export Controls"),
        (1, "The Parties shall coordinate export controls."),
        (1, "Nested: see Annex A."),
        (2, "Each Party shall notify the other Party."),
    ]


def test_old_vml_text_box_is_read() -> None:
    body = (f"<w:p>{run('Host.')}<w:r><w:pict {NS}><v:shape><v:textbox><w:txbxContent>"
            + para("Each Party shall screen investments.") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>")
    assert found(raw_docx(body)) == [(1, "Host."), (1, "Each Party shall screen investments.")]


def test_text_box_text_reaches_the_checked_document() -> None:
    box = para("Each Party shall maintain a mechanism to review foreign investments for risks to national security.")
    document = read("d.docx", data=raw_docx(f"<w:p>{run('Article 1 Screening')}{text_box(box)}</w:p>"))
    assert document.text.count("review foreign investments") == 1


def test_comments_headers_and_footers_are_not_part_of_the_draft() -> None:
    import docx

    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "Restricted: Each Party shall consult on coercion."
    word.sections[0].footer.paragraphs[0].text = "Page footer: shall exchange information"
    target = word.add_paragraph("Each Party shall screen investments.")
    word.add_comment(target.runs, text="Should we add national security here?", author="Party A")
    out = io.BytesIO()
    word.save(out)
    document = read("d.docx", data=out.getvalue())
    assert document.text == "Each Party shall screen investments."
