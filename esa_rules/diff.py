"""Compare two rounds of a draft: per provision, the status before and after and what changed.

Pure: two Reports (or DocumentResults) in, a Diff model out. Evidence is paired by the unit's content
key when readers set one, then by eid, then by the quoted sentence, so an article renumbered between
rounds still pairs with its old self (shown as ``moved``) instead of as one removal and one addition.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

import attrs

from esa_rules.report import DocumentResult, Evidence, Finding, Report

CHANGES: tuple[str, ...] = ("opened", "weakened", "strengthened", "closed", "unchanged", "added", "removed")
# Worse statuses have lower ranks; a waived finding is ranked by the gap it waives, since a waiver is a
# decision about the draft, not a change in it.
RANK: dict[str, int] = {"violated": 0, "missing": 1, "weak": 2, "satisfied": 3}
UNKNOWN_GAP_RANK = RANK["weak"]  # a waiver record from an older report may not say which gap it covered
REGRESSIONS: frozenset[str] = frozenset({"opened", "weakened"})


@attrs.frozen
class EvidenceChange:
    kind: str  # "same" | "moved" | "reworded" | "added" | "removed"
    old: Evidence | None
    new: Evidence | None


@attrs.frozen
class ProvisionChange:
    provision: str
    title: str
    topic: str
    severity: str
    change: str
    old: Finding | None
    new: Finding | None
    evidence: tuple[EvidenceChange, ...] = ()

    @property
    def old_status(self) -> str | None:
        return self.old.status if self.old else None

    @property
    def new_status(self) -> str | None:
        return self.new.status if self.new else None

    @property
    def regression(self) -> bool:
        return self.change in REGRESSIONS


@attrs.frozen
class DocumentDiff:
    old_path: str | None
    new_path: str | None
    changes: tuple[ProvisionChange, ...]

    def counts(self) -> dict[str, int]:
        return {c: sum(1 for p in self.changes if p.change == c) for c in CHANGES}


@attrs.frozen
class Diff:
    documents: tuple[DocumentDiff, ...]

    @property
    def regressions(self) -> list[tuple[DocumentDiff, ProvisionChange]]:
        return [(d, c) for d in self.documents for c in d.changes if c.regression]

    def counts(self) -> dict[str, int]:
        return {c: sum(d.counts()[c] for d in self.documents) for c in CHANGES}


def effective_status(finding: Finding) -> str:
    if finding.status == "waived":
        return finding.waived_status or finding.status
    return finding.status


def classify(old: Finding | None, new: Finding | None) -> str:
    if old is None:
        return "added"
    if new is None:
        return "removed"
    before = RANK.get(effective_status(old), UNKNOWN_GAP_RANK)
    after = RANK.get(effective_status(new), UNKNOWN_GAP_RANK)
    if before == after:
        return "unchanged"
    if after == RANK["satisfied"]:
        return "closed"
    if before == RANK["satisfied"]:
        return "opened"
    return "strengthened" if after > before else "weakened"


def _pair_evidence(old: Iterable[Evidence], new: Iterable[Evidence]) -> tuple[EvidenceChange, ...]:
    left, right = list(old), list(new)
    pairs: list[EvidenceChange] = []
    # Strongest identity first: a content key survives renumbering, an eid survives rewording, and an
    # identical quote survives both a renumbering and a missing key.
    for same_unit in (
        lambda a, b: a.key is not None and a.key == b.key,
        lambda a, b: a.eid == b.eid,
        lambda a, b: a.quote == b.quote,
    ):
        for a in list(left):
            b = next((b for b in right if same_unit(a, b) and a.role == b.role), None)
            if b is None:
                continue
            left.remove(a)
            right.remove(b)
            kind = "same" if a.quote == b.quote and a.eid == b.eid else (
                "reworded" if a.quote != b.quote else "moved")
            pairs.append(EvidenceChange(kind, a, b))
    pairs += [EvidenceChange("removed", a, None) for a in left]
    pairs += [EvidenceChange("added", None, b) for b in right]
    return tuple(pairs)


def diff_documents(old: DocumentResult | None, new: DocumentResult | None) -> DocumentDiff:
    before = {f.provision: f for f in old.findings} if old else {}
    after = {f.provision: f for f in new.findings} if new else {}
    changes = []
    for provision in sorted(before.keys() | after.keys()):
        a, b = before.get(provision), after.get(provision)
        meta = b or a
        assert meta is not None
        changes.append(ProvisionChange(
            provision=provision, title=meta.title, topic=meta.topic, severity=meta.severity,
            change=classify(a, b), old=a, new=b,
            evidence=_pair_evidence(a.evidence if a else (), b.evidence if b else ()),
        ))
    return DocumentDiff(old.path if old else None, new.path if new else None, tuple(changes))


def _pair_documents(
    old: tuple[DocumentResult, ...], new: tuple[DocumentResult, ...]
) -> list[tuple[DocumentResult | None, DocumentResult | None]]:
    if len(old) == 1 and len(new) == 1:
        return [(old[0], new[0])]
    # Two folders of drafts: pair the same file name in each round; anything else stands alone.
    def names(docs: tuple[DocumentResult, ...]) -> dict[str, DocumentResult]:
        return {PurePath(d.path.replace("\\", "/")).name: d for d in docs}

    left, right = names(old), names(new)
    if len(left) < len(old) or len(right) < len(new):
        left, right = {d.path: d for d in old}, {d.path: d for d in new}
    return [(left.get(k), right.get(k)) for k in sorted(left.keys() | right.keys())]


def diff_reports(old: Report, new: Report) -> Diff:
    return Diff(tuple(diff_documents(a, b) for a, b in _pair_documents(old.documents, new.documents)))
