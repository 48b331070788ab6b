from __future__ import annotations

import json

import attrs
import pytest
from conftest_reports import (
    assert_golden,
    coe_violated,
    com_missing,
    document,
    exp_weak,
    inv_satisfied,
    sample_report,
)
from hypothesis import given
from hypothesis import strategies as st

from esa_rules.diff import CHANGES, classify, diff_documents, diff_reports
from esa_rules.errors import UsageError
from esa_rules.report import Finding
from esa_rules.reporters import render_as


def _as(finding: Finding, status: str) -> Finding:
    return attrs.evolve(finding, status=status)


@pytest.mark.parametrize(("before", "after", "change"), [
    ("missing", "satisfied", "closed"),
    ("weak", "satisfied", "closed"),
    ("satisfied", "weak", "opened"),
    ("satisfied", "violated", "opened"),
    ("missing", "weak", "strengthened"),
    ("violated", "missing", "strengthened"),
    ("weak", "missing", "weakened"),
    ("weak", "weak", "unchanged"),
    ("satisfied", "satisfied", "unchanged"),
])
def test_classify(before: str, after: str, change: str) -> None:
    assert classify(_as(com_missing(), before), _as(com_missing(), after)) == change


def test_waived_compares_by_the_gap_it_covers() -> None:
    waived = attrs.evolve(exp_weak(), status="waived", waived_status="weak", waiver="w")
    assert classify(exp_weak(), waived) == "unchanged"
    assert classify(waived, _as(exp_weak(), "missing")) == "weakened"
    assert classify(attrs.evolve(waived, waived_status=None), _as(exp_weak(), "satisfied")) == "closed"


def test_provisions_only_on_one_side() -> None:
    changes = diff_documents(document(findings=(inv_satisfied(),)), document(findings=(exp_weak(),))).changes
    assert [(c.provision, c.change) for c in changes] == [("ESA-EXP-1", "added"), ("ESA-INV-1", "removed")]
    assert not any(c.regression for c in changes)


def test_renumbered_article_pairs_up_as_moved() -> None:
    old = document(findings=(inv_satisfied(eid="chp_3__art_3.2__para_1", line=41),))
    new = document(findings=(inv_satisfied(eid="chp_3__art_3.4__para_1", line=70),))
    (change,) = diff_documents(old, new).changes
    assert change.change == "unchanged"
    assert [e.kind for e in change.evidence] == ["moved"]


def test_content_key_pairs_reworded_and_renumbered_units() -> None:
    old = inv_satisfied(eid="art_3", key="k1")
    new = attrs.evolve(inv_satisfied(eid="art_5", key="k1"),
                       evidence=(attrs.evolve(inv_satisfied(eid="art_5", key="k1").evidence[0], quote="Reworded."),))
    (change,) = diff_documents(document(findings=(old,)), document(findings=(new,))).changes
    assert [e.kind for e in change.evidence] == ["reworded"]


def test_weakened_export_clause_is_a_regression_with_evidence_on_both_sides() -> None:
    strong = attrs.evolve(exp_weak(), status="satisfied", reasons=(), evidence=exp_weak().evidence[:1])
    diff = diff_reports(sample_report((document("r1/uk.txt", (strong,)),)),
                        sample_report((document("r2/uk.txt", (exp_weak(),)),)))
    ((doc, change),) = diff.regressions
    assert (doc.old_path, doc.new_path) == ("r1/uk.txt", "r2/uk.txt")
    assert (change.old_status, change.new_status, change.change) == ("satisfied", "weak", "opened")
    assert [e.kind for e in change.evidence] == ["same", "added"]
    assert diff.counts()["opened"] == 1


def test_folders_pair_documents_by_file_name() -> None:
    old = sample_report((document("r1/uk.txt"), document("r1/jp.txt")))
    new = sample_report((document("r2/jp.txt"), document("r2/au.txt")))
    pairs = [(d.old_path, d.new_path) for d in diff_reports(old, new).documents]
    assert pairs == [(None, "r2/au.txt"), ("r1/jp.txt", "r2/jp.txt"), ("r1/uk.txt", None)]


_STATUS = st.sampled_from(["satisfied", "weak", "missing", "violated"])


@given(_STATUS, _STATUS)
def test_classification_is_antisymmetric(a: str, b: str) -> None:
    forward, backward = classify(_as(com_missing(), a), _as(com_missing(), b)), \
        classify(_as(com_missing(), b), _as(com_missing(), a))
    opposite = {"closed": "opened", "opened": "closed", "strengthened": "weakened",
                "weakened": "strengthened", "unchanged": "unchanged"}
    assert forward in CHANGES and opposite[forward] == backward


def _round_pair():
    strong = attrs.evolve(exp_weak(), status="satisfied", reasons=(), evidence=exp_weak().evidence[:1])
    old = sample_report((document("r1/uk.txt", (strong, com_missing(), inv_satisfied())),))
    new = sample_report((document("r2/uk.txt", (
        exp_weak(),
        attrs.evolve(com_missing(), status="weak", nearest=None, evidence=exp_weak().evidence[:1]),
        inv_satisfied(eid="chp_3__art_3.4__para_1", line=70),
    )),))
    return diff_reports(old, new)


@pytest.mark.parametrize(("fmt", "name"), [("text", "diff.txt"), ("markdown", "diff.md"), ("json", "diff.json")])
def test_golden_renderings(fmt: str, name: str) -> None:
    assert_golden(name, render_as("diff", fmt, _round_pair()))


def test_json_rendering_carries_both_sides() -> None:
    data = json.loads(render_as("diff", "json", _round_pair()))
    assert data["schema"] == "esa-rules.diff/1" and data["summary"]["regressions"] == 1
    exp = next(c for c in data["documents"][0]["changes"] if c["provision"] == "ESA-EXP-1")
    assert exp["old"]["status"] == "satisfied" and exp["new"]["status"] == "weak" and exp["regression"]
    assert exp["evidence"][0]["old"]["quote"] == exp["evidence"][0]["new"]["quote"]


def test_html_rendering_escapes_and_counts() -> None:
    hostile = attrs.evolve(coe_violated(), status="satisfied")
    diff = diff_reports(sample_report((document(findings=(coe_violated(),)),)),
                        sample_report((document(findings=(hostile,)),)))
    page = render_as("diff", "html", diff)
    assert page.count("<script") == 1 and "<img" not in page
    assert 'data-summary="closed" data-count="1"' in page
    # the compared paths wrap between their words, never inside one
    assert "<code>drafts/<wbr>uk-<wbr>ch3.txt</code> → <code>drafts/<wbr>uk-<wbr>ch3.txt</code>" in page


def test_unknown_format_is_refused() -> None:
    with pytest.raises(UsageError, match="unknown diff format 'pdf'"):
        render_as("diff", "pdf", _round_pair())
