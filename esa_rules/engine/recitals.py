"""Recitals of a preamble: what the Parties recognise or note before they agree, which commits no one.

A sentence of the preamble is a recital when it opens as recitals do ("Recognising that ...", "Mindful of
..."), or, whatever its wording, when the preamble ends in the formula that introduces what the Parties
agree ("HAVE AGREED AS FOLLOWS") or opens its recitals with "Whereas:" (the numbered, indicative recitals
of EU drafting: "(11) Each Party remains able to take the measures it considers necessary ..."). The
numbered paragraphs of a declaration with no such formula ("7. Note that nothing ...") are its operative
text, not recitals.
"""

from __future__ import annotations

import re

from esa_rules.document import STRUCTURAL_KINDS
from esa_rules.engine.index import DocIndex

# The words a recital opens with: "Recognising that ...", "Mindful of ...", "Bearing in mind ..."
_RECITAL = re.compile(
    r"[\s\d.()]*(?:recogni[sz]ing|mindful|noting|considering|affirming|reaffirming|acknowledging|bearing in mind|"
    r"desiring|desirous|convinced|conscious|determined|emphasi[sz]ing|stressing|welcoming|recalling|aware|"
    r"concerned|believing|seeking|resolved|aspiring|underlining|underscoring|sharing|wishing|taking into account|"
    r"having regard|inspired|reiterating|expressing)\b",
    re.IGNORECASE)
# "HAVE AGREED AS FOLLOWS:", "hereby agree as follows", "have agreed upon the following"
_ENACTING = re.compile(r"\b(?:have|hereby)\s+agreed?\s+(?:as\s+follows|upon\s+the\s+following|on\s+the\s+following)\b",
                       re.IGNORECASE)
_WHEREAS = re.compile(r"^\W*whereas\s*:?\s*$", re.IGNORECASE | re.MULTILINE)
_FORMULA_REACH = 200  # the formula closes the preamble, right after its last recital
_TITLE_LINE = re.compile(r"^[^a-z\n]*[A-Z]{4,}[^a-z\n]*$", re.MULTILINE)  # a line in capitals: "ANNEX", "PROTOCOL ..."


def recital(index: DocIndex, sentence: tuple[int, int]) -> bool:
    """Whether a sentence is a recital of the preamble: the innermost structural unit around it is the
    preamble (articles that follow a "PREAMBLE" heading sit inside it in the tree), and it opens as
    recitals do, or the preamble is one of recitals by its form (see the module's docstring)."""
    unit = next((u for u in index.ancestors(index.leaf_at(sentence[0])) if u.kind in STRUCTURAL_KINDS), None)
    if unit is not None and unit.label != "Preamble":
        return False
    text = index.doc.text
    if _RECITAL.match(text, sentence[0], sentence[1]) is not None:
        return True
    if unit is None:
        return False
    formula = _ENACTING.search(text, sentence[1], unit.end + _FORMULA_REACH)
    # a title in capitals between them ("ANNEX", "PROTOCOL BETWEEN ...") starts another instrument, whose
    # formula closes its own preamble, not the statement before it
    if formula is not None and _TITLE_LINE.search(text, sentence[1], formula.start()) is None:
        return True
    return _WHEREAS.search(text, unit.start, sentence[0]) is not None
