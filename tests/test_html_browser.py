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

    def __init__(self, browser, path: Path, width: int = 1400) -> None:
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900})
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
        """Ids of the matches a reader can see (not filtered out, not inside a closed fold)."""
        return self.page.eval_on_selector_all(selector, "els => els.filter(e => e.checkVisibility()).map(e => e.id)")

    def filtered_in(self, selector: str) -> list[str]:
        """Ids of the matches the filters let through, folded or not."""
        return self.page.eval_on_selector_all(selector, "els => els.filter(e => !e.hidden).map(e => e.id)")


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

    # gaps are open to read; each document's satisfied provisions fold into one line
    assert len(page.visible("article.finding")) == 6
    assert p.inner_text("#shown-count") == "Showing 8 of 8 findings"
    assert not p.is_visible("#doc1-esa-inv-1")
    p.click("#doc1-satisfied > summary")
    assert p.is_visible("#doc1-esa-inv-1")
    ARTIFACTS.mkdir(exist_ok=True)
    p.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)

    # a reviewer hides what is fine: satisfied findings go, and so does their fold
    p.uncheck('input[name="status"][value="satisfied"]')
    remaining = page.filtered_in("article.finding")
    assert len(remaining) == 6 and not any(i.endswith("esa-inv-1") for i in remaining)
    assert not p.is_visible("#doc1-satisfied")
    assert p.inner_text("#shown-count") == "Showing 6 of 8 findings"
    p.select_option("#topic-filter", "export-controls")
    assert page.visible("article.finding") == ["doc1-esa-exp-1", "doc2-esa-exp-1"]
    p.uncheck('input[name="severity"][value="error"]')
    assert page.visible("article.finding") == []
    assert p.is_visible("#doc1 .none-shown")
    p.check('input[name="severity"][value="error"]')
    p.select_option("#topic-filter", "")
    p.check('input[name="status"][value="satisfied"]')
    assert len(page.filtered_in("article.finding")) == 8

    # the matrix links to a folded satisfied finding: following it opens the fold
    p.click("#doc1-satisfied > summary")  # close it again
    p.click('.matrix a[href="#doc2-esa-inv-1"]')
    p.wait_for_function("() => document.getElementById('doc2-satisfied').open")
    assert p.is_visible("#doc2-esa-inv-1")

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
    gaps = p.query_selector_all("article.finding:not(.finding-satisfied)")
    assert len(gaps) == 6 and all(a.is_visible() for a in gaps)
    p.click("#doc1-satisfied > summary")  # a native fold: it opens without a script
    assert p.is_visible("#doc1-esa-inv-1")
    assert not p.is_visible("form.filters") and not p.is_visible("button.copy")
    p.emulate_media(media="print")
    assert not p.is_visible("form.filters")
    context.close()


SAMPLES = Path(__file__).resolve().parents[1] / "sample_texts"
# Twelve drafts under long, multi-word file names: the case that broke names mid-word in the matrix.
MANY_NAMES = [
    "trade_ministers_round_one_economic_security_chapter_with_firewall", "eu_dialogue_draft_v2",
    "japan_semiconductor_annex", "australia-critical-minerals-compact", "uk_screening_protocol",
    "usmca_review_chapter_32", "KoreaChapterAnnexedItems", "canada_modernisation", "memorandum_participants",
    "carve_out_heavy", "distractor_social_security", "final_complete_text",
]

# Everything wider than the window, outside the matrix box (which scrolls on its own), names the culprit.
OVERFLOW_JS = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return {extra: 0, culprits: []};
  const culprits = [...document.querySelectorAll('body *')]
    .filter(e => !e.closest('.matrix-scroll') && e.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(0, 5).map(e => e.tagName + '.' + e.className);
  return {extra: root.scrollWidth - root.clientWidth, culprits};
}"""
# A text node between two <wbr> is one word of a file name: it must sit on one line.
SPLIT_NAMES_JS = """() => {
  const split = [];
  for (const code of document.querySelectorAll('.matrix .doc-col code, .doc-heading code, .toc code')) {
    for (const node of code.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) split.push(node.textContent);
    }
  }
  return split;
}"""
STICKY_JS = """() => {
  const box = document.querySelector('.matrix-scroll');
  box.scrollLeft = box.scrollWidth;
  const first = box.querySelector('tbody th.prov').getBoundingClientRect().left;
  return {scrolls: box.scrollLeft > 0, offset: first - box.getBoundingClientRect().left};
}"""


def _check(folder: Path) -> object:
    try:
        from esa_rules.api import check_paths, load_rulesets
        from esa_rules.engine import Checker
    except ImportError as exc:  # the engine is not in this checkout
        pytest.skip(f"engine unavailable: {exc}")
    return check_paths(Checker(load_rulesets([])), [str(folder)], jobs=1)


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, tuple[object, Path]]:
    """The shipped samples' report, and one of twelve drafts with long names, rendered once."""
    out = tmp_path_factory.mktemp("reports")
    many = out / "many"
    many.mkdir()
    drafts = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md"})
    for n, name in enumerate(MANY_NAMES):
        source = drafts[n % len(drafts)]
        shutil.copy(source, many / f"{name}{source.suffix}")
    built = {}
    for key, folder in (("samples", SAMPLES), ("many", many)):
        report = _check(folder)
        path = out / f"{key}.html"
        path.write_text(html.render(report), encoding="utf-8")
        built[key] = (report, path)
    return built


def _fits_the_window(page: Page, name: str) -> None:
    """At a desktop's and a phone's width: no sideways scrolling, the matrix scrolls in its own box with
    its first column in view, and file names wrap between their words only. Screenshots for a person."""
    p = page.page
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1400, 390):
        p.set_viewport_size({"width": width, "height": 900})
        p.eval_on_selector_all("details", "els => els.forEach(d => { d.open = false; })")
        p.evaluate("() => window.scrollTo(0, 0)")
        p.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"))
        assert p.evaluate(OVERFLOW_JS) == {"extra": 0, "culprits": []}, width
        # opened folds (coverage tables, satisfied quotes) must fit as well
        p.eval_on_selector_all("details", "els => els.forEach(d => { d.open = true; })")
        assert p.evaluate(OVERFLOW_JS) == {"extra": 0, "culprits": []}, width
        assert p.evaluate(SPLIT_NAMES_JS) == [], width
        sticky = p.evaluate(STICKY_JS)
        if width < 500:
            assert sticky["scrolls"], "on a phone the matrix should scroll in its box"
        assert abs(sticky["offset"]) <= 1, f"the provision column scrolled away with the cells at {width}px"


def test_sample_texts_report(browser, reports) -> None:
    """The report of the shipped sample drafts, as a reviewer would open it, on a desktop and a phone."""
    report, path = reports["samples"]
    assert report.documents, "no sample drafts were read"
    page = Page(browser, path)
    page.page.wait_for_selector("html.js")
    counts = {el.get_attribute("data-summary"): int(el.get_attribute("data-count"))
              for el in page.page.query_selector_all("#totals .total")}
    assert counts == report.summary()
    gaps = sum(1 for d in report.documents for f in d.findings if f.status != "satisfied")
    assert len(page.visible("article.finding")) == gaps  # satisfied ones wait in their folds
    assert len(page.filtered_in("article.finding")) == sum(len(d.findings) for d in report.documents)
    assert page.page.is_visible("nav.toc") and page.page.is_visible(".matrix")
    weak = page.page.locator('article.finding[data-status="weak"]').first
    if weak.count():
        ARTIFACTS.mkdir(exist_ok=True)
        weak.screenshot(path=str(ARTIFACTS / "samples-weak.png"))
    _fits_the_window(page, "samples")
    assert page.problems == []


def test_twelve_documents_fit_the_window(browser, reports) -> None:
    report, path = reports["many"]
    assert len(report.documents) == len(MANY_NAMES)
    page = Page(browser, path)
    page.page.wait_for_selector("html.js")
    sticky = page.page.evaluate(STICKY_JS)
    assert sticky["scrolls"], "twelve documents should need the matrix to scroll even on a desktop"
    _fits_the_window(page, "many")
    assert page.problems == []
