"""How strongly a sentence commits the Parties to what it mentions.

``classify(sentence, at)`` looks at one sentence (original text) and the position of a match in it:
- ``negated``: the sentence denies the obligation ("No provision of this Chapter obliges a Party...");
- ``soft``: a hedge anywhere ("shall endeavour", "as appropriate"), or the governing modal is soft;
- ``binding``: the governing modal binds ("shall", "must", "agree to");
- ``neutral``: no modal at all (a heading, a definition, a recital).
The governing modal is the last modal before the match, else the first after it: in "The Parties shall
consult and may exchange information", "exchange information" is governed by "may".
"""

from __future__ import annotations

import re
from functools import lru_cache

import attrs

from esa_rules.engine import lexicon
from esa_rules.levels import Level
from esa_rules.normalize import fold
from esa_rules.phrases import compile_phrase


def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    regexes = sorted({compile_phrase(p)[1] for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(regexes) + ")")


NEGATION_RE = _alternation(lexicon.NEGATIONS)
HEDGE_RE = _alternation(lexicon.HEDGES)
BINDING_RE = _alternation(lexicon.BINDING_MODALS)
SOFT_RE = _alternation(lexicon.SOFT_MODALS)
NON_BINDING_RE = _alternation(lexicon.NON_BINDING)
EXCLUSION_RE = _alternation(lexicon.CARVE_OUT_EXCLUSIONS)
TRIGGER_RE = _alternation(lexicon.CARVE_OUT_TRIGGERS)
PROHIBITION_RE = _alternation(lexicon.PROHIBITIONS)
_SUBORDINATE_RE = re.compile(r"\b(?:" + "|".join(lexicon.SUBORDINATORS) + r") $")
# "If a Party intends to negotiate..., it shall inform": the soft verb sits in the condition
_NOTE_RE = re.compile(r"\W{0,3}((?:drafting|negotiators?'?|editor'?s|explanatory|translator'?s) note"
                      r"|note to (?:the )?(?:draft|text|negotiators)|note(?= ?:))", re.IGNORECASE)


def _bracket_around(sentence: str, pos: int) -> tuple[int, int] | None:
    """The span of the square brackets enclosing ``pos``, if any (a footnote "[12]" encloses nothing)."""
    opening = sentence.rfind("[", 0, pos + 1)
    if opening < 0 or sentence.rfind("]", opening, pos) >= 0:
        return None
    closing = sentence.find("]", pos)
    return opening, (len(sentence) if closing < 0 else closing + 1)


# "For the purposes of this Chapter, investment screening means ...": a definition, found by its verb
_DEFINITION_RE = re.compile(r"\b(means|shall mean|refers to|has the meaning|is defined as)\b", re.IGNORECASE)
# "Should either Party become the object of coercion, the Parties shall consult": an inverted condition
_LEAD_RE = re.compile(r"\W*(?:\(?[0-9a-z]{1,4}[.)] ?)?$")
_CONDITION_RE = re.compile(r"\b(?:" + "|".join(lexicon.CONDITIONALS) + r")(?: [\w-]+){0,3} $")


@attrs.frozen
class Cue:
    """A word that decided the strength, in original-sentence offsets (relative to the sentence)."""

    # negation | hedge | binding | soft | subordinate (soft modal in a clause) | definition | carve-out
    # | drafting-note | bracketed (unagreed text)
    kind: str
    start: int
    end: int


@attrs.frozen
class Strength:
    level: Level  # binding | soft | neutral | negated | excluded (a dispute-settlement exclusion)
    cues: tuple[Cue, ...] = ()


@lru_cache(maxsize=4096)
def _folded_cues(sentence: str) -> tuple[Cue, ...]:
    """All cues of a sentence (folded offsets mapped back to the sentence), computed once per sentence."""
    folded = fold(sentence)
    cues: list[Cue] = []
    for kind, regex in (("negation", NEGATION_RE), ("hedge", HEDGE_RE),
                        ("binding", BINDING_RE), ("soft", SOFT_RE)):
        for m in regex.finditer(folded.text):
            if kind == "soft" and (_SUBORDINATE_RE.search(folded.text, max(0, m.start() - 14), m.start())
                                   or _CONDITION_RE.search(folded.text, max(0, m.start() - 60), m.start())
                                   or (m.group() == "should" and _LEAD_RE.match(folded.text, 0, m.start()))):
                kind_here = "subordinate"
            else:
                kind_here = kind
            cues.append(Cue(kind_here, *folded.span(m.start(), m.end())))
    trigger, exclusion = TRIGGER_RE.search(folded.text), EXCLUSION_RE.search(folded.text)
    if trigger is not None and exclusion is not None:
        cues.append(Cue("carve-out", *folded.span(exclusion.start(), exclusion.end())))
    cues.sort(key=lambda c: (c.start, c.kind))
    return tuple(cues)


def classify(sentence: str, at: int = 0) -> Strength:
    """Strength of ``sentence`` for a match starting at sentence offset ``at``."""
    cues = _folded_cues(sentence)
    negations = tuple(c for c in cues if c.kind == "negation")
    if negations:
        return Strength(Level.NEGATED, negations)
    note = _NOTE_RE.match(sentence)
    if note is not None:  # "Drafting note: Party A proposes that ...": about the text, not in it
        return Strength(Level.EXCLUDED, (Cue("drafting-note", note.start(1), note.end(1)),))
    exclusions = tuple(c for c in cues if c.kind == "carve-out")
    if exclusions:
        return Strength(Level.EXCLUDED, exclusions)
    hedges = tuple(c for c in cues if c.kind == "hedge")
    if hedges:
        return Strength(Level.SOFT, hedges)
    modals = [c for c in cues if c.kind in ("binding", "soft")]
    # a modal inside a longer one ("shall" of "shall not be required") never reaches here: negations won
    before = [c for c in modals if c.start < at]
    governing = before[-1] if before else (modals[0] if modals else None)
    # Square brackets mark text the negotiators have not agreed ("[shall][should]", "[Party A: ...]")
    bracket = _bracket_around(sentence, at) or (governing and _bracket_around(sentence, governing.start))
    if bracket:
        return Strength(Level.SOFT, (Cue("bracketed", *bracket),))
    if governing is None:
        definition = _DEFINITION_RE.search(sentence)
        if definition is not None:  # "investment screening means ...": said, but nobody is bound to it
            return Strength(Level.NEUTRAL, (Cue("definition", definition.start(1), definition.end(1)),))
        return Strength(Level.NEUTRAL)
    return Strength(Level.BINDING if governing.kind == "binding" else Level.SOFT, (governing,))
