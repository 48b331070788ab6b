"""Input formats -> ``Document``. One module per format, tried in the order of ``READERS``.

Each reader module has ``NAME``, ``EXTENSIONS``, ``sniff(data, name) -> bool`` and
``read(data, path, options=None) -> Document``. A file whose extension a reader claims goes to that
reader first (so a Markdown draft with inline HTML stays Markdown); otherwise the first reader whose
``sniff`` accepts the bytes wins, which is how files without an extension are recognised. Text comes
last: it accepts anything that decodes as text.

Reader modules are imported on first use: the registry below names each module and the extensions it
claims, so checking a Markdown draft never imports the XML, Word or PDF machinery (pypdf and the XML
parsers cost more start-up time than the whole check of a short draft). ``tests/test_lazy_imports.py``
keeps the extensions here in step with each module's own ``EXTENSIONS``.
"""

from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Iterator, Sequence
from types import ModuleType

from esa_rules.document import Document
from esa_rules.errors import InputError
from esa_rules.readers.limits import check_size

__all__ = ["READERS", "handled_extensions", "iter_inputs", "load", "read", "read_text", "reader_for",
           "reader_module"]

# (module name under esa_rules.readers, extensions it claims), in the order readers are tried.
READERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("tota", (".xml",)),
    ("akn", (".akn", ".akn.xml")),
    ("docx", (".docx", ".docm", ".dotx")),
    ("pdf", (".pdf",)),
    ("html", (".html", ".htm", ".xhtml")),
    ("text", (".txt", ".md", ".markdown", ".text")),
)


def _extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def reader_module(name: str) -> ModuleType:
    """The reader module called ``name`` (one of ``READERS``), imported now if it was not yet."""
    return importlib.import_module(f"esa_rules.readers.{name}")


def handled_extensions() -> frozenset[str]:
    return frozenset(ext for _, extensions in READERS for ext in extensions)


def reader_for(data: bytes, name: str) -> ModuleType | None:
    """The reader for these bytes, or None if no reader recognises them. Readers that claim the name's
    extension are asked first, and the others are imported only if none of those accepts the bytes."""
    lowered = name.lower()
    claimed = [r for r, extensions in READERS if any(lowered.endswith(ext) for ext in extensions)]
    for reader_name in dict.fromkeys([*claimed, *(r for r, _ in READERS)]):
        reader = reader_module(reader_name)
        if reader.sniff(data, name):
            return reader
    return None


def load(path: str) -> bytes:
    """The bytes of a file; an InputError naming it when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=path) from None
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as error:
        raise InputError(f"cannot read file ({error.strerror or error})", path=path) from None


def read(
    path: str | os.PathLike[str], data: bytes | None = None, options: dict[str, str] | None = None
) -> Document:
    """Read one draft. ``data`` skips the disk (the path is then only a name); errors are InputError."""
    name = os.fspath(path)
    if data is None:
        data = load(name)
    if not data:
        raise InputError("empty file", path=name)
    check_size(data, name)
    reader = reader_for(data, os.path.basename(name))
    if reader is None:
        known = ", ".join(sorted(handled_extensions()))
        raise InputError(f"unsupported file type (readable formats: {known})", path=name)
    try:
        return reader.read(data, name, options)
    except (InputError, KeyboardInterrupt):
        raise
    except RecursionError:
        raise InputError("the file is nested too deeply to read", path=name) from None
    except MemoryError:
        raise InputError("the file needs too much memory to read", path=name) from None


def read_text(text: str, path: str = "<text>") -> Document:
    """A Document from a string, as if read from a UTF-8 text file (for tests and ruleset examples)."""
    return reader_module("text").document_from_text(text, path, text.encode("utf-8", "surrogatepass"))


def iter_inputs(paths: Sequence[str], skipped: list[str] | None = None) -> Iterator[str | InputError]:
    """Files to read, in a stable order. A path given explicitly is always returned; folders are walked
    (sorted by name, depth first), skipping hidden entries and files no reader claims by extension (those
    are appended to ``skipped``, so the caller can name them). Symlink loops and unreadable folders become
    InputError items instead of stopping the walk."""
    extensions = handled_extensions()
    for given in paths:
        if os.path.isdir(given):
            yield from _walk(given, extensions, skipped if skipped is not None else [])
        else:
            yield given


def _walk(top: str, extensions: frozenset[str], skipped: list[str]) -> Iterator[str | InputError]:
    try:
        top_stat = os.stat(top)
    except OSError as error:
        yield InputError(f"cannot open folder ({error.strerror or error})", path=top)
        return
    # Each stack entry is (folder, identities of the folders above it): a folder that is its own
    # ancestor is a symlink loop.
    stack: list[tuple[str, frozenset[tuple[int, int]]]] = [
        (top, frozenset({(top_stat.st_dev, top_stat.st_ino)}))
    ]
    while stack:
        folder, ancestors = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as error:
            yield InputError(f"cannot read folder ({error.strerror or error})", path=folder)
            continue
        pending: list[tuple[str, frozenset[tuple[int, int]]]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                info = os.stat(entry.path)
            except OSError:
                if entry.is_symlink() and _extension(entry.name) in extensions:
                    yield InputError("broken symbolic link", path=entry.path)
                continue
            if stat.S_ISDIR(info.st_mode):
                identity = (info.st_dev, info.st_ino)
                if identity in ancestors:
                    yield InputError("symbolic link loop; folder skipped", path=entry.path)
                else:
                    pending.append((entry.path, ancestors | {identity}))
            elif stat.S_ISREG(info.st_mode) and any(entry.name.lower().endswith(e) for e in extensions):
                yield entry.path
            elif stat.S_ISREG(info.st_mode):
                skipped.append(entry.path)
        # Folders are visited after the files beside them, in name order.
        stack.extend(reversed(pending))
