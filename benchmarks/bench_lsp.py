"""Language-server benchmark: how long the server takes to re-check a draft after an edit, in process.

    python benchmarks/bench_lsp.py [--repeat 9]

What ``esa-rules lsp`` does once typing pauses: read the editor's text as a draft, check it against the
compiled rulesets (kept between edits) and turn the findings into diagnostics. Timed for the 2 KB sample
draft and a 100 KB draft (the samples one after another, see drafts.py), best of ``--repeat``, with each
stage shown and the plain library call (``read`` + ``Checker.check``) of the same run as the baseline; wall
time and, steadier on a busy machine, CPU time.
Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from drafts import draft_text  # noqa: E402
from lsprotocol import types  # noqa: E402

from esa_rules.dsl import load_many  # noqa: E402
from esa_rules.engine import Checker  # noqa: E402
from esa_rules.lsp import drafts  # noqa: E402
from esa_rules.lsp.settings import Settings  # noqa: E402
from esa_rules.readers import read  # noqa: E402


def interleaved(funcs: dict[str, Callable[[], object]], repeat: int) -> dict[str, tuple[float, float]]:
    """The best wall and CPU time of each function, the runs taken in turn so that load on the machine hits
    all alike (CPU time is the steadier figure on a busy machine)."""
    times: dict[str, tuple[float, float]] = {}
    for _ in range(repeat):
        for name, func in funcs.items():
            wall, cpu = time.perf_counter(), time.process_time()
            func()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            old = times.get(name, (float("inf"), float("inf")))
            times[name] = (min(old[0], wall), min(old[1], cpu))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    checker = Checker(load_many(["esa-core"]))
    settings = Settings()

    def same(shown: types.Range) -> types.Range:
        return shown

    print(f"esa-rules language-server benchmark, {datetime.date.today()}, {platform.node() or 'host'}: "
          f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}; best of {args.repeat}")
    short = (HERE.parent / "sample_texts" / "draft_chapter.md").read_text(encoding="utf-8")
    for label, text, target in (("2 KB sample draft", short, ""),
                                ("100 KB draft", draft_text(100), "(target <= 150 ms)")):
        data = text.encode("utf-8")
        doc = read("draft.txt", data=data)
        check = drafts.check_draft(checker, "draft.txt", text)
        t = interleaved({
            "server": lambda: drafts.diagnostics(drafts.check_draft(checker, "draft.txt", text),  # noqa: B023
                                                 settings, same),
            "library": lambda: checker.check(read("draft.txt", data=data)),  # noqa: B023
            "read": lambda: read("draft.txt", data=data),  # noqa: B023
            "check": lambda: checker.check(doc),  # noqa: B023
            "diagnostics": lambda: drafts.diagnostics(check, settings, same),  # noqa: B023
        }, args.repeat)
        print(f"{label} ({len(data) / 1000:.0f} KB, {len(check.lines)} lines, "
              f"{len(drafts.diagnostics(check, settings, same))} diagnostics):")

        def ms(name: str, t: dict[str, tuple[float, float]] = t) -> str:
            return f"{1000 * t[name][0]:6.1f} ms ({1000 * t[name][1]:5.1f} ms CPU)"

        print(f"  re-check to diagnostics   {ms('server')} = {t['server'][1] / t['library'][1]:.2f}x the "
              f"library's check(read(...)) of the same text   {target}".rstrip())
        print(f"    read (segment, keys)    {ms('read')}")
        print(f"    Checker.check           {ms('check')}")
        print(f"    findings -> diagnostics {ms('diagnostics')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
