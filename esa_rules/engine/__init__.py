"""The engine: compile rulesets once (``Checker``), then check documents against them.

``Checker`` is picklable (it pickles its rulesets and recompiles), so batches can be mapped over worker
processes, Dask bags or Spark RDDs unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain

import re2

from esa_rules.document import Document
from esa_rules.dsl.ast import (
    Alternative,
    Phrase,
    Provision,
    Regex,
    Ruleset,
    TermRef,
)
from esa_rules.dsl.patterns import expand_pattern
from esa_rules.engine.context import LEXICON_PHRASES, carve_outs, non_binding
from esa_rules.engine.findings import provision_finding
from esa_rules.engine.index import DocIndex
from esa_rules.engine.lists import described_lists
from esa_rules.engine.matcher import PhraseMatcher
from esa_rules.engine.prefilter import atoms
from esa_rules.engine.structure import FAMILIES as STRUCTURE_FAMILIES
from esa_rules.engine.structure import links
from esa_rules.engine.verdict import DocContext
from esa_rules.normalize import fold
from esa_rules.repair import vocabulary_of
from esa_rules.report import DocumentResult

__all__ = ["Checker"]

Leaf = tuple[str, str]  # ("phrase", text) or ("regex", pattern)


def _leaves(ref: Alternative, ruleset: Ruleset, seen: frozenset[str] = frozenset()) -> list[Leaf]:
    if isinstance(ref, Phrase):
        return [("phrase", text) for text in expand_pattern(ref.text)]
    if isinstance(ref, Regex):
        return [("regex", ref.pattern)]
    if ref.name in seen:  # the loader rejects cycles; this only guards against a hand-built AST
        return []
    out: list[Leaf] = []
    for alt in ruleset.terms[ref.name].alternatives:
        out.extend(_leaves(alt, ruleset, seen | {ref.name}))
    return out


def _display(ref: Alternative) -> str:
    if isinstance(ref, TermRef):
        return ref.name
    if isinstance(ref, Phrase):
        return f'"{ref.text}"'
    return f"/{ref.pattern}/"


def _label(ref: Alternative, ruleset: Ruleset) -> str:
    """What a reader of a gap message is told a unit lacks: the term's description, else the first few of
    its phrases as written ("consult*", "meet" or similar wording), never an internal name alone."""
    if isinstance(ref, TermRef) and ruleset.terms[ref.name].description:
        return ruleset.terms[ref.name].description or ""
    if isinstance(ref, Regex):
        return f"wording like /{ref.pattern}/"
    phrases = list(dict.fromkeys(text for kind, text in _leaves(ref, ruleset) if kind == "phrase"))
    shown = [f'"{p}"' for p in phrases[:3]]
    if len(phrases) > 3:
        return ", ".join(shown) + " or similar wording"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


class Checker:
    def __init__(self, rulesets: Sequence[Ruleset]) -> None:
        self.rulesets: tuple[Ruleset, ...] = tuple(rulesets)
        self._compile()

    def _compile(self) -> None:
        term_ids: dict[tuple[Leaf, ...], int] = {}
        self.term_leaves: list[tuple[Leaf, ...]] = []
        self.names: dict[int, str] = {}
        self.labels: dict[int, str] = {}
        self.entries: list[tuple[Ruleset, Provision, dict[Alternative, int]]] = []
        for ruleset in self.rulesets:
            for provision in ruleset.provisions:
                tids: dict[Alternative, int] = {}
                for clause in provision.clauses:
                    for atom in atoms(clause.condition):
                        leaves = tuple(sorted(set(_leaves(atom.ref, ruleset))))
                        if leaves not in term_ids:
                            term_ids[leaves] = len(self.term_leaves)
                            self.term_leaves.append(leaves)
                            self.names[term_ids[leaves]] = _display(atom.ref)
                            self.labels[term_ids[leaves]] = _label(atom.ref, ruleset)
                        tids[atom.ref] = term_ids[leaves]
                self.entries.append((ruleset, provision, tids))
        phrases = sorted({text for leaves in self.term_leaves for kind, text in leaves if kind == "phrase"})
        self._rule_phrases = tuple(phrases)
        # The phrases of the document-wide declarations (non-binding, carve-outs) ride along in the same
        # automaton: two more passes over every text cost a tenth of a check.
        families = {**LEXICON_PHRASES, **STRUCTURE_FAMILIES}
        self._matcher = PhraseMatcher([*phrases, *(p for ps in families.values() for p in ps)])
        # glued words are split into the rules' own words only (esa_rules.repair)
        self._vocabulary = vocabulary_of(self._matcher.folded)
        phrase_index = {p: i for i, p in enumerate(self._matcher.phrases)}
        self._lexicon_ids = {name: sorted({phrase_index[p] for p in ps}) for name, ps in families.items()}
        self._regexes = {text: re2.compile(text) for leaves in self.term_leaves
                         for kind, text in leaves if kind == "regex"}
        # leaf -> the terms it belongs to, so that a scan touches only the phrases that occur
        self._phrase_terms: dict[int, list[int]] = {}
        self._regex_terms: dict[str, list[int]] = {}
        for tid, leaves in enumerate(self.term_leaves):
            for kind, text in leaves:
                if kind == "phrase":
                    self._phrase_terms.setdefault(phrase_index[text], []).append(tid)
                else:
                    self._regex_terms.setdefault(text, []).append(tid)

    def __getstate__(self) -> tuple[Ruleset, ...]:
        return self.rulesets

    def __setstate__(self, rulesets: tuple[Ruleset, ...]) -> None:
        self.rulesets = rulesets
        self._compile()

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every distinct phrase of the rulesets' terms (regex terms aside), as written in the rulesets."""
        return self._rule_phrases

    @property
    def provisions(self) -> list[Provision]:
        return [p for _, p, _ in self.entries]

    def scan(self, folded: str) -> list[list[tuple[int, int]]]:
        """Hits of every term in a folded text: one automaton pass, plus one RE2 pass per regex."""
        return self._term_hits(self._matcher.scan_found(folded), folded)

    def _term_hits(self, found: Mapping[int, list[tuple[int, int]]], folded: str) -> list[list[tuple[int, int]]]:
        per_term: list[list[list[tuple[int, int]]]] = [[] for _ in self.term_leaves]
        for index, hits in found.items():
            for tid in self._phrase_terms.get(index, ()):
                per_term[tid].append(hits)
        # RE2 reads UTF-8: a str is encoded again for every regex and every match's offsets decoded, which
        # cost more than the matching. An ASCII text (most are, once folded) is encoded once, and its byte
        # offsets are its character offsets.
        subject: str | bytes = folded.encode("ascii") if folded.isascii() else folded
        for text, rx in self._regexes.items():
            hits = [m.span() for m in rx.finditer(subject)]
            if hits:
                for tid in self._regex_terms[text]:
                    per_term[tid].append(hits)
        # each list is sorted and free of duplicates already; only several need a merge
        return [lists[0] if len(lists) == 1 else sorted(set().union(*lists)) for lists in per_term]

    def index(self, doc: Document) -> DocIndex:
        """The document folded and scanned once: term hits and the starts of the declaration phrases."""
        folded = fold(doc.text, vocabulary=self._vocabulary)
        found = self._matcher.scan_found(folded.text)
        index = DocIndex(doc, self._term_hits(found, folded.text), folded)
        index.lexicon_starts = {name: sorted({start for i in ids for start, _ in found.get(i, ())})
                                for name, ids in self._lexicon_ids.items()}
        candidates = {name: index.original_starts(name, phrases) for name, phrases in STRUCTURE_FAMILIES.items()}
        index.cue_starts = candidates
        def hits(span: tuple[int, int]) -> bool:
            return index.has_terms_in(*span)
        index.add_links(chain(links(doc, index.resolver, hits, candidates),
                              (link for link in described_lists(doc) if hits(link.source))))
        return index

    def context(self, doc: Document) -> DocContext:
        """What every provision's verdict on ``doc`` draws on: the index and the declarations."""
        index = self.index(doc)
        return DocContext(index, non_binding(index), carve_outs(index), self.names, self.labels)

    def check(self, doc: Document) -> DocumentResult:
        ctx = self.context(doc)
        findings = tuple(provision_finding(ctx, ruleset, provision, tids)
                         for ruleset, provision, tids in self.entries)
        return DocumentResult(path=doc.path, sha256=doc.sha256, title=doc.title, findings=findings,
                              format=doc.format, notices=doc.notices)

    def check_text(self, text: str, path: str = "<text>") -> DocumentResult:
        from esa_rules.readers import read_text

        return self.check(read_text(text, path))

