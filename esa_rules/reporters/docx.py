"""``-f docx``: a copy of the draft with the findings as Word review comments on the clauses they concern.

A Word draft is opened with python-docx and changed only by comment ranges (and, where a comment
covers part of a run, by that run cut in two with the same properties): body text, numbering, styles,
existing comments, tracked changes, headers and footers stay. Any other draft (.txt, .md, .html, .pdf)
gets a Word file built from its units (``docx_build``). The output is deterministic: comments carry no
date and the zip entries a fixed time, so the same draft and rulesets give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from typing import Any

from esa_rules.errors import InputError
from esa_rules.readers.docx_numbering import local, wattr
from esa_rules.readers.docx_text import Hidden, hidden_for, paragraphs
from esa_rules.report import DocumentResult, Finding, Report
from esa_rules.reporters import review_notes
from esa_rules.reporters.docx_anchor import Para, Paragraphs, Placer

COMMENT_ON = ("gaps", "all")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def render(report: Report, document: DocumentResult, source: bytes, *, comment_on: str = "gaps",
           revisions: str = "accepted") -> bytes:
    """The review copy of ``document`` (one of ``report``'s), made from ``source``, the bytes it was
    checked from. ``comment_on="all"`` also comments satisfied provisions, on their evidence."""
    if hashlib.sha256(source).hexdigest() != document.sha256:
        raise InputError("the file changed after it was checked; check it again", path=document.path)
    word, paras, hidden = _open(document, source, revisions)
    placer = Placer(paras, hidden)
    title = placer.title().runs
    if not title:
        raise InputError("the draft shows no text a comment could be put on", path=document.path)
    added = [_comment(word, title, review_notes.summary(report, document, comment_on))]
    for finding in document.findings:
        if _commented(finding, comment_on):
            anchor = placer.place(finding)
            added.append(_comment(word, anchor.runs, review_notes.note(finding, anchor.misplaced)))
    _undate(word, added)
    out = io.BytesIO()
    word.save(out)
    return stable_zip(out.getvalue())


def _commented(finding: Finding, comment_on: str) -> bool:
    if finding.status == "waived":
        return False
    return finding.status != "satisfied" or comment_on == "all"


def _open(document: DocumentResult, source: bytes, revisions: str) -> tuple[Any, Paragraphs, Hidden]:
    """python-docx's view of a Word draft and its paragraphs numbered as the reader numbers them; for
    anything else (or a Word variant python-docx does not open, such as .docm), a copy built from the
    Document."""
    import docx

    if document.format == "docx":
        try:
            word = docx.Document(io.BytesIO(source))
        except ValueError:  # a macro-enabled document or a template: python-docx refuses its content type
            word = None
        except Exception as exc:  # the reader accepted it, so this is python-docx's limit: say which file
            raise InputError(f"cannot open the Word file to write its review copy ({exc})",
                             path=document.path) from None
        if word is not None:
            hidden = hidden_for(revisions)
            return word, word_paragraphs(word.element.body, hidden), hidden
    from esa_rules.readers import read
    from esa_rules.reporters.docx_build import build

    checked = read(document.path, data=source, options={"revisions": revisions})
    word, paras = build(checked)
    return word, paras, hidden_for("accepted")


def word_paragraphs(body: Any, hidden: Hidden) -> Paragraphs:
    """Every paragraph of a Word body with the number the reader gives it (text boxes share their
    host's); the first in the Title style is the title."""
    paras: list[Para] = []
    number = 0
    titled = False
    for element, host in paragraphs(body, hidden):
        number += host is None
        style = next((wattr(s, "val") for s in element.iterfind("./{*}pPr/{*}pStyle")), None)
        title = not titled and host is None and (style or "").lower() == "title"
        titled = titled or title
        paras.append(Para(element, number, host=host, title=title))
    return Paragraphs(paras)


def _comment(word: Any, runs: tuple[Any, ...], lines: list[str]) -> int:
    """Add one comment over ``runs`` (first to last): its first line in bold, then one paragraph a line."""
    from docx.text.run import Run

    comment = word.add_comment([Run(runs[0], word), Run(runs[-1], word)], text="",
                               author=review_notes.AUTHOR, initials=review_notes.INITIALS)
    comment.paragraphs[0].add_run(lines[0]).bold = True
    for line in lines[1:]:
        comment.add_paragraph(line)
    return int(comment.comment_id)


def _undate(word: Any, ids: list[int]) -> None:
    """python-docx stamps each new comment with the current time; a review copy must not vary by run."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    comments = word.part.part_related_by(RT.COMMENTS).element
    wanted = {str(i) for i in ids}
    for element in comments:
        if local(element.tag) == "comment" and wattr(element, "id") in wanted:
            for key in [k for k in element.attrib if local(k) == "date"]:
                del element.attrib[key]


def stable_zip(data: bytes) -> bytes:
    """The same package with every entry at a fixed time and mode (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info))
    return out.getvalue()
