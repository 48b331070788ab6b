"""The English word list the extraction repairs trust, and the segmentation of a glued token.

The words and their frequencies are symspellpy's English dictionary (82,765 words counted in a large
corpus, MIT licence), read from the package; the fold's own spellings ("labour" -> "labor"), roman
numerals and trade-law acronyms the dictionary lacks are added. ``segment`` cuts a token as symspellpy's
``word_segmentation`` does at edit distance 0.
"""

from __future__ import annotations

from functools import cache, cached_property
from importlib.util import find_spec
from math import log10
from pathlib import Path

from esa_rules.spelling import SPELLING, fold_word
from esa_rules.usercache import kept, source_key

DICTIONARY = "frequency_dictionary_en_82_765.txt"  # in the symspellpy package
TOTAL = 1_024_908_267_229  # symspellpy's N: the size of the corpus the counts come from
COMMON = 5_000_000  # a count at which a word stands on its own (given to the additions below)
# Trade-law acronyms and words the general dictionary lacks, in their folded form.
TREATY_WORDS = frozenset(
    "gatt gats wto trips tbt sps mfn isds fta ftas rta rtas epa apec asean oecd unctad uncitral icsid "
    "wipo nafta usmca cptpp rcep mercosur efta plurilateral phytosanitary cybersecurity semiconductor "
    "semiconductors nonmarket offtake offtakes".split()
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
        self.words = counts.keys()  # a set view: no second copy of 83,000 words to build

    @cached_property
    def longest(self) -> int:
        return max(map(len, self.counts))


def dictionary_path() -> Path:
    """The dictionary file in the symspellpy package, found without importing the package (which
    imports its logging set-up and spell checker for nothing here)."""
    spec = find_spec("symspellpy")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("symspellpy, which ships the English word list, is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / DICTIONARY


def dictionary_counts() -> dict[str, int]:
    """symspellpy's English dictionary: word -> count in its corpus."""
    counts: dict[str, int] = {}
    with dictionary_path().open(encoding="utf-8") as lines:
        for line in lines:
            word, _, count = line.partition(" ")
            counts[word] = int(count)
    return counts


def _spelt_otherwise(word: str) -> bool:
    # the only words fold_word can change (see esa_rules.spelling), so the rest need not be asked
    return "our" in word or "iz" in word or "yz" in word or "ll" in word or word in SPELLING


def build_counts() -> dict[str, int]:
    """The dictionary with the fold's spellings and the additions: what ``lexicon`` holds."""
    counts = dictionary_counts()
    for word in [w for w in counts if _spelt_otherwise(w)]:
        counts.setdefault(fold_word(word), counts[word])  # the fold's spelling ("labour" -> "labor")
    for word in (*ROMANS, *TREATY_WORDS):
        counts.setdefault(word, COMMON)
    return counts


def _key() -> str:
    """What the counts are built from: this code, the spelling fold, and the dictionary file."""
    here = Path(__file__)
    return source_key("lexicon", 1, sources=(here, here.with_name("spelling.py"), dictionary_path()))


def _valid(data: object) -> bool:
    return isinstance(data, dict) and bool(data) and all(
        type(k) is str and type(v) is int for k, v in data.items())


@cache
def lexicon() -> Lexicon:
    # Building the counts takes five times as long as reading them back, and a one-file check does it
    # once: a run with the user's cache on keeps them there (usercache.kept).
    return Lexicon(kept("lexicon", _key(), build_counts, _valid))


def segment(token: str, known: Lexicon) -> tuple[str, ...]:
    """The cut of a token into dictionary words that symspellpy's ``word_segmentation`` makes at edit
    distance 0: fewest inserted spaces plus unknown letters first, then the most probable words (taken
    as independent; an unknown piece of n letters has probability 10 / (N * 10**n)). The same search
    without its per-piece spelling lookups, several times faster; a test holds the two to the same cuts."""
    counts, unknown, longest = known.counts, log10(TOTAL / 10.0), known.longest
    # per prefix length: (distance, -log probability, where the last piece starts)
    best: list[tuple[int, float, int]] = [(-1, 0.0, 0)]  # the first piece inserts no space
    for end in range(1, len(token) + 1):
        choice = (1 << 30, 0.0, 0)
        for start in range(max(0, end - longest), end):
            count = counts.get(token[start:end])
            before = best[start]
            if count is None:
                candidate = (before[0] + 1 + end - start, before[1] + unknown + end - start, start)
            else:
                candidate = (before[0] + 1, before[1] + log10(TOTAL / count), start)
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
