"""Rulesets (.esa) in the editor: errors and warnings as you type, hovers, go to definition, formatting.

A ruleset is loaded from the editor's text (and the text of any other open .esa file it includes) by the
same loader as ``esa-rules check``, so a diagnostic carries the message, line and column the CLI prints;
the hint the CLI prints under the caret follows the message. An error inside an included file is shown
on the ``include`` that brought it in. The last ruleset that loaded is kept for hovers and definitions,
so they keep working while the text is briefly broken.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import attrs
from lsprotocol import types

from esa_rules.dsl.ast import Define, Include, Pos, Ruleset, TermsDef
from esa_rules.dsl.fmt import render_alternative, render_condition
from esa_rules.dsl.loader import include_path, load
from esa_rules.errors import EsaRulesError
from esa_rules.lsp.drafts import SOURCE

LANGUAGE = "esa"
_NAME = re.compile(r"[a-z][a-z0-9_-]*")
_INCLUDE = re.compile(r'^\s*include\s+(?P<target>"(?:[^"\\]|\\.)*"|[a-z][a-z0-9_-]*)')
# what a diagnostic underlines at its column: a name, an id, a quoted string, a /regex/, else one character
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"?|/(?:[^/\\\n]|\\.)*/?|[A-Za-z0-9_*-]+|\S')


def is_ruleset(path: str, language: str | None) -> bool:
    return language == LANGUAGE or path.lower().endswith(".esa")


@attrs.frozen
class RulesetCheck:
    diagnostics: tuple[types.Diagnostic, ...]
    ruleset: Ruleset | None  # None when it did not load


def _range_at(lines: list[str], line: int, column: int) -> types.Range:
    """From 1-based ``line``:``column`` to the end of the token that starts there."""
    row = min(max(line, 1), max(len(lines), 1)) - 1
    text = lines[row] if row < len(lines) else ""
    start = min(max(column - 1, 0), len(text))
    token = _TOKEN.match(text, start)
    end = token.end() if token else start
    return types.Range(types.Position(row, start), types.Position(row, end))


def _include_line(lines: list[str], included: str, path: str) -> int:
    """The 1-based line of the ``include`` of this file that reaches ``included`` (else the first include)."""
    first = 0
    for number, line in enumerate(lines, 1):
        found = _INCLUDE.match(line)
        if found:
            first = first or number
            target = _include_target(found.group("target"), path)
            if target is not None and os.path.realpath(target) == os.path.realpath(included):
                return number
    return first or 1


def _include_target(written: str, path: str) -> Path | None:
    quoted = written.startswith('"')
    include = Include(written[1:-1] if quoted else written, quoted=quoted)
    try:
        return include_path(include, Path(path))
    except EsaRulesError:
        return None


def check_ruleset(path: str, text: str, unsaved: Mapping[str, str]) -> RulesetCheck:
    """Load the ruleset at ``path`` from ``text``; ``unsaved`` holds other open .esa files by real path."""
    lines = text.splitlines()
    try:
        ruleset = load(path, unsaved={**unsaved, os.path.realpath(path): text})
    except EsaRulesError as error:
        message = error.message + (f"\n{error.hint}" if error.hint else "")
        if error.path and os.path.realpath(error.path) != os.path.realpath(path):
            where = f"{error.path}:{error.line}:{error.column}" if error.line else error.path
            shown = _range_at(lines, _include_line(lines, error.path, path), 1)
            message = f"in {where}: {message}"
        else:
            shown = _range_at(lines, error.line or 1, error.column or 1)
        return RulesetCheck((types.Diagnostic(shown, message, types.DiagnosticSeverity.Error, source=SOURCE),), None)
    here = os.path.realpath(path)
    warnings = tuple(
        types.Diagnostic(_range_at(lines, w.pos.line, w.pos.column), w.message, types.DiagnosticSeverity.Warning,
                         source=SOURCE)
        for w in ruleset.warnings if w.pos is not None and os.path.realpath(w.pos.path) == here)
    return RulesetCheck(warnings, ruleset)


def word_at(line: str, column: int) -> tuple[str, int, int] | None:
    """The name under ``column`` (a term, define or ruleset name) and its span."""
    for found in _NAME.finditer(line):
        if found.start() <= column <= found.end() and (found.start() == 0 or line[found.start() - 1] not in '"/'):
            return found.group(), found.start(), found.end()
    return None


def hover_text(ruleset: Ruleset, name: str) -> str | None:
    """Markdown for a term (its description and alternatives) or a define (its description and condition)."""
    item: TermsDef | Define | None = ruleset.terms.get(name) or ruleset.defines.get(name)
    if item is None:
        return None
    kind = "terms" if isinstance(item, TermsDef) else "define"
    head = f"**{kind} {name}**" + (f" — {item.description}" if item.description else "")
    if isinstance(item, TermsDef):
        body = "\n".join(f"- `{render_alternative(alt)}`" for alt in item.alternatives)
    else:
        body = f"`{render_condition(item.condition)}`"
    where = f"\n\n*{Path(item.pos.path).name}:{item.pos.line}*" if item.pos else ""
    return f"{head}\n\n{body}{where}"


def definition(ruleset: Ruleset | None, path: str, line: str, column: int) -> Pos | None:
    """Where the name under the cursor is defined: a term, a define, or the file an ``include`` names."""
    found = _INCLUDE.match(line)
    if found and found.start("target") <= column <= found.end("target"):
        target = _include_target(found.group("target"), path)
        return Pos(str(target), 1, 1) if target is not None else None
    word = word_at(line, column)
    if ruleset is None or word is None:
        return None
    item: TermsDef | Define | None = ruleset.terms.get(word[0]) or ruleset.defines.get(word[0])
    return item.pos if item is not None else None


def formatting(path: str, text: str) -> list[types.TextEdit] | None:
    """``esa-rules fmt`` as one edit of the whole text; [] if already formatted, None if it does not parse."""
    from esa_rules.dsl.fmt import format_ruleset

    try:
        formatted = format_ruleset(text, path)
    except EsaRulesError:
        return None
    if formatted == text:
        return []
    lines = text.split("\n")
    whole = types.Range(types.Position(0, 0), types.Position(len(lines) - 1, len(lines[-1])))
    return [types.TextEdit(range=whole, new_text=formatted)]
