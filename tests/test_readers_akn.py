from __future__ import annotations

import pytest

from esa_rules.errors import InputError
from esa_rules.readers import akn, read

AKN = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="esa">
    <meta><identification source="#drafting"><FRBRWork><FRBRthis value="/akn/xx/act/esa"/>
    </FRBRWork></identification></meta>
    <preface><p><docTitle>Agreement on Economic Security</docTitle></p></preface>
    <body>
      <chapter eId="chp_2">
        <num>Chapter 2</num><heading>Investment</heading>
        <article eId="chp_2__art_5">
          <num>Article 5</num>
          <heading>Investment Screening</heading>
          <paragraph eId="chp_2__art_5__para_1">
            <num>1.</num>
            <content><p>Each Party shall maintain a mechanism to review foreign investments<authorialNote
              eId="n1"><p>A note that is not treaty text.</p></authorialNote> for risks to national
              security.</p></content>
          </paragraph>
          <paragraph eId="chp_2__art_5__para_2">
            <num>2.</num>
            <intro><p>The Parties shall:</p></intro>
            <point eId="chp_2__art_5__para_2__pnt_a"><num>(a)</num><content><p>exchange information;</p></content></point>
            <point eId="chp_2__art_5__para_2__pnt_b"><num>(b)</num><content><p>consult.</p></content></point>
          </paragraph>
        </article>
        <article eId="chp_2__art_6"><num>Article 6</num><heading>Review</heading>
          <content><p>The Joint Council shall review this Chapter.</p></content></article>
      </chapter>
    </body>
  </act>
</akomaNtoso>
"""


@pytest.fixture(scope="module")
def document():
    return akn.read(AKN.encode(), "esa.xml")


def test_structure_and_eids_come_from_the_document(document) -> None:
    units = [(u.kind, u.label, u.eid) for u in document.units()][1:]
    assert units == [
        ("chapter", "Preamble", "preamble"),  # the title above the first unit, as in a plain draft
        ("paragraph", "Preamble, first paragraph", "preamble__para_u1"),
        ("chapter", "Chapter 2", "chp_2"),
        ("article", "Article 5", "chp_2__art_5"),
        ("paragraph", "Article 5, paragraph 1", "chp_2__art_5__para_1"),
        ("paragraph", "Article 5, paragraph 2", "chp_2__art_5__para_2"),
        ("subparagraph", "Article 5, paragraph 2(a)", "chp_2__art_5__para_2__pnt_a"),
        ("subparagraph", "Article 5, paragraph 2(b)", "chp_2__art_5__para_2__pnt_b"),
        ("article", "Article 6", "chp_2__art_6"),
        ("paragraph", "Article 6, first paragraph", "chp_2__art_6__para_u1"),  # unnumbered, as in a .txt
    ]
    article = next(u for u in document.units() if u.eid == "chp_2__art_5")
    assert (article.number, article.heading) == ("5", "Investment Screening")
    assert document.title == "Agreement on Economic Security"


def test_text_reads_like_a_plain_draft_and_skips_notes(document) -> None:
    assert "Article 5 Investment Screening\n\n1. Each Party shall maintain" in document.text
    assert "foreign investments for risks to national security." in document.text
    assert "not treaty text" not in document.text


def test_units_tile_the_text(document) -> None:
    for unit in document.units():
        assert unit.start <= unit.end
        if unit.children:
            assert unit.children[-1].end == unit.end
            for left, right in zip(unit.children, unit.children[1:], strict=False):
                assert left.end == right.start
    paragraph = next(u for u in document.units() if u.eid == "chp_2__art_5__para_2__pnt_b")
    assert document.text[paragraph.start:paragraph.end].strip() == "(b) consult."


def test_evidence_lines_point_into_the_xml(document) -> None:
    lines = AKN.splitlines()
    offset = document.text.index("The Joint Council")
    anchor = document.locate(offset)
    assert "The Joint Council" in lines[anchor.line - 1]


def test_keys_are_set(document) -> None:
    keys = [u.key for u in document.units()]
    assert all(keys) and len(set(keys)) == len(keys)


def test_sniffing() -> None:
    assert akn.sniff(AKN.encode(), "esa.xml")
    assert not akn.sniff(b"<treaty><meta/></treaty>", "pta_1.xml")


@pytest.mark.parametrize(("xml", "reason"), [
    (b"<akomaNtoso><act><body>", "not well-formed"),
    (b"", "empty"),
    (b'<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>', "no text"),
])
def test_broken_files(xml: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        read("bad.akn", data=xml)


def test_unstructured_markup_is_read_as_a_plain_draft_is() -> None:
    """Line breaks (<eol/>), a section inside a chapter, and a document without any unit, laid out and
    labelled as the segmenter lays out and labels the same draft read from text."""
    ns = 'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'
    with_section = (f'<akomaNtoso {ns}><act><preface><p><docTitle>AGREEMENT ON TRADE<eol/>AND SECURITY</docTitle></p>'
                    '</preface><body><chapter><num>CHAPTER TWENTY-TWO BIS</num><heading>Security</heading>'
                    '<section><num>Section A</num><article><num>Article 1</num><content><p>The Parties shall'
                    '<eol/>consult.</p><p>They shall meet.</p></content></article></section></chapter></body>'
                    '</act></akomaNtoso>')
    document = akn.read(with_section.encode(), "s.xml")
    assert document.title == "AGREEMENT ON TRADE AND SECURITY"
    assert document.text.startswith("AGREEMENT ON TRADE\nAND SECURITY\n\nCHAPTER TWENTY-TWO BIS Security\n\n")
    assert [u.label for u in document.units()][1:] == [
        "Preamble", "Preamble, first paragraph", "Chapter 22 bis", "Chapter 22 bis, Section A", "Article 1",
        "Article 1, first paragraph", "Article 1, second paragraph",
    ]
    flat = akn.read(f'<akomaNtoso {ns}><doc><mainBody><p>One.</p><p>Two.</p></mainBody></doc></akomaNtoso>'.encode(),
                    "f.xml")
    assert [u.label for u in flat.units()][1:] == ["First paragraph", "Second paragraph"]


def test_an_appendix_numbered_on_from_its_annex_in_akn_is_labelled_by_its_whole_number() -> None:
    """``<num>Appendix 11-A-1</num>`` is labelled as the segmenter labels the same heading in a plain draft."""
    ns = 'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'
    xml = (f'<akomaNtoso {ns}><act><body><annex><num>ANNEX 11-A</num><p>Lists.</p></annex>'
           '<annex><num>Appendix 11-A-1</num><heading>Listed Items</heading><p>Category 0.</p></annex>'
           '</body></act></akomaNtoso>')
    annexes = [(u.label, u.heading) for u in akn.read(xml.encode(), "a.xml").units() if u.kind == "annex"]
    assert annexes == [("Annex 11-A", None), ("Annex 11-A-1", "Listed Items")]


@pytest.mark.parametrize("num", ["(c)", "c)", "c."])
def test_a_point_is_numbered_by_its_letter_however_bracketed(num: str) -> None:
    xml = (f'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><article><num>Article 9'
           f'</num><paragraph><num>2.</num><content><p>The Council shall:</p></content><point><num>{num}</num>'
           '<content><p>prepare recommendations.</p></content></point></paragraph></article></body></act>'
           '</akomaNtoso>').encode()
    doc = akn.read(xml, "points.akn.xml")
    assert [u.number for u in doc.units() if u.kind == "subparagraph"] == ["c"]


@pytest.mark.parametrize("num", ["1)", "(1)", "1."])
def test_a_paragraph_is_numbered_by_its_figure_however_bracketed(num: str) -> None:
    """``<num>1)</num>`` of a Word list flattened to text is paragraph 1, as the segmenter reads "1) Each Party"."""
    xml = (f'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><article><num>Article 15.2'
           f'</num><paragraph><num>{num}</num><content><p>Each Party shall review investments.</p></content>'
           '</paragraph></article></body></act></akomaNtoso>').encode()
    doc = akn.read(xml, "paragraphs.akn.xml")
    assert [(u.label, u.number) for u in doc.units() if u.kind == "paragraph"] == [("Article 15.2, paragraph 1", "1")]


def test_an_annex_numbered_by_its_kind_alone_is_titled_by_it() -> None:
    """"<num>AGREED MINUTES</num>" heads an annex titled "AGREED MINUTES", as the segmenter reads the line."""
    data = AKN.replace("</body>", "<annex><num>AGREED MINUTES</num><content><p>The Parties record that Article 6"
                                  " binds.</p></content></annex></body>").encode()
    annex = [u for u in akn.read(data, "esa.xml").units() if u.kind == "annex"]
    assert [(u.label, u.heading) for u in annex] == [("Annex", "AGREED MINUTES")]


def test_a_table_of_contents_is_not_read_as_text() -> None:
    """``<toc>`` restates the headings of the body: read, it would say "Economic Coercion" a second time."""
    xml = (b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><preface><p><docTitle>'
           b'AGREEMENT</docTitle></p><toc><tocItem href="#art_1" level="1">Article 1 Economic Coercion</tocItem></toc>'
           b'</preface><body><article><num>Article 1</num><heading>Economic Coercion</heading><content><p>[Reserved]'
           b'</p></content></article></body></act></akomaNtoso>')
    doc = akn.read(xml, "toc.akn.xml")
    assert doc.text.count("Economic Coercion") == 1


def test_a_paragraph_numbered_with_a_dash_is_numbered_by_its_figure() -> None:
    """``<num>1 \u2014</num>``, as Portuguese drafting numbers a paragraph, is paragraph 1."""
    xml = ('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><article><num>Article 2.\u00ba'
           '</num><paragraph><num>1 \u2014</num><content><p>This Agreement does not apply to the Fund.</p></content>'
           '</paragraph></article></body></act></akomaNtoso>').encode()
    doc = akn.read(xml, "dash.akn.xml")
    assert [(u.label, u.number) for u in doc.units() if u.kind == "paragraph"] == [("Article 2, paragraph 1", "1")]
