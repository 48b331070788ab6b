"""Where the time goes: one process checks the files and the stages are timed by wrapping the library.

read      parse the file into text and anchors (the ToTA reader's XML work)
segment   split article bodies into paragraphs and subparagraphs (``paragraphs.segment_body``)
match     fold the text and scan it once for every phrase (``Checker.index``)
evaluate  everything else in ``Checker.check``: scopes, conditions, strength, evidence
render    the JSON report of all the documents
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from esa_rules import __version__
from esa_rules.api import ruleset_infos
from esa_rules.engine import Checker
from esa_rules.readers import read
from esa_rules.readers import tota as tota_reader
from esa_rules.report import Report
from esa_rules.reporters import render


class _Clock:
    def __init__(self) -> None:
        self.spent: dict[str, float] = {"segment": 0.0, "match": 0.0}

    def wrap(self, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.spent[name] += time.perf_counter() - started

        return timed


@contextmanager
def _instrumented(clock: _Clock) -> Iterator[None]:
    segment = tota_reader.segment_body
    index = Checker.index
    tota_reader.segment_body = clock.wrap("segment", segment)  # type: ignore[assignment]
    Checker.index = clock.wrap("match", index)  # type: ignore[method-assign]
    try:
        yield
    finally:
        tota_reader.segment_body = segment  # type: ignore[assignment]
        Checker.index = index  # type: ignore[method-assign]


def stage_times(checker: Checker, files: Sequence[Path], repeat: int = 1) -> dict[str, float]:
    """Seconds per stage for checking ``files`` in this process (the best of ``repeat`` runs)."""
    best: dict[str, float] | None = None
    for _ in range(repeat):
        clock = _Clock()
        reading = checking = 0.0
        results = []
        with _instrumented(clock):
            for path in files:
                started = time.perf_counter()
                doc = read(str(path))
                middle = time.perf_counter()
                results.append(checker.check(doc))
                reading += middle - started
                checking += time.perf_counter() - middle
        started = time.perf_counter()
        report = Report(rulesets=ruleset_infos(checker.rulesets), documents=tuple(results), failures=(),
                        tool_version=__version__)
        render("json", report)
        rendering = time.perf_counter() - started
        spent = {"read": reading - clock.spent["segment"], "segment": clock.spent["segment"],
                 "match": clock.spent["match"], "evaluate": checking - clock.spent["match"],
                 "render": rendering}
        if best is None or sum(spent.values()) < sum(best.values()):
            best = spent
    assert best is not None
    return best
