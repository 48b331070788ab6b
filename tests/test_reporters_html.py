"""The HTML report without a browser: escaping, self-containment, the view model, highlighting."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from itertools import pairwise

import attrs
from conftest_reports import document, exp_weak, sample_report, two_document_report
from hypothesis import given
from hypothesis import strategies as st

from esa_rules.report import Evidence, Match
from esa_rules.reporters import html


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
    assert [d.short for d in view.documents] == ["uk-ch3.txt", "jp-ch3.txt"]


def test_findings_worst_first_with_fail_marks() -> None:
    view = html.build_view(sample_report(), fail_on="error")
    doc = view.documents[0]
    assert [f.status for f in doc.findings] == ["violated", "missing", "weak", "satisfied"]
    assert [f.fails for f in doc.findings] == [False, False, True, False]
    assert doc.failing == 1


def test_weak_shows_its_soft_words_and_missing_its_nearest_clause_and_copyable_wording() -> None:
    page = html.render(sample_report())
    assert "Soft wording" in page and "<mark title=\"soft\">shall endeavour</mark>" in page
    assert '<span class="term lacks">suspend</span>' in page
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

