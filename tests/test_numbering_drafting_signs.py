"""Numbers as Portuguese, Spanish and Central European drafting sets them: an ordinal sign after an article's
number ("Article 1.\u00ba"), a stop after it ("Art. 1."), an epigraph in brackets under it ("(Object)") and
paragraphs numbered "1 \u2014 text"."""

from __future__ import annotations

import pytest

from esa_rules.numbering import match_heading, match_marker, next_line_title
from esa_rules.segment import segment


@pytest.mark.parametrize(("line", "number"), [("Article 1.\u00ba", "1"), ("Article 10.\u00ba", "10"),
                                               ("Article 3\u00ba", "3"), ("Clause 1.\u00aa", "1"),
                                               ("Article 4\u00b0", "4")])
def test_an_ordinal_sign_after_the_number_is_part_of_the_heading(line: str, number: str) -> None:
    heading = match_heading(line)
    assert heading is not None and heading.kind == "article" and heading.number == number
    assert heading.heading_end == len(line)  # every offset is the line's own: the sign is in the heading


def test_a_cited_article_with_its_ordinal_sign_heads_nothing() -> None:
    assert match_heading("Article 6.\u00ba shall apply to the list.") is None


def test_articles_with_ordinal_signs_epigraphs_and_dashed_paragraphs() -> None:
    text = ("CHAPTER I\nGENERAL PROVISIONS\n\nArticle 1.\u00ba\n(Object)\nThis Agreement sets a framework.\n\n"
            "Article 2.\u00ba\n(Exclusions)\n1 \u2014 This Agreement does not apply to the Fund.\n"
            "2 \u2014 This Agreement does not affect the free port.\n")
    units = [(u.label, u.heading) for u in segment(text).walk() if u.kind != "document"]
    assert units == [("Chapter I", "GENERAL PROVISIONS"), ("Article 1", "(Object)"),
                     ("Article 1, first paragraph", None), ("Article 2", "(Exclusions)"),
                     ("Article 2, paragraph 1", None), ("Article 2, paragraph 2", None)]


def test_a_dash_after_a_paragraph_number_marks_it() -> None:
    marker = match_marker("2 \u2014 The States Parties undertake")
    assert marker is not None and (marker.text, marker.shape, marker.end) == ("2", "dash", 3)
    assert match_marker("2025 \u2014 a year of review") is None


def test_an_epigraph_in_brackets_titles_the_article_above_it() -> None:
    assert next_line_title("(Information on acquisitions)")
    assert not next_line_title("(a) each Party shall notify")
    assert not next_line_title("(see Article 5) and (Annex 2)")


def test_the_stop_after_a_bare_article_number_is_the_heading_s_own() -> None:
    """"Art. 1." over "1. This Agreement ...": the stop is no paragraph of the article."""
    text = "Art. 1.\n1. This Agreement sets principles.\n2. It affects no other agreement.\n\nArt. 2.\nThe Parties consult.\n"
    units = [(u.label, text[u.start:u.end].strip()[:7]) for u in segment(text).walk() if u.kind != "document"]
    assert units == [("Article 1", "Art. 1."), ("Article 1, paragraph 1", "1. This"),
                     ("Article 1, paragraph 2", "2. It a"), ("Article 2", "Art. 2."),
                     ("Article 2, first paragraph", "The Par")]


def test_references_carry_the_ordinal_sign_and_cite_paragraphs_as_n_and_subparagraphs_as_alinea() -> None:
    from esa_rules.dsl import load_many
    from esa_rules.engine import Checker
    from esa_rules.readers import read_text

    text = ("Article 1.\u00ba\n(Lists)\n1 \u2014 The States Parties shall draw up a list.\n2 \u2014 The list shall be "
            "public.\n\nArticle 2.\u00ba\n(Commission)\n1 \u2014 The Commission has the following competences:\na) To "
            "monitor the application of Articles 1.\u00ba to 2.\u00ba;\nb) To update the list referred to in n.\u00ba 1 of "
            "Article 1.\u00ba\n2 \u2014 It shall decide on matters under al\u00ednea b) within sixty days.\n")
    index = Checker(load_many(["esa-core"])).index(read_text(text, "<signs>"))
    found = {text[r.start:r.end]: [t.label for t in r.targets] for r in index.resolver.references(0, len(text))}
    assert found["Articles 1.\u00ba to 2.\u00ba"] == ["Article 1", "Article 2"]
    assert found["n.\u00ba 1 of Article 1.\u00ba"] == ["Article 1, paragraph 1"]
    assert found["al\u00ednea b"] == ["Article 2, paragraph 1(b)"]


def test_an_article_whose_first_paragraph_opens_on_its_heading_line_has_no_title() -> None:
    # "ARTICLE 3.- 1. The States Parties ...": Spanish and Latin American drafting runs paragraph 1 on
    heading = match_heading("ARTICLE 3.- 1. The States Parties recognise that measures of a third State affect both.")
    assert heading is not None and (heading.number, heading.title_start, heading.body_start) == ("3", None, 12)
    text = ("CHAPTER III - PRESSURE\n\nARTICLE 3.- 1. The States Parties recognise the matter.\n"
            "2. They shall consult within fifteen days.\n\nARTICLE 4.- The States Parties shall cooperate.\n")
    articles = [u for u in segment(text).walk() if u.kind == "article" and u.label != "Preamble"]
    assert [(a.label, a.heading, [c.label for c in a.children]) for a in articles] == [
        ("Article 3", None, ["Article 3, paragraph 1", "Article 3, paragraph 2"]), ("Article 4", None, ["Article 4, first paragraph"])]


def test_a_french_codes_articles_keep_their_legislative_and_regulatory_numbers() -> None:
    from esa_rules.readers import read_text
    doc = read_text("Title I - Definitions\n\nArticle L. 111-1\nIn this Code, the following terms apply.\n\n"
                    "Article R. 111-2\nThe authority shall decide within thirty days.\n\n"
                    "Title II - Controlled Operations\n\nArticle L. 121-1\nEach Party shall notify the other.\n")
    assert [u.label for u in doc.units() if u.kind == "article"] == [
        "Article L. 111-1", "Article R. 111-2", "Article L. 121-1"]
