"""Turn the located matches of one provision into its Finding: status, evidence, reasons, message."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from esa_rules.dsl.ast import Alternative, Clause, Provision, Ruleset
from esa_rules.engine.conditions import evaluate
from esa_rules.engine.verdict import (
    DocContext,
    Located,
    candidate_scopes,
    clause_expects,
    evidence,
    forbidden_match,
    judge,
    nearest,
    search,
)
from esa_rules.levels import Expects, Level, Status, status_of
from esa_rules.report import Evidence, Finding, Nearest


def provision_finding(ctx: DocContext, ruleset: Ruleset, provision: Provision,
                      tids: Mapping[Alternative, int]) -> Finding:
    def finding(status: str, message: str, **kw: object) -> Finding:
        return Finding(provision=provision.id, title=provision.title, topic=provision.topic,
                       severity=provision.severity, status=status, message=message,
                       suggest=provision.suggest, why=provision.why, source=provision.source,
                       ruleset=ruleset.name, **kw)  # type: ignore[arg-type]

    for clause in provision.forbids:
        hit = forbidden_match(ctx, clause, tids)
        if hit is not None:
            shown = evidence(ctx, hit, "forbid")
            where = shown[0].unit if shown else "the document"
            return finding("violated", f"forbidden wording in {where}", evidence=tuple(shown),
                           reasons=(f"wording that defeats the provision in {where}",))

    located: list[Located] = []
    for clause in provision.requires:
        expects = clause_expects(provision.expects, clause)
        hit, denied = search(ctx, clause, expects, tids)
        if hit is None:
            near = nearest(ctx, clause, tids)
            partial = tuple(e for loc in located for e in evidence(ctx, loc, "require"))
            denied = denied if expects == Expects.OBLIGATION else None
            if denied is not None:
                shown = evidence(ctx, denied, "denial")
                words = _cue_words(ctx, denied)
                return finding("missing", f"denied: {shown[0].unit} (line {shown[0].line}) says there is no "
                               f"such obligation ({words})", evidence=partial + tuple(shown), nearest=near,
                               reasons=(f"the wording found denies the obligation: {words}",))
            if near is not None and near.lacks:
                message = f"not found; nearest is {near.unit} (line {near.line}), which lacks {_words(near.lacks)}"
            elif near is not None:
                near = _mentioned_only(ctx, clause, tids, near)
                message = f"not found; nearest is {near.unit} (line {near.line}), which {near.reason}"
            else:
                message = "not found: no related wording anywhere in the document"
            return finding("missing", message, evidence=partial, nearest=near)
        located.append(hit)

    ev: list[Evidence] = []
    for loc in located:
        ev.extend(evidence(ctx, loc, "require"))
    if status_of([loc.level for loc in located]) == Status.SATISFIED:
        where = ev[0].unit if ev else "the document"
        kind = "exception" if provision.expects == Expects.EXCEPTION else "binding wording"
        return finding("satisfied", f"satisfied by {kind} in {where}", evidence=tuple(dict.fromkeys(ev)))
    weak = [loc for loc in located if not loc.level.full]
    reasons = tuple(dict.fromkeys(r for loc in weak for r in _reasons(ctx, loc)))
    where = ev[0].unit if ev else "the document"
    return finding("weak", f"only in weak form in {where}: {'; '.join(reasons)}", evidence=tuple(dict.fromkeys(ev)),
                   reasons=reasons)


def _cue_words(ctx: DocContext, loc: Located) -> str:
    text, sentence = ctx.index.doc.text, loc.sentence
    if loc.strength is None or sentence is None:
        return "a denial"
    return ", ".join(f"'{text[sentence[0] + c.start:sentence[0] + c.end]}'" for c in loc.strength.cues)


def _reasons(ctx: DocContext, loc: Located) -> list[str]:
    doc = ctx.index.doc
    out: list[str] = []
    for decl in loc.weakened_by:
        line = doc.locate(decl.start).line
        if decl.kind == "non-binding" and decl.targets:
            covered = ", ".join(t.label for t in decl.targets)
            out.append(f"{covered} declared non-binding (line {line})")
        elif decl.kind == "non-binding":
            out.append(f"the document declares itself non-binding (line {line})")
        else:
            where = ctx.index.leaf_at(decl.start).label
            out.append(f"carved out of dispute settlement by {where} (line {line})")
    strength = loc.strength
    if strength is not None and any(c.kind == "bracketed" for c in strength.cues):
        out.insert(0, "in square brackets: text the negotiators have not agreed")
    elif strength is not None and strength.level == Level.SOFT and strength.cues and loc.sentence is not None:
        words = sorted({doc.text[loc.sentence[0] + c.start:loc.sentence[0] + c.end] for c in strength.cues})
        out.insert(0, "soft wording: " + ", ".join(f"'{w}'" for w in words))
    elif not loc.weakened_by:
        out.append("no binding verb (shall, must, agree) governs it")
    return out


def _words(names: tuple[str, ...]) -> str:
    return "; ".join(names)


# Where every word of a clause is in the nearest unit and they do hold together, but the place commits no one
_MENTIONED_ONLY = {
    Level.DEFINITION: "has the words, but only in a definition, which binds no one",
    Level.RECITAL: "has the words, but only in a recital of the preamble, which commits no one",
    Level.HEADING_ONLY: "has the words, but only in a heading, which is no provision",
    Level.CONTEXT_ONLY: "has the words only through a definition, reference or back-reference, none of its own",
    Level.EXCLUDED: "has the words, but only in a note, a Party's proposal or a dispute-settlement exclusion, "
                    "not in agreed text",
}


def _mentioned_only(ctx: DocContext, clause: Clause, tids: Mapping[Alternative, int], near: Nearest) -> Nearest:
    """``near`` with a true reason when its words do hold together but only where nothing is committed (a
    definition, a recital, a heading): "not close enough together" would send the drafter the wrong way."""
    for scope in candidate_scopes(ctx, clause, tids):
        if scope.unit.eid != near.eid:
            continue
        for match in evaluate(clause.condition, ctx.index, scope, [(scope.fstart, scope.fend)], tids):
            level = judge(ctx, scope, match, Expects.OBLIGATION, clause.kind).level
            if level in _MENTIONED_ONLY:
                return attrs.evolve(near, reason=_MENTIONED_ONLY[level])
    return near
