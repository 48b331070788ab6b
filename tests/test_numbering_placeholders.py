"""Negotiating-text numbering: placeholders are headings; a cross-reference sentence is not."""

from __future__ import annotations

import pytest

from esa_rules.numbering import match_heading
from esa_rules.readers import read_text


@pytest.mark.parametrize(("line", "kind", "number"), [
    ("CHAPTER [X]", "chapter", "[X]"),
    ("CHAPTER [X] ECONOMIC SECURITY", "chapter", "[X]"),
    ("Article X.4: Council", "article", "X.4"),
    ("Article [3.2]", "article", "[3.2]"),
    ("ANNEX X-A", "annex", "X-A"),  # Annex A to Chapter X, not "Annex X" titled "A"
    ("Annex I-B: Listed Goods", "annex", "I-B"),
])
def test_placeholder_numbers_are_headings(line: str, kind: str, number: str) -> None:
    heading = match_heading(line)
    assert heading is not None and (heading.kind, heading.number) == (kind, number)


@pytest.mark.parametrize("line", [
    "Chapter 26 (Dispute Settlement) shall not apply to this Chapter.",
    "Article X of GATT 1994 applies.",
])
def test_cross_reference_sentences_are_not_headings(line: str) -> None:
    assert match_heading(line) is None


def test_placeholder_chapter_heads_its_articles() -> None:
    doc = read_text("CHAPTER [X] ECONOMIC SECURITY\n\nArticle X.4: Council\n\n1. The Parties shall meet.\n")
    labels = [u.label for u in doc.units()]
    assert labels[1:] == ["Chapter [X]", "Article X.4", "Article X.4, paragraph 1"]


@pytest.mark.parametrize("text", [
    "Article XXI\nof the GATT 1994 is incorporated into this Agreement.\n",
    "ARTICLE XXI OF THE GENERAL AGREEMENT ON TARIFFS AND TRADE 1994\nIS INCORPORATED INTO THIS AGREEMENT.\n",
])
def test_a_reference_broken_across_lines_is_not_a_heading(text: str) -> None:
    assert [u.kind for u in read_text(text).units()] == ["document", "paragraph"]


@pytest.mark.parametrize("line", [
    "ARTICLE 9.2 SHALL APPLY WITHOUT RESERVATION TO INVESTMENTS",
    "ARTICLE XXI OF THE GENERAL AGREEMENT ON TARIFFS AND TRADE 1994 IS INCORPORATED INTO THIS AGREEMENT.",
    "Article 4 Of The Agreement Applies",
])
def test_a_cited_number_that_runs_on_into_a_sentence_is_no_heading(line: str) -> None:
    # A typeset draft in capitals cites articles too: the words after the number carry a sentence on
    assert match_heading(line) is None


def test_a_title_in_capitals_after_an_article_number_is_still_a_heading() -> None:
    heading = match_heading("ARTICLE 9.2 OFFSHORE INVESTMENT SCREENING")
    assert heading is not None and heading.number == "9.2" and heading.title_start is not None


@pytest.mark.parametrize(("line", "kind", "number", "title"), [
    ("CHAPTER TWENTY-TWO BIS ECONOMIC SECURITY AND RESILIENCE", "chapter", "22 bis", "ECONOMIC SECURITY AND RESILIENCE"),
    ("Article 22 bis.8: Relation to Dispute Settlement", "article", "22 bis.8", "Relation to Dispute Settlement"),
    ("Chapter XXI bis", "chapter", "XXI bis", None),
    ("Article 5 bis", "article", "5 bis", None),
])
def test_inserted_numbers_with_latin_suffixes(line: str, kind: str, number: str, title: str | None) -> None:
    heading = match_heading(line)
    assert heading is not None and (heading.kind, heading.number) == (kind, number)
    shown = line[heading.title_start:heading.title_end] if heading.title_start is not None else None
    assert shown == title
