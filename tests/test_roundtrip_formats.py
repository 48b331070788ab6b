"""The same draft as .txt, .md, .docx, .html and .pdf gives the same verdicts.

The other formats are generated from the project's own sample drafts: python-docx writes the .docx
(chapter and article lines become Word headings, the rest body paragraphs), LibreOffice prints it to
PDF, and the .md and .html are written here. Only the reader changes between runs, so any difference
in a provision's status, or in the units its evidence cites, is a reader (or layout) bug.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from docgen import docx_bytes, to_pdf

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ["complete_agreement.txt", "memorandum_soft.txt", "carved_out_chapter.txt"]
_HEADING = re.compile(r"^(CHAPTER|Chapter|PART|Part|ANNEX|Annex)\b")
_ARTICLE = re.compile(r"^(ARTICLE|Article)\b")


def _blocks(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def as_markdown(lines: list[str]) -> str:
    out = []
    for line in lines:
        prefix = "# " if _HEADING.match(line) else "## " if _ARTICLE.match(line) else ""
        out.append(prefix + line)
    return "\n\n".join(out) + "\n"


def as_html(lines: list[str]) -> str:
    body = []
    for line in lines:
        tag = "h1" if _HEADING.match(line) else "h2" if _ARTICLE.match(line) else "p"
        body.append(f"<{tag}>{html.escape(line)}</{tag}>")
    chrome = '<nav><a href="/">Article 99 Home</a></nav><script>var a = "Each Party shall";</script>'
    return f"<!DOCTYPE html><html><head><title>Draft</title></head><body>{chrome}\n" + "\n".join(body) + "</body></html>"


def verdicts(checker, path: Path) -> dict[str, tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """Per provision: status, the units its evidence cites, and the nearest unit of a missing one."""
    from esa_rules.readers import read

    result = checker.check(read(str(path)))
    return {f.provision: (f.status, tuple(e.unit for e in f.evidence), f.nearest.unit if f.nearest else None)
            for f in result.findings}


@pytest.fixture(scope="module")
def checker():  # type: ignore[no-untyped-def]
    engine = pytest.importorskip("esa_rules.engine")
    from esa_rules.dsl import load_many

    return engine.Checker(load_many(["esa-core"]))


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("roundtrip")
    made: dict[str, dict[str, Path]] = {}
    for sample in SAMPLES:
        text = (ROOT / "sample_texts" / sample).read_text(encoding="utf-8")
        lines = _blocks(text)
        stem = Path(sample).stem
        paths = {"txt": folder / f"{stem}.txt", "md": folder / f"{stem}.md", "html": folder / f"{stem}.html",
                 "docx": folder / f"{stem}.docx"}
        paths["txt"].write_text(text, encoding="utf-8")
        paths["md"].write_text(as_markdown(lines), encoding="utf-8")
        paths["html"].write_text(as_html(lines), encoding="utf-8")
        paths["docx"].write_bytes(docx_bytes(lines, title=lines[0]))
        made[stem] = paths
    return made


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
@pytest.mark.parametrize("sample", [Path(s).stem for s in SAMPLES])
def test_same_verdicts_as_text(checker, drafts, sample: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    assert verdicts(checker, drafts[sample][fmt]) == verdicts(checker, drafts[sample]["txt"])


def test_samples_exercise_several_statuses(checker, drafts) -> None:  # type: ignore[no-untyped-def]
    seen = {v[0] for paths in drafts.values() for v in verdicts(checker, paths["txt"]).values()}
    assert {"satisfied", "weak", "missing"} <= seen


@pytest.mark.parametrize("sample", [Path(s).stem for s in SAMPLES])
def test_pdf_gives_same_verdicts_as_text(checker, drafts, sample: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = to_pdf(drafts[sample]["docx"], tmp_path)
    assert verdicts(checker, pdf) == verdicts(checker, drafts[sample]["txt"])


def test_formats_are_sniffed_without_extensions(drafts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from esa_rules.readers import read

    sample = drafts["memorandum_soft"]
    for fmt in ("docx", "html"):
        renamed = tmp_path / f"draft-{fmt}"
        renamed.write_bytes(sample[fmt].read_bytes())
        assert read(str(renamed)).format == fmt
