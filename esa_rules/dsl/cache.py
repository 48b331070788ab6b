"""Loaded rulesets kept between runs, so a check does not parse esa-core with lark every time.

One entry per ruleset file named on the command line, in ``$XDG_CACHE_HOME/esa-rules`` (else
``~/.cache/esa-rules``), a folder created with mode 0700. An entry is the loaded ``Ruleset`` (includes
resolved, defines resolved, warnings found) as JSON (``dsl/astjson.py``), under a header naming what it
was built from: the tool's version, the grammar's sha256, a fingerprint of the code that builds the AST,
and the path and sha256 of every source file read (the ruleset and everything it includes). An entry is
used only when all of those still hold; otherwise the ruleset is loaded from its sources and the entry
rewritten. So is an entry that is corrupt, unreadable, or not a regular file owned by this user and
writable by nobody else. Since decoding JSON builds nothing but AST nodes, even a planted file could at
worst describe a wrong ruleset, and the ownership check keeps other users from doing that.

A ruleset that fails to load is never cached: its error is found again, with the same message, next time.
Failing to write the cache (a read-only home) costs speed, never the run. ``--no-cache`` on the command
line or ``ESA_RULES_NO_CACHE=1`` turns it off; ``check -v`` prints what happened (``events``).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import attrs

from esa_rules import __version__
from esa_rules.dsl.ast import Ruleset
from esa_rules.dsl.astjson import DecodeError, decode, encode
from esa_rules.resources import grammar_path
from esa_rules.usercache import (
    ENV_DISABLE,
    default_folder,
    disabled_by_environment,
    prepare_folder,
    read_entry,
    untrusted,
    write_entry,
)

FORMAT = 1  # the layout of an entry; bump when the header changes
__all__ = ["ENV_DISABLE", "CacheEvent", "RulesetCache", "default_folder", "disabled_by_environment"]
# Entries for rulesets that moved or were deleted are never looked up again: a write drops entries not
# rewritten for this long, and the oldest beyond this many, so the folder cannot grow without bound.
MAX_AGE_DAYS = 30
MAX_ENTRIES = 64
_PACKAGE = Path(__file__).resolve().parent.parent
# The code whose behaviour a cached ruleset depends on (the AST, the loader, the lint warnings). An
# editable install changes it without changing the version, so its files' sizes and times are part of
# the key; in a wheel they never change.
_CODE = ("dsl", "normalize.py", "spelling.py", "phrases.py", "topics.py", "levels.py")


@attrs.frozen
class CacheEvent:
    """What the cache did for one ruleset, for ``check -v``."""

    ruleset: str  # the ruleset file, as shown to the user
    outcome: str  # hit | built | rebuilt | disabled | unusable
    detail: str = ""  # why it was rebuilt, or where the entry is

    def __str__(self) -> str:
        return f"{self.ruleset}: {self.outcome}" + (f" ({self.detail})" if self.detail else "")


def _code_fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    for name in _CODE:
        target = _PACKAGE / name
        paths = sorted(target.glob("*.py")) if target.is_dir() else [target]
        for path in paths:
            try:
                info = path.stat()
            except OSError:
                continue
            digest.update(f"{path.name}:{info.st_size}:{info.st_mtime_ns};".encode())
    return digest.hexdigest()


class RulesetCache:
    """The cache folder, checked once, and a record of what was done for each ruleset."""

    def __init__(self, folder: Path | None = None, *, enabled: bool = True, reason: str = "",
                 on_event: Callable[[CacheEvent], None] | None = None) -> None:
        self.folder = folder or default_folder()
        self.events: list[CacheEvent] = []
        self.on_event = on_event
        self.enabled = enabled
        self._reason = reason
        self._key: dict[str, str] | None = None
        if enabled:
            self._prepare()

    @classmethod
    def for_user(cls, *, no_cache: bool = False,
                 on_event: Callable[[CacheEvent], None] | None = None) -> RulesetCache:
        """The user's cache, unless ``--no-cache`` or ``ESA_RULES_NO_CACHE`` turned it off."""
        if no_cache:
            return cls(enabled=False, reason="--no-cache", on_event=on_event)
        if disabled_by_environment():
            return cls(enabled=False, reason=f"{ENV_DISABLE} is set", on_event=on_event)
        return cls(on_event=on_event)

    def _prepare(self) -> None:
        why = prepare_folder(self.folder)
        if why is not None:
            self.enabled = False
            self._reason = why

    def note(self, ruleset: str, outcome: str, detail: str = "") -> None:
        event = CacheEvent(ruleset, outcome, detail)
        self.events.append(event)
        if self.on_event is not None:
            self.on_event(event)

    def entry_path(self, path: Path, shown: str) -> Path:
        # The same file named two ways ("esa-core" and its path) gives two entries, since positions in
        # messages carry the name as shown.
        name = hashlib.sha256(f"{os.path.realpath(path)}\0{shown}".encode()).hexdigest()[:40]
        return self.folder / f"{name}.json"

    def key(self) -> dict[str, str]:
        if self._key is None:
            self._key = {"tool": __version__, "grammar": hashlib.sha256(grammar_path().read_bytes()).hexdigest(),
                         "code": _code_fingerprint()}
        return self._key

    def fetch(self, path: Path, shown: str, build: Callable[[], tuple[Ruleset, Mapping[str, str]]]) -> Ruleset:
        """The ruleset at ``path`` from its entry if the entry is sound and every source file unchanged;
        else ``build()`` (which returns the ruleset and the sha256 of every file it read, by name as
        shown) and a new entry. Errors of ``build`` pass through; nothing is cached for them."""
        if not self.enabled:
            self.note(shown, "disabled", self._reason)
            return build()[0]
        entry = self.entry_path(path, shown)
        why = untrusted(entry)
        if why is None:
            try:
                header, cached = self._read(entry)
            except (OSError, DecodeError, ValueError) as error:
                why = f"unreadable entry: {error}"
            else:
                why = self._stale(header)
                if why is None:
                    self.note(shown, "hit", str(entry))
                    return cached
        ruleset, digests = build()
        self._store(entry, shown, ruleset, digests, why)
        return ruleset

    def _read(self, entry: Path) -> tuple[Mapping[str, object], Ruleset]:
        data = read_entry(entry)
        head, _, body = data.partition(b"\n")
        header = json.loads(head)
        if not isinstance(header, dict):
            raise ValueError("no header")
        ruleset = decode(body)
        if not isinstance(ruleset, Ruleset):
            raise ValueError("entry holds no ruleset")
        return header, ruleset

    def _stale(self, header: Mapping[str, object]) -> str | None:
        if header.get("format") != FORMAT:
            return "entry has another layout"
        if header.get("tool") != self.key()["tool"]:
            return f"built by esa-rules {header.get('tool')}"
        if header.get("grammar") != self.key()["grammar"]:
            return "the grammar changed"
        if header.get("code") != self.key()["code"]:
            return "esa-rules changed"
        sources = header.get("sources")
        if not isinstance(sources, list) or not sources:
            return "entry names no sources"
        for source in sources:
            if not (isinstance(source, list) and len(source) == 2 and all(isinstance(s, str) for s in source)):
                return "entry names no sources"
            name, digest = source
            try:
                current = hashlib.sha256(Path(name).read_bytes()).hexdigest()
            except OSError:
                return f"{name} cannot be read"
            if current != digest:
                return f"{name} changed"
        return None

    def _store(self, entry: Path, shown: str, ruleset: Ruleset, digests: Mapping[str, str], why: str) -> None:
        """Write the entry atomically (a reader sees the old one or the new one). ``why`` is the reason
        the old entry was not used ("" when there was none)."""
        outcome = "rebuilt" if why else "built"
        header = {"format": FORMAT, **self.key(), "ruleset": shown, "sources": [[k, v] for k, v in digests.items()]}
        try:
            body = encode(ruleset)
        except TypeError as error:  # a node type the codec cannot hold: a bug, but no reason to fail a run
            self.note(shown, "unusable", f"cannot encode: {error}")
            return
        try:
            write_entry(entry, json.dumps(header, ensure_ascii=False).encode() + b"\n" + body.encode())
        except OSError as error:
            self.note(shown, outcome, f"{why + '; ' if why else ''}not saved: {error.strerror or error}")
            return
        self.note(shown, outcome, why or str(entry))
        self._prune()

    def _prune(self) -> None:
        try:
            entries = sorted(((e.stat().st_mtime, e) for e in self.folder.glob("*.json")), reverse=True)
            cutoff = time.time() - MAX_AGE_DAYS * 86400
            for number, (mtime, entry) in enumerate(entries):
                if number >= MAX_ENTRIES or mtime < cutoff:
                    entry.unlink()
        except OSError:
            pass  # another process pruned first, or the folder went away: nothing to clean
