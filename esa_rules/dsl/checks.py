"""Checks that need more than one node: duplicates, term references, term cycles, located errors.

``parse`` runs the per-file ones; ``load`` runs the term-reference check again once included terms are
visible. Every failure is a ``RulesetError`` pointing at the offending node.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence

from esa_rules.dsl.ast import (
    And,
    Atom,
    Condition,
    Heading,
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
    """Every term reference in a condition, left to right."""
    match condition:
        case Atom(ref=TermRef() as ref):
            yield ref
        case Atom():
            return
        case And(left=left, right=right) | Or(left=left, right=right) | Near(left=left, right=right):
            yield from condition_refs(left)
            yield from condition_refs(right)
        case Not(inner=inner) | Heading(inner=inner):
            yield from condition_refs(inner)


def file_refs(ruleset: RulesetFile) -> Iterator[TermRef]:
    """Every term reference a file makes: in its term definitions, then in its provisions' clauses."""
    for term in ruleset.terms:
        yield from (alt for alt in term.alternatives if isinstance(alt, TermRef))
    for provision in ruleset.provisions:
        for clause in provision.clauses:
            yield from condition_refs(clause.condition)


def check_unknown_terms(ruleset: RulesetFile, visible: Iterable[str], lines: Sequence[str]) -> None:
    names = set(visible)
    for ref in file_refs(ruleset):
        if ref.name not in names:
            raise error_at(f"unknown term '{ref.name}'", ref.pos, lines, did_you_mean(ref.name, names))


def check_names(ruleset: RulesetFile, lines: Sequence[str]) -> None:
    """Duplicate term names and provision ids within one file; keywords used as term names."""
    seen_terms: dict[str, TermsDef] = {}
    for term in ruleset.terms:
        if term.name in KEYWORDS:
            raise error_at(f"'{term.name}' is a keyword and cannot name a term", term.pos, lines)
        if term.name in seen_terms:
            first = seen_terms[term.name].pos
            raise error_at(f"duplicate term '{term.name}'; first defined at {where(first)}", term.pos, lines)
        seen_terms[term.name] = term
    seen_ids: dict[str, Pos | None] = {}
    for provision in ruleset.provisions:
        if provision.id in seen_ids:
            first = seen_ids[provision.id]
            raise error_at(
                f"duplicate provision id '{provision.id}'; first defined at {where(first)}",
                provision.pos,
                lines,
            )
        seen_ids[provision.id] = provision.pos


def check_cycles(terms: Sequence[TermsDef], lines: Sequence[str]) -> None:
    """Reject term definitions that reach themselves (``terms a = b``, ``terms b = a``)."""
    graph: Mapping[str, TermsDef] = {t.name: t for t in terms}
    done: set[str] = set()

    def visit(name: str, path: list[str], via: TermRef | None) -> None:
        if name in path:
            cycle = [*path[path.index(name):], name]
            raise error_at("term reference cycle: " + " -> ".join(cycle), via.pos if via else None, lines)
        if name in done or name not in graph:
            return
        path.append(name)
        for alt in graph[name].alternatives:
            if isinstance(alt, TermRef):
                visit(alt.name, path, alt)
        path.pop()
        done.add(name)

    for term in terms:
        visit(term.name, [], None)


def check_file(ruleset: RulesetFile, lines: Sequence[str]) -> None:
    """The checks one file allows on its own (references to included terms wait for ``load``)."""
    check_names(ruleset, lines)
    check_cycles(ruleset.terms, lines)
    if ruleset.includes:
        return
    check_unknown_terms(ruleset, (t.name for t in ruleset.terms), lines)
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
