"""Every renderer, in one registry keyed by (report kind, format).

A report kind is what is rendered: ``check`` (a Report), ``diff`` (a Diff of two rounds), ``rules`` (the
provisions of rulesets), ``explain`` (one provision's Trace) and ``eval`` (scores on labelled drafts).
Each renderer is a pure function ``render(obj, **options) -> str``; the CLI builds its ``--format``
choices from ``formats(kind)``. A few formats are not reports but a copy of each checked draft (a Word
file with the findings as review comments): those are listed in ``PER_DOCUMENT`` with the suffix their
files take, and their renderer is ``render(report, document, source, **options) -> bytes``. Modules load only when their format is used (jinja2 and the XML writers
cost start-up time the text lint should not pay).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import Any

from esa_rules.errors import UsageError

# "module:function", imported on first use.
RENDERERS: dict[tuple[str, str], str] = {
    ("check", "text"): "esa_rules.reporters.text:render",
    ("check", "json"): "esa_rules.reporters.json:render",
    ("check", "sarif"): "esa_rules.reporters.sarif:render",
    ("check", "junit"): "esa_rules.reporters.junit:render",
    ("check", "html"): "esa_rules.reporters.html:render",
    ("check", "markdown"): "esa_rules.reporters.markdown:render",
    ("check", "github"): "esa_rules.reporters.github:render",
    ("check", "docx"): "esa_rules.reporters.docx:render",
    ("diff", "text"): "esa_rules.reporters.diff_text:render_text",
    ("diff", "json"): "esa_rules.reporters.diff_json:render_json",
    ("diff", "html"): "esa_rules.reporters.diff_html:render_html",
    ("diff", "markdown"): "esa_rules.reporters.diff_text:render_markdown",
    ("rules", "text"): "esa_rules.ruledocs:render_text",
    ("rules", "markdown"): "esa_rules.ruledocs:render_markdown",
    ("rules", "json"): "esa_rules.ruledocs:render_json",
    ("explain", "text"): "esa_rules.explain:render_text",
    ("explain", "json"): "esa_rules.explain:render_json",
    ("eval", "text"): "esa_rules.evaluation:render_eval_text",
    ("eval", "json"): "esa_rules.evaluation:render_eval_json",
}

# Per-document formats -> the suffix of each copy ("drafts/ch3.docx" -> "ch3.review.docx").
PER_DOCUMENT: dict[tuple[str, str], str] = {("check", "docx"): ".review.docx"}


def formats(kind: str) -> list[str]:
    """The formats a kind of report can be rendered in, in registry order (the first is the default)."""
    return [fmt for k, fmt in RENDERERS if k == kind]


def renderer(kind: str, fmt: str) -> Callable[..., Any]:
    target = RENDERERS.get((kind, fmt))
    if target is None:
        raise UsageError(f"unknown {kind} format {fmt!r}; choose one of {', '.join(formats(kind))}")
    module, _, name = target.partition(":")
    func: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return func


def _accepted(func: Callable[..., Any], options: dict[str, Any]) -> dict[str, Any]:
    accepted = inspect.signature(func).parameters
    return {k: v for k, v in options.items() if k in accepted}


def render_as(kind: str, fmt: str, obj: Any, **options: Any) -> str:
    """Render ``obj`` (of report kind ``kind``) as ``fmt``, passing the renderer only the options it
    declares, so a caller can offer every option without knowing which format takes which."""
    if (kind, fmt) in PER_DOCUMENT:
        raise UsageError(f"-f {fmt} writes a copy of each draft, not a report")
    func = renderer(kind, fmt)
    text: str = func(obj, **_accepted(func, options))
    return text


def render(fmt: str, report: Any, **options: Any) -> str:
    """A check Report as ``fmt`` (the library's main entry point for reports)."""
    return render_as("check", fmt, report, **options)


def copy_suffix(kind: str, fmt: str) -> str | None:
    """The suffix of the per-document copies this format writes, or None for a report format."""
    return PER_DOCUMENT.get((kind, fmt))


def render_copy(fmt: str, report: Any, document: Any, source: bytes, **options: Any) -> bytes:
    """A copy of one checked draft of ``report`` (its DocumentResult ``document``, read from the bytes
    ``source``) in a per-document format, with the options that renderer declares."""
    if ("check", fmt) not in PER_DOCUMENT:
        raise UsageError(f"-f {fmt} is a report format, not a copy of each draft")
    func = renderer("check", fmt)
    data: bytes = func(report, document, source, **_accepted(func, options))
    return data
