"""Caps and guards for hostile input: sizes, zip members and ratios, XML entities, time.

Every reader that unpacks or parses a container goes through here, so a zip bomb, an entity-expansion
attack or a pathological file fails with one clear ``InputError`` instead of exhausting memory or time.
The numbers are generous for real drafts (a 300-page agreement is a few MB) and small next to 1 GB.

The zip and XML machinery (defusedxml pulls in SAX, urllib and email) is imported by the functions that
use it: a plain-text draft needs only the size checks, and should not pay for the rest at start-up.
"""

from __future__ import annotations

import time
from io import BytesIO
from typing import TYPE_CHECKING, Any

from esa_rules.errors import InputError

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

MAX_INPUT_BYTES = 64 * 1024 * 1024  # any one file as read from disk
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one decompressed zip member
MAX_UNZIPPED_BYTES = 128 * 1024 * 1024  # all members a reader opens, together
MAX_ZIP_RATIO = 200  # decompressed / compressed; real .docx XML compresses about 5-20x
MAX_ZIP_MEMBERS = 10_000
MAX_TEXT_CHARS = 32 * 1024 * 1024  # extracted text handed to the segmenter
MAX_LINE_CHARS = 1024 * 1024  # a "line" longer than this is not a draft anyone wrote by hand
MAX_PDF_PAGES = 5_000
TIME_BUDGET_SECONDS = 60.0  # per file; checked between pages / paragraphs, not pre-emptive
_CHUNK = 1 << 16


class Deadline:
    """A per-file time budget that readers poll between units of work."""

    def __init__(self, path: str, seconds: float = TIME_BUDGET_SECONDS) -> None:
        self.path = path
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise InputError(f"reading took longer than {self.seconds:g} s; gave up", path=self.path)


def check_size(data: bytes, path: str) -> None:
    if not data:
        raise InputError("file is empty", path=path)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"file is {len(data):,} bytes, over the {MAX_INPUT_BYTES:,}-byte limit for one draft", path=path
        )


def check_text(text: str, path: str) -> None:
    """Reject extracted text no draft could have: too long overall, or one enormous line."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit", path=path)
    if max(map(len, text.split("\n"))) <= MAX_LINE_CHARS:
        return  # the common case, measured in C; the loop below finds the line to report
    start = 0
    while start < len(text):
        newline = text.find("\n", start, start + MAX_LINE_CHARS + 1)
        if newline < 0:
            if len(text) - start > MAX_LINE_CHARS:
                line = text.count("\n", 0, start) + 1
                raise InputError(
                    f"line {line} is over {MAX_LINE_CHARS:,} characters without a line break; "
                    "this does not look like a draft text",
                    path=path,
                    line=line,
                )
            return
        start = newline + 1


class SafeZip:
    """A zip archive whose members are read with caps on size, ratio and total volume.

    Header sizes are only a first check: a forged header can under-declare, so reads stop at the cap
    whatever the header says.
    """

    def __init__(self, data: bytes, path: str, kind: str = "zip") -> None:
        import zipfile

        self.path = path
        self.kind = kind
        self._budget = MAX_UNZIPPED_BYTES
        try:
            self._zip = zipfile.ZipFile(BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise InputError(f"not a readable {kind} file (corrupt or truncated zip: {exc})", path=path) from None
        if len(infos) > MAX_ZIP_MEMBERS:
            raise InputError(f"{kind} holds {len(infos):,} parts; refusing (limit {MAX_ZIP_MEMBERS:,})", path=path)
        self._infos = {info.filename: info for info in infos}

    def names(self) -> list[str]:
        return sorted(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        info = self._infos.get(name)
        if info is None:
            raise InputError(f"{self.kind} file has no part {name!r}", path=self.path)
        cap = min(MAX_MEMBER_BYTES, self._budget)
        if info.file_size > cap or info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1) + _CHUNK:
            raise self._bomb(name, info.file_size, info.compress_size)
        import lzma
        import zipfile
        import zlib

        out = bytearray()
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    out += chunk
                    if len(out) > cap or len(out) > MAX_ZIP_RATIO * max(info.compress_size, 1) + _CHUNK:
                        raise self._bomb(name, len(out), info.compress_size)
        except InputError:
            raise
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError) as exc:
            raise InputError(f"{self.kind} part {name!r} is corrupt or truncated ({exc})", path=self.path) from None
        except (zlib.error, lzma.LZMAError) as exc:
            raise InputError(f"{self.kind} part {name!r} cannot be decompressed ({exc})", path=self.path) from None
        self._budget -= len(out)
        return bytes(out)

    def _bomb(self, name: str, size: int, packed: int) -> InputError:
        return InputError(
            f"{self.kind} part {name!r} decompresses to at least {size:,} bytes from {packed:,} "
            f"(limit {min(MAX_MEMBER_BYTES, self._budget):,} bytes, ratio {MAX_ZIP_RATIO}:1); "
            "refusing a possible zip bomb",
            path=self.path,
        )


def _xml_error(exc: Exception, path: str, what: str) -> InputError:
    from xml.sax import SAXParseException

    from defusedxml import DefusedXmlException

    if isinstance(exc, DefusedXmlException):
        return InputError(
            f"{what} declares entities or a DTD ({type(exc).__name__}); refused: entity expansion and "
            "external entities are not allowed",
            path=path,
        )
    line: int | None = None
    column: int | None = None
    message = str(exc).split(":", 1)[0] or type(exc).__name__
    position = getattr(exc, "position", None)
    if position:
        line, column = position[0], position[1] + 1
    elif isinstance(exc, SAXParseException):
        line, column = exc.getLineNumber(), (exc.getColumnNumber() or 0) + 1
        message = exc.getMessage()
    return InputError(f"{what} is not well-formed XML ({message})", path=path, line=line, column=column)


def parse_xml(data: bytes, path: str, what: str = "XML") -> Element:
    """An ElementTree root, with DTDs, entities and external references refused."""
    from xml.etree.ElementTree import ParseError

    import defusedxml.ElementTree as safe_etree
    from defusedxml import DefusedXmlException

    try:
        return safe_etree.fromstring(data, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError, LookupError) as exc:
        raise _xml_error(exc, path, what) from None


def sax_parse(data: bytes, handler: Any, path: str, what: str = "XML") -> None:
    """Run a namespace-aware SAX ``handler`` (which may use its locator for line numbers) safely."""
    from xml.sax import SAXException

    import defusedxml.sax as safe_sax
    from defusedxml import DefusedXmlException

    try:
        parser = safe_sax.make_parser()
        parser.setFeature("http://xml.org/sax/features/namespaces", True)
        parser.setContentHandler(handler)
        parser.parse(BytesIO(data))  # parse(), unlike feed(), hands the handler a locator
    except InputError:
        raise
    except (SAXException, DefusedXmlException, ValueError, LookupError) as exc:
        raise _xml_error(exc, path, what) from None
