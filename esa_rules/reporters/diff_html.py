"""Draft comparison as a self-contained HTML page, in the look of the gap report."""

from __future__ import annotations

import attrs

from esa_rules.diff import Diff, EvidenceChange
from esa_rules.reporters.diff_text import ORDER
from esa_rules.reporters.html import render_page
from esa_rules.reporters.html_view import name_parts
from esa_rules.reporters.quotes import ROLE_LABELS, Segment, segments

KIND_LABELS = {"same": "", "moved": "Same words, another unit", "reworded": "Same unit, reworded",
               "added": "New in this draft", "removed": "Gone from this draft"}


@attrs.frozen
class QuoteView:
    unit: str
    line: int
    role: str
    role_label: str
    segments: tuple[Segment, ...]


@attrs.frozen
class PairView:
    kind: str
    label: str
    old: QuoteView | None
    new: QuoteView | None


@attrs.frozen
class ChangeView:
    provision: str
    title: str
    severity: str
    change: str
    regression: bool
    before: str
    after: str
    pairs: tuple[PairView, ...]


@attrs.frozen
class DiffDocumentView:
    old_path: str
    new_path: str
    old_parts: tuple[str, ...]  # the paths in pieces that may each end a line (never mid-word)
    new_parts: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]
    changes: tuple[ChangeView, ...]


def _quote(side: EvidenceChange, new: bool) -> QuoteView | None:
    ev = side.new if new else side.old
    if ev is None:
        return None
    return QuoteView(ev.unit, ev.line, ev.role, ROLE_LABELS.get(ev.role, ev.role), segments(ev.quote, ev))


def build_view(diff: Diff) -> tuple[DiffDocumentView, ...]:
    documents = []
    for doc in diff.documents:
        changes = tuple(
            ChangeView(
                provision=c.provision, title=c.title, severity=c.severity, change=c.change,
                regression=c.regression, before=c.old_status or "absent", after=c.new_status or "absent",
                pairs=tuple(PairView(ev.kind, KIND_LABELS.get(ev.kind, ev.kind), _quote(ev, False), _quote(ev, True)) for ev in c.evidence),
            )
            for c in sorted(doc.changes, key=lambda c: (ORDER[c.change], c.provision))
        )
        old_path, new_path = doc.old_path or "(absent)", doc.new_path or "(absent)"
        documents.append(DiffDocumentView(
            old_path=old_path, new_path=new_path, old_parts=name_parts(old_path), new_parts=name_parts(new_path),
            counts=tuple((k, v) for k, v in doc.counts().items() if v), changes=changes,
        ))
    return tuple(documents)


def render_html(diff: Diff) -> str:
    totals = diff.counts()
    return render_page(
        "diff.html.j2", title="Changes between drafts", documents=build_view(diff),
        totals=tuple((k, v) for k, v in totals.items()), regressions=len(diff.regressions),
    )
