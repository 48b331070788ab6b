from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from esa_rules.document import Unit
from esa_rules.segment import segment, segment_body, sentences


def check_invariants(root: Unit, text: str) -> None:
    """The Unit invariants of document.py, plus: leaves and heading blocks give back the text."""
    assert (root.start, root.end) == (0, len(text))
    pieces: list[str] = []
    eids: list[str] = []

    def visit(unit: Unit) -> None:
        assert 0 <= unit.start <= unit.end <= len(text)
        eids.append(unit.eid)
        if unit.heading_span is not None:
            assert unit.start <= unit.heading_span[0] <= unit.heading_span[1] <= unit.body_start
        if not unit.children:
            pieces.append(text[unit.start:unit.end])
            return
        assert unit.children[0].start >= unit.start
        assert unit.children[-1].end == unit.end
        for left, right in zip(unit.children, unit.children[1:], strict=False):
            assert left.end == right.start
        pieces.append(text[unit.start:unit.children[0].start])
        for child in unit.children:
            visit(child)

    visit(root)
    assert "".join(pieces) == text
    assert len(eids) == len(set(eids)), "eids must be unique within a document"


def units(text: str) -> dict[str, Unit]:
    root = segment(text)
    check_invariants(root, text)
    return {u.label: u for u in root.walk()}


DRAFT = """\
AGREEMENT ON ECONOMIC SECURITY

The Parties, recognising that economic security is national security,

HAVE AGREED AS FOLLOWS:

CHAPTER 3
INVESTMENT SCREENING

Article 3.1: Definitions

For the purposes of this Chapter, covered transaction means any acquisition of control.

Article 3.2 Investment Screening Cooperation

1. Each Party shall maintain a mechanism to review foreign investment for risks to national
security, in accordance with its laws. Article 5 shall not apply to such review.

2. The Parties shall:
(a) exchange information on transactions reviewed by both; and
(b) consult on:
    (i) shared risk assessments; and
    (ii) common approaches to mitigation; and
(c) cooperate in enforcement.

3. Nothing in paragraph
2. obliges a Party to disclose confidential information.

Article 3.3
Review Authorities

The review authorities shall meet at least once a year.

They shall report to the Council.

ANNEX 3-A
Contact points of the review authorities.
"""


def test_realistic_draft_structure() -> None:
    found = units(DRAFT)
    assert found["Preamble"].kind == "chapter"
    chapter = found["Chapter 3"]
    assert (chapter.kind, chapter.number, chapter.heading, chapter.eid) == (
        "chapter", "3", "INVESTMENT SCREENING", "chp_3")
    article = found["Article 3.2"]
    assert (article.heading, article.eid) == ("Investment Screening Cooperation", "chp_3__art_3.2")
    assert [c.label for c in article.children] == [
        "Article 3.2, paragraph 1", "Article 3.2, paragraph 2", "Article 3.2, paragraph 3"]
    sub = found["Article 3.2, paragraph 2(b)(ii)"]
    assert sub.kind == "subparagraph"
    assert sub.eid == "chp_3__art_3.2__para_2__subpara_b__subpara_ii"
    assert found["Article 3.2, paragraph 2(c)"].number == "c"
    assert found["Article 3.3"].heading == "Review Authorities"
    assert found["Article 3.3, second paragraph"].eid == "chp_3__art_3.3__para_u2"
    assert found["Article 3.1"].heading == "Definitions"
    assert found["Annex 3-A"].kind == "annex"


def test_cross_references_are_not_headings_or_paragraphs() -> None:
    found = units(DRAFT)
    assert "Article 5" not in found
    assert "Article 3.2, paragraph 4" not in found
    paragraph = found["Article 3.2, paragraph 3"]
    assert "obliges a Party" in DRAFT[paragraph.start:paragraph.end]


def test_heading_spans_point_at_the_heading_text() -> None:
    root = segment(DRAFT)
    article = next(u for u in root.walk() if u.label == "Article 3.1")
    assert article.heading_span is not None
    assert DRAFT[slice(*article.heading_span)] == "Article 3.1: Definitions"
    paragraph = next(u for u in root.walk() if u.label == "Article 3.2, paragraph 2")
    assert paragraph.heading_span is not None
    assert DRAFT[slice(*paragraph.heading_span)] == "2."


@pytest.mark.parametrize(
    ("line", "label", "heading"),
    [
        ("CHAPTER 14", "Chapter 14", None),
        ("Chapter Fourteen", "Chapter 14", None),
        ("CHAPTER XIV", "Chapter XIV", None),
        ("Chapter 14: Investment", "Chapter 14", "Investment"),
        ("Chapter Twenty-One \u2013 Exceptions", "Chapter 21", "Exceptions"),
        ("Article 14.3: Screening of Investments", "Article 14.3", "Screening of Investments"),
        ("ARTICLE 3", "Article 3", None),
        ("Article III", "Article III", None),
        ("Art. 5", "Article 5", None),
        ("Article 5 Essential Security", "Article 5", "Essential Security"),
        ("Article 5bis", "Article 5bis", None),
        ("Section A", "Section A", None),
        ("Part II", "Part II", None),
        ("Annex 14-A", "Annex 14-A", None),
        ("ANNEX I", "Annex I", None),
        ("# Chapter 3", "Chapter 3", None),
        ("## Article 3.1 Scope", "Article 3.1", "Scope"),
        ("**Article 4** Scope", "Article 4", "Scope"),
    ],
)
def test_heading_forms(line: str, label: str, heading: str | None) -> None:
    text = f"{line}\n\nEach Party shall cooperate.\n"
    found = units(text)
    assert label in found
    assert found[label].heading == heading


@pytest.mark.parametrize(
    "line",
    ["Article 5 shall not apply to measures of a Party.", "Article XXI of the GATT 1994 is incorporated.",
     "Chapter Civil Aviation", "article 5 applies", "Articles 3 and 4 apply."],
)
def test_lines_that_are_not_headings(line: str) -> None:
    found = units(f"Some text.\n\n{line}\n")
    assert all(u.kind in ("document", "paragraph") for u in found.values())


def test_a_wrapped_sentence_is_not_a_heading() -> None:
    found = units("1. The obligations in\nArticle 5\nshall apply.\n")
    assert "Article 5" not in found


def test_section_and_part_nesting() -> None:
    text = "PART II\n\nCHAPTER 9 Investment\n\nSection A\n\nArticle 9.1 Scope\n\nText.\n\nSection B\n\n" \
           "Article 9.2 Disputes\n\nText.\n\nPART III\n\nArticle 10\n\nText.\n"
    found = units(text)
    assert found["Chapter 9, Section A"].eid == "part_II__chp_9__sec_A"
    assert found["Article 9.2"].eid == "part_II__chp_9__sec_B__art_9.2"
    assert found["Article 10"].eid == "part_III__art_10"


def test_explicit_preamble_heading_and_article_only_documents() -> None:
    found = units("PREAMBLE\n\nThe Parties, resolved to cooperate,\n\nArticle 1\n\nText.\n\nArticle 2\n\nMore.\n")
    assert found["Preamble"].kind == "article"  # the level of the document's top headings
    assert found["Article 2"].eid == "art_2"


def test_text_without_numbering_is_split_at_blank_lines() -> None:
    text = "The Parties shall cooperate.\n\nThey shall meet annually.\n\nand this continues the sentence.\n"
    found = units(text)
    assert [u.label for u in segment(text).children] == ["First paragraph", "Second paragraph"]
    assert found["Second paragraph"].eid == "para_u2"


def test_roman_and_letter_lists_are_told_apart() -> None:
    letters = "\n".join(f"({c}) item {c};" for c in "abcdefghij")
    found = units(f"Article 1\n\n1. The Parties shall:\n{letters}\n")
    assert "Article 1, paragraph 1(i)" in found
    assert found["Article 1, paragraph 1(i)"].eid == "art_1__para_1__subpara_i"
    assert "Article 1, paragraph 1(h)(i)" not in found
    nested = units("Article 1\n\n1. The Parties shall:\n(a) consult on:\n(i) one;\n(ii) two; and\n(b) act.\n")
    assert "Article 1, paragraph 1(a)(ii)" in nested
    assert "Article 1, paragraph 1(b)" in nested


def test_subparagraphs_of_an_unnumbered_paragraph() -> None:
    found = units("Article 7\n\nThe Parties shall:\n\n(a) consult; and\n\n(b) cooperate.\n")
    assert "Article 7, first paragraph, subparagraph (b)" in found


def test_other_marker_shapes() -> None:
    found = units("Article 2\n\n1) The Parties:\n\na) consult;\n\nb) cooperate.\n\n2) They meet.\n")
    assert "Article 2, paragraph 1(b)" in found
    assert "Article 2, paragraph 2" in found
    bare = units("Article 4\n\n1\nEach Party shall notify.\n\n2\nThe other Party shall reply.\n")
    assert "Article 4, paragraph 2" in bare


def test_lettered_points_with_a_full_stop_are_subparagraphs() -> None:
    found = units("Article 4\n\nThe Parties pledge to:\na. maintain a common list;\nb. notify each other.\n")
    assert "Article 4, first paragraph, subparagraph (b)" in found
    # a letter and a full stop inside a sentence wrapped over lines, or an abbreviation, opens no list
    wrapped = units("Article 5\n\nThe Parties shall consult on the list referred to in point\na. of Annex 2.\n")
    assert not any("subparagraph" in label for label in wrapped)
    assert not any("subparagraph" in label for label in units("Article 6\n\ne.g. the Parties consult.\n"))


def test_duplicate_numbers_get_unique_eids() -> None:
    root = segment("Article 1\n\nText.\n\nArticle 1\n\nMore text.\n")
    check_invariants(root, "Article 1\n\nText.\n\nArticle 1\n\nMore text.\n")
    assert [u.eid for u in root.children] == ["art_1", "art_1_2"]


def test_segment_body_labels_and_offsets() -> None:
    text = "HEADING\n\n1. First.\n\n2. Second:\n(a) x; and\n(b) y.\n"
    body = segment_body(text, 8, len(text), label="Article 9", eid="art_9")
    assert [u.label for u in body] == ["Article 9, paragraph 1", "Article 9, paragraph 2"]
    assert body[0].start == text.index("1.")
    assert body[-1].end == len(text)
    assert body[1].children[1].eid == "art_9__para_2__subpara_b"


def test_empty_and_blank_texts() -> None:
    for text in ("", "   \n\n  "):
        root = segment(text)
        check_invariants(root, text)
        assert root.children == ()


LINES = st.sampled_from([
    "", "", "CHAPTER 3", "Chapter Two: Scope", "Article 3.2 Screening", "ARTICLE 4", "Section A", "PART I",
    "ANNEX I", "PREAMBLE", "# Chapter 9", "## Article 9.1 Title", "1. The Parties shall:", "2.", "3",
    "(a) consult;", "(b) act; and", "(i) first", "(ii) second", "a) item", "Article 5 shall not apply.",
    "The Parties shall cooperate.", "They shall meet.", "in accordance with paragraph", "  indented text",
    "\t(c) tabbed", "Nothing in this Agreement.", "**Article 6** Bold",
])


@given(st.lists(st.one_of(LINES, st.text(max_size=30)), max_size=40), st.sampled_from(["\n", "\n\n", "\r\n"]))
@settings(max_examples=400, deadline=None)
def test_segmentation_accounts_for_every_character(lines: list[str], joiner: str) -> None:
    text = joiner.join(lines)
    check_invariants(segment(text), text)


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_segmentation_of_arbitrary_text(text: str) -> None:
    check_invariants(segment(text), text)


@pytest.mark.parametrize(
    "text",
    [
        "Each Party shall maintain a review mechanism " * 400_000,  # ~18 MB, no line break
        "Article 1 Scope\n(a) one;\n1. Text.\n\n" * 30_000,  # 120k short lines
    ],
    ids=["one-huge-line", "many-short-lines"],
)
def test_segmentation_is_linear(text: str) -> None:
    started = time.perf_counter()
    root = segment(text)
    assert time.perf_counter() - started < 15
    assert root.end == len(text)


def test_sentences_split_at_sentence_ends_only() -> None:
    text = ("Under Art. 5 of the Agreement, e.g. in the U.S. market, paragraph 3.2 applies. The Parties "
            "shall consult; The Committee shall meet? Yes! (a) it will.")
    spans = [text[a:b] for a, b in sentences(text, 0, len(text))]
    assert spans == [
        "Under Art. 5 of the Agreement, e.g. in the U.S. market, paragraph 3.2 applies.",
        "The Parties shall consult;", "The Committee shall meet?", "Yes!", "(a) it will.",
    ]


def test_sentences_end_at_a_chapeau_colon_and_at_list_items() -> None:
    text = "1. The Parties shall:\n(a) exchange information; and\n(b) consult.\n\nNext paragraph"
    spans = [text[a:b] for a, b in sentences(text, 0, len(text))]
    assert spans == ["1. The Parties shall:", "(a) exchange information; and", "(b) consult.", "Next paragraph"]


def test_sentences_respect_the_region() -> None:
    text = "Ignore this. Keep this one. And this."
    start = text.index("Keep")
    assert [text[a:b] for a, b in sentences(text, start, len(text))] == ["Keep this one.", "And this."]
    assert sentences(text, 3, 3) == []


def test_a_list_that_opens_the_body_sits_under_an_unnumbered_paragraph() -> None:
    text = "(a) consult; and\n(b) cooperate.\n"
    body = segment_body(text, 0, len(text), label="Article 1", eid="art_1")
    assert [u.label for u in body] == ["Article 1, first paragraph"]
    assert [u.label for u in body[0].children] == [
        "Article 1, first paragraph, subparagraph (a)", "Article 1, first paragraph, subparagraph (b)"]
    assert body[0].start == body[0].children[0].start == 0


def _articles(text: str) -> list[tuple[str | None, str | None]]:
    from esa_rules.readers import read_text

    return [(u.number, u.heading) for u in read_text(text, "<draft>").units() if u.kind == "article" and u.number]


def test_a_titled_heading_over_a_capitalised_sentence_is_a_heading() -> None:
    # "In this Agreement:" opens a sentence of its own; only a lower-case line carries one on
    text = ("AGREEMENT\n\nArticle 1 Purpose\nThe Parties agree.\n\nArticle 2 Definitions\nIn this Agreement:\n"
            "(a) x means y.\n\nArticle XXI\nof the GATT is incorporated into this Agreement.\n")
    assert [n for n, _ in _articles(text)] == ["1", "2"]


def test_a_section_sign_numbers_articles() -> None:
    text = ("PROTOCOL\n\n\u00a7 1 Purpose\nThis Protocol supplements the Agreement.\n\n"
            "\u00a7 2 Definitions\nIn this Protocol, x means y.\n\n\u00a7 3 Review\nEach Party shall review.\n")
    assert _articles(text) == [("1", "Purpose"), ("2", "Definitions"), ("3", "Review")]


def test_lettered_and_misread_article_numbers_are_numbers() -> None:
    # an article of a lettered annex ("Article B.1"), and an OCR'd "1" read as "l" ("Article 9.l")
    text = ("ANNEX B\n\nArticle B.1 Definitions\nIn this Annex, x means y.\n\nArticle B.2 Export duties\n"
            "Neither Party shall adopt any duty.\n\nArticle 9.l\nScope\nThis Chapter applies.\n")
    assert [n for n, _ in _articles(text)] == ["B.1", "B.2", "9.l"]


def test_an_unnumbered_annex_titled_in_capitals_is_an_annex() -> None:
    from esa_rules.readers import read_text

    text = ("AGREEMENT\n\nArticle 1 Scope\nThis Agreement applies to critical minerals.\n\n"
            "ANNEX ON COOPERATION PRIORITIES\n\n1. The Parties shall cooperate on refining.\n")
    annexes = [(u.label, u.heading) for u in read_text(text, "<draft>").units() if u.kind == "annex" and u.number is None and u.eid != "preamble"]
    assert annexes == [("Annex", "ON COOPERATION PRIORITIES")]
    # the same words opening a sentence are no heading
    sentence = text.replace("ANNEX ON COOPERATION PRIORITIES", "Annex on cooperation priorities does not bind.")
    assert [u for u in read_text(sentence, "<draft>").units() if u.kind == "annex" and u.eid != "preamble"] == []


def test_a_list_bullet_after_a_full_stop_opens_a_sentence() -> None:
    from esa_rules.segment import sentences
    text = "- The Participants intend to align their lists. - They plan to give notice. - e.g. not a bullet"
    spans = [text[s:e] for s, e in sentences(text, 0, len(text))]
    # a dash before a lower-case word is no bullet: the sentence runs on
    assert spans == ["- The Participants intend to align their lists.",
                     "- They plan to give notice. - e.g. not a bullet"]


def test_french_style_article_premier_and_a_caption_in_capitals_with_a_verb() -> None:
    from esa_rules.numbering import match_heading
    # "Article premier" (and its translation "Article first") is Article 1
    assert match_heading("Article first").number == "1" and match_heading("Article premier").number == "1"
    # a caption in capitals after a dash is the title, though it has a verb in it
    heading = match_heading("ANNEX A - PRODUCTS WHOSE SUPPLY IS ESSENTIAL")
    assert heading is not None and heading.number == "A" and heading.body_start is None
    # a sentence in capitals that runs on from the number stays a sentence
    assert match_heading("ARTICLE 9.2 SHALL APPLY TO GOODS") is None


def test_an_article_titled_after_an_annex_is_still_that_article() -> None:
    from esa_rules.readers import read_text

    text = ("Article 4\nExports of Annex A Goods\nNeither Party shall impose export duties on Annex A goods.\n\n"
            "Article 5\nAnnex B Goods\nEach Party shall identify Annex B goods.\n\nArticle 6\nCouncil\n"
            "The Council shall meet.\n\nANNEX B\nSemiconductor wafers.\n")
    units = [(u.kind, u.label, u.heading) for u in read_text(text, "<draft>").units() if u.kind in ("article", "annex")]
    assert ("article", "Article 5", "Annex B Goods") in units
    # the articles after it stay articles of the agreement, and the annex itself is still found
    assert [u for u in units if u[0] == "annex" and u[1] == "Annex B"] == [("annex", "Annex B", None)]


def test_a_schedule_to_a_chapter_is_an_annex() -> None:
    from esa_rules.readers import read_text

    text = ("Article 14.8 Other Chapters\nThe Parties shall consult.\n\nSCHEDULE TO CHAPTER 14\n\n"
            "Table 14-A: Strategic Materials\n\n| Row | Good |\n|---|---|\n| 1 | Lithium |\n")
    annexes = [(u.label, u.heading) for u in read_text(text, "<draft>").units() if u.kind == "annex" and u.eid != "preamble"]
    assert annexes == [("Annex", "TO CHAPTER 14")]



def test_an_appendix_numbered_on_from_its_annex_keeps_its_whole_number() -> None:
    # "Appendix 11-A-1" is the first appendix to Annex 11-A, not Annex 11-A again titled "1 - Listed Items"
    text = "ANNEX 11-A\n\nAppendix 11-A-1 - Listed Items\nCategory 0: Nuclear items\n\nAPPENDIX A-1\n\nLasers of category 6.\n"
    assert [(u.label, u.heading) for u in segment(text).walk() if u.kind == "annex"] == [
        ("Annex 11-A", None), ("Annex 11-A-1", "Listed Items"), ("Annex A-1", None)]


def test_a_heading_title_wrapped_onto_the_next_line_is_one_title() -> None:
    text = ("ANNEX 14-A\n\nPart 4: Electronics, including integrated circuits and semiconductor\n        manufacturing "
            "equipment\nPart 5: Computers\n\nChapter 22 (Dispute Settlement)\napplies to this Chapter.\n")
    check_invariants(root := segment(text), text)  # the run of headings goes on; "applies ..." stays a sentence
    assert [(u.label, u.heading, text[slice(*u.heading_span or (0, 0))][-9:]) for u in root.walk() if u.kind == "part"] == [
        # the Parts of an annex divide it
        ("Annex 14-A, Part 4", "Electronics, including integrated circuits and semiconductor manufacturing equipment",
         "equipment"),
        ("Annex 14-A, Part 5", "Computers", "Computers")]


def test_bracketed_article_and_schedule_numbers_head_their_units() -> None:
    """Gulf drafting numbers "Article (1)" over its title, and "SCHEDULE (1)": Article 1 and Annex 1."""
    text = ("Have agreed as follows:\n\nArticle (1)\nDefinitions\n1. \"Vital Goods\": the goods in Schedule (1).\n\n"
            "Article (2)\nScope\nThe two Parties shall cooperate.\n\nSCHEDULE (1)\nVITAL GOODS\n\nRice; wheat.\n")
    assert [(u.kind, u.label, u.heading) for u in segment(text).walk() if u.kind in ("article", "annex")][1:] == [
        ("article", "Article 1", "Definitions"), ("article", "Article 2", "Scope"), ("annex", "Annex 1", "VITAL GOODS")]


def test_a_cited_article_with_its_title_in_brackets_and_a_verb_after_is_no_heading() -> None:
    """A letter that quotes the Agreement ("Article 14.7 (Review of Investments) of the Agreement reads:")
    cites the article; it does not open an article of the letter."""
    text = ("PART A - PROVISIONS REFERRED TO\n\nArticle 14.7 (Review of Investments) of the Agreement reads:\n"
            "  \"1. Each Party may review investments.\"\n\nArticle 18.2 (Critical Goods) requires each Party to\n"
            "identify critical goods.\n\nArticle 5 (Scope)\nThis Agreement applies.\n")
    assert [u.label for u in segment(text).walk() if u.kind == "article"] == ["Article 5"]


def test_a_heading_number_misread_by_ocr_is_read_as_its_clean_number() -> None:
    """A small l for the digit 1 opening a heading's number, or a part of it after a dot or bracket, as
    ``repair`` reads one in the text ("l0" is 10): "Article l1.3" of a scanned chapter is Article 11.3,
    with its own title and body, not a line of Article 11.2."""
    text = ("CHAPTER l1\nECONOMIC SECURITY\n\nArticle 11.2\nInvestment\n\n1. Each Party may review.\n\n"
            "Article l1.3\nExport controls\n\n1. Each Party shall notify.\n\nArticle 20.l6: Suspension\n"
            "A Party may suspend.\n\nCHAPTER [l7]\n\nArticle (l0)\nScope\nThis Chapter applies.\n\n"
            "Annex l1-A\nListed minerals\n\nLithium ores.\n")
    check_invariants(root := segment(text), text)
    structure = [(u.kind, u.label, u.heading) for u in root.walk() if u.kind in ("chapter", "article", "annex")]
    assert structure == [
        ("chapter", "Chapter 11", "ECONOMIC SECURITY"), ("article", "Article 11.2", "Investment"),
        ("article", "Article 11.3", "Export controls"), ("article", "Article 20.16", "Suspension"),
        ("chapter", "Chapter [17]", None), ("article", "Article 10", "Scope"), ("annex", "Annex 11-A", "Listed minerals")]
    article = next(u for u in root.walk() if u.label == "Article 11.3")
    assert text[slice(*article.heading_span or (0, 0))] == "Article l1.3\nExport controls"  # the draft as it is
    assert [c.label for c in article.children] == ["Article 11.3, paragraph 1"]


@pytest.mark.parametrize(("line", "number"), [
    ("Article 9.l", "9.l"),  # an l closing a number may be a letter: as written
    ("Article li", "LI"),  # a roman numeral
    ("Article L1", None),  # a capital L numbers the articles of a French code: no OCR'd digit
    ("Part l10n support", None),  # a token with other letters in it is a word, not a number
    ("Annex A-l0", "A"),  # an identifier after a dash, as ``repair`` leaves one
    ("Article l1.3 shall apply to such measures.", None),  # a sentence, as "Article 11.3 shall apply" is
])
def test_an_l_that_is_no_misread_digit_is_left_as_it_is(line: str, number: str | None) -> None:
    from esa_rules.numbering import match_heading

    heading = match_heading(line)
    assert (heading.number if heading is not None else None) == number


def test_an_ocr_misread_l_inside_a_sentence_heads_nothing() -> None:
    text = ("Article 3\nNotification\n\n1. Each Party shall notify the other within l5 days, and Article l1\n"
            "shall apply to that notification.\n2. The request under\nArticle l1.3\nshall be answered.\n")
    assert [u.label for u in segment(text).walk() if u.kind == "article"] == ["Article 3"]


def test_every_heading_of_the_drafts_reads_the_same_with_its_number_misread() -> None:
    """Every line of every draft: a heading whose number is damaged as OCR damages it ("11.3" -> "l1.3",
    "[17]" -> "[l7]", "20.16" -> "20.l6") is the same heading with the same number, and damage anywhere in
    a line that heads nothing never makes it a heading."""
    import glob
    import re
    from pathlib import Path

    from esa_rules.numbering import match_heading

    root = Path(__file__).resolve().parents[1]
    damage = re.compile(r"(?<![\w\-/])1(?=\d+(?!\w))")  # a 1 opening a number, as ``repair`` undoes it
    number = re.compile(r"[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:ANNEX|Annex|APPENDIX|Appendix|SCHEDULE|Schedule|PART"
                        r"|Part|TITLE|Title|CHAPTER|Chapter|SECTION|Section|ARTICLE|Article|ART\.|Art\.|\u00a7"
                        r"|PARAGRAPH|Paragraph|CLAUSE|Clause)[ \t]+(\S+)")
    lines = {line for path in [*glob.glob(str(root / "sample_texts/*.*")), *glob.glob(str(root / "tests/corpus/*/*.txt"))]
             if path.endswith((".txt", ".md")) for line in Path(path).read_text(encoding="utf-8").splitlines()}
    damaged_numbers = 0
    for line in lines:
        clean = match_heading(line)
        head = number.match(line)
        if head is not None and damage.search(head[1]):
            damaged_numbers += 1
            assert match_heading(line[:head.start(1)] + damage.sub("l", head[1]) + line[head.end(1):]) == clean, line
        if clean is None:
            assert match_heading(damage.sub("l", line)) is None, line
    assert damaged_numbers > 300  # the drafts number hundreds of headings from 10 up


def test_sentences_end_at_lettered_points_however_they_are_marked() -> None:
    """"a)" and "a. maintain" points are sentences of their own, as "(a)" points are, whether the draft sets
    them on lines of one block or (as a word processor does) apart; "in point\\na. of Annex 2" goes on."""
    for a, b in (("a) ", "b) "), ("a. ", "b. "), ("a.\t", "b.\t")):
        text = f"The Parties shall:\n{a}maintain a list; and\n{b}notify each other.\n"
        spans = [text[start:end] for start, end in sentences(text, 0, len(text))]
        assert spans == ["The Parties shall:", f"{a}maintain a list; and", f"{b}notify each other."]
    text = "The Parties shall consult on the list referred to in point\na. of Annex 2.\n"
    assert [text[a:b] for a, b in sentences(text, 0, len(text))] == [text.strip()]


def test_lettered_points_set_off_by_a_tab_are_subparagraphs() -> None:
    """A Word export sets a tab after the point's letter: "a.<tab>maintain" is point (a) as "a. maintain" is."""
    found = units("Article 4\n\n1)\tThe Parties shall:\na.\tmaintain a common list;\nb.\tnotify each other.\n")
    assert "Article 4, paragraph 1(b)" in found


def test_a_table_of_contents_is_front_matter_not_headings() -> None:
    """The lines under "CONTENTS" list the headings below, up to the first heading the list has named
    already: one unit, all of it heading, so the listed articles are neither read twice nor evidence."""
    text = ("AGREEMENT ON PARTNERSHIP\n\nCONTENTS\n\nPreamble\n\nCHAPTER ONE   GENERAL PROVISIONS\n"
            "   Article 1    Objectives\n   Article 2   Economic Coercion\n\nPREAMBLE\n\nThe Parties,\n\n"
            "Have agreed as follows:\n\nCHAPTER ONE\nGENERAL PROVISIONS\n\nArticle 1\nObjectives\n\n"
            "The Parties cooperate.\n\nArticle 2\nEconomic Coercion\n\n[Reserved]\n")
    root = segment(text)
    check_invariants(root, text)
    tops = [(u.label, text[u.start:u.end].split("\n")[0]) for u in root.children]
    assert tops == [("Preamble", "AGREEMENT ON PARTNERSHIP"), ("Preamble", "CONTENTS"), ("Preamble", "PREAMBLE"),
                    ("Chapter 1", "CHAPTER ONE")]
    contents = root.children[1]
    assert contents.heading_span == (contents.start, text.index("Economic Coercion") + len("Economic Coercion"))
    assert [u.label for u in root.walk() if u.kind == "article"] == ["Article 1", "Article 2"]


def test_a_contents_line_whose_list_the_body_never_repeats_lists_nothing() -> None:
    text = "CONTENTS\n\nArticle 1\nScope\n\nThe Parties cooperate.\n\nArticle 2\nReview\n\nEach Party reviews.\n"
    assert [u.label for u in segment(text).walk() if u.kind == "article"] == ["Preamble", "Article 1", "Article 2"]


CAPTIONED = """AGREEMENT

The Parties have agreed as follows:

Short title.
1. This Agreement may be cited as the Cooperation Agreement.

Interpretation.
2. (1) In this Agreement "scheduled goods" means the goods listed in the Schedule.
(2) The Schedule forms part of this Agreement.

Scheduled goods.
3. (1) Neither Party shall restrict the exportation of scheduled goods.
(2) The Joint Board shall dispose of matters concerning sub-article (1) of article 3.

SCHEDULE
1. Lithium carbonate
"""


def test_sections_under_their_marginal_notes_are_articles() -> None:
    root = segment(CAPTIONED)
    articles = [u for u in root.walk() if u.kind == "article" and u.label != "Preamble"]
    assert [(u.label, u.heading) for u in articles] == [
        ("Article 1", "Short title"), ("Article 2", "Interpretation"), ("Article 3", "Scheduled goods")]
    assert [c.label for c in articles[2].children] == ["Article 3, paragraph 1", "Article 3, paragraph 2"]
    # numbered lines with no caption above them are paragraphs, as before
    plain = segment(CAPTIONED.replace("Short title.\n", "").replace("Interpretation.\n", "")
                    .replace("Scheduled goods.\n", ""))
    assert not [u for u in plain.walk() if u.kind == "article" and u.label != "Preamble"]


def test_numbered_captions_ending_in_a_full_stop_over_their_text_are_articles() -> None:
    text = ("ACCORD\n\n1. Terms.\n(1) \"Side\": either State.\n\n2. Stakes taken by outsiders.\n(1) Each Side shall "
            "keep a power to vet purchases.\n\n3. Goods fit for war as well as peace.\nThe Sides will keep their lists "
            "in step.\n")
    articles = [u for u in segment(text).walk() if u.kind == "article" and u.label != "Preamble"]
    assert [u.heading for u in articles] == ["Terms", "Stakes taken by outsiders", "Goods fit for war as well as peace"]
    # numbered sentences set apart by blank lines stay paragraphs
    sentences = "ACCORD\n\n1. The Sides agree.\n\n2. The Sides consult.\n\n3. The Sides report.\n"
    assert not [u for u in segment(sentences).walk() if u.kind == "article" and u.label != "Preamble"]


def test_sections_under_marginal_notes_inside_parts_are_articles_of_each_part() -> None:
    text = ("AGREEMENT\n\nPART 1\nPRELIMINARY\n\nShort title\n1. This Agreement may be cited as the Accord.\n\n"
            "Interpretation\n2. (1) In this Agreement, \"item\" means a listed good.\n(2) A reference to a section is "
            "to a section of this Agreement.\n\nPART 2\nITEMS\n\nNotice\n3. Each Party is to give notice.\n\n"
            "Operation of Parts 1 and 2 not affected by other disputes between the Parties\n4. (1) The operation of "
            "Part 2 is not to be affected by any dispute.\n")
    parts = [u for u in segment(text).walk() if u.kind == "part" and u.label != "Preamble"]
    assert [[(a.label, a.heading) for a in p.children if a.kind == "article"] for p in parts] == [
        [("Article 1", "Short title"), ("Article 2", "Interpretation")],
        [("Article 3", "Notice"),
         ("Article 4", "Operation of Parts 1 and 2 not affected by other disputes between the Parties")]]
    # numbered captions in only one Part are a list inside it, not the body's sections
    one_part = text.replace("Notice\n3.", "Notice\n\n3.").replace("Parties\n4.", "Parties\n\n4.")
    assert not [u for u in segment(one_part).walk() if u.kind == "article" and u.label != "Preamble"]


def test_an_arrangement_of_provisions_is_front_matter_and_its_sections_are_articles() -> None:
    # a United Kingdom-style statute: a list of contents naming Schedules and their Parts, sections "1.—(1)"
    # under captions, Schedules divided into Parts and numbered paragraphs "1.—(1)"
    text = ("AGREEMENT\n\nARRANGEMENT OF PROVISIONS\n\nArticles\n1. Citation\n2. Supply\n3. Controls\n"
            "SCHEDULE 1 — Supply\n  Part 1 — Alerts\n  Part 2 — Sources\nSCHEDULE 2 — Controls\n"
            "  Part 1 — Notice\n\n\nCitation\n1.—(1) This Agreement may be cited as the Accord.\n"
            "(2) It enters into force on signature.\n\nSupply\n2. Schedule 1 has effect.\n\nControls\n"
            "3. Schedule 2 has effect.\n\nSCHEDULE 1\n\nPART 1\nALERTS\n\n1.—(1) Each Party shall list its "
            "critical goods.\n(2) Each Party shall review the list.\n\n2.—(1) Each Party shall monitor supply.\n\n"
            "PART 2\nSOURCES\n\n3. The Parties shall diversify supply.\n\nSCHEDULE 2\n\nPART 1\nNOTICE\n\n"
            "1. Each Party shall notify new controls.\n")
    root = segment(text)
    assert [(u.label, u.heading) for u in root.walk() if u.kind == "article" and u.label != "Preamble"] == [
        ("Article 1", "Citation"), ("Article 2", "Supply"), ("Article 3", "Controls")]
    assert [u.label for u in root.walk() if u.kind == "part" and u.label != "Preamble"] == [
        "Annex 1, Part 1", "Annex 1, Part 2", "Annex 2, Part 1"]
    alerts = next(u for u in root.walk() if u.label == "Annex 1, Part 1")
    assert [c.label for c in alerts.children] == ["Annex 1, Part 1, paragraph 1", "Annex 1, Part 1, paragraph 2"]


def test_sections_numbered_afresh_in_each_article_sit_inside_it() -> None:
    text = ("ARTICLES OF AGREEMENT\n\nARTICLE I\n\nSection 1. Purposes. The purposes are these.\n\n"
            "Section 2. Structure. There is a Council.\n\nARTICLE II\n\nSection 1. Members. The Members are these.\n")
    root = segment(text)
    articles = [u for u in root.walk() if u.kind == "article" and u.label != "Preamble"]
    assert [(a.label, [c.label for c in a.children if c.kind == "section"]) for a in articles] == [
        ("Article I", ["Article I, Section 1", "Article I, Section 2"]), ("Article II", ["Article II, Section 1"])]
    # Sections numbered on through the text divide it, as before
    divided = text.replace("ARTICLE II\n\nSection 1.", "ARTICLE II\n\nSection 3.")
    assert not [c for a in segment(divided).walk() if a.kind == "article" for c in a.children if c.kind == "section"]
