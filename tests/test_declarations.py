"""Declarations bind what they name: non-binding statements and dispute-settlement carve-outs."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from esa_rules.dsl import load_many
from esa_rules.engine import Checker
from esa_rules.report import DocumentResult

ROOT = Path(__file__).resolve().parents[1]


@cache
def checker() -> Checker:
    return Checker(load_many(["esa-core"]))


def check(text: str) -> DocumentResult:
    return checker().check_text(text)


def statuses(text: str) -> dict[str, str]:
    return {f.provision: f.status for f in check(text).findings}


# --- non-binding declarations -------------------------------------------------------------------

def test_a_bodys_recommendations_declared_non_binding_leave_the_agreement_binding() -> None:
    text = (ROOT / "sample_texts/complete_agreement.txt").read_text(encoding="utf-8")
    before = statuses(text)
    after = statuses(text + "\nArticle 99\n\nRecommendations of the Council do not create legally binding "
                            "obligations for the Parties.\n")
    assert after == before and set(after.values()) == {"satisfied"}


def test_an_instrument_that_declares_itself_non_binding_weakens_everything_in_it() -> None:
    text = (ROOT / "sample_texts/complete_agreement.txt").read_text(encoding="utf-8")
    after = statuses(text + "\nArticle 99\n\nThis Agreement does not create legally binding obligations.\n")
    assert set(after.values()) == {"weak"}


SECURITY = ("Nothing in this {0} shall be construed to require a Party to furnish any information the disclosure of "
            "which it considers contrary to its essential security interests.")


def test_a_self_judging_exception_in_a_non_binding_statement_is_weak() -> None:
    text = ("JOINT STATEMENT\n\n1. This Joint Statement does not create legally binding obligations.\n\n2. "
            + SECURITY.format("Joint Statement") + "\n")
    assert statuses(text)["ESA-ESX-3"] == "weak"


ANNEXED = """AGREEMENT ON CRITICAL MINERALS

Article 1 Consultations

The Parties shall hold consultations on economic coercion by a third country within 15 days of a request.

Article 2 Annexes

Annex I forms an integral part of this Agreement. Annex II does not form part of this Agreement and does not
create legal rights or obligations for either Party.

ANNEX I

Each Party shall maintain a mechanism to review foreign investment for risks to national security.

ANNEX II

The Parties shall exchange information on the screening of foreign investment on national security grounds.
"""


def test_an_annex_declared_non_binding_is_weak_and_the_rest_stays_binding() -> None:
    result = check(ANNEXED)
    found = {f.provision: f for f in result.findings}
    assert found["ESA-COE-2"].status == "satisfied"
    assert found["ESA-INV-1"].status == "satisfied"
    assert found["ESA-INV-2"].status == "weak"
    assert any("Annex II declared non-binding" in r for r in found["ESA-INV-2"].reasons)


def test_a_binding_annex_of_a_non_binding_declaration_binds() -> None:
    text = ("JOINT DECLARATION\n\n1. This Joint Declaration does not create legally binding obligations. Annex I, by "
            "contrast, is an agreement governed by international law; it binds the Sides.\n\n2. The Sides will hold "
            "consultations on economic coercion by a third country within 15 days of a request.\n\nANNEX I\n\n"
            "Each Side shall maintain a mechanism to review foreign investment for risks to national security.\n")
    found = statuses(text)
    assert found["ESA-INV-1"] == "satisfied"
    assert found["ESA-COE-2"] == "weak"


# --- carve-outs ---------------------------------------------------------------------------------

CHAPTER = """CHAPTER 12 ECONOMIC SECURITY

Article 12.1 Investment

Each Party shall maintain a mechanism to review foreign investment for risks to national security.

Article 12.2 Coercion

The Parties shall hold consultations on economic coercion by a third country within 15 days of a request.

Article 12.3 Dispute settlement

{0}
"""


@pytest.mark.parametrize(("clause", "investment", "coercion"), [
    ("Chapter 30 (Dispute Settlement) shall not apply to Article 12.1.", "weak", "satisfied"),
    ("Chapter 30 (Dispute Settlement) shall not apply to Articles 12.1 to 12.2.", "weak", "weak"),
    ("Chapter 30 (Dispute Settlement) applies to this Chapter, with the exception of Article 12.2.",
     "satisfied", "weak"),
    ("Consultations under this Article shall be the sole means of resolving any matter arising under this Chapter.",
     "weak", "weak"),
    # the sole means said with an adverb, for one article
    ("Any difference concerning Article 12.1 shall be settled exclusively by consultations between the Parties.",
     "weak", "satisfied"),
    ("Any difference concerning Article 12.1 shall be settled only through consultations.", "weak", "satisfied"),
    # a sole means that is not consultation is no carve-out: the panel's procedure is a procedure
    ("Any difference concerning Article 12.1 shall be settled exclusively by the panel of Chapter 30.",
     "satisfied", "satisfied"),
    ("Chapter 30 (Dispute Settlement) shall not apply to this Chapter. Any dispute concerning this Chapter shall be "
     "settled exclusively in accordance with Annex 12-A.\n\nANNEX 12-A\n\n1. A Party may request the establishment "
     "of a panel. 2. The panel shall issue its report within 90 days. The report shall be final and binding on the "
     "Parties.", "satisfied", "satisfied"),
    # an annexed procedure given to one article does not cover the articles carved out beside it
    ("1. Chapter 30 (Dispute Settlement) shall not apply to Article 12.1.\n\n2. Chapter 30 (Dispute Settlement) "
     "shall not apply to Article 12.2. Any dispute concerning Article 12.2 shall be settled in accordance with Annex "
     "12-A.\n\nANNEX 12-A\n\n1. A Party may request the establishment of a panel. 2. The report of the panel shall "
     "be final and binding on the Parties.", "weak", "satisfied"),
])
def test_a_carve_out_takes_out_what_it_names(clause: str, investment: str, coercion: str) -> None:
    found = statuses(CHAPTER.format(clause))
    assert (found["ESA-INV-1"], found["ESA-COE-2"]) == (investment, coercion)


def test_the_forum_named_in_a_carve_out_is_not_what_it_carves_out() -> None:
    text = CHAPTER.format("No Party shall have recourse to dispute settlement under Chapter 12 for any matter "
                          "arising under Article 12.2.")
    found = statuses(text)
    assert (found["ESA-INV-1"], found["ESA-COE-2"]) == ("satisfied", "weak")


def test_they_in_a_declaration_names_what_the_sentence_before_named() -> None:
    text = ("PART A\nBINDING COMMITMENTS\n\nArticle 1\n\nEach Party shall maintain a mechanism to review foreign "
            "investment for risks to national security.\n\nPART B\nNON-BINDING COOPERATION\n\nArticle 2\n\nThe "
            "provisions of this Part express the shared intentions of the Parties. They do not create legally binding "
            "obligations.\n\nArticle 3\n\nThe Parties shall exchange information on the screening of foreign "
            "investment on national security grounds.\n")
    found = statuses(text)
    assert (found["ESA-INV-1"], found["ESA-INV-2"]) == ("satisfied", "weak")


def test_an_exception_recited_in_the_preamble_excepts_nothing() -> None:
    recital = ("AGREEMENT ON SUPPLY CHAINS\n\nThe Parties,\n\nRecognising that each Party retains the right to take "
               "the measures it considers necessary to protect its essential security interests;\n\n"
               "Have agreed as follows:\n\nArticle 1 Cooperation\nThe Parties shall cooperate on supply chains.\n")
    found = statuses(recital)
    assert found["ESA-ESX-1"] == "missing"
    operative = recital + ("\nArticle 2 Security\nNothing in this Agreement shall prevent a Party from taking the "
                           "measures it considers necessary to protect its essential security interests.\n")
    found = statuses(operative)
    assert found["ESA-ESX-1"] == "satisfied"
    # a declaration's numbered paragraphs are operative, though they come before any heading
    declaration = ("JOINT DECLARATION\n\nThe Sides:\n\n1. Intend to cooperate on supply chains.\n\n2. Note that "
                   "nothing in this Declaration prevents either Side from taking measures it considers necessary "
                   "to protect its essential security interests.\n")
    found = statuses(declaration)
    assert found["ESA-ESX-1"] != "missing"


def test_a_dispute_settlement_chapter_that_does_not_apply_to_some_articles_carves_them_out() -> None:
    text = ("AGREEMENT\n\nArticle 5 Coercion\nWhere a Party is subjected to economic coercion by a non-Party, the "
            "Parties shall hold consultations within 20 days of a request by that Party.\n\nArticle 6 Screening\n"
            "Each Party shall maintain a mechanism to review foreign investments for risks to national security."
            "\n\nCHAPTER 4\nDISPUTE SETTLEMENT\n\nArticle 10 Scope\nThis Chapter applies to any dispute concerning "
            "the interpretation or application of this Agreement, except that it shall not apply to Article 5.\n")
    found = statuses(text)
    # the chapter's own words take Article 5 out: the sentence never says "dispute settlement"
    assert found["ESA-COE-2"] == "weak"
    assert found["ESA-INV-1"] == "satisfied"
    # the same in a numbered paragraph, whose number is its heading
    numbered = text.replace("This Chapter applies to any dispute concerning the interpretation or application of "
                            "this Agreement, except that it shall not apply to Article 5.",
                            "1. This Chapter applies to any dispute under this Agreement.\n\n"
                            "2. This Chapter shall not apply to Article 5.")
    assert numbered != text
    found = statuses(numbered)
    assert found["ESA-COE-2"] == "weak"


@pytest.mark.parametrize("scope", [
    "This Title shall apply to any dispute concerning the interpretation and application of this Agreement, save for "
    "disputes concerning Article 5.",
    "This Chapter applies to disputes arising under this Agreement other than those concerning Article 5.",
])
def test_the_forums_own_scope_clause_carves_out_what_its_exception_names(scope: str) -> None:
    text = ("AGREEMENT\n\nArticle 5 Coercion\nWhere a Party is subjected to economic coercion by a non-Party, the "
            "Parties shall hold consultations within 20 days of a request by that Party.\n\nArticle 6 Screening\n"
            "Each Party shall maintain a mechanism to review foreign investments for risks to national security."
            f"\n\nCHAPTER 4\nDISPUTE SETTLEMENT\n\nArticle 10 Scope\n{scope}\n")
    found = statuses(text)
    assert (found["ESA-COE-2"], found["ESA-INV-1"]) == ("weak", "satisfied")
    # the same words outside the forum's scope clause carve nothing out
    found = statuses(text.replace("This Title shall apply", "Article 6 shall apply").replace(
        "This Chapter applies", "Article 6 applies"))
    assert (found["ESA-COE-2"], found["ESA-INV-1"]) == ("satisfied", "satisfied")


def test_a_topic_only_recited_in_the_preamble_is_missing() -> None:
    text = ("AGREEMENT ON STRATEGIC GOODS\n\nPREAMBLE\n\nThe Parties,\n\nRecognising the importance of screening "
            "foreign investment for risks to national security;\n\nConcerned by the use of economic coercion by "
            "third countries;\n\nHave agreed as follows:\n\nArticle 1 Cooperation\nThe Parties shall cooperate "
            "on customs matters.\n")
    found = statuses(text)
    assert found["ESA-INV-1"] == "missing" and found["ESA-COE-1"] == "missing"


def test_a_scope_clause_naming_the_articles_is_not_the_suspension_they_bar() -> None:
    # "the matters set out in Articles 21.3 to 21.8" carries their words, including the article that bars
    # suspension; the scope clause itself forbids nothing and is no violation
    text = ("CHAPTER 21\nECONOMIC SECURITY\n\nArticle 21.1 Scope\nThis Chapter applies to cooperation between the "
            "Parties on the matters set out in Articles 21.2 to 21.3.\n\nArticle 21.2 Screening\nEach Party shall "
            "maintain a mechanism to review foreign investments for risks to national security.\n\nArticle 21.3 "
            "Insulation\nNeither Party shall suspend its economic security cooperation under this Chapter in "
            "response to a dispute under any other Chapter.\n")
    found = check(text).findings
    cmp2 = next(f for f in found if f.provision == "ESA-CMP-2")
    assert cmp2.status == "satisfied", cmp2.message


def test_a_protocol_annexed_as_a_binding_treaty_is_outside_the_declaration() -> None:
    declaration = ("JOINT DECLARATION\n\n1. We intend to cooperate closely.\n\n2. This Declaration is a statement "
                   "of political intent and does not create rights or obligations under international law. We "
                   "have today also signed the Protocol annexed to this Declaration, which is a legally binding "
                   "treaty between our two States.\n\nANNEX\n\nPROTOCOL ON ECONOMIC SECURITY COOPERATION\n\n"
                   "Article 1\nScreening\n\nEach Party shall maintain a mechanism to review foreign investments "
                   "for risks to national security.\n")
    assert statuses(declaration)["ESA-INV-1"] == "satisfied"
    # without the sentence that binds it, the annex stays inside the non-binding declaration
    unbound = declaration.replace(" We have today also signed the Protocol annexed to this Declaration, which is "
                                  "a legally binding treaty between our two States.", "")
    assert statuses(unbound)["ESA-INV-1"] == "weak"


def test_an_annex_said_to_be_an_international_agreement_is_outside_the_declaration() -> None:
    statement = ("JOINT STATEMENT\n\n1. This Joint Statement expresses political intentions. It does not create "
                 "rights or obligations under international law.\n\n2. Annex II is an international agreement.\n\n"
                 "ANNEX II\n\nPROTOCOL\n\nArticle 1\n\nEach Party shall maintain a mechanism to review foreign "
                 "investments for risks to national security.\n")
    assert statuses(statement)["ESA-INV-1"] == "satisfied"
    denied = statement.replace("Annex II is an international agreement.", "Annex II is not an international agreement.")
    assert statuses(denied)["ESA-INV-1"] == "weak"


def test_a_protocol_named_by_its_kind_as_a_binding_treaty_is_outside_the_declaration() -> None:
    framework = ("FRAMEWORK\n\n1.1 This Framework sets out political intentions. It is not legally binding.\n\n"
                 "1.2 Paragraph 1.1 does not apply to the Protocol on Screening Cooperation set out in the Annex (the "
                 "\"Protocol\"). The Protocol is a treaty which binds those Participants that have consented to be "
                 "bound by it.\n\nANNEX\n\nPROTOCOL ON SCREENING COOPERATION\n\nArticle 1\nScreening\n\nEach Party "
                 "shall maintain a mechanism to review foreign investments for risks to national security.\n")
    assert statuses(framework)["ESA-INV-1"] == "satisfied"
    # "the Protocol" said not to bind leaves the annex inside the declaration
    unbound = framework.replace("The Protocol is a treaty which binds", "The Protocol is not a treaty and binds no")
    assert statuses(unbound)["ESA-INV-1"] == "weak"


def test_a_declaration_that_says_it_does_not_apply_to_a_binding_annex_leaves_the_annex_binding() -> None:
    statement = ("JOINT STATEMENT\n\n1. We will cooperate closely on the resilience of our economies.\n\n2. This "
                 "Joint Statement records political commitments and does not create rights or obligations under "
                 "international law. This paragraph does not apply to the annexed Protocol, which is an "
                 "international agreement binding on both countries in accordance with its terms.\n\nANNEX\n\n"
                 "PROTOCOL ON SCREENING\n\nArticle 1\nScreening\n\nEach Party shall maintain a mechanism to review "
                 "foreign investments for risks to national security.\n")
    assert statuses(statement)["ESA-INV-1"] == "satisfied"
    # a denial next to the word still denies it
    denied = statement.replace("which is an international agreement binding on", "which is not binding on")
    assert statuses(denied)["ESA-INV-1"] == "weak"


def test_paragraphs_a_memorandum_declares_binding_are_outside_its_declaration() -> None:
    memo = ("MEMORANDUM OF UNDERSTANDING\n\nParagraph 1\nThe Sides shall maintain a mechanism to review foreign "
            "investments for risks to national security.\n\nParagraph 2\nThe Sides shall exchange information on "
            "investment screening.\n\nParagraph 3\nParagraph 1 of this Memorandum creates legally binding obligations "
            "between the Sides. All other paragraphs record the intentions of the Sides and do not create legally "
            "binding obligations.\n")
    found = statuses(memo)
    assert (found["ESA-INV-1"], found["ESA-INV-2"]) == ("satisfied", "weak")


def test_a_carve_out_whose_own_paragraph_sends_the_matter_to_a_binding_panel_carves_nothing() -> None:
    chapter = ("Article 1\nScreening\n\nEach Party shall maintain a mechanism to review foreign investments for risks "
               "to national security.\n\nArticle 2\nExchange\n\nThe screening authorities of the Parties shall exchange "
               "information on foreign investments under review.\n\nArticle 3\nDispute Settlement\n\n"
               "1. Chapter 31 (Dispute Settlement) shall not apply with respect to any matter arising under Article 2.\n\n"
               "2. Chapter 31 (Dispute Settlement) shall not apply with respect to any matter arising under Article 1. "
               "Any such matter not resolved through consultations within 30 days may be referred to a panel of three "
               "members.\n\n3. The report of the panel shall be final and binding on the Parties.\n")
    found = statuses(chapter)
    # Article 1 has a binding procedure of its own; Article 2, carved out in the paragraph before, has none
    assert (found["ESA-INV-1"], found["ESA-INV-2"]) == ("satisfied", "weak")


FOOTNOTED = """CHAPTER 17 ECONOMIC SECURITY

Article 17.6
Semiconductors{marker}

Each Party shall accord to semiconductors originating in the other Party treatment no less favourable than
that it accords to like domestic goods.

Article 17.8
Relationship with Other Chapters

A dispute between the Parties under any other Chapter shall not suspend the cooperation under this Chapter.

------------------------------
2 Chapter 29 (Dispute Settlement) shall not apply to this Article.
"""


def test_a_footnote_carves_out_the_article_that_bears_its_marker() -> None:
    found = statuses(FOOTNOTED.format(marker="2"))
    assert found["ESA-SEC-2"] == "weak"  # Article 17.6 bears the marker: it is carved out
    assert found["ESA-CMP-1"] == "satisfied"  # Article 17.8, where the page break left the note, is not
    unmarked = statuses(FOOTNOTED.format(marker=""))
    assert unmarked["ESA-SEC-2"] == "satisfied" and unmarked["ESA-CMP-1"] == "weak"



def test_an_annexed_arrangement_that_says_it_binds_is_not_reached_by_the_statements_declaration() -> None:
    statement = (
        "JOINT STATEMENT ON ECONOMIC SECURITY\n\n"
        "1. The two Governments have today also signed the Arrangement set out in the Annex.\n\n"
        "2. This Joint Statement is a political declaration. It does not create rights or obligations under "
        "international law.\n\n"
        "ANNEX\n\nARRANGEMENT BETWEEN THE TWO GOVERNMENTS ON INVESTMENT REVIEW\n\n"
        "Article 1\nStatus\n\n1. This Arrangement constitutes an agreement between the two Governments and "
        "is binding on them under international law.\n\n"
        "Article 2\nInvestment review\n\n1. Each Party shall maintain a mechanism to review investments by "
        "foreign investors that may affect its national security.\n"
    )
    assert statuses(statement)["ESA-INV-1"] == "satisfied"
    # without the annex's own words, the statement's declaration reaches it
    assert statuses(statement.replace("and is binding on them under international law", "on review"))[
        "ESA-INV-1"] == "weak"


def test_an_annexed_protocol_said_to_bind_in_the_sentence_after_it_is_named_binds() -> None:
    memorandum = (
        "MEMORANDUM OF COOPERATION\n\nSection 1 - Status\nThis Memorandum does not create legally binding "
        "obligations under international law.\n\nSection 2 - Protocol\nThe Protocol set out in the Annex is a "
        "separate instrument concluded between the Governments. It is governed by international law and binds its "
        "Parties in accordance with its own terms.\n\nANNEX\n\nPROTOCOL ON INVESTMENT REVIEW\n\nArticle 1 - Review\n"
        "Each Party shall maintain a mechanism to review investments by foreign investors that may affect its "
        "national security.\n"
    )
    assert statuses(memorandum)["ESA-INV-1"] == "satisfied"
    # "It" with nothing named before it binds nothing in particular
    unnamed = memorandum.replace("The Protocol set out in the Annex is a separate instrument concluded between "
                                 "the Governments.", "The Governments met in Geneva.")
    assert statuses(unnamed)["ESA-INV-1"] == "weak"


CARVED = """CHAPTER 2
STRATEGIC TRADE CONTROLS

Article 2.1 Control Lists
Each Party shall maintain a list of dual-use goods subject to export authorisation and shall coordinate the content of that list with the other Party at least once a year.

CHAPTER 3
ECONOMIC COERCION

Article 3.1 Consultations
Where a Party is subject to economic coercion by a third country, the Parties shall hold consultations within ten days of a request by that Party.

Article 3.2 Special Dispute Procedure
1. Chapter 7 (Dispute Settlement) shall not apply to Chapters 2 and 3.
2. A Party may refer any dispute concerning the interpretation or application of Chapter 2 or Chapter 3 to a Special Panel.
3. The report of the Special Panel shall be final and binding on the Parties.

CHAPTER 4
SUPPLY CHAINS

Article 4.1 Notification of Disruptions
Each Party shall notify the other Party of any serious disruption in the supply of critical goods within seven days.

Article 4.2 Non-Application of Dispute Settlement
Neither Chapter 7 (Dispute Settlement) nor any other dispute settlement procedure under this Agreement shall apply to this Chapter.
"""


def test_a_special_panel_later_in_the_carve_outs_article_keeps_every_chapter_it_names_binding() -> None:
    found = statuses(CARVED)
    assert found["ESA-EXP-1"] == "satisfied" and found["ESA-COE-2"] == "satisfied"
    # a panel for Chapter 3 alone leaves Chapter 2 carved out
    only_three = CARVED.replace("concerning the interpretation or application of Chapter 2 or Chapter 3",
                                "concerning the interpretation or application of Chapter 3")
    found = statuses(only_three)
    assert found["ESA-EXP-1"] == "weak" and found["ESA-COE-2"] == "satisfied"


def test_neither_the_dispute_chapter_nor_any_other_procedure_applying_is_a_carve_out() -> None:
    assert statuses(CARVED)["ESA-SCR-2"] == "weak"
    assert statuses(CARVED.replace("Neither Chapter 7 (Dispute Settlement) nor any other dispute settlement "
                                   "procedure under this Agreement shall apply to this Chapter.",
                                   "Chapter 7 (Dispute Settlement) shall apply to this Chapter."))["ESA-SCR-2"] == "satisfied"


def test_the_dispute_section_that_does_not_apply_to_a_chapter_carves_out_that_chapter_not_itself() -> None:
    text = ("CHAPTER 9\nSTRATEGIC GOODS\n\nArticle 9.1 Controls\nEach Party shall coordinate its export controls on "
            "dual-use items with the other Party.\n\nCHAPTER 12\nDISPUTE SETTLEMENT\n\nArticle 12.3 Scope\n"
            "1. Except as otherwise provided in this Agreement, this Chapter shall apply to the settlement of "
            "disputes between the Parties concerning the interpretation or application of this Agreement.\n"
            "2. This Chapter shall not apply to any matter arising under Chapter 9.\n\nArticle 12.4 Suspension\n"
            "A dispute concerning any other provision of this Agreement shall not suspend or otherwise affect the "
            "obligations in Chapter 9.\n")
    found = statuses(text)
    assert found["ESA-EXP-1"] == "weak"  # Chapter 9 is carved out
    assert found["ESA-CMP-1"] == "satisfied"  # Chapter 12, which says so, is not


PARTS = """AGREEMENT ON ECONOMIC SECURITY

Article 1
Each Party shall maintain a mechanism to review investments by foreign persons for risks to its national security.

Article 4
The Parties shall identify critical goods and shall notify each other of supply disruptions within five days.

Article 5
The guidelines in Annex 3 are voluntary.

Article 6
The procedures of Chapter 20 are not available in respect of Article 4.

CHAPTER 20
DISPUTE SETTLEMENT

Article 20.1
Any dispute concerning this Agreement may be referred to an arbitral tribunal.

ANNEX 3
GUIDELINES
Each Party shall coordinate its export controls on dual-use items with the other Party.
"""


def test_an_annex_declared_voluntary_is_weak_and_only_it() -> None:
    found = statuses(PARTS)
    assert found["ESA-EXP-1"] == "weak" and found["ESA-INV-1"] == "satisfied"
    # participation "is voluntary" names no part of the instrument
    other = PARTS.replace("The guidelines in Annex 3 are voluntary.", "Participation in the seminars is voluntary.")
    assert statuses(other)["ESA-EXP-1"] == "satisfied"


def test_the_dispute_procedure_named_only_by_its_number_carves_out_what_it_is_not_available_for() -> None:
    found = statuses(PARTS)
    assert found["ESA-SCR-1"] == "weak" and found["ESA-INV-1"] == "satisfied"
    # the same sentence about a chapter that is not the dispute procedure carves out nothing
    other = PARTS.replace("CHAPTER 20\nDISPUTE SETTLEMENT", "CHAPTER 20\nCUSTOMS PROCEDURES")
    assert statuses(other)["ESA-SCR-1"] == "satisfied"


def test_a_declaration_naming_a_subparagraph_of_a_paragraph_reaches_only_the_subparagraph() -> None:
    text = ("Article 9\n\n1. The Parties hereby establish an Economic Security Council.\n\n2. The Council shall:\n\n"
            "(a) meet at least twice a year;\n\n(b) resolve any matter referred to it within 45 days; and\n\n"
            "(c) prepare recommendations on cooperation with third countries.\n\n"
            "3. The recommendations referred to in subparagraph (c) of paragraph 2 of this Article are not binding "
            "on the Parties.\n")
    found = statuses(text)
    assert found["ESA-INS-1"] == "satisfied" and found["ESA-INS-3"] == "satisfied"


def test_a_chapter_of_consultations_and_arbitration_is_the_dispute_procedure_it_names() -> None:
    text = ("CHAPTER 11\nRESILIENCE\n\nArticle 11.3\nWhere a Party is subject to economic coercion by a third "
            "country, the Parties shall hold consultations within fifteen days of a request.\n\nArticle 11.6\n"
            "Chapter 14 (Consultations and Arbitration) shall not apply to any matter arising under this Chapter.\n\n"
            "CHAPTER 14\nCONSULTATIONS AND ARBITRATION\n\nArticle 14.1\nThis Chapter shall apply to the settlement "
            "of differences between the Parties.\n")
    assert statuses(text)["ESA-COE-2"] == "weak"
    assert statuses(text.replace("CONSULTATIONS AND ARBITRATION", "CUSTOMS COOPERATION")
                    .replace("(Consultations and Arbitration)", "(Customs Cooperation)"))["ESA-COE-2"] == "satisfied"


MINUTES = """AGREEMENT ON ECONOMIC SECURITY

Article 3
Investment

Each Party shall maintain a mechanism to review foreign investment for risks to national security.

Article 7
Essential Supplies

The Parties shall notify each other of any disruption in the supply of critical goods within five days.

AGREED MINUTES

The undersigned record the following understandings, which form an integral part of the Agreement:

1. With reference to Article 7: Article 7 does not give rise to legally binding obligations.
"""


def test_agreed_minutes_are_an_instrument_of_their_own_whose_declaration_reaches_the_article_it_names() -> None:
    from esa_rules.readers import read_text

    doc = read_text(MINUTES, "minutes.txt")
    assert [(u.kind, u.heading) for u in doc.units() if u.kind == "annex" and u.label != "Preamble"] == \
        [("annex", "AGREED MINUTES")]
    found = statuses(MINUTES)
    assert (found["ESA-SCR-2"], found["ESA-INV-1"]) == ("weak", "satisfied")
    # without the minutes' declaration Article 7 binds
    assert statuses(MINUTES.replace("Article 7 does not give rise to legally binding obligations.",
                                    "Article 7 applies."))["ESA-SCR-2"] == "satisfied"


def test_former_text_kept_in_brackets_for_reference_allows_nothing() -> None:
    text = ("Article 3\nExport controls\n\nThe Parties shall coordinate their export controls on dual-use items.\n\n"
            "Article 9\nRelationship with other agreements\n\n"
            "[Former text of Article 9, replaced by the Second Protocol and reproduced for reference only: \"Where a "
            "dispute under any agreement remains unresolved, either Party may suspend its cooperation on export "
            "controls under Article 3.\"]\n")
    assert statuses(text)["ESA-CMP-2"] == "missing"
    unbracketed = text.replace("[Former text", "Former text").replace("3.\"]", "3.\"")
    assert statuses(unbracketed)["ESA-CMP-2"] == "violated"


def test_a_paragraph_repealed_and_kept_in_brackets_after_its_number_allows_nothing() -> None:
    text = ("Article 3\nExport controls\n\nThe Parties shall coordinate their export controls on dual-use items.\n\n"
            "Article 9\nSettlement of Disputes\n\n1. Disputes shall be submitted to arbitration.\n"
            "2. [Repealed by the Second Protocol. Former text: \"If a Party does not comply with the award, the other "
            "Party may suspend its cooperation on export controls under Article 3.\"]\n")
    assert statuses(text)["ESA-CMP-2"] == "missing"
    kept = text.replace("2. [Repealed by the Second Protocol. Former text: \"", "2. ").replace("3.\"]", "3.")
    assert statuses(kept)["ESA-CMP-2"] == "violated"


# a coercion consultation (the article numbered as asked) and a screening mechanism, both binding
COERCION_AND_SCREENING = ("Article {0}\nWhere a non-Party restricts its trade with a Party in order to compel it to "
                          "change a lawful policy, the Parties shall meet within ten days of a request by that "
                          "Party.\n\nArticle 6\nEach Party shall maintain a procedure under which foreign "
                          "acquisitions of control of its enterprises are examined and may be prohibited where they "
                          "endanger its public security.\n\n")


def test_a_procedure_that_says_it_does_not_reach_some_articles_carves_them_out() -> None:
    text = (COERCION_AND_SCREENING.format(5) +
            "Article 9\n1. Either Party may submit a dispute concerning this Agreement to an arbitral tribunal, whose "
            "award shall be final and binding.\n2. The preceding paragraph does not apply to "
            "Article five.\n")
    found = statuses(text)
    # the procedure, cited by position, is the subject; what it does not reach follows the verb
    assert (found["ESA-COE-2"], found["ESA-INV-1"]) == ("weak", "satisfied")
    assert statuses(text.replace("does not apply to", "applies to"))["ESA-COE-2"] == "satisfied"


def test_a_declaration_naming_a_part_and_its_paragraphs_reports_the_part_once() -> None:
    text = ("FRAMEWORK\n\nA. Part Two (paragraphs 3 to 4) records political intentions only. It does not create legal "
            "rights or obligations under international law.\n\nPART ONE\n\n1. Each Party shall maintain a mechanism "
            "to review foreign investments for risks to national security.\n\n2. The Parties shall exchange information on such reviews.\n\nPART TWO\n\n"
            "3. The Parties shall treat economic coercion by a third country against either Party as a matter of "
            "common concern.\n\n4. The Parties shall coordinate their export controls on dual-use items.\n")
    found = {f.provision: f for f in check(text).findings}
    assert (found["ESA-INV-1"].status, found["ESA-COE-1"].status) == ("satisfied", "weak")
    assert found["ESA-COE-1"].message.endswith(": Part 2 declared non-binding (line 3)")


def test_disputes_under_an_article_kept_from_the_procedure_set_aside_by_notwithstanding_are_carved_out() -> None:
    text = (COERCION_AND_SCREENING.format(4) +
            "Article 10\nAny dispute concerning this Agreement shall be submitted to an arbitral tribunal, whose "
            "award shall be final and binding.\n\n"
            "Article 11\nNotwithstanding anything contained in article 10, disputes arising under article 4 shall "
            "not be submitted to arbitration.\n")
    found = statuses(text)
    assert (found["ESA-COE-2"], found["ESA-INV-1"]) == ("weak", "satisfied")
    assert statuses(text.replace("shall not be submitted", "shall be submitted"))["ESA-COE-2"] == "satisfied"


def test_an_exception_the_text_only_urges_is_weak() -> None:
    text = ("Article 11\n\nNo provision of this Agreement shall be understood as requiring a Party to reveal information "
            "the disclosure of which it considers contrary to its essential security interests.\n")
    assert statuses(text)["ESA-ESX-3"] == "satisfied"
    assert statuses(text.replace("shall be understood", "should be understood"))["ESA-ESX-3"] == "weak"


def test_a_memorandum_that_creates_no_rights_or_obligations_is_weak_throughout() -> None:
    text = ("MEMORANDUM\n\n1. Each Side will maintain a mechanism to review foreign investments for risks to its "
            "national security.\n\n2. This Memorandum is an expression of goodwill. It does not create any rights or "
            "obligations under international law.\n")
    assert statuses(text)["ESA-INV-1"] == "weak"
    assert "declares itself non-binding" in next(f.message for f in check(text).findings if f.provision == "ESA-INV-1")
    # a ruling that creates no rights for private persons says nothing of the instrument's force
    private = text.replace("It does not create any rights or obligations under international law.",
                           "Each Side shall accept the rulings of the panel. They shall not create any rights or "
                           "obligations for natural or legal persons.").replace("will maintain", "shall maintain")
    assert statuses(private)["ESA-INV-1"] == "satisfied"


def test_a_declaration_interrupted_by_a_second_verb_still_declares_the_instrument_non_binding() -> None:
    text = ("MEMORANDUM\n\n1. Each Participant shall maintain a mechanism to review foreign investments for risks "
            "to its national security.\n\n2. This Memorandum records the intentions of the Participants. It is not "
            "intended to create, and does not create, any rights or obligations that are legally binding under "
            "international or domestic law.\n")
    assert statuses(text)["ESA-INV-1"] == "weak"
    assert statuses(text.replace("It is not intended to create, and does not create, any", "It creates"))[
        "ESA-INV-1"] == "satisfied"
