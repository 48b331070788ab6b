"""``esa-rules explain``: a provision's evaluation as a tree a lawyer can follow, or as JSON.

The tree is written for a reader who knows the treaty, not the engine: each line says what was looked
for, whether it was found, where, and with which words; a mark in front (✓ found, ✗ not found) lets the
eye run down the failures.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import attrs

from esa_rules.document import Document
from esa_rules.engine import Checker
from esa_rules.engine.trace import ClauseTrace, ConditionTrace, DeclarationTrace, Place, Trace, trace
from esa_rules.report import Nearest

_SCOPE_WORD = {"sentence": "one sentence", "paragraph": "one paragraph", "article": "one article",
               "chapter": "one chapter", "document": "the document"}
_LEVEL_WORD = {
    "binding": "binding: a binding verb governs it",
    "soft": "soft: only hortatory wording, or weakened by a declaration",
    "neutral": "neutral: no verb commits the Parties to it",
    "negated": "negated: the sentence denies the obligation",
    "exception": "present: an exception or a permission needs no binding verb",
}


def explain(checker: Checker, provision_id: str, document: Document) -> Trace:
    return trace(checker, provision_id, document)


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _at(place: Place | None) -> str:
    return f"{place.unit} (line {place.line})" if place else "nowhere"


def _quoted(words: Sequence[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def render_text(t: Trace) -> str:
    f, p = t.finding, t.provision
    out = [f"{p.id} {p.title}", f"  ruleset {t.ruleset} · topic {p.topic} · severity {p.severity} · "
           f"expects {p.expects}", f"  draft {t.path}", "",
           f"VERDICT: {f.status.upper()}: {f.message}"]
    for reason in f.reasons:
        out.append(f"  - {reason}")
    out.append("")
    for n, clause in enumerate(t.clauses, 1):
        out.extend(_clause_lines(n, clause, p.expects))
        out.append("")
    out.extend(_declaration_lines(t))
    if f.status in ("missing", "weak", "violated") and p.suggest:
        out += ["Model wording:", f"  {p.suggest}", ""]
    return "\n".join(out).rstrip() + "\n"


def _clause_lines(n: int, c: ClauseTrace, expects: str) -> list[str]:
    within = _SCOPE_WORD.get(c.scope, c.scope)
    if c.kind == "forbid":
        head = f"{n}. forbid, within {within}: {c.text}"
        status = ("✗ FOUND: this wording defeats the provision" if c.holds
                  else "✓ not found (or only where it is itself prohibited)")
    else:
        head = f"{n}. {c.kind}, within {within}: {c.text}"
        if c.holds:
            status = "✓ satisfied"
        elif c.level == "negated":
            status = "✗ found only in wording that denies the obligation"
        else:
            status = "✗ not satisfied anywhere"
    lines = [head, f"   {status}"]
    if c.place is not None:
        lines.append(f"   in {_at(c.place)}")
    if c.quote:
        lines.append(f"   \"{c.quote}\"")
    if c.words:
        lines.append(f"   matched words: {_quoted(c.words)}")
    if c.kind != "forbid" and c.level is not None:
        level = c.level
        lines.append(f"   strength: {_LEVEL_WORD.get(level, level)}")
        for kind, words in c.cues:
            lines.append(f"     {kind} wording: '{words}'")
        if c.reading is not None:
            r = c.reading
            lines.append(f"   reading: {r.force}; binds {r.bound or 'no one named'}"
                         + (f"; conditions: {'; '.join(r.conditions)}" if r.conditions else ""))
        for d in c.weakened_by:
            lines.append(f"     weakened by the {d.kind} in {_at(d.place)}")
    lines.append("   conditions:")
    lines.extend(_condition_lines(c.condition, "     "))
    if c.nearest:
        lines.append("   nearest units:")
        lines.extend(_nearest_lines(c.nearest))
    elif c.kind != "forbid" and not c.holds:
        lines.append("   no unit contains any of the words this clause looks for")
    return lines


def _condition_lines(c: ConditionTrace, indent: str) -> list[str]:
    if c.kind == "term":
        line = f"{indent}{_mark(c.holds)} {c.text}"
    elif c.kind == "define":
        about = f" ({c.description})" if c.description else ""
        line = f"{indent}{_mark(c.holds)} {c.text}{about}"
    else:
        line = f"{indent}{_mark(c.holds)} {c.kind}: {c.text}"
    if c.words:
        line += f"  <- {_quoted(c.words)}"
    elif c.elsewhere is not None:
        line += f"  (holds elsewhere: {_at(c.elsewhere)})"
    lines = [line]
    if c.kind != "term":
        for child in c.children:
            lines.extend(_condition_lines(child, indent + "  "))
    return lines


def _nearest_lines(near: Sequence[Nearest]) -> list[str]:
    lines = []
    for i, n in enumerate(near, 1):
        has = ", ".join(n.has) or "nothing"
        lacks = ", ".join(n.lacks) or "nothing (the words are there but not close enough together)"
        lines.append(f"     {i}. {n.unit} (line {n.line}): has {has}; lacks {lacks}")
    return lines


def _declaration_lines(t: Trace) -> list[str]:
    decls: list[DeclarationTrace] = [*t.non_binding, *t.carve_outs]
    if not decls:
        return ["Declarations: none (no non-binding statement, no dispute settlement carve-out)", ""]
    lines = ["Declarations in the draft:"]
    for d in decls:
        if d.kind == "non-binding":
            what = f"{', '.join(d.targets)} declared non-binding" if d.targets else "the draft declares itself non-binding"
        else:
            what = "carve-out from dispute settlement of " + (", ".join(d.targets) or "?")
        lines.append(f"  - {what}: {_at(d.place)}")
        lines.append(f"    \"{d.quote}\"")
    return [*lines, ""]


def render_json(t: Trace) -> str:
    def plain(value: Any) -> Any:
        return attrs.asdict(value, recurse=True) if attrs.has(type(value)) else value

    data = {
        "schema": "esa-rules.explain/1",
        "provision": t.provision.id, "title": t.provision.title, "ruleset": t.ruleset, "path": t.path,
        "status": t.finding.status, "message": t.finding.message, "reasons": list(t.finding.reasons),
        "clauses": [plain(c) for c in t.clauses],
        "non_binding": [plain(d) for d in t.non_binding], "carve_outs": [plain(d) for d in t.carve_outs],
    }
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
