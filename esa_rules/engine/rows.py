"""A schedule whose rows state their own force in a column of their own ("| 1.1 | Binding | Notify ... |")."""

from __future__ import annotations

import re

from esa_rules.engine.strength import Cue, Reading, Strength
from esa_rules.levels import Level

# ("| Obligation |" and "| Aim |" in a column the draft calls the undertaking's character)
_ROW_FORCE = re.compile(r"\|[ \t]*(binding|mandatory|obligatory|obligation|indicative|voluntary|non-binding|aspirational"
                        r"|aspiration|aim|objective|best[ -]endeavours?)[ \t]*(?=\||$)", re.IGNORECASE | re.MULTILINE)
_ROW_BINDS = frozenset({"binding", "mandatory", "obligatory", "obligation"})


def row_force(text: str, at: int, sentence_start: int, strength: Strength) -> Strength:
    """``strength`` of a match at ``at`` in a table row that states its force in a cell of its own: a row
    marked "Indicative" is soft whatever its verb, one marked "Binding" binds a row that has no verb."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    row = text[start:end]  # "| 1 | ... |", or "1 | Each Party | ... | Obligation" without the outer bars
    marked = _ROW_FORCE.search(text, start, end) if row.lstrip().startswith("|") or row.count(" | ") >= 2 else None
    if marked is None or strength.level not in (Level.NEUTRAL, Level.SOFT, Level.BINDING):
        return strength
    binds = marked.group(1).lower() in _ROW_BINDS
    cue = Cue("binding" if binds else "soft", marked.start(1) - sentence_start, marked.end(1) - sentence_start)
    if binds and strength.level == Level.NEUTRAL:
        return Strength(Level.BINDING, (cue,), Reading("obligation", None, (f"a row marked {marked.group(1)}",)))
    if not binds:
        return Strength(Level.SOFT, (cue,), Reading("exhortation", None, (f"a row marked {marked.group(1)}",)))
    return strength
