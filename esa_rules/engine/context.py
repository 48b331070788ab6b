"""Document-wide strength context: non-binding declarations and dispute-settlement carve-outs."""

from __future__ import annotations

import re

import attrs

from esa_rules.document import Unit
from esa_rules.engine import lexicon
from esa_rules.engine.index import DocIndex
from esa_rules.engine.strength import EXCLUSION_RE

# Whole-text searches go through the automaton: an alternation that opens with a lookbehind gets no
# literal-prefix scan from ``re`` and crawled at ~50 MB/s, once per pattern per document.
# ``Checker`` puts these phrases into its own automaton and hands the starts over on the index
# (``DocIndex.lexicon_starts``); an index built otherwise is scanned here.
LEXICON_PHRASES: dict[str, tuple[str, ...]] = {
    "non-binding": lexicon.NON_BINDING, "carve-out": lexicon.CARVE_OUT_TRIGGERS,
}


def _starts(index: DocIndex, name: str) -> list[int]:
    """Sorted start offsets of the phrases of lexicon ``name`` in the folded text."""
    return index.starts(name, LEXICON_PHRASES[name])

_TARGET_RE = re.compile(r"\b(?:this|the present)\s+(chapter|article|section|part|annex|agreement)\b"
                        r"|\b(chapter|article|section|part|annex)\s+([0-9ivxlc]+(?:[.\-][0-9a-z]+)*)\b")
_KIND_OF = {"chapter": "chapter", "article": "article", "section": "section", "part": "part",
            "annex": "annex", "agreement": "document"}


@attrs.frozen
class Declaration:
    """A sentence that weakens what it covers: a non-binding declaration or a carve-out."""

    kind: str  # "non-binding" | "carve-out"
    start: int  # the sentence, original offsets
    end: int
    targets: tuple[Unit, ...] = ()  # the units covered; a non-binding declaration without any covers all


def non_binding(index: DocIndex) -> Declaration | None:
    """The document's own statement that it creates no legal obligations, or its "Participants"."""
    text = index.folded.text
    scoped: Declaration | None = None
    for at in _starts(index, "non-binding"):
        start, end = index.sentence_at(index.to_original(at))
        # "The provisions of this Part ... do not create legally binding obligations" covers that Part only
        targets = _this_unit(index, start, end)
        if not targets:
            return Declaration("non-binding", start, end)
        scoped = scoped or Declaration("non-binding", start, end, targets)
    if scoped is not None:
        return scoped
    # Counting whole words is a regex pass over the text; a substring count bounds it from above and
    # rules out almost every treaty for the price of a memchr.
    if sum(text.count(w) for w in lexicon.PARTICIPANT_WORDS) < 3:
        return None
    participants = sum(_whole_words(rf"{w}s?\b", text) for w in lexicon.PARTICIPANT_WORDS)
    parties = sum(_whole_words(rf"{w}\b", text) for w in lexicon.PARTY_WORDS)
    # A memorandum between "Participants" says what they "will" do; a binding agreement whose signatories
    # are called participants (the GSTP) still says "shall".
    commitments = text.count(" shall ")
    if participants >= 3 and participants > 2 * parties and text.count(" will ") > commitments:
        first = re.search(rf"\b{lexicon.PARTICIPANT_WORDS[0]}", text)
        assert first is not None
        start, end = index.sentence_at(index.to_original(first.start()))
        return Declaration("non-binding", start, end)
    return None


_THIS_UNIT_RE = re.compile(r"\bthis (part|chapter|section|annex|article)\b")


def _this_unit(index: DocIndex, start: int, end: int) -> tuple[Unit, ...]:
    """The unit a non-binding declaration speaks of ("this Part"), looked for in its sentence and the one
    before it in the same paragraph ("The provisions of this Part ... They do not create ...")."""
    leaf = index.leaf_at(start)
    text = index.doc.text[max(leaf.start, start - 400):end].lower()
    named = _THIS_UNIT_RE.findall(text)
    if not named:
        return ()
    enclosing = [u for u in index.doc.unit_path(start) if u.kind == _KIND_OF[named[-1]]]
    return (enclosing[-1],) if enclosing else ()


def _whole_words(pattern: str, text: str) -> int:
    """Matches of ``pattern`` that start a word: ``\bword\b`` with the first ``\b`` checked by hand, as
    a pattern opening with a literal is searched ten times faster than one opening with ``\b``."""
    count = 0
    for m in re.finditer(pattern, text):
        at = m.start()
        if not at or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            count += 1
    return count


def carve_outs(index: DocIndex) -> list[Declaration]:
    """Sentences that take units out of dispute settlement, with the units they name."""
    found: dict[tuple[int, int], Declaration] = {}
    text = index.doc.text
    for at in _starts(index, "carve-out"):
        if index.in_heading(at):  # "Article 9: Non-Application of Dispute Settlement" names, it does not carve
            continue
        start, end = index.sentence_at(index.to_original(at))
        if (start, end) in found:
            continue
        sentence = text[start:end]
        folded_sentence = index.folded.text[index.to_folded(start):index.to_folded(end)]
        if not EXCLUSION_RE.search(folded_sentence):
            continue
        targets = _targets(index, start, sentence.lower())
        if targets:
            found[(start, end)] = Declaration("carve-out", start, end, tuple(targets))
    return [found[k] for k in sorted(found)]


def _targets(index: DocIndex, at: int, sentence: str) -> list[Unit]:
    """Units a carve-out sentence excludes: "this Chapter" is the enclosing chapter; "Article 9" by number.

    A reference that names the dispute settlement forum itself ("dispute settlement under Chapter 28",
    "Chapter 28 (Dispute Settlement)") is not what is carved out.
    """
    tail = sentence
    path = index.doc.unit_path(at)
    units: list[Unit] = []
    for m in _TARGET_RE.finditer(tail):
        if _is_forum(tail, m):
            continue
        if m.group(1):
            kind = _KIND_OF[m.group(1)]
            enclosing = [u for u in path if u.kind == kind]
            if enclosing:
                units.append(enclosing[-1])
            elif kind == "document":
                units.append(index.doc.root)
        else:
            kind, number = _KIND_OF[m.group(2)], m.group(3)
            units.extend(u for u in index.doc.units() if u.kind == kind and (u.number or "").lower() == number)
    return units


def _is_forum(tail: str, m: re.Match[str]) -> bool:
    """"dispute settlement under Chapter 28 / this Agreement" names the forum, not what is carved out."""
    before = tail[max(0, m.start() - 40):m.start()]
    return bool(re.search(r"(dispute settlement|dispute resolution|settlement of disputes)\s*"
                          r"(\(|provisions)?\s*(under|of|in)\s*$", before)) or "(dispute" in tail[m.end():m.end() + 3]
