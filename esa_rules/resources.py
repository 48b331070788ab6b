"""Locate the grammar and shipped rulesets, both from a checkout and from an installed wheel.

In a wheel, hatchling force-includes ``grammar/`` and ``rulesets/`` as ``esa_rules/_data/``; in a
checkout (editable install or ``python -m``), they sit beside the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder ``grammar`` or ``rulesets``, wherever this installation keeps it."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"esa-rules installation is missing its {name}/ folder")


def grammar_path() -> Path:
    return data_dir("grammar") / "esa.lark"


def shipped_rulesets() -> dict[str, Path]:
    """Shipped ruleset name (file stem) -> path, sorted by name."""
    return {p.stem: p for p in sorted(data_dir("rulesets").glob("*.esa"))}
