"""Start-up benchmark: how long one ``esa-rules check`` of a short draft takes, against ``--version``.

    python benchmarks/bench_startup.py [--repeat 7]

Each figure is the best of ``--repeat`` runs of a fresh ``python -m esa_rules`` process, the runs of the
different commands interleaved so that a burst of load on the machine hits them alike; the ratios are
between figures of this one run. Wall time is what a user waits; CPU time (user + system, of the child
process) is shown beside it because it is steadier on a busy machine.

- ``--version``: the floor: the interpreter, click and the command table;
- the 2 KB sample draft (sample_texts/draft_chapter.md) with a warm ruleset cache, and with a cold one (an
  empty cache folder for every run: esa-core parsed with lark, checked, and stored);
- a 100 KB draft (the samples one after another, see drafts.py) with a warm cache.

The package is byte-compiled first, as an installed wheel is (a source checkout run with
PYTHONDONTWRITEBYTECODE would otherwise compile every module on every run), and the cache lives in a
temporary folder, so the user's own cache is neither used nor touched. Not a test: figures vary by machine.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from drafts import write_draft  # noqa: E402

import esa_rules  # noqa: E402

SHORT = HERE.parent / "sample_texts" / "draft_chapter.md"


def run(args: list[str], cache: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``python -m esa_rules ARGS`` (exit 1, gaps found, is normal)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("ESA_RULES_NO_CACHE", None)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "esa_rules", *args], stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"esa-rules failed ({process.returncode}): {' '.join(args)}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per figure; the best one counts")
    args = parser.parse_args()
    compileall.compile_dir(str(Path(esa_rules.__file__).parent), quiet=1)

    with tempfile.TemporaryDirectory(prefix="esa-bench-") as tmp:
        workdir = Path(tmp)
        warm = workdir / "warm-cache"
        long = write_draft(workdir, 100)
        check = ["check", "--jobs", "1"]
        commands = {
            "version": (["--version"], lambda n: warm),
            "short-warm": ([*check, str(SHORT)], lambda n: warm),
            "short-cold": ([*check, str(SHORT)], lambda n: workdir / f"cold-{n}"),
            "long-warm": ([*check, str(long)], lambda n: warm),
        }
        run(commands["short-warm"][0], warm)  # fills the warm cache
        best: dict[str, tuple[float, float]] = {}
        for n in range(max(1, args.repeat)):
            for name, (command, cache) in commands.items():
                wall, cpu = run(command, cache(n))
                old = best.get(name, (float("inf"), float("inf")))
                best[name] = (min(old[0], wall), min(old[1], cpu))

        print(f"esa-rules start-up benchmark, {datetime.date.today()}, {platform.node() or 'host'}: "
              f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python "
              f"{platform.python_version()}; best of {args.repeat}, wall (CPU)")
        version = best["version"]

        def line(label: str, name: str, target: str) -> None:
            wall, cpu = best[name]
            print(f"  {label:<34} {1000 * wall:6.0f} ms ({1000 * cpu:4.0f} ms)  = {wall / version[0]:5.2f}x "
                  f"--version ({cpu / version[1]:4.2f}x CPU)   {target}".rstrip())

        line("esa-rules --version", "version", "")
        line("check 2 KB draft, warm cache", "short-warm", "(target <= 2.5x --version)")
        line("check 2 KB draft, cold cache", "short-cold", "(target <= 1 s)")
        line(f"check {long.stat().st_size / 1000:.0f} KB draft, warm cache", "long-warm", "(target <= 0.35 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
