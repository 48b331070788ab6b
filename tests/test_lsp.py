"""``esa-rules lsp`` as an editor uses it: a real server process driven through pygls's client.

Drafts: diagnostics on open, change (debounced) and save; hover; the model-wording quick fix; settings
from the client and from the workspace's esa-rules.toml. Rulesets: the CLI's errors as you type, hover,
go to definition, formatting. Every test ends with shutdown and exit, and checks the exit code.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lsp_session import Session, apply
from lsprotocol import types

from esa_rules.cli import main
from esa_rules.dsl import format_ruleset
from esa_rules.lsp.settings import Settings
from esa_rules.resources import shipped_rulesets

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "sample_texts" / "draft_chapter.md"

RULES = '''ruleset partner "Partner additions" version "1"

include esa-core

terms contact-point "a named contact point" = "contact point*" | "point* of contact"

define contact-talks "contact points that consult" = contact-point near/20 consult

provision P-INV-1 "Contact points for screening" {
  topic investment-screening
  require contact-talks and screening in paragraph
}
'''


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copy(DRAFT, tmp_path / "chapter.md")
    return tmp_path


def run(scenario):  # type: ignore[no-untyped-def]
    asyncio.run(scenario())


def codes(published: types.PublishDiagnosticsParams) -> dict[str, types.Diagnostic]:
    return {str(d.code): d for d in published.diagnostics}


def test_draft_diagnostics_hover_and_quick_fix(workspace: Path) -> None:
    async def scenario() -> None:
        async with Session(workspace) as s:
            uri = s.open(workspace / "chapter.md", "markdown")
            first = await s.diagnostics(uri)
            found = codes(first)
            # every finding that is not satisfied, and nothing else; ids as codes, severities mapped
            assert "ESA-INV-1" not in found and "ESA-INV-2" in found and "ESA-EXP-2" in found
            assert found["ESA-INV-2"].severity == types.DiagnosticSeverity.Error
            assert found["ESA-INV-3"].severity == types.DiagnosticSeverity.Warning
            assert all(d.source == "esa-rules" for d in first.diagnostics)
            # anchored on the evidence (line 13: "A Party is under no obligation...") or the nearest unit
            assert found["ESA-INV-2"].range.start == types.Position(12, 0)
            assert found["ESA-INV-2"].message.startswith("missing: Information exchange between screening")
            assert found["ESA-INS-2"].range.start.line == 32 and found["ESA-INS-2"].range.end.line == 36

            shown = await s.hover(uri, 12, 5)
            assert shown is not None
            assert "**ESA-INV-2** Information exchange between screening authorities — *missing*" in shown
            assert "**Why:**" in shown and "**Model wording:**" in shown
            assert await s.hover(uri, 1) is None  # a blank line carries no finding

            actions = await s.code_actions(uri, found["ESA-SCR-4"])
            assert [a.title for a in actions] == ["Insert model wording for ESA-SCR-4 after Article 5.4, paragraph 1"]
            assert actions[0].edit is not None and actions[0].edit.changes is not None
            (edit,) = actions[0].edit.changes[uri]
            assert edit.range.start == types.Position(24, 106) and edit.new_text.startswith("\n\nThe Parties shall")
            fixed = apply((workspace / "chapter.md").read_text(encoding="utf-8"), edit)
            version = s.replace(uri, fixed)
            after = await s.diagnostics(uri)
            assert after.version == version and "ESA-SCR-4" not in codes(after)
            assert len(after.diagnostics) == len(first.diagnostics) - 1

    run(scenario)


def test_changes_are_debounced_and_save_rechecks(workspace: Path) -> None:
    async def scenario() -> None:
        async with Session(workspace, {"debounceMs": 500}) as s:
            uri = s.open(workspace / "chapter.md", "markdown")
            await s.diagnostics(uri)
            text = (workspace / "chapter.md").read_text(encoding="utf-8")
            for typed in ("\nThe", "\nThe Parties", "\nThe Parties shall diversify sources of supply of critical goods."):
                last = s.replace(uri, text + typed)
            burst = await s.diagnostics(uri)
            assert burst.version == last  # one check, of the text after the last keystroke
            assert "ESA-SCR-4" not in codes(burst)
            s.save(uri)
            saved = await s.diagnostics(uri)
            assert saved.version == last and codes(saved).keys() == codes(burst).keys()
            s.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))
            assert not (await s.diagnostics(uri)).diagnostics  # closing clears what it showed

            # Files that are neither drafts nor rulesets are left alone. The server answers in order, so
            # once the draft's diagnostics are in, any for the script would have arrived before them.
            (workspace / "notes.py").write_text("print('not a draft')\n", encoding="utf-8")
            script = s.open(workspace / "notes.py", "python")
            again = s.open(workspace / "chapter.md", "markdown")
            await s.diagnostics(again)
            assert s.published[script].empty()

    run(scenario)


def test_settings_from_the_client_and_the_workspace(workspace: Path) -> None:
    (workspace / "esa-rules.toml").write_text(
        'disable = ["ESA-INV-2"]\n\n[severity]\nESA-INV-3 = "error"\n', encoding="utf-8")

    async def scenario() -> None:
        async with Session(workspace, {"esa-rules": {"minStatus": "missing", "minSeverity": "error"}}) as s:
            uri = s.open(workspace / "chapter.md", "markdown")
            found = codes(await s.diagnostics(uri))
            assert "ESA-INV-2" not in found  # disabled by the workspace
            assert found["ESA-INV-3"].severity == types.DiagnosticSeverity.Error  # raised by the workspace
            assert "ESA-EXP-2" not in found  # weak: below minStatus
            assert "ESA-SEC-2" not in found  # a warning: below minSeverity
            s.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
                settings={"esa-rules": {"minStatus": "satisfied", "minSeverity": "info"}}))
            everything = codes(await s.diagnostics(uri))
            assert everything["ESA-INV-1"].severity == types.DiagnosticSeverity.Hint  # satisfied, as a hint
            assert "ESA-EXP-2" in everything and "ESA-SEC-2" in everything
            s.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
                settings={"minStatus": "bogus"}))
            warned = await asyncio.wait_for(s.messages.get(), 30)
            assert "minStatus must be one of" in warned.message
            assert "ESA-INV-1" in codes(await s.diagnostics(uri))  # the re-check that follows; settings kept

            # a broken esa-rules.toml is one clear diagnostic, and fixing it brings the findings back
            config = workspace / "esa-rules.toml"
            config.write_text('disable = ["ESA-INV-2"\n', encoding="utf-8")
            s.save(s.open(config, "toml"))
            (problem,) = (await s.diagnostics(uri)).diagnostics
            assert problem.message.startswith("esa-rules cannot check this draft: ") and "invalid TOML" in problem.message
            config.write_text('disable = ["ESA-INV-2"]\n', encoding="utf-8")
            s.save(s.uri(config))
            assert "ESA-INV-1" in codes(await s.diagnostics(uri))

    run(scenario)


def _cli_error(path: Path) -> tuple[int, int, str]:
    """Line, column and message of the error ``esa-rules rules`` prints for a broken ruleset."""
    result = CliRunner().invoke(main, ["rules", "-r", str(path)], env={"ESA_RULES_NO_CACHE": "1"})
    assert result.exit_code == 2
    found = re.match(r"esa-rules: .*?:(\d+):(\d+): (.*)", result.stderr)
    assert found, result.stderr
    return int(found.group(1)), int(found.group(2)), found.group(3)


def test_a_broken_ruleset_gets_the_cli_message_as_you_type(tmp_path: Path) -> None:
    rules = tmp_path / "partner.esa"
    rules.write_text(RULES, encoding="utf-8")
    typo = RULES.replace("near/20 consult", "near/20 consul")
    unclosed = RULES.replace('"Contact points for screening" {', '"Contact points for screening"')

    async def scenario() -> None:
        async with Session(tmp_path, {"debounceMs": 50}) as s:
            uri = s.open(rules, "esa")
            assert not (await s.diagnostics(uri)).diagnostics
            for broken in (typo, unclosed):
                s.replace(uri, broken)
                (problem,) = (await s.diagnostics(uri)).diagnostics
                rules.write_text(broken, encoding="utf-8")
                line, column, message = _cli_error(rules)
                assert problem.severity == types.DiagnosticSeverity.Error
                assert (problem.range.start.line + 1, problem.range.start.character + 1) == (line, column)
                assert problem.message.startswith(message)
            assert "did you mean 'consult'?" in (s.replace(uri, typo), await s.diagnostics(uri))[1].diagnostics[0].message
            s.replace(uri, RULES + '\nterms spare = "spare wording"\n')
            (warning,) = (await s.diagnostics(uri)).diagnostics
            assert warning.severity == types.DiagnosticSeverity.Warning and warning.message == "term spare is never used"

    run(scenario)


def test_ruleset_hover_definition_and_formatting(tmp_path: Path) -> None:
    rules = tmp_path / "partner.esa"
    rules.write_text(RULES, encoding="utf-8")
    lines = RULES.splitlines()
    use = next(i for i, line in enumerate(lines) if line.startswith("define"))

    async def scenario() -> None:
        async with Session(tmp_path) as s:
            uri = s.open(rules, "esa")
            await s.diagnostics(uri)
            term = await s.hover(uri, use, lines[use].index("contact-point near"))
            assert term is not None and "**terms contact-point** — a named contact point" in term
            assert '`"contact point*"`' in term and '`"point* of contact"`' in term
            core = await s.hover(uri, use, lines[use].index("consult") + 1)
            assert core is not None and core.startswith("**terms consult**")  # from the included esa-core
            define = await s.hover(uri, lines.index("  require contact-talks and screening in paragraph"), 12)
            assert define is not None and "contact points that consult" in define
            assert "`contact-point near/20 consult`" in define

            here = await s.definition(uri, use, lines[use].index("contact-point near"))
            assert here.uri == s.uri(rules) and here.range.start == types.Position(4, len("terms "))
            there = await s.definition(uri, use, lines[use].index("consult") + 2)
            assert Path(there.uri.removeprefix("file://")).name == "esa-core.esa" and there.range.start.line > 0
            included = await s.definition(uri, 2, len("include es"))
            assert Path(included.uri.removeprefix("file://")) == shipped_rulesets()["esa-core"].resolve()

            messy = RULES.replace("provision P-INV-1", "provision   P-INV-1").replace("  topic", "      topic")
            s.replace(uri, messy)
            (edit,) = await s.formatting(uri) or []
            assert apply(messy, edit) == format_ruleset(messy, str(rules))
            s.replace(uri, format_ruleset(messy, str(rules)))
            formatted = await s.formatting(uri)
            assert formatted is not None and len(formatted) == 0  # nothing to change (None: does not parse)

    run(scenario)


def test_settings_parse_and_filter() -> None:
    settings, problems = Settings().updated({"minStatus": "violated", "debounceMs": 120, "minSeverity": "loud"})
    assert settings.min_status == "violated" and settings.debounce == pytest.approx(0.12)
    assert problems == ["setting minSeverity must be one of error, warning, info, not 'loud'"]
    assert Settings().updated(None) == (Settings(), [])


def test_the_example_in_the_editor_docs_runs(tmp_path: Path) -> None:
    script = re.search(r"```python\n(.*?)```", (ROOT / "docs" / "editors.md").read_text(encoding="utf-8"), re.S)
    assert script is not None
    (tmp_path / "try_lsp.py").write_text(script.group(1), encoding="utf-8")
    bin_dir = str(Path(sys.executable).parent)  # where the esa-rules console script is installed
    done = subprocess.run([sys.executable, str(tmp_path / "try_lsp.py"), str(DRAFT)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT, env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"},
                          check=False)
    assert done.returncode == 0, done.stderr
    assert f"{DRAFT}:13: ESA-INV-2 missing: Information exchange between screening authorities" in done.stdout
