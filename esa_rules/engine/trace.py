"""The intermediate results of one provision's evaluation, for ``esa-rules explain``.

Everything here reuses verdict.py (the same scopes, matches, strength judgement and declarations), and
the verdict itself comes from ``provision_finding``, the very function ``Checker.check`` calls, so an
explanation can never disagree with the report. What it adds is detail the verdict throws away: every
clause (not just the first failing one), every sub-condition, and the three nearest units instead of one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from esa_rules.document import Document
from esa_rules.dsl.ast import (
    Alternative,
    And,
    Atom,
    Cites,
    Clause,
    Condition,
    Literal,
    Named,
    Near,
    Not,
    Or,
    Provision,
)
from esa_rules.dsl.checks import did_you_mean
from esa_rules.dsl.fmt import render_condition
from esa_rules.engine.conditions import MatchT, evaluate
from esa_rules.engine.context import Declaration
from esa_rules.engine.findings import provision_finding
from esa_rules.engine.index import Scope
from esa_rules.engine.strength import Reading
from esa_rules.engine.verdict import (
    DocContext,
    Located,
    best_match,
    clause_expects,
    denial,
    forbidden_match,
    nearest_units,
)
from esa_rules.errors import UsageError
from esa_rules.levels import Expects
from esa_rules.report import Finding, Nearest

if TYPE_CHECKING:
    from esa_rules.engine import Checker

_QUOTE_LIMIT = 240


@attrs.frozen
class Place:
    unit: str  # "Article 3.2, paragraph 1"
    eid: str
    line: int


@attrs.frozen
class ConditionTrace:
    """One node of a condition: whether it holds in the clause's reference unit, and with which words."""

    text: str  # the node in DSL syntax
    kind: str  # term | and | or | not | near | before | heading | define
    holds: bool  # in the reference unit (the unit that satisfied the clause, else the nearest one)
    words: tuple[str, ...] = ()  # the matched words there, as written in the draft
    elsewhere: Place | None = None  # when it fails in the reference unit: the first unit where it holds
    children: tuple[ConditionTrace, ...] = ()
    description: str | None = None  # of a define, in the rule author's words


@attrs.frozen
class DeclarationTrace:
    kind: str  # non-binding | carve-out
    place: Place
    quote: str
    targets: tuple[str, ...] = ()  # units a carve-out takes out of dispute settlement


@attrs.frozen
class ClauseTrace:
    kind: str  # require | forbid
    scope: str
    text: str
    holds: bool  # require: some unit satisfies it; forbid: forbidden wording found (a violation)
    condition: ConditionTrace
    level: str | None = None  # binding | soft | neutral | negated | exception, of the deciding match
    place: Place | None = None
    quote: str | None = None
    words: tuple[str, ...] = ()
    cues: tuple[tuple[str, str], ...] = ()  # (binding|soft|hedge|negation, the words) that set the level
    reading: Reading | None = None  # of the deciding sentence: bound party, force, conditions
    weakened_by: tuple[DeclarationTrace, ...] = ()
    nearest: tuple[Nearest, ...] = ()  # for a require that fails: up to three closest units


@attrs.frozen
class Trace:
    provision: Provision
    ruleset: str
    path: str
    finding: Finding
    clauses: tuple[ClauseTrace, ...]
    non_binding: tuple[DeclarationTrace, ...] = ()
    carve_outs: tuple[DeclarationTrace, ...] = ()


def trace(checker: Checker, provision_id: str, document: Document) -> Trace:
    """Explain ``provision_id`` (of a ``Checker``'s rulesets) on ``document``."""
    entries = checker.entries
    found = [(r, p, t) for r, p, t in entries if p.id == provision_id]
    if not found:
        known = [p.id for _, p, _ in entries]
        active = ", ".join(r.name for r in checker.rulesets)
        raise UsageError(f"unknown provision '{provision_id}' in the active rulesets ({active})",
                         hint=did_you_mean(provision_id, known) or f"{len(known)} provisions are active; "
                         "`esa-rules rules` lists them")
    ruleset, provision, tids = found[0]
    ctx = checker.context(document)  # the same scan as check, declarations included
    finding = provision_finding(ctx, ruleset, provision, tids)
    clauses = tuple(_clause(ctx, provision, clause, tids) for clause in provision.clauses)
    return Trace(provision, ruleset.name, document.path, finding, clauses,
                 tuple(_declaration(ctx, d) for d in ctx.non_binding),
                 tuple(_declaration(ctx, d) for d in ctx.carve_outs))


def _clause(ctx: DocContext, provision: Provision, clause: Clause, tids: Mapping[Alternative, int]) -> ClauseTrace:
    if clause.kind == "forbid":
        located = forbidden_match(ctx, clause, tids)
    else:
        located = best_match(ctx, clause, clause_expects(provision.expects, clause), tids)
    holds = located is not None
    if located is None and clause_expects(provision.expects, clause) == Expects.OBLIGATION and clause.kind == "require":
        located = denial(ctx, clause, tids)  # shown as the wording that denies the obligation
    near = () if holds or clause.kind == "forbid" else nearest_units(ctx, clause, tids, 3)
    reference = located.scope if located is not None else _scope_of_nearest(ctx, clause, near)
    condition = _condition(ctx, clause, clause.condition, reference, tids)
    base = ClauseTrace(clause.kind, clause.scope, render_condition(clause.condition), holds,
                       condition, nearest=near)
    if located is None:
        return base
    return attrs.evolve(base, level=located.level, place=_place(ctx, located), quote=_sentence(ctx, located),
                        words=_words(ctx, located.match), cues=_cues(ctx, located),
                        reading=located.strength.reading if located.strength else None,
                        weakened_by=tuple(_declaration(ctx, d) for d in located.weakened_by))


def _condition(ctx: DocContext, clause: Clause, cond: Condition, reference: Scope | None,
               tids: Mapping[Alternative, int]) -> ConditionTrace:
    children: tuple[Condition, ...] = ()
    if isinstance(cond, Atom):
        kind = "term"
    elif isinstance(cond, (And, Or)):
        kind, children = ("and" if isinstance(cond, And) else "or"), _chain(cond)
    elif isinstance(cond, Near):
        kind, children = ("before" if cond.ordered else "near"), (cond.left, cond.right)
    elif isinstance(cond, Named):
        kind, children = "define", (cond.condition,)
    elif isinstance(cond, Literal):
        kind, children = "literal", (cond.inner,)
    elif isinstance(cond, Cites):
        kind, children = ("cites devoted" if cond.devoted else "cites"), (cond.inner,)
    else:
        kind, children = ("not" if isinstance(cond, Not) else "heading"), (cond.inner,)
    matches = _matches(ctx, cond, reference, tids) if reference is not None else []
    holds = bool(matches)
    elsewhere = None
    if not holds and kind != "not":
        elsewhere = _first_place(ctx, clause, cond, tids)
    return ConditionTrace(
        render_condition(cond), kind, holds, _words(ctx, matches[0]) if holds else (), elsewhere,
        tuple(_condition(ctx, clause, c, reference, tids) for c in children),
        cond.description if isinstance(cond, Named) else None)


def _chain(cond: And | Or) -> tuple[Condition, ...]:
    """``a or b or c`` parses as ``(a or b) or c``; a reader wants three siblings, not a staircase."""
    out: list[Condition] = []
    for side in (cond.left, cond.right):
        out.extend(_chain(side) if type(side) is type(cond) else (side,))  # type: ignore[arg-type]
    return tuple(out)


def _matches(ctx: DocContext, cond: Condition, scope: Scope, tids: Mapping[Alternative, int]) -> list[MatchT]:
    return evaluate(cond, ctx.index, scope, [(scope.fstart, scope.fend)], tids)


def _first_place(ctx: DocContext, clause: Clause, cond: Condition, tids: Mapping[Alternative, int]) -> Place | None:
    for scope in ctx.index.scopes(clause.scope):
        if _matches(ctx, cond, scope, tids):
            return _unit_place(ctx, scope)
    return None


def _scope_of_nearest(ctx: DocContext, clause: Clause, near: tuple[Nearest, ...]) -> Scope | None:
    if not near:
        return None
    line = near[0].line
    for scope in ctx.index.scopes(clause.scope):
        if scope.unit.eid == near[0].eid and ctx.index.doc.locate(scope.start).line == line:
            return scope
    return None


def _body_start(ctx: DocContext, match: MatchT) -> int:
    """Where a match starts in the body text: a part inside a heading ("heading X") says nothing about
    which clause of the draft carries the match."""
    return ctx.index.to_original(ctx.index.body_start(match))


def _place(ctx: DocContext, located: Located) -> Place:
    if located.match:
        leaf = ctx.index.leaf_at(_body_start(ctx, located.match))
        return Place(leaf.label, leaf.eid, ctx.index.doc.locate(leaf.start).line)
    return _unit_place(ctx, located.scope)


def _unit_place(ctx: DocContext, scope: Scope) -> Place:
    return Place(scope.unit.label, scope.unit.eid, ctx.index.doc.locate(scope.start).line)


def _words(ctx: DocContext, match: MatchT) -> tuple[str, ...]:
    text = ctx.index.doc.text
    spans = sorted(ctx.index.folded.span(fs, fe) for _, fs, fe in match)
    return tuple(dict.fromkeys(_collapse(text[s:e]) for s, e in spans))


def _sentence(ctx: DocContext, located: Located) -> str | None:
    if not located.match:
        return None
    at = _body_start(ctx, located.match)
    span = located.sentence if located.sentence and located.sentence[0] <= at < located.sentence[1] \
        else ctx.index.sentence_at(at)
    return _collapse(ctx.index.doc.text[span[0]:span[1]], _QUOTE_LIMIT)


def _cues(ctx: DocContext, located: Located) -> tuple[tuple[str, str], ...]:
    if located.strength is None or located.sentence is None:
        return ()
    start = located.sentence[0]
    text = ctx.index.doc.text
    return tuple((c.kind, _collapse(text[start + c.start:start + c.end])) for c in located.strength.cues)


def _declaration(ctx: DocContext, decl: Declaration) -> DeclarationTrace:
    leaf = ctx.index.leaf_at(decl.start)
    place = Place(leaf.label, leaf.eid, ctx.index.doc.locate(decl.start).line)
    quote = _collapse(ctx.index.doc.text[decl.start:decl.end], _QUOTE_LIMIT)
    return DeclarationTrace(decl.kind, place, quote, tuple(u.label or "the whole document" for u in decl.targets))


def _collapse(text: str, limit: int | None = None) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    if limit is not None and len(flat) > limit:
        return flat[: limit - 2].rstrip() + " …"
    return flat
