"""A list described where it is introduced, and the other places that name it.

"The Parties shall apply licensing requirements to exports of the goods ... capable of both civil and
military application that are listed in Annex XII" says what Annex XII holds, whether or not the annex
is attached and whatever its own heading says. Another sentence that names the same list ("items listed in
Annex XII", "before adding items to Attachment I") stands for that description, as a lawyer reads it: a
``reference`` link from the name to the words around it where the list was introduced.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from esa_rules.document import Document
from esa_rules.engine.structure import Link
from esa_rules.engine.term_uses import sentence

# "Annex XII", "Attachment I", "Schedule 2", "Appendix A", "Table 9-E": a list named by its number
_LIST = re.compile(r"\b(?i:(annex|attachment|schedule|appendix|table))\s+(?:No\.\s*)?([0-9]{1,3}(?:[.-][0-9A-Z]{1,3})?"
                   r"|[IVXLC]{1,6}\b|[A-Z]\b(?:-[0-9]{1,2})?)")
_CAPTION = re.compile(r"[ \t]*(?:$|[-\u2013\u2014:.(\[]|[A-Z])", re.MULTILINE)
# the words that introduce a list: "listed in", "set out in the", "specified in"
_INTRODUCED = re.compile(r"\b(?:listed|set\s+out|specified|enumerated|identified|contained|included|referred\s+to)"
                         r"\s+in\s+(?:the\s+)?$", re.IGNORECASE)
# a definition's "means": its term, used elsewhere, already stands for it (``structure.links``)
_DEFINES = re.compile(r"\b(?:means|shall mean|refers to|has the meaning)\b")
_REACH = 150  # characters either side of the list's name, within its sentence, that describe it


def described_lists(doc: Document) -> Iterator[Link]:
    """A ``reference`` link from each later naming of a list to the words that described it where it was
    first introduced ("listed in Annex XII, which serve ordinary industry but can also serve weapons")."""
    text = doc.text
    heads = sorted(u.heading_span for u in doc.units() if u.heading_span)
    described: dict[str, tuple[tuple[int, int], str]] = {}
    named: list[tuple[str, int, int]] = []
    for m in _LIST.finditer(text):
        key = f"{m.group(1).lower()} {m.group(2).upper()}"
        line_start = text.rfind("\n", 0, m.start()) + 1
        at = bisect_right(heads, (m.start(), len(text))) - 1
        if (at >= 0 and m.start() < heads[at][1]) or \
                (not text[line_start:m.start()].strip(" \t#*_") and _CAPTION.match(text, m.end())):
            continue  # the list's own heading ("ANNEX I - Goods of first necessity"), not "Annex I shall ..."
        if key not in described and _INTRODUCED.search(text, max(0, m.start() - 40), m.start()):
            leaf = doc.unit_path(m.start())[-1]
            start, end = sentence(text, leaf, m.start())
            if _DEFINES.search(text, start, m.start()):
                continue  # '"critical minerals" means the minerals listed in Annex 9-A': the term carries it
            described[key] = ((max(start, m.start() - _REACH), min(end, m.end() + _REACH)), leaf.label)
            continue
        named.append((key, m.start(), m.end()))
    for key, start, end in named:
        if key in described:
            source, label = described[key]
            if not source[0] <= start < source[1]:
                yield Link("reference", (start, end), source,
                           f"\u201c{text[start:end]}\u201d, the list {label} describes")
