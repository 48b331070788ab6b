"""Help a negotiator can use: nothing cut off, a purpose and examples for every command, the rulesets."""

from __future__ import annotations

import re
import shlex

import click
import pytest
from click.testing import CliRunner

from esa_rules.cli import main
from esa_rules.resources import shipped_rulesets

COMMANDS = sorted(main.commands)


def _help(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.output


def _examples(text: str) -> list[str]:
    block = text.split("Examples:\n", 1)[1].split("\n\n", 1)[0]
    # a command, then (after two spaces or on the next line) what it does
    return [re.split(r"\s{2,}", line.strip())[0] for line in block.splitlines() if line.startswith("    esa-rules ")]


def test_top_level_help_cuts_nothing_off_and_lists_every_command() -> None:
    text = _help()
    assert "…" not in text and "..." not in text.split("Commands:", 1)[1]
    listed = re.findall(r"^  (\w+)\s{2,}(\S.*)$", text.split("Commands:\n", 1)[1].split("\n\n")[0], re.MULTILINE)
    assert [name for name, _ in listed] == COMMANDS
    assert all(line.endswith(".") for _, line in listed)
    assert len(_examples(text)) >= 3


def test_top_level_help_lists_the_shipped_rulesets_one_each() -> None:
    section = _help().split("Shipped rulesets (use with -r NAME):\n", 1)[1]
    named = re.findall(r"^  ([a-z][\w-]+)\s{2,}\S", section, re.MULTILINE)
    assert named == list(shipped_rulesets())
    assert "esa-core           Core economic security provisions (the default)" in section


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_gives_its_purpose_and_examples_that_run(command: str) -> None:
    text = _help(command)
    assert "…" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    purpose = text.split("\n\n")[1].strip()
    assert len(purpose.split()) >= 8, purpose
    examples = _examples(text)
    assert 2 <= len(examples) <= 4, examples
    for example in examples:
        words = shlex.split(example.split(" > ")[0])
        assert words[:2] == ["esa-rules", command]
        ctx = click.Context(main)
        main.commands[command].make_context(command, words[2:], parent=ctx)  # raises on a wrong option


def test_options_are_explained_in_a_negotiators_words() -> None:
    text = " ".join(_help("check").split())
    assert "Which gaps make the command report failure (exit status 1)" in text
    assert "a shipped ruleset's name" in text and "a gap report for reviewers" in text
