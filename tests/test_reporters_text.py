"""The terminal lint: severity only on gaps, one line per finding, and ``-v`` quoting what decided it."""

from __future__ import annotations

import attrs
from conftest_reports import com_missing, document, exp_weak, inv_satisfied, sample_report, waived_report

from esa_rules.report import Evidence, Match
from esa_rules.reporters import text
from esa_rules.reporters.quotes import quoted, segments, trimmed


def _lines_of(out: str, provision: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if f" {provision} " in line)
    block = [lines[start]]
    for line in lines[start + 1:]:
        if not line.startswith("    "):
            break
        block.append(line)
    return block


def test_severity_only_where_a_finding_can_fail_the_run() -> None:
    out = text.render(sample_report())
    assert "drafts/uk-ch3.txt:41:1: ESA-INV-1 satisfied Investment screening alignment:" in out
    assert "drafts/uk-ch3.txt:60:5: error ESA-EXP-1 weak" in out
    assert "drafts/uk-ch3.txt:112:1: warning ESA-COM-1 missing" in out
    waived = text.render(waived_report("ESA-COM-1", "side letter"))
    assert ": ESA-COM-1 waived Compartmentalization of disputes:" in waived


def test_default_output_is_one_line_per_finding() -> None:
    out = text.render(sample_report())
    assert not [line for line in out.splitlines() if line.startswith("    ")]
    assert sum(1 for line in out.splitlines() if ": " in line and " ESA-" in line) == 4
    assert "1 satisfied, 1 weak, 1 missing, 1 violated, 0 waived; 1 gap fails the run (--fail-on error)" in out


def test_verbose_quotes_a_weak_sentence_once_with_matched_and_soft_words_marked() -> None:
    block = _lines_of(text.render(sample_report(), verbose=True), "ESA-EXP-1")
    assert block[1] == "    Matched clause and soft wording: Article 4.1 (line 60)"
    quote = " ".join(line.strip() for line in block[2:] if not line.strip().startswith("Model"))
    assert quote.startswith("“The Parties «shall endeavour» to «coordinate their controls» on dual-use items")
    assert "«as appropriate»" in quote
    quoted_lines = [line for line in block if "Model wording" not in line and "shall coordinate" not in line]
    assert sum("dual-use items" in line for line in quoted_lines) == 1  # not repeated per role
    assert block[-1].startswith("    Model wording: The Parties shall coordinate")


def test_verbose_names_the_nearest_clause_of_a_gap_and_its_model_wording() -> None:
    block = _lines_of(text.render(sample_report(), verbose=True), "ESA-COM-1")
    assert block[1:] == [
        "    Nearest clause: Article 9.4 (line 112); it lacks suspend; cooperation",
        "    Model wording: A dispute under Chapter 20 shall not suspend cooperation under this Chapter.",
    ]
    no_nearest = text.render(sample_report((document(findings=(com_missing(nearest=False),)),)), verbose=True)
    assert "    Nearest clause: none; no related wording anywhere in the draft" in no_nearest


def test_verbose_satisfied_shows_its_sentence_but_no_model_wording() -> None:
    block = _lines_of(text.render(sample_report(), verbose=True), "ESA-INV-1")
    assert block[1] == "    Matched clause: Article 3.2, paragraph 1 (line 41)"
    assert "«review foreign investments»" in block[2] and not any("Model wording" in b for b in block)


def test_colour_marks_words_in_bold_instead_of_guillemets() -> None:
    out = text.render(sample_report(), verbose=True, color=True)
    assert "\x1b[1mcoordinate their controls\x1b[22m" in out and "«" not in out


def test_verbose_lines_wrap_at_the_width() -> None:
    out = text.render(sample_report(), verbose=True, width=60)
    assert max(len(line) for line in out.splitlines() if line.startswith("    ")) <= 60


def test_a_long_sentence_is_trimmed_around_its_matched_words() -> None:
    quote = " ".join(f"word{i}" for i in range(60)) + " shall screen investments " + \
        " ".join(f"tail{i}" for i in range(60))
    start = quote.index("screen investments")
    ev = Evidence(unit="Article 1", eid="a1", line=1, column=1, end_line=1, quote=quote,
                  matches=(Match("screening", start, start + len("screen investments")),))
    pieces = trimmed(segments(quote, ev))
    shown = "".join(p.text for p in pieces)
    assert shown.startswith("… ") and shown.endswith(" …") and "screen investments" in shown
    assert len(shown) < 200 and " word0 " not in shown
    assert [p.text for p in pieces if p.term] == ["screen investments"]


def test_quoted_merges_the_roles_of_one_sentence() -> None:
    (merged,) = quoted(exp_weak().evidence)
    assert merged.roles == ("require", "soft-wording") and len(merged.marks) == 3
    assert [m.role for m in merged.marks] == ["require", "soft-wording", "soft-wording"]
    assert quoted(inv_satisfied().evidence)[0].label == "Matched clause"
    other = attrs.evolve(exp_weak().evidence[1], quote="Another sentence.", matches=())
    assert len(quoted((exp_weak().evidence[0], other))) == 2
