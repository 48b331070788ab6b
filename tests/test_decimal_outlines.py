"""Texts numbered as a decimal outline ("1. TERMS", "1.1", "1.1.1", no word "Article"), which cite their own
provisions by bare numbers ("under 2.1", "the application of 2 and 4"), and dispute procedures cited by
number alone ("Differences concerning 3 are not subject to 7.1")."""

from __future__ import annotations

from functools import cache

from esa_rules.document import Unit
from esa_rules.dsl import load_many
from esa_rules.engine import Checker
from esa_rules.engine.context import carve_outs
from esa_rules.readers import read_text
from esa_rules.segment import segment, segment_body

OUTLINE = """TREATY ON SHARED ECONOMIC INTERESTS

The Parties agree as follows.

1. TERMS

1.1 In this Treaty:
1.1.1 "authority" means the body designated under 2.1;
1.1.2 "acquisition" means the obtaining of control of an enterprise by a person of a third country.

2. INCOMING ACQUISITIONS

2.1 Each Party shall maintain a procedure under which a designated authority examines acquisitions and may block them where they threaten its security or public order.

2.2 The authorities shall, on request, tell each other of acquisitions examined under 2.1.

2.3 Where an acquisition falls to be examined by both authorities, each shall consult the other before it decides.

3. PRESSURE FROM OUTSIDE

3.1 On the request of a Party against which a third country restricts trade in order to compel it to change a sovereign policy choice, the Parties shall meet within 10 days to examine the measure.

3.2 The Parties shall coordinate their response to such measures by a third country.

4. DIFFERENCES

4.1 A difference on the application of this Treaty that is not resolved by consultation within 60 days shall be referred to an arbitral tribunal, whose award shall bind the Parties.

4.2 A difference between the Parties arising under any other agreement shall not affect the application of 2 and 3.

4.3 Differences concerning 3 are not subject to 4.1.
"""


@cache
def checker() -> Checker:
    return Checker(load_many(["esa-core"]))


def _articles(root: Unit) -> list[Unit]:
    return [u for u in root.walk() if u.kind == "article" and u.number]


def test_numbered_captions_alone_on_their_lines_are_the_articles_of_an_outline() -> None:
    root = segment(OUTLINE)
    articles = _articles(root)
    assert [(a.number, a.heading) for a in articles] == [
        ("1", "TERMS"), ("2", "INCOMING ACQUISITIONS"), ("3", "PRESSURE FROM OUTSIDE"), ("4", "DIFFERENCES")]
    second = articles[1]
    assert [p.label for p in second.children] == [f"Article 2, paragraph {n}" for n in (1, 2, 3)]
    first = articles[0].children[0]
    assert [s.label for s in first.children] == ["Article 1, paragraph 1(1)", "Article 1, paragraph 1(2)"]


def test_numbered_sentences_are_not_an_outline() -> None:
    text = "1. Each Party shall notify the other.\n\n2. The Parties shall consult.\n\n3. This Agreement enters into force."
    assert _articles(segment(text)) == []


def test_an_outline_needs_its_captions_in_order_from_one() -> None:
    text = "2. SCOPE\n\nText.\n\n5. TERMS\n\nText.\n\n6. FINAL\n\nText.\n"
    assert _articles(segment(text)) == []


def test_decimal_paragraph_numbers_under_an_article_heading() -> None:
    text = "5.1 Each Party shall maintain a review.\n5.2 The Parties shall consult.\n5.2.1 Within 30 days.\n"
    paragraphs = segment_body(text, 0, len(text), label="Article 5", eid="art_5", seen={})
    assert [(p.label, [c.label for c in p.children]) for p in paragraphs] == [
        ("Article 5, paragraph 1", []), ("Article 5, paragraph 2", ["Article 5, paragraph 2(1)"])]


def test_a_line_that_opens_with_an_amount_continues_its_sentence() -> None:
    text = "1. Duties shall not exceed\n2.5 per cent of the value.\n2. The Parties shall consult.\n"
    paragraphs = segment_body(text, 0, len(text), label="Article 5", eid="art_5", seen={})
    assert [p.number for p in paragraphs] == ["1", "2"]


def _references(text: str) -> list[tuple[str, list[str]]]:
    index = checker().index(read_text(text, "<outline>"))
    return [(text[r.start:r.end], [t.label for t in r.targets]) for r in index.resolver.references(0, len(text))]


def test_an_outline_cites_its_provisions_by_bare_numbers() -> None:
    found = _references(OUTLINE)
    assert ("2.1", ["Article 2, paragraph 1"]) in found
    assert ("2 and 3", ["Article 2", "Article 3"]) in found
    assert ("3", ["Article 3"]) in found
    assert ("4.1", ["Article 4, paragraph 1"]) in found


def test_counted_numbers_in_an_outline_cite_nothing() -> None:
    cited = [words for words, _ in _references(OUTLINE)]
    assert "10" not in cited and "60" not in cited and "6" not in cited and "1" not in cited


def test_bare_numbers_cite_nothing_in_a_text_with_articles() -> None:
    text = ("Article 1\n\nThe Parties shall meet under 2 within 10 days.\n\nArticle 2\n\nEach Party shall maintain "
            "a review of investments.\n")
    assert [words for words, _ in _references(text)] == ["Article 1", "Article 2"]  # the headings themselves


def test_a_carve_out_from_a_procedure_cited_by_its_number_weakens_what_it_takes_out() -> None:
    result = checker().check(read_text(OUTLINE, "<outline>"))
    status = {f.provision: f for f in result.findings}
    assert status["ESA-COE-2"].status == "weak"
    assert "carved out of dispute settlement" in status["ESA-COE-2"].message
    assert status["ESA-INV-1"].status == "satisfied"  # Article 2 is shielded, not carved out
    assert status["ESA-CMP-1"].status == "satisfied"  # "shall not affect the application of 2 and 3"


def test_entries_of_a_schedule_kept_from_the_procedure_do_not_carve_out_the_schedule() -> None:
    text = ("Article 1\n\nEntries marked \"Indicative\" in Schedule 1 are not subject to Article 2.\n\nArticle 2\n"
            "Settlement of Disputes\n\nA dispute shall be referred to an arbitral tribunal whose award shall be "
            "binding.\n\nSchedule 1\n\nEach Party shall maintain a review of investments that threaten its national "
            "security.\n")
    declarations = carve_outs(checker().index(read_text(text, "<schedule>")))
    assert declarations == []
    text = text.replace('Entries marked "Indicative" in Schedule 1 are', "Schedule 1 is")
    declarations = carve_outs(checker().index(read_text(text, "<schedule>")))
    assert [[u.label for u in d.targets] for d in declarations] == [["Annex 1"]]


def test_a_memorandum_cites_its_paragraphs_by_the_capitalised_word_beside_numbered_paragraphs() -> None:
    text = ("Paragraph 1\nScope\n\nThe Participants will cooperate.\n\nParagraph 2\nReviews\n\n2.1 The Participants "
            "will exchange information on reviews of investments.\n\nParagraph 3\nBoard\n\n1. The Participants will "
            "set up a Board.\n\n2. The Board's work will be confined to the matters covered by Paragraphs 1 to 2.\n")
    found = dict(_references(text))
    assert found["Paragraphs 1 to 2"] == ["Paragraph 1", "Paragraph 2"]


def test_this_paragraph_of_a_memorandum_of_paragraphs_is_the_paragraph_it_stands_in() -> None:
    text = ("PARAGRAPH 1\nOBJECTIVE\n\nThe Participants will cooperate.\n\nPARAGRAPH 2\nAREAS OF COOPERATION\n\n"
            "2.1 The Participants will exchange information.\n\n2.2 The cooperation described in this Paragraph "
            "continues.\n")
    found = _references(text)
    assert ("this Paragraph", ["Paragraph 2"]) in found
