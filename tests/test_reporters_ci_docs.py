"""The CI documentation and hook definitions must work as written: valid YAML, real commands, real options."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from esa_rules import __version__
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
    # $WAIVERS is "--waivers waivers.toml" when the repository has the file, else empty: both must parse
    for waivers in ("", "--waivers waivers.toml"):
        words = shlex.split(command.split(">>")[0].replace("$WAIVERS", waivers))
        assert words[0] == "esa-rules"
        ctx = click.Context(main)
        sub = main.get_command(ctx, words[1])
        assert sub is not None, f"no such command in: {command}"
        sub.make_context(words[1], words[2:], parent=ctx)  # raises on an unknown option or bad choice


def _ci_doc() -> str:
    return (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


def _workflow() -> dict:
    blocks = [yaml.safe_load(b) for b in _yaml_blocks(_ci_doc())]
    return next(b for b in blocks if isinstance(b, dict) and "jobs" in b)


def _output_of(run: str) -> str:
    words = shlex.split(run)
    return words[words.index("-o") + 1]


INSTALL = re.compile(r'pip install "esa-rules @ git\+https://github\.com/OWNER/REPO@v(?P<version>[\w.]+)"')


def test_workflow_permissions_are_the_three_upload_sarif_needs() -> None:
    assert _workflow()["permissions"] == {"contents": "read", "security-events": "write", "actions": "read"}


def test_every_install_line_installs_from_the_repository_at_the_current_release() -> None:
    installs = re.findall(r"pip install[^\n]*", "\n".join(_yaml_blocks(_ci_doc())))
    assert len(installs) == 3  # the check job, the regression job, GitLab
    for line in installs:
        match = INSTALL.fullmatch(line.strip())
        assert match, f"not an install from the repository: {line}"
        assert match["version"] == __version__
    assert "pip install esa-rules\n" not in _ci_doc()  # the package is not on the package index


def test_workflow_steps_feed_each_other_and_skip_the_upload_for_forks() -> None:
    steps = _workflow()["jobs"]["check"]["steps"]
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert set(uses) == {"actions/checkout", "actions/setup-python", "github/codeql-action/upload-sarif",
                         "actions/upload-artifact"}
    assert uses["actions/setup-python"]["with"]["python-version"] >= "3.11"
    runs = [s["run"] for s in steps if "run" in s]
    assert INSTALL.fullmatch(runs[0])
    upload = uses["github/codeql-action/upload-sarif"]
    assert upload["with"]["sarif_file"] == _output_of(next(r for r in runs if "-f sarif" in r))
    assert upload["with"]["category"] == "esa-rules"
    guard = upload["if"]
    assert "github.event.pull_request.head.repo.full_name == github.repository" in guard
    assert "github.event_name != 'pull_request'" in guard
    artifact = uses["actions/upload-artifact"]
    assert artifact["with"]["path"] == _output_of(next(r for r in runs if "-f html" in r))
    # the gate comes last and is the only step that can fail on gaps
    checks = [r for r in runs if r.startswith("esa-rules check")]
    assert "-f github" in checks[-1] and "--fail-on error" in checks[-1]
    assert all("--fail-on never" in r for r in checks[:-1])


def test_the_workflow_runs_without_a_waivers_file() -> None:
    steps = _workflow()["jobs"]["check"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    setter = next(r for r in runs if "GITHUB_ENV" in r)
    assert setter.startswith("if [ -f waivers.toml ]; then") and "WAIVERS=--waivers waivers.toml" in setter
    checks = [r for r in runs if r.startswith("esa-rules check")]
    assert all("$WAIVERS" in r and "--waivers" not in r for r in checks)
    assert "--waivers waivers.toml -f" not in _ci_doc()


def test_every_documented_command_parses() -> None:
    commands = _esa_commands(_ci_doc())
    assert len(commands) >= 7
    for command in commands:
        _parse(command)


def test_pre_commit_hooks_point_at_real_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"esa-rules", "esa-rules-fmt", "esa-rules-test"}
    for hook in hooks:
        assert hook["language"] == "python" and re.compile(hook["files"])
        _parse(hook["entry"] + (" drafts/a.txt" if hook["id"] != "esa-rules-test" else ""))
