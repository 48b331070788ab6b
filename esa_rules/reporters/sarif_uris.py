"""SARIF artifact locations: relative URIs against named base folders, never a machine's absolute path.

Code scanning matches a result to a file of the repository by a URI relative to the checkout; an absolute
``file:///home/runner/work/...`` URI matches nothing, and differs from machine to machine, so every
alert looks new. A path given relative stays relative to ``%SRCROOT%`` (the folder the command ran in).
A path given absolute is made relative to ``%SRCROOT%`` when it lies below that folder, and otherwise to
``INPUTROOT``, the deepest folder holding all such paths; ``originalUriBaseIds`` then says where each
base is, so a viewer can still open the file.
"""

from __future__ import annotations

import ntpath
import posixpath
import re
from collections.abc import Iterable
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

SRCROOT = "%SRCROOT%"
INPUTROOT = "INPUTROOT"
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def _windows(path: str) -> bool:
    return "\\" in path or bool(_DRIVE.match(path))


def _pure(path: str) -> PurePath:
    if _windows(path):
        return PureWindowsPath(ntpath.normpath(path))
    return PurePosixPath(posixpath.normpath(path))


def _relative_uri(path: PurePath) -> str:
    return quote(path.as_posix().removeprefix("./"))


def _folder_uri(folder: PurePath) -> str:
    return folder.as_uri().rstrip("/") + "/"


def _common_folder(paths: list[PurePath]) -> PurePath | None:
    parents = [p.parent for p in paths]
    if len({type(p) for p in parents}) != 1 or len({p.drive.lower() for p in parents}) != 1:
        return None  # files on different drives share no folder
    common = (ntpath if isinstance(parents[0], PureWindowsPath) else posixpath).commonpath([str(p) for p in parents])
    return type(parents[0])(common)


class Locator:
    """Artifact locations for a set of input paths, and the base folders they are relative to."""

    def __init__(self, paths: Iterable[str], base: str | None = None) -> None:
        self._locations: dict[str, dict[str, Any]] = {}
        self.bases: dict[str, dict[str, Any]] = {}
        root = _pure(base) if base else None
        root = root if root is not None and root.is_absolute() else None
        outside: list[tuple[str, PurePath]] = []
        for path in dict.fromkeys(paths):
            pure = _pure(path)
            if not pure.is_absolute():
                self._locations[path] = {"uri": _relative_uri(pure), "uriBaseId": SRCROOT}
            elif root is not None and pure.is_relative_to(root):
                self._locations[path] = {"uri": _relative_uri(pure.relative_to(root)), "uriBaseId": SRCROOT}
                self.bases[SRCROOT] = {"uri": _folder_uri(root),
                                       "description": {"text": "The folder esa-rules ran in."}}
            else:
                outside.append((path, pure))
        common = _common_folder([pure for _, pure in outside]) if outside else None
        for path, pure in outside:
            if common is None:  # nothing to be relative to: the only honest location is the full one
                self._locations[path] = {"uri": pure.as_uri()}
                continue
            self._locations[path] = {"uri": _relative_uri(pure.relative_to(common)), "uriBaseId": INPUTROOT}
            self.bases[INPUTROOT] = {"uri": _folder_uri(common),
                                     "description": {"text": "The folder holding the drafts named by absolute path."}}

    def location(self, path: str) -> dict[str, Any]:
        return dict(self._locations[path])
