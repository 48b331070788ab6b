"""The one error family users see. Each error knows where it happened, when that is known.

The CLI prints ``str(error)`` and exits 2; nothing else should escape to the user.
"""

from __future__ import annotations


class EsaRulesError(Exception):
    """Base class: a user-facing problem with a file, a ruleset or the command line."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        source_line: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.source_line = source_line
        self.hint = hint

    @property
    def location(self) -> str:
        parts = [self.path or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.source_line is not None and self.column is not None:
            line = self.source_line.rstrip("\n").expandtabs(1)
            text += f"\n    {line}\n    {' ' * (self.column - 1)}^"
        if self.hint:
            text += f"\n  {self.hint}"
        return text


class RulesetError(EsaRulesError):
    """A ruleset that cannot be parsed or does not make sense (unknown term, cycle, duplicate id...)."""


class InputError(EsaRulesError):
    """A draft that cannot be read: missing, unreadable, empty, corrupt, hostile or of unknown encoding."""


class UsageError(EsaRulesError):
    """A command-line option or configuration value that cannot be honoured."""
