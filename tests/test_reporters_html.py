"""The HTML report without a browser: escaping, self-containment, the view model, highlighting."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from itertools import pairwise

import attrs
import pytest
from conftest_reports import (
    com_missing,
    document,
    exp_weak,
    sample_report,
    two_document_report,
    waived_report,
)
from hypothesis import given
from hypothesis import strategies as st

from esa_rules.report import Evidence, Match
from esa_rules.reporters import html, html_view


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs_):
        self.tags.append((tag, dict(attrs_)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)


def _parse(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    return parser


def test_hostile_draft_text_stays_text() -> None:
    page = html.render(sample_report())
    tags = _parse(page)
    assert [t for t, _ in tags.tags].count("script") == 1
    assert not [t for t, a in tags.tags if t == "img"]
    assert not any(k.startswith("on") for _, a in tags.tags for k in a)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page or "&lt;script&gt;" in page


def test_self_contained_nothing_fetched() -> None:
    page = html.render(two_document_report())
    for tag, attributes in _parse(page).tags:
        for name in ("src", "href", "action"):
            value = attributes.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
    assert "@import" not in page and "url(" not in page


def test_csp_allows_exactly_the_inline_script() -> None:
    page = html.render(sample_report())
    script = "".join(_parse(page).script_text)
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', page)
    assert csp and f"'{html.script_hash(script)}'" in csp.group(1)
    directives = dict(d.strip().split(" ", 1) for d in csp.group(1).split(";"))
    assert directives["default-src"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]


def test_summary_counts_match_the_report() -> None:
    report = two_document_report()
    page = html.render(report)
    shown = dict(re.findall(r'data-summary="(\w+)" data-count="(\d+)"', page))
    assert {k: int(v) for k, v in shown.items()} == report.summary()


def test_matrix_only_with_several_documents() -> None:
    assert 'class="matrix"' not in html.render(sample_report())
    view = html.build_view(two_document_report())
    # grouped by topic in the order of the contract's topic table, each group labelled once
    assert [row.provision for row in view.matrix] == ["ESA-INV-1", "ESA-EXP-1", "ESA-COM-1", "ESA-COE-2"]
    assert [row.topic for row in view.matrix][:2] == ["Investment screening", "Export controls"]
    assert view.matrix[1].cells == (("weak", "doc1-esa-exp-1"), ("weak", "doc2-esa-exp-1"))
    assert ["".join(d.short_parts) for d in view.documents] == ["uk-ch3.txt", "jp-ch3.txt"]


def test_findings_worst_first_with_fail_marks() -> None:
    view = html.build_view(sample_report(), fail_on="error")
    doc = view.documents[0]
    assert [f.status for f in doc.gaps] == ["violated", "missing", "weak"]
    assert [f.status for f in doc.satisfied] == ["satisfied"]
    assert [f.fails for f in doc.findings] == [False, False, True, False]
    assert doc.failing == 1


def test_satisfied_provisions_fold_into_one_line_after_the_gaps() -> None:
    page = html.render(sample_report())
    fold = page.index('<details class="fold satisfied-fold" id="doc1-satisfied">')
    assert page.index('id="doc1-esa-exp-1"') < fold < page.index('id="doc1-esa-inv-1"')
    assert "1 satisfied provision</summary>" in page
    assert 'class="finding finding-satisfied compact"' in page


def test_severity_only_on_findings_that_can_fail_the_run() -> None:
    page = html.render(sample_report())
    bodies = {m.group(1): m.group(0) for m in re.finditer(
        r'<article class="finding[^"]*" id="([^"]+)".*?</article>', page, flags=re.DOTALL)}
    assert 'class="sev sev-error"' in bodies["doc1-esa-exp-1"]
    assert "sev-" not in bodies["doc1-esa-inv-1"]
    waived = html.render(waived_report("ESA-EXP-1", "side letter"))
    body = re.search(r'<article class="finding finding-waived".*?</article>', waived, flags=re.DOTALL)
    assert body and "sev-" not in body.group(0)


def test_topic_labels_keep_their_hyphens() -> None:
    finding = attrs.evolve(com_missing(), topic="non-market-economies")
    view = html.build_view(sample_report((document(findings=(finding,)),)))
    assert view.documents[0].gaps[0].topic_label == "Non-market economies"
    assert view.documents[0].topics[0].label == "Non-market economies"
    assert view.topics == (("non-market-economies", "Non-market economies"),)


def test_a_table_of_contents_from_three_documents() -> None:
    assert not html.build_view(two_document_report()).toc
    three = sample_report(tuple(document(f"drafts/{n}.txt") for n in ("uk", "jp", "au")))
    page = html.render(three)
    assert 'class="toc"' in page and page.count('<li><a href="#doc') == 3


@pytest.mark.parametrize(("name", "parts"), [
    ("trade_ministers_round_one_chapter_with_firewall.txt",
     ("trade_", "ministers_", "round_", "one_", "chapter_", "with_", "firewall.txt")),
    ("drafts/uk-ch3.txt", ("drafts/", "uk-", "ch3.txt")),
    ("EconomicSecurityDraft.docx", ("Economic", "Security", "Draft.docx")),
    ("plain.txt", ("plain.txt",)),
])
def test_file_names_break_only_between_words(name: str, parts: tuple[str, ...]) -> None:
    assert html_view.name_parts(name) == parts
    page = html.render(sample_report((document(name),)))
    assert "<wbr>".join(parts) in page


def test_a_reason_the_message_already_gives_is_not_repeated() -> None:
    weak = attrs.evolve(exp_weak(), message="only in weak form in Article 4.1: soft wording: 'shall endeavour'",
                        reasons=("soft wording: 'shall endeavour'",))
    page = html.render(sample_report((document(findings=(weak,)),)))
    assert page.count("soft wording: &#39;shall endeavour&#39;") == 1 and "Why it is weak" not in page


def test_weak_shows_its_soft_words_and_missing_its_nearest_clause_and_copyable_wording() -> None:
    page = html.render(sample_report())
    # the weak sentence is quoted once, its matched terms and its soft words marked apart
    assert "Matched clause and soft wording" in page
    assert '<mark class="m-soft-wording" title="soft">shall endeavour</mark>' in page
    assert '<mark class="m-require" title="coordinate">coordinate their controls</mark>' in page
    assert page.count("on dual-use items, ") == 1
    assert '<span class="term lacks">suspend</span>' in page
    # what a clause has and what it lacks read as a sentence: a space before "but lacks"
    assert "It has" in page and re.search(r"</span>\s+but lacks", page)
    assert 'data-copy="doc1-esa-com-1-suggest"' in page and 'id="doc1-esa-com-1-suggest"' in page


def test_deterministic() -> None:
    assert html.render(two_document_report()) == html.render(two_document_report())


def test_waived_shows_the_justification() -> None:
    doc = document(findings=(attrs.evolve(exp_weak(), status="waived", waiver="side letter", waived_status="weak"),))
    page = html.render(sample_report((doc,)))
    assert "Waived weak:</strong> side letter" in page


@given(st.text(min_size=0, max_size=40), st.lists(st.tuples(st.integers(-5, 50), st.integers(-5, 50)), max_size=5))
def test_highlight_segments_rebuild_the_quote(quote: str, spans: list[tuple[int, int]]) -> None:
    ev = Evidence(unit="u", eid="e", line=1, column=1, end_line=1, quote=quote,
                  matches=tuple(Match("t", a, b) for a, b in spans))
    pieces = html.segments(quote, ev)
    assert "".join(p.text for p in pieces) == quote
    marked = [p for p in pieces if p.term]
    assert all(p.text for p in pieces)
    # no two highlights touch: overlapping or adjacent matches merge into one
    assert all(not (a.term and b.term) for a, b in pairwise(pieces))
    assert len(marked) <= len(spans)

