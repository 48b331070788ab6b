"""Text the negotiators have not agreed, which counts for nothing: a whole provision in square brackets, and
the proposal columns of a rolling text set out as a table.

A rolling negotiating text often sets each article out as a row: the article's number, each Party's latest
proposal in a column of its own, and the wording closed so far in a column headed "Agreed text". Only that
column is the draft; a Party's proposal is firm wording the other side has not accepted. A table counts as
such a text only when its header names both proposals (or positions) and an agreed (closed, consolidated)
column, so an ordinary table of commitments, or one with a column of comments, is read as before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise

# "[Article 3 Critical minerals 1. Neither Party shall ...](2)": a bracket opened at the start of a line and
# closed lines or sentences later; or, after a paragraph's number, a provision kept only for the record ("3.
# [Repealed by the Second Protocol. Former text: ...]")
_LINE_BRACKET = re.compile(r"(?m)^[ \t]*\[|^[ \t]*(?:\d{1,3}[.)]|\(\w{1,4}\)|[a-z]\))[ \t]+\["
                           r"(?=(?i:repealed|deleted|omitted|former text|expired|lapsed|spent)\b)")
_BRACKET = re.compile(r"[\[\]]")
_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|.*$")
_PROPOSED = re.compile(r"(?i)\b(?:proposals?|proposed|positions?|requests?|offers?)\b")
_AGREED = re.compile(r"(?i)\b(?:agreed|closed|consolidated|compromise|settled)\b")
_RULE = re.compile(r"[\s|:-]*")


@lru_cache(maxsize=8)
def unagreed(text: str) -> tuple[tuple[int, int], ...]:
    """The spans (original offsets) of text not agreed: bracketed provisions and proposal cells, in order."""
    return tuple(sorted(_bracketed(text) + _proposal_cells(text)[0]))


def split_cells(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence ``spans`` cut where a cell of a rolling text's table starts: a Party's proposal and the agreed
    wording beside it are separate texts, however a row of an ordinary table reads as one sentence."""
    breaks = sorted(set(_proposal_cells(text)[1]))
    if not breaks or not spans or bisect_left(breaks, spans[0][0]) == bisect_left(breaks, spans[-1][1]):
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        i = bisect_left(breaks, start + 1)
        while i < len(breaks) and breaks[i] < end:
            if text[start:breaks[i]].strip(" \t|"):
                out.append((start, breaks[i]))
            start = breaks[i]
            i += 1
        if text[start:end].strip(" \t|"):
            out.append((start, end))
    return out or spans


def _bracketed(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _LINE_BRACKET.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue  # inside a bracketed provision already found
        depth = 0
        for b in _BRACKET.finditer(text, m.end() - 1, m.end() + 20_000):
            depth += 1 if b.group() == "[" else -1
            if depth == 0:
                # "[shall][should] ..." at the start of a line leaves open a word, not the provision
                if len(text[m.end():b.start()].split()) > 3:
                    spans.append((m.end() - 1, b.end()))
                break
    return spans


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the table row at [start, end), as spans between its bars."""
    bars = [i for i in range(start, end) if text[i] == "|"]
    return [(a + 1, b) for a, b in pairwise(bars)]


@lru_cache(maxsize=8)
def _proposal_cells(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The proposal cells of every rolling text's table, and where each cell of such a table starts."""
    if "|" not in text:
        return [], []
    spans: list[tuple[int, int]] = []
    breaks: list[int] = []
    proposals: list[int] | None = None  # the proposal columns of the table being read
    last_end = -2
    for row in _TABLE_ROW.finditer(text):
        if row.start() > last_end + 1:
            proposals = None  # a new table starts: its first row is its header
        last_end = row.end()
        cells = _cells(text, row.start(), row.end())
        if proposals is None:
            heads = [text[a:b] for a, b in cells]
            agreed = any(_AGREED.search(h) and not _PROPOSED.search(h) for h in heads)
            proposals = [n for n, h in enumerate(heads) if _PROPOSED.search(h)] if agreed else []
            continue
        if _RULE.fullmatch(text, row.start(), row.end()):
            continue  # the |---|---| line under the header
        if proposals:
            spans.extend(cells[n] for n in proposals if n < len(cells))
            breaks.extend(x for a, b in cells for x in (a - 1, a, b))  # each bar is a piece of its own, dropped
    return spans, breaks
