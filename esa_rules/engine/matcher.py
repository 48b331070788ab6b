"""One automaton for every phrase of every active ruleset; one scan per text.

A phrase is compiled into (a) the literal prefix that any match must start with, which goes into a
single Aho-Corasick automaton, and (b) an anchored regular expression that verifies the rest (wildcards,
inflection of the last word, word boundaries). Scanning is one pass of the automaton over the folded
text, plus a cheap verification per candidate: the work grows with hits, not with rules times text.
Regex terms (``/.../``) are compiled with RE2, which guarantees linear time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import ahocorasick

from esa_rules.normalize import fold_phrase
from esa_rules.phrases import compile_phrase, phrase_keys
from esa_rules.usercache import kept, source_key

# A verified match of one phrase: (start, end) in folded-text offsets. Plain tuples: there are many.
Hit = tuple[int, int]


PhraseRow = tuple[str, str, tuple[str, ...]]  # (folded phrase, verification regex, automaton keys)


def _build_table(phrases: tuple[str, ...]) -> list[PhraseRow]:
    rows = []
    for phrase in phrases:
        key, regex = compile_phrase(phrase)
        rows.append((fold_phrase(phrase), regex, phrase_keys(phrase, key)))
    return rows


def _valid_table(count: int) -> Callable[[object], bool]:
    def valid(data: object) -> bool:
        return isinstance(data, list) and len(data) == count and all(
            isinstance(row, tuple) and len(row) == 3 and type(row[0]) is str and type(row[1]) is str
            and isinstance(row[2], tuple) and all(type(k) is str for k in row[2]) for row in data)
    return valid


def phrase_table(phrases: tuple[str, ...]) -> list[PhraseRow]:
    """Each phrase compiled (folded, regex, keys). Folding and compiling 1,400 phrases is a third of a
    short check, so a run with the user's cache on keeps the table (usercache.kept), keyed by the
    phrases and the code that compiles them. Only the sizeable tables of rulesets are kept."""
    if len(phrases) < 200:
        return _build_table(phrases)
    here = Path(__file__).resolve().parent.parent
    sources = (here / "phrases.py", here / "normalize.py", here / "spelling.py")
    key = source_key("phrases", 1, phrases, sources=sources)
    return kept("phrases", key, lambda: _build_table(phrases), _valid_table(len(phrases)))


class PhraseMatcher:
    """Finds every phrase of a set in a folded text in one pass."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases: tuple[str, ...] = tuple(dict.fromkeys(phrases))
        table = phrase_table(self.phrases)
        self.folded: tuple[str, ...] = tuple(row[0] for row in table)  # each phrase as fold_phrase has it
        by_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._several_keys: list[int] = []  # phrases whose hits may arrive out of start order
        for index, (_, regex, keys) in enumerate(table):
            if len(keys) > 1:
                self._several_keys.append(index)
            for key in keys:
                by_key[key].append((index, regex))
        # Phrases that share a key ("invest" for "invest*", "invest* framework", ...): the one-word ones
        # are tried directly (they match at most candidates anyway); the longer ones are behind one
        # alternation, which fails in C for most candidates, and are compiled and tried one by one only
        # when it matches. Trying each phrase at every candidate made ten times the phrases cost three
        # times the scan. Every regex is compiled when its key first occurs: with thousands of phrases,
        # compiling them all up front cost more than checking a short draft or a corpus with most of them.
        self._sources: dict[int, str] = {}
        self._single: dict[int, re.Pattern[str]] = {}
        self._group_sources: list[tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]]] = []
        self._groups: dict[int, tuple[tuple[tuple[int, re.Pattern[str]], ...], re.Pattern[str] | None]] = {}
        self._compiled: dict[int, tuple[tuple[int, re.Pattern[str]], ...]] = {}
        self._automaton = ahocorasick.Automaton()
        for key, entries in by_key.items():
            if len(entries) == 1:
                index, regex = entries[0]
                self._sources[index] = regex
                self._automaton.add_word(key, (len(key), None, index))
                continue
            direct = tuple((i, r) for i, r in entries if " " not in self.phrases[i].strip())
            longer = tuple((i, r) for i, r in entries if " " in self.phrases[i].strip())
            self._automaton.add_word(key, (len(key), True, len(self._group_sources)))
            self._group_sources.append((direct, longer))
        if by_key:
            self._automaton.make_automaton()
        self._empty = not by_key

    def _compile_group(self, group: int) -> tuple[tuple[tuple[int, re.Pattern[str]], ...], re.Pattern[str] | None]:
        direct, longer = self._group_sources[group]
        # a bare alternation (no phrase regex has a top-level "|"), so that ``re`` factors out the
        # prefix the phrases share instead of retrying it once per phrase
        gate = re.compile("|".join(r for _, r in longer)) if longer else None
        compiled = self._groups[group] = (tuple((i, re.compile(r)) for i, r in direct), gate)
        return compiled

    def _compile_single(self, index: int) -> re.Pattern[str]:
        regex = self._single[index] = re.compile(self._sources[index])
        return regex

    def _longer(self, group: int) -> tuple[tuple[int, re.Pattern[str]], ...]:
        compiled = self._compiled.get(group)
        if compiled is None:
            compiled = self._compiled[group] = tuple((i, re.compile(r)) for i, r in self._group_sources[group][1])
        return compiled

    def scan(self, text: str) -> list[list[Hit]]:
        """Hits per phrase index, each list sorted by start."""
        found = self.scan_found(text)
        return [found.get(index, []) for index in range(len(self.phrases))]

    def scan_found(self, text: str) -> dict[int, list[Hit]]:
        """Hits of the phrases that occur, by phrase index, each list sorted by start. (A list per phrase
        per text costs more than the scan once rulesets have thousands of phrases.)"""
        found: defaultdict[int, list[Hit]] = defaultdict(list)
        if self._empty:
            return found
        single = self._single
        for end, (length, group, target) in self._automaton.iter(text):  # group: shared key
            start = end - length + 1
            if start:
                before = text[start - 1]
                # what ``\w`` means, without a regex call; a space (most candidates) needs no method call
                if before != " " and (before.isalnum() or before == "_"):
                    continue  # not at the start of a word
            if not group:
                regex = single.get(target) or self._compile_single(target)
                m = regex.match(text, start)
                if m is not None:
                    found[target].append((start, m.end()))
                continue
            direct, longer = self._groups.get(target) or self._compile_group(target)
            tried = direct if longer is None or longer.match(text, start) is None \
                else direct + self._longer(target)
            for index, regex in tried:
                m = regex.match(text, start)
                if m is not None:
                    found[index].append((start, m.end()))
        for index in self._several_keys:
            if index in found:
                found[index].sort()
        return found

    def __getstate__(self) -> tuple[str, ...]:
        return self.phrases

    def __setstate__(self, phrases: tuple[str, ...]) -> None:
        self.__init__(phrases)  # type: ignore[misc]
