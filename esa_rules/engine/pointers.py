"""References that point at content, and what they stand for (``structure.links`` turns them into links).

"the minerals listed in the Appendix", "the matters governed by Articles 2 to 7", "the treatment indicated in
Table 1" stand for what they name; "as referred to in Chapter 8", "pursuant to Article 5" and "Article XXI of
the GATT 1994" cite rather than point. A sentence that acts upon the provisions it names ("shall not withhold
the performance of its obligations under §§ 3 to 7", "shall not affect the cooperation under Articles 3 to
7") is about them, not a second copy of them: it carries nothing (``cites`` still reads what it names).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from esa_rules.document import Document
from esa_rules.engine.references import PRECEDING_RE, Reference, Resolver, Target

_POINTING = re.compile(
    r"(?:\b(?:listed|set\s+out|set\s+forth|referred\s+to|specified|identified|indicated|enumerated|contained|"
    r"described|mentioned|named|governed|covered|included|laid\s+down|provided\s+for)\s+(?:in|by|under)\s+"
    r"|\b(?:matters|obligations|commitments|undertakings|goods|minerals|materials|items|products|sectors|technologies|"
    r"questions|issues|treatment|cooperation|disciplines)\s+(?:in|of|under)\s+)"
    # a part of what is named: "set out in column 3 of Table 9-A", "listed in Part B of Annex 2", "set out
    # in the Table in the Schedule", "set out in column 3 of the table in Annex I"
    r"(?:(?:the\s+)?(?:columns?|rows?|parts?|items?|entries|entry|lines?|headings?|tables?)(?:\s+[\w.\-]{1,6})?"
    r"\s+(?:of|in)\s+){0,2}"  # "set out in column 3 of the table in Annex I"
    r"(?:the\s+)?$", re.IGNORECASE)
_POINTING_LAST = frozenset({"in", "by", "under", "of"})
# a name, then the reference in brackets: "the Table of Obligations ("
_APPOSITION = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w'-]*\s+(?:(?:of|on|for|and)\s+(?:the\s+)?)?){0,6}[A-Z][\w'-]*\s*\($")
# A reference that names what follows it: "Annex A minerals", "Schedule 2 goods", "Part B items"
_NAMED_BY = re.compile(r"[ \t]+(?:minerals|goods|items|products|materials|commodities|ores|substances|technolog(?:y|ies))\b")
# "Chapters 1 through 14 of the Harmonized System", "Article XXI of the GATT 1994": another instrument
ELSEWHERE = re.compile(r"\s*(?:\([^)]{0,80}\)\s*)?,?\s*of\s+(?!this\b|these\b|the present\b)", re.IGNORECASE)
_CONTENT_KINDS = frozenset({"paragraph", "subparagraph", "annex", "table"})
# Articles are content only where the words before them say so: "the matters governed by Articles 2 to 7".
_MATTERS = re.compile(r"\b(?:matters|questions|issues|obligations|undertakings)\s+(?:governed\s+by|in|under|set\s+out"
                      r"\s+in|referred\s+to\s+in|listed\s+in)\s+(?:the\s+)?$", re.IGNORECASE)
_MAX_SOURCE = 3000  # characters (spacing counted once): a reference to more cites a text, not content it points at
_MAX_TARGETS = 8
_ACTS_ON = re.compile(r"\b(?:(?:suspend|withhold|withdraw|delay|defer|terminat|hold\w*\s+up|interrupt|impair|prejudice|"
                      r"stall|block)\w*|affects?|affecting)\b(?:[^.;](?!\b(?:shall|must|may)\b)){0,100}$", re.IGNORECASE)


def pointing_references(doc: Document, resolver: Resolver, candidates: Mapping[str, Sequence[int]] | None
                        ) -> Iterator[tuple[Reference, list[Target], bool]]:
    """Each reference that points at content, the units it stands for, and whether it points back ("the
    foregoing")."""
    text = doc.text

    def pointing(m: re.Match[str]) -> bool:
        if m.re is PRECEDING_RE or _NAMED_BY.match(text, m.end()):
            return True
        # every pointing phrase ends in one of these words (then perhaps "the"): most references in a
        # treaty ("pursuant to Article 5") are ruled out without searching back for the whole phrase
        # the apposition ends in "(" right before the reference (``$`` allows a newline after it): most
        # references have none, and the search back over 120 characters is spared
        named = _APPOSITION.search(text, max(0, m.start() - 120), m.start()) \
            if "(" in text[max(0, m.start() - 2):m.start()] else None
        if named is not None:  # "set out in the Table of Obligations (Annex No. 4)": the annex named in apposition
            return (_POINTING.search(text, max(0, m.start() - 160), named.start()) is not None
                    and not ELSEWHERE.match(text, m.end()))
        words = text[max(0, m.start() - 24):m.start()].split()[-2:]
        if words and words[-1].lower() == "the":
            words.pop()
        if not words or words[-1].lower() not in _POINTING_LAST:
            return False
        return (_POINTING.search(text, max(0, m.start() - 60), m.start()) is not None
                and not ELSEWHERE.match(text, m.end()))

    for ref in resolver.references(0, len(text), pointing, candidates):
        if _ACTS_ON.search(text, max(0, ref.start - 120), ref.start):
            continue
        backwards = PRECEDING_RE.fullmatch(text, ref.start, ref.end) is not None  # "the foregoing"
        kinds = _CONTENT_KINDS | ({"article"} if _MATTERS.search(text, max(0, ref.start - 60), ref.start) else set())
        targets = [t for t in ref.targets if (t.unit is None or t.unit.kind in kinds)
                   and t.fits(text, _MAX_SOURCE) and not t.start <= ref.start < t.end
                   # an annex with articles of its own is an instrument read on its own, not a list to carry
                   and (t.unit is None or t.unit.kind != "annex" or not any(u.kind == "article" for u in t.unit.walk()))]
        if len(targets) <= _MAX_TARGETS:
            yield ref, targets, backwards
