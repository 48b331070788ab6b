"""The HTML report in a real browser (Debian's chromium via playwright).

Skips when chromium or playwright is absent, unless ESA_REQUIRE_BROWSER=1 (CI), where that is a failure.
Screenshots go to tests/artifacts/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import attrs
import pytest
from conftest_reports import two_document_report

from esa_rules.reporters import html
from esa_rules.reporters import json as json_reporter

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = os.environ.get("ESA_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("ESA_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("python playwright is not installed")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield instance
        instance.close()


class Page:
    """A page with everything that should never happen recorded: errors, dialogs, network fetches."""

    def __init__(self, browser, path: Path) -> None:
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("console", lambda m: self.problems.append(f"console: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.on("request", self._request)
        self.page.goto(path.as_uri())

    def _dialog(self, dialog) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def _request(self, request) -> None:
        if not request.url.startswith(("file:", "data:", "about:")):
            self.problems.append(f"fetch: {request.url}")

    def visible(self, selector: str) -> list[str]:
        return self.page.eval_on_selector_all(
            selector, "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


def _waived_two_documents():
    report = two_document_report()
    first = report.documents[0]
    findings = tuple(
        attrs.evolve(f, status="waived", waived_status=f.status,
                     waiver="Covered by the side letter (approved by Chief negotiator, until 2027-03-31)")
        if f.provision == "ESA-COM-1" else f
        for f in first.findings
    )
    return attrs.evolve(report, documents=(attrs.evolve(first, findings=findings), *report.documents[1:]))


def test_report_in_a_browser(browser, tmp_path: Path) -> None:
    report = _waived_two_documents()
    path = tmp_path / "report.html"
    path.write_text(html.render(report), encoding="utf-8")
    page = Page(browser, path)
    p = page.page
    p.wait_for_selector("html.js")

    # the summary says what the JSON report says
    shown = {el.get_attribute("data-summary"): int(el.inner_text().split()[-1])
             for el in p.query_selector_all("#totals .total")}
    assert shown == json.loads(json_reporter.render(report))["summary"]

    everything = page.visible("article.finding")
    assert len(everything) == 8
    assert p.inner_text("#shown-count") == "Showing 8 of 8 findings"
    ARTIFACTS.mkdir(exist_ok=True)
    p.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)

    # a reviewer hides what is fine: satisfied findings go, the rest stay
    p.uncheck('input[name="status"][value="satisfied"]')
    remaining = page.visible("article.finding")
    assert len(remaining) == 6 and not any(i.endswith("esa-inv-1") for i in remaining)
    assert p.inner_text("#shown-count") == "Showing 6 of 8 findings"
    p.select_option("#topic-filter", "export-controls")
    assert page.visible("article.finding") == ["doc1-esa-exp-1", "doc2-esa-exp-1"]
    p.uncheck('input[name="severity"][value="error"]')
    assert page.visible("article.finding") == []
    assert p.is_visible("#doc1 .none-shown")
    p.check('input[name="severity"][value="error"]')
    p.select_option("#topic-filter", "")
    p.check('input[name="status"][value="satisfied"]')
    assert len(page.visible("article.finding")) == 8

    # the copy button answers (clipboard or select-and-copy fallback), and is reachable by keyboard
    button = p.locator('button[data-copy="doc2-esa-com-1-suggest"]')
    button.focus()
    p.keyboard.press("Enter")
    p.wait_for_function(
        "b => b.textContent === 'Copied' || b.textContent === 'Select and copy'", arg=button.element_handle(),
        timeout=3000)

    # the hostile quote stayed text: it is shown, and nothing ran
    assert "<script>alert" in p.inner_text("#doc1-esa-coe-2 blockquote")
    assert page.problems == []


def test_readable_without_javascript(browser, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(html.render(two_document_report()), encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    p = context.new_page()
    p.goto(path.as_uri())
    assert len(p.query_selector_all("article.finding")) == 8
    assert all(a.is_visible() for a in p.query_selector_all("article.finding"))
    assert not p.is_visible("form.filters") and not p.is_visible("button.copy")
    p.emulate_media(media="print")
    assert not p.is_visible("form.filters")
    context.close()


def test_sample_texts_report(browser, tmp_path: Path) -> None:
    """The report of the shipped sample drafts, as a reviewer would open it."""
    samples = Path(__file__).resolve().parents[1] / "sample_texts"
    try:
        from esa_rules.api import check_paths, load_rulesets
        from esa_rules.engine import Checker
    except ImportError as exc:  # the engine is not in this checkout
        pytest.skip(f"engine unavailable: {exc}")
    report = check_paths(Checker(load_rulesets([])), [str(samples)], jobs=1)
    assert report.documents, "no sample drafts were read"
    path = tmp_path / "samples.html"
    path.write_text(html.render(report), encoding="utf-8")
    page = Page(browser, path)
    page.page.wait_for_selector("html.js")
    counts = {el.get_attribute("data-summary"): int(el.get_attribute("data-count"))
              for el in page.page.query_selector_all("#totals .total")}
    assert counts == report.summary()
    assert len(page.visible("article.finding")) == sum(len(d.findings) for d in report.documents)
    ARTIFACTS.mkdir(exist_ok=True)
    # the page is tens of thousands of pixels tall: the top, and one weak finding, tell a reviewer enough
    page.page.screenshot(path=str(ARTIFACTS / "samples.png"))
    weak = page.page.locator('article.finding[data-status="weak"]').first
    if weak.count():
        weak.screenshot(path=str(ARTIFACTS / "samples-weak.png"))
    assert page.problems == []
