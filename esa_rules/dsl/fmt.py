"""Canonical layout of a ruleset file, comments kept.

The formatter walks the parse tree (which keeps statement order and line numbers) and renders each
piece from its AST, so what it writes parses back to the same AST. Comments are attached by line:
one on the line where a statement ends trails that statement; any other comment leads the next
statement or item. Blank lines: always around provisions and after the header, never inside a
provision, and elsewhere only where the author left one, so a second pass changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from lark import Token, Tree

from esa_rules.dsl.ast import (
    And,
    Atom,
    Cites,
    Comment,
    Condition,
    Heading,
    Literal,
    Named,
    Near,
    Not,
    Or,
    Phrase,
    Regex,
    TermRef,
)
from esa_rules.dsl.parser import parse_tree
from esa_rules.dsl.transform import condition_of, string_value, to_ast

WIDTH = 100
_HANGING = 40  # a head longer than this (a long description) puts what follows it on the next line
_PRECEDENCE = {Or: 1, And: 2, Not: 3, Near: 4, Heading: 5, Literal: 5, Cites: 5, Atom: 6, Named: 6}


def quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def slashes(pattern: str) -> str:
    """A pattern as a ``/.../`` literal: ``/`` escaped, RE2's own escapes left alone."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append("\\/" if pattern[i] == "/" else pattern[i])
        i += 1
    return "/" + "".join(out) + "/"


def render_alternative(alt: Phrase | Regex | TermRef) -> str:
    if isinstance(alt, Phrase):
        return quote(alt.text)
    if isinstance(alt, Regex):
        return slashes(alt.pattern)
    return alt.name


def render_condition(cond: Condition) -> str:
    """The condition with only the parentheses its shape needs (binary operators associate left)."""
    level = _PRECEDENCE[type(cond)]

    def operand(child: Condition, minimum: int) -> str:
        text = render_condition(child)
        return f"({text})" if _PRECEDENCE[type(child)] < minimum else text

    match cond:
        case Atom(ref=ref):
            return render_alternative(ref)
        case Named(name=name):
            return name
        case Or(left=left, right=right) | And(left=left, right=right):
            word = "or" if isinstance(cond, Or) else "and"
            return f"{operand(left, level)} {word} {operand(right, level + 1)}"
        case Near(left=left, right=right, distance=distance, ordered=ordered):
            word = "before" if ordered else "near"
            return f"{operand(left, level)} {word}/{distance} {operand(right, level + 1)}"
        case Not(inner=inner):
            return f"not {operand(inner, level)}"
        case Heading(inner=inner):
            return f"heading {operand(inner, level)}"
        case Literal(inner=inner):
            return f"literal {operand(inner, level)}"
        case Cites(inner=inner):
            return f"{_cites_word(cond)} {operand(inner, level)}"
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover


def layout_condition(cond: Condition, column: int, width: int = WIDTH) -> list[str]:
    """The condition over as many lines as it needs to stay within ``width``, its first line starting at
    ``column`` (the caller writes what precedes it). A chain of ``or`` (or ``and``) puts one operand per
    line, the operator right-aligned before it; a group too long for its line breaks inside its
    parentheses; ``near/N`` moves to the next line with its right operand. Only line breaks are added, so
    the text parses back to the same tree."""
    return _lay(cond, column, 0, width)


def _lay(cond: Condition, column: int, minimum: int, width: int) -> list[str]:
    level = _PRECEDENCE[type(cond)]
    text = render_condition(cond)
    if level < minimum:
        text = f"({text})"
    if column + len(text) <= width or isinstance(cond, (Atom, Named)):
        return [text]
    if level < minimum:  # break inside the parentheses
        wrapped = _lay(cond, column + 1, 0, width)
        if len(wrapped) == 1:
            return ["(" + wrapped[0] + ")"]
        return ["(" + wrapped[0], *wrapped[1:-1], wrapped[-1] + ")"]
    match cond:
        case Or() | And():
            word = "or" if isinstance(cond, Or) else "and"
            operands: list[Condition] = [cond.right]
            spine: Condition = cond.left
            while isinstance(spine, (Or, And)) and type(spine) is type(cond):  # a or (b or c) keeps its ( )
                operands.append(spine.right)
                spine = spine.left
            operands.append(spine)
            operands.reverse()
            lines = _lay(operands[0], column, level, width)
            pad = " " * max(0, column - len(word) - 1)
            for operand in operands[1:]:
                at = len(pad) + len(word) + 1
                part = _lay(operand, at, level + 1, width)
                lines += [f"{pad}{word} {part[0]}", *part[1:]]
            return lines
        case Near(left=left, right=right, distance=distance, ordered=ordered):
            op = f"{'before' if ordered else 'near'}/{distance}"
            lines = _lay(left, column, level, width)
            tail = f" {op} "
            last = lines[-1]
            start = (column if len(lines) == 1 else 0) + len(last) + len(tail)
            right_text = _lay(right, start, level + 1, width)
            if len(right_text) == 1 and start + len(right_text[0]) <= width:
                return [*lines[:-1], last + tail + right_text[0]]
            part = _lay(right, column + len(op) + 1, level + 1, width)
            return [*lines, " " * column + f"{op} {part[0]}", *part[1:]]
        case Not(inner=inner) | Heading(inner=inner) | Literal(inner=inner) | Cites(inner=inner):
            word = _cites_word(cond) if isinstance(cond, Cites) else {Not: "not", Heading: "heading",
                                                                     Literal: "literal"}[type(cond)]
            part = _lay(inner, column + len(word) + 1, level, width)
            return [f"{word} {part[0]}", *part[1:]]
    return [text]  # pragma: no cover


def wrap_string(prefix: str, value: str) -> list[str]:
    """``prefix"value"`` over as many lines as needed, continuations under the first quoted word."""
    words = quote(value)[1:-1].split(" ")
    indent = " " * (len(prefix) + 1)
    lines, current = [], prefix + '"' + words[0]
    for word in words[1:]:
        if len(current) + 1 + len(word) + 1 > WIDTH:  # +1 for a closing quote that may follow
            lines.append(current)
            current = indent + word
        else:
            current += " " + word
    lines.append(current + '"')
    return lines


@attrs.define
class _Block:
    """One statement or top-level item: its rendered lines and the source lines it spanned."""

    kind: str
    lines: list[str]
    start: int
    end: int
    leading: list[Comment] = attrs.Factory(list)
    trailing: str | None = None

    def emit(self, indent: str = "") -> list[str]:
        lines = [indent + c.text for c in self.leading] + list(self.lines)
        if self.trailing is not None:
            lines[-1] += "  " + self.trailing
        return lines


def _line(comment: Comment) -> int:
    return comment.pos.line if comment.pos else 0


def _attach(blocks: Sequence[_Block], comments: Sequence[Comment]) -> list[Comment]:
    """Trailing where a block ends on the comment's line, else leading the block it sits in or precedes.

    Returns the comments after the last block.
    """
    tail: list[Comment] = []
    for comment in comments:
        line = _line(comment)
        ending = [b for b in blocks if b.end == line]
        if ending:
            ending[-1].trailing = comment.text
            continue
        following = [b for b in blocks if b.end > line]
        (following[0].leading if following else tail).append(comment)
    return tail


def _render_statement(tree: Tree[Token], path: str) -> list[str]:
    kind, children = str(tree.data), tree.children
    if kind in ("topic", "severity", "expects"):
        return [f"  {kind} {children[0]}"]
    if kind in ("why", "source", "suggest"):
        return wrap_string(f"  {kind} ", string_value(str(children[0])))
    if kind == "example":
        return wrap_string(f"  example {children[0]} ", string_value(str(children[1])))
    condition, scope = children
    head = f"  {kind} "
    lines = layout_condition(condition_of(condition, path), len(head))  # type: ignore[arg-type]
    lines[0] = head + lines[0]
    if isinstance(scope, Tree):
        lines[-1] += f" in {scope.children[0]}"
    return lines


def _render_provision(tree: Tree[Token], path: str, comments: Sequence[Comment]) -> list[str]:
    ident, title, lbrace, *statements, rbrace = tree.children
    assert isinstance(lbrace, Token) and isinstance(rbrace, Token) and isinstance(title, Token)
    header = _Block(
        "header", [f"provision {ident} {quote(string_value(str(title)))} {{"], 0, lbrace.line or 0
    )
    body = [
        _Block("statement", _render_statement(s, path), s.meta.line, s.meta.end_line)
        for s in statements
        if isinstance(s, Tree)
    ]
    closing = _Block("closing", ["}"], rbrace.line or 0, rbrace.line or 0)
    tail = _attach([header, *body, closing], comments)
    lines = header.emit()
    for block in body:
        lines += block.emit("  ")
    # Comments before `}` stay inside the block; after it (only possible on its line) they trail it.
    lines += [f"  {c.text}" for c in closing.leading] + [
        "}" + (f"  {closing.trailing}" if closing.trailing else "")
    ]
    return lines + [c.text for c in tail]


def _render_terms(tree: Tree[Token], comments: Sequence[Comment]) -> tuple[list[str], list[Comment]]:
    """One line if it fits and carries no inner comment; else the alternatives fill lines of at most
    WIDTH, each continuation opening with `|`, and an alternative with a comment beside it ends its line.
    Returns the lines and the comments not placed."""
    name, description, *alts = tree.children
    rendered = [render_alternative(condition_of(alt).ref) for alt in alts]  # type: ignore[arg-type, union-attr]
    ends = [alt.meta.end_line if isinstance(alt, Tree) else 0 for alt in alts]
    notes: list[str | None] = [None] * len(alts)
    rest = []
    for comment in comments:
        hits = [i for i, end in enumerate(ends[:-1]) if end == _line(comment)]
        if hits and _line(comment) < tree.meta.end_line:
            notes[hits[-1]] = comment.text
        else:
            rest.append(comment)
    about = f" {quote(string_value(str(description)))}" if description is not None else ""
    head = f"terms {name}{about} = "
    one_line = head + " | ".join(rendered)
    if len(one_line) <= WIDTH and not any(notes):
        return [one_line], rest
    if len(head) <= _HANGING:
        lead: list[str] = []
        first, pad = head, " " * (len(head) - 2) + "| "
    else:  # a long description: the alternatives start on the next line
        lead = [head.rstrip()]
        first, pad = "    ", "  | "
    lines: list[str] = []
    current = first + rendered[0]
    for i, text in enumerate(rendered[1:], 1):
        if notes[i - 1] is not None or len(current) + 3 + len(text) > WIDTH:
            lines.append(current + (f"  {notes[i - 1]}" if notes[i - 1] else ""))
            current = pad + text
        else:
            current += " | " + text
    lines.append(current)
    return lead + lines, rest


def _render_define(tree: Tree[Token], path: str) -> list[str]:
    name, description, condition = tree.children
    about = f" {quote(string_value(str(description)))}" if description is not None else ""
    head = f"define {name}{about} = "
    cond = condition_of(condition, path)  # type: ignore[arg-type]
    lines = layout_condition(cond, len(head))
    if len(lines) == 1 and len(head) + len(lines[0]) <= WIDTH:
        return [head + lines[0]]
    if len(head) <= _HANGING:
        return [head + lines[0], *lines[1:]]
    lines = layout_condition(cond, 4)  # a long description: the condition starts on the next line
    return [head.rstrip(), "    " + lines[0], *lines[1:]]


def _render_item(tree: Tree[Token], path: str) -> list[str]:
    kind, children = str(tree.data), tree.children
    if kind == "header":
        name, title, version = children
        text = f"ruleset {name}"
        text += f" {quote(string_value(str(title)))}" if title is not None else ""
        text += f" version {quote(string_value(str(version)))}" if version is not None else ""
        return [text]
    if kind == "include":
        (target,) = children
        assert isinstance(target, Token)
        return [f"include {quote(string_value(str(target))) if target.type == 'STRING' else target}"]
    if kind == "override":
        return [f"override {children[0]} severity {children[1]}"]
    return [f"disable {children[0]}"]


_GROUPS = {"include": "include", "terms": "terms", "define": "terms", "override": "override",
           "disable": "override"}


def _separated(before: _Block | None, after: _Block, gap: bool) -> bool:
    """Whether a blank line goes between two consecutive top-level pieces (a comment is a piece)."""
    if before is None:
        return False
    if before.kind in ("header", "provision"):
        return True
    if after.kind in ("header", "provision", "lead") and not before.kind.startswith(("comment", "lead")):
        return True  # a provision, with the comments that lead it, stands apart
    if {"comment", "lead"} & {before.kind, after.kind}:
        return gap
    return gap or _GROUPS[before.kind] != _GROUPS[after.kind]


def _without(comments: Sequence[Comment], gone: Sequence[Comment]) -> list[Comment]:
    """By identity: two comments with the same text (``# ----``) are still different comments."""
    ids = {id(c) for c in gone}
    return [c for c in comments if id(c) not in ids]


def format_ruleset(text: str, path: str = "<string>") -> str:
    """The canonical layout of ``text``; raises ``RulesetError`` if it does not parse."""
    tree, comments = parse_tree(text, path)
    to_ast(tree, path, text.splitlines())  # refuse values the language rejects, with their message
    blocks: list[_Block] = []
    loose = list(comments)
    for item in tree.children:
        assert isinstance(item, Tree)
        start, end = item.meta.line, item.meta.end_line
        inside = [c for c in loose if start <= _line(c) <= end]
        if item.data == "provision":
            loose = _without(loose, inside)
            blocks.append(_Block("provision", _render_provision(item, path, inside), start, end))
            continue
        if item.data == "terms":
            lines, rest = _render_terms(item, inside)
            loose = _without(loose, _without(inside, rest))
        elif item.data == "define":
            lines = _render_define(item, path)
        else:
            lines = _render_item(item, path)
        blocks.append(_Block(str(item.data), lines, start, end))
    tail = _attach(blocks, loose)
    pieces: list[tuple[_Block, int, int]] = []  # each comment and item, with its source lines
    for block in blocks:
        kind = "lead" if block.kind in ("header", "provision") else "comment"
        pieces += [(_Block(kind, [c.text], 0, 0), _line(c), _line(c)) for c in block.leading]
        block.leading = []
        pieces.append((block, block.start, block.end))
    pieces += [(_Block("comment", [c.text], 0, 0), _line(c), _line(c)) for c in tail]
    out: list[str] = []
    previous: tuple[_Block, int, int] | None = None
    for piece in pieces:
        block, start, _ = piece
        if previous is not None and _separated(previous[0], block, start > previous[2] + 1):
            out.append("")
        out += block.emit()
        previous = piece
    return "\n".join(out) + "\n"


def _cites_word(cond: Cites) -> str:
    return "cites devoted" if cond.devoted else "cites"
