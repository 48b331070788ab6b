"""The ruleset language: parse one file, load a ruleset with its includes, format canonically.

The names below are imported on first use (PEP 562): a run that finds its rulesets in the cache
(``esa_rules.dsl.cache``) needs the AST classes only, and should not pay for importing lark.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from esa_rules.dsl.fmt import format_ruleset
    from esa_rules.dsl.loader import load, load_many
    from esa_rules.dsl.parser import parse

__all__ = ["format_ruleset", "load", "load_many", "parse"]

_HOMES = {"format_ruleset": "fmt", "load": "loader", "load_many": "loader", "parse": "parser"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
