"""Second held-out set: ten drafts in the styles that carry economic-security commitments today (an
IPEF-style supply chain agreement, a critical-minerals agreement, an EU-style chapter, a USMCA-review
protocol, a G7 statement, a dialogue memorandum, an investment chapter, a semiconductors agreement, an
export-control agreement with annexes, a bracketed negotiating text). Written and labelled by a second red
team before the first run of the tool, without reading the first held-out set.

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
HELDOUT = ROOT / "tests/fixtures/heldout2"
STATUSES = {"satisfied", "weak", "missing", "violated", "present"}

_EU_CARVE_OUT = ("engine: segment.py reads the line 'Chapter 26 (Dispute Settlement) shall not apply to this "
                 "Chapter.' as the heading of a new Chapter 26, so the carve-out covers that phantom chapter "
                 "and the binding wording of Chapter 21 stays satisfied")
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
    assert len(drafts) == 10
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
def test_heldout2_verdict(row: dict[str, str]) -> None:
    actual = statuses(Path(row["path"]).stem)[row["provision"]]
    assert agrees(row["expected"], actual), f"expected {row['expected']}, got {actual}"


def test_agreement_floor() -> None:
    # Before the second red-team pass the tool agreed on 234 of 280 labels; every row outside the known
    # gaps must agree now, and the share may only rise.
    rows = labels()
    agree = sum(agrees(r["expected"], statuses(Path(r["path"]).stem)[r["provision"]]) for r in rows)
    assert agree >= len(rows) - len(KNOWN_GAPS)
    assert agree >= 258


def test_every_kind_of_verdict_is_labelled() -> None:
    # The set must test recall and precision alike: binding, soft, absent and exception rows all occur.
    kinds = {r["expected"] for r in labels()}
    assert {"satisfied", "weak", "missing", "present"} <= kinds
