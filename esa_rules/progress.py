"""A progress line on stderr once a check takes more than a moment; only on a terminal, never in CI.

A batch shows a bar as documents finish. A single large draft finishes nothing until it is done (a 2 MB
treaty takes seconds), so a ticker thread redraws the line with the elapsed time: the reader sees the
tool is working. Nothing is drawn before ``delay`` seconds, so quick runs print nothing extra.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from types import TracebackType
from typing import Self, TextIO


class Progress:
    def __init__(self, label: str = "", delay: float = 1.0, interval: float = 0.25,
                 stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() and not os.environ.get("CI")
        self.label = label  # what is being checked, for the single-draft line
        self.delay = delay
        self.interval = interval
        self.started = time.monotonic()
        self.done = 0
        self.total = 0
        self.shown = False
        self._last = ""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def update(self, done: int, total: int) -> None:
        """Called as each document of the batch is checked."""
        with self._lock:
            self.done, self.total = done, total
        self._draw()

    def _line(self, elapsed: float) -> str:
        seconds = f"{elapsed:.0f} s"
        if self.total > 1:
            width = 30
            filled = width * self.done // self.total
            return f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} documents · {seconds}"
        return f"checking {self.label or 'the draft'} … {seconds}"

    def _draw(self) -> None:
        elapsed = time.monotonic() - self.started
        if not self.enabled or elapsed < self.delay:
            return
        with self._lock:
            line = self._line(elapsed)
            if self._stop.is_set() or line == self._last:
                return  # the run ended while we waited (the line is cleared), or nothing changed
            self._last = line
            self.stream.write("\r\x1b[K" + line)
            self.stream.flush()
            self.shown = True

    def _tick(self) -> None:
        while not self._stop.wait(self.interval):
            self._draw()

    def __enter__(self) -> Self:
        if self.enabled:
            self._ticker = threading.Thread(target=self._tick, name="esa-rules-progress", daemon=True)
            self._ticker.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        with self._lock:
            self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
