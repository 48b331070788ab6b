"""The ruleset language: parse one file, load a ruleset with its includes, format canonically."""

from __future__ import annotations

from esa_rules.dsl.fmt import format_ruleset
from esa_rules.dsl.loader import load, load_many
from esa_rules.dsl.parser import parse

__all__ = ["format_ruleset", "load", "load_many", "parse"]
