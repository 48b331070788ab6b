"""One verdict per draft whatever its format.

Every sample draft and every labelled test draft is written out as Markdown, HTML, Word (.docx, with
real Title and Heading styles), Akoma Ntoso and, for a representative few, PDF (LibreOffice prints the
.docx; one run for all of them). Only the reader changes between the runs, so the same draft must get
the same status for every provision, the same title, the same title span (the title heads every unit:
"Agreement ... on Economic Security"), and the same tree of chapters and articles with their headings.
Where the formats lay a draft out alike (.md, .html, .docx) the evidence must cite the same units too.
Any difference is a reader or layout bug, never a reason to change a draft here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from formatakn import akn
from formatgen import draft_blocks
from formatwriters import docx, html_page, markdown, pdfs

from esa_rules.document import Document
from esa_rules.readers import read

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = sorted(
    [*ROOT.glob("sample_texts/*.txt"), *ROOT.glob("sample_texts/*.md"), *ROOT.glob("tests/corpus/*/*.txt")],
    key=lambda p: str(p.relative_to(ROOT)),
)
# Printing to PDF costs LibreOffice's start-up once and about a quarter second a draft: a few drafts that
# between them have a wrapped title, a chapter-only draft, roman and "bis" numbering, a table of contents,
# unnumbered articles, and text damaged by an earlier extraction.
PDF_DRAFTS = ("complete_agreement", "carved_out_chapter", "memorandum_soft", "contracting_parties",
              "negotiating_text_brackets", "ca_fta_modernisation", "trap_definitions_xrefs",
              "ocr_damaged_draft", "terse_passive_duties_agreement")
STRUCTURE = ("part", "chapter", "section", "article", "annex")
_MARKDOWN = re.compile(r"^#{1,6}[ \t]+|\*\*?|__?", re.MULTILINE)


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def plain_text(path: Path) -> str:
    """The draft as plain text: a Markdown sample loses its heading marks and emphasis."""
    text = path.read_text(encoding="utf-8")
    return _MARKDOWN.sub("", text) if path.suffix == ".md" else text


@pytest.fixture(scope="module")
def checker():  # type: ignore[no-untyped-def]
    from esa_rules.dsl import load_many
    from esa_rules.engine import Checker

    return Checker(load_many(["esa-core"]))


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("roundtrip")
    made: dict[str, dict[str, Path]] = {}
    for n, path in enumerate(DRAFTS):
        blocks = draft_blocks(plain_text(path))
        stem = folder / f"{n:02d}-{path.stem}"
        paths = {"txt": stem.with_suffix(".txt"), "md": stem.with_suffix(".md"), "html": stem.with_suffix(".html"),
                 "docx": stem.with_suffix(".docx"), "akn": stem.with_suffix(".akn")}
        paths["txt"].write_text(plain_text(path), encoding="utf-8")
        paths["md"].write_text(markdown(blocks), encoding="utf-8")
        paths["html"].write_text(html_page(blocks), encoding="utf-8")
        paths["docx"].write_bytes(docx(blocks))
        paths["akn"].write_bytes(akn(blocks))
        if path.suffix == ".md":
            paths["original"] = path
        made[_name(path)] = paths
    chosen = [paths["docx"] for name, paths in made.items() if name.split("/")[1] in PDF_DRAFTS]
    printed = pdfs(chosen, folder)
    for paths in made.values():
        if paths["docx"] in printed:
            paths["pdf"] = printed[paths["docx"]]
    return made


def reading(checker, path: Path) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """What must not depend on the format: per provision the status, the units its evidence cites and the
    nearest unit of a gap; the title; the title's words where they head the text; the heading tree."""
    document: Document = read(str(path))
    index = checker.index(document)
    span = index.title_span
    result = checker.check(document)
    return {
        "status": {f.provision: f.status for f in result.findings},
        "units": {f.provision: (tuple(e.unit for e in f.evidence), f.nearest.unit if f.nearest else None)
                  for f in result.findings},
        "title": document.title,
        "title span": index.folded.text[span[0]:span[1]] if span else None,
        "tree": [(u.kind, u.label, u.heading) for u in document.units() if u.kind in STRUCTURE],
    }


# what each format must share with the plain text; AKN has one Preamble unit where a .txt with a
# "PREAMBLE" line under its title has two, and a PDF drops page furniture ("- 2 -"), which may move
# the nearest paragraph of a gap; neither changes a verdict
_COMPARED = {"md": ("status", "units", "title", "title span", "tree"),
             "html": ("status", "units", "title", "title span", "tree"),
             "docx": ("status", "units", "title", "title span", "tree"),
             "original": ("status", "units", "title span", "tree"),
             "akn": ("status", "title", "title span", "tree"),
             "pdf": ("status", "title", "title span", "tree")}


# Drafts of the last labelled sets whose formats still disagree: found on their first run, not yet mended,
# and not yet known to be the reader's fault or this generator's (each one so far was one or the other).
# Strict, so each one fails the suite the day it starts to pass and must leave this list.
KNOWN_DISAGREEMENTS: dict[str, str] = {
    "own-words-obligations/maghreb_convention_translated_from_french": "the nearest unit offered for two missing "
    "export-control provisions differs between the .txt and the .md on a near tie; statuses agree",
    "sections-and-understandings/terse_accord_concepts_described": "numbered captions ending in a full stop (\"6. "
    "Officials.\") are articles in the .txt; the Markdown writer's list items read differently, so the body that "
    "clause 6 sets up is weak in the .txt and missing in the .md",
    "consolidated-and-footnoted/articles_giving_effect_to_schedules": "\"SCHEDULE 1\" with its enabling article set "
    "in the right margin (\"Article 3\") is a heading in the .txt but a body line to the writers, so the suspension "
    "of Schedule 2 that violates compartmentalization in the .txt is missing in the .md",
    "acts-and-ends/hungarian_intergovernmental_agreement_translated": "a title of one word (\"AGREEMENT\") over a "
    "second line of 240 characters is the whole title in the .txt; the writers take the long line for a paragraph, "
    "so the .md's title is \"AGREEMENT\"; statuses agree",
    "annotated-and-coded/french_code_style_legislative_regulatory_articles": "the Akoma Ntoso writer's numbering of "
    "French code articles (\"Article L. 161-2\") lets the \"Joint Council\" of Title VII read as a body for economic "
    "security in the .akn, where the .txt reads it as a generic joint council (mandate missing)",
}


@pytest.mark.parametrize("draft", [
    pytest.param(_name(p), marks=pytest.mark.xfail(strict=True, reason=KNOWN_DISAGREEMENTS[_name(p)]))
    if _name(p) in KNOWN_DISAGREEMENTS else _name(p) for p in DRAFTS])
def test_same_reading_in_every_format(checker, written, draft: str) -> None:  # type: ignore[no-untyped-def]
    paths = written[draft]
    expected = reading(checker, paths["txt"])
    for fmt, path in paths.items():
        if fmt == "txt":
            continue
        got = reading(checker, path)
        for aspect in _COMPARED[fmt]:
            want, have = expected[aspect], got[aspect]
            if aspect == "tree" and fmt == "akn":
                want = [u for u in want if u[1] != "Preamble"]  # type: ignore[union-attr]
                have = [u for u in have if u[1] != "Preamble"]  # type: ignore[union-attr]
            assert have == want, f"{draft} as .{fmt}: {aspect} differs from the .txt"


def test_drafts_exercise_every_status_and_the_title(checker, written) -> None:  # type: ignore[no-untyped-def]
    seen = set()
    headed = 0
    for paths in written.values():
        got = reading(checker, paths["txt"])
        seen |= set(got["status"].values())  # type: ignore[attr-defined]
        headed += got["title span"] is not None
    assert {"satisfied", "weak", "missing", "violated"} <= seen
    assert headed >= 20  # most drafts open with a title that heads them


def test_pdf_drafts_were_printed(written) -> None:  # type: ignore[no-untyped-def]
    from docgen import soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    printed = sorted(name.split("/")[1] for name, paths in written.items() if "pdf" in paths)
    assert printed == sorted(PDF_DRAFTS)


def test_a_part_or_annex_whose_line_goes_on_into_its_contents_is_written_as_its_heading_and_body() -> None:
    """"Part A - Nuclear-related items; items ..." is Part A of the annex above it ("Annex, Part A", cited as
    "Part A of the Annex") over its list, as the segmenter reads the .txt, whatever the number and the dash; so is "Annex 5-A  Listed Minerals:
    lithium ores; ...", cited as "a good listed in Annex 5-A", and "Appendix B: Categories of emerging
    technology: (i) ..." is Appendix B, titled, over its list. A short list is the part's title."""
    from esa_rules.segment import segment

    text = ("ANNEX\n\nPart A - Nuclear-related items; items specially designed for missile propulsion.\n"
            "Part B - Lasers; sensors.\nPart 2: Critical goods - insulin; lithium-ion cells.\n\n"
            "Annex 5-A  Listed Minerals: lithium ores and concentrates; natural graphite.\n\n"
            "Appendix B: Categories of emerging technology: (i) quantum sensing; (ii) hypersonic propulsion.\n")
    blocks = draft_blocks(text)
    assert [(b.role, b.level, b.text) for b in blocks[1:]] == [
        ("heading", "part", "Part A"),
        ("body", "", "Nuclear-related items; items specially designed for missile propulsion."),
        ("heading", "part", "Part B - Lasers; sensors."),
        ("heading", "part", "Part 2"), ("body", "", "Critical goods - insulin; lithium-ion cells."),
        ("heading", "annex", "Annex 5-A"), ("body", "", "Listed Minerals: lithium ores and concentrates; natural graphite."),
        ("heading", "annex", "Appendix B: Categories of emerging technology"),
        ("body", "", "(i) quantum sensing; (ii) hypersonic propulsion.")]
    assert [(u.label, u.heading) for u in segment(text).walk() if u.kind in ("part", "annex")] == [
        ("Annex", None), ("Annex, Part A", None), ("Annex, Part B", "Lasers; sensors."), ("Annex, Part 2", None),
        ("Annex 5-A", None),
        ("Annex B", "Categories of emerging technology")]


def test_a_heading_title_wrapped_onto_a_second_line_is_written_as_one_heading() -> None:
    blocks = draft_blocks("ANNEX 14-A\n\nPart 4: Electronics, including integrated circuits and semiconductor\n"
                          "        manufacturing equipment\nPart 5: Computers\n")
    assert [(b.role, b.text) for b in blocks[1:]] == [
        ("heading", "Part 4: Electronics, including integrated circuits and semiconductor manufacturing equipment"),
        ("heading", "Part 5: Computers")]  # the run of headings goes on, as the segmenter reads it


def test_formats_are_sniffed_without_extensions(written, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sample = written["sample_texts/memorandum_soft"]
    for fmt in ("docx", "html", "akn"):
        renamed = tmp_path / f"draft-{fmt}"
        renamed.write_bytes(sample[fmt].read_bytes())
        assert read(str(renamed)).format == fmt


def test_a_bracketed_article_number_and_a_cited_article_are_written_as_the_segmenter_reads_them() -> None:
    """"Article (1)" is a heading; "Article 18.2 (Critical Goods) requires ..." cites an article and stays
    in its paragraph; an annex title in capitals under "ANNEX" may carry "No." ("LETTER No. 118")."""
    blocks = draft_blocks("TITLE\n\nArticle (1)\nDefinitions\n\nArticle 18.2 (Critical Goods) requires each Party to\n"
                          "identify critical goods.\n\nANNEX\n\nCOMMITMENTS REFERRED TO IN LETTER No. MFT/118\n")
    assert [(b.role, b.text) for b in blocks[1:]] == [
        ("heading", "Article (1)"), ("caption", "Definitions"),
        ("body", "Article 18.2 (Critical Goods) requires each Party to\nidentify critical goods."),
        ("heading", "ANNEX"), ("caption", "COMMITMENTS REFERRED TO IN LETTER No. MFT/118")]


def test_a_title_of_an_eu_agreement_is_written_as_a_heading_of_part_level(tmp_path: Path) -> None:
    """"TITLE I" over its caption, or "TITLE II - EXPORTS", is a division of a Part's rank, as the segmenter
    reads it: a real heading in every format (an AKN ``part`` numbered "TITLE I"), labelled "Title I".
    "Title XIV of the Partnership Agreement shall apply" cites a Title and stays in its paragraph."""
    from esa_rules.segment import segment

    text = ("AGREEMENT\n\nTITLE I\nGENERAL PROVISIONS\n\nArticle 1\nScope\n\nThis Agreement applies to goods.\n\n"
            "TITLE II - EXPORTS\n\nArticle 2\nDisputes\n\n"
            "Title XIV of the Partnership Agreement shall apply to disputes.\n")
    blocks = draft_blocks(text)
    assert [(b.role, b.level, b.text) for b in blocks[1:]] == [
        ("heading", "part", "TITLE I"), ("caption", "part", "GENERAL PROVISIONS"),
        ("heading", "article", "Article 1"), ("caption", "article", "Scope"),
        ("body", "", "This Agreement applies to goods."),
        ("heading", "part", "TITLE II - EXPORTS"),
        ("heading", "article", "Article 2"), ("caption", "article", "Disputes"),
        ("body", "", "Title XIV of the Partnership Agreement shall apply to disputes.")]
    def tree_of(units):  # type: ignore[no-untyped-def]
        return [(u.kind, u.label, u.heading) for u in units if u.kind in STRUCTURE and u.label != "Preamble"]

    tree = tree_of(segment(text).walk())
    assert tree[:2] == [("part", "Title I", "GENERAL PROVISIONS"), ("article", "Article 1", "Scope")]
    (tmp_path / "draft.akn").write_bytes(akn(blocks))
    (tmp_path / "draft.md").write_text(markdown(blocks), encoding="utf-8")
    for name in ("draft.akn", "draft.md"):
        document = read(str(tmp_path / name))
        assert tree_of(document.units()) == tree, name


def test_a_heading_line_that_wraps_is_written_as_the_segmenter_reads_it() -> None:
    """A heading's title that goes on in the next line is one heading even with ";" in it ("Annex 17-B:
    [quantum ...; advanced lithography" over "equipment; ...]"); a heading line that goes on into a
    sentence heads nothing ("Appendix I-A: Control lists ... (to be attached on" over "entry into
    force)."): it stays in the paragraph of the annex above, as the segmenter reads the .txt."""
    from esa_rules.segment import segment

    text = ("AGREEMENT\n\nANNEX I\n\nThe table.\n\n"
            "Appendix I-A: Control lists notified by the Parties (to be attached on\nentry into force).\n\n"
            "Annex 17-B: [quantum computing components; advanced lithography\n"
            "equipment; high-performance computing modules]\n")
    blocks = draft_blocks(text)
    assert [(b.role, b.text) for b in blocks[1:]] == [
        ("heading", "ANNEX I"), ("body", "The table."),
        ("body", "Appendix I-A: Control lists notified by the Parties (to be attached on\nentry into force)."),
        ("heading", "Annex 17-B: [quantum computing components; advanced lithography equipment; "
                    "high-performance computing modules]")]
    assert [(u.label, u.heading) for u in segment(text).walk() if u.kind == "annex" and u.label != "Preamble"] == [
        ("Annex I", None),
        ("Annex 17-B", "[quantum computing components; advanced lithography equipment; high-performance computing modules]")]
    assert "<annex><num>Annex 17-B</num><heading>[quantum computing components;" in akn(blocks).decode()


def test_an_article_number_with_its_sentence_after_a_stop_and_dash_is_written_as_its_heading_and_body(
        tmp_path: Path) -> None:
    """"Article 1.- This Decision is binding ..." (an Andean Community decision) is Article 1 over its
    sentence, as the segmenter reads the .txt: a real article heading in every format, not a paragraph
    of the chapter above it (which an AKN reader would take as written)."""
    from esa_rules.segment import segment

    text = ("DECISION 917\n\nCHAPTER I\nSCOPE\n\nArticle 1.- This Decision is binding on the Member Countries.\n\n"
            "Article 2 \u2013 Each Member Country shall publish it.\n")
    blocks = draft_blocks(text)
    assert [(b.role, b.level, b.text) for b in blocks[3:]] == [
        ("heading", "article", "Article 1"), ("body", "", "This Decision is binding on the Member Countries."),
        ("heading", "article", "Article 2"), ("body", "", "Each Member Country shall publish it.")]
    def tree_of(units):  # type: ignore[no-untyped-def]
        return [(u.kind, u.label) for u in units if u.kind in STRUCTURE and u.label != "Preamble"]

    tree = tree_of(segment(text).walk())
    assert tree == [("chapter", "Chapter I"), ("article", "Article 1"), ("article", "Article 2")]
    (tmp_path / "draft.akn").write_bytes(akn(blocks))
    assert tree_of(read(str(tmp_path / "draft.akn")).units()) == tree


def _tree(units) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(u.kind, u.label, u.heading) for u in units if not u.label.startswith("Preamble")]


def test_a_decimal_outline_is_written_as_articles_with_numbered_paragraphs(tmp_path: Path) -> None:
    """"2. ACQUISITIONS" over "2.1" and "2.1.1", with no word "Article", is Article 2 with its paragraph 1 and
    that paragraph's point 1, as the segmenter reads the .txt: a real heading in every format (an AKN
    ``article`` numbered "2.", a Markdown "###"), and "2.1", "2.1.1" as AKN ``paragraph`` and ``point``."""
    from esa_rules.segment import segment

    text = ("TREATY\n\nThe Parties agree as follows.\n\n1. TERMS\n\n1.1 In this Treaty:\n"
            "1.1.1 \"authority\" means the body designated under 2.1;\n1.1.2 \"person\" means any person.\n\n"
            "2. ACQUISITIONS\n\n2.1 Each Party shall review acquisitions.\n\n2.2 The authorities shall consult.\n\n"
            "3. FINAL PROVISIONS\n\n3.1 This Treaty enters into force on signature.\n")
    blocks = draft_blocks(text)
    assert [(b.role, b.level, b.text[:14]) for b in blocks[2:6]] == [
        ("heading", "article", "1. TERMS"), ("body", "", "1.1 In this Tr"), ("body", "", "1.1.1 \"authori"),
        ("body", "", "1.1.2 \"person\"")]
    written = akn(blocks).decode()
    assert "<article><num>2.</num><heading>ACQUISITIONS</heading>" in written
    assert "<paragraph><num>1.1</num>" in written and "<point><num>1.1.1</num>" in written
    tree = _tree(segment(text).walk())
    assert ("subparagraph", "Article 1, paragraph 1(2)", None) in tree
    (tmp_path / "draft.akn").write_bytes(written.encode())
    (tmp_path / "draft.md").write_text(markdown(blocks), encoding="utf-8")
    (tmp_path / "draft.html").write_text(html_page(blocks), encoding="utf-8")
    for name in ("draft.akn", "draft.md", "draft.html"):
        assert _tree(read(str(tmp_path / name)).units()) == tree, name


def test_an_ordinal_schedule_is_written_as_an_annex_with_its_note_and_its_parts(tmp_path: Path) -> None:
    """"FIRST SCHEDULE" over "(Section 1)" and its title is Annex 1, the note no section of it, and "Part A"
    under it is "Annex 1, Part A", as the segmenter reads the .txt: in AKN an ``annex`` with the note as its
    ``subheading`` and its Parts inside it; in Word and HTML one heading over three lines."""
    from esa_rules.segment import segment

    text = ("AGREEMENT\n\nArticle 1\nScope\n\nThis Agreement applies to minerals.\n\nFIRST SCHEDULE\n(Section 1)\n"
            "UNDERTAKINGS ON MINERALS\n\nPart A \u2014 Undertakings\n1. No duty shall be imposed on minerals.\n\n"
            "Part B \u2014 Minerals\nLithium ores; natural graphite.\n")
    blocks = draft_blocks(text)
    assert [(b.role, b.level, b.text) for b in blocks[4:7]] == [
        ("heading", "annex", "FIRST SCHEDULE"), ("note", "annex", "(Section 1)"),
        ("caption", "annex", "UNDERTAKINGS ON MINERALS")]
    written = akn(blocks).decode()
    assert ("<annex><num>FIRST SCHEDULE</num><heading>UNDERTAKINGS ON MINERALS</heading>"
            "<subheading>(Section 1)</subheading><part><num>Part A</num>") in written
    tree = _tree(segment(text).walk())
    assert [u for u in tree if u[0] in ("annex", "part")] == [
        ("annex", "Annex 1", "UNDERTAKINGS ON MINERALS"), ("part", "Annex 1, Part A", "Undertakings"),
        ("part", "Annex 1, Part B", "Minerals")]
    (tmp_path / "draft.akn").write_bytes(written.encode())
    (tmp_path / "draft.docx").write_bytes(docx(blocks))
    (tmp_path / "draft.html").write_text(html_page(blocks), encoding="utf-8")
    for name in ("draft.akn", "draft.docx", "draft.html"):
        got = _tree(read(str(tmp_path / name)).units())
        assert [u for u in got if u[0] in STRUCTURE] == [u for u in tree if u[0] in STRUCTURE], name
