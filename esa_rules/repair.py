"""Repairs of text damaged in extraction (PDF text layers, OCR), as edits for the fold.

Three kinds of damage are repaired, and only where the repair is unambiguous:

- words glued together ("essentialsecurityinterests", "andXXI", "shallbe"): a token that is no word is
  split where a word segmenter (symspellpy, over its English frequency dictionary) splits it into words,
  and only when every piece is a word of some weight: no single letters, no prefixes or suffixes on
  their own ("cyber|security", "sub|paragraphs" are words someone wrote closed), content words long or
  common enough that a real word is unlikely to hide behind them ("mut|at|is", "fac|to" are Latin);
- words split by a stray space or line break ("secu rity", "na\\ntional"): two neighbours are joined when
  one of them is no word, the other does not start a proper name, and together they are a word;
- the letter l for the digit 1, and O for 0 inside a number ("l0", "2O19").

A word is what the dictionary knows, in the text's spelling or its folded one ("labour", "labor"), plus
roman numerals and the acronyms of trade law. A clean text has no token outside that vocabulary that
meets these conditions, so there the repair changes nothing; a damaged one gets the words its clean
version had, or is left as it is. Line-end hyphenation is the fold's own business (``normalize``).

Edits are ``(start, end, replacement)`` in the lowered text, like the fold's other edits: a split is one
inserted space per boundary, so every letter keeps its own original offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick
import re2

from esa_rules.spelling import fold_word
from esa_rules.wordlist import COMMON, ROMANS, Lexicon, lexicon, segment

Edit = tuple[int, int, str]

# Pieces that make closed compounds rather than separate words ("antidumping", "subparagraphs").
_BOUND = frozenset(
    "anti sub non inter intra trans multi cross co re un pre post over under out counter super semi micro "
    "macro mini bio eco geo cyber tele video auto self mid pan de dis mis ex extra ultra infra neo proto "
    "quasi poly mono bi tri uni hyper hypo time above fore after back down up less ful able ably ible ion "
    "socio agro agri electro petro hydro thermo photo aero "
    "ions ness ment ments ship hood wise ward wards like ty ity ism ist ists ee ees er ers ing ings ed ly "
    "al ally ic ical ous ive es en".split()
)
# Short words that glue onto their neighbours most often; a split with one is likely.
_FUNCTION = frozenset(
    "the of and to in for on by with as at from or be is are was were been shall may must will should "
    "this that these those its their any all such other which not no nor each an into under between "
    "within without upon than has have had if where whether so it both either only also".split()
)
# Function words that open a sentence ("Theparties", "Ifthe"): a capitalised token splits only after one.
_OPENING = frozenset(
    "the in for with if where each any no this these those such all on by to as at from upon it its "
    "their both either within without between under".split()
)
_MIN_LENGTH = 5  # "ofthe" is the shortest glue worth the lookup
_FAIRLY_COMMON = 1_000_000  # the count a content word needs beside a function word ("party|to")
# Endings and beginnings that make a longer word of a known one ("willful|ly", "non|infringing").
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "ally", "ness", "ment", "ments", "er", "ers", "or", "ors",
             "al", "ity", "ities", "ation", "ations", "able", "ably", "ism", "ist", "ists", "ical", "ically")
_PREFIXES = tuple(sorted(p for p in _BOUND if len(p) >= 2 and p not in ("es", "en", "ed", "er", "ee", "al", "ic",
                                                                        "ly", "ty")))
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# RE2 scans for this one without a Python-level step per character: six times faster than ``re`` here
_NUMERAL = re2.compile(r"[0-9][lo]|[lo][0-9]")


# the endings and prefixes as sets, with their lengths: a slice per length and a set lookup instead of a
# test per ending and per prefix (``_derived`` runs for every unknown token of every text)
_SUFFIX_SET = frozenset(_SUFFIXES)
_SUFFIX_LENGTHS = tuple(sorted({len(end) for end in _SUFFIXES}))
_PREFIX_SET = frozenset(_PREFIXES)
_PREFIX_LENGTHS = tuple(sorted({len(start) for start in _PREFIXES}))


def _derived(token: str, known: Lexicon) -> bool:
    """A known word with an ending or a bound prefix: a word, even if the dictionary lacks it."""
    words = known.words
    size = len(token)
    return any(token[size - k:] in _SUFFIX_SET and token[: size - k] in words for k in _SUFFIX_LENGTHS if k <= size) \
        or any(token[:k] in _PREFIX_SET and token[k:] in words for k in _PREFIX_LENGTHS if k <= size)


@lru_cache(maxsize=1 << 15)
def split_glued(token: str, vocabulary: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
    """The words a glued token is made of, or None when it is no clear glue (see the module docstring).
    ``vocabulary``: the words whose glue matters (the rules' words); content words glued with no function
    word between them ("essentialsecurityinterests") are split only when all of them are in it, since
    such closed compounds are often words ("rulemaking", "roadmap")."""
    known = lexicon()
    if token in known.words or not _MIN_LENGTH <= len(token) <= 60 or _derived(token, known):
        return None
    words = _Vocabulary.of(vocabulary)
    if not _tiles(token, known):
        return None  # most tokens outside the dictionary are names: no need for the segmenter's time
    pieces = segment(token, known)
    if len(pieces) < 2:
        return None
    if pieces[-1] in ("a", "an", "the") and pieces[-2] not in _FUNCTION:
        return None  # an article ends a glued token only after a function word ("of|the"): "coltan" is no "colt an"
    function = any(piece in _FUNCTION for piece in pieces)
    if all(_piece(piece, known, words, function) for piece in pieces):
        return pieces
    return None


def _piece(piece: str, known: Lexicon, vocabulary: _Vocabulary, function: bool) -> bool:
    """Whether a piece may stand as a word of its own in a split (``function``: the split has a function
    word, which makes a glue likely enough for any common word beside it)."""
    if piece in _FUNCTION or (piece in ROMANS and len(piece) > 1):
        return True
    count = known.counts.get(piece, 0)
    if piece in _BOUND or len(piece) < 3 or (len(piece) == 3 and count < 10 * COMMON):
        return False
    if function:
        return count >= _FAIRLY_COMMON
    return count >= COMMON and vocabulary.holds(piece)


def _tiles(token: str, known: Lexicon) -> bool:
    """Whether the token can be cut into pieces that ``_piece`` would accept (beside a function word, the
    lenient reading): a cheap test that spares the segmenter nearly every name and foreign word."""
    pieces, longest = _lenient_pieces(known)
    reachable = [True] + [False] * len(token)
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - longest), end):
            if reachable[start] and token[start:end] in pieces:
                reachable[end] = True
                break
    return reachable[-1]


@lru_cache(maxsize=2)
def _lenient_pieces(known: Lexicon) -> tuple[frozenset[str], int]:
    """Every piece ``_piece`` accepts beside a function word, as a set (it does not depend on the rules'
    vocabulary then), with the length of the longest: ``_tiles`` asks about every slice of every
    unknown token, and a set lookup is several times cheaper than ``_piece``'s tests."""
    pieces = frozenset([*_FUNCTION, *(r for r in ROMANS if len(r) > 1),
                        *(w for w, count in known.counts.items() if count >= _FAIRLY_COMMON and len(w) <= 24
                          and _piece(w, known, _Vocabulary(frozenset()), True))])
    return pieces, max(map(len, pieces))


class _Vocabulary:
    """The rules' words and stems, for asking whether a word is one of them."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = frozenset(w for w in words if not w.endswith("*"))
        self.stems = frozenset(w[:-1] for w in words if w.endswith("*"))

    @staticmethod
    @lru_cache(maxsize=8)
    def of(words: frozenset[str]) -> _Vocabulary:
        return _Vocabulary(words)

    def holds(self, word: str) -> bool:
        return word in self.words or any(word[:k] in self.stems for k in range(3, len(word) + 1))


def vocabulary_of(phrases: Iterable[str]) -> frozenset[str]:
    """The words of folded ruleset phrases, stems keeping their "*" (what ``split_glued`` is given)."""
    return frozenset(w for phrase in phrases for w in re.findall(r"[a-z]{3,}\*?", phrase))


def _is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def repair_edits(original: str, lowered: str, vocabulary: frozenset[str] = frozenset()
                 ) -> tuple[list[Edit], list[tuple[int, int]]]:
    """The repairs of a text as fold edits, and the spans of the tokens they rewrite (whose other edits,
    such as a spelling fold of the glued whole, the caller drops). ``vocabulary``: see ``split_glued``."""
    edits: list[Edit] = []
    spans: list[tuple[int, int]] = []
    _numerals(original, lowered, edits)
    known = lexicon()
    words = known.words
    unknown = {token for token in map(bytes.decode, set(_letter_runs(lowered))) if len(token) >= 3
               and token not in words}
    if not unknown:
        return edits, spans
    glued = {token for token in unknown if split_glued(token, vocabulary)}
    # a fragment is joined with the neighbour it makes a word with (``_join`` asks the dictionary)
    fragments = {token for token in unknown - glued if len(token) <= 12}
    found = _occurrences(lowered, glued | fragments)
    taken = -1
    for start, end in found:
        if start < taken:
            continue
        token = lowered[start:end]
        if token in glued:
            _split(original, start, split_glued(token, vocabulary) or (), edits, spans)
            continue
        joined = _join(original, lowered, start, end, known)
        if joined is not None:
            edits.append(joined)
            spans.append(joined[:2])
            taken = joined[1]
    return edits, spans


# Every byte that is no letter a-z becomes a space, so that ``split`` yields the runs of letters
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _letter_runs(lowered: str) -> list[bytes]:
    """The runs of letters a-z of a text, as ``[a-z]+`` finds them (a letter beyond ASCII ends a run),
    in half the time: one byte translation and a split, both in C, instead of a match per word."""
    return lowered.encode("ascii", "replace").translate(_LETTERS_ONLY).split()


def _occurrences(text: str, tokens: set[str]) -> list[tuple[int, int]]:
    """Where the tokens stand alone in the text, in order: one automaton pass for all of them (a regex
    alternation tries every token at every character, a search per token reads the text once each)."""
    if not tokens:
        return []
    automaton = ahocorasick.Automaton()
    for token in tokens:
        automaton.add_word(token, len(token))
    automaton.make_automaton()
    found = []
    size = len(text)
    for last, length in automaton.iter(text):  # most hits are inside longer words: test inline
        start, end = last + 1 - length, last + 1
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        if end < size and (text[end].isalnum() or text[end] == "_"):
            continue
        found.append((start, end))
    found.sort()
    return found


def _opens_sentence(original: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a list item: a capital elsewhere is a name."""
    before = original[max(0, start - 12):start].rstrip(" \t\"'\u201c(")
    return not before or before[-1] in ".!?:;\n" or before.endswith(")")


def _split(original: str, start: int, pieces: tuple[str, ...], edits: list[Edit],
           spans: list[tuple[int, int]]) -> None:
    word = original[start : start + sum(map(len, pieces))]
    if word[:1].isupper() and (pieces[0] not in _OPENING or not _opens_sentence(original, start)):
        return  # "Marino", "NORDALE", "the Republic of Tovia": a name; a sentence's first word glued is "The|parties"
    position = start
    for piece in pieces:
        if piece in ROMANS and not original[position : position + len(piece)].isupper():
            return  # "andXXI" is "and XXI"; "cariforum" holds no "I"
        position += len(piece)
    position = start
    for piece in pieces:
        if position > start:
            edits.append((position, position, " "))
        if fold_word(piece) != piece:
            edits.append((position, position + len(piece), fold_word(piece)))
        position += len(piece)
    spans.append((start, position))


_AFTER = re.compile(rf"{_GAP}([a-z]+)")


def _join(original: str, lowered: str, start: int, end: int, known: Lexicon) -> Edit | None:
    """The edit that joins the fragment at [start, end) with the neighbour it was split from, if any."""
    after = _AFTER.match(lowered, end)
    if after is not None and not _is_word_char(lowered, after.end()):
        edit = _joined(original, lowered, start, end, after.start(1), after.end(1), known)
        if edit is not None:
            return edit
    before = _word_before(lowered, start)
    if before is not None:
        return _joined(original, lowered, *before, start, end, known)
    return None


_SPACE = frozenset(" \t")
_LETTER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _word_before(lowered: str, start: int, reach: int = 40) -> tuple[int, int] | None:
    """The span of the whole word of letters that ends a gap (``_GAP``: spaces, at most one line break)
    before ``start``, within ``reach`` characters; None when there is none. Walked back by hand: a regex
    anchored at ``start`` is searched for from every position of the reach, on every fragment."""
    i = start
    while i > 0 and lowered[i - 1] in _SPACE:
        i -= 1
    if i > 0 and lowered[i - 1] == "\n":
        i -= 1
        while i > 0 and lowered[i - 1] in _SPACE:
            i -= 1
    if i == start:
        return None  # no gap
    j = i
    while j > 0 and lowered[j - 1] in _LETTER:
        j -= 1
    if j == i or j < start - reach or _is_word_char(lowered, j - 1):
        return None
    return j, i


def _joined(original: str, lowered: str, s1: int, e1: int, s2: int, e2: int, known: Lexicon) -> Edit | None:
    first, second = lowered[s1:e1], lowered[s2:e2]
    word = first + second
    if word not in known.words or len(word) < 6 or min(len(first), len(second)) < 2:
        return None
    if first in _BOUND:
        return None  # "pre school", "socio economic" are written apart too; "ment or" is no "mentor"
    if original[s2].isupper() and not original[s1:e2].isupper():
        return None  # "Viet Nam", "Costa Rica": a name in two words, not a word in two pieces
    if "\n" in lowered[e1:s2] and lowered[s1:e1] in known.words:
        return None  # a whole word ends the line: the break is the line's, not inside a word
    return s1, e2, fold_word(word)


def _numerals(original: str, lowered: str, edits: list[Edit]) -> None:
    """"l0" -> "10", "l994" and "198l" -> "1994", "1981"; "2O19" -> "2019". A small l opening a number or
    making a year of it, a capital O between two digits. An l closing a number may be a section's
    letter ("15 U.S.C. 78l"), a capital L a series ("OJ L220"): those stay."""
    seen = -1
    for m in _NUMERAL.finditer(lowered):
        if m.start() < seen:
            continue
        start, end = m.start(), m.end()
        while start > 0 and lowered[start - 1].isalnum():
            start -= 1
        while end < len(lowered) and lowered[end].isalnum():
            end += 1
        seen = end
        token = original[start:end]
        if token.strip("0123456789lO") or not any(c.isdigit() for c in token):
            continue  # other letters: a word, a code ("COVID19"), an ordinal ("1st")
        if start and lowered[start - 1] in "-/":
            continue  # part of an identifier ("A-l0")
        digits = token.replace("l", "1").replace("O", "0")
        year = len(token) == 4 and 1000 <= int(digits) <= 2099
        for i, char in enumerate(token):
            if char == "l" and (year or (i == 0 and token[1:].isdigit())):
                edits.append((start + i, start + i + 1, "1"))
            elif char == "O" and any(c.isdigit() for c in token[:i]) and any(c.isdigit() for c in token[i + 1:]):
                edits.append((start + i, start + i + 1, "0"))
