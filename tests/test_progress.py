"""The progress line: a sign of life on a terminal for a long single draft or a batch, silent otherwise."""

from __future__ import annotations

import io
import time

import pytest

from esa_rules.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)


def test_a_slow_single_draft_shows_that_it_is_being_checked() -> None:
    terminal = _Terminal()
    with Progress(label="drafts/big.docx", delay=0.05, interval=0.01, stream=terminal):
        time.sleep(0.3)  # no document finishes meanwhile: the line comes from the ticker alone
    shown = terminal.getvalue()
    assert "\r\x1b[Kchecking drafts/big.docx … 0 s" in shown
    assert shown.count("checking") == 1  # redrawn only when the text changes
    assert shown.endswith("\r\x1b[K")  # cleared before the report is printed


def test_a_batch_shows_a_bar_with_the_documents_done() -> None:
    terminal = _Terminal()
    with Progress(delay=0, interval=10, stream=terminal) as progress:
        progress.update(1, 4)
        progress.update(4, 4)
    assert "[#######.......................] 1/4 documents · 0 s" in terminal.getvalue()
    assert "4/4 documents" in terminal.getvalue()


def test_a_quick_run_prints_nothing() -> None:
    terminal = _Terminal()
    with Progress(label="a.txt", delay=5, interval=0.01, stream=terminal) as progress:
        progress.update(1, 1)
        time.sleep(0.05)
    assert terminal.getvalue() == ""


def test_silent_when_not_a_terminal_or_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    piped = io.StringIO()
    with Progress(label="a.txt", delay=0, interval=0.01, stream=piped):
        time.sleep(0.05)
    assert piped.getvalue() == ""
    monkeypatch.setenv("CI", "true")
    terminal = _Terminal()
    with Progress(label="a.txt", delay=0, interval=0.01, stream=terminal):
        time.sleep(0.05)
    assert terminal.getvalue() == ""
