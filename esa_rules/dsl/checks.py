"""Checks that need more than one node: duplicates, name references, reference cycles, located errors.

Terms (phrase sets) and defines (named conditions) share one namespace. ``parse`` runs the per-file
checks; ``load`` runs the reference check again once included names are visible. Every failure is a
``RulesetError`` pointing at the offending node.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence

from esa_rules.dsl.ast import (
    And,
    Atom,
    Cites,
    Condition,
    Define,
    Heading,
    Literal,
    Named,
    Near,
    Not,
    Or,
    Pos,
    RulesetFile,
    TermRef,
    TermsDef,
)
from esa_rules.errors import RulesetError

# Words the grammar treats as keywords somewhere; a term with such a name would read ambiguously.
KEYWORDS = frozenset(
    [
        "ruleset",
        "version",
        "include",
        "terms",
        "define",
        "provision",
        "override",
        "disable",
        "topic",
        "severity",
        "expects",
        "why",
        "source",
        "suggest",
        "require",
        "permit",
        "forbid",
        "example",
        "in",
        "and",
        "or",
        "not",
        "heading",
        "literal",
        "cites",
        "devoted",
    ]
)


def error_at(
    message: str, pos: Pos | None, lines: Sequence[str] | None = None, hint: str | None = None
) -> RulesetError:
    """A ``RulesetError`` at ``pos``, carrying the source line so ``str()`` can draw the caret."""
    if pos is None:
        return RulesetError(message, hint=hint)
    source_line = None
    if lines is not None and 1 <= pos.line <= len(lines):
        source_line = lines[pos.line - 1]
    return RulesetError(
        message, path=pos.path, line=pos.line, column=pos.column, source_line=source_line, hint=hint
    )


def where(pos: Pos | None) -> str:
    return "an unknown place" if pos is None else f"{pos.path}:{pos.line}:{pos.column}"


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def condition_refs(condition: Condition) -> Iterator[TermRef]:
    """Every name a condition uses (a term or a define), left to right."""
    match condition:
        case Atom(ref=TermRef() as ref):
            yield ref
        case Atom():
            return
        case And(left=left, right=right) | Or(left=left, right=right) | Near(left=left, right=right):
            yield from condition_refs(left)
            yield from condition_refs(right)
        case Not(inner=inner) | Heading(inner=inner) | Literal(inner=inner) | Cites(inner=inner):
            yield from condition_refs(inner)
        case Named(condition=inner):
            yield from condition_refs(inner)


def alternative_refs(term: TermsDef) -> Iterator[TermRef]:
    yield from (alt for alt in term.alternatives if isinstance(alt, TermRef))


def file_refs(ruleset: RulesetFile) -> Iterator[TermRef]:
    """Every name a file uses in a condition: in its defines, then in its provisions' clauses."""
    for define in ruleset.defines:
        yield from condition_refs(define.condition)
    for provision in ruleset.provisions:
        for clause in provision.clauses:
            yield from condition_refs(clause.condition)


def check_unknown_terms(ruleset: RulesetFile, terms: Iterable[str], lines: Sequence[str],
                        defines: Iterable[str] = ()) -> None:
    """Every name used is visible: a term list names terms only; a condition names terms or defines."""
    term_names, define_names = set(terms), set(defines)
    known = term_names | define_names
    for term in ruleset.terms:
        for ref in alternative_refs(term):
            if ref.name in define_names:
                raise error_at(f"'{ref.name}' is a define (a condition), not a term; a terms list can only "
                               "name phrases and other terms", ref.pos, lines,
                               f"use '{ref.name}' in a condition, or list its phrases in a term")
            if ref.name not in term_names:
                raise error_at(f"unknown term '{ref.name}'", ref.pos, lines, did_you_mean(ref.name, term_names))
    for ref in file_refs(ruleset):
        if ref.name not in known:
            raise error_at(f"unknown term or define '{ref.name}'", ref.pos, lines, did_you_mean(ref.name, known))


def check_names(ruleset: RulesetFile, lines: Sequence[str]) -> None:
    """Duplicate names (terms and defines share one namespace) and provision ids within one file;
    keywords used as names."""
    seen: dict[str, TermsDef | Define] = {}
    items: list[TermsDef | Define] = [*ruleset.terms, *ruleset.defines]
    for item in items:
        what = "term" if isinstance(item, TermsDef) else "define"
        if item.name in KEYWORDS:
            raise error_at(f"'{item.name}' is a keyword and cannot name a {what}", item.pos, lines)
        if item.name in seen:
            first = seen[item.name]
            kind = "term" if isinstance(first, TermsDef) else "define"
            message = (f"duplicate {what} '{item.name}'; first defined at {where(first.pos)}" if kind == what
                       else f"'{item.name}' is already the name of a {kind} (at {where(first.pos)}); terms and "
                       "defines share one set of names")
            raise error_at(message, item.pos, lines)
        seen[item.name] = item
    seen_ids: dict[str, Pos | None] = {}
    for provision in ruleset.provisions:
        if provision.id in seen_ids:
            first_pos = seen_ids[provision.id]
            raise error_at(
                f"duplicate provision id '{provision.id}'; first defined at {where(first_pos)}",
                provision.pos,
                lines,
            )
        seen_ids[provision.id] = provision.pos


def check_cycles(ruleset: RulesetFile, lines: Sequence[str]) -> None:
    """Reject terms and defines that reach themselves (``terms a = b``, ``terms b = a``; ``define x = y
    and z``, ``define y = x``): a term or define can only be used once it means something."""
    terms = {t.name for t in ruleset.terms}
    graph: dict[str, list[TermRef]] = {t.name: list(alternative_refs(t)) for t in ruleset.terms}
    graph.update({d.name: list(condition_refs(d.condition)) for d in ruleset.defines})
    done: set[str] = set()

    def visit(name: str, path: list[str], via: TermRef | None) -> None:
        if name in path:
            cycle = [*path[path.index(name):], name]
            what = "term" if all(n in terms for n in cycle) else "define"
            raise error_at(f"{what} reference cycle: " + " -> ".join(cycle), via.pos if via else None, lines,
                           f"a {what} cannot be part of its own meaning")
        if name in done or name not in graph:
            return
        path.append(name)
        for ref in graph[name]:
            visit(ref.name, path, ref)
        path.pop()
        done.add(name)

    for name in graph:
        visit(name, [], None)


def check_file(ruleset: RulesetFile, lines: Sequence[str]) -> None:
    """The checks one file allows on its own (references to included terms wait for ``load``)."""
    check_names(ruleset, lines)
    check_cycles(ruleset, lines)
    if ruleset.includes:
        return
    check_unknown_terms(ruleset, (t.name for t in ruleset.terms), lines, (d.name for d in ruleset.defines))
    if not ruleset.provisions:
        raise error_at(
            f"ruleset '{ruleset.name}' has no provisions and includes no other ruleset", ruleset.pos, lines
        )
    own = {p.id for p in ruleset.provisions}
    for override in ruleset.overrides:
        if override.provision not in own:
            verb = "disable" if override.disabled else "override"
            raise error_at(
                f"cannot {verb} unknown provision '{override.provision}'",
                override.pos,
                lines,
                did_you_mean(override.provision, own),
            )
