from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from esa_rules.engine.matcher import PhraseMatcher
from esa_rules.normalize import fold
from esa_rules.phrases import compile_phrase


def spans(phrases: list[str], text: str) -> list[list[str]]:
    """What each phrase matched, as the original text (the offset map takes folded hits back)."""
    folded = fold(text)
    out = []
    for hits in PhraseMatcher(phrases).scan(folded.text):
        out.append([" ".join(text[slice(*folded.span(s, e))].split()) for s, e in hits])
    return out


def test_whole_words_only() -> None:
    assert spans(["security"], "Security, insecurity and securityholders.") == [["Security"]]


def test_last_word_inflects() -> None:
    text = "The Party reviewed it; reviews and reviewing; screenings; the parties agreed"
    assert spans(["review", "screening", "party"], text) == [
        ["reviewed", "reviews", "reviewing"], ["screenings"], ["Party", "parties"]]


def test_only_last_word_inflects() -> None:
    assert spans(["share information"], "shares information; share informations") == [["share informations"]]


def test_wildcard_continues_word() -> None:
    assert spans(["review* acquisition*"], "reviewing acquisitions; reviews of acquisitions") == [
        ["reviewing acquisitions"]]


def test_line_breaks_case_and_spelling_are_folded() -> None:
    text = "The Parties shall harmonize their\n   EXPORT   controls and endeavor to ..."
    assert spans(["harmonise their export control", "endeavour"], text) == [
        ["harmonize their EXPORT controls"], ["endeavor"]]


def test_hyphen_matches_space_or_nothing() -> None:
    assert spans(["dual-use item"], "dual-use items, dual use item and dualuse items") == [
        ["dual-use items", "dual use item", "dualuse items"]]


def test_doubled_consonant_forms() -> None:
    assert spans(["control"], "controlled, controlling, controls, control") == [
        ["controlled", "controlling", "controls", "control"]]


def test_key_is_literal_prefix() -> None:
    assert compile_phrase("national security")[0] == "national securit"
    assert compile_phrase("review* acquisition*")[0] == "review"
    assert compile_phrase("screening of investment*")[0] == "screening of investment"


def test_pickle_round_trip() -> None:
    matcher = PhraseMatcher(["national security", "invest*"])
    clone = pickle.loads(pickle.dumps(matcher))
    text = fold("National security of investors").text
    assert clone.scan(text) == matcher.scan(text)


words = st.sampled_from(["security", "national", "review", "export", "control", "the", "of", "x"])


@settings(max_examples=150, deadline=None)
@given(st.lists(words, min_size=1, max_size=60), st.lists(st.lists(words, min_size=1, max_size=3),
                                                          min_size=1, max_size=5))
def test_agrees_with_naive_regex(text_words: list[str], phrase_words: list[list[str]]) -> None:
    """The automaton finds exactly what one regular expression per phrase finds."""
    text = " ".join(text_words)
    phrases = list(dict.fromkeys(" ".join(p) for p in phrase_words))
    matcher = PhraseMatcher(phrases)
    got = matcher.scan(text)
    for phrase, hits in zip(matcher.phrases, got, strict=True):
        regex = re.compile(r"(?<!\w)" + compile_phrase(phrase)[1])
        expected = [(m.start(), m.end()) for m in _overlapping(regex, text)]
        assert hits == expected, phrase


def _overlapping(regex: re.Pattern[str], text: str) -> list[re.Match[str]]:
    out = []
    pos = 0
    while (m := regex.search(text, pos)) is not None:
        out.append(m)
        pos = m.start() + 1
    return out


@pytest.mark.parametrize("phrase", ["", "   "])
def test_empty_phrase_rejected(phrase: str) -> None:
    with pytest.raises(ValueError):
        compile_phrase(phrase)
