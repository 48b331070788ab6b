from __future__ import annotations

import io
from pathlib import Path

import pytest
from docgen import DRAFT, docx_bytes, paragraphs, to_pdf

from esa_rules.errors import InputError
from esa_rules.readers import pdf as pdf_reader

pytest.importorskip("pypdf")


def test_running_headers_footers_and_page_numbers_are_stripped() -> None:
    pages = [
        ["Restricted draft 12 May", "Article 4", "Each Party shall review investments.", "Page 1 of 3"],
        ["Restricted draft 12 May", "Article 5", "The Parties shall consult.", "Page 2 of 3"],
        ["Restricted draft 12 May", "Article 6", "The Council shall meet.", "- 3 -"],
    ]
    kept = pdf_reader.strip_furniture(pages)
    assert [[text for _, text in page] for page in kept] == [
        ["Article 4", "Each Party shall review investments."],
        ["Article 5", "The Parties shall consult."],
        ["Article 6", "The Council shall meet."],
    ]
    assert [n for n, _ in kept[0]] == [2, 3]  # lines keep their printed position on the page


def test_articles_opening_consecutive_pages_are_not_mistaken_for_headers() -> None:
    pages = [["Article 4", "text one"], ["Article 5", "text two"], ["Article 6", "text three"]]
    assert [[t for _, t in page] for page in pdf_reader.strip_furniture(pages)] == [
        ["Article 4", "text one"], ["Article 5", "text two"], ["Article 6", "text three"],
    ]


def test_lines_are_grouped_into_paragraphs_and_hyphens_rejoined() -> None:
    Line = pdf_reader.Line
    lines = [
        (1, 1, Line("Article 2 Screening", 700, 13)),
        (1, 2, Line("1. Each Party shall maintain a mecha-", 680, 11)),
        (1, 3, Line("nism to review non-", 665.3, 11)),
        (1, 4, Line("market and self-", 650.6, 11)),
        (1, 5, Line("judging investments.", 635.9, 11)),
        (1, 6, Line("2. The Parties shall", 611, 11)),
        (2, 2, Line("consult.", 760, 11)),  # continues across the page break: lowercase after an open sentence
        (2, 3, Line("Article 3", 735, 13)),
    ]
    blocks = pdf_reader.paragraph_blocks(lines)
    assert [b.text for b in blocks] == [
        "Article 2 Screening",
        "1. Each Party shall maintain a mechanism to review non-market and self-judging investments.",
        "2. The Parties shall consult.",
        "Article 3",
    ]
    second = blocks[1]
    assert (second.page, second.line) == (1, 2)
    # Every printed line keeps an anchor: "nism" sits on line 3, "judging" on line 5.
    assert [(second.text[a.offset:a.offset + 4], a.line) for a in second.extra] == [
        ("nism", 3), ("mark", 4), ("judg", 5),
    ]
    assert blocks[2].extra[0].page == 2


def test_paragraphs_without_spacing_split_at_numbering_markers() -> None:
    Line = pdf_reader.Line
    lines = [(1, n, Line(text, 700 - 14 * n, 11)) for n, text in enumerate(
        ["1. Each Party shall review", "investments.", "2. The Parties shall consult on", "Article 5 of this Chapter."], 1)]
    assert [b.text for b in pdf_reader.paragraph_blocks(lines)] == [
        "1. Each Party shall review investments.",
        "2. The Parties shall consult on Article 5 of this Chapter.",
    ]


def test_a_bold_heading_at_body_size_is_a_paragraph_of_its_own() -> None:
    """Word prints "Article 3: Scope" in bold at the body's size with no space below it; the change of
    font, not the gap, is what ends the heading. A heading wrapped onto a second line keeps its font."""
    Line = pdf_reader.Line
    lines = [(1, n, Line(text, 700 - 14 * n, 11, font)) for n, (text, font) in enumerate([
        ("Article 3: Investment Screening, Export Controls and", "Sans-Bold"),
        ("Economic Coercion", "Sans-Bold"),
        ("Each Party shall review investments as", "Serif"),
        ("Article 4", "Serif"),  # a reference the sentence runs into, not a heading
        ("of the GATT 1994 allows.", "Serif"),
    ], 1)]
    assert [b.text for b in pdf_reader.paragraph_blocks(lines)] == [
        "Article 3: Investment Screening, Export Controls and Economic Coercion",
        "Each Party shall review investments as Article 4 of the GATT 1994 allows.",
    ]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    # Long enough to run over several pages, so running headers and page numbers repeat.
    lines = paragraphs(DRAFT) * 4
    source = folder / "draft.docx"
    source.write_bytes(_with_header(docx_bytes(lines), "Economic Security Agreement - negotiating draft"))
    return to_pdf(source, folder)


def _with_header(data: bytes, header: str) -> bytes:
    import docx

    document = docx.Document(io.BytesIO(data))
    document.sections[0].header.paragraphs[0].text = header
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = "Confidential"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_libreoffice_pdf_reads_back_without_furniture(converted: Path) -> None:
    document = pdf_reader.read(converted.read_bytes(), str(converted))
    assert document.format == "pdf"
    assert "negotiating draft" not in document.text
    assert "Confidential" not in document.text
    flat = " ".join(document.text.split())
    assert "Each Party shall maintain a mechanism to review foreign investments for risks to national security." in flat
    pages = {a.page for a in document.anchors}
    assert len(pages) >= 2 and None not in pages
    offset = document.text.index("Essential Security")
    anchor = document.locate(offset)
    assert anchor.page is not None and anchor.line >= 1


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_scanned_pdf_without_text_layer() -> None:
    with pytest.raises(InputError, match="no text layer"):
        pdf_reader.read(_blank_pdf(), "scan.pdf")


def test_encrypted_pdf() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_blank_pdf())))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(InputError, match="encrypted"):
        pdf_reader.read(out.getvalue(), "locked.pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF", b"%PDF"])
def test_truncated_pdfs(data: bytes) -> None:
    with pytest.raises(InputError):
        pdf_reader.read(data, "cut.pdf")


def test_sniffing() -> None:
    assert pdf_reader.sniff(b"%PDF-1.7\n...", "draft")
    assert pdf_reader.sniff(b"\x00junk before %PDF-1.4", "draft.bin")
    assert not pdf_reader.sniff(b"Article 1", "draft.txt")
