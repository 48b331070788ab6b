"""Repairs of extraction damage: what is repaired, what is left alone, and that a repair never finds
more than the clean text holds. Every text here is written for these tests."""

from __future__ import annotations

import glob
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from esa_rules.dsl import load_many
from esa_rules.engine import Checker
from esa_rules.normalize import fold
from esa_rules.repair import split_glued
from esa_rules.wordlist import Lexicon, dictionary_counts, lexicon, segment

ROOT = Path(__file__).resolve().parents[1]
# drafts written as extracted from a PDF or OCR ("pdf_extract...", "...ocr..."): they carry the damage on purpose
CLEAN = [p for p in sorted(glob.glob(str(ROOT / "sample_texts/*.*")) + glob.glob(str(ROOT / "tests/corpus/*/*.txt")))
         if Path(p).suffix in (".txt", ".md") and not Path(p).stem.startswith("pdf_extract") and "ocr" not in Path(p).stem]


@cache
def checker() -> Checker:
    return Checker(load_many(["esa-core"]))


def folded(text: str, repair: bool = True) -> str:
    return fold(text, repair=repair, vocabulary=checker()._vocabulary).text


@pytest.mark.parametrize(("damaged", "repaired"), [
    ("Articles XX andXXI ofthe GATT 1994 shallapply", "articles xx and xxi of the gatt 1994 shall apply"),
    ("contrary to its essentialsecurityinterests;or", "contrary to its essential security interests;or"),
    ("Nothing inthis Chapter shallbe construed", "nothing in this chapter shall be construed"),
    ("Theparties shall consult", "the parties shall consult"),
    ("the secu rity of the na tional economy", "the security of the national economy"),
    ("restrictio ns on trade", "restrictions on trade"),
    ("consultations within l0 days, and in 2O19 under GATT l994", "consultations within 10 days, and in 2019 under gatt 1994"),
    ("the labourmarket", "the labourmarket"),  # no rule speaks of markets: content words glued are left
])
def test_damage_is_repaired(damaged: str, repaired: str) -> None:
    assert folded(damaged) == repaired


@pytest.mark.parametrize("clean", [
    "mutatis mutandis, de facto, inter alia, bona fide, erga omnes, ad valorem",
    "cybersecurity, rulemaking, a roadmap, the panelists, antidumping and subparagraphs",
    "willfully, metrological, electrotechnical and phytosanitary measures",
    "San Marino, the CARIFORUM States, Nordale, Viet Nam, Costa Rica",
    "pre school, socio economic, mentor",
    "OJ L220, 15 U.S.C. 78l, COVID19, G7, the 1st and the 21st, A-l0",
    "tantalum ores (coltan), shipments of coltan",
])
def test_words_that_only_look_damaged_are_left_alone(clean: str) -> None:
    assert folded(clean) == folded(clean, repair=False)


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: Path(p).stem)
def test_clean_drafts_are_not_touched(path: str) -> None:
    text = Path(path).read_text(encoding="utf-8")
    assert folded(text) == folded(text, repair=False)


def test_every_letter_keeps_its_original_offset() -> None:
    text = "Articles XX andXXI ofthe GATT, its essentialsecurityinterests, the secu rity, within l0 days"
    result = fold(text, vocabulary=checker()._vocabulary)
    for index, char in enumerate(result.text):
        original = text[result.origin[index]]
        if char.isalpha():
            assert char == original.lower(), (index, char, original)
        elif char == " " and result.origin[index] != result.origin[index - 1]:
            assert text[result.origin[index]].isalnum() or text[result.origin[index]].isspace()
    assert result.text.split()[-2:] == ["10", "days"]
    assert text[result.origin[result.text.index("10")]] == "l"


def test_line_end_hyphens_follow_the_drafts_own_spelling() -> None:
    """ "ex-/change" rejoins in a text that writes "exchange"; "co-/operation" keeps its hyphen in one
    that writes "co-operation"; "non-/market" keeps it anyway."""
    assert folded("shall ex-\nchange information and exchange views") == \
        "shall exchange information and exchange views"
    assert folded("co-\noperation and co-operation") == "co-operation and co-operation"
    assert folded("non-\nmarket economies") == "non-market economies"


def test_segmentation_agrees_with_symspellpy() -> None:
    """``segment`` is symspellpy's word_segmentation at edit distance 0 without its overhead: on glued
    text the two cut alike."""
    symspellpy = pytest.importorskip("symspellpy")
    from importlib import resources

    reference = symspellpy.SymSpell(max_dictionary_edit_distance=0, prefix_length=1)
    with resources.as_file(resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt") as path:
        reference.load_dictionary(str(path), term_index=0, count_index=1)
    plain = Lexicon(dictionary_counts())
    glued = ["essentialsecurityinterests", "shallbe", "inaccordancewith", "theexportingparty", "ofthisagreement",
             "foreigndirectinvestment", "supplychainresilience", "contrarytoits", "protectionofhumanlife"]
    for token in glued:
        expected = tuple(reference.word_segmentation(token, max_edit_distance=0).segmented_string.split())
        assert segment(token, plain) == expected


def test_a_split_needs_weighty_words() -> None:
    vocabulary = checker()._vocabulary
    assert split_glued("essentialsecurityinterests", vocabulary) == ("essential", "security", "interests")
    assert split_glued("essentialsecurityinterests") is None  # content words alone: only the rules' words
    assert split_glued("partyto") == ("party", "to")  # beside a function word, any common word
    assert split_glued("mutatis") is None and split_glued("nonmarket") is None
    assert "security" in lexicon().words


# --- never more than the clean text --------------------------------------------------------------------

_SOURCES = ["sample_texts/complete_agreement.txt", "sample_texts/memorandum_soft.txt",
            "tests/corpus/national-styles/eu_agreement.txt"]
_WORD = re.compile(r"[A-Za-z]+")


def hits(text: str, repair: bool = True) -> Counter[tuple[int, str]]:
    """Every term hit as (term, the words it matched): what verdicts are made of."""
    words = fold(text, repair=repair, vocabulary=checker()._vocabulary).text
    return Counter((term, words[s:e]) for term, found in enumerate(checker().scan(words)) for s, e in found)


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, str]:
    """A clean draft and a copy with some spaces between words dropped and some words cut by a space:
    only where the result is no dictionary word ("in formation" glued is "information", which is a
    different text, not a damaged one)."""
    source = draw(st.sampled_from(_SOURCES))
    text = (ROOT / source).read_text(encoding="utf-8")
    words = list(_WORD.finditer(text))
    known = lexicon().words
    picks = draw(st.lists(st.integers(0, len(words) - 2), min_size=1, max_size=40, unique=True))
    edits: list[tuple[int, int, str]] = []
    for i in sorted(picks):
        left, right = words[i], words[i + 1]
        between = text[left.end():right.start()]
        if draw(st.booleans()) and between == " " and (left.group() + right.group()).lower() not in known:
            edits.append((left.end(), right.start(), ""))  # glue two words
        elif len(left.group()) >= 6:
            cut = left.start() + draw(st.integers(2, len(left.group()) - 2))
            pieces = (text[left.start():cut].lower(), text[cut:left.end()].lower())
            if not (pieces[0] in known and pieces[1] in known):
                edits.append((cut, cut, " "))  # split a word
    out = text
    for start, end, new in sorted(edits, reverse=True):
        out = out[:start] + new + out[end:]
    return text, out


@settings(max_examples=25, deadline=None)
@given(damaged())
def test_repair_never_finds_more_than_the_clean_text(pair: tuple[str, str]) -> None:
    """A hit the clean text lacks may come from the damage itself ("RESILIENCEBETWEEN" still begins
    with "resilien*"), never from a repair."""
    clean, broken = pair
    assert hits(broken) - hits(clean) - hits(broken, repair=False) == Counter()


def test_glued_essential_security_exception_is_found_as_in_the_clean_text() -> None:
    clean = ("Article 8\nSecurity Exceptions\n\nNothing in this Agreement shall be construed to require a Party "
             "to furnish any information the disclosure of which it considers contrary to its essential "
             "security interests.\n")
    glued = clean.replace("in this", "inthis").replace("essential security interests", "essentialsecurityinterests")
    statuses = [{f.provision: f.status for f in checker().check_text(t).findings} for t in (clean, glued)]
    assert "satisfied" in {statuses[0][p] for p in ("ESA-ESX-1", "ESA-ESX-2", "ESA-ESX-3")}
    assert statuses[1] == statuses[0]


def test_the_documented_example_finds_the_exceptions_through_the_damage() -> None:
    """docs/formats.md runs `esa-rules check docs/examples/extracted_exceptions.txt`: the glued GATT XXI
    incorporation, the glued exception and the misread deadline are found, and the evidence quotes the
    draft as it is."""
    import json

    from click.testing import CliRunner

    from esa_rules.cli import main

    result = CliRunner().invoke(main, ["check", str(ROOT / "docs/examples/extracted_exceptions.txt"), "-f", "json"])
    findings = {f["provision"]: f for f in json.loads(result.stdout)["documents"][0]["findings"]}
    for provision in ("ESA-ESX-1", "ESA-ESX-2", "ESA-ESX-3", "ESA-COE-2"):
        assert findings[provision]["status"] == "satisfied", provision
    evidence = findings["ESA-ESX-2"]["evidence"][0]
    assert "Articles XX andXXI ofthe GATT 1994" in evidence["quote"]
    start, end = evidence["matches"][0]["start"], evidence["matches"][0]["end"]
    assert evidence["quote"][start:end] == "Articles XX andXXI"


_WORD_THEN_GAP = re.compile(r"([a-z]+)(?:[ \t]+|[ \t]*\n[ \t]*)\Z")  # the definition _word_before walks


@settings(max_examples=2000)
@given(st.text(alphabet="ab \t\n1_.é", max_size=70), st.integers(min_value=0, max_value=70))
def test_the_word_before_a_fragment_is_the_whole_word_ending_the_gap(text: str, start: int) -> None:
    from esa_rules.repair import _is_word_char, _word_before

    start = min(start, len(text))
    found = _WORD_THEN_GAP.search(text, max(0, start - 40), start)
    expected = None
    if found is not None and not _is_word_char(text, found.start(1) - 1):
        expected = found.span(1)
    assert _word_before(text, start) == expected


def test_a_capitalised_name_inside_a_sentence_is_not_split() -> None:
    # "Tovia" reads as "to via" to a segmenter; a capital inside a sentence is a name, and only a
    # sentence's first word may be two words glued ("Theparties")
    vocabulary = checker()._vocabulary
    assert "tovia" in fold("the Republic of Tovia and the Kingdom", vocabulary=vocabulary).text
    assert fold("Preamble. Theparties shall consult.", vocabulary=vocabulary).text.startswith("preamble. the parties")
