"""The shipped esa-core ruleset: complete metadata, every topic covered, every example and model wording right."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from esa_rules.dsl import load_many
from esa_rules.dsl.ast import Provision, Ruleset
from esa_rules.dsl.fmt import format_ruleset
from esa_rules.engine import Checker
from esa_rules.examples import run_examples
from esa_rules.topics import TOPICS

# The id prefix each topic's provisions carry, so an id says what a provision is about.
PREFIX = {
    "investment-screening": "INV", "export-controls": "EXP", "compartmentalization": "CMP",
    "economic-coercion": "COE", "non-market-economies": "NME", "critical-sectors": "SEC",
    "supply-chain-resilience": "SCR", "essential-security": "ESX", "institutional-mechanism": "INS",
}


@cache
def core() -> Ruleset:
    return load_many(["esa-core"])[0]


@cache
def checker() -> Checker:
    return Checker([core()])


def provisions() -> tuple[Provision, ...]:
    return core().provisions


def status_of(text: str, provision: str) -> str:
    result = checker().check_text(text, path="<test>")
    return next(f.status for f in result.findings if f.provision == provision)


def test_header() -> None:
    ruleset = core()
    assert ruleset.name == "esa-core"
    assert ruleset.version == "1.0"
    assert ruleset.title == "Core economic security provisions"


def test_shipped_file_is_canonically_formatted() -> None:
    path = core().path
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    assert format_ruleset(text, path) == text


def test_no_duplicate_alternatives() -> None:
    for name, terms in core().terms.items():
        keys = [repr(alt).lower() for alt in terms.alternatives]
        assert len(keys) == len(set(keys)), name


def test_size_and_unique_ids() -> None:
    ids = [p.id for p in provisions()]
    assert 25 <= len(ids) <= 30
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_topic_has_provisions(topic: str) -> None:
    assert len([p for p in provisions() if p.topic == topic]) >= 2


@pytest.mark.parametrize("provision", provisions(), ids=lambda p: p.id)
def test_metadata(provision: Provision) -> None:
    assert provision.topic in TOPICS
    assert re.fullmatch(rf"ESA-{PREFIX[provision.topic]}-\d+", provision.id)
    assert provision.severity in {"error", "warning", "info"}
    assert provision.why and len(provision.why.split()) >= 10
    assert provision.suggest and len(provision.suggest.split()) >= 10
    assert provision.source and len(provision.source.split()) >= 3
    statuses = {e.status for e in provision.examples}
    assert {"satisfied", "missing"} <= statuses
    if provision.forbids:
        assert "violated" in statuses
    assert provision.requires, "a provision that requires nothing is satisfied by any text"


def test_essential_security_is_an_exception_and_only_it() -> None:
    for provision in provisions():
        expected = "exception" if provision.topic == "essential-security" else "obligation"
        assert provision.expects == expected, provision.id


def test_all_examples_pass() -> None:
    results = run_examples(["esa-core"])
    assert len(results) >= 4 * len(provisions())
    failures = [f"{r.provision}: expected {r.expected}, got {r.actual}: {r.text}" for r in results if not r.passed]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("provision", provisions(), ids=lambda p: p.id)
def test_model_wording_satisfies_its_provision(provision: Provision) -> None:
    # The suggested wording is what a negotiator pastes in: it must close the gap it is offered for.
    assert provision.suggest is not None
    assert status_of(provision.suggest, provision.id) == "satisfied"


def test_non_binding_instrument_weakens_a_binding_sentence() -> None:
    text = ("Each Party shall maintain a mechanism to review investments by foreign persons for risks to its "
            "national security. This Memorandum does not create legally binding obligations.")
    assert status_of(text, "ESA-INV-1") == "weak"


def test_denial_never_satisfies() -> None:
    text = "No provision of this Chapter obliges a Party to harmonise its controls on strategic goods."
    assert status_of(text, "ESA-EXP-1") == "missing"


def test_unrelated_committee_is_not_an_economic_security_council() -> None:
    text = ("The Parties hereby establish a Joint Committee. The Joint Committee shall meet at least once a year "
            "and shall consider matters of national security and economic cooperation.")
    for pid in ("ESA-INS-1", "ESA-INS-3"):
        assert status_of(text, pid) == "missing"


def test_a_sentence_in_capitals_citing_an_article_keeps_its_verdict() -> None:
    # Found by the property test below: the capitals made "ARTICLE XXI OF THE ..." read as a heading.
    text = ("ARTICLE XXI OF THE GENERAL AGREEMENT ON TARIFFS AND TRADE 1994 IS INCORPORATED INTO AND MADE PART "
            "OF THIS AGREEMENT, MUTATIS MUTANDIS.")
    assert status_of(text, "ESA-ESX-3") == "satisfied"


def _satisfied_examples() -> list[tuple[str, str]]:
    return [(p.id, e.text) for p in provisions() for e in p.examples if e.status == "satisfied"]


@settings(max_examples=40, deadline=None)
@given(case=st.sampled_from(_satisfied_examples()), data=st.data())
def test_folding_keeps_verdicts(case: tuple[str, str], data: st.DataObject) -> None:
    # Line breaks between words and upper case (as in a scanned or typeset draft) must not change a verdict.
    pid, text = case
    words = text.split(" ")
    breaks = data.draw(st.lists(st.booleans(), min_size=len(words) - 1, max_size=len(words) - 1))
    joined = words[0] + "".join(("\n" if b else " ") + w for b, w in zip(breaks, words[1:], strict=True))
    if data.draw(st.booleans()):
        joined = joined.upper()
    assert status_of(joined, pid) == "satisfied"
