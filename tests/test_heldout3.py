"""Third held-out set: eight drafts written to surprise a rule author (an Australian-style framework with
binding and non-binding parts, a Korea-style chapter with an annexed list of items, a Canadian FTA
modernisation with French-influenced drafting, a single-article agreement, a passive-voice agreement, a
chapter of defined terms and cross-references, a text weakened clause by clause, and an OCR-damaged draft).
Written and labelled by a third red team before the first run of the tool, without reading the first two
sets.

Rows the tool cannot get right yet are strict xfails with the reason: fixing one turns it into an
unexpected pass, and the entry must then go.
"""

from __future__ import annotations

import pytest
from heldout_support import HeldoutSet, agrees

# (draft, provision): why the engine gets it wrong; nothing in the ruleset or lexicon can fix these.
KNOWN_ENGINE_GAPS: dict[tuple[str, str], str] = {
    ("defined_terms_crossrefs", "ESA-INV-3"): "engine: 'consult on any Covered Transaction referred to in paragraph "
                                              "2': the security context is in the paragraph referred to",
    ("defined_terms_crossrefs", "ESA-EXP-1"): "engine: 'Control List' is defined as a list of dual-use goods in "
                                              "Article 9.1; definitions are not carried into the paragraphs using them",
    ("kr_supply_chain_chapter", "ESA-SEC-3"): "engine: 'critical items' are critical minerals only through Annex "
                                              "17-A (lithium hydroxide, graphite); the annex does not reach the "
                                              "paragraph",
    ("ocr_damaged_draft", "ESA-INV-2"): "engine: the line-end hyphenation 'shall ex-\\nchange information' is not "
                                        "rejoined, so 'exchange' is never seen",
    ("ocr_damaged_draft", "ESA-COE-2"): "engine: the OCR digit confusion 'within l0 days' (letter l for 1) is not "
                                        "repaired, so no deadline is seen",
    ("passive_voice_agreement", "ESA-INV-2"): "engine: 'Information on such reviews shall be exchanged': 'such "
                                              "reviews' are the national security reviews of the paragraph before",
}

# (draft, provision): ruleset gaps left open on purpose, with the trade-off that keeps them open.
KNOWN_RULESET_GAPS: dict[tuple[str, str], str] = {
    ("ca_fta_modernisation", "ESA-COE-1"): "the only binding mention is the consultation on coercion by a "
                                           "non-Party (COE-2); the ruleset counts such a clause as recognition, "
                                           "and heldout1 contracting_parties and sloppy_ocr rely on it",
    ("ca_fta_modernisation", "ESA-COE-3"): "a committee that 'shall serve as a forum for coordinating the positions "
                                           "of the Parties on ... responses to economic coercion' is read as a "
                                           "coordinated response; the real clause is 'shall endeavour'",
    ("passive_voice_agreement", "ESA-COE-3"): "the Council 'entrusted with ... the coordination of the policies of "
                                              "the Parties on ... economic coercion' is read as a coordinated "
                                              "response; the real clause is 'may be coordinated'",
    ("ca_fta_modernisation", "ESA-INS-3"): "'shall meet within one year ... and thereafter as the Parties may "
                                           "decide' has no regular frequency; the DSL cannot grade an irregular "
                                           "schedule as weak, only find a frequency or not",
    ("weakened_everywhere", "ESA-INS-3"): "'The Council shall meet as necessary': no frequency, and the DSL cannot "
                                          "grade it weak; 'as necessary' as a hedge would soften 'such measures as "
                                          "necessary' everywhere",
    ("weakened_everywhere", "ESA-COE-2"): "'consultations within a reasonable period of time, if both Parties so "
                                          "agree': no deadline, so not found at all; a 'reasonable period' cannot be "
                                          "graded weak in the DSL",
}



SET = HeldoutSet("heldout3", {**KNOWN_ENGINE_GAPS, **KNOWN_RULESET_GAPS})


def test_labels_cover_every_draft_and_provision() -> None:
    SET.check_coverage(drafts=8)
    assert not set(KNOWN_ENGINE_GAPS) & set(KNOWN_RULESET_GAPS)


@pytest.mark.parametrize("row", SET.params())
def test_heldout3_verdict(row: dict[str, str]) -> None:
    actual = SET.actual(row)
    assert agrees(row["expected"], actual), f"expected {row['expected']}, got {actual}"


def test_agreement_floor() -> None:
    # Before the third red-team pass the tool agreed on 180 of 224 labels as first written (181 after the one
    # label conformed to the project's convention); every row outside the known gaps must agree now.
    assert SET.agreement() >= len(SET.rows) - len(SET.gaps)
    assert SET.agreement() >= 205


def test_every_kind_of_verdict_is_labelled() -> None:
    # The set must test recall and precision alike: binding, soft, absent and exception rows all occur.
    assert {"satisfied", "weak", "missing", "present"} <= {r["expected"] for r in SET.rows}
