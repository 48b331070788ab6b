"""The DSL parser: the documented syntax parses to the expected AST; every mistake is a located error."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from esa_rules.dsl import parse
from esa_rules.dsl.ast import And, Atom, Heading, Near, Not, Or, Phrase, Regex, TermRef
from esa_rules.errors import RulesetError

ARCHITECTURE_EXAMPLE = """\
ruleset esa-core "Core economic security provisions" version "1.0"

# Phrase sets. Matching is on normalized text.
terms security  = "national security" | "essential security" | "security interests"
terms screening = "investment screening" | "screening of investment*" | "review of foreign investment*"
                | "review* acquisition*" | "foreign investment review"
terms exchange  = "exchange information" | "share information" | "information sharing"

provision ESA-INV-1 "Investment screening alignment" {
  topic investment-screening
  severity error
  why "Investment screening is central to the trust partners place in each other."
  source "Launch Economic Security Agreements (CNAS, 2025): defensive tools section"
  require screening near/25 security in paragraph
  require exchange near/40 (screening or "review authorit*") in article
  suggest "Each Party shall maintain a mechanism to review foreign investment for risks to national
           security, and the Parties shall exchange information on transactions reviewed by both."
  example satisfied "Each Party shall maintain a mechanism to review foreign investments for risks to national security, and the review authorities shall exchange information on such reviews."
  example weak      "The Participants intend to share information on investment screening related to national security."
  example missing   "The Parties recognise the importance of foreign direct investment."
}
"""

HEAD = 'ruleset t\nterms a = "alpha"\nterms b = "beta"\n'


def provision(*statements: str) -> str:
    body = "\n".join("  " + s for s in statements)
    return f'{HEAD}provision P-1 "Title" {{\n  topic export-controls\n{body}\n}}\n'


def condition_of(cond: str):
    return parse(provision(f"require {cond}")).provisions[0].clauses[0].condition


def error_of(text: str) -> RulesetError:
    with pytest.raises(RulesetError) as info:
        parse(text, "rules.esa")
    return info.value


A, B = Atom(TermRef("a")), Atom(TermRef("b"))


def test_architecture_example_parses_exactly() -> None:
    ruleset = parse(ARCHITECTURE_EXAMPLE)
    assert (ruleset.name, ruleset.title, ruleset.version) == (
        "esa-core",
        "Core economic security provisions",
        "1.0",
    )
    assert [t.name for t in ruleset.terms] == ["security", "screening", "exchange"]
    assert ruleset.terms[1].alternatives[3] == Phrase("review* acquisition*")
    (inv,) = ruleset.provisions
    assert (inv.id, inv.topic, inv.severity, inv.expects) == (
        "ESA-INV-1",
        "investment-screening",
        "error",
        "obligation",
    )
    assert inv.suggest.startswith("Each Party shall maintain") and "national security, and" in inv.suggest
    first, second = inv.requires
    assert first.condition == Near(Atom(TermRef("screening")), Atom(TermRef("security")), 25)
    assert first.scope == "paragraph" and second.scope == "article"
    assert second.condition.right == Or(Atom(TermRef("screening")), Atom(Phrase("review authorit*")))
    assert [e.status for e in inv.examples] == ["satisfied", "weak", "missing"]


def test_full_syntax_sample() -> None:
    text = """ruleset partner-extra
include esa-core            # a shipped ruleset by name
include "partner/extra.esa" # a file
terms security = "national security" | "essential security" | security_words | /re2 pattern\\/x/
provision ESA-INV-9 "Investment screening alignment" {
  why "first" source "second" suggest "third"
  expects exception
  forbid "shall not" in sentence
  topic investment-screening
  example violated "text"
}
override ESA-INV-1 severity warning
disable ESA-EXP-3
"""
    ruleset = parse(text)
    assert [(i.target, i.quoted) for i in ruleset.includes] == [
        ("esa-core", False),
        ("partner/extra.esa", True),
    ]
    assert ruleset.terms[0].alternatives[2:] == (TermRef("security_words"), Regex("re2 pattern/x"))
    (p,) = ruleset.provisions
    assert (p.why, p.source, p.suggest, p.expects) == ("first", "second", "third", "exception")
    assert p.forbids[0].scope == "sentence" and p.requires == ()
    assert [(o.provision, o.severity, o.disabled) for o in ruleset.overrides] == [
        ("ESA-INV-1", "warning", False),
        ("ESA-EXP-3", None, True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a or b and b", Or(A, And(B, B))),
        ("a and b or b", Or(And(A, B), B)),
        ("not a and b", And(Not(A), B)),
        ("not a near/5 b", Not(Near(A, B, 5))),
        ("a near/5 b before/3 a", Near(Near(A, B, 5), A, 3, ordered=True)),
        ("heading a near/5 b", Near(Heading(A), B, 5)),
        ("(a or b) and a", And(Or(A, B), A)),
        ("a or b or a", Or(Or(A, B), A)),
        ('"x y" and /z+/', And(Atom(Phrase("x y")), Atom(Regex("z+")))),
    ],
)
def test_precedence(text: str, expected: object) -> None:
    assert condition_of(text) == expected


def test_strings_collapse_whitespace_and_resolve_escapes() -> None:
    p = parse(provision('why "  a\n      b\t c  "', 'source "say \\"no\\" \\\\ x"')).provisions[0]
    assert p.why == "a b c"
    assert p.source == 'say "no" \\ x'


def test_positions_point_at_nodes() -> None:
    p = parse(provision("require a near/5 b"), "x.esa").provisions[0]
    assert (p.pos.path, p.pos.line, p.pos.column) == ("x.esa", 4, 1)
    assert (p.clauses[0].condition.left.pos.line, p.clauses[0].condition.left.pos.column) == (6, 11)


ERRORS = [
    # (text, message fragment, line, column)
    ("provision X", "expected `ruleset <name>` at the start of the file, found 'provision'", 1, 1),
    ("ruleset t\nprovision P-1 {\n", "expected a quoted string (the provision title), found '{'", 2, 15),
    (provision("why"), "expected a quoted string after `why`, found '}'", 7, 1),
    (
        provision("require"),
        "expected a condition: a term name, a \"phrase\", a /regex/ or (, found '}'",
        7,
        1,
    ),
    (provision("require a paragraph"), "expected `and`, `or`, `near/N`, `before/N`, `in sentence|", 6, 13),
    (
        provision("require a in"),
        "expected a scope after `in`: sentence|paragraph|article|chapter|document",
        7,
        1,
    ),
    (provision("require (a or b"), "expected `)`", 7, 1),
    (provision("require a @ b"), "unexpected character '@'", 6, 13),
    (provision('require "abc'), 'unterminated string: this " has no closing "', 6, 11),
    (provision("require /abc"), "unterminated regular expression", 6, 11),
    (provision("severity"), "expected error, warning or info after `severity`", 7, 1),
    (provision("require and"), "expected a term name, found the keyword 'and'", 6, 11),
    ('ruleset t\nterms a "x" "y"\n', "expected `=` after the term name, found '\"y\"'", 2, 13),
    ("ruleset t\nterms a = \n", 'expected a term alternative: a "phrase", a /regex/ or a term name', 2, 10),
    ("ruleset t\nprovision p-1", "expected a provision id such as ESA-INV-1, found 'p-1'", 2, 11),
    ("ruleset t\nwhatever", "expected `include`, `terms`, `provision`, `override` or `disable`", 2, 1),
    ("", "expected `ruleset <name>` at the start of the file, found the end of the file", 1, 1),
    ('ruleset t\nprovision P-1 "x" {\n  topic economic-coercion\n', "found the end of the file", 3, 26),
]


@pytest.mark.parametrize(("text", "message", "line", "column"), ERRORS)
def test_syntax_errors_in_words(text: str, message: str, line: int, column: int) -> None:
    error = error_of(text)
    assert message in error.message
    assert (error.path, error.line, error.column) == ("rules.esa", line, column)
    for lark_word in ("ESCAPED_STRING", "$END", "__ANON", "LPAR", "RBRACE", "NAME", "Token("):
        assert lark_word not in error.message


def test_error_str_has_location_line_and_caret() -> None:
    text = str(error_of(provision("require screning")))
    location, line, caret = text.splitlines()[:3]
    assert location == "rules.esa:6:11: unknown term or define 'screning'"
    assert line.strip() == "require screning"
    assert caret.index("^") == line.index("screning")


SEMANTIC = [
    (provision("require alpha"), "unknown term or define 'alpha'", 6, 11, None),
    (
        'ruleset t\nterms screening = "s"\n' + provision("require screning")[len(HEAD) :],
        "unknown term or define 'screning'",
        5,
        11,
        "did you mean 'screening'?",
    ),
    (
        provision("topic export-control").replace("topic export-controls\n", "", 1),
        "unknown topic 'export-control'",
        5,
        11,
        "did you mean 'export-controls'?",
    ),
    (provision("severity high"), "unknown severity 'high'", 6, 12, "allowed: error, warning, info"),
    (provision("severity warnng"), "unknown severity 'warnng'", 6, 12, "did you mean 'warning'?"),
    (provision("expects exeption"), "unknown expects value 'exeption'", 6, 11, "did you mean 'exception'?"),
    (provision("require a in paragrph"), "unknown scope 'paragrph'", 6, 16, "did you mean 'paragraph'?"),
    (
        provision('example satisfed "x"'),
        "unknown example status 'satisfed'",
        6,
        11,
        "did you mean 'satisfied'?",
    ),
    (
        provision("require a near/0 b"),
        "near/N needs a whole number of words from 1 to 1000, found '0'",
        6,
        13,
        None,
    ),
    (provision("require a near/-1 b"), "found '-1'", 6, 13, None),
    (provision("require a near/x b"), "found 'x'", 6, 13, None),
    (provision("require a before/1001 b"), "before/N needs a whole number", 6, 13, None),
    (provision('require ""'), "empty phrase", 6, 11, None),
    (provision('require "   "'), "empty phrase", 6, 11, None),
    (provision('require "in*vest"'), "misplaced * in phrase 'in*vest'", 6, 11, None),
    (provision('require "*vest"'), "misplaced *", 6, 11, None),
    (provision('require "a * b"'), "misplaced *", 6, 11, None),
    (provision(r"require /(a)\1/"), "not linear-time; RE2 rejects it:", 6, 11, None),
    (provision("require /(?<=a)b/"), "not linear-time; RE2 rejects it:", 6, 11, None),
    (provision("require /a[/"), "invalid regular expression: missing ]", 6, 11, None),
    (provision('why "a\\nb"'), "unknown escape \\n in string", 6, 7, None),
    (
        provision("topic export-controls"),
        "duplicate `topic` in provision P-1; first given at rules.esa:5:3",
        6,
        3,
        None,
    ),
    (HEAD + 'provision P-1 "T" {\n  severity info\n}\n', "provision P-1 has no topic", 4, 11, None),
    (
        provision() + 'provision P-1 "Again" {\n  topic export-controls\n}\n',
        "duplicate provision id 'P-1'; first defined at rules.esa:4:1",
        8,
        1,
        None,
    ),
    (
        HEAD + 'terms a = "again"\n' + provision()[len(HEAD) :],
        "duplicate term 'a'; first defined at rules.esa:2:7",
        4,
        7,
        None,
    ),
    (
        "ruleset t\nterms a = b\nterms b = c\nterms c = a\n" + provision()[len(HEAD) :],
        "term reference cycle: a -> b -> c -> a",
        4,
        11,
        None,
    ),
    (
        'ruleset t\nterms a = "x" | a\n' + provision()[len(HEAD) :],
        "term reference cycle: a -> a",
        2,
        17,
        None,
    ),
    ('ruleset t\nterms not = "x"\n' + provision()[len(HEAD) :], "'not' is a keyword", 2, 7, None),
    (provision() + "disable P-2\n", "cannot disable unknown provision 'P-2'", 8, 1, "did you mean 'P-1'?"),
    (provision() + "override P-9 severity info\n", "cannot override unknown provision 'P-9'", 8, 1, None),
    (provision() + "override P-1 severity fatal\n", "unknown severity 'fatal'", 8, 23, None),
    (provision("require a near/\u0663 b"), "found '\u0663'", 6, 13, None),
    (
        HEAD + 'provision P-1 "  " {\n  topic export-controls\n}\n',
        "provision P-1 has an empty title",
        4,
        15,
        None,
    ),
    ("ruleset lonely\n", "ruleset 'lonely' has no provisions and includes no other ruleset", 1, 1, None),
]


@pytest.mark.parametrize(("text", "message", "line", "column", "hint"), SEMANTIC)
def test_semantic_errors(text: str, message: str, line: int, column: int, hint: str | None) -> None:
    error = error_of(text)
    assert message in error.message
    assert (error.line, error.column) == (line, column)
    if hint is not None:
        assert error.hint == hint


def test_includes_defer_unknown_term_and_empty_checks() -> None:
    ruleset = parse(
        'ruleset t\ninclude esa-core\nterms mine = shared | "x"\noverride OTHER-1 severity info\n'
    )
    assert ruleset.provisions == () and ruleset.terms[0].alternatives[0] == TermRef("shared")


VALID = (
    provision('require a near/5 (b or "gamma*") in article', 'example weak "w"')
    + "override P-1 severity info\n"
)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('ruleset terms "a|=/(){}#\\\n PROV-1 near/ in and or not*')),
        max_size=80,
    )
)
def test_random_text_only_raises_ruleset_error(text: str) -> None:
    try:
        ruleset = parse(text)
    except RulesetError as error:
        assert str(error).startswith("<string>:")  # always located, never a lark message
        return
    assert ruleset.provisions or ruleset.includes


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_mutated_ruleset_only_raises_ruleset_error(data: st.DataObject) -> None:
    text = VALID
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 6))
        insert = data.draw(st.text(alphabet='"/(){}|=#\\*-0123456789 \nazAZ', max_size=4))
        text = text[:at] + insert + text[at + cut :]
    try:
        ruleset = parse(text)
    except RulesetError as error:
        assert error.line is None or error.line >= 1
        return
    assert ruleset.name


def test_permit_clause_parses() -> None:
    ruleset = parse('ruleset t\nprovision P-1 "T" {\n  topic non-market-economies\n'
                    '  permit "terminate" in article\n  require "notify"\n}\n')
    clauses = ruleset.provisions[0].clauses
    assert [(c.kind, c.scope) for c in clauses] == [("permit", "article"), ("require", "paragraph")]
    assert ruleset.provisions[0].requires == clauses
