"""Speed properties that hold on any machine: work linear in hits, the same bytes with any --jobs, and a
Checker that travels (pickle, Dask) unchanged. Timings themselves belong to benchmarks/bench_corpus.py.
"""

from __future__ import annotations

import io
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from esa_rules.api import check_paths
from esa_rules.dsl import load
from esa_rules.engine import Checker
from esa_rules.progress import Progress
from esa_rules.reporters import render

ROOT = Path(__file__).resolve().parents[1]
TOTA = Path(os.environ.get("ESA_TOTA_DIR") or ROOT.parent / "shared/corpus/tota/xml")

RULES = '''
ruleset perf "worst cases" version "1"
terms security  = "national security" | "security interest*" | "essential security"
terms screening = "screening" | "review* of invest*" | "investment screening"
terms exchange  = "exchange information" | "share information"

provision P-NEAR "Proximity in a paragraph" {
  topic investment-screening
  require screening near/25 security in paragraph
}
provision P-SENT "Both sides in one sentence, nothing denied" {
  topic investment-screening
  require security near/5 screening and not "no obligation" in sentence
}
provision P-ORDER "Ordered, article wide" {
  topic export-controls
  require exchange before/10 security in article
}
provision P-FORBID "Forbidden wording" {
  topic compartmentalization
  forbid "suspend*" near/3 security in paragraph
}
'''

FILLER = ("the", "Parties", "shall", "consult", "on", "measures", "of", "mutual", "concern")


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    path = tmp_path_factory.mktemp("rules") / "perf.esa"
    path.write_text(RULES, encoding="utf-8")
    return Checker([load(str(path))])


def _calls(func: Callable[[], Any]) -> int:
    """How many Python and C functions ``func`` calls: a machine-independent measure of work."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        func()
    finally:
        sys.setprofile(None)
    return count


def _worst_case(n: int, phrase: str, gap: int, layout: str) -> str:
    """``n`` hits of one phrase, ``gap`` filler words apart: in one sentence, one paragraph of many
    sentences, or one paragraph each."""
    words = " ".join(FILLER[i % len(FILLER)] for i in range(gap))
    if layout == "sentence":
        body = "1. " + " ".join(f"{phrase} {words}" for _ in range(n)) + " shall maintain screening."
    elif layout == "paragraph":
        body = "1. " + " ".join(f"The {phrase} {words}." for _ in range(n)) + " Each Party shall maintain screening."
    else:
        body = "\n\n".join(f"{i + 1}. The {phrase} {words}." for i in range(n + 1)) + " Each Party shall maintain screening."
    return f"Article 1\nInvestment\n\n{body}\n"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(phrase=st.sampled_from(["national security", "screening", "exchange information", "suspend"]),
       gap=st.integers(min_value=0, max_value=6),
       layout=st.sampled_from(["sentence", "paragraph", "paragraphs"]))
def test_work_grows_linearly_with_hits_of_one_term(checker: Checker, phrase: str, gap: int, layout: str) -> None:
    small, large = 150, 600
    work_small = _calls(lambda: checker.check_text(_worst_case(small, phrase, gap, layout)))
    work_large = _calls(lambda: checker.check_text(_worst_case(large, phrase, gap, layout)))
    # four times the hits: linear work is ~4x (plus log factors from bisection); quadratic would be 16x
    assert work_large <= 5.5 * work_small, (work_small, work_large)


def test_worst_case_verdicts_are_still_right(checker: Checker) -> None:
    text = _worst_case(2000, "national security", 2, "paragraph")
    statuses = {f.provision: f.status for f in checker.check_text(text).findings}
    assert statuses["P-NEAR"] == "satisfied"  # the last "national security" is near the binding "screening"
    assert statuses["P-SENT"] == "missing"  # never in the same sentence
    assert statuses["P-ORDER"] == "missing"
    assert statuses["P-FORBID"] == "satisfied"


def _inputs(tmp_path: Path) -> list[str]:
    paths = [str(p) for p in sorted((ROOT / "sample_texts").iterdir()) if p.suffix in (".txt", ".md")]
    if TOTA.is_dir():  # a few real treaties of different sizes, when the corpus is beside the project
        paths += [str(TOTA / f"pta_{n}.xml") for n in (2, 37, 112, 449) if (TOTA / f"pta_{n}.xml").exists()]
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<treaty><body>")  # an unreadable input keeps its place in the output
    return [*paths[:3], str(broken), *paths[3:]]


def test_jobs_do_not_change_a_byte(tmp_path: Path) -> None:
    checker = Checker([load("esa-core")])
    paths = _inputs(tmp_path)
    outputs = {jobs: render("json", check_paths(checker, paths, jobs=jobs)) for jobs in (1, 2, 3)}
    assert outputs[1] == outputs[2] == outputs[3]
    assert [d.path for d in check_paths(checker, paths, jobs=2).documents] == [p for p in paths if "broken" not in p]


def test_progress_counts_every_document_with_workers(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    paths = _inputs(tmp_path)
    check_paths(Checker([load("esa-core")]), paths, jobs=2, progress=lambda done, total: seen.append((done, total)))
    files = len(paths)
    assert seen == [(n, files) for n in range(1, files + 1)]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("ci", [None, "true"])
def test_progress_bar_only_on_a_terminal_outside_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    ci: str | None) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    paths = _inputs(tmp_path)
    with Progress(delay=0) as progress:
        check_paths(Checker([load("esa-core")]), paths, jobs=2, progress=progress.update)
    if ci is None:
        assert f"{len(paths)}/{len(paths)} documents" in terminal.getvalue()
        assert terminal.getvalue().endswith("\r\x1b[K")  # the line is cleared when the batch ends
    else:
        assert terminal.getvalue() == ""


TEXTS = [
    "Article 1\n\n1. Each Party shall maintain investment screening for national security.",
    "Article 2\n\n1. The Parties shall exchange information before any measure on national security.",
    "Article 3\n\n1. No Party shall suspend national security cooperation.",
]


def test_checker_survives_pickling_and_check_text_is_public(checker: Checker) -> None:
    clone = pickle.loads(pickle.dumps(checker))
    assert clone.check_text(TEXTS[0]) == checker.check_text(TEXTS[0])
    # what a Spark RDD or a Dask bag does: ship the pickled bound method, map it over texts
    shipped = pickle.loads(pickle.dumps(checker.check_text))
    assert list(map(shipped, TEXTS)) == [checker.check_text(t) for t in TEXTS]


def test_dask_bag_maps_check_text_unchanged(checker: Checker) -> None:
    bag = pytest.importorskip("dask.bag")
    results = bag.from_sequence(TEXTS, npartitions=2).map(checker.check_text).compute(scheduler="processes")
    assert results == [checker.check_text(t) for t in TEXTS]
