"""Output formats: one module per format, each with a pure ``render(report, **options) -> str``.

Modules load lazily (jinja2 and the XML writers cost start-up time the text lint should not pay).
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

from esa_rules.errors import UsageError
from esa_rules.report import Report

REPORTERS: dict[str, str] = {
    "text": "esa_rules.reporters.text",
    "json": "esa_rules.reporters.json",
    "sarif": "esa_rules.reporters.sarif",
    "junit": "esa_rules.reporters.junit",
    "html": "esa_rules.reporters.html",
    "markdown": "esa_rules.reporters.markdown",
    "github": "esa_rules.reporters.github",
}


def render(fmt: str, report: Report, **options: Any) -> str:
    """Render ``report`` as ``fmt``, passing each reporter only the options it declares."""
    if fmt not in REPORTERS:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(REPORTERS)}")
    func = importlib.import_module(REPORTERS[fmt]).render
    accepted = inspect.signature(func).parameters
    return func(report, **{k: v for k, v in options.items() if k in accepted})
