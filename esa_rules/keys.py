"""Content-based unit keys: an id that survives renumbering between negotiating rounds.

``Unit.eid`` follows the numbering ("art_7"), so inserting an article shifts every later eid. ``Unit.key``
hashes what a unit *says* instead: its kind, its heading and the first words of its own text, with
numbers, punctuation and case folded away. "Article 7 Investment Screening" of round 2 then carries the
key of "Article 6 Investment Screening" of round 1, and diff, waivers and SARIF fingerprints can pair them.

Keys are unique within a document: when two units would share one (two paragraphs opening with the same
words), the later ones get ``~2``, ``~3``... in document order, so pairing stays one-to-one.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable

import attrs

from esa_rules.document import Document, Unit

KEY_WORDS = 24  # enough words to tell clauses apart, few enough that a late edit keeps the key
_KIND_PREFIX = {
    "document": "doc", "part": "prt", "chapter": "chp", "annex": "anx", "section": "sec",
    "article": "art", "paragraph": "para", "subparagraph": "subp",
}
# Roman numerals up to 39 ("iv", "xii"): list and chapter markers, which shift when items are inserted.
_ROMAN = re.compile(r"^x{0,3}(?:ix|iv|v?i{0,3})$")
_WORD = re.compile(r"[^\W\d_]+")


def fold_words(text: str) -> list[str]:
    """Content words of ``text``: NFKC, casefolded; digits, single letters and roman numerals dropped,
    since those are the numbering that changes between rounds."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return [w for w in _WORD.findall(text.casefold()) if len(w) > 1 and not _ROMAN.match(w)]


def content_key(kind: str, heading: str | None, text: str, words: int = KEY_WORDS) -> str:
    """The undisambiguated key: ``art-`` plus 12 hex digits of a hash of heading and leading words."""
    # Only the opening words count, so long clauses need not be folded whole.
    basis = " ".join(fold_words(heading or "")) + "|" + " ".join(fold_words(text[: words * 40])[:words])
    digest = hashlib.sha256(f"{kind}|{basis}".encode()).hexdigest()[:12]
    return f"{_KIND_PREFIX.get(kind, kind[:4])}-{digest}"


def _own_text(unit: Unit, text: str) -> str:
    """The words a unit itself contributes: its heading block, or for a leaf its whole text.

    A container with a bare heading ("Article 5" over paragraphs) borrows its first child's text, so
    an article's key changes with its opening words rather than with its number alone.
    """
    if not unit.children:
        return text[unit.start:unit.end]
    own = text[unit.start:unit.body_start]
    if len(fold_words(own)) < 3:
        own += " " + text[unit.children[0].start:unit.children[0].end]
    return own


def unit_keys(document: Document) -> dict[int, str]:
    """Key of every unit, by ``id(unit)`` in ``document.root.walk()`` order; the root is keyed too."""
    seen: dict[str, int] = {}
    keys: dict[int, str] = {}
    for unit in document.root.walk():
        key = content_key(unit.kind, unit.heading, _own_text(unit, document.text))
        seen[key] = seen.get(key, 0) + 1
        keys[id(unit)] = key if seen[key] == 1 else f"{key}~{seen[key]}"
    return keys


def assign_keys(document: Document) -> Document:
    """``document`` with ``Unit.key`` set on every unit (a pure post-pass; readers call it last)."""
    keys = unit_keys(document)

    def rebuild(unit: Unit) -> Unit:
        children = tuple(rebuild(child) for child in unit.children)
        return attrs.evolve(unit, key=keys[id(unit)], children=children)

    return attrs.evolve(document, root=rebuild(document.root))


def similarity(a: Iterable[str], b: Iterable[str]) -> float:
    """Jaccard similarity of word-bigram sets, 0..1: the fallback when keys differ after an edit."""

    def grams(words: Iterable[str]) -> set[tuple[str, str]]:
        items = list(words)
        return set(itertools.pairwise(items)) or {(w, "") for w in items}

    left, right = grams(a), grams(b)
    if not left and not right:
        return 1.0
    return len(left & right) / len(left | right)


def pair_units(old: Document, new: Document, kind: str = "article", threshold: float = 0.6) -> list[
    tuple[Unit | None, Unit | None]
]:
    """Pair the ``kind`` units of two drafts: equal keys first, then the most similar text above
    ``threshold``; unpaired units come back with ``None`` on the other side. Order: new draft order,
    then old units that vanished, in old order."""
    old_units = [u for u in assign_keys(old).units() if u.kind == kind]
    new_units = [u for u in assign_keys(new).units() if u.kind == kind]
    by_key = {u.key: u for u in old_units}
    paired: dict[int, Unit] = {}
    used: set[int] = set()
    for index, unit in enumerate(new_units):
        match = by_key.get(unit.key)
        if match is not None:
            paired[index] = match
            used.add(id(match))
    old_words = {id(u): fold_words(old.text[u.start:u.end]) for u in old_units}
    for index, unit in enumerate(new_units):
        if index in paired:
            continue
        words = fold_words(new.text[unit.start:unit.end])
        best, best_score = None, threshold
        for candidate in old_units:
            if id(candidate) in used:
                continue
            score = similarity(words, old_words[id(candidate)])
            if score >= best_score:
                best, best_score = candidate, score
        if best is not None:
            paired[index] = best
            used.add(id(best))
    result: list[tuple[Unit | None, Unit | None]] = [(paired.get(i), u) for i, u in enumerate(new_units)]
    result += [(u, None) for u in old_units if id(u) not in used]
    return result
