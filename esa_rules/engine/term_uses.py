"""Where defined terms are used: one pass of an automaton over the text, read with its white space flattened
so that a term a hard-wrapped draft breaks over two lines ("covered\\n    items") is still the term."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import accumulate, count
from operator import add, sub

import ahocorasick
import attrs

from esa_rules.document import Unit


@attrs.frozen
class Definition:
    """A defined term, what it stands for (``source``), and where it does (``scope``)."""

    term: str
    source: tuple[int, int]
    scope: tuple[int, int]
    defined_at: tuple[int, int]  # the sentence (or list item) that defines it: no use is found there
    label: str
    case_sensitive: bool


def uses(text: str, definitions: list[Definition]) -> Iterator[tuple[tuple[int, int], Definition]]:
    """Uses of every defined term in one pass of an automaton over the text (a treaty defines hundreds of
    terms; a regular expression per term would read it hundreds of times). A use is the term as
    defined, or its plural, as a whole word, inside the definition's scope and outside the definition."""
    if not definitions:
        return
    by_term: dict[str, list[Definition]] = {}
    for definition in definitions:
        forms = [definition.term] if definition.case_sensitive else \
            [definition.term.lower(), definition.term.title(), definition.term.capitalize()]
        # a plural in -ies is no suffix of the singular: "Price-Directed Economies", "Vital Supply Categories"
        forms += [form[:-1] + "ies" for form in forms if re.search(r"[^aeiouAEIOU]y$", form)]
        # a name defined in the plural is used in the singular: "a Covered Mineral" of the "Covered Minerals"
        forms += [re.sub(r"ies$", "y", form) if form.endswith("ies") else form[:-1] for form in forms
                  if " " in form and re.search(r"[^suiy]s$|ies$", form)]
        for form in dict.fromkeys(forms):
            by_term.setdefault(form, []).append(definition)
    automaton = ahocorasick.Automaton()
    for term in by_term:
        automaton.add_word(term, term)
    automaton.make_automaton()
    text, original = flatten(text)  # a term broken over two lines is still the term
    seen: set[tuple[int, int, int]] = set()
    for last, term in automaton.iter(text):
        start, end = last - len(term) + 1, last + 1
        for suffix in ("es", "s"):
            if text.startswith(suffix, end) and not _word_char(text, end + len(suffix)):
                end += len(suffix)
                break
        if _word_char(text, start - 1) or _word_char(text, end):
            continue
        start, end = original(start), original(end)
        for definition in by_term[term]:
            lo, hi = definition.defined_at
            if definition.scope[0] <= start < definition.scope[1] and not lo <= start < hi \
                    and (start, end, id(definition)) not in seen:  # "Covered Minerals" is also "Covered Mineral" + s
                seen.add((start, end, id(definition)))
                yield (start, end), definition


def nested(found: list[tuple[tuple[int, int], Definition]], definitions: list[Definition],
           has_hits: Callable[[tuple[int, int]], bool], enumerates: Callable[[Definition], bool],
           ) -> dict[tuple[int, int], list[Definition]]:
    """For each definition (by its source) the defined terms it uses (``found``: uses of terms) whose own
    definitions hold words a rule looks for: "Authorisation Requirement" means a licence for the export of a
    "Listed Item", itself defined. Not in a definition that ``enumerates`` the kinds of a listed thing
    ("Covered Transaction" means any acquisition ... and any "Greenfield Investment"): each kind's own
    definition is detail."""
    out: dict[tuple[int, int], list[Definition]] = {}
    starts = sorted(((d.source, d) for d in definitions if not enumerates(d)), key=lambda pair: pair[0])
    for site, d in found:
        for source, outer in starts:
            if source[0] > site[0]:
                break
            if outer is not d and site[1] <= source[1] and has_hits(d.source):
                out.setdefault(source, []).append(d)
    return out


def _word_char(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] in "-_")



_RUN = re.compile(r"(\s{2,}|[^\S ])")  # what flattening changes: long runs, and single tabs or newlines


@lru_cache(maxsize=2)  # the links ask twice per document (the uses, then the nested definitions' uses)
def flatten(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` with white space runs as single spaces, and a map from its offsets to ``text``'s. The runs
    come from one split in C and their offsets from the piece lengths: a match object per run (every line
    break of a treaty) cost as much as finding the uses."""
    pieces = _RUN.split(text)  # text between runs at even indices, the runs at odd ones
    if len(pieces) == 1:
        return text, lambda offset: offset
    kept, runs = pieces[0::2], pieces[1::2]
    # flat offset of each collapsed run's space: the text before it, and one space per earlier run
    at = list(map(add, accumulate(map(len, kept[:-1])), count()))
    # characters removed up to and including each run
    shift = list(map(sub, accumulate(map(len, runs)), count(1)))

    def original(offset: int) -> int:
        i = bisect_left(at, offset)  # runs whose space lies before ``offset``
        return offset + (shift[i - 1] if i else 0)

    return " ".join(kept), original


# not "Annex No. 3", "Art. 5" or "e.g. the": an abbreviation, or a full stop before a lower-case word or a number
_SENTENCE_END = re.compile(r"(?<!\bNo)(?<!\bNos)(?<!\bArt)(?<!\bpara)\.[\"\u201d\u2019]?(?=\s+(?![a-z\d])|\s*$)|\n[ \t]*\n")


def sentence(text: str, leaf: Unit, at: int) -> tuple[int, int]:
    """The sentence of ``leaf`` around ``at`` (a plain split on full stops, closing quotes and blank lines:
    enough to bound a definition; a quoted provision ending '... authorities."' ends its sentence)."""
    start = leaf.start
    for m in _SENTENCE_END.finditer(text, leaf.start, at):
        start = m.end()
    found = _SENTENCE_END.search(text, at, leaf.end)
    end = leaf.end if found is None else found.start() + (found.group()[0] != "\n")
    start += len(text[start:end]) - len(text[start:end].lstrip())
    return start, start + len(text[start:end].rstrip())
