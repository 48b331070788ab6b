"""Loader warnings: what is legal but probably unintended, found once a ruleset is loaded.

- an alternative that a sibling already covers ("third countries" beside "third country", whose
  plural the language matches anyway; "consultation" beside "consult*");
- a term or define that nothing uses;
- a phrase repeated in two term sets (a concept named twice drifts apart when one copy is edited).

``esa-rules test`` and ``esa-rules rules`` print them; ``--strict`` makes them errors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from esa_rules.dsl.ast import Define, Phrase, Pos, Ruleset, RulesetWarning, TermRef, TermsDef
from esa_rules.dsl.checks import alternative_refs, file_refs
from esa_rules.dsl.patterns import expand_pattern
from esa_rules.normalize import fold_phrase
from esa_rules.phrases import compile_phrase


def lint(ruleset: Ruleset) -> tuple[RulesetWarning, ...]:
    found = [*_covered_alternatives(ruleset), *_repeated_phrases(ruleset), *_unused_names(ruleset)]
    return tuple(sorted(found, key=lambda w: _order(w.pos)))


def _order(pos: Pos | None) -> tuple[str, int, int]:
    return (pos.path, pos.line, pos.column) if pos else ("", 0, 0)


def _own_terms(ruleset: Ruleset) -> Iterator[TermsDef]:
    for source in ruleset.sources:
        yield from source.terms


@lru_cache(maxsize=8192)
def _regex(phrase: str) -> re.Pattern[str]:
    return re.compile(compile_phrase(phrase)[1])


@lru_cache(maxsize=8192)
def _samples(phrase: str) -> tuple[str, ...]:
    """Texts standing for what the phrase matches: as written, with each wildcard cut short and
    continued, and each way of writing its first hyphen. Its inflections are left out on purpose: a
    sibling that matches "third country" matches what "third countries" is meant to find, though not the
    "countrieses" the inflection rule would also accept."""
    out: list[str] = []
    for star in ("", "zq"):
        variant = fold_phrase(phrase).replace("*", star)
        hyphen = variant.find("-")
        out.append(variant)
        if hyphen >= 0:
            out += [variant[:hyphen] + " " + variant[hyphen + 1:], variant[:hyphen] + variant[hyphen + 1:]]
    return tuple(dict.fromkeys(out))


def covers(wide: str, narrow: str) -> bool:
    """Whether every text the phrase ``narrow`` matches is also matched by ``wide``."""
    regex = _regex(wide)
    return all(regex.fullmatch(sample) for sample in _samples(narrow))


def _leaves(ruleset: Ruleset, term: TermsDef, seen: frozenset[str] = frozenset()) -> Iterator[str]:
    for alt in term.alternatives:
        if isinstance(alt, Phrase):
            yield from expand_pattern(alt.text)
        elif isinstance(alt, TermRef) and alt.name in ruleset.terms and alt.name not in seen:
            yield from _leaves(ruleset, ruleset.terms[alt.name], seen | {alt.name})


def _covered_alternatives(ruleset: Ruleset) -> Iterator[RulesetWarning]:
    for term in _own_terms(ruleset):
        for i, alt in enumerate(term.alternatives):
            if not isinstance(alt, Phrase):
                continue
            siblings: list[tuple[str, str]] = []  # (phrase, where it comes from, for the message)
            for j, other in enumerate(term.alternatives):
                # of two identical alternatives, only the later one is the redundant copy
                if j == i or (isinstance(other, Phrase) and other.text == alt.text and j > i):
                    continue
                if isinstance(other, Phrase):
                    siblings += [(p, f'"{other.text}"') for p in expand_pattern(other.text)]
                elif isinstance(other, TermRef) and other.name in ruleset.terms:
                    siblings += [(p, f"term {other.name}") for p in _leaves(ruleset, ruleset.terms[other.name])]
            by = [next((name for p, name in siblings if covers(p, phrase)), None)
                  for phrase in expand_pattern(alt.text)]
            if by and all(by):
                shown = " and ".join(dict.fromkeys(name for name in by if name))
                yield RulesetWarning(f'"{alt.text}" in terms {term.name} is already matched by {shown}; '
                                     "leave it out", alt.pos)


def _repeated_phrases(ruleset: Ruleset) -> Iterator[RulesetWarning]:
    first: dict[str, TermsDef] = {}
    for term in _own_terms(ruleset):
        for alt in term.alternatives:
            if not isinstance(alt, Phrase):
                continue
            key = fold_phrase(alt.text)
            owner = first.setdefault(key, term)
            if owner is not term:
                yield RulesetWarning(f'"{alt.text}" is in terms {owner.name} too; name the concept once '
                                     f"(refer to one term from the other)", alt.pos)


def _unused_names(ruleset: Ruleset) -> Iterator[RulesetWarning]:
    used: set[str] = set()
    for source in ruleset.sources:
        used.update(ref.name for ref in file_refs(source))
        for term in source.terms:
            used.update(ref.name for ref in alternative_refs(term))
    for source in ruleset.sources:
        items: list[TermsDef | Define] = [*source.terms, *source.defines]
        for item in items:
            if item.name not in used:
                what = "term" if isinstance(item, TermsDef) else "define"
                yield RulesetWarning(f"{what} {item.name} is never used", item.pos)
