"""``-o FILE``: atomic, and the written file has the permissions a user expects."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from esa_rules.output import write_atomic

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask_default(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "report.html"
    write_atomic(str(target), "<p>new</p>")
    assert _mode(target) == 0o644  # not mkstemp's 0600: the team can read a shared report


def test_a_replaced_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    for mode in (0o640, 0o664):
        target = tmp_path / f"report-{mode:o}.html"
        target.write_text("old", encoding="utf-8")
        target.chmod(mode)
        write_atomic(str(target), "new")
        assert target.read_text(encoding="utf-8") == "new"
        assert _mode(target) == mode


def test_the_umask_is_left_as_it_was(tmp_path: Path, umask_022: None) -> None:
    write_atomic(str(tmp_path / "a.txt"), "x")
    current = os.umask(0o022)
    assert current == 0o022
