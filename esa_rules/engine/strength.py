"""What a sentence commits to, read clause by clause: who is bound, with what force, on what condition.

``classify(sentence, at)`` reads the clause of ``sentence`` (original text) that holds offset ``at``:
- a clause ends where another with its own subject and modal begins (";", "but shall", ", which shall",
  ", and, if it does,"): a denial or hedge in one clause says nothing about the next, so "is not obliged
  to disclose ... but shall consult" binds the consultation;
- ``negated``: the clause denies the obligation ("No provision of this Chapter obliges a Party...");
- ``soft``: a hedge in the sentence ("shall endeavour", "as appropriate"), a duty the Party may escape by
  its own judgement ("unless it judges ..."), or a soft governing modal;
- ``binding``: the governing modal binds ("shall", "must", "agree to", "may not", "Neither Party may"), or
  a failure is prohibited ("No Party shall fail to notify");
- ``neutral``: no modal (a heading, a definition, a recital), or a right to set something going ("may
  request consultations"): the duty it triggers decides.
The governing modal is the last before the match in its clause, else the first after it ("shall consult
and may exchange information": "may" governs "exchange"). ``Strength.reading`` says it in words.
"""

from __future__ import annotations

import re
from functools import lru_cache

import attrs

from esa_rules.dsl.patterns import expand_pattern
from esa_rules.engine import lexicon
from esa_rules.levels import Level
from esa_rules.normalize import fold
from esa_rules.phrases import compile_phrase


def _alternation(phrases: tuple[str, ...], unless: str = "") -> re.Pattern[str]:
    regexes = sorted({compile_phrase(e)[1] for p in phrases for e in expand_pattern(p)}, key=len, reverse=True)
    return re.compile(r"(?<!\w)" + (f"(?!{unless})" if unless else "") + "(?:" + "|".join(regexes) + ")")


def _regexes(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


NEGATION_RE = _alternation(lexicon.NEGATIONS)
HEDGE_RE = _alternation(lexicon.HEDGES)
# "control of an undertaking" is an enterprise, not a promise; "undertaking to" still binds
BINDING_RE = _alternation(lexicon.BINDING_MODALS, unless=r"undertaking\b(?! to\b)")
# "any restriction of trade, intended to compel a Party ...", "measures intended to compel": a participle
# describing the measure, not the Parties' intention ("The Parties intended to ..." still is one)
SOFT_RE = _alternation(lexicon.SOFT_MODALS, unless=r"(?:(?<=, )|(?<=measure )|(?<=measures )|(?<=action )|(?<=actions )|(?<=conduct ))intended\b")
NON_BINDING_RE = _alternation(lexicon.NON_BINDING)
EXCLUSION_RE = _alternation(lexicon.CARVE_OUT_EXCLUSIONS)
TRIGGER_RE = _alternation(lexicon.CARVE_OUT_TRIGGERS)
PROHIBITION_RE = _alternation(lexicon.PROHIBITIONS)
OWN_JUDGEMENT_RE = _regexes(lexicon.OWN_JUDGEMENT)
JOINT_CONSENT_RE = _regexes(lexicon.JOINT_CONSENT)
DOUBLE_NEGATIVE_RE = _regexes(lexicon.DOUBLE_NEGATIVES)
CLAUSE_BREAK_RE = _regexes(lexicon.CLAUSE_BREAKS)
_TRIGGER_RE = re.compile(lexicon.TRIGGER)
_EPISTEMIC = re.compile(r" (?:arise|occur|happen|result|emerge|exist|ensue)\b")
_HARD_BREAKS = frozenset(";b")  # a hedge does not reach across ";" or "but" (see _clauses)
_SUBORDINATE_RE = re.compile(r"\b(?:" + "|".join(lexicon.SUBORDINATORS) + r") $")
# "If a Party intends to negotiate..., it shall inform": the soft verb sits in the condition
_NOTE_RE = re.compile(r"\W{0,3}((?:drafting|negotiators?'?|editor'?s|editorial|explanatory|translator'?s|depositary'?s) note"
                      r"|note to (?:the )?(?:draft|text|negotiators)|note(?= ?:)|ed\. ?\d{1,3}(?= ?:))", re.IGNORECASE)


def _bracket_around(sentence: str, pos: int) -> tuple[int, int] | None:
    """The span of the square brackets enclosing ``pos``, if any (a footnote "[12]" encloses nothing)."""
    opening = sentence.rfind("[", 0, pos + 1)
    if opening < 0 or sentence.rfind("]", opening, pos) >= 0:
        return None
    closing = sentence.find("]", pos)
    return opening, (len(sentence) if closing < 0 else closing + 1)


# "[shall][must]", "[shall/must]", "[shall] or [must]": a run of adjacent bracketed alternatives
_BRACKET_RUN = re.compile(r"\[[^\[\]]{1,40}\](?:[ \t]*(?:(?:/|\||or)[ \t]*)?\[[^\[\]]{1,40}\])*")
_BRACKETED = re.compile(r"\[([^\[\]]*)\]")
_ALTERNATIVE_SPLIT = re.compile(r"\s*(?:/|\||\bor\b)\s*")
_BINDING_ALTERNATIVES = frozenset(lexicon.BINDING_MODALS) | {"shall be required to", "is bound to", "are bound to",
                                                               "is to", "are to"}
_PARTY_CODE = re.compile(r"^[A-Z][A-Za-z]{0,5}(?: propose[sd]?)?:\s*")  # "[OR: 10] [KS: 15]": who proposes which
_FIGURE = re.compile(r"\d{1,4}(?: (?:calendar |working |business )?(?:days?|weeks?|months?|years?))?")


def _alternatives_all_bind(sentence: str, bracket: tuple[int, int]) -> bool:
    """Whether the brackets at ``bracket``, with those right next to it, leave open only which binding word
    or which figure to write: "[shall][must] notify" and "within [OR: 10] [KS: 15] days" bind whichever is
    chosen; "[shall][should]" does not."""
    run = next((m for m in _BRACKET_RUN.finditer(sentence) if m.start() <= bracket[0] < m.end()), None)
    if run is None:
        return False
    choices = [c for inside in _BRACKETED.findall(run.group())
               for c in _ALTERNATIVE_SPLIT.split(_PARTY_CODE.sub("", inside.strip()).lower())]
    if len(choices) < 2:
        return False
    return all(" ".join(c.split()) in _BINDING_ALTERNATIVES for c in choices) \
        or all(_FIGURE.fullmatch(c) for c in choices)


_HYPOTHETICAL = frozenset({"would", "could", "might"})
QUALIFIERS = frozenset({"hedge", "own-judgement", "consent"})  # cues that leave a duty to the bound Parties' choice
_VERB_HEDGE = re.compile(r"(?i:consider|take into account|take account|have regard|examine the possibility|explore)\b")
_CONDITION_WORD = re.compile(r"\b(?:where|if|when|whenever|unless|whose|which|that)\b", re.IGNORECASE)
_RELATIVE_POWER = re.compile(r"(?:\b(?:by|under|through|pursuant to|according to) which|\bwhereby)"
                             r"(?:[^.;]|\.(?=\d)){1,320}$",  # a full stop inside "Article 11.1(a)" ends nothing
                             re.IGNORECASE)
# A body that may be set up, and the duties it has if it is: all of them depend on a choice not yet made
_CONTINGENT = re.compile(r"\b(may be (?:established|created|set up|constituted|convened)\b[^.;]{0,160}?"
                         r"\b(?:if|once|where|when) (?:it|they|so|such a (?:body|committee|council)) "
                         r"(?:is|are|has been|have been)(?: so)?(?: (?:established|created|set up))?)\b", re.IGNORECASE)
# "... may be established ... If so established, the Committee shall meet": hangs on the choice left open
_OPENS_CONTINGENT = re.compile(r"\W*(?:\(?[0-9a-z]{1,4}[.)]\s*)?((?:if|once|where|when)\s+(?:it is\s+|they are\s+|"
                               r"it has been\s+)?(?:so\s+)?(?:established|created|set up|constituted|convened))\b",
                               re.IGNORECASE)
# ... left open so: "may be established", "may, when necessary, establish", "where ... so decide, ... shall be established"
_SET_UP = r"(?:establish|create|set up|constitute|convene)"
_MAY_BE_SET_UP = re.compile(rf"\bmay be {_SET_UP}[ed]*\b|\bmay(?:,[^,.;]{{1,60}},)? (?:establish|create|set up|constitute)\b"
                            rf"|\b(?:where|if|when|should)\b[^.;]{{1,60}}\bso (?:decides?|agrees?)\b[^.;]{{0,120}}"
                            rf"\b(?:shall|may|will) be {_SET_UP}[ed]*\b|\bconsider the (?:establishment|creation|setting up) of\b",
                            re.IGNORECASE)


# An instrument's own convention that its "will" binds: 'the word "will" imposes an obligation in the same way
# as "shall"' (a memorandum's "will ... express the intentions of the Participants only" is the opposite)
WILL_BINDS_RE = re.compile(r"[\"\u201c]will[\"\u201d](?:(?!\b(?:not|no|only)\b)[^.;]){0,80}?(?:imposes?\b[^.;]{0,60}?\b"
                           r"obligation|legally bind|in the same way as [\"\u201c]shall|same (?:force|effect|meaning) as "
                           r"(?:if the word )?[\"\u201c]shall|is an? (?:legal|binding|legally binding) (?:obligation|commitment))",
                           re.IGNORECASE)


def _soft_only_for(words: frozenset[str], text: str, sentence_start: int, strength: Strength) -> bool:
    """Whether ``strength`` is soft only for modals among ``words`` (cues relative to the sentence at
    ``sentence_start`` of ``text``; a chapeau's lie before it)."""
    return strength.level == Level.SOFT and bool(strength.cues) and all(
        c.kind == "soft" and text[sentence_start + c.start:sentence_start + c.end].lower() in words
        for c in strength.cues)


def will_as_shall(text: str, sentence_start: int, strength: Strength) -> Strength:
    """``strength`` in an instrument whose "will" binds: soft only for "will" is binding."""
    if _soft_only_for(frozenset({"will"}), text, sentence_start, strength):
        reading = attrs.evolve(strength.reading, force="obligation") if strength.reading is not None else None
        return Strength(Level.BINDING, strength.cues, reading)
    return strength


def hypothetical_only(sentence: str, strength: Strength) -> bool:
    """Whether ``strength`` is soft only for a "would"/"could"/"might" that describes something ("(a) identify
    the goods whose interruption would impair ..."): a list item under a chapeau takes the chapeau's force."""
    return _soft_only_for(_HYPOTHETICAL, sentence, 0, strength)


def contingent_on(before: str, sentence: str, strength: Strength) -> Strength:
    """``strength`` of a sentence, soft when it opens "If so established, ..." after ``before`` (the text
    just before it) said the body "may be established"."""
    if strength.level != Level.BINDING:
        return strength
    opening = _OPENS_CONTINGENT.match(sentence)
    if opening is None or _MAY_BE_SET_UP.search(before) is None:
        return strength
    cue = Cue("contingent", opening.start(1), opening.end(1))
    reading = attrs.evolve(strength.reading, force="exhortation") if strength.reading is not None else None
    return Strength(Level.SOFT, (cue,), reading)


_DEFINITION_RE = re.compile(r"\b(means|shall mean|refers to|has the meaning|is defined as)\b", re.IGNORECASE)
# "Sensitive Acquisition means a transaction ... where the Reviewing Authority may ...": a sentence that opens
# by defining a term describes the term, whatever modal its description holds
_TERM_WORD = r"(?!(?:shall|may|must|will|should|would|can|could|is|are|be|has|have|maintain)\b)[\w-]+"
_LEADING_DEFINITION = re.compile(rf"\W*(?:\(?[0-9a-z]{{1,4}}[.)]\s+)?[\"\u201c]?(?:{_TERM_WORD}\s+){{0,5}}?{_TERM_WORD}"
                                 r"[\"\u201d]?\s+(means|shall mean|has the meaning)\b", re.IGNORECASE)
# "Should either Party become the object of coercion, the Parties shall consult": an inverted condition
_LEAD_RE = re.compile(r"\W*(?:\(?[0-9a-z]{1,4}[.)] ?)?$")
_DETERMINER = re.compile(r"\b(?:the|an?|any|such|each|every|its|their) $")
# a binding modal, then a relative or conditional word opening a clause with its own subject and verb
_ANOTHER_ACTOR = re.compile(r"\b(?:shall|must)\b[^;]*\b(?:which|whereby|whom|whose|who|where|if|when|that)\b[^;]*$")
_CONDITION_RE = re.compile(r"\b(?:" + "|".join(lexicon.CONDITIONALS) + r")(?: [\w-]+){0,3} $")
# "shall assess whether the acquisition could endanger its defence": the question weighed, not the duty
_WHETHER_RE = re.compile(r"\bwhether(?: [\w-]+){0,10} $")
# "The other Party [should][may] agree to hold consultations": "agree to" is the verb, not the modal
_VERB_AFTER_MODAL = re.compile(r"\b(?:shall|may|should|will|must|might|could|would|to)\]?(?: \[[a-z ]+\])* $")
# The conditions a reading names: a conditional and its words up to the next comma ("if it does").
_CONDITIONS_RE = re.compile(r"\b(?:" + "|".join(lexicon.CONDITIONALS) + r"|provided that|upon request"
                            r"|at the request of|on the request of)\b[^,;.]{0,80}")


@attrs.frozen
class Cue:
    """A word that decided the strength, in original-sentence offsets (relative to the sentence)."""

    # negation | hedge | own-judgement | consent (both sides') | binding | soft | trigger (a right to request) |
    # subordinate (soft modal in a clause) | double-negative | definition | carve-out | drafting-note |
    # bracketed (unagreed)
    kind: str
    start: int
    end: int


@attrs.frozen
class Reading:
    """The deontic reading of the clause that decided a strength, in words (``explain`` shows it)."""

    force: str  # obligation | prohibition | permission | exhortation | denial | exception | statement | ...
    bound: str | None = None  # "each Party", "the other Party", "the Council"; None when unsaid
    conditions: tuple[str, ...] = ()  # "if it does", "unless it judges ...", "where appropriate"


@attrs.frozen
class Strength:
    level: Level  # binding | soft | neutral | negated | excluded (a dispute-settlement exclusion)
    cues: tuple[Cue, ...] = ()
    reading: Reading | None = None


@attrs.frozen
class _Sentence:
    """Everything ``classify`` needs about one sentence, computed once: cues and clause boundaries."""

    cues: tuple[Cue, ...]
    breaks: tuple[tuple[int, str], ...]  # (start of a new clause, "h" hard | "s" soft), sentence offsets
    conditions: tuple[tuple[int, int], ...]  # spans of conditional phrases ("if it does", "where ...")
    prohibitions: frozenset[int] = frozenset()  # starts of binding cues that prohibit ("shall not")


@lru_cache(maxsize=4096)
def _read(sentence: str) -> _Sentence:
    """All cues of a sentence (folded offsets mapped back to the sentence), computed once per sentence."""
    folded = fold(sentence)
    text = folded.text
    cues: list[Cue] = []
    bound: list[tuple[int, int]] = []  # binding modals (folded): "may" of "Neither Party may" is one of them
    for kind, regex in (("negation", NEGATION_RE), ("hedge", HEDGE_RE), ("own-judgement", OWN_JUDGEMENT_RE),
                        ("consent", JOINT_CONSENT_RE),
                        ("double-negative", DOUBLE_NEGATIVE_RE), ("binding", BINDING_RE), ("soft", SOFT_RE)):
        for m in regex.finditer(text):
            kind_here = kind
            if kind == "binding":
                bound.append(m.span())
            elif kind == "soft" and any(lo <= m.start() < hi for lo, hi in bound):
                continue
            if kind == "binding" and _VERB_AFTER_MODAL.search(text, max(0, m.start() - 24), m.start()) \
                    and m.group().startswith(("agree", "undertake", "commit")):
                continue  # "may agree to hold": the verb of another modal, which governs it
            if kind == "soft" and m.group().endswith("ed") and _DETERMINER.search(text, max(0, m.start() - 8), m.start()):
                continue  # "shall examine the intended acquisition": an adjective, not a modal
            if kind == "soft":
                # "A Party intending to open negotiations ... shall inform": a participle describes the
                # subject; the finite verb carries the sentence's force
                if ((m.group().endswith("ing") and m.group() not in lexicon.SOFT_MODALS)
                        or _SUBORDINATE_RE.search(text, max(0, m.start() - 14), m.start())
                        or _CONDITION_RE.search(text, max(0, m.start() - 60), m.start())
                        or _WHETHER_RE.search(text, max(0, m.start() - 60), m.start())
                        or _EPISTEMIC.match(text, m.end())  # "whatever dispute may arise": what can happen
                        or (m.group() == "should" and _LEAD_RE.match(text, 0, m.start()))):
                    kind_here = "subordinate"
                elif _TRIGGER_RE.match(text, m.start()):
                    kind_here = "trigger"
            if kind == "hedge" and re.match(r"[a-z]+s\b", m.group()) and _ANOTHER_ACTOR.search(text, 0, m.start()):
                # "shall treat as a concern any measure by which a third State ... encourages a boycott": a
                # verb of another subject in a clause inside the duty, not a weakening of the duty
                kind_here = "subordinate"
            cues.append(Cue(kind_here, *folded.span(m.start(), m.end())))
    trigger, exclusion = TRIGGER_RE.search(text), EXCLUSION_RE.search(text)
    if trigger is not None and exclusion is not None:
        cues.append(Cue("carve-out", *folded.span(exclusion.start(), exclusion.end())))
    cues.sort(key=lambda c: (c.start, c.kind))
    prohibitions = frozenset(folded.span(m.start(), m.end())[0] for m in BINDING_RE.finditer(text)
                             if PROHIBITION_RE.match(text, m.start()))
    breaks = tuple((folded.span(m.end(), m.end())[0], "h" if m.group().strip(", ")[:1] in _HARD_BREAKS else "s")
                   for m in CLAUSE_BREAK_RE.finditer(text) if m.end() < len(text))
    conditions = tuple(folded.span(m.start(), min(len(text), m.end())) for m in _CONDITIONS_RE.finditer(text))
    return _Sentence(tuple(cues), breaks, conditions, prohibitions)


def _clause(read: _Sentence, at: int, length: int, hard_only: bool = False) -> tuple[int, int]:
    """The clause holding ``at``: between the clause breaks around it (only ";" and "but" if hard_only)."""
    start, end = 0, length
    for offset, kind in read.breaks:
        if hard_only and kind != "h":
            continue
        if offset <= at:
            start = offset
        elif offset < end:
            end = offset
            break
    return start, end


@lru_cache(maxsize=16384)  # the same sentence is judged for many provisions, often at the same place
def classify(sentence: str, at: int = 0) -> Strength:
    """Strength of ``sentence`` for a match starting at sentence offset ``at``."""
    read = _read(sentence)
    lo, hi = _clause(read, at, len(sentence))
    hard_lo, hard_hi = _clause(read, at, len(sentence), hard_only=True)
    clause = [c for c in read.cues if lo <= c.start < hi]
    negations = tuple(c for c in clause if c.kind == "negation")
    if negations:
        return Strength(Level.NEGATED, negations, _reading(sentence, read, "denial", negations[0], lo))
    leading = _LEADING_DEFINITION.match(sentence)
    if leading is not None and at >= leading.start(1):
        return Strength(Level.NEUTRAL, (Cue("definition", leading.start(1), leading.end(1)),), Reading("definition"))
    note = _NOTE_RE.match(sentence)
    if note is not None:  # "Drafting note: Party A proposes that ...": about the text, not in it
        return Strength(Level.EXCLUDED, (Cue("drafting-note", note.start(1), note.end(1)),),
                        Reading("a note about the text, not part of it"))
    exclusions = tuple(c for c in read.cues if c.kind == "carve-out")
    if exclusions:
        return Strength(Level.EXCLUDED, exclusions, Reading("exclusion from dispute settlement"))
    modals = [c for c in clause if c.kind in ("binding", "soft", "trigger")]
    if not modals:  # a clause without its own modal ("which the Parties shall review"): the sentence's
        modals = [c for c in read.cues if c.kind in ("binding", "soft", "trigger")]
    # a modal inside a longer one ("shall" of "shall not be required") never reaches here: negations won
    before = [c for c in modals if c.start < at]
    governing = before[-1] if before else (modals[0] if modals else None)
    if governing is not None and len(before) > 1 and sentence[governing.start:governing.end].lower() in _HYPOTHETICAL \
            and _CONDITION_WORD.search(sentence, before[-2].end, governing.start):
        # "shall ... block it where the acquisition would impair ...": "would" belongs to the condition, the
        # act to the modal before it
        governing = before[-2]
    if governing is not None and governing.kind == "soft" and _RELATIVE_POWER.search(sentence, 0, governing.start):
        # "shall maintain a procedure by which its government may examine ...": the "may" is the power the
        # procedure gives, inside what the binding modal before it requires
        governing = next((c for c in reversed(before) if c.kind == "binding"), governing)
    if not before and governing is not None and governing.kind == "soft" and \
            sentence[governing.start:governing.end].lower() in _HYPOTHETICAL:
        # "goods whose unavailability would impair ... shall be drawn up": "would" describes the goods;
        # the duty's own modal comes after it
        governing = next((c for c in modals if c.kind == "binding"), governing)
    # a hedge that is the clause's verb ("shall consider ...", "shall take into account ...") weakens its own
    # clause only; one that qualifies the sentence ("where appropriate") reaches to ";" or "but"
    hedges = tuple(c for c in read.cues if c.kind in QUALIFIERS and (
        lo <= c.start < hi if _VERB_HEDGE.match(sentence, c.start) else hard_lo <= c.start < hard_hi))
    if hedges:
        return Strength(Level.SOFT, hedges, _reading(sentence, read, "exhortation", governing, lo, hedges))
    doubled = next((c for c in clause if c.kind == "double-negative"), None)
    # Square brackets mark text the negotiators have not agreed ("[shall][should]", "[Party A: ...]")
    bracket = _bracket_around(sentence, at) or (governing and _bracket_around(sentence, governing.start))
    if bracket and _alternatives_all_bind(sentence, bracket):
        bracket = None  # the negotiators disagree only on which binding word to use
    if bracket:
        return Strength(Level.SOFT, (Cue("bracketed", *bracket),), Reading("unagreed text in square brackets"))
    if doubled is not None:
        return Strength(Level.BINDING, (doubled,), _reading(sentence, read, "obligation", doubled, lo))
    if governing is None:
        definition = _DEFINITION_RE.search(sentence)
        if definition is not None:  # "investment screening means ...": said, but nobody is bound to it
            cue = Cue("definition", definition.start(1), definition.end(1))
            return Strength(Level.NEUTRAL, (cue,), Reading("definition"))
        return Strength(Level.NEUTRAL, (), Reading("statement"))
    if governing.kind == "trigger":
        return Strength(Level.NEUTRAL, (governing,), _reading(sentence, read, "permission to request", governing, lo))
    if governing.kind == "binding":
        contingent = _CONTINGENT.search(sentence, 0, at + 1)
        if contingent is not None and contingent.end() <= governing.start:
            # "may be established and, if it is, it shall meet ...": a duty of a body that may never exist
            cue = Cue("contingent", contingent.start(1), contingent.end(1))
            return Strength(Level.SOFT, (cue,), _reading(sentence, read, "exhortation", governing, lo, (cue,)))
        force = "prohibition" if governing.start in read.prohibitions else "obligation"
        return Strength(Level.BINDING, (governing,), _reading(sentence, read, force, governing, lo))
    word = sentence[governing.start:governing.end].lower()
    force = "permission" if word in ("may", "might", "could") else "exhortation"
    return Strength(Level.SOFT, (governing,), _reading(sentence, read, force, governing, lo))


_BODY = r"(?:Council|Committee|Board|Working Group|Group|Commission|Authority|Secretariat|Network)"
_PARTY_WORD = re.compile(r"\b(?:(?:[Ee]ach|[Ee]ither|[Nn]either|[Nn]o|[Ee]very|[Aa]n?|[Tt]he other|[Tt]he)\s+)?"
                         r"(?:Part(?:y|ies)|Participants?|Signator(?:y|ies)|Member(?: State)?s?|"
                         r"(?:[A-Z][a-z]+\s+){0,4}" + _BODY + r"|"
                         r"(?:competent|relevant|review|screening|investigating) authorit(?:y|ies))\b")
_PASSIVE = re.compile(r"\W*(?:\w+\W+){0,2}?be\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|de|id|ld|lt|pt|nt)\b")


def _reading(sentence: str, read: _Sentence, force: str, cue: Cue | None, clause_start: int,
             hedges: tuple[Cue, ...] = ()) -> Reading:
    """Who the clause binds (the last party or body named before its modal, else "unnamed" for a
    passive), and the conditions it is subject to."""
    bound: str | None = None
    if cue is not None:
        if _PASSIVE.match(sentence, cue.end):
            bound = "unnamed (passive)"  # "information ... shall be exchanged": the subject is not bound
        else:
            # the last party or body named before the modal (the double negative "No Party shall fail to"
            # names it inside the cue); an elliptical clause ("... but shall consult") has the subject of
            # the clause before it
            found = (list(_PARTY_WORD.finditer(sentence, clause_start, cue.end))
                     or list(_PARTY_WORD.finditer(sentence, 0, cue.start)))
            if found:
                bound = " ".join(found[-1].group().split())
    conditions = [" ".join(sentence[s:e].split()) for s, e in read.conditions]
    conditions += [" ".join(sentence[c.start:c.end].split()) for c in hedges]
    return Reading(force, bound, tuple(dict.fromkeys(conditions)))
