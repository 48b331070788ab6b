"""esa-rules eval: scores, topic labels, `present`, strength accuracy, --min-f1, errors with lines,
and the shipped sample_texts labels run through it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from esa_rules.api import load_rulesets
from esa_rules.cli import main
from esa_rules.errors import InputError
from esa_rules.evaluation import Row, evaluate_labels, score, topic_status

ROOT = Path(__file__).resolve().parents[1]
CORE = load_rulesets(["esa-core"])
BINDING = "Article 1\n1. Each Party shall maintain a mechanism to review investments by foreign persons for risks to its national security.\n"
SOFT = "Article 1\n1. The Parties should consider a review of acquisitions by foreign investors that raise national security concerns.\n"


def _row(expected: str, actual: str) -> Row:
    return Row("d.txt", "P-1", "provision", "investment-screening", expected, actual, 2)


def test_score_counts_presence_and_strength_separately() -> None:
    s = score([_row("satisfied", "satisfied"), _row("weak", "satisfied"), _row("present", "weak"),
               _row("missing", "weak"), _row("satisfied", "missing"), _row("violated", "missing")])
    assert (s.tp, s.fp, s.fn, s.tn) == (3, 1, 1, 1)
    assert s.precision == pytest.approx(0.75) and s.recall == pytest.approx(0.75)
    assert s.f1 == pytest.approx(0.75)
    assert (s.strength_right, s.strength_total) == (1, 2)  # `present` rows do not count for strength


def test_topic_status() -> None:
    assert topic_status(["missing", "weak", "satisfied"]) == "satisfied"
    assert topic_status(["missing", "weak"]) == "weak"
    assert topic_status(["satisfied", "violated"]) == "violated"
    assert topic_status([]) == "missing"


def _corpus(tmp_path: Path, header: str, rows: list[str]) -> Path:
    (tmp_path / "binding.txt").write_text(BINDING, encoding="utf-8")
    (tmp_path / "soft.txt").write_text(SOFT, encoding="utf-8")
    labels = tmp_path / "labels.csv"
    labels.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return labels


def test_paths_relative_to_the_labels_file_and_topic_rows(tmp_path: Path) -> None:
    labels = _corpus(tmp_path, "path,topic,expected", [
        "binding.txt,investment-screening,satisfied", "soft.txt,investment-screening,weak",
        "soft.txt,export-controls,missing"])
    result = evaluate_labels(str(labels), CORE)
    assert [r.actual for r in result.rows] == ["satisfied", "weak", "missing"]
    assert result.overall.f1 == 1.0 and result.overall.strength_accuracy == 1.0


def test_a_wrong_label_lowers_f1_and_min_f1_fails_the_run(tmp_path: Path) -> None:
    labels = _corpus(tmp_path, "path,provision,expected",
                     ["binding.txt,ESA-INV-1,satisfied", "soft.txt,ESA-INV-1,missing"])
    runner = CliRunner()
    ok = runner.invoke(main, ["eval", str(labels), "--min-f1", "0.5"])
    assert ok.exit_code == 0 and "disagreements:" in ok.output and f"{labels}:3:" in ok.output
    low = runner.invoke(main, ["eval", str(labels), "--min-f1", "0.9", "-f", "json"])
    data = json.loads(low.output)
    assert low.exit_code == 1 and data["passed"] is False
    assert data["overall"]["fp"] == 1 and data["by_provision"]["ESA-INV-1"]["precision"] == 0.5


@pytest.mark.parametrize(("rows", "message", "line"), [
    (["binding.txt,ESA-INV-1,satisfid"], "unknown expected status 'satisfid'", 2),
    (["binding.txt,ESA-INV-1"], "expected 3 columns", 2),
    (["binding.txt,ESA-INV-1,weak", "binding.txt,ESA-XYZ-1,weak"], "unknown provision 'ESA-XYZ-1'", 3),
    (["nowhere.txt,ESA-INV-1,weak"], "draft nowhere.txt", 2),
])
def test_label_errors_name_the_line(tmp_path: Path, rows: list[str], message: str, line: int) -> None:
    labels = _corpus(tmp_path, "path,provision,expected", rows)
    with pytest.raises(InputError) as info:
        evaluate_labels(str(labels), CORE)
    assert message in str(info.value) and info.value.line == line


def test_bad_header(tmp_path: Path) -> None:
    labels = _corpus(tmp_path, "file,rule,status", [])
    result = CliRunner().invoke(main, ["eval", str(labels)])
    assert result.exit_code == 2 and ":1: header must be" in result.output


def test_shipped_sample_labels_meet_a_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = evaluate_labels("sample_texts/labels.csv", CORE)
    assert len(result.rows) >= 100
    assert result.overall.f1 >= 0.9  # the CI gate: a ruleset change that loses accuracy fails here
    assert (result.overall.strength_accuracy or 0) >= 0.9
