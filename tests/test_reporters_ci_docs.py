"""The CI documentation and hook definitions must work as written: valid YAML, real commands, real options."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from esa_rules.cli import main

ROOT = Path(__file__).resolve().parents[1]
yaml = pytest.importorskip("yaml")


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)


def _esa_commands(text: str) -> list[str]:
    """The esa-rules command lines of the YAML examples (prose and synopsis lines are not commands)."""
    found = []
    for block in _yaml_blocks(text):
        found += [m.strip() for m in re.findall(r"(?:run: |- )(esa-rules [^\n]+)", block)]
    return found


def _parse(command: str) -> None:
    words = shlex.split(command.split(">>")[0])
    assert words[0] == "esa-rules"
    ctx = click.Context(main)
    sub = main.get_command(ctx, words[1])
    assert sub is not None, f"no such command in: {command}"
    sub.make_context(words[1], words[2:], parent=ctx)  # raises on an unknown option or bad choice


def test_ci_doc_yaml_parses_and_uploads_sarif() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in _yaml_blocks(text)]
    workflow = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    steps = workflow["jobs"]["check"]["steps"]
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    produced = next(s["run"] for s in steps if "-f sarif" in s.get("run", ""))
    assert upload["with"]["sarif_file"] in produced
    assert workflow["permissions"]["security-events"] == "write"


def test_every_documented_command_parses() -> None:
    commands = _esa_commands((ROOT / "docs" / "ci.md").read_text(encoding="utf-8"))
    assert len(commands) >= 7
    for command in commands:
        _parse(command)


def test_pre_commit_hooks_point_at_real_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"esa-rules", "esa-rules-fmt", "esa-rules-test"}
    for hook in hooks:
        assert hook["language"] == "python" and re.compile(hook["files"])
        _parse(hook["entry"] + (" drafts/a.txt" if hook["id"] != "esa-rules-test" else ""))
