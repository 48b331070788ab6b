"""Draft comparison as plain text (terminal) and Markdown (pull-request comment)."""

from __future__ import annotations

from esa_rules.diff import CHANGES, Diff, DocumentDiff, EvidenceChange, ProvisionChange
from esa_rules.reporters.markdown import cell

# The order a negotiator reads a round in: what got worse first.
ORDER = {change: i for i, change in enumerate(CHANGES)}
MARKS = {"opened": "▼", "weakened": "▼", "strengthened": "▲", "closed": "▲", "unchanged": "=",
         "added": "+", "removed": "-"}


def _sorted(changes: tuple[ProvisionChange, ...]) -> list[ProvisionChange]:
    return sorted(changes, key=lambda c: (ORDER[c.change], c.provision))


def _title(doc: DocumentDiff) -> str:
    return f"{doc.old_path or '(absent)'} -> {doc.new_path or '(absent)'}"


def _evidence_lines(ev: EvidenceChange) -> list[str]:
    lines = []
    for sign, side in (("-", ev.old if ev.kind != "same" else None), (" " if ev.kind == "same" else "+", ev.new)):
        if side is not None:
            role = "" if side.role == "require" else f" [{side.role}]"
            lines.append(f"      {sign} {side.unit}, line {side.line}{role}: {side.quote}")
    return lines


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts[c]} {c}" for c in CHANGES if counts[c]) or "no provisions"


def render_text(diff: Diff) -> str:
    out: list[str] = []
    for doc in diff.documents:
        out.append(_title(doc))
        for change in _sorted(doc.changes):
            before, after = change.old_status or "-", change.new_status or "-"
            out.append(f"  {MARKS[change.change]} {change.provision:<12} {change.change:<12} "
                       f"{before} -> {after}  {change.title}")
            if change.change != "unchanged":
                for ev in change.evidence:
                    out += _evidence_lines(ev)
        out.append(f"  {_summary(doc.counts())}")
        out.append("")
    regressions = len(diff.regressions)
    out.append(f"{_summary(diff.counts())}; {regressions} regression{'s' if regressions != 1 else ''}")
    return "\n".join(out) + "\n"


def render_markdown(diff: Diff) -> str:
    out = ["## esa-rules: changes between drafts", ""]
    regressions = len(diff.regressions)
    out += [f"{_summary(diff.counts())}; **{regressions} regression{'s' if regressions != 1 else ''}**.", ""]
    for doc in diff.documents:
        out += [f"### `{cell(doc.old_path or '(absent)')}` → `{cell(doc.new_path or '(absent)')}`", ""]
        changed = [c for c in _sorted(doc.changes) if c.change != "unchanged"]
        if not changed:
            out += ["No provision changed status.", ""]
            continue
        out += ["| | Provision | Before | After | Where now |", "|---|---|---|---|---|"]
        for c in changed:
            where = "—"
            if c.new and c.new.evidence:
                where = f"{c.new.evidence[0].unit}, line {c.new.evidence[0].line}"
            elif c.new and c.new.nearest:
                where = f"nearest: {c.new.nearest.unit}"
            out.append(f"| {MARKS[c.change]} {c.change} | **{cell(c.provision)}** {cell(c.title)} "
                       f"| {c.old_status or '—'} | {c.new_status or '—'} | {cell(where)} |")
        unchanged = sum(1 for c in doc.changes if c.change == "unchanged")
        out += ["", f"{unchanged} provision(s) unchanged.", ""]
    return "\n".join(out).rstrip("\n") + "\n"
