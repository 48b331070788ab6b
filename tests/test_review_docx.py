"""-f docx: the draft comes back as a Word file with the findings as review comments on their clauses.

python-docx reads the comments back (with the text each is anchored on); the body text, its formatting
and every other part of the package stay as they were; a second check of the copy gives the same
verdicts; the same draft gives the same bytes; LibreOffice opens the copy and sees every comment.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from docgen import PDF_WITH_NOTES, review_docx, soffice, to_pdf
from lxml import etree

from esa_rules.api import check_paths, load_rulesets
from esa_rules.cli import main
from esa_rules.engine import Checker
from esa_rules.errors import InputError
from esa_rules.readers import docx as docx_reader
from esa_rules.readers.docx_numbering import local, wattr
from esa_rules.reporters import render, render_copy

ROOT = Path(__file__).resolve().parents[1]
# parts the review copy is allowed to change: the body gets comment ranges, the package a comments part
CHANGED = {"word/document.xml", "word/comments.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"}


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_rulesets([]))


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("word") / "round3.docx"
    path.write_bytes(review_docx())
    return path


def review(checker: Checker, path: Path, comment_on: str = "gaps") -> tuple[bytes, object]:
    report = check_paths(checker, [str(path)])
    document = report.documents[0]
    return render_copy("docx", report, document, path.read_bytes(), comment_on=comment_on), report


def comments(data: bytes) -> dict[str, tuple[str, str, str]]:
    """Comment id -> (author, text, the body text it is anchored on), read back through python-docx."""
    import docx

    word = docx.Document(io.BytesIO(data))
    anchored: dict[str, str] = {}
    open_ids: set[str] = set()
    for element in word.element.body.iter():
        tag = local(element.tag)
        if tag == "commentRangeStart":
            open_ids.add(wattr(element, "id") or "")
            anchored.setdefault(wattr(element, "id") or "", "")
        elif tag == "commentRangeEnd":
            open_ids.discard(wattr(element, "id") or "")
        elif tag == "t":
            for comment_id in open_ids:
                anchored[comment_id] += element.text or ""
    return {str(c.comment_id): (c.author, c.text, anchored.get(str(c.comment_id), "")) for c in word.comments}


def by_provision(data: bytes) -> dict[str, tuple[str, str]]:
    return {text.split(" · ")[0]: (text, anchor) for author, text, anchor in comments(data).values()
            if author == "esa-rules" and text.startswith("ESA-")}


def test_each_gap_is_a_comment_on_the_wording_it_concerns(checker: Checker, draft: Path) -> None:
    data, report = review(checker, draft)
    notes = by_provision(data)
    findings = {f.provision: f for f in report.documents[0].findings}  # type: ignore[attr-defined]
    gaps = {p for p, f in findings.items() if f.status in ("weak", "missing", "violated")}
    assert set(notes) == gaps  # satisfied provisions get none by default
    text, anchor = notes["ESA-INV-2"]  # weak: on the soft word alone (its run was split around it)
    assert anchor == "endeavour"
    assert text.startswith("ESA-INV-2 · weak · ") and "soft wording: 'endeavour'" in text
    assert "Suggested wording: " in text
    assert notes["ESA-CMP-2"][1] == "suspend its economic security"  # violated: the forbidden wording
    text, anchor = notes["ESA-INS-2"]  # missing: the nearest clause, here the article heading
    assert anchor == "Article 4 Economic Security Committee"
    assert "The nearest clause is Article 4" in text
    assert notes["ESA-EXP-3"][1].startswith("The Parties shall coordinate")  # a clause in a content control


def test_summary_sits_on_the_title_and_existing_comments_stay(checker: Checker, draft: Path) -> None:
    data, report = review(checker, draft)
    found = comments(data)
    mine = [c for c in found.values() if c[0] == "esa-rules"]
    _, text, anchor = mine[0]
    assert anchor == "Agreement on Economic Security between Aldoria and Brennmark"
    assert text.startswith("esa-rules review of round3.docx · 28 provisions checked")
    counts = report.documents[0].counts()  # type: ignore[attr-defined]
    assert f"{counts['missing']} missing" in text and "Rulesets: esa-core" in text
    theirs = comments(draft.read_bytes())
    assert [c for c in found.values() if c[0] != "esa-rules"] == list(theirs.values())


def test_comment_on_all_adds_satisfied_provisions_on_their_evidence(checker: Checker, draft: Path) -> None:
    notes = by_provision(review(checker, draft, comment_on="all")[0])
    text, anchor = notes["ESA-INV-1"]
    assert text.startswith("ESA-INV-1 · satisfied · ") and "Suggested wording" not in text
    assert anchor == "review foreign investments for risks to national security"  # across the bold run


def _formatting(data: bytes) -> list[list[tuple[str, bytes]]]:
    """Per body paragraph, each visible character with the properties of the run that shows it."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    out = []
    for paragraph in root.iter("{*}p"):
        chars: list[tuple[str, bytes]] = []
        for run in paragraph.iter("{*}r"):
            props = run.find("{*}rPr")
            shown = etree.tostring(props, method="c14n") if props is not None else b""
            chars.extend((c, shown) for t in run.iter("{*}t") for c in t.text or "")
        out.append(chars)
    return out


def test_nothing_else_changes(checker: Checker, draft: Path) -> None:
    original = draft.read_bytes()
    data, _ = review(checker, draft, comment_on="all")
    assert draft.read_bytes() == original  # the input is never written
    assert [p.text for p in docx_reader.extract(data, "c.docx")] == [p.text for p in docx_reader.extract(original, "d.docx")]
    assert _formatting(data) == _formatting(original)  # split runs keep their properties
    before, after = zipfile.ZipFile(io.BytesIO(original)), zipfile.ZipFile(io.BytesIO(data))
    assert set(before.namelist()) | {"word/comments.xml"} == set(after.namelist())
    for name in set(before.namelist()) - CHANGED:  # headers, footers, styles, numbering, settings...
        assert before.read(name) == after.read(name) or _c14n(before.read(name)) == _c14n(after.read(name)), name
    body = after.read("word/document.xml").decode()
    assert 'w:author="Party B"' in body and "<w:ins " in body  # the tracked change is still a tracked change


def _c14n(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def test_second_check_of_the_copy_gives_the_same_verdicts(checker: Checker, draft: Path, tmp_path: Path) -> None:
    data, report = review(checker, draft, comment_on="all")
    copy = tmp_path / "round3.docx"
    copy.write_bytes(data)
    again = check_paths(checker, [str(copy)])

    def findings(r: object) -> object:
        return json.loads(render("json", r))["documents"][0]["findings"]

    assert findings(again) == findings(report)  # statuses, evidence, lines: all of it


@pytest.mark.parametrize("sample", ["draft_chapter.md", "carved_out_chapter.txt"])
def test_text_drafts_get_a_built_copy_with_the_same_verdicts(checker: Checker, sample: str, tmp_path: Path) -> None:
    data, report = review(checker, ROOT / "sample_texts" / sample)
    copy = tmp_path / "copy.docx"
    copy.write_bytes(data)
    again = check_paths(checker, [str(copy)])

    def verdicts(r: object) -> dict[str, object]:
        return {f.provision: (f.status, tuple(e.unit for e in f.evidence), f.nearest.unit if f.nearest else None)
                for f in r.documents[0].findings}  # type: ignore[attr-defined]

    assert verdicts(again) == verdicts(report)
    notes = by_provision(data)
    assert len(notes) == sum(f.status in ("weak", "missing", "violated") for f in report.documents[0].findings)  # type: ignore[attr-defined]
    if sample == "draft_chapter.md":
        assert notes["ESA-EXP-2"][1] == "endeavour"
        assert notes["ESA-INS-2"][1] == "Article 5.6 Economic Security Committee"  # a Word heading now
        assert "**" not in "".join(p.text for p in docx_reader.extract(data, "c.docx"))


def test_same_draft_same_bytes(checker: Checker, draft: Path) -> None:
    assert review(checker, draft)[0] == review(checker, draft)[0]
    sample = ROOT / "sample_texts" / "draft_chapter.md"
    assert review(checker, sample)[0] == review(checker, sample)[0]


def test_a_draft_changed_after_the_check_is_refused(checker: Checker, draft: Path) -> None:
    report = check_paths(checker, [str(draft)])
    document = attrs.evolve(report.documents[0], sha256="0" * 64)
    with pytest.raises(InputError, match="changed after it was checked"):
        render_copy("docx", report, document, draft.read_bytes())


def test_cli_one_draft_several_drafts_and_bad_output(draft: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "review.docx"
    result = runner.invoke(main, ["check", str(draft), "-f", "docx", "-o", str(out)])
    assert result.exit_code == 1 and out.read_bytes().startswith(b"PK")  # gaps: exit 1, as for any format
    sample = str(ROOT / "sample_texts" / "draft_chapter.md")
    result = runner.invoke(main, ["check", str(draft), sample, "-f", "docx"])
    assert result.exit_code == 2 and "-o FOLDER" in result.output and "Traceback" not in result.output
    result = runner.invoke(main, ["check", str(draft), sample, "-f", "docx", "-o", str(out)])
    assert result.exit_code == 2 and "must name a folder" in result.output
    folder = tmp_path / "reviews"
    result = runner.invoke(main, ["check", str(draft), sample, "-f", "docx", "-o", str(folder)])
    assert result.exit_code == 1
    assert sorted(p.name for p in folder.iterdir()) == ["draft_chapter.review.docx", "round3.review.docx"]
    before = draft.read_bytes()
    result = runner.invoke(main, ["check", str(draft), "-f", "docx", "-o", str(draft)])
    assert result.exit_code == 2 and "never written" in result.output and draft.read_bytes() == before


def test_libreoffice_opens_the_copy_and_sees_every_comment(checker: Checker, draft: Path, tmp_path: Path) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    data, _ = review(checker, draft)
    copy = tmp_path / "review.docx"
    copy.write_bytes(data)
    from pypdf import PdfReader

    pdf = PdfReader(to_pdf(copy, tmp_path, PDF_WITH_NOTES))
    notes = [a.get_object() for page in pdf.pages for a in page.get("/Annots", [])]
    texts = [str(n.get("/Contents", "")) for n in notes if n.get("/Subtype") == "/Text"]
    assert len(texts) == len(comments(data))  # each comment became a PDF note, the other side's too
    assert any(t.startswith("ESA-CMP-2 · violated") for t in texts)


def test_a_clause_in_a_text_box_is_commented_on_the_paragraph_holding_the_box(checker: Checker, tmp_path: Path) -> None:
    from docgen import para, raw_docx
    from test_readers_docx_content import text_box

    box = para("The Parties should endeavour to exchange information on investment screening.")
    body = para("Article 1 Investment Screening") + f'<w:p><w:r><w:t>See the box.</w:t></w:r>{text_box(box)}</w:p>'
    path = tmp_path / "boxed.docx"
    path.write_bytes(raw_docx(body))
    notes = by_provision(review(checker, path)[0])
    assert notes["ESA-INV-2"][0].startswith("ESA-INV-2 · weak")
    assert notes["ESA-INV-2"][1] == "See the box."


def test_output_targets_are_settled_before_checking(draft: Path, tmp_path: Path) -> None:
    from esa_rules.errors import UsageError
    from esa_rules.output import copy_targets

    with pytest.raises(UsageError, match="not text for the terminal"):
        copy_targets([str(draft)], None, ".review.docx", terminal=True)
    assert copy_targets([str(draft)], None, ".review.docx", terminal=False).file == "-"  # piped: stdout
    with pytest.raises(UsageError, match="never written"):
        copy_targets([str(draft)], str(draft), ".review.docx", terminal=False)
    twins = [tmp_path / "a" / "x.md", tmp_path / "b" / "x.txt"]
    targets = copy_targets([str(p) for p in twins], str(tmp_path / "out"), ".review.docx", terminal=False)
    with pytest.raises(UsageError, match="would both be written"):
        targets.assign([str(p) for p in twins])


def test_a_macro_enabled_draft_gets_a_built_copy(checker: Checker, draft: Path, tmp_path: Path) -> None:
    """python-docx refuses .docm content types; the copy is then built from the checked units."""
    source, target = zipfile.ZipFile(draft), io.BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
                data = data.replace(b"application/vnd.openxmlformats-officedocument.ms-word", b"application/vnd.ms-word")
            out.writestr(name, data)
    docm = tmp_path / "round3.docm"
    docm.write_bytes(target.getvalue())
    data, report = review(checker, docm)
    assert by_provision(data)["ESA-INV-2"][1] == "endeavour"
    copy = tmp_path / "copy.docx"
    copy.write_bytes(data)
    statuses = {f.provision: f.status for f in check_paths(checker, [str(copy)]).documents[0].findings}
    assert statuses == {f.provision: f.status for f in report.documents[0].findings}  # type: ignore[attr-defined]


def test_written_files_are_ordinary_files_not_private_ones(tmp_path: Path) -> None:
    import os

    from esa_rules.output import write_atomic

    target = tmp_path / "review.docx"
    write_atomic(str(target), b"PK")
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
