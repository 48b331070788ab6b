"""Run the `example` statements of rulesets: each example text must get the status it declares."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from esa_rules.dsl import load
from esa_rules.dsl.ast import Ruleset
from esa_rules.engine import Checker
from esa_rules.explain import explain, render_text
from esa_rules.readers import read_text
from esa_rules.report import Finding
from esa_rules.resources import shipped_rulesets


@attrs.frozen
class ExampleResult:
    ruleset: str
    provision: str
    expected: str
    actual: str
    text: str
    line: int | None
    path: str
    finding: Finding
    explanation: str | None = None  # the explain tree, for a failing example only
    tested: str = ""  # the file of the ruleset under test; differs from ``path`` for an included provision

    @property
    def passed(self) -> bool:
        return self.expected == self.actual


def run_examples(rulesets: Sequence[Ruleset | str], only: str | None = None) -> list[ExampleResult]:
    """Check every example of the rulesets (loaded, or names/paths to load); a provision that two of
    them include from the same file is run once."""
    results: list[ExampleResult] = []
    seen: set[tuple[str, str]] = set()
    for spec in rulesets:
        ruleset = load(spec) if isinstance(spec, str) else spec
        checker = Checker([ruleset])
        for provision in ruleset.provisions:
            origin = provision.pos.path if provision.pos else ruleset.path
            if (origin, provision.id) in seen or (only and only not in provision.id):
                continue
            seen.add((origin, provision.id))
            for example in provision.examples:
                document = read_text(example.text, f"<example {provision.id}>")
                result = checker.check(document)
                finding = next(f for f in result.findings if f.provision == provision.id)
                # explaining costs a second evaluation: only a failure, which someone must debug, pays it
                explanation = None
                if finding.status != example.status:
                    explanation = render_text(explain(checker, provision.id, document))
                results.append(ExampleResult(
                    ruleset.name, provision.id, example.status, finding.status, example.text,
                    example.pos.line if example.pos else None, origin, finding, explanation, ruleset.path))
    return results


def _origin(path: str) -> str:
    """How to name the file a provision was written in: a shipped ruleset by its name, else its path."""
    shipped = {str(p): name for name, p in shipped_rulesets().items()}
    return shipped.get(str(path), str(path))


def _by_origin(results: Sequence[ExampleResult]) -> list[str]:
    """One line per ruleset file the examples came from, so an included ruleset's hundreds of passes
    read as one line and the including file's own examples stand apart."""
    lines = []
    origins = list(dict.fromkeys(r.path for r in results))
    included = {o for o in origins if all(r.tested != o for r in results if r.path == o)}
    for origin in sorted(origins, key=lambda o: o in included):  # the files under test first
        mine = [r for r in results if r.path == origin]
        failed = sum(not r.passed for r in mine)
        verdict = "all passed" if not failed else f"{len(mine) - failed} passed, {failed} failed"
        lines.append(f"{_origin(origin)}{' (included)' if origin in included else ''}: "
                     f"{len(mine)} example{'s' if len(mine) != 1 else ''}, {verdict}")
    return lines


def render_results(results: Sequence[ExampleResult], verbose: bool = False) -> str:
    """Failures in full (the text, the engine's message, the explain tree), then a summary; ``verbose``
    also lists every passing example."""
    out: list[str] = []
    for r in results:
        if r.passed:
            if verbose:
                out.append(f"PASS {r.provision} expected {r.expected}, got {r.actual}")
        else:
            where = f"{r.path}:{r.line}: " if r.line else ""
            out.append(f"FAIL {where}{r.provision}: expected {r.expected}, got {r.actual}")
            out.append(f"     text: {r.text}")
            out.append(f"     engine: {r.finding.message}")
            if r.explanation:
                out.extend("     | " + line if line else "     |" for line in r.explanation.splitlines())
    if not results:
        out.append("no examples found")
    if out:
        out.append("")
    out += _by_origin(results)
    out.append(confusion_table(results))
    failed = sum(not r.passed for r in results)
    out.append(f"examples: {len(results) - failed} passed, {failed} failed")
    return "\n".join(out) + "\n"


def confusion_table(results: Sequence[ExampleResult]) -> str:
    """Per expected status: true positives, false positives (another status predicted as it), false negatives."""
    statuses = ["satisfied", "weak", "missing", "violated"]
    tp = Counter(r.expected for r in results if r.passed)
    fp = Counter(r.actual for r in results if not r.passed)
    fn = Counter(r.expected for r in results if not r.passed)
    rows = [f"{'status':<10} {'TP':>4} {'FP':>4} {'FN':>4}"]
    rows += [f"{s:<10} {tp[s]:>4} {fp[s]:>4} {fn[s]:>4}" for s in statuses]
    return "\n".join(rows)
