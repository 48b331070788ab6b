"""Second held-out set: ten drafts in the styles that carry economic-security commitments today (an
IPEF-style supply chain agreement, a critical-minerals agreement, an EU-style chapter, a USMCA-review
protocol, a G7 statement, a dialogue memorandum, an investment chapter, a semiconductors agreement, an
export-control agreement with annexes, a bracketed negotiating text). Written and labelled by a second red
team before the first run of the tool, without reading the first held-out set.

Rows the tool cannot get right yet are strict xfails with the reason: fixing one turns it into an
unexpected pass, and the entry must then go.
"""

from __future__ import annotations

import pytest
from heldout_support import HeldoutSet, agrees

_BRACKETS = "engine: bracketed, unagreed text ('[Party A propose: ...]', '[shall][should]') is read as agreed text"

# (draft, provision): why the engine gets it wrong; nothing in the ruleset or lexicon can fix these.
KNOWN_ENGINE_GAPS: dict[tuple[str, str], str] = {
    ("negotiating_text_brackets", "ESA-COE-3"): _BRACKETS,
    ("negotiating_text_brackets", "ESA-CMP-1"): "engine: the chapter heading '[ECONOMIC SECURITY]' is itself "
                                                "bracketed, and a heading carries no strength of its own",
    ("g7_leaders_statement", "ESA-EXP-3"): "engine: 'prevent the diversion and circumvention of our controls' "
                                           "refers to export controls named in the previous paragraph",
}

# (draft, provision): ruleset gaps left open on purpose, with the trade-off that keeps them open.
KNOWN_RULESET_GAPS: dict[tuple[str, str], str] = {
    ("dialogue_memorandum", "ESA-SCR-3"): "near/25 pairs 'coordination' in list item (b) (export controls) with "
                                          "'supply chain disruptions' in item (c); a window tight enough to part "
                                          "them loses ToTA pta_379's real consultation on a staple-food supply "
                                          "disruption (17 words apart)",
    ("usmca_review_protocol", "ESA-INS-3"): "'body and heading econ-security' accepts the Committee on State-Owned "
                                            "Enterprises because its chapter is titled '... and Economic Security'",
}



SET = HeldoutSet("heldout2", {**KNOWN_ENGINE_GAPS, **KNOWN_RULESET_GAPS})


def test_labels_cover_every_draft_and_provision() -> None:
    SET.check_coverage(drafts=10)
    assert not set(KNOWN_ENGINE_GAPS) & set(KNOWN_RULESET_GAPS)


@pytest.mark.parametrize("row", SET.params())
def test_heldout2_verdict(row: dict[str, str]) -> None:
    actual = SET.actual(row)
    assert agrees(row["expected"], actual), f"expected {row['expected']}, got {actual}"


def test_agreement_floor() -> None:
    # Before the second red-team pass the tool agreed on 234 of 280 labels; every row outside the known
    # gaps must agree now, and the share may only rise.
    assert SET.agreement() >= len(SET.rows) - len(SET.gaps)
    assert SET.agreement() >= 258


def test_every_kind_of_verdict_is_labelled() -> None:
    # The set must test recall and precision alike: binding, soft, absent and exception rows all occur.
    assert {"satisfied", "weak", "missing", "present"} <= {r["expected"] for r in SET.rows}
