"""The corpus run of two checkouts, interleaved in one run: how much slower or faster one is than the other.

    git worktree add /tmp/esa-base <commit>
    python benchmarks/compare_corpus.py /tmp/esa-base . [--repeat 3] [--jobs 2]

Each checkout's ``python -m esa_rules check -f json`` runs over the English ToTA treaties (as in
bench_corpus.py), with its own warm ruleset cache, the two alternating so that a burst of load on the
machine hits both alike; the best wall time of each counts, and the ratio is between figures of this one
run. Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE)]

from bench_corpus import TOTA, english_corpus  # noqa: E402


def run(tree: Path, corpus: Path, jobs: int, cache: Path, out: Path) -> float:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("ESA_RULES_NO_CACHE", None)
    started = time.perf_counter()
    command = [sys.executable, "-m", "esa_rules", "check", str(corpus), "-f", "json", "--jobs", str(jobs),
               "-o", str(out)]
    status = subprocess.run(command, cwd=tree, env=env, stdout=subprocess.DEVNULL).returncode
    if status not in (0, 1):
        raise SystemExit(f"{tree}: esa-rules failed ({status})")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="the checkout to compare against")
    parser.add_argument("work", type=Path, help="the checkout measured")
    parser.add_argument("--corpus", type=Path, default=TOTA / "tota/xml")
    parser.add_argument("--index", type=Path, default=TOTA / "derived/tota_index.csv")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    trees = {"base": args.base.resolve(), "work": args.work.resolve()}
    with tempfile.TemporaryDirectory(prefix="esa-compare-") as tmp:
        workdir = Path(tmp)
        corpus = english_corpus(args.corpus, args.index, workdir)
        best = {name: float("inf") for name in trees}
        for _ in range(max(1, args.repeat)):
            for name, tree in trees.items():
                wall = run(tree, corpus, args.jobs, workdir / f"cache-{name}", workdir / f"{name}.json")
                best[name] = min(best[name], wall)
        files = len(list(corpus.iterdir()))
        print(f"corpus run of two checkouts, {files} treaties, --jobs {args.jobs}, best of {args.repeat}, wall")
        for name, tree in trees.items():
            print(f"  {name:<5} {best[name]:7.2f} s = {best[name] / best['base']:.2f}x base   ({tree})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
