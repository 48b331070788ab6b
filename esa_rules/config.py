"""Project configuration: ``esa-rules.toml`` or ``[tool.esa-rules]`` in ``pyproject.toml``.

The file is found by walking up from the current folder, the way ruff and pytest find theirs, so a
negotiating team can keep one setting for a whole folder of drafts. In each folder ``esa-rules.toml``
wins over ``pyproject.toml``, and a ``pyproject.toml`` without a ``[tool.esa-rules]`` table is passed
over. Command-line flags win over the file; the CLI does that merging, this module only reads.

tomllib reports no positions for valid TOML, so an unknown key is located by scanning the text for it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from esa_rules.dsl.ast import Ruleset
from esa_rules.dsl.checks import did_you_mean
from esa_rules.errors import UsageError
from esa_rules.levels import SEVERITIES

FILE_NAMES = ("esa-rules.toml", "pyproject.toml")
FORMATS = ("text", "json", "sarif", "junit", "html", "markdown", "github")
FAIL_ON = ("error", "warning", "info", "never")
KEYS = ("rulesets", "fail-on", "format", "waivers", "severity", "disable")


@attrs.frozen
class Config:
    path: str | None = None  # None: no file found, every value is the built-in default
    rulesets: tuple[str, ...] = ()
    fail_on: str | None = None
    format: str | None = None
    waivers: str | None = None
    severity: tuple[tuple[str, str], ...] = ()  # (provision id, error|warning|info), in file order
    disable: tuple[str, ...] = ()


def find_config(start: Path | None = None) -> Path | None:
    """The nearest configuration file at or above ``start`` (default: the current folder)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in FILE_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r'^\s*\[\s*tool\s*\.\s*(?:"esa-rules"|esa-rules)\s*[.\]]', text, re.MULTILINE) is not None


def discover(start: Path | None = None) -> Config:
    path = find_config(start)
    return load_config(path) if path is not None else Config()


def load_config(path: Path) -> Config:
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read configuration: {exc}", path=shown) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
        raise UsageError(f"invalid TOML: {message}", path=shown, line=line, column=column,
                         source_line=_source(text, line)) from None
    section: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        section = ("tool", "esa-rules")
        data = data.get("tool", {}).get("esa-rules", {})
    return _build(data, text, shown, section, path.parent)


def _source(text: str, line: int | None) -> str | None:
    lines = text.splitlines()
    return lines[line - 1] if line is not None and 0 < line <= len(lines) else None


def _build(data: Mapping[str, Any], text: str, shown: str, section: tuple[str, ...], base: Path) -> Config:
    def fail(message: str, key: str, within: tuple[str, ...] = (), hint: str | None = None) -> UsageError:
        line = locate_key(text, (*section, *within), key)
        return UsageError(message, path=shown, line=line, column=1 if line else None,
                          source_line=_source(text, line), hint=hint)

    for key in data:
        if key not in KEYS:
            raise fail(f"unknown configuration key '{key}'", key,
                       hint=did_you_mean(key, KEYS) or "known keys: " + ", ".join(KEYS))

    def text_of(key: str, choices: Sequence[str] | None = None) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise fail(f"'{key}' must be a string", key)
        if choices is not None and value not in choices:
            raise fail(f"'{key}' must be one of {', '.join(choices)}, not '{value}'", key,
                       hint=did_you_mean(value, choices))
        return value

    def names(key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"'{key}' must be a list of strings", key)
        return tuple(value)

    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise fail("'severity' must be a table of provision id = \"error\" | \"warning\" | \"info\"", "severity")
    for provision, level in severity.items():
        if level not in SEVERITIES:
            raise fail(f"severity of {provision} must be one of {', '.join(SEVERITIES)}, not {level!r}",
                       provision, ("severity",))
    waivers = text_of("waivers")
    return Config(
        path=shown,
        rulesets=tuple(_relative(r, base) for r in names("rulesets")),
        fail_on=text_of("fail-on", FAIL_ON),
        format=text_of("format", FORMATS),
        waivers=str(base / waivers) if waivers else None,
        severity=tuple(severity.items()),
        disable=names("disable"),
    )


def _relative(spec: str, base: Path) -> str:
    """A ruleset file named in the config is relative to the config's folder; a shipped name stays a name."""
    if spec.endswith(".esa") or "/" in spec:
        return str(base / spec)
    return spec


def locate_key(text: str, section: tuple[str, ...], key: str) -> int | None:
    """The 1-based line where ``key`` is set inside table ``section`` (dotted and inline forms too)."""
    current: tuple[str, ...] = ()
    bare = re.escape(key)
    assign = re.compile(rf'^\s*(?:"{bare}"|\'{bare}\'|{bare})\s*=')
    dotted = re.compile(r"^\s*([A-Za-z0-9_\-\".]+)\s*=")
    header = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+")
    for number, line in enumerate(text.splitlines(), 1):
        m = header.match(line)
        if m:
            current = tuple(p.strip().strip('"') for p in m.group(1).split("."))
            continue
        if current == section and assign.match(line):
            return number
        d = dotted.match(line)
        if d and (*current, *(p.strip('"') for p in d.group(1).split("."))) == (*section, key):
            return number
        if current == section[:-1] and section and re.match(rf"^\s*{re.escape(section[-1])}\s*=\s*\{{", line) \
                and re.search(rf'[{{,]\s*"?{bare}"?\s*=', line):
            return number
    return None


def apply_config(rulesets: Iterable[Ruleset], config: Config) -> tuple[Ruleset, ...]:
    """Severity overrides and disabled provisions of ``config`` applied to loaded rulesets."""
    rulesets = tuple(rulesets)
    known = {p.id for r in rulesets for p in r.provisions}
    text = Path(config.path).read_text(encoding="utf-8") if config.path else ""
    section = ("tool", "esa-rules") if config.path and config.path.endswith("pyproject.toml") else ()
    for provision, within in [*((p, ("severity",)) for p, _ in config.severity),
                              *((p, ()) for p in config.disable)]:
        if provision not in known:
            line = locate_key(text, (*section, *within), provision) if within else \
                locate_key(text, section, "disable")
            raise UsageError(f"configuration names unknown provision '{provision}'", path=config.path,
                             line=line, hint=did_you_mean(provision, known))
    levels = dict(config.severity)
    disabled = set(config.disable)
    return tuple(attrs.evolve(r, provisions=tuple(
        attrs.evolve(p, severity=levels.get(p.id, p.severity)) for p in r.provisions if p.id not in disabled))
        for r in rulesets)
