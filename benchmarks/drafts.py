"""Drafts of a chosen size for the benchmarks, made of the shipped sample drafts (written for this project).

The samples follow one another in name order until the size is reached, each under a heading of its own,
so a 100 KB draft has the mix of satisfied, weak, missing and violated provisions the samples have, and
the same bytes on every machine.
"""

from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "sample_texts"


def draft_text(kilobytes: float) -> str:
    pieces: list[str] = []
    size = 0
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md"))
    n = 0
    while size < kilobytes * 1000:
        sample = samples[n % len(samples)]
        n += 1
        piece = f"PART {n}\n\n{sample.read_text(encoding='utf-8').strip()}\n\n"
        pieces.append(piece)
        size += len(piece.encode("utf-8"))
    return "".join(pieces)


def write_draft(folder: Path, kilobytes: float) -> Path:
    path = folder / f"draft_{kilobytes:g}kb.txt"
    path.write_text(draft_text(kilobytes), encoding="utf-8")
    return path
