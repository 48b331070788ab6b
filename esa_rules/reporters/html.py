"""The HTML gap report: one self-contained page for a reviewer who reads rather than greps.

``html_view`` builds a view model (plain attrs records of strings and numbers); the jinja2 template
loops over it with autoescape on, so draft text can never become markup. The inline script is allowed
by a Content-Security-Policy hash rather than 'unsafe-inline', so even an escaping bug could not run an
injected script.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from esa_rules.report import Report
from esa_rules.reporters.html_view import ReportView, build_view
from esa_rules.reporters.quotes import ROLE_LABELS, Segment, segments

__all__ = ["ROLE_LABELS", "ReportView", "Segment", "build_view", "render", "render_page", "script_hash",
           "segments"]

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.globals["asset"] = asset
    return env


@cache
def asset(name: str) -> Markup:
    # CSS and JS are ours, read verbatim (not rendered) so braces in them never meet jinja.
    return Markup((TEMPLATES / name).read_text(encoding="utf-8"))


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_page(template: str, **context: object) -> str:
    script = asset("report.js")
    return environment().get_template(template).render(
        css=asset("report.css"), script=script, script_hash=script_hash(str(script)), **context,
    )


def render(report: Report, *, fail_on: str = "error") -> str:
    return render_page("report.html.j2", view=build_view(report, fail_on))
