"""The document title and its span: the first block of the text, found the same way in every format."""

from __future__ import annotations

import pytest

from esa_rules.readers import read, read_text
from esa_rules.title import MAX_TITLE, title_of


@pytest.mark.parametrize(("text", "title"), [
    ("\n\n  AGREEMENT BETWEEN THE PARTIES  \n\nText", "AGREEMENT BETWEEN THE PARTIES"),
    # a title page sets the title over a few lines: all of them name the document
    ("AGREEMENT BETWEEN ALDORIA\nAND BRENNMARK\nON ECONOMIC SECURITY\n\nArticle 1",
     "AGREEMENT BETWEEN ALDORIA AND BRENNMARK ON ECONOMIC SECURITY"),
    ("Intro line\n# Heading later", "Intro line"),
    ("# Economic Security Agreement\nThe Parties agree.\n", "Economic Security Agreement"),
    ("**Bold Title**\n", "Bold Title"),
    # a chapter heading over its caption is a heading, not a title: the caption belongs to the chapter
    ("CHAPTER 27\nECONOMIC SECURITY\n\nArticle 27.1", "CHAPTER 27"),
    # a paragraph is no title block: its first line names the document
    ("The Parties,\nRecognising the importance of trade,\nHave agreed as follows:\n\nArticle 1", "The Parties,"),
    ("TITLE  WITH   WIDE\tSPACES\n\nText", "TITLE WITH WIDE SPACES"),
    # a watermark set in spaced capitals above the title is no part of it
    ("   D R A F T  -  N O T   F O R   C I T A T I O N\nAGREEMENT ON SUPPLY\n\nArticle 1", "AGREEMENT ON SUPPLY"),
    ("", None),
])
def test_title_of(text: str, title: str | None) -> None:
    assert title_of(text) == title


def test_long_titles_end_in_an_ellipsis() -> None:
    long = title_of("x" * 500)
    assert long is not None and len(long) == MAX_TITLE and long.endswith("\u2026")


def test_html_title_element_is_not_the_drafts_title() -> None:
    page = b"<html><head><title>Treaty database</title></head><body><h1>Agreement on Trade</h1><p>Text.</p>"
    assert read("page.html", data=page).title == "Agreement on Trade"


def test_a_wrapped_title_names_and_heads_the_document_in_text_and_word() -> None:
    """The title's last line carries the words ("ON ECONOMIC SECURITY") that put every chapter in scope:
    it must head the document whether the title is a .txt block or a Word Title paragraph."""
    from docgen import docx_bytes

    from esa_rules.dsl import load_many
    from esa_rules.engine import Checker

    title = ["AGREEMENT BETWEEN ALDORIA AND BRENNMARK", "ON ECONOMIC SECURITY"]
    body = ["Article 1", "The Parties shall cooperate."]
    text = read_text("\n".join(title) + "\n\n" + "\n\n".join(body) + "\n")
    word = read("t.docx", data=docx_bytes(["\n".join(title), *body], title="\n".join(title)))
    assert text.title == word.title == " ".join(title)
    checker = Checker(load_many(["esa-core"]))
    spans = []
    for document in (text, word):
        index = checker.index(document)
        assert index.title_span is not None
        spans.append(index.folded.text[slice(*index.title_span)])
    assert spans[0] == spans[1] == "agreement between aldoria and brennmark on economic security"


def test_a_title_page_with_between_and_and_on_lines_of_their_own_is_one_title() -> None:
    from esa_rules.title import title_of

    text = ("MEMORANDUM OF UNDERSTANDING\nBETWEEN\nTHE MINISTRY OF TRADE OF ALDORIA\nAND\nTHE MINISTRY OF ECONOMY "
            "OF BRENNMARK\nON COOPERATION IN SUPPLY CHAINS\n\nThe Ministries have reached the following "
            "understanding.\n")
    from esa_rules.title import title_block

    start, end = title_block(text) or (0, 0)
    assert text[start:end].endswith("ON COOPERATION IN SUPPLY CHAINS")  # the whole block, all six lines
    assert (title_of(text) or "").startswith("MEMORANDUM OF UNDERSTANDING BETWEEN THE MINISTRY OF TRADE")


def test_a_title_in_capitals_runs_on_after_a_comma() -> None:
    from esa_rules.title import title_of

    text = ("ASSOCIATION AGREEMENT\nBETWEEN THE NORTHERN UNION, OF THE ONE PART,\nAND THE REPUBLIC OF TAVARIS, OF THE "
            "OTHER PART\n\nTITLE IX\nECONOMIC SECURITY\n")
    assert title_of(text) == ("ASSOCIATION AGREEMENT BETWEEN THE NORTHERN UNION, OF THE ONE PART, AND THE REPUBLIC OF "
                              "TAVARIS, OF THE OTHER PART")
    # a sentence wrapped after a comma is no title
    assert title_of("The Parties agree,\nas follows, to cooperate.\n\nArticle 1\n") == "The Parties agree,"
