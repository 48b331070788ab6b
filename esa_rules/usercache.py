"""The user's cache folder and the rules every file in it follows.

The folder is ``$XDG_CACHE_HOME/esa-rules`` (else ``~/.cache/esa-rules``), created with mode 0700. A file
in it is trusted only if it is a regular file (not a symlink) owned by this user and writable by nobody
else; it is written atomically (a reader sees the old file or the new one, never half of one). What is
kept there: loaded rulesets (``dsl/cache.py``), the word list of the extraction repairs (``wordlist.py``)
and the compiled phrase table of the matcher (``engine/matcher.py``). ``--no-cache`` or ``ESA_RULES_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import marshal
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ENV_DISABLE = "ESA_RULES_NO_CACHE"


def default_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    # the XDG rule: a relative XDG_CACHE_HOME is invalid and ignored
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "esa-rules"


def disabled_by_environment() -> bool:
    return os.environ.get(ENV_DISABLE, "").strip().lower() not in ("", "0", "false", "no")


def owned_by_me(info: os.stat_result) -> bool:
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


def prepare_folder(folder: Path) -> str | None:
    """Create the folder (0700); None when it can be used, else why not. A symlink, a folder another user
    owns are refused; one of ours open to others is tightened rather than given up on."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(folder)
        if not stat.S_ISDIR(info.st_mode):
            raise PermissionError("not a folder")
        if not owned_by_me(info):
            raise PermissionError("owned by another user")
        if info.st_mode & 0o077:
            os.chmod(folder, 0o700)
    except OSError as error:
        return f"cannot use {folder}: {error.strerror or error}"
    return None


def untrusted(entry: Path) -> str | None:
    """Why the file may not be read: "" when it does not exist, a reason when it is not a regular file
    of ours that only we can write; None when it may be read."""
    try:
        info = os.lstat(entry)
    except FileNotFoundError:
        return ""
    except OSError as error:
        return f"cannot read entry: {error.strerror}"
    if not stat.S_ISREG(info.st_mode):
        return "entry is not a regular file"
    if not owned_by_me(info):
        return "entry is owned by another user"
    if info.st_mode & 0o022:
        return "entry is writable by other users"
    return None


def read_entry(entry: Path) -> bytes:
    """The bytes of an entry ``untrusted`` passed, never through a symlink planted since."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(entry, flags), "rb") as handle:
        return handle.read()


def write_entry(entry: Path, data: bytes) -> None:
    """Write an entry atomically, readable by this user only. OSError passes through."""
    import tempfile  # only a miss writes, and a hit should not pay for importing it

    handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".entry-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, entry)
    except BaseException:
        os.unlink(temporary)
        raise


# Derived data that is slow to build and pure (the repairs' word list, the compiled phrase table) is kept
# between runs as marshal data: strings, numbers, tuples, lists and dicts, which loading cannot run.
# Only a run with the cache on keeps anything: the CLI calls ``keep_in`` with the prepared folder.
_KEEP: list[Path] = []


def keep_in(folder: Path) -> None:
    """Keep derived data in ``folder`` (the user's cache folder, already prepared) between runs."""
    _KEEP[:] = [folder]


def stop_keeping() -> None:
    _KEEP.clear()


def source_key(*parts: object, sources: tuple[Path, ...] = ()) -> str:
    """A key for what derived data was built from: ``parts`` and each source file's path, size and
    modification time; "" when a source cannot be found (the data is then built, not kept)."""
    import hashlib

    digest = hashlib.sha256(repr(parts).encode())
    for source in sources:
        try:
            info = os.stat(source)
        except OSError:
            return ""
        digest.update(f"{source}:{info.st_size}:{info.st_mtime_ns};".encode())
    return digest.hexdigest()[:32]


KEPT_PER_NAME = 8  # entries of one name kept: several ruleset combinations in use, each with its table


def _prune(folder: Path, name: str, keep: int) -> None:
    """Remove all but the ``keep`` newest entries of ``name`` (built by older code or for other rules)."""
    entries = []
    for entry in folder.glob(f"{name}-*.marshal"):
        try:
            entries.append((entry.lstat().st_mtime_ns, entry))
        except OSError:
            continue
    for _, stale in sorted(entries, reverse=True)[keep:]:
        stale.unlink(missing_ok=True)


def kept(name: str, key: str, build: Callable[[], T], valid: Callable[[object], bool]) -> T:
    """``build()``, read back from ``<folder>/<name>-<key>.marshal`` when an earlier run kept it there and
    it is ``valid``; else built and kept beside the newest few entries of the name. Without a folder (the
    cache off) or a key, simply ``build()``. A cache that cannot be written costs speed, nothing else."""
    if not _KEEP or not key:
        return build()
    folder = _KEEP[0]
    entry = folder / f"{name}-{key}.marshal"
    if untrusted(entry) is None:
        try:
            data = marshal.loads(read_entry(entry))
        except (OSError, EOFError, ValueError, TypeError):
            data = None
        if data is not None and valid(data):
            return data  # type: ignore[no-any-return]
    value = build()
    try:
        _prune(folder, name, keep=KEPT_PER_NAME - 1)
        write_entry(entry, marshal.dumps(value))  # type: ignore[arg-type]  # built data: marshallable
    except (OSError, ValueError):
        pass
    return value
