"""What a scope lacks for a condition (``nearest._Judge.weighed``), by closures compiled once per condition.

Weighing a clause in a scope walks its condition tree, defines expanded, once per distinct signature: with
an ``isinstance`` chain and two method calls per node that walk was most of saying what a unit lacks. Each
node here is a closure over its children's: a term lacking is its label; ``and`` and ``near`` lack what
either side lacks; ``or`` the lighter side (the left when it lacks nothing, or weighs no more); ``not``
lacks nothing, but notes the words it found (``blocked``); ``cites`` lacks the citation itself; a define
is weighed once per unit (the judge's memo) and said by its description when none of its words is there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from esa_rules.dsl.ast import Alternative, And, Atom, Cites, Condition, Heading, Literal, Named, Near, Not, Or
from esa_rules.engine.compiled import Memo, memoised
from esa_rules.engine.conditions import cited
from esa_rules.engine.prefilter import term_ids

Weight = tuple[list[str], int]
Weigher = Callable[[Any, bool], Weight]  # (the judge, in headings) -> weight


def _unique(labels: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(labels))


_WEIGHERS: Memo = {}


def compiled_weigher(cond: Condition, tids: Mapping[Alternative, int]) -> Weigher:
    """``f(judge, in_headings)``: the labels ``cond`` lacks in the judge's scope and what they weigh, for
    judges over ``tids``; compiled on first use."""
    return memoised(_WEIGHERS, cond, tids, weigher)


def weigher(cond: Condition, tids: Mapping[Alternative, int]) -> Weigher:
    """``cond`` compiled for judges over ``tids`` (``compiled_weigher`` keeps them)."""
    node = _node(cond, tids)
    if not isinstance(cond, Named):
        return node
    ids: tuple[int, ...] | None = None

    def run(judge: Any, in_headings: bool) -> Weight:  # a define used in several places: once per unit
        nonlocal ids
        if ids is None:
            ids = term_ids(cond, tids)
        key = (id(cond), ids, in_headings)
        known = judge._memo.get(key)
        if known is None:
            before = len(judge.blocked)
            weight = node(judge, in_headings)
            known = judge._memo[key] = (weight, judge.blocked[before:])
        else:
            judge.blocked.extend(known[1])
        return known[0]  # type: ignore[no-any-return]

    return run


def _node(cond: Condition, tids: Mapping[Alternative, int]) -> Weigher:
    if isinstance(cond, Atom):
        return _atom(cond.ref, tids)
    if isinstance(cond, (And, Near)):
        return _both(weigher(cond.left, tids), weigher(cond.right, tids))
    if isinstance(cond, Or):
        return _either(weigher(cond.left, tids), weigher(cond.right, tids))
    if isinstance(cond, Not):
        return _not(cond.inner, weigher(cond.inner, tids), tids)
    if isinstance(cond, Heading):
        inner = weigher(cond.inner, tids)
        return lambda judge, in_headings: inner(judge, True)
    if isinstance(cond, Literal):
        return weigher(cond.inner, tids)
    if isinstance(cond, Cites):
        return _cites(cond, tids)
    if isinstance(cond, Named):
        return _named(cond, weigher(cond.condition, tids), tids)
    raise TypeError(f"unknown condition node {cond!r}")  # pragma: no cover


def _atom(ref: Alternative, tids: Mapping[Alternative, int]) -> Weigher:
    def run(judge: Any, in_headings: bool) -> Weight:
        tid = tids[ref]
        return ([], 0) if judge.present(tid, in_headings) else ([judge.labels[tid]], 1)

    return run


def _both(left: Weigher, right: Weigher) -> Weigher:
    def run(judge: Any, in_headings: bool) -> Weight:
        first, second = left(judge, in_headings), right(judge, in_headings)
        return _unique(first[0] + second[0]), first[1] + second[1]

    return run


def _either(left: Weigher, right: Weigher) -> Weigher:
    def run(judge: Any, in_headings: bool) -> Weight:
        first = left(judge, in_headings)
        if not first[0]:
            return first
        second = right(judge, in_headings)
        return second if second[1] < first[1] else first

    return run


def _not(inner_cond: Condition, inner: Weigher, tids: Mapping[Alternative, int]) -> Weigher:
    from esa_rules.engine.nearest import requirement_groups  # nearest builds on this module

    def run(judge: Any, in_headings: bool) -> Weight:
        if not inner(judge, in_headings)[0]:
            judge.blocked.extend(judge.labels[tids[a.ref]] for g in requirement_groups(inner_cond)
                                 for a in g if judge.present(tids[a.ref], in_headings))
        return [], 0

    return run


def _cites(cond: Cites, tids: Mapping[Alternative, int]) -> Weigher:
    def run(judge: Any, in_headings: bool) -> Weight:
        if cited(cond.inner, judge.index, judge.scope.fstart, judge.scope.fend, tids, cond.devoted):
            return [], 0
        named = cond.inner
        what = (named.description if isinstance(named, Named) and named.description
                else judge.labels[tids[named.ref]] if isinstance(named, Atom) else "what it needs")
        return [f"a reference to provisions on {what}"], 1

    return run


def _named(cond: Named, inner: Weigher, tids: Mapping[Alternative, int]) -> Weigher:
    from esa_rules.engine.nearest import requirement_groups  # nearest builds on this module

    def run(judge: Any, in_headings: bool) -> Weight:
        lacks, weight = inner(judge, in_headings)
        atoms = [a for g in requirement_groups(cond.condition) for a in g]
        nothing_there = not any(judge.present(tids[a.ref], in_headings) for a in atoms)
        if lacks and nothing_there and cond.description:
            return [cond.description], weight
        return lacks, weight

    return run
