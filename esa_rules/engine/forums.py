"""The draft's own dispute procedures, and the sentences that take matters out of them by citing them.

A carve-out usually names dispute settlement ("Chapter 20 (Dispute Settlement) shall not apply to Article
5"). A draft may instead cite its procedure by number only: "Differences concerning 3 are not subject to
7.1", where 7.1 sends differences to an arbitral tribunal whose award binds. The procedure is known by its
heading ("DIFFERENCES", "Settlement of Disputes") or by what it does.
"""

from __future__ import annotations

import re

from esa_rules.document import Unit
from esa_rules.engine.index import DocIndex
from esa_rules.engine.references import Reference
from esa_rules.engine.strength import EXCLUSION_RE

FORUM_HEADING = re.compile(r"dispute settlement|settlement of disputes|dispute resolution|\barbitration\b|"
                           r"settlement of differences|resolution of (?:disputes|differences)|^\W*(?:disputes?|differences)\W*$",
                           re.IGNORECASE)
# "... shall be referred to an arbitral tribunal of three members, whose award shall bind the Parties"
_ADJUDICATES = re.compile(r"\b(?:arbitral tribunal|arbitration panel|panel)\b[^.;]{0,200}?\b(?:award|report|ruling|"
                          r"decision)s?\b[^.;]{0,40}?\b(?:shall bind|binding|final)\b", re.IGNORECASE)
_WINDOW = 60  # characters before a reference where the words that take something out stand
# What is taken out: the provision itself, opening the sentence ("Article 5 is not subject to 7.1"), or the
# disputes about it ("Differences concerning 3", "any matter arising under Article 5"), not a part of it
# ("Entries marked 'Indicative' in Schedules 1 to 3")
_TAKEN_OUT = re.compile(r"(?:^|\b(?:disputes?|differences?|matters?|questions?|issues?|claims?)\s+(?:\w+\s+)?(?:concerning|"
                        r"regarding|under|relating to|about|in respect of|with respect to|arising (?:under|out of|from)|"
                        r"pursuant to)\s+)(?:the\s+)?$", re.IGNORECASE)
_NOTWITHSTANDING = re.compile(r"\b(?:[Nn]otwithstanding|[Dd]espite)\b[^.;]{0,30}$")
# The procedure as the subject of a sentence that says what it does not reach
_SUBJECT_EXCLUDED = re.compile(r"[\s,]*(?:(?:of|in) this (?:Article|Chapter|Section|Part)\s*)?(?:shall|does|do|will)\s+not\s+"
                               r"(?:apply|be applicable|extend)\s+(?:to|with respect to|in respect of)\b", re.IGNORECASE)


def forum_divisions(index: DocIndex) -> list[Unit]:
    """The divisions of the instrument headed as its dispute settlement procedure ("CHAPTER 20 DISPUTE
    SETTLEMENT")."""
    return [u for u in index.doc.units() if u.kind in ("part", "chapter", "section") and u.label
            and u.heading and FORUM_HEADING.search(u.heading)]


def forum_articles(index: DocIndex) -> list[Unit]:
    """Articles that are a dispute procedure: headed as one, or sending disputes to a tribunal whose ruling
    binds."""
    text = index.doc.text
    return [u for u in index.doc.units() if u.kind == "article" and u.number
            and ((u.heading and FORUM_HEADING.search(u.heading)) or _may_adjudicate(text, u.start, u.end))]


def _may_adjudicate(text: str, start: int, end: int) -> bool:
    """``_ADJUDICATES.search`` in [start, end), run only where the words it needs are there: a pattern opening
    with ``\\b`` is tried at every character, and most articles name no panel or tribunal. Under ``re``'s
    IGNORECASE only ASCII letters match the letters of "panel" and "bunal", so lowering finds them all."""
    lowered = text[start:end].lower()
    if "panel" not in lowered and "bunal" not in lowered:
        return False
    return _ADJUDICATES.search(text, start, end) is not None


def citing_sentences(index: DocIndex, forums: list[Unit]) -> list[tuple[int, int]]:
    """The sentences that cite one of ``forums`` (or a paragraph of one) right after words that take
    something out of it: "are not subject to 7.1", "Article 20 shall not apply to"."""
    if not forums:
        return []
    text = index.doc.text

    def wanted(m: re.Match[str]) -> bool:
        return EXCLUSION_RE.search(text[max(0, m.start() - _WINDOW):m.start()].lower()) is not None or \
            _SUBJECT_EXCLUDED.match(text, m.end()) is not None or _NOTWITHSTANDING.search(text, max(0, m.start() - 40), m.start()) is not None

    def other(ref: Reference) -> bool:
        return not any(t.unit is not None and within(t.unit, forums) for t in ref.targets)

    found: list[tuple[int, int]] = []
    for ref in index.resolver.references(0, len(text), wanted, index.cue_starts):
        if any(within(t.unit, forums) for t in ref.targets if t.unit is not None):
            start, end = index.sentence_at(ref.start)
            # "The preceding paragraph does not apply to Articles five through eight": the procedure is the
            # subject, and what it does not reach follows the verb
            subject = _SUBJECT_EXCLUDED.match(text, ref.end)
            # "Notwithstanding anything contained in article 10, disputes arising under article 4 ... shall not
            # be submitted to arbitration": the procedure set aside, then what is taken out of it
            aside = _NOTWITHSTANDING.search(text, max(start, ref.start - 40), ref.start) is not None \
                and EXCLUSION_RE.search(text[ref.end:end].lower()) is not None
            if any(_taken_out(index, start, o) for o in index.resolver.references(start, ref.start) if other(o)) \
                    or (subject is not None and any(other(o) for o in index.resolver.references(subject.end(), end))) \
                    or (aside and any(_taken_out(index, start, o) for o in index.resolver.references(ref.end, end)
                                      if other(o))):
                found.append((start, end))
    return found


def _taken_out(index: DocIndex, start: int, ref: Reference) -> bool:
    """Whether ``ref`` names what its sentence (from ``start``) takes out: the sentence opens with it, after
    its own number, or it names what the disputes concern."""
    before = index.doc.text[start:ref.start]
    before = re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|\(\w{1,4}\))\s+", "", before)  # "7.3 ", "(2) "
    return _TAKEN_OUT.search(before) is not None


def within(unit: Unit, forums: list[Unit]) -> bool:
    return any(f.start <= unit.start < f.end for f in forums)
