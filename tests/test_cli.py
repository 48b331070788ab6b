"""The CLI and JSON contracts (ARCHITECTURE sections 4 and 5), through the real command."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from esa_rules.cli import main
from esa_rules.dsl import load
from esa_rules.topics import TOPICS

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_texts"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_complete_draft_exits_0() -> None:
    code, out, _ = run("check", str(SAMPLES / "complete_agreement.txt"))
    assert code == 0, out
    assert "missing" not in out.split("\n")[1]


def test_draft_with_gaps_exits_1_with_lint_lines() -> None:
    code, out, _ = run("check", str(SAMPLES / "fta_investment_chapter.txt"))
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith(f"{SAMPLES}/fta_investment_chapter.txt:")]
    assert lines, out
    # severity only where a finding can fail the run: on gaps, never on a satisfied provision
    gap = re.compile(r"^.+:\d+:\d+: (error|warning|info) [A-Z][A-Z0-9-]+ (weak|missing|violated) ")
    satisfied = re.compile(r"^.+:\d+:\d+: [A-Z][A-Z0-9-]+ satisfied ")
    assert all(gap.match(line) or satisfied.match(line) for line in lines), lines[:3]
    assert any(satisfied.match(line) for line in lines) and any(gap.match(line) for line in lines)
    assert out.rstrip().splitlines()[-1].startswith("1 document: ")


def test_fail_on_never_exits_0() -> None:
    assert run("check", "--fail-on", "never", str(SAMPLES / "fta_investment_chapter.txt"))[0] == 0


def test_json_contract(tmp_path: Path) -> None:
    out_file = tmp_path / "report.json"
    code, _, _ = run("check", "-f", "json", "-o", str(out_file), str(SAMPLES))
    assert code == 1
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["schema"] == "esa-rules.report/1"
    assert data["tool"]["name"] == "esa-rules"
    core = load("esa-core")
    assert data["rulesets"][0]["name"] == "esa-core" and len(data["rulesets"][0]["sha256"]) == 64
    ids = [p.id for p in core.provisions]
    for doc in data["documents"]:
        assert [f["provision"] for f in doc["findings"]] == ids  # every provision once, in order
        text = (ROOT / doc["path"]).read_text(encoding="utf-8") if not Path(doc["path"]).is_absolute() \
            else Path(doc["path"]).read_text(encoding="utf-8")
        lines = text.splitlines()
        for f in doc["findings"]:
            assert f["topic"] in TOPICS
            assert f["status"] in {"satisfied", "weak", "missing", "violated", "waived"}
            for ev in f["evidence"]:
                # the quoted sentence starts on the line the evidence names
                quoted_start = ev["quote"].lstrip("… ").split(" ")[0]
                window = " ".join(lines[ev["line"] - 1:ev["end_line"]])
                assert quoted_start in window, (f["provision"], ev)
                for m in ev["matches"]:
                    assert 0 <= m["start"] < m["end"] <= len(ev["quote"])
            if f["status"] == "missing":
                assert f["suggest"]
    summary = data["summary"]
    assert summary["documents"] == len(data["documents"])
    assert sum(summary[s] for s in ("satisfied", "weak", "missing", "violated", "waived")) == \
        len(ids) * len(data["documents"])


def test_json_is_deterministic_and_input_order_free(tmp_path: Path) -> None:
    files = sorted(str(p) for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md"})
    first = run("check", "-f", "json", "--jobs", "1", *files)[1]
    again = run("check", "-f", "json", "--jobs", "2", *files)[1]
    assert first == again
    reordered = json.loads(run("check", "-f", "json", *reversed(files))[1])
    by_path = {d["path"]: d for d in json.loads(first)["documents"]}
    assert {d["path"]: d for d in reordered["documents"]} == by_path


def test_broken_ruleset_exits_2_with_caret(tmp_path: Path) -> None:
    bad = tmp_path / "bad.esa"
    bad.write_text('ruleset bad\nprovision X-1 "t" {\n  topic investment-screening\n  require screning\n}\n',
                   encoding="utf-8")
    code, _, err = run("check", "-r", str(bad), str(SAMPLES / "complete_agreement.txt"))
    assert code == 2
    assert f"{bad}:4:11" in err
    assert "^" in err and "screning" in err
    assert "Traceback" not in err


def test_missing_input_exits_2_but_others_still_checked(tmp_path: Path) -> None:
    out_file = tmp_path / "r.json"
    code, _, err = run("check", "-f", "json", "-o", str(out_file), str(tmp_path / "nope.txt"),
                       str(SAMPLES / "complete_agreement.txt"))
    assert code == 2
    assert "nope.txt" in err and "Traceback" not in err
    assert len(json.loads(out_file.read_text())["documents"]) == 1


def test_output_file_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    run("check", "-o", str(target), str(SAMPLES / "complete_agreement.txt"))
    assert target.read_text(encoding="utf-8").startswith(str(SAMPLES / "complete_agreement.txt"))
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # no temporary file left behind


def test_no_colour_when_not_a_terminal() -> None:
    _, out, _ = run("check", str(SAMPLES / "fta_investment_chapter.txt"))
    assert "\x1b[" not in out


def test_user_ruleset_with_core(tmp_path: Path) -> None:
    mine = tmp_path / "mine.esa"
    mine.write_text('ruleset mine\nprovision MY-1 "Tourism" {\n  topic critical-sectors\n'
                    '  require "tourism"\n  example satisfied "The Parties shall promote tourism."\n}\n',
                    encoding="utf-8")
    code, out, _ = run("check", "-f", "json", "-r", str(mine), "-r", "esa-core",
                       str(SAMPLES / "complete_agreement.txt"))
    assert code == 1  # complete_agreement has no gap under esa-core, but MY-1 finds no tourism
    ids = [f["provision"] for f in json.loads(out)["documents"][0]["findings"]]
    assert ids[0] == "MY-1" and "ESA-INV-1" in ids and len(ids) == len(set(ids))


def test_rules_lists_provisions() -> None:
    code, out, _ = run("rules")
    assert code == 0
    assert re.search(r"^ESA-INV-1\s+investment-screening\s+error\s+\S", out, re.M)


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    code, out, _ = run(flag)
    assert code == 0 and "0.1.0" in out


def test_files_in_folders_that_no_reader_handles_are_named(tmp_path: Path) -> None:
    (tmp_path / "draft.txt").write_text("Article 1\n\nEach Party shall apply this Agreement.\n", encoding="utf-8")
    (tmp_path / "notes.py").write_text("x = 1\n", encoding="utf-8")
    code, out, err = run("check", "-f", "json", "--fail-on", "never", str(tmp_path))
    assert code == 0
    assert "skipped 1 file(s)" in err and "notes.py" in err
    assert json.loads(out)["skipped"] == [str(tmp_path / "notes.py")]


def test_github_format_prints_at_most_max_annotations() -> None:
    code, out, _ = run("check", "-f", "github", "--max-annotations", "2", str(SAMPLES / "draft_chapter.md"))
    lines = out.splitlines()
    assert code == 1 and len(lines) == 3 and lines[0].startswith("::notice title=esa-rules summary::")
    assert "The 2 most severe of" in lines[0] and all(line.startswith("::error ") for line in lines[1:])


MESSY_RULESET = 'ruleset x "X" version "1"\nprovision X-1   "T" {\n topic export-controls\n require "a"   near/5 "b"\n}\n'


def test_fmt_check_shows_the_diff_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "x.esa"
    path.write_text(MESSY_RULESET, encoding="utf-8")
    code, out, err = run("fmt", "--check", str(path))
    assert code == 1 and f"would reformat {path}" in err
    assert out.startswith(f"--- {path}\n+++ {path} (formatted)\n@@ ")
    assert '-provision X-1   "T" {\n' in out and '+provision X-1 "T" {\n' in out
    assert path.read_text(encoding="utf-8") == MESSY_RULESET
    # the diff is exactly what fmt then does
    assert run("fmt", str(path))[0] == 0
    after = path.read_text(encoding="utf-8")
    assert [line[1:] for line in out.splitlines(keepends=True)[3:] if line[0] in " +"] == \
        after.splitlines(keepends=True)
    assert run("fmt", "--check", str(path)) == (0, "", "")
