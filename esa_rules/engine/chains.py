"""Links that lead on to other links: what a link carries when its source holds the site of another.

Two hops are taken, each inside what a reader would follow without turning a page:
- a paragraph cited for "the goods referred to in paragraph 1" carries what its own reference to the Appendix
  carries, the minerals listed there (within its article; a citation of other articles does not reach on into
  what they cite, but a schedule bound by reference carries the appendices its rows cite);
- a back-reference carries the definition of a term its antecedent uses: "receipt of the request" after
  "A Party subject to Pressure from a Third Country may send a request" stands for the pressure as defined.
  That definition is given as a link of its own, first, so that its words keep their own order
  (``conditions._in_source_order``) rather than mixing with the antecedent's.
"""

from __future__ import annotations

from bisect import bisect_left

from esa_rules.engine.references import Resolver
from esa_rules.engine.structure import Link

Carried = list[tuple[int, tuple[int, int]]]  # (term id, where the source holds it), first per term


def chain(links: list[Link], carried: list[Carried], resolver: Resolver) -> tuple[list[Link], list[Carried]]:
    """``links`` and what each carries (``carried``, updated in place), with the definitions antecedents lead
    to put first as links of their own."""
    by_site = sorted(range(len(links)), key=lambda i: links[i].site)
    site_starts = [links[i].site[0] for i in by_site]
    chained: list[tuple[Link, Carried]] = []
    for i, link in enumerate(links):
        start, end = link.source
        if link.kind == "reference" and not link.wholly:
            article = resolver.enclosing(link.site[0], "article")
            if article is None or not article.start <= start < end <= article.end:
                continue
        elif link.kind not in ("reference", "antecedent"):
            continue
        known = {tid for tid, _ in carried[i]} if link.kind == "reference" else set()
        for j in by_site[bisect_left(site_starts, start):bisect_left(site_starts, end)]:
            if j == i or links[j].site[1] > end:
                continue
            if link.kind == "antecedent" and links[j].kind == "definition":
                chained.append((Link("definition", link.site, links[j].source, links[j].label), carried[j]))
            elif link.kind == "reference" and links[j].kind == "reference":
                extra = [(tid, hit) for tid, hit in carried[j] if tid not in known]
                known.update(tid for tid, _ in extra)
                carried[i] = [*carried[i], *extra]
    return [*(c[0] for c in chained), *links], [*(c[1] for c in chained), *carried]
