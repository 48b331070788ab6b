"""Any bytes into any reader give a Document or an EsaRulesError, never another exception.

Pure random bytes rarely get past the first check, so each reader is also fed mutations of a valid file
of its format (bytes flipped, cut, spliced), which reach the deeper parsing code.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest
from docgen import DRAFT, docx_bytes, paragraphs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_readers_akn import AKN

from esa_rules.document import Document
from esa_rules.errors import EsaRulesError
from esa_rules.readers import akn, docx, html, pdf

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _valid_pdf() -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(width=300, height=300)
    stream = pypdf.generic.DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 20 250 Td (Article 1 Each Party shall review investments.) Tj ET")
    font = pypdf.generic.DictionaryObject({
        pypdf.generic.NameObject("/Type"): pypdf.generic.NameObject("/Font"),
        pypdf.generic.NameObject("/Subtype"): pypdf.generic.NameObject("/Type1"),
        pypdf.generic.NameObject("/BaseFont"): pypdf.generic.NameObject("/Helvetica"),
    })
    page[pypdf.generic.NameObject("/Resources")] = pypdf.generic.DictionaryObject({
        pypdf.generic.NameObject("/Font"): pypdf.generic.DictionaryObject({pypdf.generic.NameObject("/F1"): font}),
    })
    page[pypdf.generic.NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


SEEDS: dict[str, Callable[[], bytes]] = {
    "docx": lambda: docx_bytes(paragraphs(DRAFT)[:8]),
    "pdf": _valid_pdf,
    "html": lambda: b"<html><body><h1>Article 1</h1><ol><li>Each Party shall review.</li></ol></body></html>",
    "akn": lambda: AKN.encode(),
}
READERS = {"docx": docx, "pdf": pdf, "html": html, "akn": akn}


def _outcome(module, data: bytes) -> None:  # type: ignore[no-untyped-def]
    try:
        document = module.read(data, "fuzz")
    except EsaRulesError as exc:
        assert str(exc)  # a message a user can read
        return
    assert isinstance(document, Document)
    assert document.root.end == len(document.text)


@pytest.mark.parametrize("name", sorted(READERS))
def test_seed_is_readable(name: str) -> None:
    document = READERS[name].read(SEEDS[name](), "seed")
    assert "shall" in document.text


@pytest.mark.parametrize("name", sorted(READERS))
@FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes(name: str, data: bytes) -> None:
    _outcome(READERS[name], data)


@pytest.mark.parametrize("name", sorted(READERS))
@FUZZ
@given(
    edits=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.binary(min_size=0, max_size=8)), max_size=6),
    cut=st.floats(0.05, 1.0),
)
def test_mutated_valid_files(name: str, edits: list[tuple[float, bytes]], cut: float) -> None:
    data = bytearray(SEEDS[name]())
    for where, replacement in edits:
        at = int(where * len(data))
        data[at:at + len(replacement)] = replacement
    _outcome(READERS[name], bytes(data[: max(1, int(cut * len(data)))]))


@FUZZ
@given(xml=st.text(max_size=400))
def test_docx_with_arbitrary_document_xml(xml: str) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f"<w:p><w:r><w:t>{xml}</w:t></w:r></w:p></w:body></w:document>",
        )
    _outcome(docx, out.getvalue())


@FUZZ
@given(markup=st.text(alphabet=st.sampled_from(list("<>/=\"' abpolihdivscrt&;#x1\n")), max_size=300))
def test_html_tag_soup(markup: str) -> None:
    _outcome(html, markup.encode())
