"""Terms given their meaning without the word "means": by a unit's caption ("Section 4 \u2014 Meaning of foreign
pressure"), or by the condition under which a Party is in the state the term names ("For the purposes of this
Part, a Party is under foreign pressure where a third State ...").

Either way the term must name a thing a security chapter lists or answers (``names_listed_thing``): a treaty's
"Definition Of The Parties" or "Definition Of Customs Duties" carries nothing into the words' uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from esa_rules.document import Document
from esa_rules.engine.defined_terms import names_listed_thing
from esa_rules.engine.references import Resolver
from esa_rules.engine.term_uses import Definition

# a caption: "Meaning of foreign pressure", "Definition of 'covered transaction'"
_CAPTION = re.compile(r"\W*(?:meaning|definition|interpretation|notion) of [\"'\u201c\u2018]?([\w -]{3,60}?)"
                      r"[\"'\u201d\u2019]?\W*$", re.IGNORECASE)
# "For the purposes of this Agreement, a State Party is subject to external trade pressure when a third State ..."
_CONDITION = re.compile(r"\b[Ff]or the purposes? of (?:this|the present) \w+,\s+(?:a|an|the|each)\s+[\w ]{2,40}?\s+is\s+"
                        r"(?:subject to|under|facing|exposed to|the (?:object|target|victim) of|in a (?:situation|state) of)\s+"
                        r"(?:an?\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*){1,3}?)\s+(?:when|where|if|whenever)\b")

Scope = Callable[[Document, Resolver, int, str], tuple[int, int]]


def _term(words: str) -> str:
    # a heading capitalises every word: the term is the words, in lower case, without an article
    return re.sub(r"(?i)^(?:the|an?)\s+", "", " ".join(words.split())).lower()


def meanings(doc: Document, resolver: Resolver, scope: Scope) -> Iterator[Definition]:
    """Definitions given by caption or by condition, each in the scope ``scope`` finds for its words."""
    text = doc.text
    for unit in (*resolver.by_kind.get("article", []), *resolver.by_kind.get("section", [])):
        caption = _CAPTION.match(unit.heading or "")
        term = _term(caption.group(1)) if caption else ""
        if names_listed_thing(term):
            span = (unit.body_start, unit.end)
            yield Definition(term, span, scope(doc, resolver, span[0], text[span[0]:span[1]]), (unit.start, unit.end),
                             f"the meaning of \u201c{term}\u201d in {unit.label}", False)
    if "purpose" not in text:
        return
    for m in _conditions(text):
        term = _term(m.group(1))
        if not names_listed_thing(term):
            continue
        leaf = doc.unit_path(m.start())[-1]
        end = text.find(".", m.end(), leaf.end)
        span = (m.end(), leaf.end if end < 0 else end + 1)
        yield Definition(term, span, scope(doc, resolver, m.start(), text[leaf.start:leaf.end]), (m.start(), span[1]),
                         f"the meaning of \u201c{term}\u201d in {leaf.label}", False)


def _conditions(text: str) -> Iterator[re.Match[str]]:
    """``_CONDITION.finditer(text)``, tried only where its fixed words stand: a pattern opening with ``\\b``
    is otherwise tried at every character of the text."""
    last = 0
    at = text.find("or the purpose", 1)
    while at >= 0:
        if at - 1 >= last and text[at - 1] in "Ff":
            m = _CONDITION.match(text, at - 1)
            if m is not None:
                last = m.end()
                yield m
        at = text.find("or the purpose", at + 1)
