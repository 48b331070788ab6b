"""Engine properties: verdicts do not depend on provision order, and checking is deterministic."""

from __future__ import annotations

from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from esa_rules.dsl import load
from esa_rules.engine import Checker
from esa_rules.readers import read

ROOT = Path(__file__).resolve().parents[1]
CORE = load("esa-core")
DRAFTS = [read(str(p)) for p in sorted((ROOT / "sample_texts").glob("*.[tm][xd]*")) if p.suffix in {".txt", ".md"}]
BASELINE = Checker([CORE])
EXPECTED = [{f.provision: f for f in BASELINE.check(doc).findings} for doc in DRAFTS]


@settings(max_examples=8, deadline=None)
@given(st.permutations(range(len(CORE.provisions))))
def test_provision_order_does_not_change_verdicts(order: list[int]) -> None:
    shuffled = attrs.evolve(CORE, provisions=tuple(CORE.provisions[i] for i in order))
    checker = Checker([shuffled])
    for doc, expected in zip(DRAFTS, EXPECTED, strict=True):
        findings = checker.check(doc).findings
        assert [f.provision for f in findings] == [CORE.provisions[i].id for i in order]
        assert {f.provision: f for f in findings} == expected


def test_two_runs_give_equal_results() -> None:
    again = Checker([CORE])
    for doc, expected in zip(DRAFTS, EXPECTED, strict=True):
        assert {f.provision: f for f in again.check(doc).findings} == expected
