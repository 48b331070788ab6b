"""The nearest unit to a clause that no unit satisfies, and what it lacks, in plain words.

Candidates come from a cheap count (``DocIndex.best_covers``: how many of the clause's requirement groups
have a word in the unit); each is then judged exactly against the condition tree, so an ``or`` of two
conjunctions is met only by a unit holding one whole branch. "Lacks" names only what is really absent,
by the description the rule author gave it (a term's or a define's), else by a sample of its phrases;
a unit that has every word is said to have them too far apart, or to be about something excluded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from esa_rules.dsl.ast import (
    Alternative,
    And,
    Atom,
    Cites,
    Clause,
    Condition,
    Heading,
    Literal,
    Named,
    Near,
    Or,
    TermRef,
)
from esa_rules.engine.conditions import cited
from esa_rules.engine.index import DocIndex, Scope
from esa_rules.engine.prefilter import nodes, term_ids
from esa_rules.engine.weighing import compiled_weigher
from esa_rules.report import Nearest

_CANDIDATES = 8  # cheap-count candidates judged exactly, per unit asked for


# Conditions are the ruleset's own, alive as long as the checker: their groups are worked out once each
# (keyed by identity, since hashing a condition tree walks all of it).
_GROUPS: dict[int, tuple[Condition, list[tuple[Atom, ...]]]] = {}


def requirement_groups(cond: Condition) -> list[tuple[Atom, ...]]:
    """What a condition asks for, as groups of alternatives: it needs one atom of every group.

    ``a near b and (c or d)`` needs [a], [b] and [c, d]; atoms under ``not`` ask for nothing.
    """
    known = _GROUPS.get(id(cond))
    if known is not None and known[0] is cond:
        return list(known[1])
    groups = _requirement_groups(cond)
    if len(_GROUPS) > 50_000:  # many rulesets loaded in one process over time: start afresh
        _GROUPS.clear()
    _GROUPS[id(cond)] = (cond, groups)
    return list(groups)


def _requirement_groups(cond: Condition) -> list[tuple[Atom, ...]]:
    if isinstance(cond, Atom):
        return [(cond,)]
    if isinstance(cond, (And, Near)):
        return requirement_groups(cond.left) + requirement_groups(cond.right)
    if isinstance(cond, Or):
        return [tuple(dict.fromkeys(a for g in requirement_groups(cond.left) + requirement_groups(cond.right)
                                    for a in g))]
    if isinstance(cond, (Heading, Literal)):
        return requirement_groups(cond.inner)
    if isinstance(cond, Named):
        return requirement_groups(cond.condition)
    return []


Weight = tuple[list[str], int]
Signature = tuple[tuple[bool, ...], ...]
Answer = tuple[Weight, tuple[str, ...], list[str]]  # weight, words found under a `not`, labels of what it has


class _Judge:
    """What one scope lacks for a condition, given the terms that have a word in it. ``memo``: weights of
    defines in this scope, shared by the judges of every provision (with the words they found blocked)."""

    def __init__(self, index: DocIndex, scope: Scope, tids: Mapping[Alternative, int],
                 labels: Mapping[int, str], memo: dict[Any, Any] | None = None) -> None:
        self.index, self.scope, self.tids, self.labels = index, scope, tids, labels
        self._memo = {} if memo is None else memo
        # which terms have a word in the scope: the same for every provision asking
        self._present: dict[int, bool] = self._memo.setdefault("present", {})
        self._heads: list[tuple[int, int]] | None = None
        self.blocked: list[str] = []  # words present under a `not`

    def present(self, tid: int, in_headings: bool = False) -> bool:
        if in_headings:
            headed: dict[int, bool] = self._memo.setdefault("in headings", {})  # per scope, as "present"
            found = headed.get(tid)
            if found is None:
                found = headed[tid] = any(self.index.has_hit(tid, s, e) for s, e in self.headings())
            return found
        present = self._present
        if tid not in present:
            present[tid] = self.index.has_hit(tid, self.scope.fstart, self.scope.fend)
        return present[tid]

    def known_present(self, tids: Sequence[int]) -> dict[int, bool]:
        """``present`` for every one of ``tids``, as the judge's own table of answers."""
        present, has_hit, fstart, fend = self._present, self.index.has_hit, self.scope.fstart, self.scope.fend
        for tid in tids:
            if tid not in present:
                present[tid] = has_hit(tid, fstart, fend)
        return present

    def headings(self) -> list[tuple[int, int]]:
        if self._heads is None:
            index = self.index
            self._heads = [(index.to_folded(u.heading_span[0]), index.to_folded(u.heading_span[1]))
                           for u in index.ancestors(self.scope.unit) if u.heading_span]
            if index.title_span is not None:
                self._heads.append(index.title_span)
        return self._heads

    def lacking(self, cond: Condition, in_headings: bool = False) -> list[str]:
        """The fewest labels whose words would have to be added for every word of ``cond`` to be there."""
        return self.weighed(cond, in_headings)[0]

    def weighed(self, cond: Condition, in_headings: bool = False) -> tuple[list[str], int]:
        """``lacking``, with how many things the labels stand for: a define said as one thing by its
        description weighs what it is made of, so a unit lacking a whole concept is not as near as one
        lacking a single word of it."""
        return compiled_weigher(cond, self.tids)(self, in_headings)  # node by node: see engine/weighing.py


def _unique(labels: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(labels))


class _Plan:
    """What a clause's weight in a scope depends on: which of its terms have a word there (in the scope, and
    in its headings for the terms under ``heading``) and which of its ``cites`` hold there. Scopes that
    agree on those weigh the same, in any document, so each distinct answer is worked out once."""

    def __init__(self, cond: Condition, tids: Mapping[Alternative, int]) -> None:
        self.cond, self.tids = cond, tids
        self.terms = sorted(set(term_ids(cond, tids)))
        self.heading_terms = sorted({t for h in nodes(cond, Heading) for t in term_ids(h, tids)})
        self.cites = [c for c in nodes(cond, Cites) if isinstance(c, Cites)]
        self.weights: dict[Signature, Answer] = {}
        self.said_as = _said_as(cond)
        self.weigh = compiled_weigher(cond, tids)  # ``_Judge.weighed`` of the whole condition

    def signature(self, judge: _Judge) -> Signature:
        present = judge.known_present(self.terms)
        return (tuple(map(present.__getitem__, self.terms)),
                tuple(judge.present(t, True) for t in self.heading_terms),
                tuple(bool(cited(c.inner, judge.index, judge.scope.fstart, judge.scope.fend, self.tids, c.devoted))
                      for c in self.cites))


def _said_as(cond: Condition, define: Named | None = None) -> dict[int, Named]:
    """The innermost described define around each atom written as bare words ("weapon*", "civil[ian] use*"):
    a reader is told of the concept it is part of, not of its patterns."""
    if isinstance(cond, Named):
        return _said_as(cond.condition, cond if cond.description else define)
    if isinstance(cond, Atom):
        return {id(cond): define} if define is not None and not isinstance(cond.ref, TermRef) else {}
    out: dict[int, Named] = {}
    for child in (getattr(cond, "left", None), getattr(cond, "right", None), getattr(cond, "inner", None)):
        if child is not None:
            out.update(_said_as(child, define))
    return out


_PLANS: dict[tuple[int, int], _Plan] = {}


def _plan(cond: Condition, tids: Mapping[Alternative, int]) -> _Plan:
    plan = _PLANS.get((id(cond), id(tids)))
    if plan is None or plan.cond is not cond or plan.tids is not tids:
        if len(_PLANS) > 10_000:
            _PLANS.clear()
        plan = _PLANS[(id(cond), id(tids))] = _Plan(cond, tids)
    return plan


def nearest_units(index: DocIndex, clause: Clause, tids: Mapping[Alternative, int], labels: Mapping[int, str],
                  limit: int) -> tuple[Nearest, ...]:
    """The ``limit`` scopes closest to meeting the clause (fewest things lacking, then holding the words
    that are rarest in the document, then document order), each with what it has and what it lacks.
    ``check`` names the first; ``explain`` shows three."""
    groups = list(dict.fromkeys(requirement_groups(clause.condition)))
    if not groups:
        return ()
    covers = index.best_covers(clause.scope, [[tids[atom.ref] for atom in group] for group in groups],
                               limit * _CANDIDATES)
    terms = sorted({tids[a.ref] for group in groups for a in group})
    plan = _plan(clause.condition, tids)
    judged: list[tuple[int, float, int, Scope, Answer]] = []
    for rank, (key, _) in enumerate(covers):
        scope = index.scopes(clause.scope)[key]
        memo = index.nearest_memo.setdefault((id(scope.unit), scope.fstart, scope.fend), {})
        judge = _Judge(index, scope, tids, labels, memo)
        signature = plan.signature(judge)
        known = plan.weights.get(signature)
        if known is None:
            known = plan.weights[signature] = _weigh_and_say(plan, judge, groups)
        specific = _specific(plan, signature, judge, index, terms)
        judged.append((known[0][1], -specific, rank, scope, known))
    judged.sort(key=lambda j: j[:3])  # ranks differ: the scope and answer never decide
    # only the units shown are located and said (locating a line is a search of the text's line starts)
    return tuple(_said(index, clause, scope, known) for _, _, _, scope, known in judged[:limit])


def _said(index: DocIndex, clause: Clause, scope: Scope, known: Answer) -> Nearest:
    (lacks, _), blocked, has = known
    reason = None
    if not lacks:
        reason = (f"is about something the provision excludes ({', '.join(_unique(blocked))})"
                  if blocked else _arrangement(clause.condition))
    unit = scope.unit
    return Nearest(unit.label, unit.eid, index.doc.locate(scope.start).line, tuple(lacks), tuple(has), reason)


def _weigh_and_say(plan: _Plan, judge: _Judge, groups: list[tuple[Atom, ...]]) -> Answer:
    """A clause's weight in a scope, the words found there under a ``not``, and the labels of the words it
    has. All three follow from the signature alone, so they are worked out once for every scope (of any
    document) that shares it. The labels are said after weighing: naming a define the scope has part of
    weighs it, which may find more blocked words (of a branch the weighing did not need)."""
    weight = plan.weigh(judge, False)
    labels, tids = judge.labels, judge.tids

    def label(atom: Atom) -> str:
        define = plan.said_as.get(id(atom))
        if define is None:
            return labels[tids[atom.ref]]
        said = define.description or ""  # _said_as keeps only described defines
        return said if not judge.lacking(define) else f"some words of {said}"

    has = _unique([label(a) for g in groups for a in g if judge.present(tids[a.ref])])
    return weight, tuple(judge.blocked), has


def _specific(plan: _Plan, signature: Signature, judge: _Judge, index: DocIndex, terms: list[int]) -> float:
    """How specific the words a scope has are: among equals, the unit whose words are the rarer in the
    document (the one article on the council, rather than one of many that mention a mandate). Scopes of
    one document with the same signature have the same answer."""
    key = (id(plan), signature)
    known = index.nearest_has.get(key)
    if known is None or known[0] is not plan:
        present = judge.known_present(terms)
        hits = index.term_hits
        specific = sum(1 / (1 + len(hits[tid])) for tid in terms if present[tid])
        known = index.nearest_has[key] = (plan, specific)
    return known[1]


def _arrangement(cond: Condition) -> str:
    """Why a unit with every word still fails: its words are too far apart, or in the wrong place."""
    if nodes(cond, Near):
        return "has every word the provision needs, but not close enough together"
    if nodes(cond, Heading):
        return "has every word the provision needs, but not under the heading it needs"
    return "has every word the provision needs, but not in the sentence that needs them"
