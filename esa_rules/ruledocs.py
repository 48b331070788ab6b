"""Documentation of provisions, generated from their fields (`esa-rules rules`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from esa_rules.dsl.ast import Provision, Ruleset
from esa_rules.topics import TOPICS


def _provision_dict(ruleset: Ruleset, p: Provision) -> dict[str, Any]:
    return {
        "id": p.id, "title": p.title, "topic": p.topic, "severity": p.severity, "expects": p.expects,
        "why": p.why, "source": p.source, "suggest": p.suggest, "ruleset": ruleset.name,
        "examples": [{"status": e.status, "text": e.text} for e in p.examples],
    }


def render_rules(rulesets: Sequence[Ruleset], fmt: str) -> str:
    entries = [(r, p) for r in rulesets for p in r.provisions]
    if fmt == "json":
        data = {
            "rulesets": [{"name": r.name, "title": r.title, "version": r.version} for r in rulesets],
            "provisions": [_provision_dict(r, p) for r, p in entries],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _markdown(rulesets, entries)
    width = max((len(p.id) for _, p in entries), default=10)
    lines = [f"{p.id:<{width}}  {p.topic:<24} {p.severity:<8} {p.title}" for _, p in entries]
    lines.append(f"{len(entries)} provisions")
    return "\n".join(lines) + "\n"


def _markdown(rulesets: Sequence[Ruleset], entries: list[tuple[Ruleset, Provision]]) -> str:
    out: list[str] = []
    for r in rulesets:
        out.append(f"# {r.name}" + (f": {r.title}" if r.title else ""))
        out.append("")
        if r.version:
            out.append(f"Version {r.version}.")
            out.append("")
    by_topic: dict[str, list[tuple[Ruleset, Provision]]] = {}
    for r, p in entries:
        by_topic.setdefault(p.topic, []).append((r, p))
    out.append("| id | topic | severity | title |")
    out.append("|---|---|---|---|")
    out.extend(f"| [{p.id}](#{p.id.lower()}) | {p.topic} | {p.severity} | {p.title} |" for _, p in entries)
    out.append("")
    for topic in sorted(by_topic, key=lambda t: list(TOPICS).index(t) if t in TOPICS else 99):
        out.append(f"## {topic}")
        out.append("")
        out.append(TOPICS.get(topic, "") + ".")
        out.append("")
        for r, p in by_topic[topic]:
            out.append(f"### {p.id}")
            out.append("")
            out.append(f"**{p.title}** · severity `{p.severity}` · expects {p.expects} · ruleset `{r.name}`")
            out.append("")
            if p.why:
                out.append(f"Why: {p.why}")
                out.append("")
            if p.source:
                out.append(f"Source: {p.source}")
                out.append("")
            if p.suggest:
                out.append("Model wording:")
                out.append("")
                out.append(f"> {p.suggest}")
                out.append("")
            if p.examples:
                out.append("Examples:")
                out.append("")
                out.extend(f"- *{e.status}*: {e.text}" for e in p.examples)
                out.append("")
    return "\n".join(out).rstrip() + "\n"
