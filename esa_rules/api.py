"""The library entry points the CLI calls: load rulesets, read inputs, check them, build a Report.

Workers: with ``jobs > 1`` documents are read and checked in worker processes; results are put back in
input order, so the report is byte-identical to a ``jobs=1`` run.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence

from esa_rules import __version__
from esa_rules.dsl.ast import Ruleset
from esa_rules.dsl.cache import RulesetCache
from esa_rules.dsl.loader import load_many
from esa_rules.engine import Checker
from esa_rules.errors import EsaRulesError
from esa_rules.readers import iter_inputs, load, read
from esa_rules.report import DocumentResult, InputFailure, Report, RulesetInfo

Outcome = DocumentResult | InputFailure
_WORKER_CHECKER: Checker | None = None
_WORKER_OPTIONS: dict[str, str] | None = None


def load_rulesets(specs: Sequence[str], *, cache: RulesetCache | None = None) -> tuple[Ruleset, ...]:
    """The rulesets named (default esa-core); ``cache`` (the CLI passes the user's) skips parsing
    rulesets whose sources have not changed since it last saw them."""
    return load_many(list(specs) or ["esa-core"], cache=cache)


def ruleset_infos(rulesets: Sequence[Ruleset]) -> tuple[RulesetInfo, ...]:
    return tuple(RulesetInfo(r.name, r.version or "", r.sha256, r.title or "", r.path) for r in rulesets)


def check_one(checker: Checker, path: str, options: dict[str, str] | None = None) -> Outcome:
    """Read and check one file; a file that cannot be read becomes an InputFailure, not an exception.
    ``options`` go to the reader (e.g. ``{"revisions": "original"}`` for tracked changes in .docx)."""
    try:
        return checker.check(read(path, options=options))
    except EsaRulesError as exc:
        return InputFailure(path, str(exc))


def read_source(path: str) -> bytes:
    """The bytes of a draft, for a copy of it (the copy's renderer checks they are the bytes checked)."""
    return load(path)


def _init_worker(checker: Checker, options: dict[str, str] | None = None) -> None:
    global _WORKER_CHECKER, _WORKER_OPTIONS
    _WORKER_CHECKER = checker
    _WORKER_OPTIONS = options


def _check_in_worker(path: str) -> Outcome:
    assert _WORKER_CHECKER is not None
    return check_one(_WORKER_CHECKER, path, _WORKER_OPTIONS)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def check_paths(
    checker: Checker,
    paths: Sequence[str],
    *,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
    options: dict[str, str] | None = None,
) -> Report:
    """Check every input under ``paths`` (folders recursed), in input order, with ``jobs`` processes."""
    skipped: list[str] = []
    items = list(iter_inputs(paths, skipped))
    files = [i for i in items if isinstance(i, str)]
    results = _run(checker, files, jobs, progress, options)
    ordered: list[Outcome] = []
    it = iter(results)
    for item in items:
        ordered.append(next(it) if isinstance(item, str) else InputFailure(item.path or "<input>", str(item)))
    documents = tuple(o for o in ordered if isinstance(o, DocumentResult))
    failures = tuple(o for o in ordered if isinstance(o, InputFailure))
    return Report(rulesets=ruleset_infos(checker.rulesets), documents=documents, failures=failures,
                  tool_version=__version__, skipped=tuple(skipped))


def _run(checker: Checker, files: list[str], jobs: int,
         progress: Callable[[int, int], None] | None, options: dict[str, str] | None = None) -> Iterator[Outcome]:
    total = len(files)
    if jobs <= 1 or total <= 1:
        for n, path in enumerate(files, 1):
            yield check_one(checker, path, options)
            if progress:
                progress(n, total)
        return
    # Imported here: multiprocessing costs a one-file check a noticeable share of its start-up time.
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # Workers get paths, not documents, and send back small results. The largest files go first, one per
    # task, so that a 1 MB treaty does not start last and leave the other workers idle at the end.
    results: list[Outcome | None] = [None] * total
    with ProcessPoolExecutor(max_workers=min(jobs, total), initializer=_init_worker,
                             initargs=(checker, options)) as pool:
        futures = {pool.submit(_check_in_worker, files[i]): i for i in _largest_first(files)}
        for n, future in enumerate(as_completed(futures), 1):
            results[futures[future]] = future.result()
            if progress:
                progress(n, total)
    for outcome in results:
        assert outcome is not None
        yield outcome


def _largest_first(files: list[str]) -> list[int]:
    def size(i: int) -> int:
        try:
            return os.path.getsize(files[i])
        except OSError:
            return 0  # the worker reports the file as unreadable

    return sorted(range(len(files)), key=lambda i: (-size(i), i))
