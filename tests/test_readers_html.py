from __future__ import annotations

import re

import pytest

from esa_rules.readers import html as html_reader

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Draft  ESA, round 2</title>
<style>p { color: red }</style><script>document.write("<p>Article 99 shall</p>")</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li>Article 98 Menu</li></ul></nav>
<div role="navigation">Skip to Article 97</div>
<h1>Chapter 4 &ndash; Supply Chains</h1>
<h2>Article 12 Critical Goods</h2>
<ol>
  <li>The Parties shall identify critical goods &amp; monitor their supply.</li>
  <li>Each Party shall:
    <ol type="a"><li>notify disruptions;</li><li>consult promptly.</li></ol>
  </li>
</ol>
<p>Done at <b>Geneva</b>,
in duplicate.</p>
<noscript>enable scripts</noscript>
</body></html>
"""


def test_body_text_without_navigation_scripts_or_styles() -> None:
    blocks = html_reader.extract(PAGE)
    assert [b.text for b in blocks] == [
        "Chapter 4 \u2013 Supply Chains",
        "Article 12 Critical Goods",
        "1. The Parties shall identify critical goods & monitor their supply.",
        "2. Each Party shall:",
        "(a) notify disruptions;",
        "(b) consult promptly.",
        "Done at Geneva, in duplicate.",
    ]


def test_evidence_lines_are_source_lines() -> None:
    blocks = html_reader.extract(PAGE)
    lines = PAGE.splitlines()
    for block in blocks:
        words = re.sub(r"^(\d+\.|\([a-z]+\))\s", "", block.text).split()
        assert words[0] in lines[block.line - 1], (block, lines[block.line - 1])
        assert lines[block.line - 1][block.column - 1:].startswith(words[0][0]) or block.text[0] in "1(2"


def test_ordered_list_start_and_value_attributes() -> None:
    blocks = html_reader.extract('<ol start="3"><li>c</li><li value="7">g</li><li>h</li></ol>')
    assert [b.text for b in blocks] == ["3. c", "7. g", "8. h"]


@pytest.mark.parametrize(("data", "expected", "notice"), [
    (b"<p>caf\xc3\xa9</p>", "caf\u00e9", False),
    (b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "caf\u00e9", False),
    (b'<meta charset="iso-8859-1"><p>caf\xe9</p>', "caf\u00e9", False),
    (b"<p>\x93quoted\x94 caf\xe9</p>", "\u201cquoted\u201d caf\u00e9", True),
    ("<p>caf\u00e9</p>".encode("utf-16"), "caf\u00e9", False),
])
def test_decoding(data: bytes, expected: str, notice: bool) -> None:
    text, notices = html_reader.decode(data)
    assert expected in text
    assert bool(notices) is notice


def test_sniffing() -> None:
    assert html_reader.sniff(b"<!doctype html><p>x", "draft")
    assert html_reader.sniff(b"\n  <HTML><body>x", "draft.txt")
    assert html_reader.sniff(b"anything", "draft.htm")
    assert not html_reader.sniff(b"Article 1 <b>not html</b>", "draft.txt")
    assert not html_reader.sniff(b'<?xml version="1.0"?><akomaNtoso><p>x</p>', "a.xml")


def test_unclosed_and_stray_tags_do_not_lose_text() -> None:
    blocks = html_reader.extract("<p>one<p>two</span></div><li>three<script>x")
    assert [b.text for b in blocks] == ["one", "two", "three"]


def test_a_line_break_stays_inside_its_block() -> None:
    """<br> breaks a line as a Word line break does: the heading and its caption are one block."""
    blocks = html_reader.extract("<h1>CHAPTER 3<br>ECONOMIC SECURITY</h1><p>secu-<br/>rity and <br>\n trade</p>")
    assert [b.text for b in blocks] == ["CHAPTER 3\nECONOMIC SECURITY", "secu-\nrity and\ntrade"]
