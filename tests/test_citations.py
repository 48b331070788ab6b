"""`cites X`: a clause that names the articles it acts on is about what those articles are about.

"The complaining Party may suspend the application of Articles 3 to 7" reaches economic security
cooperation only if Articles 3 to 7 are that cooperation; a body "whose mandate is limited to Articles 3
to 6" is dedicated to what those articles govern. ``cites X`` holds at such a reference when X holds on
the words written in a unit it names: an article, paragraph or subparagraph of this instrument, never the
unit the reference stands in, another instrument's article or a whole chapter. ``cites devoted X`` also
takes a whole division devoted to X: "this Agreement" when most of what it says is X.
"""

from __future__ import annotations

from functools import cache

import pytest

from esa_rules.dsl import load, load_many
from esa_rules.dsl.fmt import format_ruleset
from esa_rules.engine import Checker
from esa_rules.report import Finding

RULES = """ruleset cites-demo "citations"
terms suspend "a suspension" = "suspend*"
terms security "security matters" = "acquisition*" | "export control*"
provision DEMO-1 "A suspension of the security articles" {
  topic compartmentalization
  require suspend near/10 cites security in sentence
}
"""

DRAFT = """Article 1
Review of Acquisitions

Each Party shall review acquisitions of domestic enterprises by foreign persons.

Article 2
Tariffs

Each Party shall publish its tariffs.

Article 3
Suspension

A Party shall suspend the application of {cited}.
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    path = tmp_path_factory.mktemp("rules") / "cites-demo.esa"
    path.write_text(RULES, encoding="utf-8")
    return Checker([load(str(path))])


def finding(checker: Checker, cited: str) -> Finding:
    return checker.check_text(DRAFT.format(cited=cited)).findings[0]


def test_a_reference_to_an_article_holds_what_that_article_says(demo: Checker) -> None:
    found = finding(demo, "Article 1")
    assert found.status == "satisfied"
    roles = [(e.role, e.unit) for e in found.evidence]
    # the operative sentence first, then the cited article the words came from
    assert roles[0] == ("require", "Article 3, first paragraph")
    assert ("reference", "Article 1, first paragraph") in roles  # its text, not its heading
    cited = next(e for e in found.evidence if e.role == "reference")
    assert [m.term for m in cited.matches] == ["security"] and cited.strength == "neutral"


@pytest.mark.parametrize("cited", [
    "Article 2",  # an article about something else
    "Article XXI of the GATT 1994",  # another instrument's article, however it is numbered
    "Article 1 of the Customs Convention",
    "this Article",  # the unit the sentence stands in
])
def test_a_reference_to_anything_else_holds_nothing(demo: Checker, cited: str) -> None:
    assert finding(demo, cited).status == "missing"


def test_a_range_holds_what_any_article_in_it_says(demo: Checker) -> None:
    assert finding(demo, "Articles 1 to 2").status == "satisfied"
    assert finding(demo, "Articles 2 and 3").status == "missing"


def test_cites_is_formatted_and_read_back_unchanged() -> None:
    formatted = format_ruleset(RULES)
    assert "  require suspend near/10 cites security in sentence\n" in formatted
    assert format_ruleset(formatted) == formatted


@cache
def core() -> Checker:
    return Checker(load_many(["esa-core"]))


def statuses(text: str) -> dict[str, str]:
    return {f.provision: f.status for f in core().check_text(text).findings}


# the two articles of security cooperation every test agreement below opens with
SECURITY_ARTICLES = """Article 1
Acquisitions by Foreign Persons

Each Party shall maintain a procedure by which its government may examine an acquisition by a foreign
person of control over an undertaking in its territory, and prohibit it where the acquisition threatens
the national security of that Party.

Article 2
Goods with Civil and Military Uses

The Parties shall coordinate their export controls on dual-use items.
"""

AGREEMENT = SECURITY_ARTICLES + """
Article 3
Tariffs

Each Party shall apply to originating goods of the other Party the customs duties set out in its Schedule.

Article 4
{heading}

{clause}
"""


@pytest.mark.parametrize(("heading", "clause", "provision", "expected"), [
    # suspending the security articles after a ruling elsewhere is a violation
    ("Non-Compliance", "Where a panel established under the Free Trade Agreement has found that a Party failed to "
     "comply with that Agreement, the complaining Party may suspend the application of Articles 1 and 2 of this "
     "Agreement.", "ESA-CMP-2", "violated"),
    # no dispute may be used to withhold the security articles: insulation
    ("Other Disagreements", "No disagreement between the Parties under their Free Trade Agreement, and no "
     "anti-dumping duty imposed by either Party, shall be invoked to withhold or curtail the performance of "
     "Articles 1 and 2.", "ESA-CMP-1", "satisfied"),
])
def test_a_clause_acting_on_the_security_articles_is_about_security_cooperation(
        heading: str, clause: str, provision: str, expected: str) -> None:
    assert statuses(AGREEMENT.format(heading=heading, clause=clause))[provision] == expected
    # the same sentence aimed at the tariff article leaves the security cooperation alone
    tariffs = clause.replace("Articles 1 and 2", "Article 3")
    assert statuses(AGREEMENT.format(heading=heading, clause=tariffs))[provision] == "missing"


def test_a_body_confined_to_the_security_articles_is_an_economic_security_body() -> None:
    clause = ("1. A Joint Commission is hereby established, composed of senior officials of each Party.\n\n"
              "2. The mandate of the Joint Commission is limited to the implementation of Articles 1 and 2.")
    found = statuses(AGREEMENT.format(heading="Joint Commission", clause=clause))
    assert found["ESA-INS-1"] == "satisfied"
    general = clause.replace("Articles 1 and 2", "Article 3")
    assert statuses(AGREEMENT.format(heading="Joint Commission", clause=general))["ESA-INS-1"] == "missing"



def test_nothing_precluding_a_suspension_of_the_security_articles_permits_it() -> None:
    # "Nothing ... precludes a Party from suspending" denies a bar: the suspension is allowed, a violation
    clause = ("Nothing in this Agreement precludes a Party from suspending the application of Articles 1 and 2 "
              "where the other Party has failed to comply with a ruling issued in a dispute under any other "
              "agreement between them.")
    assert statuses(AGREEMENT.format(heading="Other Agreements", clause=clause))["ESA-CMP-2"] == "violated"
    # while "Nothing in this Agreement shall be construed to permit" it bars it, as before
    barred = ("Nothing in this Agreement shall be construed to permit a Party to suspend the application of "
              "Articles 1 and 2 where the other Party has failed to comply with a ruling under another agreement.")
    assert statuses(AGREEMENT.format(heading="Other Agreements", clause=barred))["ESA-CMP-2"] != "violated"


def test_a_sentence_that_opens_by_denying_the_dispute_any_effect_is_no_violation() -> None:
    # "No disagreement ... shall be invoked ... to suspend ... paragraphs 1 through 4": insulation, not its breach
    clause = ("No disagreement between the Parties concerning tariffs or countervailing duties shall be invoked by "
              "either Party as a reason to defer, suspend or withhold the performance of Articles 1 and 2.")
    found = statuses(AGREEMENT.format(heading="Other Disagreements", clause=clause))
    assert found["ESA-CMP-2"] != "violated" and found["ESA-CMP-1"] == "satisfied"


DEVOTED_RULES = RULES.replace("cites-demo", "devoted-demo").replace("cites security", "cites devoted security")


@pytest.fixture(scope="module")
def devoted_demo(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    path = tmp_path_factory.mktemp("rules") / "devoted-demo.esa"
    path.write_text(DEVOTED_RULES, encoding="utf-8")
    return Checker([load(str(path))])


SECURITY_AGREEMENT = """Article 1

Each Party shall review acquisitions of domestic enterprises by foreign persons.

Article 2

Each Party shall publish its export controls.

Article 3

Each Party shall inform the other of acquisitions of land by foreign persons.

Article 4

Each Party shall designate a contact point.

Article 5

A Party shall suspend the application of {cited}.
"""


def devoted_finding(checker: Checker, cited: str, articles_on_security: int = 3) -> Finding:
    text = SECURITY_AGREEMENT.format(cited=cited)
    for n in range(3 - articles_on_security):  # turn security articles into tariff articles
        text = text.replace(["acquisitions of land", "export controls", "acquisitions of domestic"][n], "tariffs", 1)
    return checker.check_text(text).findings[0]


def test_a_division_devoted_to_the_matter_is_cited_by_cites_devoted(devoted_demo: Checker, demo: Checker) -> None:
    # three of five articles on security: "this Agreement" is about it, for `cites devoted` only
    found = devoted_finding(devoted_demo, "this Agreement")
    assert found.status == "satisfied"
    cited = next(e for e in found.evidence if e.role == "reference")
    assert cited.unit == "Article 1, first paragraph"  # the first provision of the division that holds it
    assert devoted_finding(demo, "this Agreement").status == "missing"


def test_a_division_that_touches_the_matter_in_passing_is_not_devoted_to_it(devoted_demo: Checker) -> None:
    # two articles out of five are not enough, however central they are
    assert devoted_finding(devoted_demo, "this Agreement", articles_on_security=2).status == "missing"
    # "this Agreement" of another instrument is no reference to this one
    assert devoted_finding(devoted_demo, "this Agreement of the other Parties").status == "missing"


def test_this_agreement_of_an_instrument_titled_as_a_general_trade_agreement_is_devoted_to_nothing(
        devoted_demo: Checker) -> None:
    text = SECURITY_AGREEMENT.format(cited="this Agreement")
    assert devoted_demo.check_text("AGREEMENT ON STRATEGIC TRADE\n\n" + text).findings[0].status == "satisfied"
    # an association or free trade agreement touches many matters: most of its articles may be extracts
    for title in ("ASSOCIATION AGREEMENT BETWEEN A AND B", "FREE TRADE AGREEMENT BETWEEN A AND B"):
        assert devoted_demo.check_text(f"{title}\n\n{text}").findings[0].status == "missing"
    # an instrument relating to such an agreement is named by its own kind
    letters = "EXCHANGE OF LETTERS RELATING TO THE FREE TRADE AGREEMENT BETWEEN A AND B"
    assert devoted_demo.check_text(f"{letters}\n\n{text}").findings[0].status == "satisfied"


def test_a_division_headed_with_the_matter_is_devoted_to_it(devoted_demo: Checker) -> None:
    text = ("TITLE I\nSTRATEGIC EXPORT CONTROLS\n\nArticle 1\n\nEach Party shall designate a contact point.\n\n"
            "Article 2\n\nEach Party shall publish its tariffs.\n\nTITLE II\nFINAL PROVISIONS\n\nArticle 3\n\n"
            "A Party shall suspend the application of Title I.\n")
    assert devoted_finding_text(devoted_demo, text) == "satisfied"
    assert devoted_finding_text(devoted_demo, text.replace("STRATEGIC EXPORT CONTROLS", "CUSTOMS")) == "missing"


def test_an_annex_that_is_one_table_is_devoted_when_its_table_is(devoted_demo: Checker) -> None:
    table = ("Article 1\n\nA Party shall suspend the application of Annex I.\n\nANNEX I\n\n| No. | Commitment |\n"
             "|---|---|\n| 1 | Each Party to review acquisitions of domestic enterprises by foreign persons |\n")
    assert devoted_finding_text(devoted_demo, table) == "satisfied"
    assert devoted_finding_text(devoted_demo, table.replace("acquisitions of domestic enterprises", "tariffs")) == \
        "missing"


def devoted_finding_text(checker: Checker, text: str) -> str:
    return checker.check_text(text).findings[0].status


SCHEDULES = """Article 1

A Party shall suspend the application of {cited}.

SCHEDULE A - STRATEGIC INPUTS

1. This Schedule applies to the review of acquisitions of domestic enterprises by foreign persons.

2. No Party shall impose a levy on the listed inputs.

3. Each Party shall grant licences on the listed inputs on equal terms.

4. Each Party shall publish the list of inputs.

SCHEDULE B - ROAD SALT

1. Each Party shall keep a reserve of road salt.

SCHEDULE C - PORTS

1. Each Party shall publish its port fees.
"""


def test_a_division_is_devoted_to_what_its_scope_clause_says_it_applies_to(devoted_demo: Checker) -> None:
    # one provision of four on the matter, but the one that says what the whole Schedule is for
    assert devoted_finding_text(devoted_demo, SCHEDULES.format(cited="Schedule A")) == "satisfied"
    # a scope clause on something else makes nothing of the Schedule
    other = SCHEDULES.replace("the review of acquisitions of domestic enterprises by foreign persons", "road works")
    assert devoted_finding_text(devoted_demo, other.format(cited="Schedule A")) == "missing"
    # the same words as an ordinary first provision are one provision of four
    plain = SCHEDULES.replace("This Schedule applies to the review", "Each Party shall publish its review")
    assert devoted_finding_text(devoted_demo, plain.format(cited="Schedule A")) == "missing"


def test_divisions_cited_together_are_devoted_when_half_of_them_each_are(devoted_demo: Checker) -> None:
    assert devoted_finding_text(devoted_demo, SCHEDULES.format(cited="Schedule A or Schedule B")) == "satisfied"
    assert devoted_finding_text(devoted_demo, SCHEDULES.format(cited="Schedules A, B and C")) == "missing"


def test_cites_devoted_is_formatted_and_read_back_unchanged() -> None:
    formatted = format_ruleset(DEVOTED_RULES)
    assert "  require suspend near/10 cites devoted security in sentence\n" in formatted
    assert format_ruleset(formatted) == formatted


DEVOTED_AGREEMENT = SECURITY_ARTICLES + """
Article 3
Pressure by Third Countries

Where a third country applies trade restrictions against a Party in order to compel it to change a
lawful policy, the Parties shall consult within 10 days of a request.

Article 4
Contact Points

Each Party shall designate a contact point.

Article 5
{heading}

{clause}
"""


# the same agreement with the coercion article turned into a tariff article: two security articles of five
TOUCHING_AGREEMENT = DEVOTED_AGREEMENT.replace(
    "Where a third country applies trade restrictions against a Party in order to compel it to change a\nlawful "
    "policy, the Parties shall consult", "Each Party shall publish its tariffs")
assert TOUCHING_AGREEMENT != DEVOTED_AGREEMENT


def test_insulating_an_agreement_devoted_to_security_is_compartmentalization() -> None:
    clause = ("No disagreement between the Parties under any other agreement shall suspend, delay or otherwise "
              "affect the operation of this Agreement.")
    assert statuses(DEVOTED_AGREEMENT.format(heading="Other Agreements", clause=clause))["ESA-CMP-1"] == "satisfied"
    # the same sentence in an agreement that only touches security (two articles of five) insulates nothing
    assert statuses(TOUCHING_AGREEMENT.format(heading="Other Agreements", clause=clause))["ESA-CMP-1"] == "missing"


def test_a_generic_committee_overseeing_a_devoted_agreement_is_no_security_body() -> None:
    clause = ("The Joint Committee established under the Free Trade Agreement shall oversee the implementation of "
              "this Agreement and shall meet once a year.")
    assert statuses(DEVOTED_AGREEMENT.format(heading="Joint Committee", clause=clause))["ESA-INS-1"] == "missing"


def test_nothing_preventing_an_authorised_party_from_suspending_the_security_articles_permits_it() -> None:
    # the permission reaches past a long description of the Party it frees
    clause = ("Nothing in this Agreement shall prevent a Party that has been authorized under Chapter 20 (Dispute "
              "Settlement) of the Trade Agreement to suspend concessions from suspending also, in whole or in part, the "
              "application of Articles 1 and 2 of this Agreement with respect to the other Party.")
    assert statuses(AGREEMENT.format(heading="Other Agreements", clause=clause))["ESA-CMP-2"] == "violated"


def test_a_body_of_its_own_overseeing_a_devoted_agreement_is_a_security_body() -> None:
    clause = ("The Parties hereby establish a standing body of senior officials to supervise this Agreement, which "
              "shall meet once a year.")
    assert statuses(DEVOTED_AGREEMENT.format(heading="Standing Body", clause=clause))["ESA-INS-1"] == "satisfied"
    # the same body over an agreement that only touches security is no security body
    assert statuses(TOUCHING_AGREEMENT.format(heading="Standing Body", clause=clause))["ESA-INS-1"] == "missing"


@pytest.mark.parametrize("clause", [
    "The Parties may establish a Strategic Trade Dialogue, which may examine matters arising under this Agreement.",
    "A Joint Board may be established by the Parties and, if established, shall consider any matter arising under "
    "this Agreement which either Party refers to it.",
])
def test_a_body_for_the_matters_of_a_devoted_agreement_is_a_security_body(clause: str) -> None:
    assert statuses(DEVOTED_AGREEMENT.format(heading="Dialogue", clause=clause))["ESA-INS-1"] == "weak"
    assert statuses(TOUCHING_AGREEMENT.format(heading="Dialogue", clause=clause))["ESA-INS-1"] == "missing"


def test_a_cited_article_is_read_through_its_defined_terms() -> None:
    # Article 2 speaks of coercion only through the defined "Pressure Measure"; suspending it after a ruling
    # elsewhere ("the Party has not complied" is the condition, not a bar) is a violation
    text = ("Article 1 Definitions\n\n\"Pressure Measure\" means a measure restricting trade applied by a State not "
            "party to this Agreement with the aim of compelling a Party to modify a sovereign policy choice.\n\n"
            "Article 2 Pressure Measures\n\nWhere a Party is the target of a Pressure Measure, the Parties shall "
            "hold consultations within ten days.\n\nArticle 3 Tariffs\n\nEach Party shall publish its tariffs.\n\n"
            "Article 4 Other Agreements\n\nWhere a panel under the Trade Agreement has found that a Party has failed "
            "to comply and that Party has not complied within the reasonable period of time, the complaining Party "
            "may suspend the application of Article 2.\n")
    assert statuses(text)["ESA-CMP-2"] == "violated"
    assert statuses(text.replace("application of Article 2", "application of Article 3"))["ESA-CMP-2"] != "violated"


def test_a_bar_on_suspension_is_no_violation_however_its_subject_is_named() -> None:
    clause = ("A dispute between the Governments under any other agreement shall not affect Articles 1 and 2. Neither "
              "Government shall, in response to such a dispute, suspend the application of Articles 1 and 2.")
    assert statuses(AGREEMENT.format(heading="Other Agreements", clause=clause))["ESA-CMP-2"] != "violated"


def test_a_suspension_carried_in_by_a_reference_is_judged_where_it_is_written() -> None:
    # paragraph 2 bars the suspension; paragraph 3 only refers to "any dispute referred to in paragraph 2"
    clause = ("1. The Parties shall cooperate.\n\n2. No Party shall suspend the application of Articles 1 to 3 in "
              "connection with a dispute under another agreement.\n\n3. The cooperation under this Agreement shall "
              "continue notwithstanding any dispute referred to in paragraph 2.")
    found = statuses(DEVOTED_AGREEMENT.format(heading="Other Agreements", clause=clause))
    assert found["ESA-CMP-2"] != "violated" and found["ESA-CMP-1"] == "satisfied"


@pytest.mark.parametrize("clause", [
    # numbered as the second paragraph of its article, the permission is still one
    "1. Chapter 9 applies to this Agreement.\n\n2. Nothing in this Agreement prevents a Party that has been "
    "authorised to suspend concessions from suspending its obligations under Articles 1 and 2 of this Agreement.",
    # the trigger described: a failure to fulfil another agreement, or talks under it that did not resolve a matter
    "If a Party considers that the other Party has failed to fulfil an obligation under the Agreement on Fisheries, it "
    "may suspend in whole or in part the application of Articles 1 and 2 of this Agreement.",
    "If consultations under the Trade Agreement have not resolved a matter within 30 days, the complaining Party "
    "may suspend the application of Articles 1 and 2 of this Agreement.",
])
def test_suspending_the_security_articles_for_a_failing_elsewhere_is_cross_retaliation(clause: str) -> None:
    assert statuses(AGREEMENT.format(heading="Other Agreements", clause=clause))["ESA-CMP-2"] == "violated"


TITLED = """TITLE I
GENERAL PROVISIONS

Article 1
Objective

This Agreement establishes a partnership between the Parties.

TITLE II
INVESTMENT REVIEW

Article 2
Review of acquisitions

Each Party shall review acquisitions of domestic enterprises by foreign investors on grounds of national security.

Article 3
Information

The Parties shall exchange information on the review of acquisitions on security grounds within 30 days of a
request.

TITLE III
TARIFFS

Article 4
Customs duties

Each Party shall reduce its customs duties in accordance with its Schedule.

TITLE IV
DISPUTE SETTLEMENT

Article 5
Remedies

{clause}
"""


def test_titles_are_divisions_a_reference_to_a_title_names() -> None:
    from esa_rules.engine.references import Resolver
    from esa_rules.readers import read_text

    clause = "The complaining Party may suspend obligations under Title II and under this Title."
    doc = read_text(TITLED.format(clause=clause), "<titled>")
    assert [u.label for u in doc.root.children] == ["Title I", "Title II", "Title III", "Title IV"]
    cited = {doc.text[r.start:r.end]: [t.label for t in r.targets] for r in Resolver(doc).references(0, len(doc.text))}
    assert cited["Title II"] == ["Title II"]
    assert cited["this Title"] == ["Title IV"]
    # in a draft with Parts and Titles, each word names its own kind of division
    both = read_text("PART ONE\n\nTITLE I\n\nArticle 1\n\nText.\n\nPART TWO\n\nTITLE II\n\nArticle 2\n\nTitle I and "
                     "Part One apply.\n", "<both>")
    cited = {both.text[r.start:r.end]: [t.label for t in r.targets] for r in Resolver(both).references(0, len(both.text))}
    assert (cited["Title I"], cited["Part One"]) == (["Title I"], ["Part 1"])


def test_suspending_a_title_devoted_to_security_reaches_the_cooperation() -> None:
    clause = ("Where the Party complained against fails to comply with a ruling, the complaining Party may suspend "
              "obligations under Title {title}.")
    assert statuses(TITLED.format(clause=clause.format(title="II")))["ESA-CMP-2"] == "violated"
    assert statuses(TITLED.format(clause=clause.format(title="III")))["ESA-CMP-2"] != "violated"


def test_a_suspension_the_next_sentence_keeps_away_from_the_cooperation_is_no_cross_retaliation() -> None:
    clause = ("1. If the Party complained against fails to comply with a ruling, the complaining Party may suspend "
              "obligations under Title II.\n\n2. {limit}")
    limited = clause.format(limit="Such suspension shall not extend to the review of acquisitions under Articles 2 "
                                  "and 3.")
    assert statuses(TITLED.format(clause=limited))["ESA-CMP-2"] != "violated"
    # a next sentence that says something else leaves the suspension as broad as it was
    other = clause.format(limit="Such suspension shall be proportionate.")
    assert statuses(TITLED.format(clause=other))["ESA-CMP-2"] == "violated"



CIVIL_LAW = """TITLE I
GENERAL PROVISIONS

Article 1
This Convention organises the cooperation of the High Contracting Parties.

TITLE II
COOPERATION

Article 2
Acquisitions by foreign persons of control over undertakings active in sectors relevant to defence are subject to
prior authorisation.

Article 3
The High Contracting Parties shall harmonise the lists of goods whose export each of them subjects to authorisation.

Article 4
Each High Contracting Party is to inform the other before negotiating a trade agreement with a State in which
prices are determined by the public authorities rather than by the market.

TITLE III
INSTITUTIONS

Article 5
A Mixed Commission may be established by exchange of notes. If so established, it shall deliberate on any
question arising under {cited} which a High Contracting Party submits to it.
"""


def test_a_title_whose_articles_describe_the_cooperation_is_devoted_to_it() -> None:
    # export licensing and state-set prices, described rather than named, are economic security matters
    assert statuses(CIVIL_LAW.format(cited="Title II"))["ESA-INS-1"] == "weak"
    assert statuses(CIVIL_LAW.format(cited="Title I"))["ESA-INS-1"] == "missing"


@pytest.mark.parametrize(
    ("cited", "labels"),
    [
        ("paragraph 2(c)", ["Article 9, paragraph 2(c)"]),
        ("subparagraph (c) of paragraph 2", ["Article 9, paragraph 2(c)"]),
        ("paragraph 2(a) and (b)", ["Article 9, paragraph 2(a)", "Article 9, paragraph 2(b)"]),
        ("paragraph 2(a) to (c)", ["Article 9, paragraph 2(a)", "Article 9, paragraph 2(b)", "Article 9, paragraph 2(c)"]),
        ("paragraph 2", ["Article 9, paragraph 2"]),
        # alone, a bracketed letter may be any paragraph's: it names nothing
        ("subparagraph (c)", []),
    ],
)
def test_a_subparagraph_is_named_by_its_paragraph_and_letter(cited: str, labels: list[str]) -> None:
    from esa_rules.engine.references import Resolver
    from esa_rules.readers import read_text

    text = ("Article 9\n\n1. The Parties hereby establish a Council.\n\n2. The Council shall:\n\n(a) meet;\n\n"
            "(b) report; and\n\n(c) prepare recommendations.\n\n3. " + f"What {cited} says binds nobody.\n")
    doc = read_text(text, "refs.txt")
    at = text.index("3. What")
    found = [t.label for ref in Resolver(doc).references(at, len(text)) for t in ref.targets]
    assert found == labels


def test_a_memorandums_body_citing_the_range_of_its_operative_paragraphs_is_a_security_body() -> None:
    paragraphs = "".join(f"{n}. Each Participant will publish its tariff schedule number {n}.\n\n" for n in range(4, 13))
    text = ("MEMORANDUM\n\n3. Each Participant will examine acquisitions of domestic firms by foreign buyers that "
            f"could endanger its national security.\n\n{paragraphs}13. A group of senior officials will meet twice a "
            "year to follow the work described in paragraphs 3 to 12.\n")
    assert statuses(text)["ESA-INS-1"] == "weak"
