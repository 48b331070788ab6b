"""Phrase patterns: ``[word]`` is optional and ``(a|b|c)`` gives alternatives, inside one phrase.

``"review* [of] (foreign|overseas) invest*"`` stands for four plain phrases. A pattern is expanded when
a ruleset is compiled, and every expansion goes into the one automaton like any other phrase, so a
pattern costs nothing more at scan time than writing its phrases out. Groups nest; each alternative is
one or more words (an empty alternative is written as an optional group instead).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

MAX_EXPANSIONS = 256  # a phrase that stands for more than this is a term set in disguise
_SPECIAL = frozenset("[]()|")
_PLAIN = re.compile(r"[^\[\]()|]+")


class PatternError(ValueError):
    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def is_pattern(text: str) -> bool:
    return any(ch in _SPECIAL for ch in text)


@lru_cache(maxsize=4096)
def expand_pattern(text: str) -> tuple[str, ...]:
    """Every plain phrase ``text`` stands for, in a stable order (a plain phrase stands for itself)."""
    if not is_pattern(text):
        return (text,)
    parser = _Parser(text)
    options = parser.sequence(closing=None)
    out = tuple(dict.fromkeys(" ".join(o.split()) for o in options))
    if any(not o for o in out):
        raise PatternError("a pattern that can match nothing at all", "make at least one word required")
    return out


class _Parser:
    """Recursive descent over the pattern: sequence := (word | [sequence] | (sequence | sequence ...))*"""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0

    def sequence(self, closing: str | None) -> list[str]:
        options = [""]
        while self.at < len(self.text):
            ch = self.text[self.at]
            if ch in "])|":
                if closing is None or (ch == "|" and closing != ")") or (ch in "])" and ch != closing):
                    raise PatternError(f"unexpected '{ch}'", "brackets and parentheses must pair up; "
                                       "`|` separates alternatives inside ( )")
                return options
            if ch == "[":
                self.at += 1
                inner = self.sequence("]")
                self._close("]")
                part = ["", *inner]
            elif ch == "(":
                self.at += 1
                part = self._alternatives()
            else:
                match = _PLAIN.match(self.text, self.at)
                assert match is not None
                self.at = match.end()
                part = [match.group()]
            # groups sit between words ("review* [of] foreign"): spaces are collapsed after expansion,
            # so a left-out optional word leaves no double space behind
            options = [a + b for a, b in itertools.product(options, part)]
            if len(options) > MAX_EXPANSIONS:
                raise PatternError(f"the pattern stands for more than {MAX_EXPANSIONS} phrases",
                                   "split it into several alternatives of a `terms` set")
        if closing is not None:
            raise PatternError(f"missing '{closing}'", "brackets and parentheses must pair up")
        return options

    def _alternatives(self) -> list[str]:
        found: list[str] = []
        while True:
            branch = self.sequence(")")
            if not any(b.strip() for b in branch):
                raise PatternError("an empty alternative", "write an optional word as [word], not (word|)")
            found.extend(branch)
            if self.at >= len(self.text):
                raise PatternError("missing ')'", "brackets and parentheses must pair up")
            if self.text[self.at] == ")":
                self.at += 1
                return found
            self.at += 1  # "|"

    def _close(self, char: str) -> None:
        if self.at >= len(self.text) or self.text[self.at] != char:
            raise PatternError(f"missing '{char}'", "brackets and parentheses must pair up")
        self.at += 1

