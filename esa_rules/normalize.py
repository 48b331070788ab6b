"""Folding: the text the matcher scans, with an exact map back to the original offsets.

Folding lowercases, collapses whitespace, straightens quotes and dashes, expands ligatures, drops
zero-width characters and glued footnote digits, rejoins words hyphenated across a line break and
folds UK/US spelling. Phrases from rulesets go through the same fold (``fold_phrase``), so the matcher
compares like with like and the spelling table only has to avoid folding two different words together.

Speed matters (the ToTA corpus is 43 MB; about 20 MB/s here): ``str.replace`` and ``lower`` do every 1:1
change, then a few regex passes, each keyed on something rare, find the places where lengths change.
The offset map stores only breakpoints, so its size follows the number of edits, not the text length.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from itertools import accumulate, repeat
from typing import overload

import ahocorasick
import attrs

from esa_rules.spelling import KEEP_HYPHEN, SPELLING, fold_stem, fold_word

__all__ = ["SPELLING", "Folded", "OffsetMap", "fold", "fold_phrase", "fold_word"]

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# One-for-one replacements. str.replace per character beats str.translate with a dict by far, since
# translate falls back to a slow path as soon as the table maps non-ASCII characters.
_ONE_TO_ONE: tuple[tuple[str, str], ...] = (
    *((ch, "'") for ch in "\u2018\u2019\u201a\u201b\u2032\u00b4"),
    *((ch, '"') for ch in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"),
    *((ch, "-") for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"),
    *(
        (ch, " ")
        for ch in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
    ),
    # The one character whose lower() is two characters long; folding it here keeps lengths equal.
    ("\u0130", "i"),
)
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0153": "oe",
    "\u00e6": "ae",
}
_WS = rf"[\s{_ZERO_WIDTH}]"
# Each pass looks for something rare by a cheap literal or class first; the word around it is found
# afterwards. One alternation of all of them ran at a third of the speed.
_WHITESPACE = re.compile(rf"(?! (?!{_WS})){_WS}++")  # any run except the common lone space
_LONG_RUN = re.compile(rf"{_WS}{{2,}}+")  # the runs that shorten the text (without zero-width characters)
_ZERO_WIDTH_RE = re.compile(f"[{_ZERO_WIDTH}]")
_LONG_RUN_SPLIT = re.compile(rf"({_WS}{{2,}}+)")
# What a lone whitespace character can be once ``_lower`` has turned the Unicode spaces into " ".
_LONE_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != " " and c not in dict(_ONE_TO_ONE))
_LINE_BREAK_HYPHEN = re.compile(r"([-\u00ad])(?<=[a-z][-\u00ad])[ \t]*+\r?\n[ \t]*+([a-z]++)")
# Digits first: a pattern that opens with a lookbehind cannot use the engine's fast prefix scan. The
# letter check right after the first digit rejects most digits at once (twice as fast as checking last).
_GLUED_DIGITS = re.compile(r"\d(?<=[a-z]\d)\d{0,2}+\b")
_LIGATURE = re.compile(f"[{''.join(_LIGATURES)}]")
_WORD = re.compile(r"[a-z]+")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_WORD_BEFORE = re.compile(r"[a-z]+$")
_COMPOUND = re.compile(r"\b[a-z]+-[a-z]+\b")
_STEM = re.compile(r"([a-z]+)\*")


class OffsetMap(Sequence[int]):
    """Folded index -> original offset, stored as breakpoints ``(folded, original)``.

    Between breakpoints the map is linear (one folded character per original character), which is
    true of almost all text; each edit adds a breakpoint or two.
    """

    __slots__ = ("_folded", "_length", "_original")

    def __init__(self, folded: array[int], original: array[int], length: int) -> None:
        self._folded = folded
        self._original = original
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset map index out of range")
        k = bisect_right(self._folded, index) - 1
        return self._original[k] + index - self._folded[k]

    def folded_offset(self, original: int) -> int:
        """The inverse map: the first folded index whose origin is at or after ``original``
        (what ``bisect_left(self, original)`` gives, in O(log breakpoints) instead of O(log² n))."""
        folded, origin = self._folded, self._original
        k = bisect_left(origin, original)  # the first stretch starting at or after ``original``
        stop = folded[k] if k < len(folded) else self._length
        if k:
            # the stretch before may still reach ``original`` (a ligature repeats an origin at a break)
            candidate = folded[k - 1] + original - origin[k - 1]
            if candidate < stop:
                return candidate
        return min(stop, self._length)

    def folded_offsets(self, originals: Sequence[int]) -> list[int]:
        """``folded_offset`` of each of ``originals``, which must be sorted: one merge walk over the
        breakpoints instead of a bisection per offset (units and sentences convert thousands at once)."""
        folded, origin, length = self._folded, self._original, self._length
        breaks = len(folded)
        out: list[int] = []
        k = 0
        for original in originals:
            while k < breaks and origin[k] < original:
                k += 1
            stop = folded[k] if k < breaks else length
            if k:
                candidate = folded[k - 1] + original - origin[k - 1]
                if candidate < stop:
                    out.append(candidate)
                    continue
            out.append(min(stop, length))
        return out

    def __iter__(self) -> Iterator[int]:
        # Walk the stretches in order instead of bisecting for every index.
        bounds = [*self._folded[1:], self._length]
        for k, stop in enumerate(bounds):
            first, base = self._folded[k], self._original[k]
            yield from range(base, base + min(stop, self._length) - first)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OffsetMap):
            return NotImplemented
        return (self._length, self._folded, self._original) == (other._length, other._folded, other._original)

    def __hash__(self) -> int:
        return hash((self._length, tuple(self._folded), tuple(self._original)))

    def __repr__(self) -> str:
        return f"OffsetMap(len={self._length}, breakpoints={len(self._folded)})"


@attrs.frozen
class Folded:
    text: str
    origin: Sequence[int]  # len(text) + 1 entries; the last is len(original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded ``[start, end)``: from the first character's origin to just
        after the last character's origin, so trailing collapsed whitespace is not included."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


class _MapBuilder:
    def __init__(self) -> None:
        self.folded = array("q", [0])
        self.original = array("q", [0])

    def point(self, folded: int, original: int) -> None:
        if original - self.original[-1] == folded - self.folded[-1]:
            return  # a linear continuation of the previous stretch
        if folded == self.folded[-1]:
            self.original[-1] = original  # the previous stretch was empty (a deletion)
        else:
            self.folded.append(folded)
            self.original.append(original)

    def edit(self, folded: int, start: int, end: int, old: str, new: str) -> None:
        """Map ``new`` (replacing ``old`` = original[start:end]) character by character: a shared prefix
        and suffix map one to one, anything in between maps to where the difference begins. Characters
        added after the whole of ``old`` ("fulfil" -> "fulfill") map to its last character: the text may
        end right there, and an origin must always be a character of the original."""
        limit = min(len(old), len(new))
        prefix = 0
        while prefix < limit and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
            suffix += 1
        self.point(folded, start)
        inserted_at = start + min(prefix, max(len(old) - 1, 0))
        for k in range(len(new) - prefix - suffix):
            self.point(folded + prefix + k, inserted_at)
        self.point(folded + len(new) - suffix, end - suffix)


def _rejoin(lowered: str, w1: str, dash: str, w2: str, compounds: list[set[str]], repair: bool) -> str:
    # "screen-/ing" is one word; "non-/market" and any compound this text also writes hyphenated
    # mid-line ("dual-use") keep their hyphen. The compound set is built once, on first need. With the
    # repairs on, a prefix that usually keeps its hyphen loses it where the text itself writes the whole
    # word elsewhere: "ex-/change" in a draft that speaks of "exchange" ("co-/operation" is joined only
    # in a text that writes "cooperation", never in one that writes "co-operation").
    if dash == "-":
        if not compounds:
            compounds.append(set(_COMPOUND.findall(lowered)))
        if f"{w1}-{w2}" in compounds[0]:
            return f"{w1}-{fold_word(w2)}"
        if w1 in KEEP_HYPHEN and not (repair and re.search(rf"\b{w1}{w2}\b", lowered)):
            return f"{w1}-{fold_word(w2)}"
    return fold_word(w1 + w2)


def _is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] == "_")


def _edits(original: str, lowered: str, repair: bool = False, vocabulary: frozenset[str] = frozenset()
           ) -> list[tuple[int, int, str]]:
    """Every length-changing or spelling edit as ``(start, end, replacement)``, in text order, with
    overlaps resolved in favour of the earlier (and, at equal starts, the longer) edit; an insertion
    (``start == end``) goes before an edit that starts where it stands. ``repair``: with the repairs of
    extraction damage (``esa_rules.repair``, given the rules' ``vocabulary``), which take precedence over
    the other edits of the tokens they rewrite."""
    edits: list[tuple[int, int, str]] = []
    compounds: list[set[str]] = []
    for m in _LINE_BREAK_HYPHEN.finditer(lowered):
        w1 = _WORD_BEFORE.search(lowered, max(0, m.start() - 64), m.start())
        start = w1.start() if w1 else m.start()
        edits.append((start, m.end(), _rejoin(lowered, lowered[start : m.start()], m[1], m[2], compounds, repair)))
    for m in _GLUED_DIGITS.finditer(lowered):
        word = _WORD_BEFORE.search(lowered, max(0, m.start() - 64), m.start())
        if word is None or len(word.group()) < 3 or _is_word_char(lowered, word.start() - 1):
            continue  # "G7", "H2", or part of a longer token ("x86abc12"), or no word at all
        if original[word.start() : m.start()].isupper():
            continue  # an acronym with a number ("COVID19", "ASEAN5") is a real token
        edits.append((word.start(), m.end(), fold_word(word.group())))
    if any(char in lowered for char in _LIGATURES):  # usually answered without reading the text
        for m in _LIGATURE.finditer(lowered):
            edits.append((m.start(), m.end(), _LIGATURES[m.group()]))
    edits.extend(_spelling_edits(lowered))
    if repair:
        from esa_rules.repair import repair_edits  # loads a dictionary: only texts to check need it

        repairs, rewritten = repair_edits(original, lowered, vocabulary)
        if rewritten:
            edits = [e for e in edits if not _overlaps(e, rewritten)]
        edits.extend(repairs)
    edits.sort(key=lambda e: (e[0], e[1] > e[0], -e[1]))
    kept: list[tuple[int, int, str]] = []
    last_end = 0
    for edit in edits:
        if edit[0] >= last_end:
            kept.append(edit)
            last_end = edit[1]
    return kept


def _overlaps(edit: tuple[int, int, str], spans: list[tuple[int, int]]) -> bool:
    i = bisect_right(spans, (edit[0], 1 << 62)) - 1  # spans are sorted and do not overlap
    return any(s < edit[1] and edit[0] < e for s, e in spans[max(0, i): i + 2])


def _spelling_edits(lowered: str) -> list[tuple[int, int, str]]:
    """Words spelt another way than their canonical form, found through the cores any such word has.

    A word folds differently only if it is in the spelling table or contains "our", "iz" or "yz"; one
    automaton pass finds those cores, and only the words around them are looked at (splitting the text
    into all of its words took longer than the rest of folding together).
    """
    edits: list[tuple[int, int, str]] = []
    seen = -1
    letters = _LETTERS
    for end, _ in _spelling_automaton().iter(lowered):
        if end < seen:
            continue  # inside the word just looked at
        start = end
        while start and lowered[start - 1] in letters:
            start -= 1
        stop = _WORD.match(lowered, start).end()  # type: ignore[union-attr]
        seen = stop
        word = lowered[start:stop]
        canonical = fold_word(word)
        if canonical != word and not _is_word_char(lowered, start - 1) and not _is_word_char(lowered, stop):
            edits.append((start, stop, canonical))
    return edits


@cache
def _spelling_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for core in (*SPELLING, "our", "iz", "yz"):
        automaton.add_word(core, core)
    automaton.make_automaton()
    return automaton


def _lower(text: str) -> str:
    for char, replacement in _ONE_TO_ONE:
        if char in text:
            text = text.replace(char, replacement)
    return text.lower()


def fold(text: str, repair: bool = True, vocabulary: frozenset[str] = frozenset()) -> Folded:
    """Fold ``text`` for matching; ``origin`` maps every folded index back to an offset in ``text``.
    ``repair``: also repair extraction damage (glued and split words, "l0" for "10"; see ``repair``);
    ruleset phrases are folded without it (they are typed, not extracted). ``vocabulary``: the folded
    words of the active rules, which glued content words must belong to before they are split.

    Two passes: the rare edits (rejoined hyphenation, footnote digits, ligatures, spelling) first, on the
    lowered text, then whitespace collapsing, which is most of the edits (every line break) and so is
    done by ``re.sub`` in C; the two offset maps are then composed in one merge walk.
    """
    lowered = _lower(text)
    first, folded_at, origin_at = _apply(lowered, _edits(text, lowered, repair, vocabulary))
    second, runs = _collapse(first)
    builder = _MapBuilder()
    point = builder.point
    shift = 0  # how much shorter the final text is than ``first`` before the current run
    k, breaks = 0, len(folded_at)
    for s, e, kept in runs:
        # breakpoints of the first pass up to this run: those on kept characters move left by ``shift``
        while k < breaks and folded_at[k] < e:
            if folded_at[k] < s + kept:
                point(folded_at[k] - shift, origin_at[k])
            k += 1
        if k < breaks and folded_at[k] == e:
            origin = origin_at[k]
            k += 1
        else:
            origin = origin_at[k - 1] + e - folded_at[k - 1]
        point(s - shift + kept, origin)
        shift += e - s - kept
    while k < breaks:
        point(folded_at[k] - shift, origin_at[k])
        k += 1
    return Folded(second, OffsetMap(builder.folded, builder.original, len(second) + 1))


def _apply(lowered: str, edits: list[tuple[int, int, str]]) -> tuple[str, array[int], array[int]]:
    """The text with ``edits`` applied, and its offset map as breakpoint arrays (folded, original)."""
    builder = _MapBuilder()
    pieces: list[str] = []
    position = 0
    folded_length = 0
    for start, end, new in edits:
        pieces.append(lowered[position:start])
        folded_length += start - position
        if len(new) > 1:  # a deletion or a one-character edit needs only the breakpoint after it
            builder.edit(folded_length, start, end, lowered[start:end], new)
        pieces.append(new)
        folded_length += len(new)
        builder.point(folded_length, end)
        position = end
    pieces.append(lowered[position:])
    return "".join(pieces), builder.folded, builder.original


def _collapse(text: str) -> tuple[str, list[tuple[int, int, int]]]:
    """Whitespace runs collapsed to one space (zero-width runs dropped), and the runs that changed length
    as ``(start, end, characters kept)``; a lone line break becomes a space in place and needs no entry."""
    runs: list[tuple[int, int, int]]
    if _ZERO_WIDTH_RE.search(text) is None:
        # Split at the long runs and take the run positions from the piece lengths: all in C, where a
        # match object per run cost as much as the rest of folding.
        pieces = _LONG_RUN_SPLIT.split(text)
        bounds = list(accumulate(map(len, pieces)))
        runs = list(zip(bounds[0::2], bounds[1::2], repeat(1)))
        collapsed = " ".join(pieces[0::2])
        for char in _LONE_SPACES:
            if char in collapsed:
                collapsed = collapsed.replace(char, " ")
        return collapsed, runs
    runs = []
    for m in _WHITESPACE.finditer(text):
        kept = 1 if m.group().strip(_ZERO_WIDTH) else 0
        if m.end() - m.start() != kept:
            runs.append((m.start(), m.end(), kept))
    return _WHITESPACE.sub(lambda m: " " if m.group().strip(_ZERO_WIDTH) else "", text), runs


@lru_cache(maxsize=1 << 16)  # compiling a ruleset folds each phrase several times
def fold_phrase(phrase: str) -> str:
    """Fold a ruleset phrase exactly as document text is folded; ``*`` (word continues) is kept and the
    stem before it is folded so that it still prefixes the folded forms of the words it should match."""
    folded = fold(phrase, repair=False).text.strip()
    return _STEM.sub(lambda m: fold_stem(m.group(1)) + "*", folded)
