"""Lark tree -> ruleset AST, one method per grammar rule, checking every value as it goes.

Values that the grammar only knows as names (topic, severity, scope...) are checked here so the
message can name the allowed values and suggest the closest one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import re2
from lark import Token, Transformer, Tree, v_args
from lark.exceptions import VisitError
from lark.tree import Meta

from esa_rules.dsl.ast import (
    And,
    Atom,
    Cites,
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
    Pos,
    Provision,
    Regex,
    RulesetFile,
    TermRef,
    TermsDef,
)
from esa_rules.dsl.checks import KEYWORDS, did_you_mean, error_at, where
from esa_rules.dsl.patterns import PatternError, expand_pattern
from esa_rules.levels import DECLARABLE_EXPECTS, SEVERITIES
from esa_rules.topics import TOPICS

EXPECTS = tuple(DECLARABLE_EXPECTS)
SCOPES = ("sentence", "paragraph", "article", "chapter", "document")
STATUSES = ("satisfied", "weak", "missing", "violated")
MAX_DISTANCE = 1000
_SINGLE = ("topic", "severity", "expects", "why", "source", "suggest")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
# A `*` may only continue a word: a word character before it, and the end of the word after it.
_BAD_STAR = re.compile(r"(?<!\w)\*|\*(?=[^\s])")

_re2_options = re2.Options()
_re2_options.log_errors = False  # RE2 otherwise writes its own copy of the error to stderr


def string_value(raw: str) -> str:
    """The value of a STRING token: escapes resolved, whitespace runs (line breaks too) collapsed."""
    body = raw[1:-1]
    return " ".join(_ESCAPE.sub(lambda m: m.group(1), body).split())


def regex_value(raw: str) -> str:
    """The pattern of a REGEX token: ``\\/`` becomes ``/``, every other escape is RE2's business."""
    return re.sub(r"\\(.)", lambda m: m.group(1) if m.group(1) == "/" else m.group(0), raw[1:-1])


def _as_condition(node: Any) -> Condition:
    if isinstance(node, (Phrase, Regex, TermRef)):
        return Atom(node, pos=node.pos)
    return node  # type: ignore[no-any-return]


@v_args(meta=True)
class _ToAst(Transformer[Token, Any]):
    def __init__(self, path: str, lines: Sequence[str]) -> None:
        super().__init__()
        self.path = path
        self.lines = lines

    def _pos(self, meta: Meta | Token) -> Pos:
        return Pos(self.path, getattr(meta, "line", 1) or 1, getattr(meta, "column", 1) or 1)

    def _fail(self, message: str, at: Meta | Token, hint: str | None = None) -> Exception:
        return error_at(message, self._pos(at), self.lines, hint)

    def _choice(self, token: Token, allowed: Sequence[str], what: str) -> str:
        value = str(token.value)
        if value not in allowed:
            hint = did_you_mean(value, allowed) or "allowed: " + ", ".join(allowed)
            raise self._fail(f"unknown {what} '{value}'", token, hint)
        return value

    def _string(self, token: Token) -> str:
        raw = str(token.value)
        for match in _ESCAPE.finditer(raw[1:-1]):
            if match.group(1) not in '"\\':
                escape = "\\" + match.group(1)
                raise self._fail(f'unknown escape {escape} in string; only \\" and \\\\ are allowed', token)
        return string_value(raw)

    # --- top level --------------------------------------------------------------------------------

    def start(self, meta: Meta, children: list[Any]) -> RulesetFile:
        name, title, version, pos = children[0]
        items = children[1:]
        return RulesetFile(
            name=name,
            title=title,
            version=version,
            includes=tuple(i for i in items if isinstance(i, Include)),
            terms=tuple(i for i in items if isinstance(i, TermsDef)),
            defines=tuple(i for i in items if isinstance(i, Define)),
            provisions=tuple(i for i in items if isinstance(i, Provision)),
            overrides=tuple(i for i in items if isinstance(i, Override)),
            path=self.path,
            pos=pos,
        )

    def header(self, meta: Meta, children: list[Any]) -> tuple[str, str | None, str | None, Pos]:
        name, title, version = children
        return (
            str(name.value),
            None if title is None else self._string(title),
            None if version is None else self._string(version),
            self._pos(meta),
        )

    def include(self, meta: Meta, children: list[Token]) -> Include:
        (target,) = children
        if target.type == "STRING":
            path = self._string(target)
            if not path:
                raise self._fail("empty include path", target)
            return Include(path, quoted=True, pos=self._pos(meta))
        return Include(str(target.value), quoted=False, pos=self._pos(meta))

    def terms(self, meta: Meta, children: list[Any]) -> TermsDef:
        name, description, *alternatives = children
        return TermsDef(str(name.value), tuple(alternatives), description=self._description(description),
                        pos=self._pos(name))

    def define(self, meta: Meta, children: list[Any]) -> Define:
        name, description, condition = children
        return Define(str(name.value), _as_condition(condition), description=self._description(description),
                      pos=self._pos(name))

    def _description(self, token: Token | None) -> str | None:
        if token is None:
            return None
        text = self._string(token)
        if not text:
            raise self._fail("empty description; leave it out or say in plain words what the name stands for",
                             token)
        return text

    def override(self, meta: Meta, children: list[Token]) -> Override:
        ident, level = children
        severity = self._choice(level, SEVERITIES, "severity")
        return Override(str(ident.value), severity=severity, pos=self._pos(meta))

    def disable(self, meta: Meta, children: list[Token]) -> Override:
        return Override(str(children[0].value), disabled=True, pos=self._pos(meta))

    # --- provisions -------------------------------------------------------------------------------

    def provision(self, meta: Meta, children: list[Any]) -> Provision:
        ident, title, _lbrace, *statements, _rbrace = children
        fields: dict[str, Any] = {}
        first: dict[str, Pos] = {}
        clauses: list[Clause] = []
        examples: list[Example] = []
        for kind, value, pos in statements:
            if kind in _SINGLE:
                if kind in fields:
                    message = (
                        f"duplicate `{kind}` in provision {ident.value}; first given at {where(first[kind])}"
                    )
                    raise error_at(message, pos, self.lines)
                fields[kind], first[kind] = value, pos
            elif kind == "example":
                examples.append(value)
            else:
                clauses.append(value)
        if "topic" not in fields:
            raise self._fail(
                f"provision {ident.value} has no topic",
                ident,
                "add `topic NAME`; topics: " + ", ".join(TOPICS),
            )
        if not self._string(title):
            raise self._fail(f"provision {ident.value} has an empty title", title)
        return Provision(
            id=str(ident.value),
            title=self._string(title),
            clauses=tuple(clauses),
            examples=tuple(examples),
            pos=self._pos(meta),
            **fields,
        )

    def topic(self, meta: Meta, children: list[Token]) -> tuple[str, str, Pos]:
        return "topic", self._choice(children[0], tuple(TOPICS), "topic"), self._pos(meta)

    def severity(self, meta: Meta, children: list[Token]) -> tuple[str, str, Pos]:
        return "severity", self._choice(children[0], SEVERITIES, "severity"), self._pos(meta)

    def expects(self, meta: Meta, children: list[Token]) -> tuple[str, str, Pos]:
        return "expects", self._choice(children[0], EXPECTS, "expects value"), self._pos(meta)

    def why(self, meta: Meta, children: list[Token]) -> tuple[str, str, Pos]:
        return "why", self._string(children[0]), self._pos(meta)

    def source(self, meta: Meta, children: list[Token]) -> tuple[str, str, Pos]:
        return "source", self._string(children[0]), self._pos(meta)

    def suggest(self, meta: Meta, children: list[Token]) -> tuple[str, str, Pos]:
        return "suggest", self._string(children[0]), self._pos(meta)

    def example(self, meta: Meta, children: list[Token]) -> tuple[str, Example, Pos]:
        status = self._choice(children[0], STATUSES, "example status")
        pos = self._pos(meta)
        return "example", Example(status, self._string(children[1]), pos=pos), pos

    def _clause(self, kind: str, meta: Meta, children: list[Any]) -> tuple[str, Clause, Pos]:
        condition, scope = children
        pos = self._pos(meta)
        return kind, Clause(kind, _as_condition(condition), scope or "paragraph", pos=pos), pos

    def require(self, meta: Meta, children: list[Any]) -> tuple[str, Clause, Pos]:
        return self._clause("require", meta, children)

    def permit(self, meta: Meta, children: list[Any]) -> tuple[str, Clause, Pos]:
        return self._clause("permit", meta, children)

    def forbid(self, meta: Meta, children: list[Any]) -> tuple[str, Clause, Pos]:
        return self._clause("forbid", meta, children)

    def scope(self, meta: Meta, children: list[Token]) -> str:
        return self._choice(children[0], SCOPES, "scope")

    # --- conditions -------------------------------------------------------------------------------

    def or_(self, meta: Meta, children: list[Any]) -> Or:
        return Or(_as_condition(children[0]), _as_condition(children[1]), pos=self._pos(meta))

    def and_(self, meta: Meta, children: list[Any]) -> And:
        return And(_as_condition(children[0]), _as_condition(children[1]), pos=self._pos(meta))

    def not_(self, meta: Meta, children: list[Any]) -> Not:
        return Not(_as_condition(children[0]), pos=self._pos(meta))

    def heading(self, meta: Meta, children: list[Any]) -> Heading:
        return Heading(_as_condition(children[0]), pos=self._pos(meta))

    def literal(self, meta: Meta, children: list[Any]) -> Literal:
        return Literal(_as_condition(children[0]), pos=self._pos(meta))

    def cites(self, meta: Meta, children: list[Any]) -> Cites:
        return Cites(_as_condition(children[0]), pos=self._pos(meta))

    def cites_devoted(self, meta: Meta, children: list[Any]) -> Cites:
        return Cites(_as_condition(children[0]), pos=self._pos(meta), devoted=True)

    def _near(self, meta: Meta, children: list[Any], ordered: bool) -> Near:
        left, op, right = children
        word, _, raw = str(op.value).partition("/")
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_DISTANCE:
            raise self._fail(
                f"{word}/N needs a whole number of words from 1 to {MAX_DISTANCE}, found '{raw}'",
                op,
                f"such as {word}/25",
            )
        return Near(_as_condition(left), _as_condition(right), int(raw), ordered, pos=self._pos(op))

    def near(self, meta: Meta, children: list[Any]) -> Near:
        return self._near(meta, children, ordered=False)

    def before(self, meta: Meta, children: list[Any]) -> Near:
        return self._near(meta, children, ordered=True)

    def term_ref(self, meta: Meta, children: list[Token]) -> TermRef:
        # The contextual lexer reads a keyword as a name where no keyword can stand ("require and").
        name = str(children[0].value)
        if name in KEYWORDS:
            raise self._fail(f"expected a term name, found the keyword '{name}'", children[0])
        return TermRef(name, pos=self._pos(children[0]))

    def phrase(self, meta: Meta, children: list[Token]) -> Phrase:
        token = children[0]
        text = self._string(token)
        if not text:
            raise self._fail("empty phrase", token)
        try:
            expansions = expand_pattern(text)
        except PatternError as error:
            raise self._fail(f"{error} in phrase '{text}'", token, error.hint) from None
        if any(_BAD_STAR.search(phrase) for phrase in expansions):
            raise self._fail(
                f"misplaced * in phrase '{text}': * may only end a word",
                token,
                'write "invest*" for investment, investor, ...',
            )
        return Phrase(text, pos=self._pos(token))

    def regex(self, meta: Meta, children: list[Token]) -> Regex:
        token = children[0]
        pattern = regex_value(str(token.value))
        if not pattern:
            raise self._fail("empty regular expression", token)
        try:
            re2.compile(pattern, _re2_options)
        except re2.error as error:
            reason = error.args[0].decode() if isinstance(error.args[0], bytes) else str(error.args[0])
            if _python_accepts(pattern):
                message = f"regular expression is not linear-time; RE2 rejects it: {reason}"
                hint = "backreferences and lookaround are not allowed"
            else:
                message, hint = f"invalid regular expression: {reason}", None
            raise self._fail(message, token, hint) from None
        return Regex(pattern, pos=self._pos(token))


def _python_accepts(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except (re.error, OverflowError, RecursionError):
        return False
    return True


def to_ast(tree: Tree[Token], path: str, lines: Sequence[str]) -> RulesetFile:
    """Transform a parse tree; the first invalid value found raises its ``RulesetError``."""
    try:
        result = _ToAst(path, lines).transform(tree)
    except VisitError as error:
        raise error.orig_exc from None
    assert isinstance(result, RulesetFile)
    return result


def condition_of(tree: Tree[Token], path: str = "<string>") -> Condition:
    """One condition subtree as AST (the formatter renders conditions from the AST)."""
    try:
        return _as_condition(_ToAst(path, ()).transform(tree))
    except VisitError as error:
        raise error.orig_exc from None
