"""Engine behaviour on small rulesets written inline: verdicts, scopes, strength, evidence."""

from __future__ import annotations

import pickle

import pytest

from esa_rules.dsl import load, load_many
from esa_rules.engine import Checker
from esa_rules.report import Finding

RULES = '''
ruleset t "test" version "1"
terms security "a security interest" = "national security" | "essential security" | "security interests"
terms screening = "investment screening" | "screening of investment*" | "review of foreign investment*"
                | "review* acquisition*" | "foreign investment review" | "review* foreign invest*"
terms exchange  = "exchange information" | "share information" | "information sharing"

provision INV-1 "Investment screening" {
  topic investment-screening
  require screening near/25 security in paragraph
  require exchange near/40 (screening or "review authorit*") in article
  suggest "Each Party shall maintain a mechanism to review foreign investment for national security."
}
provision ESX-1 "Security exception" {
  topic essential-security
  expects exception
  require "essential security interests" in paragraph
}
provision CMP-1 "No retaliation across chapters" {
  topic compartmentalization
  forbid "suspend*" near/12 "economic security" in sentence
}
provision HDG-1 "A chapter headed economic security" {
  topic institutional-mechanism
  severity warning
  require heading "economic security" and "council" in paragraph
}
'''


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    path = tmp_path_factory.mktemp("rules") / "t.esa"
    path.write_text(RULES, encoding="utf-8")
    return Checker([load(str(path))])


def finding(checker: Checker, text: str, pid: str) -> Finding:
    result = checker.check_text(text)
    return next(f for f in result.findings if f.provision == pid)


BINDING = """Article 1: Investment Screening

1. Each Party shall maintain a mechanism to review foreign investments for risks to national security.

2. The review authorities of the Parties shall exchange information on transactions reviewed by both.
"""


def test_satisfied_with_evidence(checker: Checker) -> None:
    f = finding(checker, BINDING, "INV-1")
    assert f.status == "satisfied"
    first = f.evidence[0]
    assert first.unit == "Article 1, paragraph 1"
    assert first.line == 3
    assert first.quote.startswith("1. Each Party shall maintain")
    assert {m.term for m in first.matches} == {"screening", "security"}
    for m in first.matches:
        assert first.quote[m.start:m.end].lower() in {"review foreign investments", "national security"}


def test_soft_wording_is_weak(checker: Checker) -> None:
    text = BINDING.replace("shall exchange", "shall endeavour to exchange")
    f = finding(checker, text, "INV-1")
    assert f.status == "weak"
    assert any("endeavour" in r for r in f.reasons)
    assert any(e.role == "soft-wording" for e in f.evidence)


def test_denial_does_not_satisfy(checker: Checker) -> None:
    text = BINDING.replace(
        "The review authorities of the Parties shall exchange information",
        "A Party is under no obligation to exchange information with the review authorities",
    )
    f = finding(checker, text, "INV-1")
    assert f.status == "missing"
    assert f.nearest is not None


def test_missing_names_nearest_and_lacks(checker: Checker) -> None:
    text = "Article 4\n\n1. Each Party shall maintain a mechanism for foreign investment review.\n"
    f = finding(checker, text, "INV-1")
    assert f.status == "missing"
    assert f.nearest is not None
    assert f.nearest.unit == "Article 4, paragraph 1"
    assert f.nearest.lacks == ("a security interest",)  # the term's description, never its internal name
    assert f.suggest and f.suggest.startswith("Each Party shall")


LACKS = '''ruleset t
terms consult = "consult*" | "meet" | "convene" | "talks"
define talks-deadline "consultations within a deadline" = consult near/10 "(day|month)s"
provision BRANCH-1 "Either branch" {
  topic economic-coercion
  require "coercion" and ("consult*" near/20 "deadline" or "respond*" near/20 "jointly") in paragraph
}
provision FAR-1 "Too far apart" {
  topic economic-coercion
  require "coercion" near/3 "consult*" in paragraph
}
provision NOT-1 "Excluded" {
  topic economic-coercion
  require "coercion" and not "workplace" in paragraph
}
provision DEF-1 "A described define" {
  topic economic-coercion
  require "coercion" and talks-deadline in paragraph
}
'''


@pytest.fixture(scope="module")
def lacks_checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    path = tmp_path_factory.mktemp("rules") / "lacks.esa"
    path.write_text(LACKS, encoding="utf-8")
    return Checker([load(str(path))])


def test_lacks_names_only_what_is_absent_from_the_closest_branch(lacks_checker: Checker) -> None:
    # "consult" is there but "deadline" is not: an `or` of two conjunctions is met by a whole branch only,
    # so the unit lacks the deadline (it does not "have everything but closeness").
    f = finding(lacks_checker, "The Parties shall consult each other on coercion.", "BRANCH-1")
    assert f.status == "missing" and f.nearest is not None
    assert f.nearest.lacks == ('"deadline"',)
    assert "lacks \"deadline\"" in f.message


def test_every_word_present_but_too_far_apart_says_so(lacks_checker: Checker) -> None:
    f = finding(lacks_checker, "Coercion is a grave matter, and the Parties shall promptly consult.", "FAR-1")
    assert f.nearest is not None and f.nearest.lacks == ()
    assert f.message.endswith("which has every word the provision needs, but not close enough together")


def test_a_unit_about_something_excluded_says_what_excludes_it(lacks_checker: Checker) -> None:
    f = finding(lacks_checker, "No Party shall tolerate coercion in the workplace.", "NOT-1")
    assert f.nearest is not None and f.nearest.lacks == ()
    assert 'about something the provision excludes ("workplace")' in f.message


def test_a_define_with_nothing_of_it_present_is_named_by_its_description(lacks_checker: Checker) -> None:
    f = finding(lacks_checker, "The Parties shall address coercion.", "DEF-1")
    assert f.nearest is not None and f.nearest.lacks == ("consultations within a deadline",)
    f = finding(lacks_checker, "The Parties shall consult on coercion.", "DEF-1")
    assert f.nearest is not None and f.nearest.lacks == ('"days" or "months"',)


def test_nothing_related_has_no_nearest(checker: Checker) -> None:
    f = finding(checker, "The Parties recognise the importance of tourism.", "INV-1")
    assert f.status == "missing" and f.nearest is None


def test_exception_presence_suffices(checker: Checker) -> None:
    text = ("Nothing in this Agreement shall be construed to preclude a Party from applying measures that "
            "it considers necessary for the protection of its own essential security interests.")
    assert finding(checker, text, "ESX-1").status == "satisfied"


def test_non_binding_document_is_weak(checker: Checker) -> None:
    text = BINDING + "\n3. This Memorandum does not create legally binding obligations.\n"
    f = finding(checker, text, "INV-1")
    assert f.status == "weak"
    assert any(e.role == "non-binding" for e in f.evidence)


def test_carve_out_makes_weak(checker: Checker) -> None:
    text = "CHAPTER 5 ECONOMIC SECURITY\n\n" + BINDING + (
        "\nArticle 2: Non-Application of Dispute Settlement\n\n"
        "No Party shall have recourse to dispute settlement under Chapter 28 for any matter arising "
        "under this Chapter.\n\nCHAPTER 6 TRADE IN GOODS\n\nArticle 6.1\n\nEach Party shall apply tariffs.\n")
    f = finding(checker, text, "INV-1")
    assert f.status == "weak"
    assert any("carved out" in r for r in f.reasons)


def test_carve_out_of_another_chapter_does_not_weaken(checker: Checker) -> None:
    text = "CHAPTER 5 ECONOMIC SECURITY\n\n" + BINDING + (
        "\nCHAPTER 6 COMPETITION\n\nArticle 6.1\n\nNo Party shall have recourse to dispute settlement "
        "under this Agreement for any matter arising under this Chapter.\n")
    assert finding(checker, text, "INV-1").status == "satisfied"


def test_forbid_and_prohibited_forbid(checker: Checker) -> None:
    bad = "A Party may suspend its obligations on economic security in response to a tariff dispute."
    good = "No Party shall suspend its obligations on economic security in response to a tariff dispute."
    assert finding(checker, bad, "CMP-1").status == "violated"
    assert finding(checker, good, "CMP-1").status == "satisfied"


def test_heading_condition(checker: Checker) -> None:
    text = ("Chapter 9: Economic Security\n\nArticle 9.1\n\n1. The Parties shall establish a Council.\n\n"
            "Chapter 10: Tourism\n\nArticle 10.1\n\n1. The Parties shall establish a council.\n")
    f = finding(checker, text, "HDG-1")
    assert f.status == "satisfied"
    assert f.evidence[0].unit == "Article 9.1, paragraph 1"
    assert finding(checker, text.replace("Economic Security", "Fisheries"), "HDG-1").status == "missing"


def test_every_provision_reported_once_in_order(checker: Checker) -> None:
    result = checker.check_text(BINDING)
    assert [f.provision for f in result.findings] == ["INV-1", "ESX-1", "CMP-1", "HDG-1"]


def test_checker_pickles(checker: Checker) -> None:
    clone = pickle.loads(pickle.dumps(checker))
    assert clone.check_text(BINDING) == checker.check_text(BINDING)


def test_thousands_of_hits_stay_fast(checker: Checker) -> None:
    """Worst case for proximity: one term thousands of times; must not go quadratic (runs in well under
    a second; a quadratic pairing would take minutes)."""
    text = "Each Party shall protect national security. " * 5000 + "It shall review acquisitions."
    f = finding(checker, text, "INV-1")
    assert f.status == "missing"


def test_evidence_labels_the_clause_not_the_heading(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A part matched in a heading must not drag the evidence label to the unit before the heading."""
    rules = tmp_path / "h.esa"
    rules.write_text('ruleset h\nprovision H-1 "t" {\n  topic investment-screening\n'
                     '  require "consult" and heading "screening" in paragraph\n}\n', encoding="utf-8")
    text = ("Article 1.2: Definitions\n\nFor the purposes of this Agreement, terms are defined here.\n\n"
            "Article 2.3: Investment Screening Consultations\n\n"
            "At the request of either Party, the Parties shall consult on any transaction.\n")
    f = Checker([load(str(rules))]).check_text(text).findings[0]
    assert f.status == "satisfied"
    assert f.evidence[0].unit == "Article 2.3, first paragraph"
    assert f.evidence[0].quote.startswith("At the request")


def test_carved_out_binding_clause_shows_no_soft_wording(checker: Checker) -> None:
    """A binding sentence demoted by a carve-out is weak for that reason only: 'shall' is not soft wording."""
    text = "CHAPTER 5 ECONOMIC SECURITY\n\n" + BINDING + (
        "\nArticle 2\n\nNo Party shall have recourse to dispute settlement under Chapter 28 for any matter "
        "arising under this Chapter.\n")
    f = finding(checker, text, "INV-1")
    assert f.status == "weak"
    assert [e.role for e in f.evidence if e.role != "require"] == ["carve-out"]
    assert not any(r.startswith("soft wording") for r in f.reasons)


def test_heading_only_matches_do_not_count(checker: Checker) -> None:
    """A table of contents names provisions without making them: words only in headings are no clause."""
    text = ("Article 1 Investment Screening for National Security Reasons\n\n"
            "Article 2 Exchange of Information\n\nArticle 3 Final Provisions\n\n"
            "This Agreement shall enter into force on signature.\n")
    assert finding(checker, text, "INV-1").status == "missing"


def test_dispute_exclusion_sentence_is_not_the_obligation(checker: Checker) -> None:
    text = ("1. A decision by a Party following a review of foreign investments on national security grounds "
            "shall not be subject to the dispute settlement provisions of this Chapter.\n")
    assert finding(checker, text, "INV-1").status == "missing"


def test_document_title_heads_its_text(checker: Checker) -> None:
    text = ("Agreement between Aldoria and Brennmark on Economic Security\n\n"
            "Article 1\n\n1. The Parties shall establish a Council.\n")
    assert finding(checker, text, "HDG-1").status == "satisfied"
    one_line = "Agreement on Economic Security: the Parties shall establish a council."
    assert finding(checker, one_line, "HDG-1").status == "missing"


def test_carve_out_heading_is_not_a_second_carve_out(checker: Checker) -> None:
    from esa_rules.engine.context import carve_outs
    from esa_rules.engine.index import DocIndex
    from esa_rules.readers import read_text

    text = ("CHAPTER 5 ECONOMIC SECURITY\n\n" + BINDING +
            "\nArticle 2: Non-Application of Dispute Settlement\n\nNo Party shall have recourse to dispute "
            "settlement under Chapter 28 for any matter arising under this Chapter.\n")
    index = DocIndex.build(read_text(text), checker.scan)
    found = carve_outs(index)
    assert len(found) == 1
    assert [u.label for u in found[0].targets] == ["Chapter 5"]


def test_a_wrapped_first_sentence_is_not_a_title(checker: Checker) -> None:
    text = "The Parties shall establish an economic security council to meet every six\nmonths.\n"
    assert finding(checker, text, "HDG-1").status == "missing"  # no heading says economic security
    from esa_rules.engine.index import DocIndex
    from esa_rules.readers import read_text

    assert DocIndex.build(read_text(text), checker.scan).title_span is None


def test_permit_clause_counts_a_permission(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rules = tmp_path / "p.esa"
    rules.write_text('ruleset p\nprovision NM-1 "Notice and exit" {\n  topic non-market-economies\n'
                     '  require "inform" near/20 "non-market country" in article\n'
                     '  permit "terminate" near/10 "this agreement" in article\n}\n', encoding="utf-8")
    checker = Checker([load(str(rules))])
    base = "Article 1\n\n1. A Party shall inform the other Party before negotiating with a non-market country.\n\n"
    may = base + "2. The other Party may terminate this Agreement on six months' notice.\n"
    denied = base + "2. No provision of this Agreement obliges a Party to terminate this Agreement.\n"
    assert checker.check_text(may).findings[0].status == "satisfied"
    assert checker.check_text(denied).findings[0].status == "missing"
    soft_notice = may.replace("shall inform", "should inform")
    assert checker.check_text(soft_notice).findings[0].status == "weak"  # the obligation still must bind


def test_not_inside_or_inside_and_does_not_crash(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`a and (not b or c)`: the position-less match of `not b` pairs with anything."""
    rules = tmp_path / "n.esa"
    rules.write_text('ruleset n\nprovision N-1 "t" {\n  topic export-controls\n'
                     '  require "alpha" and (not "beta" or "gamma")\n}\n', encoding="utf-8")
    checker = Checker([load(str(rules))])
    status = {t: checker.check_text(t).findings[0].status for t in (
        "The Parties shall alpha gamma.", "The Parties shall alpha.", "The Parties shall alpha beta.",
        "The Parties shall alpha beta gamma.", "The Parties shall gamma.")}
    assert status == {"The Parties shall alpha gamma.": "satisfied", "The Parties shall alpha.": "satisfied",
                      "The Parties shall alpha beta.": "missing", "The Parties shall alpha beta gamma.": "satisfied",
                      "The Parties shall gamma.": "missing"}


def test_non_binding_part_covers_that_part_only(checker: Checker) -> None:
    part_a = ("PART A\n\nArticle 1\n\n1. Each Party shall maintain a mechanism to review foreign investments for "
              "risks to national security, and the review authorities shall exchange information on them.\n\n")
    part_b = ("PART B\n\nArticle 2\n\n1. The provisions of this Part do not create legally binding obligations.\n\n"
              "2. Each Party shall maintain a mechanism to review foreign investments for risks to national "
              "security, and the review authorities shall exchange information on them.\n")
    assert finding(checker, part_a + part_b, "INV-1").status == "satisfied"
    f = finding(checker, part_b, "INV-1")
    assert f.status == "weak"
    assert f.reasons == ("Part B declared non-binding (line 5)",)


def test_words_that_hold_together_only_in_a_definition_or_recital_say_where_they_are() -> None:
    core = Checker(load_many(["esa-core"]))
    definition = ('Article 1 Definitions\n\nFor the purposes of this Chapter, "economic coercion" means the threat '
                  "of measures by a third country affecting trade in order to obtain a particular act from a Party.\n")
    f = finding(core, definition, "ESA-COE-1")
    assert f.status == "missing" and f.nearest is not None and f.nearest.lacks == ()
    assert f.message.endswith("which has the words, but only in a definition, which binds no one")
    recital = ("AGREEMENT\n\nThe Parties,\n\nRecognising that economic coercion by a third country threatens both "
               "Parties,\n\nHave agreed as follows:\n\nArticle 1\n\nThe Parties shall publish this Agreement.\n")
    f = finding(core, recital, "ESA-COE-1")
    assert f.status == "missing" and "only in a recital of the preamble" in f.message
