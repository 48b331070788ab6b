"""The labelled corpus (tests/corpus/<set>/*.txt + labels.csv), run through `esa-rules eval`.

Each set was written and labelled by someone who had not seen the rules, before the tool first ran on
it (tests/corpus/README.md says how). This is one table of floors, the exact agreement each set has
reached: it may rise, never fall. Behaviour is pinned by name elsewhere (test_reading_structure.py,
test_modality.py, test_declarations.py); this file guards against a change that helps one kind of draft
by hurting another.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from esa_rules.dsl import load_many
from esa_rules.evaluation import EvalResult, evaluate_labels

CORPUS = Path(__file__).resolve().parent / "corpus"

# set -> (labels, exact agreement floor)
FLOORS: dict[str, tuple[int, int]] = {
    "national-styles": (336, 336),
    # 274: one label (critical_minerals ESA-SCR-4, weak) takes a preamble recital for a soft provision;
    # LABELLING.md, which the later sets follow, counts a topic only recited as missing, and so does the tool.
    # And negotiating_text_brackets labels "a dispute under any other Chapter shall not suspend ...
    # cooperation under this Chapter" as CMP-1 only; the tool reads it as CMP-2 too, as three other sets do.
    "current-instruments": (280, 274),
    "unexpected-styles": (224, 217),
    "legal-structure": (135, 134),
    "described-concepts": (108, 105),
    "blind-legal-structure": (108, 106),  # 88 on first sight
    "blind-described-concepts": (117, 110),  # 67 on first sight
    "real-treaty-idiom": (90, 89),  # 84 on first sight
    "structure-and-modality": (90, 90),  # 76 on first sight
    "legal-architecture": (90, 89),  # 84 on first sight
    "keyword-free-drafting": (90, 86),  # 52 on first sight
    "described-by-elements": (90, 85),  # 65 on first sight
    "elements-and-modality": (90, 84),  # 69 on first sight
    "terse-and-tabular": (90, 88),  # 77 on first sight
    "commitments-in-plain-words": (90, 90),  # 76 on first sight
    "definitions-and-annexes": (90, 90),  # 77 on first sight
    "drafting-traditions": (90, 87),  # 71 on first sight
    "meaning-over-keywords": (90, 86),  # 67 on first sight
    "plain-and-oblique": (90, 86),  # 72 on first sight
    "sector-agreements": (90, 87),  # 79 on first sight
    "modern-instrument-forms": (90, 90),  # 85 on first sight
    "described-not-named": (90, 87),  # 73 on first sight
    "institutional-layering": (90, 87),  # 74 on first sight
    "function-over-form": (90, 88),  # 71 on first sight
    "negotiation-records": (90, 85),  # 74 on first sight
    "elements-only": (90, 85),  # 73 on first sight
    "amending-protocols": (90, 90),  # 79 on first sight
    "duty-in-disguise": (90, 88),  # 75 on first sight
    "mixed-instrument-forms": (90, 89),  # 69 on first sight
    "elements-and-function": (90, 86),  # 60 on first sight
    "layered-instruments": (90, 90),  # 78 on first sight
    "roles-and-aims": (90, 86),  # 60 on first sight
    "purpose-and-effect": (90, 90),  # 74 on first sight
    "referenced-and-scoped": (90, 88),  # 83 on first sight
    "clause-architecture": (90, 84),  # 76 on first sight
    "commitments-by-substance": (90, 81),  # 67 on first sight
    "cross-read-instruments": (90, 86),  # 65 on first sight
    "own-words-obligations": (90, 88),  # 63 on first sight
    "paged-and-appended": (90, 87),  # 73 on first sight
    "own-terms-duties": (90, 89),  # 71 on first sight
    "notes-and-networks": (90, 90),  # 77 on first sight
    "unnamed-commitments": (90, 86),  # 61 on first sight
    "sections-and-understandings": (90, 86),  # 70 on first sight
    "substance-without-names": (90, 85),  # 65 on first sight
    "consolidated-and-footnoted": (90, 82),  # 74 on first sight
    "meaning-in-other-words": (90, 84),  # 73 on first sight
    "annotated-and-coded": (108, 92),  # 92 on first sight
    "acts-and-ends": (90, 73),  # 72 on first sight
}


@cache
def result(name: str) -> EvalResult:
    return evaluate_labels(str(CORPUS / name / "labels.csv"), load_many(["esa-core"]))


def test_every_set_is_in_the_table() -> None:
    assert sorted(p.name for p in CORPUS.iterdir() if (p / "labels.csv").is_file()) == sorted(FLOORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_labels_cover_every_draft(name: str) -> None:
    folder = CORPUS / name
    with (folder / "labels.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    drafts = sorted(p.name for p in folder.glob("*.txt"))
    kind = "topic" if "topic" in rows[0] else "provision"
    per_draft = {d: sorted(r[kind] for r in rows if Path(r["path"]).name == d) for d in drafts}
    targets = next(iter(per_draft.values()))
    assert all(t == targets for t in per_draft.values()), "every draft labels the same provisions or topics"
    assert len(set(targets)) == len(targets) == (9 if kind == "topic" else 28)
    assert all(r["path"] == f"tests/corpus/{name}/{Path(r['path']).name}" for r in rows)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_agreement_floor(name: str) -> None:
    labels, floor = FLOORS[name]
    outcome = result(name)
    exact = sum(row.correct for row in outcome.rows)
    assert len(outcome.rows) == labels
    wrong = "\n".join(f"  {Path(r.path).name} {r.target}: expected {r.expected}, got {r.actual}"
                      for r in outcome.rows if not r.correct)
    assert exact >= floor, f"{name}: {exact}/{labels} exactly right, below the floor of {floor}:\n{wrong}"
