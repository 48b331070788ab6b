"""What a ruleset phrase matches: its automaton key and the regex that verifies a candidate.

This is part of the language's meaning, not of the engine's machinery: the matcher compiles phrases with
it, and the loader's warnings (an alternative a sibling already covers) judge coverage with the very
same regex, so they can never disagree with what a scan finds.
"""

from __future__ import annotations

import re

from esa_rules.normalize import fold_phrase

_WORD_CHAR = re.compile(r"\w")


def _last_word_pattern(word: str) -> tuple[str, str]:
    """(literal stem, regex) for the last word of a phrase: plural, -ed and -ing forms match too."""
    esc = re.escape
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        stem = word[:-1]
        return stem, esc(stem) + r"(?:y|ies|ied|ying)"
    if word.endswith("e") and len(word) > 2:
        stem = word[:-1]
        return stem, esc(stem) + r"(?:e|es|ed|ing)"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word, esc(word) + r"(?:es|ed|ing)?"
    # a doubled final consonant (controlled, controlling) is allowed but not required
    return word, esc(word) + rf"(?:{esc(word[-1])}?(?:ed|ing)|s)?"


def compile_phrase(text: str) -> tuple[str, str]:
    """(automaton key, verification regex source) for a ruleset phrase.

    The key is the longest literal prefix every match must begin with; the regex matches the whole
    phrase at that position (and checks the right word boundary).
    """
    folded = fold_phrase(text)
    words = [w for w in re.split(r"[ ]+", folded) if w]
    if not words:
        raise ValueError("empty phrase")
    parts: list[str] = []
    key_parts: list[str] = []
    key_open = True  # still extending the literal key
    for i, word in enumerate(words):
        last = i == len(words) - 1
        pieces = word.split("-")
        for j, piece in enumerate(pieces):
            final_piece = last and j == len(pieces) - 1
            sep = r"[- ]?" if j else (r" " if i else "")
            if piece.endswith("*"):
                stem = piece[:-1]
                regex = re.escape(stem) + r"\w*"
            elif final_piece:
                stem, regex = _last_word_pattern(piece)
            else:
                stem, regex = piece, re.escape(piece)
            parts.append(sep + regex)
            if key_open:
                if j:  # a hyphen may be a space or nothing in the text: the key stops before it
                    key_open = False
                else:
                    key_parts.append((" " if i else "") + stem)
                    key_open = not piece.endswith("*") and not final_piece and stem == piece
    key = "".join(key_parts)
    return key, "".join(parts) + r"(?!\w)"


def phrase_keys(text: str, key: str | None = None) -> tuple[str, ...]:
    """Automaton keys for a phrase: its literal prefix, or, when that prefix stops at a hyphen (which the
    text may write as a hyphen, a space or nothing), one longer key per way of writing it. "re-export*"
    alone would be keyed "re" and wake the matcher inside every "are" and "more"."""
    key = compile_phrase(text)[0] if key is None else key
    folded = fold_phrase(text)
    if not folded.startswith(key + "-") or key.endswith(" ") or not key:
        return (key,)
    # The literal start of what follows the hyphen, as the same phrase written with a space has it.
    spaced = compile_phrase(f"{key} {folded[len(key) + 1:]}")[0]
    if not spaced.startswith(key + " ") or len(spaced) == len(key) + 1:
        return (key,)
    after = spaced[len(key) + 1:]
    return (f"{key}-{after}", f"{key} {after}", f"{key}{after}")
