"""The English word list the extraction repairs trust, and the segmentation of a glued token.

The words and their frequencies are symspellpy's English dictionary (82,765 words counted in a large
corpus, MIT licence), read from the package; the fold's own spellings ("labour" -> "labor"), roman
numerals and trade-law acronyms the dictionary lacks are added. ``segment`` cuts a token as symspellpy's
``word_segmentation`` does at edit distance 0. What is slow to build (sorted lists, log costs) is built
on first use, so a run that never meets a suspicious token pays only for reading the list.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache, cached_property
from importlib import resources
from math import log10

from esa_rules.spelling import SPELLING, fold_word

DICTIONARY = "frequency_dictionary_en_82_765.txt"  # in the symspellpy package
TOTAL = 1_024_908_267_229  # symspellpy's N: the size of the corpus the counts come from
COMMON = 5_000_000  # a count at which a word stands on its own (given to the additions below)
# Trade-law acronyms and words the general dictionary lacks, in their folded form.
TREATY_WORDS = frozenset(
    "gatt gats wto trips tbt sps mfn isds fta ftas rta rtas epa apec asean oecd unctad uncitral icsid "
    "wipo nafta usmca cptpp rcep mercosur efta plurilateral phytosanitary cybersecurity semiconductor "
    "semiconductors nonmarket".split()
)


def roman(n: int) -> str:
    out = ""
    for value, letters in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


ROMANS = frozenset(roman(n) for n in range(1, 200))  # "Articles XX andXXI": numerals stand alone


class Lexicon:
    """Word -> how common it is, with what the repairs ask of it."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.words = frozenset(counts)

    @cached_property
    def cost(self) -> dict[str, float]:
        """-log10 of each word's probability, for ``segment``."""
        return {word: log10(TOTAL / count) for word, count in self.counts.items()}

    @cached_property
    def longest(self) -> int:
        return max(map(len, self.counts))

    @cached_property
    def _forward(self) -> list[str]:
        return sorted(self.words)

    @cached_property
    def _backward(self) -> list[str]:
        return sorted(word[::-1] for word in self.words)

    def completes(self, fragment: str, tokens: set[str], limit: int = 400) -> bool:
        """Whether one of ``tokens`` makes a word with the fragment, before or after it ("secu" + "rity");
        a fragment that begins or ends more than ``limit`` words is assumed to."""
        n = len(fragment)
        for words, key, backward in ((self._forward, fragment, False), (self._backward, fragment[::-1], True)):
            i = bisect_left(words, key)
            j = bisect_left(words, key + "{", i)  # "{" sorts after every letter
            if j - i > limit:
                return True
            if any((word[n:][::-1] if backward else word[n:]) in tokens for word in words[i:j]):
                return True
        return False


def dictionary_counts() -> dict[str, int]:
    """symspellpy's English dictionary: word -> count in its corpus."""
    counts: dict[str, int] = {}
    with resources.files("symspellpy").joinpath(DICTIONARY).open(encoding="utf-8") as lines:
        for line in lines:
            word, _, count = line.partition(" ")
            counts[word] = int(count)
    return counts


def _spelt_otherwise(word: str) -> bool:
    # the only words fold_word can change (see esa_rules.spelling), so the rest need not be asked
    return "our" in word or "iz" in word or "yz" in word or "ll" in word or word in SPELLING


@cache
def lexicon() -> Lexicon:
    counts = dictionary_counts()
    for word in [w for w in counts if _spelt_otherwise(w)]:
        counts.setdefault(fold_word(word), counts[word])  # the fold's spelling ("labour" -> "labor")
    for word in (*ROMANS, *TREATY_WORDS):
        counts.setdefault(word, COMMON)
    return Lexicon(counts)


def segment(token: str, known: Lexicon) -> tuple[str, ...]:
    """The cut of a token into dictionary words that symspellpy's ``word_segmentation`` makes at edit
    distance 0: fewest inserted spaces plus unknown letters first, then the most probable words (taken
    as independent; an unknown piece of n letters has probability 10 / (N * 10**n)). The same search
    without its per-piece spelling lookups, several times faster; a test holds the two to the same cuts."""
    costs, unknown, longest = known.cost, log10(TOTAL / 10.0), known.longest
    # per prefix length: (distance, -log probability, where the last piece starts)
    best: list[tuple[int, float, int]] = [(-1, 0.0, 0)]  # the first piece inserts no space
    for end in range(1, len(token) + 1):
        choice = (1 << 30, 0.0, 0)
        for start in range(max(0, end - longest), end):
            cost = costs.get(token[start:end])
            before = best[start]
            if cost is None:
                candidate = (before[0] + 1 + end - start, before[1] + unknown + end - start, start)
            else:
                candidate = (before[0] + 1, before[1] + cost, start)
            if candidate < choice:
                choice = candidate
        best.append(choice)
    cuts = []
    end = len(token)
    while end:
        start = best[end][2]
        cuts.append(token[start:end])
        end = start
    return tuple(reversed(cuts))
