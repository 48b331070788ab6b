"""Hand-built Reports for reporter, waiver and diff tests, so they do not depend on the engine.

The wording is written for this project in the style of treaty drafts; none of it is quoted from a
real agreement.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from esa_rules.report import (
    DocumentResult,
    Evidence,
    Finding,
    InputFailure,
    Match,
    Nearest,
    Report,
    RulesetInfo,
)

RULESET = RulesetInfo(name="esa-core", version="1.0", sha256="0" * 64, title="Core provisions")

INV_QUOTE = (
    "Each Party shall maintain a mechanism to review foreign investments for risks to national security."
)
EXP_QUOTE = "The Parties shall endeavour to coordinate their controls on dual-use items, as appropriate."
HOSTILE_QUOTE = 'The Parties shall consult <script>alert("x")</script> on "><img src=x onerror=alert(1)> coercion.'


def _span(quote: str, phrase: str, term: str) -> Match:
    start = quote.index(phrase)
    return Match(term=term, start=start, end=start + len(phrase))


def inv_satisfied(eid: str = "chp_3__art_3.2__para_1", line: int = 41, key: str | None = None) -> Finding:
    return Finding(
        provision="ESA-INV-1",
        title="Investment screening alignment",
        topic="investment-screening",
        severity="error",
        status="satisfied",
        message="binding screening obligation tied to national security",
        evidence=(
            Evidence(
                unit="Article 3.2, paragraph 1", eid=eid, line=line, column=1, end_line=line + 1,
                quote=INV_QUOTE,
                matches=(
                    _span(INV_QUOTE, "review foreign investments", "screening"),
                    _span(INV_QUOTE, "national security", "security"),
                ),
                key=key,
            ),
        ),
        why="Investment screening is central to the trust partners place in each other.",
        source="Launch Economic Security Agreements (CNAS, 2025)",
        suggest="Each Party shall maintain a mechanism to review foreign investment for risks to national "
        "security.",
        ruleset="esa-core",
    )


def exp_weak(eid: str = "chp_4__art_4.1", line: int = 60) -> Finding:
    return Finding(
        provision="ESA-EXP-1",
        title="Export control coordination",
        topic="export-controls",
        severity="error",
        status="weak",
        message="export control coordination is only hortatory",
        evidence=(
            Evidence(
                unit="Article 4.1", eid=eid, line=line, column=5, end_line=line,
                quote=EXP_QUOTE,
                matches=(_span(EXP_QUOTE, "coordinate their controls", "coordinate"),),
                strength="soft",
            ),
            Evidence(
                unit="Article 4.1", eid=eid, line=line, column=5, end_line=line,
                quote=EXP_QUOTE,
                matches=(
                    _span(EXP_QUOTE, "shall endeavour", "soft"),
                    _span(EXP_QUOTE, "as appropriate", "soft"),
                ),
                strength="soft", role="soft-wording",
            ),
        ),
        reasons=("soft wording: 'shall endeavour', 'as appropriate'",),
        why="Controls only work when partners align them.",
        suggest="The Parties shall coordinate their export controls on dual-use items.",
        ruleset="esa-core",
    )


def com_missing(nearest: bool = True) -> Finding:
    return Finding(
        provision="ESA-COM-1",
        title="Compartmentalization of disputes",
        topic="compartmentalization",
        severity="warning",
        status="missing",
        message="no clause keeps economic security cooperation out of trade disputes",
        nearest=Nearest(
            unit="Article 9.4", eid="chp_9__art_9.4", line=112, lacks=("suspend", "cooperation"),
            has=("dispute",),
        ) if nearest else None,
        suggest="A dispute under Chapter 20 shall not suspend cooperation under this Chapter.",
        why="A tariff quarrel must not switch off security cooperation.",
        ruleset="esa-core",
    )


def coe_violated(quote: str = HOSTILE_QUOTE) -> Finding:
    return Finding(
        provision="ESA-COE-2",
        title="No acquiescence to coercion",
        topic="economic-coercion",
        severity="info",
        status="violated",
        message="forbidden wording found",
        evidence=(
            Evidence(
                unit="Article 7.1", eid="chp_7__art_7.1", line=88, column=1, end_line=88, quote=quote,
                matches=(_span(quote, "consult", "consult"),), role="forbid",
            ),
        ),
        reasons=("forbidden wording: 'consult'",),
        ruleset="esa-core",
    )


def document(path: str = "drafts/uk-ch3.txt", findings: tuple[Finding, ...] | None = None) -> DocumentResult:
    if findings is None:
        findings = (com_missing(), coe_violated(), exp_weak(), inv_satisfied())
    return DocumentResult(
        path=path, sha256="a" * 64, title="Draft Economic Security Chapter", findings=findings,
    )


def sample_report(documents: tuple[DocumentResult, ...] | None = None) -> Report:
    if documents is None:
        documents = (document(),)
    return Report(rulesets=(RULESET,), documents=documents)


def waived_report(provision: str, waiver: str) -> Report:
    """The sample report with one finding waived (keeping the gap it covers in ``waived_status``)."""
    doc = document()
    findings = tuple(
        attrs.evolve(f, status="waived", waiver=waiver, waived_status=f.status) if f.provision == provision else f
        for f in doc.findings
    )
    return sample_report((attrs.evolve(doc, findings=findings),))


def two_document_report() -> Report:
    second = document(
        "drafts/jp-ch3.txt",
        (com_missing(nearest=False), coe_violated("The Parties shall consult on coercion."),
         exp_weak(), inv_satisfied()),
    )
    return Report(
        rulesets=(RULESET,), documents=(document(), second),
        failures=(InputFailure(path="drafts/broken.docx", message="not a zip file"),),
    )


GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/<name>; rewrite it only when ESA_UPDATE_GOLDEN=1 is set explicitly."""
    path = GOLDEN / name
    if os.environ.get("ESA_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"missing golden file {path}; run with ESA_UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file; if intended, ESA_UPDATE_GOLDEN=1"
