"""Text -> lark tree (with comments) -> ``RulesetFile``; lark's errors become ``RulesetError``s in words.

A rule author never sees lark token names: every syntax error says what was expected in the terms of
the language ("expected a quoted string after `why`") and points at the offending place.
"""

from __future__ import annotations

import contextvars
import functools

import lark
from lark import Lark, Token, Tree

from esa_rules.dsl.ast import Comment, Pos, RulesetFile
from esa_rules.dsl.checks import check_file, error_at
from esa_rules.dsl.transform import SCOPES, to_ast
from esa_rules.errors import RulesetError
from esa_rules.resources import grammar_path

# Comments are %ignore'd by the grammar; the lexer hands them to this sink so fmt can keep them.
_comment_sink: contextvars.ContextVar[list[Token] | None] = contextvars.ContextVar(
    "esa_comments", default=None
)


def _collect_comment(token: Token) -> Token:
    sink = _comment_sink.get()
    if sink is not None:
        sink.append(token)
    return token


@functools.cache
def _lark() -> Lark:
    return Lark(
        grammar_path().read_text(encoding="utf-8"),
        parser="lalr",
        propagate_positions=True,
        maybe_placeholders=True,
        lexer_callbacks={"COMMENT": _collect_comment},
    )


_CONDITION = 'a condition: a term name, a "phrase", a /regex/ or ('
_SCOPE_LIST = "|".join(SCOPES)
# What to expect right after a given keyword or token; these read better than the bare expected set.
_AFTER = {
    "RULESET": "the ruleset name (lower-case letters, digits, - and _)",
    "VERSION": "a quoted string (the version)",
    "INCLUDE": 'a shipped ruleset name or a quoted file path, such as "partner/extra.esa"',
    "TERMS": "a term name (lower-case letters, digits, - and _)",
    "EQUAL": 'a term alternative: a "phrase", a /regex/ or a term name',
    "VBAR": 'a term alternative: a "phrase", a /regex/ or a term name',
    "PROVISION": "a provision id such as ESA-INV-1",
    "OVERRIDE": "a provision id such as ESA-INV-1",
    "DISABLE": "a provision id such as ESA-INV-1",
    "TOPIC": "a topic name after `topic`, such as investment-screening",
    "SEVERITY": "error, warning or info after `severity`",
    "EXPECTS": "obligation or exception after `expects`",
    "WHY": "a quoted string after `why`",
    "SOURCE": "a quoted string after `source`",
    "SUGGEST": "a quoted string after `suggest`",
    "EXAMPLE": "an example status after `example`: satisfied, weak, missing or violated",
    "IN": f"a scope after `in`: {_SCOPE_LIST}",
    "NOT": _CONDITION,
    "HEADING": _CONDITION,
    "AND": _CONDITION,
    "OR": _CONDITION,
    "NEAR": _CONDITION,
    "BEFORE": _CONDITION,
    "LPAR": _CONDITION,
    "REQUIRE": _CONDITION,
    "FORBID": _CONDITION,
}
_WORDS = {
    "NAME": "a name",
    "ID": "a provision id",
    "STRING": "a quoted string",
    "REGEX": "a /regex/",
    "NEAR": "near/N",
    "BEFORE": "before/N",
    "LBRACE": "`{`",
    "RBRACE": "`}`",
    "$END": "the end of the file",
}


def _describe_expected(expected: set[str], previous: str | None) -> str:
    if {"NAME", "STRING", "REGEX", "LPAR"} <= expected:
        return _CONDITION
    if "IN" in expected:
        return f"`and`, `or`, `near/N`, `before/N`, `in {_SCOPE_LIST}` or the next statement"
    if "TOPIC" in expected and "RBRACE" in expected:
        return "a provision statement (topic, severity, expects, why, source, suggest, require, permit, forbid, example) or `}`"
    if "PROVISION" in expected:
        return "`include`, `terms`, `provision`, `override` or `disable`"
    if expected == {"RULESET"}:
        return "`ruleset <name>` at the start of the file"
    if expected == {"STRING"} and previous == "ID":
        return "a quoted string (the provision title)"
    if expected == {"EQUAL"}:
        return "`=` after the term name"
    if expected == {"LBRACE"}:
        return "`{` to open the provision"
    if expected == {"SEVERITY"}:
        return "`severity` after the provision id"
    if previous in _AFTER:
        return _AFTER[previous]
    words = sorted(_WORDS.get(name, f"`{_literal(name)}`") for name in expected)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _literal(terminal: str) -> str:
    pattern = _lark().get_terminal(terminal).pattern
    return str(pattern.value)


def _found(token: Token) -> str:
    if token.type == "$END":
        return "the end of the file"
    value = str(token.value)
    return f"'{value[:40]}…'" if len(value) > 40 else f"'{value}'"


def _end_position(text: str) -> tuple[int, int]:
    body = text.rstrip()
    line = body.count("\n") + 1
    return line, len(body) - (body.rfind("\n") + 1) + 1


def _syntax_error(error: lark.exceptions.UnexpectedInput, text: str, path: str) -> RulesetError:
    lines = text.splitlines()
    hint = None
    if isinstance(error, lark.exceptions.UnexpectedCharacters):
        char = text[error.pos_in_stream or 0]
        if char == '"':
            message = 'unterminated string: this " has no closing "'
            hint = 'a string runs to the next unescaped "; write \\" for a quote inside a string'
        elif char == "/":
            message = "unterminated regular expression: no closing / on this line"
        else:
            message = f"unexpected character {char!r}"
        line, column = error.line, error.column
    elif isinstance(error, lark.exceptions.UnexpectedToken):
        token = error.token
        stack = error.interactive_parser.parser_state.value_stack if error.interactive_parser else []
        previous = stack[-1].type if stack and isinstance(stack[-1], Token) else None
        expected = {name for name in error.expected if name not in ("COMMENT", "WS")}
        message = f"expected {_describe_expected(expected, previous)}, found {_found(token)}"
        if token.type == "$END":
            line, column = _end_position(text)
        else:
            line, column = token.line or 1, token.column or 1
        if token.type == "NAME" and token.value in ("near", "before"):
            hint = f"write the distance in words with a slash, such as {token.value}/10"
        elif token.type == "ID" and "NAME" in expected:
            hint = "names, keywords and topics are lower-case"
        elif token.type == "NAME" and token.value in SCOPES and "IN" in expected:
            hint = f"write the scope as `in {token.value}`"
    else:  # pragma: no cover - LALR raises only the two kinds above
        message, line, column = str(error), error.line, error.column
    return error_at(message, Pos(path, line, column), lines, hint)


def parse_tree(text: str, path: str = "<string>") -> tuple[Tree[Token], tuple[Comment, ...]]:
    """The lark tree of ``text`` and its comments, in source order; syntax errors as ``RulesetError``."""
    sink: list[Token] = []
    reset = _comment_sink.set(sink)
    try:
        tree = _lark().parse(text)
    except lark.exceptions.UnexpectedInput as error:
        raise _syntax_error(error, text, path) from None
    finally:
        _comment_sink.reset(reset)
    comments = tuple(Comment(str(t.value).rstrip(), pos=Pos(path, t.line or 1, t.column or 1)) for t in sink)
    return tree, comments


def parse(text: str, path: str = "<string>") -> RulesetFile:
    """Parse one ruleset file and run the checks it allows on its own."""
    tree, _ = parse_tree(text, path)
    lines = text.splitlines()
    ruleset = to_ast(tree, path, lines)
    check_file(ruleset, lines)
    return ruleset
