"""Where a review comment goes: from a finding's evidence to a Word paragraph and the runs to anchor on.

A finding knows its evidence as the check saw it: a paragraph number (``line``) for a Word draft or a
unit (``eid``) for any draft, the quoted sentence and the matched words as offsets into the quote.
``Paragraphs`` turns that into candidate Word paragraphs; ``Placer`` finds the words in the runs of one
of them (whitespace-tolerant; among several occurrences, the one whose surroundings agree most with the
quote) and splits a run where the words begin or end inside it, so that a comment can cover just the
soft word. Splitting copies the run with its properties: the visible text and its formatting stay.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from esa_rules.readers.docx_numbering import local
from esa_rules.readers.docx_text import Hidden, leaf_text, pieces
from esa_rules.report import Evidence, Finding

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
LONGEST_ANCHOR = 80  # characters: a longer span of matched words is anchored on its first match only
_CONTEXT = 40
_LABEL = re.compile(r"^(\(?[0-9A-Za-z]{1,5}[.)]|Article\s+\S+)\s+")


@attrs.frozen
class Para:
    """A Word paragraph of the review copy and where it stands in the checked draft."""

    element: Any  # the w:p, in python-docx's lxml tree
    number: int  # Word drafts: the paragraph number the reader gives; built copies: position from 1
    host: Any | None = None  # for a paragraph in a text box, the body paragraph holding the box
    span: tuple[int, int] | None = None  # built copies: the range of the Document text it shows
    title: bool = False


@attrs.frozen
class Anchor:
    runs: tuple[Any, ...]  # w:r elements: the comment runs from the first to the last
    misplaced: str | None = None  # the clause it should have been on, when it fell back to the title


class Paragraphs:
    """The paragraphs of a review copy, and which of them a piece of evidence can be in."""

    def __init__(self, paras: list[Para], units: Callable[[str], list[tuple[int, int]]] | None = None) -> None:
        self.paras = paras
        self.units = units  # eid -> text ranges, for built copies; Word drafts go by paragraph number

    def near(self, line: int, end_line: int, eid: str) -> list[Para]:
        if self.units is None:
            return [p for p in self.paras if line <= p.number <= end_line]
        ranges = self.units(eid)
        return [p for p in self.paras if p.span is not None
                and any(p.span[0] < end and start < p.span[1] for start, end in ranges)]

    def title(self) -> Para:
        return next((p for p in self.paras if p.title), self.paras[0])


class Placer:
    def __init__(self, paragraphs: Paragraphs, hidden: Hidden) -> None:
        self.paragraphs = paragraphs
        self.hidden = hidden

    def place(self, finding: Finding) -> Anchor:
        """Weak: the soft wording, else its sentence; violated: the forbidden wording; missing: the denial,
        else the nearest clause; satisfied: the matched words. The title when nothing can be found."""
        roles = {"violated": ("forbid",), "weak": ("soft-wording", "require"), "missing": ("denial",),
                 "satisfied": ("require",)}.get(finding.status, ())
        for role in roles:
            evidence = next((e for e in finding.evidence if e.role == role), None)
            if evidence is None:
                continue
            whole_sentence = role in ("denial",) or (role == "require" and finding.status == "weak")
            runs = self.evidence_runs(evidence, whole_sentence)
            if runs:
                return Anchor(runs)
            return self._fallback(f"{evidence.unit} (line {evidence.line})",
                                  self.paragraphs.near(evidence.line, evidence.end_line, evidence.eid))
        near = finding.nearest
        if near is not None:
            return self._fallback(f"{near.unit} (line {near.line})", self.paragraphs.near(near.line, near.line, near.eid))
        return self.title()

    def title(self) -> Anchor:
        para = self.paragraphs.title()
        runs = self.whole(para) or next(filter(None, (self.whole(p) for p in self.paragraphs.paras)), ())
        return Anchor(runs)

    def _fallback(self, where: str, candidates: list[Para]) -> Anchor:
        """The whole first candidate paragraph, or the title saying where the note belonged."""
        for para in candidates:
            runs = self.whole(para)
            if runs:
                return Anchor(runs)
        return attrs.evolve(self.title(), misplaced=where)

    def whole(self, para: Para) -> tuple[Any, ...]:
        """A paragraph's runs from the first to the last that shows text (a text box: its host's)."""
        if para.host is not None:
            return self.whole(Para(para.host, para.number))
        runs = [run for run, _, text in pieces(para.element, self.hidden) if run is not None and text.strip()]
        return (runs[0], runs[-1]) if runs else ()

    def evidence_runs(self, evidence: Evidence, whole_sentence: bool) -> tuple[Any, ...]:
        candidates = self.paragraphs.near(evidence.line, evidence.end_line, evidence.eid)
        for phrase, before, after in _phrases(evidence, whole_sentence):
            hit = _best_hit(candidates, self.hidden, phrase, before, after)
            if hit is None:
                continue
            para, start, end = hit
            if para.host is not None:
                return self.whole(para)
            return _runs_for(para.element, self.hidden, start, end)
        return ()


def _phrases(evidence: Evidence, whole_sentence: bool) -> list[tuple[str, str, str]]:
    """What to look for, best first, each with the quote's text before and after it."""
    quote = evidence.quote
    body = quote.removeprefix("… ").removesuffix(" …")
    offset = len(quote) - len(quote.removeprefix("… "))
    sentence = [(body, "", "")]
    label = _LABEL.match(body)  # an automatic number ("1.", "(a)") is not in the runs
    if label:
        sentence.append((body[label.end():], "", ""))
    matched: list[tuple[str, str, str]] = []
    if evidence.matches:
        lo = min(m.start for m in evidence.matches)
        hi = max(m.end for m in evidence.matches)
        if hi - lo > LONGEST_ANCHOR:
            first = min(evidence.matches, key=lambda m: m.start)
            lo, hi = first.start, first.end
        matched.append((quote[lo:hi], quote[max(offset, lo - _CONTEXT):lo], quote[hi:hi + _CONTEXT]))
    return sentence + matched if whole_sentence else matched + sentence


def _pattern(phrase: str) -> re.Pattern[str] | None:
    words = [w.strip("*") for w in phrase.split()]
    words = [w for w in words if w]
    return re.compile(r"[\s*]+".join(map(re.escape, words)), re.IGNORECASE) if words else None


def _agree(a: str, b: str, from_end: bool) -> int:
    """How many characters two texts share at their ends (whitespace and case aside)."""
    a, b = " ".join(a.split()).lower(), " ".join(b.split()).lower()
    if from_end:
        a, b = a[::-1], b[::-1]
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _best_hit(candidates: Sequence[Para], hidden: Hidden, phrase: str, before: str,
              after: str) -> tuple[Para, int, int] | None:
    pattern = _pattern(phrase)
    if pattern is None:
        return None
    best: tuple[int, Para, int, int] | None = None
    for para in candidates:
        text = "".join(t for _, _, t in pieces(para.element, hidden))
        for m in pattern.finditer(text):
            score = _agree(before, text[max(0, m.start() - _CONTEXT):m.start()], True) + _agree(
                after, text[m.end():m.end() + _CONTEXT], False)
            if best is None or score > best[0]:
                best = (score, para, m.start(), m.end())
    return best[1:] if best else None


def _runs_for(paragraph: Any, hidden: Hidden, start: int, end: int) -> tuple[Any, ...]:
    """The runs covering text ``start:end`` of a paragraph, splitting the first and the last run where
    the range begins or ends inside them."""
    spans: dict[int, list[Any]] = {}  # id(run) -> [run, its first offset, its end offset]
    offset = 0
    for run, _, text in pieces(paragraph, hidden):
        if run is not None and text:
            spans.setdefault(id(run), [run, offset, offset])[2] = offset + len(text)
        offset += len(text)
    first = next((s for s in spans.values() if s[1] <= start < s[2]), None)
    last = next((s for s in spans.values() if s[1] < end <= s[2]), None)
    if first is None or last is None:
        return ()
    first_run, last_run = first[0], last[0]
    if end < last[2]:
        _split(last_run, end - last[1])
    if start > first[1]:
        first_run = _split(first_run, start - first[1])
        last_run = first_run if last[0] is first[0] else last_run
    return (first_run, last_run)


def _split(run: Any, at: int) -> Any:
    """Cut a run in two at text offset ``at``; return the second part (placed right after the first).
    Both keep the run's properties and every child stays in order, so Word shows exactly what it did."""
    second = copy.deepcopy(run)
    pos = 0
    for mine, theirs in zip(list(run), list(second), strict=True):
        if local(mine.tag) == "rPr":
            continue
        length = len(leaf_text(mine) or "")
        if pos + length <= at and pos < at:
            second.remove(theirs)
        elif pos >= at:
            run.remove(mine)
        else:  # a w:t (or w:delText) across the cut
            cut = at - pos
            text = mine.text or ""
            mine.text, theirs.text = text[:cut], text[cut:]
            mine.set(XML_SPACE, "preserve")
            theirs.set(XML_SPACE, "preserve")
        pos += length
    run.addnext(second)
    return second
