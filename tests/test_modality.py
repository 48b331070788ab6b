"""What a sentence commits to: clause by clause, with the bound party, the force and the conditions."""

from __future__ import annotations

from functools import cache

import pytest

from esa_rules.dsl import load_many
from esa_rules.engine import Checker
from esa_rules.engine.strength import classify
from esa_rules.readers import read_text


def read(sentence: str, phrase: str) -> tuple[str, str, str | None]:
    strength = classify(sentence, sentence.index(phrase))
    reading = strength.reading
    assert reading is not None
    return strength.level, reading.force, reading.bound


@pytest.mark.parametrize(("sentence", "phrase", "expected"), [
    # a duty after a denial: the denial has its own clause
    ("A Party is not obliged to disclose its reasons but shall consult the other Party.", "consult",
     ("binding", "obligation", "A Party")),
    ("A Party is not obliged to disclose its reasons but shall consult the other Party.", "disclose",
     ("negated", "denial", "A Party")),
    ("Nothing in this Chapter requires a Party to share information; each Party shall notify new controls.",
     "notify", ("binding", "obligation", "each Party")),
    # a duty triggered by the other Party's right: the right to ask binds no one and weakens nothing
    ("A Party may request consultations and, if it does, the other Party shall enter into them within ten days.",
     "within", ("binding", "obligation", "the other Party")),
    ("A Party may request consultations and, if it does, the other Party shall enter into them within ten days.",
     "consultations", ("neutral", "permission to request", "A Party")),
    # a duty in a relative clause
    ("A Party may request consultations, which shall be held within 10 days.", "within",
     ("binding", "obligation", "unnamed (passive)")),
    # double negatives
    ("No Party shall fail to notify the other Party of a new control.", "notify", ("binding", "obligation", "No Party")),
    ("Neither Party may refuse to consult on a transaction.", "consult", ("binding", "obligation", "Neither Party")),
    # the passive binds, with no party named
    ("Information on such reviews shall be exchanged between the authorities.", "exchanged",
     ("binding", "obligation", "unnamed (passive)")),
    # a duty the Party may escape by its own judgement is weak
    ("Each Party shall inform the other Party of a disruption, unless it judges that doing so would harm it.",
     "inform", ("soft", "exhortation", "Each Party")),
    ("The Parties shall, where each considers it appropriate, align their control lists.", "align",
     ("soft", "exhortation", "The Parties")),
    ("Each Party shall notify, where it considers such notification appropriate, the other Party.", "notify",
     ("soft", "exhortation", "Each Party")),
    ("Each Party shall, to the extent it considers practicable, cooperate on subsidies.", "cooperate",
     ("soft", "exhortation", "Each Party")),
    ("Each Party shall align its control list with that of the other Party to the extent that it considers "
     "such alignment consistent with its national policy.", "align", ("soft", "exhortation", "Each Party")),
    ("The Parties shall consult within 15 days, provided that the other Party considers such consultations "
     "useful.", "consult", ("soft", "exhortation", "The Parties")),
    ("The Parties shall consult within 15 days unless the other Party considers that it would serve no purpose.",
     "consult", ("soft", "exhortation", "The Parties")),
    ("Each Party shall, as far as practicable, refrain from export duties.", "refrain",
     ("soft", "exhortation", "Each Party")),
    ("Each Party shall, insofar as it judges fit, keep the other Party informed of interruptions in supply.",
     "informed", ("soft", "exhortation", "Each Party")),
    # the judging party named by its role: "the notifying Government", "the requested authority"
    ("Early warning of an interruption in supply shall be given to the other Government where the notifying "
     "Government judges such warning to be appropriate.", "warning of", ("soft", "exhortation", "unnamed (passive)")),
    # "may" in the procedure a duty requires is the procedure's power, not a permission to the Party
    ("Each Party shall maintain a procedure by which its government may examine an acquisition of control by "
     "a foreign person and prohibit it.", "examine", ("binding", "obligation", "Each Party")),
    # ... however long the clause the procedure's power sits in
    ("Each Party shall maintain a procedure under which its government reviews acquisitions of domestic "
     "enterprises by foreign persons and may block them.", "block", ("binding", "obligation", "Each Party")),
    ("Each Party shall maintain a procedure under which the acquisition of control over an undertaking "
     "established in its territory by a person of a third State may be examined for risks to defence.",
     "examined", ("binding", "obligation", "Each Party")),
    # a power given by one clause does not reach past a semicolon into the next
    ("Each Party shall maintain a procedure by which acquisitions are examined; a Party may share its findings.",
     "share", ("soft", "permission", "a Party")),
    # a denial in an instrument named in several words ("this Memorandum of Agreement")
    ("Nothing in this Memorandum of Agreement obliges either Party to share information on such reviews.",
     "share", ("negated", "denial", None)),
    # a duty that binds only in the Party's own assessment, or only where both sides agree
    ("Where a Contracting Party, in its own assessment, considers it appropriate, it shall inform the other "
     "Contracting Party of acquisitions under review.", "inform", ("soft", "exhortation", "Party")),
    ("Where both Contracting Parties so agree, they shall align their control lists.", "align",
     ("soft", "exhortation", "Parties")),
    # a duty that applies where the Party's own view of the circumstances "so warrants"
    ("Where a Government considers that the circumstances so warrant, it shall inform the other Government of "
     "new export restrictions.", "inform", ("soft", "exhortation", None)),
    # "would" in the condition of a duty ("where an acquisition would impair ...") is the condition's, not
    # the duty's; the modal before it governs
    ("Each Party shall prohibit an acquisition by a foreign person where the acquisition would impair its "
     "national defence.", "impair", ("binding", "obligation", "Each Party")),
    ("Each Party should prohibit an acquisition by a foreign person where the acquisition would impair its "
     "national defence.", "impair", ("soft", "exhortation", "Each Party")),
    # "would" in a clause describing the goods is not the duty's modal
    ("A list of goods whose unavailability would gravely impair the economy of either Party shall be drawn up "
     "jointly by the Parties.", "list", ("binding", "obligation", "unnamed (passive)")),
    # a body that may be established only may meet
    ("A Council may be established and, if it is, it shall meet twice a year.", "Council",
     ("soft", "permission", "unnamed (passive)")),
    ("A Committee may be established by decision of the Parties and, if it is, it shall meet once a year and "
     "shall consider matters arising under Articles 2 to 5.", "consider", ("soft", "exhortation", "the Parties")),
    # a body is bound like a Party
    ("The Economic Security Council shall meet at least twice a year.", "meet",
     ("binding", "obligation", "The Economic Security Council")),
])
def test_reading(sentence: str, phrase: str, expected: tuple[str, str, str | None]) -> None:
    assert read(sentence, phrase) == expected


def test_conditions_are_named() -> None:
    sentence = "A Party may request consultations and, if it does, the other Party shall enter into them within ten days."
    reading = classify(sentence, sentence.index("within")).reading
    assert reading is not None and "if it does" in reading.conditions


def test_a_hedge_does_not_cross_a_semicolon() -> None:
    sentence = "The Parties shall endeavour to align their lists; each Party shall notify new controls."
    assert classify(sentence, sentence.index("notify")).level == "binding"
    assert classify(sentence, sentence.index("align")).level == "soft"


@cache
def checker() -> Checker:
    return Checker(load_many(["esa-core"]))


def status(pid: str, text: str) -> str:
    return next(f.status for f in checker().check_text(text).findings if f.provision == pid)


@pytest.mark.parametrize(("pid", "text", "expected"), [
    ("ESA-COE-2", "A Party facing economic coercion by a third country may request consultations, which shall be "
                  "held within 10 days.", "satisfied"),
    ("ESA-INV-3", "A Party is not obliged to disclose the details of its investment screening decisions but shall "
                  "consult the other Party on any transaction of mutual security concern.", "satisfied"),
    ("ESA-INV-2", "Each Party shall maintain an investment screening mechanism for national security, but is not "
                  "obliged to exchange information on it with the other Party.", "missing"),
    ("ESA-SCR-2", "Each Party shall inform the other Party of any disruption of supply chains for critical goods, "
                  "unless it judges that doing so would be contrary to its interests.", "weak"),
    ("ESA-EXP-1", "Neither Party may refuse to align its control list of dual-use items with the control list of the "
                  "other Party.", "satisfied"),
])
def test_verdicts_follow_the_reading(pid: str, text: str, expected: str) -> None:
    assert status(pid, text) == expected


def test_a_duty_that_hangs_on_a_body_the_sentence_before_may_set_up_is_weak() -> None:
    core = Checker(load_many(["esa-core"]))
    text = ("Article 6 Committee on Economic Security\n\nA Committee on Economic Security may be established by decision "
            "of the Parties. If so established, the Committee shall meet at least once a year and shall resolve any "
            "issue referred to it by a Party within 60 days of the referral.\n")
    found = {f.provision: f for f in core.check_text(text).findings}
    assert found["ESA-INS-3"].status == "weak"
    assert any("contingent" in r or "so established" in r for r in found["ESA-INS-3"].reasons)
    # a body the Parties shall set up binds its duties "once established"
    binding = text.replace("may be established by decision of the Parties", "shall be established by the Parties")
    binding = binding.replace("If so established", "Once established")
    assert {f.provision: f.status for f in core.check_text(binding).findings}["ESA-INS-3"] == "satisfied"


def test_a_duty_that_binds_only_if_both_agree_put_as_an_inverted_condition_is_weak() -> None:
    sentence = "Should the Contracting Parties agree to establish a joint body, that body shall meet twice a year."
    level, force, _ = read(sentence, "meet")
    assert (level, force) == ("soft", "exhortation")
    # the Parties' own agreement, stated as a duty, binds
    assert read("The Contracting Parties agree to establish a joint body.", "establish")[:2] == ("binding", "obligation")


def test_the_civil_law_is_to_of_a_bound_subject_binds_and_a_purpose_does_not() -> None:
    assert read("Each High Contracting Party is to inform the other before the opening of negotiations.",
                "inform")[:2] == ("binding", "obligation")
    assert read("The objective of this Chapter is to strengthen cooperation on export controls.",
                "strengthen")[0] != "binding"


@pytest.mark.parametrize("opening", [
    # the choice left open in the active voice, or as the decision of someone else
    "The Council of Ministers may, at the request of a Party, establish a Committee composed of senior officials.",
    "Where the Ministers so decide, a Committee composed of senior officials shall be established.",
    "The Parties shall consider the establishment of a Committee composed of senior officials.",
])
def test_the_duties_of_a_body_whose_setting_up_is_left_open_are_weak(opening: str) -> None:
    text = (f"Article 6\n\n1. {opening}\n\n2. Once established, the Committee on Economic Security shall meet twice a "
            "year and shall resolve any issue referred to it by a Party within 60 days of the referral.\n")
    found = {f.provision: f.status for f in checker().check_text(text).findings}
    assert found["ESA-INS-3"] == "weak"
    assert found["ESA-INS-4"] == "weak"
    # a body the Parties set up binds its duties "once established"
    binding = text.replace(opening, "The Parties hereby establish a Committee composed of senior officials.")
    assert {f.provision: f.status for f in checker().check_text(binding).findings}["ESA-INS-3"] == "satisfied"


def test_a_duty_to_consider_a_step_does_not_bind_the_step() -> None:
    weighed = ("Each Party shall consider the elimination of export duties that it applies to lithium, cobalt and "
               "other critical minerals in trade with the other Party.")
    assert read(weighed, "export duties")[:2] == ("soft", "exhortation")
    assert status("ESA-SEC-3", weighed) == "weak"
    taken = weighed.replace("consider the elimination of", "eliminate")
    assert status("ESA-SEC-3", taken) == "satisfied"


def test_a_duty_listed_after_is_required_and_a_colon_binds() -> None:
    sentence = ("The provisions incorporated under paragraph 1 are those under which each Party is required: to maintain "
                "a mechanism for the review of foreign investments; and to designate a contact point.")
    assert read(sentence, "designate")[:2] == ("binding", "obligation")


@pytest.mark.parametrize("chapeau", ["has the obligation of", "has the duty of", "has the obligation to"])
def test_a_list_of_duties_under_has_the_obligation_of_binds_each_item(chapeau: str) -> None:
    core = Checker(load_many(["esa-core"]))
    text = (f"ARTICLE 2.- Each State Party {chapeau}:\na) subjecting to prior licence the export of the goods "
            "listed in Annex I, which are susceptible of application both civil and military;\nb) lending mutual "
            "assistance between its customs administrations in the detection of attempts to evade the licensing "
            "decisions of the other State Party.\n")
    found = next(f for f in core.check(read_text(text)).findings if f.provision == "ESA-EXP-3")
    assert found.status == "satisfied", found.message


def test_a_power_in_a_long_relative_clause_is_part_of_the_procedure_the_party_shall_maintain() -> None:
    sentence = ("Each Contracting State shall maintain a procedure under which the acquisition, by a natural or legal "
                "person established outside the territories of the Contracting States, of a holding that confers "
                "control over, or decisive influence in, an undertaking established in its territory may be examined "
                "and, where it is liable to endanger public order, prohibited.")
    assert read(sentence, "examined")[:2] == ("binding", "obligation")


@pytest.mark.parametrize("sentence", [
    "Each Party shall inform the other Party of any order by which it prohibits an acquisition by a foreign investor "
    "on national security grounds, save where the Party considers it inappropriate to do so.",
    "Subject to mutual agreement, each Party shall inform the other Party of any order by which it prohibits an "
    "acquisition by a foreign investor on national security grounds.",
])
def test_a_duty_the_party_may_escape_or_that_waits_for_agreement_is_weak(sentence: str) -> None:
    assert read(sentence, "inform")[0] == "soft"
    assert read(sentence.replace(", save where the Party considers it inappropriate to do so", "")
                .replace("Subject to mutual agreement, each", "Each"), "inform")[0] == "binding"


@pytest.mark.parametrize(("sentence", "phrase"), [
    ("The Parties shall, where both consider it appropriate, hold consultations on such measures.", "hold"),
    ("If a third State restricts trade with a Party, the Parties shall consult, where both consider it useful.",
     "consult"),
    ("Where the Parties to a dispute so agree, the cooperation under Articles 4.2 to 4.4 shall continue.", "continue"),
    ("Where two Contracting Parties so agree, their screening authorities shall exchange the information.",
     "exchange"),
    ("Where both High Contracting Parties so agree by exchange of notes, the export duties shall be abolished.",
     "abolished"),
])
def test_a_duty_that_waits_for_both_sides_consent_is_weak_and_names_the_condition(sentence: str, phrase: str) -> None:
    strength = classify(sentence, sentence.index(phrase))
    assert strength.level == "soft"
    assert [c.kind for c in strength.cues] == ["consent"]
    assert strength.reading is not None and any("agree" in c or "consider" in c for c in strength.reading.conditions)


@pytest.mark.parametrize("sentence", [
    "The Council shall meet annually unless the Parties agree otherwise.",  # a default, not a condition
    "Each Party shall notify the other Party of new controls where the other Party agrees to keep them confidential.",
])
def test_one_partys_consent_or_a_default_leaves_the_duty_binding(sentence: str) -> None:
    assert classify(sentence, sentence.index("shall") + 6).level == "binding"


def test_a_modal_in_the_question_a_duty_weighs_does_not_weaken_the_duty() -> None:
    sentence = ("That Party shall assess whether the acquisition could endanger its defence or public safety.")
    assert read(sentence, "defence")[:2] == ("binding", "obligation")
    assert status("ESA-INV-1", "Where a person of a third State seeks to acquire control of an undertaking in the "
                               "territory of a Party, that Party shall assess whether the acquisition could endanger "
                               "its defence or public safety.") == "satisfied"


def test_a_provision_wholly_in_brackets_is_a_proposal_not_agreed_text() -> None:
    agreed = ("Article 3\nCritical minerals\n1. Neither Party shall adopt or maintain any duty, tax or other charge on the "
              "export of critical minerals to the territory of the other Party.\n")
    assert status("ESA-SEC-3", agreed) == "satisfied"
    proposed = agreed.replace("Article 3\n", "[Article 3\n").rstrip("\n") + "](2)\n\n(2) OR proposal. TS reflecting.\n"
    found = {f.provision: f for f in checker().check_text(proposed).findings}
    assert found["ESA-SEC-3"].status == "missing"
    assert "proposal" in found["ESA-SEC-3"].message
    # a choice left open between words at the start of a line is no proposal of a whole provision
    choice = agreed.replace("1. Neither Party shall", "[Neither][No] Party shall")
    assert status("ESA-SEC-3", choice) != "missing"
    # an exception proposed in brackets excepts nothing either
    exception = ("Article 9\nSecurity\n[Nothing in this Agreement shall prevent a Party from taking any measure it "
                 "considers necessary for the protection of its essential security interests.](4)\n")
    assert status("ESA-ESX-1", exception) == "missing"
    assert status("ESA-ESX-1", exception.replace("[", "").replace("](4)", "")) == "satisfied"


@pytest.mark.parametrize("hedged", [
    "The Parties shall make every effort to identify jointly the goods whose shortage would endanger public health.",
    "The Parties shall do their utmost to identify jointly the goods whose shortage would endanger public health.",
    "The Parties shall make efforts to identify jointly the goods whose shortage would endanger public health.",
    "Each Party shall, upon request of the other Party, consider informing it of any shortage of medicines.",
    "The Parties shall, as far as feasible, inform each other of any shortage of medicines.",
    "Each Party shall, where it deems fit, inform the other Party of any shortage of medicines.",
    "The Parties shall examine the possibility of informing each other of any shortage of medicines.",
    "Each Party shall consider favourably a request to be informed of any shortage of medicines.",
    "Each Party shall, where its law permits, inform the other Party of any shortage of medicines.",
    "Each Party shall, where it judges it opportune, inform the other Party of any shortage of medicines.",
])
def test_a_duty_of_effort_or_to_consider_an_act_is_weak(hedged: str) -> None:
    assert read(hedged, "shortage")[0] == "soft"


@pytest.mark.parametrize("bound", [
    "The Member Countries are bound to notify the other Member Countries of any new export control.",
    "Each Party has the obligation to notify the other Party of any new export control.",
    "It shall be the duty of each Party to notify the other Party of any new export control.",
    "The Parties pledge to notify each other of any new export control.",
    "The Contracting Parties commit themselves to notify each other of any new export control.",
    "It is incumbent upon each Party to notify the other Party of any new export control.",
    "Each Party is under a duty to notify the other Party of any new export control.",
    "Each Party accepts the obligation to notify the other Party of any new export control.",
    "Each Party has to notify the other Party of any new export control.",
])
def test_duties_said_as_being_bound_or_having_the_duty_bind(bound: str) -> None:
    assert read(bound, "notify")[:2] == ("binding", "obligation")


@pytest.mark.parametrize("forbidden", [
    "A Party may not levy a charge on shipments of lithium to the other Party.",
    "Neither Party may levy a charge on shipments of lithium to the other Party.",
    "No Contracting Party may levy a charge on shipments of lithium to the other Party.",
])
def test_a_permission_denied_is_a_prohibition(forbidden: str) -> None:
    assert read(forbidden, "levy")[:2] == ("binding", "prohibition")


@pytest.mark.parametrize("denied", [
    "A Party may not be required to disclose information contrary to its security interests.",
    "Neither Party may be compelled to disclose information contrary to its security interests.",
])
def test_a_duty_that_may_not_be_imposed_is_denied(denied: str) -> None:
    assert read(denied, "disclose")[:2] == ("negated", "denial")


def test_a_permission_stays_a_permission() -> None:
    assert read("Each Party may levy a charge on shipments of lithium.", "levy")[:2] == ("soft", "permission")


def test_a_duty_to_take_something_into_account_is_weak_and_weakens_only_its_own_clause() -> None:
    weighed = "The Parties shall take into account, in their annual dialogue, the effects of excess capacity."
    assert read(weighed, "effects")[:2] == ("soft", "exhortation")
    both = "The Parties shall exchange information on acquisitions and shall take into account each other's views."
    assert read(both, "exchange")[:2] == ("binding", "obligation")
    assert read(both, "views")[:2] == ("soft", "exhortation")
    # a hedge that qualifies the whole sentence still reaches the second duty
    assert read("The Parties shall, where appropriate, exchange information and shall consult.", "consult")[0] == "soft"
