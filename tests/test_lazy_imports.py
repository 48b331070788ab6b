"""Start-up cost: a format's reader or reporter is imported only when that format is used, and a check
served by the ruleset cache never imports lark."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from esa_rules.readers import READERS, reader_module

ROOT = Path(__file__).resolve().parent.parent

# Runs `esa-rules check` in a fresh interpreter and prints the modules it ended up with.
_PROBE = """
import json, sys
from esa_rules.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_after(*args: str, cache: Path) -> set[str]:
    env = {"XDG_CACHE_HOME": str(cache), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120, check=False)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_registry_extensions_match_the_reader_modules() -> None:
    for name, extensions in READERS:
        module = reader_module(name)
        assert module.NAME == name and tuple(module.EXTENSIONS) == extensions


@pytest.mark.parametrize("name", ["draft_chapter.md", "complete_agreement.txt"])
def test_a_text_draft_imports_only_what_it_needs(name: str, tmp_path: Path) -> None:
    args = ("check", "--jobs", "1", f"sample_texts/{name}")
    _modules_after(*args, cache=tmp_path)  # fills the cache
    modules = _modules_after(*args, cache=tmp_path)
    assert "esa_rules.readers.text" in modules and "esa_rules.reporters.text" in modules
    unneeded = {"lark", "esa_rules.dsl.parser", "esa_rules.dsl.lint", "esa_rules.dsl.fmt", "pypdf", "defusedxml",
                "jinja2", "concurrent.futures.process", "esa_rules.reporters.html", "esa_rules.reporters.sarif",
                *(f"esa_rules.readers.{name}" for name, _ in READERS if name != "text")}
    assert not unneeded & modules


def test_other_formats_still_find_their_reader(tmp_path: Path) -> None:
    page = tmp_path / "draft.html"
    page.write_text("<html><body><h2>Article 1</h2><p>Each Party shall screen foreign investment.</p>"
                    "</body></html>", encoding="utf-8")
    modules = _modules_after("check", "--jobs", "1", "-f", "json", "--no-cache", str(page), cache=tmp_path)
    assert {"esa_rules.readers.html", "esa_rules.reporters.json", "lark"} <= modules  # --no-cache parses
