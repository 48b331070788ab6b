"""``esa-rules eval``: how well the rulesets agree with a labelled corpus.

A label row says what a reviewer expects of one provision (or one topic) in one draft: satisfied, weak,
missing, violated, or ``present`` (satisfied or weak: the reviewer only says the draft covers it).
Detection is scored as a yes/no question, "does the draft contain the provision?": a true positive is a
provision the reviewer finds present and the engine finds satisfied or weak. Precision, recall and F1
follow from that, per provision, per topic and overall (micro-averaged). Strength accuracy is scored
separately, on rows where both sides found it present and the reviewer said which strength: did the
engine tell binding from weak?

A topic label is compared with the topic's status in the draft: violated if any of its provisions is
violated, else the best status among them (satisfied, then weak, then missing).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from esa_rules.dsl.ast import Ruleset
from esa_rules.dsl.checks import did_you_mean
from esa_rules.engine import Checker
from esa_rules.errors import InputError
from esa_rules.readers import read
from esa_rules.report import DocumentResult

EXPECTED = ("satisfied", "weak", "missing", "violated", "present")
PRESENT = frozenset({"satisfied", "weak", "present"})
_BEST = ("satisfied", "weak", "missing")


@attrs.frozen
class Row:
    path: str
    target: str  # a provision id, or a topic
    kind: str  # provision | topic
    topic: str
    expected: str
    actual: str
    line: int  # in the CSV

    @property
    def correct(self) -> bool:
        return self.actual in ("satisfied", "weak") if self.expected == "present" else self.actual == self.expected


@attrs.frozen
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    strength_right: int = 0
    strength_total: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strength_accuracy(self) -> float | None:
        return self.strength_right / self.strength_total if self.strength_total else None


@attrs.frozen
class EvalResult:
    labels: str
    rows: tuple[Row, ...]
    by_provision: dict[str, Score]
    by_topic: dict[str, Score]
    overall: Score


def score(rows: Iterable[Row]) -> Score:
    tp = fp = fn = tn = right = total = 0
    for row in rows:
        said, found = row.expected in PRESENT, row.actual in ("satisfied", "weak")
        tp += said and found
        fp += found and not said
        fn += said and not found
        tn += not said and not found
        if said and found and row.expected != "present":
            total += 1
            right += row.actual == row.expected
    return Score(tp, fp, fn, tn, right, total)


def read_labels(labels: str) -> list[tuple[int, str, str, str, str]]:
    """(line, path, kind, target, expected) for each row, checked for shape; paths as written."""
    try:
        with open(labels, encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read labels: {exc}", path=labels) from None
    if not table:
        raise InputError("labels file is empty", path=labels, line=1)
    header = [h.strip().lower() for h in table[0]]
    if header not in (["path", "provision", "expected"], ["path", "topic", "expected"]):
        raise InputError(f"header must be path,provision,expected or path,topic,expected, not {','.join(header)}",
                         path=labels, line=1)
    out = []
    for line, cells in enumerate(table[1:], 2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != 3:
            raise InputError(f"expected 3 columns, found {len(cells)}", path=labels, line=line)
        path, target, expected = (c.strip() for c in cells)
        if expected not in EXPECTED:
            raise InputError(f"unknown expected status '{expected}'", path=labels, line=line,
                             hint=did_you_mean(expected, EXPECTED) or "one of " + ", ".join(EXPECTED))
        out.append((line, path, header[1], target, expected))
    return out


def _locate(path: str, labels: str) -> str:
    """A draft path as given (from the current folder), else relative to the labels file."""
    if Path(path).exists():
        return path
    beside = Path(labels).parent / path
    return str(beside) if beside.exists() else path


def evaluate_labels(labels: str, rulesets: Sequence[Ruleset]) -> EvalResult:
    checker = Checker(rulesets)
    topic_of = {p.id: p.topic for p in checker.provisions}
    topics = sorted(set(topic_of.values()))
    results: dict[str, DocumentResult] = {}
    rows: list[Row] = []
    for line, path, kind, target, expected in read_labels(labels):
        known = topic_of if kind == "provision" else topics
        if target not in known:
            raise InputError(f"unknown {kind} '{target}' (not in the active rulesets)", path=labels, line=line,
                             hint=did_you_mean(target, known))
        if path not in results:
            try:
                results[path] = checker.check(read(_locate(path, labels)))
            except InputError as exc:
                raise InputError(f"draft {path}: {exc.message}", path=labels, line=line) from None
        found = results[path].findings
        if kind == "provision":
            actual = next(f.status for f in found if f.provision == target)
            rows.append(Row(path, target, kind, topic_of[target], expected, actual, line))
        else:
            rows.append(Row(path, target, kind, target, expected,
                            topic_status([f.status for f in found if f.topic == target]), line))
    by_provision: dict[str, list[Row]] = defaultdict(list)
    by_topic: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.kind == "provision":
            by_provision[row.target].append(row)
        by_topic[row.topic].append(row)
    return EvalResult(labels, tuple(rows), {k: score(v) for k, v in sorted(by_provision.items())},
                      {k: score(v) for k, v in sorted(by_topic.items())}, score(rows))


def topic_status(statuses: Sequence[str]) -> str:
    if "violated" in statuses:
        return "violated"
    return next((s for s in _BEST if s in statuses), "missing")


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def render_eval_text(result: EvalResult, min_f1: float | None = None) -> str:
    head = f"{'':<28} {'n':>4} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>5} {'R':>5} {'F1':>5} {'strength':>8}"

    def line(name: str, s: Score) -> str:
        n = s.tp + s.fp + s.fn + s.tn
        return (f"{name:<28} {n:>4} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>5.2f} {s.recall:>5.2f} "
                f"{s.f1:>5.2f} {_pct(s.strength_accuracy):>8}")

    out = [f"labels: {result.labels} ({len(result.rows)} rows)", ""]
    if result.by_provision:
        out += ["per provision", head] + [line(k, s) for k, s in result.by_provision.items()] + [""]
    out += ["per topic", head] + [line(k, s) for k, s in result.by_topic.items()] + [""]
    out += [line("overall (micro)", result.overall)]
    exact = sum(r.correct for r in result.rows)
    out.append(f"exact status agreement: {exact}/{len(result.rows)}")
    wrong = [r for r in result.rows if not r.correct]
    if wrong:
        out += ["", "disagreements:"]
        out += [f"  {result.labels}:{r.line}: {r.path} {r.target}: expected {r.expected}, got {r.actual}"
                for r in wrong]
    if min_f1 is not None:
        verdict = "below" if result.overall.f1 < min_f1 else "meets"
        out += ["", f"F1 {result.overall.f1:.3f} {verdict} the minimum {min_f1:.3f}"]
    return "\n".join(out) + "\n"


def _score_dict(s: Score) -> dict[str, object]:
    return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "tn": s.tn, "precision": round(s.precision, 4),
            "recall": round(s.recall, 4), "f1": round(s.f1, 4),
            "strength_accuracy": None if s.strength_accuracy is None else round(s.strength_accuracy, 4),
            "strength_rows": s.strength_total}


def render_eval_json(result: EvalResult, min_f1: float | None = None) -> str:
    data = {
        "schema": "esa-rules.eval/1",
        "labels": result.labels,
        "overall": _score_dict(result.overall),
        "exact": sum(r.correct for r in result.rows),
        "rows": len(result.rows),
        "min_f1": min_f1,
        "passed": None if min_f1 is None else result.overall.f1 >= min_f1,
        "by_provision": {k: _score_dict(s) for k, s in result.by_provision.items()},
        "by_topic": {k: _score_dict(s) for k, s in result.by_topic.items()},
        "disagreements": [{"line": r.line, "path": r.path, "target": r.target, "expected": r.expected,
                           "actual": r.actual} for r in result.rows if not r.correct],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
