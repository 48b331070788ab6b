"""The formatter: canonical layout, comments kept, same AST back, idempotent (examples and hypothesis)."""

from __future__ import annotations

import functools
import os
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from esa_rules.dsl import format_ruleset, parse
from esa_rules.dsl.ast import (
    And,
    Atom,
    Clause,
    Condition,
    Define,
    Example,
    Heading,
    Include,
    Literal,
    Near,
    Not,
    Or,
    Override,
    Phrase,
    Provision,
    Regex,
    RulesetFile,
    TermRef,
    TermsDef,
)
from esa_rules.dsl.checks import KEYWORDS
from esa_rules.dsl.parser import parse_tree
from esa_rules.errors import RulesetError
from esa_rules.topics import TOPICS

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "dsl"


def comments_of(text: str) -> list[str]:
    return [c.text for c in parse_tree(text)[1]]


# --- examples -------------------------------------------------------------------------------------

MESSY = """# leading comment
ruleset   demo "Demo"   version "1"   # about the header
include "a.esa"
include core


terms screening="investment screening"|"review of foreign investment*"   |   "screening of acquisition*"|"foreign direct investment review"   # long
terms short = "x"
override P-1 severity info
# why disabled
disable P-2
provision P-1 "One" { topic export-controls
  why "a   reason
       over two lines"   require ( screening )   near/5 ( "x" or short) in article # note
  # closing note
}
"""

EXPECTED = """# leading comment
ruleset demo "Demo" version "1"  # about the header

include "a.esa"
include core

terms screening = "investment screening" | "review of foreign investment*"
                | "screening of acquisition*" | "foreign direct investment review"  # long
terms short = "x"

override P-1 severity info
# why disabled
disable P-2

provision P-1 "One" {
  topic export-controls
  why "a reason over two lines"
  require screening near/5 ("x" or short) in article  # note
  # closing note
}
"""


def test_canonical_layout_of_a_messy_file() -> None:
    formatted = format_ruleset(MESSY)
    assert formatted == EXPECTED
    assert format_ruleset(formatted) == formatted
    assert parse(formatted) == parse(MESSY)


def test_long_strings_wrap_under_the_opening_quote() -> None:
    sentence = " ".join(["Each Party shall exchange information on reviewed transactions"] * 4)
    text = f'ruleset t\nprovision P-1 "T" {{\n  topic export-controls\n  suggest "{sentence}"\n}}\n'
    lines = format_ruleset(text).splitlines()
    body = [line for line in lines if line.startswith(("  suggest", "           "))]
    assert len(body) >= 3 and all(len(line) <= 100 for line in body)
    assert all(line.startswith(" " * 11) and line[11] != " " for line in body[1:])
    assert parse(format_ruleset(text)).provisions[0].suggest == sentence


def test_comments_with_the_same_text_are_all_kept() -> None:
    text = (
        "# ----\nruleset t\n# ----\n"
        + 'provision P-1 "T" {\n  # ----\n  topic export-controls  # ----\n}\n# ----\n'
    )
    assert comments_of(format_ruleset(text)) == ["# ----"] * 5


def test_alternative_comments_stay_beside_their_alternative() -> None:
    text = (
        'ruleset t\nterms a = "x"  # first\n  | "y"\n'
        + 'provision P-1 "T" { topic export-controls require a }\n'
    )
    formatted = format_ruleset(text)
    assert 'terms a = "x"  # first\n        | "y"\n' in formatted
    assert format_ruleset(formatted) == formatted


def test_comment_inside_a_condition_moves_above_the_statement() -> None:
    text = 'ruleset t\nprovision P-1 "T" {\n  topic export-controls\n  require "a" # inside\n and "b"\n}\n'
    formatted = format_ruleset(text)
    assert '  # inside\n  require "a" and "b"\n' in formatted
    assert format_ruleset(formatted) == formatted


def test_minimal_parentheses_keep_the_tree() -> None:
    text = 'ruleset t\nprovision P-1 "T" {\n  topic export-controls\n  require ((("a" or "b")) and not ("c" near/3 "d"))\n  forbid ("a" or "b") or ("c" or "d")\n  forbid heading ("a" before/2 "b")\n}\n'
    formatted = format_ruleset(text)
    assert '  require ("a" or "b") and not "c" near/3 "d"\n' in formatted
    assert '  forbid "a" or "b" or ("c" or "d")\n' in formatted
    assert '  forbid heading ("a" before/2 "b")\n' in formatted
    assert parse(formatted) == parse(text)


def test_crlf_input_gives_lf_output() -> None:
    crlf = MESSY.replace("\n", "\r\n")
    assert format_ruleset(crlf) == EXPECTED


def test_format_refuses_invalid_rulesets() -> None:
    with pytest.raises(RulesetError, match="unknown topic"):
        format_ruleset('ruleset t\nprovision P-1 "T" { topic export }\n')
    with pytest.raises(RulesetError, match="expected"):
        format_ruleset("ruleset t\nprovision")


@pytest.mark.parametrize("name", ["base.esa", "partner-top.esa", "partner/extra.esa"])
def test_fixtures_are_stable(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    formatted = format_ruleset(text)
    assert format_ruleset(formatted) == formatted
    assert parse(formatted) == parse(text)
    assert comments_of(formatted) == comments_of(text)


def test_shipped_rulesets_round_trip() -> None:
    shipped = sorted((Path(__file__).resolve().parents[1] / "rulesets").glob("*.esa"))
    if not shipped:
        pytest.skip("no shipped rulesets yet")
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        formatted = format_ruleset(text, str(path))
        assert parse(formatted) == parse(text) and format_ruleset(formatted) == formatted


def _tota_dir() -> Path | None:
    candidate = Path(__file__).resolve().parents[2] / "shared/corpus/tota/xml"
    if candidate.is_dir():
        return candidate
    env = os.environ.get("ESA_TOTA_DIR")
    return Path(env) if env and Path(env).is_dir() else None


def test_real_treaty_sentences_survive_as_strings() -> None:
    """Wording from real agreements (quotes, brackets, slashes, long lines) as example text round-trips."""
    folder = _tota_dir()
    if folder is None:
        pytest.skip("ToTA corpus not available")
    sentences: list[str] = []
    for path in sorted(folder.glob("pta_*.xml"))[:12]:
        raw = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8", errors="replace"))
        sentences += [s for s in re.split(r"(?<=[.;:])\s+", raw) if 40 < len(s) < 600][:15]
    assert sentences
    examples = "\n".join(f"  example missing {_quote(s)}" for s in sentences)
    text = f'ruleset t\nprovision P-1 "T" {{\n  topic export-controls\n  require "x"\n{examples}\n}}\n'
    formatted = format_ruleset(text)
    assert [e.text for e in parse(formatted).provisions[0].examples] == [
        " ".join(s.split()) for s in sentences
    ]
    assert format_ruleset(formatted) == formatted


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- hypothesis: random valid rulesets, written sloppily ------------------------------------------

LOWER = "abcdefghijklmnopqrstuvwxyz"
# Built from plain text strategies rather than from_regex: generation dominates this test's time.
NAMES = st.builds(lambda a, b: a + b, st.sampled_from(LOWER), st.text("abz09_-", max_size=5)).filter(
    lambda n: n not in KEYWORDS
)
IDS = st.builds(
    lambda a, b, c: a + b + c,
    st.sampled_from("ABEPX"),
    st.text("AZ09", max_size=3),
    st.sampled_from(["", "-1", "-EX-2"]),
)
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789.,;:()\"\\/#-'", min_size=1, max_size=10)
VALUES = st.lists(WORD, min_size=1, max_size=25).map(" ".join)
_PLAIN_PHRASES = st.lists(
    st.builds(lambda w, s: w + s, st.text(LOWER, min_size=1, max_size=8), st.sampled_from(["", "", "*"])),
    min_size=1,
    max_size=4,
).map(" ".join)
# Phrase patterns: a required plain part, then optional words and alternatives.
PHRASES = st.one_of(
    _PLAIN_PHRASES,
    st.builds(lambda head, opt, a, b: f"{head} [{opt}] ({a}|{b})", _PLAIN_PHRASES, _PLAIN_PHRASES,
              _PLAIN_PHRASES, _PLAIN_PHRASES),
)
PATTERNS = st.sampled_from(["shall( not)?", "a/b", r"art\.? ?\d+", "[a-z]+ing", r"\bparty\b", "x|y"])


@functools.cache
def conditions(terms: tuple[str, ...]) -> st.SearchStrategy[Condition]:
    atoms: list[st.SearchStrategy[Condition]] = [
        PHRASES.map(lambda p: Atom(Phrase(p))),
        PATTERNS.map(lambda p: Atom(Regex(p))),
    ]
    if terms:
        atoms.append(st.sampled_from(terms).map(lambda n: Atom(TermRef(n))))
    distance = st.integers(1, 1000)
    return st.recursive(
        st.one_of(atoms),
        lambda inner: st.one_of(
            st.builds(And, inner, inner),
            st.builds(Or, inner, inner),
            st.builds(Not, inner),
            st.builds(Heading, inner),
            st.builds(Literal, inner),
            st.builds(Near, inner, inner, distance, st.booleans()),
        ),
        max_leaves=6,
    )


@st.composite
def rulesets(draw: st.DrawFn) -> RulesetFile:
    names = draw(st.lists(NAMES, unique=True, max_size=6))
    term_names, define_names = names[: len(names) // 2 + 1], names[len(names) // 2 + 1:]
    terms = []
    for i, name in enumerate(term_names):
        alternatives = draw(
            st.lists(
                st.one_of(
                    PHRASES.map(Phrase),
                    PATTERNS.map(Regex),
                    *([st.sampled_from(term_names[:i]).map(TermRef)] if i else []),
                ),
                min_size=1,
                max_size=7,
            )
        )
        terms.append(TermsDef(name, tuple(alternatives), description=draw(st.none() | VALUES)))
    defines = [
        Define(name, draw(conditions(tuple(term_names + define_names[:i]))), description=draw(st.none() | VALUES))
        for i, name in enumerate(define_names)
    ]
    includes = tuple(
        draw(st.lists(st.one_of(NAMES.map(Include), st.just(Include("dir/x.esa", quoted=True))), max_size=2))
    )
    ids = draw(st.lists(IDS, unique=True, min_size=0 if includes else 1, max_size=3))
    provisions = []
    for ident in ids:
        clauses = draw(
            st.lists(
                st.builds(
                    Clause,
                    st.sampled_from(["require", "permit", "forbid"]),
                    conditions(tuple(names)),
                    st.sampled_from(["sentence", "paragraph", "article", "chapter", "document"]),
                ),
                max_size=3,
            )
        )
        provisions.append(
            Provision(
                id=ident,
                title=draw(VALUES),
                topic=draw(st.sampled_from(sorted(TOPICS))),
                severity=draw(st.sampled_from(["error", "warning", "info"])),
                expects=draw(st.sampled_from(["obligation", "exception"])),
                why=draw(st.none() | VALUES),
                source=draw(st.none() | VALUES),
                suggest=draw(st.none() | VALUES),
                clauses=tuple(clauses),
                examples=tuple(
                    draw(
                        st.lists(
                            st.builds(Example, st.sampled_from(["satisfied", "weak", "missing"]), VALUES)
                        )
                    )
                ),
            )
        )
    overrides = []
    for ident in ids:
        choice = draw(st.sampled_from(["none", "override", "disable"]))
        if choice == "override":
            overrides.append(Override(ident, severity=draw(st.sampled_from(["error", "warning", "info"]))))
        elif choice == "disable":
            overrides.append(Override(ident, disabled=True))
    return RulesetFile(
        name=draw(NAMES),
        title=draw(st.none() | VALUES),
        version=draw(st.none() | st.sampled_from(["1", "1.0", "2.0-draft"])),
        includes=includes,
        terms=tuple(terms),
        provisions=tuple(provisions),
        overrides=tuple(overrides),
        defines=tuple(defines),
    )


class Sloppy:
    """Writes an AST as valid but untidy text: random spacing and line breaks, extra parentheses,
    default values spelled out or not, statements in shuffled order, comments anywhere."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.comments = 0

    def gap(self) -> str:
        if self.rng.random() < 0.1:
            self.comments += 1
            return f"  # note {self.comments}\n"
        return self.rng.choice([" ", "  ", "\n", "\n    ", "\t", " \n\n "])

    def string(self, value: str) -> str:
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return '"' + re.sub(" ", lambda _: self.rng.choice([" ", "\n   ", "  "]), escaped) + '"'

    def about(self, description: str | None) -> str:
        return "" if description is None else self.string(description) + self.gap()

    def alternative(self, alt: Phrase | Regex | TermRef) -> str:
        if isinstance(alt, Phrase):
            return self.string(alt.text)
        if isinstance(alt, Regex):
            return "/" + alt.pattern.replace("/", "\\/") + "/"
        return alt.name

    def alternatives(self, alts: tuple[Phrase | Regex | TermRef, ...]) -> str:
        text = self.alternative(alts[0])
        for alt in alts[1:]:
            text += f"{self.gap()}|{self.gap()}{self.alternative(alt)}"
        return text

    def cond(self, c: Condition) -> str:
        g = self.gap
        match c:
            case Atom(ref=ref):
                text = self.alternative(ref)
            case And(left=left, right=right) | Or(left=left, right=right):
                word = "and" if isinstance(c, And) else "or"
                text = f"({self.cond(left)}){g()}{word}{g()}({self.cond(right)})"
            case Near(left=left, right=right, distance=n, ordered=ordered):
                word = "before" if ordered else "near"
                text = f"({self.cond(left)}){g()}{word}/{n}{g()}({self.cond(right)})"
            case Not(inner=inner):
                text = f"not{g()}({self.cond(inner)})"
            case Heading(inner=inner):
                text = f"heading{g()}({self.cond(inner)})"
            case Literal(inner=inner):
                text = f"literal{g()}({self.cond(inner)})"
        return f"({g()}{text}{g()})" if self.rng.random() < 0.2 else text

    def provision(self, p: Provision) -> str:
        g = self.gap
        statements = [f"topic{g()}{p.topic}"]
        if p.severity != "error" or self.rng.random() < 0.5:
            statements.append(f"severity{g()}{p.severity}")
        if p.expects != "obligation" or self.rng.random() < 0.5:
            statements.append(f"expects{g()}{p.expects}")
        for key in ("why", "source", "suggest"):
            value = getattr(p, key)
            if value is not None:
                statements.append(f"{key}{g()}{self.string(value)}")
        ordered = [
            f"{c.kind}{g()}{self.cond(c.condition)}"
            + ("" if c.scope == "paragraph" and self.rng.random() < 0.5 else f"{g()}in{g()}{c.scope}")
            for c in p.clauses
        ]
        ordered += [f"example{g()}{e.status}{g()}{self.string(e.text)}" for e in p.examples]
        self.rng.shuffle(statements)  # singletons in any order; clauses and examples keep theirs
        for statement in statements:
            ordered.insert(self.rng.randint(0, len(ordered)), statement)
        body = "".join(s + g() for s in ordered)
        return f"provision{g()}{p.id}{g()}{self.string(p.title)}{g()}{{{g()}{body}{g()}}}"

    def ruleset(self, r: RulesetFile) -> str:
        g = self.gap
        header = f"ruleset{g()}{r.name}"
        if r.title is not None:
            header += f"{g()}{self.string(r.title)}"
        if r.version is not None:
            header += f"{g()}version{g()}{self.string(r.version)}"
        kinds = [
            [f"include{g()}{self.string(i.target) if i.quoted else i.target}" for i in r.includes],
            [f"terms{g()}{t.name}{g()}{self.about(t.description)}={g()}" + self.alternatives(t.alternatives)
             for t in r.terms],
            [f"define{g()}{d.name}{g()}{self.about(d.description)}={g()}{self.cond(d.condition)}"
             for d in r.defines],
            [self.provision(p) for p in r.provisions],
            [
                f"disable{g()}{o.provision}"
                if o.disabled
                else f"override{g()}{o.provision}{g()}severity{g()}{o.severity}"
                for o in r.overrides
            ],
        ]
        # Items of different kinds interleave at random; within a kind the order is the AST's.
        merged: list[str] = []
        while any(kinds):
            merged.append(self.rng.choice([k for k in kinds if k]).pop(0))
        return g() + header + g() + "".join(item + g() for item in merged) + "\n"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rulesets(), st.randoms(use_true_random=False))
def test_format_round_trip(ruleset: RulesetFile, rng: random.Random) -> None:
    text = Sloppy(rng).ruleset(ruleset)
    assert parse(text) == ruleset
    formatted = format_ruleset(text)
    assert parse(formatted) == ruleset
    assert format_ruleset(formatted) == formatted
    assert sorted(comments_of(formatted)) == sorted(comments_of(text))
    assert not formatted.startswith("\n") and formatted.endswith("\n") and "\n\n\n" not in formatted
