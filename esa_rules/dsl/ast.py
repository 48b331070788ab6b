"""The ruleset AST: frozen attrs nodes. The engine works on these, never on lark trees.

Every node carries a ``Pos`` so later checks (unknown term, cycle, duplicate id) can point at the source.
``Pos`` is excluded from equality, so two parses of differently formatted text compare equal.
"""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen
class Pos:
    path: str
    line: int
    column: int


def _pos() -> Any:
    """A source position field: keyword-only and left out of equality and repr."""
    return attrs.field(default=None, eq=False, repr=False, kw_only=True)


# --- phrases and term references ------------------------------------------------------------------


@attrs.frozen(cache_hash=True)  # hashed on every term lookup of a check
class Phrase:
    """A quoted phrase: words, ``*`` continues a word; plural/-ed/-ing of the last word match by default."""

    text: str
    pos: Pos | None = _pos()


@attrs.frozen(cache_hash=True)  # hashed on every term lookup of a check
class Regex:
    """A ``/.../`` pattern, matched on normalized text with RE2 (linear time) or rejected."""

    pattern: str
    pos: Pos | None = _pos()


@attrs.frozen(cache_hash=True)  # hashed on every term lookup of a check
class TermRef:
    name: str
    pos: Pos | None = _pos()


Alternative = Phrase | Regex | TermRef


@attrs.frozen
class TermsDef:
    name: str
    alternatives: tuple[Alternative, ...]
    description: str | None = None  # plain words for messages: "a deadline counted in days or months"
    pos: Pos | None = _pos()


# --- conditions -----------------------------------------------------------------------------------


@attrs.frozen(cache_hash=True)
class Atom:
    """A term reference, an inline phrase or an inline regex used as a condition."""

    ref: Alternative
    pos: Pos | None = _pos()


@attrs.frozen(cache_hash=True)
class And:
    left: Condition
    right: Condition
    pos: Pos | None = _pos()


@attrs.frozen(cache_hash=True)
class Or:
    left: Condition
    right: Condition
    pos: Pos | None = _pos()


@attrs.frozen(cache_hash=True)
class Not:
    inner: Condition
    pos: Pos | None = _pos()


@attrs.frozen(cache_hash=True)
class Near:
    """``left near/N right`` (either order) or ``left before/N right`` (``ordered``): within N words."""

    left: Condition
    right: Condition
    distance: int
    ordered: bool = False
    pos: Pos | None = _pos()


@attrs.frozen(cache_hash=True)
class Heading:
    """True in a unit whose own heading, or an enclosing unit's heading, matches ``inner``."""

    inner: Condition
    pos: Pos | None = _pos()


@attrs.frozen(cache_hash=True)
class Literal:
    """True where ``inner`` holds on the words as written there: what a defined term, a reference or a
    back-reference stands for does not count (``literal "screening"``)."""

    inner: Condition
    pos: Pos | None = _pos()


@attrs.frozen(cache_hash=True)
class Cites:
    """True at a reference to units of this instrument ("Articles 3 to 6", "paragraphs 1 to 5") where
    ``inner`` holds in a unit it names (its defined terms read through their definitions): a clause that
    names the articles it acts on ("may suspend the application of Articles 3 to 7") is about what those
    articles are about.

    ``devoted`` (``cites devoted X``): a reference to a whole division devoted to ``inner`` counts too ("the
    operation of this Agreement" in an agreement most of whose articles are about it, "Parts III and IV").
    """

    inner: Condition
    pos: Pos | None = _pos()
    devoted: bool = False


@attrs.frozen(cache_hash=True)
class Named:
    """A use of a ``define``, resolved by the loader: the define's condition under its name, so that
    ``explain``, ``rules`` and gap messages can still say which concept it is."""

    name: str
    condition: Condition
    description: str | None = None
    pos: Pos | None = _pos()


Condition = Atom | And | Or | Not | Near | Heading | Literal | Cites | Named


@attrs.frozen
class Define:
    """``define NAME ["description"] = CONDITION``: a named condition, usable wherever a condition is."""

    name: str
    condition: Condition
    description: str | None = None
    pos: Pos | None = _pos()


# --- provisions and rulesets ----------------------------------------------------------------------


@attrs.frozen
class Clause:
    """``require COND in SCOPE``, ``permit COND in SCOPE`` or ``forbid COND in SCOPE``."""

    kind: str  # "require" | "permit" (a right or permission: "may" counts) | "forbid"
    condition: Condition
    scope: str = "paragraph"
    pos: Pos | None = _pos()


@attrs.frozen
class Example:
    status: str  # satisfied | weak | missing | violated
    text: str
    pos: Pos | None = _pos()


@attrs.frozen
class Provision:
    id: str
    title: str
    topic: str
    severity: str = "error"
    expects: str = "obligation"  # obligation | exception
    why: str | None = None
    source: str | None = None
    suggest: str | None = None
    clauses: tuple[Clause, ...] = ()
    examples: tuple[Example, ...] = ()
    pos: Pos | None = _pos()

    @property
    def requires(self) -> tuple[Clause, ...]:
        """Clauses that must hold: ``require`` and ``permit`` (a permission is met by "may")."""
        return tuple(c for c in self.clauses if c.kind in ("require", "permit"))

    @property
    def forbids(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.kind == "forbid")


@attrs.frozen
class Include:
    target: str  # a shipped ruleset name (bare word) or a quoted relative path
    quoted: bool = False
    pos: Pos | None = _pos()


@attrs.frozen
class Override:
    """``override ID severity LEVEL`` or ``disable ID`` in an including ruleset."""

    provision: str
    severity: str | None = None  # None with disabled=True
    disabled: bool = False
    pos: Pos | None = _pos()


@attrs.frozen
class Comment:
    """A ``#`` comment, kept so ``fmt`` can write it back (its position says where it belongs)."""

    text: str
    pos: Pos | None = _pos()


@attrs.frozen
class RulesetFile:
    """One parsed .esa file, before includes are resolved."""

    name: str
    title: str | None = None
    version: str | None = None
    includes: tuple[Include, ...] = ()
    terms: tuple[TermsDef, ...] = ()
    provisions: tuple[Provision, ...] = ()
    overrides: tuple[Override, ...] = ()
    defines: tuple[Define, ...] = ()
    path: str = attrs.field(default="<string>", eq=False)
    pos: Pos | None = _pos()


@attrs.frozen
class Ruleset:
    """A loaded ruleset: includes resolved, overrides applied, every term reference checked."""

    name: str
    title: str | None
    version: str | None
    path: str
    sha256: str
    terms: dict[str, TermsDef] = attrs.field(eq=False)  # all terms visible (own and included)
    provisions: tuple[Provision, ...] = ()  # active provisions, in file order, includes first; uses of
    # defines are resolved into ``Named`` nodes
    sources: tuple[RulesetFile, ...] = attrs.field(default=(), eq=False)  # every file that was read
    defines: dict[str, Define] = attrs.field(factory=dict, eq=False)  # all defines visible
    warnings: tuple[RulesetWarning, ...] = attrs.field(default=(), eq=False)  # see dsl/lint.py


@attrs.frozen
class RulesetWarning:
    """Something legal but probably unintended (an alternative a sibling covers, a name never used)."""

    message: str
    pos: Pos | None = None

    def __str__(self) -> str:
        where = f"{self.pos.path}:{self.pos.line}:{self.pos.column}: " if self.pos else ""
        return f"{where}warning: {self.message}"
