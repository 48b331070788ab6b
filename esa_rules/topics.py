"""The topics of the JSON contract (ARCHITECTURE section 6). Every provision carries exactly one."""

from __future__ import annotations

TOPICS: dict[str, str] = {
    "investment-screening": "Screening of foreign investment for national security, aligned and cooperating",
    "export-controls": "Coordinated controls on dual-use and critical technologies",
    "compartmentalization": "Disputes in one area do not suspend or block economic security cooperation",
    "economic-coercion": "Consultation and coordinated response to coercion by a third country",
    "non-market-economies": "Addressing non-market policies and practices; notice before FTAs with them",
    "critical-sectors": "Binding market-opening rules in critical sectors (critical minerals, semiconductors)",
    "supply-chain-resilience": "Critical goods identified, monitored, disruptions met jointly, sources diversified",
    "essential-security": "An essential security exception (self-judging, GATT Article XXI style)",
    "institutional-mechanism": "A standing economic security body with a mandate, meetings and deadlines",
}

# How a reader writes each topic. Written out, because turning the identifier's hyphens into spaces
# breaks the compounds that keep theirs ("non-market", "supply-chain" as a modifier).
TOPIC_LABELS: dict[str, str] = {
    "investment-screening": "Investment screening",
    "export-controls": "Export controls",
    "compartmentalization": "Compartmentalization",
    "economic-coercion": "Economic coercion",
    "non-market-economies": "Non-market economies",
    "critical-sectors": "Critical sectors",
    "supply-chain-resilience": "Supply-chain resilience",
    "essential-security": "Essential security",
    "institutional-mechanism": "Institutional mechanism",
}


def topic_label(topic: str) -> str:
    """The label of a topic; a topic outside the table (a future one) gets its identifier spelt out."""
    return TOPIC_LABELS.get(topic) or topic.replace("-", " ").capitalize()
