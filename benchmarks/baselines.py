"""What the benchmark compares esa-rules against, and the inputs it generates for the scaling runs.

- ``naive_seconds``: the checker a user writes by hand, one compiled regular expression per phrase,
  run over every document (timed on a sample of the files and scaled by bytes: over the whole corpus it
  takes minutes).
- ``ripgrep_seconds``: ``rg -c -i -F -f phrases.txt`` over the same files, the floor for finding phrases.
- ``scaled_ruleset``: a ruleset with about ten times the phrases of another one, for the rule scaling run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

# Words that extend a phrase the way a ruleset author would ("investment screening" -> "investment
# screening mechanism"); common in treaties, so the generated phrases do match now and then.
_EXTENSIONS = ("framework", "regime", "arrangement", "programme", "policy", "measures", "authority",
               "procedure", "system")
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def phrase_regex(phrase: str) -> re.Pattern[str]:
    """A phrase as a hand-written checker would compile it: case-insensitive, whole words, ``*``."""
    words = [re.escape(w).replace(r"\*", r"\w*") for w in phrase.split()]
    return re.compile(r"\b" + r"\s+".join(words) + r"\b", re.IGNORECASE)


def naive_seconds(phrases: Sequence[str], files: Sequence[Path], every: int) -> tuple[float, int]:
    """Seconds the naive checker would take on all ``files``, measured on every ``every``-th file and
    scaled by bytes; also returns how many files were timed."""
    regexes = [phrase_regex(p) for p in phrases]
    sample = list(files[::every])
    started = time.perf_counter()
    sample_bytes = 0
    for path in sample:
        text = path.read_text(encoding="utf-8", errors="replace")
        sample_bytes += len(text.encode("utf-8"))
        for regex in regexes:
            regex.findall(text)
    elapsed = time.perf_counter() - started
    total_bytes = sum(p.stat().st_size for p in files)
    return elapsed * total_bytes / max(sample_bytes, 1), len(sample)


def ripgrep_seconds(phrases: Sequence[str], files: Sequence[Path], workdir: Path) -> float | None:
    """Wall time of ripgrep counting the phrases (wildcards dropped) in every file; None without ``rg``."""
    rg = shutil.which("rg")
    if rg is None:
        return None
    listing = workdir / "phrases.txt"
    listing.write_text("\n".join(sorted({p.replace("*", "") for p in phrases})) + "\n", encoding="utf-8")
    command = [rg, "-c", "-i", "-F", "-f", str(listing), *map(str, files)]
    best = float("inf")
    for _ in range(3):  # rg is fast enough that the page cache and scheduling show; keep the best
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - started)
    return best


def scaled_ruleset(source: str, factor: int = 10) -> str:
    """``source`` with every phrase of every ``terms`` block joined by ``factor - 1`` longer variants."""
    out: list[str] = []
    in_terms = False
    for line in source.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("terms "):
            in_terms = True
        elif not stripped.startswith("|"):
            in_terms = False
        if stripped.startswith("ruleset "):
            line = re.sub(r"^ruleset\s+(\S+)", r"ruleset \1-x" + str(factor), line)
        if in_terms and "#" not in line:
            # a terms header's description ("terms NAME "DESCRIPTION" = ...") is not a phrase
            alternatives = line.split("=", 1)[1] if stripped.startswith("terms ") else line
            variants = [f'"{m.group(1)} {word}"' for m in _QUOTED.finditer(alternatives)
                        for word in _EXTENSIONS[: factor - 1]]
            if variants:
                line = line + " | " + " | ".join(variants)
        out.append(line)
    return "\n".join(out) + "\n"
