"""Run the CLI as a user would and measure it: wall time and peak memory of the whole process tree.

``ru_maxrss`` of the children only gives the largest process ever waited for; with ``--jobs`` the workers
run side by side, so the tree's resident memory is sampled from ``/proc`` every 20 ms and summed (Linux
only; elsewhere memory reads 0).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import attrs


@attrs.frozen
class Run:
    wall: float
    peak_mb: float  # resident memory of the process tree, summed, at its highest sample
    max_mb: float  # the largest single process at its highest sample
    returncode: int


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kb(pid: int) -> tuple[int, int]:
    sizes = [_rss_kb(pid), *(_rss_kb(child) for child in _children(pid))]
    return sum(sizes), max(sizes)


def run_cli(args: list[str], output: Path | None) -> Run:
    """``python -m esa_rules ARGS [-o OUTPUT]``; exit code 1 (findings) is a normal outcome."""
    command = [sys.executable, "-m", "esa_rules", *args, *(["-o", str(output)] if output else [])]
    sampling = os.path.isdir("/proc")
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak = largest = 0
    while process.poll() is None:
        if sampling:
            total, single = _tree_rss_kb(process.pid)
            peak, largest = max(peak, total), max(largest, single)
        time.sleep(0.02)
    wall = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise SystemExit(f"esa-rules failed ({process.returncode}): {' '.join(command)}")
    return Run(wall, peak / 1024, largest / 1024, process.returncode)
