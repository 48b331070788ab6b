"""The shipped partner rulesets: they load on top of esa-core, pass their examples, are fmt-clean, and
each adds its own documented provisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from esa_rules.dsl import format_ruleset, load, load_many
from esa_rules.examples import run_examples
from esa_rules.resources import shipped_rulesets

PARTNERS = ["usmca-review", "partner-uk", "partner-australia", "partner-japan", "eu-dialogue", "tpa-objectives"]


def test_all_six_are_shipped() -> None:
    assert set(PARTNERS) <= set(shipped_rulesets())


@pytest.mark.parametrize("name", PARTNERS)
def test_partner_includes_core_and_adds_documented_provisions(name: str) -> None:
    ruleset = load(name)
    core_ids = {p.id for p in load("esa-core").provisions}
    own = [p for p in ruleset.provisions if p.id not in core_ids]
    assert len(own) >= 3
    assert {s.name for s in ruleset.sources} >= {"esa-core", name}
    for p in own:
        assert p.why and p.source and p.suggest, p.id
        statuses = {e.status for e in p.examples}
        assert {"satisfied", "missing"} <= statuses and len(p.examples) >= 4, p.id


@pytest.mark.parametrize("name", PARTNERS)
def test_partner_examples_pass(name: str) -> None:
    results = run_examples([name])
    failed = [(r.provision, r.expected, r.actual, r.text) for r in results if not r.passed]
    assert results and not failed


@pytest.mark.parametrize("path", sorted(shipped_rulesets().values()), ids=lambda p: p.stem)
def test_shipped_rulesets_are_fmt_clean(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert format_ruleset(text, str(path)) == text


def test_overrides_and_disable_take_effect() -> None:
    severity = {p.id: p.severity for p in load("usmca-review").provisions}
    assert severity["ESA-NME-2"] == "error"  # raised from warning
    assert {p.id: p.severity for p in load("partner-australia").provisions}["ESA-SEC-2"] == "info"  # lowered
    eu = {p.id for p in load("eu-dialogue").provisions}
    assert "ESA-NME-2" not in eu and "ESA-NME-1" in eu


def test_all_shipped_rulesets_load_together_without_id_clashes() -> None:
    rulesets = load_many(["esa-core", *PARTNERS])
    ids = [p.id for r in rulesets for p in r.provisions]
    assert len(ids) == len(set(ids))
