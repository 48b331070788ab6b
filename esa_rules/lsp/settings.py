"""What the language server shows, and which rulesets it checks a draft against.

Two sources, as for ``esa-rules check``: the client's settings say which findings become diagnostics
(``minStatus``, ``minSeverity``) and how long to wait after a keystroke (``debounceMs``); the workspace's
``esa-rules.toml`` or ``pyproject.toml``, found by walking up from the draft's folder, says which rulesets,
severity overrides and disabled provisions apply. A ``CheckerPool`` keeps one compiled ``Checker`` per
configuration file and rebuilds it when that file or any ruleset file it loaded changes on disk.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from esa_rules.config import Config, apply_config, find_config, load_config
from esa_rules.dsl.cache import RulesetCache
from esa_rules.dsl.loader import load_many
from esa_rules.engine import Checker
from esa_rules.levels import BY_GRAVITY, Severity, Status
from esa_rules.report import Finding

_GRAVITY = {status: len(BY_GRAVITY) - i for i, status in enumerate(BY_GRAVITY)}  # violated 4 ... satisfied 1


@attrs.frozen
class Settings:
    # "weak": every finding that is not satisfied; "satisfied" shows those too, as hints
    min_status: Status = Status.WEAK
    min_severity: Severity = Severity.INFO
    debounce: float = 0.3  # seconds of quiet after a change before a draft or ruleset is checked again

    def shows(self, finding: Finding) -> bool:
        gravity = _GRAVITY.get(Status(finding.status))
        return gravity is not None and gravity >= _GRAVITY[self.min_status] and \
            Severity(finding.severity).rank >= self.min_severity.rank

    def updated(self, options: Any) -> tuple[Settings, list[str]]:
        """These settings with the client's ``options`` applied (flat, or under ``esa-rules``), and a
        message for each value that could not be used (the old value is kept)."""
        if isinstance(options, Mapping):
            options = options.get("esa-rules", options.get("esaRules", options))
        if not isinstance(options, Mapping):
            return self, []
        changes: dict[str, Any] = {}
        problems: list[str] = []
        for key, field, kind in (("minStatus", "min_status", Status), ("minSeverity", "min_severity", Severity)):
            if key in options:
                try:
                    changes[field] = kind(options[key])
                except ValueError:
                    choices = ", ".join(s.value for s in kind if s is not Status.WAIVED)
                    problems.append(f"setting {key} must be one of {choices}, not {options[key]!r}")
        if "debounceMs" in options:
            value = options["debounceMs"]
            if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 10_000:
                changes["debounce"] = value / 1000
            else:
                problems.append(f"setting debounceMs must be a number of milliseconds, not {value!r}")
        return attrs.evolve(self, **changes), problems


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


@attrs.frozen
class _Entry:
    checker: Checker
    stamps: tuple[tuple[str, tuple[int, int] | None], ...]  # every file it was built from, as it was

    def fresh(self) -> bool:
        return all(_stamp(path) == stamp for path, stamp in self.stamps)


class CheckerPool:
    """One compiled Checker per configuration file (or none), rebuilt when its inputs change."""

    def __init__(self, *, no_cache: bool = False) -> None:
        self.no_cache = no_cache
        self._entries: dict[str | None, _Entry] = {}

    def checker_for(self, folder: Path) -> Checker:
        """The Checker for a draft in ``folder``; ``EsaRulesError`` for a bad configuration or ruleset."""
        config_path = find_config(folder)
        key = str(config_path) if config_path else None
        entry = self._entries.get(key)
        if entry is None or not entry.fresh():
            entry = self._entries[key] = self._build(config_path)
        return entry.checker

    def _build(self, config_path: Path | None) -> _Entry:
        config = load_config(config_path) if config_path else Config()
        cache = RulesetCache.for_user(no_cache=self.no_cache)
        rulesets = apply_config(load_many(list(config.rulesets) or ["esa-core"], cache=cache), config)
        files = {source.path for ruleset in rulesets for source in ruleset.sources
                 if source.path and os.path.exists(source.path)}
        if config_path:
            files.add(str(config_path))
        return _Entry(Checker(rulesets), tuple((path, _stamp(path)) for path in sorted(files)))
