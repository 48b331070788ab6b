"""Plain text and Markdown drafts: decode, normalise line ends, segment.

Decoding order: UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252 when the bytes make sense in
it (a notice says so). NUL bytes or many control characters mean the file is not text at all. Line ends
become ``\\n`` without adding or removing lines, so line numbers still match the file.
"""

from __future__ import annotations

import codecs
import os
import re

from esa_rules.document import Document
from esa_rules.errors import InputError
from esa_rules.readers.layout import finish

NAME = "text"
EXTENSIONS = (".txt", ".md", ".markdown", ".text")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_LINE_ENDS = re.compile(r"\r\n?")


def _extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def sniff(data: bytes, name: str) -> bool:
    """A text extension, or none at all and bytes that decode as text."""
    extension = _extension(name)
    if extension in EXTENSIONS:
        return True
    if extension:
        return False
    try:
        decode(data[:65536], name, partial=True)
    except InputError:
        return False
    return True


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    return "\x00" in sample or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


def decode(data: bytes, path: str, *, partial: bool = False) -> tuple[str, tuple[str, ...]]:
    """The text of ``data`` and any notices about how it was decoded. ``partial`` tolerates a
    multi-byte character cut at the end (for sniffing a prefix)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            if not partial:
                raise InputError("not a text file (broken UTF-16)", path=path) from None
            text = data[: len(data) // 2 * 2 - 2].decode("utf-16", errors="replace")
        return _checked(text, path), ()
    if b"\x00" in data[:65536]:
        raise InputError("not a text file (binary content)", path=path)
    try:
        return _checked(data.decode("utf-8-sig"), path), ()
    except UnicodeDecodeError as error:
        if partial and error.start >= len(data) - 3:
            return _checked(data[: error.start].decode("utf-8-sig"), path), ()
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError("not a text file (neither UTF-8, UTF-16 nor cp1252)", path=path) from None
    return _checked(text, path), ("decoded as cp1252",)


def _checked(text: str, path: str) -> str:
    if _looks_binary(text):
        raise InputError("not a text file (binary content)", path=path)
    return text


def document_from_text(text: str, path: str, data: bytes, notices: tuple[str, ...] = ()) -> Document:
    """A Document from decoded text; ``data`` is what the digest is taken of (the file's bytes)."""
    text = _LINE_ENDS.sub("\n", text)
    if not text.strip():
        raise InputError("empty file (only whitespace)", path=path)
    return finish(data, path, text, NAME, notices=notices)


def read(data: bytes, path: str, options: dict[str, str] | None = None) -> Document:
    text, notices = decode(data, path)
    return document_from_text(text, path, data, notices)
