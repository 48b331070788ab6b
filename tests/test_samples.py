"""The sample drafts in sample_texts/ get the verdicts labels.csv says they should; and a real treaty check."""

from __future__ import annotations

import csv
import os
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from esa_rules.dsl import load_many
from esa_rules.engine import Checker
from esa_rules.readers import read
from esa_rules.report import DocumentResult

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_texts"
LABELS = SAMPLES / "labels.csv"
STATUSES = {"satisfied", "weak", "missing", "violated", "present"}


def tota_dir() -> Path | None:
    for candidate in (Path(__file__).resolve().parents[2] / "shared/corpus/tota/xml",
                      Path(os.environ.get("ESA_TOTA_DIR", "/nonexistent"))):
        if candidate.is_dir():
            return candidate
    return None


@cache
def checker() -> Checker:
    return Checker(load_many(["esa-core"]))


@cache
def result(path: str) -> DocumentResult:
    return checker().check(read(path))


def statuses(path: str) -> dict[str, str]:
    return {f.provision: f.status for f in result(path).findings}


def labels() -> list[dict[str, str]]:
    with LABELS.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_labels_cover_every_sample_and_provision() -> None:
    rows = labels()
    assert rows and set(rows[0]) == {"path", "provision", "expected"}
    assert all(r["expected"] in STATUSES for r in rows)
    ids = {p.id for p in checker().provisions}
    samples = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md"})
    assert len(samples) == 6
    for name in samples:
        labelled = {r["provision"] for r in rows if r["path"] == f"sample_texts/{name}"}
        assert labelled == ids, name


@pytest.mark.parametrize("row", labels(), ids=lambda r: f"{Path(r['path']).stem}:{r['provision']}")
def test_sample_verdict(row: dict[str, str]) -> None:
    actual = statuses(str(ROOT / row["path"]))[row["provision"]]
    if row["expected"] == "present":
        assert actual in {"satisfied", "weak"}
    else:
        assert actual == row["expected"]


def test_complete_agreement_has_no_gap() -> None:
    found = Counter(statuses(str(SAMPLES / "complete_agreement.txt")).values())
    assert found == Counter({"satisfied": len(checker().provisions)})


def test_memorandum_is_mostly_weak() -> None:
    found = Counter(statuses(str(SAMPLES / "memorandum_soft.txt")).values())
    assert found["satisfied"] == 0
    assert found["weak"] > found["missing"]


def test_fta_chapter_has_only_the_security_exception() -> None:
    found = statuses(str(SAMPLES / "fta_investment_chapter.txt"))
    assert {pid for pid, status in found.items() if status != "missing"} == {"ESA-ESX-1", "ESA-ESX-2", "ESA-ESX-3"}


def test_distractors_trigger_nothing() -> None:
    found = statuses(str(SAMPLES / "distractors.txt"))
    assert {pid: s for pid, s in found.items() if s != "missing"} == {}


def test_carve_out_and_retaliation() -> None:
    found = statuses(str(SAMPLES / "carved_out_chapter.txt"))
    assert found["ESA-CMP-2"] == "violated"
    assert found["ESA-INV-1"] == "weak"  # binding wording, but no recourse to dispute settlement


def test_draft_negations_never_satisfy() -> None:
    found = statuses(str(SAMPLES / "draft_chapter.md"))
    assert found["ESA-INV-2"] == "missing"  # "under no obligation to ... exchange information"
    assert found["ESA-EXP-1"] == "missing"  # "No provision of this Chapter obliges a Party to harmonise"
    assert found["ESA-INV-1"] == "satisfied"


@pytest.mark.parametrize("treaty", ["pta_449.xml", "pta_37.xml", "pta_112.xml"])
def test_real_fta_has_security_exception_but_is_no_esa(treaty: str) -> None:
    folder = tota_dir()
    if folder is None:
        pytest.skip("ToTA corpus not available")
    found = statuses(str(folder / treaty))
    assert found["ESA-ESX-1"] in {"satisfied", "weak"}
    for pid in ("ESA-INS-1", "ESA-CMP-1", "ESA-COE-1", "ESA-NME-2", "ESA-INV-2", "ESA-SEC-1"):
        assert found[pid] == "missing", pid
