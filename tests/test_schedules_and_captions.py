"""Terms given their meaning without "means": by a section's caption ("Meaning of foreign pressure") or by
the condition under which a Party is in the state the term names. And Commonwealth schedules: numbered by
ordinals ("FIRST SCHEDULE"), the provision that brings a schedule in noted under its heading, Parts that
divide a schedule, references to them ("Part B of the First Schedule", "the Schedules")."""

from __future__ import annotations

from functools import cache

from esa_rules.document import Unit
from esa_rules.dsl import load_many
from esa_rules.engine import Checker
from esa_rules.readers import read_text
from esa_rules.segment import segment

AGREEMENT = """AGREEMENT ON STRATEGIC RESOURCES

The Parties agree as follows.

PART I — PRELIMINARY

Section 1 — Interpretation
In this Agreement, "scheduled minerals" means the minerals listed in Part B of the First Schedule.

Section 2 — Schedules
Each Party shall perform the undertakings set out in the Schedules.

PART II — PRESSURE BY FOREIGN STATES

Section 3 — Meaning of foreign pressure
For the purposes of this Part, a Party is under foreign pressure where a foreign State withholds access to its market or threatens to do so, in order to compel that Party to reverse a lawful decision of its government.

Section 4 — Consultations
A Party under foreign pressure may notify the other Party. The Parties shall, within fourteen days of the notification, agree on the joint measures each of them shall take in response to the foreign pressure.

PART III — FINAL PROVISIONS

Section 5 — Entry into force
This Agreement shall enter into force on signature.

FIRST SCHEDULE
(Section 2)
UNDERTAKINGS ON SCHEDULED MINERALS

Part A — Undertakings
1. No duty shall be imposed by either Party on the exportation to the other Party of any scheduled mineral.

Part B — Scheduled minerals
Lithium ores; cobalt; rare-earth concentrates.

SECOND SCHEDULE
(Section 2)
UNDERTAKINGS ON ESSENTIAL GOODS

Part A — Essential goods
Medicines and vaccines.
"""


@cache
def checker() -> Checker:
    return Checker(load_many(["esa-core"]))


def _tree(root: Unit, kinds: tuple[str, ...] = ("part", "annex")) -> list[tuple[str, str | None, list[str]]]:
    return [(u.label, u.heading, [c.label for c in u.children if c.kind in kinds])
            for u in root.walk() if u.kind in kinds and u.number]


def test_ordinal_schedules_are_annexes_titled_below_the_provision_that_brings_them_in() -> None:
    annexes = [u for u in segment(AGREEMENT).walk() if u.kind == "annex"]
    assert [(a.number, a.heading) for a in annexes] == [
        ("1", "UNDERTAKINGS ON SCHEDULED MINERALS"), ("2", "UNDERTAKINGS ON ESSENTIAL GOODS")]
    assert not any(u.kind == "section" and u.number == "2" and u.start > annexes[0].start
                   for u in segment(AGREEMENT).walk())  # "(Section 2)" is a note under the heading


def test_parts_lettered_inside_a_schedule_divide_the_schedule() -> None:
    tree = _tree(segment(AGREEMENT))
    assert ("Annex 1", "UNDERTAKINGS ON SCHEDULED MINERALS", ["Annex 1, Part A", "Annex 1, Part B"]) in tree
    assert ("Annex 2", "UNDERTAKINGS ON ESSENTIAL GOODS", ["Annex 2, Part A"]) in tree
    assert [label for label, _, _ in tree if not label.startswith("Annex")][:3] == ["Part I", "Part II", "Part III"]


def test_a_part_after_an_annex_that_goes_on_with_the_body_parts_is_a_body_part() -> None:
    text = "PART I\n\nArticle 1\n\nText.\n\nANNEX 1\n\nList.\n\nPART II\n\nArticle 2\n\nText.\n"
    root = segment(text)
    assert [u.label for u in root.children if u.kind == "part"] == ["Part I", "Part II"]


def _references(text: str) -> dict[str, list[str]]:
    index = checker().index(read_text(text, "<schedules>"))
    return {text[r.start:r.end]: [t.label for t in r.targets] for r in index.resolver.references(0, len(text))}


def test_schedules_are_cited_by_their_ordinals_and_all_together() -> None:
    found = _references(AGREEMENT)
    assert found["Part B of the First Schedule"] == ["Annex 1, Part B"]
    assert found["the Schedules"] == ["Annex 1", "Annex 2"]
    assert "the First Schedule" not in found  # read once, as the Part of it


def test_a_part_of_a_numbered_schedule_is_cited_as_that_part() -> None:
    text = AGREEMENT.replace("FIRST SCHEDULE", "SCHEDULE 1").replace("SECOND SCHEDULE", "SCHEDULE 2").replace(
        "Part B of the First Schedule", "Part B of Schedule 1")
    assert _references(text)["Part B of Schedule 1"] == ["Annex 1, Part B"]


def test_a_section_headed_with_the_meaning_of_a_term_defines_it_within_its_part() -> None:
    result = checker().check(read_text(AGREEMENT, "<schedules>"))
    status = {f.provision: f for f in result.findings}
    assert status["ESA-COE-3"].status == "satisfied"  # "in response to the foreign pressure", as defined
    assert "Section 4" in status["ESA-COE-3"].message
    outside = AGREEMENT.replace("PART II — PRESSURE BY FOREIGN STATES\n\n", "").replace(
        "Section 4 — Consultations", "PART II — OTHER MATTERS\n\nSection 4 — Consultations")
    status = {f.provision: f.status for f in checker().check(read_text(outside, "<schedules>")).findings}
    assert status["ESA-COE-3"] == "missing"  # the meaning holds for its Part only


def test_the_condition_under_which_a_party_is_in_a_state_defines_the_term_for_that_state() -> None:
    text = ("Article 1\n(Notion)\nFor the purposes of this Agreement, a State Party is subject to external trade "
            "pressure when a third State applies restrictive measures affecting trade with the aim of forcing it to "
            "abandon a decision falling within its sovereign competence.\n\nArticle 2\n(Common position)\nThe States "
            "Parties undertake to adopt, within forty-five days of a request, a common position and coordinated "
            "measures in response to the external trade pressure.\n")
    status = {f.provision: f for f in checker().check(read_text(text, "<condition>")).findings}
    assert status["ESA-COE-3"].status == "satisfied"
    assert "Article 2" in status["ESA-COE-3"].message
    plain = text.replace("For the purposes of this Agreement, a State Party is subject to external trade pressure when",
                         "It is regrettable when")
    status = {f.provision: f for f in checker().check(read_text(plain, "<condition>")).findings}
    assert status["ESA-COE-3"].status != "satisfied" or "Article 2" not in status["ESA-COE-3"].message


def test_an_attachment_is_an_annex_a_sentence_can_cite() -> None:
    text = ("Article 1: Sensitive Items\nBoth Sides agree to apply a licensing system to the shipment of the items "
            "listed in Attachment I.\n\nAttachment I: Sensitive Items (machine tools, carbon fibre)\n")
    annexes = [(u.label, u.heading) for u in segment(text).walk() if u.kind == "annex" and u.number]
    assert annexes == [("Annex I", "Sensitive Items (machine tools, carbon fibre)")]
    assert _references(text)["Attachment I"] == ["Annex I"]


def test_the_cooperation_of_a_memorandum_paragraph_of_topics_is_what_its_continuity_clause_shields() -> None:
    text = ("MEMORANDUM OF UNDERSTANDING\n\nPARAGRAPH 1\nOBJECTIVE\n\nThe Participants will cooperate.\n\n"
            "PARAGRAPH 2\nAREAS OF COOPERATION\n\n"
            "2.1 The Participants will exchange information on their procedures for vetting acquisitions of domestic "
            "companies by foreign persons that may endanger national defence.\n\n"
            "2.2 The Participants will keep each other informed of changes to their export controls on dual-use "
            "items.\n\n"
            "2.3 Where a foreign government restricts trade to compel a Participant to alter a sovereign policy "
            "choice, the Participants will consult within 15 days.\n\n"
            "2.4 The cooperation described in this Paragraph continues notwithstanding any difference that may "
            "arise between them in other fields of their trade relations.\n")
    status = {f.provision: f for f in checker().check(read_text(text, "<memo>")).findings}
    assert status["ESA-CMP-1"].status == "weak"  # found, in a memorandum of intentions
    assert "Paragraph 2, paragraph 4" in status["ESA-CMP-1"].message


def test_goods_named_in_the_attachment_are_the_goods_it_lists() -> None:
    text = ("Paragraph 1 - Ores\nNeither Party shall place charges on shipments to the other of the ores and refined "
            "metals named in the Attachment.\n\nATTACHMENT\nLithium; cobalt; nickel; natural graphite; gallium.\n")
    assert _references(text)["the Attachment"] == ["Annex"]
    status = {f.provision: f.status for f in checker().check(read_text(text, "<attachment>")).findings}
    assert status["ESA-SEC-3"] == "satisfied"


TABLE_OF_OBLIGATIONS = """Article 1
Table of obligations

The Member States shall fulfil the obligations set out in the Table of Obligations (Annex No. 1 to this Agreement) within the time limits specified therein.

Article 2
Final provisions

This Agreement enters into force on signature.

Annex No. 1
to the Agreement on coordinated measures of the Member States

TABLE OF OBLIGATIONS

No. | Obligation of each Member State | Time limit
1 | To notify the other Member States of a draft act introducing a licensing requirement for the export of dual-use goods | not later than 30 calendar days before its adoption
"""


def test_an_annex_numbered_after_no_and_annexed_to_the_agreement_on_the_line_below() -> None:
    annexes = [(u.label, u.number) for u in segment(TABLE_OF_OBLIGATIONS).walk() if u.kind == "annex" and u.number]
    assert annexes == [("Annex 1", "1")]
    assert _references(TABLE_OF_OBLIGATIONS)["Annex No. 1"] == ["Annex 1"]


def test_rows_of_a_table_named_in_apposition_take_the_force_of_the_sentence_that_binds_to_them() -> None:
    status = {f.provision: f for f in checker().check(read_text(TABLE_OF_OBLIGATIONS, "<table>")).findings}
    assert status["ESA-EXP-2"].status == "satisfied"
    assert "Article 1" in status["ESA-EXP-2"].message


def test_the_preamble_ranks_with_the_body_not_with_the_parts_of_a_schedule() -> None:
    text = ("The Parties agree as follows.\n\nCHAPTER 1\nDEFINITIONS\n\nArticle 1.1\n\nText.\n\nCHAPTER 9\n"
            "SCHEDULE 3 ITEMS\n\nArticle 9.1\n\nThe Parties shall control the transfer of Schedule 3 items.\n\n"
            "SCHEDULE 3\nPART A - ITEMS\nMachine tools.\n\nPART B - GENERAL AUTHORISATIONS\nNone.\n")
    root = segment(text)
    assert [(u.kind, u.label, u.heading) for u in root.children] == [
        ("chapter", "Preamble", None), ("chapter", "Chapter 1", "DEFINITIONS"), ("chapter", "Chapter 9", "SCHEDULE 3 ITEMS"),
        ("annex", "Annex 3", None)]
    assert _references(text)["Schedule 3"] == ["Annex 3"]
