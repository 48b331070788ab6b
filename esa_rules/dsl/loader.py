"""Load a ruleset: find it, parse it, resolve its includes, check names, resolve defines, apply overrides.

Each file is read and resolved once per ``load`` (a diamond of includes does not multiply work); a
provision that two includes bring in from the same file is kept once, while the same id defined in
two different files is an error naming both places.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from esa_rules.dsl.ast import (
    And,
    Atom,
    Cites,
    Condition,
    Define,
    Heading,
    Include,
    Literal,
    Named,
    Near,
    Not,
    Or,
    Pos,
    Provision,
    Ruleset,
    RulesetFile,
    TermRef,
    TermsDef,
)
from esa_rules.dsl.checks import check_unknown_terms, did_you_mean, error_at, where
from esa_rules.errors import RulesetError
from esa_rules.resources import shipped_rulesets

if TYPE_CHECKING:
    from esa_rules.dsl.cache import RulesetCache


def _shipped() -> dict[str, Path]:
    try:
        return shipped_rulesets()
    except FileNotFoundError:  # a checkout without rulesets/ yet: no shipped names
        return {}


def _identity(pos: Pos | None) -> str:
    return os.path.realpath(pos.path) if pos is not None else ""


@attrs.frozen
class _Resolved:
    """A file with its includes resolved: what an including file gets to see."""

    file: RulesetFile
    terms: dict[str, TermsDef]
    defines: dict[str, Define]
    provisions: tuple[Provision, ...]
    sources: tuple[RulesetFile, ...]


class _Loader:
    def __init__(self, unsaved: Mapping[str, str] | None = None) -> None:
        self.resolved: dict[str, _Resolved] = {}
        self.lines: dict[str, list[str]] = {}
        self.digests: dict[str, str] = {}
        self.unsaved = unsaved or {}  # real path -> text being edited (the language server's buffers)

    def fail(self, message: str, pos: Pos | None, hint: str | None = None) -> RulesetError:
        """An error at ``pos`` with the source line of whichever file ``pos`` is in."""
        return error_at(message, pos, self.lines.get(pos.path) if pos else None, hint)

    def read(self, path: Path, shown: str, at: Pos | None) -> str:
        edited = self.unsaved.get(os.path.realpath(path))
        if edited is not None:
            self.digests[shown] = hashlib.sha256(edited.encode("utf-8", "surrogatepass")).hexdigest()
            self.lines[shown] = edited.splitlines()
            return edited
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise self.fail(f"ruleset file not found: {shown}", at) from None
        except OSError as error:
            raise self.fail(f"cannot read ruleset {shown}: {error.strerror}", at) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise RulesetError(f"ruleset is not UTF-8 text (byte {error.start})", path=shown) from None
        self.digests[shown] = hashlib.sha256(data).hexdigest()
        self.lines[shown] = text.splitlines()
        return text

    def resolve(
        self, path: Path, shown: str, stack: tuple[tuple[str, str], ...], at: Pos | None
    ) -> _Resolved:
        key = os.path.realpath(path)
        keys = [k for k, _ in stack]
        if key in keys:
            cycle = [name for _, name in stack[keys.index(key) :]] + [shown]
            raise self.fail("include cycle: " + " -> ".join(cycle), at)
        if key in self.resolved:
            return self.resolved[key]
        from esa_rules.dsl.parser import parse  # here, so a run served by the cache never imports lark

        own = parse(self.read(path, shown, at), shown)
        terms: dict[str, TermsDef] = {}
        defines: dict[str, Define] = {}
        provisions: list[Provision] = []
        sources: list[RulesetFile] = []
        for include in own.includes:
            target, target_shown = self.locate(include, path)
            sub = self.resolve(target, target_shown, (*stack, (key, shown)), include.pos)
            self.merge_names(terms, defines, sub.terms.values(), sub.defines.values())
            self.merge_provisions(provisions, sub.provisions)
            sources.extend(s for s in sub.sources if s not in sources)
        self.merge_names(terms, defines, own.terms, own.defines)
        check_unknown_terms(own, terms, self.lines[shown], defines)
        self.merge_provisions(provisions, own.provisions)
        result = _Resolved(own, terms, defines, self.apply_overrides(own, provisions), (*sources, own))
        self.resolved[key] = result
        return result

    def locate(self, include: Include, including: Path) -> tuple[Path, str]:
        if include.quoted:
            target = including.parent / include.target
            return target, str(target)
        shipped = _shipped()
        if include.target not in shipped:
            hint = did_you_mean(include.target, shipped) or (
                "shipped rulesets: " + (", ".join(shipped) or "none") + '; quote a file path: include "x.esa"'
            )
            raise self.fail(f"unknown shipped ruleset '{include.target}'", include.pos, hint)
        return shipped[include.target], str(shipped[include.target])

    def merge_names(self, terms: dict[str, TermsDef], defines: dict[str, Define], new_terms: Iterable[TermsDef],
                    new_defines: Iterable[Define]) -> None:
        """Add another file's terms and defines; one name in two different files is an error (the same
        file reached through two includes is not)."""
        items: list[TermsDef | Define] = [*new_terms, *new_defines]
        for item in items:
            first = terms.get(item.name) or defines.get(item.name)
            if first is not None and _identity(first.pos) != _identity(item.pos):
                what = "term" if isinstance(first, TermsDef) else "define"
                raise self.fail(f"{what} '{item.name}' is already defined at {where(first.pos)}", item.pos)
            if isinstance(item, TermsDef):
                terms.setdefault(item.name, item)
            else:
                defines.setdefault(item.name, item)

    def merge_provisions(self, provisions: list[Provision], new: Sequence[Provision]) -> None:
        by_id = {p.id: p for p in provisions}
        for provision in new:
            first = by_id.get(provision.id)
            if first is None:
                provisions.append(provision)
                by_id[provision.id] = provision
            elif _identity(first.pos) != _identity(provision.pos):
                message = f"duplicate provision id '{provision.id}'; first defined at {where(first.pos)}"
                raise self.fail(message, provision.pos)

    def apply_overrides(self, own: RulesetFile, provisions: list[Provision]) -> tuple[Provision, ...]:
        active = {p.id: p for p in provisions}
        disabled: set[str] = set()
        for override in own.overrides:
            if override.provision not in active:
                verb = "disable" if override.disabled else "override"
                hint = did_you_mean(override.provision, active)
                raise self.fail(f"cannot {verb} unknown provision '{override.provision}'", override.pos, hint)
            if override.disabled or override.severity is None:
                disabled.add(override.provision)
            else:
                active[override.provision] = attrs.evolve(
                    active[override.provision], severity=override.severity
                )
        return tuple(active[p.id] for p in provisions if p.id not in disabled)


def include_path(include: Include, including: Path) -> Path:
    """The file an ``include`` in the ruleset file ``including`` names (``RulesetError`` if none)."""
    return _Loader().locate(include, including)[0]


def _find(spec: str, base_dir: Path | None) -> tuple[Path, str]:
    shipped = _shipped()
    looks_like_path = spec.endswith(".esa") or "/" in spec or os.sep in spec
    if spec in shipped and not looks_like_path:
        return shipped[spec], str(shipped[spec])
    path = Path(spec) if base_dir is None else base_dir / spec
    if not path.is_file():
        hint = did_you_mean(spec, shipped)
        if hint is None and not looks_like_path:
            hint = "shipped rulesets: " + (", ".join(shipped) or "none")
        what = "ruleset file" if looks_like_path else "ruleset"
        raise RulesetError(f"{what} not found: {spec}", path=spec, hint=hint)
    return path, str(path)


def _lines_of(pos: Pos | None) -> list[str] | None:
    try:
        return Path(pos.path).read_text(encoding="utf-8-sig").splitlines() if pos else None
    except (OSError, UnicodeDecodeError):
        return None


def load(spec: str, *, base_dir: Path | None = None, cache: RulesetCache | None = None,
         unsaved: Mapping[str, str] | None = None) -> Ruleset:
    """A shipped ruleset by name, or a ruleset file by path (relative to ``base_dir`` if given); from
    ``cache`` when it holds the ruleset built from the same sources. ``unsaved`` maps real paths to text
    that stands in for those files (an editor's buffers); such a load is never cached."""
    path, shown = _find(spec, base_dir) if not unsaved or os.path.realpath(spec) not in unsaved \
        else (Path(spec), spec)
    if cache is not None and not unsaved:
        return cache.fetch(path, shown, lambda: _build(path, shown))
    return _build(path, shown, unsaved)[0]


def _build(path: Path, shown: str, unsaved: Mapping[str, str] | None = None) -> tuple[Ruleset, dict[str, str]]:
    """The ruleset from its sources, and the sha256 of every file read (by name as shown)."""
    from esa_rules.dsl.lint import lint

    loader = _Loader(unsaved)
    result = loader.resolve(path, shown, (), None)
    own = result.file
    resolver = _DefineResolver(result.defines)
    ruleset = Ruleset(
        name=own.name,
        title=own.title,
        version=own.version,
        path=shown,
        sha256=loader.digests[shown],
        terms=result.terms,
        provisions=tuple(resolver.provision(p) for p in result.provisions),
        sources=result.sources,
        defines=result.defines,
    )
    return attrs.evolve(ruleset, warnings=lint(ruleset)), loader.digests


class _DefineResolver:
    """Replaces each use of a define by a ``Named`` node holding its (resolved) condition. Each define
    is resolved once and its node shared, so a concept used by ten provisions is one object."""

    def __init__(self, defines: dict[str, Define]) -> None:
        self.defines = defines
        self.done: dict[str, Named] = {}

    def provision(self, provision: Provision) -> Provision:
        clauses = tuple(attrs.evolve(c, condition=self.condition(c.condition)) for c in provision.clauses)
        return attrs.evolve(provision, clauses=clauses)

    def condition(self, cond: Condition) -> Condition:
        match cond:
            case Atom(ref=TermRef(name=name)) if name in self.defines:
                return self.named(name)
            case Atom() | Named():
                return cond
            case And() | Or() | Near():
                return attrs.evolve(cond, left=self.condition(cond.left), right=self.condition(cond.right))
            case Not() | Heading() | Literal() | Cites():
                return attrs.evolve(cond, inner=self.condition(cond.inner))
        raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover

    def named(self, name: str) -> Named:
        found = self.done.get(name)
        if found is None:  # the parser has rejected cycles, so this recursion ends
            define = self.defines[name]
            found = self.done[name] = Named(name, self.condition(define.condition), define.description,
                                            pos=define.pos)
        return found


def load_many(specs: Sequence[str], *, cache: RulesetCache | None = None) -> tuple[Ruleset, ...]:
    """Several rulesets (``-r`` given more than once); a provision already loaded from the same file by
    an earlier ruleset is dropped from the later one, and one id from two different files is an error."""
    loaded: list[Ruleset] = []
    seen: dict[str, Provision] = {}
    for spec in specs:
        ruleset = load(spec, cache=cache)
        kept: list[Provision] = []
        for provision in ruleset.provisions:
            first = seen.get(provision.id)
            if first is None:
                seen[provision.id] = provision
                kept.append(provision)
            elif _identity(first.pos) != _identity(provision.pos):
                message = f"duplicate provision id '{provision.id}'; first defined at {where(first.pos)}"
                raise error_at(message, provision.pos, _lines_of(provision.pos))
        loaded.append(attrs.evolve(ruleset, provisions=tuple(kept)))
    return tuple(loaded)
