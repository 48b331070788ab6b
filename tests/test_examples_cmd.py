"""esa-rules test: expected and actual per example, the confusion table, the explain tree on a failure,
--filter, exit codes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from esa_rules.cli import main
from esa_rules.examples import confusion_table, run_examples

RULESET = '''ruleset mine "Test" version "0.1"
provision MINE-1 "Aligned export controls" {
  topic export-controls
  require "export control*" near/10 "align*"
  suggest "The Parties shall align their export controls."
  example satisfied "The Parties shall align their export controls."
  example satisfied "The Parties shall coordinate their export controls."
  example weak "The Parties may align their export controls."
  example missing "The Parties shall cooperate on customs."
}
provision MINE-2 "Anything about coercion" {
  topic economic-coercion
  require "coercion"
  example satisfied "The Parties shall consult on coercion."
}
'''


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "mine.esa"
    path.write_text(RULESET, encoding="utf-8")
    return path


def test_results_and_failure_explanation(tmp_path: Path) -> None:
    results = run_examples([str(_write(tmp_path))])
    assert [(r.provision, r.expected, r.actual) for r in results] == [
        ("MINE-1", "satisfied", "satisfied"), ("MINE-1", "satisfied", "missing"),
        ("MINE-1", "weak", "weak"), ("MINE-1", "missing", "missing"), ("MINE-2", "satisfied", "satisfied")]
    failed = [r for r in results if not r.passed]
    assert len(failed) == 1 and failed[0].line == 7
    assert failed[0].explanation is not None and '✗ "align*"' in failed[0].explanation
    assert all(r.explanation is None for r in results if r.passed)


def test_confusion_table_counts() -> None:
    results = run_examples(["esa-core"], only="ESA-INV-1")
    table = confusion_table(results).splitlines()
    assert table[0].split() == ["status", "TP", "FP", "FN"]
    satisfied = table[1].split()
    assert satisfied[0] == "satisfied" and int(satisfied[1]) >= 1 and satisfied[2:] == ["0", "0"]


def test_cli_exit_codes_output_and_filter(tmp_path: Path) -> None:
    path = str(_write(tmp_path))
    runner = CliRunner()
    failing = runner.invoke(main, ["test", path])
    assert failing.exit_code == 1
    assert f"FAIL {path}:7: MINE-1: expected satisfied, got missing" in failing.output
    assert "     | VERDICT: MISSING" in failing.output and "PASS" not in failing.output
    assert f"{path}: 5 examples, 4 passed, 1 failed" in failing.output
    assert "examples: 4 passed, 1 failed" in failing.output
    verbose = runner.invoke(main, ["test", path, "-v"])
    assert "PASS MINE-1 expected weak, got weak" in verbose.output and verbose.output.count("PASS ") == 4
    only = runner.invoke(main, ["test", path, "--filter", "MINE-2"])
    assert only.exit_code == 0 and "MINE-1" not in only.output
    none = runner.invoke(main, ["test", path, "--filter", "NOTHING"])
    assert none.exit_code == 1 and "no examples found" in none.output


def test_included_provisions_run_once_across_rulesets() -> None:
    results = run_examples(["esa-core", "partner-uk"], only="ESA-INV-1")
    core_only = run_examples(["esa-core"], only="ESA-INV-1")
    assert len(results) == len(core_only) > 0


def test_an_including_ruleset_prints_its_own_failures_and_one_line_for_what_it_includes(tmp_path: Path) -> None:
    path = tmp_path / "mine.esa"
    path.write_text(RULESET.replace('version "0.1"\n', 'version "0.1"\ninclude esa-core\n'), encoding="utf-8")
    result = CliRunner().invoke(main, ["test", str(path), "--filter", "-1"])
    lines = result.output.splitlines()
    assert result.exit_code == 1 and not any(line.startswith("PASS") for line in lines)
    own = lines.index(f"{path}: 4 examples, 3 passed, 1 failed")
    included = next(i for i, line in enumerate(lines) if line.startswith("esa-core (included): "))
    assert own < included and lines[included].endswith("all passed")
