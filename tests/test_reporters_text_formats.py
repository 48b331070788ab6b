"""GitHub workflow commands and Markdown: golden files plus the escaping that keeps them intact."""

from __future__ import annotations

import attrs
import pytest
from conftest_reports import (
    assert_golden,
    coe_violated,
    com_missing,
    document,
    exp_weak,
    sample_report,
    two_document_report,
    waived_report,
)

from esa_rules.reporters import github, junit, markdown, sarif


def _waived_report():
    return waived_report("ESA-COM-1", "Covered by the side letter (approved by Chief negotiator)")


@pytest.mark.parametrize(("name", "module"), [
    ("two_documents.github.txt", github), ("two_documents.md", markdown),
    ("two_documents.junit.xml", junit), ("two_documents.sarif.json", sarif),
])
def test_golden_two_documents(name: str, module) -> None:
    assert_golden(name, module.render(two_document_report(), fail_on="warning"))


@pytest.mark.parametrize(("name", "module"), [("waived.github.txt", github), ("waived.md", markdown)])
def test_golden_waived(name: str, module) -> None:
    assert_golden(name, module.render(_waived_report()))


def test_github_levels_follow_the_threshold() -> None:
    lines = github.render(sample_report(), fail_on="warning").splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::notice", "::error", "::error", "::notice"]
    assert lines[0].startswith("::notice title=esa-rules summary::3 gaps in 1 document, 2 failing")
    assert github.render(sample_report(), fail_on="never").count("::error") == 0


def _many_gaps(documents: int, per_document: int):
    findings = tuple(attrs.evolve(com_missing(), provision=f"ESA-X-{i}", severity=("error", "warning")[i % 2])
                     for i in range(per_document))
    return sample_report(tuple(document(f"drafts/d{n}.txt", findings) for n in range(documents)))


def test_github_annotates_the_ten_most_severe_and_says_where_the_rest_are() -> None:
    lines = github.render(_many_gaps(3, 10)).splitlines()
    assert len(lines) == 11  # the summary, then GitHub's ten
    assert lines[0] == ("::notice title=esa-rules summary::30 gaps in 3 documents, 15 failing the run "
                        "(--fail-on error). The 10 most severe of 30 annotations are shown; 20 more are in the "
                        "SARIF results (code scanning) and in the full report (esa-rules check -f html).")
    annotations = lines[1:]
    assert all(line.startswith("::error ") for line in annotations)  # all 15 errors outrank any warning
    # equally severe gaps take turns across documents rather than all landing on the first
    assert [line.split(",", 1)[0].removeprefix("::error file=") for line in annotations[:3]] == \
        ["drafts/d0.txt", "drafts/d1.txt", "drafts/d2.txt"]


def test_github_annotation_limit_is_configurable() -> None:
    assert len(github.render(_many_gaps(3, 10), max_annotations=3).splitlines()) == 4
    everything = github.render(_many_gaps(3, 10), max_annotations=0).splitlines()
    assert len(everything) == 31 and "All are annotated" in everything[0]


def test_github_violations_outrank_weak_gaps_of_the_same_level() -> None:
    lines = github.render(sample_report((document(findings=(exp_weak(), attrs.evolve(
        coe_violated(), severity="error"))),)), max_annotations=1).splitlines()
    assert "ESA-COE-2" in lines[1]


def test_github_escapes_so_values_cannot_end_early() -> None:
    doc = document("drafts/a,b:c%.txt", (attrs.evolve(com_missing(), message="line one\nline two 100%"),))
    summary, line = github.render(sample_report((doc,))).strip().split("\n")
    assert summary.startswith("::notice title=esa-rules summary::")
    assert "file=drafts/a%2Cb%3Ac%25.txt," in line
    assert "line one%0Aline two 100%25" in line
    assert github.escape_data("a\r\nb") == "a%0D%0Ab"


def test_github_waived_is_a_notice_with_its_reason() -> None:
    out = github.render(_waived_report())
    assert "::notice file=drafts/uk-ch3.txt,line=112" in out and "missing waived: Covered" in out


def test_markdown_cells_cannot_break_the_table_or_inject_html() -> None:
    hostile = attrs.evolve(coe_violated(), message="a | b\nc <img src=x onerror=alert(1)>")
    out = markdown.render(sample_report((document(findings=(hostile, exp_weak())),)))
    row = next(line for line in out.splitlines() if "ESA-COE-2" in line)
    assert row.count(" | ") == 4 and "a \\| b c &lt;img" in row
    assert "<img" not in out


def test_markdown_lists_gaps_worst_first_and_folds_satisfied() -> None:
    out = markdown.render(sample_report())
    order = [p for p in ("ESA-COE-2", "ESA-COM-1", "ESA-EXP-1") if p in out]
    assert sorted(order, key=out.index) == ["ESA-COE-2", "ESA-COM-1", "ESA-EXP-1"]
    assert out.index("<details>") < out.index("ESA-INV-1")


def test_markdown_says_a_violation_once_and_quotes_the_forbidden_words() -> None:
    # the engine words its reason differently from its message; both name the same place
    violated = attrs.evolve(coe_violated("The Parties shall consult before they suspend cooperation."),
                            message="forbidden wording in Article 7.1",
                            reasons=("wording that defeats the provision in Article 7.1",))
    row = next(line for line in markdown.render(sample_report((document(findings=(violated,)),))).splitlines()
               if "ESA-COE-2" in line)
    assert row.count("Article 7.1") == 2  # the Where column and the message, not a third time
    assert "defeats" not in row and "forbidden wording: 'consult'" in row


def test_markdown_keeps_a_reason_that_adds_a_quoted_word() -> None:
    weak = attrs.evolve(exp_weak(), message="only in weak form in Article 4.1",
                        reasons=("soft wording: 'shall endeavour'", "only in weak form in Article 4.1"))
    row = next(line for line in markdown.render(sample_report((document(findings=(weak,)),))).splitlines()
               if "ESA-EXP-1" in line)
    assert row.endswith("| only in weak form in Article 4.1; soft wording: 'shall endeavour' |")
