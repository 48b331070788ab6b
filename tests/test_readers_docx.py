from __future__ import annotations

import pytest
from docgen import DRAFT, docx_bytes, para, paragraphs, raw_docx

from esa_rules.errors import InputError, UsageError
from esa_rules.readers import docx as docx_reader
from esa_rules.readers import read
from esa_rules.readers.docx_numbering import format_number

NUMBERING = (
    '<w:abstractNum w:abstractNumId="7">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/>'
    '<w:lvlText w:val="Article %1"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%4)"/></w:lvl>'
    "</w:abstractNum>"
    '<w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="7"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
)


def texts(data: bytes, revisions: str = "accepted") -> list[str]:
    return [p.text for p in docx_reader.extract(data, "draft.docx", revisions)]


def test_automatic_numbering_is_resolved_into_visible_labels() -> None:
    body = "".join([
        para("Investment Screening", num=(1, 0)),
        para("Each Party shall review investments.", num=(1, 1)),
        para("The Parties shall:", num=(1, 1)),
        para("exchange information;", num=(1, 2)),
        para("consult;", num=(1, 2)),
        para("in good faith", num=(1, 3)),
        para("a bullet point", num=(2, 0)),
        para("Export Controls", num=(1, 0)),
        para("Each Party shall coordinate.", num=(1, 1)),
        para("Restarted list", num=(3, 0)),
    ])
    assert texts(raw_docx(body, numbering=NUMBERING)) == [
        "Article 1 Investment Screening",
        "1.\tEach Party shall review investments.",
        "2.\tThe Parties shall:",
        "(a)\texchange information;",
        "(b)\tconsult;",
        "(i)\tin good faith",
        "a bullet point",
        "Article 2 Export Controls",  # the lower levels restart under a new article
        "1.\tEach Party shall coordinate.",
        "Article 10 Restarted list",
    ]


def test_numbering_from_a_style_applies_without_paragraph_properties() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="ArticleHeading"><w:name w:val="Article Heading"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = para("Scope", style="ArticleHeading") + para("Definitions", style="ArticleHeading")
    assert texts(raw_docx(body, numbering=NUMBERING, styles=styles)) == ["Article 1 Scope", "Article 2 Definitions"]


@pytest.mark.parametrize(("number", "fmt", "shown"), [
    (4, "lowerRoman", "iv"), (14, "upperRoman", "XIV"), (27, "lowerLetter", "aa"), (3, "upperLetter", "C"),
    (7, "decimalZero", "07"), (12, "decimal", "12"), (1, "bullet", ""),
])
def test_number_formats(number: int, fmt: str, shown: str) -> None:
    assert format_number(number, fmt) == shown


TRACKED = (
    "<w:p><w:r><w:t xml:space=\"preserve\">Each Party </w:t></w:r>"
    "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>may</w:delText></w:r></w:del>"
    "<w:ins w:id=\"2\" w:author=\"B\"><w:r><w:t>shall</w:t></w:r></w:ins>"
    "<w:r><w:t xml:space=\"preserve\"> review investments.</w:t></w:r></w:p>"
    # A paragraph mark deleted in review: accepted, the two paragraphs become one.
    "<w:p><w:pPr><w:rPr><w:del w:id=\"3\" w:author=\"A\"/></w:rPr></w:pPr>"
    "<w:r><w:t xml:space=\"preserve\">The Parties shall </w:t></w:r></w:p>"
    "<w:p><w:r><w:t>consult.</w:t></w:r></w:p>"
)


def test_tracked_changes_are_accepted_by_default() -> None:
    data = raw_docx(TRACKED)
    blocks = docx_reader._blocks(docx_reader.extract(data, "d.docx"))
    assert [b.text for b in blocks] == ["Each Party shall review investments.", "The Parties shall consult."]
    assert [b.line for b in blocks] == [1, 2]


def test_original_revisions_show_the_text_before_the_changes() -> None:
    blocks = docx_reader._blocks(docx_reader.extract(raw_docx(TRACKED), "d.docx", "original"))
    assert [b.text for b in blocks] == ["Each Party may review investments.", "The Parties shall", "consult."]


def test_unknown_revisions_option_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        docx_reader.extract(raw_docx(TRACKED), "d.docx", "latest")


def test_tables_footnotes_and_paragraph_numbers() -> None:
    body = (
        para("Annex on critical minerals")
        + "<w:tbl><w:tr><w:tc>" + para("lithium") + "</w:tc><w:tc>" + para("cobalt") + "</w:tc></w:tr></w:tbl>"
        + '<w:p><w:r><w:t>Each Party shall screen investments.</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
    )
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:t>For greater certainty, screening includes review.</w:t></w:r></w:p>'
        "</w:footnote>"
    )
    found = docx_reader.extract(raw_docx(body, footnotes=footnotes), "d.docx")
    assert [(p.number, p.text) for p in found] == [
        (1, "Annex on critical minerals"), (2, "lithium"), (3, "cobalt"),
        (4, "Each Party shall screen investments."),
        (4, "[footnote 2] For greater certainty, screening includes review."),
    ]


def test_python_docx_output_keeps_every_paragraph_and_the_title_style() -> None:
    lines = paragraphs(DRAFT)
    found = docx_reader.extract(docx_bytes(lines, title=lines[0]), "d.docx")
    assert [p.text for p in found] == lines
    assert found[0].style == "Title" and found[0].heading_level == 0
    assert found[1].heading_level == 1


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"PK\x03\x04 this is not really a zip", "corrupt or truncated"),
    (raw_docx(para("x"))[:200], "corrupt or truncated"),
])
def test_broken_files_raise_input_errors(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read("bad.docx", data=data)


def test_zip_that_is_not_a_word_document() -> None:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("content.xml", "<office/>")
    with pytest.raises(InputError, match="not a Word document"):
        docx_reader.extract(out.getvalue(), "sheet.docx")


def test_sniffing_uses_content_not_only_the_name() -> None:
    data = raw_docx(para("x"))
    assert docx_reader.sniff(data, "draft.bin")
    assert docx_reader.sniff(b"junk", "draft.docx")  # so a broken .docx gets a .docx message
    assert not docx_reader.sniff(b"Article 1\nEach Party shall", "draft.txt")


def test_cli_revisions_option_reaches_the_reader(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from esa_rules.cli import main

    body = para("Article 1 Investment Screening") + (
        '<w:p><w:r><w:t xml:space="preserve">1. Each Party </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:delText>may</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="B"><w:r><w:t>shall</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> maintain a mechanism to review foreign investments for risks to national '
        "security.</w:t></w:r></w:p>"
    )
    draft = tmp_path / "tracked.docx"
    draft.write_bytes(raw_docx(body))

    def status(*extra: str) -> str:
        result = CliRunner().invoke(main, ["check", "-j", "1", "-f", "json", str(draft), *extra])
        import json

        findings = json.loads(result.output)["documents"][0]["findings"]
        finding = next(f for f in findings if f["provision"] == "ESA-INV-1")
        assert finding["evidence"][0]["line"] == 2  # the second paragraph of the document
        return finding["status"]

    assert status() == "satisfied"
    assert status("--revisions", "original") == "weak"
