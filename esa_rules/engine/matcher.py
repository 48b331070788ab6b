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
from collections.abc import Iterable

import ahocorasick

from esa_rules.phrases import compile_phrase, phrase_keys

# A verified match of one phrase: (start, end) in folded-text offsets. Plain tuples: there are many.
Hit = tuple[int, int]


class PhraseMatcher:
    """Finds every phrase of a set in a folded text in one pass."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases: tuple[str, ...] = tuple(dict.fromkeys(phrases))
        by_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self._several_keys: list[int] = []  # phrases whose hits may arrive out of start order
        for index, phrase in enumerate(self.phrases):
            key, regex = compile_phrase(phrase)
            keys = phrase_keys(phrase, key)
            if len(keys) > 1:
                self._several_keys.append(index)
            for key in keys:
                by_key[key].append((index, regex))
        # Phrases that share a key ("invest" for "invest*", "invest* framework", ...): the one-word ones
        # are tried directly (they match at most candidates anyway); the longer ones are behind one
        # alternation, which fails in C for most candidates, and are compiled and tried one by one only
        # when it matches. Trying each phrase at every candidate made ten times the phrases cost three
        # times the scan.
        self._groups: list[tuple[tuple[tuple[int, re.Pattern[str]], ...], re.Pattern[str] | None,
                                 tuple[tuple[int, str], ...]]] = []
        self._compiled: dict[int, tuple[tuple[int, re.Pattern[str]], ...]] = {}
        # A phrase with a key of its own is compiled when the key first occurs: with thousands of
        # phrases, compiling them all up front cost more than checking a corpus with most of them.
        self._sources: dict[int, str] = {}
        self._single: dict[int, re.Pattern[str]] = {}
        self._automaton = ahocorasick.Automaton()
        for key, entries in by_key.items():
            if len(entries) == 1:
                index, regex = entries[0]
                self._sources[index] = regex
                self._automaton.add_word(key, (len(key), None, index))
                continue
            direct = tuple((i, re.compile(r)) for i, r in entries if " " not in self.phrases[i].strip())
            longer = tuple((i, r) for i, r in entries if " " in self.phrases[i].strip())
            # a bare alternation (no phrase regex has a top-level "|"), so that ``re`` factors out the
            # prefix the phrases share instead of retrying it once per phrase
            gate = re.compile("|".join(r for _, r in longer)) if longer else None
            self._automaton.add_word(key, (len(key), True, len(self._groups)))
            self._groups.append((direct, gate, longer))
        if by_key:
            self._automaton.make_automaton()
        self._empty = not by_key

    def _compile_single(self, index: int) -> re.Pattern[str]:
        regex = self._single[index] = re.compile(self._sources[index])
        return regex

    def _longer(self, group: int) -> tuple[tuple[int, re.Pattern[str]], ...]:
        compiled = self._compiled.get(group)
        if compiled is None:
            compiled = self._compiled[group] = tuple((i, re.compile(r)) for i, r in self._groups[group][2])
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
                if before.isalnum() or before == "_":  # what ``\w`` means, without a regex call
                    continue  # not at the start of a word
            if not group:
                regex = single.get(target) or self._compile_single(target)
                m = regex.match(text, start)
                if m is not None:
                    found[target].append((start, m.end()))
                continue
            direct, longer, _ = self._groups[target]
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
