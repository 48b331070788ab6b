"""esa-rules explain: the trace agrees with check, shows sub-conditions, words, strength cues,
declarations and the three nearest units."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from esa_rules.api import load_rulesets
from esa_rules.cli import main
from esa_rules.engine import Checker
from esa_rules.engine.trace import trace
from esa_rules.errors import UsageError
from esa_rules.explain import render_json, render_text
from esa_rules.readers import read_text

CHECKER = Checker(load_rulesets(["esa-core"]))

CHAPTER = """CHAPTER 27
ECONOMIC SECURITY

Article 27.1 Investment Screening
1. Each Party shall maintain a mechanism to review investments by foreign persons for risks to its
national security.
2. The Parties will endeavour to share information on investment screening where appropriate.

Article 27.2 Other Matters
1. The Parties recognise the importance of foreign direct investment.

Article 27.3 Relation to Other Chapters
1. No Party shall have recourse to dispute settlement under Chapter 28 for any matter arising under
this Chapter.
"""


def _doc(text: str = CHAPTER):
    return read_text(text, "draft.txt")


def test_trace_verdict_is_the_check_verdict_for_every_provision() -> None:
    doc = _doc()
    result = CHECKER.check(doc)
    for finding in result.findings:
        assert trace(CHECKER, finding.provision, doc).finding == finding


def test_weak_by_carve_out_names_the_words_and_the_declaration() -> None:
    t = trace(CHECKER, "ESA-INV-1", _doc())
    assert t.finding.status == "weak"
    clause = t.clauses[0]
    assert clause.holds and clause.place is not None and clause.place.unit.startswith("Article 27.1")
    assert "national security" in clause.words
    assert ("binding", "shall") in clause.cues
    assert [d.kind for d in clause.weakened_by] == ["carve-out"]
    assert t.carve_outs and t.carve_outs[0].place.unit.startswith("Article 27.3")
    text = render_text(t)
    assert "VERDICT: WEAK" in text and "weakened by the carve-out in Article 27.3" in text


def test_soft_wording_is_shown_with_its_cue() -> None:
    t = trace(CHECKER, "ESA-INV-2", _doc())
    clause = t.clauses[0]
    assert clause.level == "soft"
    assert ("hedge", "endeavour") in clause.cues
    assert "hedge wording: 'endeavour'" in render_text(t)


def test_missing_lists_up_to_three_nearest_units_with_has_and_lacks() -> None:
    text = "\n\n".join(f"Article {n}\n1. The Parties shall discuss economic coercion {n}." for n in range(1, 6))
    t = trace(CHECKER, "ESA-COE-2", _doc(text))
    assert t.finding.status == "missing"
    near = t.clauses[0].nearest
    assert len(near) == 3
    assert near[0].unit == t.finding.nearest.unit  # the report's nearest unit comes first
    assert all(n.has and n.lacks for n in near)
    assert "nearest units:" in render_text(t)


def test_what_a_nearest_unit_has_is_said_by_the_concept_its_words_belong_to() -> None:
    # "weapon*", "civilian production" are the bare words of a described define: the reader is told the
    # concept, whole when all of it is there, in part otherwise
    text = ("Article 1\n1. Each Party shall notify the other of goods capable of use in weapons as well as in "
            "civilian production.\n\nArticle 2\n1. Each Party shall notify the other of weapons.")
    near = trace(CHECKER, "ESA-EXP-1", _doc(text)).clauses[0].nearest
    has = [h for n in near for h in n.has]
    assert "goods with military as well as civilian uses" in has
    assert "some words of goods with military as well as civilian uses" in has
    assert not any("weapon*" in h for h in has)


def test_sub_conditions_report_where_they_hold_elsewhere() -> None:
    t = trace(CHECKER, "ESA-NME-2", _doc())
    named = t.clauses[0].condition  # the clause is a define: explain shows it by name, the condition under it
    assert named.kind == "define" and named.text == "nm-fta-notice" and named.description
    tree = named.children[0]
    assert tree.kind == "and" and not tree.holds
    assert len(tree.children) >= 2  # an `a and b and c` chain is flattened into siblings


def test_unknown_provision_is_a_usage_error_with_a_hint() -> None:
    with pytest.raises(UsageError) as info:
        trace(CHECKER, "ESA-INV-9", _doc())
    assert "did you mean" in str(info.value)


def test_cli_text_and_json(tmp_path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(CHAPTER, encoding="utf-8")
    runner = CliRunner()
    text = runner.invoke(main, ["explain", "ESA-INV-1", str(draft)])
    assert text.exit_code == 0 and "require, within one paragraph" in text.output
    data = json.loads(runner.invoke(main, ["explain", "ESA-INV-1", str(draft), "-f", "json"]).output)
    assert data["status"] == "weak" and data["clauses"][0]["condition"]["holds"] is True
    bad = runner.invoke(main, ["explain", "NOPE-1", str(draft)])
    assert bad.exit_code == 2 and "unknown provision 'NOPE-1'" in bad.output and "Traceback" not in bad.output


def test_render_is_deterministic() -> None:
    doc = _doc()
    assert render_json(trace(CHECKER, "ESA-CMP-2", doc)) == render_json(trace(CHECKER, "ESA-CMP-2", doc))


WORDS = st.sampled_from(["shall", "may", "screening", "investment", "national security", "exchange information",
                         "coercion", "consult", "within 30 days", "Article 3", "the Parties", "not", "."])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=4))
def test_trace_never_disagrees_with_check(paragraphs: list[str]) -> None:
    doc = _doc("\n\n".join(paragraphs))
    for finding in CHECKER.check(doc).findings:
        assert trace(CHECKER, finding.provision, doc).finding.status == finding.status


def test_a_declaration_scoped_to_an_article_is_shown_as_reaching_that_article_only() -> None:
    text = ("Article 7 Supplies\n\nThe Parties shall notify each other of any disruption in the supply of critical "
            "goods within five days.\n\nArticle 8 Status\n\nArticle 7 does not give rise to legally binding "
            "obligations.\n")
    rendered = render_text(trace(CHECKER, "ESA-SCR-2", _doc(text)))
    assert "Article 7 declared non-binding" in rendered
    assert "declares itself non-binding" not in rendered
