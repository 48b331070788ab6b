"""docs/rulesets/NAME.md is what `esa-rules rules -f markdown -r NAME` prints, for every shipped ruleset.

After changing a ruleset, regenerate with ``ESA_UPDATE_DOCS=1 pytest tests/test_docs_sync.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from esa_rules.cli import main
from esa_rules.resources import shipped_rulesets

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rulesets"


@pytest.mark.parametrize("name", sorted(shipped_rulesets()))
def test_ruleset_docs_in_sync(name: str) -> None:
    result = CliRunner().invoke(main, ["rules", "-f", "markdown", "-r", name])
    assert result.exit_code == 0, result.output
    page = DOCS / f"{name}.md"
    if os.environ.get("ESA_UPDATE_DOCS"):
        page.write_text(result.stdout, encoding="utf-8")
    assert page.is_file(), f"{page} is missing; run ESA_UPDATE_DOCS=1 pytest tests/test_docs_sync.py"
    assert page.read_text(encoding="utf-8") == result.stdout, (
        f"{page.name} is stale; run ESA_UPDATE_DOCS=1 pytest tests/test_docs_sync.py")


def test_no_stray_pages() -> None:
    assert {p.stem for p in DOCS.glob("*.md")} == set(shipped_rulesets())


def test_partner_page_links_the_core_and_documents_only_its_own() -> None:
    text = (DOCS / "eu-dialogue.md").read_text(encoding="utf-8")
    assert "[ESA-INV-1](esa-core.md#esa-inv-1)" in text
    assert "### EUD-INS-1" in text and "### ESA-INV-1" not in text
    assert "- ESA-NME-2: disabled" in text and "ESA-NME-2 |" not in text
    assert "- ESA-SEC-1: severity set to `info`" in text
