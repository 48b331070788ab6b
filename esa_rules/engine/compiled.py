"""Conditions compiled to closures, once per condition and term-id map (``conditions.evaluate`` runs them).

A clause's condition tree, its defines expanded, has a hundred or more nodes; walking it node by node with
an ``isinstance`` test per node type was a third of evaluating it. Compiled, each node is a closure that
calls its children's directly, and a chain of ``or`` is one flat list of branches (the matches of
``a or b or c`` are those of ``a``, then ``b``, then ``c``, however the ``or`` nest). Every node does
exactly what ``conditions.evaluate`` describes for it, caches included.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from esa_rules.dsl.ast import Alternative, And, Atom, Cites, Condition, Heading, Literal, Named, Near, Not, Or
from esa_rules.engine.conditions import TRUE, MatchT, _pair, cited
from esa_rules.engine.index import DocIndex, Scope
from esa_rules.engine.prefilter import term_ids

Ranges = list[tuple[int, int]]
Evaluator = Callable[[DocIndex, Scope, Ranges, bool], list[MatchT]]

T = TypeVar("T")
# (id of a condition, id of a term-id map) -> (condition, map, what was built from them): the conditions and
# maps are the checker's, alive as long as it is; kept with the entry, so that an id is never reused while cached
Memo = dict[tuple[int, int], tuple[Condition, Mapping[Alternative, int], Any]]
_COMPILED: Memo = {}


def memoised(table: Memo, cond: Condition, tids: Mapping[Alternative, int],
             build: Callable[[Condition, Mapping[Alternative, int]], T]) -> T:
    """``build(cond, tids)``, once per condition and term-id map (the evaluators here, the weighers)."""
    known = table.get((id(cond), id(tids)))
    if known is None or known[0] is not cond or known[1] is not tids:
        if len(table) > 20_000:  # many rulesets loaded in one process over time: start afresh
            table.clear()
        known = table[(id(cond), id(tids))] = (cond, tids, build(cond, tids))
    result: T = known[2]
    return result


def compiled(cond: Condition, tids: Mapping[Alternative, int]) -> Evaluator:
    """The evaluator of ``cond`` under ``tids``: ``f(index, scope, ranges, literal)``."""
    return memoised(_COMPILED, cond, tids, _compile)


def _branches(cond: Condition) -> list[Condition]:
    """The branches of a chain of ``or``, left to right."""
    if isinstance(cond, Or):
        return _branches(cond.left) + _branches(cond.right)
    return [cond]


def _compile(cond: Condition, tids: Mapping[Alternative, int]) -> Evaluator:
    if isinstance(cond, Atom):
        return _atoms([cond], tids)
    if isinstance(cond, Or):
        return _or(_branches(cond), tids)
    if isinstance(cond, And):
        return _and(_compile(cond.left, tids), _compile(cond.right, tids))
    if isinstance(cond, Not):
        return _not(_compile(cond.inner, tids))
    if isinstance(cond, Near):
        return _near(_compile(cond.left, tids), _compile(cond.right, tids), cond.distance, cond.ordered)
    if isinstance(cond, Named):
        return _named(cond, _compile(cond.condition, tids), tids)
    if isinstance(cond, Literal):
        return _literal(_compile(cond.inner, tids))
    if isinstance(cond, Cites):
        return _cites(cond, tids)
    if isinstance(cond, Heading):
        return _heading(_compile(cond.inner, tids))
    raise TypeError(f"unknown condition node {cond!r}")  # pragma: no cover - the parser makes no others


def _atoms(atoms: list[Atom], tids: Mapping[Alternative, int]) -> Evaluator:
    """Consecutive atoms of an ``or`` (or one atom): each atom's hits in every range, atom by atom."""
    refs = [a.ref for a in atoms]

    def run(index: DocIndex, scope: Scope, ranges: Ranges, literal: bool) -> list[MatchT]:
        hits_in = index.hits_in
        out: list[MatchT] = []
        for ref in refs:
            tid = tids[ref]
            out += [((tid, s, e),) for fs, fe in ranges for s, e in hits_in(tid, fs, fe, literal)]
        return out

    return run


def _or(branches: list[Condition], tids: Mapping[Alternative, int]) -> Evaluator:
    evaluators: list[Evaluator] = []
    atoms: list[Atom] = []
    for branch in branches:  # each run of atoms becomes one evaluator
        if isinstance(branch, Atom):
            atoms.append(branch)
            continue
        if atoms:
            evaluators.append(_atoms(atoms, tids))
            atoms = []
        evaluators.append(_compile(branch, tids))
    if atoms:
        evaluators.append(_atoms(atoms, tids))

    def run(index: DocIndex, scope: Scope, ranges: Ranges, literal: bool) -> list[MatchT]:
        out: list[MatchT] = []
        for evaluate in evaluators:
            out += evaluate(index, scope, ranges, literal)
        return out

    return run


def _and(left: Evaluator, right: Evaluator) -> Evaluator:
    def run(index: DocIndex, scope: Scope, ranges: Ranges, literal: bool) -> list[MatchT]:
        found = left(index, scope, ranges, literal)
        if not found:
            return []
        other = right(index, scope, ranges, literal)
        if not other:
            return []
        return _pair(found, other, index, None, False)

    return run


def _not(inner: Evaluator) -> Evaluator:
    # what a clause rules out is judged on its own words: a "not" in a schedule it points to does not make
    # "suspend the undertakings set out in Schedule 1" a sentence that bars suspension
    def run(index: DocIndex, scope: Scope, ranges: Ranges, literal: bool) -> list[MatchT]:
        return [] if inner(index, scope, ranges, True) else TRUE

    return run


def _near(left: Evaluator, right: Evaluator, distance: int, ordered: bool) -> Evaluator:
    def run(index: DocIndex, scope: Scope, ranges: Ranges, literal: bool) -> list[MatchT]:
        found = left(index, scope, ranges, literal)
        if not found:
            return []
        other = right(index, scope, ranges, literal)
        return _pair(found, other, index, distance, ordered) if other else []

    return run


def _named(cond: Named, inner: Evaluator, tids: Mapping[Alternative, int]) -> Evaluator:
    """A define is evaluated once per scope and ranges, for all provisions using it."""
    ids: tuple[int, ...] | None = None

    def run(index: DocIndex, scope: Scope, ranges: Ranges, literal: bool) -> list[MatchT]:
        nonlocal ids
        if ids is None:
            ids = term_ids(cond, tids)
        key = ("matches", id(cond), ids, id(scope.unit), tuple(ranges), literal)
        found: list[MatchT] | None = index.defines.get(key)
        if found is None:
            found = index.defines[key] = inner(index, scope, ranges, literal)
        return found

    return run


def _literal(inner: Evaluator) -> Evaluator:
    def run(index: DocIndex, scope: Scope, ranges: Ranges, literal: bool) -> list[MatchT]:
        return inner(index, scope, ranges, True)

    return run


def _cites(cond: Cites, tids: Mapping[Alternative, int]) -> Evaluator:
    inner, devoted = cond.inner, cond.devoted

    def run(index: DocIndex, scope: Scope, ranges: Ranges, literal: bool) -> list[MatchT]:
        return [m for fs, fe in ranges for m in cited(inner, index, fs, fe, tids, devoted)]

    return run


def _heading(inner: Evaluator) -> Evaluator:
    def run(index: DocIndex, scope: Scope, ranges: Ranges, literal: bool) -> list[MatchT]:
        heads = []
        for unit in index.ancestors(scope.unit):
            if unit.heading_span:
                heads.append((index.to_folded(unit.heading_span[0]), index.to_folded(unit.heading_span[1])))
        if index.title_span is not None:
            heads.append(index.title_span)
        return inner(index, scope, heads, literal) if heads else []

    return run
