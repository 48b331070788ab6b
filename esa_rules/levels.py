"""The vocabulary of verdicts, in one place: strength levels, what a clause expects, statuses, severities,
and the one decision table from the level of a clause's best match to the status it gives the provision.

The enums are ``StrEnum``s: their values are the words the JSON contract and the reporters have always
used ("binding", "weak"), so a record built from one compares and serialises exactly as before.
"""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """How a match commits the Parties, as decided by the sentence that carries it."""

    BINDING = "binding"  # a binding verb governs it: "shall", "must", "agree to"
    EXCEPTION = "exception"  # an exception or permission, which needs no binding verb to be present
    SOFT = "soft"  # hortatory wording, or weakened by a declaration or a carve-out
    NEUTRAL = "neutral"  # no verb commits anyone: a recital, a heading-like line, a definition
    NEGATED = "negated"  # the sentence denies the obligation
    EXCLUDED = "excluded"  # a dispute-settlement exclusion or a drafting note: about the text, not in it
    HEADING_ONLY = "heading-only"  # every word matched in headings: a title is not a provision
    RECITAL = "recital"  # a recital of the preamble ("Recognising the importance of ..."): neither commits nor excepts
    # what a term means ("Coercive Measure means ..."), or what a chapter is for ("The objectives of this
    # Chapter are to ..."): it says what the text is about and commits no one, so alone it is no provision
    DEFINITION = "definition"
    CONTEXT_ONLY = "context-only"  # every word came from a definition or back-reference, none from the
    # sentence itself: "information on its customs laws" is no export control because of how they are defined

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def counts(self) -> bool:
        """Whether a match at this level can meet a requirement at all."""
        return self.rank > 0

    @property
    def full(self) -> bool:
        """Whether a match at this level meets a requirement in full (satisfied, not weak)."""
        return self.rank == _FULL


_FULL = 3
_RANK: dict[Level, int] = {
    Level.HEADING_ONLY: 0, Level.CONTEXT_ONLY: 0, Level.RECITAL: 0, Level.DEFINITION: 0, Level.EXCLUDED: 0, Level.NEGATED: 0,
    Level.NEUTRAL: 1, Level.SOFT: 2, Level.BINDING: _FULL, Level.EXCEPTION: _FULL,
}


class Expects(StrEnum):
    """What a clause needs from the sentence that carries its match."""

    OBLIGATION = "obligation"  # a binding duty, not denied (the default)
    EXCEPTION = "exception"  # an exception: presence suffices ("Nothing in this Agreement shall ...")
    PERMISSION = "permission"  # a right ("may request"): any grant counts, a denial does not (``permit``)


# What a ruleset author may write after `expects`; a `permit` clause expects a permission by itself.
DECLARABLE_EXPECTS: tuple[Expects, ...] = (Expects.OBLIGATION, Expects.EXCEPTION)


class Status(StrEnum):
    SATISFIED = "satisfied"
    WEAK = "weak"
    MISSING = "missing"
    VIOLATED = "violated"
    WAIVED = "waived"

    @property
    def is_gap(self) -> bool:
        """Whether a finding with this status can fail a run."""
        return self in GAP_STATUSES


STATUSES: tuple[str, ...] = tuple(Status)
GAP_STATUSES: frozenset[Status] = frozenset({Status.WEAK, Status.MISSING, Status.VIOLATED})
# Worst first: the order a reviewer reads gaps in, and the rank a comparison of two rounds uses.
BY_GRAVITY: tuple[Status, ...] = (Status.VIOLATED, Status.MISSING, Status.WEAK, Status.SATISFIED)


def status_of(levels: list[Level]) -> Status:
    """The decision table: the status a provision gets from the levels of its clauses' best matches.

    Every clause must hold: one without a counting match makes the provision missing; then any soft or
    neutral match makes it weak; only when every clause is met in full is it satisfied. (A ``forbid``
    match, checked first, makes it violated whatever this says.)
    """
    if not all(level.counts for level in levels):
        return Status.MISSING
    return Status.SATISFIED if all(level.full for level in levels) else Status.WEAK


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


SEVERITIES: tuple[str, ...] = tuple(Severity)
