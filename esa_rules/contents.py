"""A list of contents at the head of a draft: headings that only name the ones below.

"CONTENTS", "TABLE OF CONTENTS" or a Commonwealth statute's "ARRANGEMENT OF PROVISIONS" opens a list of the
draft's headings; the body begins at the first heading the list has named already. The segmenter makes the
whole list one preamble node, so that its entries do not each become a division holding the next entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

_CONTENTS = re.compile(r"^[ \t#*_]*(?i:(?:table of )?contents|arrangement of (?:provisions|sections|articles|clauses|paragraphs))"
                       r"[ \t*_:]*$", re.MULTILINE)


class _Heading(Protocol):
    kind: str
    number: str | None
    start: int


def contents_listed(text: str, headings: Sequence[_Heading]) -> tuple[int, int] | None:
    """How many of ``headings`` a list of contents above the first of them names, and where the list's cue
    starts; None when there is no such list, or when the body never repeats it."""
    cue = _CONTENTS.search(text, 0, headings[0].start) if headings else None
    count = _entries(_keys(headings)) if cue else 0
    return (count, cue.start()) if cue and count else None


def _keys(headings: Sequence[_Heading]) -> list[tuple[str, str | None, str | None]]:
    """Each heading's kind and number, a Part's with its Schedule's ("SCHEDULE 2 ... Part 1" is no repeat)."""
    keys: list[tuple[str, str | None, str | None]] = []
    annex = None
    for node in headings:
        annex = node.number if node.kind == "annex" else annex
        keys.append((node.kind, node.number, annex if node.kind == "part" else None))
    return keys


def _entries(keys: list[tuple[str, str | None, str | None]]) -> int:
    """How many headings only list the ones below: those up to the first heading the list has named already
    ("PREAMBLE" after a listed "Preamble", "CHAPTER ONE" after "CHAPTER ONE   GENERAL PROVISIONS")."""
    seen: set[tuple[str, str | None, str | None]] = set()
    for index, key in enumerate(keys):
        if key in seen:
            return index
        seen.add(key)
    return 0
