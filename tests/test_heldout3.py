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

import csv
from functools import cache
from pathlib import Path

import pytest

from esa_rules.dsl import load_many
from esa_rules.engine import Checker
from esa_rules.readers import read

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests/fixtures/heldout3"
STATUSES = {"satisfied", "weak", "missing", "violated", "present"}

_BIS = ("engine: segment.py reads 'CHAPTER TWENTY-TWO BIS' as Chapter 22 headed 'BIS' and 'Article 22 bis.8' as "
        "Article '22 bis' headed '8', so the real headings ('ECONOMIC SECURITY AND RESILIENCE', 'Relation to "
        "Dispute Settlement') become plain paragraphs and 'heading econ-security' never holds")

# (draft, provision): why the engine gets it wrong; nothing in the ruleset or lexicon can fix these.
KNOWN_ENGINE_GAPS: dict[tuple[str, str], str] = {
    ("ca_fta_modernisation", "ESA-CMP-1"): _BIS,
    ("ca_fta_modernisation", "ESA-CMP-2"): _BIS,
    ("defined_terms_crossrefs", "ESA-INV-3"): "engine: 'consult on any Covered Transaction referred to in paragraph "
                                              "2': the security context is in the paragraph referred to",
    ("defined_terms_crossrefs", "ESA-EXP-1"): "engine: 'Control List' is defined as a list of dual-use goods in "
                                              "Article 9.1; definitions are not carried into the paragraphs using them",
    ("defined_terms_crossrefs", "ESA-COE-2"): "engine: 'A Party ... may request consultations ..., which shall be "
                                              "held within 10 days': the right to ask governs the match, not the duty "
                                              "in the relative clause",
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

KNOWN_GAPS = {**KNOWN_ENGINE_GAPS, **KNOWN_RULESET_GAPS}


@cache
def checker() -> Checker:
    return Checker(load_many(["esa-core"]))


@cache
def statuses(name: str) -> dict[str, str]:
    result = checker().check(read(str(HELDOUT / f"{name}.txt")))
    return {f.provision: f.status for f in result.findings}


def labels() -> list[dict[str, str]]:
    with (HELDOUT / "labels.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def agrees(expected: str, actual: str) -> bool:
    return actual in {"satisfied", "weak"} if expected == "present" else actual == expected


def test_labels_cover_every_draft_and_provision() -> None:
    rows = labels()
    assert rows and set(rows[0]) == {"path", "provision", "expected"}
    assert all(r["expected"] in STATUSES for r in rows)
    ids = {p.id for p in checker().provisions}
    drafts = sorted(p.stem for p in HELDOUT.glob("*.txt"))
    assert len(drafts) == 8
    for name in drafts:
        labelled = [r["provision"] for r in rows if Path(r["path"]).stem == name]
        assert sorted(labelled) == sorted(ids), name
    assert set(KNOWN_GAPS) <= {(Path(r["path"]).stem, r["provision"]) for r in rows}
    assert not set(KNOWN_ENGINE_GAPS) & set(KNOWN_RULESET_GAPS)


def _params() -> list[object]:
    out: list[object] = []
    for row in labels():
        key = (Path(row["path"]).stem, row["provision"])
        marks = [pytest.mark.xfail(reason=KNOWN_GAPS[key], strict=True)] if key in KNOWN_GAPS else []
        out.append(pytest.param(row, id=f"{key[0]}:{key[1]}", marks=marks))
    return out


@pytest.mark.parametrize("row", _params())
def test_heldout3_verdict(row: dict[str, str]) -> None:
    actual = statuses(Path(row["path"]).stem)[row["provision"]]
    assert agrees(row["expected"], actual), f"expected {row['expected']}, got {actual}"


def test_agreement_floor() -> None:
    # Before the third red-team pass the tool agreed on 180 of 224 labels as first written (181 after the one
    # label conformed to the project's convention); every row outside the known gaps must agree now.
    rows = labels()
    agree = sum(agrees(r["expected"], statuses(Path(r["path"]).stem)[r["provision"]]) for r in rows)
    assert agree >= len(rows) - len(KNOWN_GAPS)
    assert agree >= 205


def test_every_kind_of_verdict_is_labelled() -> None:
    kinds = {r["expected"] for r in labels()}
    assert {"satisfied", "weak", "missing", "present"} <= kinds
