from __future__ import annotations

import pytest
from test_esa_core import checker  # the same cached esa-core and its checker

from esa_rules.dsl import load_many
from esa_rules.engine import Checker
from esa_rules.engine.strength import classify
from esa_rules.report import Finding


def core_findings(text: str) -> dict[str, Finding]:
    """esa-core's findings on a small draft, by provision (the cached checker of test_esa_core)."""
    return {f.provision: f for f in checker().check_text(text).findings}


def level(sentence: str, phrase: str) -> str:
    return classify(sentence, sentence.index(phrase)).level


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("Each Party shall maintain a mechanism to screen foreign investment.", "screen", "binding"),
        ("The Parties agree to exchange information on export controls.", "exchange", "binding"),
        ("Each Party shall endeavour to exchange information.", "exchange", "soft"),
        ("Each Party shall endeavor to exchange information.", "exchange", "soft"),
        ("The Parties should coordinate their export controls.", "coordinate", "soft"),
        ("The Participants intend to share information on screening.", "share", "soft"),
        ("The Parties shall consult and may exchange information.", "exchange", "soft"),
        ("The Parties shall consult and may exchange information.", "consult", "binding"),
        ("Each Party shall, as appropriate, exchange information.", "exchange", "soft"),
        ("The Parties recognise the importance of investment screening.", "investment", "soft"),
        ("No provision of this Chapter obliges a Party to harmonise its controls on strategic goods.",
         "controls", "negated"),
        ("A Party is under no obligation to disclose details of its foreign investment reviews.",
         "foreign", "negated"),
        ("Investment screening means a review of foreign investment.", "review", "neutral"),
        ("Information shall be exchanged between the screening authorities.", "screening", "binding"),
        ("No Party shall impose export duties on critical minerals.", "export", "binding"),
    ],
)
def test_classify(sentence: str, phrase: str, expected: str) -> None:
    assert level(sentence, phrase) == expected


def test_cues_point_at_the_words() -> None:
    sentence = "Each Party shall endeavour to exchange information."
    strength = classify(sentence, sentence.index("exchange"))
    assert [sentence[c.start:c.end] for c in strength.cues] == ["endeavour"]


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("The Parties shall consult on any transaction that may affect their security.", "security", "binding"),
        ("Neither Party is obliged to notify the other Party of new export controls.", "export", "negated"),
        ("Neither Party assumes any obligation in respect of such reviews, including any obligation to exchange "
         "information.", "exchange", "negated"),
        ("The Parties hereby create an Economic Security Council.", "Council", "binding"),
        ("Each Party shall review investments which may threaten national security.", "national", "binding"),
    ],
)
def test_subordinate_clauses_denials_and_declaratives(sentence: str, phrase: str, expected: str) -> None:
    assert level(sentence, phrase) == expected


def test_cue_offsets_exclude_collapsed_whitespace() -> None:
    sentence = "Each Party shall   endeavour\n  to exchange information."
    strength = classify(sentence, sentence.index("exchange"))
    assert [sentence[c.start:c.end] for c in strength.cues] == ["endeavour"]


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("If a Party intends to commence negotiations with a non-market country, it shall inform the other "
         "Parties.", "non-market", "binding"),
        ("Where a Party may be affected by coercion, the Parties shall consult.", "coercion", "binding"),
        ("The Parties intend to exchange information.", "exchange", "soft"),
    ],
)
def test_soft_verbs_inside_conditions_do_not_govern(sentence: str, phrase: str, expected: str) -> None:
    assert level(sentence, phrase) == expected


def test_definition_is_neutral_and_says_so() -> None:
    sentence = "For the purposes of this Chapter, investment screening means a review of foreign investment."
    strength = classify(sentence, sentence.index("investment screening"))
    assert strength.level == "neutral"
    assert [(c.kind, sentence[c.start:c.end]) for c in strength.cues] == [("definition", "means")]


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # An exception permits; it never fulfils a duty to screen.
        ("Nothing in this Chapter shall be construed to prevent a Party from reviewing investments by foreign "
         "persons for the protection of its national security.", "reviewing", "negated"),
        ("Nothing in this Agreement shall preclude a Party from screening acquisitions.", "screening", "negated"),
        ("Nothing in this Chapter prevents a Party from adopting export controls.", "export", "negated"),
        # Bound only to think about it.
        ("The Parties shall consider ways to facilitate market access for critical minerals.", "market", "soft"),
        ("Each Party shall consider how to reduce export restrictions.", "export", "soft"),
        # "expected" as an adjective is not a soft modal ...
        ("The Parties shall notify each other without delay of any disruption, or expected disruption, of "
         "supply chains of critical goods.", "supply", "binding"),
        # ... while "expected to" still is.
        ("The Dialogue is expected to meet once a year.", "meet", "soft"),
        ("The Participants expect that the Dialogue will review supply chains.", "review", "soft"),
    ],
)
def test_exceptions_hedges_and_expectations(sentence: str, phrase: str, expected: str) -> None:
    assert level(sentence, phrase) == expected


def test_leaders_statement_declares_itself_non_binding() -> None:
    # A G7-style statement never says "not legally binding"; "We, the Leaders" says it for it.
    text = ("G7 LEADERS' STATEMENT ON ECONOMIC SECURITY\n\n1. We, the Leaders of the Group of Seven, commit to "
            "strengthening our investment screening mechanisms to address risks to national security.\n")
    findings = {f.provision: f.status for f in Checker(load_many(["esa-core"])).check_text(text).findings}
    assert findings["ESA-INV-1"] == "weak"


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        ("Each Party [shall][should] notify the other Party of new export controls.", "export", "soft"),
        # alternatives that all bind leave only the choice of word open: the duty is agreed
        ("Each Party [shall][must] notify the other Party of new export controls.", "export", "binding"),
        # a participle describes the subject ("A Party intending to ..."); the finite verb carries the force
        ("A Party intending to adopt new export controls shall notify the other Party.", "export", "binding"),
        ("A Party intending to adopt new export controls may consult the other Party.", "export", "soft"),
        ("Each Party [shall] / [must] notify the other Party of new export controls.", "export", "binding"),
        ("Each Party [shall/is to] notify the other Party of new export controls.", "export", "binding"),
        ("The requested Party shall enter into consultations within [OR: 10] [KS: 15] days.", "consultations",
         "binding"),
        ("The requested Party shall enter into consultations within [10] [15] days.", "consultations", "binding"),
        ("The requested Party [shall][may] enter into consultations within 10 days.", "consultations", "soft"),
        ("Each Party [shall][must][may] notify the other Party of new export controls.", "export", "soft"),
        ("Each Party shall notify the other Party of [new export controls][all measures].", "export", "soft"),
        ("[Party A propose: The Parties shall establish an Economic Security Council.]", "Council", "soft"),
        ("Drafting note: Party A proposes that the Committee resolve matters within 60 days.", "resolve",
         "excluded"),
        ("Each Party shall maintain export controls [12] on dual-use items.", "dual-use", "binding"),
    ],
)
def test_negotiating_text_brackets_and_notes(sentence: str, phrase: str, expected: str) -> None:
    assert level(sentence, phrase) == expected


def test_recognise_as_an_ordinary_verb_does_not_soften() -> None:
    sentence = ("Before opening talks on a trade arrangement with an economy that either Party does not recognise "
                "as a market economy, a Party shall give the other Party notice.")
    assert level(sentence, "opening talks") == "binding"


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # weakenings that keep "shall" but empty the duty
        ("Each Party shall, subject to its domestic law and available resources, maintain a mechanism to "
         "review foreign investments.", "review", "soft"),
        ("The Parties shall exchange information on investments under review where mutually agreed.",
         "exchange", "soft"),
        ("The Parties shall cooperate in the enforcement of their export controls, as resources permit.",
         "enforcement", "soft"),
        ("The Parties shall hold consultations within a reasonable period, if both Parties so agree.",
         "consultations", "soft"),
        ("Where a Party is under pressure, the Parties shall hold consultations if both of them so agree.",
         "consultations", "soft"),
        ("The Parties shall consult on their response if both of them consider it appropriate.", "consult", "soft"),
        # "may" in the question an authority decides is no permission either
        ("Each Party shall keep an authority that decides whether a stake in an enterprise of its country may pass "
         "to a foreign buyer.", "foreign buyer", "binding"),
        # "may" of what can happen is no permission: the entitlement of the other Party is what binds
        ("Each Party is entitled to the uninterrupted performance of Article 3 by the other Party, whatever "
         "dispute may arise between them.", "uninterrupted", "neutral"),
        ("Each Party shall give favourable consideration to requests for general licences.", "licences", "soft"),
        ("The Parties shall consider coordinating their responses to economic coercion.", "responses", "soft"),
        # a domestic-law caveat does not weaken: the model wording of ESA-INV-2 carries one
        ("The Parties shall share information on investment reviews, to the extent permitted by their laws.",
         "share", "binding"),
        # the mandatory passive binds
        ("The diversion of controlled items is to be prevented through joint enforcement action.", "diversion",
         "binding"),
        ("Reports are to be submitted to the Council every year.", "submitted", "binding"),
        # "may" is the power a required procedure gives, even past a reference with full stops in it
        ("Each Party shall maintain a procedure by which an acquisition referred to in Article 11.1(a) may be "
         "examined where it endangers the defence of that Party.", "examined", "binding"),
        # a right to notify sets the other Party's duty going: that duty decides
        ("A Party may notify the other Party, which shall enter into consultations within ten days.",
         "consultations", "binding"),
        # and so does its prohibition
        ("A licence the other Party has refused is not to be granted until that Party has been consulted.",
         "granted", "binding"),
        # an exception aimed at one paragraph is a freedom, not a duty
        ("Nothing in paragraph 1 shall prevent a Party from examining a proposed investment for risks to its "
         "national security.", "examining", "negated"),
        ("Nothing in paragraph 2 shall be construed to prevent a Party from reviewing an acquisition.",
         "reviewing", "negated"),
    ],
)
def test_weakenings_passives_and_paragraph_exceptions(sentence: str, phrase: str, expected: str) -> None:
    assert level(sentence, phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # the hedge verb belongs to the third State in the clause the duty describes
        ("The Parties shall treat as a matter of mutual concern any measure by which a third State restricts "
         "trade with, or encourages a boycott of, a Party.", "boycott", "binding"),
        ("Each Party shall notify any measure of a non-Party that promotes the diversion of listed items.",
         "diversion", "binding"),
        # the bound Parties' own verb stays a hedge, with or without a condition before it
        ("The Parties shall, where appropriate, encourage cooperation against economic coercion.",
         "coercion", "soft"),
        ("Each Party encourages cooperation on export controls.", "export", "soft"),
        ("The Parties shall promote cooperation on export controls.", "export", "soft"),
    ],
)
def test_a_hedge_verb_of_another_subject_does_not_soften(sentence: str, phrase: str, expected: str) -> None:
    assert level(sentence, phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # "intended" after an article is an adjective of the acquisition, not the Party's intention
        ("Each Party shall examine the intended acquisition before it is completed if it could endanger its "
         "defence.", "examine", "binding"),
        ("Each Party shall review any intended transaction that may threaten its security.", "review", "binding"),
        ("The Parties intended to review acquisitions that may threaten their security.", "review", "soft"),
        # a participle after a comma or the measure it describes: "any restriction, intended to compel a Party"
        ("The Parties agree that any restriction of trade by a third State, intended to compel a Party to alter a "
         "policy, is a matter of common concern.", "concern", "binding"),
        ("The Parties agree that measures intended to compel a Party to alter its policy are a matter of common "
         "concern.", "concern", "binding"),
        # "an undertaking" is an enterprise, not a promise; "undertaking to" still binds
        ("Control of an undertaking by a foreign person is examined where it may affect the defence of a Party.",
         "examined", "neutral"),
        ("Each Party, undertaking to consult the other, reviews acquisitions of control.", "reviews", "binding"),
    ],
)
def test_a_participle_after_an_article_is_no_modal(sentence: str, phrase: str, expected: str) -> None:
    assert level(sentence, phrase) == expected


def test_a_list_item_takes_the_chapeaus_force_over_a_would_that_describes_its_object() -> None:
    text = ("Article 3\n\n1. Each Party shall:\n\n(a) identify the goods and inputs whose interruption would "
            "seriously impair the functioning of its economy; and\n\n(b) report to the other Party.\n")
    assert core_findings(text)["ESA-SCR-1"].status == "satisfied"
    hedged = text.replace("Each Party shall:", "Each Party should:")
    assert core_findings(hedged)["ESA-SCR-1"].status == "weak"


def test_a_chapeaus_modal_is_quoted_from_the_chapeau() -> None:
    text = ("Article 3\n\n1. Each Party should:\n\n(a) maintain a mechanism to review investments by foreign persons "
            "for risks to its national security; and\n\n(b) report to the other Party.\n")
    found = core_findings(text)["ESA-INV-1"]
    assert found.status == "weak" and found.message.endswith("soft wording: 'should'")


@pytest.mark.parametrize(
    ("convention", "expected"),
    [
        ('the word "will" imposes an obligation in the same way as "shall".', "satisfied"),
        ('"will" has the same force as "shall".', "satisfied"),
        ('every undertaking expressed by the word "will" is a legal obligation of the Party concerned.', "satisfied"),
        ('wherever a Party "will" do something, that statement imposes on the Party concerned a legal obligation of '
         'the same force as if the word "shall" had been used.', "satisfied"),
        ('the word "will" does not impose an obligation.', "weak"),
        ('the words "shall" and "will" express the intentions of the Parties only.', "weak"),
    ],
)
def test_an_instruments_own_convention_on_will_decides_its_force(convention: str, expected: str) -> None:
    text = (f"Article 1\n\nIn this Compact, {convention}\n\nArticle 2\n\n1. The Committee will:\n\n(a) meet twice a "
            "year; and\n\n(b) report.\n\nArticle 3\n\nEach Party will maintain a mechanism to review investments "
            "by foreign persons for risks to its national security.\n")
    found = core_findings(text)["ESA-INV-1"]
    assert found.status == expected


def test_a_duty_a_member_country_may_escape_by_its_own_judgement_is_soft() -> None:
    assert level("Where a Member Country considers it necessary, it shall alert the other Member Countries to "
                 "expected shortages.", "alert") == "soft"
    assert level("Where a Member Country faces a shortage, it shall alert the other Member Countries.",
                 "alert") == "binding"
