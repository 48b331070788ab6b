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
