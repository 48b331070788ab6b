"""Line numbers printed in the left margin of a negotiating text ("  63   Article 14.7: Semiconductors").

A consolidated text exported from a PDF often numbers every printed line, blank ones included, so that
delegations can cite "line 63". Read as a plain draft, each of those numbers opens its line and hides the
article, paragraph and heading structure behind it. The numbers are blanked (each digit becomes a space),
so that offsets, line numbers and every other character of the file stay where they were.

A column counts as line numbering only when it numbers nearly every line, blank lines included, counting up
by one (or starting again at 1 on a new page). Paragraphs numbered "1", "2", "3" without a full stop are
not that: their continuation lines and the blank lines between them carry no number.
"""

from __future__ import annotations

import re
from itertools import pairwise

_NUMBERED = re.compile(r"[ \t]{0,8}(\d{1,5})(?=[ \t]{2,}\S|[ \t]*$)")
_MIN_LINES = 20  # a shorter run is too little to tell a margin from a list
_SHARE = 0.8  # of the lines in the run that carry a number
_IN_ORDER = 0.9  # of the steps between numbered lines that go up by one, or start a page again at 1


def unnumber_margin(text: str) -> str:
    """``text`` with its margin line numbers blanked, or ``text`` itself when it has none."""
    if text.count("\n") < _MIN_LINES:
        return text
    lines = text.split("\n")
    found = [_NUMBERED.match(line) for line in lines]
    numbered = [(i, int(m.group(1))) for i, m in enumerate(found) if m is not None]
    if len(numbered) < _MIN_LINES:
        return text
    first, last = numbered[0][0], numbered[-1][0]
    if len(numbered) < _SHARE * (last - first + 1):
        return text
    steps = list(pairwise(numbered))
    in_order = sum(1 for (_, a), (_, b) in steps if b == a + 1 or b == 1)
    if in_order < _IN_ORDER * len(steps):
        return text
    for i, _ in numbered:
        m = found[i]
        assert m is not None
        lines[i] = lines[i][:m.start(1)] + " " * (m.end(1) - m.start(1)) + lines[i][m.end(1):]
    return "\n".join(lines)
