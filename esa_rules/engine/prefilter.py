"""What can be told from hit lists alone, before a condition is evaluated: the only scopes where it can
hold (``candidate_keys``), and whether it can hold in a span at all (``may_show``). Both may say yes
wrongly, never no: evaluating is what decides."""

from __future__ import annotations

from collections.abc import Mapping

from esa_rules.document import Unit
from esa_rules.dsl.ast import Alternative, And, Atom, Cites, Condition, Heading, Literal, Named, Near, Not, Or
from esa_rules.engine.index import DocIndex

# (condition, term ids) -> the ids its atoms stand for: provisions share the same conditions (defines) under
# different id maps that agree on them, and then share what ``cites`` found
_TERM_IDS: dict[tuple[int, int], tuple[Condition, Mapping[Alternative, int], tuple[int, ...]]] = {}


def term_ids(cond: Condition, tids: Mapping[Alternative, int]) -> tuple[int, ...]:
    """The term ids of a condition's atoms, in order, under one provision's id map (cached by identity)."""
    known = _TERM_IDS.get((id(cond), id(tids)))
    if known is None or known[0] is not cond or known[1] is not tids:
        if len(_TERM_IDS) > 10_000:
            _TERM_IDS.clear()
        known = _TERM_IDS[(id(cond), id(tids))] = (cond, tids, tuple(tids[a.ref] for a in atoms(cond)))
    return known[2]


def nodes(cond: Condition, kind: type) -> list[Condition]:
    """Every node of ``kind`` in a condition, left to right (not below another of the same kind), those
    under ``not``, ``heading``, ``literal``, ``cites`` and defines included."""
    if isinstance(cond, kind):
        return [cond]
    if isinstance(cond, (And, Or, Near)):
        return nodes(cond.left, kind) + nodes(cond.right, kind)
    if isinstance(cond, (Not, Heading, Literal, Cites)):
        return nodes(cond.inner, kind)
    if isinstance(cond, Named):
        return nodes(cond.condition, kind)
    return []


def atoms(cond: Condition) -> list[Atom]:
    """Every atom of a condition, left to right."""
    return [a for a in nodes(cond, Atom) if isinstance(a, Atom)]


def candidate_keys(cond: Condition, index: DocIndex, kind: str, tids: Mapping[Alternative, int]) -> list[int] | None:
    """Keys (``DocIndex.scope_of``) of the only scopes of ``kind`` where ``cond`` can hold, in document
    order; None when it may hold anywhere (``not``, ``heading``).

    ``and`` and ``near`` need both sides in the scope, so their sets intersect: a clause pairing a common
    word with a rare one is evaluated only where the rare one is. Sentences are narrowed to paragraphs
    first, so only the paragraphs that can match are split into sentences.
    """
    within: set[int] | None = None
    if kind == "sentence":
        within = _keys(cond, index, "paragraph", tids, None)
        if within is None:
            return None
    keys = _keys(cond, index, kind, tids, within)
    return None if keys is None else sorted(keys)


def _keys(cond: Condition, index: DocIndex, kind: str, tids: Mapping[Alternative, int],
          within: set[int] | None) -> set[int] | None:
    if isinstance(cond, Atom):
        if within is None:
            return set(index.scope_keys(kind, tids[cond.ref]))
        return index.sentence_keys(tids[cond.ref], within)
    if isinstance(cond, Or):
        left = _keys(cond.left, index, kind, tids, within)
        right = _keys(cond.right, index, kind, tids, within) if left is not None else None
        return None if left is None or right is None else left | right
    if isinstance(cond, (And, Near)):
        left = _keys(cond.left, index, kind, tids, within)
        if left is not None and not left:
            return left
        right = _keys(cond.right, index, kind, tids, within)
        if left is None or right is None:
            return right if left is None else left
        return left & right
    if isinstance(cond, Named) and within is None:  # a define is shared by many provisions: worked out once
        key = ("keys", id(cond), term_ids(cond, tids), kind)
        if key not in index.defines:
            index.defines[key] = _keys(cond.condition, index, kind, tids, None)
        return index.defines[key]  # type: ignore[no-any-return]
    if isinstance(cond, (Named, Literal)):
        return _keys(cond.condition if isinstance(cond, Named) else cond.inner, index, kind, tids, within)
    return None  # not / heading: may hold in a scope without any hit


def may_show(cond: Condition, index: DocIndex, fs: int, fe: int, tids: Mapping[Alternative, int]) -> tuple[bool, bool]:
    """Whether ``cond`` may hold in folded span [fs, fe), and whether a match of it there may have a part,
    from which of its terms have a hit there (no pairing, no distances): a cheap test that is never wrong
    when it says no. ``not`` holds without parts; ``heading`` and ``cites`` find words outside the span."""
    if isinstance(cond, Atom):
        found = index.has_hit(tids[cond.ref], fs, fe)
        return found, found
    if isinstance(cond, Or):
        left, right = may_show(cond.left, index, fs, fe, tids), may_show(cond.right, index, fs, fe, tids)
        return left[0] or right[0], left[1] or right[1]
    if isinstance(cond, (And, Near)):
        left = may_show(cond.left, index, fs, fe, tids)
        if not left[0]:
            return False, False
        right = may_show(cond.right, index, fs, fe, tids)
        return right[0], right[0] and (left[1] or right[1])
    if isinstance(cond, Not):
        return True, False
    if isinstance(cond, (Named, Literal)):
        return may_show(cond.condition if isinstance(cond, Named) else cond.inner, index, fs, fe, tids)
    return True, True


def may_hold_in(cond: Condition, index: DocIndex, unit: Unit, fs: int, fe: int, tids: Mapping[Alternative, int]) -> bool:
    """Whether a match of ``cond`` with a part may lie in ``unit`` (folded [fs, fe)): first by the scopes
    its terms are in, worked out once per document (most of the units that references name are about
    something else, and an article or paragraph is a scope), then by ``may_show``."""
    if unit.kind in ("article", "paragraph"):
        key = index.scope_of(unit.kind, fs)
        if key is not None and index.scopes(unit.kind)[key].unit is unit:
            cache = ("keys", id(cond), term_ids(cond, tids), unit.kind)  # as ``_keys`` keeps a define's
            if cache not in index.defines:
                index.defines[cache] = _keys(cond, index, unit.kind, tids, None)
            keys = index.defines[cache]
            if keys is not None and key not in keys:
                return False
    return may_show(cond, index, fs, fe, tids)[1]
